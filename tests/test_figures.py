"""Figures on the seed and on constructed sentences."""

from __future__ import annotations

from analysis.figures import figures


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
