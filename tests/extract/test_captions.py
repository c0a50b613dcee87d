"""Captions, credits and player text printed as paragraphs (examples written for the tests)."""

from __future__ import annotations

import pytest

from newsweave.extract.captions import caption_reason, split_credit


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Image copyright Example Wire Image caption The pier after the storm", "photo caption"),
        ("Media playback is unsupported on your device", "video player text"),
        ("Enlarge this image toggle caption Jane Roe/Getty Images", "photo caption"),
        (
            "Embed Ferry runs aground off Inish Mor 1:12 autoplay autoplay Copy this code to "
            "your website or blog",
            "video player text",
        ),
        (
            "JUST WATCHED Ferry captain speaks Replay More Videos ... MUST WATCH",
            "video player text",
        ),
        ("CLOSE The ferry company explains the new rosters. VPC", "video player text"),
        ("1 of 9 Full Screen Autoplay Close Skip Ad × Storm over the harbour", "photo gallery"),
        ("Slideshow (4 Images)", "photo gallery"),
        ("Podcast: the week in review Listen · 21:40 21:40", "audio player text"),
        ("In this Monday, March 3, 2025 photo, crews work on the pier.", "photo caption"),
        ("An image from the council's live stream on Tuesday.", "photo caption"),
        ("Crews work on the pier on Tuesday in Port Calder. AP", "photo caption"),
        ("Crews work on the pier on Tuesday. REUTERS/Jane Roe", "photo caption"),
        ("Jane Roe, the harbour master, at the pier. (Harbour Times)", "photo caption"),
        ("Crews on the pier, where... (Associated Press)", "photo caption"),
        ("Getty Images / JANE ROE / Contributor", "photo caption"),
        ("REUTERS/Jane Roe", "photo caption"),
        ("Crews on the pier on Thursday. Photo: Jane Roe/Example Record", "photo caption"),
        ("abc/xyz (AFP, dpa)", "photo credit"),
        ("Crews on the pier. (Photo: Example TV, Port Calder)", "photo caption"),
        ("Crews on the pier. (AP Photo/Jane Roe) (Associated Press)", "photo caption"),
        ("“We will reopen.” | Jane Roe/Getty Images Pier to reopen in May", "photo caption"),
        ("Crews on the pier at dawn.Credit...Jane Roe/The Example Times", "photo caption"),
        ("A model of the new pier. Credit: Example Agency", "photo caption"),
        ("Crews on the pier at dawn.Jane Roe/Example Times/Getty Images", "photo caption"),
        (
            "This March 4, 2021, file photo, provided by the Calder Police, shows the pier.",
            "photo caption",
        ),
        ("This undated image shows the old ferry at the quay.", "photo caption"),
        ("1 of 6", "photo gallery"),
        ("Image 3/12", "photo gallery"),
        ("Caption", "photo gallery"),
        ("Thousands are expected to receive a notice (Credit: Example Stock)", "photo caption"),
    ],
)
def test_captions_credits_and_players(paragraph: str, reason: str) -> None:
    assert caption_reason(paragraph) == reason


@pytest.mark.parametrize(
    "paragraph",
    [
        "The company said profits rose sharply this year, and more is expected next year, as "
        "it has said before on many occasions and will say again. (Reuters)",
        "Crews worked on the pier for the Islamic State group (IS)",
        "The harbour master told AP that the pier would reopen in May.",
        "In this town, the ferry is the only way to the island.",
        "The council gave its credit: the crews had worked through the night.",
        "This photo of the pier shocked the island, the mayor said.",
        "The vote was 1 of 6 held this year.",
    ],
)
def test_prose_is_not_a_caption(paragraph: str) -> None:
    assert caption_reason(paragraph) is None


def test_a_credit_glued_to_the_text_is_split_off() -> None:
    credit, rest = split_credit("Jane Roe/Getty Images There is no doubt the pier will reopen.")
    assert credit == "Jane Roe/Getty Images"
    assert rest == "There is no doubt the pier will reopen."
    assert split_credit("Jane Roe said the pier will reopen.") is None
