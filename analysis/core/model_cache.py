"""A per-user cache of the NLTK models in a form that loads ten times faster than NLTK's own files.

NLTK ships the averaged-perceptron tagger as JSON (about 1 s to parse) and Punkt's parameters as tab-separated
text (about 0.3 s); every ``python -m analysis summary`` used to pay that. The first process that loads a model
stores its plain-data form (dicts, lists, strings and floats only) with :mod:`marshal` under the user's cache folder
(``$XDG_CACHE_HOME/article-lens`` or ``~/.cache/article-lens``; ``ARTICLE_LENS_CACHE`` overrides, ``off`` disables);
later processes read that in about 0.1 s. The key is the model's source files (path, size, modification time), the
Python version and this module's format number, so a new NLTK data download, another Python or a new format
rebuilds it. Nothing here is committed to the repository, and only what this module wrote is ever read back:
a file that does not unmarshal into the expected shape is ignored and rebuilt. Writes are atomic; a read-only or
missing cache folder only means the slow path.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

__all__ = ["CACHE_ENV", "cache_dir", "cached"]

#: Environment variable naming the cache folder (``off`` disables the cache).
CACHE_ENV = "ARTICLE_LENS_CACHE"
_FORMAT = 1


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    configured = os.environ.get(CACHE_ENV, "")
    if configured.strip().lower() in ("off", "0", "no", "false"):
        return None
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "article-lens"


def _key(name: str, sources: Sequence[str | os.PathLike[str]]) -> str:
    h = hashlib.sha256(f"{name}|{_FORMAT}|{sys.version_info[:2]}|{marshal.version}".encode())
    for src in sorted(str(s) for s in sources):
        try:
            st = os.stat(src)
            h.update(f"|{src}|{st.st_size}|{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"|{src}|missing".encode())
    return h.hexdigest()[:24]


def cached(name: str, sources: Sequence[str | os.PathLike[str]], build: Callable[[], Any],
           check: Callable[[Any], bool]) -> Any:
    """``build()`` (plain data: dicts, lists, tuples, strings, numbers), stored for the next process.

    ``sources`` are the files the data is built from; ``check`` says whether a value read back has the expected
    shape (anything else is rebuilt).
    """
    folder = cache_dir()
    path = folder / f"{name}-{_key(name, sources)}.marshal" if folder else None
    if path is not None:
        try:
            with open(path, "rb") as fh:
                value = marshal.loads(fh.read())
            if check(value):
                return value
        except (OSError, EOFError, ValueError, TypeError):
            pass
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(marshal.dumps(value))
            os.replace(tmp, path)
            for old in path.parent.glob(f"{name}-*.marshal"):  # an older key of the same model
                if old != path:
                    try:
                        old.unlink()
                    except OSError:
                        pass
        except (OSError, ValueError):
            pass
    return value
