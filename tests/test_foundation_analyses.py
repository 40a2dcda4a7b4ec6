"""First-pass analyses on the seed and on constructed sentences: size, readability, tone, actors, attributions, figures."""

from __future__ import annotations

import math

from analysis import actors, attributions, figures, language


def test_size_and_lengths_agree(seed):
    size = language.size(seed)
    lengths = language.sentence_lengths(seed)
    assert size["n_sentences"] == 16 and size["n_paragraphs"] == 9
    assert lengths["n_words"].sum() == size["n_words"]
    assert 400 <= size["n_words"] <= 430  # 417 words by our tokenizer (possessive 's not counted)


def test_readability_on_seed(seed):
    read = language.readability(seed).set_index("measure")
    fre = read.loc["flesch_reading_ease", "score"]
    fk = read.loc["flesch_kincaid_grade", "score"]
    # Long, Latinate sentences: hard to read.
    assert 0 < fre < 40 and 13 < fk < 22
    assert read.loc["flesch_kincaid_grade", "reading"].startswith("college level")


def test_readability_not_enough_text(make_article):
    read = language.readability(make_article("Short", "One line."))
    assert read["score"].isna().all()
    assert set(read["reading"]) == {"not enough text"}


def test_readability_orders_easy_and_hard(make_article):
    easy = make_article("Easy", "The cat sat. The dog ran. We had fun. It was a good day. The sun was out. " * 3)
    hard = make_article("Hard", "Notwithstanding considerable institutional opposition, the administration's comprehensive immigration enforcement initiatives necessitated unprecedented interagency coordination. " * 3)
    fe = language.readability(easy).set_index("measure").loc["flesch_reading_ease", "score"]
    fh = language.readability(hard).set_index("measure").loc["flesch_reading_ease", "score"]
    assert fe > 80 > 20 > fh


def test_frequent_words_seed(seed):
    words = language.frequent_words(seed, n=5)
    assert words["term"].iloc[0] == "immigration" and words["count"].iloc[0] == 11
    assert "trump" in set(words["term"])
    assert not {"the", "of", "and"} & set(words["term"])


def test_tone_signs(make_article):
    t = language.sentence_tone(make_article("News", "This is a wonderful, happy result. This is a horrible, deadly disaster."))
    assert t["compound"].iloc[1] > 0.5 and t["compound"].iloc[2] < -0.5
    assert all(-1 <= c <= 1 and not math.isnan(c) for c in t["compound"])


def test_actors_seed(seed):
    a = actors(seed).set_index("name")
    assert a.loc["Trump", "kind"] == "person" and a.loc["Trump", "mentions"] == 8
    assert a.index[0] == "Trump"  # most mentioned
    assert a.loc["Pentagon", "kind"] == "government"
    assert a.loc["Justice Department", "kind"] == "government"
    assert a.loc["Elon Musk", "kind"] == "person"
    assert "undocumented immigrants" in a.index and a.loc["undocumented immigrants", "kind"] == "group"


def test_actor_aliases_and_acronyms(make_article):
    art = make_article(
        "Agency acts",
        "Senator Jane Doe criticised U.S. Immigration and Customs Enforcement (ICE) on Monday. "
        "Doe said ICE had ignored the court. Officials at the Department of Homeland Security declined to comment.",
    )
    a = actors(art).set_index("name")
    assert a.loc["Jane Doe", "mentions"] == 2 and a.loc["Jane Doe", "kind"] == "person"
    assert a.loc["U.S. Immigration and Customs Enforcement", "mentions"] == 2
    assert a.loc["Department of Homeland Security", "kind"] == "government"


def test_vague_attributions_in_seed(seed):
    att = attributions(seed)
    vague = att[att["kind"] == "vague"]
    assert {"reports suggest", "there is concern"} <= set(vague["source"])
    assert set(vague["sentence_id"]) >= {"s12", "s13"}
    named = att[att["kind"] == "named_org"]
    assert "Pentagon" in set(named["source"])


def test_attribution_kinds_constructed(make_article):
    art = make_article(
        "Claims",
        "Critics say the plan is cruel. Officials said the plan would start soon. "
        "According to a Home Office memo, the plan is legal. Mayor Ann Lee warned that it would fail. "
        "The plan starts in June.",
    )
    att = attributions(art)
    kinds = dict(zip(att["source"], att["kind"]))
    assert kinds["critics say"] == "vague"
    assert kinds["officials said"] == "anonymous"
    assert kinds["Ann Lee"] == "named_person"
    assert any(k == "document" or s == "Home Office" for s, k in kinds.items())
    assert "s6" not in set(att["sentence_id"])  # "The plan starts in June." attributes nothing


def test_seed_figures(seed):
    f = figures(seed)
    assert f["value"].tolist() == [1500.0, 14_000_000.0]
    troops, population = f.iloc[0], f.iloc[1]
    assert troops["counts"] == "troops" and troops["approximation"] == "approximately"
    assert troops["source"] == "Pentagon" and troops["time"] == "by the end of the month"
    assert population["counts"] == "undocumented population"
    assert "around" in population["approximation"] and "estimated" in population["approximation"]
    assert population["source"] is None or population["source"] != population["source"]  # no source
    for row in f.itertuples():
        assert seed.text[row.start:row.end] == row.text


def test_figures_negatives_and_kinds(make_article):
    art = make_article(
        "Numbers",
        "In 2019 one of the officers said 3 to 5 percent of $2.5 billion was lost on the 2nd day. "
        "Officials arrested fourteen people during a three-day operation.",
    )
    f = figures(art)
    by_text = dict(zip(f["text"], f["kind"]))
    assert "2019" not in by_text and "one" not in by_text and "2nd" not in by_text
    assert by_text["$2.5 billion"] == "money"
    assert f.set_index("text").loc["$2.5 billion", "value"] == 2.5e9
    assert by_text["3 to 5 percent"] == "percent"
    assert f.set_index("text").loc["fourteen", "value"] == 14 and f.set_index("text").loc["fourteen", "counts"] == "people"
    assert by_text["three-day"] == "duration"
