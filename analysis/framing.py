"""Framing of one article: who it names, and who its claims are attributed to (named, anonymous, vague)."""

from __future__ import annotations

import pandas as pd

from . import nlp
from .article import Article
from .entities import actors, mentions
from .lexicons import load_lexicon, match_terms
from .tokens import sentence_tokens

__all__ = ["attributions", "sources", "summary_section", "ATTRIBUTION_KINDS", "ATTRIBUTION_COLUMNS"]

#: Kinds of attribution, from most to least accountable.
ATTRIBUTION_KINDS = ("named_person", "named_org", "document", "anonymous", "vague", "unattributed")
ATTRIBUTION_COLUMNS = ["sentence_id", "text", "source", "kind", "cue", "start", "end"]

_KIND_OF_ACTOR = {"person": "named_person", "government": "named_org", "organisation": "named_org", "other": "named_org"}
_VAGUE_GROUPS = {"critics", "observers", "experts", "analysts", "some", "many", "people", "others", "commentators"}
_ANON_GROUPS = {"officials", "sources", "spokesperson", "spokesman", "spokeswoman", "insiders", "aides"}
_PRONOUNS = {"he", "she"}
_INVERTING = {"said", "says", "added", "told", "wrote", "noted", "explained", "asked"}


def _reporting_lemmas() -> dict[str, str]:
    lex = load_lexicon("reporting_verbs")
    return dict(zip(lex["term"], lex["category"]))


def attributions(article: Article) -> pd.DataFrame:
    """Attributed claims, one row per attribution cue.

    Finds vague attribution ("reports suggest", "there is concern", "critics say"), anonymous
    sources ("officials said"), "according to X", and reporting verbs (say, announce, warn...)
    with the actor who is their subject. Columns: sentence_id, text (the sentence), source
    (who or what is credited), kind (named_person, named_org, document, anonymous, vague),
    cue (the words that attribute), start, end (offsets of the cue in article.text).

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nReports suggest the plan failed. The Pentagon announced a deployment.")
    >>> attributions(a)[["source", "kind", "cue"]].values.tolist()
    [['reports suggest', 'vague', 'Reports suggest'], ['Pentagon', 'named_org', 'announced']]
    """
    cues = match_terms(article, load_lexicon("attribution_cues"))
    verbs = _reporting_lemmas()
    ments = mentions(article)
    rows: list[tuple] = []
    covered: set[tuple[str, int]] = set()
    sent_text = {s.id: s.text for s in article.sentences}
    for c in cues.itertuples(index=False):
        if c.category == "document":
            continue  # documents count only as the subject of a reporting verb or after "according to"
        rows.append((c.sentence_id, sent_text[c.sentence_id], c.term, c.category, c.matched, c.start, c.end))
        covered.update((c.sentence_id, k) for k in range(c.i_start, c.i_end))
    docs = set(load_lexicon("attribution_cues").query("category == 'document'")["term"])
    last_person: str | None = None
    for s in article.sentences:
        if s.part == "headline":
            continue
        toks = sentence_tokens(article).get(s.id)
        if toks is None:
            continue
        low = toks["lower"].tolist()
        tags = toks["pos"].tolist()
        m_here = ments[ments["sentence_id"] == s.id]
        spans = [(r.i_start, r.i_end, r.actor, r.kind) for r in m_here.itertuples(index=False) if r.i_start >= 0]
        for i, (w, t) in enumerate(zip(low, tags)):
            if (s.id, i) in covered:
                continue
            if w == "according" and i + 1 < len(low) and low[i + 1] == "to":
                src = _np_after(i + 2, low, tags, spans, docs)
                if src:
                    a, b = int(toks["start"].iloc[i]), int(toks["end"].iloc[i + 1])
                    rows.append((s.id, s.text, src[0], src[1], article.text[a:b], a, b))
                continue
            if not t.startswith("VB") or nlp.lemmatize(w, t) not in verbs:
                continue
            if t == "VBN" and i > 0 and low[i - 1] in ("be", "been", "is", "was", "were", "are", "being"):
                continue  # passive ("was reported") has no named speaker here
            src = _subject(i, low, tags, spans, docs, last_person)
            if src:
                a, b = int(toks["start"].iloc[i]), int(toks["end"].iloc[i])
                rows.append((s.id, s.text, src[0], src[1], article.text[a:b], a, b))
        persons = [sp for sp in spans if sp[3] == "person"]
        if persons:
            last_person = persons[-1][2]
    frame = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    order = {s.id: s.index for s in article.sentences}
    frame["_o"] = frame["sentence_id"].map(order)
    frame = frame.sort_values(["_o", "start"], kind="mergesort").drop(columns="_o").reset_index(drop=True)
    return frame


def _classify_span(actor: str, kind: str) -> str:
    if kind == "group":
        head = actor.split()[-1]
        if head in _VAGUE_GROUPS:
            return "vague"
        return "anonymous"
    return _KIND_OF_ACTOR.get(kind, "named_org")


def _subject(i, low, tags, spans, docs, last_person):
    """The actor just before a reporting verb (within 4 tokens, no comma), or just after it ("said Smith")."""
    best = None
    for a, b, actor, kind in spans:
        if b <= i and i - b <= 4 and "," not in low[b:i] and not any(tg.startswith("VB") and tg != "MD" and low[k] not in ("has", "have", "had", "will", "would") for k, tg in enumerate(tags[b:i], start=b)):
            best = (actor, _classify_span(actor, kind))
        if best is None and a > i and a - i <= 1 and kind != "place" and low[i] in _INVERTING:
            return actor, _classify_span(actor, kind)
    if best:
        return best
    j = i - 1
    while j >= 0 and tags[j] in ("RB", "MD", "VBZ", "VBD", "VBP") and low[j] in ("also", "has", "have", "had", "will", "would", "openly", "repeatedly", "previously"):
        j -= 1
    if j >= 0 and low[j] in docs:
        return low[j], "document"
    if j >= 0 and low[j] in _VAGUE_GROUPS | {"reports"}:
        return low[j], "vague"
    if j >= 0 and low[j] in _ANON_GROUPS:
        return low[j], "anonymous"
    if j >= 0 and low[j] in _PRONOUNS and last_person:
        return last_person, "named_person"
    return None


def _np_after(i, low, tags, spans, docs):
    for a, b, actor, kind in spans:
        if a in (i, i + 1):
            return actor, _classify_span(actor, kind)
    words = []
    for w, t in zip(low[i:i + 6], tags[i:i + 6]):
        if t in (",", ".", ":") or w in (",", "."):
            break
        words.append(w)
    if not words:
        return None
    phrase = " ".join(words)
    if words[-1] in docs or any(w in docs for w in words):
        return phrase, "document"
    if words[0] in ("reports", "sources") or words[-1] in ("reports", "sources"):
        return phrase, "vague" if "reports" in words else "anonymous"
    return phrase, "anonymous"


def sources(article: Article) -> pd.DataFrame:
    """Who the article attributes claims to, with how often and through which cues.

    Columns: source, kind, count, cues (distinct cue words), sentence_ids.
    """
    att = attributions(article)
    cols = ["source", "kind", "count", "cues", "sentence_ids"]
    if att.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for (src, kind), grp in att.groupby(["source", "kind"], sort=True):
        rows.append((src, kind, len(grp), sorted(set(grp["cue"].str.lower())), list(dict.fromkeys(grp["sentence_id"]))))
    frame = pd.DataFrame(rows, columns=cols)
    return frame.sort_values(["count", "source"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def named_actors(article: Article) -> pd.DataFrame:
    """Alias of :func:`analysis.entities.actors` kept here so framing code reads in one place."""
    return actors(article)


def summary_section(article: Article) -> dict:
    """The ``framing`` part of the JSON summary."""
    from .summary import records

    return {
        "actors": records(actors(article), ["name", "kind", "mentions", "aliases", "sentence_ids"]),
        "attributions": records(attributions(article), ["sentence_id", "text", "source", "kind", "cue"]),
    }
