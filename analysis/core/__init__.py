"""The foundations every analysis reads: paths and versions, errors, file I/O, NLTK access, the Article
model and loader, tokens, lexicons, tagging repairs, a WordNet lookup and row-to-record helpers."""
