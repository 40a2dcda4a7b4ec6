"""Framing of one article: the actors it names (entities, actors), who acts on whom (agency), who its
claims are credited to (attribution, quotes, sourcing), which frames it uses (frames), which contested
terms it chooses (terminology) and whether its headline says what its body supports (headline)."""
