"""environment.yml lists the same packages as pyproject.toml; notebooks are committed clean; .ci/run calls `make test`."""

from __future__ import annotations

import json
import re
import tomllib

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in meta["dependencies"]}
    for extra in ("notebooks", "test"):
        wanted |= {_name(r) for r in meta["optional-dependencies"][extra]}
    conda = set()
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.\-\[\]]+)", line)
        if m and not line.strip().startswith("- -e") and m.group(1) not in ("pip", "pip:"):
            conda.add(_name(m.group(1)))
    conda.discard("python")
    conda.discard("distributed")  # pip's dask[distributed] is conda's dask + distributed
    assert conda == wanted


def test_notebooks_have_one_parameters_cell_and_no_outputs():
    for nb_path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(nb_path.read_text())
        tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, nb_path.name
        # per-article notebooks take an article; the corpus notebook a folder of corpus tables
        wanted = "tables =" if nb_path.name == "05-corpus.ipynb" else "article ="
        assert wanted in "".join(tagged[0]["source"]), nb_path.name
        for c in nb["cells"]:
            assert not c.get("outputs") and c.get("execution_count") is None, nb_path.name
        assert nb["cells"][0]["source"][0].startswith("# ")


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make report" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
