"""All file reading and writing: article files (with encoding detection), lexicon CSVs, atomic writes of outputs."""

from __future__ import annotations

import codecs
import csv
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .config import ARTICLES_DIR, LEXICONS_DIR, MAX_ARTICLE_BYTES
from .errors import ArticleError
from .lazy import pandas as pd

__all__ = [
    "article_files",
    "scan_article_folder",
    "read_article_text",
    "read_article_bytes",
    "decode_text",
    "read_lexicon", "read_lexicon_rows",
    "write_text_atomic",
    "write_bytes_atomic",
    "replace_dir_atomic",
    "file_sha256",
    "read_bytes_capped",
    "write_text_new",
    "read_json",
    "write_csv_atomic",
    "check_output_file",
    "hold_lock",
    "csv_safe",
    "display_path",
    "FetchedPage",
    "fetch_url",
    "redirect_refusal",
    "FETCH_TIMEOUT",
    "FETCH_MAX_BYTES",
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


#: A well-formed multi-byte UTF-8 sequence: seeing one means the file was written as UTF-8.
_UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_FALLBACK = "article-lens-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each byte UTF-8 could not decode as Windows-1252 (else Latin-1)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in bad), exc.end



def decode_text(data: bytes, *, name: str = "the input") -> tuple[str, str]:
    """Decode article bytes, returning ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8/UTF-16/UTF-32), UTF-16 without a BOM,
    strict UTF-8, Windows-1252, and finally Latin-1. Text that is UTF-8 except for a few
    stray Windows-1252 bytes (pasted from two sources) keeps its UTF-8 and reads the stray
    bytes as Windows-1252 (encoding ``utf-8+cp1252``). Binary files raise ArticleError.

    >>> decode_text("caf\\u00e9".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_text(codecs.BOM_UTF8 + b"hi")
    ('hi', 'utf-8-sig')
    >>> decode_text("“Café” ".encode("utf-8") + b"\\x93ok\\x94")
    ('“Café” “ok”', 'utf-8+cp1252')
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
            if _UTF8_MULTIBYTE_RE.search(data):
                codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)  # idempotent; not at import
                text, enc = data.decode("utf-8", errors=_CP1252_FALLBACK), "utf-8+cp1252"
            else:
                try:
                    text, enc = data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    text, enc = data.decode("latin-1"), "latin-1"
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if text and controls / min(len(text), 20000) > 0.05:
        raise ArticleError(f"{name} is mostly control characters: it looks like a binary file, not a text article.")
    return text, enc


def article_files(directory: Path = ARTICLES_DIR, *, follow_symlinks: bool = False) -> list[Path]:
    """The article files of a folder (``*.txt``, not hidden, regular files; symbolic links only with
    ``follow_symlinks``), sorted by name: what ``make report``, the comparison notebook and corpus mode
    read from a folder. :func:`scan_article_folder` also says what was left out and why."""
    return scan_article_folder(directory, follow_symlinks=follow_symlinks)[0]


def scan_article_folder(directory: Path | None, *, follow_symlinks: bool = False,
                        candidates: list[Path] | None = None) -> tuple[list[Path], list[tuple[str, str]]]:
    """``(files, skipped)``: the article files of ``directory`` (its ``*.txt``, not hidden) or among
    ``candidates`` (a glob's matches), and ``(file, reason)`` for each one left out: a symbolic link (it
    may lead anywhere on the machine, e.g. a system file; read only with ``follow_symlinks``, and never
    when it is broken or leads to something that is not a regular file), a pipe, a device or a socket
    (reading one could block or never end). Folders are passed over silently. Sorted by name."""
    import stat

    if candidates is None:
        candidates = sorted(p for p in Path(directory).glob("*.txt") if not p.name.startswith("."))
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    for p in sorted(candidates):
        try:
            info = os.lstat(p)
        except OSError as exc:
            skipped.append((display_path(p), f"cannot be examined ({exc.strerror or exc})"))
            continue
        mode = info.st_mode
        if stat.S_ISLNK(mode):
            if not follow_symlinks:
                skipped.append((display_path(p), "a symbolic link (give --follow-symlinks to read it)"))
                continue
            try:
                mode = os.stat(p).st_mode
            except OSError:
                skipped.append((display_path(p), "a broken symbolic link"))
                continue
            if not stat.S_ISREG(mode):
                if not stat.S_ISDIR(mode):
                    skipped.append((display_path(p), "a symbolic link to something that is not a regular file"))
                continue
        if stat.S_ISDIR(mode):
            continue
        what = next((label for test, label in kinds if test(mode)), None)
        if what:
            skipped.append((display_path(p), f"{what}, not a regular file"))
            continue
        files.append(p)
    return files, skipped


def read_article_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Read an article file and return ``(text, encoding)``; every user mistake raises ArticleError
    (see :func:`read_article_bytes`; binary content is refused too)."""
    return decode_text(read_article_bytes(path), name=f"'{display_path(path)}'")


def read_article_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read an article file's bytes; every user mistake raises ArticleError.

    Refused with one clear sentence: a missing path, a folder, anything that is not a regular
    file (a pipe, a device such as ``/dev/zero``, a socket: reading those could block or never
    end), an unreadable file and a file over ``MAX_ARTICLE_BYTES``. A file name that is not valid
    UTF-8 is shown with U+FFFD in the message. The file is only read, never modified.
    """
    import stat

    p = Path(path)
    label = f"'{display_path(p)}'"
    try:
        if not p.exists():
            raise ArticleError(f"{label} does not exist.")
        if p.is_dir():
            raise ArticleError(f"{label} is a directory; give an article file (.txt).")
        # O_NONBLOCK: opening a named pipe must not wait for a writer; no effect on regular files.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError as exc:
        raise ArticleError(f"{label} cannot be read (permission denied).") from exc
    except OSError as exc:
        raise ArticleError(f"{label} cannot be read ({exc.strerror or exc}).") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(f"{label} is not a regular file (a pipe, device or socket); give an article file (.txt).")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"{label} is {info.st_size / 1e6:.1f} MB; articles over {MAX_ARTICLE_BYTES / 1e6:.0f} MB are refused."
            )
        with os.fdopen(fd, "rb") as fh:
            fd = -1  # the file object owns it now
            data = fh.read(MAX_ARTICLE_BYTES + 1)  # capped: the file may grow while we read
    except PermissionError as exc:
        raise ArticleError(f"{label} cannot be read (permission denied).") from exc
    except OSError as exc:
        raise ArticleError(f"{label} cannot be read ({exc.strerror or exc}).") from exc
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{label} is over {MAX_ARTICLE_BYTES / 1e6:.0f} MB; articles that large are refused.")
    return data


@lru_cache(maxsize=64)
def _read_lexicon_cached(path: str, mtime: float) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = tuple(next(reader, ()))
        rows = tuple(tuple(row[:len(header)]) + ("",) * (len(header) - len(row)) for row in reader if row)
    return header, rows


def _lexicon_path(name: str, directory: Path | None) -> Path:
    base = directory or LEXICONS_DIR
    path = base / (name if name.endswith(".csv") else f"{name}.csv")
    if not path.exists():
        raise FileNotFoundError(f"lexicon file {path} is missing")
    return path


def read_lexicon_rows(name: str, *, directory: Path | None = None) -> list[dict[str, str]]:
    """``data/lexicons/<name>.csv`` as a list of row dicts of strings (``term, category, source, version, ...``;
    a short row's missing cells are ""), read once per file version: what the analyses use, without pandas.

    Raises FileNotFoundError naming the file when it is missing.

    >>> rows = read_lexicon_rows("hedges_boosters")
    >>> {"term", "category", "source", "version"} <= set(rows[0])
    True
    """
    path = _lexicon_path(name, directory)
    header, rows = _read_lexicon_cached(str(path), path.stat().st_mtime)
    return [dict(zip(header, row)) for row in rows]


def read_lexicon(name: str, *, directory: Path | None = None) -> pd.DataFrame:
    """Read ``data/lexicons/<name>.csv`` as a DataFrame of strings (``term, category, source, version, ...``).

    Raises FileNotFoundError naming the file when it is missing.
    """
    path = _lexicon_path(name, directory)
    header, rows = _read_lexicon_cached(str(path), path.stat().st_mtime)
    return pd.DataFrame(list(rows), columns=list(header))


def check_output_file(path: str | os.PathLike[str]) -> Path:
    """Check, before any work, that a file can be written at ``path`` (its folder exists, is a folder and
    is writable; ``path`` is not a folder): an ArticleError naming the problem otherwise. A temporary
    file is created and removed in the folder to prove it (permissions alone can lie: read-only mounts)."""
    target = Path(path)
    label = f"'{display_path(target)}'"
    if target.is_dir():
        raise ArticleError(f"{label} is a folder; give a file name for the output.")
    parent = target.parent
    if not parent.exists():
        raise ArticleError(f"cannot write {label}: the folder '{display_path(parent)}' does not exist.")
    if not parent.is_dir():
        raise ArticleError(f"cannot write {label}: '{display_path(parent)}' is a file, not a folder.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".check", dir=parent)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise ArticleError(f"cannot write {label} ({exc.strerror or exc}).") from None
    return target


@contextmanager
def hold_lock(path: str | os.PathLike[str], *, wait: float, what: str) -> Iterator[Path]:
    """Hold an exclusive lock on the file ``path`` (created if needed; ``flock``, released when this process
    ends however it ends) for the duration of the ``with`` block; wait up to ``wait`` seconds for another
    process to release it, then raise ArticleError naming ``what`` is busy."""
    import time

    lock_path = Path(path)
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise ArticleError(f"cannot lock {what} ({exc.strerror or exc}).") from None
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no locking
            fcntl = None
        deadline = time.monotonic() + wait
        while fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ArticleError(f"{what} is being written by another article-lens run; waited {wait:g} s. "
                                       "Try again when it has finished.") from None
                time.sleep(0.2)
        yield lock_path
    finally:
        os.close(fd)  # releases the lock


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


def _exchange_dirs(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    return False  # EINVAL/ENOSYS/EXDEV...: the filesystem cannot exchange; the caller falls back


def replace_dir_atomic(staging: Path, target: Path) -> Path:
    """Move a fully built ``staging`` folder to ``target``, replacing what was there only at the last moment.

    On Linux the two folders are exchanged in one atomic step, so ``target`` is never missing, even
    for a moment; elsewhere the old folder is renamed aside first. Either way the previous content
    is only deleted once the new one is in place, and leftovers of an interrupted earlier swap
    (``.<name>.old-*``) are cleared.
    """
    staging, target = Path(staging), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)
    if target.is_dir() and not target.is_symlink() and _exchange_dirs(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the previous content
        return target
    old = None
    if target.exists() or target.is_symlink():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except BaseException:
        if old is not None and not target.exists():
            os.replace(old, target)  # put the previous content back
        raise
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
    return target


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes (used to prove inputs are never modified)."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()



# ---------------------------------------------------------------- adding articles, fetching pages, corpus output
# (added for `python -m analysis add` / `corpus` and the report index; the functions above are unchanged)

#: Default limits for fetching a web page: seconds for the whole download, and bytes.
FETCH_TIMEOUT: float = 20.0
FETCH_MAX_BYTES: int = MAX_ARTICLE_BYTES
_USER_AGENT = "article-lens/0.1 (reads one news article for text analysis)"


def read_bytes_capped(path: str | os.PathLike[str], *, max_bytes: int = MAX_ARTICLE_BYTES) -> bytes:
    """Read a file's bytes, refusing missing files, folders and files over ``max_bytes`` with an ArticleError.

    The file is only read, never modified.
    """
    p = Path(path)
    label = f"'{p}'"
    if not p.exists():
        raise ArticleError(f"{label} does not exist.")
    if p.is_dir():
        raise ArticleError(f"{label} is a directory; give an article file (.txt or .html).")
    import stat

    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or device could block or never end
            raise ArticleError(f"{label} is not a regular file (a pipe, device or socket); give an article file.")
        if info.st_size > max_bytes:
            raise ArticleError(f"{label} is {info.st_size / 1e6:.1f} MB; files over {max_bytes / 1e6:.1f} MB are refused.")
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise ArticleError(f"{label} cannot be read (permission denied).") from exc
    except OSError as exc:
        raise ArticleError(f"{label} cannot be read ({exc.strerror or exc}).") from exc
    if len(data) > max_bytes:
        raise ArticleError(f"{label} is over {max_bytes / 1e6:.1f} MB; larger files are refused.")
    return data


def write_text_new(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write UTF-8 text atomically; unless ``overwrite``, raise FileExistsError when ``path`` exists.

    The check and the write are one step (a hard link of a finished temporary file), so two
    writers can never both succeed and a reader never sees half a file.
    """
    target = Path(path)
    if overwrite:
        return write_text_atomic(target, text)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:  # filesystems without hard links: check, then rename (tiny race accepted)
            if target.exists():
                raise FileExistsError(str(target)) from None
            os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def read_json(path: str | os.PathLike[str]):
    """Parse a UTF-8 JSON file; raises OSError or ValueError when it is missing or broken."""
    import json

    return json.loads(Path(path).read_text(encoding="utf-8"))


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection": ``=``,
#: ``+``, ``-``, ``@``, tab and carriage return).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LONE_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as valid text: bytes of a file name that are not UTF-8 (kept by Python as lone surrogates)
    are shown as U+FFFD, so the name can be printed, put in JSON or written to a UTF-8 file.

    >>> display_path(os.fsdecode(b"caf\\xe9.txt"))
    'caf\ufffd.txt'
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return _LONE_SURROGATE_RE.sub("\ufffd", text)


def _csv_cell(value):
    if not isinstance(value, str):
        return value
    value = _LONE_SURROGATE_RE.sub("\ufffd", value)
    if value.startswith(_FORMULA_START):
        value = "'" + value
    # A bare CR inside a cell is not quoted by a writer whose line end is "\n", so a reader would
    # split the row there: written as a line feed (the cell is then quoted).
    return value.replace("\r\n", "\n").replace("\r", "\n")


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` safe to open in a spreadsheet: every text cell starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP CSV Injection guidance), so it
    is shown as text and never run as a formula; carriage returns become line feeds (so the row is
    never split), lone surrogates U+FFFD (so the text is valid UTF-8). Numeric columns (a negative tone score) are left alone: they are numbers, not formulas.

    >>> csv_safe(pd.DataFrame({"title": ["=HYPERLINK(1)", "ok"], "tone": [-0.5, 0.1]})).to_dict("list")
    {'title': ["'=HYPERLINK(1)", 'ok'], 'tone': [-0.5, 0.1]}
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(_csv_cell)
    return out


def write_csv_atomic(path: str | os.PathLike[str], frame: pd.DataFrame) -> Path:
    """Write a DataFrame as UTF-8 CSV (no index, ``\\n`` line ends) atomically, made safe for
    spreadsheets first (:func:`csv_safe`). The text is encoded before anything is written, so a
    failure never leaves half a file."""
    return write_text_atomic(path, csv_safe(frame).to_csv(index=False, lineterminator="\n"))


class FetchedPage:
    """What :func:`fetch_url` downloaded: the final URL, content type, declared charset and bytes."""

    __slots__ = ("url", "final_url", "content_type", "charset", "data")

    def __init__(self, url: str, final_url: str, content_type: str, charset: str | None, data: bytes):
        self.url, self.final_url, self.content_type, self.charset, self.data = url, final_url, content_type, charset, data

    def __repr__(self) -> str:
        return f"FetchedPage({self.final_url!r}, {self.content_type!r}, {len(self.data)} bytes)"


def _is_loopback(host: str | None) -> bool:
    import ipaddress

    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_private_host(host: str | None) -> bool:
    """True when ``host`` is, or resolves to, an address on this machine or a private, link-local, reserved
    or unspecified network (RFC 1918, RFC 4193, 127/8, ::1, 169.254/16, 0.0.0.0...)."""
    import ipaddress
    import socket

    if not host:
        return True
    host = host.strip("[]")
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except (OSError, UnicodeError):
            return False  # does not resolve: the request itself will fail with a clear line
        addresses = []
        for info in infos:
            try:
                addresses.append(ipaddress.ip_address(info[4][0].split("%")[0]))
            except ValueError:
                continue
    for a in addresses:
        mapped = getattr(a, "ipv4_mapped", None)
        a = mapped or a
        if a.is_loopback or a.is_private or a.is_link_local or a.is_reserved or a.is_unspecified or a.is_multicast:
            return True
    return False


def redirect_refusal(url: str, new_url: str, *, allow_private: bool = False) -> str | None:
    """Why a redirect from ``url`` to ``new_url`` is refused, or None when it may be followed: only to
    http(s) addresses, and not to this machine or a private network unless ``allow_private``.

    >>> redirect_refusal("http://example.com/a", "ftp://example.com/b") is not None
    True
    >>> redirect_refusal("http://example.com/a", "http://127.0.0.1/admin") is not None
    True
    >>> redirect_refusal("http://example.com/a", "http://127.0.0.1/admin", allow_private=True) is None
    True
    """
    import urllib.parse

    parts = urllib.parse.urlsplit(new_url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"{url} redirects to '{new_url[:200]}', which is not an http(s) web address; nothing was added."
    if not allow_private and _is_private_host(parts.hostname):
        return (f"{url} redirects to '{new_url[:200]}', an address on this machine or a private network; refused "
                "(give --allow-private to follow such redirects); nothing was added.")
    return None


def fetch_url(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES,
              allow_private: bool = False) -> FetchedPage:
    """Download an ``http(s)`` URL with one time limit for the whole request and a size cap.

    ``timeout`` covers everything: connecting, the status line and headers (a server sending them one
    byte at a time cannot stretch it) and the body. Redirects are followed only to http(s) addresses, and
    to this machine or a private network only with ``allow_private`` (:func:`redirect_refusal`).
    Every failure raises ArticleError with one clear sentence: not a web address, offline or
    unknown host, refused connection, HTTP error status, timeout, a refused redirect, or a response over
    ``max_bytes``. Pages on this machine (localhost, 127.0.0.1) never go through a proxy.
    """
    import math
    import threading
    import time

    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0):
        raise ArticleError(f"the timeout must be a positive number of seconds, not {timeout!r}.")
    deadline = time.monotonic() + timeout
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["page"] = _fetch(url, timeout, max_bytes, deadline, allow_private)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="article-lens-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()) + 0.25)
    if worker.is_alive():  # stuck in a read the socket timeout cannot bound (a slow trickle of headers)
        raise ArticleError(f"{url} did not answer within {timeout:g} seconds (timed out); try again or raise --timeout.")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["page"]


def _fetch(url: str, timeout: float, max_bytes: int, deadline: float, allow_private: bool) -> FetchedPage:
    import http.client
    import socket
    import time
    import urllib.error
    import urllib.parse
    import urllib.request

    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ArticleError(f"'{url}' is not an http(s) web address.")
    request = urllib.request.Request(url, headers={
        "User-Agent": _USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "identity",
    })

    class _Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: N802 - urllib's naming
            refusal = redirect_refusal(url, urllib.parse.urljoin(req.full_url, newurl), allow_private=allow_private)
            if refusal:
                raise ArticleError(refusal)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    handlers = [_Redirects()] + ([urllib.request.ProxyHandler({})] if _is_loopback(parts.hostname) else [])
    opener = urllib.request.build_opener(*handlers)
    too_big = f"{url} is larger than {max_bytes / 1e6:.1f} MB; refused (a news article page is rarely over 5 MB)."
    timed_out = f"{url} did not answer within {timeout:g} seconds (timed out); try again or raise --timeout."
    try:
        with opener.open(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise ArticleError(too_big)
            chunks: list[bytes] = []
            total = 0
            while True:
                if time.monotonic() > deadline:
                    raise ArticleError(timed_out)
                chunk = resp.read1(65536)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise ArticleError(too_big)
                chunks.append(chunk)
            content_type = resp.headers.get_content_type() or ""
            charset = resp.headers.get_content_charset()
            final_url = resp.geturl() or url
    except ArticleError:
        raise
    except urllib.error.HTTPError as exc:
        raise ArticleError(f"{url} answered HTTP {exc.code} ({exc.reason}); nothing was added.") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ArticleError(timed_out) from None
        if isinstance(reason, socket.gaierror):
            raise ArticleError(
                f"cannot reach {parts.hostname}: the name does not resolve — is this machine offline? "
                "Save the page in a browser and add the .html file instead."
            ) from None
        if isinstance(reason, ConnectionRefusedError):
            raise ArticleError(f"{parts.netloc} refused the connection; nothing was added.") from None
        raise ArticleError(
            f"cannot fetch {url} ({reason}) — is this machine offline? Save the page in a browser and add the .html file instead."
        ) from None
    except (TimeoutError, socket.timeout):
        raise ArticleError(timed_out) from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise ArticleError(f"cannot fetch {url} ({exc.__class__.__name__}: {exc}).") from None
    return FetchedPage(url, final_url, content_type, charset, b"".join(chunks))
