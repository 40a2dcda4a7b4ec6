"""Contested terms: counts, uses inside quotation marks, glossary notes; constructed text and the seed."""

from __future__ import annotations

from analysis.framing import terminology


def test_glossary_has_alternatives_and_style_notes():
    g = terminology.glossary().set_index("term")
    assert "AP" in g.loc["illegal immigrant*", "style_note"]
    assert isinstance(g.loc["undocumented", "alternatives"], list) and g.loc["undocumented", "alternatives"]
    assert set(g["signals"]) <= set(terminology.SIGNALS)
    assert set(terminology.glossary(category="general")["category"]) == {"general"}


def test_counts_quotes_and_longest_match(make_article):
    art = make_article(
        "News",
        "Illegal immigrants crossed the border. Mayor Ann Lee said: “They are illegal aliens and should go.” "
        "The decision will alienate voters. Immigrants protested.",
    )
    t = terminology.terms(art).set_index("term")
    assert t.loc["illegal immigrant*", "count"] == 1 and t.loc["illegal immigrant*", "own_words"] == 1
    assert t.loc["illegal alien*", "in_direct_quotes"] == 1 and t.loc["illegal alien*", "own_words"] == 0
    assert t.loc["immigrant*", "count"] == 1  # "Illegal immigrants" counted once, under the longer term
    assert "alien" not in t.index and "aliens" not in t.index  # "alienate" is not "alien"
    uses = terminology.term_uses(art)
    assert uses[uses["term"] == "illegal alien*"]["speaker"].iloc[0] == "Ann Lee"


def test_names_are_no_word_choice(make_article):
    art = make_article(
        "News",
        "The Refugee Council and the Joint Council for the Welfare of Immigrants wrote to refugees. "
        "Rioters stormed the building in the Capitol riot. A riot broke out downtown.",
    )
    t = terminology.terms(art).set_index("term")
    assert t.loc["refugee*", "count"] == 1 and t.loc["refugee*", "forms"] == ["refugees"]
    assert "immigrant*" not in t.index
    assert t.loc["riot*", "forms"] == ["Rioters", "riot"]  # not the "riot" of "the Capitol riot"


def test_no_terms(make_article):
    art = make_article("Cats", "The cat sat on the mat.")
    assert terminology.terms(art).empty
    bal = terminology.signal_balance(art)
    assert list(bal["signals"]) == list(terminology.SIGNALS) and bal["own_words"].sum() == 0


def test_seed_terms(seed):
    t = terminology.terms(seed).set_index("term")
    assert t.loc["undocumented", "count"] == 2 and t.loc["undocumented", "sentence_ids"] == ["s5", "s16"]
    assert t.loc["undocumented immigrant*", "count"] == 2
    assert t.loc["mass deportation*", "count"] == 3
    assert t.loc["sanctuaries", "in_scare_quotes"] == 1 and t.loc["sanctuary", "in_quotes"] == 1
    assert t.loc["sanctuary cit*", "sentence_ids"] == ["s3"]  # the headline
    assert "riot*" not in t.index  # "the Capitol riot" is the event's name
    bal = terminology.signal_balance(seed).set_index("signals")
    assert bal.loc["pro_immigrant", "own_words"] == 4 and bal.loc["restrictionist", "own_words"] == 0


def test_term_tuples_match_the_public_tables(seed):
    uses, found = terminology.term_use_rows(seed), terminology.term_rows(seed, None)
    assert list(terminology.TermUse._fields) == list(terminology.term_uses(seed).columns)
    assert list(terminology.Term._fields) == list(terminology.terms(seed).columns)
    assert uses and [tuple(u) for u in uses] == list(terminology.term_uses(seed).itertuples(index=False, name=None))
    assert found and [tuple(t) for t in found] == list(terminology.terms(seed).itertuples(index=False, name=None))
