"""The article brief: the findings a reader should see first, each one sentence with its evidence sentences,
ranked by how unusual the article is against news English, and each with how reliable its detector is.

Every rule lives here, in :data:`RULES`, and reads only the JSON summary (so a brief can be rebuilt from
``summary.json``). Where a measure has a reference distribution — the same measure on the 44 Brown-corpus news
texts, ``data/reference/brief_reference.csv``, rebuilt by ``python -m analysis reference`` — a finding says
where the article falls in it and is ranked by its distance from the median; findings without one rank by a
fixed weight. How reliable each detector is comes from ``data/reference/reliability.csv``, the figures of
``docs/accuracy.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..core import nlp
from ..core.article import parse_article
from ..core.config import REFERENCE_DIR
from ..core.io import write_text_atomic
from ..core.records import mapping_items, nested_get
from .summary import build_summary

__all__ = [
    "Finding",
    "REFERENCE_MEASURES",
    "RULES",
    "brief_measures",
    "findings",
    "load_reference",
    "load_reliability",
    "percentile",
    "brown_text",
    "build_brief_reference",
]

#: Measures of an article that the brief compares with the reference, with a reader's description.
REFERENCE_MEASURES: dict[str, str] = {
    "grade": "Flesch–Kincaid reading grade",
    "direct_quotes_per_1000": "direct quotations per 1,000 words",
    "unattributed_share": "share of sentences with an evaluative or factual claim credited to no one (%)",
    "vague_per_1000": "vague or anonymous attributions per 1,000 words",
    "loaded_sentence_share": "share of sentences with a loaded word (%)",
    "agentless_per_1000": "agentless passives per 1,000 words",
}


@dataclass(frozen=True)
class Finding:
    """One finding of the brief.

    ``key`` names its rule; ``text`` is the sentence shown; ``evidence`` the sentence ids behind it (in reading
    order); ``strength`` ranks findings (0–1: how far from typical news the article is); ``percentile`` is where the
    article falls among the reference texts (None without a reference); ``detector`` keys its reliability.
    """

    key: str
    text: str
    evidence: tuple[str, ...]
    strength: float
    percentile: float | None
    detector: str
    section: str  # the report page (stem) where the full analysis is


# ---------------------------------------------------------------- reading the summary




def _order(ids) -> tuple[str, ...]:
    """Sentence ids in reading order (s2 before s10), each once."""
    unique = {i for i in ids if isinstance(i, str) and i}
    return tuple(sorted(unique, key=lambda s: (int(s[1:]) if s[1:].isdigit() else 10**9, s)))


def _body_ids(summary: Mapping[str, Any]) -> tuple[str, ...]:
    """The ids of every sentence of the article (headline and standfirst included: a reader reads them too)."""
    return _order(nested_get(summary, "language", "tone", "sentence_ids", default=[]) or [])


def brief_measures(summary: Mapping[str, Any]) -> dict[str, float | None]:
    """The :data:`REFERENCE_MEASURES` of one article's summary (None when not measurable)."""
    words = nested_get(summary, "article", "n_body_words") or nested_get(summary, "article", "n_words") or 0
    per_1000 = (lambda n: 1000.0 * n / words) if words else (lambda n: None)
    body = set(_body_ids(summary))
    atts = mapping_items(nested_get(summary, "framing", "attributions"))
    unattributed = {a.get("sentence_id") for a in atts if a.get("kind") == "unattributed"}
    loaded = {r.get("sentence_id") for r in mapping_items(nested_get(summary, "language", "loaded"))}
    quotes = [q for q in mapping_items(nested_get(summary, "framing", "quotes")) if q.get("kind", "direct") == "direct"]
    vague = [a for a in atts if a.get("kind") in ("vague", "anonymous")]
    agentless = [p for p in mapping_items(nested_get(summary, "language", "passives")) if not p.get("agent")]
    return {
        "grade": nested_get(summary, "language", "readability", "flesch_kincaid_grade"),
        "direct_quotes_per_1000": per_1000(len(quotes)),
        "unattributed_share": 100.0 * len(unattributed & body) / len(body) if body else None,
        "vague_per_1000": per_1000(len(vague)),
        "loaded_sentence_share": 100.0 * len(loaded & body) / len(body) if body else None,
        "agentless_per_1000": per_1000(len(agentless)),
    }


# ---------------------------------------------------------------- reference and reliability


@lru_cache(maxsize=4)
def _reference(path: str) -> dict[str, tuple[float, ...]]:
    values: dict[str, list[float]] = {m: [] for m in REFERENCE_MEASURES}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for m in REFERENCE_MEASURES:
                    try:
                        values[m].append(float(row[m]))
                    except (KeyError, TypeError, ValueError):
                        continue
    except OSError:
        return {}
    return {m: tuple(sorted(v)) for m, v in values.items() if v}


def load_reference(directory: Path | None = None) -> dict[str, tuple[float, ...]]:
    """Each reference measure's values over the reference texts, sorted ({} when the file is missing)."""
    return _reference(str(Path(directory or REFERENCE_DIR) / "brief_reference.csv"))


@lru_cache(maxsize=4)
def _reliability(path: str) -> dict[str, str]:
    out = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out[row["detector"]] = row["statement"]
    except (OSError, KeyError):
        return {}
    return out


def load_reliability(directory: Path | None = None) -> dict[str, str]:
    """``{detector: one sentence on how reliable it is}`` from ``data/reference/reliability.csv``."""
    return _reliability(str(Path(directory or REFERENCE_DIR) / "reliability.csv"))


def percentile(value: float, reference: Sequence[float]) -> float:
    """The share of reference values below ``value`` (ties count half), in percent.

    >>> percentile(5, [1, 2, 3, 4]), percentile(0, [1, 2]), percentile(2, [1, 2, 3])
    (100.0, 0.0, 50.0)
    """
    below = sum(1 for r in reference if r < value)
    ties = sum(1 for r in reference if r == value)
    return 100.0 * (below + ties / 2) / len(reference)


def _place(measure: str, value: float | None, reference: Mapping[str, Sequence[float]], *, default: float
           ) -> tuple[float, float | None]:
    """(strength, percentile): how far the value is from the reference median (0 typical … 1 extreme)."""
    ref = reference.get(measure)
    if value is None or not ref:
        return default, None
    pct = percentile(value, ref)
    return round(abs(pct - 50.0) / 50.0, 4), round(pct, 1)


def _than(pct: float | None, higher: str, lower: str) -> str:
    """'higher than 93 % of …' / 'lower than …' from a percentile, for the sentence of a finding."""
    if pct is None:
        return ""
    if pct >= 99.5:
        return f"; {higher} than any of the Brown news texts"
    if pct <= 0.5:
        return f"; {lower} than any of the Brown news texts"
    if pct >= 50:
        return f"; {higher} than {pct:.0f} % of the Brown news texts"
    return f"; {lower} than {100 - pct:.0f} % of the Brown news texts"


def _ids_text(ids: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (" …" if len(ids) > limit else "")


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# ---------------------------------------------------------------- the rules


def _quotes(summary, measures, ref) -> Finding | None:
    quotes = [q for q in mapping_items(nested_get(summary, "framing", "quotes")) if q.get("kind", "direct") == "direct"]
    atts = mapping_items(nested_get(summary, "framing", "attributions"))
    reported = [a for a in atts if a.get("kind") in ("named_person", "named_org", "document")]
    strength, pct = _place("direct_quotes_per_1000", measures["direct_quotes_per_1000"], ref, default=0.5)
    speakers = sorted({str(q.get("speaker")) for q in quotes if q.get("speaker")})
    if not quotes:
        text = (f"No one is quoted directly: 0 direct quotations; {_n(len(reported), 'claim')} of named sources "
                f"or documents given in other words.")
        ids = [a.get("sentence_id") for a in reported]
    else:
        who = f" ({', '.join(speakers[:4])}{' …' if len(speakers) > 4 else ''})" if speakers else ""
        text = (f"{_n(len(quotes), 'direct quotation')}{who} and {_n(len(reported), 'claim')} of named sources or "
                f"documents given in other words{_than(pct, 'more quotations', 'fewer quotations')}.")
        ids = [q.get("sentence_id") for q in quotes]
    return Finding("quotes", text, _order(ids), strength, pct, "attribution", "02-framing")


def _unattributed(summary, measures, ref) -> Finding | None:
    body = _body_ids(summary)
    atts = mapping_items(nested_get(summary, "framing", "attributions"))
    ids = _order(a.get("sentence_id") for a in atts if a.get("kind") == "unattributed" and a.get("sentence_id") in body)
    if not ids:
        return None
    strength, pct = _place("unattributed_share", measures["unattributed_share"], ref, default=0.5)
    text = (f"Claims credited to no one: {len(ids)} of {len(body)} sentences make an evaluative or factual "
            f"claim with no source ({_ids_text(ids)}){_than(pct, 'a larger share', 'a smaller share')}.")
    return Finding("unattributed", text, ids, strength, pct, "attribution", "02-framing")


def _vague(summary, measures, ref) -> Finding | None:
    atts = [a for a in mapping_items(nested_get(summary, "framing", "attributions")) if a.get("kind") in ("vague", "anonymous")]
    if not atts:
        return None
    strength, pct = _place("vague_per_1000", measures["vague_per_1000"], ref, default=0.5)
    shown = "; ".join(f"\u2018{a.get('source') or a.get('cue')}\u2019 ({a.get('sentence_id')})" for a in atts[:4])
    kinds = sorted({str(a.get("kind")) for a in atts})
    label = "Vague and anonymous sources" if len(kinds) > 1 else ("Vague sources" if kinds == ["vague"]
                                                                  else "Anonymous sources")
    text = f"{label}: {shown}{' …' if len(atts) > 4 else ''}{_than(pct, 'more', 'fewer')}."
    return Finding("vague", text, _order(a.get("sentence_id") for a in atts), strength, pct, "attribution",
                   "02-framing")


def _figures(summary, measures, ref) -> Finding | None:
    figs = mapping_items(nested_get(summary, "figures"))
    if not figs:
        return None
    hedged = [f for f in figs if f.get("approximation") or f.get("bound") not in (None, "", "exact")]
    unsourced = [f for f in figs if not f.get("source")]
    parts = []
    if hedged:
        parts.append(f"{len(hedged)} of {len(figs)} {'is' if len(hedged) == 1 and len(figs) == 1 else 'are'} hedged")
    if unsourced:
        ids = _order(f.get("sentence_id") for f in unsourced)
        parts.append(f"{len(unsourced)} {'has' if len(unsourced) == 1 else 'have'} no source ({_ids_text(ids)})")
    if not parts:
        parts.append("every one has a source and none is hedged")
    head = f"{_n(len(figs), 'figure')}: "
    share = len(unsourced) / len(figs)
    return Finding("figures", head + "; ".join(parts) + ".", _order(f.get("sentence_id") for f in figs),
                   round(0.3 + 0.5 * share, 4), None, "figures", "03-figures")


def _loaded(summary, measures, ref) -> Finding | None:
    loaded = mapping_items(nested_get(summary, "language", "loaded"))
    body = set(_body_ids(summary))
    in_body = [r for r in loaded if r.get("sentence_id") in body]
    if not in_body:
        return None
    counts: dict[str, int] = {}
    for r in in_body:
        term = str(r.get("term") or "").lower()
        counts[term] = counts.get(term, 0) + 1
    top = [t for t, _ in sorted(counts.items(), key=lambda tc: (-tc[1], tc[0]))][:5]
    ids = _order(r.get("sentence_id") for r in in_body)
    strength, pct = _place("loaded_sentence_share", measures["loaded_sentence_share"], ref, default=0.5)
    text = (f"Loaded words in {len(ids)} of {len(body)} sentences: {', '.join(top)}"
            f"{' …' if len(counts) > 5 else ''}{_than(pct, 'a larger share', 'a smaller share')}.")
    return Finding("loaded", text, ids, strength, pct, "loaded", "01-language")


def _passives(summary, measures, ref) -> Finding | None:
    agentless = [p for p in mapping_items(nested_get(summary, "language", "passives")) if not p.get("agent")]
    if not agentless:
        return None
    ids = _order(p.get("sentence_id") for p in agentless)
    strength, pct = _place("agentless_per_1000", measures["agentless_per_1000"], ref, default=0.3)
    text = (f"Passives that do not say who acts: {len(agentless)} ({_ids_text(ids)})"
            f"{_than(pct, 'more', 'fewer')}.")
    return Finding("passives", text, ids, strength, pct, "passives", "01-language")


def _grade(summary, measures, ref) -> Finding | None:
    grade = measures["grade"]
    if grade is None:
        return None
    strength, pct = _place("grade", grade, ref, default=0.3)
    hardest = _order(nested_get(summary, "language", "hardest_sentences", default=[]) or [])
    if pct is None:
        text = f"Reading grade {grade:.0f} (Flesch–Kincaid; US school years)."
    else:
        text = f"Reading grade {grade:.0f} (Flesch–Kincaid){_than(pct, 'harder', 'easier')}."
    return Finding("grade", text, hardest, strength, pct, "readability", "01-language")


def _headline(summary, measures, ref) -> Finding | None:
    rows = [r for r in mapping_items(nested_get(summary, "framing", "headline_vs_body", "unsupported"))
            if r.get("aspect") in ("actor", "term", "figure", "claim") and r.get("flag")]
    if not rows:
        return None
    items = [f"\u2018{r.get('item')}\u2019" for r in rows[:3]]
    ids = _order(i for r in rows for i in (r.get("head_sentence_ids") or []))
    text = (f"The headline or standfirst names {', '.join(items)}{' …' if len(rows) > 3 else ''}, which the body "
            "does not support.")
    return Finding("headline", text, ids, round(min(1.0, 0.4 + 0.1 * len(rows)), 4), None, "headline", "02-framing")


#: The rules, in one place: each reads the summary, its measures and the reference, and gives a finding or None.
RULES: tuple[Callable[[Mapping[str, Any], Mapping[str, float | None], Mapping[str, Sequence[float]]],
                      Finding | None], ...] = (
    _quotes, _unattributed, _vague, _figures, _loaded, _passives, _grade, _headline,
)


def findings(summary: Mapping[str, Any], *, reference: Mapping[str, Sequence[float]] | None = None
             ) -> list[Finding]:
    """The brief of one article: every rule's finding, most unusual first (ties in :data:`RULES` order)."""
    ref = load_reference() if reference is None else reference
    measures = brief_measures(summary)
    out = [f for rule in RULES if (f := rule(summary, measures, ref)) is not None]
    order = {f.key: i for i, f in enumerate(out)}
    return sorted(out, key=lambda f: (-f.strength, order[f.key]))


# ---------------------------------------------------------------- building the reference


def brown_text(words_by_paragraph: Sequence[Sequence[Sequence[str]]], title: str) -> str:
    """A Brown-corpus text as an article: a title line, then its paragraphs with the tokens joined as typeset
    (no space before punctuation, curly quotes for `` and '').

    >>> brown_text([[["He", "said", "``", "no", "''", "."], ["It", "'s", "over", "(", "now", ")", "."]]], "T")
    "T\\n\\nHe said “no”. It's over (now).\\n"
    """
    paragraphs = []
    for para in words_by_paragraph:
        out = ""
        for sentence in para:
            for tok in sentence:
                tok = {"``": "\u201c", "''": "\u201d"}.get(tok, tok)
                if not out or out.endswith(("(", "\u201c", " ")):
                    out += tok
                elif tok in (".", ",", ";", ":", "?", "!", ")", "\u201d") or tok.startswith("'"):
                    out += tok
                else:
                    out += " " + tok
            out += " "
        paragraphs.append(out.strip())
    return title + "\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n"


def build_brief_reference(out_dir: Path | None = None) -> Path:
    """Rebuild ``data/reference/brief_reference.csv``: the :data:`REFERENCE_MEASURES` of each of the 44 Brown news
    texts (NLTK's Brown corpus, category news: US press of 1961), analysed exactly as an article is. Only derived
    numbers are written, never text. A normal run never calls this; it reads the CSV."""
    from nltk.corpus import brown

    nlp.require("corpora/brown")
    rows = []
    for fileid in brown.fileids(categories="news"):
        text = brown_text(brown.paras(fileid), f"Brown news text {fileid}")
        measures = brief_measures(build_summary(parse_article(text, name=f"brown-{fileid}")))
        rows.append([fileid, *("" if measures[m] is None else f"{measures[m]:.4f}" for m in REFERENCE_MEASURES)])
    lines = [",".join(["text", *REFERENCE_MEASURES])] + [",".join(r) for r in rows]
    target = Path(out_dir or REFERENCE_DIR) / "brief_reference.csv"
    _reference.cache_clear()
    return write_text_atomic(target, "\n".join(lines) + "\n")
