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

__all__ = ["CACHE_ENV", "cache_dir", "cached", "compiled_regex"]

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
            data = marshal.dumps(value)  # before opening a file: a value marshal refuses leaves nothing behind
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            try:
                with open(tmp, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
            except OSError:
                tmp.unlink(missing_ok=True)
                raise
            for old in path.parent.glob(f"{name}-*.marshal"):  # an older key of the same model
                if old != path:
                    try:
                        old.unlink()
                    except OSError:
                        pass
        except (OSError, ValueError):
            pass
    return value


def _regex_parts(pattern: str, flags: int) -> list:
    """What ``re.compile`` hands to the regular-expression engine for ``pattern``: [pattern, flags, code, groups,
    group index, index group] as plain data (CPython's ``re._compiler.compile``, split at its last step)."""
    from re import _compiler, _parser  # CPython's own compiler; only used where _sre_pattern can rebuild it

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return [pattern, int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1),
            groupindex, indexgroup]


def _sre_pattern(parts: Sequence) -> Any:
    import _sre

    pattern, flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))  # checks the code it is given


def compiled_regex(name: str, sources: Sequence[str | os.PathLike[str]], pattern: str, flags: int = 0) -> Any:
    """``re.compile(pattern, flags)`` for a very large generated pattern, kept compiled in the model cache.

    Parsing a pattern of 150,000 characters takes about 0.2 s in every process; the engine's code for it loads in a
    few milliseconds. The cache entry is keyed by ``name`` and ``sources`` (the files the pattern is generated
    from), not by the pattern's text, so the first pattern built from those files is the one every later process
    uses: this also makes a generator whose alternatives come out in set order (different in each process)
    deterministic. Only CPython's engine is supported; anywhere else, or if the cached code is refused, the
    pattern is compiled as usual.
    """
    import re

    if sys.implementation.name != "cpython":
        return re.compile(pattern, flags)
    import _sre

    flags = int(flags)

    def check(value: Any) -> bool:
        return (isinstance(value, list) and len(value) == 7 and value[0] == [_sre.MAGIC, _sre.CODESIZE, flags]
                and isinstance(value[1], str) and isinstance(value[3], list))

    try:
        value = cached(f"regex-{name}", sources, lambda: [[_sre.MAGIC, _sre.CODESIZE, flags],
                                                          *_regex_parts(pattern, flags)], check)
        return _sre_pattern(value[1:])
    except Exception:  # noqa: BLE001 - any doubt: the ordinary way
        return re.compile(pattern, flags)
