"""article-lens: how one news article is written — its language, framing and figures, each score with its evidence.

The package is layered (see the README's "The package"): ``core`` < ``language`` | ``framing`` <
``numbers`` | ``people`` < ``compare`` < ``output`` < ``cli``. Importing ``analysis`` loads nothing
else: the few names a notebook needs first are loaded on first use.

>>> import analysis
>>> article = analysis.parse_article("Storm hits coast\\n\\nThe storm hit at noon. Two people were hurt.")
>>> article.title, analysis.build_summary(article)["article"]["n_sentences"]
('Storm hits coast', 3)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .core.config import VERSION as __version__

#: name -> module that defines it (imported on first access, PEP 562).
_LAZY = {
    "Article": "analysis.core.article",
    "load_article": "analysis.core.article",
    "parse_article": "analysis.core.article",
    "slugify": "analysis.core.article",
    "ArticleError": "analysis.core.errors",
    "build_summary": "analysis.output.summary",
}

__all__ = [*_LAZY, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
