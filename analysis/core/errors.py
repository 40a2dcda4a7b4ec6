"""The one exception type for user mistakes, so the CLI can print one clear line instead of a traceback."""

from __future__ import annotations

__all__ = ["ArticleError"]


class ArticleError(ValueError):
    """A problem with the user's input (missing file, empty text, undecodable bytes...).

    The message is a complete sentence meant for the user, naming the file.
    """
