"""A report build without a kernel, for tests of what the build does with folders and files: the notebooks are
exported unexecuted, and the summary and the annotated article are built in the test's own process."""

from __future__ import annotations

import contextlib
import json


def fake_report_kernel(monkeypatch):
    """Patch :mod:`analysis.output.report` so that a build runs no kernel; returns the patched module."""
    import nbformat

    import analysis.output.report as report
    from analysis.core.article import load_article
    from analysis.core.io import write_text_atomic
    from analysis.output.html.article_page import article_page_html
    from analysis.output.summary import build_summary

    monkeypatch.setattr(report, "_kernel", lambda cwd: contextlib.nullcontext())
    monkeypatch.setattr(report, "_execute", lambda notebook, parameters, km: nbformat.read(str(notebook), as_version=4))
    monkeypatch.setattr(report, "_run_code", lambda code, km: None)
    monkeypatch.setattr(report, "_write_summary", lambda km, article, target: write_text_atomic(
        target, json.dumps(build_summary(load_article(article)))))
    monkeypatch.setattr(report, "_article_body", lambda km, article: article_page_html(load_article(article)))
    return report
