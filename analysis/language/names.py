"""Which words of a sentence belong to proper names, for the word-level analyses (tone, loaded words, modals and
hedges), which must not read "United" in "United States" or "May" in "Theresa May" as the writer's words.

In running text a name is a capitalised token the tagger calls a proper noun. A headline set in title case
(:attr:`~analysis.core.tokens.SentenceWords.title_case`) capitalises every word, and the tagger calls nearly all
of them proper nouns, so there a word counts as a name only on evidence (:func:`name_token_positions`).
"""

from __future__ import annotations

from functools import lru_cache

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import lexicon_rows
from ..core.tagging import COMPANY_FORMS, MONTH_NAMES, WEEKDAYS
from ..core.tokens import SentenceWords, sentence_words

__all__ = ["name_token_positions", "headline_name_positions"]

_NAME_TAGS = ("NNP", "NNPS")
#: Month and day names: capitalised and tagged as names in running text ("in May"), but no evidence that the same
#: word is a name in a headline ("Troops May Be Sent").
_CALENDAR_WORDS = MONTH_NAMES | WEEKDAYS
#: Modal verbs that are also names in running text ("Rep. Will Hurd said"): no evidence for a headline either.
_MODAL_WORDS = frozenset("will would may might can could shall should must".split())


#: Titles that only ever come before a name, with or without a stop (other titles, "Minister", "Judge", are also the
#: subject of a headline's verb: "Minister Snubs Protesters").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame"})  # not "Miss": "England Miss Chance"


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    """One-word titles before a person's name ("Judge", "Sen", "Mr"), from the entity cues lexicon."""
    return frozenset(r["term"] for r in lexicon_rows("entity_cues")
                     if r["category"] == "person_title" and " " not in r["term"])


def _title_case_names(t: SentenceWords, body_names: frozenset[str]) -> frozenset[int]:
    """The positions of a title-case sentence's words that are names on evidence: a word the article uses as a name in
    running text (``body_names``); a first name and the word after it when that word is no common word in any form
    ("Will Ferrell", "Rusty Staub"), or is a noun, an adjective or "May" after a first name that is no common word
    ("Sandra Bland", "Theresa May"; not "Rocky Start", "Kate Could Return", "Hope Dwindling"), and the first name is
    not itself the surname of a pair ("Hillary Clinton Could Run"); the word after a person's title when abbreviated
    or an honorific ("Sen. Gross", "Mr Bland"); an owner before "'s" that is not a common word ("Putin's War"); the
    words before a company's legal form ("Continental Casualty Co.", "Moody's Corp.")."""
    text, low, n = t.text, t.lower, len(t)
    first, titles = nlp.first_names(), _person_titles()

    def cap(k: int) -> bool:
        return 0 <= k < n and text[k][:1].isupper()

    tags = t.sentence_case_pos

    def surname(k: int) -> bool:  # the word after a first name: "Ferrell", "Bland", "May"; not "Could", "Dwindling"
        if tags[k] == "MD" or low[k] == "may":
            return low[k] == "may" and not nlp.is_common_word(low[k - 1])  # "Theresa May Set to Resign"
        if t.is_stop[k]:
            return False
        if not (nlp.is_common_word(low[k]) or nlp.is_common_word(nlp.lemmatize(low[k], "VB"))):
            return True  # no common word in any form: "Ferrell", "Staub", "Mugabe"
        return tags[k] in ("NN", "NNS", "NNP", "NNPS", "JJ") and not nlp.is_common_word(low[k - 1])

    out: set[int] = {k for k in range(n) if cap(k) and low[k] in body_names}
    second = -1  # the last position that ended a first name + surname pair: it starts no other pair
    for k in range(n - 1):
        if not cap(k):
            continue
        if low[k + 1] in ("'s", "’s") and not nlp.is_common_word(low[k]):
            out.add(k)  # an owner: "Putin's War" (not "Thug's Brutal Attack"; "Moody's" only if the article names it)
        name = k + 2 if low[k + 1] == "." else k + 1  # "Sen. Gross", "Mr Bland"; not "Minister Snubs Protesters"
        if low[k] in titles and (name == k + 2 or low[k] in _HONORIFICS) and cap(name):
            out.add(name)
        if k != second and cap(k + 1) and low[k] in first and surname(k + 1):
            second = k + 1
            out.update((k, k + 1))  # "Will Ferrell", "Sandra Bland"; not "Hillary Clinton Could", "Rocky Start"
    for k in range(n):  # not "holdings" as a noun: "Fund Dumps Toxic Holdings"
        if cap(k) and low[k].rstrip(".") in COMPANY_FORMS and k > 0 and low[k] != "holdings":
            j = k - 1
            if low[j] in ("'s", "’s"):
                j -= 1
            for m in (j, j - 1):  # at most two words of the name
                if cap(m) and low[m] not in COMPANY_FORMS:
                    out.add(m)
                else:
                    break
    return frozenset(out)


@lru_cache(maxsize=16)
def name_token_positions(article: Article) -> dict[str, frozenset[int]]:
    """Per sentence id, the positions of the tokens that belong to proper names ("United States", "Justice
    Department", "Liberty University"): capitalised tokens tagged NNP/NNPS. In a title-case sentence, where the
    tagger takes nearly every capitalised word for a name, only names on evidence count (see
    :func:`_title_case_names`): the words the article uses as names in running text (not as a sentence's first
    word, not a month, a day or a modal verb), first names with the word after them, words after a person's title and
    company names.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("Theresa May Vows to Fight On\\n\\nThe prime minister spoke in London on Friday.")
    >>> sorted(name_token_positions(a)["s1"]), sorted(name_token_positions(a)["s2"])
    ([0, 1], [5, 7])
    """
    per = sentence_words(article)
    body_names = frozenset(t.lower[i] for t in per.values() if not t.title_case
                           for i in range(1, len(t)) if t.pos[i] in _NAME_TAGS and t.text[i][:1].isupper()
                           and t.lower[i] not in _CALENDAR_WORDS and t.lower[i] not in _MODAL_WORDS)
    out = {}
    for sid, t in per.items():
        if t.title_case:
            out[sid] = _title_case_names(t, body_names)
        else:
            out[sid] = frozenset(i for i in range(len(t)) if t.pos[i] in _NAME_TAGS and t.text[i][:1].isupper())
    return out


@lru_cache(maxsize=16)
def headline_name_positions(article: Article) -> dict[str, frozenset[int] | None]:
    """Per sentence id, for a title-case sentence the positions of its names on evidence (as
    :func:`name_token_positions`), None for any other sentence: what modals, hedges and loaded words need, since
    there the tagger's own name tags cannot be trusted."""
    names = name_token_positions(article)
    return {sid: names[sid] if t.title_case else None for sid, t in sentence_words(article).items()}
