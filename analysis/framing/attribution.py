"""Attribution: who a sentence's claims are credited to, found from reporting verbs, "according to" and attribution cues, with the kind of each source (named person or organisation, document, anonymous, vague)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_rows, lexicon_terms
from ..core.tagging import (
    DAY_DEICTICS,
    PERSONAL_PRONOUNS,
    SUBJECT_PREPOSITIONS,
    SUBORDINATORS,
    TIME_NOUNS,
    can_be_verb,
    repair_tags,
    retag_headline,
)
from ..core.tokens import joined_words, sentence_pieces, sentence_words
from ..core.wordnet import LEXFILE_GROUP, LEXFILE_PERSON, wn_lexfiles
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
EXTRA_COLUMNS = ["mode", "verb_category", "claim", "words", "claim_start", "claim_end", "surface", "resolution"]

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
    surface: str = ""  # the source as written when it differs from ``source`` ("he", "the senator")
    resolution: str = ""  # "", "pronoun", "pronoun, ambiguous", "nominal", "acronym": how ``source`` was found


_KIND_OF_ACTOR = {"person": "named_person", "government": "named_org", "organisation": "named_org", "other": "named_org",
                  "place": "named_org"}
_VAGUE_GROUPS = {"critics", "observers", "experts", "analysts", "some", "many", "people", "others", "commentators",
                 "researchers", "scientists", "economists", "studies", "polls", "surveys", "opponents", "supporters",
                 "advocates", "activists", "residents", "protesters", "voters", "reports", "all", "everyone"}
_ANON_GROUPS = {"officials", "sources", "spokesperson", "spokesman", "spokeswoman", "insiders", "aides", "source",
                "official", "aide", "insider", "person", "people familiar", "staffer", "staffers", "adviser",
                "advisers", "advisor", "advisors", "diplomat", "diplomats", "executive", "executives"}
#: Pronouns that can stand for a named speaker, with the sex a first name must not exclude ("" = any).
_SPEAKER_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
#: Words that may stand in a subject noun phrase before its head ("a senior official", "his surrogates").
_NP_WORDS = {"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "VBN"}
_NP_TITLE_DETERMINERS = {"the", "this", "that"}
#: Nouns that end a phrase before a verb without being its subject ("figures published today show").
_NOT_SUBJECT_NOUNS = DAY_DEICTICS | TIME_NOUNS | {"whilst", "while", "time"}
_ABBREVIATED_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "capt", "lt", "prof", "st"}
def _title_stop(low, k: int) -> bool:
    """Whether token ``k`` is the full stop of an abbreviated title, a token of its own ("Mr . King")."""
    return low[k] == "." and k > 0 and low[k - 1] in _ABBREVIATED_TITLES


_INVERTING = {"said", "says", "added", "wrote", "noted", "explained", "continued", "replied", "argued", "recalled",
              "insisted", "warned", "concluded", "countered", "acknowledged", "conceded", "observed", "reported",
              "stated", "declared", "answered", "admitted", "cautioned"}
#: What comes right before an inverted reporting verb: the end of a quotation or a clause ("… ,” said Smith",
#: "…, reported Reuters"). Elsewhere the name after the verb is its object or the reported subject ("The station
#: said John Smith, 45, was killed").
_BEFORE_INVERSION = {",", "''", '"', "”", "’", "'", ":", "--", "—", "–", "(", ")"}
#: Pronouns that stand for an organisation or a group: resolved to the last one named in this or the previous sentence.
_NONPERSON_PRONOUNS = {"it": ("government", "organisation", "other"), "they": ("group", "government", "organisation")}
_AUX = {"also", "has", "have", "had", "will", "would", "openly", "repeatedly", "previously", "later", "then", "again",
        "publicly", "recently", "once", "further", "not", "did", "does", "do", "had", "could", "may", "might"}
#: Forms of "be" that make a progressive with a reporting verb's -ing form ("the governor is warning", "he's
#: claiming", "has been saying"): skipped like an auxiliary before such a cue, never before a participle in -ed
#: ("was reported" is a passive, which names no speaker there).
_PROGRESSIVE_BE = {"is", "are", "was", "were", "am", "be", "been", "'s", "’s", "'re", "’re", "'m", "’m"}
#: Verbs whose participle after a comma reads the whole clause before it, mostly in the writer's voice ("Trump fired
#: the director, signalling a shift", "reports suggest …, indicating a shift"): no speaker is taken from the clause.
_INFERENTIAL = {"indicate", "suggest", "show", "signal", "demonstrate"}
#: Reporting verbs whose progressive mostly describes an action, not a report ("are finding ways", "is showing signs").
_LITERAL_PROGRESSIVES = {"find", "show"}
_POSTPOSED_MAX = 4  # "..., X said." has at most this many words after the verb


@lru_cache(maxsize=1)
def reporting_lemmas() -> dict[str, str]:
    """Reporting-verb lemma -> its category (neutral, assertive, doubting...), from ``data/lexicons/reporting_verbs.csv``."""
    return {r["term"]: r["category"] for r in lexicon_rows("reporting_verbs")}


def classify_span(actor: str, kind: str) -> str:
    """The kind of source (one of ``ATTRIBUTION_KINDS``) of an actor of entity kind ``kind``: a group
    is vague ("critics", "experts") or anonymous ("officials"); people are named_person, the rest named_org."""
    if kind == "group":
        head = actor.split()[-1]
        if head in _VAGUE_GROUPS:
            return "vague"
        return "anonymous"
    return _KIND_OF_ACTOR.get(kind, "named_org")


def _np_start(j: int, low: list[str], tags: list[str]) -> int:
    """First token of the noun phrase whose head is token ``j`` ("a senior White House official"): step
    back over determiners, adjectives, nouns, numbers and possessives, at most six words."""
    k = j
    while k - 1 >= 0 and j - (k - 1) < 6:
        if tags[k - 1] in _NP_WORDS and low[k - 1] not in _AUX:
            k -= 1
        elif _title_stop(low, k - 1):
            k -= 1  # "Mr . King": the abbreviation's full stop is a token of its own
        else:
            break
    while k < j and tags[k] in ("VBN", "POS"):
        k += 1  # "issued a memo urging": a participle before the determiner is the verb before the phrase
    return k


def _nominal_kind(head: str, tag: str, docs: set[str], heads: frozenset[str]) -> str:
    """The kind of source a common-noun subject is: a document ("the report"), an anonymous source
    ("a source", "one official"), a vague group ("critics", "researchers", any other plural), or an
    institution named by its head noun ("the campaign", "the committee")."""
    lemma = nlp.lemmatize(head, "NN")
    if head in docs or lemma in docs:
        return "document"
    if head in _ANON_GROUPS or lemma in _ANON_GROUPS:
        return "anonymous"
    if head in _VAGUE_GROUPS:
        return "vague"
    if head in heads or lemma in heads:
        return "named_org"
    return "vague" if tag == "NNS" else "anonymous"


def _source_word(head: str, tag: str, docs, heads, titles) -> bool:
    """Whether a common noun or its lemma is listed as a source: a title, a document, an institution head, or an
    anonymous or vague group ("spokeswoman", "report", "campaign", "officials", "critics")."""
    lemma = nlp.lemmatize(head, tag)
    return any(w in titles or w in docs or w in heads or w in _ANON_GROUPS or w in _VAGUE_GROUPS for w in (head, lemma))


def _speaker_noun(head: str, tag: str, docs, heads, titles) -> bool:
    """Whether a common noun can name a source: one :func:`_source_word` lists, or a noun whose first WordNet sense
    is a person or a group ("the governor", "the company", "residents")."""
    return _source_word(head, tag, docs, heads, titles) or wn_lexfiles(nlp.lemmatize(head, tag), "n")[:1] in (
        (LEXFILE_PERSON,), (LEXFILE_GROUP,))


def _resolve_speaker(pronoun: str, persons: list[tuple[str, int]], here: int,
                     speakers: tuple[tuple[str, int], ...] = ()) -> tuple[str, str] | None:
    """The named person a he/she most likely stands for: the last person named before it (``persons``:
    (name, sentence index) in reading order) whose first name is not only the other sex's. The
    resolution is "pronoun, ambiguous" when another compatible person was named in the same or the
    previous sentence."""
    names = [n for n, _ in persons]
    # News keeps its speaker: a he/she reporting verb right after a compatible person was credited with
    # words (in this or the two sentences before) most often continues that person's words.
    recent_speakers = [n for n, k in speakers if k >= here - 2]
    who = resolve_pronoun(pronoun, recent_speakers) if recent_speakers else None
    if who is None or (names and names[-1] != who and resolve_pronoun(pronoun, names[-1:]) and
                       [k for n, k in persons if n == names[-1]][-1] > max(k for n, k in speakers if n == who)):
        who = resolve_pronoun(pronoun if pronoun in ("he", "she") else {"him": "he", "her": "she"}[pronoun], names)
    if who is None:
        return None
    recent = [n for n, k in persons if k >= here - 1 and n != who]
    alt = resolve_pronoun(pronoun if pronoun in ("he", "she") else {"him": "he", "her": "she"}[pronoun], recent)
    return who, "pronoun, ambiguous" if alt else "pronoun"


def _subject(i, low, tags, spans, docs, persons, heads=frozenset(), titles=frozenset(), here=0, others=(), texts=(),
             speakers=()):
    """The source of the reporting verb at token ``i``: the actor just before it (within 4 tokens, no
    comma or other verb between, not the object of a preposition), an actor before an appositive
    ("Jeff Rathke, the spokesperson, said"), the actor just after it ("said Smith", "said
    Ambassador Mohib"), a document ("a letter seen by Sky News says"), he/she resolved to the last
    compatible person named (``persons``), "the minister" resolved the same way, or any other noun
    phrase subject by its head noun ("a source said", "the campaign says", "polls show").
    Returns (source, kind, (a, b), surface, resolution) or None; surface and resolution are "" unless
    the source was resolved from a pronoun or a title."""
    cands = []
    j0 = _before_aux(i, low, tags)
    joined = j0 >= 0 and low[j0] in ("and", "but")  # "arrested two men and said": the men do not speak
    progressive = tags[i] == "VBG" and any(low[k] in _PROGRESSIVE_BE for k in range(j0 + 1, i))
    close = _close_to(j0, low, tags) if j0 >= 0 else None
    if close is not None:  # "a person close to the family said", "aides close to Trump said": not the family, not Trump
        a, b = close
        return _shown(a, b, low, tags, texts), "anonymous", (a, b), "", ""
    for a, b, actor, kind in spans:
        if joined:
            break
        if kind == "place" and not (b <= i and (b == i or b == j0 + 1)):
            # a place speaks right before its verb ("Britain has said"), not before a noun ("Chicago police said")
            continue
        if a > 0 and tags[a - 1] == "IN" and low[a - 1] not in SUBJECT_PREPOSITIONS and (
                low[a - 1] not in SUBORDINATORS):
            continue  # "in Australian school children has revealed": not the subject
        if progressive and (b != j0 + 1 or a > 0 and tags[a - 1] in ("VBG", "VBN", "IN", "TO")):
            continue  # "the question facing Smith is saying no", "Smith's strategy is arguing": not Smith
        if b <= i and i - b <= 4 and "," not in low[b:i] and not any(
                tg.startswith("VB") and not _auxiliary(low[k], tags[i]) for k, tg in enumerate(tags[b:i], start=b)):
            cands.append((b, kind != "group", b - a, actor, kind, a))
    if cands:
        b, _, _, actor, kind, a = max(cands)
        return actor, classify_span(actor, kind), (a, b), "", ""
    j = _before_aux(i, low, tags)
    rel = _reduced_relative(j, low, tags) if j >= 0 and tags[i] in _FINITE_TAGS else None
    if rel is not None:
        j = rel  # "all the experts I interviewed said": the experts speak
    if j >= 0 and low[j] in ("he", "she") and tags[j].startswith("PRP"):
        return _pronoun_speaker(j, low, persons, here, speakers) or (
            low[j], "anonymous", (j, j + 1), low[j], "pronoun, unresolved")
    if j >= 0 and low[j] in _NONPERSON_PRONOUNS and (j == 0 or low[j - 1] in (",", "''", '"', "\u201d", "and", "but")):
        for actor, kind in reversed(others):
            if kind in _NONPERSON_PRONOUNS[low[j]]:
                return actor, classify_span(actor, kind), (j, j + 1), low[j], "pronoun"
    inverted = low[i] in _INVERTING and (i == 0 or low[i - 1] in _BEFORE_INVERSION)
    for a, b, actor, kind in spans:
        if inverted and a > i and a - i <= 4 and kind != "place" and all(
                tags[k] in ("NNP", "NNPS", "DT", "NN", "JJ", "CD") or low[k] in (".", "-") for k in range(i + 1, a)) and (
                b >= len(low) or low[b] in (",", ".", ";", ":", "'", '"', "''", "(", "-", "--")):
            return actor, classify_span(actor, kind), (a, b), "", ""
    # Appositive: "NAME, the State Department spokesperson, said".
    if j >= 0 and low[j] in (",", ")"):
        found = _appositive_subject(j, low, tags, spans)
        if found:
            return found
    # "a letter seen by Sky News says", "a report by the council warns": step back over the phrase.
    for a, b, actor, kind in spans:
        if b == j + 1 and a >= 2 and low[a - 1] == "by":
            k = a - 2
            while k >= 0 and tags[k] in ("VBN", "RB"):
                k -= 1
            if k >= 0 and low[k] in docs:
                return low[k], "document", (k, k + 1), "", ""
    if j >= 0 and tags[j] in ("NN", "NNS", "NNP", "NNPS") and low[j] not in PERSONAL_PRONOUNS and low[j].isalpha() and (
            low[j] not in _NOT_SUBJECT_NOUNS and not (tags[i] == "VBG" and j > 0 and low[j - 1] in ("'s", "’s"))):
        a = _np_start(j, low, tags)
        while a > 1 and low[a - 1] in ("&", ".") and (tags[a - 2] in ("NNP", "NNPS") or low[a - 2].isalpha()):
            a = _np_start(a - 2, low, tags)  # the whole name: "Procter & Gamble Co.", "George W. Bush", "Amazon.com"
        if a > 0 and tags[a - 1] == "IN" and low[a - 1] not in SUBORDINATORS:
            role = _role_before(a - 1, low, tags, docs, heads, titles)
            if role:
                h, ra = role  # "a spokeswoman for the governor says": the role before the phrase speaks
                role_kind = _nominal_kind(low[h], tags[h], docs, heads)
                return _shown(ra, j + 1, low, tags, texts), role_kind, (ra, j + 1), "", ""
            a = -1  # "the number of people says": the head is inside a prepositional phrase
        prog = tags[i] == "VBG" and any(low[k] in _PROGRESSIVE_BE for k in range(j + 1, i))
        if a >= 0 and prog and a > 0 and tags[a - 1] in ("VBG", "VBN", "TO"):
            return None  # "the question facing Smith is saying no": Smith is not the subject
        if a >= 0:
            phrase = " ".join(low[a:j + 1])
            if tags[j] in ("NNP", "NNPS"):
                # A name the entity finder missed ("Mr. King said", "Caddell continued"): a person when a title leads.
                shown = _tidy(" ".join(texts[a:j + 1])) if texts else phrase
                titled = any(w in titles for w in low[a:j])
                return shown, "named_person" if titled else "named_org", (a, j + 1), "", ""
            if prog and not _speaker_noun(low[j], tags[j], docs, heads, titles):
                return None  # "the hardest part is saying goodbye": a copula and a gerund, not a speaker
            if low[j] in titles and low[a] in _NP_TITLE_DETERMINERS and j - a <= 2 and not any(
                    tags[k].startswith("NNP") for k in range(a + 1, j)):
                # "the senator" is the last person named; "the Vermont senator" names a place the text may not
                # have tied to anyone, so the phrase is shown as written
                if persons:
                    who = persons[-1][0]
                    return who, "named_person", (a, j + 1), phrase, "nominal"
            return _shown(a, j + 1, low, tags, texts), _nominal_kind(low[j], tags[j], docs, heads), (a, j + 1), "", ""
    if j >= 0 and low[j] in _VAGUE_GROUPS:
        return low[j], "vague", (j, j + 1), "", ""
    if tags[i] == "VBG" and i > 1 and low[i - 1] == "," and nlp.lemmatize(low[i], "VBG") not in _INFERENTIAL:
        return _main_subject(i, low, tags, spans, persons, here, speakers, (docs, heads, titles))
    if tags[i] in _FINITE_TAGS and j > 0 and low[j] in ("and", "but"):
        # "Cruz urged delegates to vote their conscience and said …": the verbs share the subject
        return _main_subject(i, low, tags, spans, persons, here, speakers, (docs, heads, titles), joined=True)
    return None


#: Words that make an unnamed source of whoever stands before them: "people familiar with the talks", "a person
#: close to the family", "officials briefed on the plan", "those with knowledge of the deal".
_CLOSE_TO = {("close", "to"), ("familiar", "with"), ("briefed", "on")}
_CLOSE_TO_HEADS = {"those", "people", "person", "sources", "source", "someone", "one", "officials", "official", "aides",
                   "aide", "allies", "ally", "friends", "friend", "associates", "insiders", "insider", "advisers",
                   "adviser", "advisors", "advisor", "individuals", "others", "lawyers", "lawyer", "spokesman"}


def _close_to(j: int, low, tags) -> tuple[int, int] | None:
    """(start, end) of an unnamed source of the form "a person close to the family" whose phrase ends at token ``j``
    right before the verb ("A person close to the family said", "Those close to him say"), or before a clause set off
    by commas ("A lawyer close to Smith, who asked not to be named, said"); None otherwise. The head is a listed word
    or a noun for a person (WordNet: adviser, ally, lawyer …)."""
    for k in range(max(0, j - 12), j):
        knowledge = low[k] == "knowledge" and low[k + 1] == "of" and k >= 1 and low[k - 1] == "with"
        if not (knowledge or (low[k], low[k + 1]) in _CLOSE_TO):
            continue
        h = k - 2 if knowledge else k - 1  # "people with knowledge of", "a person close to"
        if h < 0 or not (low[h] in _CLOSE_TO_HEADS or tags[h].startswith("NN") and (
                wn_lexfiles(nlp.lemmatize(low[h], "NN"), "n")[:1] == (LEXFILE_PERSON,))):
            continue
        end = j + 1
        for x in range(k + 2, j + 1):
            if low[x] in (",", ";") or tags[x].startswith("VB") and tags[x] != "VBN":
                end = x  # "… close to Smith, who asked not to be named, said": the phrase ends at the comma
                break
        start = h
        while start > 0 and tags[start - 1] in ("DT", "CD", "JJ", "PRP$"):
            start -= 1  # "an official close to", "two people close to"
        return start, end
    return None


#: Prepositions that join a role to whom it serves or belongs: "a spokeswoman for the governor", "the head of".
_ROLE_PREPOSITIONS = {"for", "of", "at", "from", "with", "to"}


#: Words that open a relative clause inside an appositive ("Ann Lee, whose office oversees charities, said").
_RELATIVES = {"who", "whom", "whose", "which", "that", "where", "when"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_APPOSITIVE_KINDS = ("person", "government", "organisation", "other")
_QUOTE_MARKS = {'"', "''", "``", "“", "”"}
#: Tokens an appositive never spans: a dateline's dash ("AUSTIN, Texas -- A teacher, …, said"), a colon, a semicolon.
_APPOSITIVE_STOPS = {"--", "—", "–", ":", ";"}


def _opens_stretch(a: int, low, tags) -> bool:
    """Whether the name starting at token ``a`` opens its stretch of the sentence (after the sentence start, a comma
    or a quotation mark, with at most a determiner or a title before it): "Johnnie Wilson, of …", "Professor Cres
    Eastman, Director of …", not "Responding to Trump, …" or "Back home in Coolidge, …"."""
    k = a - 1
    while k >= 0 and low[k] not in _QUOTE_MARKS and (tags[k] in ("DT", "PRP$", "NNP", "NNPS") or _title_stop(low, k)):
        k -= 1
    return k < 0 or low[k] == "," or low[k] in _QUOTE_MARKS


def _appositive_subject(j: int, low, tags, spans):
    """The named actor before the appositives that end at the comma ``j`` before a reporting verb: "NAME, the State
    Department spokesperson, said", "Johnnie Wilson, of Springfield, Va., said", "Rep. Ann Lee (D-Ohio), a member of
    the panel, said", or a name in apposition after its description ("The county's election director, Maria Gomez,
    said"). The name right before the nearest comma is taken whatever follows it ("Leavitt, as he entered the room,
    said"); to step back past further commas (at most 30 tokens), every stretch between commas must be a phrase, not
    a clause (a finite verb counts only inside a relative clause), and the name must not be the object of a
    preposition ("Back home in Coolidge, Ariz., his wife, Mary, said")."""
    clause = in_clause = False  # a clause in the stretches passed / in the stretch being read
    nearest = True
    for k in range(j - 1, max(-1, j - 30), -1):
        w = low[k]
        if w in _APPOSITIVE_STOPS:
            return None
        if w in _RELATIVES:
            in_clause = False
        elif tags[k] in _FINITE_TAGS and w not in _AUX:
            in_clause = True
        if w != ",":
            continue
        clause = clause or in_clause
        in_clause = False
        if not nearest and clause:
            return None
        stop = k
        if k > 0 and low[k - 1] == ")":  # "Rep. Ann Lee (D-Ohio),": the name ends before the bracket
            stop = next((p for p in range(k - 2, max(-1, k - 10), -1) if low[p] == "("), k)
        for a, b, actor, kind in spans:
            if b == stop and kind in _APPOSITIVE_KINDS and (nearest or _opens_stretch(a, low, tags)):
                return actor, classify_span(actor, kind), (a, b), "", ""
        if nearest:
            for a, b, actor, kind in spans:
                if a == k + 1 and b == j and kind == "person" and k > 0 and tags[k - 1].startswith("NN"):
                    return actor, "named_person", (a, b), "", ""
            nearest = False
    return None


def _role_before(p: int, low, tags, docs, heads, titles) -> tuple[int, int] | None:
    """(head, start) of the noun phrase before the preposition at token ``p`` when its head is a role, a source
    or an institution ("a spokeswoman for …", "a lawyer for …", "officials at …", "a report from …")."""
    h = p - 1
    if low[p] not in _ROLE_PREPOSITIONS or h < 0 or tags[h] not in ("NN", "NNS"):
        return None
    if not _source_word(low[h], tags[h], docs, heads, titles):
        return None
    start = _np_start(h, low, tags)
    if start > 0 and tags[start - 1] == "IN" and low[start - 1] not in SUBORDINATORS:
        return None  # the role is itself inside a phrase ("in a letter to officials at …")
    return h, start


def _main_subject(i, low, tags, spans, persons, here, speakers, nouns, joined=False):
    """The source of a participle after a comma ("Senator Ann Lee defended her vote, saying …") or of a verb joined to
    the first by "and"/"but" ("Cruz urged delegates … and said …"): the subject of the sentence's first finite verb,
    a named actor right before it, he/she resolved to the person named, or a common noun phrase that opens the
    sentence and can name a source ("A federal judge has rejected the request, saying …"); ``nouns`` is (document
    nouns, institution heads, titles)."""
    start = 0
    if low and low[0] in _QUOTE_MARKS:  # '"We have done our job," Smith said, adding …': not "have"
        start = next((k + 1 for k in range(1, i) if low[k] in _QUOTE_MARKS), 0)
    v = next((k for k in range(start, i) if tags[k] in _FINITE_TAGS), None)
    if v is None or "," in low[:v] and low[0] not in ('"', "“", "''"):
        return None  # an opening clause ("After the vote, …") leaves the subject unclear
    if joined and any(tags[k] in _FINITE_TAGS and not _auxiliary(low[k], tags[i]) for k in range(v + 1, i)):
        return None  # "Ruiz made a play and Wert came up … and showed": another clause, maybe another subject
    cands = [(b, a, actor, kind) for a, b, actor, kind in spans if b <= v and v - b <= 2 and kind != "place"
             and not any(low[x] not in _AUX for x in range(b, v))]
    if cands:
        b, a, actor, kind = max(cands)
        return actor, classify_span(actor, kind), (a, b), "", ""
    k = _before_aux(v, low, tags)
    if k >= 0 and low[k] in ("he", "she") and tags[k].startswith("PRP"):
        return _pronoun_speaker(k, low, persons, here, speakers) or (
            low[k], "anonymous", (k, k + 1), low[k], "pronoun, unresolved")
    docs, heads, titles = nouns
    if k >= 0 and tags[k] in ("NN", "NNS") and low[k] not in _NOT_SUBJECT_NOUNS and _np_start(k, low, tags) == 0 \
            and _speaker_noun(low[k], tags[k], docs, heads, titles):
        return " ".join(low[:k + 1]), _nominal_kind(low[k], tags[k], docs, heads), (0, k + 1), "", ""
    return None


def _auxiliary(word: str, cue_tag: str) -> bool:
    """Whether ``word`` before a cue tagged ``cue_tag`` is an auxiliary or a verb's adverb ("has also said"), a
    form of "be" counting only before an -ing cue ("is warning")."""
    return word in _AUX or cue_tag == "VBG" and word in _PROGRESSIVE_BE


def _before_aux(i: int, low, tags) -> int:
    """The last token before token ``i`` that is not an auxiliary or a verb's adverb ("she has also said", "the
    governor is warning"), or -1. An abbreviation's full stop ("Apple Inc. said", "Smith Jr. said") is skipped: the
    tokenizer keeps it apart from the name, and inside a sentence a full stop ends nothing."""
    j = i - 1
    while j >= 0 and _auxiliary(low[j], tags[i]):
        j -= 1
    if j > 0 and low[j] == "." and tags[j - 1] in ("NNP", "NNPS"):
        j -= 1
    return j


def _pronoun_speaker(j: int, low, persons, here, speakers):
    """The source row for the he/she at token ``j`` resolved to the person it stands for, or None."""
    found = _resolve_speaker(low[j], persons, here, speakers)
    if found:
        return found[0], "named_person", (j, j + 1), low[j], found[1]
    return None


def _np_after_verb(i: int, low: list[str], tags: list[str], docs, heads, titles):
    """'"...," said one official' / 'said a spokesman for the agency': a common-noun phrase right after an
    inverting reporting verb, ending the clause. Returns (source, kind, (a, b)) or None."""
    if low[i] not in _INVERTING:
        return None
    k = i + 1
    while k < len(low) and k - i <= 6 and tags[k] in _NP_WORDS:
        k += 1
    if k == i + 1 or not tags[k - 1].startswith("NN") or tags[k - 1] in ("NNP", "NNPS"):
        return None
    if k < len(low) and low[k] not in (",", ".", ";", "who", "(") and tags[k] != "IN":
        return None
    head = low[k - 1]
    if not (head in _ANON_GROUPS or head in _VAGUE_GROUPS or head in titles or head in docs or head in heads):
        return None
    return " ".join(low[i + 1:k]), _nominal_kind(head, tags[k - 1], docs, heads), (i + 1, k)


def _np_after(i, low, tags, spans, docs):
    """The source after "according to": a named actor (the head of the phrase, or the person named
    in apposition: "the team's coach, Alireza Mehraban,"), a document, or a vague/anonymous phrase."""
    end = i
    in_name = {k for a, b, _, _ in spans for k in range(a, b)}  # "John F. Kennedy": its full stop is inside the name
    while end < len(low) and end - i < 8 and (low[end] not in (",", ".", ":", ";") or low[end] == "." and (
            end in in_name or _title_stop(low, end))):
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


def _claim_range(n_tokens: int, is_word: Sequence[bool], cue: tuple[int, int], source: tuple[int, int] | None,
                 mode: str, texts: Sequence[str] = ()) -> tuple[int, int]:
    """Token range of the claim an attribution credits: what follows the cue ("X said that ..."),
    or what precedes the source when the attribution comes last ("..., X said.", and always right after a closing
    quotation mark: "“…,” said Ricardo Wong, field office director of ERO Chicago."), or the rest of the
    sentence for "according to X"."""
    ci, cj = cue
    lo = min(ci, source[0]) if source else ci
    hi = max(cj, source[1]) if source else cj
    after = sum(is_word[hi:])
    if mode == "according_to":
        return (hi, n_tokens) if after > _POSTPOSED_MAX else (0, lo)
    if after <= _POSTPOSED_MAX and sum(is_word[:lo]) > after:
        return 0, lo
    if lo > 1 and texts and texts[lo - 1] in _CLOSING_MARKS and sum(is_word[:lo]) > 0:
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
    titles = frozenset(term for term, _ in lexicon_terms("entity_cues", ("person_title",)) if " " not in term)
    toks_by = sentence_words(article)
    rows: list[Attribution] = []
    covered: set[tuple[str, int]] = set()
    sent_of = {s.id: s for s in article.sentences}
    order = {s.id: s.index for s in article.sentences}

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
        toks = toks_by[c.sentence_id].piece_at(c.start)  # an over-long sentence: the claim lies in the cue's piece
        f = toks.first
        lo, hi = _claim_range(len(toks), toks.is_word, (c.i_start - f, c.i_end - f), None, "cue")
        rng = (lo + f, hi + f)
        rows.append(Attribution(c.sentence_id, sent_of[c.sentence_id].text, c.term, c.category, c.matched, c.start,
                                c.end, "cue", "", *claim_text(c.sentence_id, rng)))
        covered.update((c.sentence_id, k) for k in range(c.i_start, c.i_end))
    others: list[tuple[str, str, int]] = []  # organisations and groups named so far: (actor, kind, sentence index)
    others_unit: list[int] = []  # the piece number ``u`` each of ``others`` was named in (the sentence index, unless split)
    persons: list[tuple[str, int]] = []  # persons named so far with their sentence index, in reading order (for he/she)
    # Over-long sentences in pieces (``sentence_pieces``; ``u`` counts pieces and equals the sentence index when
    # none is split): token positions ``i`` are the piece's, ``f + i`` the sentence's; a verb's subject, source
    # and claim are looked for in its piece and the organisations named in it and the piece before, so that the
    # time stays linear in the text whatever its shape.
    by_piece: dict[tuple[str, int], list] = {}  # (sentence id, first token of the piece) -> its mentions
    for sid, rs in ments.items():
        firsts = [p.first for p in toks_by[sid].pieces] if sid in toks_by else [0]
        for r in rs:
            if r.i_start >= 0 and not in_quotes(article, r.start, r.end):
                by_piece.setdefault((sid, firsts[bisect_right(firsts, r.i_start) - 1]), []).append(r)
    first_body = next((s.index for s in article.sentences if s.part == "body"), -1)
    for u, (s, toks) in enumerate(sentence_pieces(article)):
        if not toks or s.part == "credits":
            continue  # "Jane Doe wrote this story for VOA News": who wrote it, not a source
        f, n = toks.first, len(toks)
        whole = article.sentences[s.index]
        low, tags, t_start, t_end, is_word = list(toks.lower), list(toks.pos), toks.start, toks.end, list(toks.is_word)
        texts = [article.text[x:y] for x, y in zip(t_start, t_end)]
        spans = [(r.i_start - f, r.i_end - f, r.actor, r.kind) for r in by_piece.get((s.id, f), ()) if r.i_end <= f + n]
        if s.part == "headline":
            # Set in capitals, which the tagger reads as names: tagged again in lower case, and "Trump Says" is a verb.
            tags = repair_tags(low, retag_headline(texts, [(a, b) for a, b, *_ in spans]),
                               [(a, b, kind) for a, b, _, kind in spans], headline=True)
        _retag_final_report_verb(low, tags, verbs)
        _retag_report_noun_after_name(low, tags, spans, verbs)
        _retag_document_reads(low, tags, docs)
        label = _speaker_label(low, texts, tags, spans, titles, is_word, s.index == first_body)
        if label is not None:
            # "Pat Caddell: Democrat voters worried …", "PENCE: We will …": the words after the colon are the
            # speaker's
            a, b = t_start[label[0]], t_end[label[0]]
            rows.append(Attribution(s.id, whole.text, label[1], label[2], ":", a, b,
                                    "speaker_label", "", *claim_text(s.id, (label[0] + 1 + f, n + f))))
            if s.part == "headline":
                continue  # the rest of the headline is the labelled speaker's claim
        recent = [(r[0], r[1]) for r in others[bisect_left(others_unit, u - 1):]]
        for i, (w, t) in enumerate(zip(low, tags)):
            if (s.id, f + i) in covered:
                continue
            # A token inside a quotation is the quoted speaker's: skipped (checked only for the tokens that could
            # start an attribution, the cheaper tests first; this loop sees every token of the article).
            if w == "according" and i + 1 < len(low) and low[i + 1] == "to":
                if in_quotes(article, t_start[i], t_end[i]):
                    continue
                src = _np_after(i + 2, low, tags, spans, docs)
                if src:
                    a, b = t_start[i], t_end[i + 1]
                    lo, hi = _claim_range(len(low), is_word, (i, i + 2), (i + 2, src[2]), "according_to")
                    rows.append(Attribution(s.id, whole.text, src[0], src[1], article.text[a:b], a, b, "according_to",
                                            "", *claim_text(s.id, (lo + f, hi + f))))
                continue
            if not t.startswith("VB") or s.part == "headline" and t not in ("VBZ", "VBD", "VBP"):
                continue  # a headline's report is its finite verb ("Flynn Says"), not "Will Tell" or "Asking" in it
            lemma = nlp.lemmatize(w, t)
            if lemma not in verbs or in_quotes(article, t_start[i], t_end[i]):
                continue
            if lemma == "read" and not (i > 0 and low[i - 1] in docs):
                continue  # only a document's wording: "the Home Office letter reads …" (not "she reads the news")
            if s.part == "headline" and _headline_not_a_report(i, low, tags):
                continue
            if t == "VBN" and i > 0 and low[i - 1] in ("be", "been", "is", "was", "were", "are", "being"):
                continue  # passive ("was reported") has no named speaker here
            if (t == "VBN" and i > 0 and tags[i - 1].startswith("NN") and i + 1 < len(low)
                    and low[i + 1] in ("at", "by", "to", "as")):
                continue  # "a population estimated at 14 million": a participle describing the noun, no speaker
            if t == "VBG" and lemma in _LITERAL_PROGRESSIVES and i > 0 and low[i - 1] in _PROGRESSIVE_BE:
                continue  # "housewives are finding ways to …": finding or showing things, not reporting
            if t == "VBG" and i > 0 and tags[i - 1] == "IN":
                continue  # "banning migrants from claiming asylum": the gerund's subject is not the noun before
            before = persons + [(sp[2], s.index) for sp in sorted(spans) if sp[3] == "person" and sp[1] <= i]
            near = recent + [
                (sp[2], sp[3]) for sp in sorted(spans) if sp[3] not in ("person", "place") and sp[1] <= i]
            speakers = tuple((r.source, order[r.sentence_id]) for r in rows if r.kind == "named_person")
            src = _subject(i, low, tags, spans, docs, before, heads, titles, s.index, near, texts, speakers)
            if src is not None and not src[3]:
                src = _with_acronym(src, texts)
            if src is None:
                after = _np_after_verb(i, low, tags, docs, heads, titles)
                src = (*after, "", "") if after else None
            if src and any((s.id, f + k) in covered for k in range(*src[2])):
                # "people familiar with the matter said": a listed cue inside the subject; the verb's row (with the
                # whole phrase and the claim after the verb) replaces the cue's
                a_src, b_src = t_start[src[2][0]], t_end[src[2][1] - 1]
                rows[:] = [r for r in rows if not (r.sentence_id == s.id and r.mode == "cue" and a_src <= r.start
                                                   and r.end <= b_src)]
            if src and s.part == "headline" and not (any(sp[2] == src[0] for sp in spans) and (
                    src[2][1] == i or src[2][0] == i + 1) and sum(is_word) - sum(is_word[src[2][0]:src[2][1]]) > 1):
                # a headline's capitals hide common nouns: only an actor the body names speaks, right before or after
                # the verb ("Trump Aide Says" is the aide's), and the headline says something besides ("Trump Says")
                src = None
            if src:
                a, b = t_start[i], t_end[i]
                lo, hi = _claim_range(len(low), is_word, (i, i + 1), src[2], "reporting_verb", texts)
                co = _co_speaker(src[2][0], low, spans) if src[2][1] <= i else None
                for name, kind in ([(co[2], _KIND_OF_ACTOR.get(co[3], "named_org"))] if co else []) + [src[:2]]:
                    # "Lawyer Harmeet Dhillon and the Berkeley College Republicans said": both speak
                    rows.append(Attribution(s.id, whole.text, name, kind, article.text[a:b], a, b, "reporting_verb",
                                            verbs[lemma], *claim_text(s.id, (lo + f, hi + f)),
                                            *((src[3], src[4]) if name == src[0] else ("", ""))))
        persons.extend((sp[2], s.index) for sp in sorted(spans) if sp[3] == "person")
        named = [(sp[2], sp[3], s.index) for sp in sorted(spans) if sp[3] not in ("person", "place")]
        others.extend(named)
        others_unit.extend([u] * len(named))
    return in_reading_order(rows, article)


def _co_speaker(k: int, low, spans):
    """The named person or body joined by "and" to a subject that starts at token ``k`` ("Lawyer Harmeet Dhillon
    and the Berkeley College Republicans said"): its span, or None."""
    k -= 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k < 1 or low[k] != "and":
        return None
    return next((sp for sp in spans if sp[1] == k and sp[3] in ("person", "organisation", "government")), None)


_OPENING_MARKS = ("“", '"', "‘", "'")
_CLOSING_MARKS = ("”", '"', "''")
#: After a report verb in a headline, words that show a passive with its auxiliary dropped ("Putin Said to Be Ill",
#: "Trump Accused of Lying", "Biden Urged to Quit", "Trump Blamed for Riot", "Trump Criticized Over Remarks").
_HEADLINE_PASSIVE_NEXT = {"to", "of", "for", "over", "against", "by", "as", "in", "after"}


def _headline_not_a_report(i: int, low, tags) -> bool:
    """Whether the report verb at token ``i`` of a headline is not its subject's report: a passive with the auxiliary
    dropped (a past form followed by "to", "of", "for" …: "Putin Said to Be Ill", "Trump Accused of Lying"; "by" later
    with no finite verb between: "Trump Called a Liar by Pelosi"; a verb that takes a person as object followed by a
    pronoun: "Biden Told He Must Quit"), or a noun in -s that the headline retagging made a verb: a word more often a
    noun before a word that can be a verb ("Trump Comments Spark Outrage"), and any report word in -s before a
    preposition or a past participle ("Trump Claims About Crime Are False", "Trump Claims Rejected by Court")."""
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if tags[i] in ("VBD", "VBN"):
        lemma = nlp.lemmatize(low[i], "VBD")
        if nxt in _HEADLINE_PASSIVE_NEXT and not (lemma in _SAY_VERBS and nxt in ("in", "after", "as")):
            return True
        by = low.index("by", i + 1) if "by" in low[i + 1:] else -1
        if by > 0 and not any(t in _FINITE_TAGS for t in tags[i + 1:by]):
            return True
        return lemma in _OBJECT_REPORT_VERBS and nxt in ("he", "she", "they", "it", "i", "we")
    if tags[i] != "VBZ" or i + 1 >= len(low):
        return False
    if tags[i + 1] in ("IN", "VBN", "VBD") and nxt not in ("that", "if", "whether"):
        return True
    return low[i] in _SPEECH_NOUNS and tags[i + 1] in ("NN", "JJ", "VB", "VBP") and can_be_verb(nxt)


#: Report verbs whose bare past form is active in a headline even before "in" or "as" ("Trump Said in Interview …").
_SAY_VERBS = frozenset({"say", "claim", "announce", "insist", "argue", "admit", "deny"})
#: Report verbs that take a person as object: with the auxiliary dropped, "Biden Told He Must Quit" is a passive.
_OBJECT_REPORT_VERBS = frozenset({"tell", "ask", "urge", "warn", "call", "advise", "order", "press", "push", "accuse"})
#: Report words in -s that are more often plural nouns in a headline ("Trump Comments Spark Outrage", "Pelosi Remarks
#: Draw Fire"): before a word that can be a verb they are the subject's head, not its verb. Words that are as often
#: the headline's verb ("Trump Claims Win", "Biden Promises Help", "Trump Calls Report Fake") are not listed.
_SPEECH_NOUNS = frozenset("comments remarks tweets posts notes pledges vows questions answers replies appeals "
                          "requests hopes fears doubts worries".split())


@lru_cache(maxsize=1)
def _label_places() -> frozenset[str]:
    """Countries, US states and cities (NLTK's gazetteers), lower case: a colon dateline's place."""
    return frozenset().union(*(nlp.gazetteer(name) for name in ("countries", "usstates", "uscities")))


def _speaker_label(low, texts, tags, spans, titles, is_word, opening) -> tuple[int, str, str] | None:
    """(colon position, source, attribution kind) when a sentence opens with a person's or a body's name and a colon,
    followed by at least three words: a headline's "Pat Caddell: Democrat voters worried …" or a transcript's
    "PENCE: We will …" (titles may stand before the name: "Sen. Sanders: …"); also a document word, as headlines
    credit polls and reports ("Poll: Wealthy voters abandon …", "New Report: …"; "Reports: …" is vague). The words
    after the colon open with a capital or a quotation mark, and after a name they make a statement (see
    :func:`_statement`); a place before the colon of the story's ``opening`` sentence is a dateline."""
    if ":" not in low[:8]:
        return None
    k = low.index(":")
    if sum(is_word[k + 1:]) < 3 or not (texts[k + 1][:1].isupper() or texts[k + 1] in _OPENING_MARKS):
        return None  # "Congress: more muscle …" is a heading run into the text
    if opening and " ".join(low[:k]) in _label_places():
        return None  # a colon dateline opening the story ("WASHINGTON: The Senate voted …"), not George Washington
    for a, b, actor, kind in spans:
        if b == k and kind in ("person", "organisation", "government") and all(
                w in titles or w == "." for w in (x.rstrip(".") or "." for x in low[:a])):
            return (k, actor, classify_span(actor, kind)) if _statement(k, low, tags, texts, spans) else None
    if 1 <= k <= 3 and low[k - 1] in _LABEL_DOCUMENTS and all(t[:1].isupper() for t in texts[:k]):
        # "Reports: …" names no document: vague, as "reports say" is
        return k, " ".join(texts[:k]), "vague" if nlp.lemmatize(low[k - 1], "NNS") != low[k - 1] else "document"
    return None


#: Document words that credit what follows their colon in a headline ("Poll: …", "Study: …"); not rubrics and
#: captions ("Analysis:", "Review:", "Editorial:", "Video:", "Transcript:").
_LABEL_DOCUMENTS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies", "report", "reports",
                              "research", "findings", "audit", "census", "memo", "lawsuit", "indictment", "ruling"})
_WH_WORDS = frozenset({"how", "why", "what", "when", "where", "who", "which"})


def _statement(k: int, low, tags, texts, spans) -> bool:
    """Whether the words after a name's colon at ``k`` are a statement, not a title: a quotation, a finite verb outside
    a relative or wh-clause, or a verbless claim that opens with a name, "not", "no" or "time to" ("Trump: Biden a
    Disaster", "Harris: Not Running"). "Hillary Clinton: A Life in Politics", "Kamala Harris: The Woman Who Would Be
    President" and "Joe Biden: How He Won" name books and profiles."""
    rest = low[k + 1:]
    if any(x in _QUOTE_MARKS or x in ("‘", "’") for x in texts[k + 1:]):
        return True
    if rest and rest[0] in _WH_WORDS:
        return rest[-1] == "?"  # a question asked ("WARREN: Where did the money go?"), not "How He Won"
    rel = next((x for x in range(k + 2, len(low)) if low[x] in ("who", "that", "which")), len(low))
    if any(t in _FINITE_TAGS for t in tags[k + 1:rel]):
        return True
    return rest[:1] in (["not"], ["no"]) or rest[:2] == ["time", "to"] or any(a == k + 1 for a, *_ in spans)


_PLAIN_NP_TAGS = {"DT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "RB", "VBN"}


def _retag_final_report_verb(low: list[str], tags: list[str], verbs) -> None:
    """Tag as a verb (VBZ, in place) a reporting verb in -s that ends a sentence after a comma and a noun phrase,
    which the tagger reads as a plural noun: "…, the candidate's former doctor maintains.", "…, an analysis of the
    reports shows." Only the last word before the closing punctuation, and only a lexicon verb."""
    k = len(low) - 1
    while k >= 0 and not low[k][:1].isalnum():
        k -= 1
    if k < 2 or tags[k] != "NNS" or not low[k].endswith("s") or "," not in low[:k - 1]:
        return
    if tags[k - 1] not in ("NN", "NNS", "NNP", "NNPS") or nlp.lemmatize(low[k], "VBZ") not in verbs:
        return
    c = max(x for x in range(k) if low[x] == ",")
    # between the comma and the verb, a plain noun phrase ("the candidate's former doctor", "an analysis of the
    # reports"): not "pointing to its insurance claims", "according to police reports", "… are television shows"
    if all(tags[x] in _PLAIN_NP_TAGS or low[x] == "of" or _title_stop(low, x) for x in range(c + 1, k)) \
            and low[c + 1] != "of":
        tags[k] = "VBZ"


def _retag_document_reads(low: list[str], tags: list[str], docs) -> None:
    """Tag as a verb (in place) "reads"/"read" right after a document noun and before a quotation mark or a colon,
    which the tagger reads as a noun: "the letter reads “we may extend …”", "the sign read: …"."""
    for k in range(1, len(low) - 1):
        if low[k] in ("reads", "read") and tags[k] in ("NN", "NNS") and low[k - 1] in docs and (
                low[k + 1] in ('"', "“", ":", "''", "``")):
            tags[k] = "VBZ" if low[k] == "reads" else "VBD"


def _retag_report_noun_after_name(low: list[str], tags: list[str], spans, verbs) -> None:
    """Tag as a verb (VBZ, in place) a reporting verb in -s right after a person's or a body's name and before "that",
    a colon or a comma, which the tagger reads as a plural noun: "Mr. McKinley notes that …", "Reuters reports
    that …". Not "Smith notes show …" (no "that") nor "the Smith reports, which …" (a determiner before the
    name)."""
    for a, b, _, kind in spans:
        if kind not in ("person", "organisation", "government") or b + 1 >= len(low) or tags[b] != "NNS":
            continue
        if low[b + 1] not in ("that", ":", ",") or not low[b].endswith("s") or (
                a > 0 and tags[a - 1] in ("DT", "PRP$") and (kind == "person" or low[b + 1] != "that")):
            continue  # "the Smith reports, which …"; but "The Pentagon reports that …"
        if nlp.lemmatize(low[b], "VBZ") in verbs and (low[b + 1] == "that" or low[b + 2:b + 3] in (["“"], ['"'])):
            tags[b] = "VBZ"


def _reduced_relative(j: int, low, tags) -> int | None:
    """The noun a relative clause without "who" or "that" describes, when that clause stands right before the
    reporting verb: "all the experts I interviewed said", "officials we spoke to say". ``j`` is the token before
    the verb; returns the noun's position or None."""
    m = j
    while m >= 0 and j - m < 2 and tags[m] in ("IN", "TO", "RP"):
        m -= 1  # "spoke to", "talked with"
    if m >= 2 and tags[m] in ("VBD", "VBP", "VBZ") and low[m - 1] in _RELATIVE_SUBJECTS and (
            tags[m - 2] in ("NN", "NNS")):
        a = _np_start(m - 2, low, tags)
        if a > 0 and (tags[a - 1] in ("IN", "TO") or low[a - 1] in SUBORDINATORS):
            return None  # "After the meeting she went on to say": the meeting is in an opening phrase
        return m - 2
    return None


def _shown(a: int, b: int, low, tags, texts) -> str:
    """Tokens ``a``..``b`` as a source to show: names keep their capitals, other words are in lower case ("the
    Chicago police department", "a spokeswoman for eBay", "aides close to Trump")."""
    return _tidy(" ".join(texts[k] if texts and (tags[k].startswith("NNP") or texts[k][1:] != low[k][1:]) else low[k]
                          for k in range(a, b)))


def _tidy(phrase: str) -> str:
    """A phrase joined from tokens, tidied as the text writes it (:func:`~analysis.core.tokens.joined_words`)."""
    return joined_words(phrase.split(" "))


#: Pronouns that can be the subject of a relative clause without "who" or "that" ("the officials we met").
_RELATIVE_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})


def _with_acronym(src: tuple, texts: Sequence[str]) -> tuple:
    """A source written as an acronym that the article spelled out before ("AROS said" after "Alliance to Reclaim
    Our Schools (AROS)"): the acronym is kept as written, so the summary shows "Alliance to Reclaim Our Schools
    (AROS)" and a reader can check the resolution."""
    a, b = src[2]
    if b - a == 1 and 0 <= a < len(texts):
        written = texts[a]
        if len(written) >= 2 and written.isalpha() and written.isupper() and written.lower() not in src[0].lower():
            return (*src[:3], written, "acronym")
    return src


def in_reading_order(rows: list[Attribution], article: Article) -> tuple[Attribution, ...]:
    """Attributions in reading order: by sentence, then cue offset, then kind (ties keep their order)."""
    order = {s.id: s.index for s in article.sentences}
    return tuple(sorted(rows, key=lambda r: (order[r.sentence_id], r.start, r.kind)))

