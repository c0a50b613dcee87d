import pytest

from newsweave.extract.furniture import caption_reason, furniture_reason, is_truncated


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Share this post!", "share widget"),
        ("Tweet", "share widget"),
        ("Sign up for our morning newsletter", "subscription prompt"),
        ("Get breaking news alerts delivered to your inbox. Subscribe now.", "subscription prompt"),
        ("Comments (12)", "comment widget"),
        ("Leave a Reply", "comment widget"),
        ("Your email address will not be published.", "comment widget"),
        ("We use cookies to improve your experience. Accept cookies", "cookie notice"),
        ("Advertisement", "advertisement"),
        ("Sponsored content", "advertisement"),
        ("Read more here.", "link to more"),
        ("Click here to read the rest of the blog.", "link to more"),
        ("Related: Council approves new budget", "link to more"),
        ("Open in the app for the best experience", "app or browser prompt"),
        ("Search", "site search"),
        ("Have a news tip? Email the newsroom.", "reader-tip prompt"),
        ("© 2025 Example Media. All rights reserved.", "copyright notice"),
        ("Follow us on Mastodon", "follow prompt"),
        ("Skip to main content", "site navigation"),
        ("BREAKING NEWS", "section label"),
        ("3 hours ago", "relative time stamp of a teaser"),
        ("Updated 5 min ago", "relative time stamp of a teaser"),
        ("Name *", "form field label"),
        ("(4)   (17)", "no words (counter or symbols)"),
        ("Photo: Firefighters at the scene on Tuesday.", "photo caption"),
        ("Credit: Example Agency", "photo credit"),
        ("(Jane Doe/Example Wire)", "photo caption"),
        ("A crane lifts debris at the dock. (Photo by Sam Lee via Getty Images)", "photo caption"),
        ("Read or Share this story: https://example.org/x1", "share widget"),
        ("Keep up with the harbour story by subscribing now", "subscription prompt"),
        (
            "Harbour Daily newsletter Your guide to the port, weekday mornings, in your inbox. "
            "Email Sign Up By signing up you agree to receive email newsletters or alerts from "
            "Example Media. You can unsubscribe at any time.",
            "subscription prompt",
        ),
        ("Story Continued Below", "advertisement"),
        ("Read next Ferry fares to rise in May Ferry fares to rise in May", "link to more"),
        ("Ferry fares: what the new rosters mean Read more", "link to more"),
        ("More from Travel & Transport:", "link to more"),
        ("► March 2: Ferry union calls a vote on strike action", "link to more"),
        ("[Weather: gales likely for the weekend crossing]", "link to more"),
        (
            "For Example News' full coverage of the ferry strike: https://example.org/ferry",
            "link to more",
        ),
        ("https://example.org/status/12345", "bare link"),
        ("Listen to the union's statement:", "link to media"),
        ("RELATED: Island shop runs out of bread", "link to more"),
        ("PREVIOUS STORIES:", "link to more"),
        ("Example Wire writers Jane Roe and John Doe contributed to this report.", "credit line"),
        ("Contributing: Example Wire", "credit line"),
        ("Roe reported from Cork, and Doe reported from Galway.", "credit line"),
        ("Niamh Kelly, Transport correspondent", "byline"),
        ("“We did not want this.” Brid Walsh, Ferry Workers Union", "pull quote"),
        (
            "This website uses cookies to improve your experience while you navigate through "
            "the website. Out of these cookies, the cookies that are categorized as necessary "
            "are stored on your browser as they are essential for the working of basic "
            "functionalities of the website. We also use third-party cookies that help us "
            "analyze and understand how you use this website.",
            "cookie notice",
        ),
        ("Example Media uses cookies for personalization and for other purposes.", "cookie notice"),
        ("Privacy Overview", "cookie notice"),
        ("Advert", "advertisement"),
        ("Most Popular", "link to more"),
        ("6 thoughts on “Ferry fares to rise in May”", "comment widget"),
        (
            "As you comment, please be respectful of other commenters and other viewpoints.",
            "comment widget",
        ),
        ("This document is subject to copyright.", "copyright notice"),
        ("Breaking News Emails", "subscription prompt"),
        ("Follow the author of this article", "follow prompt"),
    ],
)
def test_furniture_is_recognised(paragraph: str, reason: str) -> None:
    assert furniture_reason(paragraph) == reason


@pytest.mark.parametrize(
    "paragraph",
    [
        "Search teams found two more people in the rubble on Tuesday.",
        "The ministry did not respond to a request for comment.",
        "“Subscribe to nothing and trust no one,” the author told the audience.",
        "Email records obtained by the newspaper show the plan was drafted in March.",
        "One officer killed in the capital",
        "There have been mixed messages from the unions though.",
        "Share prices fell by 4% after the announcement, the exchange said.",
        "WASHINGTON: The council said on Monday that the ferry would run again.",
        "The bakery uses cookies from a family recipe, its owner said.",
        "Most of the crew stayed on board.",
        "He reported from Cork for a decade before he joined the paper.",
        "“We did not want this,” Brid Walsh said.",
    ],
)
def test_article_text_is_not_furniture(paragraph: str) -> None:
    assert furniture_reason(paragraph) is None


def test_a_caption_needs_a_credit_or_a_label() -> None:
    assert caption_reason("The fire broke out on Tuesday (local time).") is None
    assert caption_reason("Image: a crane at the dock") == "photo caption"


def test_truncated_teaser() -> None:
    assert is_truncated("A crane lifts debris at the dock during a ...")
    assert is_truncated("Council members argue over the bus route…")
    assert not is_truncated("He said: “We will see...”")
    assert not is_truncated("The fire is out.")
