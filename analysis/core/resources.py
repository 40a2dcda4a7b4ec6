"""Finding NLTK's data: the resources the analyses need, where NLTK looks for them, and a clear error naming the
command that installs a missing one. Below :mod:`analysis.core.nlp` and :mod:`analysis.core.wordnet`, which both read
NLTK files."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["NLTKResourceError", "NltkResource", "RESOURCES", "missing_resources", "ensure_resources", "require",
           "resource_files"]


class NLTKResourceError(RuntimeError):
    """An NLTK resource is missing; the message says which and how to get it."""


@dataclass(frozen=True)
class NltkResource:
    """One NLTK data package: where NLTK looks for it and the id ``nltk.download`` takes."""

    path: str
    package: str
    purpose: str
    required: bool = True


RESOURCES: tuple[NltkResource, ...] = (
    NltkResource("tokenizers/punkt_tab/english/", "punkt_tab", "sentence splitting"),
    NltkResource("taggers/averaged_perceptron_tagger_eng/", "averaged_perceptron_tagger_eng", "part-of-speech tags"),
    NltkResource("corpora/stopwords", "stopwords", "stopwords"),
    NltkResource("sentiment/vader_lexicon.zip", "vader_lexicon", "tone (VADER)"),
    NltkResource("corpora/opinion_lexicon", "opinion_lexicon", "opinion words (Hu & Liu)"),
    NltkResource("corpora/names", "names", "first names (people)"),
    NltkResource("corpora/gazetteers", "gazetteers", "places (countries, states, cities)"),
    NltkResource("corpora/wordnet", "wordnet", "irregular word forms (WordNet .exc lists) for lemmas"),
    NltkResource("corpora/words", "words", "English word list (validates lemmas)"),
    NltkResource("corpora/brown", "brown", "reference word frequencies (only to rebuild data/reference)", False),
)


def _find(path: str) -> bool:
    import nltk

    candidates = [path, path.rstrip("/")]
    if not path.endswith(".zip") and path.startswith("corpora/"):
        candidates.append(path.rstrip("/") + ".zip")
    for cand in candidates:
        try:
            nltk.data.find(cand)
            return True
        except LookupError:
            continue
    return False


def missing_resources(*, include_optional: bool = False) -> list[NltkResource]:
    """The NLTK resources that cannot be found on ``nltk.data.path`` (which honours ``NLTK_DATA``)."""
    return [r for r in RESOURCES if (r.required or include_optional) and not _find(r.path)]


def ensure_resources(*, download: bool = True, include_optional: bool = True, quiet: bool = False) -> list[str]:
    """Look for every resource first; download only the missing ones. Returns the ids downloaded.

    Raises NLTKResourceError naming each still-missing resource and the command to fetch it.
    """
    import nltk

    fetched: list[str] = []
    for res in missing_resources(include_optional=include_optional):
        if download:
            if not quiet:
                print(f"NLTK resource '{res.package}' ({res.purpose}) is missing: downloading it", flush=True)
            try:
                ok = nltk.download(res.package, quiet=True, raise_on_error=False)
            except Exception:  # noqa: BLE001 - network errors come in many types
                ok = False
            if ok and _find(res.path):
                fetched.append(res.package)
    still = missing_resources(include_optional=include_optional)
    if still:
        names = ", ".join(f"{r.package} ({r.purpose})" for r in still)
        where = os.environ.get("NLTK_DATA") or "~/nltk_data"
        raise NLTKResourceError(
            f"missing NLTK data: {names}. Fetch with: python -m nltk.downloader {' '.join(r.package for r in still)}"
            f" (or set NLTK_DATA to a folder holding them; looked in {where} and NLTK's default folders)."
        )
    return fetched


_FOUND: set[str] = set()


def require(path: str) -> None:
    """Raise :class:`NLTKResourceError` with the command that installs it when an NLTK resource is missing.

    A resource found once is not looked up again in this process (each look-up walks every NLTK data folder)."""
    if path in _FOUND:
        return
    if _find(path):
        _FOUND.add(path)
    else:
        res = next((r for r in RESOURCES if r.path == path), None)
        pkg = res.package if res else path
        raise NLTKResourceError(
            f"missing NLTK data '{pkg}': run `make setup` or `python -m nltk.downloader {pkg}`, "
            "or set NLTK_DATA to a folder that holds it."
        )


def resource_files(path: str) -> list[str]:
    """The files of an NLTK resource, a folder or a zip (for the model cache's key); [] when it cannot be found."""
    import nltk

    try:
        found = nltk.data.find(path)
        archive = getattr(getattr(found, "zipfile", None), "filename", None)
        if archive:
            return [str(archive)]
        folder = str(found)
        return sorted(os.path.join(folder, f) for f in os.listdir(folder))
    except (LookupError, OSError):
        return []
