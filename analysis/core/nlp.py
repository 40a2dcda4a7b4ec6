"""The NLP basis on NLTK: sentence spans, tokens with offsets, part-of-speech tags, stopwords, VADER, word lists and
lemmas. Finding NLTK's data is :mod:`analysis.core.resources` (its names are re-exported here)."""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from typing import Sequence

from . import wordnet
from .model_cache import cached
from .resources import (
    RESOURCES,
    NltkResource,
    NLTKResourceError,
    ensure_resources,
    missing_resources,
    require,
    resource_files,
)

__all__ = [
    "warm_models",
    "RESOURCES",
    "NltkResource",
    "missing_resources",
    "ensure_resources",
    "sentence_spans",
    "is_informal",
    "is_picture_credit",
    "word_spans",
    "MAX_PIECE_TOKENS",
    "piece_bounds",
    "pos_tag_sentences",
    "stopwords",
    "vader",
    "opinion_words",
    "first_names",
    "first_name_sexes",
    "gazetteer",
    "lower_case_words",
    "is_common_word",
    "lemmatize",
    "NLTKResourceError",
    "require",
    "resource_files",
    "normalise_token",
]


def _punkt_params_data() -> tuple:
    from nltk.tokenize import PunktTokenizer

    params = PunktTokenizer("english")._params
    return (sorted(params.abbrev_types), sorted(list(c) for c in params.collocations), sorted(params.sent_starters),
            dict(params.ortho_context))


def _is_punkt_data(value) -> bool:
    return isinstance(value, tuple) and len(value) == 4 and all(isinstance(v, list) for v in value[:3]) \
        and isinstance(value[3], dict)


@lru_cache(maxsize=1)
def _punkt():
    require("tokenizers/punkt_tab/english/")
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    abbrev, colloc, starters, ortho = cached("punkt-english", resource_files("tokenizers/punkt_tab/english/"),
                                             _punkt_params_data, _is_punkt_data)
    params = PunktParameters()
    params.abbrev_types = set(abbrev)
    params.collocations = {tuple(c) for c in colloc}
    params.sent_starters = set(starters)
    params.ortho_context.update(ortho)
    # Abbreviations common in news that the bundled model may not know (see nltk_data PROVENANCE).
    params.abbrev_types.update({"sen", "jan", "dec", "no", "sr", "sgt", "approx", "rep", "gov", "gen", "lt", "st"})
    return PunktSentenceTokenizer(params)


#: A numbering label that Punkt takes for a sentence: "1.", "2.1." (a section number), "(b)", "Step 2.", "No. 10."
#: (a caption label such as "Figure 2." is left alone: it often stands apart from its caption).
_LABEL_RE = re.compile(r"(?:\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|(?:Step|Chapter|Section|Part|"
                       r"Article|Rule|No\.|Nos\.)\s+\d{1,4}[a-z]?[.:]?)")
#: A figure's or a table's label that opens a paragraph ("Figure 1.", "Table 2a."): a caption written as a sentence,
#: with its full stop, belongs to it ("Figure 1. Original and mutant application."); a caption set as a bare title
#: ("Figure 1." then "Map of Senegal") is a unit of its own, as GUM's annotators read both (all six such captions of
#: its dev documents). "Where did they sit? Table 4. The waiter …" is no caption: the label does not open it.
_FIGURE_LABEL_RE = re.compile(r"(?:Figure|Fig\.|Table|Chart|Map|Graph|Exhibit|Plate|Listing)\s+\d{1,3}[a-z]?\.")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s*$")
#: What cannot begin a sentence: a run of closing brackets and marks that end or split a clause (the ")." after a
#: citation, the last "!" of "!!!", an emoticon's ":)"); it ends the sentence before. An ellipsis may begin one.
_CLOSING_RUN_RE = re.compile(r"\s*(?:[)\]}!?,;:]|\.(?!\.))[)\]}!?,;:.]*")
#: Abbreviations that introduce an example or a gloss: what follows continues the sentence ("(e.g. The Times)").
_GLOSS_END_RE = re.compile(r"(?:^|[\s(\[])(?:e\.g|i\.e|cf|viz)\.,?$", re.IGNORECASE)
#: An editor's bracketed note after a sentence ("[citation needed]", "[sic]", "[who?]"): it belongs to that sentence.
_EDITOR_NOTE_RE = re.compile(r"\s*(?:\[[a-z][a-z' ]{1,30}\??\]\s*)+(?=$|[A-Z\"“‘'(])")  # not "[the agency] said"
#: The start of a sentence after a tail that was moved to the sentence before: a capital, a digit or an opening mark.
_FRESH_START_RE = re.compile(r"\s*[A-Z0-9\"“‘'(\[]")
_CITATION_RE = re.compile(r"(?:\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]\s*)+")
_LOWER_START_RE = re.compile(r"\s*[a-z]+(?![\w'’-]|\.\w)")  # a whole lower-case word: not "eHow", "iPhone", "e.g."
#: A title or a dating abbreviation at the end of a piece that Punkt closed: what follows is the name or the date it
#: introduces ("Dr. William Glennie", "Mr. Marbles", "c. 1818", "b. March 2009", "div. 1964"), not a new sentence.
_TITLE_END_RE = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Rev|Fr|Gen|Col|Capt|Lt|Sgt|Gov|Sen|Rep|Hon)\.$")
#: The abbreviated first word of a place's or a saint's name at the end of a piece ("Ft. Worth", "Mt. Vernon", "met
#: St. John", "in St. Louis"): see :func:`_place_abbreviation_end`.
_PLACE_ABBREVIATION_END_RE = re.compile(r"(?:^|[\s(])(Mt|Ft|Pt|St|Ste)\.$")
_DATING_END_RE = re.compile(r"(?:^|[\s(\[,;])(?:c|ca|b|d|m|div|fl|r)\.$")
_DATE_START_RE = re.compile(r"\s*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)")
#: A clock time's "a.m."/"p.m." before its time zone ("a 3 p.m. ET briefing"), and an abbreviated label before its
#: number ("Art. 5", "Sec. 2", "Vol. 3", "Fig. 4", "Hwy. 101"): what follows continues the sentence.
_CLOCK_END_RE = re.compile(r"(?:^|[\s\d])(?:a\.m|p\.m|A\.M|P\.M)\.$")
_TIME_ZONE_START_RE = re.compile(r"\s*(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)\b")
#: A wire service's credit never opens a sentence, nor does the dash after a dateline ("PORTLAND, Ore. (AP) — A
#: judge …", "EL PASO, Texas — Agents …"): the piece continues the one before. A dash after a sentence is left
#: alone ("The crowd cheered. — Then silence fell.").
_WIRE_START_RE = re.compile(r"\s*\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|ANSA|EFE|PA)\)")
_DASH_START_RE = re.compile(r"\s*[—–]\s")
_DATELINE_END_RE = re.compile(r"^[A-Z][A-Z .'-]{1,40},(?: [A-Z][A-Za-z]{0,12}\.?){1,3}$")
#: "et al." before the year or number of its citation ("Smith et al. (2019) agree") continues the sentence.
_ET_AL_END_RE = re.compile(r"\bet al\.$")
_CITATION_START_RE = re.compile(r"\s*[(\[]?\d")
_NUMBERED_LABEL_END_RE = re.compile(
    r"(?:^|[\s(])(?:Arts?|Secs?|Vols?|Figs?|Ch|Chap|Paras?|Pt|Eqs?|Rte|Hwy|Apt|Exh?)\.$")
#: A person's two initials at the end of a piece that Punkt closed ("O.J.", "J.D."): a surname follows ("O.J.
#: Simpson", "J.D. Vance"). Initialisms of places and of agencies (three letters in a house style with stops:
#: "detained by I.C.E. Officials said") often end a sentence and are left to Punkt.
_INITIALS_END_RE = re.compile(r"(?:^|[\s(\"“‘'])((?:[A-Z]\.){2})$")
_NOT_BEFORE_INITIALS_RE = re.compile(r"(?:,|\d|\b(?:a|an|his|her|their|its|my|our|your))\s+(?:[A-Z]\.){2}$", re.I)
_PLACE_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "N.Y.", "N.J.", "N.Z.", "U.S.A.",
                             "U.S.S.R.", "P.R.C.", "U.A.E."})
_NAME_START_RE = re.compile(r"\s*([A-Z][a-z]+(?:['’-][A-Za-z]+)?)\b")
#: A piece that is only a bracketed number or year ("(2012).") is not a sentence: it ends the one before.
_BRACKETED_NUMBER_RE = re.compile(r"\s*\(\d{1,4}\)[.,;]?\s*")
#: A reference marker glued to a sentence's full stop ("… in 2003.[4] It was …"): Punkt reads "2003.[4]" as one
#: word and does not end the sentence there; a capital after the marker starts the next one.
_MARKER_BREAK_RE = re.compile(r"[.!?]\s?((?:\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\])+)\s+(?=[A-Z])")
#: A footnote number glued to a word's full stop ("… a publication fee.8 Yet some …"): a capitalised word after it
#: starts a new sentence. (A decimal has a digit before its point: "version 2.0 The".)
#: The same number after the stop and a space, which Punkt puts at the start of the next piece ("fee. 8 Yet some"):
#: it belongs to the sentence before when a discourse adverb follows it ("8 Yet", "9 For example"; not "12 Years a
#: Slave", "12 Of the 15 counties", "1 The vote is on Tuesday").
_FOOTNOTE_START_RE = re.compile(r"(\d{1,2})\s+(?=([A-Z][a-z]*)\b(?:,?\s+([a-z]+))?)")
_DISCOURSE_OPENERS = frozenset("yet however thus hence moreover furthermore indeed meanwhile therefore nevertheless "
                               "nonetheless".split())  # not "Still", "Also", "Finally": they open items and titles
#: Two-word openers of the same kind ("9 For example, …"): the first word alone also opens counts ("12 Of the …").
_DISCOURSE_PAIRS = frozenset({("for", "example"), ("for", "instance"), ("in", "addition"), ("in", "contrast"),
                              ("by", "contrast"), ("in", "fact")})
_WORD_STOP_END_RE = re.compile(r"[a-z][.!?][\"”’')]*\s*$")
_FOOTNOTE_BREAK_RE = re.compile(r"(?<=[a-z]{3}[.!?])(\d{1,2})\s+(?=[A-Z][a-z])")


def sentence_spans(text: str, informal: bool = False) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (NLTK Punkt, English), with these repairs.

    ``informal`` says that the document is informal writing that starts sentences in lower case (see
    :func:`is_informal`): there a lower-case dictionary word with a full stop ends a sentence before any lower-case
    word ("got a ticket lol. apparently they …"), not only before a usual opener.

    * A sentence that starts with a lower-case letter continues the one before: Punkt ends a
      sentence after a quotation closed by ? or ! ("“Why now?” she asked.") and after an
      abbreviation it does not know ("2.5 cm.) deep"); a capital after ?” or !” still starts a new
      sentence ("“Stop!” The crowd left."). Informal writing is the exception: a plain word and its
      full stop, ? or ! before a word that often opens a sentence end one ("i think so. but …").
    * A numbering label alone ("1.", "2.1.", "Step 2.", "No. 10.") belongs to the sentence after it:
      "1. Introduction" is one unit, a heading.
      A paper's abstract label that opens the text and runs into it ("Abstract: In this article …") is a
      heading of its own; a keyword list ("Keywords: …") and labels that news also runs into its text
      ("Background: The dispute began …", "Results: Jan Lee won …") are not split.
    * Reference markers ("[12]") after a full stop belong to the sentence they follow, and a
      sentence made only of markers is none; so do an editor's note ("[citation needed]") and a
      run of closing marks that Punkt put at the start of the next piece ("). ", "! ", ":) ").
    * "e.g.", "i.e.", "cf." and "viz." introduce an example: a capital after them continues.
    * A person's two initials ("O.J.", "J.K.") are followed by a surname, not a new sentence; a place initialism
      before a capitalised function word ends one ("… the U.S. A judge …"); "no." ends one unless a number
      follows ("No. 10"); a piece that is only a bracketed year ("(2012).") ends the one before;
      a picture credit run into its caption ("… Stardust Image: NASA") is a unit of its own; "p.m." before a
      time zone ("3 p.m. ET") and a label before its number ("Art. 5", "Hwy. 101") continue the sentence.

    >>> [s for s, e in sentence_spans("1. Introduction. Step 2. Add salt.")]
    [0, 17]
    >>> t = "“Why now?” she asked. “Stop!” The crowd left. It rained.[3] Then it stopped."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['“Why now?” she asked.', '“Stop!”', 'The crowd left.', 'It rained.[3]', 'Then it stopped.']
    """
    if not text.strip():
        return []
    out: list[list[int]] = []
    for s, e in _extra_breaks(text, _punkt().span_tokenize(text), informal):
        if not text[s:e].strip():
            continue
        m = _CITATION_RE.match(text, s)
        if out and m:
            marker_end = s + len(text[s:m.end()].rstrip())
            out[-1][1] = marker_end
            s = m.end()
            if s >= e:
                continue
        f = _FOOTNOTE_START_RE.match(text, s, e) if out else None
        opener = (f.group(2).lower(), (f.group(3) or "")) if f else ("", "")
        if f and (opener[0] in _DISCOURSE_OPENERS or opener in _DISCOURSE_PAIRS) and _WORD_STOP_END_RE.search(
                text, out[-1][0], s):
            out[-1][1] = f.end(1)  # "… a publication fee. 8 Yet some …": the footnote's number ends the sentence
            s = f.end()
        if out and (_LABEL_RE.fullmatch(text[out[-1][0]:out[-1][1]].strip()) or (
                _FIGURE_LABEL_RE.fullmatch(text[out[-1][0]:out[-1][1]].strip()) and _SENTENCE_END_RE.search(text, s, e)
                and (not text[:out[-1][0]].strip() or text[:out[-1][0]].rstrip(" \t").endswith("\n") or (
                    len(out) > 1 and _FIGURE_LABEL_RE.match(text, out[-2][0]))))):
            # a caption's label opens its line, or follows another caption ("Figure 1. … Figure 2. …")
            out[-1][1] = e
            continue
        tail = (_CLOSING_RUN_RE.match(text, s, e) or _EDITOR_NOTE_RE.match(text, s, e)) if out else None
        if tail:  # the marks or the note end the sentence before; what follows starts a new one only if it can
            out[-1][1] = s + len(text[s:tail.end()].rstrip())
            s = tail.end()
            if not text[s:e].strip():
                continue
            if not _FRESH_START_RE.match(text, s, e):
                out[-1][1] = e
                continue
            s += len(text[s:e]) - len(text[s:e].lstrip())
        prev = text[out[-1][0]:out[-1][1]].rstrip() if out else ""
        start = _LOWER_START_RE.match(text, s)
        if out and start and prev[-1:] in ".?!\"”’')" and not (
                (m := _CASUAL_END_RE.search(prev))
                and _casual_end(m.group(1), m.group(2), start.group().strip(), informal)
                and not _inside_brackets(text, out[-1][0], s)):
            out[-1][1] = e  # "“Why now?” she asked." (but "i think so. but …" is two)
            continue
        if out and _BRACKETED_NUMBER_RE.fullmatch(text, s, e):
            out[-1][1] = s + len(text[s:e].rstrip())
            continue
        if out and (_TITLE_END_RE.search(prev) or _GLOSS_END_RE.search(prev)
                    or (_place_abbreviation_end(prev) and _NAME_START_RE.match(text, s))
                    or (_DATING_END_RE.search(prev) and _DATE_START_RE.match(text, s))
                    or _initials_before_name(prev, text, s)
                    or (_CLOCK_END_RE.search(prev) and _TIME_ZONE_START_RE.match(text, s))
                    or (_NUMBERED_LABEL_END_RE.search(prev) and text[s:s + 1].isdigit())
                    or (_ET_AL_END_RE.search(prev) and _CITATION_START_RE.match(text, s))
                    or _WIRE_START_RE.match(text, s)
                    or (_DASH_START_RE.match(text, s) and _DATELINE_END_RE.match(prev))):
            out[-1][1] = e
            continue
        out.append([s, e])
    return _split_time_stamps(text, out)


def _split_time_stamps(text: str, spans) -> list[tuple[int, int]]:
    """``spans`` with a transcript's time stamp before a speaker label in capitals split off as a unit of its own
    ("6:13 P.M. EDT | THE PRESIDENT: Thank you."). Done on the final spans, after Punkt's cut at "P.M." before a
    zone ("6:13 P.M. | EST THE PRESIDENT: …") has been joined back, so that every zone is read the same way."""
    result = []
    for s, e in spans:
        stamp = _TIME_STAMP_BREAK_RE.match(text, s, e)
        if stamp:
            result.append((s, stamp.end()))
            s = stamp.end() + len(text[stamp.end():e]) - len(text[stamp.end():e].lstrip())
        result.append((s, e))
    return result


def _place_abbreviation_end(prev: str) -> bool:
    """Whether ``prev`` ends with the abbreviated first word of a place's or a saint's name, so that the name follows
    ("Ft. Worth", "Mt. Vernon", "met St. John", "in St. Louis"). "St." after a capitalised word that is no function
    word is a street ("on Main St. The house …") and ends the sentence as Punkt decides."""
    m = _PLACE_ABBREVIATION_END_RE.search(prev)
    if not m:
        return False
    if m.group(1) not in ("St", "Ste"):
        return True
    before = prev[:m.start()].split()[-1:]
    return not (before and before[0][:1].isupper() and before[0].lower() not in stopwords())


def _initials_before_name(prev: str, text: str, start: int) -> bool:
    """Whether ``prev`` ends with a person's initials and the piece at ``start`` opens with the surname: a
    capitalised word that is no dictionary word ("Simpson", "Vance"; not "Residents", "Afterward"). Initials
    after a comma are a state ("Charleston, S.C."), after a number an era ("300 B.C."), after "a"/"his" a degree
    ("his J.D."). Surnames that are also words ("J.R. Smith") are missed: the sentence ends there."""
    m = _INITIALS_END_RE.search(prev)
    if not m or m.group(1) in _PLACE_INITIALS or _NOT_BEFORE_INITIALS_RE.search(prev):
        return False
    word = _NAME_START_RE.match(text, start)
    if not word:
        return False
    lower = word.group(1).lower()
    return lower not in stopwords() and lower not in _punkt()._params.sent_starters and not is_common_word(lower)


#: "no." ends a sentence ("The answer was no. Voters …"); it abbreviates "number" only before one ("No. 10").
#: "etc." and "et al." end one before a capital ("… field work, etc. Manuscript review …"): a list or a list of
#: authors is not followed by a name in the same sentence.
_NO_BREAK_RE = re.compile(
    r"(?<![\w.])(?:[Nn]o\.(?=\s+[A-Z\"“‘(])|etc\.(?=\s+[\"“‘]?[A-Z])|et al\.(?=\s+[A-Z][a-z]))")
#: A street's abbreviated type after its name, before a capitalised function word ("… on Macadam Ave. A man …"):
#: Punkt knows the abbreviation and keeps going; a name may go on ("Park Ave. Armory"), a function word may not.
#: ("St." is left to Punkt: it is also "Saint", as in "Clyst St. Mary".)
_STREET_BREAK_RE = re.compile(r"\b[A-Z][a-z]+ (?:Ave|Blvd|Rd)\.(?=\s+[\"“‘]?([A-Z][a-z]*)\b(?![-'’.]))")
#: A place initialism before a capitalised word ("… deported from the U.S. A judge …"): Punkt knows "U.S." as an
#: abbreviation and keeps going unless the word is one it has seen open sentences; a function word always opens one.
_PLACE_INITIALS_NEXT_RE = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})\s+([A-Z][a-z]*)\b(?![-'’.])")
#: A picture credit after a caption without a full stop ("… of the spacecraft Image: NASA"), or whose stop is an
#: abbreviation's that Punkt kept ("… held in Washington D.C. Image: US Navy."), starts a unit of its own: one such
#: word, then a name to the end of the piece (capitalised words, "of", "et al."), so that a title
#: ("titled Images: New York …", "the show Photograph: The Early Years toured") is left alone.
_CREDIT_BREAK_RE = re.compile(
    r"(?<=[\w).])\s+(?=(?:Image|Photo|Photograph|Picture|Illustration|Credit)\s?[:;]\s+"
    r"[A-Z][\w'’.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|of|for|and|the|via|de|van|von|et al\.)){0,6}\.?\s*$)")


#: A picture credit that is a unit of its own: "Image: UK Government.", "Photo: Jane Doe/Reuters", "Credit: NASA".
_CREDIT_RE = re.compile(
    r"(?:Image|Photo|Photograph|Picture|Illustration|Credit)s?\s?[:;]\s+"
    r"[A-Z][\w'’./-]*(?:,?\s+(?:[A-Z][\w'’./-]*|of|for|and|the|via|de|van|von|et al\.)){0,8}\.?\s*")


def is_picture_credit(text: str) -> bool:
    """Whether a sentence is a picture credit: "Image", "Photo", "Picture" or "Credit", a colon and a name.

    >>> is_picture_credit("Image: UK Government."), is_picture_credit("Photo: Jane Doe/Reuters")
    (True, True)
    >>> is_picture_credit("Image: the minister said the plan would fail.")
    False
    """
    return _CREDIT_RE.fullmatch(text.strip()) is not None


#: A transcript's time stamp before a speaker label in capitals ("6:13 P.M. EDT THE PRESIDENT: Thank you."): the
#: time is a unit of its own, as it is on its own line in the transcript.
_TIME_STAMP_BREAK_RE = re.compile(
    r"\s*\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?)(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T))?"
    r"(?=\s+(?:[A-Z][A-Z.'’-]*\s+){0,4}[A-Z][A-Z.'’-]+:)")

#: A direct question that a colon introduces, to the end of the piece: "… and ask: Who stood up for the law?" is two
#: sentences (GUM's convention); a quoted one ('asked: "Why?"') stays within its sentence.
_QUESTION_BREAK_RE = re.compile(r"(?<=[a-z]):\s+(?=[A-Z][^.?!:;\"“”]*\?[\"”’)]*\s*$)")


#: Informal text that starts sentences in lower case ("i think so. but maybe not lol. anyway, what do you think? idk"):
#: a plain lower-case word ending in . ? or ! (not after a number: "42 min.", "12 in.") before another lower-case word.
_CASUAL_END = r"(?<![\w.'’-])(?<!\d )([a-z]+)([.!?]+)"
_CASUAL_BREAK_RE = re.compile(_CASUAL_END + r"(?=\s+([a-z]+))")
_CASUAL_END_RE = re.compile(_CASUAL_END + "$")


def _casual_end(word: str, marks: str, after: str, informal: bool = False) -> bool:
    """Whether a lower-case ``word`` with its closing ``marks`` ends a sentence although a lower-case word, ``after``,
    follows: after ! always; after ? or a full stop when ``after`` often opens a sentence of informal writing ("think?
    idk", "so. but", not "for huh? in particular", a word cited, nor "a temp. worker"), or is any word in an
    ``informal`` document, and after a full stop only for a dictionary word of three letters or more, or a short one
    listed, that is no abbreviation Punkt knows ("approx.", "etc." do not end one)."""
    if marks[0] == "!":
        return True
    if after not in _CASUAL_OPENERS and not informal:
        return False
    if marks[0] == "?":
        return True
    abbreviations = _punkt()._params.abbrev_types
    common = lower_case_words()
    return marks == "." and word not in abbreviations and (
        len(word) >= 3 and (word in common or lemmatize(word, "NNS") in common or lemmatize(word, "VBD") in common)
        or word in _CASUAL_WORDS or word in _CASUAL_SHORT)


#: Lower-case words that often open a sentence of informal writing.
_CASUAL_OPENERS = frozenset("i we you he she they it but and so anyway idk maybe well also then or lol yes yeah no ok "
                            "what how why who where when if this that there".split())
#: Two-letter words that end sentences ("i think so. but …"); not "no." (a number's label), "us." ("U.S.") or
#: prepositions ("12 in.").
_CASUAL_SHORT = frozenset({"so", "it", "me", "up", "do", "go", "be", "he", "we", "ok", "is"})
#: Words of informal writing that end sentences but are no dictionary entries.
_CASUAL_WORDS = frozenset({"lol", "lmao", "idk", "tbh", "imo", "haha", "yeah", "yep", "nope", "omg", "btw"})


def _inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a bracket opened after ``start`` and closed within the next 200 characters
    ("(lit. garden of children)", "(why? see below)"). An emoticon's bracket (":(", ":-)") opens and closes
    nothing, and a bracket that never closes ("broke my phone (again. so i …") holds nothing."""
    opened = len(_OPEN_BRACKET_RE.findall(text, start, pos)) - len(_CLOSE_BRACKET_RE.findall(text, start, pos))
    return opened > 0 and bool(_CLOSE_BRACKET_RE.search(text, pos, pos + 200))


_OPEN_BRACKET_RE = re.compile(r"(?<![:;=8-])\(")
_CLOSE_BRACKET_RE = re.compile(r"(?<![:;=8-])\)")


def is_informal(text: str) -> bool:
    """Whether ``text`` is informal writing that starts sentences in lower case: the pronoun "i" is written in lower
    case at least twice ("i think", "i dont", "i'm"), or at least two paragraphs, and one in ten, of those of five
    words or more that hold a sentence-ending mark open with a lower-case word and a sentence inside a paragraph
    starts with a usual opener in lower case ("so I parked …. but …"). Quotations are left out (an article that
    quotes a lower-case post is not informal). Edited prose has neither: "iPhone", "eBay", "(i)", a maths index
    ("let i be", "if i is odd", "each i the"), lower-case list items and "de Blasio" do not count.

    >>> is_informal("so i parked there. got a ticket lol. anyway i paid it")
    True
    >>> is_informal("The iPhone sold well. eBay listed it. Analysts (i) agreed and (ii) left.")
    False
    """
    text = _QUOTED_RE.sub(" ", text)
    pronouns = 0
    for m in _LOWER_I_RE.finditer(text):
        word = (m.group(1) or "").replace("’", "'")
        before = text[max(0, m.start() - 12):m.start()].split()[-1:]
        if before and before[0].lower() in _INDEX_CUES:
            continue  # "let i be", "each i the", "the variable i was"
        pronouns += (not word or word in _AFTER_I or word.endswith("n't")
                     or (word not in stopwords() and word not in _INDEX_VERBS))
        if pronouns >= 2:
            return True
    paragraphs = [p.lstrip() for p in text.split("\n") if len(p.split()) >= 5 and re.search(r"[.!?]", p)]
    opened = sum(1 for p in paragraphs if (m := _LOWER_WORD_RE.match(p)) and not (
        m.group(1) in _NAME_PARTICLES and m.group(2)))
    inside = any(_casual_end(m.group(1), m.group(2), m.group(3)) for m in _CASUAL_BREAK_RE.finditer(text))
    return opened >= 2 and opened * 10 >= len(paragraphs) and inside


#: The pronoun "i" in lower case: with a contraction ("i'm"), or before a word that is no function word ("i think",
#: "i dont", "i literally") or an auxiliary ("i was", "i just"); not the Italian article in a quotation ("i porti":
#: quotations are left out) and not a maths index (after "let", "each", "variable"; before "is", "be", "denotes").
_LOWER_I_RE = re.compile(r"(?<![\w'’.(\[-])i(?:['’](?:m|ve|d|ll)\b|\s+([a-z]+?(?:n['’]t)?)\b(?!['’]))")
_AFTER_I = frozenset("am was have had do did don't didn't can can't could will would should just really also never "
                     "still always".split())
_INDEX_CUES = frozenset("let each every suppose variable index letter subscript where".split())
_INDEX_VERBS = frozenset("denote denotes ranges range runs equals squared indexes indexes".split())
_QUOTED_RE = re.compile(r"“[^”]{0,2000}”|\"[^\"\n]{0,2000}\"")
#: A paragraph's lower-case first word, and whether a capitalised word follows it (a name's particle: "de Blasio").
_LOWER_WORD_RE = re.compile(r"([a-z]+)(?=[\s,])(\s+[A-Z])?")
_NAME_PARTICLES = frozenset("de van von da di du la le del della der den ten ter bin al".split())


#: A paper's abstract label that opens a paragraph and runs into its text ("Abstract: In this article we …") is a
#: heading, a unit of its own; a keyword list ("Keywords: mutation; GIS") is not. Other section names also run into
#: the text of news and fiction ("Background: The dispute began …", "Results: Jan Lee won …", "Conclusion: The
#: butler did it") and are left alone.
_SECTION_LABEL_RE = re.compile(r"\s*Abstract\s?:(?=\s+[\"“‘(]?[A-Z])")


def _extra_breaks(text: str, spans, informal: bool = False) -> list[tuple[int, int]]:
    """Punkt's spans, each split after a reference marker glued to a full stop when a capital follows, after
    "no.", "etc." or "et al." before a capital, after a paper's abstract label that opens the text ("Abstract:"),
    after a place initialism ("U.S.") before a capitalised function word, before a picture credit ("Image: …"),
    after a sentence of informal writing that the next one continues in lower case (see :func:`_casual_end`), and
    after a colon that introduces a direct question ending the span. (A transcript's time stamp is split off at the
    end, by :func:`_split_time_stamps`.)"""
    out = []
    for s, e in spans:
        label = _SECTION_LABEL_RE.match(text, s, e) if s == 0 else None
        if label and text[label.end():e].strip():
            out.append((s, label.end()))
            s = label.end() + len(text[label.end():e]) - len(text[label.end():e].lstrip())
        cuts = sorted([(m.end(1), m.end()) for m in _MARKER_BREAK_RE.finditer(text, s, e)]
                      + [(m.end(1), m.end()) for m in _FOOTNOTE_BREAK_RE.finditer(text, s, e)]

                      + [(m.end(), m.end()) for m in _NO_BREAK_RE.finditer(text, s, e)]
                      + [(m.end(), m.end()) for m in _STREET_BREAK_RE.finditer(text, s, e)
                         if m.group(1).lower() in stopwords()]
                      + [(m.start(), m.end()) for m in _CREDIT_BREAK_RE.finditer(text, s, e)]
                      + [(m.end(1), m.start(2)) for m in _PLACE_INITIALS_NEXT_RE.finditer(text, s, e)
                         if m.group(1) in _PLACE_INITIALS and m.group(2).lower() in stopwords()]
                      + [(m.end(), m.end()) for m in _CASUAL_BREAK_RE.finditer(text, s, e)
                         if _casual_end(m.group(1), m.group(2), m.group(3), informal)
                         and not _inside_brackets(text, s, m.start())])
        for cut, resume in cuts:
            if cut > s and text[s:cut].strip():
                out.append((s, cut))
                s = resume
            while s < e and text[s].isspace():
                s += 1
        q = _QUESTION_BREAK_RE.search(text, s, e)
        if q and len(text[s:q.start()].split()) >= 3:
            out.append((s, q.start() + 1))
            s = q.end()
        out.append((s, e))
    return out


# Tokens: abbreviations like U.S., numbers with separators, words with inner hyphens or
# apostrophes (possessive 's split off as its own token, as the Penn Treebank does), symbols.
_TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])          # U.S.  U.K.  a.m.
    | \d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?\b  # 1,500  2.5  10:30  2nd  1990s
    | \w+(?:[-\u2010\u2011]\w+)*?(?:n['\u2019]t)?(?=['\u2019][sS]\b)   # Trump before 's
    | ['\u2019][sS]\b                        # possessive 's
    | \w+(?:[-\u2010\u2011'\u2019]\w+)*     # words, hyphenated words, don't
    | \.\.\.|--|[^\w\s]                      # punctuation
    """,
    re.VERBOSE | re.UNICODE,
)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the word and punctuation tokens of ``text``.

    >>> t = "Trump’s 1,500 troops."
    >>> [t[s:e] for s, e in word_spans(t)]
    ['Trump', '’s', '1,500', 'troops', '.']
    """
    return [m.span() for m in _TOKEN_RE.finditer(text)]


#: Longest run of tokens the steps that look around each word (descriptors, quotations, a figure's
#: context) see at once. A longer sentence (no real one comes near: the bundled articles' longest has 85
#: tokens) is cut into pieces for those steps, so that their cost stays linear in the text whatever its
#: shape: one 100,000-word "sentence" costs about what the same words in sentences cost.
MAX_PIECE_TOKENS: int = 250

# Tokens a sentence may be cut after: clause punctuation.
_CLAUSE_ENDS = frozenset({",", ";", ":", "--", "\u2013", "\u2014", ")", "]"})


def piece_bounds(tokens: Sequence[str], *, max_tokens: int = MAX_PIECE_TOKENS) -> list[tuple[int, int]]:
    """Token ranges ``[lo, hi)`` that cut a sentence into pieces of at most ``max_tokens`` tokens, each cut
    after the last clause punctuation mark in the second half of the piece, or at ``max_tokens`` if there
    is none. A sentence that is not over-long is one piece.

    >>> piece_bounds("a b , c d e".split(), max_tokens=4)
    [(0, 3), (3, 6)]
    >>> piece_bounds(["w"] * 5, max_tokens=10)
    [(0, 5)]
    """
    n = len(tokens)
    out: list[tuple[int, int]] = []
    lo = 0
    while n - lo > max_tokens:
        hi = lo + max_tokens
        cut = next((k + 1 for k in range(hi - 1, lo + max_tokens // 2 - 1, -1) if tokens[k] in _CLAUSE_ENDS), hi)
        out.append((lo, cut))
        lo = cut
    out.append((lo, n))
    return out


_QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "--"})


def normalise_token(token: str) -> str:
    """The form given to the tagger: curly quotes and dashes made ASCII.

    >>> normalise_token("’s")
    "'s"
    """
    return token.translate(_QUOTE_MAP)


@lru_cache(maxsize=1)
def _tagger():
    require("taggers/averaged_perceptron_tagger_eng/")
    from nltk.tag.perceptron import PerceptronTagger

    return PerceptronTagger(lang="eng")


def warm_models() -> None:
    """Load the tagger and Punkt once, so the per-user model cache holds them (``python -m analysis setup``)."""
    _tagger_indexed()
    _punkt()


def _tagger_data() -> tuple:
    tagger = _tagger()
    return tagger.tagdict, tagger.model.weights, sorted(tagger.model.classes)


def _is_tagger_data(value) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], dict) \
        and isinstance(value[1], dict) and isinstance(value[2], list)


@lru_cache(maxsize=1)
def _tagger_model() -> tuple[dict, dict, tuple[str, ...]]:
    """NLTK's averaged-perceptron English model: (tag dictionary, feature weights, every tag), from the per-user
    model cache when it is there (:mod:`analysis.core.model_cache`: 0.1 s instead of 1 s of JSON parsing)."""
    require("taggers/averaged_perceptron_tagger_eng/")
    tagdict, weights, classes = cached("perceptron-eng", resource_files("taggers/averaged_perceptron_tagger_eng/"),
                                       _tagger_data, _is_tagger_data)
    return tagdict, weights, tuple(classes)


def _index_weights(weights: dict, classes: Sequence[str]) -> dict[str, tuple[tuple[int, float], ...]]:
    """The model's weights with each tag as its position in ``classes``: feature -> ((tag index, weight), ...),
    in the order NLTK stores them (so scores are summed in the same order)."""
    position = {t: i for i, t in enumerate(classes)}
    return {f: tuple((position[t], w) for t, w in d.items()) for f, d in weights.items()}


def _indexed_data() -> tuple:
    tagdict, weights, classes = _tagger_model()
    return tagdict, _index_weights(weights, classes), list(classes)


@lru_cache(maxsize=1)
def _tagger_indexed() -> tuple[dict, dict, tuple[str, ...]]:
    """The tagger's model as :func:`_perceptron_tags` reads it (tag dictionary, indexed weights, every tag, sorted),
    kept in the model cache in that form (scores then live in a list instead of a dict of tags: a quarter faster)."""
    require("taggers/averaged_perceptron_tagger_eng/")
    tagdict, weights, classes = cached("perceptron-indexed-eng",
                                       resource_files("taggers/averaged_perceptron_tagger_eng/"),
                                       _indexed_data, _is_tagger_data)
    return tagdict, weights, tuple(classes)


def _tagger_form(word: str) -> str:
    """The form of a word the perceptron's context features use (as NLTK's ``PerceptronTagger.normalize``):
    hyphenated words, four-digit numbers and other numbers become classes; the rest lower case."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if len(word) == 4 and word.isdigit():
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


#: (last three letters, first letter) -> the tag scores of the tagger's first three features ("bias", "i suffix",
#: "i pref1"), summed from zero in that order: filled as words are tagged (see :func:`_perceptron_tags`); the
#: key None holds the model the sums belong to.
_WORD_SHAPE_SCORES: dict = {}


def _perceptron_tags(words: Sequence[str]) -> list[str]:
    """Tags for one sentence from NLTK's averaged-perceptron model, decided as ``PerceptronTagger.tag``
    decides them (Honnibal 2013, "A good part-of-speech tagger in about 200 lines of Python"), in a
    leaner loop.

    Unambiguous frequent words take their tag from the tag dictionary. Every other word gets the 14
    context features of the model (suffixes, first letter, the two previous tags, the words around it);
    each tag scores the sum of its weights over those features (from 0, added in feature order) and the
    highest score wins, ties going to the alphabetically last tag. NLTK's loop
    spends most of its time building a feature dictionary and calling a key function for each of the
    ~45 tags; here the features are a tuple of strings and the best tag is found from the scores alone.
    ``tests/core/test_tokens.py`` checks the tags equal NLTK's on every bundled and corpus article.
    """
    tagdict, weights, tags = _tagger_indexed()
    n_tags = len(tags)
    last = n_tags - 1
    if _WORD_SHAPE_SCORES.get(None) is not weights:  # another model (tests swap in their own): start afresh
        _WORD_SHAPE_SCORES.clear()
        _WORD_SHAPE_SCORES[None] = weights
    context = ["-START-", "-START2-", *map(_tagger_form, words), "-END-", "-END2-"]
    prev, prev2 = "-START-", "-START2-"
    out: list[str] = []
    for i, word in enumerate(words):
        tag = tagdict.get(word)
        if not tag:
            here, before, after = context[i + 2], context[i + 1], context[i + 3]
            # The first three features depend only on the word's last three letters and its first: their sum (in
            # the same order, so the same floats) is kept per pair; "bias" alone touches every tag.
            key = (word[-3:], word[0] if word else "")
            start = _WORD_SHAPE_SCORES.get(key)
            if start is None:
                scores = [0.0] * n_tags
                for feature in ("bias", "i suffix " + key[0], "i pref1 " + key[1]):
                    w = weights.get(feature)
                    if w:
                        for j, weight in w:
                            scores[j] += weight
                if len(_WORD_SHAPE_SCORES) >= 50_000:  # bounded, whatever the corpus
                    _WORD_SHAPE_SCORES.clear()
                    _WORD_SHAPE_SCORES[None] = weights
                _WORD_SHAPE_SCORES[key] = start = array("d", scores)
            scores = start.tolist()
            for feature in (
                "i-1 tag " + prev,
                "i-2 tag " + prev2,
                "i tag+i-2 tag " + prev + " " + prev2,
                "i word " + here,
                "i-1 tag+i word " + prev + " " + here,
                "i-1 word " + before,
                "i-1 suffix " + before[-3:],
                "i-2 word " + context[i],
                "i+1 word " + after,
                "i+1 suffix " + after[-3:],
                "i+2 word " + context[i + 4],
            ):
                w = weights.get(feature)
                if w:
                    for j, weight in w:
                        scores[j] += weight
            # ``tags`` is sorted, so the alphabetically last of the tied best tags is the last best position
            # (found from the end at C speed).
            scores.reverse()
            tag = tags[last - scores.index(max(scores))]
        out.append(tag)
        prev2, prev = prev, tag
    return out


def pos_tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Penn Treebank tags for each sentence's tokens (NLTK averaged perceptron).

    >>> pos_tag_sentences([["The", "Pentagon", "announced", "plans", "."]])
    [['DT', 'NNP', 'VBD', 'NNS', '.']]
    """
    out: list[list[str]] = []
    for toks in sentences:
        if not toks:
            out.append([])
            continue
        norm = []
        for t in toks:
            n = normalise_token(t)
            if n == '"':
                n = "''"
            norm.append(n)
        out.append(_perceptron_tags(norm))
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """NLTK's English stopword list (lower case), plus the possessive and contraction pieces."""
    require("corpora/stopwords")
    from nltk.corpus import stopwords as sw

    return frozenset(sw.words("english")) | {"'s", "’s", "n't", "also", "would", "could", "may", "might", "must"}


@lru_cache(maxsize=1)
def vader():
    """A cached VADER ``SentimentIntensityAnalyzer`` (Hutto & Gilbert 2014), with NLTK's scoring and lexicon.

    Its ``polarity_scores`` reads each sentence's words with :func:`_lean_sentitext` instead of NLTK's
    ``SentiText``, which does the same job by building every punctuation-and-word pair of the sentence
    first (most of VADER's time on news sentences). The scores are NLTK's: ``tests/core/test_nlp.py``
    compares them on every sentence of the bundled and corpus articles. Should a future NLTK score
    differently (no ``SentiText`` in ``polarity_scores``), the stock analyzer is used unchanged.
    """
    import types

    require("sentiment/vader_lexicon.zip")
    from nltk.sentiment import vader as nltk_vader

    stock = nltk_vader.SentimentIntensityAnalyzer.polarity_scores
    analyzer = nltk_vader.SentimentIntensityAnalyzer()
    if "SentiText" in stock.__code__.co_names:
        names = dict(stock.__globals__, SentiText=_lean_sentitext())
        lean = types.FunctionType(stock.__code__, names, stock.__name__, stock.__defaults__, stock.__closure__)
        analyzer.polarity_scores = types.MethodType(lean, analyzer)
    return analyzer


@lru_cache(maxsize=1)
def _lean_sentitext() -> type:
    """NLTK's ``SentiText`` with a direct way of finding a sentence's words.

    VADER keeps the whitespace-separated tokens of more than one character and replaces a token that is
    a word with one punctuation mark (or run such as "!!") from its list before or after it by the bare
    word, where the bare words are those of the sentence with all ASCII punctuation removed. NLTK finds
    these by building the dictionary of every (mark, word) pair. A bare word holds no ASCII punctuation,
    so the mark must be exactly the token's leading or trailing run of punctuation: strip it and check.
    """
    import string

    from nltk.sentiment.vader import SentiText

    punctuation = string.punctuation

    class LeanSentiText(SentiText):
        def _words_and_emoticons(self) -> list[str]:
            marks = set(self.PUNC_LIST)
            bare = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
            words = [w for w in self.text.split() if len(w) > 1]
            for i, w in enumerate(words):
                word = w.rstrip(punctuation)
                if word != w and w[len(word):] in marks and word in bare:
                    words[i] = word
                    continue
                word = w.lstrip(punctuation)
                if word != w and w[:len(w) - len(word)] in marks and word in bare:
                    words[i] = word
            return words

    return LeanSentiText


@lru_cache(maxsize=1)
def opinion_words() -> dict[str, str]:
    """Hu & Liu (2004) opinion lexicon: word -> 'positive' | 'negative'."""
    require("corpora/opinion_lexicon")
    from nltk.corpus import opinion_lexicon

    words = {w: "negative" for w in opinion_lexicon.negative()}
    words.update({w: "positive" for w in opinion_lexicon.positive()})
    return words


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names from NLTK's ``names`` corpus (Kantrowitz), lower case."""
    require("corpora/names")
    from nltk.corpus import names

    return frozenset(n.lower() for n in names.words())


@lru_cache(maxsize=1)
def first_name_sexes() -> dict[str, str]:
    """First name (lower case) -> "m" or "f" when NLTK's ``names`` corpus lists it under one sex only
    (Kantrowitz's lists); names listed under both are left out."""
    require("corpora/names")
    from nltk.corpus import names

    male = {n.lower() for n in names.words("male.txt")}
    female = {n.lower() for n in names.words("female.txt")}
    return {**{n: "m" for n in male - female}, **{n: "f" for n in female - male}}


@lru_cache(maxsize=8)
def gazetteer(kind: str) -> frozenset[str]:
    """Place names from NLTK's ``gazetteers`` corpus: kind is countries, usstates, uscities, nationalities, ...

    Returned lower case.
    """
    require("corpora/gazetteers")
    from nltk.corpus import gazetteers

    return frozenset(w.strip().lower() for w in gazetteers.words(f"{kind}.txt") if w.strip())


def _word_list() -> frozenset[str]:
    from nltk.corpus import words

    return frozenset(w.lower() for w in words.words())


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """NLTK's ``words`` corpus (an English word list), lower case: validates lemma candidates. Kept in the model
    cache (0.02 s instead of 0.3 s of reading the corpus)."""
    require("corpora/words")
    return cached("words-lower", resource_files("corpora/words/"), _word_list,
                  lambda v: isinstance(v, frozenset) and len(v) > 1000)


def _lower_case_entries() -> frozenset[str]:
    from nltk.corpus import words

    return frozenset(w for w in words.words() if w.islower())


@lru_cache(maxsize=1)
def lower_case_words() -> frozenset[str]:
    """The entries of NLTK's ``words`` corpus that are written in lower case (common words, not names), from the
    model cache (reading the corpus took about 0.08 s per process)."""
    require("corpora/words")
    return cached("words-lower-case-entries", resource_files("corpora/words/"), _lower_case_entries,
                  lambda v: isinstance(v, frozenset) and len(v) > 1000)


def is_common_word(word: str) -> bool:
    """Whether ``word`` (in any case) or its singular is a lower-case entry of the word list: a common noun, not
    a name.

    >>> [is_common_word(w) for w in ("Officials", "Deportations", "Reuters", "Simpson")]
    [True, True, False, False]
    """
    low = word.lower()
    common = lower_case_words()
    return low in common or lemmatize(low, "NNS") in common


@lru_cache(maxsize=4)
def _exceptions(pos: str) -> dict[str, str]:
    """WordNet's irregular forms for a part of speech (``verb.exc``: said -> say), read from the zip."""
    import nltk

    require("corpora/wordnet")
    name = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}[pos]
    text = nltk.data.load(f"corpora/wordnet.zip/wordnet/{name}.exc", format="text")
    out: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.setdefault(parts[0], parts[1])
    return out


# WordNet's "morphy" detachment rules (Miller et al., WordNet morphy(7WN)), checked against a word list.
_RULES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
_PTB_TO_WN = {"N": "n", "V": "v", "J": "a", "R": "r"}


@lru_cache(maxsize=65536)
def lemmatize(word: str, pos: str = "NN") -> str:
    """Lemma of a lower-case word given its Penn tag: WordNet's irregular forms, then its
    detachment rules, accepting a candidate found in NLTK's word list (no WordNet index load,
    which takes seconds); for a verb, the first candidate in WordNet's verb index wins (the word
    list also holds "responde" and "doe").

    >>> lemmatize("raids", "NNS"), lemmatize("issued", "VBN"), lemmatize("said", "VBD"), lemmatize("news", "NN")
    ('raid', 'issue', 'say', 'news')
    >>> lemmatize("responded", "VBD"), lemmatize("doing", "VBG"), lemmatize("contended", "VBD")
    ('respond', 'do', 'contend')
    """
    wn_pos = _PTB_TO_WN.get(pos[:1], "n")
    w = word.lower()
    exc = _exceptions(wn_pos).get(w)
    if exc:
        return exc
    dictionary = _dictionary()
    if wn_pos == "n" and (w in dictionary or w.endswith(("ss", "us"))):
        return w  # the word list holds base forms (and plurale tantum such as "news", "politics")
    found = []
    for suffix, repl in _RULES[wn_pos]:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            cand = w[: len(w) - len(suffix)] + repl
            if cand in dictionary:
                found.append(cand)
            elif suffix in ("ed", "ing") and len(cand) > 2 and cand[-1] == cand[-2] and cand[:-1] in dictionary:
                found.append(cand[:-1])  # doubled consonant: "stopped" -> "stopp" is not a word, "stop" is
            elif wn_pos == "v" and suffix in ("ed", "ing", "s", "es"):
                found.append(cand)  # a verb the word list lacks ("contended"): WordNet decides below
            if found and (wn_pos != "v" or _wordnet_verb(found[0])):
                return found[0]
    # For a verb, the first candidate in WordNet's verb index: "responded" is "respond", not the word-list entry
    # "responde"; "doing" is "do", not "doe". Else the first word-list candidate, as before.
    verbs = [c for c in found if _wordnet_verb(c)]
    if verbs:
        return verbs[0]
    return next((c for c in found if c in dictionary), w)


def _wordnet_verb(word: str) -> bool:
    """Whether WordNet's verb index lists ``word``, one word (False when WordNet is not installed)."""
    if " " in word or "_" in word:
        return False
    try:
        return bool(wordnet.wn_offsets(word, "v"))
    except NLTKResourceError:
        return False
