"""The bad-input catalogue of issue 7, each case through the Python API and through the CLI.

* User mistakes (missing path, folder, unreadable file, pipe or device, empty or blank file,
  binary file, an article too large to be one article) raise ArticleError in the API, and in
  the CLI print exactly one ``error: ...`` line on stderr, no traceback, and exit non-zero,
  for both ``summary`` and ``report``.
* Unusual but valid text (UTF-16 without BOM, Windows-1252, Latin-1, a UTF-8 BOM, mixed line
  endings, UTF-8 with stray Windows-1252 bytes) is decoded to the right characters.
* Degenerate but valid articles (one word, no sentence-ending punctuation, one 50,000-character
  paragraph, a Spanish article) are analysed: the JSON has no NaN, the warnings are visible,
  and their reports (one CLI build, shared by the tests below) say "not enough text" where a
  measure cannot be computed, and no chart carries NaN or null values.
* Headlines that would be unsafe file names (``../../etc/passwd``, ``CON``, 300 characters,
  emoji) and file names that are unsafe or empty once made ASCII give safe folder names, and
  nothing is written outside the output folder. Two articles with the same title keep
  separate reports.

Unreadable files: the tests run as root, which reads any file whatever its mode. The CLI and
an API call are run in a child process started through ``setpriv --bounding-set
-dac_override,-dac_read_search``, which removes root's power to bypass file permissions, so
``chmod 000`` really makes the file unreadable (the kernel says EACCES). Without setpriv the
API case falls back to making ``os.open`` raise PermissionError (monkeypatch).
"""

from __future__ import annotations

import base64
import codecs
import json
import math
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import ArticleError, build_summary, load_article, parse_article
from analysis.core.article import MAX_ARTICLE_CHARS
from analysis.core.io import decode_text, file_sha256

from conftest import ROOT, run_cli

BODY = (
    "The council met on Tuesday. It agreed a budget of €5 million for schools, officials said. "
    "Critics say the plan is “unfair” and café owners were not consulted."
)
ARTICLE = f"Council agrees school budget\n\n{BODY}\n\n{BODY}\n"
SPANISH = (
    "El consejo se reunió el martes. Aprobó un presupuesto de cinco millones para las escuelas, "
    "dijeron los funcionarios. Los críticos dicen que el plan es injusto y que no se consultó a nadie."
)


def _no_punctuation_paragraph(n_chars: int) -> str:
    words = ("council budget the agreed money school people Smith Jones and a new plan for city "
             "officials parents teachers said would").split()
    out, i = [], 0
    while sum(map(len, out)) + len(out) < n_chars:
        out.append(words[(i * 7 + i // 3) % len(words)])
        i += 1
    return " ".join(out)[:n_chars].rstrip()


LONG_PARAGRAPH = _no_punctuation_paragraph(50_000)


# ---------------------------------------------------------------- helpers

def _one_error_line(proc: subprocess.CompletedProcess, *needles: str) -> str:
    assert proc.returncode != 0, (proc.returncode, proc.stdout[-500:], proc.stderr[-500:])
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def _setpriv() -> list[str] | None:
    """The command prefix that takes away root's file-permission override, or None."""
    exe = shutil.which("setpriv")
    if os.geteuid() != 0:
        return []  # an ordinary user cannot read a mode-000 file anyway
    if exe is None:
        return None
    return [exe, "--bounding-set", "-dac_override,-dac_read_search"]


# ---------------------------------------------------------------- user mistakes: API and CLI

def _mistakes(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the one-line message must contain)."""
    cases: dict[str, tuple[Path, str]] = {}
    cases["nonexistent path"] = (tmp / "no-such-article.txt", "does not exist")
    (tmp / "a-folder.txt").mkdir()
    cases["directory"] = (tmp / "a-folder.txt", "directory")
    (tmp / "empty.txt").write_bytes(b"")
    cases["empty file"] = (tmp / "empty.txt", "empty")
    (tmp / "blank.txt").write_bytes(b" \n\n\t \r\n \xc2\xa0\n")
    cases["whitespace-only file"] = (tmp / "blank.txt", "empty")
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    (tmp / "picture.txt").write_bytes(png)  # a real 1x1 PNG, named .txt
    cases["binary PNG"] = (tmp / "picture.txt", "PNG")
    (tmp / "random.txt").write_bytes(bytes((i * 97 + 13) % 256 for i in range(4000)).replace(b"\x00", b"\x01"))
    cases["binary without a signature"] = (tmp / "random.txt", "binary")
    big = (ARTICLE * (5 * 1024 * 1024 // len(ARTICLE) + 1)).encode("utf-8")[: 5 * 1024 * 1024]
    (tmp / "five-mb.txt").write_bytes(big)
    cases["5 MB article"] = (tmp / "five-mb.txt", f"at most {MAX_ARTICLE_CHARS:,} characters")
    os.mkfifo(tmp / "pipe.txt")
    cases["named pipe (special file)"] = (tmp / "pipe.txt", "not a regular file")
    cases["device (/dev/zero, endless)"] = (Path("/dev/zero"), "not a regular file")
    return cases


MISTAKES = [
    "nonexistent path", "directory", "empty file", "whitespace-only file", "binary PNG",
    "binary without a signature", "5 MB article", "named pipe (special file)", "device (/dev/zero, endless)",
]


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    return _mistakes(tmp_path_factory.mktemp("mistakes"))


@pytest.mark.parametrize("case", MISTAKES)
def test_user_mistake_api(mistakes, case):
    path, needle = mistakes[case]
    with pytest.raises(ArticleError) as info:
        load_article(path)
    message = str(info.value)
    assert needle in message and "\n" not in message
    assert str(path) in message  # the message names the file


@pytest.mark.parametrize("case", MISTAKES)
@pytest.mark.parametrize("command", ["summary", "report"])
def test_user_mistake_cli(mistakes, case, command, tmp_path):
    path, needle = mistakes[case]
    args = [command, str(path)] + (["--out", str(tmp_path / "out")] if command == "report" else [])
    proc = run_cli(*args)
    _one_error_line(proc, needle)
    if command == "summary":
        assert proc.stdout == ""
    else:
        assert not (tmp_path / "out" / Path(path).stem).exists()  # no half report


def test_mistakes_leave_the_files_alone(mistakes):
    for case in ("empty file", "binary PNG", "5 MB article"):
        path, _ = mistakes[case]
        before = (file_sha256(path), path.stat().st_mtime_ns)
        with pytest.raises(ArticleError):
            load_article(path)
        assert (file_sha256(path), path.stat().st_mtime_ns) == before


@pytest.fixture()
def unreadable(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    yield path
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unreadable_file_cli(unreadable, tmp_path):
    prefix = _setpriv()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable for a child process")
    env = dict(os.environ)
    for command in (["summary", str(unreadable)], ["report", str(unreadable), "--out", str(tmp_path / "out")]):
        proc = subprocess.run([*prefix, sys.executable, "-m", "analysis", *command], capture_output=True,
                              text=True, cwd=str(ROOT), env=env, timeout=120)
        _one_error_line(proc, "cannot be read (permission denied)", str(unreadable))


def test_unreadable_file_api(unreadable, monkeypatch):
    prefix = _setpriv()
    if prefix is not None:
        code = (
            "import sys\nfrom analysis import ArticleError, load_article\n"
            f"try:\n    load_article({str(unreadable)!r})\nexcept ArticleError as exc:\n    print(exc)\n    sys.exit(0)\n"
            "sys.exit(1)\n"
        )
        proc = subprocess.run([*prefix, sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=str(ROOT), timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert "cannot be read (permission denied)" in proc.stdout
        return
    import analysis.core.io as aio

    real_open = os.open

    def deny(path, *args, **kwargs):
        if Path(path) == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(aio.os, "open", deny)
    with pytest.raises(ArticleError, match=r"cannot be read \(permission denied\)"):
        load_article(unreadable)


# ---------------------------------------------------------------- encodings and line endings

ENCODED = {
    "UTF-16 LE without BOM": ARTICLE.encode("utf-16-le"),
    "UTF-16 BE without BOM": ARTICLE.encode("utf-16-be"),
    "Windows-1252": ARTICLE.encode("cp1252"),
    "Latin-1": ARTICLE.replace("€", "EUR ").replace("“", '"').replace("”", '"').encode("latin-1"),
    "UTF-8 with BOM": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "UTF-16 with BOM": ARTICLE.encode("utf-16"),
    "UTF-8 with stray Windows-1252 bytes": ARTICLE.encode("utf-8").replace("“".encode(), b"\x93", 1),
    "mixed line endings": ARTICLE.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r", 1).encode("utf-8"),
}


def _expected_text(case: str) -> str:
    if case == "Latin-1":
        return ARTICLE.replace("€", "EUR ").replace("“", '"').replace("”", '"')
    return ARTICLE


@pytest.mark.parametrize("case", list(ENCODED))
def test_encodings_api(case, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODED[case])
    before = file_sha256(path)
    article = load_article(path)
    assert article.title == "Council agrees school budget"
    expected = parse_article(_expected_text(case), name="article")
    assert article.text == expected.text
    assert [s.text for s in article.sentences] == [s.text for s in expected.sentences]
    assert "€5 million" in article.text or case == "Latin-1"
    assert "\r" not in article.text
    assert file_sha256(path) == before


@pytest.mark.parametrize("case", ["UTF-16 LE without BOM", "Windows-1252", "Latin-1", "UTF-8 with BOM", "mixed line endings"])
def test_encodings_cli(case, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODED[case])
    proc = run_cli("summary", str(path))
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["article"]["title"] == "Council agrees school budget"
    assert summary["article"]["n_sentences"] == 7


def test_mixed_line_endings_make_the_same_paragraphs():
    lf = parse_article("Head line\n\nOne. Two.\n\nThree.\nFour.\n")
    mixed = parse_article("Head line\r\n\r\nOne. Two.\r\rThree.\rFour.\n")
    assert [p.text for p in mixed.paragraphs] == [p.text for p in lf.paragraphs]


def test_utf16_without_bom_is_told_apart_from_utf8():
    assert decode_text(ARTICLE.encode("utf-16-le"))[1] == "utf-16-le"
    assert decode_text(ARTICLE.encode("utf-8"))[1] == "utf-8"


# ---------------------------------------------------------------- degenerate but valid articles

DEGENERATE = {
    # file name -> text. The headlines double as the unsafe-name catalogue: each report's folder
    # comes from the file name, and each headline must reach the page escaped and intact.
    "one-word.txt": "---\ntitle: ../../etc/passwd\n---\nHello\n",
    "no-punctuation.txt": "CON\n\n" + "\n\n".join(_no_punctuation_paragraph(600) for _ in range(3)) + "\n",
    "long-paragraph.txt": "---\ntitle: " + ("Very long headline " * 16)[:300] + "\n---\n" + LONG_PARAGRAPH + "\n",
    "spanish.txt": "🙂 Presupuesto aprobado 🙂\n\n" + SPANISH + "\n\n" + SPANISH + "\n",
    "same-title.txt": "🙂 Presupuesto aprobado 🙂\n\n" + BODY + "\n\n" + BODY + "\n",
}


def _degenerate_article(name: str, tmp_path: Path):
    path = tmp_path / name
    path.write_text(DEGENERATE[name], encoding="utf-8")
    return load_article(path)


@pytest.mark.parametrize("name", list(DEGENERATE))
def test_degenerate_articles_api(name, tmp_path):
    article = _degenerate_article(name, tmp_path)
    summary = build_summary(article)
    json.dumps(summary, allow_nan=False)  # no NaN or infinity anywhere
    if name == "one-word.txt":
        assert any("Only 1 words" in w or "too little text" in w for w in article.warnings)
        assert set(summary["language"]["readability_reading"].values()) == {"not enough text"}
        assert all(v is None for v in summary["language"]["readability"].values())
    if name in ("no-punctuation.txt", "long-paragraph.txt"):
        assert any("punctuation" in w for w in article.warnings)
    if name == "long-paragraph.txt":
        assert len(article.text) > 50_000 and len(article.title) == 300
        assert max(len(s.text) for s in article.sentences) >= 50_000
    if name == "spanish.txt":
        assert any("English" in w for w in article.warnings)
    if name == "same-title.txt":
        assert not article.warnings or not any("English" in w for w in article.warnings)


@pytest.mark.parametrize("name", ["one-word.txt", "no-punctuation.txt", "long-paragraph.txt", "spanish.txt"])
def test_degenerate_articles_cli_summary(name, tmp_path):
    path = tmp_path / name
    path.write_text(DEGENERATE[name], encoding="utf-8")
    proc = run_cli("summary", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings, "a degenerate article must be flagged on stderr"
    if name == "spanish.txt":
        assert any("English" in w for w in warnings)


# ---------------------------------------------------------------- their reports (one CLI build)

@pytest.fixture(scope="module")
def degenerate_reports(tmp_path_factory):
    """Every degenerate article built through ``python -m analysis report`` into one folder."""
    src = tmp_path_factory.mktemp("degenerate-src")
    out = tmp_path_factory.mktemp("degenerate-out")
    paths = []
    for name, text in DEGENERATE.items():
        (src / name).write_text(text, encoding="utf-8")
        paths.append(src / name)
    hashes = {p.name: file_sha256(p) for p in paths}
    before = set(Path("/").glob("etc/passwd*")) | set(src.parent.rglob("passwd"))
    proc = run_cli("report", *map(str, paths), "--out", str(out), "--workers", "1")
    return {"src": src, "out": out, "proc": proc, "hashes": hashes, "passwd_before": before}


def test_degenerate_reports_are_built(degenerate_reports):
    proc, out = degenerate_reports["proc"], degenerate_reports["out"]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error")]
    assert proc.returncode == 0 and not errors, errors or proc.stderr[-2000:]
    for name in DEGENERATE:
        folder = out / Path(name).stem
        assert (folder / "index.html").exists() and (folder / "summary.json").exists(), name
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging or old folders left


def _page_text(path: Path) -> str:
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self._skip = 0

        def handle_starttag(self, tag, attrs):
            self._skip += tag in ("script", "style")

        def handle_endtag(self, tag):
            self._skip -= tag in ("script", "style") and self._skip > 0

        def handle_data(self, data):
            if not self._skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def _plotly_figures(text: str) -> list[tuple[str, list]]:
    """(div id, data traces) of every ``Plotly.newPlot`` call in a page."""
    decoder = json.JSONDecoder()
    found = []
    for m in re.finditer(r'Plotly\.newPlot\(\s*"([^"]+)",\s*', text):
        data, _ = decoder.raw_decode(text, m.end())
        found.append((m.group(1), data))
    return found


def _bad_numbers(value, path="") -> list[str]:
    """Paths of NaN/infinite numbers, and of nulls in x/y/z arrays, inside plotly trace data."""
    import numpy as np

    bad = []
    if isinstance(value, float) and not math.isfinite(value):
        bad.append(path)
    elif isinstance(value, dict):
        if "bdata" in value and "dtype" in value:  # plotly's base64 typed arrays
            arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            if arr.dtype.kind == "f" and not np.isfinite(arr).all():
                bad.append(path + "(bdata)")
        else:
            for k, v in value.items():
                bad += _bad_numbers(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if v is None and path.rsplit(".", 1)[-1] in ("x", "y", "z"):
                bad.append(f"{path}[{i}]=null")
            else:
                bad += _bad_numbers(v, f"{path}[{i}]")
    return bad


def test_degenerate_reports_explain_instead_of_nan(degenerate_reports):
    out = degenerate_reports["out"]
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 5 * 4
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        for chart_id, data in _plotly_figures(raw):
            assert not _bad_numbers(data), (page.relative_to(out), chart_id, _bad_numbers(data)[:5])
        text = _page_text(page)
        assert not re.search(r"\bNaN\b|\bnan\b|\binf\b|Infinity", text), (page.relative_to(out), re.findall(r".{40}\b(?:NaN|nan|inf|Infinity)\b.{40}", text)[:3])
    for folder in ("one-word", "no-punctuation", "long-paragraph"):
        language = _page_text(out / folder / "01-language.html")
        assert "not enough text" in language.lower() or "punctuation" in language.lower(), folder
    assert "not enough text" in _page_text(out / "one-word" / "01-language.html").lower()
    for stem in ("01-language", "02-framing", "03-figures"):
        assert "English" in _page_text(out / "spanish" / f"{stem}.html")  # the visible warning, on every page
        assert "too little text" in _page_text(out / "one-word" / f"{stem}.html")
        assert "punctuation" in _page_text(out / "no-punctuation" / f"{stem}.html")


def test_degenerate_reports_in_headless_chromium(degenerate_reports):
    from support.browser_support import skip_without_chromium

    skip_without_chromium()
    from support.browser_probe import probe_pages

    out = degenerate_reports["out"]
    pages = [out / "index.html"] + sorted(out.glob("*/*.html"))
    shots = ROOT / "tests" / "artifacts" / "bad-input"
    for probe in probe_pages(pages, screenshot_dir=shots, root=out):
        name = probe.path.relative_to(out)
        assert probe.external_requests == [] and probe.dialogs == [] and probe.xss is None, name
        assert probe.console_errors == [], (name, probe.console_errors)
        assert probe.rendered_plots == probe.plot_containers, name


def test_unsafe_headlines_give_safe_folders_and_escaped_titles(degenerate_reports):
    out = degenerate_reports["out"]
    written = [p for p in out.rglob("*")]
    assert all(out in p.resolve().parents for p in written)  # nothing escaped the output folder
    assert set(Path("/").glob("etc/passwd*")) | set(degenerate_reports["src"].parent.rglob("passwd")) == degenerate_reports["passwd_before"]
    names = {p.name for p in out.iterdir() if p.is_dir()}
    assert {"one-word", "no-punctuation", "long-paragraph", "spanish", "same-title"} <= names
    for name in names:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name) and len(name) <= 60, name
    titles = {
        "one-word": "../../etc/passwd", "no-punctuation": "CON", "long-paragraph": ("Very long headline " * 16)[:300].strip(),
        "spanish": "🙂 Presupuesto aprobado 🙂",
    }
    for folder, title in titles.items():
        page = (out / folder / "index.html").read_text(encoding="utf-8")
        assert f"<title>{title}</title>" in page, folder  # intact (only & < > " ' would be escaped)


def test_same_title_articles_keep_separate_reports(degenerate_reports):
    out = degenerate_reports["out"]
    a = json.loads((out / "spanish" / "summary.json").read_text(encoding="utf-8"))
    b = json.loads((out / "same-title" / "summary.json").read_text(encoding="utf-8"))
    assert a["article"]["title"] == b["article"]["title"] == "🙂 Presupuesto aprobado 🙂"
    assert a["article"]["n_words"] != b["article"]["n_words"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="spanish/index.html"' in index and 'href="same-title/index.html"' in index


def test_inputs_unchanged_by_the_report_build(degenerate_reports):
    for name, digest in degenerate_reports["hashes"].items():
        assert file_sha256(degenerate_reports["src"] / name) == digest
    assert sorted(p.name for p in degenerate_reports["src"].iterdir()) == sorted(DEGENERATE)


# ---------------------------------------------------------------- unsafe names without a report build

@pytest.mark.parametrize(
    "headline, slug",
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\Windows\\System32", "windows-system32"),
        ("CON", "con-article"),
        ("nul", "nul-article"),
        ("🙂🙂🙂", "article"),
        ("A" * 300, "a" * 60),
        (".hidden", "hidden"),
        ("-rf --no-preserve-root", "rf-no-preserve-root"),
    ],
)
def test_headline_slugs_without_a_file_name(headline, slug):
    article = parse_article(f"{headline}\n\nThe council met on Tuesday. It agreed a budget.")
    assert article.title == headline
    assert article.slug == slug


@pytest.mark.parametrize(
    "file_name, slug_re",
    [
        ("CON.txt", r"con-article"),
        ("🙂.txt", r"article-[0-9a-f]{8}"),
        ("новости.txt", r"article-[0-9a-f]{8}"),
        ("x" * 250 + ".txt", "x" * 60),
        ("..txt", r"article-[0-9a-f]{8}"),
        ("Report (final) [2].txt", r"report-final-2"),
    ],
)
def test_unsafe_file_names_give_safe_slugs(file_name, slug_re, tmp_path):
    path = tmp_path / file_name
    path.write_text(ARTICLE, encoding="utf-8")
    article = load_article(path)
    assert re.fullmatch(slug_re, article.slug), article.slug


def test_non_ascii_file_names_do_not_share_a_folder(tmp_path):
    slugs = set()
    for name in ("🙂.txt", "🙃.txt", "новости.txt", "ニュース.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
        slugs.add(load_article(tmp_path / name).slug)
    assert len(slugs) == 4


def test_same_file_name_in_two_folders_keeps_both_reports(tmp_path, monkeypatch):
    """Cheap build: no kernel, the notebooks are exported unexecuted and the summary is built in this
    process; only the folder naming is tested."""
    from support.cheap_build import fake_report_kernel

    report = fake_report_kernel(monkeypatch)
    paths = []
    for folder, title in (("a", "First story"), ("b", "Second story")):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "story.txt"
        path.write_text(f"{title}\n\n{BODY}\n", encoding="utf-8")
        paths.append(path)
    out = tmp_path / "out"
    results = report.build_reports(paths, out, workers=1, compare=False)
    refused = [r for r in results if r.error]
    titles = {json.loads((r.folder / "summary.json").read_text(encoding="utf-8"))["article"]["title"]
              for r in results if not r.error}
    assert titles == {"First story", "Second story"} or (len(refused) == 1 and "story" in refused[0].error)


# ---------------------------------------------------------------- issue 19: names, links, web pages, mojibake

_BAD_NAMES = [b"caf\xe9-news.txt", b"\xff\xfe.txt", b"report-\x80\x81.txt", b"ok-\xed\xa0\x80.txt"]


@pytest.mark.parametrize("raw", _BAD_NAMES)
def test_file_names_that_are_not_utf8(raw, tmp_path):
    """Any bytes in a file name: shown with U+FFFD, written as valid UTF-8 (JSON, CSV), never a crash."""
    path = Path(os.fsdecode(bytes(tmp_path) + b"/" + raw))
    path.write_bytes(f"{BODY}\n\n{BODY}\n".encode("utf-8"))  # no headline: the title comes from the name
    article = load_article(path)
    json.dumps(build_summary(article), ensure_ascii=False).encode("utf-8")  # valid UTF-8 throughout
    assert "\ufffd" in article.path and re.fullmatch(r"[a-z0-9-]+", article.slug)
    proc = subprocess.run([sys.executable, "-m", "analysis", "summary", path], capture_output=True, cwd=str(ROOT),
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout.decode("utf-8"))  # strict: raw bytes would not decode
    assert "\udc80" not in json.dumps(summary)
    out = tmp_path / "m.csv"
    proc = subprocess.run([sys.executable, "-m", "analysis", "corpus", os.fsdecode(bytes(tmp_path)), "--out", str(out),
                           "--workers", "1", "--no-progress"], capture_output=True, cwd=str(ROOT), timeout=300)
    assert proc.returncode == 0, proc.stderr
    text = out.read_bytes().decode("utf-8")
    assert "\ufffd" in text


def test_corpus_checks_its_output_before_the_analysis(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for out in (tmp_path / "missing" / "m.csv", blocker / "m.csv", tmp_path):
        proc = run_cli("corpus", str(tmp_path / "a.txt"), "--out", str(out), "--no-progress")
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "analysed" not in proc.stderr  # refused before any article was analysed


def test_symlinks_and_special_files_in_a_folder_are_skipped_and_listed(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-real.txt").write_text(ARTICLE, encoding="utf-8")
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Secret\n\nThe password is swordfish. It must never be read.\n", encoding="utf-8")
    (folder / "b-link.txt").symlink_to(secret)
    (folder / "c-broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(folder / "d-pipe.txt")
    out = tmp_path / "m.csv"
    proc = run_cli("corpus", str(folder), "--out", str(out), "--workers", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    rows = out.read_text(encoding="utf-8")
    assert "a-real" in rows and "swordfish" not in rows and "b-link" not in rows
    skipped = [line for line in proc.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3
    assert any("b-link.txt" in s and "symbolic link" in s for s in skipped)
    assert any("d-pipe.txt" in s and "pipe" in s for s in skipped)
    proc = run_cli("corpus", str(folder), "--out", str(out), "--workers", "1", "--no-progress", "--follow-symlinks")
    assert "b-link" in out.read_text(encoding="utf-8")
    assert any("c-broken.txt" in line and "broken" in line for line in proc.stderr.splitlines())


_PAGE_BODY = " ".join(f"The harbour board met for the {n} time and agreed to rebuild the sea wall." for n in
                      ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
_SAVED_PAGE = (
    "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Sea wall to be rebuilt | Harbour Times</title>"
    "<style>body{color:red}</style><script>var tracking = 1;</script></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    f"<article><h1>Sea wall to be rebuilt</h1><p>{_PAGE_BODY}</p><p>{_PAGE_BODY}</p></article>"
    "<footer>Subscribe to our newsletter</footer></body></html>"
)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])
def test_saved_web_pages_are_extracted_by_every_command(name, tmp_path):
    path = tmp_path / name
    path.write_text(_SAVED_PAGE, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Sea wall to be rebuilt"
    assert "<" not in article.text and "tracking" not in article.text and "Subscribe" not in article.text
    n_words = len(re.findall(r"\w+", article.text))
    assert n_words < 2 * len(re.findall(r"\w+", _PAGE_BODY)) + 20
    assert any("saved web page" in w for w in article.warnings)
    proc = run_cli("summary", str(path))
    assert proc.returncode == 0 and json.loads(proc.stdout)["article"]["title"] == "Sea wall to be rebuilt"
    assert "saved web page" in proc.stderr


@pytest.mark.parametrize("rounds", [1, 2])
def test_mojibake_is_repaired_with_a_warning(rounds, tmp_path):
    clean = ("Harbour wall “won’t last” – café owners say\n\n"
             "The board didn’t agree. “It’s a disgrace,” said Zoë Müller, who runs the café. " * 2)
    text = clean
    for _ in range(rounds):  # UTF-8 read as Windows-1252 (bytes it leaves undefined read as Latin-1), once or twice
        text = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))
    assert "â€" in text
    path = tmp_path / "mojibake.txt"
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert "won’t last" in article.title and "didn’t agree" in article.text and "Zoë Müller" in article.text
    assert any("mojibake" in w and "ftfy" in w for w in article.warnings)
    assert not any("mojibake" in w for w in load_article(_write(tmp_path / "clean.txt", clean)).warnings)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", ["summary", "corpus"])
def test_full_stdout_is_one_line(command, tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    args = [command, str(path)] + (["--no-progress", "--workers", "1"] if command == "corpus" else [])
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "analysis", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=str(ROOT), timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error")]
    assert errors == ["error: cannot write the output (No space left on device)."]
