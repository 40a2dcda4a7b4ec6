"""The annotated article: every character of the text once, escaped; highlights with tooltips; one anchor per sentence."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from analysis.language.vocabulary import keyword_in_context
from analysis.output.html.annotate import annotated_html, annotations, kwic_html

HOSTILE = ('The crackdown was bold <img src=x onerror="window.__xss=1;alert(1)"> and may be '
           '<script>window.__xss=1</script> "punitive". It \'appears\' </p></div><b onmouseover=alert(1)>x</b>.')


class _Collect(HTMLParser):
    """Start tags, attributes, and the article text (everything outside <style>, the legend and id labels)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "style" or attrs.get("class") in ("al-sid", "al-legend"):
            self._skip.append(tag)
        elif self._skip:
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip:
            self._skip.pop()

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _parse(markup: str) -> _Collect:
    c = _Collect()
    c.feed(markup)
    return c


def test_hostile_text_is_escaped(make_article):
    a = make_article("Alert <script>alert(1)</script>", HOSTILE)
    out = annotated_html(a)
    c = _parse(out)
    assert {t for t, _ in c.tags} <= {"div", "style", "ul", "li", "mark", "span", "p", "a"}
    assert "<script" not in out and "<img" not in out and "<b " not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=&quot;window.__xss=1;alert(1)&quot;&gt;" in out
    for _, attrs in c.tags:  # no event handler attribute anywhere, whatever the text says
        assert not any(k.startswith("on") for k in attrs)
    # The visible text is the article's text, every character once, in order.
    assert "".join(c.text) == a.text.replace("\n\n", "")


def test_hostile_text_in_tooltips(make_article):
    a = make_article("News", 'Police said the "crackdown" was <i title="x">brutal</i>.')
    c = _parse(annotated_html(a))
    titles = [attrs["title"] for t, attrs in c.tags if t == "mark" and "title" in attrs]
    assert any("crackdown" in t for t in titles)
    # Attribute values arrive intact after unescaping: the quotes never broke out of title="...".
    assert all(set(attrs) <= {"class", "data-categories", "title"} for t, attrs in c.tags if t == "mark")


def test_sentence_anchors(seed):
    c = _parse(annotated_html(seed))
    ids = [attrs["id"] for t, attrs in c.tags if t == "span" and "id" in attrs]
    assert ids == [s.id for s in seed.sentences]
    assert [attrs["href"] for t, attrs in c.tags if t == "a"] == [f"#{s.id}" for s in seed.sentences]
    assert sum(1 for t, attrs in c.tags if attrs.get("id") == "annotated-article") == 1
    assert "".join(c.text) == seed.text.replace("\n\n", "")


def test_categories_and_tooltips_on_seed(seed):
    spans = annotations(seed)
    assert set(spans["category"]) == {"loaded", "hedge", "booster", "passive"}
    out = annotated_html(seed)
    c = _parse(out)
    marks = [(attrs["class"], attrs["title"]) for t, attrs in c.tags if t == "mark" and "title" in attrs]
    # "could" is a hedge inside the agentless passive "could be considered": one mark, both categories.
    could = [m for m in marks if m[1].startswith("hedge (modal): could")]
    assert could and "al-passive" in could[0][0] and "no agent named" in could[0][1]
    assert any("loaded word (loaded_words.csv: militaristic" in t and "crackdown" in t for _, t in marks)
    assert any("agent: undocumented immigrants" in t for _, t in marks)
    legend = [attrs["class"] for t, attrs in c.tags if t == "mark" and "al-m" in attrs.get("class", "") and "title" in attrs]
    assert legend  # legend entries are marks too
    assert "Loaded or emotive word" in out and "(20)" in out


def test_deterministic(seed):
    assert annotated_html(seed) == annotated_html(seed)


def test_only_some_categories(seed):
    spans = annotations(seed, categories=("passive",))
    assert set(spans["category"]) == {"passive"} and len(spans) == 6
    assert "al-loaded" not in annotated_html(seed, categories=("passive",)).split("</style>", 1)[1]


def test_kwic_html_escapes(make_article):
    a = make_article("News", "The <b>raid</b> began. Another raid followed.")
    out = kwic_html(keyword_in_context(a, "raid", window=10)).html
    assert "<b>" not in out and "&lt;b&gt;" in out and out.count("<tr>") == 2
    assert "No occurrences" in kwic_html(keyword_in_context(a, "zebra")).html


def test_annotated_article_in_chromium(make_article, tmp_path):
    from support import browser_support

    browser_support.skip_without_chromium()
    a = make_article("Alert <script>window.__xss=1</script>", HOSTILE)
    page = tmp_path / "annotated.html"
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>{annotated_html(a)}</body></html>",
                    encoding="utf-8")
    r = browser_support.check_page(page, screenshot=tmp_path / "annotated.png")
    assert r.js_flags.get("__xss") is None and not r.dialogs and not r.console_errors and not r.external_requests
    assert "<script>window.__xss=1</script>" in r.text  # shown as text, not run
    assert html.unescape("crackdown") in r.text


def test_any_text_round_trips():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from analysis import parse_article
    from analysis.core.errors import ArticleError
    from analysis.language.loaded import loaded_words
    from analysis.language.passives import passives
    from analysis.language.stance import stance_markers

    alphabet = st.characters(blacklist_categories=("Cs",))
    words = st.sampled_from(["was", "arrested", "by", "police", "may", "May", "crackdown", "<b>", "&amp;", '"', "'s",
                             "could", "be", "considered", "labeled", "as", "it is possible that", ".", "\n\n", "é", "🙂"])
    texts = st.one_of(st.text(alphabet, max_size=200), st.lists(words, max_size=40).map(" ".join))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(texts)
    def check(text):
        try:
            a = parse_article(text)
        except ArticleError:
            return
        for frame in (loaded_words(a), stance_markers(a), passives(a)):
            for r in frame.itertuples():
                assert 0 <= r.start < r.end <= len(a.text)
        c = _parse(annotated_html(a))
        assert "".join(c.text) == a.text.replace("\n\n", "")

    check()
