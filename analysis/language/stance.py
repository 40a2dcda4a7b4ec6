"""Stance: hedges, boosters and modal verbs, and their rates per 1,000 words."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_terms, load_lexicon
from ..core.tokens import SentenceWords, sentence_words
from .words import size

__all__ = [
    "stance_markers",
    "stance_rates",
    "STANCE_LABELS",
    "stance_rows",
    "stance_rate_rows",
]

# ---------------------------------------------------------------- hedges, boosters, modality

#: Display labels of the stance categories.
STANCE_LABELS: dict[str, str] = {"hedge": "Hedges", "booster": "Boosters", "modal": "Modal verbs"}

STANCE_COLUMNS = ["term", "category", "subcategory", "matched", "sentence_id", "start", "end"]

_SEMI_MODAL_HEADS = {"need", "needs", "needed", "have", "has", "had", "ought"}
_NOT_BEFORE_MODAL_TAGS = {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS"}
_ARTICLES = {"the", "a", "an", "every", "each", "no", "any", "some", "another"}
_NOT_BEFORE_MODAL_WORDS = {"in", "of", "since", "until", "during", "from", "by", "on", "early", "late", "mid"}
_NOT_AFTER_MODAL_TAGS = {"VBD", "VBZ", "VBP", "MD", "CD"}


def _is_modal_use(term: str, toks: SentenceWords, i: int) -> bool:
    """Whether the lexicon term at token ``i`` is used as a (semi-)modal verb.

    Single-word modals must be tagged MD and not look like a noun or month ("the will",
    "in May", "May 5"); semi-modals ("need to", "have to") must start with a verb tag.
    """
    pos, low = toks.pos, toks.lower
    head = term.split()[0]
    if term == "cannot":
        return True
    if head in _SEMI_MODAL_HEADS and len(term.split()) > 1:
        return pos[i].startswith("VB") or pos[i] == "MD"
    if pos[i] != "MD":
        return False
    prev = next((j for j in range(i - 1, -1, -1) if any(ch.isalnum() for ch in low[j])), None)
    if prev is not None and ((pos[prev] in _NOT_BEFORE_MODAL_TAGS and (pos[prev] != "DT" or low[prev] in _ARTICLES))
                             or low[prev] in _NOT_BEFORE_MODAL_WORDS):
        return False
    nxt = i + 1 if i + 1 < len(low) else None
    if nxt is not None and pos[nxt] in _NOT_AFTER_MODAL_TAGS:
        return False
    return True


_APPEAR = {"appear", "appears", "appeared"}
_APPEAR_LITERAL_NEXT = {"before", "in", "on", "at", "with", "for", "onstage", "alongside"}


def _literal_appear(toks: SentenceWords, i: int) -> bool:
    """"appear" in its literal sense ("a notice to appear before a judge", "appeared in court"), not a hedge."""
    low = toks.lower
    return i + 1 < len(low) and low[i + 1] in _APPEAR_LITERAL_NEXT


def _is_epistemic_must(toks: SentenceWords, i: int) -> bool:
    """"must" as a booster (a conclusion: "it must be true", "they must have known"), not an obligation.

    Epistemic when followed by "have", or by "be" and then not a participle ("must be
    completed" is an obligation, "must be a mistake" a conclusion).
    """
    low, pos = toks.lower, toks.pos
    j = i + 1
    while j < len(low) and (pos[j] in ("RB", "RBR", "RBS") or low[j] in ("not", "n't")):
        j += 1
    if j >= len(low):
        return False
    if low[j] == "have":
        return True
    if low[j] != "be":
        return False
    k = j + 1
    while k < len(low) and pos[k] in ("RB", "RBR", "RBS"):
        k += 1
    return k < len(low) and pos[k] not in ("VBN", "VBD", "VBG")


def stance_markers(article: Article) -> pd.DataFrame:
    """Hedges, boosters and modal verbs from ``data/lexicons/hedges_boosters.csv``, each with its sentence.

    Hedges and boosters are matched together (a multi-word cue counts once and the longest match
    wins: "it is possible that" is one hedge, "no doubt" a booster and not also the hedge "doubt");
    modal verbs are matched on their own, so "could" is both a hedge and a modal verb. Entries
    whose subcategory is ``modal`` (and every modal-verb entry) count only where the word is used
    as a modal verb: "I may go" counts, "in May" does not. "must" is a booster only where it
    draws a conclusion ("it must be true", "must have known"), not where it obliges ("must be
    completed"); as a modal verb it always counts. "appear" followed by a preposition ("to
    appear before a judge") is literal, not a hedge.
    Columns: term, category (hedge, booster, modal), subcategory, matched, sentence_id, start,
    end. In reading order.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nI may go in May. It is possible that it will rain.")
    >>> stance_markers(a)[["term", "category"]].values.tolist()
    [['may', 'hedge'], ['may', 'modal'], ['it is possible that', 'hedge'], ['will', 'modal']]
    """
    frame = pd.DataFrame(stance_rows(article), columns=STANCE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})


@lru_cache(maxsize=16)
def stance_rows(article: Article) -> tuple[tuple[str, str, str, str, str, int, int], ...]:
    """The rows of :func:`stance_markers` (columns ``STANCE_COLUMNS``), in its order."""
    lex = load_lexicon("hedges_boosters")
    subcats = lex["subcategory"].tolist() if "subcategory" in lex else [""] * len(lex)
    sub = dict(zip(zip(lex["term"].tolist(), lex["category"].tolist()), subcats))
    toks = sentence_words(article)
    matches = (find_terms(article, lexicon_terms("hedges_boosters", ("hedge", "booster")))
               + find_terms(article, lexicon_terms("hedges_boosters", ("modal",))))
    rows = []
    for m in matches:
        subcat = sub.get((m.term, m.category), "")
        if (m.category == "modal" or subcat == "modal") and not _is_modal_use(m.term, toks[m.sentence_id], m.i_start):
            continue
        if m.category == "booster" and m.term == "must" and not _is_epistemic_must(toks[m.sentence_id], m.i_start):
            continue
        if m.term in _APPEAR and _literal_appear(toks[m.sentence_id], m.i_start):
            continue
        rows.append((m.term, m.category, subcat, m.matched, m.sentence_id, m.start, m.end))
    order = {c: i for i, c in enumerate(STANCE_LABELS)}
    rows.sort(key=lambda r: (r[5], order[r[1]]))  # start, then hedge, booster, modal; stable
    return tuple(rows)


def stance_rates(article: Article, markers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often the article hedges, boosts and uses modal verbs, per 1,000 words.

    Columns: category, label, count, per_1000, n_sentences (sentences with at least one),
    sentence_ids. One row per category (hedge, booster, modal); rates are 0 without words.
    """
    if markers is None:
        rows = stance_rate_rows(article)
    else:
        rows = _rates(list(zip(markers["category"], markers["sentence_id"])), size(article)["n_words"])
    return pd.DataFrame([(*r[:5], list(r[5])) for r in rows],
                        columns=["category", "label", "count", "per_1000", "n_sentences", "sentence_ids"])


@lru_cache(maxsize=16)
def stance_rate_rows(article: Article) -> tuple[tuple[str, str, int, float, int, list[str]], ...]:
    """The rows of :func:`stance_rates` for the article's own markers (the id lists are shared: treat as read-only)."""
    return _rates([(r[1], r[4]) for r in stance_rows(article)], size(article)["n_words"])


def _rates(markers: list[tuple[str, str]], n_words: int) -> tuple[tuple[str, str, int, float, int, list[str]], ...]:
    """Rows of :func:`stance_rates` from (category, sentence_id) of each marker."""
    rows = []
    for cat, label in STANCE_LABELS.items():
        sids_all = [sid for c, sid in markers if c == cat]
        sids = list(dict.fromkeys(sids_all))
        per = round(len(sids_all) * 1000 / n_words, 2) if n_words else 0.0
        rows.append((cat, label, len(sids_all), per, len(sids), sids))
    return tuple(rows)
