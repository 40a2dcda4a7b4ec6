"""Passive voice from part-of-speech tags: be/get passives and reduced passives, with the agent a by-phrase names or a flag when none does.

Measured against the hand tags of the Brown corpus: ``benchmarks/passive_voice_brown.py`` (docs/accuracy.md,
"Passive voice")."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tagging import DAY_DEICTICS, FINITE_TAGS, GET, MONTH_NAMES, TIME_NOUNS, WEEKDAYS
from ..core.tokens import sentence_words
from ..core.wordnet import DOUBLE_OBJECT_FRAMES, INTRANSITIVE_FRAMES, TRANSITIVE_FRAMES, wn_verb_frames

__all__ = ["passives", "passive_rows", "Passive", "PASSIVE_COLUMNS", "ADJECTIVAL_PARTICIPLES", "PASSIVE_KINDS",
           "passive_counts"]


class Passive(NamedTuple):
    """One passive clause: a row of :func:`passives` (same fields, same order)."""

    sentence_id: str
    start: int
    end: int
    text: str
    kind: str
    auxiliary: str
    participle: str
    lemma: str
    agent: str | None
    agentless: bool


PASSIVE_COLUMNS = list(Passive._fields)

#: Kinds of passive, with labels for tables and charts.
PASSIVE_KINDS: dict[str, str] = {
    "be": "be-passive (\"could be considered\")",
    "get": "get-passive (\"got arrested\")",
    "reduced": "reduced passive (\"cities labeled as ...\", \"Founded in 1900, ...\")",
}

# Not core.tagging's BE and HAVE on purpose: "'s" is left out of BE (it is as often "has" or a possessive
# before a participle), and "'m"/"'d" are added.
_BE = {"be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m"}
_HAVE = {"have", "has", "had", "having", "'ve", "'d"}
_ADVERB_TAGS = {"RB", "RBR", "RBS"}
_NEGATION = {"not", "n't", "never"}
_DEGREE = {"very", "so", "too", "extremely", "quite", "really", "pretty", "rather"}

#: Past participles that after *be* usually describe a state, not an action done to someone
#: ("was tired", "is interested in"): not counted as passives unless a by-phrase names an
#: agent. article-lens judgement, after the adjectival-passive tests of Huddleston & Pullum
#: (2002, ch. 16): such participles take "very" and report no event.
ADJECTIVAL_PARTICIPLES: frozenset[str] = frozenset({
    "amazed", "annoyed", "ashamed", "bored", "complicated", "concerned", "confused", "convinced", "crowded",
    "delighted", "detailed", "determined", "disappointed", "embarrassed", "excited", "exhausted", "experienced",
    "frightened", "gone", "interested", "involved", "married", "pleased", "poised", "qualified", "related",
    "relieved", "satisfied", "scared", "shocked", "skilled", "sophisticated", "supposed", "surprised",
    "talented", "tired", "unknown", "worried",
})

#: Adjectival when followed by "to" and a noun phrase or -ing form ("is committed to protecting",
#: "is used to the cold"), passive otherwise ("crimes were committed", "it is used to fund").
_STATE_BEFORE_TO = frozenset({"accustomed", "committed", "dedicated", "devoted", "entitled", "opposed", "used"})
#: Fixed phrases with "to" + verb ("is set to become", "is bound to fail", "is prepared to act").
_IDIOM_TO_VERB = frozenset({"bound", "poised", "prepared", "set", "supposed"})
#: After *get*, these make a change of state, not a passive ("got married", "get rid of", "got lost").
_GET_STATES = frozenset({"acquainted", "bored", "divorced", "dressed", "engaged", "involved", "lost", "married",
                         "rid", "started", "stuck", "tired", "used", "worried"})

#: Participles often used as plain adjectives before a noun ("were known fugitives",
#: "are convicted felons"): not passives when a noun or adjective follows directly.
_ATTRIBUTIVE = frozenset({"known", "convicted", "registered", "licensed", "trained", "certified", "wanted",
                          "elected", "unidentified", "undocumented", "married", "suspected", "alleged"})

#: Participles that after a noun work like prepositions or fixed phrases ("based on",
#: "compared with", "given that"): never reduced passives.
_REDUCED_STOP = frozenset({
    "based", "related", "compared", "given", "provided", "concerned", "involved", "located", "associated",
    "situated", "regarded", "considering", "following", "including", "according", "united", "used",
})

#: Prepositions that may follow the participle of a reduced passive ("labeled as", "estimated at").
_REDUCED_NEXT = {"by", "as", "at", "to", "in", "for", "with", "from", "on", "against", "under", "into", "over",
                 "during", "after", "before", "across", "near", "since", "through", "without", "of", "about",
                 "between", "among", "throughout", "within", "upon", "toward", "towards", "along", "around", "behind",
                 "beyond", "outside", "inside"}

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_QUOTES = {"''", "``", '"', "'", "\u201c", "\u201d", "\u2018", "\u2019"}

# A by-phrase that is about time, amount or means is not an agent ("by the end of the month",
# "by 10 percent", "by working", "by car").
_TIME_WORDS = DAY_DEICTICS | TIME_NOUNS - {"day"} | WEEKDAYS | MONTH_NAMES | {
    "end", "time", "then", "now", "noon", "midnight", "start", "beginning", "middle", "close", "deadline",
    "early", "late", "mid", "next", "last", "spring", "summer", "autumn", "fall", "winter", "far", "default",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "percent", "half", "hand", "car", "bus", "train", "plane", "air", "sea", "road", "mail", "email", "phone",
    "telephone", "foot", "boat", "chance", "mistake", "accident", "force", "contrast", "comparison", "way",
    "means", "virtue", "itself", "themselves", "himself", "herself",
}
#: Head nouns of a by-phrase that names a means, not an agent ("removable by final order", "required by law").
_MEANS_NOUNS = frozenset({"order", "decree", "statute", "law", "regulation", "ordinance", "design", "hand",
                          "chance", "accident", "mistake", "default"})
_AGENT_TAGS = {"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP", "VBN", "VBG"}
_HEAD_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}
_CLAUSE_BREAK_TAGS = {",", ".", ":", "CC", "WDT", "WP", "WP$", "WRB", "MD", "VBD", "VBZ", "VBP", "(", ")"}


def _is_be(low: str, pos: str) -> bool:
    return low in _BE or (low == "'s" and pos == "VBZ")


def _looks_participle(word: str) -> bool:
    """False for comparatives, adverbs and -ing forms the tagger sometimes marks VBN ("safer")."""
    return word.endswith("ed") or not word.endswith(("er", "est", "ly", "ing"))


#: Past participles spelled like their verb's base form ("was set", "is cut", "has been put").
_ZERO_PARTICIPLES = frozenset({
    "beat", "become", "beset", "bet", "bid", "broadcast", "burst", "cast", "come", "cost", "cut", "fit", "forecast",
    "hit", "hurt", "input", "knit", "let", "misread", "offset", "outrun", "output", "overcome", "overrun", "put",
    "quit", "read", "reread", "rerun", "reset", "rid", "run", "set", "shed", "shut", "slit", "spit", "split",
    "spread", "stricken", "sublet", "telecast", "thrust", "typeset", "undercut", "upset", "wed", "wet",
})


#: Past tenses that are never participles ("did", not "done"): a tagger's VBN on them is a slip.
_PAST_ONLY = frozenset({
    "ate", "arose", "became", "began", "bit", "blew", "bore", "broke", "came", "chose", "did", "drank", "drew",
    "drove", "fell", "flew", "forbade", "forgave", "forgot", "froze", "gave", "grew", "hid", "knew", "lay", "mistook",
    "overtook", "ran", "rang", "rode", "rose", "sang", "sank", "saw", "shook", "shrank", "slew", "spoke", "sprang",
    "stank", "stole", "strove", "swam", "swore", "took", "threw", "tore", "undertook", "underwent", "went", "woke",
    "wore", "wrote",
})


def _verb_form(word: str) -> bool:
    """Whether a word the tagger marked as a participle is one: a form of a verb WordNet knows, not an adjective,
    adverb or noun after *be* ("was ablaze", "are home", "has been somewhat out of step").

    An -ed or -en word with no verb behind it is an adjective ("was unprecedented", "were uninjured").

    >>> [_verb_form(w) for w in ("arrested", "known", "set", "tailor-made", "stricken")]
    [True, True, True, True, True]
    >>> [_verb_form(w) for w in ("ablaze", "home", "somewhat", "uninjured", "unprecedented")]
    [False, False, False, False, False]
    """
    last = word.rsplit("-", 1)[-1]
    if last in _PAST_ONLY:
        return False
    return last in _ZERO_PARTICIPLES or nlp.lemmatize(last, "VBN") != last


_PRONOUN_HEADS = {"those", "these", "anyone", "everyone", "someone", "all", "many", "some", "others", "people"}


#: Conjunctions that open a clause of their own after a verb ("shouted as Murray tried", "left when it rained").
_CLAUSE_OPENERS = frozenset("as while when whenever because although though whereas until unless once if".split())


def _clause_follows(low: list[str], pos: list[str], k: int) -> bool:
    """Whether a clause starts at ``k``: a pronoun, or a singular name or noun of at most three words (a
    determiner first), then a finite verb ("as Murray tried", "as the police arrived"). Plural nouns and present
    plural verbs are left out: "cities labeled as sanctuaries face cuts" is a reduced passive."""
    if k < len(low) and pos[k] == "PRP":
        return k + 1 < len(low) and pos[k + 1] in FINITE_TAGS
    if k < len(low) and pos[k] == "DT":
        k += 1
    start = k
    while k < len(low) and k - start < 3 and pos[k] in ("NNP", "NNPS", "NN"):
        k += 1
    return start < k < len(low) and pos[k] in ("VBD", "VBZ", "MD")


def _reduced(word: str, low: list[str], pos: list[str], i: int, j: int, has_agent: bool) -> bool:
    """Whether the participle at ``i`` (``j``: the token before it, adverbs skipped; ``has_agent``: a by-phrase
    after it names an agent, :func:`_agent`) is a reduced passive.

    After a noun and before a preposition ("cities labeled as", "detainer placed on ... by ICE"),
    or after "those"/a number and before a preposition or verb ("those arrested were", "the 22
    arrested during"). A VBD tag is trusted only where an active past tense cannot be: after
    "those"/a number, or after the object of an earlier verb when a by-phrase names an agent.
    """
    if word in _REDUCED_STOP:
        return False
    if not _transitive(word, senses=3) and not has_agent:
        return False  # a verb without an object in its main senses is an active past ("a ship arrived with")
    k = j
    while k >= 0 and low[k] in _QUOTES:
        k -= 1
    if k < 0:
        return False
    nxt = i + 1
    while nxt < len(low) and pos[nxt] in _ADVERB_TAGS:
        nxt += 1
    after_prep = nxt < len(low) and low[nxt] in _REDUCED_NEXT
    head_like = low[k] in _PRONOUN_HEADS or (pos[k] == "CD" and k > 0 and pos[k - 1] == "DT")
    # The participle must not be the clause's only verb ("The competition ended on Tuesday"), nor the only verb
    # before a clause that a conjunction opens right after it ("protesters shouted as Murray tried to speak").
    last = len(low)
    if nxt < len(low) and low[nxt] in _CLAUSE_OPENERS and (low[nxt] != "as" or _clause_follows(low, pos, nxt + 1)):
        last = nxt
    if not any(pos[m] in FINITE_TAGS for m in range(last) if m != i):
        return False
    if head_like:
        return after_prep or (nxt < len(low) and pos[nxt] in FINITE_TAGS)
    if pos[k] not in _NOUN_TAGS:
        return False
    if _contact_relative(low, pos, k) and not has_agent:
        return False  # "a book MacDonald published last year", "the car the police found in the lake"
    if nxt < len(low) and (pos[i] == "VBN" and _names_or_dates(word, low, pos, nxt)
                           or pos[i] == "VBD" and _dated_before_verb(low, pos, nxt)):
        return True
    if not after_prep:
        return False
    if pos[i] == "VBN":
        return True
    earlier_verb = any(pos[m].startswith("VB") and pos[m] not in ("VBG", "VBN") for m in range(k))
    return earlier_verb and "," not in low[:k][-6:] and has_agent


#: Verbs that give a name: after a noun and before the name or a quotation they are reduced passives ("a boy named
#: Jack", "a report entitled “Lost”").
_NAMING = frozenset({"called", "named", "entitled", "titled", "dubbed", "nicknamed", "labeled", "labelled", "termed",
                     "styled", "branded", "christened"})


def _names_or_dates(word: str, low: list[str], pos: list[str], nxt: int) -> bool:
    """Whether what follows a participle tagged VBN after a noun makes it a reduced passive without a preposition:
    a name or quotation after a verb of naming ("a fellow named Ronnie"), or a day ("a meeting held Tuesday night",
    "the plan announced last week")."""
    if word in _NAMING:
        return pos[nxt] in ("NNP", "NNPS") or low[nxt] in _QUOTES
    after = low[nxt + 1] if nxt + 1 < len(low) else ""
    if not (low[nxt] in DAY_DEICTICS | WEEKDAYS
            or (low[nxt] in ("last", "this", "next", "earlier") and after in TIME_NOUNS | WEEKDAYS | MONTH_NAMES)):
        return False
    # The clause's own verb must follow ("a meeting held Tuesday night brought ..."): "The debate continued
    # earlier this month when ..." is an active past.
    for m in range(nxt + 1, len(low)):
        if pos[m] in (",", ".", ":", "CC", "WDT", "WP", "WRB") or low[m] in (";", "that"):
            return False
        if pos[m] in FINITE_TAGS:
            return True
    return False


def _dated_before_verb(low: list[str], pos: list[str], nxt: int) -> bool:
    """Whether a past form tagged VBD after a noun is still a reduced passive: a day follows it and then, with at
    most a prepositional phrase between, the clause's own verb ("a meeting held Tuesday night in Blue Ridge
    brought …"). Two past tenses in a row cannot both be the noun's, so the first is a participle. Not where a
    new subject comes before that verb: "the senator said Tuesday he would run", "the company announced Monday
    the plant would close", "officials confirmed Tuesday in a statement the plan would go ahead"."""
    if not (low[nxt] in DAY_DEICTICS | WEEKDAYS or low[nxt] == "last" and nxt + 1 < len(low)
            and low[nxt + 1] in TIME_NOUNS | WEEKDAYS):
        return False
    m = nxt + 1
    while m < len(low) and low[m] in TIME_NOUNS | WEEKDAYS:
        m += 1  # "Tuesday night", "last week"
    if m < len(low) and pos[m] == "IN" and low[m] not in ("that", "because", "if", "as", "while", "when"):
        m += 1
        if m < len(low) and pos[m] in ("DT", "PRP$"):
            m += 1
        while m < len(low) and pos[m] in ("JJ", "NN", "NNS", "NNP", "NNPS", "CD"):
            m += 1  # one noun phrase: "in Blue Ridge", "at the Capitol"
    return m < len(low) and pos[m] in FINITE_TAGS


def _contact_relative(low: list[str], pos: list[str], k: int) -> bool:
    """Whether the noun phrase ending at ``k`` opens a relative clause without "that" right after a noun ("a book
    MacDonald published", "the car the police found"): then the verb after it is active."""
    m = k
    if pos[m] in ("NNP", "NNPS"):
        while m > 0 and pos[m - 1] in ("NNP", "NNPS"):
            m -= 1
    else:
        while m > 0 and pos[m - 1] in ("JJ", "JJR", "JJS", "NN", "NNS", "CD"):
            m -= 1
        if m > 0 and pos[m - 1] in ("DT", "PRP$"):
            m -= 1
        else:
            return False
    return m > 0 and pos[m - 1] in ("NN", "NNS")


def _frames(word: str, senses: int = 1) -> frozenset[int]:
    """WordNet's verb frames for a participle's verb (its last part when hyphenated: "re-elected" -> "elect")."""
    return wn_verb_frames(nlp.lemmatize(word.rsplit("-", 1)[-1], "VBN"), senses=senses)


def _transitive(word: str, senses: int = 1) -> bool:
    """Whether the verb of a participle takes a direct object in one of its ``senses`` most frequent WordNet senses
    ("charged", "founded"; not "walked" or "confessed" in the first sense, "armed" only in the second)."""
    return bool(_frames(word, senses) & TRANSITIVE_FRAMES)


_OBJECT_START = {"DT", "PDT", "PRP", "PRP$"}
_CLAUSE_OPENERS = {"when", "if", "once", "unless", "until", "though", "although", "while", "as", "where"}


def _coordinated(word: str, low: list[str], pos: list[str], i: int, j: int, p: int, has_agent: bool) -> bool:
    """Whether the participle at ``i`` (``j``: the token before it, adverbs skipped) shares the passive of the
    participle at ``p`` through "and"/"or"/"but" or a comma: "was arrested on Tuesday and charged with murder",
    "built in 1990, sold in 2000 and demolished". Nothing between the two may start a new clause (a finite verb,
    a subject pronoun, "that", "who"), the verb must take an object in its main sense and none may follow it
    ("and walked home" and "and signed the bill" are active)."""
    if j <= p or i - p > 15 or not (low[j] in ("and", "or", "but") or (pos[j] == "," and pos[i] == "VBN")):
        return False
    for m in range(p + 1, j):
        if pos[m] in FINITE_TAGS or pos[m] in ("PRP", "WDT", "WP", ":", ".") or low[m] in ("that", ";"):
            return False
    if i + 1 < len(low) and (pos[i + 1] in _OBJECT_START or (pos[i] == "VBD" and (
            pos[i + 1] in _NOUN_TAGS or pos[i + 1] == "CD" or low[i + 1] in _QUOTES or low[i + 1] == "that"))):
        return False  # an object or a clause after it: active ("and signed the bill", "and added that")
    frames = _frames(word)
    if not frames & TRANSITIVE_FRAMES:
        return False
    if i + 1 < len(low) and pos[i + 1] in ("VBG", "NN", "NNS") and low[i + 1] not in _TIME_WORDS \
            and not frames & DOUBLE_OBJECT_FRAMES:
        return False  # "and resumed trading": an object after it (but "was paid and given tickets")
    if pos[i] == "VBD" and frames & INTRANSITIVE_FRAMES and not has_agent:
        return False  # the tagger's past tense of a verb that also goes without an object: "and paid in cash"
    return True


def _participle_clause(word: str, low: list[str], pos: list[str], i: int, j: int) -> bool:
    """Whether the participle at ``i`` opens a participial clause: at the start of the sentence ("Founded in 1900,
    the firm ...", "Asked about the plan, she said"), after a comma ("Smith, arrested in May, was released") or
    after "when"/"if"/"once" ("when asked, he said"). Only a participle the tagger marks as one (VBN), of a verb
    that takes an object, followed by a preposition or a comma; the sentence needs another finite verb."""
    if pos[i] != "VBN" or word in _REDUCED_STOP:
        return False
    k = j
    while k >= 0 and low[k] in _QUOTES:
        k -= 1
    nxt = i + 1
    while nxt < len(low) and pos[nxt] in _ADVERB_TAGS:
        nxt += 1
    if i > 0 and low[i - 1] in _CLAUSE_OPENERS:
        k = i - 1  # "once agreed": "once" is an adverb too, skipped on the way to the auxiliary
    if k >= 0 and low[k] in _CLAUSE_OPENERS:  # "when asked", "as expected", "if convicted"
        return (nxt >= len(low) or pos[nxt] not in _OBJECT_START | _NOUN_TAGS) and _transitive(word, senses=2)
    if not (k < 0 or pos[k] == ","):
        return False
    if nxt >= len(low) or not (low[nxt] in _REDUCED_NEXT or pos[nxt] == ","):
        return False
    if k < 0 and "," not in low[nxt:]:
        return False  # "Founded in 1900 the firm ..." is rare; "Passed by the Senate on Tuesday." is a headline
    if not any(pos[m] in FINITE_TAGS for m in range(len(low)) if m != i):
        return False
    return _transitive(word, senses=2)


def _headline_passive(word: str, low: list[str], pos: list[str], i: int, j: int) -> bool:
    """Whether a past form after a noun in a headline is a passive with its *be* dropped, as headlines drop it
    ("Asylum seekers rescued off Indonesian coast", "Afghan girls' robotics team honored for ..."): headlines report
    events in the present tense, so "-ed" after the subject is the participle. Only before a preposition, an adverb
    or the end ("Man arrested"), never before an object ("Senate passed the bill" is a past tense), and only a verb
    with an object in its main sense."""
    if word in _REDUCED_STOP or j < 0 or pos[j] not in _NOUN_TAGS:
        return False
    if i + 1 < len(low) and pos[i + 1] not in ("IN", "TO", "RB", "RP", ".", ":", ","):
        return False
    if any(pos[m] in FINITE_TAGS | {"VBN"} for m in range(j)):
        return False  # the headline has its own verb before: "Police say man arrested ..." is read by the other rules
    return _transitive(word)  # the main sense only: "Talks collapsed in Geneva", "Company moved to Texas" are active


def _is_state(word: str, kind: str, low: list[str], pos: list[str], i: int, skipped: list[int]) -> bool:
    """Whether a participle describes a state rather than an action done to someone (see the lists above)."""
    if word in ADJECTIVAL_PARTICIPLES:
        return True
    if kind == "get" and word in _GET_STATES:
        return True
    if kind != "reduced" and skipped and low[skipped[0]] in _DEGREE:
        return True  # "was very tired", "is so excited"
    if i + 1 < len(low) and low[i + 1] == "to":
        after = pos[i + 2] if i + 2 < len(low) else ""
        if word in _STATE_BEFORE_TO and after != "VB":
            return True
        if word in _IDIOM_TO_VERB and after == "VB":
            return True
    return False


def _agent(low: list[str], pos: list[str], start: int) -> tuple[int, int] | None:
    """Token span [a, b) of the agent after a participle at ``start - 1``, or None.

    Looks for "by" within the next few tokens (over adverbs, particles and one short
    prepositional phrase, never across punctuation or another verb), then takes the noun
    phrase after it.
    """
    k = start
    if k < len(low) and low[k] in _QUOTES:
        k += 1  # the participle's closing quote: were "violently confronted" by protesters
    steps = 0
    while k < len(low) and steps < 8:
        if low[k] == "by":
            break
        if pos[k] in _CLAUSE_BREAK_TAGS or low[k] in _QUOTES or low[k] in ("that", "who", "which"):
            return None
        if pos[k].startswith("VB") and pos[k] != "VBG":
            return None
        k += 1
        steps += 1
    else:
        return None
    if k >= len(low) or low[k] != "by":
        return None
    a = k + 1
    if a >= len(low) or pos[a] == "VBG" or pos[a] == "CD" or low[a] in _TIME_WORDS:
        return None
    b = a
    while b < len(low):
        if pos[b] in _AGENT_TAGS or low[b] == "'s":
            b += 1
            continue
        if low[b] in ("of", "and", "&") and b + 1 < len(low) and pos[b + 1] in _AGENT_TAGS - {"POS"}:
            b += 1
            continue
        if low[b] in ("-", "--") and b + 1 < len(low) and pos[b + 1] in _NOUN_TAGS:
            b += 1
            continue
        break
    # The phrase must end on its head: a noun, pronoun or number.
    while b > a and pos[b - 1] not in _HEAD_TAGS:
        b -= 1
    if b == a:
        return None
    heads = [low[j] for j in range(a, b) if pos[j] in _NOUN_TAGS]
    if heads and heads[0] in _TIME_WORDS and pos[a] == "DT":
        return None
    if any(low[j] in _TIME_WORDS for j in range(a, min(b, a + 2))) and pos[a] == "DT" and len(heads) == 1:
        return None
    head = next((j for j in range(a, b) if pos[j] in _NOUN_TAGS), b)
    while head + 1 < b and pos[head + 1] in _NOUN_TAGS:
        head += 1
    if head < b and low[head] in _MEANS_NOUNS:
        return None  # "by court order", "by federal law": how, not who (but "by the law firm")
    return a, b


def passives(article: Article) -> pd.DataFrame:
    """Passive clauses found from the part-of-speech tags, with their agent.

    - **be/get passive**: a form of *be* or *get*, then (possibly after adverbs or "not") a past
      participle (tag VBN; VBD, or JJ on a verb form, where the tagger slipped): "could be
      considered", "was being investigated", "got arrested", "was initially denied visas". A participle in ``ADJECTIVAL_PARTICIPLES`` ("was tired",
      "is interested in"), or one right after "very"/"so"/"too", describes a state and is not
      counted, unless a by-phrase names an agent.
    - **reduced passive**: a participle (tag VBN) right after a noun (or its closing quote) and
      followed by a preposition, with no *be*: "cities labeled as sanctuaries", "areas heavily
      populated by undocumented immigrants", "a population estimated at 14 million"; before a name
      after a verb of naming ("a man named Jack Smith") or before a day when the clause's verb
      follows ("the rules published yesterday will require"); or opening a participial clause
      ("Founded in 1900, the firm ...", "the senator, elected in 2010, said", "if convicted").
      Prenominal participles ("targeted raids") and fixed phrases ("based on", "given that") are
      not, nor is a participle that is the sentence's only verb ("The competition ended on
      Tuesday"), one of a verb with no object in its main WordNet senses ("a ship arrived with"),
      or one after a relative clause's subject ("a book the author published last year").
    - **coordinated**: a participle joined by "and"/"or" or a comma to the passive before it shares
      its kind and auxiliary ("was arrested and charged with murder").
    - A word the tagger marks as a participle counts only if it is a verb form ("was ablaze",
      "were uninjured" and "has been somewhat" are not); quotation marks between the auxiliary and
      the participle are skipped ("were “violently confronted” by").
    - **agent**: the noun phrase of a following by-phrase ("was arrested by police" -> police);
      a by-phrase of time, amount or means ("by the end of the month", "by 10%", "by car", "by
      court order") is not an agent. ``agentless`` is True when no agent is named: the reader is not told who acts.

    Columns: sentence_id, start, end (offsets of ``text`` in ``article.text``), text (the verb
    group, through the agent when there is one), kind (be, get, reduced), auxiliary, participle,
    lemma, agent (None when agentless), agentless. In reading order. :func:`passive_rows` gives the
    same rows as tuples.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nHe was arrested by police. She was tired. Measures could be considered.")
    >>> passives(a)[["text", "agent"]].values.tolist()
    [['was arrested by police', 'police'], ['could be considered', None]]
    """
    rows = _passive_rows(article)
    if not rows:
        return pd.DataFrame(columns=PASSIVE_COLUMNS).astype({"start": "int64", "end": "int64", "agentless": bool})
    frame = pd.DataFrame(list(rows), columns=PASSIVE_COLUMNS)
    frame["agent"] = pd.Series([r.agent for r in rows], dtype=object)  # None, not NaN, when agentless
    return frame


def passive_rows(article: Article) -> tuple[Passive, ...]:
    """The rows of :func:`passives` as :class:`Passive` tuples, in the same order. Cached per article."""
    return _passive_rows(article)


@lru_cache(maxsize=16)
def _passive_rows(article: Article) -> tuple[Passive, ...]:
    rows = []
    by_sentence = sentence_words(article)
    for s in article.sentences:
        toks = by_sentence.get(s.id)
        if not toks:
            continue
        texts, low, pos, starts, ends = toks.text, list(toks.lower), list(toks.pos), toks.start, toks.end
        n = len(low)
        previous: tuple[int, str, str] | None = None  # the sentence's last passive: participle index, kind, auxiliary
        for i in range(n):
            word = low[i]
            if word in _BE or word in GET or word in _HAVE:
                continue
            if not (pos[i] in ("VBN", "VBD") or (pos[i] == "JJ" and word.endswith(("ed", "en")))):
                continue
            if not _looks_participle(word) or not _verb_form(word) or (i > 0 and texts[i][:1].isupper()
                                                and i + 1 < n and pos[i + 1] in ("NNP", "NNPS")):
                continue  # a tagger slip ("safer"), or part of a name ("Deferred Action")
            if (word in _ATTRIBUTIVE and i + 1 < n and pos[i + 1] in ("JJ", "NN", "NNS")
                    and low[i + 1] not in _TIME_WORDS | {"twice", "once", "thrice", "yesterday", "again"}):
                continue  # "were known fugitive violators": the participle modifies a noun
            # Walk left over adverbs, negation, quotation marks and "and" between adverbs to the auxiliary.
            j = i - 1
            skipped: list[int] = []
            while j >= 0 and (pos[j] in _ADVERB_TAGS or low[j] in _NEGATION or (low[j] in _QUOTES and j > 0)
                              or (low[j] == "and" and j > 0 and pos[j - 1] in _ADVERB_TAGS)):
                skipped.append(j)
                j -= 1
            agent = _agent(low, pos, i + 1)
            kind = None
            aux_i = None
            auxiliary = ""
            if j >= 0 and (_is_be(low[j], pos[j]) or low[j] in GET):
                kind = "get" if low[j] in GET else "be"
                aux_i = j
                auxiliary = texts[j]
            elif pos[i] in ("VBN", "VBD") and not (j >= 0 and low[j] in _HAVE):
                if _reduced(word, low, pos, i, j, agent is not None):
                    kind = "reduced"
                elif previous is not None and _coordinated(word, low, pos, i, j, previous[0], agent is not None):
                    kind, auxiliary = previous[1], previous[2]  # "was arrested and charged": the auxiliary shared
                elif _participle_clause(word, low, pos, i, j) or (s.part == "headline" and _headline_passive(
                        word, low, pos, i, j)):
                    kind = "reduced"
            if kind is None:
                continue
            if agent is None and _is_state(word, kind, low, pos, i, skipped):
                continue
            # The verb group: modals, have/be forms, adverbs and "not" before the auxiliary.
            if aux_i is not None:
                g = aux_i
                while g - 1 >= 0 and (pos[g - 1] == "MD" or low[g - 1] in _BE or low[g - 1] in _HAVE
                                      or low[g - 1] in _NEGATION or (pos[g - 1] in _ADVERB_TAGS and g - 2 >= 0
                                                                     and (pos[g - 2] == "MD" or low[g - 2] in _HAVE))):
                    g -= 1
            else:
                g = min(skipped) if skipped else i
            last = agent[1] - 1 if agent else i
            a, b = starts[g], ends[last]
            previous = (i, kind, auxiliary)
            rows.append(Passive(
                s.id, a, b, article.text[a:b], kind, auxiliary,
                texts[i], nlp.lemmatize(word, "VBN"),
                article.text[starts[agent[0]]:ends[agent[1] - 1]] if agent else None,
                agent is None,
            ))
    rows.sort(key=lambda r: (r.start, r.end))  # stable: equal spans keep reading order
    return tuple(rows)


def passive_counts(found: pd.DataFrame) -> pd.DataFrame:
    """Passives by kind and by whether an agent is named. Columns: kind, label, agent, count."""
    rows = []
    for kind, label in PASSIVE_KINDS.items():
        sub = found[found["kind"] == kind]
        for agentless, what in ((False, "agent named"), (True, "no agent named")):
            rows.append((kind, label, what, int((sub["agentless"] == agentless).sum())))
    return pd.DataFrame(rows, columns=["kind", "label", "agent", "count"])
