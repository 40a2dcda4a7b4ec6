"""Figures in one article: every number with its value, kind, what it counts, its hedge, who states it and when; figures that disagree; matches with user-checked reference figures."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, Sequence

import pandas as pd

from .article import Article, Sentence
from .tokens import SentenceWords, sentence_words

__all__ = [
    "numbers",
    "figures",
    "consistency",
    "number_rows",
    "conflict_rows",
    "Number",
    "Conflict",
    "reference_figures",
    "reference_matches",
    "parse_number_words",
    "summary_section",
    "FIGURE_COLUMNS",
    "FIGURE_KINDS",
    "CONSISTENCY_COLUMNS",
    "REFERENCE_COLUMNS",
]

#: Kinds of number. Only count, money, percent, duration and other (measures, ratios) are figures;
#: year, date and time (clock time) are dates, ordinals include list numbering, label is a number
#: that is part of a name ("COVID-19", "Title 42").
FIGURE_KINDS = ("count", "money", "percent", "duration", "other", "year", "date", "time", "ordinal", "label")
_FIGURE_KINDS = {"count", "money", "percent", "duration", "other"}

FIGURE_COLUMNS = [
    "sentence_id", "text", "value", "value_high", "kind", "unit", "counts", "approximation", "rounded",
    "source", "time", "start", "end", "context", "is_figure",
    # added in 0.2: stable id, the bound's meaning, the source's kind, the article part, who found it,
    # and the ids of figures that count the same thing with another value.
    "id", "bound", "source_kind", "part", "extractor", "conflicts_with",
]
CONSISTENCY_COLUMNS = [
    "counts", "kind", "unit", "id_a", "sentence_a", "part_a", "text_a", "value_a",
    "id_b", "sentence_b", "part_b", "text_b", "value_b", "ratio", "note",
]
REFERENCE_COLUMNS = ["topic", "value", "unit", "source", "date", "url", "example", "note"]


class Number(NamedTuple):
    """One number expression: a row of :func:`numbers` (same fields, same order; ``conflicts_with`` is
    a tuple here, a list in the table)."""

    sentence_id: str
    text: str
    value: float
    value_high: float | None
    kind: str
    unit: str
    counts: str | None
    approximation: str | None
    rounded: bool
    source: str | None
    time: str | None
    start: int
    end: int
    context: str
    is_figure: bool
    id: str
    bound: str | None
    source_kind: str | None
    part: str
    extractor: str
    conflicts_with: tuple[str, ...]


class Conflict(NamedTuple):
    """Two figures that count the same thing with values that do not overlap: a row of :func:`consistency`."""

    counts: str | None
    kind: str
    unit: str
    id_a: str
    sentence_a: str
    part_a: str
    text_a: str
    value_a: float
    id_b: str
    sentence_b: str
    part_b: str
    text_b: str
    value_b: float
    ratio: float | None
    note: str

# ---------------------------------------------------------------- number words

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
                 "tn": 1_000_000_000_000}
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                   "tenth": 10, "tenths": 10}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DURATION_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "night",
                   "week": "week", "fortnight": "fortnight", "month": "month", "year": "year",
                   "decade": "decade", "century": "century", "centurie": "century"}
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "A$": "AUD", "C$": "CAD",
                     "NZ$": "NZD", "HK$": "HKD", "USD": "USD", "EUR": "EUR", "GBP": "GBP"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "cents": "cent",
                   "yen": "JPY", "yuan": "CNY", "rupees": "INR", "pesos": "MXN"}
_LABEL_WORDS = {"title", "section", "article", "chapter", "proposition", "prop", "route", "interstate",
                "highway", "flight", "room", "no", "number", "amendment", "resolution", "rule", "paragraph",
                "page", "level", "phase", "stage", "category", "class", "grade", "version", "season",
                "episode", "gate", "terminal", "platform", "district", "ward", "precinct", "unit", "covid",
                "windows", "iphone", "apollo", "boeing", "airbus", "act", "bill", "form", "schedule", "tier"}

_W_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_W_TEN = "|".join(_TENS)
_W_SCALE = "|".join(_SCALES)
_NUMWORD = rf"(?:(?:{_W_TEN})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_W_UNIT}|{_W_SCALE})"
# A run of number words ("fourteen", "Sixty one", "one hundred and twenty", "two million").
_WORDSEQ = rf"{_NUMWORD}(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand))\s+and\s+){_NUMWORD})*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ATOM_RE = re.compile(
    rf"""
    (?<![\w.,/:])(?<!\w-)
    (?P<cur>US\$|A\$|C\$|NZ\$|HK\$|[$£€¥]|(?:USD|EUR|GBP)\s?)?
    (?:
        (?P<digits>{_DIGITS})(?:\s?(?P<scale>{_W_SCALE})\b|(?P<short>bn|mn|tn|m|k|b)\b)?
      | (?P<halfof>half\s+an?\s+(?:{_W_SCALE}|dozen))\b
      | (?P<quarterof>a\s+quarter\s+of\s+an?\s+(?:{_W_SCALE}))\b
      | (?P<a_scale>an?\s+(?:{_W_SCALE}|dozen))\b
      | (?P<words>{_WORDSEQ})(?:\s+(?P<dozen>dozen))?\b
    )
    (?P<andhalf>\s+and\s+a\s+half\b(?:\s+(?P<scale2>{_W_SCALE})\b)?)?
    (?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FRACTION_RE = re.compile(
    r"""(?<![\w-])
    (?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<den>halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\s+of\b(?!\s+an?\s+(?:million|billion|trillion|thousand|hundred|dozen)\b)
      | (?P<half>half)(?=\s+(?:of|the|all|its|their|his|her|our|a|an|as)\b)
      | (?P<a>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a\s+hundred)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def parse_number_words(text: str) -> float | None:
    """Value of a number written in words (``None`` when it is not one).

    >>> parse_number_words("fourteen"), parse_number_words("twenty-five"), parse_number_words("half a")
    (14.0, 25.0, 0.5)
    >>> parse_number_words("one hundred and twenty"), parse_number_words("half a million"), parse_number_words("a dozen")
    (120.0, 500000.0, 12.0)
    >>> parse_number_words("Sixty one"), parse_number_words("a time") is None
    (61.0, True)
    """
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if t in ("a dozen", "dozen"):
        return 12.0
    if t == "half a":
        return 0.5
    if t == "a quarter of a":
        return 0.25
    m = re.fullmatch(r"half an? (\w+)", t)
    if m:
        inner = 12.0 if m.group(1) == "dozen" else _SCALES.get(m.group(1))
        return None if inner is None else inner / 2
    m = re.fullmatch(r"a quarter of an? (\w+)", t)
    if m:
        return None if m.group(1) not in _SCALES else _SCALES[m.group(1)] / 4
    m = re.fullmatch(r"an? (\w+)", t)
    if m:
        return 12.0 if m.group(1) == "dozen" else (float(_SCALES[m.group(1)]) if m.group(1) in _SCALES else None)
    words = [w for w in t.split() if w != "and"]
    if not words:
        return None
    dozen = words[-1] == "dozen" and len(words) > 1
    if dozen:
        words = words[:-1]
    total, current = 0, 0
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
    value = float(total + current)
    return value * 12 if dozen else value


def _valid_prefix(words: list[str]) -> int:
    """How many leading number words form one number ("Sixty one" yes, "one two" no)."""
    last = None
    for k, w in enumerate(words):
        cls = "unit" if w in _UNITS and _UNITS[w] < 10 else "teen" if w in _UNITS else "ten" if w in _TENS else "scale"
        if last in ("unit", "teen") and cls in ("unit", "teen", "ten"):
            return k
        if last == "ten" and cls in ("teen", "ten"):
            return k
        last = cls
    return len(words)


# ---------------------------------------------------------------- spans


@dataclass(frozen=True)
class _Span:
    a: int  # offsets in the sentence text
    b: int
    value: float
    high: float | None = None
    currency: str | None = None
    pct: str | None = None
    scaled: bool = False
    words: bool = False
    digits: bool = False
    glued: str = ""  # letters glued to the digits ("5km")
    fraction: bool = False


def _atoms(text: str) -> list[_Span]:
    """Single numbers in a sentence, with their currency, scale and percent sign (ranges come later)."""
    out: list[_Span] = []
    for m in _ATOM_RE.finditer(text):
        a = m.start()
        cur = (m.group("cur") or "").strip() or None
        pct = (m.group("pct") or "").strip() or None
        glued = ""
        words = False
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
            scaled = bool(m.group("scale"))
            if scaled:
                value *= _SCALES[m.group("scale").lower()]
            short = (m.group("short") or "").lower()
            if short:
                nxt = re.match(r"\s+([a-z]+)", text[m.end("short"):])
                # "$5m", "3bn", and "14m people"/"14m staff" are scaled; a bare "5m" is left to quantulum3 (metres?)
                if cur or short in ("bn", "mn", "tn") or (nxt and (nxt.group(1).endswith("s") or nxt.group(1) in ("people", "staff", "children", "men", "women"))):
                    value *= _SHORT_SCALES[short]
                    scaled = True
                else:
                    glued = short
            end_num = m.end("short") if m.group("short") and not glued else m.end("scale") if scaled and m.group("scale") else m.end("digits")
            if glued:
                end_num = m.end("digits")
            elif re.match(r"[A-Za-z]", text[end_num:]) and not re.match(r"(?:st|nd|rd|th)\b", text[end_num:], re.I):
                glued = re.match(r"[A-Za-z]+", text[end_num:]).group(0)
        elif m.group("halfof") or m.group("quarterof") or m.group("a_scale"):
            group = "halfof" if m.group("halfof") else "quarterof" if m.group("quarterof") else "a_scale"
            value = parse_number_words(m.group(group))
            if value is None:
                continue
            scaled, words, end_num = True, True, m.end(group)
        else:
            raw = m.group("words")
            parts = [w for w in re.split(r"[\s-]+", raw) if w.lower() != "and"]
            keep = _valid_prefix([w.lower() for w in parts])
            dozen = bool(m.group("dozen"))
            if keep < len(parts):  # "one two": keep the first number only
                count, cut = 0, len(raw)
                for wm in re.finditer(r"[A-Za-z]+", raw):
                    if wm.group(0).lower() == "and":
                        continue
                    if count == keep:
                        cut = wm.start()
                        break
                    count += 1
                raw = raw[:cut].rstrip(" -")
                out_end = m.start("words") + len(raw)
                value = parse_number_words(raw)
                if value is None:
                    continue
                out.append(_Span(a, out_end, value, currency=cur, words=True,
                                 scaled=any(w.lower() in _SCALES for w in raw.split())))
                continue
            value = parse_number_words(raw + (" dozen" if dozen else ""))
            if value is None:
                continue
            scaled = dozen or any(w.lower() in _SCALES for w in re.split(r"[\s-]+", raw))
            words = True
            end_num = m.end("dozen") if dozen else m.end("words")
        if m.group("andhalf") and not glued:  # "two and a half", "2 and a half million"
            value += 0.5 * (_scale_of(value) if scaled else 1.0)
            end_num = m.end("andhalf")
            if m.group("scale2"):
                value *= _SCALES[m.group("scale2").lower()]
                scaled = True
        if pct and not glued:
            end_num = m.end("pct")
        elif glued:
            pct = None
        out.append(_Span(a, end_num, value, currency=cur, pct=pct, scaled=scaled, words=words,
                         digits=bool(m.group("digits")), glued=glued))
    return out


def _scale_of(value: float) -> float:
    """The scale word's size in an already scaled value (2,000,000 -> 1,000,000)."""
    for size in sorted(_SCALES.values(), reverse=True):
        if value >= size:
            return float(size)
    return 1.0


_CHANGE_VERBS = {"rose", "risen", "rise", "rises", "rising", "grew", "grown", "grow", "grows", "increased",
                 "increase", "increases", "fell", "fallen", "fall", "falls", "dropped", "drop", "drops",
                 "declined", "decline", "declines", "jumped", "jump", "climbed", "climb", "doubled", "tripled",
                 "halved", "slipped", "surged", "soared", "plunged", "shrank", "shrunk", "went", "up", "down",
                 "cut", "raised", "reduced", "lowered", "changed", "moved", "swung"}


def _merge_ranges(text: str, atoms: list[_Span]) -> list[_Span]:
    """Join "3 to 5", "between 20 and 53", "8–10", "two or three" into one span with a high value."""
    out: list[_Span] = []
    k = 0
    while k < len(atoms):
        x = atoms[k]
        if k + 1 < len(atoms):
            y = atoms[k + 1]
            between = text[x.b:y.a]
            sep = re.fullmatch(r"\s*(to|-|–|—|and|or)\s*", between, re.I)
            if sep and not x.glued:
                word = sep.group(1).lower()
                before = text[:x.a].lower()
                ok = True
                if word == "and":
                    ok = re.search(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,3}$", before) is not None
                if word == "to" and re.search(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?[$£€]?$", before):
                    verb = re.findall(r"[a-z]+", before)[-4:-1]
                    ok = not any(v in _CHANGE_VERBS for v in verb)
                    if not ok:  # "rose from 4 to 5 percent": two figures, both percentages
                        if y.pct and not x.pct:
                            x = replace(x, pct=y.pct)
                        if y.scaled and not x.scaled and x.value < y.value:
                            x = replace(x, value=x.value * y.value / _leading(y, text), scaled=True)
                        if y.currency and not x.currency:
                            x = replace(x, currency=y.currency)
                if word in ("-", "–", "—") and (x.words != y.words):
                    ok = False
                if ok and (x.currency or None) == (y.currency or x.currency) and (not x.pct or y.pct):
                    low = x.value
                    if y.scaled and not x.scaled and x.value < y.value:
                        scale = y.value / _leading(y, text)
                        low = x.value * scale
                    if low <= y.value:
                        out.append(_Span(x.a, y.b, low, high=y.value, currency=x.currency or y.currency,
                                         pct=y.pct or x.pct, scaled=x.scaled or y.scaled, words=x.words or y.words,
                                         digits=x.digits or y.digits, glued=y.glued))
                        k += 2
                        continue
        out.append(x)
        k += 1
    return out


def _leading(span: _Span, text: str) -> float:
    """The written number of a scaled span before its scale word ("5" in "5 million")."""
    m = re.search(r"[\d.,]+", text[span.a:span.b])
    if m:
        try:
            return float(m.group(0).replace(",", "")) or 1.0
        except ValueError:
            return 1.0
    raw = re.sub(rf"\s*\b(?:{_W_SCALE})\b.*$", "", text[span.a:span.b], flags=re.I)
    return parse_number_words(raw) or 1.0


def _fractions(text: str, taken: list[tuple[int, int]]) -> list[_Span]:
    out = []
    for m in _FRACTION_RE.finditer(text):
        a, b = m.start(), m.end()
        if any(a < y and x < b for x, y in taken):
            continue
        if m.group("half"):
            after = text[b:]
            if re.match(r"\s+(?:a|an)\s+(?:million|billion|trillion|dozen|hundred|thousand)\b", after, re.I):
                continue
            if re.match(r"\s+as\b", after, re.I):
                out.append(_Span(a, b, 0.5, fraction=True, words=True, pct="ratio"))
                continue
            dur = re.match(r"\s+(?:an?)\s+(second|minute|hour|day|week|month|year|decade|century)\b", after, re.I)
            if dur:
                out.append(_Span(a, b + dur.end(), 0.5, fraction=True, words=True, pct="duration:" + dur.group(1).lower()))
                continue
            if re.search(r"(?:second|first|other|the|latter|former)\s+$", text[:a], re.I):
                continue  # "the second half of the year"
            out.append(_Span(a, b, 50.0, fraction=True, words=True, pct="%"))
            continue
        if m.group("den"):
            num = m.group("num").lower()
            n = 1 if num in ("a", "an") else _UNITS[num]
            d = _FRACTION_WORDS[m.group("den").lower()]
            end = b - len(re.search(r"\s+of$", m.group(0)).group(0))
            out.append(_Span(a, end, round(100 * n / d, 2), fraction=True, words=True, pct="%"))
            continue
        x = m.group("a").lower()
        y = re.sub(r"^a\s+", "", m.group("b").lower())
        xv = float(x) if x.isdigit() else _UNITS.get(x)
        yv = float(y) if y.isdigit() else (_UNITS.get(y) or _TENS.get(y) or (100 if y == "hundred" else None))
        if xv is None or not yv or xv > yv:
            continue
        out.append(_Span(a, b, round(100 * xv / yv, 2), fraction=True, words=not x.isdigit(), pct="%"))
    return out


# ---------------------------------------------------------------- quantulum3 (units of measure)

_Q_SKIP_ENTITIES = {"dimensionless", "unknown", "time", "currency", "count"}
_Q_ISO = {"dollar": "USD", "united states dollar": "USD", "pound sterling": "GBP", "euro": "EUR", "yen": "JPY",
          "japanese yen": "JPY"}


@lru_cache(maxsize=1)
def _quantulum_parser():
    """quantulum3's parser, with its optional scikit-learn classifier switched off so results are the same
    offline, with or without scikit-learn (the heuristic disambiguation is used)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from quantulum3 import classifier, parser
        except Exception:  # noqa: BLE001 - quantulum3 is optional at run time
            return None
    classifier.USE_CLF = False
    return parser


@lru_cache(maxsize=2048)
def _quantulum(text: str) -> tuple[tuple[int, int, str, str, str, float], ...]:
    """(start, end, unit name, entity name, unit surface, value) of each quantity quantulum3 finds."""
    parser = _quantulum_parser()
    if parser is None:
        return ()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = parser.parse(text)
        except Exception:  # noqa: BLE001 - a parser failure must not stop the analysis
            return ()
    out = []
    for q in found:
        a, b = q.span
        surface = text[a:b]
        unit_surface = re.sub(r"^[\W\d.,]*(?:\s|-)*", "", surface)
        out.append((a, b, q.unit.name, q.unit.entity.name, unit_surface, float(q.value)))
    return tuple(out)


_MONEY_CONTEXT = re.compile(r"\b(?:paid|pay|pays|paying|earn\w*|cost\w*|spen[dt]\w*|fine[ds]?|worth|price\w*|salar\w+|wages?|budget\w*|fund\w*|sterling|bill|fee\w*|charg\w+|tax\w*)\b", re.I)
_TEMPERATURE_CONTEXT = re.compile(r"\b(?:temperature\w*|hot|hotter|cold|colder|heat\w*|warm\w*|cool\w*|freez\w+|celsius|fahrenheit)\b", re.I)


# Words that can follow a number as a unit of measure. quantulum3 (and the inflect/typeguard stack it
# imports, several seconds per process) is only consulted when one of these follows the number.
_UNIT_WORDS = (
    r"(?:sq(?:uare)?\.?\s+|cubic\s+)?(?:km|kilomet|met(?:re|er)|cm|mm|mile|mi\b|yard|feet|foot|ft\b|inch|"
    r"kg|kilo|gram|g\b|tonne|ton|pound|lb|ounce|oz\b|lit(?:re|er)|gallon|barrel|acre|hectare|ha\b|degree|"
    r"mph|km/h|kph|knot|watt|kw|mw|gw|kwh|mwh|gwh|volt|calorie|kcal|byte|kb|mb|gb|tb|bit|hertz|hz|decibel|db\b|"
    r"celsius|fahrenheit|nautical)"
)
# After a number's span: a unit word, a degree sign or a percent sign.
_UNIT_HINT = re.compile(r"^\s*-?\s*(?:[°%]|" + _UNIT_WORDS + ")", re.I)
# A digit followed by a unit word: the only sentences quantulum3 is asked about at all (a percent
# sign is not enough: the rules above read percentages themselves).
_UNIT_AFTER_DIGIT = re.compile(r"\d(?=\s*-?\s*(?:°|" + _UNIT_WORDS + "))", re.I)


def _measure_unit(text: str, span: _Span) -> tuple[str, str, int] | None:
    """quantulum3's unit for a plain number, as (kind, unit, new end), with its known false positives removed."""
    if not _UNIT_HINT.match(text[span.b:]):
        return None
    for a, b, unit, entity, usurf, _value in _quantulum(text):
        if not (a <= span.a < b or span.a <= a < span.b):
            continue
        if entity in _Q_SKIP_ENTITIES and entity != "currency":
            return None
        tail = text[span.b:b]
        if b <= span.b or not tail.strip(" -"):
            return None
        word = tail.strip(" -").split()[0] if tail.strip(" -") else ""
        if unit == "inch" and word.lower() in ("in", "in."):
            return None  # "22 In Chicago": the preposition, not inches
        if entity == "currency":
            if unit in ("pound sterling",) and word.lower().startswith("pound"):
                return "money", "GBP", b
            return None
        if len(word) == 1 and word.lower() in ("a", "i"):
            return None
        if entity == "percentage":
            return None
        if unit == "pound-mass" and _MONEY_CONTEXT.search(" ".join(re.findall(r"[A-Za-z]+", text[:span.a])[-2:])):
            return "money", "GBP", b  # quantulum3 reads "paid 40 pounds" as a weight
        if unit == "degree angle" and _TEMPERATURE_CONTEXT.search(text):
            unit = "degree (temperature)"
        return "other", unit, b
    return None


# ---------------------------------------------------------------- typing


@dataclass(frozen=True)
class _Number:
    a: int
    b: int
    value: float
    high: float | None
    kind: str
    unit: str
    counts_hint: str | None = None
    extractor: str = "article-lens"
    scaled: bool = False
    words: bool = False
    fraction: bool = False
    age: bool = False


_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b")
_DUR_AFTER = re.compile(
    r"^(?P<sep>\s+|-|\s*-\s*)(?:(?P<adj>working|business|calendar|straight|consecutive)\s+)?"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie)s?\b(?P<poss>['’])?",
    re.I,
)
_AGE_AFTER = re.compile(r"^(?:\s*-\s*|\s+)(?:years?|months?|weeks?)\s*-\s*olds?\b|^\s+(?:years?|months?)\s+old\b", re.I)


def _type(text: str, span: _Span, sentence: Sentence, first_token: bool, next_tag: str = "") -> _Number | None:
    raw = text[span.a:span.b]
    before = text[:span.a]
    after = text[span.b:]
    low_before = before.lower()
    value, high = span.value, span.high

    if span.fraction:
        if span.pct == "ratio":
            return _Number(span.a, span.b, value, None, "other", "ratio", fraction=True, words=True)
        if span.pct and span.pct.startswith("duration:"):
            return _Number(span.a, span.b, value, None, "duration", span.pct.split(":")[1], fraction=True, words=True)
        return _Number(span.a, span.b, value, None, "percent", "%", fraction=True, words=span.words)

    # Bare "one" as a pronoun or in fixed phrases is not a figure: "one of the", "no one", "one another".
    if span.words and not span.scaled and raw.lower() == "one":
        if (re.match(r"^\s+(?:of|another|anything|thing|such|day\s+(?:he|she|they|we|i)\b)\b", after, re.I)
                or re.match(r"^['’]s\b|^-(?:sided|off|time|way|third|half)\b", after, re.I)
                or re.search(r"\b(?:no|the|this|that|which|any|every|each|some|another|any|at)\s+$", low_before)):
            return None
    if span.words and not span.scaled and raw.lower() == "one":
        if re.match(r"^\s+(?:during|which|that|who|whom|where|whose|when)\b|^\s*[.,;:]?\s*$", after, re.I) and re.search(r"\b(?:a|an|the|was|is|be|very)\s+(?:\w+\s+)?$", low_before):
            return None  # "a very serious one", "was one during which"
        if re.search(r"\b(?:a|an)\s+\w+\s+$", low_before):
            return None  # "a serious one"

    # List numbering: "1." / "2)" / "(3)" opening a sentence.
    if first_token and span.digits and not span.currency and re.match(r"^\s*[.)](?:\s|$)", after) and value < 100:
        return _Number(span.a, span.b, value, None, "ordinal", "list number")
    # Numbers that are part of a name: "COVID-19", "F-35", "G7", "Title 42", "No. 10".
    if span.digits and not span.currency and not span.pct:
        if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:^|\s)(?:[A-Za-z]{2,}|a|A)$", before):
            return _Number(span.a, span.b, value, None, "label", "part of a name")
        prev = re.findall(r"([A-Za-z]+)\.?\s*$", before)
        if prev and prev[0].lower() in _LABEL_WORDS and prev[0][:1].isupper() and not re.match(rf"^\s*(?:{_MONTHS})", prev[0]):
            return _Number(span.a, span.b, value, None, "label", "part of a name")
    # Ordinals: "2nd", "21st".
    if span.digits and re.match(r"^(?:st|nd|rd|th)\b", after, re.I):
        return _Number(span.a, span.b + 2, value, None, "ordinal", "")
    # Clock times: "10:30", "3 p.m.".
    if span.digits and not span.currency:
        m = re.match(r"^:(\d{2})\b(?:\s?(?:a\.m\.|p\.m\.|am|pm)(?=\W|$))?", after, re.I)
        if m and value <= 24:
            return _Number(span.a, span.b + m.end(), value, None, "time", "clock time")
        m = re.match(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", after, re.I)
        if m and value <= 12:
            return _Number(span.a, span.b + m.end(), value, None, "time", "clock time")
    # Dates: "Jan. 8", "October 25, 2022", "25 October", "2024-05-01", "8/1/2024".
    if span.digits and not span.currency and not span.pct:
        m = re.match(r"^[-/]\d{1,2}[-/]\d{2,4}\b", after)
        if m and float(value) <= 31 or (m and 1000 < value < 2100):
            return _Number(span.a, span.b + m.end(), value, None, "date", "")
        if value == int(value) and 1 <= value <= 31 and high is None and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
            return _Number(span.a, span.b, value, None, "date", "")
        # Years: 1600-2099 without a comma, unless a plural noun follows and no time preposition precedes.
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", raw) or (high is not None and re.fullmatch(r"(?:1[6-9]|20)\d\d\s*(?:-|–|to|and)\s*(?:(?:1[6-9]|20)?\d\d)", raw)):
            decade = re.match(r"^['’]?s\b", after)
            if decade:
                return _Number(span.a, span.b + decade.end(), value, high, "year", "decade")
            strong = re.search(r"(?:\b(?:in|since|by|until|till|before|after|during|from|through|between|early|late|mid|fiscal|as\s+of)\s+|mid-|\b(?:" + _MONTHS + r")\.?\s+(?:\d{1,2},?\s+)?)$", before, re.I)
            noun_after = re.match(r"^\s+([a-z]+)", after)
            plural_after = next_tag in ("NNS", "NNPS") or bool(noun_after and (
                re.search(r"(?:children|people|men|staff|police|personnel|folk)$", noun_after.group(1))
                or (next_tag.startswith("NN") and re.search(r"[^s]s$", noun_after.group(1)))))
            if strong or not plural_after:  # "in 2019", "the 2024 election"; "1709 schoolchildren" is a count
                return _Number(span.a, span.b, value, high, "year", "")
        if re.match(r"^['’]s\b", after) and value < 100 and value % 10 == 0 and re.search(r"['’]$", before):
            return _Number(span.a - 1, span.b + 2, value, None, "year", "decade")

    # Money and percentages.
    if span.currency:
        unit = _CURRENCY_SYMBOLS.get(span.currency, span.currency)
        return _Number(span.a, span.b, value, high, "money", unit, scaled=span.scaled, words=span.words)
    if span.pct:
        unit = "percentage points" if "point" in span.pct.lower() else "%"
        return _Number(span.a, span.b, value, high, "percent", unit, scaled=span.scaled, words=span.words)
    m = re.match(r"^\s+(dollars?|euros?|cents|yen|yuan|rupees|pesos)\b", after, re.I)
    if m:
        return _Number(span.a, span.b + m.end(), value, high, "money", _CURRENCY_WORDS.get(m.group(1).lower(), m.group(1).lower()),
                       scaled=span.scaled, words=span.words)
    # Ages: "38-year-old", "42- year-old", "20 years old", "aged 8–10 years", "between the ages of 20 and 53".
    m = _AGE_AFTER.match(after)
    if m:
        return _Number(span.a, span.b + m.end(), value, high, "duration", "year" if "year" in m.group(0).lower() else "month",
                       counts_hint="age", age=True, words=span.words)
    if re.search(r"\b(?:aged|ages?\s+of|ages?\s+from|in\s+age\s+from|age\s+of)\s+$", low_before) or re.search(r"\bages?\s+(?:range\s+)?from\s+$", low_before):
        m = re.match(r"^\s+years?(?:\s+old)?\b", after, re.I)
        return _Number(span.a, span.b + (m.end() if m else 0), value, high, "duration", "year", counts_hint="age", age=True, words=span.words)
    # Durations: "three-day", "20 years", "four months", "twenty working days", "10 years' probation".
    m = _DUR_AFTER.match(after)
    if m and not span.glued:
        unit = _DURATION_UNITS[m.group("unit").lower()]
        hyphen = "-" in m.group("sep")
        return _Number(span.a, span.b + m.end() - (1 if m.group("poss") else 0), value, high, "duration", unit,
                       counts_hint="adjective" if hyphen else None, words=span.words, scaled=span.scaled)
    # "5 times" (a ratio).
    m = re.match(r"^\s+times\b", after, re.I)
    if m and not re.match(r"^\s+times\s+(?:in|a|per|each|every)\b", after, re.I):
        return _Number(span.a, span.b + m.end(), value, high, "other", "times", words=span.words)
    # Units of measure from quantulum3 ("500 miles", "800 km", "5km", "40 pounds").
    measured = _measure_unit(text, span)
    if measured:
        kind, unit, end = measured
        return _Number(span.a, end, value, high, kind, unit, extractor="article-lens + quantulum3 unit",
                       scaled=span.scaled, words=span.words)
    if span.glued:
        return _Number(span.a, span.b, value, None, "label", "part of a name")
    # "a 12-member team": a count of the hyphenated noun.
    m = re.match(r"^-([a-z]+)\b|^ - ([a-z]+)\b(?=\s+[A-Za-z])", after)  # "12-member", "six - member Afghan team"
    if m and (m.group(1) or m.group(2)) not in ("and", "to", "or", "plus", "odd", "the", "a", "an", "which", "who", "but"):
        word = m.group(1) or m.group(2)
        return _Number(span.a, span.b + m.end(), value, high, "count", "", counts_hint="hyphen:" + word,
                       words=span.words, scaled=span.scaled)
    return _Number(span.a, span.b, value, high, "count", "", words=span.words, scaled=span.scaled)


# ---------------------------------------------------------------- what it counts

_LINKS = {"at", "to", "estimated", "put", "numbering", "numbered", "reached", "reaching", "of", "is", "was",
          "were", "are", "be", "been", "stands", "stood", "totaling", "totalling", "totals", "totaled", "total",
          "around", "about", "approximately", "some", "roughly", "nearly", "almost", "over", "than", "more",
          "less", "fewer", "up", "least", "an", "already", "above", "below", "under", "just", "by", "hit",
          "topped", "exceeded", "surpassed", "now", "still", "only", "reportedly", "currently", "estimates",
          "estimate", "from", "rose", "fell", "grew", "increased", "dropped", "declined", "jumped", "climbed"}
_VAGUE_ADJ = {"substantial", "large", "huge", "significant", "sizable", "sizeable", "considerable", "growing",
              "small", "estimated", "total", "overall", "whole", "entire", "record", "vast", "massive"}
_SKIP_AFTER = {"plus", "odd", "more", "additional", "other", "extra", "further", "new", "of", "the", "all", "those", "these",
               "its", "their", "his", "her", "our", "whom", "which"}
_NP_TAGS = {"JJ", "JJR", "VBN", "NN", "NNS", "NNP", "NNPS", "VBG"}


def _word(text: str, tag: str, first: bool) -> str:
    if tag.startswith("NNP") or (text[:1].isupper() and not first and tag in ("JJ",)) or (text.isupper() and len(text) > 1):
        return text
    return text.lower()


def _fix_tag(text: str, tag: str) -> str:
    """The tagger sometimes calls a plain noun SYM or FW ("1709 schoolchildren"): treat it as a noun."""
    if tag in ("SYM", "FW", "LS") and text.isalpha():
        return "NNS" if re.search(r"(?:[^s]s|children|people|men)$", text.lower()) else "NN"
    return tag


def _np_after(toks: SentenceWords, b: int, *, allow_of: bool) -> str:
    texts, starts = toks.text, toks.start
    tags = [_fix_tag(t, tg) for t, tg in zip(texts, toks.pos)]
    k = next((i for i, st in enumerate(starts) if st >= b), len(texts))
    if k + 1 < len(texts) and texts[k] == "-" and texts[k + 1].lower() in ("plus", "odd"):
        k += 1  # "1,500-plus teachers"
    skipped_of = False
    while k < len(texts) and texts[k].lower() in _SKIP_AFTER:
        if texts[k].lower() == "of":
            if not allow_of:
                return ""
            skipped_of = True
        k += 1
        if k < len(texts) and tags[k] == "CD":
            return ""
    if allow_of and not skipped_of and k < len(texts) and texts[k].lower() == "in":
        k += 1  # "$100,000 in damage"
    words: list[tuple[str, str]] = []
    while k < len(texts) and len(words) < 4:
        t, tg = texts[k], tags[k]
        if tg not in _NP_TAGS and not ("-" in t and t[:1].isalpha()):
            break
        if tg == "VBG" and not (k + 1 < len(tags) and tags[k + 1].startswith("NN")):
            break
        if tg == "VBN" and not (k + 1 < len(tags) and tags[k + 1].startswith("NN")) and words:
            break
        words.append((t, tg))
        if tg in ("NNS", "NNPS") and not (k + 1 < len(tags) and tags[k + 1] in ("NNS", "NNPS") and texts[k + 1][:1].islower() == t[:1].islower()):
            break
        k += 1
    while words and not (words[-1][1].startswith("NN") or "-" in words[-1][0]):
        words.pop()
    return " ".join(_word(t, tg, i == 0 and False) for i, (t, tg) in enumerate(words))


def _np_before(toks: SentenceWords, a: int) -> str:
    texts, tags, starts = toks.text, toks.pos, toks.start
    k = max((i for i, st in enumerate(starts) if st < a), default=-1)
    skipped = 0
    while k >= 0 and texts[k].lower() in _LINKS and skipped < 4:
        k -= 1
        skipped += 1
    if skipped == 0:
        return ""
    words: list[tuple[str, str]] = []
    if k >= 0 and texts[k].lower() in ("percent", "cent", "%", "times", "points", "dollars", "euros"):
        return ""  # "3 percent of $2.5 billion": the number before is another figure
    while k >= 0 and (tags[k].startswith("NN") or tags[k] in ("JJ", "VBN")) and len(words) < 4:
        if texts[k].lower() not in _VAGUE_ADJ:
            words.insert(0, (texts[k], tags[k]))
        k -= 1
    while words and not words[-1][1].startswith("NN"):
        words.pop()
    words = words[-3:]
    return " ".join(_word(t, tg, False) for t, tg in words)


def _counts(num: _Number, sentence: Sentence, toks: SentenceWords | None) -> str | None:
    if not toks or num.kind not in _FIGURE_KINDS:
        return None
    text = sentence.text
    a, b = sentence.start + num.a, sentence.start + num.b
    hint = num.counts_hint or ""
    if hint.startswith("hyphen:"):
        word = hint.split(":", 1)[1]
        return word if word.endswith("s") else word + "s"
    # "Chicago (9)": a breakdown of a list, counting the item named before the parenthesis.
    m = re.search(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\($", text[:num.a])
    if m and text[num.b:num.b + 1] == ")":
        return m.group(1)
    if num.age:
        np = _np_after(toks, b, allow_of=False)
        return f"age of {np}" if np else "age"
    if num.kind == "duration" and hint != "adjective":
        return None
    if num.kind == "other" and num.unit not in ("ratio", "times"):
        return None
    np = _np_after(toks, b, allow_of=num.kind in ("percent", "money") or num.fraction)
    if num.kind == "duration":
        return np or None
    # "a population estimated at around 14 million lives here": after a predicate ("estimated at",
    # "stood at", "is", "reached") the number describes the noun before it.
    if re.search(r"\b(?:at|is|was|were|are|stands|stood|totall?ed|totall?ing|numbering|numbered|reached|hit|topped)"
                 r"(?:\s+(?:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|up\s+to|just|already|an\s+estimated|at\s+least))*\s*$",
                 text[:num.a], re.I):
        before = _np_before(toks, a)
        if before and (not np or " " not in np):
            return before
    if np:
        return np
    np = _np_before(toks, a)
    return np or None


# ---------------------------------------------------------------- hedges, sources, time

_APPROX = [
    # (phrase, bound)
    ("an estimated", "estimate"), ("estimated at", "estimate"), ("estimated", "estimate"), ("projected", "estimate"),
    ("estimates suggest", "estimate"), ("estimates show", "estimate"), ("estimates put", "estimate"),
    ("approximately", "approximate"), ("approx.", "approximate"), ("about", "approximate"), ("around", "approximate"),
    ("roughly", "approximate"), ("some", "approximate"), ("close to", "approximate"), ("in the region of", "approximate"),
    ("circa", "approximate"), ("nearly", "upper bound"), ("almost", "upper bound"), ("up to", "upper bound"),
    ("as many as", "upper bound"), ("as much as", "upper bound"), ("fewer than", "upper bound"),
    ("less than", "upper bound"), ("under", "upper bound"), ("below", "upper bound"), ("no more than", "upper bound"),
    ("at most", "upper bound"), ("just under", "upper bound"), ("more than", "lower bound"), ("over", "lower bound"),
    ("at least", "lower bound"), ("upwards of", "lower bound"), ("no fewer than", "lower bound"),
    ("no less than", "lower bound"), ("above", "lower bound"), ("in excess of", "lower bound"),
    ("just over", "lower bound"), ("well over", "lower bound"), ("exceeding", "lower bound"),
]
_APPROX_AFTER = [("or so", "approximate"), ("or more", "lower bound"), ("plus", "lower bound"), ("-plus", "lower bound"),
                 ("and counting", "lower bound"), ("or fewer", "upper bound"), ("or less", "upper bound"),
                 ("at most", "upper bound"), ("at the most", "upper bound"), ("give or take", "approximate")]
# The phrases as patterns, compiled once: before the number longest first (in the last five words),
# after it at the start of the text that follows.
_APPROX_RES = [(re.compile(rf"(?<=\s){re.escape(phrase)}(?=\s|$)"), phrase, bound)
               for phrase, bound in sorted(_APPROX, key=lambda p: -len(p[0]))]
_APPROX_AFTER_RES = [(re.compile(re.escape(phrase) if phrase[0] == "-" else rf"\s*{re.escape(phrase)}\b"), phrase, bound)
                     for phrase, bound in _APPROX_AFTER]


def _approximation(before: str, after: str) -> tuple[str | None, str | None]:
    """The hedges attached to a number, nearest first, and the kind of bound of the nearest one."""
    words = re.findall(r"[A-Za-z.]+", before.lower())[-5:]
    tail = " " + " ".join(w.rstrip(".") if w not in ("approx.",) else w for w in words)
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, phrase, bound in _APPROX_RES:
        for m in pattern.finditer(tail):
            if any(m.start() < y and x < m.end() for x, y in taken):
                continue
            # A hedge at most one word before the number ("over the 1,500"); "estimated" anywhere in the last five.
            rest = tail[m.end():].split()
            if bound != "estimate" and len(rest) > 1:
                continue
            if phrase == "some" and rest:
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), phrase, bound))
    low_after = after.lower()
    for pattern, phrase, bound in _APPROX_AFTER_RES:
        if pattern.match(low_after):
            found.append((10_000, phrase.lstrip("-"), bound))
    if not found:
        return None, None
    before_hedges = sorted([f for f in found if f[0] < 10_000], key=lambda f: -f[0])
    after_hedges = [f for f in found if f[0] >= 10_000]
    ordered = before_hedges + after_hedges
    phrases = list(dict.fromkeys(p for _, p, _ in ordered))
    return ", ".join(phrases), ordered[0][2]


_TIME_RE = re.compile(
    rf"\b(?:by|before|after|until|since|in|on|during|from|at|through)\s+(?:the\s+)?(?:end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:month|year|week|decade|century|day|summer|winter|spring|autumn|fall|quarter|(?:{_MONTHS}))\b"
    rf"|\bby\s+(?:year|month)[\s-]end\b"
    rf"|\b(?:earlier|later)\s+this\s+(?:week|month|year)\b"
    rf"|\b(?:last|this|next|past)\s+(?:week|month|year|decade|summer|winter|spring|autumn|fall|weekend|quarter|century)\b"
    rf"|\b(?:in\s+recent\s+(?:years|months|weeks|days))\b"
    rf"|\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|\b(?:in|by|since|until|before|after|during|from)\s+(?:(?:early|late|mid)[\s-])?(?:(?:{_MONTHS})\.?\s+)?(?:1[6-9]|20)\d\d\b(?:s\b)?"
    rf"|\b(?:in|by|since|until|before|after|during)\s+(?:{_MONTHS})\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b"
    rf"|\b(?:fiscal\s+(?:year\s+)?(?:20|19)\d\d)\b"
    r"|\b(?:today|tonight|yesterday|tomorrow|currently|now|so\s+far)\b",
    re.IGNORECASE,
)
# Month names are only months when capitalised ("may" is a verb).
_MONTH_WORD = re.compile(rf"\b(?:{_MONTHS})\b")


def _time_anchor(text: str, a: int, b: int, kind: str) -> str | None:
    if kind in ("year", "date", "time", "ordinal", "label"):
        return None
    best = None
    for m in _TIME_RE.finditer(text):
        if m.start() < b and a < m.end():
            continue
        mw = re.search(rf"\b({_MONTHS})\b", m.group(0), re.I)
        if mw and not _MONTH_WORD.search(m.group(0)):
            continue  # "may" in lower case
        dist = a - m.end() if m.end() <= a else m.start() - b
        if best is None or dist < best[0]:
            best = (dist, m.group(0))
    return best[1] if best else None


def _is_round(num: _Number) -> bool:
    """A round number: written with a scale word and at most two significant digits ("14 million",
    "$2.5 billion"), a fraction word ("half"), or a whole number ending in at least two zeros (1,500)."""
    if num.fraction:
        return True
    v = num.value
    if num.scaled:
        digits = re.sub(r"0+$", "", f"{v:.0f}") if v == int(v) else f"{v}"
        return len(digits.replace(".", "").lstrip("0")) <= 2
    if v != int(v) or v < 100:
        return False
    return int(v) % 100 == 0


# ---------------------------------------------------------------- the tables


def _sources_by_sentence(article: Article) -> dict[str, list[tuple[int, int, str, str]]]:
    from .framing import _attribution_rows  # framing does not import this module

    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for a in _attribution_rows(article, True):
        if a.kind in ("unattributed",) or not isinstance(a.source, str) or not a.source:
            continue
        out.setdefault(a.sentence_id, []).append((a.start, a.end, a.source, a.kind))
    return out


def _pick_source(cands: list[tuple[int, int, str, str]], a: int, b: int) -> tuple[str | None, str | None]:
    """The attribution nearest to the figure in its sentence (the one before it wins ties)."""
    if not cands:
        return None, None
    best = min(cands, key=lambda c: (a - c[1] if c[1] <= a else (c[0] - b) + 0.5, c[2]))
    return best[2], best[3]


@lru_cache(maxsize=16)
def _number_rows(article: Article) -> tuple[Number, ...]:
    toks_by_sentence = sentence_words(article)
    sources = _sources_by_sentence(article)
    rows = []
    for s in article.sentences:
        text = s.text
        if not re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|third|quarter|fifth)", text, re.I):
            continue
        fracs = _fractions(text, [])
        atoms = [x for x in _atoms(text) if not any(x.a < f.b and f.a < x.b for f in fracs)]
        spans = _merge_ranges(text, atoms) + fracs
        spans.sort(key=lambda x: (x.a, x.b))
        first_alnum = re.search(r"[\w$£€¥]", text)
        toks = toks_by_sentence[s.id]
        tok_tags = [(st - s.start, tg) for st, tg in zip(toks.start, toks.pos)]
        typed: list[_Number] = []
        for sp in spans:
            first_token = bool(first_alnum) and sp.a <= first_alnum.start() + (1 if text[:1] == "(" else 0)
            nxt = next((tg for st, tg in tok_tags if st >= sp.b), "")
            num = _type(text, sp, s, first_token, nxt)
            if num is not None:
                typed.append(num)
        # Numbers quantulum3 finds that we do not (with digits: "a time" -> 1 is never taken).
        covered = [(n.a, n.b) for n in typed]
        # (Only sentences where a unit word follows a digit: quantulum3's first parse costs seconds
        # per process, and on the bundled articles it found nothing here that the rules above miss.)
        if _UNIT_AFTER_DIGIT.search(text):
            for qa, qb, unit, entity, usurf, qvalue in _quantulum(text):
                if any(qa < y and x < qb for x, y in covered) or not re.search(r"\d", text[qa:qb]):
                    continue
                if entity in _Q_SKIP_ENTITIES or (unit == "inch" and usurf.lower() in ("in", "in.")):
                    continue
                kind = "money" if entity == "currency" else "percent" if entity == "percentage" else "other"
                typed.append(_Number(qa, qb, qvalue, None, kind, _Q_ISO.get(unit, unit), extractor="quantulum3"))
        typed.sort(key=lambda n: (n.a, n.b))
        for n in typed:
            a, b = s.start + n.a, s.start + n.b
            raw = article.text[a:b]
            is_figure = n.kind in _FIGURE_KINDS
            counts = _counts(n, s, toks) if is_figure else None
            approx, bound = _approximation(text[:n.a], text[n.b:]) if is_figure else (None, None)
            src, src_kind = _pick_source(sources.get(s.id, []), a, b) if is_figure else (None, None)
            time = _time_anchor(text, n.a, n.b, n.kind)
            ctx = text[max(0, n.a - 60):n.b + 60].strip()
            rows.append(Number(s.id, raw, float(n.value), None if n.high is None else float(n.high), n.kind, n.unit,
                               counts, approx, _is_round(n) if is_figure else False, src, time, a, b, ctx, is_figure,
                               f"n{len(rows) + 1}", bound, src_kind, s.part, n.extractor, ()))
    links: dict[str, list[str]] = {}
    for x, y, _note in _conflict_pairs(rows):
        links.setdefault(x, []).append(y)
        links.setdefault(y, []).append(x)
    return tuple(r._replace(conflicts_with=tuple(sorted(links.get(r.id, []), key=lambda v: int(v[1:])))) for r in rows)


def number_rows(article: Article) -> tuple[Number, ...]:
    """The rows of :func:`numbers` as :class:`Number` tuples, in reading order (``value_high`` is
    None, not NaN, for a single number). Cached per article; ``[n for n in number_rows(a) if
    n.is_figure]`` are the rows of :func:`figures`.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nIn 2019 the Pentagon sent 1,500 troops.")
    >>> [(n.id, n.text, n.kind, n.is_figure) for n in number_rows(a)]
    [('n1', '2019', 'year', False), ('n2', '1,500', 'count', True)]
    """
    return _number_rows(article)


#: The dtypes of an empty :func:`numbers` table (those of its columns that are not object).
_EMPTY_NUMBER_DTYPES = {"rounded": bool, "is_figure": bool, "id": float, "conflicts_with": float}


@lru_cache(maxsize=16)
def _numbers_table(article: Article) -> pd.DataFrame:
    rows = _number_rows(article)
    if not rows:
        return pd.DataFrame(columns=FIGURE_COLUMNS).astype(_EMPTY_NUMBER_DTYPES)
    return pd.DataFrame([(*r[:-1], list(r.conflicts_with)) for r in rows], columns=FIGURE_COLUMNS)


def numbers(article: Article) -> pd.DataFrame:
    """Every number expression, typed; ``is_figure`` is False for years, dates, clock times, ordinals,
    list numbering and numbers that are part of a name.

    Columns: sentence_id, text (as written), value (the low end of a range; shares as percent:
    "half" is 50), value_high (upper end of a range or None), kind (one of ``FIGURE_KINDS``),
    unit ("%", "USD", "year", "kilometre"...), counts (the noun phrase it quantifies), approximation
    (the hedges or bounds attached, nearest first: "around, estimated at"), rounded, source (who
    states it, from the attributions in its sentence; None when nothing attributes it), time (the
    time anchor nearest to it in its sentence), start, end (offsets into article.text), context,
    is_figure, id ("n1"... in reading order), bound (approximate, estimate, lower bound, upper
    bound), source_kind (named_person, named_org, document, anonymous, vague), part (headline,
    body...), extractor, conflicts_with (ids of figures counting the same thing with another value).
    :func:`number_rows` gives the same rows as tuples.
    """
    return _numbers_table(article).copy()


def figures(article: Article) -> pd.DataFrame:
    """The quantities of the article (numbers that are not years, dates, ordinals, list numbering or names).

    Same columns as :func:`numbers`.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nIn 2019 the Pentagon announced plans to send approximately 1,500 troops.")
    >>> figures(a)[["value", "counts", "approximation", "source"]].values.tolist()
    [[1500.0, 'troops', 'approximately', 'Pentagon']]
    """
    n = numbers(article)
    return n[n["is_figure"]].reset_index(drop=True)


# ---------------------------------------------------------------- consistency


def _counts_key(counts: str | None) -> tuple[str, ...]:
    from . import nlp

    if not isinstance(counts, str) or not counts.strip() or counts.startswith("age"):
        return ()
    words = re.findall(r"[a-z][a-z'-]*", counts.lower())
    return tuple(nlp.lemmatize(w, "NNS" if k == len(words) - 1 else "JJ") if k == len(words) - 1 else w
                 for k, w in enumerate(words))


def _same_thing(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    if not x or not y or x[-1] != y[-1]:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return long_[len(long_) - len(short):] == short


def _overlaps(v1: float, h1: float | None, v2: float, h2: float | None) -> bool:
    hi1 = v1 if h1 is None or h1 != h1 else h1
    hi2 = v2 if h2 is None or h2 != h2 else h2
    return not (hi1 < v2 or hi2 < v1)


def _conflict_pairs(found: Sequence[Number]) -> list[tuple[str, str, str]]:
    rows = [n for n in found if n.is_figure and n.kind in ("count", "money", "percent")]
    keys = {r.id: _counts_key(r.counts) for r in rows}
    # Only figures of the same kind and unit whose counted things end in the same noun can conflict:
    # compare within those groups (a long article has thousands of figures), then restore pair order.
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        if keys[r.id]:
            groups.setdefault((r.kind, r.unit, keys[r.id][-1]), []).append(i)
    pairs = sorted((i, j) for members in groups.values() for n, i in enumerate(members) for j in members[n + 1:])
    out = []
    for i, j in pairs:
        x, y = rows[i], rows[j]
        if x.sentence_id == y.sentence_id:
            continue
        # Same words, or one a shorter form of the other across parts ("migrants" in the headline,
        # "undocumented migrants" in the body). Percentages of the same group in one part are
        # usually answers to different questions, so they are compared only across parts.
        across = x.part != y.part
        if not (keys[x.id] == keys[y.id] or (across and _same_thing(keys[x.id], keys[y.id]))):
            continue
        if x.kind == "percent" and not across:
            continue
        if _overlaps(x.value, x.value_high, y.value, y.value_high):
            continue
        where = "headline against body" if "headline" in (x.part, y.part) and x.part != y.part else "two sentences"
        out.append((x.id, y.id, f"{where}: check whether one is a part or an earlier/later value of the other"))
    return out


def consistency(article: Article) -> pd.DataFrame:
    """Pairs of figures that count the same thing (same kind, unit and head noun of ``counts``) with
    values that do not overlap — e.g. a total in the headline against another in the body.

    Columns: counts, kind, unit, id_a, sentence_a, part_a, text_a, value_a, id_b, sentence_b,
    part_b, text_b, value_b, ratio (value_b / value_a), note. Figures in the same sentence are
    not compared (that is usually a comparison or a breakdown, not a contradiction).

    >>> from analysis.article import parse_article
    >>> a = parse_article("5,000 troops head to border\\n\\nThe Pentagon will send 1,500 troops. Officials said 20 people watched.")
    >>> consistency(a)[["text_a", "text_b", "counts"]].values.tolist()
    [['5,000', '1,500', 'troops']]

    :func:`conflict_rows` gives the same rows as tuples.
    """
    return pd.DataFrame(list(_conflict_rows(article)), columns=CONSISTENCY_COLUMNS)


@lru_cache(maxsize=16)
def _conflict_rows(article: Article) -> tuple[Conflict, ...]:
    rows = _number_rows(article)
    by_id = {r.id: r for r in rows}
    out = []
    for x, y, note in _conflict_pairs(rows):
        rx, ry = by_id[x], by_id[y]
        ratio = ry.value / rx.value if rx.value else None
        out.append(Conflict(ry.counts if len(str(ry.counts)) <= len(str(rx.counts)) else rx.counts, rx.kind, rx.unit,
                            x, rx.sentence_id, rx.part, rx.text, rx.value,
                            y, ry.sentence_id, ry.part, ry.text, ry.value, ratio, note))
    return tuple(out)


def conflict_rows(article: Article) -> tuple[Conflict, ...]:
    """The rows of :func:`consistency` as :class:`Conflict` tuples, in the same order. Cached per article."""
    return _conflict_rows(article)


# ---------------------------------------------------------------- reference figures


def reference_figures(*, directory=None) -> pd.DataFrame:
    """The user-maintained reference figures (``data/reference/figures.csv``).

    Columns: topic (alternatives separated by ``|``), value (float), unit, source, date, url,
    example (True for the documented examples shipped with the project), note. Rows without a
    numeric value are dropped.
    """
    from .config import REFERENCE_DIR
    from .io import read_lexicon

    try:
        raw = read_lexicon("figures", directory=directory or REFERENCE_DIR)
    except FileNotFoundError:
        return pd.DataFrame(columns=REFERENCE_COLUMNS)
    if raw.empty:
        return pd.DataFrame(columns=REFERENCE_COLUMNS)
    for col in REFERENCE_COLUMNS:
        if col not in raw.columns:
            raw[col] = ""
    out = raw[REFERENCE_COLUMNS].copy()
    out["value"] = pd.to_numeric(out["value"].str.replace(",", "", regex=False).str.strip(), errors="coerce")
    out["example"] = out["example"].fillna("").str.strip().str.lower().isin(["yes", "true", "1", "y"])
    out = out[out["value"].notna() & out["topic"].fillna("").str.strip().ne("")]
    return out.reset_index(drop=True)


def _unit_compatible(fig_kind: str, fig_unit: str, ref_unit: str) -> bool:
    ref = (ref_unit or "").strip()
    if fig_kind == "percent":
        return ref in ("%", "percent", "per cent")
    if fig_kind == "money":
        return ref.upper() == (fig_unit or "").upper()
    if fig_kind == "count":
        return ref not in ("%", "percent", "per cent") and ref.upper() not in _CURRENCY_SYMBOLS.values()
    return ref.lower() == (fig_unit or "").lower()


def reference_matches(article: Article, *, references: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figures whose ``counts`` matches a reference topic, with the reference value and the ratio.

    A topic matches when, for one of its ``|``-separated alternatives, the figure's counts ends
    with the same words (head noun compared by lemma), and the units agree (``%`` for percentages,
    the currency code for money, anything else for counts). Columns: id, sentence_id, text,
    value, counts, topic, reference_value, reference_unit, reference_source, reference_date,
    reference_url, example, ratio (figure value / reference value).
    """
    refs = reference_figures() if references is None else references
    cols = ["id", "sentence_id", "text", "value", "counts", "topic", "reference_value", "reference_unit",
            "reference_source", "reference_date", "reference_url", "example", "ratio"]
    figs = figures(article)
    rows = []
    if refs.empty or figs.empty:
        return pd.DataFrame(rows, columns=cols)
    for f in figs.itertuples(index=False):
        key = _counts_key(f.counts)
        if not key:
            continue
        for r in refs.itertuples(index=False):
            alts = [_counts_key(t.strip()) for t in str(r.topic).split("|") if t.strip()]
            if not any(alt and alt[-1] == key[-1] and key[len(key) - len(alt):] == alt if len(alt) <= len(key) else False for alt in alts):
                continue
            if not _unit_compatible(f.kind, f.unit, r.unit):
                continue
            ratio = float(f.value) / float(r.value) if r.value else None
            rows.append((f.id, f.sentence_id, f.text, float(f.value), f.counts, r.topic, float(r.value), r.unit,
                         r.source, r.date, r.url, bool(r.example), ratio))
    return pd.DataFrame(rows, columns=cols)


# ---------------------------------------------------------------- summary


_SUMMARY_FIGURE_FIELDS = ("sentence_id", "text", "value", "value_high", "kind", "unit", "counts", "approximation",
                          "rounded", "source", "time", "start", "end", "id", "bound", "source_kind")


def summary_section(article: Article) -> dict:
    """Top-level keys of the JSON summary that this module owns: ``figures``, ``vague_quantities``,
    ``public_figures`` (and ``figure_conflicts``)."""
    from .public_figures import public_figure_rows
    from .summary import row_records
    from .vague_quantities import vague_rows

    return {
        "figures": [{**{c: getattr(n, c) for c in _SUMMARY_FIGURE_FIELDS}, "conflicts_with": list(n.conflicts_with)}
                    for n in _number_rows(article) if n.is_figure],
        "figure_conflicts": row_records(_conflict_rows(article), ["id_a", "id_b", "counts", "value_a", "value_b", "note"]),
        "vague_quantities": row_records(vague_rows(article), ["term", "sentence_id", "category", "matched"]),
        "public_figures": [{"name": f.name, "type": f.type, "mentions": f.mentions, "aliases": list(f.aliases),
                            "voiced": f.voiced, "mean_tone": f.mean_tone, "quoted": f.quoted, "paraphrased": f.paraphrased,
                            "descriptors": list(f.descriptors), "first_sentence": f.first_sentence}
                           for f in public_figure_rows(article)],
    }
