"""The article loader: headerless seed, metadata header, paragraphs, sentence ids and offsets, slugs."""

from __future__ import annotations

import pytest

from analysis import ArticleError, load_article, parse_article, slugify


def test_seed_structure(seed):
    assert seed.title == "Trump Intensifies Immigration Enforcement Efforts Amid Sanctuary City Tensions"
    parts = [p.part for p in seed.paragraphs]
    # teaser paragraph, the headline once (it is repeated in the file), standfirst, body
    assert parts[:3] == ["teaser", "headline", "standfirst"]
    assert parts.count("headline") == 1
    assert set(parts[3:]) == {"body"} and len(parts) == 9
    assert seed.standfirst.startswith("President Trump escalates plans")
    assert seed.paragraphs[3].text.startswith("As President Trump pushes forward")
    assert seed.slug == "seed-us-immigration-enforcement"


def test_sentence_ids_and_offsets(seed):
    ids = [s.id for s in seed.sentences]
    assert ids == [f"s{i}" for i in range(1, len(ids) + 1)]
    for s in seed.sentences:
        assert seed.text[s.start:s.end] == s.text
        para = seed.paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end
    starts = [s.start for s in seed.sentences]
    assert starts == sorted(starts)
    assert seed.sentence("s10").text.startswith("In conjunction with these immigration efforts, the Pentagon")
    assert len(seed.sentences) == 16


def test_same_text_same_article(seed, seed_path):
    again = load_article(seed_path)
    assert again == seed and [s.id for s in again.sentences] == [s.id for s in seed.sentences]


def test_metadata_header():
    text = (
        "---\ntitle: Storm hits coast\nsource: Example News\nurl: https://example.org/a\n"
        "date: 2024-05-01\nlanguage: en\n---\nStorm hits coast\n\nThe storm hit at noon. Two people were hurt.\n"
    )
    a = parse_article(text, name="storm")
    assert a.title == "Storm hits coast"
    assert a.metadata["source"] == "Example News" and a.metadata["date"] == "2024-05-01"
    assert [p.part for p in a.paragraphs] == ["headline", "body"]  # repeated title line dropped
    assert [s.text for s in a.sentences] == ["Storm hits coast", "The storm hit at noon.", "Two people were hurt."]
    assert a.slug == "storm"


def test_headline_blank_line_body_and_dateline():
    a = parse_article("Floods close schools\n\nFriday, July 21, 2017\n\nSchools closed on Friday. Rain fell.\n\nMore rain is due.")
    assert a.title == "Floods close schools"
    assert a.metadata["date"] == "2017-07-21"
    assert a.standfirst == ""
    assert [p.part for p in a.paragraphs] == ["headline", "dateline", "body", "body"]


@pytest.mark.parametrize("caption", [
    "The mayor (left) and the governor (right) on May 2, 2022. Image: City of Springfield.",
    "Photo: Jane Doe/Reuters",
])
def test_a_picture_caption_with_its_credit_is_part_caption(caption):
    a = parse_article(f"Floods close schools\n\n{caption}\n\nSchools closed on Friday. Rain fell.")
    assert [p.part for p in a.paragraphs] == ["headline", "caption", "body"]
    caption_ids = [s.id for s in a.sentences if s.part == "caption"]
    assert caption_ids == [s.id for s in a.sentences if s.paragraph == 1]  # every sentence of it, ids kept
    assert [s.text for s in a.body_sentences] == ["Schools closed on Friday.", "Rain fell."]


@pytest.mark.parametrize("body", [
    "Image: the minister said the plan would fail.",                   # a sentence, not a name
    "The photographer spoke first. He took the photos. He sold them. Credit: Ann Lee.",  # too long for a caption
])
def test_prose_is_no_caption(body):
    a = parse_article(f"Floods close schools\n\n{body}")
    assert [p.part for p in a.paragraphs] == ["headline", "body"]


def test_closing_credits_are_part_credits():
    a = parse_article("Floods close schools\n\nSchools closed on Friday. Rain fell.\n\nI'm Jane Roe.\n\n"
                      "John Doe wrote this story for City News. Ann Lee was the editor.")
    assert [p.part for p in a.paragraphs] == ["headline", "body", "credits", "credits"]
    assert [s.text for s in a.body_sentences] == ["Schools closed on Friday.", "Rain fell."]
    assert len(a.sentences) == 6  # the credits keep their sentences and ids


@pytest.mark.parametrize("body", [
    "Reporters asked who wrote this story. Nobody answered.",        # a sentence about a story
    "I'm Jane Roe.\n\nSchools closed on Friday.",                   # a sign-off that is not at the end
])
def test_credits_only_at_the_end_and_only_credit_lines(body):
    a = parse_article(f"Floods close schools\n\n{body}")
    assert "credits" not in [p.part for p in a.paragraphs]


def test_hard_wrapped_paragraph_is_joined():
    body = (
        "The council met on Tuesday evening to discuss the new budget for\n"
        "the coming year, and the members argued for several hours before\n"
        "agreeing on a final plan."
    )
    a = parse_article("Council agrees budget\n\n" + body)
    assert len(a.paragraphs) == 2
    assert "budget for the coming year" in a.paragraphs[1].text


def test_crlf_and_bom():
    a = parse_article("\ufeffTitle here\r\n\r\nOne sentence here. Another one.\r\n")
    assert a.title == "Title here" and "\r" not in a.text


@pytest.mark.parametrize("text", ["", "   \n\t\n  "])
def test_empty_text_is_a_user_error(text):
    with pytest.raises(ArticleError, match="empty"):
        parse_article(text)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-article"),
        ("🙂🙂", "article"),
        ("Café society: élan", "cafe-society-elan"),
        ("x" * 300, "x" * 60),
    ],
)
def test_slugify_is_filesystem_safe(title, expected):
    assert slugify(title) == expected


def test_no_punctuation_warns():
    a = parse_article("Title\n\nwords without any end " * 3)
    assert any("punctuation" in w for w in a.warnings)


def test_non_english_warns():
    text = "Titular\n\n" + "El gobierno anunció hoy nuevas medidas para la frontera con los estados vecinos. " * 5
    a = parse_article(text)
    assert any("English" in w for w in a.warnings)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "mac_roman", "cp1251"])
def test_every_mojibake_shows_a_sign_that_calls_ftfy(codec):
    """ftfy is imported only when the text holds a character outside ASCII and typographic punctuation; UTF-8
    misread in any of the usual codecs always leaves one, for accented letters, curly quotes, dashes and symbols."""
    from analysis.core.article import _MOJIBAKE_SIGN

    samples = ["don’t", "“quoted”", "café", "naïve", "–", "—", "…", "€5", "£3", "°C", "Zürich", "São Paulo",
               "Ærø", "ñ", "©", "™", "•", "½"]
    for s in samples:
        garbled = s.encode("utf-8").decode(codec, errors="replace")
        assert _MOJIBAKE_SIGN.search(garbled), (s, garbled)
    assert not _MOJIBAKE_SIGN.search("Clean text: “quotes”, ‘single’, dashes – — and… no\u00a0break.")


def test_a_title_case_line_ending_with_a_full_stop_is_the_headline():
    # some sources print titles with a full stop; a sentence ending inside quotation marks is not a headline
    a = parse_article("Clinton Breaks With Obama On Lawsuit Bill.\n\nAs Obama appears set to veto the bill, Clinton "
                      "said she would sign “this legislation.”\n\nThe bill passed.")
    assert a.title == "Clinton Breaks With Obama On Lawsuit Bill."
    assert [p.part for p in a.paragraphs] == ["headline", "body", "body"]
    b = parse_article("Flynn says Trump was right.\n\nFlynn said Trump was “absolutely right.”\n\nHe spoke on Fox.")
    assert [p.part for p in b.paragraphs] == ["body", "body", "body"]


def test_the_title_case_headline_rule_keeps_to_a_first_line_of_one_sentence():
    # a name-heavy second paragraph is not a headline; nor is a byline; a quoted sentence after a colon is
    a = parse_article("The new bridge opened on Saturday after three years of work.\n\nAttending were Senator John "
                      "Smith, Governor Mary Jones and Mayor Bill Brown.\n\nSmith said it would help.")
    assert [p.part for p in a.paragraphs] == ["body", "body", "body"]
    b = parse_article("By Jane Smith, Associated Press.\n\nThe bill passed on Monday.\n\nIt was late.")
    assert [p.part for p in b.paragraphs] == ["body", "body", "body"]
    c = parse_article("Biden on Ukraine: “We will not back down.”\n\nThe president spoke.\n\nHe left.")
    assert c.title == "Biden on Ukraine: “We will not back down.”"


@pytest.mark.parametrize("first, second", [
    ("The council met on Monday to discuss the budget, which was cut by a third.",
     "The mayor told reporters: “We will rebuild every home.”"),  # a quoted sentence in a body paragraph
    ("Photos by Ann Lee.", "The bill passed on Monday."),  # a credit line
    ("Attending were Senator John Smith and Governor Mary Jones.", "The bill passed on Monday."),  # "were"
])
def test_body_paragraphs_and_credit_lines_are_not_headlines(first, second):
    a = parse_article(f"{first}\n\n{second}\n\nCritics said it was slow.")
    assert [p.part for p in a.paragraphs] == ["body", "body", "body"]
