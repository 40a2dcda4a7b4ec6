"""`python -m analysis`: the summary JSON on the seed, and one-line errors for user mistakes."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, run_cli


@pytest.fixture(scope="module")
def seed_summary():
    proc = run_cli("summary", str(SEED))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_summary_fields(seed_summary):
    s = seed_summary
    assert {"slug", "title", "n_words", "n_sentences", "n_paragraphs"} <= set(s["article"])
    assert s["article"]["n_sentences"] == 16
    assert {"flesch_reading_ease", "flesch_kincaid_grade"} <= set(s["language"]["readability"])
    assert len(s["language"]["tone"]["compound"]) == 16
    assert all({"name", "kind", "mentions"} <= set(a) for a in s["framing"]["actors"])
    assert all({"sentence_id", "text", "source", "kind"} <= set(a) for a in s["framing"]["attributions"])


def test_summary_figures_and_vague_sources(seed_summary):
    values = [f["value"] for f in seed_summary["figures"]]
    assert values == [1500, 14_000_000]
    assert seed_summary["figures"][0]["counts"] == "troops"
    vague = {a["source"] for a in seed_summary["framing"]["attributions"] if a["kind"] == "vague"}
    assert {"reports suggest", "there is concern"} <= vague


def test_summary_is_deterministic(seed_summary):
    again = run_cli("summary", str(SEED))
    assert json.loads(again.stdout) == seed_summary


def test_summary_jsonl_one_line_per_article_in_order(seed_summary, tmp_path):
    other = tmp_path / "short.txt"
    other.write_text("A short note\n\nThe council approved 12 new homes on Tuesday, officials said.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    proc = run_cli("summary", "--jsonl", str(SEED), str(missing), str(other))
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert first == seed_summary  # the batch form gives the same object as one call
    assert second["file"] == str(missing) and "does not exist" in second["error"]
    assert third["article"]["title"] == "A short note" and [f["value"] for f in third["figures"]] == [12]
    assert proc.returncode == 2  # one file failed; the others were still written
    assert "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_summary_of_several_files_needs_jsonl(tmp_path):
    proc = run_cli("summary", str(SEED), str(SEED))
    assert proc.returncode != 0 and "--jsonl" in proc.stderr and proc.stdout == ""


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "does not exist"),
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x00\x01\x02\x03" * 200, "binary"),
    ],
)
def test_user_mistakes_give_one_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    proc = run_cli("summary", str(path))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_directory_is_a_user_mistake(tmp_path):
    proc = run_cli("summary", str(tmp_path))
    assert proc.returncode != 0 and "directory" in proc.stderr and "Traceback" not in proc.stderr


def test_report_missing_file_is_one_line(tmp_path):
    proc = run_cli("report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert proc.returncode != 0 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
