"""HTML extraction: must-contain / must-not-contain checks on small pages written for the test.

The story is made up (a bridge reopening in a made-up town); the furniture around it is worded
the way news pages word it.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsweave.extract.blocks import Block
from newsweave.extract.html import (
    EMPTY_PAGE,
    HtmlPage,
    Meta,
    Piece,
    extract_html,
    furniture_reason,
    label_blocks,
    word_count,
)
from newsweave.extract.text import BYLINE, CREDIT, DATELINE, HEADLINE
from newsweave.options import DEFAULT, updated

PARAGRAPHS = [
    "The Millbrook river bridge reopened to traffic on Tuesday morning after a three-week "
    "repair that closed the town's main crossing and sent lorries on a 40-kilometre detour.",
    "Engineers replaced two corroded bearings and resurfaced the deck, the county council said "
    "in a statement, adding that the work had cost 1.2 million euros, slightly under budget.",
    "“We are relieved to have our bridge back,” said Mayor Ines Varga, who cut a ribbon at "
    "the eastern end while a small crowd of residents and shop owners applauded.",
    "Traders on both banks had complained that the closure halved their takings. The chamber "
    "of commerce estimated losses of more than 300,000 euros over the three weeks.",
    "The council said a weight limit of 18 tonnes would stay in place until inspectors finish "
    "checking the western approach, which is expected to take another fortnight.",
    "Buses will return to their usual routes from Wednesday, the regional transport company "
    "said, and the temporary ferry service that ran during the works will stop on Friday.",
]

FURNITURE = {
    "caption": "Mayor Ines Varga cuts the ribbon on Tuesday. (AP Photo/Jan Kovacs)",
    "credit_line": "Photo: Millbrook Courier / Jan Kovacs",
    "share": "Share this story with a friend on Facebook",
    "read_more": "Read more: Council approves budget for road repairs",
    "newsletter": "Sign up for our newsletter to get the day's top stories in your inbox.",
    "follow": "Follow the Millbrook Courier on Twitter and Facebook.",
    "reporting": "(Reporting by Jan Kovacs; Editing by Mara Petit)",
    "copyright": "© 2025 Millbrook Courier. All rights reserved.",
    "advert": "Advertisement",
    "related_item": "Lorry drivers face long detour as bridge shuts",
}


def page(*, body_extra: str = "", head_extra: str = "") -> str:
    """A news page: header and navigation, the article with widgets inside, a footer."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:])
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Millbrook bridge reopens after repairs | Millbrook Courier</title>
<meta property="og:title" content="Millbrook bridge reopens after repairs">
<meta property="og:site_name" content="Millbrook Courier">
<meta name="author" content="Jan Kovacs">
<meta name="description" content="The town's main crossing is open again.">
<meta property="article:published_time" content="2025-03-04T09:30:00+01:00">
<link rel="canonical" href="/news/bridge-reopens">
{head_extra}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Millbrook bridge reopens after repairs</h1>
<p class="byline">By Jan Kovacs</p>
<figure><img src="bridge.jpg" alt="The reopened bridge at dawn">
<figcaption>{FURNITURE["caption"]}</figcaption></figure>
{paragraphs}
<p>{FURNITURE["credit_line"]}</p>
<div class="share-tools"><a href="#">{FURNITURE["share"]}</a></div>
<p>{FURNITURE["read_more"]}</p>
{rest}
<p>{FURNITURE["advert"]}</p>
<p>{FURNITURE["newsletter"]}</p>
<p>{FURNITURE["follow"]}</p>
<p>{FURNITURE["reporting"]}</p>
<h3>Related</h3>
<ul><li><a href="/a">{FURNITURE["related_item"]}</a></li>
<li><a href="/b">Ferry to run while river crossing is closed</a></li></ul>
{body_extra}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/c">Storm warning for the coast</a></li></ul></aside>
<footer><p>{FURNITURE["copyright"]}</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def news() -> HtmlPage:
    return extract_html(page(), url="https://courier.example/news/bridge-reopens?ref=rss")


def test_keeps_every_article_paragraph_as_its_own_block(news: HtmlPage) -> None:
    kept = [b.text for b in news.blocks if b.kept]
    for paragraph in PARAGRAPHS:
        assert paragraph in kept  # whole, and one block each
    assert kept.index(PARAGRAPHS[0]) < kept.index(PARAGRAPHS[-1])  # reading order


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_furniture_is_not_in_the_text(news: HtmlPage, name: str) -> None:
    assert FURNITURE[name] not in news.text


def test_removed_blocks_say_why(news: HtmlPage) -> None:
    removed = {b.text: b.reason for b in news.blocks if not b.kept}
    assert removed[FURNITURE["read_more"]] == "related links"
    assert removed[FURNITURE["newsletter"]] == "newsletter sign-up"
    assert removed[FURNITURE["follow"]] == "follow prompt"
    assert removed[FURNITURE["reporting"]] == CREDIT
    assert all(reason for reason in removed.values())


def test_navigation_and_footer_are_left_out(news: HtmlPage) -> None:
    for text in ("Home", "Sport", "Most read", "Storm warning for the coast"):
        assert text not in news.text


def test_metadata(news: HtmlPage) -> None:
    assert news.title == "Millbrook bridge reopens after repairs"
    assert news.author == "Jan Kovacs"
    assert news.published == "2025-03-04T09:30:00+01:00"
    assert news.outlet == "Millbrook Courier"
    assert news.url == "https://courier.example/news/bridge-reopens"
    assert news.description == "The town's main crossing is open again."


def test_headline_and_byline_are_metadata_not_text(news: HtmlPage) -> None:
    assert "Millbrook bridge reopens after repairs" not in news.text
    assert "By Jan Kovacs" not in news.text


def test_json_ld_metadata() -> None:
    ld = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@graph": [{"@type": "WebSite", "name": "Site"},
      {"@type": "NewsArticle", "headline": "Bridge open again",
       "datePublished": "2025-03-04", "author": [{"@type": "Person", "name": "Ana Ruiz"},
       {"@type": "Person", "name": "Tom Berg"}], "publisher": {"name": "Valley News"}}]}
    </script>"""
    p = extract_html(page(head_extra=ld))
    assert p.title == "Bridge open again"
    assert p.author == "Ana Ruiz, Tom Berg"
    assert p.published == "2025-03-04"
    assert p.outlet == "Valley News"


def test_broken_json_ld_is_ignored() -> None:
    p = extract_html(page(head_extra='<script type="application/ld+json">{"headline": </script>'))
    assert p.title == "Millbrook bridge reopens after repairs"
    assert PARAGRAPHS[0] in p.text


def test_the_title_loses_the_outlet_name() -> None:
    html = page().replace('<meta property="og:title" content="Millbrook bridge reopens after '
                          'repairs">', "")
    assert extract_html(html).title == "Millbrook bridge reopens after repairs"


def test_hostile_html_is_read_as_text_and_never_run() -> None:
    hostile = """
    <script>document.write('<p>INJECTED PARAGRAPH from a script</p>'); alert('x')</script>
    <p onclick="alert('owned')" onmouseover="steal()">Residents can report problems with the
    new surface to the council by phone, and AT&amp;T &lt;3 users can text &quot;BRIDGE&quot;
    to the council's number, said the council's spokesperson on Tuesday afternoon.</p>
    <iframe src="javascript:alert(1)">IFRAME TEXT</iframe>
    <style>p { display: none }</style><noscript>NOSCRIPT TEXT</noscript>
    <img src=x onerror="alert(1)">
    """
    p = extract_html(page(body_extra=hostile))
    assert PARAGRAPHS[0] in p.text
    for text in ("INJECTED", "alert", "steal()", "IFRAME TEXT", "display: none", "onclick"):
        assert text not in p.text
    # entities are decoded once and nothing is escaped again: rendering escapes later
    assert 'AT&T <3 users can text "BRIDGE"' in p.text


def test_truncated_html_keeps_what_arrived() -> None:
    html = page()
    cut = html[: html.index(PARAGRAPHS[4][:30])]  # the download stopped mid-article
    p = extract_html(cut)
    assert PARAGRAPHS[0] in p.text
    assert PARAGRAPHS[5] not in p.text


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   \n\t  ",
        "\x00\x00\x00",
        "<<<>>>",
        "<html>",
        "<p>",
        "just some plain text, not HTML at all",
        "\ufffd\ufffd\ufffd binary \x01\x02\x03 ÿþ",
        "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 10 + "</body></html>",
    ],
)
def test_junk_never_raises_and_keeps_nothing(junk: str) -> None:
    p = extract_html(junk)
    assert isinstance(p, HtmlPage)
    assert not [b for b in p.blocks if b.kept]


def test_a_lone_surrogate_does_not_leak_into_the_text() -> None:
    p = extract_html("<html><body><p>lone surrogate \udcff in text</p></body></html>")
    p.text.encode("utf-8")  # raises if an unencodable character reached the text


def test_empty_input_is_the_empty_page() -> None:
    assert extract_html("") == EMPTY_PAGE
    assert extract_html(" \n ") == EMPTY_PAGE


def test_mojibake_and_replacement_characters_pass_through() -> None:
    odd = ("The café owner, Zoë Müller, said the closure â€“ three weeks of it â€“ cost her "
           "dearly \ufffd and that she was glad the crossing was open again for customers.")
    p = extract_html(page(body_extra=f"<p>{odd}</p>"))
    assert odd in p.text
    assert PARAGRAPHS[1] in p.text


def test_bytes_decoded_as_latin1_still_extract() -> None:
    html = page().encode("utf-8").decode("latin-1")  # a wrong guess upstream
    p = extract_html(html)
    assert "Millbrook river bridge reopened" in p.text


def test_same_input_same_output() -> None:
    html = page()
    assert extract_html(html) == extract_html(html)


def test_page_is_frozen(news: HtmlPage) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        news.title = "changed"  # type: ignore[misc]


def test_recall_mode_also_drops_furniture() -> None:
    p = extract_html(page(), options=updated(DEFAULT, {"extract.html_favor_precision": False}))
    assert PARAGRAPHS[0] in p.text
    assert FURNITURE["newsletter"] not in p.text
    assert FURNITURE["read_more"] not in p.text


def test_caption_repeating_an_image_description_is_dropped() -> None:
    caption = "Workers lay new asphalt on the bridge deck at night"
    body = (f'<div class="img"><img src="x.jpg" alt="{caption}"></div><p>{caption}</p>'
            f"<p>{PARAGRAPHS[2]}</p>")
    p = extract_html(page(body_extra=body))
    assert caption not in p.text
    assert [b.reason for b in p.blocks if b.text == caption] == ["photo caption"]


# --- the rules on their own -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("READ MORE: China confirms two cases of plague", "related links"),
        ("[Related: Ten things to know before the summit]", "related links"),
        ("Also on example.com Ministers meet to discuss the budget", "related links"),
        ("You may also like", "related links"),
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.",
         "newsletter sign-up"),
        ("If you enjoyed this article, we have a proposition for you: become a member.",
         "subscription offer"),
        ("Like this story? Share it with a friend!", "share prompt"),
        ("Follow The Daily Example Opinion section on Facebook and Instagram.", "follow prompt"),
        ("Have a tip? Jo Roe may be reached at jo@example.com.", "contact line"),
        ("Write to Al Root at al.root@example.com", "contact line"),
        ("More AP NBA: https://apnews.example/NBA", "link prompt"),
        ("Workers repair the deck. (AP Photo/Jan Kovacs)", "photo credit"),
        ("Ministers at the summit on Monday. Getty Images", "photo credit"),
        ("This copy is for your personal, non-commercial use only.", "reprint notice"),
        ("Copyright 2025 Example News. All rights reserved.", "copyright notice"),
        ("(Reporting by Jan Kovacs; Editing by Mara Petit)", CREDIT),
        ("Associated Press writers Ann Lee and Tom Berg contributed to this report.", CREDIT),
        ("Advertisement", "advertisement"),
        ("12 Comments", "comments prompt"),
        ("Tags: bridge, repairs, council", "tag list"),
        ("5 min read", "reading time"),
        ("An error has occurred, please try again later.", "site message"),
        ("05/10/2018 - Posted by: Ann Lee - Category: Health", "post details"),
        ("[button link=”/send”]Send us your story[/button]", "unrendered shortcode"),
        ("___", "separator"),
        ("November 20, 2019 - 11:28 AMT", DATELINE),
        ("Updated at 1:23 p.m.", DATELINE),
    ],
)
def test_furniture_lines(text: str, reason: str) -> None:
    assert furniture_reason(text, word_count(text)) == reason


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPHS[0],
        "More than 30 people were wounded, the ministry said.",
        "Related parties must disclose their holdings, the regulator said on Monday.",
        "4:14 p.m.",  # a live blog's entry stamp
        "29 November 2018 | 20 January 2019",  # an event's dates
        "The newspaper, which has 40,000 subscribers to its newsletter, said its inbox was "
        "flooded with letters from readers angry about the closure of the river crossing and "
        "the long detour that lorries, buses and commuters have had to take for three weeks, "
        "and that it would publish a selection of them next week alongside the council reply.",
        "She follows the team closely and posts photos on Instagram after every match.",
        "She said she would share the post with a friend on Facebook.",  # reported, no prompt
        "Phishing emails land in your inbox every day.",
        "2019 is over",  # a year and short words, but no date stamp
        "Getty Images photographers were among the journalists who were detained by police "
        "during the protest on Saturday, according to the agency, which demanded their release "
        "and said it would take the matter to court if the charges were not dropped.",
        "市議会は火曜日、橋の補修工事が完了したと発表した。© 写真は市の提供。" * 4,
    ],
)
def test_article_lines_are_not_furniture(text: str) -> None:
    assert furniture_reason(text, word_count(text)) is None


def test_headline_subheadline_and_byline_are_labelled() -> None:
    meta = Meta(title="Bridge reopens", titles=("Bridge reopens | Courier", "Bridge reopens"),
                author="Jan Kovacs")
    pieces = [
        Piece("head", "Bridge reopens"),
        Piece("head", "Three weeks of detours are over for Millbrook drivers"),
        Piece("p", "By Jan Kovacs, Courier staff"),
        Piece("p", PARAGRAPHS[0]),
        Piece("p", "Bridge reopens"),
    ]
    reasons = [b.reason for b in label_blocks(pieces, meta)]
    assert reasons == [HEADLINE, "subheadline", BYLINE, None, "repeats the headline"]


def test_items_under_a_related_heading_are_related_links() -> None:
    pieces = [
        Piece("p", PARAGRAPHS[0]),
        Piece("head", "Don't miss"),
        Piece("p", "Lorry drivers face long detour as bridge shuts"),
        Piece("p", "Ferry to run while river crossing is closed [VIDEO]"),
        Piece("p", PARAGRAPHS[1]),
        Piece("p", "A short line after the article text."),
    ]
    blocks = label_blocks(pieces, Meta())
    assert [b.reason for b in blocks] == [None, "related links", "related links",
                                          "related links", None, None]


def test_tags_heading_takes_the_tag_line_with_it() -> None:
    tags = ", ".join(f"millbrook bridge {i}" for i in range(20))
    blocks = label_blocks([Piece("p", PARAGRAPHS[0]), Piece("p", "Tags"), Piece("p", tags)],
                          Meta())
    assert [b.reason for b in blocks] == [None, "tag list", "tag list"]


def test_a_one_word_author_is_no_byline_rule() -> None:
    # brands and agencies stand as "authors" in page metadata and appear in article text
    meta = Meta(author="Reuters")
    blocks = label_blocks([Piece("p", "Reuters reported the figure first.")], meta)
    assert blocks == (Block("Reuters reported the figure first.", None),)


def test_word_count_counts_unspaced_scripts() -> None:
    assert word_count("two words") == 2
    assert word_count("字" * 80) == 10


def test_json_ld_nested_a_thousand_deep_is_ignored_and_the_page_read() -> None:
    deep = '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>"
    p = extract_html(page(head_extra=deep), url="http://[::1")
    assert p.title == "Millbrook bridge reopens after repairs"
    assert PARAGRAPHS[0] in p.text


def test_the_title_loses_the_outlet_name_written_without_spaces() -> None:
    html = page().replace(
        '<meta property="og:title" content="Millbrook bridge reopens after repairs">', ""
    ).replace("| Millbrook Courier</title>", "| MillbrookCourier</title>")
    html = html.replace("<h1>Millbrook bridge reopens after repairs</h1>", "")
    assert extract_html(html).title == "Millbrook bridge reopens after repairs"


def test_a_title_escaped_twice_shows_its_characters() -> None:
    html = page().replace(
        'content="Millbrook bridge reopens after repairs"',
        'content="&amp;#8216;Open again&amp;#8217;: Millbrook bridge reopens for &amp;#163;2m"',
    )
    assert extract_html(html).title == "‘Open again’: Millbrook bridge reopens for £2m"
