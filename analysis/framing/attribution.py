"""Attribution: who a sentence's claims are credited to, found from reporting verbs, "according to" and attribution cues, with the kind of each source (named person or organisation, document, anonymous, vague)."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_terms, load_lexicon
from ..core.tagging import PERSONAL_PRONOUNS, SUBJECT_PREPOSITIONS, SUBORDINATORS
from ..core.tokens import sentence_words
from .agency import resolve_pronoun
from .entities import mentions_by_sentence
from .quote_marks import in_quotes

__all__ = [
    "ATTRIBUTION_KINDS",
    "ATTRIBUTION_COLUMNS",
    "Attribution",
    "reporting_lemmas",
    "classify_span",
    "base_attribution_rows",
    "in_reading_order",
]

#: Kinds of attribution, from most to least accountable.
ATTRIBUTION_KINDS = ("named_person", "named_org", "document", "anonymous", "vague", "unattributed")
ATTRIBUTION_COLUMNS = ["sentence_id", "text", "source", "kind", "cue", "start", "end"]
#: Columns added after ATTRIBUTION_COLUMNS (field names of the first version stay first).
EXTRA_COLUMNS = ["mode", "verb_category", "claim", "words", "claim_start", "claim_end"]

class Attribution(NamedTuple):
    """One row of :func:`analysis.framing.sourcing.attributions` (same fields, same order; see there for their meaning)."""

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


_KIND_OF_ACTOR = {"person": "named_person", "government": "named_org", "organisation": "named_org", "other": "named_org",
                  "place": "named_org"}
_VAGUE_GROUPS = {"critics", "observers", "experts", "analysts", "some", "many", "people", "others", "commentators"}
_ANON_GROUPS = {"officials", "sources", "spokesperson", "spokesman", "spokeswoman", "insiders", "aides"}
_INVERTING = {"said", "says", "added", "told", "wrote", "noted", "explained", "asked", "continued", "replied"}
_AUX = {"also", "has", "have", "had", "will", "would", "openly", "repeatedly", "previously", "later", "then", "again",
        "publicly", "recently", "once", "further", "not", "did", "does", "do", "had", "could", "may", "might"}
_POSTPOSED_MAX = 4  # "..., X said." has at most this many words after the verb


@lru_cache(maxsize=1)
def reporting_lemmas() -> dict[str, str]:
    """Reporting-verb lemma -> its category (neutral, assertive, doubting...), from ``data/lexicons/reporting_verbs.csv``."""
    lex = load_lexicon("reporting_verbs")
    return dict(zip(lex["term"], lex["category"]))


def classify_span(actor: str, kind: str) -> str:
    """The kind of source (one of ``ATTRIBUTION_KINDS``) of an actor of entity kind ``kind``: a group
    is vague ("critics", "experts") or anonymous ("officials"); people are named_person, the rest named_org."""
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
        if a > 0 and tags[a - 1] == "IN" and low[a - 1] not in SUBJECT_PREPOSITIONS and (
                low[a - 1] not in SUBORDINATORS):
            continue  # "in Australian school children has revealed": not the subject
        if b <= i and i - b <= 4 and "," not in low[b:i] and not any(
                tg.startswith("VB") and low[k] not in _AUX for k, tg in enumerate(tags[b:i], start=b)):
            cands.append((b, kind != "group", b - a, actor, kind, a))
    if cands:
        b, _, _, actor, kind, a = max(cands)
        return actor, classify_span(actor, kind), (a, b)
    for a, b, actor, kind in spans:
        if a > i and a - i <= 3 and kind != "place" and low[i] in _INVERTING and all(
                tags[k] in ("NNP", "NNPS", "DT") for k in range(i + 1, a)) and (
                b >= len(low) or low[b] in (",", ".", ";", ":", "'", '"', "''")):
            return actor, classify_span(actor, kind), (a, b)
    j = i - 1
    while j >= 0 and low[j] in _AUX:
        j -= 1
    # Appositive: "NAME, the State Department spokesperson, said".
    if j >= 0 and low[j] == ",":
        for k in range(j - 1, max(-1, j - 12), -1):
            if low[k] == ",":
                for a, b, actor, kind in spans:
                    if b == k and kind in ("person", "government", "organisation", "other"):
                        return actor, classify_span(actor, kind), (a, b)
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
    if j >= 0 and low[j] in PERSONAL_PRONOUNS and last_person:
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
        return actor, classify_span(actor, kind), b
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
def base_attribution_rows(article: Article) -> tuple[Attribution, ...]:
    """Attribution cues, "according to" and reporting verbs with their sources (no quotation rows, no
    unattributed claims), in the order of :func:`analysis.framing.sourcing.attributions`. Cached and shared."""
    cues = find_terms(article, lexicon_terms("attribution_cues"))
    verbs = reporting_lemmas()
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
    return in_reading_order(rows, article)


def in_reading_order(rows: list[Attribution], article: Article) -> tuple[Attribution, ...]:
    """Attributions in reading order: by sentence, then cue offset, then kind (ties keep their order)."""
    order = {s.id: s.index for s in article.sentences}
    return tuple(sorted(rows, key=lambda r: (order[r.sentence_id], r.start, r.kind)))

