"""Corpus mode's folder of tidy tables: schemas, table inputs, resume, interruption, CSV safety, Dask equality."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis.core.article import load_article
from analysis.output.corpus_tables import iter_inputs, parse_column_map, read_table, write_tables_folder
from analysis.output.summary import build_summary
from analysis.output.tables import TABLE_NAMES, TABLE_SCHEMAS, article_tables, text_sha256

from conftest import ROOT, SEED, run_cli

ARTICLES = ROOT / "data" / "articles"


def _texts(n: int) -> list[str]:
    """n distinct short news-like articles written for these tests."""
    towns = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick", "Garston", "Hexham", "Ilford", "Jarrow"]
    out = []
    for i in range(n):
        town = towns[i % len(towns)]
        out.append(
            f"{town} council approves {10 + i} new homes\n\n"
            f"The council in {town} approved {10 + i} new homes on Tuesday, officials said. "
            f"Critics say the plan is reckless and could cost about ${i + 2} million. "
            f"\"We are proud of this decision,\" said Mayor Ann Lee.\n"
        )
    return out


def _write_articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(_texts(n)):
        p = folder / f"article-{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def _all_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name) for name in TABLE_NAMES}


# ---------------------------------------------------------------- the tables of one article


@pytest.fixture(scope="module")
def seed_tables():
    article = load_article(SEED)
    summary = build_summary(article)
    return article, summary, article_tables(summary, article_id="seed", text_hash="h", input_name=str(SEED),
                                            article=article)


def test_every_table_has_exactly_its_schema(seed_tables):
    _, _, tables = seed_tables
    assert set(tables) == set(TABLE_NAMES)
    for name, rows in tables.items():
        for row in rows:
            assert list(row) == [c for c, _ in TABLE_SCHEMAS[name]]
            assert row["article_id"] == "seed"


def test_schemas_name_every_field_of_the_summary(seed_tables):
    # A field the summary gains must get its own column: `extra` is a safety net, not a place to live.
    _, _, tables = seed_tables
    stray = {name: rows[0]["extra"] for name, rows in tables.items() if rows and rows[0]["extra"]}
    assert stray == {}


def test_seed_rows_carry_the_analysis(seed_tables):
    article, summary, tables = seed_tables
    assert len(tables["articles"]) == 1
    a = tables["articles"][0]
    assert a["n_sentences"] == 16 and a["title"] == article.title and a["n_figures"] == len(summary["figures"])
    assert [f["value"] for f in tables["figures"]] == [f["value"] for f in summary["figures"]]
    assert len(tables["sentences"]) == len(article.sentences)
    for row in tables["sentences"]:  # offsets point into the analysed text
        assert article.text[row["start"]:row["end"]] == row["text"]
    assert sum(r["n_loaded"] for r in tables["sentences"]) == len(summary["language"]["loaded"])
    stances = {r["list"] for r in tables["hedges"]}
    assert stances <= {"hedge", "booster", "modal"} and "hedge" in stances
    assert len(tables["hedges"]) == sum(len(summary["language"][k]) for k in ("hedges", "boosters", "modals"))
    frames = tables["frames"]
    assert frames and all(isinstance(r["score"], float) for r in frames)
    assert all(json.loads(r["sentence_ids"]) is not None for r in frames if r["sentence_ids"])
    assert tables["errors"] == []


def test_column_map_errors_are_one_line():
    assert parse_column_map("text=body,id=doc") == {"text": "body", "id": "doc"}
    with pytest.raises(Exception, match="unknown name 'body'"):
        parse_column_map("body=text")


# ---------------------------------------------------------------- inputs


def test_table_inputs_jsonl_csv_parquet(tmp_path):
    texts = _texts(3)
    records = [{"doc": f"d{i}", "body": t, "outlet": "Example News", "date": "2026-01-0" + str(i + 1)}
               for i, t in enumerate(texts)]
    jsonl = tmp_path / "arts.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n" + json.dumps({"doc": "e", "body": ""}),
                     encoding="utf-8")
    csvf = tmp_path / "arts.csv"
    pd.DataFrame(records).to_csv(csvf, index=False)
    parq = tmp_path / "arts.parquet"
    pd.DataFrame(records).to_parquet(parq)
    cols = parse_column_map("id=doc,text=body,source=outlet")
    from_jsonl = list(iter_inputs([str(jsonl)], cols))
    assert [i.article_id for i in from_jsonl[:3]] == ["d0", "d1", "d2"]
    assert from_jsonl[0].fields == {"source": "Example News", "date": "2026-01-01"}
    assert "not JSON" in from_jsonl[3].error and "empty text" in from_jsonl[4].error
    for other in (csvf, parq):
        got = list(iter_inputs([str(other)], cols))
        assert [(i.article_id, i.text, dict(i.fields)) for i in got] == \
               [(i.article_id, i.text, dict(i.fields)) for i in from_jsonl[:3]]
    # no id column: the id is the sha256 of the text
    no_id = list(iter_inputs([str(csvf)], parse_column_map("text=body")))
    assert no_id[1].article_id == text_sha256(texts[1])


def test_run_from_a_table_keeps_ids_fields_and_errors(tmp_path):
    texts = _texts(2)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps({"id": "a", "text": texts[0], "source": "Outlet A", "url": "https://a.example/1"}),
                              json.dumps({"id": "b", "text": 42}),
                              json.dumps({"id": "c", "text": texts[1], "source": "Outlet B"})]) + "\n", encoding="utf-8")
    out = tmp_path / "tables"
    run = write_tables_folder([str(src)], out)
    assert (run.analysed, run.failed) == (2, 1)
    arts = read_table(out, "articles")
    assert list(arts["article_id"]) == ["a", "c"]
    assert list(arts["source"]) == ["Outlet A", "Outlet B"] and arts["url"][0] == "https://a.example/1"
    errs = read_table(out, "errors")
    assert list(errs["article_id"]) == ["b"] and "not a string" in errs["error"][0]
    figs = read_table(out, "figures")
    assert set(figs["article_id"]) == {"a", "c"} and 10.0 in set(figs["value"])


# ---------------------------------------------------------------- streaming, resume, interruption


def test_chunks_resume_and_force(tmp_path):
    _write_articles(tmp_path / "in", 7)
    out = tmp_path / "tables"
    first = write_tables_folder([str(tmp_path / "in" / "article-00[0-3].txt")], out, chunk_size=3)
    assert (first.analysed, first.skipped, len(first.parts)) == (4, 0, 2)
    assert sorted(os.listdir(out / "figures")) == ["part-00000.parquet", "part-00001.parquet"]
    again = write_tables_folder([str(tmp_path / "in")], out, chunk_size=3)
    assert (again.analysed, again.skipped) == (3, 4)
    arts = read_table(out, "articles")
    assert len(arts) == 7 and arts["article_id"].is_unique
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"] == {"articles": 7, "errors": 0}
    assert manifest["rows"]["articles"] == 7 and manifest["parts"] == ["part-00000", "part-00001", "part-00002"]
    assert pd.read_parquet(out / "articles").shape[0] == 7  # the plain pandas reader works on the folder too
    forced = write_tables_folder([str(tmp_path / "in")], out, chunk_size=10, force=True)
    assert (forced.analysed, forced.skipped) == (7, 0)
    assert sorted(os.listdir(out / "articles")) == ["part-00000.parquet"]


def test_a_chunk_streams_to_disk_while_it_fills(tmp_path):
    """Memory stays flat whatever --chunk-size is: rows go to a temporary part file every 50 articles (one Parquet
    row group each), and the part only gets its name, all at once, when the chunk is complete."""
    _write_articles(tmp_path / "in", 53)
    out = tmp_path / "tables"
    seen = []

    def progress(n):
        seen.append(n)
        if len(seen) == 52:  # past the first flush (50), before the chunk (100) is complete
            spooled = list((out / "sentences").glob("part-00000.parquet.*.tmp"))
            assert len(spooled) == 1 and spooled[0].stat().st_size > 0
            assert not (out / "sentences" / "part-00000.parquet").exists()
            assert not (out / "manifest.json").exists()

    run = write_tables_folder([str(tmp_path / "in")], out, chunk_size=100, progress=progress)
    assert len(seen) == 53 and run.analysed == 53 and run.parts == ["part-00000"]
    meta = pq.ParquetFile(out / "sentences" / "part-00000.parquet").metadata
    assert meta.num_row_groups == 2 and meta.num_rows == run.rows["sentences"]
    assert not list(out.rglob("*.tmp"))
    one_batch = tmp_path / "one"
    write_tables_folder([str(tmp_path / "in")], one_batch, chunk_size=100, workers=2)
    assert (out / "sentences" / "part-00000.parquet").read_bytes() == \
        (one_batch / "sentences" / "part-00000.parquet").read_bytes()


def test_a_chunk_that_was_never_committed_is_dropped(tmp_path):
    _write_articles(tmp_path / "in", 3)
    out = tmp_path / "tables"
    write_tables_folder([str(tmp_path / "in")], out, chunk_size=2)
    # what a run killed between writing part files and committing them leaves behind
    shutil.copy(out / "articles" / "part-00000.parquet", out / "articles" / "part-00009.parquet")
    (out / "figures" / "part-00009.parquet.123.tmp").write_bytes(b"half")
    assert len(read_table(out, "articles")) == 3  # readers ignore it
    run = write_tables_folder([str(tmp_path / "in")], out)
    assert run.skipped == 3 and not (out / "articles" / "part-00009.parquet").exists()
    assert not list((out / "figures").glob("*.tmp"))


def test_killed_run_resumes_without_duplicates(tmp_path):
    _write_articles(tmp_path / "in", 12)
    out = tmp_path / "tables"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "corpus", str(tmp_path / "in"), "--out", str(out),
                             "--chunk-size", "1", "--workers", "1", "--no-progress"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        manifest = out / "manifest.json"
        if manifest.exists() and len(json.loads(manifest.read_text() or "{}").get("parts", [])) >= 3:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(read_table(out, "articles"))
    assert 3 <= done_before <= 12
    rerun = run_cli("corpus", str(tmp_path / "in"), "--out", str(out), "--no-progress")
    assert rerun.returncode == 0, rerun.stderr
    arts = read_table(out, "articles")
    assert len(arts) == 12 and arts["article_id"].is_unique
    assert f"{done_before} already done" in rerun.stderr or done_before == 12
    figs = read_table(out, "figures")
    assert not figs.duplicated(subset=["article_id", "sentence_id", "start"]).any()


def test_workers_give_the_same_tables_as_one_process(tmp_path):
    _write_articles(tmp_path / "in", 6)
    one = write_tables_folder([str(tmp_path / "in")], tmp_path / "one", workers=1)
    two = write_tables_folder([str(tmp_path / "in")], tmp_path / "two", workers=2)
    assert one.analysed == two.analysed == 6
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "one", name), read_table(tmp_path / "two", name))
    for name in ("articles", "figures", "sentences"):  # deterministic bytes, not only equal frames
        assert (tmp_path / "one" / name / "part-00000.parquet").read_bytes() == \
               (tmp_path / "two" / name / "part-00000.parquet").read_bytes()


def test_timeout_becomes_an_error_row(tmp_path):
    _write_articles(tmp_path / "in", 2)
    run = write_tables_folder([str(tmp_path / "in")], tmp_path / "t", timeout=1e-6)
    assert run.failed == 2 and run.analysed == 0
    assert all("timed out" in e for e in read_table(tmp_path / "t", "errors")["error"])


def test_csv_format_neutralises_formulas(tmp_path):
    src = tmp_path / "in.jsonl"
    text = _texts(1)[0]
    src.write_text(json.dumps({"id": "=1+1", "text": text, "title": "=HYPERLINK(\"http://x\")"}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "csv"
    write_tables_folder([str(src)], out, fmt="csv", jsonl=True)
    raw = (out / "articles" / "part-00000.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "'=1+1" in raw and "\n=" not in raw and ",=" not in raw
    summaries = (out / "summaries" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(summaries) == 1 and json.loads(summaries[0])["article_id"] == "=1+1"
    with pytest.raises(Exception, match="holds csv tables"):
        write_tables_folder([str(src)], out)
    # Parquet is typed data, not a spreadsheet: the values stay exactly as given
    write_tables_folder([str(src)], tmp_path / "pq")
    arts = read_table(tmp_path / "pq", "articles")
    assert arts.loc[0, "article_id"] == "=1+1" and arts.loc[0, "title"] == '=HYPERLINK("http://x")'


def test_cli_mistakes_are_one_line(tmp_path):
    _write_articles(tmp_path / "in", 1)
    afile = tmp_path / "afile"
    afile.write_text("x")
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    for out, message in ((afile, "is a file"), (theirs, "did not write")):
        proc = run_cli("corpus", str(tmp_path / "in"), "--out", str(out), "--no-progress")
        assert proc.returncode != 0 and message in proc.stderr and "Traceback" not in proc.stderr
    assert (theirs / "notes.txt").read_text() == "mine"
    proc = run_cli("corpus", str(tmp_path / "in"), "--jsonl")
    assert proc.returncode != 0 and "--out DIR" in proc.stderr


# ---------------------------------------------------------------- Dask with real processes


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path):
    pytest.importorskip("distributed")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    bindir = Path(sys.executable).parent
    dask = [str(bindir / "dask")] if (bindir / "dask").exists() else [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    address = f"tcp://127.0.0.1:{port}"
    for _ in range(2):
        procs.append(subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--no-dashboard",
                                       "--local-directory", str(tmp_path / "dask-worker")],
                                      env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    from distributed import Client

    client = Client(address, timeout="60s")
    try:
        client.wait_for_workers(2, timeout=90)
    finally:
        client.close()
    yield address
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def test_dask_cluster_writes_the_same_tables(tmp_path, dask_cluster):
    _write_articles(tmp_path / "in", 7)
    table_in = tmp_path / "in.jsonl"
    table_in.write_text("".join(json.dumps({"id": f"t{i}", "text": t}) + "\n" for i, t in enumerate(_texts(3))),
                        encoding="utf-8")
    inputs = [str(tmp_path / "in"), str(table_in)]
    local = write_tables_folder(inputs, tmp_path / "local", chunk_size=3)
    remote = write_tables_folder(inputs, tmp_path / "dask", chunk_size=3, dask_address=dask_cluster)
    assert local.analysed == remote.analysed == 10 and remote.parts == local.parts
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(read_table(tmp_path / "local", name), read_table(tmp_path / "dask", name))
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["counts"]["articles"] == 10
    assert pq.read_schema(tmp_path / "dask" / "figures" / "part-00000.parquet").names == \
        [c for c, _ in TABLE_SCHEMAS["figures"]]


# ---------------------------------------------------------------- the corpus page


def test_corpus_page_from_tables(tmp_path):
    from analysis.output.report import build_corpus_report

    src = tmp_path / "in.jsonl"
    texts = _texts(4)
    outlets = ["Outlet <b>One</b>", "Outlet <b>One</b>", "Second Post", "Third Times"]  # three bars: a chart
    src.write_text("".join(json.dumps({"id": f"x{i}", "text": t, "source": o}) + "\n"
                           for i, (t, o) in enumerate(zip(texts, outlets))), encoding="utf-8")
    write_tables_folder([str(src)], tmp_path / "tables")
    result = build_corpus_report(tmp_path / "tables", tmp_path / "site")
    assert result.error is None, result.error
    page = (tmp_path / "site" / "corpus.html").read_text(encoding="utf-8")
    assert "Outlet &lt;b&gt;One&lt;/b&gt;" in page and "<b>One</b>" not in page  # escaped
    assert "Claims a reader cannot check" in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://cdn" not in page
    assert sorted(p.suffix for p in (tmp_path / "site" / "corpus_figures").glob("corpus-uncheckable-share.*")) == \
        [".csv", ".png", ".svg"]


def _dies_on_marker(item, **kwargs):
    if item.text and "WORKER-KILLER" in item.text:
        os._exit(9)  # what the OOM killer or kill -9 does to a worker
    return _real_analyse(item, **kwargs)


_real_analyse = None


@pytest.mark.skipif(sys.platform != "linux", reason="needs fork workers, which inherit the patched function")
def test_a_dead_worker_fails_only_its_own_article(tmp_path, monkeypatch):
    import multiprocessing

    from analysis.output import corpus_tables

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers are not forked")
    global _real_analyse
    _real_analyse = corpus_tables.analyse_input
    monkeypatch.setattr(corpus_tables, "analyse_input", _dies_on_marker)
    texts = _texts(9)
    texts[4] = texts[4].replace("officials said", "officials said WORKER-KILLER")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"k{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                   encoding="utf-8")
    run = write_tables_folder([str(src)], tmp_path / "out", workers=2)
    assert (run.analysed, run.failed) == (8, 1)
    errors = read_table(tmp_path / "out", "errors")
    assert list(errors["article_id"]) == ["k4"] and "died" in errors["error"][0]
    assert list(read_table(tmp_path / "out", "articles")["article_id"]) == [f"k{i}" for i in range(9) if i != 4]
