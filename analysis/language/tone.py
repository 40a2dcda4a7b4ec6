"""Tone: VADER scores per sentence, the words that carry them and the extremes."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tagging import FINITE_TAGS
from ..core.tokens import SentenceWords, sentence_words
from .names import name_token_positions
from .words import word_rows

__all__ = ["sentence_tone", "Tone", "tone_rows", "tone_words", "tone_extremes", "name_token_positions", "neutral_uses"]

# ---------------------------------------------------------------- tone

def sentence_tone(article: Article) -> pd.DataFrame:
    """VADER scores of each sentence (Hutto & Gilbert 2014), with proper names masked.

    The words of proper names (:func:`name_token_positions`) are taken out before scoring:
    "United States", "Liberty University" and "Justice Department" carry no sentiment, so the
    score reflects the writer's own words; so are uses of scored words that carry no tone
    (:func:`neutral_uses`: "countries like Albania", "outstanding claims", "free speech", a negated
    negative word such as "no one was hurt").

    Columns: sentence_id, paragraph, part, compound (-1 very negative .. +1 very positive),
    positive, neutral, negative, text.

    >>> from analysis.core.article import parse_article
    >>> t = sentence_tone(parse_article("News\\n\\nThis is wonderful. This is a horrible disaster."))
    >>> t["compound"].tolist()[1] > 0 > t["compound"].tolist()[2]
    True

    The scores are computed once per article (see :func:`tone_rows`).
    """
    return pd.DataFrame(tone_rows(article), columns=list(Tone._fields))


class Tone(NamedTuple):
    """VADER scores of one sentence: a row of :func:`sentence_tone` (same fields, same order)."""

    sentence_id: str
    paragraph: int
    part: str
    compound: float
    positive: float
    neutral: float
    negative: float
    text: str


def tone_rows(article: Article) -> tuple[Tone, ...]:
    """:func:`sentence_tone` without pandas: one :class:`Tone` per sentence, in reading order (cached per article).

    >>> from analysis.core.article import parse_article
    >>> [(t.sentence_id, t.compound > 0) for t in tone_rows(parse_article("News\\n\\nThis is wonderful."))]
    [('s1', False), ('s2', True)]
    """
    return _tone_rows(article)


def _masked(article: Article, sentence_start: int, text: str, toks: SentenceWords, names: frozenset[int]) -> str:
    """The sentence's text with the tokens at ``names`` cut out (the spaces around them kept single)."""
    if not names:
        return text
    pieces, at = [], sentence_start
    for i in sorted(names):
        pieces.append(article.text[at:toks.start[i]])
        at = toks.end[i]
    pieces.append(article.text[at:sentence_start + len(text)])
    return " ".join("".join(pieces).split())


#: Negators before which a negative word is taken out rather than flipped: VADER scores "no one was hurt" and
#: "there shouldn't be anyone suffering" as positive; in news the absence of harm is no praise.
_NEGATORS = frozenset("not n't never no nobody none nothing neither nor without cannot".split())
#: Words after which "like" is the verb even where the tagger reads a preposition ("did not like", "to like").
_LIKE_AS_VERB = frozenset("i you we they he she do does did would to really also just".split())
#: Nouns after "outstanding" in its sense of "not yet settled" ("outstanding claims", "an outstanding warrant").
_UNSETTLED = frozenset("claim claims debt debts warrant warrants balance balances loan loans case cases issue issues "
                       "question questions bill bills payment payments shares amount amounts application "
                       "applications".split())
#: Topic terms whose first word VADER scores ("free speech", "free trade"): the name of a subject, not praise.
_TOPIC_TERMS = frozenset({("free", "speech"), ("free", "trade"), ("free", "press"), ("free", "market"),
                          ("free", "markets"), ("free", "agent"), ("free", "agency"), ("free", "throw"),
                          ("free", "throws"), ("free", "kick"), ("free", "kicks"), ("free", "enterprise"),
                          ("criminal", "justice"), ("justice", "system"), ("hate", "speech"), ("hate", "crime"),
                          ("hate", "crimes"),
                          # policy and money terms ("health care", "interest rates", "border security")
                          ("health", "care"), ("child", "care"), ("intensive", "care"), ("foster", "care"),
                          ("care", "home"), ("care", "homes"), ("interest", "rate"), ("interest", "rates"),
                          ("interest", "payments"), ("credit", "card"), ("credit", "cards"), ("tax", "credit"),
                          ("tax", "credits"), ("credit", "rating"), ("gross", "domestic"), ("trust", "fund"),
                          ("trust", "funds"), ("border", "security"), ("national", "security"),
                          ("social", "security"), ("security", "forces"), ("security", "guard"),
                          ("security", "guards"), ("security", "officials"), ("security", "council"),
                          ("public", "safety"), ("safety", "net"), ("defense", "attorney"), ("defense", "attorneys"),
                          ("defense", "lawyer"), ("defense", "lawyers"), ("defence", "lawyer"),
                          ("defence", "lawyers"), ("missile", "defense"), ("missile", "defence")})
#: Words of size or degree VADER scores as praise ("significant" +0.8, "substantial" +0.8, "huge" +1.3, "greater"
#: +1.5): in news they measure what they qualify ("a significant escalation", "huge losses", "a greater risk"),
#: whose own words carry the tone. article-lens judgement, from the reader's tone audit (2026-12-07).
_MAGNITUDE = frozenset({"significant", "substantial", "huge", "greater"})
#: "play a role/part" and "poised to": phrases whose scored word ("play" +1.4, "poised" +1.0) says nothing good.
_ROLE_NOUNS = frozenset({"role", "roles", "part", "parts"})


def _negator(word: str) -> bool:
    """Whether a lower-case word negates: :data:`_NEGATORS`, or a contraction the tokenizer keeps whole
    ("shouldn't", "didn’t")."""
    return word in _NEGATORS or word.endswith(("n't", "n’t"))


def neutral_uses(toks: SentenceWords) -> dict[int, str]:
    """Positions of words VADER would score that carry no tone in this use, with the reason: "like" as a
    preposition ("countries like Albania"), a number (VADER lists "86" as slang), "party" as a noun (a political
    party), "outstanding" before what is still owed or pending ("outstanding asylum claims"), a topic term ("free
    speech", "hate speech", "criminal justice", "obstruction of justice", "health care", "interest rates",
    "border security"), a set phrase ("poised to", "played a key role", "plays out"), "no" as a determiner, a word
    of size or degree ("a significant escalation", "huge losses", "a greater risk"), and a
    negative word after a negator ("no one was hurt", "there shouldn't be anyone suffering"), which VADER would
    turn positive.

    >>> from analysis.core.article import parse_article
    >>> from analysis.core.tokens import sentence_words
    >>> toks = sentence_words(parse_article("News\\n\\nCountries like Albania face 86 outstanding claims."))["s2"]
    >>> sorted(neutral_uses(toks).values())
    ['a number', 'a preposition', 'not yet settled']
    """
    low, tags = toks.lower, toks.sentence_case_pos
    lex = nlp.vader().lexicon
    out: dict[int, str] = {}
    for i, w in enumerate(low):
        if w not in lex:
            continue
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if w == "like" and tags[i] == "IN" and not (i > 0 and (low[i - 1] in _LIKE_AS_VERB or _negator(low[i - 1]))) \
                and any(tags[k] in FINITE_TAGS for k in range(len(low)) if k != i):
            out[i] = "a preposition"  # "countries like Albania face …"; not "did not like", "voters like the plan"
        elif tags[i] == "CD" or w.isdigit():
            out[i] = "a number"
        elif w in ("party", "parties") and tags[i].startswith("NN"):
            out[i] = "a party (a group)"
        elif w == "outstanding" and (nxt in _UNSETTLED or i + 2 < len(low) and tags[i + 1].startswith("NN")
                                     and low[i + 2] in _UNSETTLED):
            out[i] = "not yet settled"  # "outstanding claims", "outstanding asylum claims"
        elif w == "no" and tags[i] == "DT":
            out[i] = "a negation"  # "no one was hurt": a determiner, not a refusal
        elif w in _MAGNITUDE:
            out[i] = "a size or degree"  # "a significant escalation", "huge losses"
        elif (w, nxt) in _TOPIC_TERMS or i > 0 and (low[i - 1], w) in _TOPIC_TERMS \
                or w == "justice" and i > 1 and low[i - 2] == "obstruction":
            out[i] = "a topic term"
        elif w == "poised" and nxt == "to" or w in ("play", "plays", "played", "playing") and (
                nxt == "out" or any(low[k] in _ROLE_NOUNS for k in range(max(0, i - 3), min(len(low), i + 5)))):
            out[i] = "a set phrase"  # "poised to win", "played a key role", "the role we play", "as it plays out"
        elif lex[w] < 0 and any(_negator(low[k]) for k in range(max(0, i - 3), i)):
            out[i] = "negated"
    return out


@lru_cache(maxsize=16)
def _tone_rows(article: Article) -> tuple[Tone, ...]:
    sia = nlp.vader()
    per = sentence_words(article)
    masked = _masked_positions(article)
    rows = []
    for s in article.sentences:
        sc = sia.polarity_scores(_masked(article, s.start, s.text, per[s.id], frozenset(masked[s.id])))
        rows.append(Tone(s.id, s.paragraph, s.part, sc["compound"], sc["pos"], sc["neu"], sc["neg"], s.text))
    return tuple(rows)


@lru_cache(maxsize=16)
def _masked_positions(article: Article) -> dict[str, dict[int, str]]:
    """Per sentence, the positions taken out before scoring and why: "name" (:func:`name_token_positions`) or the
    reason of :func:`neutral_uses`."""
    names = name_token_positions(article)
    out = {}
    for sid, toks in sentence_words(article).items():
        reasons = neutral_uses(toks)
        reasons.update({i: "name" for i in names[sid]})
        out[sid] = reasons
    return out


def tone_words(article: Article) -> pd.DataFrame:
    """The words that carry tone: hits in the VADER lexicon (Hutto & Gilbert 2014) and the Hu & Liu (2004) opinion lexicon.

    Columns: sentence_id, term (lower case), text (as written), start, end, vader (the word's
    VADER valence, -4..+4; 0.0 when VADER does not list it), opinion ("positive", "negative" or
    "" when Hu & Liu do not list it), is_name (part of a proper name, masked before scoring: VADER
    would count "Justice" in "Justice Department" as positive; it carries no tone here, and the
    opinion lexicon is not applied to names), masked (why the word was taken out before scoring:
    "name", or a use that carries no tone, :func:`neutral_uses`; "" when it counted). VADER also
    adjusts scores for negation, "but", boosters and capitals; those are not listed.
    """
    frame = pd.DataFrame(_tone_word_rows(article), columns=["sentence_id", "term", "text", "start", "end", "vader",
                                                            "opinion", "is_name", "masked"])
    return frame.astype({"start": "int64", "end": "int64", "vader": "float64", "is_name": bool})


@lru_cache(maxsize=16)
def _tone_word_rows(article: Article) -> tuple[tuple[str, str, str, int, int, float, str, bool, str], ...]:
    """The rows of :func:`tone_words`."""
    lex = nlp.vader().lexicon
    opinion = nlp.opinion_words()
    masked = _masked_positions(article)
    rows = []
    for w in word_rows(article):
        low = w.lower
        why = masked[w.sentence_id].get(w.i, "")
        is_name = why == "name"
        v = float(lex.get(low, 0.0))
        o = "" if is_name else opinion.get(low, "")
        if v or o:
            rows.append((w.sentence_id, low, w.text, w.start, w.end, v, o, is_name, why))
    return tuple(rows)


def tone_extremes(article: Article, *, n: int = 3) -> pd.DataFrame:
    """The most negative and the most positive sentences (VADER compound), with the tone words in each
    (the words that carried the score: names are masked and not shown).

    Columns: direction ("most negative" / "most positive"), rank, sentence_id, compound, words
    (tone words of the sentence as ``word (valence)``), text. Only sentences scoring below 0
    (negative) or above 0 (positive) qualify; ties are broken by reading order.
    """
    tone = tone_rows(article)
    carried: dict[str, list[str]] = {}
    for sid, term, _, _, _, vader, opinion, _, masked in _tone_word_rows(article):
        if masked:
            continue  # names and uses that carry no tone were taken out before scoring
        label = f"{term} ({vader:+.1f})" if vader else f"{term} ({opinion})"
        carried.setdefault(sid, []).append(label)
    rows = []
    neg = sorted((t for t in tone if t.compound < 0), key=lambda t: t.compound)[:n]  # stable: ties in reading order
    pos = sorted((t for t in tone if t.compound > 0), key=lambda t: -t.compound)[:n]
    for direction, chosen in (("most negative", neg), ("most positive", pos)):
        for rank, t in enumerate(chosen, start=1):
            rows.append((direction, rank, t.sentence_id, t.compound, carried.get(t.sentence_id, []), t.text))
    return pd.DataFrame(rows, columns=["direction", "rank", "sentence_id", "compound", "words", "text"])


