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
    ],
)
def test_article_text_is_not_furniture(paragraph: str) -> None:
    assert furniture_reason(paragraph) is None


def test_caption_needs_a_credit_or_a_label() -> None:
    assert caption_reason("The fire broke out on Tuesday (local time).") is None
    assert caption_reason("Image: a crane at the dock") == "photo caption"


def test_truncated_teaser() -> None:
    assert is_truncated("A crane lifts debris at the dock during a ...")
    assert is_truncated("Council members argue over the bus route…")
    assert not is_truncated("He said: “We will see...”")
    assert not is_truncated("The fire is out.")
