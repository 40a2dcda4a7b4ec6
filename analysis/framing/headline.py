"""The headline and standfirst against the body: frames, actors, roles, terms and content words of the head compared with the body, flagging what the head asserts that the body never supports."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tagging import retag_headline
from ..core.tokens import sentence_words
from ..core.wordnet import wn_related
from .agency import role_rows
from .entities import mention_rows
from .frames import HEAD_PARTS, profile_rows, section_of
from .terminology import term_use_rows

__all__ = ["head_sentence_ids", "headline_vs_body", "unsupported", "comparison_rows", "ASPECTS", "COMPARE_COLUMNS"]

ASPECTS = ("frame", "actor", "role", "term", "word")
COMPARE_COLUMNS = ["aspect", "item", "detail", "head", "body", "head_sentence_ids", "body_sentence_ids", "flag",
                   "supported_by", "nearest_body_sentence_id"]
#: A frame is "stronger in the head" when its head score is more than this many times its body score.
STRONGER = 2.0
_CONTENT_TAGS = ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS")
_LIGHT = {"be", "have", "do", "make", "take", "get", "go", "come", "say", "new", "many", "more", "also", "other"}


def head_sentence_ids(article: Article) -> list[str]:
    """Sentences of the head: teaser, headline and standfirst (everything read before the body)."""
    return [s.id for s in article.sentences if s.part in HEAD_PARTS]


@lru_cache(maxsize=16)
def _order(article: Article) -> dict[str, int]:
    return {s.id: s.index for s in article.sentences}


def _ids(article: Article, sids: Iterable[str]) -> list[str]:
    """Distinct sentence ids in reading order."""
    return sorted(set(sids), key=_order(article).get)


def _frames(article: Article) -> list[tuple]:
    body_of = {(b.typology, b.frame): b for b in profile_rows(article, section="body")}
    rows = []
    for h in profile_rows(article, section="head"):
        if h.weight <= 0:
            continue
        b = body_of[(h.typology, h.frame)]
        if b.weight == 0:
            flag = "not in body"
        elif h.evidence > STRONGER * b.evidence:
            flag = "stronger in head"
        else:
            flag = ""
        rows.append(("frame", h.frame, f"{h.typology}: {h.label}", float(h.evidence), float(b.evidence), list(h.sentence_ids),
                     list(b.sentence_ids), flag, ", ".join(b.cues[:5])))
    return rows


def _is_missing(value: Any) -> bool:
    """Whether a row value is missing (None, NA, NaT or NaN), as ``pd.isna`` says of a table's strings and numbers."""
    # pandas' NA and NaT are recognised by type name, so that rows which never met pandas do not import it
    return (value is None or (isinstance(value, float) and value != value)
            or type(value).__name__ in ("NAType", "NaTType"))


def _head_against_body(article: Article, aspect: str, table: Sequence[tuple], keys: tuple[str, ...], *,
                       item: Callable[[tuple], str], detail: Callable[[list[Any]], Any],
                       support: Callable[[list[Any]], str]) -> list[tuple]:
    """Compare the rows of an analysis (named tuples with ``part`` and ``sentence_id`` fields, in the
    order of its table) in the head and the body.

    Rows are grouped by the ``keys`` fields; one output row per group found in the head, in
    sorted key order, with ``detail`` taken from its head rows and ``supported_by`` from the body
    rows of the same group (both lists keep the table's order). Rows whose key is missing are
    left out, as pandas' groupby does.
    """
    head: dict[tuple, list[Any]] = {}
    body: dict[tuple, list[Any]] = {}
    for row in table:
        key = tuple(getattr(row, k) for k in keys)
        if any(_is_missing(v) for v in key):
            continue
        side = head if section_of(row.part) == "head" else body
        side.setdefault(key, []).append(row)
    rows = []
    for key in sorted(head):
        h, b = head[key], body.get(key, [])
        rows.append((aspect, item(key), detail(h), len(h), len(b), _ids(article, (r.sentence_id for r in h)),
                     _ids(article, (r.sentence_id for r in b)), "" if b else "not in body", support(b)))
    return rows


def _lemma_words(text: str) -> tuple[str, ...]:
    """Lower-case noun lemmas of a name's or term's words ("Sanctuaries" -> sanctuary), ``*`` kept."""
    return tuple(w if w.endswith("*") else nlp.lemmatize(w, "NN") for w in text.lower().replace("’", "'").split())


def _contains(words: tuple[str, ...], seq: tuple[str, ...]) -> bool:
    """Whether ``seq`` occurs in ``words`` as a run (a ``*`` in ``seq`` matches any word it begins)."""
    n = len(seq)
    return n > 0 and any(all(w.startswith(x[:-1]) if x.endswith("*") else w == x for w, x in zip(words[k:k + n], seq))
                         for k in range(len(words) - n + 1))


def _actors(article: Article) -> list[tuple]:
    rows = _head_against_body(article, "actor", mention_rows(article), ("actor",), item=lambda k: k[0],
                              detail=lambda h: h[0].kind,
                              support=lambda b: ", ".join(sorted({r.surface for r in b})[:3]))
    # A head actor is supported by a body actor naming the same referent with more words: "law enforcement"
    # by "local law enforcement" (in any position), "Trump" by "President Trump".
    body = [m for m in mention_rows(article) if section_of(m.part) == "body"]
    out = []
    for r in rows:
        if r[7] == "not in body":
            key = _lemma_words(r[1])
            hits = [m for m in body if _contains(_lemma_words(m.actor), key) or _contains(_lemma_words(m.surface), key)]
            if hits:
                r = (*r[:4], len(hits), r[5], _ids(article, (m.sentence_id for m in hits)), "",
                     ", ".join(sorted({m.surface for m in hits})[:3]))
        out.append(r)
    return out


def _roles(article: Article) -> list[tuple]:
    def verbs(rows: list[Any]) -> str:
        return ", ".join(dict.fromkeys(r.lemma for r in rows))

    return _head_against_body(article, "role", role_rows(article), ("actor", "role"), item=lambda k: f"{k[0]} as {k[1]}",
                              detail=verbs, support=verbs)


def _terms(article: Article) -> list[tuple]:
    rows = _head_against_body(article, "term", term_use_rows(article), ("term",), item=lambda k: k[0],
                              detail=lambda h: h[0].signals,
                              support=lambda b: ", ".join(sorted({r.matched for r in b})[:3]))
    head_ids = {s.id for s in _in_section(article, "head")}
    written: dict[str, str] = {}
    for u in term_use_rows(article):
        if u.sentence_id in head_ids:
            written.setdefault(u.term, u.matched.lower() if not u.matched.isupper() else u.matched)
    # Compared by lemma and known variants: head "sanctuaries" is supported by a body "sanctuary".
    toks = sentence_words(article)
    body = [(s.id, tuple(nlp.lemmatize(w, "NN") for w in toks[s.id].lower)) for s in _in_section(article, "body")]
    out = []
    for r in rows:
        if r[7] == "not in body":
            key = _lemma_words(r[1])
            hits = [sid for sid, words in body if _contains(words, key)]
            if hits:
                r = (*r[:4], len(hits), r[5], _ids(article, hits), "", r[1])
        # shown as the head writes it ("sanctuary cities"), not as the glossary's pattern ("sanctuary cit*")
        out.append((r[0], written.get(r[1], r[1]), *r[2:]))
    return out


def _related(word: str, pos: str) -> frozenset[str]:
    """The word, its WordNet synonyms and their derivationally related forms (lower case)."""
    wn_pos = {"N": "n", "V": "v", "J": "a"}.get(pos[:1], "") if pos else ""
    return wn_related(word, wn_pos)


@lru_cache(maxsize=65536)
def _forms(word: str, tag: str) -> frozenset[str]:
    """A body word as the head's words may be looked up: as written, lemmatised with its tag, as a noun, as a verb."""
    return frozenset({word, nlp.lemmatize(word, tag), nlp.lemmatize(word, "NN"), nlp.lemmatize(word, "VB")})


def _in_section(article: Article, section: str) -> Iterable:
    """The article's sentences in ``section`` (head or body), in reading order."""
    return (s for s in article.sentences if section_of(s.part) == section)


def _words(article: Article) -> list[tuple]:
    toks = sentence_words(article)
    body_forms: dict[str, list[str]] = {}
    for s in _in_section(article, "body"):
        t = toks[s.id]
        for w, tag, is_word in zip(t.lower, t.pos, t.is_word):
            if not is_word:
                continue
            for form in _forms(w, tag):
                body_forms.setdefault(form, []).append(s.id)
    stop = nlp.stopwords()

    names = {w.lower() for m in mention_rows(article) for w in m.surface.split()}
    seen: dict[str, dict] = {}
    for s in _in_section(article, "head"):
        t = toks[s.id]
        texts, low = list(t.text), t.lower
        tags = retag_headline(texts, []) if s.part == "headline" else t.pos
        for w, text, tag in zip(low, texts, tags):
            if tag not in _CONTENT_TAGS or w in stop or not w.isalpha() or len(w) < 3:
                continue
            if s.part != "headline" and text[:1].isupper() and tag.startswith("NN"):
                continue  # names are compared as actors
            lemma = nlp.lemmatize(w, tag)
            if lemma in _LIGHT or (s.part == "headline" and w in names):
                continue
            entry = seen.setdefault(lemma, {"pos": tag, "sids": [], "count": 0})
            entry["sids"].append(s.id)
            entry["count"] += 1
    rows = []
    for lemma, e in sorted(seen.items()):
        direct = body_forms.get(lemma, [])
        support, sids = "", list(direct)
        if direct:
            support = lemma
        else:
            # Headline tags are unreliable ("Intensifies" as a plural noun): try the tagged part of
            # speech first, then any.
            for rel in sorted(_related(lemma, e["pos"])) + sorted(_related(lemma, "")):
                if rel in body_forms:
                    support, sids = rel, body_forms[rel]
                    break
        flag = ""  # content words are compared, not flagged: only actors, roles (claims), terms and frames are
        rows.append(("word", lemma, e["pos"], e["count"], len(sids), _ids(article, e["sids"]), _ids(article, sids), flag,
                     support))
    return rows


def headline_vs_body(article: Article, *, aspects: tuple[str, ...] = ASPECTS) -> pd.DataFrame:
    """The head (teaser, headline, standfirst) compared with the body, one row per frame, actor,
    actor-in-a-role, contested term and content word of the head.

    ``head``/``body`` are frame scores (cue weight per 100 words) for frames and counts otherwise.
    ``flag`` is ``not in body`` when the body never supports the item (for words: neither the word,
    nor a WordNet synonym, nor a derived form such as "escalation" for "escalate"), ``stronger in
    head`` for a frame scoring more than ``STRONGER`` times higher in the head, else "".
    ``supported_by`` names what in the body supports the item.

    Actors are compared by their words (a body actor with more words, "local law enforcement", supports a head
    "law enforcement"), terms by lemma ("sanctuaries" and "sanctuary"); content words are listed with their
    support but never flagged. Frames compare their evidence (counted cue weight per 100 words).

    Columns: aspect (frame, actor, role, term, word), item, detail, head, body, head_sentence_ids,
    body_sentence_ids, flag, supported_by, nearest_body_sentence_id (for a flagged row: the body sentence
    closest in words to its first head sentence). An article without a head gives an empty table.
    """
    if not head_sentence_ids(article):
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    rows = [(*r[:5], list(r[5]), list(r[6]), *r[7:]) for r in comparison_rows(article, tuple(aspects))]
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


@lru_cache(maxsize=16)
def comparison_rows(article: Article, aspects: tuple[str, ...]) -> tuple[tuple, ...]:
    """The rows of :func:`headline_vs_body` (columns ``COMPARE_COLUMNS``; the id lists are shared: treat as read-only),
    for an article with a head."""
    builders = {"frame": _frames, "actor": _actors, "role": _roles, "term": _terms, "word": _words}
    rows: list[tuple] = []
    for aspect in aspects:
        rows.extend(builders[aspect](article))
    aspect_order = {a: k for k, a in enumerate(ASPECTS)}
    flag_order = {"not in body": 0, "stronger in head": 1, "": 2}
    rows.sort(key=lambda r: (aspect_order[r[0]], flag_order[r[7]], r[1]))  # stable: ties keep builder order
    nearest = _nearest_body(article)
    return tuple((*r, nearest.get(r[5][0], "") if r[7] and r[5] else "") for r in rows)


@lru_cache(maxsize=16)
def _nearest_body(article: Article) -> dict[str, str]:
    """Head sentence id -> the body sentence sharing most content-word lemmas with it (the earliest of equals):
    where a reader would look for the body's account of what the head says."""
    toks = sentence_words(article)
    stop = nlp.stopwords()

    def lemmas(sid: str) -> set[str]:
        t = toks[sid]
        return {nlp.lemmatize(w, tag) for w, tag, ok in zip(t.lower, t.pos, t.is_word)
                if ok and w not in stop and w.isalpha() and len(w) > 2}

    body = [(s.id, lemmas(s.id)) for s in _in_section(article, "body")]
    out = {}
    for s in _in_section(article, "head"):
        head = lemmas(s.id)
        best = max(body, key=lambda b: len(head & b[1]), default=None)  # max keeps the first of equals
        if best is not None and head & best[1]:
            out[s.id] = best[0]
    return out


def unsupported(article: Article) -> pd.DataFrame:
    """What the head asserts that the body never supports: the flagged rows of :func:`headline_vs_body`."""
    t = headline_vs_body(article)
    return t[t["flag"] != ""].reset_index(drop=True)
