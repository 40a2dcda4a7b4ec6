"""Figures in one article: every number with its value, kind, what it counts, its hedge, who states it and when."""

from __future__ import annotations

import re

import pandas as pd

from .article import Article
from .tokens import sentence_tokens

__all__ = ["numbers", "figures", "parse_number_words", "summary_section", "FIGURE_COLUMNS"]

FIGURE_COLUMNS = [
    "sentence_id", "text", "value", "value_high", "kind", "unit", "counts", "approximation", "rounded",
    "source", "time", "start", "end", "context", "is_figure",
]

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "dozen": 12}
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

_WORD_NUM = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozen|half\s+a|a\s+quarter\s+of\s+a)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER_RE = re.compile(
    rf"""
    (?P<cur>[$£€])?\s?
    (?:(?P<digits>{_DIGITS})|(?P<words>\b{_WORD_NUM}\b))
    (?:\s?(?P<scale>{_SCALE}|bn\b|m\b|k\b)(?:\s+{_SCALE})?)?
    (?:\s?(?P<pct>%|\s?per\s?cent\b|\s?percent\b))?
    (?:\s?(?:to|-|–|and)\s?(?P<high>{_DIGITS})(?:\s?(?P<scale2>{_SCALE}))?(?P<pct2>%|\s?per\s?cent\b|\s?percent\b)?)?
    (?P<ord>st|nd|rd|th)?
    (?P<dur>[-\s](?:day|week|month|year|hour|minute)s?\b(?:-old|-long)?)?
    """,
    re.VERBOSE | re.IGNORECASE,
)

_APPROX = [
    ("an estimated", "estimated"), ("estimated at", "estimated"), ("estimated", "estimated"),
    ("approximately", "approximately"), ("about", "about"), ("around", "around"), ("roughly", "roughly"),
    ("nearly", "nearly"), ("almost", "almost"), ("some", "about"), ("close to", "close to"), ("up to", "up to"),
    ("more than", "more than"), ("over", "more than"), ("at least", "at least"), ("fewer than", "fewer than"),
    ("less than", "less than"), ("under", "less than"), ("as many as", "up to"), ("upwards of", "more than"),
]
_LINKS = {"at", "to", "estimated", "put", "numbering", "reached", "reaching", "of", "is", "was", "were", "are",
          "stands", "stood", "totaling", "totalling", "totals", "around", "about", "approximately", "some", "roughly",
          "nearly", "almost", "over", "than", "more", "up", "least", "an"}
_VAGUE_ADJ = {"substantial", "large", "huge", "significant", "sizable", "sizeable", "considerable", "growing", "small"}
_TIME_RE = re.compile(
    rf"\b(?:by|before|after|until|since|in|on|during|from|at)\s+(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:month|year|week|decade|day|summer|winter|spring|autumn|fall|({_MONTHS}))\b"
    rf"|\b(?:last|this|next|past)\s+(?:week|month|year|decade|summer|winter|spring|autumn|fall|weekend)\b"
    rf"|\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"|\b(?:in|by|since|until|before|after)\s+(?:(?:{_MONTHS})\.?\s+)?(?:1[89]|20)\d\d\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\b"
    r"|\b(?:today|yesterday|tomorrow|currently|now)\b",
    re.IGNORECASE,
)


def parse_number_words(text: str) -> float | None:
    """Value of a number written in words.

    >>> parse_number_words("fourteen"), parse_number_words("twenty-five"), parse_number_words("half a")
    (14.0, 25.0, 0.5)
    """
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if t in ("a dozen", "dozen"):
        return 12.0
    if t == "half a":
        return 0.5
    if t == "a quarter of a":
        return 0.25
    total = 0
    for w in t.split():
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _TENS:
            total += _TENS[w]
        else:
            return None
    return float(total)


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def _scale_value(word: str | None) -> float:
    if not word:
        return 1.0
    return float(_SCALES.get(word.lower(), 1))


def _is_round(value: float, scaled: bool) -> bool:
    if scaled:
        return True
    if value != int(value) or value < 100:
        return value >= 10 and value % 10 == 0 and value % 100 != value and False
    v = int(value)
    return v % 100 == 0


def numbers(article: Article) -> pd.DataFrame:
    """Every number expression, typed; ``is_figure`` is False for years, dates, times, ordinals and list numbers.

    Columns: sentence_id, text (as written), value, value_high (upper end of a range or None),
    kind (count, money, percent, duration, year, date, time, ordinal, other), unit, counts
    (what it counts), approximation (hedge or bound), rounded, source (who states it, from the
    sentence's attributions; None when unattributed), time (time anchor in the sentence),
    start, end, context (the words around it), is_figure.
    """
    from .framing import attributions  # framing imports figures-free modules only

    att = attributions(article)
    named = att[att["kind"].isin(["named_person", "named_org", "document", "anonymous", "vague"])]
    src_by_sentence = {sid: grp["source"].iloc[0] for sid, grp in named.groupby("sentence_id", sort=False)}
    toks_by_sentence = sentence_tokens(article)
    rows = []
    for s in article.sentences:
        for m in _NUMBER_RE.finditer(s.text):
            if not (m.group("digits") or m.group("words")):
                continue
            raw = m.group(0).strip()
            a = s.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            b = a + len(raw)
            if m.group("words") and raw.lower().strip() in ("one",) and re.match(r"\s+of\b", s.text[m.end():]):
                continue  # "one of the"
            value = _to_float(m.group("digits")) if m.group("digits") else parse_number_words(m.group("words"))
            if value is None:
                continue
            scaled = bool(m.group("scale"))
            value *= _scale_value(m.group("scale"))
            if m.group("scale") and re.search(rf"\s{_SCALE}\s+{_SCALE}", raw, re.I):
                value *= _scale_value(raw.split()[-1])
            high = None
            if m.group("high"):
                high = _to_float(m.group("high")) * _scale_value(m.group("scale2") or m.group("scale"))
            before = s.text[:m.start()]
            after = s.text[m.end():]
            kind, unit = "count", ""
            if m.group("cur"):
                kind, unit = "money", {"$": "USD", "£": "GBP", "€": "EUR"}[m.group("cur")]
            elif m.group("pct") or m.group("pct2"):
                kind, unit = "percent", "%"
            elif m.group("ord"):
                kind = "ordinal"
            elif m.group("dur"):
                kind, unit = "duration", m.group("dur").strip(" -").split("-")[0].rstrip("s")
            elif re.match(r"^\s*(?:dollars|usd)\b", after, re.I):
                kind, unit = "money", "USD"
            elif re.match(r"^\d{1,2}:\d{2}$", raw):
                kind = "time"
            elif m.group("digits") and re.fullmatch(r"(?:1[5-9]|20)\d\d", raw) and not scaled:
                kind = "year"
            elif m.group("digits") and re.search(rf"\b(?:{_MONTHS})\.?\s*$", before, re.I):
                kind = "date"
            elif m.group("digits") and re.match(rf"^\s*(?:{_MONTHS})\b", after, re.I) and value <= 31:
                kind = "date"
            elif re.match(r"^\s*(?:years?|months?|weeks?|days?|hours?|minutes?)\b", after, re.I) and not re.match(r"^\s*years?\s+old", after, re.I):
                kind, unit = "duration", re.match(r"^\s*(\w+?)s?\b", after).group(1).lower()
            is_list_number = m.start() == 0 and re.match(r"^\s*[.)]\s", after) is not None
            if is_list_number:
                kind = "other"
            counts = _counts(s, m, toks_by_sentence.get(s.id), article) if kind in ("count", "money", "percent", "duration") else ""
            approximation = _approximation(before)
            tm = _TIME_RE.search(s.text)
            time = tm.group(0) if tm and kind not in ("year", "date") else None
            ctx_a = max(0, m.start() - 60)
            ctx = s.text[ctx_a:m.end() + 60].strip()
            is_figure = kind in ("count", "money", "percent", "duration") and not is_list_number
            rows.append((s.id, raw, value, high, kind, unit, counts or None, approximation, _is_round(value, scaled),
                         src_by_sentence.get(s.id), time, a, b, ctx, is_figure))
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def figures(article: Article) -> pd.DataFrame:
    """The quantities of the article (numbers that are not years, dates, ordinals or list numbering).

    Same columns as :func:`numbers`.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nIn 2019 the Pentagon announced plans to send approximately 1,500 troops.")
    >>> figures(a)[["value", "counts", "approximation", "source"]].values.tolist()
    [[1500.0, 'troops', 'approximately', 'Pentagon']]
    """
    n = numbers(article)
    return n[n["is_figure"]].reset_index(drop=True)


def _approximation(before: str) -> str | None:
    words = re.findall(r"[A-Za-z]+", before.lower())[-4:]
    tail = " ".join(words)
    found = []
    for phrase, label in _APPROX:
        if re.search(rf"(?:^|\s){re.escape(phrase)}$", tail) or (phrase in ("estimated", "an estimated", "estimated at") and re.search(rf"(?:^|\s){re.escape(phrase)}(?:\s|$)", tail)):
            if label not in found:
                found.append(label)
    # nearest bound first: "estimated at around" -> around, estimated
    order = {lab: tail.rfind(ph) for ph, lab in _APPROX if ph in tail}
    found.sort(key=lambda lab: -order.get(lab, -1))
    return ", ".join(found) if found else None


def _counts(sentence, match, toks: pd.DataFrame | None, article: Article) -> str:
    """The noun phrase a number quantifies: after it ("1,500 troops") or, failing that, before it
    ("a population estimated at around 14 million")."""
    if toks is None or toks.empty:
        return ""
    a = sentence.start + match.start()
    b = sentence.start + match.end()
    texts = toks["lower"].tolist()
    tags = toks["pos"].tolist()
    starts = toks["start"].tolist()
    after = [k for k, st in enumerate(starts) if st >= b]
    words: list[str] = []
    for k in after[:5]:
        t = tags[k]
        if texts[k] in ("of",) and not words:
            continue
        if t.startswith("NN") or t in ("JJ", "VBN", "VBG") and not words or (words and t.startswith("NN")):
            if t.startswith("NN") or not words:
                words.append(texts[k])
                if t in ("NNS", "NNPS") or (t.startswith("NN") and (k + 1 >= len(tags) or not tags[k + 1].startswith("NN"))):
                    break
                continue
        break
    while words and not any(tags[texts.index(w)].startswith("NN") for w in words[-1:]):
        words.pop()
    if words:
        return " ".join(words)
    before = [k for k, st in enumerate(starts) if st < a]
    k = len(before) - 1
    skipped = 0
    while k >= 0 and texts[k] in _LINKS and skipped < 4:
        k -= 1
        skipped += 1
    if skipped == 0:
        return ""
    np_words: list[str] = []
    while k >= 0 and (tags[k].startswith("NN") or tags[k] in ("JJ", "VBN")) and len(np_words) < 3:
        if texts[k] not in _VAGUE_ADJ:
            np_words.insert(0, texts[k])
        k -= 1
    while np_words and not tags[texts.index(np_words[-1])].startswith("NN"):
        np_words.pop()
    return " ".join(np_words[-2:])


def summary_section(article: Article) -> dict:
    """Top-level keys of the JSON summary that this module owns (``figures``)."""
    from .summary import records

    return {
        "figures": records(figures(article), ["sentence_id", "text", "value", "value_high", "kind", "unit", "counts",
                                              "approximation", "rounded", "source", "time", "start", "end"]),
    }
