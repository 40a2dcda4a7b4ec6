"""Framing of one article: who its claims are attributed to (named, document, anonymous, vague), which evaluative claims are attributed to no one, and the sources ledger; gathers the framing section of the summary."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from . import nlp
from .article import Article
from .entities import actor_rows, actors, mentions_by_sentence
from .lexicons import find_terms, lexicon_terms, load_lexicon
from .quotes import in_quotes
from .tokens import sentence_words

__all__ = [
    "attributions",
    "sources",
    "vague_or_missing",
    "evaluative_words",
    "summary_section",
    "ATTRIBUTION_KINDS",
    "ATTRIBUTION_COLUMNS",
    "EVALUATIVE_CATEGORIES",
    "Attribution",
    "EvaluativeWord",
    "Source",
]

#: Kinds of attribution, from most to least accountable.
ATTRIBUTION_KINDS = ("named_person", "named_org", "document", "anonymous", "vague", "unattributed")
ATTRIBUTION_COLUMNS = ["sentence_id", "text", "source", "kind", "cue", "start", "end"]
#: Columns added after ATTRIBUTION_COLUMNS (field names of the first version stay first).
EXTRA_COLUMNS = ["mode", "verb_category", "claim", "words", "claim_start", "claim_end"]
#: Categories of data/lexicons/loaded_words.csv that make a claim evaluative (the writer judges,
#: dramatises or labels). Militaristic, punitive and euphemism words describe rather than judge.
EVALUATIVE_CATEGORIES = ("evaluative", "dramatic", "pejorative_label", "sympathy", "threat")


class Attribution(NamedTuple):
    """One row of :func:`attributions` (same fields, same order; see there for their meaning)."""

    sentence_id: str
    text: str
    source: str
    kind: str
    cue: str
    start: int
    end: int
    mode: str
    verb_category: str
    claim: str
    words: int
    claim_start: int
    claim_end: int


class EvaluativeWord(NamedTuple):
    """One row of :func:`evaluative_words` (same fields, same order)."""

    sentence_id: str
    word: str
    source: str
    start: int
    end: int
    i: int
    in_quotes: bool


class Source(NamedTuple):
    """One row of :func:`sources` (same fields, same order). ``cues`` and ``sentence_ids`` are
    lists shared by the cache: read them, do not change them."""

    source: str
    kind: str
    count: int
    cues: list[str]
    sentence_ids: list[str]
    quotes: int
    words: int
    share: float


_KIND_OF_ACTOR = {"person": "named_person", "government": "named_org", "organisation": "named_org", "other": "named_org",
                  "place": "named_org"}
_VAGUE_GROUPS = {"critics", "observers", "experts", "analysts", "some", "many", "people", "others", "commentators"}
_ANON_GROUPS = {"officials", "sources", "spokesperson", "spokesman", "spokeswoman", "insiders", "aides"}
_PRONOUNS = {"he", "she"}
_INVERTING = {"said", "says", "added", "told", "wrote", "noted", "explained", "asked", "continued", "replied"}
_AUX = {"also", "has", "have", "had", "will", "would", "openly", "repeatedly", "previously", "later", "then", "again",
        "publicly", "recently", "once", "further", "not", "did", "does", "do", "had", "could", "may", "might"}
_SUBORDINATORS = {"that", "because", "as", "while", "if", "when", "although", "though", "since", "after", "before",
                  "until", "whether", "once", "unless", "whereas"}
_POSTPOSED_MAX = 4  # "..., X said." has at most this many words after the verb


@lru_cache(maxsize=1)
def _reporting_lemmas() -> dict[str, str]:
    lex = load_lexicon("reporting_verbs")
    return dict(zip(lex["term"], lex["category"]))


def _classify_span(actor: str, kind: str) -> str:
    if kind == "group":
        head = actor.split()[-1]
        if head in _VAGUE_GROUPS:
            return "vague"
        return "anonymous"
    return _KIND_OF_ACTOR.get(kind, "named_org")


def _subject(i, low, tags, spans, docs, last_person, heads=frozenset()):
    """The source of the reporting verb at token ``i``: the actor just before it (within 4 tokens, no
    comma or other verb between, not the object of a preposition), an actor before an appositive
    ("Jeff Rathke, the spokesperson, said"), the actor just after it ("said Smith", "said
    Ambassador Mohib"), a document ("a letter seen by Sky News says"), an institution named by its
    head noun ("the school said"), a vague or anonymous group word, or he/she (the last person
    named, whose first name does not belong to the other sex). Returns (source, kind, (a, b)) or None."""
    cands = []
    for a, b, actor, kind in spans:
        if kind == "place" and not (b <= i and i - b <= 1):
            continue
        if a > 0 and tags[a - 1] == "IN" and low[a - 1] not in ("like", "including", "as", "with") and (
                low[a - 1] not in _SUBORDINATORS):
            continue  # "in Australian school children has revealed": not the subject
        if b <= i and i - b <= 4 and "," not in low[b:i] and not any(
                tg.startswith("VB") and low[k] not in _AUX for k, tg in enumerate(tags[b:i], start=b)):
            cands.append((b, kind != "group", b - a, actor, kind, a))
    if cands:
        b, _, _, actor, kind, a = max(cands)
        return actor, _classify_span(actor, kind), (a, b)
    for a, b, actor, kind in spans:
        if a > i and a - i <= 3 and kind != "place" and low[i] in _INVERTING and all(
                tags[k] in ("NNP", "NNPS", "DT") for k in range(i + 1, a)) and (
                b >= len(low) or low[b] in (",", ".", ";", ":", "'", '"', "''")):
            return actor, _classify_span(actor, kind), (a, b)
    j = i - 1
    while j >= 0 and low[j] in _AUX:
        j -= 1
    # Appositive: "NAME, the State Department spokesperson, said".
    if j >= 0 and low[j] == ",":
        for k in range(j - 1, max(-1, j - 12), -1):
            if low[k] == ",":
                for a, b, actor, kind in spans:
                    if b == k and kind in ("person", "government", "organisation", "other"):
                        return actor, _classify_span(actor, kind), (a, b)
                break
    # "a letter seen by Sky News says", "a report by the council warns": step back over the phrase.
    for a, b, actor, kind in spans:
        if b == j + 1 and a >= 2 and low[a - 1] == "by":
            k = a - 2
            while k >= 0 and tags[k] in ("VBN", "RB"):
                k -= 1
            if k >= 0 and low[k] in docs:
                return low[k], "document", (k, k + 1)
    if j >= 0 and low[j] in docs:
        return low[j], "document", (j, j + 1)
    if j >= 0 and low[j] in _VAGUE_GROUPS | {"reports"}:
        return low[j], "vague", (j, j + 1)
    if j >= 0 and low[j] in _ANON_GROUPS:
        return low[j], "anonymous", (j, j + 1)
    if j >= 1 and low[j] in heads and low[j - 1] == "the" and tags[j].startswith("NN"):
        return f"the {low[j]}", "named_org", (j - 1, j + 1)  # an institution named earlier: "the school said"
    if j >= 0 and low[j] in _PRONOUNS and last_person:
        from .agency import resolve_pronoun

        who = resolve_pronoun(low[j], last_person)
        if who:
            return who, "named_person", (j, j + 1)
    return None


def _np_after(i, low, tags, spans, docs):
    """The source after "according to": a named actor (the head of the phrase, or the person named
    in apposition: "the team's coach, Alireza Mehraban,"), a document, or a vague/anonymous phrase."""
    end = i
    while end < len(low) and end - i < 8 and low[end] not in (",", ".", ":", ";"):
        end += 1
    if end < len(low) and low[end] == ",":
        for a, b, actor, kind in spans:
            if a == end + 1 and kind == "person" and (b >= len(low) or low[b] in (",", ".")):
                return actor, "named_person", b
    inside = [(a, b, actor, kind) for a, b, actor, kind in spans if i <= a and b <= end and kind != "place"
              and not (b < len(low) and low[b] in ("'s", "’s"))]
    if inside:
        a, b, actor, kind = max(inside, key=lambda x: (x[1], x[1] - x[0]))
        return actor, _classify_span(actor, kind), b
    words = [w for w in low[i:end]]
    if not words:
        return None
    phrase = " ".join(words)
    if any(w in docs for w in words):
        return phrase, "document", end
    if words[0] in ("reports", "sources") or words[-1] in ("reports", "sources"):
        return phrase, "vague" if "reports" in words else "anonymous", end
    return phrase, "anonymous", end


def _claim_range(n_tokens: int, is_word: list[bool], cue: tuple[int, int], source: tuple[int, int] | None,
                 mode: str) -> tuple[int, int]:
    """Token range of the claim an attribution credits: what follows the cue ("X said that ..."),
    or what precedes the source when the attribution comes last ("..., X said."), or the rest of the
    sentence for "according to X"."""
    ci, cj = cue
    lo = min(ci, source[0]) if source else ci
    hi = max(cj, source[1]) if source else cj
    after = sum(is_word[hi:])
    if mode == "according_to":
        return (hi, n_tokens) if after > _POSTPOSED_MAX else (0, lo)
    if after <= _POSTPOSED_MAX and sum(is_word[:lo]) > after:
        return 0, lo
    return hi, n_tokens


@lru_cache(maxsize=16)
def _base_attribution_rows(article: Article) -> tuple[Attribution, ...]:
    """Attribution cues, "according to" and reporting verbs with their sources (no quotation rows, no
    unattributed claims), in the order of :func:`attributions`. Cached and shared."""
    cues = find_terms(article, lexicon_terms("attribution_cues"))
    verbs = _reporting_lemmas()
    docs = {term for term, _ in lexicon_terms("attribution_cues", ("document",))}
    ments = mentions_by_sentence(article)
    heads = frozenset(term for term, _ in lexicon_terms("entity_cues", ("government_head", "organisation_head")))
    toks_by = sentence_words(article)
    rows: list[Attribution] = []
    covered: set[tuple[str, int]] = set()
    sent_of = {s.id: s for s in article.sentences}

    def claim_text(sid, rng):
        toks = toks_by[sid]
        a, b = rng
        if b <= a:
            return "", 0, -1, -1
        words = sum(toks.is_word[a:b])
        x, y = toks.start[a], toks.end[b - 1]
        return article.text[x:y], words, x, y

    for c in cues:
        if c.category == "document":
            continue  # documents count only as the subject of a reporting verb or after "according to"
        if in_quotes(article, c.start, c.end):
            continue  # a vague cue inside a quotation is the quoted speaker's, not the article's
        toks = toks_by[c.sentence_id]
        rng = _claim_range(len(toks), list(toks.is_word), (c.i_start, c.i_end), None, "cue")
        rows.append(Attribution(c.sentence_id, sent_of[c.sentence_id].text, c.term, c.category, c.matched, c.start,
                                c.end, "cue", "", *claim_text(c.sentence_id, rng)))
        covered.update((c.sentence_id, k) for k in range(c.i_start, c.i_end))
    last_person: list[str] = []  # persons named so far, in reading order (for he/she)
    for s in article.sentences:
        if s.part == "headline":
            continue
        toks = toks_by.get(s.id)
        if not toks:
            continue
        low, tags, t_start, t_end, is_word = list(toks.lower), list(toks.pos), toks.start, toks.end, list(toks.is_word)
        spans = [(r.i_start, r.i_end, r.actor, r.kind) for r in ments[s.id]
                 if r.i_start >= 0 and not in_quotes(article, r.start, r.end)]
        for i, (w, t) in enumerate(zip(low, tags)):
            if (s.id, i) in covered:
                continue
            if in_quotes(article, t_start[i], t_end[i]):
                continue
            if w == "according" and i + 1 < len(low) and low[i + 1] == "to":
                src = _np_after(i + 2, low, tags, spans, docs)
                if src:
                    a, b = t_start[i], t_end[i + 1]
                    rng = _claim_range(len(low), is_word, (i, i + 2), (i + 2, src[2]), "according_to")
                    rows.append(Attribution(s.id, s.text, src[0], src[1], article.text[a:b], a, b, "according_to", "",
                                            *claim_text(s.id, rng)))
                continue
            if not t.startswith("VB"):
                continue
            lemma = nlp.lemmatize(w, t)
            if lemma not in verbs:
                continue
            if t == "VBN" and i > 0 and low[i - 1] in ("be", "been", "is", "was", "were", "are", "being"):
                continue  # passive ("was reported") has no named speaker here
            src = _subject(i, low, tags, spans, docs, last_person, heads)
            if src:
                a, b = t_start[i], t_end[i]
                rng = _claim_range(len(low), is_word, (i, i + 1), src[2], "reporting_verb")
                rows.append(Attribution(s.id, s.text, src[0], src[1], article.text[a:b], a, b, "reporting_verb",
                                        verbs[lemma], *claim_text(s.id, rng)))
        last_person.extend(sp[2] for sp in sorted(spans) if sp[3] == "person")
    return _sorted(rows, article)


def _sorted(rows: list[Attribution], article: Article) -> tuple[Attribution, ...]:
    """Attributions in reading order: by sentence, then cue offset, then kind (ties keep their order)."""
    order = {s.id: s.index for s in article.sentences}
    return tuple(sorted(rows, key=lambda r: (order[r.sentence_id], r.start, r.kind)))


def _quote_rows(article: Article, base: tuple[Attribution, ...]) -> list[Attribution]:
    """Sentences of a direct quotation whose speaker is credited elsewhere (the next sentence or
    paragraph of the same quotation) are attributed to that speaker too."""
    from .quotes import _quotation_rows

    rows = []
    have = {(r.sentence_id, r.source) for r in base}
    sent_of = {s.id: s for s in article.sentences}
    toks_by = sentence_words(article)
    for q in _quotation_rows(article):
        if q.kind != "direct" or not q.speaker:
            continue
        for sid in q.sentence_ids:
            if (sid, q.speaker) in have:
                continue
            have.add((sid, q.speaker))
            s = sent_of[sid]
            a, b = max(q.start, s.start), min(q.end, s.end)
            words = toks_by[sid].words_between(a, b)
            rows.append(Attribution(sid, s.text, q.speaker, q.speaker_kind, "quotation", a, b, "quote", "",
                                    article.text[a:b], words, a, b))
    return rows


@lru_cache(maxsize=1)
def _label_terms() -> frozenset[str]:
    """Single-word contested labels ("undocumented", "migrant"): reported by the terminology table, not as evaluations."""
    return frozenset(t for t in load_lexicon("terminology")["term"] if " " not in t and not t.endswith("*"))


def evaluative_words(article: Article) -> pd.DataFrame:
    """Words by which the writer judges or dramatises: loaded words (categories in
    ``EVALUATIVE_CATEGORIES``) and opinion adjectives and adverbs (Hu & Liu 2004, via NLTK).

    Columns: sentence_id, word, source (loaded_words:<category> or opinion:<polarity>), start, end,
    i (token position), in_quotes (inside quotation marks: someone else's words or a scare quote).

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nThe bold plan is cruel. The plan starts in June.")
    >>> evaluative_words(a)[["sentence_id", "word"]].values.tolist()
    [['s2', 'bold'], ['s2', 'cruel']]
    """
    frame = pd.DataFrame(_evaluative_rows(article), columns=EvaluativeWord._fields)
    frame["in_quotes"] = frame["in_quotes"].astype(bool)  # also when there are no rows
    return frame


@lru_cache(maxsize=16)
def _evaluative_rows(article: Article) -> tuple[EvaluativeWord, ...]:
    """The rows of :func:`evaluative_words` as :class:`EvaluativeWord` tuples, ordered by offset
    then word. Cached and shared."""
    rows = []
    taken: set[tuple[str, int]] = set()
    for m in find_terms(article, lexicon_terms("loaded_words", EVALUATIVE_CATEGORIES)):
        rows.append((m.sentence_id, m.matched, f"loaded_words:{m.category}", m.start, m.end, m.i_start))
        taken.update((m.sentence_id, k) for k in range(m.i_start, m.i_end))
    opinion = nlp.opinion_words()
    labels = _label_terms()
    for sid, toks in sentence_words(article).items():
        for i, (text, low, pos) in enumerate(zip(toks.text, toks.lower, toks.pos)):
            if (sid, i) in taken or low not in opinion or low in labels:
                continue
            if pos[:2] in ("JJ", "RB") and text[:1].islower():
                rows.append((sid, text, f"opinion:{opinion[low]}", toks.start[i], toks.end[i], i))
    words = [EvaluativeWord(*r, in_quotes(article, r[3], r[4]) is not None) for r in rows]
    return tuple(sorted(words, key=lambda w: (w.start, w.word)))


def _unattributed_rows(article: Article, att: list[Attribution]) -> list[Attribution]:
    """One row per sentence with evaluative words outside quotations and outside the claim of every
    attribution in the sentence."""
    toks_by = sentence_words(article)
    sent_of = {s.id: s for s in article.sentences}
    scopes: dict[str, list[tuple[int, int]]] = {}
    for r in att:
        if r.claim_start >= 0:
            scopes.setdefault(r.sentence_id, []).append((r.claim_start, r.claim_end))
    rows = []
    by_sentence: dict[str, list[EvaluativeWord]] = {}
    for g in _evaluative_rows(article):
        if not g.in_quotes:
            by_sentence.setdefault(g.sentence_id, []).append(g)
    for sid, grp in by_sentence.items():
        free = [g for g in grp if not any(a <= g.start and g.end <= b for a, b in scopes.get(sid, []))]
        if not free:
            continue
        s = sent_of[sid]
        words = toks_by[sid].n_words
        cue = ", ".join(dict.fromkeys(g.word for g in free))
        rows.append(Attribution(sid, s.text, "", "unattributed", cue, free[0].start, free[-1].end, "unattributed", "",
                                s.text, words, s.start, s.end))
    return rows


@lru_cache(maxsize=16)
def _attribution_rows(article: Article, include_unattributed: bool) -> tuple[Attribution, ...]:
    """The rows of :func:`attributions` as :class:`Attribution` tuples, in the same order.
    Cached and shared: the pandas-free way to read attributions."""
    base = _base_attribution_rows(article)
    rows = [*base, *_quote_rows(article, base)]
    if include_unattributed:
        rows += _unattributed_rows(article, rows)
    return _sorted(rows, article)


@lru_cache(maxsize=16)
def _attributions(article: Article, include_unattributed: bool) -> pd.DataFrame:
    frame = pd.DataFrame(_attribution_rows(article, include_unattributed), columns=ATTRIBUTION_COLUMNS + EXTRA_COLUMNS)
    for col in ("words", "claim_start", "claim_end"):
        frame[col] = frame[col].astype(int)  # also when there are no rows
    return frame


def attributions(article: Article, *, include_unattributed: bool = True) -> pd.DataFrame:
    """Attributed claims, one row per attribution, plus the evaluative claims attributed to no one.

    Finds vague attribution ("reports suggest", "there is concern", "critics say"), anonymous
    sources ("officials said"), "according to X", reporting verbs (say, announce, warn...) with
    the actor who is their subject, the further sentences of a credited direct quotation, and
    (``include_unattributed``) sentences whose evaluative words (see :func:`evaluative_words`) lie
    outside every quotation and every attributed claim. Reporting verbs and cues inside quotation
    marks belong to the quoted speaker and are skipped.

    Columns: sentence_id, text (the sentence), source (who or what is credited; "" when no one),
    kind (named_person, named_org, document, anonymous, vague, unattributed), cue (the words that
    attribute; for unattributed rows the evaluative words), start, end (offsets of the cue in
    article.text), mode (cue, according_to, reporting_verb, quote, unattributed), verb_category
    (neutral, assertive, tentative, critical for reporting verbs), claim (the words credited), words
    (word count of the claim), claim_start, claim_end (offsets of the claim; -1 when there is none).

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nReports suggest the plan failed. The Pentagon announced a deployment.")
    >>> attributions(a)[["source", "kind", "cue"]].values.tolist()
    [['reports suggest', 'vague', 'Reports suggest'], ['Pentagon', 'named_org', 'announced']]
    """
    return _attributions(article, include_unattributed).copy()


def sources(article: Article) -> pd.DataFrame:
    """The sourcing ledger: who the article attributes claims to, how often, through which cues,
    and what share of the article's attributed words each source carries.

    Columns: source, kind, count, cues (distinct cue words), sentence_ids, quotes (direct quotations
    credited to the source), words (attributed words), share (of all attributed words, 0-1).
    Unattributed claims are not sources; see :func:`vague_or_missing`.
    """
    return pd.DataFrame(_source_rows(article), columns=Source._fields)


@lru_cache(maxsize=16)
def _source_rows(article: Article) -> tuple[Source, ...]:
    """The rows of :func:`sources` as :class:`Source` tuples, in the same order (most attributions
    first, then most words, then by source and kind). Cached and shared."""
    from .quotes import _quotation_rows

    att = _attribution_rows(article, False)
    n_quotes = Counter(q.speaker for q in _quotation_rows(article) if q.kind == "direct" and q.speaker is not None)
    total = sum(r.words for r in att)
    by_source: dict[tuple[str, str], list[Attribution]] = {}
    for r in att:
        by_source.setdefault((r.source, r.kind), []).append(r)
    rows = []
    for (src, kind), grp in by_source.items():
        words = sum(r.words for r in grp)
        rows.append(Source(src, kind, len(grp), sorted({r.cue.lower() for r in grp}),
                           list(dict.fromkeys(r.sentence_id for r in grp)), n_quotes[src], words,
                           round(words / total, 3) if total else 0.0))
    return tuple(sorted(rows, key=lambda r: (-r.count, -r.words, r.source, r.kind)))


def vague_or_missing(article: Article) -> pd.DataFrame:
    """The attributions a reader cannot check: vague, anonymous and unattributed (evaluative claims credited to no one).

    Columns: sentence_id, kind, cue, source, text.
    """
    att = attributions(article)
    keep = att[att["kind"].isin(["vague", "anonymous", "unattributed"])]
    return keep[["sentence_id", "kind", "cue", "source", "text"]].reset_index(drop=True)


def named_actors(article: Article) -> pd.DataFrame:
    """Alias of :func:`analysis.entities.actors` kept here so framing code reads in one place."""
    return actors(article)


def summary_section(article: Article) -> dict:
    """The ``framing`` part of the JSON summary."""
    from . import frames, headline
    from .quotes import _quotation_rows
    from .summary import row_records
    from .terminology import _term_rows

    quotations = _quotation_rows(article)
    return {
        "actors": row_records(actor_rows(article), ["name", "kind", "mentions", "aliases", "sentence_ids", "as_agent",
                                                    "as_patient"]),
        "attributions": row_records(_attribution_rows(article, True),
                                    ["sentence_id", "text", "source", "kind", "cue", "mode", "words"]),
        "sources": row_records(_source_rows(article),
                               ["source", "kind", "count", "quotes", "words", "share", "sentence_ids"]),
        "frames": frames.summary_records(article),
        "quotes": row_records((q for q in quotations if q.kind == "direct"),
                              ["sentence_id", "text", "speaker", "speaker_kind"]),
        "scare_quotes": row_records((q for q in quotations if q.kind == "scare"), ["sentence_id", "text"]),
        "terms": row_records(_term_rows(article, None),
                             ["term", "category", "count", "in_quotes", "signals", "sentence_ids"]),
        "headline_vs_body": headline.summary_dict(article),
    }
