"""Reading the numbers in a sentence: number words, digits, ranges and fractions, units of measure (quantulum3), and the kind of each number."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache

from ..core.article import Sentence

__all__ = [
    "parse_number_words",
    "FIGURE_KINDS",
    "QUANTITY_KINDS",
    "ParsedNumber",
    "NumberSpan",
    "number_atoms",
    "merge_ranges",
    "fraction_spans",
    "quantulum_numbers",
    "type_number",
]

#: Kinds of number. Only count, money, percent, duration and other (measures, ratios) are figures;
#: year, date and time (clock time) are dates, ordinals include list numbering, label is a number
#: that is part of a name ("COVID-19", "Title 42").
FIGURE_KINDS = ("count", "money", "percent", "duration", "other", "year", "date", "time", "ordinal", "label")
#: The kinds that are figures (quantities).
QUANTITY_KINDS = {"count", "money", "percent", "duration", "other"}

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
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DURATION_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "night",
                   "week": "week", "fortnight": "fortnight", "month": "month", "year": "year",
                   "decade": "decade", "century": "century", "centurie": "century"}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "A$": "AUD", "C$": "CAD",
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
class NumberSpan:
    """A number found in a sentence before it is typed: offsets in the sentence text, value (low end), upper
    end of a range, and what was written around it (currency symbol, percent sign, scale word...)."""

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


def number_atoms(text: str) -> list[NumberSpan]:
    """Single numbers in a sentence, with their currency, scale and percent sign (ranges come later)."""
    out: list[NumberSpan] = []
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
                out.append(NumberSpan(a, out_end, value, currency=cur, words=True,
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
        out.append(NumberSpan(a, end_num, value, currency=cur, pct=pct, scaled=scaled, words=words,
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


def merge_ranges(text: str, atoms: list[NumberSpan]) -> list[NumberSpan]:
    """Join "3 to 5", "between 20 and 53", "8–10", "two or three" into one span with a high value."""
    out: list[NumberSpan] = []
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
                        out.append(NumberSpan(x.a, y.b, low, high=y.value, currency=x.currency or y.currency,
                                         pct=y.pct or x.pct, scaled=x.scaled or y.scaled, words=x.words or y.words,
                                         digits=x.digits or y.digits, glued=y.glued))
                        k += 2
                        continue
        out.append(x)
        k += 1
    return out


def _leading(span: NumberSpan, text: str) -> float:
    """The written number of a scaled span before its scale word ("5" in "5 million")."""
    m = re.search(r"[\d.,]+", text[span.a:span.b])
    if m:
        try:
            return float(m.group(0).replace(",", "")) or 1.0
        except ValueError:
            return 1.0
    raw = re.sub(rf"\s*\b(?:{_W_SCALE})\b.*$", "", text[span.a:span.b], flags=re.I)
    return parse_number_words(raw) or 1.0


def fraction_spans(text: str, taken: list[tuple[int, int]]) -> list[NumberSpan]:
    """Proportions written in words ("half", "two-thirds", "a quarter of") outside the ``taken`` ranges."""
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
                out.append(NumberSpan(a, b, 0.5, fraction=True, words=True, pct="ratio"))
                continue
            dur = re.match(r"\s+(?:an?)\s+(second|minute|hour|day|week|month|year|decade|century)\b", after, re.I)
            if dur:
                out.append(NumberSpan(a, b + dur.end(), 0.5, fraction=True, words=True, pct="duration:" + dur.group(1).lower()))
                continue
            if re.search(r"(?:second|first|other|the|latter|former)\s+$", text[:a], re.I):
                continue  # "the second half of the year"
            out.append(NumberSpan(a, b, 50.0, fraction=True, words=True, pct="%"))
            continue
        if m.group("den"):
            num = m.group("num").lower()
            n = 1 if num in ("a", "an") else _UNITS[num]
            d = _FRACTION_WORDS[m.group("den").lower()]
            end = b - len(re.search(r"\s+of$", m.group(0)).group(0))
            out.append(NumberSpan(a, end, round(100 * n / d, 2), fraction=True, words=True, pct="%"))
            continue
        x = m.group("a").lower()
        y = re.sub(r"^a\s+", "", m.group("b").lower())
        xv = float(x) if x.isdigit() else _UNITS.get(x)
        yv = float(y) if y.isdigit() else (_UNITS.get(y) or _TENS.get(y) or (100 if y == "hundred" else None))
        if xv is None or not yv or xv > yv:
            continue
        out.append(NumberSpan(a, b, round(100 * xv / yv, 2), fraction=True, words=not x.isdigit(), pct="%"))
    return out


# ---------------------------------------------------------------- quantulum3 (units of measure)

Q_SKIP_ENTITIES = {"dimensionless", "unknown", "time", "currency", "count"}
Q_ISO = {"dollar": "USD", "united states dollar": "USD", "pound sterling": "GBP", "euro": "EUR", "yen": "JPY",
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
def quantulum_numbers(text: str) -> tuple[tuple[int, int, str, str, str, float], ...]:
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
UNIT_AFTER_DIGIT = re.compile(r"\d(?=\s*-?\s*(?:°|" + _UNIT_WORDS + "))", re.I)


def _measure_unit(text: str, span: NumberSpan) -> tuple[str, str, int] | None:
    """quantulum3's unit for a plain number, as (kind, unit, new end), with its known false positives removed."""
    if not _UNIT_HINT.match(text[span.b:]):
        return None
    for a, b, unit, entity, usurf, _value in quantulum_numbers(text):
        if not (a <= span.a < b or span.a <= a < span.b):
            continue
        if entity in Q_SKIP_ENTITIES and entity != "currency":
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
class ParsedNumber:
    """A typed number in a sentence: offsets, value and upper end, kind (one of ``FIGURE_KINDS``), unit, and
    the hints the table rows are built from."""

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


_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:{MONTHS})\b")
_DUR_AFTER = re.compile(
    r"^(?P<sep>\s+|-|\s*-\s*)(?:(?P<adj>working|business|calendar|straight|consecutive)\s+)?"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie)s?\b(?P<poss>['’])?",
    re.I,
)
_AGE_AFTER = re.compile(r"^(?:\s*-\s*|\s+)(?:years?|months?|weeks?)\s*-\s*olds?\b|^\s+(?:years?|months?)\s+old\b", re.I)


def type_number(text: str, span: NumberSpan, sentence: Sentence, first_token: bool, next_tag: str = "") -> ParsedNumber | None:
    """The kind and unit of a found number from its context (year, date, money, percent, ordinal, label...),
    or None when it is not a number to list."""
    raw = text[span.a:span.b]
    before = text[:span.a]
    after = text[span.b:]
    low_before = before.lower()
    value, high = span.value, span.high

    if span.fraction:
        if span.pct == "ratio":
            return ParsedNumber(span.a, span.b, value, None, "other", "ratio", fraction=True, words=True)
        if span.pct and span.pct.startswith("duration:"):
            return ParsedNumber(span.a, span.b, value, None, "duration", span.pct.split(":")[1], fraction=True, words=True)
        return ParsedNumber(span.a, span.b, value, None, "percent", "%", fraction=True, words=span.words)

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
        return ParsedNumber(span.a, span.b, value, None, "ordinal", "list number")
    # Numbers that are part of a name: "COVID-19", "F-35", "G7", "Title 42", "No. 10".
    if span.digits and not span.currency and not span.pct:
        if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:^|\s)(?:[A-Za-z]{2,}|a|A)$", before):
            return ParsedNumber(span.a, span.b, value, None, "label", "part of a name")
        prev = re.findall(r"([A-Za-z]+)\.?\s*$", before)
        if prev and prev[0].lower() in _LABEL_WORDS and prev[0][:1].isupper() and not re.match(rf"^\s*(?:{MONTHS})", prev[0]):
            return ParsedNumber(span.a, span.b, value, None, "label", "part of a name")
    # Ordinals: "2nd", "21st".
    if span.digits and re.match(r"^(?:st|nd|rd|th)\b", after, re.I):
        return ParsedNumber(span.a, span.b + 2, value, None, "ordinal", "")
    # Clock times: "10:30", "3 p.m.".
    if span.digits and not span.currency:
        m = re.match(r"^:(\d{2})\b(?:\s?(?:a\.m\.|p\.m\.|am|pm)(?=\W|$))?", after, re.I)
        if m and value <= 24:
            return ParsedNumber(span.a, span.b + m.end(), value, None, "time", "clock time")
        m = re.match(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", after, re.I)
        if m and value <= 12:
            return ParsedNumber(span.a, span.b + m.end(), value, None, "time", "clock time")
    # Dates: "Jan. 8", "October 25, 2022", "25 October", "2024-05-01", "8/1/2024".
    if span.digits and not span.currency and not span.pct:
        m = re.match(r"^[-/]\d{1,2}[-/]\d{2,4}\b", after)
        if m and float(value) <= 31 or (m and 1000 < value < 2100):
            return ParsedNumber(span.a, span.b + m.end(), value, None, "date", "")
        if value == int(value) and 1 <= value <= 31 and high is None and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
            return ParsedNumber(span.a, span.b, value, None, "date", "")
        # Years: 1600-2099 without a comma, unless a plural noun follows and no time preposition precedes.
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", raw) or (high is not None and re.fullmatch(r"(?:1[6-9]|20)\d\d\s*(?:-|–|to|and)\s*(?:(?:1[6-9]|20)?\d\d)", raw)):
            decade = re.match(r"^['’]?s\b", after)
            if decade:
                return ParsedNumber(span.a, span.b + decade.end(), value, high, "year", "decade")
            strong = re.search(r"(?:\b(?:in|since|by|until|till|before|after|during|from|through|between|early|late|mid|fiscal|as\s+of)\s+|mid-|\b(?:" + MONTHS + r")\.?\s+(?:\d{1,2},?\s+)?)$", before, re.I)
            noun_after = re.match(r"^\s+([a-z]+)", after)
            plural_after = next_tag in ("NNS", "NNPS") or bool(noun_after and (
                re.search(r"(?:children|people|men|staff|police|personnel|folk)$", noun_after.group(1))
                or (next_tag.startswith("NN") and re.search(r"[^s]s$", noun_after.group(1)))))
            if strong or not plural_after:  # "in 2019", "the 2024 election"; "1709 schoolchildren" is a count
                return ParsedNumber(span.a, span.b, value, high, "year", "")
        if re.match(r"^['’]s\b", after) and value < 100 and value % 10 == 0 and re.search(r"['’]$", before):
            return ParsedNumber(span.a - 1, span.b + 2, value, None, "year", "decade")

    # Money and percentages.
    if span.currency:
        unit = CURRENCY_SYMBOLS.get(span.currency, span.currency)
        return ParsedNumber(span.a, span.b, value, high, "money", unit, scaled=span.scaled, words=span.words)
    if span.pct:
        unit = "percentage points" if "point" in span.pct.lower() else "%"
        return ParsedNumber(span.a, span.b, value, high, "percent", unit, scaled=span.scaled, words=span.words)
    m = re.match(r"^\s+(dollars?|euros?|cents|yen|yuan|rupees|pesos)\b", after, re.I)
    if m:
        return ParsedNumber(span.a, span.b + m.end(), value, high, "money", _CURRENCY_WORDS.get(m.group(1).lower(), m.group(1).lower()),
                       scaled=span.scaled, words=span.words)
    # Ages: "38-year-old", "42- year-old", "20 years old", "aged 8–10 years", "between the ages of 20 and 53".
    m = _AGE_AFTER.match(after)
    if m:
        return ParsedNumber(span.a, span.b + m.end(), value, high, "duration", "year" if "year" in m.group(0).lower() else "month",
                       counts_hint="age", age=True, words=span.words)
    if re.search(r"\b(?:aged|ages?\s+of|ages?\s+from|in\s+age\s+from|age\s+of)\s+$", low_before) or re.search(r"\bages?\s+(?:range\s+)?from\s+$", low_before):
        m = re.match(r"^\s+years?(?:\s+old)?\b", after, re.I)
        return ParsedNumber(span.a, span.b + (m.end() if m else 0), value, high, "duration", "year", counts_hint="age", age=True, words=span.words)
    # Durations: "three-day", "20 years", "four months", "twenty working days", "10 years' probation".
    m = _DUR_AFTER.match(after)
    if m and not span.glued:
        unit = _DURATION_UNITS[m.group("unit").lower()]
        hyphen = "-" in m.group("sep")
        return ParsedNumber(span.a, span.b + m.end() - (1 if m.group("poss") else 0), value, high, "duration", unit,
                       counts_hint="adjective" if hyphen else None, words=span.words, scaled=span.scaled)
    # "5 times" (a ratio).
    m = re.match(r"^\s+times\b", after, re.I)
    if m and not re.match(r"^\s+times\s+(?:in|a|per|each|every)\b", after, re.I):
        return ParsedNumber(span.a, span.b + m.end(), value, high, "other", "times", words=span.words)
    # Units of measure from quantulum3 ("500 miles", "800 km", "5km", "40 pounds").
    measured = _measure_unit(text, span)
    if measured:
        kind, unit, end = measured
        return ParsedNumber(span.a, end, value, high, kind, unit, extractor="article-lens + quantulum3 unit",
                       scaled=span.scaled, words=span.words)
    if span.glued:
        return ParsedNumber(span.a, span.b, value, None, "label", "part of a name")
    # "a 12-member team": a count of the hyphenated noun.
    m = re.match(r"^-([a-z]+)\b|^ - ([a-z]+)\b(?=\s+[A-Za-z])", after)  # "12-member", "six - member Afghan team"
    if m and (m.group(1) or m.group(2)) not in ("and", "to", "or", "plus", "odd", "the", "a", "an", "which", "who", "but"):
        word = m.group(1) or m.group(2)
        return ParsedNumber(span.a, span.b + m.end(), value, high, "count", "", counts_hint="hyphen:" + word,
                       words=span.words, scaled=span.scaled)
    return ParsedNumber(span.a, span.b, value, high, "count", "", words=span.words, scaled=span.scaled)


