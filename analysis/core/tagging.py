"""Part-of-speech repairs for news text, shared by the analyses that read clauses: headlines set in
capitals tagged again, nouns that are verbs after a name, and the closed word classes those rules use."""

from __future__ import annotations

from functools import lru_cache

from . import nlp
from .wordnet import wn_offsets

__all__ = ["BE", "HAVE", "DO", "GET", "FINITE_TAGS", "COMPANY_FORMS", "SUBJECT_PREPOSITIONS", "SUBORDINATORS",
           "PERSONAL_PRONOUNS", "WEEKDAYS", "MONTH_NAMES", "can_be_verb", "retag_headline", "repair_tags"]

#: Forms of the auxiliaries.
BE = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re"}
HAVE = {"have", "has", "had", "having", "'ve", "’ve"}
#: The auxiliaries "be" and "have" together ("it was announced", "had been").
BE_HAVE = frozenset(BE | HAVE)
DO = {"do", "does", "did"}
GET = {"get", "gets", "got", "gotten", "getting"}
#: Prepositions after which a name can still be a clause's subject ("like", "including").
SUBJECT_PREPOSITIONS = {"like", "including", "as", "with"}
#: Words tagged IN that open a clause, so an actor after them can be its subject.
SUBORDINATORS = {"that", "because", "as", "while", "if", "when", "although", "though", "since", "after", "before",
                  "until", "whether", "once", "unless", "whereas", "so"}
#: The pronouns resolved to a named person.
PERSONAL_PRONOUNS = {"he", "she"}
#: Penn tags of finite verbs.
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
#: Words that end a company's name ("Acme Corp.", "Continental Casualty Co."), lower case without the stop.
COMPANY_FORMS = frozenset({"corp", "corporation", "inc", "incorporated", "co", "ltd", "llc", "plc", "lp", "holdings"})
#: Day and month names, lower case: capitalised and tagged as names, but words of time.
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
#: Days named relative to now, which end a phrase without being its subject ("figures published today show").
DAY_DEICTICS = frozenset({"today", "yesterday", "tonight", "tomorrow"})
#: Nouns for a stretch of time ("last week", "Tuesday morning"): not the subject of the verb after them.
TIME_NOUNS = frozenset({"day", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night"})


@lru_cache(maxsize=8192)
def can_be_verb(word: str) -> bool:
    """Whether a word form can be a verb: an auxiliary, or its verb lemma is in WordNet's verb index."""
    if word in BE | HAVE | DO | GET:
        return True
    # British "criticised" (WordNet spells "criticize"); "re-enters" (WordNet: "reenter")
    forms = {word, word.replace("is", "iz"), word.replace("-", ""), word.split("-")[-1]}
    cands = set()
    for f in forms:
        cands.update({f, nlp.lemmatize(f, "VB")})
        for suffix, repl in _VERB_SUFFIXES:  # WordNet's morphy rules for verbs
            if f.endswith(suffix) and len(f) > len(suffix) + 1:
                stem = f[: len(f) - len(suffix)] + repl
                cands.update({stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem})
    return any(wn_offsets(c, "v") for c in cands)


_VERB_SUFFIXES = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))


def retag_headline(texts: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Headlines are set in capitals, which the tagger reads as proper nouns: tag them again with
    every word that is not part of an actor's name in lower case."""
    inside = {k for a, b in spans for k in range(a, b)}
    words = [t if k in inside else t.lower() for k, t in enumerate(texts)]
    return nlp.pos_tag_sentences([words])[0] if words else []


def repair_tags(low: list[str], tags: list[str], spans: list[tuple[int, int, str]], *, headline: bool = False) -> list[str]:
    """A noun right after an actor that can also be a verb ("the Pentagon readies to",
    "far-right groups rally for") is the verb when no other finite verb follows in the clause; in a
    headline, an -s word right after an actor is its verb ("Trump Intensifies ...")."""
    tags = list(tags)
    n = len(tags)
    for a, b, kind in spans:
        k = b
        if kind == "place" or k >= n or tags[k] not in ("NN", "NNS") or not low[k].isalpha():
            continue
        if a > 0 and (low[a - 1] in ("-", "–") or tags[a - 1] == "CD" or tags[a - 1].startswith("VB")
                      or (tags[a - 1] == "IN" and low[a - 1] not in SUBJECT_PREPOSITIONS)):
            continue
        if headline and low[k].endswith("s") and can_be_verb(low[k]):
            tags[k] = "VBZ"
            continue
        if k >= n - 1:
            continue
        nxt = tags[k + 1]
        if nxt not in ("TO", "IN", "DT", "PRP$", "PRP", ",", "RB", "CD"):
            continue
        stop = low.index(",", k + 1) if "," in low[k + 1:] else n
        if nxt != "TO" and any(t in FINITE_TAGS for t in tags[k + 1:stop]):
            continue
        if not can_be_verb(low[k]):
            continue
        tags[k] = "VBZ" if low[k].endswith("s") else "VBP"
    return tags
