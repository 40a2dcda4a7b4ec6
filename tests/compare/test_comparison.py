"""Comparing articles: log-likelihood, distinctive words, terminology for the same referents, shared figures, tone arcs, sourcing, frames; the comparison notebook under nbval and exported as compare.html."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from analysis.compare import comparison
from analysis.core.errors import ArticleError
from analysis.language import keyness
from analysis.output.charts import compare as compare_charts
from analysis.output.charts.engine import to_matplotlib, to_plotly

from conftest import ROOT, SEED

ARTICLES = ROOT / "data" / "articles"
TWO = ["seed-us-immigration-enforcement.txt", "wikinews-uk-asylum-questionnaire.txt"]


@pytest.fixture(scope="module")
def storm_and_budget(make_article):
    a = make_article("Storm floods the harbour",
                     "The storm flooded the harbour on Monday. Storm damage closed the harbour road.",
                     "Fishermen said the storm was the worst in years. The harbour master said repairs would take weeks.")
    b = make_article("Council passes the budget",
                     "The council passed the budget on Monday. The budget cuts road repairs.",
                     "Councillors said the budget was fair. The mayor said the budget protects schools.")
    return [a, b]


# ---------------------------------------------------------------- log-likelihood and distinctive words

def test_log_likelihood_by_hand():
    # a=10 in c=1000, b=10 in d=10000: E1 = 1000*20/11000, E2 = 10000*20/11000;
    # G2 = 2*(10*ln(10/1.8182) + 10*ln(10/18.182)) = 2*(17.047 - 5.978) = 22.14
    assert round(keyness.log_likelihood(10, 10, 1000, 10000), 2) == 22.14
    assert keyness.log_likelihood(5, 50, 100, 1000) == pytest.approx(0.0)  # same rate in both: nothing distinctive
    assert keyness.log_likelihood(0, 0, 100, 100) == 0.0 and keyness.log_likelihood(3, 0, 0, 10) == 0.0
    assert keyness.log_likelihood(20, 2, 1000, 1000) > keyness.log_likelihood(10, 2, 1000, 1000) > 0
    assert keyness.log_ratio(8, 2, 1000, 1000) == 2.0


def test_distinctive_words_on_constructed_articles(storm_and_budget):
    words = comparison.distinctive_words(storm_and_budget, n=5, min_count=2, min_log_likelihood=0)
    storm = words[words["article"] == storm_and_budget[0].slug]["term"].tolist()
    budget = words[words["article"] == storm_and_budget[1].slug]["term"].tolist()
    assert storm[:2] == ["harbour", "storm"] and "budget" not in storm
    assert budget[0] == "budget" and "storm" not in budget and "harbour" not in budget
    assert "monday" not in storm + budget  # once in each article: never more typical of one
    said = words[words["term"] == "said"]
    assert (said["log_likelihood"] < 1).all()  # twice in each: at most a tiny rate difference...
    assert "said" not in comparison.distinctive_words(storm_and_budget)["term"].tolist()  # ...below p < 0.05
    assert (words["per_1000"] > words["per_1000_rest"]).all()
    assert words.groupby("article")["rank"].apply(lambda r: r.tolist() == list(range(1, len(r) + 1))).all()


def test_distinctive_words_needs_two_articles(storm_and_budget):
    assert comparison.distinctive_words(storm_and_budget[:1]).empty


def test_distinctive_words_significance_threshold(storm_and_budget):
    words = comparison.distinctive_words(storm_and_budget)
    assert (words["log_likelihood"] >= 3.84).all() and set(words["significance"]) <= {"p < 0.05", "p < 0.01", "p < 0.001", "p < 0.0001"}


# ---------------------------------------------------------------- terminology

def test_terminology_groups_join_alternative_names():
    g = comparison.terminology_groups().set_index("term")["group"]
    assert g["illegal immigrant*"] == g["undocumented immigrant*"] == g["unauthorized immigrant*"] == g["illegal alien*"]
    assert g["alien"] == g["aliens"] == g["immigrant*"] == g["migrant*"] == g["refugee*"] == g["asylum seeker*"]
    assert g["death tax"] == g["estate tax"] and g["pro-life"] == g["anti-abortion"]
    assert g["sanctuary cit*"] != g["immigrant*"] and g["illegal immigrant*"] != g["immigrant*"] and g["deport*"] != g["alien"]
    assert g["illegal immigrant*"] == "people living in a country without legal permission"


def test_terminology_choices_for_the_same_people(make_article):
    a = make_article("Raids", "Agents detained illegal immigrants in three cities. Illegal immigrants were held overnight.")
    b = make_article("Raids", "Agents detained undocumented immigrants in three cities.")
    c = make_article("Weather", "It rained all day in the city.")
    a, b, c = [replace(x, slug=s) for x, s in zip((a, b, c), ("a", "b", "c"))]
    choices = comparison.terminology_choices([a, b, c])
    same = choices[choices["group"] == "people living in a country without legal permission"]
    assert same[["article", "term", "count", "signals", "n_articles"]].values.tolist() == [
        ["a", "illegal immigrant*", 2, "restrictionist", 2], ["b", "undocumented immigrant*", 1, "pro_immigrant", 2]]
    assert same.iloc[0]["forms"] == ["illegal immigrants"] and same.iloc[0]["sentence_ids"] == ["s2", "s3"]
    assert "c" not in set(choices["article"])
    grid = comparison.terminology_table(choices, articles=["a", "b", "c"])
    row = grid[grid["group"] == "people living in a country without legal permission"].iloc[0]
    assert (row["a"], row["b"], row["c"]) == ("illegal immigrants ×2", "undocumented immigrants ×1", "")


# ---------------------------------------------------------------- figures

def test_shared_figures_for_the_same_quantity(make_article):
    a = make_article("Chicago operation", "Officers arrested 22 criminal aliens during the operation.")
    b = make_article("Texas operation", "Officers arrested 145 criminal aliens during the operation.")
    c = make_article("Budget", "The city spent $4 million on roads in 2023.")
    a, b, c = [replace(x, slug=s) for x, s in zip((a, b, c), ("a", "b", "c"))]
    figs = comparison.shared_figures([a, b, c])
    alien = figs[figs["quantity"] == "criminal alien"]
    assert alien[["article", "value", "counts"]].values.tolist() == [["a", 22.0, "criminal aliens"], ["b", 145.0, "criminal aliens"]]
    assert "c" not in set(figs["article"])  # $4 million counts nothing the others count; 2023 is a year
    assert comparison.shared_figures([a]).empty


def test_shared_figures_on_the_two_ice_releases():
    arts = comparison.load_articles(["ice-pressrelease-chicago-22-arrests.txt", "ice-pressrelease-south-central-texas-145-arrests.txt"])
    figs = comparison.shared_figures(arts)
    alien = figs[(figs["quantity"] == "criminal alien") & (figs["kind"] == "count")]
    assert {(r.article[:20], r.value) for r in alien.itertuples()} >= {("ice-pressrelease-chi", 22.0), ("ice-pressrelease-sou", 145.0)}


# ---------------------------------------------------------------- tone and sourcing

def test_tone_arcs(make_article):
    happy = make_article("Good news", "This is a wonderful, happy day. Everyone loves the lovely new park.")
    sad = make_article("Bad news", "This is a horrible, tragic disaster. Everyone hates the awful ruined park.")
    happy, sad = (replace(x, slug=s) for x, s in zip((happy, sad), ("happy", "sad")))
    arcs = comparison.tone_arcs([happy, sad], bins=10)
    assert arcs.groupby("article")["bin"].apply(list).to_dict() == {"happy": list(range(1, 11)), "sad": list(range(1, 11))}
    assert arcs["mean_compound"].between(-1, 1).all()
    means = arcs.groupby("article")["mean_compound"].mean()
    assert means["happy"] > 0 > means["sad"]
    assert arcs.iloc[0]["position"] == "0–10%" and arcs.iloc[9]["position"] == "90–100%"
    overview = comparison.tone_overview([happy, sad]).set_index("article")
    assert overview.loc["sad", "most_negative"].startswith("This is a horrible") and overview.loc["happy", "n_negative"] == 0


def test_sourcing_mix(make_article):
    a = make_article("Plan", "Reports suggest the plan failed. Officials said the plan was paused. The Pentagon announced a review.")
    a = replace(a, slug="plan")
    mix = comparison.sourcing_mix([a])
    assert mix["kind"].tolist() == ["named_person", "named_org", "document", "anonymous", "vague", "unattributed"]
    by = mix.set_index("kind")
    assert by.loc["vague", "count"] >= 1 and "reports suggest" in by.loc["vague", "sources"]
    assert by.loc["named_org", "count"] >= 1 and round(mix["share"].sum()) == 100
    overview = comparison.sourcing_overview(mix).iloc[0]
    assert overview["total"] == mix["count"].sum() and 0 < overview["uncheckable_share"] < 100


# ---------------------------------------------------------------- frames

def test_frame_profiles_and_spread():
    arts = comparison.load_articles(TWO)
    profiles = comparison.frame_profiles(arts)
    assert set(profiles["article"]) == {a.slug for a in arts} and (profiles["score"] >= 0).all()
    assert profiles["basis"].nunique() == 1
    seed_top = comparison.leading_frames(profiles, n=3)
    seed_top = seed_top[seed_top["article"] == "seed-us-immigration-enforcement"]["label"].tolist()
    assert "Security and defense" in seed_top or "Conflict" in seed_top  # the seed is about troops and clashes
    spread = comparison.frame_spread(profiles)
    assert (spread["spread"] >= 0).all() and spread["spread"].is_monotonic_decreasing


# ---------------------------------------------------------------- the set of articles

def test_load_articles_order_and_errors():
    arts = comparison.load_articles(TWO[::-1])
    assert [a.slug for a in arts] == ["seed-us-immigration-enforcement", "wikinews-uk-asylum-questionnaire"]
    focused = comparison.load_articles([TWO[0]], focus=TWO[1])
    assert [a.slug for a in focused] == ["wikinews-uk-asylum-questionnaire", "seed-us-immigration-enforcement"]
    everything = comparison.load_articles([])
    assert len(everything) == len(list(ARTICLES.glob("*.txt"))) >= 8
    assert [a.slug for a in comparison.load_articles([SEED, str(SEED)])] == ["seed-us-immigration-enforcement"]
    with pytest.raises(ArticleError, match="does not exist"):
        comparison.load_articles(["no-such-article.txt"])


def test_charts_render_with_empty_and_full_data(storm_and_budget):
    arts = storm_and_budget
    charts = [
        compare_charts.frame_profile_chart(comparison.frame_profiles(arts)),
        compare_charts.tone_arcs_chart(comparison.tone_arcs(arts)),
        compare_charts.sourcing_chart(comparison.sourcing_mix(arts)),
        compare_charts.terminology_chart(comparison.terminology_choices(arts)),
        compare_charts.distinctive_words_chart(comparison.distinctive_words(arts)),
    ]
    assert len({c.id for c in charts}) == 5
    for chart in charts:
        to_plotly(chart)
        to_matplotlib(chart)


# ---------------------------------------------------------------- the notebook and its report

def _notebook_for(names: list[str], path: Path) -> Path:
    nb = nbformat.read(str(ROOT / "notebooks" / "04-compare.ipynb"), as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = f"articles = {json.dumps(names)}\narticle = \"\"\nevent = \"\"\ncharts_dir = \"\""
    nbformat.write(nb, str(path))
    return path


def test_comparison_notebook_passes_nbval_on_two_bundled_articles(tmp_path):
    nb = _notebook_for(TWO, tmp_path / "04-compare-two.ipynb")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", str(nb)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "passed" in proc.stdout and "failed" not in proc.stdout


HOSTILE = """---
title: <img src=x onerror="window.__xss=1"> Hostile headline
source: <script>window.__xss=1</script> Evil Times
---
<img src=x onerror="window.__xss=1"> Hostile headline

Officers arrested 22 criminal aliens during the operation, <script>window.__xss=1</script> officials said.

Critics say the <b>raids</b> were illegal immigrants' worst week. Reports suggest illegal immigrants fled.
"""


def test_compare_report_is_built_escaped_and_offline(tmp_path):
    from analysis.output.report import COMPARE_FIGURES, build_compare_report

    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "reports"
    result = build_compare_report([ARTICLES / "ice-pressrelease-chicago-22-arrests.txt", hostile], out)
    assert result.error is None, result.error
    page = out / "compare.html"
    text = page.read_text(encoding="utf-8")
    assert '<script src="assets/plotly.min.js"' in text and "cdn.plot.ly" not in text
    assert "<script>window.__xss" not in text and "<img src=x" not in text  # shown as text, never as markup
    for chart_id in ("compare-frames", "compare-tone-arcs", "compare-sourcing", "compare-terminology", "compare-distinctive-words"):
        assert f'id="{chart_id}"' in text
        for ext in ("png", "svg", "csv"):
            assert (out / COMPARE_FIGURES / f"{chart_id}.{ext}").stat().st_size > 50
    assert not list(out.glob(".staging-*"))
    from support.browser_support import check_page, skip_without_chromium

    skip_without_chromium()
    r = check_page(page, screenshot=tmp_path / "compare.png")
    assert r.external_requests == [] and r.console_errors == [] and r.dialogs == [] and r.js_flags["__xss"] is None
    assert r.plot_containers == r.rendered_plots == 5
    assert "Which words set each article apart?" in r.text and "Evil Times" in r.text  # named by its outlet


def test_sourcing_overview_ranks_by_claims_a_reader_cannot_check(make_article):
    sourced = replace(make_article("Plan", "The Pentagon announced a review of the plan on Monday morning."), slug="sourced")
    unsourced = replace(make_article("Plan", "Preparations are underway for a review of the plan across the country. "
                                             "The Pentagon announced the review on Monday morning."), slug="unsourced")
    overview = comparison.sourcing_overview(comparison.sourcing_mix([sourced, unsourced])).set_index("article")
    # the factual claim with no source counts as unattributed, and so as uncheckable
    assert overview.loc["unsourced", "unattributed"] == 1 and overview.loc["unsourced", "uncheckable_share"] == 50.0
    assert overview.loc["sourced", "uncheckable_share"] == 0.0
    assert overview["uncheckable_rank"].to_dict() == {"unsourced": 1, "sourced": 2}


# ---------------------------------------------------------------- same quantities: the whole noun phrase

def test_same_quantity_needs_the_same_noun_phrase(make_article):
    chicago = make_article("Chicago operation",
                           "Agents arrested 22 criminal aliens during the operation. The men were aged 20 to 53.",
                           "Those arrested were from Mexico (17), Honduras (2) and Peru (1).")
    texas = make_article("Texas operation",
                         "Agents arrested 145 criminal aliens and 30 illegal aliens. The suspects were aged 18 to 62.",
                         "Those arrested were from Mexico (128), Honduras (7) and Peru (3).")
    pupils = make_article("Iodine", "The pupils lost 15 IQ points on average.")
    robots = make_article("Robots", "The team scored two points in the final round.")
    pupils2 = make_article("Iodine again", "Children lost up to 10 IQ points.")
    arts = [replace(x, slug=s) for x, s in zip((chicago, texas, pupils, robots, pupils2),
                                               ("chicago", "texas", "pupils", "robots", "pupils2"))]
    figs = comparison.shared_figures(arts)
    pairs = figs[["quantity", "article", "value"]].values.tolist()
    # criminal aliens in both releases; IQ points in both iodine articles; nothing else
    assert pairs == [["criminal alien", "chicago", 22.0], ["criminal alien", "texas", 145.0],
                     ["iq point", "pupils", 15.0], ["iq point", "pupils2", 10.0]]
    # "illegal aliens" shares only the word "aliens"; places alone, bare "age" and bare "points" never match
    assert not {"alien", "illegal alien", "mexico", "honduras", "age", "point"} & set(figs["quantity"])


def test_quantity_phrase():
    assert comparison.quantity_phrase("Australian primary school children") == "australian primary school child"
    assert comparison.quantity_phrase("age of illegal alien") == "age of illegal alien"
    assert comparison.quantity_phrase("El Salvador") == comparison.quantity_phrase("Rio Grande Valley") == ""
    assert comparison.quantity_phrase("the migrants") == comparison.quantity_phrase("migrant") == "migrant"


def test_no_unrelated_quantities_among_the_bundled_articles():
    figs = comparison.shared_figures(comparison.load_articles([]))
    assert set(figs["quantity"]) == {"criminal alien", "enforcement action", "migrant"}


# ---------------------------------------------------------------- labels and events

def _with(art, slug, **meta):
    return replace(art, slug=slug, meta=tuple({**art.metadata, **meta}.items()))


def test_articles_are_labelled_by_outlet_and_date_or_headline(make_article):
    base = make_article("Storm floods the old harbour on Monday night", "The storm flooded the harbour.")
    arts = [_with(base, "a", source="Example News (via a corpus)", date="2024-05-01"),
            _with(base, "b", source="Example News", date="2024-05-01"),
            _with(base, "c", source="Other Times"),
            _with(base, "d")]
    labels = comparison.article_labels(arts)
    assert labels["label"].tolist() == ["Example News, 2024-05-01", "Example News, 2024-05-01 (2)",
                                        "Other Times: Storm floods the old …", "Storm floods the old …"]
    mix = comparison.relabel(comparison.sourcing_mix(arts[:1]), labels)
    assert set(mix["article"]) == {"Example News, 2024-05-01"}


def test_articles_are_grouped_by_event(tmp_path):
    for name, event in (("b-river.txt", "River floods"), ("a-budget.txt", ""), ("c-river.txt", "river  floods"),
                        ("d-fire.txt", "Forest fire")):
        header = f"event: {event}\n" if event else ""
        (tmp_path / name).write_text(f"---\ntitle: {name}\nsource: Daily {name[0]}\n{header}---\n"
                                     "The water rose on Monday. Officials said roads were closed.\n", encoding="utf-8")
    names = [str(p) for p in sorted(tmp_path.glob("*.txt"))]
    arts = comparison.load_articles(names)
    # named events first, alphabetically (case and spacing ignored), then the articles without one
    assert [a.slug for a in arts] == ["d-fire", "b-river", "c-river", "a-budget"]
    table = comparison.article_table(arts)
    assert table["event"].tolist() == ["Forest fire", "River floods", "river floods", ""]
    river = comparison.load_articles(names, event="RIVER FLOODS")
    assert [a.slug for a in river] == ["b-river", "c-river"]
    with pytest.raises(ArticleError, match="event: Earthquake"):
        comparison.load_articles(names, event="Earthquake")


def test_add_writes_the_event_line(tmp_path):
    from conftest import run_cli

    src = tmp_path / "story.txt"
    src.write_text("River floods town\n\nThe water rose on Monday.\n", encoding="utf-8")
    proc = run_cli("add", str(src), "--event", "River floods", "--to", str(tmp_path / "arts"))
    assert proc.returncode == 0, proc.stderr
    written = (tmp_path / "arts" / "story.txt").read_text(encoding="utf-8")
    assert "\nevent: River floods\n" in written.split("---")[1] + "\n"
    from analysis.core.article import load_article

    assert comparison.article_event(load_article(tmp_path / "arts" / "story.txt")) == "River floods"


def test_sourcing_ranking_puts_the_least_checkable_first(make_article):
    sourced = replace(make_article("Plan", "The Pentagon announced a review of the plan on Monday morning."), slug="sourced")
    vague = replace(make_article("Plan", "Reports suggest the plan failed. Critics say it was rushed."), slug="vague")
    ranking = comparison.sourcing_ranking(comparison.sourcing_mix([sourced, vague]))
    assert ranking["article"].tolist() == ["vague", "sourced"] and ranking["uncheckable_rank"].tolist() == [1, 2]
    chart = compare_charts.sourcing_chart(comparison.sourcing_mix([sourced, vague]))
    drawn = to_plotly(chart)
    assert not chart.sort and list(dict.fromkeys(chart.data["article"])) == ["vague", "sourced"] and drawn.data


def test_tone_arcs_chart_reads_top_down_in_article_order(storm_and_budget):
    arcs = comparison.tone_arcs(storm_and_budget)
    heat = to_plotly(compare_charts.tone_arcs_chart(arcs)).data[0]
    # plotly draws a heat map's first row at the bottom: the first article must be the last row, i.e. on top
    assert list(heat.y) == [storm_and_budget[1].slug, storm_and_budget[0].slug]
