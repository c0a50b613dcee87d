"""Analysis speed: articles per CPU-second of the whole analysis, and the time of each step.

Usage: .venv/bin/python bench/analyze.py [--repeat N] [--aeb-limit N] [--shared PATH]

Two corpora: the five seed articles repeated N times (real news with figures), and the text
newsweave extracts from the AEB pages (news and blogs of every length). The model load is
done first and not counted; steps are timed with ``time.process_time()``.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsweave.analyze import _parse_jobs, _shift, nlp
from newsweave.analyze import figures as figures_mod
from newsweave.analyze import quantities as quantities_mod
from newsweave.analyze.clauses import Cue, sentence_cues, surnames
from newsweave.analyze.entity_labels import relabelled
from newsweave.analyze.quotes import read_speech
from newsweave.brief.story import analysed_story
from newsweave.crosscheck.claims import align
from newsweave.extract import extract_article
from newsweave.ingest.decode import decode
from newsweave.model import AnnotatedArticle, Article, Entity, Figure, Hints, RawDocument, Span

ROOT = Path(__file__).resolve().parents[1]


class Clock:
    """CPU seconds spent in each named step."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        t = time.process_time()
        yield
        self.spent[name] += time.process_time() - t


def analyze_timed(articles: list[Article], clock: Clock) -> list[AnnotatedArticle]:
    """The same work as ``newsweave.analyze.analyze_articles``, one step at a time."""
    jobs = [(ai, p) for ai, a in enumerate(articles) for p in a.paragraphs]
    sentences: list[list[Span]] = [[] for _ in articles]
    entities: list[list[Entity]] = [[] for _ in articles]
    with clock.step("sentences + entities (senter, ner)"):
        docs = list(nlp.segment(articles[ai].text[p.start : p.end] for ai, p in jobs))
        for (ai, p), doc in zip(jobs, docs, strict=True):
            for s in doc.sents:
                sentences[ai].append(Span(p.start + s.start_char, p.start + s.end_char))
            for e in doc.ents:
                entities[ai].append(
                    Entity(Span(p.start + e.start_char, p.start + e.end_char), e.label_, e.text)
                )
    with clock.step("entity labels checked against the text (rules)"):
        entities = [relabelled(a.text, found) for a, found in zip(articles, entities, strict=True)]
        known = [surnames(found) for found in entities]
    todo = []
    with clock.step("quantities (regex)"):
        for ai, a in enumerate(articles):
            for s in sentences[ai]:
                found = quantities_mod.find_quantities(a.text[s.start : s.end])
                if found:
                    todo.append((ai, s, found))
    with clock.step("pick sentences with a verb of saying (regex)"):
        jobs_parse = _parse_jobs(articles, sentences, todo)
    figs: list[list[Figure]] = [[] for _ in articles]
    cues: list[list[tuple[Span, Cue]]] = [[] for _ in articles]
    for lemmas, name in ((True, "figure"), (False, "speech-only")):
        jobs = [j for j in jobs_parse if bool(j[2]) == lemmas]
        with clock.step(
            f"parse {name} sentences ({', '.join(nlp.PARSE if lemmas else nlp.PARSE_LIGHT)})"
        ):
            parsed = list(
                nlp.parse((articles[ai].text[s.start : s.end] for ai, s, _, _ in jobs), lemmas)
            )
        for (ai, s, found, said), doc in zip(jobs, parsed, strict=True):
            ents = [e for e in entities[ai] if s.start <= e.span.start and e.span.end <= s.end]
            if found:
                with clock.step("figures (what is counted, event, place)"):
                    qs = [_shift(q, s.start) for q in found]
                    figs[ai].extend(figures_mod.sentence_figures(doc, s, qs, ents))
            if said:
                with clock.step("attribution cues (parse rules)"):
                    cues[ai].extend(
                        (s, c) for c in sentence_cues(doc, s.start, ents, known[ai])
                    )
    for found_cues in cues:
        found_cues.sort(key=lambda sc: (sc[0].start, sc[1].cue.start))
    speech = []
    with clock.step("quotes, speakers and attributions (rules)"):
        for i, a in enumerate(articles):
            parsed_spans = [s for ai, s, _, said in jobs_parse if ai == i and said]
            speech.append(read_speech(a, entities[i], cues[i], parsed_spans))
    return [
        AnnotatedArticle(
            a,
            tuple(sentences[i]),
            tuple(entities[i]),
            tuple(figs[i]),
            speech[i][0],
            speech[i][1],
        )
        for i, a in enumerate(articles)
    ]


def seeds(shared: Path, repeat: int) -> list[Article]:
    out = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        raw = RawDocument(str(path), text.encode(), text, "text/plain", "utf-8", Hints())
        out.append(extract_article(raw))
    return out * repeat


def aeb(shared: Path, limit: int) -> list[Article]:
    out = []
    for path in sorted((shared / "bench/extraction/aeb/html").glob("*.html.gz"))[:limit]:
        data = gzip.decompress(path.read_bytes())
        text, enc = decode(data, media_type_hint="text/html")
        try:
            out.append(extract_article(RawDocument(path.name, data, text, "text/html", enc)))
        except Exception:  # a page with no text is not part of this measure
            continue
    return out


# Claims are aligned within a story; the benchmark cuts each corpus into stories this big.
STORY_SIZE = 5


def run(name: str, articles: list[Article]) -> list[str]:
    clock = Clock()
    annotated = analyze_timed(articles, clock)
    total = sum(clock.spent.values())  # the analysis alone: what the floor is about
    with clock.step(f"(crosscheck) claims alignment, stories of {STORY_SIZE}"):
        for k in range(0, len(annotated), STORY_SIZE):
            story = annotated[k : k + STORY_SIZE]
            align(analysed_story(story))
    words = sum(len(a.text.split()) for a in articles)
    rows = [
        f"| {name} | {len(articles)} | {words / len(articles):.0f} | {total:.2f} | "
        f"{len(articles) / total:.1f} | {words / total:,.0f} | **{words / total / 700:.1f}** |"
    ]
    steps = [
        f"| {step} | {sec:.2f} | {100 * sec / total:.0f}% |" for step, sec in clock.spent.items()
    ]
    return [*rows, "", "| step | CPU s | share of analysis |", "|---|---|---|", *steps, ""]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--aeb-limit", type=int, default=181)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    t = time.process_time()
    nlp.pipeline()
    print(f"model load: {time.process_time() - t:.2f} CPU s (not counted below)\n")
    header = [
        "| corpus | articles | words/article | analysis CPU s | articles/CPU-s | words/CPU-s "
        "| 700-word articles/CPU-s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, arts in (
        (f"seeds x{args.repeat}", seeds(args.shared, args.repeat)),
        ("AEB extracted text", aeb(args.shared, args.aeb_limit)),
    ):
        lines = run(name, arts)
        print("\n".join(header + lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
