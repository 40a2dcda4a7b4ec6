"""The article brief: findings from the summary, ranked against the Brown news reference, with working evidence links."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser

import pytest

from analysis.core.article import load_article, parse_article
from analysis.output import brief
from analysis.output.html.brief import brief_html
from analysis.output.summary import build_summary

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed_findings():
    return {f.key: f for f in brief.findings(build_summary(load_article(SEED)))}


def test_seed_brief_names_what_the_issue_lists(seed_findings):
    f = seed_findings
    assert f["quotes"].text.startswith("No one is quoted directly: 0 direct quotations")
    assert "Claims credited to no one: " in f["unattributed"].text and " of 16 sentences" in f["unattributed"].text
    assert "\u2018reports suggest\u2019 (s13)" in f["vague"].text and "\u2018there is concern\u2019 (s12)" in f["vague"].text
    assert f["figures"].text.startswith("2 figures: 2 of 2 are hedged; 1 has no source (s16)")
    assert f["loaded"].text.startswith("Loaded words in ") and f["loaded"].evidence
    assert f["grade"].text.startswith("Reading grade 17")
    assert "passives" in f
    for finding in f.values():  # every evidence id is a sentence of the article, in reading order
        nums = [int(s[1:]) for s in finding.evidence]
        assert nums == sorted(nums) and all(1 <= n <= 16 for n in nums)


def test_ranked_by_distance_from_the_reference(seed_findings):
    ranked = brief.findings(build_summary(load_article(SEED)))
    strengths = [f.strength for f in ranked]
    assert strengths == sorted(strengths, reverse=True)
    grade = seed_findings["grade"]
    assert grade.percentile is not None and grade.percentile > 90  # a grade of 17 is far above 1961 news prose


def _article(body: str) -> str:
    return "A constructed test article\n\n" + body + "\n"


def test_a_plain_article_has_no_sourcing_alarm():
    text = _article(
        "The city council voted on Tuesday to repair the bridge. \u201cThe work starts in May,\u201d said Mayor "
        "Jane Ortiz. The repairs will cost $2 million, according to the Office of Budget Planning. "
        "Ortiz said the road would stay open during the work."
    )
    found = {f.key: f for f in brief.findings(build_summary(parse_article(text, name="plain")))}
    assert "vague" not in found and "headline" not in found
    assert not found["quotes"].text.startswith("No one is quoted")
    assert "no source" not in found["figures"].text


def test_vague_sources_found_in_a_constructed_article():
    text = _article("Critics say the plan is a disaster. Reports suggest that the mayor will resign. "
                    "The council met on Monday.")
    found = {f.key: f for f in brief.findings(build_summary(parse_article(text, name="vague")))}
    assert "vague" in found and {"s2", "s3"} <= set(found["vague"].evidence)


def test_percentile_and_without_a_reference():
    assert brief.percentile(3.0, [1.0, 2.0, 3.0, 4.0]) == 62.5
    text = _article("The council met on Monday. It approved the budget.")
    no_ref = brief.findings(build_summary(parse_article(text, name="x")), reference={})
    assert all(f.percentile is None for f in no_ref)


def test_html_escapes_and_links_every_evidence_sentence():
    f = brief.Finding("vague", "Vague sources: \u2018<script>x</script>\u2019 (s2).", ("s2", "s10"), 1.0, 99.0,
                      "attribution", "02-framing")
    out = brief_html([f], {"attribution": "Measured <well>."})
    assert "<script>x" not in out and "&lt;script&gt;" in out and "Measured &lt;well&gt;." in out
    assert 'href="article.html#s2"' in out and 'href="article.html#s10"' in out
    assert '(<a href="article.html#s2" class="al-sid">s2</a>)' in out  # an id in the finding's text is a link too
    assert "unusual" in out
    assert "No finding" in brief_html([], {})


def test_reference_file_is_current():
    # The committed reference was computed by today's detectors: rebuild three texts and compare their rows.
    from nltk.corpus import brown

    rows = {r["text"]: r for r in csv.DictReader((ROOT / "data" / "reference" / "brief_reference.csv").open())}
    assert len(rows) == 44
    for fileid in ("ca01", "ca17", "ca44"):
        text = brief.brown_text(brown.paras(fileid), f"Brown news text {fileid}")
        measures = brief.brief_measures(build_summary(parse_article(text, name=f"brown-{fileid}")))
        for m in brief.REFERENCE_MEASURES:
            assert float(rows[fileid][m]) == pytest.approx(measures[m], abs=1e-3), (fileid, m)


def test_reliability_figures_come_from_docs_accuracy():
    accuracy = (ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
    statements = brief.load_reliability()
    assert {"attribution", "figures", "loaded", "readability"} <= set(statements)
    documented = [float(x) for x in re.findall(r"\b\d\.\d+\b", accuracy)]
    for detector, sentence in statements.items():
        for number in re.findall(r"\b\d\.\d+\b", sentence):
            places = len(number.split(".")[1])
            assert any(round(d, places) == float(number) for d in documented), (detector, number)


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])


def test_report_index_starts_with_the_brief_and_its_links_resolve(tmp_path):
    from analysis.output.report import build_article_report

    result = build_article_report(SEED, tmp_path)
    assert result.error is None, result.error
    folder = tmp_path / SEED.stem
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert index.index("What stands out") < index.index("<h2>Reports</h2>")
    parser = _Ids()
    parser.feed(index)
    links = [h for h in parser.hrefs if "#s" in h]
    assert links
    targets = {}
    for href in links:
        page, anchor = href.split("#")
        if page not in targets:
            p = _Ids()
            p.feed((folder / page).read_text(encoding="utf-8"))
            targets[page] = p.ids
        assert anchor in targets[page], href
