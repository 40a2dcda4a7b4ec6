"""People, organisations, government bodies, places and groups named in an article, found from part-of-speech tags, NLTK's names and gazetteers corpora and the cue list in data/lexicons/entity_cues.csv (no statistical NE chunker)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, NamedTuple, Sequence

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.io import read_lexicon_rows
from ..core.tagging import COMPANY_FORMS, WEEKDAYS
from ..core.tokens import joined_words, sentence_words
from ..core.wordnet import LEXFILE_PERSON, wn_lexfiles

__all__ = [
    "mentions", "mentions_by_sentence", "mention_rows", "Mention", "MENTION_COLUMNS", "ACTOR_KINDS", "institution_cue",
]

ACTOR_KINDS = ("person", "government", "organisation", "place", "group", "other")
MENTION_COLUMNS = ["actor", "kind", "surface", "sentence_id", "start", "end", "i_start", "i_end", "part"]

#: Place heads for things on the ground (not administrative units like "district" or "county", which name bodies
#: too: "Los Angeles Unified School District").
_PHYSICAL_PLACE_HEADS = frozenset({
    "street", "avenue", "road", "square", "plaza", "hotel", "hotels", "airport", "stadium", "arena", "park", "beach",
    "lake", "river", "bay", "island", "mountain", "hill", "valley", "coast",
})
_PLACE_HEADS = _PHYSICAL_PLACE_HEADS | {
    "county", "counties", "city", "islands", "estates", "hills", "mountains", "region", "province", "state", "border",
    "sea", "ocean", "gulf", "district", "capitol",
}
#: Weekdays: US news puts the day right after a name ("said in Fort Pierce, Florida Friday", "told CNN Sunday"), which
#: would otherwise read as a person "Florida Friday" or a body "CNN Sunday". A weekday ends a name (unless it makes a
#: day's name: "Ash Wednesday") and starts one only at the start of a sentence or after a determiner, before a word
#: that is not a first name ("The Sunday Times", "Saturday Night Live"; not "On Friday Hillary Clinton spoke").
_WEEKDAYS = WEEKDAYS
#: What may stand before a weekday that opens a name ("The Sunday Times"; not "said Tuesday Trump would …").
_WEEKDAY_NAME_OPENERS = frozenset({"the", "a", "an", "“", '"', "‘", "(", "of", "on"})
#: Words that make a day's name with a weekday ("Ash Wednesday", "Black Friday", "Super Tuesday").
_DAY_MODIFIERS = frozenset({"ash", "black", "cyber", "super", "good", "holy", "palm", "easter", "bloody", "shrove",
                            "maundy", "giving", "blue", "great"})
#: Days' names whose first word the tagger reads as an adjective ("Good Friday"; not "Good Monday morning to all").
_DAY_NAMES = frozenset({("good", "friday"), ("black", "friday"), ("holy", "thursday"), ("holy", "saturday"),
                        ("maundy", "thursday"), ("bloody", "sunday"), ("super", "tuesday"), ("cyber", "monday"),
                        ("blue", "monday"), ("giving", "tuesday"), ("ash", "wednesday"), ("palm", "sunday"),
                        ("shrove", "tuesday"), ("easter", "sunday"), ("easter", "monday"), ("super", "saturday")})
#: Words that make a day's name with any weekday ("Black Wednesday", "Bloody Friday", "Holy Monday").
_ANY_DAY_MODIFIERS = frozenset({"black", "bloody", "holy"})
#: Parts of a day that a title-case line capitalises after its weekday ("Tuesday Night").
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
#: Words that never open a name (weekdays are handled in the name loop, which keeps "The Sunday Times").
_NOT_NAMES = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "i", "opinion", "image", "photo", "update", "breaking", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}
_CONNECTORS = {"of", "for", "and", "&", "de"}
#: Languages, which a capital makes look like names ("forms in English", "Learning English"). Alone they are no
#: actor; in a longer name they stay ("the English Channel", "the Spanish Football Federation").
_LANGUAGES = frozenset(
    "english spanish french german italian portuguese russian arabic chinese mandarin cantonese japanese korean "
    "hindi urdu bengali punjabi farsi persian dari pashto turkish kurdish hebrew greek polish ukrainian dutch "
    "swahili somali tigrinya amharic vietnamese tagalog thai malay indonesian latin".split())
#: Particles of family names ("Bin Laden", "Van Buren"): with them, a run of dictionary words is still a person's name.
#: (Shorter particles never reach that test, which looks at words of three letters or more.)
_NAME_PARTICLES = frozenset({"bin", "ibn", "abu", "van", "von", "der", "den", "del", "della", "dos", "mac", "ben"})
#: Speech verbs that show a person after a surname said alone ("… Gabbard told reporters"; see _people_by_evidence).
_PERSON_AFTER = frozenset({"said", "says", "told", "tells", "added", "wrote", "argued", "explained", "insisted",
                           "replied", "testified", "recalled"})
_MODIFIER_TAGS = {"JJ", "JJR", "JJS", "NN", "VBN"}
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "new", "central"}
#: Continents and world regions, which NLTK's gazetteers (countries, states, cities) leave out.
_CONTINENTS = frozenset({"africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "middle east",
                         "latin america", "the caribbean", "caribbean", "scandinavia", "the balkans", "balkans"})
_JURISDICTIONS = {"state", "city", "county", "federal", "local", "tribal", "campus", "border", "municipal"}
_QUANTIFIERS = {"numerous", "many", "several", "some", "all", "other", "various", "few", "most", "more", "such", "these", "those"}


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in read_lexicon_rows("entity_cues"):
        out[row["category"]].add(row["term"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "D.C."


def _is_name_token(text: str, pos: str) -> bool:
    if _INITIALS.fullmatch(text):
        return True
    return pos in ("NNP", "NNPS") and text[:1].isupper() and any(ch.isalpha() for ch in text)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Countries, US states and cities, Canadian provinces and nationalities (NLTK's gazetteers)."""
    return frozenset().union(*(nlp.gazetteer(name) for name in
                               ("countries", "usstates", "uscities", "caprovinces", "nationalities")))


def _classify(words: list[str], cues: dict[str, frozenset[str]]) -> str:
    low = [w.lower().strip(".") for w in words]
    joined = " ".join(low)
    # Any sub-sequence naming a known body. None is longer than the longest known name, so longer pieces are not
    # tried: a run of 2,000 capitalised words stays linear instead of cubic (issue 19: bounded time).
    longest = max((len(t.split()) for cat in ("government_name", "organisation_name") for t in cues.get(cat, ())),
                  default=0)
    for n in range(min(len(low), longest), 0, -1):
        for k in range(0, len(low) - n + 1):
            piece = " ".join(low[k:k + n])
            if piece in cues.get("government_name", ()):
                return "government"
            if piece in cues.get("organisation_name", ()):
                return "organisation"
    # The head is the last word, or the word before "of" or "for" ("Department of Homeland Security", "Joint
    # Council for the Welfare of Immigrants").
    heads = [low[-1]] + [low[k - 1] for k in range(1, len(low)) if low[k] in ("of", "for")]
    if any(h in cues.get("government_head", ()) for h in heads):
        return "government"
    if any(h in cues.get("organisation_head", ()) for h in heads):
        return "organisation"
    if len(low) >= 2 and low[-1] not in _PHYSICAL_PLACE_HEADS and any(
            w in cues.get("organisation_head", ()) for w in low[:-1]):
        return "organisation"  # "Berkeley College Republicans", "Unified School District" (not "Hospital Road")
    places = _places()
    if joined in places or joined.replace(".", "") in {"us", "uk", "usa", "eu"} or low[-1] in _PLACE_HEADS:
        return "place"
    if len(low) >= 2 and (" ".join(w.lower() for w in words) in places or low[0] in ("mt", "ft", "pt")):
        return "place"  # "St. Louis" (as the gazetteer writes it), "Mt. Vernon", "Ft. Worth"
    lowered = [w.lower() for w in words]
    in_place = len(low) >= 2 and any(" ".join(lowered[:k]) in places for k in range(1, min(len(low) - 1, 3) + 1))
    if in_place and low[-1] in _PLACE_PLURALS:
        return "place"  # "Chicago Heights", "Niagara Falls"
    if in_place and low[-1].endswith("s") and low[-1] not in cues.get("group_head", ()) and (
            nlp.lemmatize(low[-1], "NNS") != low[-1] and nlp.is_common_word(nlp.lemmatize(low[-1], "NNS"))):
        return "organisation"  # a place and a dictionary plural: a team or a paper ("St. Louis Cardinals", "New York
        # Times"); not a group ("Texas Democrats") nor a surname ("Chandler Van Voorhis", "Austin Roberts")
    if all(p in places for p in re.split(r"[-\s]", joined) if p) and "-" in joined:
        return "place"
    if len(low) == 2 and low[0] in places and low[1] in ("d.c", "d.c.", "dc", "u.s", "u.s.", "us"):
        return "place"  # "Washington D.C."
    rest = next((k for k in range(len(low)) if low[k] not in _COMPASS), len(low))
    if 0 < rest < len(low) and (" ".join(low[rest:]) in places or " ".join(low[rest:]) in _CONTINENTS):
        return "place"  # "South Australia", "Northern Ireland", "South East Asia"
    if " ".join(low) in _CONTINENTS:
        return "place"
    if any(w in _WEEKDAYS for w in low):
        return "other"  # "Saturday Night Live", "Ash Wednesday": programmes, papers, days
    if low[0] in nlp.first_names() and len(low) >= 2:
        return "person"
    if len(low) >= 2 and any(len(w) == 2 and w[0].isalpha() and w[1] == "." for w in words[:-1]) and \
            len(low[-1]) > 1 and not any(w in _CONNECTORS for w in low):
        return "person"  # an initial with its full stop before a surname: "C. Virgil Martin", "J. Doe"
    if _capitalised_words(words) and not _dictionary_phrase(words):
        return "person"
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return "organisation"
    return "other"


def _capitalised_words(words: Sequence[str]) -> bool:
    """Two or three capitalised words of letters, none all capitals ("Tulsi Gabbard", "Fort Pierce")."""
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words)


def _dictionary_phrase(words: Sequence[str]) -> bool:
    """Whether capitalised words that open with no first name (the branch of :func:`_classify` that asks this has
    checked) are all dictionary words of three letters or more: "Homeland Security", "Fort Pierce", "Silver Spring"
    are not people unless the text shows it (see :func:`_people_by_evidence`). A job before a surname is a person
    ("Geneticist Beadle": the first word's first noun sense is a person and it is no adjective), and so is a name
    with a family-name particle ("Bin Laden")."""
    first = words[0].lower()
    job = wn_lexfiles(first, "n")[:1] == (LEXFILE_PERSON,) and not wn_lexfiles(first, "a")
    return not job and all(len(w) > 2 and nlp.is_common_word(w) and w.lower() not in _NAME_PARTICLES for w in words)


def _people_by_evidence(article: Article, found: list[dict]) -> None:
    """Make people (in place) of the names :func:`_dictionary_phrase` kept from the person kind when the article
    shows they are people: ", who" right after the name ("Young Kim, who …"), or a speech verb after its last word
    alone, as a surname ("… Gabbard told reporters"). A speech verb right after the whole name is no evidence:
    bodies speak too ("Human Rights Watch said"); nor is the last word alone ("on the Mall" after "the National
    Mall")."""
    toks_by = sentence_words(article)
    doubtful = [m for m in found if m["kind"] == "other" and _capitalised_words(m["words"])
                and _dictionary_phrase(m["words"])]
    if not doubtful:
        return
    who, speaks = set(), set()  # names that ", who" follows; single words (surnames) that a speech verb follows
    for m in found:
        low = toks_by[m["sentence_id"]].lower
        k = m["i_end"]
        if 0 <= k < len(low) - 1 and low[k] == "," and low[k + 1] == "who":
            who.add(tuple(m["words"]))
        if len(m["words"]) == 1 and 0 <= k < len(low) and low[k] in _PERSON_AFTER:
            speaks.add(m["words"][0])
    for m in doubtful:
        if tuple(m["words"]) in who or m["words"][-1] in speaks:
            m["kind"] = "person"


def institution_cue(name: str) -> bool:
    """Whether a name shows it is a body or an organisation: a known name ("Home Office", "Reuters") or a
    head word ("... Council", "Department of ...", "Berkeley College Republicans"), as :func:`mentions` types them."""
    cues = _cues()
    low = [w.lower().strip(".") for w in name.split()]
    if not low:
        return False
    names = cues.get("government_name", frozenset()) | cues.get("organisation_name", frozenset())
    heads = cues.get("government_head", frozenset()) | cues.get("organisation_head", frozenset())
    if any(" ".join(low[k:k + n]) in names for n in range(1, len(low) + 1) for k in range(len(low) - n + 1)):
        return True
    if len(low) < 2:
        return False  # a head word alone ("Office", "Center") names no particular body
    return low[-1] in heads or any(low[k - 1] in heads for k in range(1, len(low)) if low[k] == "of") or any(
        w in heads for w in low[:-1])


def _initial_name_tags(texts: tuple[str, ...], tags: tuple[str, ...]) -> tuple[str, ...]:
    """The tags, with a sentence's first word read as a name where the tagger took a capitalised name ending in -s
    for a plural noun ("Reuters reported", "Wikinews interviewed", "Hopkins said"): it is tagged NNS and neither it
    nor its singular is a dictionary word ("Officials said", "Deportations rose" stay common nouns). A capitalised
    word that makes a day's name with the weekday after it ("the Good Friday Agreement", "Black Friday") is a name
    word too, whatever the tagger said, and so are capitals before "&" ("AT&T")."""
    days = [m for m in range(len(texts) - 1) if texts[m][:1].isupper() and texts[m + 1][:1].isupper()
            and tags[m] != "NNP" and ((texts[m].lower(), texts[m + 1].lower()) in _DAY_NAMES or (
                texts[m].lower() in _ANY_DAY_MODIFIERS and texts[m + 1].lower() in _WEEKDAYS))]
    # initials joined by "&" ("AT&T", "S&P"): the tagger reads "AT" as the preposition
    days += [m for m in range(len(texts) - 2) if texts[m + 1] == "&" and texts[m].isupper() and texts[m].isalpha()
             and texts[m + 2][:1].isupper() and tags[m] != "NNP"]
    if days:
        tags = tuple("NNP" if m in days else t for m, t in enumerate(tags))
    k = 1 if texts[:1] in (("“",), ('"',), ("‘",), ("'",)) else 0
    if k >= len(texts) or tags[k] != "NNS" or not texts[k][:1].isupper() or not texts[k][1:].islower():
        return tags
    if nlp.is_common_word(texts[k]):
        return tags
    return tags[:k] + ("NNP",) + tags[k + 1:]


#: Plural words that end the names of places ("Chicago Heights", "Niagara Falls", "Palm Springs").
_PLACE_PLURALS = frozenset("heights springs falls hills rapids lakes woods plains islands isles keys pines oaks shores "
                           "meadows gardens acres flats banks sands highlands lowlands downs mills forks roads".split())
#: Abbreviated first words of places ("St. Louis", "Mt. Vernon", "Ft. Worth", "Pt. Pleasant").
_PLACE_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})
#: Abbreviated titles before a name ("Rep. Ann Lee", "Mr. Smith"): the tokenizer splits off their full stop.
_TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr rep reps sen sens gov gen lt col capt cpl sgt maj adm prof rev hon pres supt det insp".split())


def _join_name_dots(texts, tags, starts, ends) -> tuple[list[str], list[str], list[int], list[int], list[int]]:
    """The tokens of a sentence with the full stop of a middle initial, an abbreviated title or the abbreviated
    first word of a place joined to it when a name follows ("George W. Bush", "Rep. Ann Lee", "Dr. J. Doe", "St.
    Louis", "Mt. Vernon"), so that the name is one run; with each joined token's index after it in the original
    tokens (to map the runs back)."""
    n = len(texts)
    out_t: list[str] = []
    out_p: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    after: list[int] = []
    k = 0
    while k < n:
        prev = texts[k]
        if k + 2 < n and texts[k + 1] == "." and (tags[k] in ("NNP", "NNPS") and (
                (len(prev) == 1 and prev.isupper()) or prev.lower() in _TITLE_ABBREVIATIONS) or (
                prev.lower() in _PLACE_ABBREVIATIONS and prev[:1].isupper())) and (
                _is_name_token(texts[k + 2], tags[k + 2])):
            out_t.append(prev + ".")
            out_p.append(tags[k])
            out_s.append(starts[k])
            out_e.append(ends[k + 1])
            after.append(k + 2)
            k += 2
            continue
        out_t.append(prev)
        out_p.append(tags[k])
        out_s.append(starts[k])
        out_e.append(ends[k])
        after.append(k + 1)
        k += 1
    return out_t, out_p, out_s, out_e, after


def _bracketed_acronym(texts, j: int) -> bool:
    """Whether an acronym in brackets starts at token ``j``: "( ICE )" after a name is an alias of it."""
    return j + 2 < len(texts) and texts[j] == "(" and texts[j + 2] == ")" and texts[j + 1].isupper()


#: Lower-case words an organisation's name may hold that its acronym skips ("Alliance to Reclaim Our Schools").
_ACRONYM_FILLERS = {"of", "to", "for", "and", "the", "on", "in", "at", "de", "&", "a", "an"}


def _acronym_start(texts, start: int, end: int, acronym: str) -> int | None:
    """The first token of the name that ``acronym`` abbreviates, when the capitalised words before ``end`` (the
    name found at ``start`` and words before it, lower-case fillers allowed between them) have its letters as
    initials; None otherwise.

    >>> _acronym_start("the event organizer Alliance to Reclaim Our Schools".split(), 7, 8, "AROS")
    3
    >>> _acronym_start("organizer Reclaim Our Schools".split(), 3, 4, "AROS") is None
    True
    """
    letters = [c for c in acronym.lower() if c.isalpha()]
    caps = [k for k in range(start, end) if texts[k][:1].isupper()]
    k = start
    while k > 0 and len(caps) < len(letters):
        t = texts[k - 1]
        if t[:1].isupper() and t.isalpha():
            caps.insert(0, k - 1)
        elif t.lower() not in _ACRONYM_FILLERS:
            break
        k -= 1
    if caps and [texts[c][0].lower() for c in caps] == letters:
        return caps[0]
    return None


def _raw_mentions(article: Article) -> list[dict]:
    cues = _cues()
    titles = cues.get("person_title", frozenset())
    org_heads = cues.get("government_head", frozenset()) | cues.get("organisation_head", frozenset())
    stop = nlp.stopwords()
    found: list[dict] = []
    # names spelled out by an acronym, with the words the name loop stops at, by their first word
    spelled: dict[str, list[tuple[str, ...]]] = {}
    sents = {s.id: s for s in article.sentences}
    for sid, toks in sentence_words(article).items():
        sent = sents[sid]
        tags0 = _initial_name_tags(toks.text, toks.pos)
        texts, tags, starts, ends, after = _join_name_dots(toks.text, tags0, toks.start, toks.end)
        first = [0] + after[:-1]  # the original index of each (joined) token
        n = len(texts)
        # names an acronym spelled out earlier ("Alliance to Reclaim Our Schools"), written in full again here
        whole = {}
        if spelled:
            for k in range(n):
                for name in spelled.get(texts[k], ()):
                    if k not in whole and tuple(texts[k:k + len(name)]) == name:
                        whole[k] = k + len(name)
        i = 0
        while i < n:
            if i in whole and not (whole[i] < n and _is_name_token(texts[whole[i]], tags[whole[i]])):
                j = whole[i]  # not when a name word follows: "the Alliance to … Schools Foundation" is another body
                words = list(texts[i:j])
                found.append({
                    "surface": article.text[starts[i]:ends[j - 1]], "words": words, "kind": _classify(words, cues),
                    "sentence_id": sid, "start": starts[i], "end": ends[j - 1], "i_start": first[i],
                    "i_end": after[j - 1], "part": sent.part, "title": "",
                })
                if _bracketed_acronym(texts, j):
                    found[-1]["acronym"] = texts[j + 1]
                    j += 3
                i = j
                continue
            # "Will Creely", "Mark Smith": a first name the tagger read as a modal or a verb
            first_name = (texts[i][:1].isupper() and texts[i].lower() in nlp.first_names() and i + 1 < n
                          and _is_name_token(texts[i + 1], tags[i + 1]) and texts[i + 1].lower() not in stop)
            if (not _is_name_token(texts[i], tags[i]) and not first_name) or (
                    i == 0 and texts[i].lower() in stop and not first_name and not (
                        i + 1 < n and texts[i + 1] == "&")) or texts[i].lower() in _WEEKDAYS and not (
                    i + 1 < n and _is_name_token(texts[i + 1], tags[i + 1])
                    and texts[i + 1].lower() not in nlp.first_names()
                    and (i == 0 or texts[i - 1].lower() in _WEEKDAY_NAME_OPENERS)):
                # a weekday that opens no name takes its part of the day with it ("in Washington Tuesday Night"), unless
                # a name goes on after it (then as before: "watched Friday Night Lights" still gives "Night Lights")
                i += 2 if (texts[i].lower() in _WEEKDAYS and i + 1 < n and texts[i + 1].lower() in _DAY_PARTS and not (
                    i + 2 < n and _is_name_token(texts[i + 2], tags[i + 2]))) else 1
                continue
            j = i + 1
            while j < n:
                if _is_name_token(texts[j], tags[j]) and not (
                        texts[j].lower() in _WEEKDAYS and texts[j - 1].lower() not in _DAY_MODIFIERS):
                    j += 1
                    continue
                if texts[j] in ("'s", "’s") and j + 1 < n and texts[j + 1][:1].isupper() and (
                        texts[j + 1].lower().rstrip(".") in COMPANY_FORMS):
                    j += 2  # "McDonald's Corp.": the possessive is part of the company's name
                    continue
                the = int(texts[j].lower() in ("of", "for") and j + 2 < n and texts[j + 1] == "the"
                          and texts[j - 1].lower() in org_heads)  # "Joint Council for the Welfare of Immigrants"
                if texts[j].lower() in _CONNECTORS and j + 1 + the < n and _is_name_token(texts[j + 1 + the],
                                                                                          tags[j + 1 + the]):
                    # "Department of Homeland Security", "Immigration and Customs Enforcement"
                    k = j + 1 + the
                    while k < n and _is_name_token(texts[k], tags[k]):
                        k += 1
                    tail = texts[k - 1].lower()
                    heads = cues.get("government_head", frozenset()) | cues.get("organisation_head", frozenset())
                    if texts[j].lower() != "and" or (tail in heads and texts[j - 1].lower() not in heads):
                        # "Immigration and Customs Enforcement"; not "the Justice Department and General Motors"
                        j = k
                        continue
                break
            words = texts[i:j]
            w0 = i
            if len(words) > 1 and words[0].lower().replace("’", "'") == "i'm":
                i += 1  # "I'm Alice Bryant": a sign-off, the name after the contraction
                words, w0 = words[1:], i
            # Leading titles: "President Trump", "Prime Minister Rishi Sunak".
            title: list[str] = []
            cut = last_title = 0
            for k in range(len(words)):
                if words[k].lower().strip(".") in titles:
                    new_cut = k + 1
                elif k + 1 < len(words) and " ".join(w.lower() for w in words[k:k + 2]) in titles:
                    new_cut = k + 2
                else:
                    continue
                before = words[k - 1].lower().rstrip(".") if k else ""
                if new_cut == len(words) and k > cut and (before in nlp.first_names() or len(before) == 1):
                    break  # a title word after a first name is a surname: "Julie Bishop" (not "County Sheriff")
                if k > cut and words[cut].lower() in nlp.first_names() and new_cut < len(words) and all(
                        w.lower().rstrip(".") in _NAME_SUFFIXES for w in words[new_cut:]):
                    break  # "Martin Luther King Jr.": only a suffix follows the title word, so it is a surname
                    # ("Georgia Gov. Kemp", "Charlotte Mayor Jennifer Roberts" keep their title)
                cut, last_title = new_cut, k
            if 0 < cut < len(words) and words[cut].lower() in _CONNECTORS:
                cut = 0  # "High Commissioner for Refugees": the title is the name of an office
            if 0 < cut < len(words) and words[cut].lower() not in nlp.first_names() and _classify(
                    list(words[last_title:]), cues) in ("organisation", "government"):
                # "General Motors", "Former General Electric": a company, not a person called Motors ("Gov. Janet
                # Mills"); judged from the last title word on ("Homeland Security Secretary Jeh Johnson" is a person)
                cut = 0
            if 0 < cut < len(words):
                title, words, w0 = words[:cut], words[cut:], w0 + cut
            elif cut == len(words):
                words = []
            # "Refugee Council Enver Solomon": an organisation's name run straight into a person's.
            surf_start = i
            split = next((k for k in range(1, len(words) - 2) if words[k].lower() in org_heads
                          and (words[k + 1].lower() in nlp.first_names()
                               or (len(words) - k - 1 == 2 and words[-1].lower() not in org_heads
                                   and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words[k + 1:]))
                               )), None) if not title else None
            if split is not None:
                org = words[:split + 1]
                found.append({
                    "surface": article.text[starts[w0]:ends[w0 + split]], "words": org, "kind": _classify(org, cues), "sentence_id": sid,
                    "start": starts[w0], "end": ends[w0 + split], "i_start": first[w0], "i_end": after[w0 + split],
                    "part": sent.part, "title": "",
                })
                words, w0, surf_start = words[split + 1:], w0 + split + 1, w0 + split + 1
            if words and words[-1].lower() in cues.get("not_actor_head", ()):
                words = []  # names of laws, treaties, prizes: "the First Amendment"
            if len(words) == 1 and words[0].lower().rstrip(".") in COMPANY_FORMS:
                words = []
            if len(words) == 1 and (words[0].lower() in _LANGUAGES or words[0].lower() in nlp.gazetteer("nationalities")):
                words = []  # "questionnaires in English", "Afghan": a language or a nationality, not an actor
            if words and words[0].lower() not in _NOT_NAMES:
                kind = "person" if title or surf_start != i else _classify(words, cues)
                found.append({
                    "surface": article.text[starts[surf_start]:ends[j - 1]], "words": words, "kind": kind,
                    "sentence_id": sid, "start": starts[w0], "end": ends[j - 1],
                    "i_start": first[w0], "i_end": after[j - 1],
                    "part": sent.part, "title": " ".join(title),
                })
                # "(ICE)" right after a name is an alias of it.
                if _bracketed_acronym(texts, j):
                    acronym = texts[j + 1]
                    ext = _acronym_start(texts, w0, j, acronym) if not title else None
                    if ext is not None and ext < w0:
                        # "Alliance to Reclaim Our Schools (AROS)": the acronym spells the whole name, which runs
                        # through words the name loop stops at; the pieces found before it are this one name.
                        found[:-1] = [f for f in found[:-1] if not (
                            f["sentence_id"] == sid and f["i_start"] >= first[ext] and f["i_end"] <= first[w0])]
                        words = list(texts[ext:j])
                        if tuple(words) not in spelled.setdefault(words[0], []):
                            spelled[words[0]].append(tuple(words))
                        found[-1].update({
                            "surface": article.text[starts[ext]:ends[j - 1]], "words": words,
                            "kind": _classify(words, cues), "start": starts[ext], "i_start": first[ext]})
                    found[-1]["acronym"] = acronym
                    j += 3  # the parenthesis is part of this mention, not a second one
                # "Trump's administration" / "Trump administration": the administration is an actor of its own.
                k = j + (1 if j < n and texts[j].lower() in ("'s", "’s") else 0)
                if kind in ("person", "other") and k < n and texts[k].lower() == "administration":
                    found.append({
                        "surface": article.text[starts[w0]:ends[k]], "words": [words[-1], "administration"],
                        "kind": "government", "sentence_id": sid, "start": starts[w0], "end": ends[k],
                        "i_start": first[w0], "i_end": after[k], "part": sent.part, "title": "",
                        "administration_of": words[-1],
                    })
            i = max(j, i + 1)
        found.extend(_group_mentions(article, sid, sent.part, toks.text, tags0, toks.start, toks.end, cues))
    _people_by_evidence(article, found)
    return found + _surname_mentions(article, found)


def _surname_mentions(article: Article, found: list[dict]) -> list[dict]:
    """A person's surname the tagger did not read as a name ("Creely says", tagged as an adverb), or that the name
    loop dropped as a title ("Bishop left" after "Julie Bishop"): a capitalised token, in no other mention, equal
    to the surname of a person named elsewhere in the article; also a transcript's label in capitals ("PENCE:")."""
    # Headlines are set in capitals: their name spans ("Sues Texas") are no evidence of a surname.
    surnames = {m["words"][-1] for m in found if m["kind"] == "person" and m["words"] and m["words"][-1][:1].isupper()
                and m["part"] != "headline"}
    taken = {(m["sentence_id"], k) for m in found if m["i_start"] >= 0 for k in range(m["i_start"], m["i_end"])}
    upper_surnames = {name.lower(): name for name in sorted(surnames)}
    extra = []
    toks_by_sentence = sentence_words(article)
    for sent in article.sentences:
        toks = toks_by_sentence[sent.id]
        if sent.part == "headline" or not toks:
            continue
        for i, (text, pos) in enumerate(zip(toks.text, toks.pos)):
            if i == 0 and len(toks) > 1 and toks.text[1] == ":" and text.isupper() and text.lower() in upper_surnames:
                text = upper_surnames[text.lower()]  # a transcript's speaker label in capitals: "PENCE:", "MCCAIN:"
            if text in surnames and (sent.id, i) not in taken:  # also a surname dropped as a title ("Bishop")
                extra.append({"surface": toks.text[i], "words": [text], "kind": "person", "sentence_id": sent.id,
                              "start": toks.start[i], "end": toks.end[i], "i_start": i, "i_end": i + 1,
                              "part": sent.part, "title": ""})
    return extra


def _is_place_modifier(text: str) -> bool:
    """``U.S.``, ``UK``, ``Mexican``, ``Texas``: a proper-noun place or nationality that can modify a group noun."""
    if not text[:1].isupper():
        return False
    low = text.lower()
    if low.replace(".", "") in {"us", "uk", "usa", "eu"}:
        return True
    return low in nlp.gazetteer("nationalities") or low in nlp.gazetteer("countries") or low in nlp.gazetteer("usstates")


def _verb_after_subject(texts, tags, k: int) -> bool:
    """Whether the word at ``k``, tagged as a participle, follows a name or a pronoun (an adverb between them
    allowed): then it is the clause's verb ("Creely also criticized university officials", where the tagger may
    read the surname itself as an adverb), not a modifier ("the elected officials")."""
    b = k - 1
    if b >= 1 and tags[b] == "RB" and texts[b].islower():
        b -= 1
    return b >= 0 and (tags[b] in ("NNP", "NNPS", "PRP") or texts[b][:1].isupper() and tags[b] in ("RB", "NN", "JJ"))


def _group_mentions(article, sid, part, texts, tags, starts, ends, cues) -> list[dict]:
    heads = cues.get("group_head", frozenset())
    out = []
    low = [t.lower() for t in texts]
    n = len(texts)
    i = 0
    while i < n:
        head_len = 0
        for L in (2, 1):
            if i + L <= n and " ".join(low[i:i + L]) in heads:
                head_len = L
                break
        if low[i] == "administration" and i > 0 and low[i - 1] == "the":
            out.append({"surface": article.text[starts[i - 1]:ends[i]], "words": ["the", "administration"],
                        "kind": "government", "sentence_id": sid, "start": starts[i - 1], "end": ends[i],
                        "i_start": i - 1, "i_end": i + 1, "part": part, "title": "", "bare_administration": True})
        if not head_len or (tags[i].startswith("NNP") and texts[i][:1].isupper() and part != "headline" and low[i] not in ("democrats", "republicans")):
            i += 1
            continue
        k = i
        while k > 0 and i - k < 3 and (tags[k - 1] in _MODIFIER_TAGS or "-" in texts[k - 1]) and low[k - 1] not in nlp.stopwords() and low[k - 1] not in _QUANTIFIERS and texts[k - 1].isalpha() | ("-" in texts[k - 1]):
            if tags[k - 1] == "VBN" and _verb_after_subject(texts, tags, k - 1):
                break  # "Creely also criticized university officials": the verb, read as a participle
            k -= 1
        # "state and city officials", "state or city officials": one modifier, "and"/"or", another modifier.
        if (k < i and k >= 2 and low[k - 1] in ("and", "or") and tags[k - 2] in ("NN", "JJ") and texts[k - 2].isalpha()
                and low[k - 2] not in nlp.stopwords() and (k < 3 or tags[k - 3] not in _MODIFIER_TAGS)):
            k -= 2
        # "U.S. attorneys", "Mexican migrants": a place or nationality in front names the group too.
        if k > 0 and _is_place_modifier(texts[k - 1]):
            k -= 1
        # "immigration law enforcement" is enforcing a law (an activity), not the police.
        if low[i:i + head_len] == ["law", "enforcement"] and any(tags[x] in ("NN", "NNS") and low[x] not in _JURISDICTIONS for x in range(k, i)):
            i += head_len
            continue
        phrase = " ".join(low[k:i + head_len]).replace("’", "'")
        if k < i and _is_place_modifier(texts[k]):
            phrase = " ".join([texts[k], *low[k + 1:i + head_len]]).replace("’", "'")
        out.append({"surface": article.text[starts[k]:ends[i + head_len - 1]], "words": phrase.split(),
                    "kind": "group", "sentence_id": sid, "start": starts[k], "end": ends[i + head_len - 1],
                    "i_start": k, "i_end": i + head_len, "part": part, "title": "", "group": phrase})
        i += head_len
    return out


def _same_first(a: str, b: str) -> bool:
    """Whether two given names can name the same person: equal, or one is the other's initial ("H." and "Hillary")."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _same_given(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two lists of given names (the words before the surname) can name the same person: the first ones
    agree, and where both have middle names or initials they agree too ("George W." is not "George H. W.", but
    "Hillary" is "Hillary Rodham")."""
    if not a or not b or not _same_first(a[0], b[0]):
        return False
    ma, mb = a[1:], b[1:]
    return not ma or not mb or (len(ma) == len(mb) and all(_same_first(x, y) for x, y in zip(ma, mb)))


#: Words that stand before a person's name without being part of it (besides titles and nationalities).
_NAME_DESCRIPTORS = frozenset(
    "former late then acting incoming outgoing retired veteran republican democrat democratic conservative liberal "
    "labour independent premier".split())
#: Generational suffixes after a surname: "Donald Trump Jr." is not Donald Trump.
_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _personal_name(words: Sequence[str]) -> list[str]:
    """A person mention's words from its first name on: the descriptors the name run caught before it are dropped
    ("Republican Donald Trump", "Soviet Premier Nikita S. Khrushchev", "Former Vice-President Richard M. Nixon").
    A descriptor is a title of ``entity_cues.csv``, a nationality (NLTK's gazetteers), a hyphenated word with a
    title in it ("Vice-President", not "Jean-Claude"), one of :data:`_NAME_DESCRIPTORS`, or a dictionary word before
    a first name and a surname (an epithet or a job: "Crooked Hillary Clinton", "Pollster Pat Caddell"; not "Justice
    Thomas", where the word after it is the surname); the surname stays."""
    titles = _cues().get("person_title", frozenset())
    nationalities = nlp.gazetteer("nationalities")
    k = 0
    while k < len(words) - 1:
        low = words[k].lower().rstrip(".")
        # "Crooked Hillary Clinton", "Pollster Pat Caddell": a dictionary word before a first name and a surname (not
        # "Justice Thomas", "Young Kim": there the "first name" is the surname)
        epithet = (len(words) - k >= 3 and words[k + 1].lower() in nlp.first_names() and low not in nlp.first_names()
                   and len(low) > 2 and low.isalpha() and nlp.is_common_word(low))
        if not (low in titles or low in _NAME_DESCRIPTORS or low in nationalities or epithet
                or "-" in low and any(part in titles for part in low.split("-"))):
            break
        k += 1
    return list(words[k:])


def _name_parts(words: Sequence[str]) -> tuple[list[str], str, str]:
    """(given names, surname, suffix) of a person's words: "Robert F. Kennedy Jr" -> (["Robert", "F."], "Kennedy",
    "jr"); the surname is lower case."""
    words = list(words)
    suffix = ""
    if len(words) >= 2 and words[-1].lower().rstrip(".") in _NAME_SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    return words[:-1], words[-1].lower(), suffix


def _ends_with(words: Sequence[str], tail: Sequence[str]) -> bool:
    """Whether a name ends with another one of two or more words: "Chris Van Hollen" and "Van Hollen"."""
    return 2 <= len(tail) < len(words) and [w.lower() for w in words[-len(tail):]] == [w.lower() for w in tail]


#: Titles that show a person's sex.
_TITLE_SEX = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f"}


class _PeopleBySurname:
    """The people named in full in an article's body, by surname, so that a later "Clinton" or "Hillary Clinton"
    gets the fullest name of the same person, and Bill, Hillary and Chelsea Clinton stay three people. A bare
    surname shared by several goes to the one named in full most often (the first named on a tie): news keeps the
    bare surname for its main person and names relatives by first name. A title that shows the sex ("Mrs.
    Kowalski") prefers a first name listed for that sex, then one not listed, never one of the other sex."""

    def __init__(self, persons: list[dict], order: Mapping[str, int]):
        # surname -> entries [given names, words, suffix, count, first position]
        self._names: dict[str, list[list]] = defaultdict(list)
        self._bare: set[str] = set()  # surnames of people named by a surname only ("President Trump")
        named = []
        for m in persons:
            words = _personal_name(m["words"])
            given, surname, suffix = _name_parts(words)
            if not given:
                self._bare.add(surname)
                continue
            named.append(((order[m["sentence_id"]], m["start"]), given, surname, suffix, words))
        # spelled-out given names first, then initials only ("H. Clinton"), so that an initial named first does
        # not absorb two people; an initial that fits several stays a person of its own
        spelled = [n for n in named if len(n[1][0].rstrip(".")) > 1]
        initials = [n for n in named if len(n[1][0].rstrip(".")) <= 1]
        for pos, given, surname, suffix, words in sorted(spelled, key=lambda n: n[0]) + sorted(initials,
                                                                                             key=lambda n: n[0]):
            fits = [e for e in self._names[surname] if e[2] == suffix and _same_given(e[0], given)] or [
                e for e in self._names[surname]
                if e[2] == suffix and (_ends_with(e[1], words) or _ends_with(words, e[1]))]  # "Van Hollen"
            if len(fits) == 1:
                entry = fits[0]
                if len(given) > len(entry[0]) or len(given) == len(entry[0]) and sum(map(len, given)) > sum(
                        map(len, entry[0])):
                    entry[0], entry[1] = given, words  # the fuller name: "Hillary Rodham Clinton", "Hillary" not "H."
                entry[3] += 1
                entry[4] = min(entry[4], pos)
            else:
                self._names[surname].append([given, words, suffix, 1, pos])

    def known(self, surname: str) -> bool:
        return surname.lower() in self._names or surname.lower() in self._bare

    def canonical(self, words: Sequence[str], title: str = "") -> str:
        """The full name a person mention stands for; its own words when none fits."""
        own = _joined(words)
        name = _personal_name(words)
        given, surname, suffix = _name_parts(name)
        entries = [e for e in self._names.get(surname, []) if e[2] == suffix]
        if given:
            entries = [e for e in entries if _same_given(e[0], given)] or [
                e for e in entries if _ends_with(e[1], name)]  # "Van Hollen"
        if not entries:
            return own
        if given and len(given[0].rstrip(".")) > 1:  # "Hillary Clinton": not the "H. Clinton" who may be Henry
            entries = [e for e in entries if len(e[0][0].rstrip(".")) > 1] or entries
        sex = _TITLE_SEX.get(title.lower().rstrip("."), "")
        if sex:
            sexes = nlp.first_name_sexes()
            rank = {e_id: (0 if sexes.get(e[0][0].lower()) == sex else 1 if e[0][0].lower() not in sexes else 2)
                    for e_id, e in enumerate(entries)}
            best = min(rank.values())
            if best == 2:
                return own  # "Mrs. Smith" when only John Smith is named: not him
            entries = [e for e_id, e in enumerate(entries) if rank[e_id] == best]
        entry = min(entries, key=lambda e: (-e[3], e[4]))
        return " ".join(entry[1])


def _joined(words: Sequence[str]) -> str:
    """A name's words as one string, as the text writes it ("McDonald's Corp", "AT&T")."""
    return joined_words(words)


def _resolve(raw: list[dict], article: Article) -> list[dict]:
    """Give each mention its actor's canonical name, merging aliases."""
    persons = [m for m in raw if m["kind"] == "person" and m["part"] != "headline"]
    order = {s.id: s.index for s in article.sentences}
    people = _PeopleBySurname(persons, order)
    acronyms = {m["acronym"]: " ".join(m["words"]) for m in raw if m.get("acronym")}
    admin_names = sorted({f"{m['administration_of']} administration" for m in raw if m.get("administration_of")})
    out = []
    for m in raw:
        m = dict(m)
        name = _joined(m["words"])
        kind = m["kind"]
        if m.get("group"):
            name = m["group"]
        elif m.get("administration_of"):
            name = f"{m['administration_of']} administration"
        elif m.get("bare_administration"):
            name = admin_names[0] if len(admin_names) == 1 else "the administration"
        elif kind == "person" or people.known(m["words"][-1]) and (len(m["words"]) == 1 or kind == "other"):
            # a person's name, or a surname / "Van Hollen" of a person named in full
            full = people.canonical(m["words"], m["title"])
            if kind == "person" or len(m["words"]) == 1 or full != name:
                name, kind = full, "person"
        elif name in acronyms:
            name = acronyms[name]
        m["actor"], m["kind"] = name, kind
        out.append(m)
    # "Trump's administration" names the administration: the possessor is not counted as a mention of its own.
    # (Found by bisecting the mentions in text order: comparing every mention with every such span grew with the
    # square of the article's length.)
    admin_spans = [(m["sentence_id"], m["start"], m["end"]) for m in out if m.get("administration_of")]
    inside: set[int] = set()
    if admin_spans:
        order = sorted(range(len(out)), key=lambda k: (out[k]["sentence_id"], out[k]["start"]))
        keys = [(out[k]["sentence_id"], out[k]["start"]) for k in order]
        for sid, a, b in admin_spans:
            for pos in range(bisect_left(keys, (sid, a)), bisect_right(keys, (sid, b))):
                m = out[order[pos]]
                if m["end"] <= b and (m["start"], m["end"]) != (a, b):
                    inside.add(order[pos])
    out = [m for k, m in enumerate(out) if m.get("administration_of") or k not in inside]
    _merge_body_aliases(out)
    # One kind per actor: the most common (person wins ties, then alphabetical).
    kinds: dict[str, Counter] = defaultdict(Counter)
    for m in out:
        kinds[m["actor"]][m["kind"]] += 1
    for m in out:
        counts = kinds[m["actor"]]
        m["kind"] = sorted(counts, key=lambda k: (-counts[k], k != "person", k))[0]
    # Headlines are set in capitals, so their name spans are unreliable: keep the headline
    # mentions that are a body actor, and look for the body actors' surface forms in them.
    body = [m for m in out if m["part"] != "headline"]
    return body + _headline_mentions(article, body)


_BODY_OF = re.compile(r"^(department|ministry|office|bureau|secretary) of (?:the )?(.+)$", re.I)
_BODY_SUFFIX = re.compile(r"^(.+) (department|ministry|office|bureau|secretary)$", re.I)
_COUNTRY_PREFIX = re.compile(r"^(?:u\.s\.|us|u\.k\.|uk|united states|the) ", re.I)


def _body_key(name: str) -> str:
    """One key for the spellings of a body: "Department of Justice" = "Justice Department",
    "U.S. Immigration and Customs Enforcement" = "Immigration and Customs Enforcement"."""
    low = _COUNTRY_PREFIX.sub("", name.strip()).lower()
    if m := _BODY_OF.match(low):
        return f"{m.group(1)}|{m.group(2)}"
    if m := _BODY_SUFFIX.match(low):
        return f"{m.group(2)}|{m.group(1)}"
    return low


def _merge_body_aliases(out: list[dict]) -> None:
    """Give every spelling of one government body, organisation or group the same name: the most
    mentioned spelling, then the longest, then alphabetical."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for m in out:
        if m["kind"] in ("government", "organisation", "other"):
            groups[_body_key(m["actor"])][m["actor"]] += 1
        elif m["kind"] == "group":  # "state or city officials" = "state and city officials"
            groups["group|" + m["actor"].replace(" or ", " and ")][m["actor"]] += 1
    canon = {}
    for names in groups.values():
        if len(names) > 1:
            best = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
            canon.update({n: best for n in names})
    for m in out:
        if m["kind"] in ("government", "organisation", "other", "group") and m["actor"] in canon:
            m["actor"] = canon[m["actor"]]


def _headline_mentions(article: Article, body: list[dict]) -> list[dict]:
    forms: dict[str, tuple[str, str]] = {}
    for m in body:
        for form in {m["surface"], m["actor"], " ".join(m["words"])}:
            if form and form[:1].isupper():
                forms.setdefault(form, (m["actor"], m["kind"]))
    out = []
    toks_by_sentence = sentence_words(article)
    for sent in article.sentences:
        if sent.part != "headline":
            continue
        toks = toks_by_sentence.get(sent.id)
        tstarts = list(toks.start) if toks is not None else []
        tends = list(toks.end) if toks is not None else []
        taken: list[tuple[int, int]] = []
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            for mt in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", sent.text):
                a, b = sent.start + mt.start(), sent.start + mt.end()
                if any(a < y and x < b for x, y in taken):
                    continue
                taken.append((a, b))
                actor, kind = forms[form]
                i_a = tstarts.index(a) if a in tstarts else -1
                i_b = tends.index(b) + 1 if b in tends and i_a >= 0 else -1
                out.append({"actor": actor, "kind": kind, "surface": form, "sentence_id": sent.id, "start": a,
                            "end": b, "i_start": i_a, "i_end": i_b if i_b > 0 else -1, "part": "headline", "title": ""})
    return out


class Mention(NamedTuple):
    """One mention of a named actor or group: a row of :func:`mentions` (same fields, same order)."""

    actor: str
    kind: str
    surface: str
    sentence_id: str
    start: int
    end: int
    i_start: int
    i_end: int
    part: str




@lru_cache(maxsize=16)
def _mention_rows(article: Article) -> tuple[Mention, ...]:
    rows = [Mention(*(m[c] for c in MENTION_COLUMNS)) for m in _resolve(_raw_mentions(article), article)
            if m["part"] not in ("credits", "dateline")]  # who made the story, and its date: not whom it names
    rows.sort(key=lambda m: (m.start, m.end, m.actor))  # stable: ties keep the order they were found in
    return tuple(rows)


def mention_rows(article: Article) -> tuple[Mention, ...]:
    """The rows of :func:`mentions` as :class:`Mention` tuples, in the same order (by start, end,
    actor). Cached per article: for code that would otherwise filter or walk the table.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nPresident Trump spoke. Trump said the Pentagon would act.")
    >>> [(m.actor, m.kind, m.surface, m.sentence_id) for m in mention_rows(a)]
    [('Trump', 'person', 'President Trump', 's2'), ('Trump', 'person', 'Trump', 's3'), ('Pentagon', 'government', 'Pentagon', 's3')]
    """
    return _mention_rows(article)


def mentions(article: Article) -> pd.DataFrame:
    """Every mention of a named actor or group.

    Columns: actor (canonical name), kind (person, government, organisation, place, group,
    other), surface (text as written), sentence_id, start, end (offsets into article.text),
    i_start, i_end (token positions in the sentence), part (headline, body...).
    Computed once per article (cached); a copy is returned. :func:`mention_rows` gives the same rows
    as tuples.
    """
    return _mentions(article).copy()


@lru_cache(maxsize=16)
def _mentions(article: Article) -> pd.DataFrame:
    rows = _mention_rows(article)
    return pd.DataFrame(rows, columns=MENTION_COLUMNS) if rows else pd.DataFrame(columns=MENTION_COLUMNS)


@lru_cache(maxsize=16)
def _mentions_by_sentence(article: Article) -> Mapping[str, tuple[Mention, ...]]:
    grouped: dict[str, list[Mention]] = {s.id: [] for s in article.sentences}
    for m in _mention_rows(article):
        grouped[m.sentence_id].append(m)
    return MappingProxyType({sid: tuple(ms) for sid, ms in grouped.items()})


def mentions_by_sentence(article: Article) -> Mapping[str, tuple[Mention, ...]]:
    """The rows of :func:`mentions` grouped by sentence id (every sentence present, in reading
    order; mentions in table order). Cached and read-only: for code that walks one sentence at a time.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nThe Pentagon spoke. Nobody answered.")
    >>> [(sid, [m.actor for m in ms]) for sid, ms in mentions_by_sentence(a).items()]
    [('s1', []), ('s2', ['Pentagon']), ('s3', [])]
    """
    return _mentions_by_sentence(article)
