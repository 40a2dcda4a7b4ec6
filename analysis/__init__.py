"""article-lens: how one news article is written — its language, framing and figures, each score with its evidence."""

from .article import Article, load_article, parse_article, slugify
from .config import VERSION as __version__
from .entities import actors, mentions
from .errors import ArticleError
from . import figures
from .figures import numbers
from .framing import attributions, sources
from .language import frequent_words, readability, sentence_lengths, sentence_tone, size
from .lexicons import load_lexicon, match_terms
from .summary import build_summary
from .tokens import tokens

__all__ = [
    "Article",
    "ArticleError",
    "actors",
    "attributions",
    "build_summary",
    "figures",
    "frequent_words",
    "load_article",
    "load_lexicon",
    "match_terms",
    "mentions",
    "numbers",
    "parse_article",
    "readability",
    "sentence_lengths",
    "sentence_tone",
    "size",
    "slugify",
    "sources",
    "tokens",
    "__version__",
]
