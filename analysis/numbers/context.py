"""What a number counts (the noun phrase it quantifies), its hedge or bound, whether it is round, and its time anchor."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..core.article import Sentence
from ..core.tokens import SentenceWords
from .parse import MONTHS, QUANTITY_KINDS, ParsedNumber

__all__ = ["what_it_counts", "approximation_of", "time_anchor", "is_round"]

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
    if k < len(texts) and tags[k] in ("VBZ", "VBP") and re.fullmatch(r"[a-z]+s", texts[k]) and \
            texts[k] not in ("has", "is", "was", "does", "says", "goes", "seems", "remains", "gets", "makes") and \
            (k + 1 == len(texts) or tags[k + 1] in ("VBD", "VBP", "VBZ", "MD", ".", ",", ":")):
        tags[k] = "NNS"  # "50k fans came": after a number, a plural noun the tagger read as a verb
    if k + 1 < len(texts) and texts[k] == "-" and texts[k + 1].lower() in ("plus", "odd"):
        k += 1  # "1,500-plus teachers"
    skipped_of = False
    while k < len(texts) and texts[k].lower() in _SKIP_AFTER:
        if texts[k].lower() == "of":
            partitive = (k + 2 < len(texts) and texts[k + 1].lower() in ("the", "those", "these", "its", "their", "his",
                                                                           "her", "our")
                         and (tags[k + 2].startswith("NN") or tags[k + 2] == "JJ"))
            if not allow_of and not partitive:  # "three of the officers": the officers are counted
                return ""
            skipped_of = True
        k += 1
        if k < len(texts) and tags[k] == "CD":
            return ""
    if allow_of and not skipped_of and k + 1 < len(texts) and texts[k].lower() == "in" and texts[k + 1][:1].islower() \
            and tags[k + 1] not in ("DT", "CD", "PRP$", "IN"):
        k += 1  # "$100,000 in damage" (not "3.9% in March", "£3bn in the year")
    elif allow_of and not skipped_of and k + 1 < len(texts) and texts[k].lower() == "for" and tags[k + 1] in (
            "JJ", "NN", "NNS", "VBN", "VBG"):
        k += 1  # "$5 million for new classrooms"
    words: list[tuple[str, str]] = []
    while k < len(texts) and len(words) < 4:
        t, tg = texts[k], tags[k]
        if tg in ("RB",) and t.lower().endswith("ly") and k + 2 < len(tags) and tags[k + 1] in ("JJ", "VBN", "VBG") \
                and tags[k + 2].startswith("NN"):
            words.append((t, "JJ"))  # "1,200 newly arrived asylum seekers": the adverb belongs to the adjective
            k += 1
            continue
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
    if words and re.fullmatch(rf"(?:{MONTHS})\.?", words[-1][0]):
        return ""  # "from 4.1% in March": a month is a time, not what is counted
    words = words[-3:]
    return " ".join(_word(t, tg, False) for t, tg in words)


def what_it_counts(num: ParsedNumber, sentence: Sentence, toks: SentenceWords | None) -> str | None:
    """The noun phrase a quantity counts ("troops", "undocumented immigrants"), or None for kinds that are not figures."""
    if not toks or num.kind not in QUANTITY_KINDS:
        return None
    text = sentence.text
    a, b = sentence.start + num.a, sentence.start + num.b
    hint = num.counts_hint or ""
    if hint.startswith("hyphen:"):
        word = hint.split(":", 1)[1]
        return word if word.endswith("s") else word + "s"
    # "Chicago (9)": a breakdown of a list, counting the item named before the parenthesis.
    m = re.search(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\($", text[:num.a])
    if m and text[num.b:num.b + 1] == ")" and num.kind == "count":
        return m.group(1)
    if num.age:
        np = _np_after(toks, b, allow_of=False)
        return f"age of {np}" if np else "age"
    if num.kind == "duration" and hint != "adjective":
        return None
    if num.kind == "other" and num.unit not in ("ratio", "times"):
        return None
    np = _np_after(toks, b, allow_of=num.kind in ("percent", "money", "proportion") or num.fraction or num.vague)
    if num.kind == "duration":
        return np or None
    # "a budget of 3 billion pounds for schools", "a workforce of 4,200": X of N counts X, unless a noun follows
    # the amount directly ("the cost of 40 tickets").
    if re.search(r"\b[a-z]+\s+of\s+(?:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|"
                 r"less\s+than|up\s+to|just|an\s+estimated|at\s+least)?\s*$", text[:num.a], re.I) \
            and not _np_after(toks, b, allow_of=False):
        before = _np_before(toks, a)
        if before:
            return before
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


def approximation_of(before: str, after: str) -> tuple[str | None, str | None]:
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
    if re.search(r"[~≈]\s*(?:[$£€]\s*)?$", before):
        found.append((9_999, "~", "approximate"))  # "~20-30 minutes"
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
    rf"\b(?:by|before|after|until|since|in|on|during|from|at|through)\s+(?:the\s+)?(?:end|start|beginning|middle|close|turn)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:month|year|week|decade|century|day|summer|winter|spring|autumn|fall|quarter|(?:{MONTHS}))\b"
    rf"|\bby\s+(?:year|month)[\s-]end\b"
    rf"|\b(?:earlier|later)\s+this\s+(?:week|month|year)\b"
    rf"|\b(?:last|this|next|past)\s+(?:week|month|year|decade|summer|winter|spring|autumn|fall|weekend|quarter|century)\b"
    rf"|\b(?:in\s+recent\s+(?:years|months|weeks|days))\b"
    rf"|\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    rf"|\b(?:in|by|since|until|before|after|during|from)\s+(?:(?:early|late|mid)[\s-])?(?:(?:{MONTHS})\.?\s+)?(?:1[6-9]|20)\d\d\b(?:s\b)?"
    rf"|\b(?:in|by|since|until|before|after|during)\s+(?:{MONTHS})\b"
    rf"|\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\b"
    rf"|\b\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?\b"
    rf"|\b(?:fiscal\s+(?:year\s+)?(?:20|19)\d\d)\b"
    r"|\b(?:today|tonight|yesterday|tomorrow|currently|now|so\s+far)\b",
    re.IGNORECASE,
)
# Month names are only months when capitalised ("may" is a verb).
_MONTH_WORD = re.compile(rf"\b(?:{MONTHS})\b")


@lru_cache(maxsize=64)
def _time_expressions(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """Starts, ends and texts of the time expressions of a sentence, in order (they do not overlap, so starts and
    ends both ascend). Found once per sentence, not once per number in it: a sentence of thousands of words
    with hundreds of numbers stays linear."""
    starts, ends, found = [], [], []
    for m in _TIME_RE.finditer(text):
        if re.search(rf"\b({MONTHS})\b", m.group(0), re.I) and not _MONTH_WORD.search(m.group(0)):
            continue  # "may" in lower case
        starts.append(m.start())
        ends.append(m.end())
        found.append(m.group(0))
    return tuple(starts), tuple(ends), tuple(found)


#: A verb of publishing right before a time expression: the time is the report's ("figures published today show
#: …", "data released on Monday"), not the time the figure counts. ("said last year" is left alone: it may be
#: either.)
_REPORT_TIME_BEFORE = re.compile(r"\b(?:published|publishes|released|releases)\s*$", re.IGNORECASE)


def time_anchor(text: str, a: int, b: int, kind: str) -> str | None:
    """The time expression nearest to the number at ``text[a:b]`` in its sentence ("in 2019", "last year"), or None.
    One that overlaps the number is not its anchor; at equal distance the one before the number wins. A time the
    report was made ("figures published today show 300 people came last year") is taken only when the sentence
    has no other.

    >>> time_anchor("Last year 300 people came, up from 200 in 2019.", 10, 13, "count")
    'Last year'
    >>> time_anchor("Last year 300 people came, up from 200 in 2019.", 35, 38, "count")
    'in 2019'
    >>> time_anchor("Figures published today show 300 people came last year.", 29, 32, "count")
    'last year'
    """
    if kind in ("year", "date", "time", "ordinal", "label", "score"):
        return None
    starts, ends, found = _time_expressions(text)
    told = [k for k in range(len(starts)) if _REPORT_TIME_BEFORE.search(text, max(0, starts[k] - 20), starts[k])]
    if told and len(told) < len(starts):
        keep = [k for k in range(len(starts)) if k not in told]
        starts, ends, found = (tuple(x[k] for k in keep) for x in (starts, ends, found))
    left = bisect_right(ends, a) - 1  # the last expression that ends before the number
    right = bisect_left(starts, b)  # the first that starts after it
    best = (a - ends[left], found[left]) if left >= 0 else None
    if right < len(starts) and (best is None or starts[right] - b < best[0]):
        best = (starts[right] - b, found[right])
    return best[1] if best else None


def is_round(num: ParsedNumber) -> bool:
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


