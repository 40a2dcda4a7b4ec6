"""All file reading and writing: article files (with encoding detection), lexicon CSVs, atomic writes of outputs."""

from __future__ import annotations

import codecs
import csv
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .config import LEXICONS_DIR, MAX_ARTICLE_BYTES
from .errors import ArticleError

__all__ = [
    "read_article_text",
    "decode_text",
    "read_lexicon",
    "write_text_atomic",
    "write_bytes_atomic",
    "replace_dir_atomic",
    "file_sha256",
]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


def _looks_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from the pattern of zero bytes in ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / max(len(even), 1)
    zeros_odd = odd.count(0) / max(len(odd), 1)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, *, name: str = "the input") -> tuple[str, str]:
    """Decode article bytes, returning ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8/UTF-16/UTF-32), UTF-16 without a BOM,
    strict UTF-8, Windows-1252, and finally Latin-1. Binary files raise ArticleError.

    >>> decode_text("caf\\u00e9".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_text(codecs.BOM_UTF8 + b"hi")
    ('hi', 'utf-8-sig')
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ArticleError(f"{name} looks like {what}, not a text article.")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name} starts with a {enc} byte-order mark but is not valid {enc}.") from exc
    guess = _looks_utf16(data)
    text = enc = None
    if guess:
        try:
            text, enc = data.decode(guess), guess
        except UnicodeDecodeError:
            text = None
    if text is None:
        if b"\x00" in data:
            raise ArticleError(f"{name} contains NUL bytes: it looks like a binary file, not a text article.")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = data.decode("latin-1"), "latin-1"
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if text and controls / min(len(text), 20000) > 0.05:
        raise ArticleError(f"{name} is mostly control characters: it looks like a binary file, not a text article.")
    return text, enc


def read_article_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Read an article file and return ``(text, encoding)``; every user mistake raises ArticleError.

    The file is only read, never modified.
    """
    p = Path(path)
    label = f"'{p}'"
    if not p.exists():
        raise ArticleError(f"{label} does not exist.")
    if p.is_dir():
        raise ArticleError(f"{label} is a directory; give an article file (.txt).")
    try:
        size = p.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"{label} is {size / 1e6:.1f} MB; articles over {MAX_ARTICLE_BYTES / 1e6:.0f} MB are refused."
            )
        data = p.read_bytes()
    except PermissionError as exc:
        raise ArticleError(f"{label} cannot be read (permission denied).") from exc
    except OSError as exc:
        raise ArticleError(f"{label} cannot be read ({exc.strerror or exc}).") from exc
    return decode_text(data, name=label)


@lru_cache(maxsize=64)
def _read_lexicon_cached(path: str, mtime: float) -> pd.DataFrame:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    frame = pd.DataFrame(rows)
    return frame


def read_lexicon(name: str, *, directory: Path | None = None) -> pd.DataFrame:
    """Read ``data/lexicons/<name>.csv`` as a DataFrame of strings (``term, category, source, version, ...``).

    Raises FileNotFoundError naming the file when it is missing.
    """
    base = directory or LEXICONS_DIR
    path = base / (name if name.endswith(".csv") else f"{name}.csv")
    if not path.exists():
        raise FileNotFoundError(f"lexicon file {path} is missing")
    frame = _read_lexicon_cached(str(path), path.stat().st_mtime)
    return frame.copy()


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so readers never see half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text atomically (see :func:`write_bytes_atomic`)."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def replace_dir_atomic(staging: Path, target: Path) -> Path:
    """Move a fully built ``staging`` folder to ``target``, replacing what was there only at the last moment."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes (used to prove inputs are never modified)."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()



def save_chart(chart, directory: str | os.PathLike[str]) -> list[Path]:
    """Write a chart's static images (PNG and SVG, drawn with matplotlib) and the CSV behind it.

    Files are ``<directory>/<chart.id>.png|.svg|.csv``; SVGs carry no date and fixed ids so
    that the same article gives the same bytes.
    """
    import io as _io

    import matplotlib

    from .charts import to_matplotlib

    out_dir = Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    matplotlib.rcParams["svg.hashsalt"] = chart.id
    fig = to_matplotlib(chart)
    written = []
    for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        buf = _io.BytesIO()
        fig.savefig(buf, format=ext, metadata=meta)
        written.append(write_bytes_atomic(out_dir / f"{chart.id}.{ext}", buf.getvalue()))
    csv_text = chart.data.to_csv(index=False, lineterminator="\n")
    written.append(write_text_atomic(out_dir / f"{chart.id}.csv", csv_text))
    return written
