"""The chart builders of the four notebooks (language, framing, figures, comparison): each one, given the
table the notebook gives it for the seed article (two bundled articles for the comparison), returns a
Chart whose data holds what the notebook and its CSV need and that both renderers draw; the same
builder given an empty table returns an empty but valid chart."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import plotly.io as pio
import pytest

from analysis.compare import comparison
from analysis.framing import actors, agency, frames, sourcing, terminology
from analysis.framing.attribution import ATTRIBUTION_KINDS
from analysis.language import keyness, passives
from analysis.language.loaded import loaded_words
from analysis.language.readability import readability
from analysis.language.stance import STANCE_LABELS, stance_markers
from analysis.language.tone import sentence_tone, tone_words
from analysis.language.vocabulary import frequent_lemmas, frequent_words
from analysis.language.words import sentence_lengths, size
from analysis.numbers.records import figures
from analysis.numbers.vague_quantities import VAGUE_CATEGORIES, vague_quantities
from analysis.output.charts import compare as cc
from analysis.output.charts import framing as fc
from analysis.output.charts import language as lc
from analysis.output.charts import numbers as nc
from analysis.output.charts.engine import EMPTY_CHART_NOTE, Chart, plotly_dict, to_matplotlib, to_plotly
from analysis.output.charts.palette import CATEGORY_LABELS
from analysis.people import public_figures

TWO = ["seed-us-immigration-enforcement.txt", "wikinews-uk-asylum-questionnaire.txt"]


def _valid(chart: Chart, chart_id: str) -> Chart:
    """A Chart that names columns it has, draws with plotly and matplotlib, and serialises."""
    assert isinstance(chart, Chart) and chart.id == chart_id
    used = {chart.x, chart.y, *chart.hover} | ({chart.color} if chart.color else set()) | (
        {chart.sentences} if chart.sentences else set())
    assert used <= set(chart.data.columns), used - set(chart.data.columns)
    assert chart.title and chart.x_label
    fig = to_plotly(chart)
    json.loads(pio.to_json(plotly_dict(chart), validate=False))
    to_matplotlib(chart)
    notes = [a.text for a in fig.layout.annotations]
    # horizontal bars leave out the categories worth 0 (the caption names them)
    drawn = chart.data
    if chart.kind == "barh" and not drawn.empty:
        drawn = drawn[pd.to_numeric(drawn[chart.x], errors="coerce").groupby(drawn[chart.y].astype(str)).transform("sum") != 0]
    if drawn.empty:
        assert notes == [EMPTY_CHART_NOTE]
    else:
        assert EMPTY_CHART_NOTE not in notes
        if chart.kind in ("bar", "barh"):  # every row with a value is a bar
            assert sum(len(t.x) for t in fig.data) == len(drawn)
    return chart


def _empty_but_valid(chart: Chart, chart_id: str, columns: list[str]) -> None:
    _valid(chart, chart_id)
    assert list(chart.data.columns) == columns
    value = chart.x if chart.kind == "barh" else chart.color if chart.kind == "heatmap" else chart.y
    assert chart.data.empty or (chart.data[value] == 0).all(), chart.data


# ---------------------------------------------------------------- the notebooks' tables for the seed


@pytest.fixture(scope="module")
def lang(seed):
    return {
        "tone": sentence_tone(seed), "lengths": sentence_lengths(seed), "words": frequent_words(seed, n=15),
        "read": readability(seed), "keys": keyness.keyness(seed), "profile": keyness.pos_profile(seed),
        "markers": stance_markers(seed), "n_words": size(seed)["n_words"], "loaded": loaded_words(seed),
        "tone_words": tone_words(seed), "passives": passives.passives(seed), "lemmas": frequent_lemmas(seed, n=15),
    }


@pytest.fixture(scope="module")
def framing(seed):
    return {
        "profile": frames.frame_profile(seed), "head": frames.frame_profile(seed, section="head"),
        "body": frames.frame_profile(seed, section="body"), "per_sentence": frames.sentence_frames(seed),
        "agency": agency.agency(seed), "sources": sourcing.sources(seed), "terms": terminology.terms(seed),
        "actors": actors.actors(seed), "attributions": sourcing.attributions(seed),
    }


@pytest.fixture(scope="module")
def nums(seed):
    return {"figures": figures(seed), "public": public_figures.public_figures(seed),
            "voices": public_figures.voice_by_sentence(seed), "vague": vague_quantities(seed)}


@pytest.fixture(scope="module")
def comp():
    arts = comparison.load_articles(TWO)
    return {"slugs": [a.slug for a in arts], "frames": comparison.frame_profiles(arts),
            "arcs": comparison.tone_arcs(arts), "mix": comparison.sourcing_mix(arts),
            "choices": comparison.terminology_choices(arts), "words": comparison.distinctive_words(arts, n=10)}


# ---------------------------------------------------------------- language


LANGUAGE = ["tone", "lengths", "words", "readability", "keyness", "pos", "stance", "loaded", "tone_words", "passives",
            "lemmas"]


@pytest.mark.parametrize("name", LANGUAGE)
def test_language_builders(name, lang, seed):
    ids = [s.id for s in seed.sentences]
    if name == "tone":
        c = _valid(lc.tone_chart(lang["tone"]), "tone-arc")
        assert c.kind == "line" and (c.x, c.y) == ("position", "compound")
        assert c.data["sentence_id"].tolist() == ids and c.data["position"].tolist() == list(range(1, len(ids) + 1))
        assert c.data["compound"].tolist() == lang["tone"]["compound"].tolist()
        new_paragraph = [k + 1 - 0.5 for k in range(1, len(ids)) if seed.sentences[k].paragraph != seed.sentences[k - 1].paragraph]
        assert list(c.vlines) == new_paragraph and new_paragraph
        assert c.hline == 0.0 and c.y_range == (-1.05, 1.05)
    elif name == "lengths":
        c = _valid(lc.sentence_length_chart(lang["lengths"]), "sentence-lengths")
        assert c.kind == "bar" and c.data["sentence_id"].tolist() == ids
        assert c.data["n_words"].sum() == lang["n_words"]
    elif name == "words":
        c = _valid(lc.frequent_words_chart(lang["words"]), "frequent-words")
        assert c.data.to_dict("list") == lang["words"][["term", "count", "per_1000"]].to_dict("list")
        assert c.data["count"].is_monotonic_decreasing and len(c.data) == 15
    elif name == "readability":
        c = _valid(lc.readability_chart(lang["read"]), "readability-grades")
        graded = lang["read"][lang["read"]["grade"].notna()]
        assert c.data["label"].tolist() == graded["label"].tolist() and len(c.data) >= 4
        assert c.data["grade"].notna().all()
    elif name == "keyness":
        c = _valid(lc.keyness_chart(lang["keys"]), "keyness")
        assert (c.data["log_likelihood"] >= 3.84).all()
        over = c.data[c.data["use"].str.startswith("over")]
        under = c.data[c.data["use"].str.startswith("under")]
        assert len(over) + len(under) == len(c.data) and 1 <= len(over) <= 15 and len(under) <= 10
        assert (over["log_ratio"] > 0).all() and (under["log_ratio"] < 0).all()
        assert set(c.data["term"]) <= set(lang["keys"]["term"])
    elif name == "pos":
        c = _valid(lc.pos_profile_chart(lang["profile"]), "pos-profile")
        assert c.data["label"].tolist() == lang["profile"]["label"].tolist() and c.x == "difference"
    elif name == "stance":
        c = _valid(lc.stance_chart(lang["markers"], lang["n_words"]), "stance-rates")
        assert c.data["count"].sum() == len(lang["markers"]) > 0
        assert set(c.data["category"]) <= set(STANCE_LABELS.values())
        assert (c.data["per_1000"] == (c.data["count"] * 1000 / lang["n_words"]).round(2)).all()
    elif name == "loaded":
        c = _valid(lc.loaded_words_chart(lang["loaded"]), "loaded-words")
        found = Counter(zip(lang["loaded"]["matched"].str.lower().str.split().str.join(" "), lang["loaded"]["category"]))
        assert {(w, cat): n for w, cat, n in zip(c.data["word"], c.data["category"], c.data["count"])} == {
            k: found[k] for k in zip(c.data["word"], c.data["category"])}
        assert len(c.data) == min(25, len(found)) and c.data["count"].is_monotonic_decreasing
    elif name == "tone_words":
        c = _valid(lc.tone_words_chart(lang["tone_words"]), "tone-words")
        words = lang["tone_words"]
        valence: dict[str, float] = {}
        for term, vader, is_name in zip(words["term"], words["vader"], words["is_name"]):
            if not is_name and vader:  # names ("Justice", "United") carry no tone of their own
                valence[term] = valence.get(term, 0) + vader
        assert c.data["total_valence"].tolist() == [round(valence[t], 2) for t in c.data["term"]]
        assert len(c.data) == min(20, len(valence))
        assert c.data["total_valence"].abs().is_monotonic_decreasing
        assert all((v > 0) == (t == "positive") for v, t in zip(c.data["total_valence"], c.data["tone"]))
        assert 0 < len(c.data) <= 20 and (c.data["total_valence"] != 0).all()
    elif name == "passives":
        c = _valid(lc.passives_chart(lang["passives"]), "passives")
        assert c.data["count"].sum() == len(lang["passives"]) > 0
        assert set(c.data["agent"]) == {"agent named", "no agent named"}
    elif name == "lemmas":
        c = _valid(lc.lemmas_chart(lang["lemmas"]), "frequent-lemmas")
        assert c.data["lemma"].tolist() == lang["lemmas"]["lemma"].tolist()
        assert c.data["forms"].tolist() == [", ".join(f) for f in lang["lemmas"]["forms"]]


@pytest.mark.parametrize("name", LANGUAGE)
def test_language_builders_with_empty_tables(name, lang, seed):
    e = {k: v.iloc[:0] if isinstance(v, pd.DataFrame) else v for k, v in lang.items()}
    chart, columns = {
        "tone": (lambda: lc.tone_chart(e["tone"]), ["position", "sentence_id", "paragraph", "part", "compound", "text"]),
        "lengths": (lambda: lc.sentence_length_chart(e["lengths"]), ["position", "sentence_id", "part", "n_words", "text"]),
        "words": (lambda: lc.frequent_words_chart(e["words"]), ["term", "count", "per_1000"]),
        "readability": (lambda: lc.readability_chart(e["read"]), ["label", "grade", "score", "reading"]),
        "keyness": (lambda: lc.keyness_chart(e["keys"]), ["term", "log_ratio", "use", "count", "ref_count", "per_1000",
                                                           "ref_per_1000", "log_likelihood", "significance",
                                                           "sentence_ids"]),
        "pos": (lambda: lc.pos_profile_chart(e["profile"]), ["label", "difference", "per_1000", "ref_per_1000",
                                                             "log_likelihood", "significance"]),
        "stance": (lambda: lc.stance_chart(e["markers"], 0), ["category", "kind", "count", "per_1000", "sentence_ids"]),
        "loaded": (lambda: lc.loaded_words_chart(e["loaded"]), ["word", "count", "category", "intensity", "sentence_ids"]),
        "tone_words": (lambda: lc.tone_words_chart(e["tone_words"]), ["term", "total_valence", "tone", "count", "sentence_ids"]),
        "passives": (lambda: lc.passives_chart(e["passives"]), ["kind_label", "count", "agent", "sentence_ids"]),
        "lemmas": (lambda: lc.lemmas_chart(e["lemmas"]), ["lemma", "count", "per_1000", "forms"]),
    }[name]
    built = chart()
    _empty_but_valid(built, built.id, columns)


# ---------------------------------------------------------------- framing


FRAMING = ["profile", "head_body", "heatmap", "agency", "source_share", "terms", "actors", "attribution_kinds"]


def _framing_chart(name, t, seed):
    return {
        "profile": lambda: fc.frame_profile_chart(t["profile"]),
        "head_body": lambda: fc.frame_head_body_chart(t["head"], t["body"]),
        "heatmap": lambda: fc.frame_heatmap_chart(t["per_sentence"], seed),
        "agency": lambda: fc.agency_chart(t["agency"]),
        "source_share": lambda: fc.source_share_chart(t["sources"]),
        "terms": lambda: fc.terms_chart(t["terms"]),
        "actors": lambda: fc.actors_chart(t["actors"]),
        "attribution_kinds": lambda: fc.sources_chart(t["attributions"]),
    }[name]()


@pytest.mark.parametrize("name", FRAMING)
def test_framing_builders(name, framing, seed):
    t = framing
    c = _framing_chart(name, t, seed)
    if name == "profile":
        _valid(c, "frame-profile")
        measured = t["profile"][t["profile"]["measured"]]
        assert sorted(c.data["frame_label"]) == sorted(fc.frame_label(ty, lab) for ty, lab in zip(measured["typology"], measured["label"]))
        assert c.x == "evidence"  # the bar is the text's evidence, never a prior: absent frames are empty bars
        by_label = dict(zip(c.data["frame_label"], c.data["evidence"]))
        for ty, lab, ev, absent in zip(measured["typology"], measured["label"], measured["evidence"], measured["absent"]):
            assert by_label[fc.frame_label(ty, lab)] == ev and (ev == 0) == absent
        for typ, group in c.data.groupby("typology", sort=False):  # strongest first within each typology
            assert group["evidence"].tolist() == sorted(group["evidence"], reverse=True), typ
        assert set(c.data["typology"]) == {"Policy", "Generic", "Immigration"}
        assert fc.frame_label("policy", "Political") == "Policy: Political"
    elif name == "head_body":
        _valid(c, "frame-head-body")
        assert c.kind == "heatmap" and (c.x, c.y, c.color) == ("section", "frame_label", "evidence")
        head = t["head"].set_index(["typology", "frame"])
        body = t["body"].set_index(["typology", "frame"])
        used = {fc.frame_label(ty, head.loc[(ty, fr), "label"]) for ty, fr in head.index
                if head.loc[(ty, fr), "weight"] > 0 or body.loc[(ty, fr), "weight"] > 0}
        assert set(c.data["frame_label"]) == used and len(c.data) == 2 * len(used) > 0
        assert Counter(c.data["section"]) == {"Headline and standfirst": len(used), "Body": len(used)}
    elif name == "heatmap":
        _valid(c, "frame-heatmap")
        ids = [s.id for s in seed.sentences]
        labels = c.data["frame_label"].unique()
        assert len(c.data) == len(labels) * len(ids)
        assert c.data["sentence_id"].tolist()[:len(ids)] == ids  # every sentence a column, in reading order
        assert c.data["weight"].sum() == t["per_sentence"]["weight"].sum() > 0
    elif name == "agency":
        _valid(c, "agency")
        top = t["agency"].head(15)
        assert c.data["actor"].tolist() == [a for a in top["actor"] for _ in range(2)]
        by_role = c.data.groupby("role")["clauses"].sum()
        assert by_role["acts (agent)"] == top["as_agent"].sum() and by_role["acted upon (patient)"] == top["as_patient"].sum()
    elif name == "source_share":
        _valid(c, "source-share")
        top = t["sources"].head(15)
        assert c.data["source"].tolist() == top["source"].tolist()
        assert c.data["percent"].tolist() == (100 * top["share"].astype(float)).round(1).tolist()
    elif name == "terms":
        _valid(c, "terms")
        uses = c.data.groupby("where")["uses"].sum()
        assert uses["article's own words"] == t["terms"]["own_words"].sum()
        assert uses["inside quotation marks"] == t["terms"]["in_quotes"].sum()
        assert len(c.data) == 2 * len(t["terms"])
    elif name == "actors":
        _valid(c, "actors")
        assert c.data.drop(columns="sentence_ids").to_dict("list") == t["actors"].head(15)[["name", "kind", "mentions"]].to_dict("list")
        assert c.data["sentence_ids"].tolist() == [", ".join(ids) for ids in t["actors"].head(15)["sentence_ids"]]
        assert c.data["name"].iloc[0] == "Trump"
    elif name == "attribution_kinds":
        _valid(c, "attribution-kinds")
        assert c.data["kind"].tolist() == list(ATTRIBUTION_KINDS)
        assert c.data["count"].sum() == len(t["attributions"]) > 0


@pytest.mark.parametrize("name", FRAMING)
def test_framing_builders_with_empty_tables(name, framing, seed):
    e = {k: v.iloc[:0] for k, v in framing.items()}
    full = _framing_chart(name, framing, seed)
    built = _framing_chart(name, e, seed)
    _empty_but_valid(built, full.id, list(full.data.columns))


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize("name", ["figure_kinds", "public_figures", "vague"])
def test_number_builders(name, nums):
    if name == "figure_kinds":
        c = _valid(nc.figure_kinds_chart(nums["figures"]), "figure-kinds")
        assert c.data["figures"].sum() == len(nums["figures"]) > 0
        assert set(c.data["status"]) == set(nc.FIGURE_STATUSES)
        assert Counter(c.data["kind"]) == {k: len(nc.FIGURE_STATUSES) for k in set(nums["figures"]["kind"])}
        status = nc.figure_status(nums["figures"])
        for kind, st, n in zip(c.data["kind"], c.data["status"], c.data["figures"]):
            assert n == ((nums["figures"]["kind"] == kind) & (status == st)).sum()
    elif name == "public_figures":
        c = _valid(nc.public_figures_chart(nums["public"], nums["voices"]), "public-figures")
        public = nums["public"].set_index("name")
        assert set(c.data["role"]) <= set(nc.VOICE_ROLES)
        assert (c.data.groupby("name").size() == len(nc.VOICE_ROLES)).all()
        assert set(c.data["name"]) >= set(public.index[:12])
        for name_, grp in c.data.groupby("name"):
            assert (grp["mentions"] == public.loc[name_, "mentions"]).all()
            assert grp["sentences"].sum() >= len(public.loc[name_, "sentence_ids"]) > 0
    elif name == "vague":
        c = _valid(nc.vague_quantities_chart(nums["vague"]), "vague-quantities")
        assert c.data["category"].tolist() == list(VAGUE_CATEGORIES)
        assert c.data["uses"].sum() == len(nums["vague"]) > 0
        for cat, terms in zip(c.data["category"], c.data["terms"]):
            assert set(filter(None, terms.split(", "))) == set(nums["vague"].loc[nums["vague"]["category"] == cat, "term"])


def test_number_builders_with_empty_tables(nums):
    e = {k: v.iloc[:0] for k, v in nums.items()}
    kinds = nc.figure_kinds_chart(e["figures"])
    _empty_but_valid(kinds, "figure-kinds", ["kind", "status", "figures", "examples", "sentence_ids"])
    assert kinds.data["kind"].tolist() == ["count"] * len(nc.FIGURE_STATUSES)
    _empty_but_valid(nc.public_figures_chart(e["public"], e["voices"]), "public-figures",
                     ["name", "type", "role", "sentences", "mentions", "sentence_ids"])
    _empty_but_valid(nc.vague_quantities_chart(e["vague"]), "vague-quantities", ["category", "uses", "terms", "sentence_ids"])


def test_default_ids_of_one_article_are_unique(lang, framing, nums, seed):
    """The three article notebooks save their charts into one folder, named by chart id."""
    charts = [lc.tone_chart(lang["tone"]), lc.sentence_length_chart(lang["lengths"]), lc.frequent_words_chart(lang["words"]),
              lc.readability_chart(lang["read"]), lc.keyness_chart(lang["keys"]), lc.pos_profile_chart(lang["profile"]),
              lc.stance_chart(lang["markers"], lang["n_words"]), lc.loaded_words_chart(lang["loaded"]),
              lc.tone_words_chart(lang["tone_words"]), lc.passives_chart(lang["passives"]), lc.lemmas_chart(lang["lemmas"]),
              *(_framing_chart(n, framing, seed) for n in FRAMING),
              nc.figure_kinds_chart(nums["figures"]), nc.public_figures_chart(nums["public"], nums["voices"]),
              nc.vague_quantities_chart(nums["vague"])]
    ids = [c.id for c in charts]
    assert len(ids) == len(set(ids)) == 22


# ---------------------------------------------------------------- comparison


@pytest.mark.parametrize("name", ["frames", "tone_arcs", "sourcing", "terminology", "distinctive_words"])
def test_compare_builders(name, comp):
    slugs = comp["slugs"]
    if name == "frames":
        c = _valid(cc.frame_profile_chart(comp["frames"]), "compare-frames")
        assert c.kind == "heatmap" and (c.x, c.y, c.color) == ("article", "frame_label", "score")
        assert set(c.data["article"]) == set(slugs)
        assert 0 < c.data["frame_label"].nunique() <= 8
        best = c.data.groupby("frame_label")["score"].max()
        assert (best > 0).all()
    elif name == "tone_arcs":
        c = _valid(cc.tone_arcs_chart(comp["arcs"]), "compare-tone-arcs")
        assert len(c.data) == len(comp["arcs"]) and set(c.data["article"]) == set(slugs)
        assert c.data["bin"].is_monotonic_increasing and c.data["mean_compound"].between(-1, 1).all()
    elif name == "sourcing":
        c = _valid(cc.sourcing_chart(comp["mix"]), "compare-sourcing")
        totals = c.data.groupby("article")["share"].sum()
        assert set(totals.index) == set(slugs) and ((totals - 100).abs() <= 0.5).all()
        assert set(c.data["kind"]) == {CATEGORY_LABELS.get(k, k) for k in ATTRIBUTION_KINDS}  # legend in words
    elif name == "terminology":
        c = _valid(cc.terminology_chart(comp["choices"]), "compare-terminology")
        shared = comp["choices"][comp["choices"]["n_articles"] >= 2]
        assert len(c.data) == len(shared) > 0
        assert c.data["count"].sum() == shared["count"].sum()
        assert all(label.startswith(term) for label, term in zip(c.data["term_label"], shared["term"]))
        everything = cc.terminology_chart(comp["choices"], shared_only=False)
        assert len(everything.data) == len(comp["choices"])
    elif name == "distinctive_words":
        c = _valid(cc.distinctive_words_chart(comp["words"], top=5), "compare-distinctive-words")
        assert (c.data.groupby("article").size() <= 5).all() and set(c.data["article"]) <= set(slugs)
        assert c.data["label"].tolist() == [f"{t} · {a}" for t, a in zip(c.data["term"], c.data["article"])]
        assert c.color == "article"


def test_compare_builders_with_empty_tables(comp):
    e = {k: v.iloc[:0] for k, v in comp.items() if isinstance(v, pd.DataFrame)}
    _empty_but_valid(cc.frame_profile_chart(e["frames"]), "compare-frames",
                     ["article", "typology", "frame", "label", "score", "n_cues", "frame_label"])
    _empty_but_valid(cc.tone_arcs_chart(e["arcs"]), "compare-tone-arcs",
                     ["article", "bin", "position", "mean_compound", "n_sentences"])
    _empty_but_valid(cc.sourcing_chart(e["mix"]), "compare-sourcing", ["article", "kind", "count", "share"])
    _empty_but_valid(cc.terminology_chart(e["choices"]), "compare-terminology",
                     ["article", "term_label", "count", "group", "signals"])
    _empty_but_valid(cc.distinctive_words_chart(e["words"]), "compare-distinctive-words",
                     ["label", "article", "term", "log_likelihood", "count", "count_rest"])
    assert cc.top_frames(e["frames"]).empty
