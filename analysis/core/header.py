"""The optional ``---`` metadata header of an article file: ``key: value`` lines, read leniently.

A header is never dropped silently: a line that is not ``key: value`` is joined to the value above it
(as a folded line; a value split by a line separator reads back whole), a header that is not closed
ends at its first line that is not ``key: value``, a header over :data:`MAX_HEADER_LINES` lines is
read up to the limit, and each of these gives a warning the reports show. An empty value is left out,
so it never erases what the parser derives from the text (a dateline's date, the headline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Header", "parse_header", "MAX_HEADER_LINES", "KNOWN_KEYS"]

#: Longest header read, in lines (a real header has a dozen; this bounds the work on a hostile file).
MAX_HEADER_LINES = 200

#: The documented keys (README, data/articles/README.md; `encoding` and `dateline` are written by the
#: loader itself); others are kept, with a warning.
KNOWN_KEYS = frozenset({
    "title", "standfirst", "source", "author", "url", "date", "language", "licence", "attribution",
    "encoding", "dateline", "topic", "via", "original",
})

_KEY_LINE_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]{0,30})\s*:(?:\s+(.*)|\s*)$")
_URLISH_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class Header:
    """``meta``: key -> value (empty values left out); ``body``: the text after the header;
    ``warnings``: one sentence per problem found; ``found``: whether the text had a header at all."""

    meta: dict[str, str]
    body: str
    warnings: tuple[str, ...] = field(default=())
    found: bool = False


def _key(raw: str) -> str:
    key = raw.lower().replace("-", "_")
    return "licence" if key == "license" else key


def _key_line(line: str) -> tuple[str, str] | None:
    if _URLISH_RE.match(line):  # "https://..." is not the key "https"
        return None
    m = _KEY_LINE_RE.match(line)
    return (_key(m.group(1)), (m.group(2) or "").strip()) if m else None


def parse_header(text: str) -> Header:
    """Split a ``---`` header of ``key: value`` lines from the body (see the module's docstring).

    >>> h = parse_header("---\\ntitle: Storm\\nauthor2: Ann\\n---\\nIt rained.")
    >>> h.meta, h.body, h.warnings
    ({'title': 'Storm', 'author2': 'Ann'}, 'It rained.', ("the header's key 'author2' is not one article-lens knows; kept as metadata.",))
    >>> parse_header("--- a rule\\nIt rained.").found
    False
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return Header({}, text)
    limit = min(len(lines), first + 1 + MAX_HEADER_LINES)
    close = next((j for j in range(first + 1, limit) if lines[j].strip() == "---"), None)
    warnings: list[str] = []
    if close is None:
        # Not closed: the header is the run of key lines right after the opening "---".
        end = first + 1
        while end < limit and _key_line(lines[end].strip()):
            end += 1
        if end == first + 1:
            return Header({}, text)  # a "---" rule above ordinary text, not a header
        if end == limit and limit < len(lines):
            warnings.append(f"the metadata header is longer than {MAX_HEADER_LINES} lines; only the first "
                            f"{MAX_HEADER_LINES} are read and the rest is treated as text.")
        else:
            warnings.append(f"the metadata header is not closed with a '---' line; it is taken to end at line "
                            f"{end} (its last 'key: value' line).")
        block, body_start = lines[first + 1:end], end
    else:
        block, body_start = lines[first + 1:close], close + 1
        if not any(_key_line(line.strip()) for line in block):
            return Header({}, text)  # two rules around text: no header
    meta: dict[str, str] = {}
    last: str | None = None
    unknown: list[str] = []
    for offset, raw in enumerate(block):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pair = _key_line(line)
        if pair is None:
            n = first + 2 + offset
            if last is not None:
                meta[last] = f"{meta[last]} {line}".strip()
                warnings.append(f"line {n} of the metadata header is not 'key: value'; it is read as the rest of '{last}'.")
            else:
                warnings.append(f"line {n} of the metadata header is not 'key: value'; it is ignored.")
            continue
        key, value = pair
        if key in meta and meta[key]:
            warnings.append(f"the metadata header gives '{key}' twice; the later value is used.")
        meta[key] = value
        last = key
        if key not in KNOWN_KEYS and key not in unknown:
            unknown.append(key)
    if unknown:
        listed = ", ".join(f"'{k}'" for k in unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        warnings.append(f"the header's key{'s' if len(unknown) > 1 else ''} {listed} "
                        f"{'are' if len(unknown) > 1 else 'is'} not one article-lens knows; kept as metadata.")
    return Header({k: v for k, v in meta.items() if v}, "\n".join(lines[body_start:]), tuple(warnings), True)
