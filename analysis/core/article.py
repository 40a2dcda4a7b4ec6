"""The Article model: parse a plain-text article (optional metadata header, headline, standfirst, body) into paragraphs and sentences with stable ids and offsets."""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from . import nlp
from .config import ARTICLES_DIR
from .errors import ArticleError
from .header import parse_header
from .io import decode_text, display_path, read_article_bytes
from .lazy import pandas as pd
from .webpage import HTML_SUFFIXES, decode_html, extract_html, looks_like_html

__all__ = [
    "Paragraph",
    "Sentence",
    "Article",
    "parse_article",
    "load_article",
    "slugify",
    "METADATA_KEYS",
    "resolve_article_path",
    "MAX_ARTICLE_CHARS",
    "split_header",
    "slug_for_file",
    "article_from_bytes",
]

#: Longest text analysed, in characters after decoding: about 160,000 words, far beyond the longest
#: news features (the benchmark analyses 100,000 words). Analysis time grows linearly with length
#: (about a minute for 100,000 words on the benchmark machine), so a bigger file is almost always a
#: mistake (an archive, a book, a whole site) and is refused at once with a clear message.
MAX_ARTICLE_CHARS: int = 1_000_000

#: Keys of the optional metadata header, in the order they are written.
METADATA_KEYS: tuple[str, ...] = (
    "title",
    "standfirst",
    "source",
    "author",
    "url",
    "date",
    "language",
    "licence",
    "attribution",
)

_PARTS = ("teaser", "headline", "dateline", "standfirst", "body", "caption", "credits")
#: A picture caption ends with its credit ("… on October 25, 2022. Image: UK Government.") and is short.
CAPTION_MAX_SENTENCES = 3


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the analysed text: ``part`` is teaser, headline, dateline, standfirst, body, caption (a
    picture's caption and credit, :func:`_is_caption`) or credits (who wrote, edited or read the story, at its
    end: :func:`_is_credits`)."""

    index: int
    part: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence with a stable id (``s1``, ``s2``...), its paragraph and its offsets into ``Article.text``."""

    id: str
    index: int
    paragraph: int
    part: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, eq=True)
class Article:
    """One article, parsed. ``text`` is the analysed text (paragraphs joined by blank lines).

    Offsets of paragraphs and sentences point into ``text``.
    """

    text: str
    title: str
    standfirst: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    meta: tuple[tuple[str, str], ...] = ()
    slug: str = "article"
    path: str | None = field(default=None, compare=False)
    warnings: tuple[str, ...] = ()

    @property
    def metadata(self) -> dict[str, str]:
        """The metadata header (and what the parser inferred) as a dict."""
        return dict(self.meta)

    @property
    def source(self) -> str:
        return self.metadata.get("source", "")

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences that are running prose: everything but the headline, its dateline, picture captions and the
        closing credits."""
        return tuple(s for s in self.sentences if s.part not in ("headline", "dateline", "caption", "credits"))

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with this id (``KeyError`` if none)."""
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        raise KeyError(sentence_id)

    def sentences_frame(self) -> pd.DataFrame:
        """Columns: sentence_id, index, paragraph, part, start, end, text."""
        return pd.DataFrame(
            [(s.id, s.index, s.paragraph, s.part, s.start, s.end, s.text) for s in self.sentences],
            columns=["sentence_id", "index", "paragraph", "part", "start", "end", "text"],
        )

    def paragraphs_frame(self) -> pd.DataFrame:
        """Columns: paragraph, part, start, end, text."""
        return pd.DataFrame(
            [(p.index, p.part, p.start, p.end, p.text) for p in self.paragraphs],
            columns=["paragraph", "part", "start", "end", "text"],
        )

    def __repr__(self) -> str:  # short: the default repr would print the whole text
        return f"Article(slug={self.slug!r}, title={self.title!r}, sentences={len(self.sentences)})"

    # Analyses cache their results per article (``functools.lru_cache``), so an article is hashed
    # on every cached call. The generated dataclass hash walks every sentence each time, which made
    # long articles quadratic (a 100 kB article spent most of its time hashing); compute it once.
    def __hash__(self) -> int:
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.text, self.title, self.standfirst, self.paragraphs, self.sentences, self.meta,
                           self.slug, self.warnings))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict:
        # String hashes differ between processes: never carry the cached one across a pickle.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}


# ---------------------------------------------------------------- slugs

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
             # the names of the report output's shared files and folders (assets/, index.html, compare.html,
             # compare_figures/, a corpus CSV): an article never gets one of them as its folder
             "assets", "index", "compare", "corpus"}


def slugify(text: str, *, max_length: int = 60) -> str:
    """A lower-case ASCII name safe on every filesystem.

    >>> slugify("Trump Intensifies Immigration Enforcement!")
    'trump-intensifies-immigration-enforcement'
    >>> slugify("../../etc/passwd"), slugify("CON"), slugify("🙂"), slugify("assets")
    ('etc-passwd', 'con-article', 'article', 'assets-article')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
        slug = slug.strip("-")
    if not slug:
        return "article"
    if slug in _RESERVED:
        slug = f"{slug}-article"
    return slug


# ---------------------------------------------------------------- parsing helpers

_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_HEADER_LINE_RE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30})\s*:\s*(.*)$")
_DATE_LINE_RE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\.?$",
    re.IGNORECASE,
)
#: A full date with its weekday at the end of a headline line ("Storm hits coast Friday, July 21, 2017"): the
#: dateline run into the headline, a unit of its own.
_HEAD_DATE_RE = re.compile(
    r"\s+((?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4})$",
    re.IGNORECASE,
)
#: A full date with its weekday that opens the first paragraph and runs into its first sentence ("Thursday,
#: March 15, 2012 The council voted …"), or a full date without one before a label in capitals ("MARCH 3, 2021
#: PRESS RELEASE", "July 11, 2022 WASHINGTON — …"): the dateline, a unit of its own. Without a weekday, a date
#: before a word in lower case or capitalised as usual ("March 3, 2021 Congress passed …", "… O'Brien said") is
#: left in its sentence; before a word in capitals it is split off even when that word is an acronym ("March 3,
#: 2021 NASA said …"), which a sentence rarely starts with right after a bare date.
_LEAD_DATE_RE = re.compile(
    r"((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4})\.?\s+(?=[\"“‘]?[A-Z])"
    r"|((?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})"
    r"\s+(?=[A-Z][A-Z'’.-]*[A-Z.](?![\w'’-]))"
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _normalise(raw: str) -> str:
    # Lone surrogates cannot be written as UTF-8 (JSON, HTML): replace them before anything else.
    text = _SURROGATE_RE.sub("\ufffd", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _CTRL_RE.sub("", text)
    return text


def _clean_line(line: str) -> str:
    return _WS_RE.sub(" ", line).strip()


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``---`` delimited ``key: value`` header from the body (read leniently, see
    :func:`analysis.core.header.parse_header`, which also gives the warnings :func:`load_article` shows)."""
    header = parse_header(text)
    return dict(header.meta), header.body


def _paragraphs_from_blocks(body: str) -> list[tuple[str, int]]:
    """Paragraph strings with the number of the blank-line block they came from.

    Within a block, each line is a paragraph, unless the block is hard-wrapped text
    (every line but the last 40-100 characters long), whose lines are joined.
    """
    out: list[tuple[str, int]] = []
    blocks = re.split(r"\n[ \t]*\n", body)
    for b, block in enumerate(blocks):
        lines = [_clean_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(40 <= len(line) <= 100 for line in lines[:-1]) and not any(
            _looks_like_headline(line) and not line.endswith((",", ";")) and len(line.split()) < 8 for line in lines[:1]
        )
        if wrapped:
            out.append((" ".join(lines), b))
        else:
            out.extend((line, b) for line in lines)
    return out


def _looks_like_headline(par: str, *, first: bool = False) -> bool:
    """A short line that does not end like a sentence of running text: no final full stop, comma, semicolon or
    colon, also inside closing quotation marks ('… was “absolutely right.”' is a sentence, but 'Biden on Ukraine:
    “We will not back down.”' quotes one after a colon). The ``first`` paragraph may also end with a full stop when
    it is one sentence in title case ("Pence: Gennifer Flowers Won't Be at Debate."): some sources print titles so."""
    words = par.split()
    if not (1 <= len(words) <= 30) or _DATE_LINE_RE.match(par):
        return False
    core = par.rstrip("\"”’')»")
    if core.endswith((".", ",", ";", ":")) and not re.search(r"\b(?:[A-Z]\.){2,}$", core):
        if not first or _BYLINE_RE.match(par):
            return False
        opening = max(par.rfind(m) for m in "\"“‘«")
        lead = par[:opening].rstrip()
        if core != par and opening > 0 and lead.endswith(":") and _title_case(lead[:-1].split(), at_least=1):
            return True  # a quoted sentence after a titled colon: 'Biden on Ukraine: “We will not back down.”'
        return core.endswith(".") and _title_case(words) and not re.search(r"[.!?]\s+[A-Z]", core[:-1])
    return True


def _is_caption(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a body paragraph is a picture's caption: at most ``CAPTION_MAX_SENTENCES`` sentences, the last a
    picture credit ("Braverman (left) and Sunak (right) on October 25, 2022. Image: UK Government."). Its
    sentences keep their ids and count as sentences; frame cues and unattributed evaluations in them are not
    counted, since a caption describes a picture, not the story."""
    return 0 < len(spans) <= CAPTION_MAX_SENTENCES and nlp.is_picture_credit(text[spans[-1][0]:spans[-1][1]])


#: A sentence of the credits at a story's end: a sign-off ("I'm Alice Bryant.", "And I'm Pete Musto."), who wrote,
#: adapted or edited it ("Jane Doe wrote this story for VOA News.", "John Roe was the editor."), who contributed
#: ("Ann Lee contributed to this report.", "Reporting by Ann Lee; Editing by Tom Roe").
_CREDITS_RE = re.compile(
    r"(?:And\s+)?I['’]m\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\.?"
    r"|(?:\(?(?:Additional\s+)?[Rr]eporting\s+by|Edit(?:ing|ed)\s+by|Writing\s+by|Compiled\s+by)\b.{0,200}"
    r"|[A-Z][^.!?]{0,80}\b(?:wrote\s+(?:this|the)\s+(?:story|report|article)|adapted\s+(?:it|this\s+story|"
    r"(?:this|the|his|her|their)\s+(?:story|report))|(?:was|were)\s+the\s+editors?|contributed\s+(?:to\s+this\s+"
    r"(?:report|story|article)|reporting))\b.{0,160}")


def _is_credits(text: str) -> bool:
    """Whether a paragraph is made only of credit lines (:data:`_CREDITS_RE`), as at the end of a story."""
    spans = nlp.sentence_spans(text, False)
    return bool(spans) and all(_CREDITS_RE.fullmatch(text[a:b].strip()) for a, b in spans)


#: A byline or a credit line, not a headline: "By Jane Smith.", "Photos by Ann Lee.", "Reporting by Jane Doe."
_BYLINE_RE = re.compile(r"^(?:[A-Za-z]+\s+){0,2}(?:by|By|BY)\s+[A-Z][\w.'’-]*"
                        r"(?:\s+(?:and\s+|AND\s+)?[A-Z][\w.'’-]*)*[.,]?\s*(?:[A-Z][\w ]*\.?)?$")


#: Short words a title leaves in lower case ("Clinton Breaks With Obama on Lawsuit Bill").
_TITLE_LOWER = frozenset("a an the and but or nor for of in on at to by as from with vs v per via into onto off up "
                         "over than".split())


def _title_case(words: list[str], at_least: int = 3) -> bool:
    """Whether a line is set in title case: at least ``at_least`` words, and every word but the short ones a title
    leaves in lower case (articles, conjunctions, prepositions) capitalised ("Attending were Senator John Smith and
    Governor Mary Jones" is not: "were"). Stricter than :attr:`~analysis.core.tokens.SentenceWords.title_case`
    (most words, for sentences already tagged): here a line is taken for a headline, so every word must agree."""
    bare = [w.strip("\"“”‘’'()[],.:;!?") for w in words]
    bare = [w for w in bare if w[:1].isalpha() and w.lower() not in _TITLE_LOWER]
    return len(bare) >= at_least and all(w[:1].isupper() for w in bare)


def _iso_date(line: str) -> str | None:
    """The ISO date a dateline gives ("Friday, July 21, 2017" -> "2017-07-21"); None when it gives no real date
    ("March 32, 2021")."""
    line = line.strip().rstrip(".")
    found = None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", line)
    if m:
        found = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := re.search(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", line)) and m.group(1)[:3].lower() in _MONTHS:
        found = int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2))
    elif (m := re.search(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", line)) and m.group(2)[:3].lower() in _MONTHS:
        found = int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1))
    if found is None:
        return None
    try:
        return datetime.date(*found).isoformat()
    except ValueError:
        return None


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


def _english_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0
    sw = nlp.stopwords()
    return sum(w in sw for w in words) / len(words)


# ---------------------------------------------------------------- parse

def parse_article(raw: str, *, name: str | None = None, path: str | os.PathLike[str] | None = None) -> Article:
    """Parse an article's text.

    The optional header is a block of ``key: value`` lines between two ``---`` lines
    (keys: title, standfirst, source, author, url, date, language, licence, attribution;
    others are kept). Without a header, the headline is the first short paragraph that does
    not end with a full stop, found among the first three; paragraphs before it are a teaser;
    a repeated headline counts once; a paragraph right under the headline (no blank line
    between) is the standfirst; a date-only line under the headline (or a weekday date ending the
    headline's line, or opening the first paragraph before its first sentence) is the dateline, a unit of its
    own (part ``dateline``) that gives the date.

    ``name`` (e.g. the file name without extension) gives the slug; otherwise the title does.
    Raises ArticleError when there is no text.

    >>> a = parse_article("Big news today\\n\\nIt rained. Then it stopped.")
    >>> a.title, [s.id for s in a.sentences], a.sentences[1].text
    ('Big news today', ['s1', 's2', 's3'], 'It rained.')
    """
    label = f"'{path}'" if path else "the article"
    text = _normalise(raw)
    if not text.strip():
        raise ArticleError(f"{label} is empty: there is no text to analyse.")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"{label} has {len(text):,} characters; article-lens analyses one article of at most "
            f"{MAX_ARTICLE_CHARS:,} characters: keep only the article's own text or split the file."
        )
    meta, body = split_header(text)
    pars = _paragraphs_from_blocks(body)
    if not pars and not meta.get("title"):
        raise ArticleError(f"{label} has a header but no text to analyse.")
    warnings: list[str] = []

    teaser: list[str] = []
    headline = _clean_line(meta.get("title", ""))
    standfirst = _clean_line(meta.get("standfirst", ""))
    head_block: int | None = None
    if headline:
        while pars and _same(pars[0][0], headline):
            head_block = pars[0][1]
            pars.pop(0)
    else:
        idx = None
        # Prefer a headline that is repeated (as in copied web pages), then the first short line.
        for i in range(min(3, len(pars))):
            if _looks_like_headline(pars[i][0], first=i == 0) and any(
                    _same(pars[i][0], p) for p, _ in pars[i + 1:i + 3]):
                idx = i
                break
        if idx is None:
            for i in range(min(3, len(pars))):
                if _looks_like_headline(pars[i][0], first=i == 0) and len(pars) > i + 1:
                    idx = i
                    break
        if idx is not None:
            teaser = [p for p, _ in pars[:idx]]
            headline, head_block = pars[idx]
            pars = pars[idx + 1:]
            while pars and _same(pars[0][0], headline):
                head_block = pars[0][1]
                pars.pop(0)
        if not headline:
            headline = ""
    # Dateline right under the headline, or run into the end of its line: a unit of its own (part "dateline").
    dateline = ""
    m = _HEAD_DATE_RE.search(headline) if headline else None
    if m and len(headline[:m.start()].split()) >= 2:
        headline, dateline = headline[:m.start()].rstrip(), m.group(1)
    elif pars and _DATE_LINE_RE.match(pars[0][0]):
        dateline = pars[0][0]
        pars.pop(0)
    elif pars and (lead := _LEAD_DATE_RE.match(pars[0][0])):
        dateline = lead.group(1) or lead.group(2)
        pars[0] = (pars[0][0][lead.end():], pars[0][1])
    if dateline:
        meta.setdefault("dateline", dateline)
        iso = _iso_date(dateline)
        if iso:
            meta.setdefault("date", iso)
    if not standfirst and head_block is not None and len(pars) > 1:
        cand, blk = pars[0]
        if blk == head_block and len(cand.split()) <= 60 and not _looks_like_headline(cand):
            standfirst = cand
            pars.pop(0)
    elif standfirst and pars and _same(pars[0][0], standfirst):
        pars.pop(0)

    title = headline or _title_from_name(name) or "Untitled article"
    pieces: list[tuple[str, str]] = [(p, "teaser") for p in teaser]
    if headline:
        pieces.append((headline, "headline"))
    if dateline:
        pieces.append((dateline, "dateline"))
    if standfirst:
        pieces.append((standfirst, "standfirst"))
    pieces.extend((p, "body") for p, _ in pars)
    # The closing credits: the last body paragraphs, while each is made of credit lines only.
    k = len(pieces)
    while k > 0 and pieces[k - 1][1] == "body" and _is_credits(pieces[k - 1][0]):
        k -= 1
    if k > 0 and any(part == "body" for _, part in pieces[:k]):
        pieces[k:] = [(p, "credits") for p, _ in pieces[k:]]

    informal = nlp.is_informal("\n".join(p for p, part in pieces if part == "body"))
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    chunks: list[str] = []
    pos = 0
    for i, (ptext, part) in enumerate(pieces):
        if i:
            chunks.append("\n\n")
            pos += 2
        spans = [(0, len(ptext))] if part in ("headline", "dateline") else nlp.sentence_spans(ptext, informal)
        if part == "body" and _is_caption(ptext, spans):
            part = "caption"
        paragraphs.append(Paragraph(i, part, pos, pos + len(ptext), ptext))
        for s, e in spans:
            n = len(sentences)
            sentences.append(Sentence(f"s{n + 1}", n, i, part, pos + s, pos + e, ptext[s:e]))
        chunks.append(ptext)
        pos += len(ptext)
    full = "".join(chunks)

    n_words = len(re.findall(r"\w+", full))
    if n_words < 50:
        warnings.append(f"Only {n_words} words: too little text for most measures to mean much.")
    if not re.search(r"[.!?]", full):
        warnings.append("No sentence-ending punctuation: each paragraph is treated as one sentence.")
    long_ones = _over_long(sentences)
    if long_ones:
        named = ", ".join(f"{sid} ({words:,} words)" for sid, words, _ in long_ones[:3])
        more = f" and {len(long_ones) - 3} more" if len(long_ones) > 3 else ""
        pieces = sum(n for _, _, n in long_ones)
        warnings.append(
            f"Over-long sentence{'s' if len(long_ones) > 1 else ''} {named}{more}: split into {pieces:,} pieces of at "
            f"most {nlp.MAX_PIECE_TOKENS} tokens (at commas where possible) for the steps that look around each "
            "word (descriptors, quotations, figures' context, loaded words); sentence counts and lengths are "
            "the whole sentences'."
        )
    lang = meta.get("language", "").lower()
    if lang and not lang.startswith("en"):
        warnings.append(f"The header says the language is '{lang}': the lexicons and models are English only.")
    elif n_words >= 20 and _english_share(full) < 0.15:
        warnings.append("This text does not look like English: the lexicons and models are English only, so scores may be meaningless.")
    if re.search(r"<(script|html|body|div|p|iframe)\b", full, re.IGNORECASE):
        warnings.append("The text contains HTML tags: add web pages with `python -m analysis add PAGE.html` to extract the article text.")

    meta_items: dict[str, str] = {k: v for k, v in meta.items() if v}
    if headline and "title" not in meta_items:
        meta_items["title"] = headline
    ordered = [(k, meta_items[k]) for k in METADATA_KEYS if k in meta_items]
    ordered += sorted((k, v) for k, v in meta_items.items() if k not in METADATA_KEYS)
    slug = _slug_for(name) if name else slugify(title)
    return Article(
        text=full,
        title=title,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        meta=tuple(ordered),
        slug=slug,
        path=str(path) if path else None,
        warnings=tuple(warnings),
    )


def _over_long(sentences: list[Sentence]) -> list[tuple[str, int, int]]:
    """(id, words, pieces) of the sentences longer than ``nlp.MAX_PIECE_TOKENS`` tokens, which the word-context
    steps read in pieces (``analysis.core.tokens.SentenceWords.pieces``)."""
    out = []
    for s in sentences:
        if len(s.text) <= nlp.MAX_PIECE_TOKENS:  # a token has at least one character
            continue
        spans = nlp.word_spans(s.text)
        if len(spans) > nlp.MAX_PIECE_TOKENS:
            toks = [s.text[a:b] for a, b in spans]
            words = sum(1 for t in toks if any(ch.isalnum() for ch in t))
            out.append((s.id, words, len(nlp.piece_bounds(toks))))
    return out


def _slug_for(name: str) -> str:
    """The slug of a file name; a name with nothing ASCII in it (emoji, Cyrillic...) gets a short hash
    of itself after ``article-`` so that two such files never share a report folder.

    >>> _slug_for("Storm report"), _slug_for("🙂"), _slug_for("🙃") != _slug_for("🙂")
    ('storm-report', 'article-d06f1525', True)
    """
    import hashlib

    slug = slugify(name)
    if slug == "article" and slugify(name + "x") == "x":
        slug = f"article-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return slug


def slug_for_file(path: str | os.PathLike[str]) -> str:
    """The slug of an article file, the one rule for its report folder and for collision checks: the slug
    :func:`load_article` gives the article (from the file name without its extension).

    >>> slug_for_file("a/Storm report.txt"), slug_for_file("assets.txt")
    ('storm-report', 'assets-article')
    """
    return _slug_for(Path(path).stem)


def _title_from_name(name: str | None) -> str:
    if not name:
        return ""
    words = re.sub(r"[-_]+", " ", display_path(name)).strip()
    return words[:1].upper() + words[1:] if words else ""


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read and parse an article file (any common encoding). Raises ArticleError for user mistakes.

    The slug is the file name without its extension, made filesystem-safe; a file name that is not valid
    UTF-8 is shown with U+FFFD. A saved web page (``.html``, or text that starts like an HTML document)
    has its article text extracted first, as ``add`` does; see :func:`article_from_bytes`.
    """
    data = read_article_bytes(path)
    return article_from_bytes(data, name=Path(path).stem, path=path, html=Path(path).suffix.lower() in HTML_SUFFIXES)


def article_from_bytes(data: bytes, *, name: str, path: str | os.PathLike[str] | None = None,
                       html: bool = False) -> Article:
    """Decode and parse an article file's bytes, as :func:`load_article` does.

    * a saved web page (``html``, or bytes that start like an HTML document) is decoded by its declared
      charset and its main text and metadata extracted with trafilatura, as ``add`` does, with a warning;
    * mojibake (UTF-8 read as Windows-1252 or Latin-1, once or twice: "donâ€™t") is repaired with ftfy
      (Speer 2019), with a warning naming the repair;
    * problems of the metadata header (an unknown key, a line that is not ``key: value``, a header not
      closed or too long) become warnings: the header is never dropped silently.
    """
    label = f"'{display_path(path)}'" if path is not None else "the article"
    text, encoding = decode_text(data, name=label)
    notes: list[str] = []
    if html or looks_like_html(text):
        page, charset_notes = decode_html(data, name=label)
        meta, body = extract_html(page, name=label)
        notes += charset_notes
        notes.append(f"{label} is a saved web page: its main text was extracted (as `add` does); "
                     "add it with `python -m analysis add` to keep the extracted text.")
        header = "".join(f"{k}: {v}\n" for k, v in meta.items())
        text, encoding = (f"---\n{header}---\n{body}\n" if header else body + "\n"), "utf-8"
    text, repair = _repair_mojibake(text)
    if repair:
        notes.append(repair)
    article = parse_article(text, name=name, path=display_path(path) if path is not None else None)
    notes += parse_header(_normalise(text)).warnings
    meta = dict(article.meta)
    if encoding not in ("utf-8", "utf-8-sig"):
        meta["encoding"] = encoding
    if meta != article.metadata:
        article = _replace_meta(article, meta)
    if notes:
        from dataclasses import replace

        article = replace(article, warnings=tuple(notes) + article.warnings)
    return article


#: A character that no mojibake lacks: UTF-8 decoded as Windows-1252, Latin-1, MacRoman or Windows-1251 always
#: leaves at least one character outside ASCII and outside the typographic punctuation clean news text is full of
#: (curly quotes, dashes, ellipsis, bullet, no-break space, primes). Text without one skips ftfy (and its import).
_MOJIBAKE_SIGN = re.compile("[^\x00-\x7f\u00a0\u2010-\u2015\u2018-\u201f\u2022\u2026\u2032\u2033]")


def _repair_mojibake(text: str) -> tuple[str, str]:
    """``text`` with mojibake repaired by ftfy's ``fix_encoding`` (only the encoding step: quotes, dashes
    and everything else stay as written), and a warning naming the repair ("" when nothing changed)."""
    if text.isascii() or not _MOJIBAKE_SIGN.search(text):
        return text, ""
    import ftfy

    fixed, steps = ftfy.fix_encoding_and_explain(text)
    # Only a real re-decoding counts: a lone "transcode" step (C1 controls read as Windows-1252) is a
    # partial repair that can leave the text worse, so the text is then kept as it was.
    if fixed == text or not any(step[0] in ("encode", "decode") for step in steps or ()):
        return text, ""
    changed = sum(1 for a, b in zip(text.split(), fixed.split()) if a != b)
    how = " then ".join(f"{s[1]}" for s in steps if s[0] in ("encode", "decode"))[:120]
    return fixed, (f"the text had mojibake (characters decoded with the wrong encoding, e.g. 'â€™' for '’'); "
                   f"repaired with ftfy ({how}), about {changed} word(s) changed.")


def _replace_meta(article: Article, meta: Mapping[str, str]) -> Article:
    from dataclasses import replace

    ordered = [(k, meta[k]) for k in METADATA_KEYS if k in meta]
    ordered += sorted((k, v) for k, v in meta.items() if k not in METADATA_KEYS)
    return replace(article, meta=tuple(ordered))


def resolve_article_path(name: str | os.PathLike[str]) -> Path:
    """Find an article by path, or by file name inside ``data/articles/`` (so notebooks do not depend on the working directory).

    >>> resolve_article_path("seed-us-immigration-enforcement.txt").name
    'seed-us-immigration-enforcement.txt'
    """
    p = Path(name).expanduser()
    if p.is_absolute() or p.exists():
        return p
    for cand in (ARTICLES_DIR / p, ARTICLES_DIR / p.name, ARTICLES_DIR / f"{p.name}.txt"):
        if cand.exists():
            return cand
    return p
