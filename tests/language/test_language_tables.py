"""Properties shared by the language tables of several modules: the row tuples are the tables, and the
tables do not share lists with the cache."""

from __future__ import annotations

from analysis.language.stance import stance_rates
from analysis.language.tone import sentence_tone, tone_rows
from analysis.language.vocabulary import collocations, frequent_words
from analysis.language.words import size, word_rows

# ---------------------------------------------------------------- rows without pandas

def test_rows_are_the_tables(seed):
    tone = sentence_tone(seed)
    assert [tuple(r) for r in tone_rows(seed)] == list(tone.itertuples(index=False, name=None))
    words = word_rows(seed)
    assert len(words) == size(seed)["n_words"]
    assert all(w.lower != "'s" and any(ch.isalnum() for ch in w.text) for w in words)


# ---------------------------------------------------------------- tables and the cache

def test_tables_do_not_share_lists_with_the_cache(seed):
    frequent_words(seed)["sentence_ids"].iloc[0].append("s999")
    stance_rates(seed)["sentence_ids"].iloc[0].append("s999")
    collocations(seed)["sentence_ids"].iloc[0].append("s999")
    assert "s999" not in frequent_words(seed)["sentence_ids"].iloc[0]
    assert "s999" not in stance_rates(seed)["sentence_ids"].iloc[0]
    assert "s999" not in collocations(seed)["sentence_ids"].iloc[0]
