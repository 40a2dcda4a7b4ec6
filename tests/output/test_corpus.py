"""Corpus mode (`python -m analysis corpus`): the same metrics as the single-article summaries, in parallel or on Dask, failures listed; and the sortable reports index built from those metrics."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import build_summary, load_article
from analysis.core.errors import ArticleError
from analysis.output.corpus import METRIC_COLUMNS, corpus_metrics, dominant_frames, find_articles, metrics_from_summary
from analysis.output.report import index_rows, write_site_index

from conftest import ROOT, SEED, run_cli

ARTICLES = ROOT / "data" / "articles"
BUNDLED = sorted(ARTICLES.glob("*.txt"))


@pytest.fixture(scope="module")
def expected():
    """The metrics of every bundled article, computed in this process from its full summary."""
    return {str(p): metrics_from_summary(build_summary(load_article(p)), file=str(p)) for p in BUNDLED}


@pytest.fixture()
def mixed_dir(tmp_path):
    """Two good articles, a PNG named .txt, an empty file and a file of NUL bytes."""
    shutil.copy(SEED, tmp_path / "a-seed.txt")
    shutil.copy(ARTICLES / "wikinews-asylum-seekers-rescued-indonesia.txt", tmp_path / "b-indonesia.txt")
    (tmp_path / "c-broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "d-empty.txt").write_bytes(b"")
    (tmp_path / "e-binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    return tmp_path


def _same(row: dict, want: dict) -> None:
    for key in METRIC_COLUMNS:
        got, exp = row[key], want[key]
        if pd.isna(got) if not isinstance(got, (list, dict)) else False:
            got = None
        assert got == exp or (got in ("", None) and exp in ("", None)), (key, got, exp)


# ---------------------------------------------------------------- metrics from a summary

def test_metrics_from_the_seed_summary():
    m = metrics_from_summary(build_summary(load_article(SEED)), file="seed.txt")
    assert list(m) == METRIC_COLUMNS
    assert m["slug"] == "seed-us-immigration-enforcement" and m["n_sentences"] == 16
    assert m["n_figures"] == 2  # 1,500 troops and 14 million undocumented
    assert m["n_vague_sources"] >= 2  # "reports suggest", "there is concern"
    assert -1 <= m["mean_tone"] <= 1 and 5 < m["flesch_kincaid_grade"] < 25


def test_metrics_from_summary_never_raises_on_partial_or_odd_input():
    empty = metrics_from_summary({})
    assert empty["title"] == "" and empty["n_words"] is None and empty["dominant_frames"] == "" and empty["n_figures"] is None
    odd = metrics_from_summary({"article": "oops", "language": {"readability": {"flesch_kincaid_grade": float("nan")},
                                                                 "tone": {"mean_compound": "high"}},
                                "framing": {"attributions": [None, {"kind": "vague", "source": "critics say"},
                                                             {"kind": "vague", "source": "Critics say"},
                                                             {"kind": "named_person", "source": "Ann Lee"}],
                                            "frames": "not a list"},
                                "figures": {"not": "a list"}})
    assert odd["flesch_kincaid_grade"] is None and odd["mean_tone"] is None and odd["n_figures"] is None
    assert (odd["n_vague_sources"], odd["n_named_sources"], odd["n_anonymous_sources"], odd["n_attributions"]) == (1, 1, 0, 3)


def test_dominant_frames_prefers_the_analysis_flag():
    frames = [
        {"typology": "policy", "frame": "political", "label": "Political", "score": 9.0, "dominant": False},
        {"typology": "policy", "frame": "crime_punishment", "label": "Crime and punishment", "score": 5.0, "dominant": True},
        {"typology": "generic", "frame": "conflict", "label": "Conflict", "score": 2.0, "dominant": True},
    ]
    assert dominant_frames(frames) == ["policy: Crime and punishment", "generic: Conflict"]  # strongest first
    unflagged = [{k: v for k, v in f.items() if k != "dominant"} for f in frames]
    assert dominant_frames(unflagged) == ["policy: Political", "generic: Conflict"]  # the top of each typology
    many = [{"typology": "policy", "frame": f"f{i}", "score": i, "dominant": True} for i in range(1, 6)]
    assert dominant_frames(many) == ["policy: f5", "policy: f4", "policy: f3"]
    assert dominant_frames([{"typology": "policy", "frame": "x", "score": 0}]) == []
    assert dominant_frames(None) == [] and dominant_frames([1, "a", {"score": 3}]) == []


# ---------------------------------------------------------------- finding files

def test_find_articles(tmp_path):
    assert find_articles([ARTICLES]) == BUNDLED
    assert find_articles([str(ARTICLES / "wikinews-*.txt")]) == [p for p in BUNDLED if p.name.startswith("wikinews-")]
    assert find_articles([SEED, SEED]) == [SEED]
    with pytest.raises(ArticleError, match="matches no article files"):
        find_articles([str(tmp_path / "*.txt")])


# ---------------------------------------------------------------- corpus mode

def test_corpus_matches_the_single_article_summaries(expected):
    result = corpus_metrics(BUNDLED, workers=2, progress=False)
    assert result.failures.empty
    assert result.metrics["file"].tolist() == [str(p) for p in BUNDLED]
    for row in result.metrics.to_dict(orient="records"):
        _same(row, expected[row["file"]])


def test_corpus_matches_the_summary_command(expected):
    """Same numbers as `python -m analysis summary` prints for the article."""
    path = ARTICLES / "wikinews-uk-asylum-questionnaire.txt"
    proc = run_cli("summary", str(path))
    assert proc.returncode == 0, proc.stderr
    assert metrics_from_summary(json.loads(proc.stdout), file=str(path)) == expected[str(path)]


def test_failures_are_skipped_and_listed(mixed_dir, expected):
    result = corpus_metrics(find_articles([mixed_dir]), workers=2, progress=False)
    assert [Path(f).name for f in result.metrics["file"]] == ["a-seed.txt", "b-indonesia.txt"]
    failures = dict(zip((Path(f).name for f in result.failures["file"]), result.failures["error"]))
    assert set(failures) == {"c-broken.txt", "d-empty.txt", "e-binary.txt"}
    assert "PNG" in failures["c-broken.txt"] and "empty" in failures["d-empty.txt"] and "binary" in failures["e-binary.txt"]
    seed_row = result.metrics.iloc[0].to_dict()
    want = dict(expected[str(SEED)], file=seed_row["file"], slug="a-seed")
    _same(seed_row, want)


def test_an_analysis_crash_is_listed_not_raised(mixed_dir, monkeypatch):
    import analysis.output.corpus as corpus

    real = corpus.metrics_from_bytes

    def flaky(file, data, name=None):
        if "indonesia" in file:
            raise RuntimeError("boom\nin the analysis")
        return real(file, data, name)

    monkeypatch.setattr(corpus, "metrics_from_bytes", flaky)
    result = corpus_metrics([mixed_dir / "a-seed.txt", mixed_dir / "b-indonesia.txt"], workers=1, progress=False)
    assert result.metrics["slug"].tolist() == ["a-seed"]
    assert result.failures.to_dict(orient="records") == [{"file": str(mixed_dir / "b-indonesia.txt"),
                                                           "error": "RuntimeError: in the analysis"}]


def test_corpus_cli(mixed_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "metrics.csv"
    proc = run_cli("corpus", str(mixed_dir), "--out", str(out), "--workers", "2")
    assert proc.returncode == 1  # some files were skipped; the CSV is still written
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["slug"] for r in rows] == ["a-seed", "b-indonesia"] and list(rows[0]) == METRIC_COLUMNS
    assert "skipped" in proc.stderr and "c-broken.txt" in proc.stderr and "d-empty.txt" in proc.stderr
    assert "100%" in proc.stderr and "5/5" in proc.stderr  # the tqdm progress bar
    assert "2 article(s) analysed, 3 skipped" in proc.stderr and "Traceback" not in proc.stderr


def test_corpus_cli_to_stdout_with_a_glob():
    proc = run_cli("corpus", str(ARTICLES / "wikinews-a*.txt"), "--workers", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["slug"] for r in rows] == ["wikinews-afghan-robotics-team-visa", "wikinews-asylum-seekers-rescued-indonesia",
                                         "wikinews-australia-iodine-deficiency"]
    assert "%|" not in proc.stderr


def test_corpus_cli_nothing_matches(tmp_path):
    proc = run_cli("corpus", str(tmp_path / "*.txt"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "matches no article files" in proc.stderr


def test_dask_local_cluster(expected):
    distributed = pytest.importorskip("distributed")
    paths = [SEED, ARTICLES / "wikinews-asylum-seekers-rescued-indonesia.txt", ARTICLES / "missing.txt"]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        result = corpus_metrics(paths, dask_address=cluster.scheduler_address, progress=False)
    assert result.metrics["file"].tolist() == [str(p) for p in paths[:2]]
    for row in result.metrics.to_dict(orient="records"):
        _same(row, expected[row["file"]])
    assert result.failures["file"].tolist() == [str(paths[2])] and "does not exist" in result.failures["error"].iloc[0]


def test_dask_unreachable_scheduler_is_a_clear_error():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ArticleError, match="cannot connect to the Dask scheduler"):
        corpus_metrics([SEED], dask_address=f"tcp://127.0.0.1:{port}", dask_timeout=1, progress=False)


# ---------------------------------------------------------------- the reports index

def _write_summary(root: Path, slug: str, summary) -> None:
    (root / slug).mkdir(parents=True)
    text = summary if isinstance(summary, str) else json.dumps(summary)
    (root / slug / "summary.json").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """An index over summaries of three vintages: current, with frames (issue 4), and broken."""
    root = tmp_path_factory.mktemp("site")
    seed = build_summary(load_article(SEED))
    _write_summary(root, "seed-us-immigration-enforcement", seed)
    newer = json.loads(json.dumps(seed))
    newer["article"].update(slug="b-newer", title="<script>window.__xss = 1</script> Newer & bolder", n_words=9999)
    newer["article"]["metadata"] = {"source": "Zeta <b>News</b>"}
    newer["framing"]["frames"] = [
        {"typology": "generic", "frame": "conflict", "label": "Conflict", "score": 0.4, "dominant": True},
        {"typology": "policy", "frame": "security_defense", "label": "Security and defense", "score": 0.3, "dominant": True},
    ]
    _write_summary(root, "b-newer", newer)
    _write_summary(root, "c-minimal", {"article": {"title": "Only a title"}})
    _write_summary(root, "d-broken", "{not json")
    (root / "e-no-summary").mkdir()
    write_site_index(root)
    return root


def test_index_rows_are_read_defensively(site):
    rows = {r["slug"]: r for r in index_rows(site)}
    assert set(rows) == {"seed-us-immigration-enforcement", "b-newer", "c-minimal"}
    assert rows["b-newer"]["dominant_frames"] == "generic: Conflict; policy: Security and defense"
    assert rows["seed-us-immigration-enforcement"]["dominant_frames"] in ("",) or ":" in rows["seed-us-immigration-enforcement"]["dominant_frames"]
    assert rows["c-minimal"]["n_words"] is None and rows["c-minimal"]["mean_tone"] is None


def test_index_html(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="seed-us-immigration-enforcement/index.html"' in text and "Trump Intensifies Immigration" in text
    for stem in ("01-language", "02-framing", "03-figures"):
        assert f'href="seed-us-immigration-enforcement/{stem}.html"' in text
    for heading in ("Words", "Grade", "Mean tone", "Dominant frames", "Figures", "Named sources", "Vague sources"):
        assert f'<button type="button">{heading}</button>' in text
    assert "<script>window.__xss" not in text and "&lt;script&gt;window.__xss = 1&lt;/script&gt; Newer &amp; bolder" in text
    assert "Zeta &lt;b&gt;News&lt;/b&gt;" in text
    assert "generic: Conflict; policy: Security and defense" in text
    assert text.count("<tr>") == 4  # header + three readable summaries
    assert 'data-sort="9999.0"' in text and "9,999" in text


def test_index_sorts_in_chromium(site):
    from support.browser_support import _LaunchedBrowser, check_page, skip_without_chromium

    skip_without_chromium()
    page_check = check_page(site / "index.html")
    assert page_check.console_errors == [] and page_check.external_requests == [] and page_check.js_flags["__xss"] is None
    with _LaunchedBrowser() as browser:
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        first = lambda: page.eval_on_selector_all(  # noqa: E731
            "#articles tbody tr", "rows => rows.map(r => r.cells[0].getAttribute('data-sort'))")
        words = lambda: page.eval_on_selector_all(  # noqa: E731
            "#articles tbody tr", "rows => rows.map(r => r.cells[3].textContent)")
        assert first()[0].startswith("<script>")  # by title at first: "<" sorts before letters
        page.click("#articles thead button:text-is('Words')")
        assert words() == ["417", "9,999", "—"]  # ascending, missing values last
        assert page.get_attribute("#articles th:nth-child(4)", "aria-sort") == "ascending"
        page.click("#articles thead button:text-is('Words')")
        assert words() == ["9,999", "417", "—"]  # descending, missing values still last
        page.click("#articles thead button:text-is('Article')")
        assert first() == sorted(first())
