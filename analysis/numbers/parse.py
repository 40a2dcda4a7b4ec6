"""Reading the numbers in a sentence: number words, digits of any length, signs, ranges and fractions, currencies and units of measure (units.py, then quantulum3), labels and scores, vague magnitudes, and the kind of each number."""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..core.article import Sentence
from ..core.model_cache import compiled_regex
from .labels import label_reason
from .units import CURRENCY_PREFIX, CURRENCY_SYMBOLS, currency_after, currency_of_prefix, measure_after, rate_after

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
    "vague_magnitudes",
    "name_numbers",
    "ABSURD",
]

#: Kinds of number. Only count, money, percent, proportion, duration and other (measures, ratios) are figures;
#: year, date and time (clock time) are dates, ordinals include list numbering, label is a number
#: that is part of a name ("COVID-19", "Title 42", "Windows 11") or too large to be a quantity, score a match
#: result or vote tally ("won 3-1").
FIGURE_KINDS = ("count", "money", "percent", "proportion", "duration", "other", "year", "date", "time", "ordinal",
                "label", "score")
#: The kinds that are figures (quantities). A proportion is a share between 0 and 1 ("a quarter of", "two in five");
#: a score ("won 3-1", a 5-4 vote) is listed among the numbers that are not figures.
QUANTITY_KINDS = {"count", "money", "percent", "proportion", "duration", "other"}

# ---------------------------------------------------------------- number words

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
           "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
                 "tn": 1_000_000_000_000}
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                   "tenth": 10, "tenths": 10}
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
#: Values at or above this are not read as quantities: they are kept as text ("numbers that are not figures").
ABSURD = Decimal("1e21")
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DURATION_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "night",
                   "week": "week", "fortnight": "fortnight", "month": "month", "year": "year",
                   "decade": "decade", "century": "century", "centurie": "century"}

_W_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_W_TEN = "|".join(_TENS)
_W_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True)) + "|lakhs|crores"
_NUMWORD = rf"(?:(?:{_W_TEN})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_W_UNIT}|{_W_SCALE})"
# A run of number words ("fourteen", "Sixty one", "one hundred and twenty", "two million").
_WORDSEQ = rf"{_NUMWORD}(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand))\s+and\s+){_NUMWORD})*"
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\s000(?!\d))+"
           r"|\d+(?:\.\d+)?|\.\d+")
_ATOM_RE = re.compile(
    rf"""
    (?<![\w.,/:])(?<![A-Za-z]-)
    (?P<sign>(?<![\w-])[-−](?=[$£€\d.])|\bminus\s+|\bnegative\s+)?
    (?P<cur>{CURRENCY_PREFIX})?
    (?P<sign2>[-−](?=\d))?
    (?:
        (?P<frac>(?:(?P<whole>\d{{1,3}})\s+)?(?P<fn>\d{{1,2}})/(?P<fd>\d{{1,3}})(?![\d/]))
      | (?P<vulgar>(?:(?P<vwhole>\d{{1,3}})\s?)?[½¼¾⅓⅔⅛⅜⅝⅞])
      | (?P<digits>{_DIGITS})(?:\s?(?P<scale>{_W_SCALE})\b|(?P<short>bn|mn|tn|m|k|b)\b)?
      | (?P<halfof>half\s+(?:an?\s+)?(?:{_W_SCALE}|dozen))\b
      | (?P<quarterof>(?:(?:a|one|two|three)\s+)?quarters?\s+(?:of\s+)?(?:an?\s+)?(?:{_W_SCALE}))\b
      | (?P<a_scale>an?\s+(?:{_W_SCALE}|dozen)(?:\s+(?:{_W_SCALE}))*)\b
      | (?P<words>{_WORDSEQ})(?:\s+(?P<dozen>dozen))?\b
    )
    (?P<andhalf>\s+and\s+a\s+half\b(?:\s+(?P<scale2>{_W_SCALE})\b)?)?
    (?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|basis\s+points?\b)|pc\b|bps\b)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FRACTION_RE = re.compile(
    r"""(?<![\w-])
    (?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<den>halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\s+of\b(?!\s+an?\s+(?:million|billion|trillion|thousand|hundred|dozen)\b)
      | (?P<hnum>one|two|three|four|five|six|seven|eight|nine)\s?-\s?(?P<hden>halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\b(?!\s+(?:of\s+)?an?\s+(?:million|billion|trillion|thousand|hundred|dozen)\b)
      | (?P<half>half)(?=\s+(?:of|the|all|its|their|his|her|our|a|an|as|turn)\b)
      | (?P<a>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a\s+hundred)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)


_WORD_CAP = 10 ** 24


def _word_value(text: str) -> int | None:
    """Integer value of a run of number words, or None; repeated scale words multiply ("a thousand million")."""
    words = [w for w in text.split() if w != "and"]
    if not words:
        return None
    total, current, last_scale = 0, 0, None
    for w in words:
        w = w.rstrip("s") if w in ("lakhs", "crores") else w
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            scale = _SCALES[w]
            if current == 0 and total and last_scale is not None and scale >= last_scale:
                total *= scale  # "a thousand million", "two million million": the scales multiply, once each
            else:
                total += (current or 1) * scale
            current, last_scale = 0, scale
        else:
            return None
        if total > _WORD_CAP or current > _WORD_CAP:
            return _WORD_CAP  # absurdly large: stop multiplying (bounded time), reported as text
    return total + current


def _to_float(value: int | Decimal) -> float:
    """A value as a float, infinite when it is absurdly large (never an OverflowError)."""
    return float(value) if Decimal(value) < ABSURD else math.inf


def parse_number_words(text: str) -> float | None:
    """Value of a number written in words (``None`` when it is not one; ``inf`` when absurdly large).

    >>> parse_number_words("fourteen"), parse_number_words("twenty-five"), parse_number_words("half a")
    (14.0, 25.0, 0.5)
    >>> parse_number_words("one hundred and twenty"), parse_number_words("half a million"), parse_number_words("a dozen")
    (120.0, 500000.0, 12.0)
    >>> parse_number_words("Sixty one"), parse_number_words("a time") is None, parse_number_words("a thousand million")
    (61.0, True, 1000000000.0)
    """
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if t in ("a dozen", "dozen"):
        return 12.0
    if t == "half a":
        return 0.5
    if t == "a quarter of a":
        return 0.25
    m = re.fullmatch(r"half (?:an? )?(\w+)", t)
    if m:
        inner = 12.0 if m.group(1) == "dozen" else _SCALES.get(m.group(1))
        return None if inner is None else inner / 2
    m = re.fullmatch(r"(?:(a|one|two|three) )?quarters? (?:of )?(?:an? )?(\w+)", t)
    if m:
        n = {"a": 1, "one": 1, "two": 2, "three": 3, None: 1}[m.group(1)]
        return None if m.group(2) not in _SCALES else n * _SCALES[m.group(2)] / 4
    m = re.fullmatch(r"an? ((?:\w+ ?)+)", t)
    if m:
        parts = m.group(1).split()
        if parts == ["dozen"]:
            return 12.0
        if all(p in _SCALES for p in parts):
            return _to_float(_word_value("one " + " ".join(parts)) or 0) or None
        return None
    words = [w for w in t.split() if w != "and"]
    if not words:
        return None
    dozen = words[-1] == "dozen" and len(words) > 1
    if dozen:
        words = words[:-1]
    value = _word_value(" ".join(words))
    if value is None:
        return None
    return _to_float(value * 12 if dozen else value)


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
    absurd: bool = False  # too large to be a quantity (>= 10^21): kept as text
    exact_fraction: bool = False  # written as a fraction in digits ("1/4", "10 1/2", "½")
    vague: bool = False  # a vague magnitude read as a range ("hundreds of thousands")


def _decimal(raw: str) -> Decimal:
    """The value of a digit string of any length ("1,500", "3,45,678.90", "60, 000")."""
    try:
        return Decimal(re.sub(r"[,\s]", "", raw))
    except InvalidOperation:
        return Decimal(0)


# A score or a vote tally: a result verb in the few words before ("won 3-1", "beat Leeds 2-0", "voted 5-4"), or a
# result noun right after ("a 3-1 win", "a 5-4 decision").
_SCORE_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beating|defeat(?:ed|s|ing)?|lost|lose|loses|losing|drew|draw|tied|tie|"
    r"trail(?:ed|s|ing)?|led|lead|leads|leading|thrash(?:ed|es)?|edged|routed|downed|upset|crushed|scored?|scoreline|"
    r"voted|vote|ruled|margin|passed|approved|rejected|confirmed|split|final\s+score)\b(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
_SCORE_AFTER = re.compile(r"^\s+(?:home\s+|away\s+|road\s+)?(?:win|wins|victory|victories|defeat|defeats|loss|losses|"
                          r"draw|lead|vote|votes|decision|ruling|majority|scoreline|result|triumph|thrashing|drubbing|"
                          r"aggregate)\b", re.IGNORECASE)


def _score_after(text: str, a: int, b: int) -> re.Match | None:
    """A match score or vote tally "3-1" / "24–17" at text[a:] (the first number ends at b), with a result verb
    just before it or a result noun just after it."""
    m = re.match(r"\s?[-–]\s?(\d{1,3})\b(?![.,]\d|\s*(?:%|percent|per\s+cent))", text[b:])
    if not m or re.match(r"\s*[-–/]\s*\d", text[b + m.end():]):
        return None
    rest = text[b + m.end():]
    if _SCORE_AFTER.match(rest) or _SCORE_BEFORE.search(text[max(0, a - 60):a]):
        if re.match(r"\s+(?:[a-z]+s|years?|months?|weeks?|days?|hours?|minutes?|per|times|million|billion)\b", rest, re.I) \
                and not _SCORE_AFTER.match(rest):
            return None
        return m
    return None


def number_atoms(text: str) -> list[NumberSpan]:
    """Single numbers in a sentence, with their currency, scale and percent sign (ranges come later). Digit strings
    of any length are read exactly (decimal arithmetic); values of 10^21 and more are flagged ``absurd``."""
    out: list[NumberSpan] = []
    for m in _ATOM_RE.finditer(text):
        a = m.start()
        if out and a < out[-1].b:
            continue  # read into the previous span (the second number of a score)
        cur_raw = m.group("cur") or ""
        cur, mult = (currency_of_prefix(cur_raw) if cur_raw.strip() else (None, 1.0))
        pct = (m.group("pct") or "").strip() or None
        negative = bool(m.group("sign") or m.group("sign2"))
        if negative and m.group("sign") and m.group("sign").strip() in ("-", "−") and re.search(r"\d\s*$", text[:a]):
            negative, a = False, m.start("sign") + 1  # "18 -55mm": a range written with a space, not a sign
        glued = ""
        words = False
        exact: Decimal | None = None
        if m.group("frac"):
            fn, fd = int(m.group("fn")), int(m.group("fd"))
            if fd not in (2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100) or not 0 < fn < fd:
                continue  # "9/11", "24/7": not a fraction
            value = (int(m.group("whole") or 0)) + fn / fd
            scaled, end_num = False, m.end("frac")
        elif m.group("vulgar"):
            v = m.group("vulgar")
            value = int(m.group("vwhole") or 0) + _VULGAR[v[-1]]
            scaled, end_num = False, m.end("vulgar")
        elif m.group("digits"):
            exact = _decimal(m.group("digits"))
            scaled = bool(m.group("scale"))
            if scaled:
                exact *= _SCALES[m.group("scale").lower().rstrip("s") if m.group("scale").lower() in ("lakhs", "crores") else m.group("scale").lower()]
                more = re.match(rf"(?:\s+(?:{_W_SCALE})\b)+", text[m.end("scale"):], re.I)
                if more:  # "5 thousand million": each further scale word multiplies once
                    for w in more.group(0).split():
                        exact *= _SCALES[w.lower().rstrip("s") if w.lower() in ("lakhs", "crores") else w.lower()]
            short = (m.group("short") or "").lower()
            if short:
                nxt = re.match(r"\s+([a-z]+)", text[m.end("short"):])
                # "$5m", "3bn", "50k", and "14m people"/"14m staff" are scaled; a bare "5m" is metres
                plural = nxt and ((re.fullmatch(r"[a-z]{2,}[^s]s", nxt.group(1)) and nxt.group(1) not in ("this", "its", "has", "was", "his", "yes", "thus", "plus"))
                                  or nxt.group(1) in ("people", "staff", "children", "men", "women"))
                if cur or short in ("bn", "mn", "tn", "k") or plural:
                    exact *= _SHORT_SCALES[short]
                    scaled = True
                else:
                    glued = short
            end_num = m.end("short") if m.group("short") and not glued else m.end("scale") if scaled and m.group("scale") else m.end("digits")
            if scaled and m.group("scale"):
                more = re.match(rf"(?:\s+(?:{_W_SCALE})\b)+", text[end_num:], re.I)
                if more:
                    end_num += more.end()
            if glued:
                end_num = m.end("digits")
            elif not m.group("pct") and re.match(r"[A-Za-z]", text[end_num:]) and not re.match(r"(?:st|nd|rd|th)\b", text[end_num:], re.I):
                glued = re.match(r"[A-Za-z]+", text[end_num:]).group(0)
            value = _to_float(exact)
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
                out.append(NumberSpan(a, out_end, -value if negative else value, currency=cur, words=True,
                                      scaled=any(w.lower() in _SCALES for w in raw.split()), absurd=math.isinf(value)))
                continue
            value = parse_number_words(raw + (" dozen" if dozen else ""))
            if value is None:
                continue
            scaled = dozen or any(w.lower() in _SCALES for w in re.split(r"[\s-]+", raw))
            words = True
            end_num = m.end("dozen") if dozen else m.end("words")
        if m.group("andhalf") and not glued and not math.isinf(value):  # "two and a half", "2 and a half million"
            value += 0.5 * (_scale_of(value) if scaled else 1.0)
            end_num = m.end("andhalf")
            if m.group("scale2"):
                value *= _SCALES[m.group("scale2").lower().rstrip("s") if m.group("scale2").lower() in ("lakhs", "crores") else m.group("scale2").lower()]
                scaled = True
        if pct and not glued:
            end_num = m.end("pct")
        elif glued:
            pct = None
        if mult != 1.0:
            value *= mult
            scaled = True
        absurd = math.isinf(value) or (exact is not None and abs(exact * Decimal(mult)) >= ABSURD)
        if absurd:
            value = math.inf
        if negative and not absurd:
            value = -value
        score = None
        if m.group("digits") and not cur and not pct and not glued and not scaled and not negative and exact is not None and exact < 1000:
            score = _score_after(text, a, end_num)
        if score:
            out.append(NumberSpan(a, end_num + score.end(), value, high=float(score.group(1)), pct="score", digits=True))
            continue
        out.append(NumberSpan(a, end_num, value, currency=cur, pct=pct, scaled=scaled, words=words,
                              digits=bool(m.group("digits") or m.group("frac") or m.group("vulgar")), glued=glued,
                              absurd=absurd, exact_fraction=bool(m.group("frac") or m.group("vulgar"))))
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
    """Proportions written in words ("half", "two-thirds", "a quarter of", "two in five") outside the ``taken``
    ranges, as values between 0 and 1 (kind ``proportion``)."""
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
            out.append(NumberSpan(a, b, 0.5, fraction=True, words=True, pct="proportion"))
            continue
        if m.group("den") or m.group("hden"):
            num = (m.group("num") or m.group("hnum")).lower()
            n = 1 if num in ("a", "an") else _UNITS[num]
            d = _FRACTION_WORDS[(m.group("den") or m.group("hden")).lower()]
            ofm = re.search(r"\s+of$", m.group(0))
            end = b - (len(ofm.group(0)) if ofm else 0)
            out.append(NumberSpan(a, end, round(n / d, 4), fraction=True, words=True, pct="proportion"))
            continue
        x = m.group("a").lower()
        y = re.sub(r"^a\s+", "", m.group("b").lower())
        xv = float(x) if x.isdigit() else _UNITS.get(x)
        yv = float(y) if y.isdigit() else (_UNITS.get(y) or _TENS.get(y) or (100 if y == "hundred" else None))
        if xv is None or not yv or xv > yv:
            continue
        out.append(NumberSpan(a, b, round(xv / yv, 4), fraction=True, words=not x.isdigit(), pct="proportion"))
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
    _cache_units_regex()
    return parser


class _CachingRe:
    """The ``re`` module as quantulum3's regex builder sees it: the same, except that its one huge pattern (every
    unit name, about 150,000 characters, rebuilt in each process in set order) comes compiled from the model cache
    (:func:`analysis.core.model_cache.compiled_regex`): 0.2 s less per process, and the same pattern in every one."""

    def __init__(self, sources: tuple[str, ...]):
        self._sources = sources

    def __getattr__(self, name: str):
        return getattr(re, name)

    def compile(self, pattern, flags=0):
        if isinstance(pattern, str) and len(pattern) > 20_000:
            return compiled_regex(f"quantulum3-units-{int(flags)}", self._sources, pattern, int(flags))
        return re.compile(pattern, flags)


def _cache_units_regex() -> None:
    try:
        from pathlib import Path

        from quantulum3 import regex as q_regex

        root = Path(q_regex.__file__).parent
        sources = tuple(sorted(str(f) for f in (*root.glob("*.json"), *root.glob("_lang/en_US/**/*.json"),
                                                *root.glob("*.py"))))
        if getattr(q_regex, "re", None) is re:
            q_regex.re = _CachingRe(sources)
    except Exception:  # noqa: BLE001 - without it quantulum3 compiles as usual
        pass


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
    vague: bool = False  # a vague magnitude read as a range ("hundreds of thousands")


_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:{MONTHS})\b")
# Month names in lower-cased text: abbreviations with their full stop, full names other than "may" and "march".
_MONTH_BEFORE_LOWER = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.\s*$|"
                                 r"\b(?:january|february|april|june|july|august|september|october|november|december)\s+$",
                                 re.I)
_MONTH_AFTER_LOWER = re.compile(r"^\s+(?:january|february|april|june|july|august|september|october|november|december)\b",
                                re.I)
_DUR_AFTER = re.compile(
    r"^(?P<sep>\s+|-|\s*-\s*)(?:(?P<adj>working|business|calendar|straight|consecutive)\s+)?"
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie)s?\b(?P<poss>['’])?",
    re.I,
)
_AGE_AFTER = re.compile(r"^(?:\s*-\s*|\s+)(?:years?|months?|weeks?|days?)\s*-\s*olds?\b|^\s+(?:years?|months?|weeks?|days?)\s+(?:old|of\s+age)\b|^\s?(?:yo|y/o|yrs?\s+old)\b", re.I)
# Nouns after a year that make it a year, not a count ("2019 sales", "2019 results").
_PERIOD_NOUNS = re.compile(r"^\s+(?:sales|earnings|revenues?|profits?|results|figures|levels|prices|rates|returns|"
                           r"numbers|deliveries|shipments|exports|imports|losses|forecasts?|estimates|totals?|"
                           r"elections|olympics|games|models?|editions?|budgets?|accounts|filings|data|statistics|"
                           r"graduates|class|season|census|campaigns?|primaries|midterms)\b", re.I)
# "123 Main Street": a house number.
_ADDRESS_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|"
                            r"Dr|Way|Place|Pl|Court|Ct|Terrace|Square|Highway|Hwy|Parkway)\b\.?")
# "NY 10001": a US ZIP code after a state abbreviation; "4410 K-12": a code after the number.
_ZIP_BEFORE = re.compile(r"\b[A-Z]{2}\s+$")
_CODE_AFTER = re.compile(r"^\s+[A-Za-z]{1,3}-?\d+\b")
_PLURAL_OR_UNIT_AFTER = re.compile(r"^\s+(?:[a-z]+s|people|children|men|women|staff|police|personnel)\b")
_ONE_PRONOUN_AFTER = re.compile(r"^\s+(?:can|could|should|must|might|would|will|cannot|can't|shall|needs|has\s+to|"
                                r"gets|finds|feels|sees|knows)\b", re.I)
_COMPOUND_SUB = re.compile(
    r"^(?P<sep>\s+(?:and\s+)?)(?P<n>\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?P<sub>\s+(?:cents?|pence|p))?(?![\w%$€£¥]|[.,]\d)",
    re.I)
_MAJOR = {"USD", "EUR", "GBP", "AUD", "CAD", "NZD", "HKD", "SGD", "CHF", "MXN", "INR", "CNY", "MYR", "ZAR", "BRL", "TRY"}


def _compound_money(text: str, span: NumberSpan, code: str, value: float, end: int) -> tuple[float, int]:
    """"4 dollars 20 cents", "8 dollars and 20", "12 USD 40": the minor units join the major ones."""
    if code not in _MAJOR or value != int(value) or span.scaled:
        return value, end
    m = _COMPOUND_SUB.match(text[end:])
    if not m:
        return value, end
    if re.match(r"\s+(?:[a-z]+s|%|percent|per|times|years?|months?)\b", text[end + m.end():], re.I) and not m.group("sub"):
        return value, end
    if not m.group("sub") and (currency_after(text[end + m.end():]) or measure_after(text[end + m.end():])):
        return value, end  # "20 dollar 30 rmb": another amount
    n = m.group("n")
    minor = float(n) if n.isdigit() else parse_number_words(n)
    if minor is None or minor >= 100 or (m.group("sep").strip() == "" and not m.group("sub") and not n.isdigit()
                                         and not re.match(r"\s*(?:[.!?;,]|$)", text[end + m.end():])):
        return value, end
    return value + minor / 100, end + m.end()


def _unit_end(text: str, end: int) -> tuple[str, int]:
    """A rate after a unit ("a share", "per day"): (" per share", new end), or ("", end)."""
    r = rate_after(text[end:])
    return (f" per {r[0]}", end + r[1]) if r else ("", end)


def type_number(text: str, span: NumberSpan, sentence: Sentence, first_token: bool, next_tag: str = "") -> ParsedNumber | None:
    """The kind and unit of a found number from its context (year, date, money, percent, ordinal, label...),
    or None when it is not a number to list. Numbers that are not figures carry their reason in ``unit``."""
    raw = text[span.a:span.b]
    before = text[:span.a]
    after = text[span.b:]
    low_before = before.lower()
    value, high = span.value, span.high

    if span.absurd:
        return ParsedNumber(span.a, span.b, math.nan, None, "label", "value too large to be a quantity (kept as text)")
    if span.pct == "score":
        return ParsedNumber(span.a, span.b, value, high, "score", "score")
    if span.fraction:
        if span.pct == "ratio":
            return ParsedNumber(span.a, span.b, value, None, "other", "ratio", fraction=True, words=True)
        if span.pct and span.pct.startswith("duration:"):
            return ParsedNumber(span.a, span.b, value, None, "duration", span.pct.split(":")[1], fraction=True, words=True)
        unit = measure_after(after, before) if re.match(r"^\s+(?:of\s+)?an?\s", after) is None else None
        if unit and unit[0] in ("turn", "mile", "cup", "inch", "pound-mass", "teaspoon", "tablespoon", "metre", "kilometre", "litre"):
            return ParsedNumber(span.a, span.b + unit[1], value, None, "other", unit[0], fraction=True, words=True)
        return ParsedNumber(span.a, span.b, value, None, "proportion", "", fraction=True, words=span.words)

    # Bare "one" as a pronoun or in fixed phrases is not a figure: "one of the", "no one", "one another", "one can".
    if span.words and not span.scaled and raw.lower() == "one":
        if (re.match(r"^\s+(?:of|another|anything|thing|such|day\s+(?:he|she|they|we|i)\b)\b", after, re.I)
                or re.match(r"^['’]s\b|^-(?:sided|off|time|way|third|half)\b|^\s?-\s?time\b", after, re.I)
                or _ONE_PRONOUN_AFTER.match(after)
                or (re.search(r"\b(?:no|the|this|that|which|any|every|each|some|another|any|at)\s+$", low_before)
                    and not measure_after(after, before))):
            return None
        if re.match(r"^\s*(?:[.,;:!?)]|$|here\b|there\b)", after) and re.search(
                r"\b(?:last|first|next|only|other|right|wrong|same|good|bad|new|old|big|little|latest|final|main|real|best|worst)\s+$",
                low_before):
            return None  # "the last one.", "first one here"
    if span.words and not span.scaled and raw.lower() == "one":
        if re.match(r"^\s+(?:during|which|that|who|whom|where|whose|when)\b|^\s*[.,;:]?\s*$", after, re.I) and re.search(r"\b(?:a|an|the|was|is|be|very)\s+(?:\w+\s+)?$", low_before):
            return None  # "a very serious one", "was one during which"
        if re.search(r"\b(?:a|an)\s+\w+\s+$", low_before):
            return None  # "a serious one"

    plain = span.digits and not span.currency and not span.pct and not span.exact_fraction
    # List numbering: "1." / "2)" / "(3)" opening a sentence; "; 2 )" inside one.
    if first_token and span.digits and not span.currency and re.match(r"^\s*[.)](?:\s|$)", after) and value < 100:
        return ParsedNumber(span.a, span.b, value, None, "ordinal", "list number")
    if plain and value < 100 and re.match(r"^\s?\)", after) and "(" not in before[-4:]:
        return ParsedNumber(span.a, span.b, value, None, "ordinal", "list number")
    # Numbers that are part of a name: "COVID-19", "F-35", "G7", "Title 42", "No. 10", "Windows 11", "FTSE 100".
    if plain:
        if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:^|\s)(?:[A-Za-z]{2,}|a|A)$", before):
            return ParsedNumber(span.a, span.b, value, None, "label", "model name")
        reason = label_reason(before)
        head = re.findall(r"[A-Za-z&]+", before[-30:])
        proper = bool(head) and head[-1][:1].isupper()  # "Title 42 rules": a capitalised head names the thing
        if reason and not ((_PLURAL_OR_UNIT_AFTER.match(after) and not proper) or measure_after(after, before)
                           or currency_after(after, before) or re.match(rf"^\s*(?:{MONTHS})\b", before.split()[-1] if before.split() else "")):
            return ParsedNumber(span.a, span.b, value, None, "label", reason)
        if (re.fullmatch(r"\d{3,}\s?-\s?\d{4,}", raw) and not re.fullmatch(r"(?:1[6-9]|20)\d\d-(?:1[6-9]|20)\d\d", raw)) \
                or (re.search(r"\d{3,}-$", before) and not re.search(r"\b(?:1[6-9]|20)\d\d-$", before)):
            return ParsedNumber(span.a, span.b, value, None, "label", "identifier")  # "555-1234", account numbers
        if _ADDRESS_AFTER.match(after):
            return ParsedNumber(span.a, span.b, value, None, "label", "identifier")
        if re.fullmatch(r"\d{5}", raw) and _ZIP_BEFORE.search(before):
            return ParsedNumber(span.a, span.b, value, None, "label", "identifier")
        if _CODE_AFTER.match(after) and not measure_after(after, before):
            return ParsedNumber(span.a, span.b, value, None, "label", "identifier")
    # Ordinals: "2nd", "21st".
    if span.digits and re.match(r"^(?:st|nd|rd|th)\b", after, re.I):
        return ParsedNumber(span.a, span.b + 2, value, None, "ordinal", "ordinal")
    # Clock times: "10:30", "3 p.m.".
    if span.digits and not span.currency:
        m = re.match(r"^:(\d{2})\b(?:\s?(?:a\.m\.|p\.m\.|am|pm)(?=\W|$))?", after, re.I)
        if m and value <= 24:
            return ParsedNumber(span.a, span.b + m.end(), value, None, "time", "clock time")
        m = re.match(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", after, re.I)
        if m and value <= 12 and not re.match(r"^\s?pm\s+is\b", after):
            return ParsedNumber(span.a, span.b + m.end(), value, None, "time", "clock time")
    # Dates: "Jan. 8", "October 25, 2022", "25 October", "2024-05-01", "8/1/2024", "dec. 4", "on 3 may".
    if plain:
        m = re.match(r"^[-/]\d{1,2}[-/]\d{2,4}\b", after)
        if m and float(value) <= 31 or (m and 1000 < value < 2100):
            return ParsedNumber(span.a, span.b + m.end(), value, None, "date", "date")
        if value == int(value) and 1 <= value <= 31 and high is None and (
                _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _MONTH_BEFORE_LOWER.search(before)
                or _MONTH_AFTER_LOWER.match(after)
                or (re.search(r"\b(?:on|from|until|by|since)\s+$", low_before) and re.match(r"^\s+(?:may|march)\b", after, re.I))
                or re.search(r"\b(?:on|from|until|by|since|early|late|mid)\s+(?:may|march)\s+$", low_before)):
            return ParsedNumber(span.a, span.b, value, None, "date", "date")
        # Years: 1600-2099 without a comma, unless a plural noun follows and no time preposition precedes.
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", raw) or (high is not None and re.fullmatch(r"(?:1[6-9]|20)\d\d\s*(?:-|–|to|and)\s*(?:(?:1[6-9]|20)?\d\d)", raw)):
            decade = re.match(r"^['’]?s\b", after)
            if decade:
                return ParsedNumber(span.a, span.b + decade.end(), value, high, "year", "decade")
            strong = re.search(r"(?:\b(?:in|since|by|until|till|before|after|during|from|through|between|early|late|mid|fiscal|as\s+of|AD|BC|BCE|CE)\s+|mid-|\b(?:" + MONTHS + r")\.?\s+(?:\d{1,2},?\s+)?)$", before, re.I)
            noun_after = re.match(r"^\s+([a-z]+)", after)
            plural_after = next_tag in ("NNS", "NNPS") or bool(noun_after and (
                re.search(r"(?:children|people|men|staff|police|personnel|folk)$", noun_after.group(1))
                or (next_tag.startswith("NN") and re.search(r"[^s]s$", noun_after.group(1)))))
            if strong or not plural_after or _PERIOD_NOUNS.match(after):  # "in 2019", "the 2024 election", "2019 sales"
                return ParsedNumber(span.a, span.b, value, high, "year", "year")
        if value < 100 and re.fullmatch(r"\d\d", raw) and re.search(r"\b(?:1[6-9]|20)\d\d[-–/]$", before):
            return ParsedNumber(span.a, span.b, value, high, "year", "year")  # "the 2019-20 season", "1990/91"
        if re.search(r"\b(?:AD|BC|BCE|CE)\s+$", before) or re.match(r"^\s+(?:AD|BC|BCE|CE)\b", after):
            return ParsedNumber(span.a, span.b, value, high, "year", "year")
        if re.match(r"^['’]s\b", after) and value < 100 and value % 10 == 0 and re.search(r"['’]$", before):
            return ParsedNumber(span.a - 1, span.b + 2, value, None, "year", "decade")

    # Money and percentages.
    if span.currency:
        code, end = span.currency, span.b
        sc = re.match(r"^\s+(million|billion|trillion|thousand)\b", text[end:], re.I) if not span.scaled else None
        if sc:
            value, end = value * _SCALES[sc.group(1).lower()], end + sc.end()
        value, end = _compound_money(text, span, code, value, end)
        per, end = _unit_end(text, end)
        return ParsedNumber(span.a, end, value, high, "money", code + per, scaled=span.scaled or bool(sc), words=span.words)
    if span.pct:
        low_pct = span.pct.lower()
        unit = "basis points" if ("basis" in low_pct or low_pct == "bps") else "percentage points" if "point" in low_pct else "%"
        per, end = _unit_end(text, span.b)
        return ParsedNumber(span.a, end, value, high, "percent", unit + per, scaled=span.scaled, words=span.words)
    cur = currency_after(after, before, glued_ok=True)
    if cur and not (span.glued and span.glued.lower() not in ("p", "usd", "eur", "gbp", "rmb") and not re.match(r"^[A-Z]{3}\b|^[MkK][A-Z]{3}\b", span.glued)):
        code, used, mult = cur
        end = span.b + used
        sc = re.match(r"^\s+(million|billion|trillion|thousand)\b", text[end:], re.I) if not span.scaled else None
        if sc:
            mult, end = mult * _SCALES[sc.group(1).lower()], end + sc.end()
        value = value * mult
        high = high * mult if high is not None else None
        value, end = _compound_money(text, span, code, value, end)
        per, end = _unit_end(text, end)
        return ParsedNumber(span.a, end, value, high, "money", code + per, scaled=span.scaled or mult != 1.0, words=span.words)
    # Ages: "38-year-old", "42- year-old", "20 years old", "aged 8–10 years", "between the ages of 20 and 53".
    m = _AGE_AFTER.match(after)
    if m:
        unit = next((u for u in ("month", "week", "day") if u in m.group(0).lower()), "year")
        return ParsedNumber(span.a, span.b + m.end(), value, high, "duration", unit, counts_hint="age", age=True, words=span.words)
    if re.search(r"\b(?:aged|ages?\s+of|ages?\s+from|in\s+age\s+from|age\s+of|of\s+age)\s+$", low_before) or re.search(r"\bages?\s+(?:range\s+)?from\s+$", low_before):
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
    # Units of measure: the unit table first ("5GHz", "2TB", "100 km/h", "104 degrees Fahrenheit"), then quantulum3.
    unit = measure_after(after, before)
    if unit and not (span.scaled and span.glued):
        name, used = unit
        per, end = _unit_end(text, span.b + used)
        return ParsedNumber(span.a, end, value, high, "other", name + per, scaled=span.scaled, words=span.words)
    measured = _measure_unit(text, span)
    if measured:
        kind, unit_name, end = measured
        return ParsedNumber(span.a, end, value, high, kind, unit_name, extractor="article-lens + quantulum3 unit",
                       scaled=span.scaled, words=span.words)
    if span.glued:
        return ParsedNumber(span.a, span.b, value, None, "label", "model name")
    # "a 12-member team": a count of the hyphenated noun.
    m = re.match(r"^-([a-z]+)\b|^ - ([a-z]+)\b(?=\s+[A-Za-z])", after)  # "12-member", "six - member Afghan team"
    if m and (m.group(1) or m.group(2)) not in ("and", "to", "or", "plus", "odd", "the", "a", "an", "which", "who", "but"):
        word = m.group(1) or m.group(2)
        return ParsedNumber(span.a, span.b + m.end(), value, high, "count", "", counts_hint="hyphen:" + word,
                       words=span.words, scaled=span.scaled)
    if span.exact_fraction and value < 1 and not span.currency:
        return ParsedNumber(span.a, span.b, value, None, "proportion", "", words=False)
    return ParsedNumber(span.a, span.b, value, high, "count", "", words=span.words, scaled=span.scaled)


# ---------------------------------------------------------------- vague magnitudes

_VAGUE_BASE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
               "billions": 1_000_000_000, "trillions": 1_000_000_000_000}
_VAGUE_RE = re.compile(r"(?<![\w-])(?P<chain>(?:tens|dozens|scores|hundreds|thousands|millions|billions|trillions)"
                       r"(?:\s+of\s+(?:tens|dozens|scores|hundreds|thousands|millions|billions|trillions))*)"
                       r"(?P<of>\s+of\s+(?!\d)(?:(?:us|u\.s\.|australian|canadian)\s+)?(?P<cur>dollars|euros|pounds|pesos|rupees|yen|yuan)?)",
                       re.IGNORECASE)


def vague_magnitudes(text: str, taken: list[tuple[int, int]]) -> list[ParsedNumber]:
    """Vague magnitudes read as ranges ("hundreds of thousands of people": 100,000–1,000,000; "billions of
    dollars": 1e9–1e10 USD; "dozens of": 12–120): each plural scale word multiplies, the upper end is ten times
    the lower. They stay in ``vague_quantities`` too; here they get a figure record (approximation "vague")."""
    out = []
    for m in _VAGUE_RE.finditer(text):
        a, b = m.start(), m.end("chain")
        if any(a < y and x < b for x, y in taken):
            continue
        low = 1
        for w in re.findall(r"[a-z]+", m.group("chain").lower()):
            if w != "of":
                low *= _VAGUE_BASE[w]
            if low >= ABSURD:
                break
        if low >= ABSURD:
            continue  # "millions of millions of ...": no magnitude worth a record
        cur = (m.group("cur") or "").lower()
        if cur:
            code = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "pesos": "MXN", "rupees": "INR", "yen": "JPY",
                    "yuan": "CNY"}[cur]
            pre = re.search(r"(australian|canadian)\s+$", text[:m.end()][: -len(cur)].lower())
            code = {"australian": "AUD", "canadian": "CAD"}.get(pre.group(1), code) if pre else code
            out.append(ParsedNumber(a, m.end(), float(low), float(low * 10), "money", code, scaled=True, words=True, vague=True))
        else:
            out.append(ParsedNumber(a, b, float(low), float(low * 10), "count", "", scaled=True, words=True, vague=True))
    return out


# ---------------------------------------------------------------- numbers glued to a name

_NAME_NUMBER_RE = re.compile(r"(?<![\w$£€¥.,/-])(?P<head>[A-Za-z]{1,12})(?P<hy>-?)(?P<num>\d+(?:\.\d+)?)(?P<tail>[A-Za-z]{0,3})\b")


def name_numbers(text: str, taken: list[tuple[int, int]]) -> list[ParsedNumber]:
    """Numbers written into a name ("Galaxy S24", "the A380", "F-35", "COVID-19", "G7"): listed as labels so that
    "numbers that are not figures" shows them with their reason (the lexicon's, else "model name")."""
    out = []
    for m in _NAME_NUMBER_RE.finditer(text):
        a, b = m.start("num"), m.end("num")
        if any(a < y and x < b for x, y in taken):
            continue
        head = m.group("head")
        if head.lower() in ("mid", "pre", "post", "late", "early", "circa", "ca", "x") or (
                head.islower() and len(head) > 3 and not m.group("hy")):
            continue
        if head.upper() in CURRENCY_SYMBOLS or re.fullmatch(r"(?:M|k)?[A-Z]{3}", head) and head[-3:] in CURRENCY_SYMBOLS:
            continue
        reason = label_reason(head + " ") or "model name"
        out.append(ParsedNumber(a, b, float(m.group("num")), None, "label", reason))
    return out
