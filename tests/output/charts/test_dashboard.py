"""The brief's dashboard: small charts read from the summary, sorted by value, coloured by the shared palette, a
sentence instead of a chart below three data points, and every label escaped."""

from __future__ import annotations

import re

import pytest

from analysis.core.article import load_article, parse_article
from analysis.output.brief import load_reference
from analysis.output.charts.dashboard import MIN_POINTS, SECTIONS, dashboard_panels, panel_svg
from analysis.output.charts.palette import CATEGORY_COLOURS, tone_colour
from analysis.output.html.brief import dashboard_html
from analysis.output.summary import build_summary

from conftest import SEED


@pytest.fixture(scope="module")
def seed_panels():
    return {p.key: p for p in dashboard_panels(build_summary(load_article(SEED)), load_reference())}


def test_seed_has_seven_panels_each_linking_to_its_section(seed_panels):
    assert list(seed_panels) == ["tone", "sourcing", "frames", "figures", "loaded", "actors", "grade"]
    for key, p in seed_panels.items():
        assert p.href == SECTIONS[key] and re.match(r"0[123]-[a-z]+\.html#\S+$", p.href)


def test_sourcing_mix_sorted_with_palette_colours(seed_panels):
    d = seed_panels["sourcing"].data
    # the seed credits 13 claims to no one, 2 to vague sources, one each to a document, an organisation, a person
    assert d["value"].tolist() == [13, 2, 1, 1, 1]
    assert d["label"].tolist()[:2] == ["Credited to no one", "Vague source"]
    assert d.set_index("label").loc["Vague source", "colour"] == CATEGORY_COLOURS["vague"]
    assert "Anonymous source" not in d["label"].tolist()  # an empty category is left out, and named in the note
    assert "15 of 18 claims cannot be checked" in seed_panels["sourcing"].note
    assert "None: anonymous source." in seed_panels["sourcing"].note


def test_bars_are_sorted_by_value(seed_panels):
    for key in ("sourcing", "frames", "loaded", "actors"):
        values = seed_panels[key].data["value"].tolist()
        assert values == sorted(values, reverse=True) and len(values) >= MIN_POINTS, key
    assert seed_panels["actors"].data["label"].iloc[0] == "Trump"
    assert seed_panels["frames"].data["label"].iloc[0] == "Policy: Crime and punishment"


def test_frames_panel_counts_and_draws_evidence_not_the_ranking_prior():
    summary = build_summary(load_article(SEED))
    frames = [f for f in summary["framing"]["frames"] if f["measured"]]
    used = [f for f in frames if f["weight"] > 0]
    assert any(f["score"] > 0 for f in frames if f["weight"] == 0)  # policy priors: a score without any cue
    panel = [p for p in dashboard_panels(summary, load_reference()) if p.key == "frames"][0]
    assert panel.note.startswith(f"{len(used)} of {len(frames)} frames have cue words here")
    evidence = {f"{f['typology'].capitalize()}: {f['label']}": round(f["evidence"], 2) for f in used}
    assert all(evidence[lab] == v for lab, v in zip(panel.data["label"], panel.data["value"]))


def test_tone_arc_covers_every_sentence_on_the_diverging_scale(seed_panels):
    p = seed_panels["tone"]
    d = p.data
    assert p.kind == "arc" and len(d) == 10
    covered = [s for ids in d["sentence_ids"] for s in ids]
    assert covered == [f"s{i}" for i in range(1, 17)]  # reading order, each sentence once
    assert all(c == tone_colour(v) for c, v in zip(d["colour"], d["value"]))
    neg = d[d["value"] < -0.5]["colour"].tolist()
    assert neg and all(int(c[1:3], 16) > int(c[5:7], 16) for c in neg)  # negative is red, not blue
    assert "most negative: s12 (-0.78)" in p.note


def test_two_figures_make_a_sentence_not_a_chart(seed_panels):
    p = seed_panels["figures"]
    assert not p.drawn and panel_svg(p) == ""
    assert p.note == "2 figures: 1 no source, hedged; 1 sourced, hedged."


def test_reading_grade_against_the_brown_news_texts(seed_panels):
    p = seed_panels["grade"]
    d = p.data
    assert p.drawn and int((~d["is_article"]).sum()) == 44 and d["is_article"].sum() == 1
    assert p.note.startswith("Grade 17.3; harder than 44 of the 44 Brown-corpus news texts")
    svg = panel_svg(p)
    assert svg.count("<circle") == 44 and "this article 17.3" in svg


def test_a_short_article_gets_sentences_instead_of_charts():
    summary = build_summary(parse_article("A short note\n\nThe council met.\n", name="short"))
    panels = {p.key: p for p in dashboard_panels(summary, load_reference())}
    assert not panels["tone"].drawn and panels["tone"].note.startswith("Too few sentences for a tone arc: ")
    assert panels["figures"].note == "No figures in this article."
    assert panels["loaded"].note == "No loaded or emotive words found."
    markup = dashboard_html(list(panels.values()))
    assert markup.count('<section class="al-tile"') == 7
    assert markup.count("<svg") == sum(p.drawn for p in panels.values())


def test_labels_are_escaped_once():
    text = ("A test\n\nThe group <b>Hostile & Co</b> said prices rose. <b>Hostile & Co</b> met Mayor Jane Ortiz. "
            "Mayor Jane Ortiz thanked <b>Hostile & Co</b>. Officials said the deal was bad.\n")
    panels = dashboard_panels(build_summary(parse_article(text, name="hostile")), load_reference())
    markup = dashboard_html(panels)
    assert "<b>" not in markup and "&amp;amp;" not in markup
    assert ">Hostile &amp; Co</text>" in markup  # the actors panel draws the name, escaped once
    grade = next(p for p in panels if p.key == "grade")
    assert re.match(r"Grade \d\.\d; easier than \d+ of the 44 ", grade.note)
    assert all(p.href in markup for p in panels)
