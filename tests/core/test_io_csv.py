"""CSV output is safe to open in a spreadsheet (OWASP CSV Injection) and always valid UTF-8."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from analysis.core.io import csv_safe, write_csv_atomic

from conftest import run_cli

FORMULAS = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_are_prefixed(cell, tmp_path):
    frame = pd.DataFrame({"title": [cell, "plain title"], "mean_tone": [-0.25, 0.5]})
    out = write_csv_atomic(tmp_path / "m.csv", frame)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["title"] == "'" + cell.replace("\r", "\n")
    assert len(rows) == 2
    assert rows[1]["title"] == "plain title"
    assert rows[0]["mean_tone"] == "-0.25"  # numbers stay numbers


def test_csv_safe_leaves_the_input_frame_alone():
    frame = pd.DataFrame({"title": ["=x"]})
    csv_safe(frame)
    assert frame["title"][0] == "=x"


def test_corpus_cli_writes_no_formula(tmp_path):
    art = tmp_path / "formula.txt"
    art.write_text("---\ntitle: =cmd|' /C calc'!A0\nsource: @evil\n---\n"
                   "The council met on Tuesday. It agreed a budget for schools.\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    proc = run_cli("corpus", str(art), "--out", str(out), "--workers", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    with open(out, encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"].startswith("'=") and row["source"] == "'@evil"
    proc = run_cli("corpus", str(art), "--workers", "1", "--no-progress")
    assert "'=cmd" in proc.stdout and "\n=cmd" not in proc.stdout
