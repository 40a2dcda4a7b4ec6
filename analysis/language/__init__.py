"""Language measures of one article: size and sentence lengths (words), readability, lexical diversity,
vocabulary and collocations, tone, loaded words, stance (hedges, boosters, modals), keyness against
news English and passive voice."""
