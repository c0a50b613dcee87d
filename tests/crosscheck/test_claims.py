"""Alignment and verdicts on small stories written for these tests."""

from __future__ import annotations

from datetime import datetime

from newsweave.analyze import analyze_articles
from newsweave.brief.story import analysed_story, article_ids
from newsweave.crosscheck.claims import align, meet, verdict
from newsweave.model import Article, Claim, Report, Span


def story(*texts: str) -> list[Claim]:
    arts = [
        Article(origin=f"t{i}", text=t, paragraphs=(Span(0, len(t)),)) for i, t in enumerate(texts)
    ]
    annotated = analyze_articles(arts)
    return align(analysed_story(annotated))


def by_figures(claims: list[Claim]) -> dict[frozenset[str], Claim]:
    return {frozenset(f"{r.article}:{r.text}" for r in c.reports): c for c in claims}


def r(low: float | None, high: float | None, article: str = "a1", text: str = "x") -> Report:
    return Report(article, Span(0, 1), text, low, high)


def test_interval_meeting() -> None:
    assert meet(r(85, 85), r(85, None))
    assert meet(r(None, 30), r(30, 30))
    assert not meet(r(12, 12), r(21, 21))
    assert meet(r(24, None), r(40, 40))


def test_verdicts() -> None:
    assert verdict([r(3, 3, "a1"), r(3, 3, "a1")])[0] == "single"
    assert verdict([r(3, 3, "a1"), r(3, 3, "a2")])[0] == "agree"
    assert verdict([r(85, 85, "a1"), r(85, None, "a2")])[0] == "differ"
    v, why = verdict([r(12, 12, "a1", "12"), r(21, 21, "a2", "21")])
    assert v == "conflict"
    assert '"12"' in why and '"21"' in why and "cannot both be true" in why


def test_a_true_conflict() -> None:
    claims = story(
        "The landslide in Vale killed 12 people, rescuers said on Monday.",
        "Rescuers said 21 people were killed in the Vale landslide on Monday.",
    )
    dead = [c for c in claims if {x.text for x in c.reports} == {"12", "21"}]
    assert len(dead) == 1
    assert dead[0].verdict == "conflict"
    assert "people" in dead[0].measure and "killed" in dead[0].measure


def test_figures_that_can_all_be_true_differ() -> None:
    claims = story(
        "The blaze forced more than 200 residents from their homes overnight.",
        "Police evacuated 250 residents from their homes overnight.",
    )
    c = by_figures(claims)[frozenset({"a1:more than 200", "a2:250"})]
    assert c.verdict == "differ"


def test_same_interval_agrees_across_wordings() -> None:
    claims = story(
        "The fire burned for 14 hours before crews contained it.",
        "Crews needed fourteen hours to bring the fire under control.",
    )
    c = by_figures(claims)[frozenset({"a1:14 hours", "a2:fourteen hours"})]
    assert c.verdict == "agree"


def test_one_distance_in_two_units_is_compared_converted() -> None:
    claims = story(
        "The convoy travelled 40 km to the border on Tuesday.",
        "The convoy travelled 40 miles to the border on Tuesday.",
    )
    (c,) = claims
    assert c.verdict == "conflict"  # 40 miles is 64 km
    claims = story(
        "Divers reached the 12-metre wreck of the ferry on Tuesday.",
        "Divers reached the 40-foot wreck of the ferry on Tuesday.",
    )
    (c,) = claims
    assert c.verdict == "agree"  # 40 ft is 12.2 m: one figure, rounded in conversion


def test_killed_and_wounded_are_two_measures() -> None:
    claims = story(
        "The attack killed three soldiers and wounded 40 others near the base.",
        "Three soldiers were killed and more than 40 were wounded in the attack near the base.",
    )
    killed = by_figures(claims)[frozenset({"a1:three", "a2:Three"})]
    wounded = by_figures(claims)[frozenset({"a1:40", "a2:more than 40"})]
    assert killed.verdict == "agree"
    assert wounded.verdict == "differ"


def test_different_places_are_different_measures() -> None:
    claims = story(
        "Floods in Arland killed 16 people on Friday.",
        "Floods in Berland killed 3 people on Friday.",
    )
    assert all(c.verdict == "single" for c in claims)


def test_a_running_total_is_not_the_days_count() -> None:
    claims = story(
        "Rebels have carried out more than 150 attacks on the garrison since October.",
        "On Sunday rebels carried out 4 attacks on the garrison, the army said.",
        "Rebels have attacked the garrison 165 times since October.",
    )
    assert not any(c.verdict == "conflict" for c in claims)


def test_spans_point_at_the_figure() -> None:
    text = "Officials said 7 bridges were closed after the storm."
    (claim,) = story(text)
    (report,) = claim.reports
    assert text[report.span.start : report.span.end] == report.text == "7"


def test_two_figures_of_one_article_never_conflict() -> None:
    claims = story(
        "The quake killed 12 people in Doria on Monday. By evening officials said 14 people "
        "had died in Doria.",
        "The quake in Doria killed 12 people on Monday, officials said.",
    )
    assert not any(c.verdict == "conflict" for c in claims)
    for c in claims:
        by_article: dict[str, set[tuple[float | None, float | None]]] = {}
        for x in c.reports:
            by_article.setdefault(x.article, set()).add((x.low, x.high))
        assert all(len(v) == 1 for v in by_article.values())


def test_things_done_to_one_noun_are_not_one_measure() -> None:
    claims = story(
        "The site said it removed 6,412 posts in the first week.",
        "Millions of posts are shared on the site every day.",
    )
    assert {c.verdict for c in claims} == {"single"}


def test_two_events_years_apart_are_two_measures() -> None:
    claims = story(
        "The 2016 attack on the promenade killed 86 people.",
        "The 2011 attack on the promenade killed 77 people.",
    )
    assert {c.verdict for c in claims} == {"single"}


def test_two_holders_are_two_measures_though_both_outlets_agree() -> None:
    claims = story(
        "The Larkins' income was $392,115 last year, while the Fennels' was $288,740.",
        "The Fennels reported $288,740 in income, and the Larkins' income was $392,115.",
    )
    assert not any(c.verdict == "conflict" for c in claims)
    linked = [c for c in claims if len({x.article for x in c.reports}) == 2]
    for c in linked:
        assert len({x.low for x in c.reports}) == 1


def test_nouns_counted_side_by_side_never_merge() -> None:
    claims = story(
        "The photographs show 27 men and 11 women at the rally.",
        "The photograph shows one man and one woman at the gate.",
    )
    assert not any(c.verdict == "conflict" for c in claims)


def test_a_near_miss_on_the_only_length_is_a_conflict() -> None:
    claims = story(
        "The Christmas tree at Halden Square, a 64-foot fir from Vermont, arrived on Friday.",
        "A 66-foot tall spruce from Vermont arrived at Halden Square on Friday as this year's "
        "Christmas tree.",
    )
    (c,) = [c for c in claims if len({x.article for x in c.reports}) == 2]
    assert c.verdict == "conflict"
    assert "64" in c.why and "66" in c.why and "cannot both be true" in c.why


def test_an_age_given_two_ways_for_one_person_conflicts() -> None:
    claims = story(
        "Tomas Brenner, 32, was arrested at his home in Hull on Monday.",
        "Police in Hull arrested Mr Brenner, 33, on Monday.",
    )
    (c,) = [c for c in claims if c.reports[0].unit == "age"]
    assert c.verdict == "conflict"
    assert "Brenner" in c.measure


def test_ages_of_two_people_are_two_measures() -> None:
    claims = story(
        "A judge denied bond for Carver, 35, and Dunn, 48, on Sunday.",
        "The father, 35-year-old Leo Carver, and stepmother, 48-year-old Ada Dunn, were held.",
    )
    for c in claims:
        assert len({x.low for x in c.reports}) == 1
    assert sum(c.verdict == "agree" for c in claims) == 2


def test_a_movement_to_a_value_is_the_value() -> None:
    claims = story(
        "Unemployment inched up to 23% in March, the agency said.",
        "The agency said unemployment rose to 23% in March.",
    )
    (c,) = [c for c in claims if len({x.article for x in c.reports}) == 2]
    assert c.verdict == "agree"


def _timed(text: str, at: datetime) -> Article:
    return Article(origin=text[:10], text=text, paragraphs=(Span(0, len(text)),), published=at)


def test_a_toll_that_rises_through_the_day_is_a_trend_not_a_conflict() -> None:
    day = datetime(2025, 3, 4)
    arts = [
        _timed("The flood in Marrow killed 12 people, officials said.", day.replace(hour=6)),
        _timed("Officials said the flood in Marrow killed 15 people.", day.replace(hour=11)),
        _timed("The flood in Marrow has killed 21 people, officials said.", day.replace(hour=19)),
    ]
    annotated = analyze_articles(arts)
    (c,) = align(analysed_story(annotated))
    assert c.verdict != "conflict"
    assert [(p.article, p.value) for p in c.trend] == [("a1", 12), ("a2", 15), ("a3", 21)]
    assert "12 (a1, 2025-03-04 06:00) → 15 (a2, 2025-03-04 11:00)" in c.why


def test_two_reports_at_the_same_time_still_conflict() -> None:
    day = datetime(2025, 3, 4, 9)
    arts = [
        _timed("The flood in Marrow killed 12 people, officials said.", day),
        _timed("The flood in Marrow killed 21 people, officials said.", day.replace(minute=30)),
    ]
    annotated = analyze_articles(arts)
    (c,) = align(analysed_story(annotated))
    assert c.verdict == "conflict"
    assert c.trend == ()


def test_a_count_that_falls_later_is_still_a_conflict() -> None:
    day = datetime(2025, 3, 4)
    arts = [
        _timed("The flood in Marrow killed 21 people, officials said.", day.replace(hour=6)),
        _timed("The flood in Marrow killed 12 people, officials said.", day.replace(hour=19)),
    ]
    annotated = analyze_articles(arts)
    (c,) = align(analysed_story(annotated))
    assert c.verdict == "conflict"


def test_a_copy_never_corroborates_its_original() -> None:
    original = "Four firefighters were injured in the warehouse fire in Calder, officials said."
    texts = [original, original + " More follows.", original + " Updated."]
    other = "Six firefighters were injured in the warehouse fire in Calder, the union said."
    arts = [
        Article(origin=f"t{i}", text=t, paragraphs=(Span(0, len(t)),))
        for i, t in enumerate([*texts, other])
    ]
    ids = article_ids(arts)
    annotated = analyze_articles(arts)
    copies = {ids[1]: ids[0], ids[2]: ids[0]}
    (c,) = align(analysed_story(annotated, copies))
    assert c.verdict == "conflict"  # the copies join their original's side, whole
    assert {r.article for r in c.reports} == set(ids)
    (alone,) = align(analysed_story(annotated[:3], copies))
    assert alone.verdict == "single"
    assert "copies" in alone.why


def _age_claim(arts: list[Article]) -> Claim:
    (c,) = [c for c in align(analysed_story(analyze_articles(arts))) if c.reports[0].unit == "age"]
    return c


def test_an_age_given_years_apart_is_a_person_growing_older() -> None:
    arts = [
        _timed("Tomas Brenner, 32, was arrested at his home in Hull.", datetime(2021, 3, 4)),
        _timed("A jury in Hull convicted Tomas Brenner, 34, of arson.", datetime(2022, 11, 20)),
    ]
    c = _age_claim(arts)
    assert c.verdict == "differ"
    assert "grew older" in c.why and "32 (a1, 2021-03-04) → 34 (a2, 2022-11-20)" in c.why


def test_an_age_that_does_not_fit_the_years_between_still_conflicts() -> None:
    # 32 in 2021 makes 36 in late 2025, not 33
    arts = [
        _timed("Tomas Brenner, 32, was arrested at his home in Hull.", datetime(2021, 3, 4)),
        _timed("A jury in Hull convicted Tomas Brenner, 33, of arson.", datetime(2025, 11, 20)),
    ]
    c = _age_claim(arts)
    assert c.verdict == "conflict"


def test_amounts_converted_at_each_outlet_s_rate_do_not_conflict() -> None:
    claims = story(
        "Ministers agreed a €80 billion ($95 billion) rescue for the harbour on Sunday.",
        "Ministers agreed on Sunday a €80 billion ($104 billion) rescue for the harbour.",
    )
    assert all(c.verdict != "conflict" for c in claims)
    (usd,) = [c for c in claims if c.reports[0].text.startswith("$")]
    assert usd.verdict == "differ" and "rate of the day" in usd.why


def test_two_ages_months_apart_still_conflict() -> None:
    arts = [
        _timed("Tomas Brenner, 32, was arrested at his home in Hull.", datetime(2021, 3, 4)),
        _timed("A jury in Hull convicted Tomas Brenner, 33, of arson.", datetime(2021, 9, 20)),
    ]
    c = _age_claim(arts)
    assert c.verdict == "conflict"


def test_how_long_ago_is_never_how_long_it_lasted() -> None:
    # Each article's only span of years: one dates a death, the other times a rule.
    claims = story(
        "Morvania elected a new parliament on Sunday, its first parliamentary vote since the "
        "death of founder Ivo Berdan two years ago.",
        "The old assembly of Morvania had to be approved by the late founder Ivo Berdan, who "
        "died in 2022 after 21 years in power.",
    )
    assert not [c for c in claims if len({x.article for x in c.reports}) == 2]
    # and one span of time before now, told two ways, is still compared
    claims = story(
        "The Morvanian founder died two years ago, officials said on Sunday.",
        "The Morvanian founder died three years ago, officials said on Sunday.",
    )
    (c,) = [c for c in claims if len({x.article for x in c.reports}) == 2]
    assert c.verdict == "conflict"
