"""The article's analysis as one JSON-ready dict (what `python -m analysis summary` prints), assembled
here, in one place, from each domain's public row functions."""

from __future__ import annotations

from typing import Any, Iterable

from analysis.core.lazy import numpy as np

from ..core.article import Article, parse_article
from ..core.config import VERSION
from ..core.records import json_safe, row_records
from ..core.wordnet import wn_related
from ..framing import frames, headline
from ..framing.actors import actor_rows
from ..framing.quotes import quotation_rows
from ..framing.sourcing import attribution_rows, source_rows
from ..framing.terminology import term_rows
from ..language.diversity import diversity_rows
from ..language.keyness import keyness_rows, pos_rows
from ..language.loaded import loaded_rows
from ..language.passives import passive_rows
from ..language.readability import hardest_rows, readability_rows
from ..language.stance import modal_verb_rows, stance_rate_rows, stance_rows
from ..language.tone import tone_rows
from ..language.vocabulary import collocation_rows, frequent_rows
from ..language.words import size
from ..numbers.consistency import conflict_rows
from ..numbers.parse import quantulum_numbers
from ..numbers.records import Number, number_rows
from ..numbers.vague_quantities import vague_rows
from ..people.public_figures import public_figure_rows

__all__ = ["build_summary", "language_section", "framing_section", "figures_sections", "REPORT_ONLY_FIELDS",
           "warm_up"]


#: A made-up short article that :func:`warm_up` analyses: a headline, a figure, a source, a hedge and a unit of measure.
WARM_UP_TEXT = """Council approves new budget for schools

The city council approved a budget of $40 million on Tuesday, officials said. Critics say the plan may be too small.
The new school will stand on 3 hectares of land.
"""


def warm_up() -> None:
    """Analyse :data:`WARM_UP_TEXT` once: every model, lexicon and cache the analysis reads is loaded (and the per-user
    model cache filled), and quantulum3's unit parser is built. ``setup`` calls it to fill the cache. (Warming corpus
    mode's parent before forking its workers was measured and gained nothing: each worker warms in parallel.)"""
    build_summary(parse_article(WARM_UP_TEXT, name="warm-up"))
    quantulum_numbers("3 furlongs")
    for pos in ("n", "v", "a", "r"):  # the headline check's WordNet files, whichever words the article has
        wn_related("good", pos)


#: The summary fields that only describe the article to a reader of its report (its words against news English,
#: hardest sentences, collocations, headline against body): corpus mode's tables have no column for them, so
#: :func:`build_summary` with ``for_tables=True`` leaves them out (a sixth of an article's analysis time).
REPORT_ONLY_FIELDS = {
    "language": ("hardest_sentences", "frequent_words", "diversity", "keywords", "keywords_under", "pos_profile",
                 "collocations"),
    "framing": ("headline_vs_body",),
}


def build_summary(article: Article, *, for_tables: bool = False) -> dict[str, Any]:
    """Every measure of the article, JSON-ready. Field names are stable; later versions only add fields.

    ``for_tables``: without :data:`REPORT_ONLY_FIELDS` (what corpus mode's tables read; every other field is the
    same as in the full summary)."""
    return json_safe({
        "article": {
            "slug": article.slug,
            "title": article.title,
            "standfirst": article.standfirst,
            "metadata": article.metadata,
            "warnings": list(article.warnings),
            **size(article),
        },
        "language": language_section(article, full=not for_tables),
        "framing": framing_section(article, full=not for_tables),
        **figures_sections(article),
        "version": VERSION,
    })


# ---------------------------------------------------------------- language


def _spans(rows: Iterable[tuple[str, str, int, int, dict]]) -> list[dict]:
    """``{term, sentence_id, start, end, ...}`` from (matched, sentence_id, start, end, extra fields),
    with ``term`` the words as written, lower case."""
    return [{"term": " ".join(matched.lower().split()), "sentence_id": sid, "start": start, "end": end, **extra}
            for matched, sid, start, end, extra in rows]


def language_section(article: Article, *, full: bool = True) -> dict:
    """The ``language`` part of the JSON summary (``full=False``: without its :data:`REPORT_ONLY_FIELDS`)."""
    read = readability_rows(article)
    tone = tone_rows(article)
    compound = [t.compound for t in tone]
    sig = [r for r in keyness_rows(article, 2, 0) or () if r[5] >= 3.84] if full else []  # keyness() defaults
    markers = stance_rows(article)

    def keywords(direction: str, n: int) -> list[dict]:
        return [{"term": r[0], "count": r[1], "ref_count": r[3], "log_likelihood": r[5], "log_ratio": r[6]}
                for r in sig if r[7] == direction][:n]

    def stance(category: str) -> list[dict]:
        return _spans((matched, sid, start, end, {"subcategory": sub})
                      for _, cat, sub, matched, sid, start, end in markers if cat == category)

    report_only = {
        "hardest_sentences": lambda: [r[0] for r in hardest_rows(article)[:3]],
        "frequent_words": lambda: [{"term": r[0], "count": r[1], "per_1000": r[2]}
                                   for r in frequent_rows(article, 2)[:20]],
        "diversity": lambda: {r[0]: r[2] for r in diversity_rows(article)},
        "keywords": lambda: keywords("over", 25),
        "keywords_under": lambda: keywords("under", 15),
        "pos_profile": lambda: [{"pos": r[0], "count": r[2], "per_1000": r[3], "ref_per_1000": r[5],
                                 "log_ratio": r[7]} for r in pos_rows(article)],
        "collocations": lambda: [{"ngram": r[0], "count": r[2], "pmi": r[3], "likelihood_ratio": r[4]}
                                 for r in collocation_rows(article, 2, 2, "likelihood_ratio")[:10]],
    }
    extra = {k: make() for k, make in report_only.items()} if full else {}
    out = {
        "readability": {r[0]: r[2] for r in read},
        "readability_reading": {r[0]: r[4] for r in read},
        "readability_grade": {r[0]: r[3] for r in read},
        "hardest_sentences": extra.get("hardest_sentences"),
        "tone": {
            # numpy's pairwise sum, as pandas' mean adds: a plain sum may differ in the last digit
            "mean_compound": round(float(np.mean(compound)), 4) if compound else None,
            "compound": [round(c, 4) for c in compound],
            "sentence_ids": [t.sentence_id for t in tone],
        },
        "frequent_words": extra.get("frequent_words"),
        "diversity": extra.get("diversity"),
        "keywords": extra.get("keywords"),
        "keywords_under": extra.get("keywords_under"),
        "pos_profile": extra.get("pos_profile"),
        "collocations": extra.get("collocations"),
        "hedges": stance("hedge"),
        "boosters": stance("booster"),
        # every modal verb, hedging or not (each word is counted once in stance_per_1000; ``stance`` says
        # whether it was counted as a hedge, a booster or a plain modal verb)
        "modals": _spans((matched, sid, start, end, {"subcategory": sub, "stance": cat})
                         for _, cat, sub, matched, sid, start, end in modal_verb_rows(article)),
        "stance_per_1000": {r[0]: r[3] for r in stance_rate_rows(article)},
        "loaded": _spans((r[1], r[7], r[8], r[9], {"entry": r[0], "category": r[2], "intensity": r[3],
                                                   "reason": r[10]})
                         for r in loaded_rows(article, 0.0)),
        "passives": row_records(passive_rows(article), ["sentence_id", "text", "agent", "kind", "start", "end"]),
    }
    return out if full else {k: v for k, v in out.items() if k not in REPORT_ONLY_FIELDS["language"]}


# ---------------------------------------------------------------- framing


def _frames_records(article: Article) -> list[dict]:
    """The ``framing.frames`` list: one record per frame with its score for the whole article, the
    head and the body, and its evidence."""
    head, body = ({(r.typology, r.frame): r.score for r in frames.profile_rows(article, section=section)}
                  for section in ("head", "body"))
    out = []
    for r in frames.profile_rows(article):
        key = (r.typology, r.frame)
        out.append({"typology": r.typology, "frame": r.frame, "label": r.label, "score": r.score,
                    "evidence": r.evidence, "weight": r.weight,
                    "sentence_ids": list(r.sentence_ids), "cues": list(r.cues), "dominant": r.dominant,
                    "absent": r.absent, "measured": r.measured, "head_score": head[key], "body_score": body[key],
                    "questions_yes": r.questions_yes, "questions": r.questions, "group": r.group})
    return out


def _headline_record(article: Article) -> dict:
    """The ``framing.headline_vs_body`` part."""
    aspects = headline.ASPECTS
    rows = headline.comparison_rows(article, aspects) if headline.head_sentence_ids(article) else ()
    # The table's head and body columns hold frame scores (floats) and counts (ints): like the
    # table, the records give every number as a float once there is one float among them.
    head, body = ([r[k] for r in rows] for k in (3, 4))
    head, body = (([float(v) for v in col] if any(isinstance(v, float) for v in col) else col) for col in (head, body))
    by_aspect: dict[str, list[dict]] = {a: [] for a in aspects}
    unsupported_recs = []
    for r, h, b in zip(rows, head, body):
        rec = {"item": r[1], "detail": r[2], "head": h, "body": b, "head_sentence_ids": list(r[5]), "flag": r[7],
               "supported_by": r[8], "nearest_body_sentence_id": r[9]}
        by_aspect[r[0]].append(rec)
        if r[7] == "not in body":
            unsupported_recs.append({"aspect": r[0], **rec})
    return {
        "head_sentence_ids": headline.head_sentence_ids(article),
        **{f"{a}s": by_aspect[a] for a in aspects},
        "unsupported": unsupported_recs,
    }


def _credited(name: str | None, surface: str) -> str | None:
    """A source as the summary shows it: the resolved name, followed by the words the article used when
    they differ ("Ann Lee (she)", "Ann Lee (the mayor)"), so a reader can check the resolution."""
    if not name or not surface or surface.lower() in name.lower():
        return name
    return f"{name} ({surface})"


def _attribution_records(article: Article) -> list[dict]:
    return [{"sentence_id": r.sentence_id, "text": r.text, "source": _credited(r.source, r.surface),
             "kind": r.kind, "cue": r.cue, "mode": r.mode, "words": r.words, "resolved_name": r.source,
             "as_written": r.surface or r.source, "resolution": r.resolution}
            for r in attribution_rows(article, True)]


def _quote_records(quotations) -> list[dict]:
    return [{"sentence_id": q.sentence_id, "text": q.text, "speaker": _credited(q.speaker, q.speaker_surface),
             "speaker_kind": q.speaker_kind} for q in quotations if q.kind == "direct"]


def framing_section(article: Article, *, full: bool = True) -> dict:
    """The ``framing`` part of the JSON summary (``full=False``: without its :data:`REPORT_ONLY_FIELDS`). A source
    resolved from a pronoun or a title is shown as "name (as written)"; attributions also give the two parts
    (``resolved_name``, ``as_written``)."""
    quotations = quotation_rows(article)
    out = {
        "actors": row_records(actor_rows(article), ["name", "kind", "mentions", "aliases", "sentence_ids", "as_agent",
                                                    "as_patient"]),
        "attributions": json_safe(_attribution_records(article)),
        "sources": row_records(source_rows(article),
                               ["source", "kind", "count", "quotes", "words", "share", "sentence_ids"]),
        "frames": _frames_records(article),
        "quotes": json_safe(_quote_records(quotations)),
        "scare_quotes": row_records((q for q in quotations if q.kind == "scare"), ["sentence_id", "text"]),
        "terms": row_records(term_rows(article, None),
                             ["term", "category", "count", "in_quotes", "signals", "sentence_ids"]),
        "headline_vs_body": _headline_record(article) if full else None,
    }
    return out if full else {k: v for k, v in out.items() if k not in REPORT_ONLY_FIELDS["framing"]}


# ---------------------------------------------------------------- figures, vague quantities, public figures


_SUMMARY_FIGURE_FIELDS = ("sentence_id", "text", "value", "value_high", "kind", "unit", "counts", "approximation",
                          "rounded", "source", "time", "start", "end", "id", "bound", "source_kind")


#: Why a number is not a figure, by kind (labels carry their own reason: model name, index, identifier...).
_NOT_FIGURE_REASONS = {"year": "year", "date": "date", "time": "clock time", "ordinal": "ordinal", "score": "score"}


def _not_figure_record(n: Number) -> dict:
    """One "number that is not a figure": where it is, its kind and the reason (absurd values keep only their text)."""
    reason = n.unit or _NOT_FIGURE_REASONS.get(n.kind, n.kind)
    value = n.value if n.value == n.value else None  # NaN (a value too large to read) becomes null
    return {"sentence_id": n.sentence_id, "text": n.text, "value": value, "value_high": n.value_high, "kind": n.kind,
            "reason": reason, "start": n.start, "end": n.end, "id": n.id}


def figures_sections(article: Article) -> dict:
    """Top-level keys of the JSON summary about figures: ``figures``, ``numbers_not_figures`` (years, dates,
    ordinals, scores and numbers that are part of a name, each with its reason), ``figure_conflicts``,
    ``vague_quantities`` and ``public_figures``."""
    rows = number_rows(article)
    return {
        "figures": [{**{c: getattr(n, c) for c in _SUMMARY_FIGURE_FIELDS}, "conflicts_with": list(n.conflicts_with)}
                    for n in rows if n.is_figure],
        "numbers_not_figures": [_not_figure_record(n) for n in rows if not n.is_figure],
        "figure_conflicts": row_records(conflict_rows(article), ["id_a", "id_b", "counts", "value_a", "value_b", "note"]),
        "vague_quantities": row_records(vague_rows(article), ["term", "sentence_id", "category", "matched"]),
        "public_figures": [{"name": f.name, "type": f.type, "mentions": f.mentions, "aliases": list(f.aliases),
                            "voiced": f.voiced, "mean_tone": f.mean_tone, "quoted": f.quoted, "paraphrased": f.paraphrased,
                            "descriptors": list(f.descriptors), "first_sentence": f.first_sentence}
                           for f in public_figure_rows(article)],
    }
