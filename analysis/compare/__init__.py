"""Comparing articles: the same event told by different articles (frames, tone, sourcing, terminology,
shared figures, distinctive words)."""
