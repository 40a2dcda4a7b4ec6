"""The JSON summary: every section present, valid strict JSON, sentence ids and offsets that exist in the
article, the same answer every time (also in a fresh process), and the same rows as the public tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from analysis.core.config import VERSION
from analysis.core.records import json_safe, records
from analysis.framing.actors import actors
from analysis.framing.quotes import quotations
from analysis.language.tone import sentence_tone
from analysis.language.words import size
from analysis.numbers.consistency import consistency
from analysis.numbers.records import figures
from analysis.numbers.vague_quantities import vague_quantities
from analysis.output.summary import (
    REPORT_ONLY_FIELDS,
    build_summary,
    figures_sections,
    framing_section,
    language_section,
)

from conftest import ROOT, SEED

TOP_KEYS = {"article", "language", "framing", "figures", "numbers_not_figures", "figure_conflicts", "vague_quantities",
            "public_figures", "version"}
LANGUAGE_KEYS = {"readability", "readability_reading", "readability_grade", "hardest_sentences", "tone", "frequent_words",
                 "diversity", "keywords", "keywords_under", "pos_profile", "collocations", "hedges", "boosters", "modals",
                 "stance_per_1000", "loaded", "passives"}
FRAMING_KEYS = {"actors", "attributions", "sources", "frames", "quotes", "scare_quotes", "terms", "headline_vs_body"}
FIGURE_FIELDS = ["sentence_id", "text", "value", "value_high", "kind", "unit", "counts", "approximation", "rounded",
                 "source", "time", "start", "end", "id", "bound", "source_kind", "conflicts_with"]

PROTEST = ("Police arrest 300 protesters in Chicago",
           "Police arrested about 300 protesters in Chicago on Monday, officials said. "
           "Mayor Jane Doe said 450 protesters were arrested.",
           "\u201cWe will not be intimidated,\u201d Doe said. Many residents stayed home.")


@pytest.fixture(scope="module")
def seed_summary(seed):
    return build_summary(seed)


@pytest.fixture(scope="module")
def protest(make_article):
    return make_article(*PROTEST)


def _sentence_refs(value, key=""):
    """Every sentence id the summary cites, wherever it is."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _sentence_refs(v, k)
    elif isinstance(value, list):
        if key.endswith("sentence_ids") or key == "hardest_sentences":
            yield from ((key, v) for v in value)
        else:
            for v in value:
                yield from _sentence_refs(v, key)
    elif key in ("sentence_id", "first_sentence"):
        yield key, value


def _spans(summary):
    """(section, record) for every record that has a sentence_id and start/end offsets."""
    lang = summary["language"]
    for section in ("hedges", "boosters", "modals", "loaded", "passives"):
        for rec in lang[section]:
            yield section, rec
    for rec in summary["figures"]:
        yield "figures", rec


def test_sections_and_keys(seed_summary, seed):
    s = seed_summary
    assert set(s) == TOP_KEYS
    assert set(s["language"]) == LANGUAGE_KEYS
    assert set(s["framing"]) == FRAMING_KEYS
    assert s["version"] == VERSION
    art = s["article"]
    assert art["slug"] == seed.slug and art["title"] == seed.title and art["standfirst"] == seed.standfirst
    assert art["metadata"] == seed.metadata and art["warnings"] == list(seed.warnings)
    assert art["n_sentences"] == len(seed.sentences) and art["n_paragraphs"] == len(seed.paragraphs)
    assert art["n_words"] == size(seed)["n_words"]
    hvb = s["framing"]["headline_vs_body"]
    assert {"head_sentence_ids", "unsupported"} <= set(hvb)


@pytest.mark.parametrize("which", ["seed", "protest", "tiny"])
def test_strict_json(which, seed, protest, make_article):
    art = {"seed": seed, "protest": protest, "tiny": make_article("Hi", "Ok.")}[which]
    summary = build_summary(art)
    text = json.dumps(summary, allow_nan=False, ensure_ascii=False)
    assert json.loads(text) == summary  # nothing but dicts, lists, strings, numbers, booleans and null
    assert set(summary) == TOP_KEYS


@pytest.mark.parametrize("which", ["seed", "protest"])
def test_every_sentence_id_exists(which, seed, protest):
    art = {"seed": seed, "protest": protest}[which]
    ids = {s.id for s in art.sentences}
    refs = list(_sentence_refs(build_summary(art)))
    assert len(refs) > 20, "the walk found the summary's sentence ids"
    assert {k for k, _ in refs} >= {"sentence_id", "sentence_ids", "first_sentence", "hardest_sentences"}
    assert [r for r in refs if r[1] not in ids] == []


@pytest.mark.parametrize("which", ["seed", "protest"])
def test_offsets_are_in_their_sentence_and_match_the_text(which, seed, protest):
    art = {"seed": seed, "protest": protest}[which]
    summary = build_summary(art)
    found = 0
    for section, rec in _spans(summary):
        sent = art.sentence(rec["sentence_id"])
        assert sent.start <= rec["start"] < rec["end"] <= sent.end, (section, rec)
        written = art.text[rec["start"]:rec["end"]]
        if section in ("passives", "figures"):
            assert written == rec["text"], (section, rec)
        else:
            assert " ".join(written.lower().split()) == rec["term"], (section, rec)
        found += 1
    assert found >= 5


def test_deterministic_in_process(seed_summary, seed):
    again = build_summary(seed)
    assert again == seed_summary
    assert json.dumps(again) == json.dumps(seed_summary)  # same key order too


def test_mutating_a_summary_does_not_change_the_next_one(seed):
    first = build_summary(seed)
    reference = json.dumps(first)
    first["framing"]["actors"][0]["aliases"].append("changed")
    first["framing"]["actors"][0]["sentence_ids"].clear()
    first["figures"][0]["conflicts_with"].append("n999")
    first["language"]["tone"]["compound"].clear()
    first["article"]["metadata"]["title"] = "changed"
    assert json.dumps(build_summary(seed)) == reference


def test_deterministic_in_a_fresh_process(seed_summary):
    """A new interpreter with another hash seed (set order differs) writes the same JSON."""
    code = ("import json, sys; from analysis import load_article; from analysis.output.summary import build_summary; "
            "sys.stdout.write(json.dumps(build_summary(load_article(sys.argv[1]))))")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    proc = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, cwd=str(ROOT),
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == json.dumps(seed_summary)


def test_sections_are_the_parts_of_the_summary(seed, seed_summary):
    assert json_safe(language_section(seed)) == seed_summary["language"]
    assert json_safe(framing_section(seed)) == seed_summary["framing"]
    sections = json_safe(figures_sections(seed))
    assert set(sections) == {"figures", "numbers_not_figures", "figure_conflicts", "vague_quantities", "public_figures"}
    assert sections == {k: seed_summary[k] for k in sections}


# ---------------------------------------------------------------- the same rows as the public tables


@pytest.mark.parametrize("which", ["seed", "protest"])
def test_figures_are_the_figure_rows(which, seed, protest):
    art = {"seed": seed, "protest": protest}[which]
    summary = build_summary(art)
    table = figures(art)
    assert len(table) >= 1
    assert summary["figures"] == records(table, FIGURE_FIELDS)
    assert [f["id"] for f in summary["figures"]] == table["id"].tolist()


def test_constructed_figures_conflicts_and_quotes(protest):
    summary = build_summary(protest)
    figs = summary["figures"]
    assert [(f["sentence_id"], f["value"], f["counts"]) for f in figs] == [
        ("s1", 300.0, "protesters"), ("s2", 300.0, "protesters"), ("s3", 450.0, "protesters")]
    assert figs[1]["approximation"] == "about" and figs[0]["approximation"] is None
    # the 450 in s3 contradicts both 300s, which agree with each other
    assert {(c["id_a"], c["id_b"]) for c in summary["figure_conflicts"]} == {("n1", "n3"), ("n2", "n3")}
    assert figs[2]["conflicts_with"] == ["n1", "n2"]
    table = consistency(protest)
    assert summary["figure_conflicts"] == records(table, ["id_a", "id_b", "counts", "value_a", "value_b", "note"])
    quotes = summary["framing"]["quotes"]
    assert [(q["sentence_id"], q["speaker"]) for q in quotes] == [("s4", "Jane Doe")]
    assert quotes[0]["text"].startswith("We will not be intimidated")
    direct = quotations(protest, kind="direct")
    assert quotes == records(direct, ["sentence_id", "text", "speaker", "speaker_kind"])
    vague = summary["vague_quantities"]
    assert [(v["term"], v["sentence_id"], v["matched"]) for v in vague] == [("many", "s5", "Many")]
    assert vague == records(vague_quantities(protest), ["term", "sentence_id", "category", "matched"])
    doe = next(p for p in summary["public_figures"] if p["name"] == "Jane Doe")
    assert doe["type"] == "person" and doe["voiced"] is True and doe["quoted"] == 1


@pytest.mark.parametrize("which", ["seed", "protest"])
def test_actors_match_the_actors_table(which, seed, protest):
    art = {"seed": seed, "protest": protest}[which]
    got = build_summary(art)["framing"]["actors"]
    assert got == records(actors(art), ["name", "kind", "mentions", "aliases", "sentence_ids", "as_agent", "as_patient"])
    assert got and all(a["mentions"] >= len(a["sentence_ids"]) for a in got)


def test_tone_matches_the_sentence_tone_table(seed, seed_summary):
    tone = seed_summary["language"]["tone"]
    table = sentence_tone(seed)
    assert tone["sentence_ids"] == [s.id for s in seed.sentences] == table["sentence_id"].tolist()
    assert tone["compound"] == [round(c, 4) for c in table["compound"]]
    assert tone["mean_compound"] == pytest.approx(round(float(np.mean(table["compound"])), 4))
    assert all(-1 <= c <= 1 for c in tone["compound"])


def test_language_measures_are_consistent(seed_summary):
    lang = seed_summary["language"]
    assert set(lang["readability"]) == set(lang["readability_reading"]) == set(lang["readability_grade"])
    assert len(lang["hardest_sentences"]) == 3 == len(set(lang["hardest_sentences"]))
    assert lang["keywords"] and all(k["log_likelihood"] >= 3.84 and k["log_ratio"] > 0 for k in lang["keywords"])
    assert all(k["log_likelihood"] >= 3.84 and k["log_ratio"] < 0 for k in lang["keywords_under"])
    assert len(lang["keywords"]) <= 25 and len(lang["keywords_under"]) <= 15
    counts = [w["count"] for w in lang["frequent_words"]]
    assert counts == sorted(counts, reverse=True) and len(counts) <= 20
    assert set(lang["stance_per_1000"]) == {"hedge", "booster", "modal"}
    # frames: every frame once, scores never negative, dominant and absent exclusive
    frames = seed_summary["framing"]["frames"]
    assert len({(f["typology"], f["frame"]) for f in frames}) == len(frames)
    assert all(f["score"] >= 0 and not (f["dominant"] and f["absent"]) for f in frames)


def test_figures_sections_of_the_seed(seed):
    s = figures_sections(seed)
    assert {"figures", "vague_quantities", "public_figures"} <= set(s)
    rec = s["figures"][0]
    for field in ("sentence_id", "text", "value", "kind", "unit", "counts", "approximation", "rounded", "source",
                  "time", "start", "end"):
        assert field in rec
    assert rec["value"] == 1500.0 and rec["source"] == "Pentagon"
    assert s["figures"][1]["source"] is None and s["figures"][1]["value"] == 14_000_000.0
    assert {"term": "numerous", "sentence_id": "s1", "category": "large", "matched": "numerous"} in s["vague_quantities"]
    names = [p["name"] for p in s["public_figures"]]
    assert names[0] == "Trump" and "Elon Musk" in names
    for p in s["public_figures"]:
        assert {"name", "type", "mentions", "aliases", "voiced", "mean_tone"} <= set(p)


def test_summary_imports_no_table_or_chart_library():
    """`summary` (and each corpus worker) builds plain rows: pandas, pyarrow, plotly, matplotlib and nbconvert stay
    unimported, and so does ftfy for text with no sign of mojibake (start-up time, issue 18)."""
    code = (
        "import sys, io, contextlib\n"
        "import analysis.cli as cli\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    cli.main(['summary', sys.argv[1]])\n"
        "assert out.getvalue().startswith('{')\n"
        "heavy = ('pandas.core.frame', 'pyarrow.lib', 'plotly', 'matplotlib', 'nbconvert', 'ftfy')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


@pytest.mark.parametrize("which", ["seed", "protest"])
def test_summary_for_tables_is_the_full_summary_without_report_only_fields(which, seed, protest):
    """Corpus mode's tables read a summary without the fields only a report shows; every other field is identical."""
    art = {"seed": seed, "protest": protest}[which]
    full, lean = build_summary(art), build_summary(art, for_tables=True)
    for section, fields in REPORT_ONLY_FIELDS.items():
        assert set(full[section]) - set(lean[section]) == set(fields)
        assert all(full[section][f] is not None for f in fields)  # computed in the full summary
        full[section] = {k: v for k, v in full[section].items() if k not in fields}
    assert json.dumps(full, sort_keys=True) == json.dumps(lean, sort_keys=True)
    assert list(full) == list(lean)
