"""Quotations, speakers, indirect speech and scare quotes on constructed paragraphs, the seed and a real press release."""

from __future__ import annotations

import pytest

from analysis import load_article
from analysis.framing import quote_marks, quotes

from conftest import SHARED_CORPUS

CORPUS = SHARED_CORPUS


def _q(art):
    return quotes.quotations(art)[["text", "kind", "speaker"]].values.tolist()


def test_curly_and_straight_quotes_with_speakers(make_article):
    art = make_article(
        "News",
        "“We will win this fight,” Mayor Ann Lee said. "
        'Senator Bob Ray said: "The plan is cruel and will fail." '
        '"Nobody asked us about any of it," said Governor Kim Poe.',
    )
    assert _q(art) == [
        ["We will win this fight,", "direct", "Ann Lee"],
        ["The plan is cruel and will fail.", "direct", "Bob Ray"],
        ["Nobody asked us about any of it,", "direct", "Kim Poe"],
    ]


def test_scare_quotes_and_partial_quotations(make_article):
    art = make_article(
        "News",
        'The cities labeled as "sanctuaries" object. The council approved the “historic” deal. '
        'Mayor Ann Lee called the plan "cruel".',
    )
    q = quotes.quotations(art)
    assert q[q["kind"] == "scare"]["text"].tolist() == ["sanctuaries", "historic"]
    lee = q[q["text"] == "cruel"].iloc[0]
    assert lee["kind"] == "direct" and lee["speaker"] == "Ann Lee"  # credited: a partial quotation, not a scare quote
    assert quotes.scare_quotes(art)["sentence_id"].tolist() == ["s2", "s3"]


def test_apostrophes_are_not_quotes(make_article):
    art = make_article("News", "Trump’s plan isn't new. The ’90s were different. Officials' views differ.")
    assert quote_marks.quote_spans(art) == []


def test_single_curly_quotes(make_article):
    art = make_article("News", "The so-called ‘streamlined’ process began.")
    assert _q(art) == [["streamlined", "scare", None]]


def test_quotation_continuing_into_next_paragraph(make_article):
    art = make_article(
        "News",
        "“Our officers work hard every single day,” said Chief Ann Lee. “They keep our streets safe.",
        "“And they will keep doing so for as long as it takes.”",
    )
    q = quotes.quotations(art)
    assert list(q["speaker"]) == ["Ann Lee", "Ann Lee", "Ann Lee"]
    assert list(q["speaker_inferred"]) == [False, True, True]


def test_indirect_speech(make_article):
    art = make_article("News", "Mayor Ann Lee warned that the plan would fail. “It will,” she said.")
    ind = quotes.indirect_speech(art)
    assert ind[["speaker", "verb"]].values.tolist() == [["Ann Lee", "warned"]]
    assert ind["content"].iloc[0].startswith("that the plan")


def test_seed_scare_quotes(seed):
    sq = quotes.scare_quotes(seed)
    assert sq[["sentence_id", "text", "marks"]].values.tolist() == [
        ["s1", "sanctuaries", "straight"], ["s8", "sanctuary", "curly"]]
    assert quotes.quotations(seed, kind="direct").empty


@pytest.mark.skipif(not (CORPUS / "ice-pressrelease-chicago-22-arrests.txt").exists(), reason="shared corpus not present")
def test_press_release_quote_and_continuation():
    art = load_article(CORPUS / "ice-pressrelease-chicago-22-arrests.txt")
    q = quotes.quotations(art, kind="direct")
    # the second quotation runs over a paragraph break without a new opening mark: its last paragraph is his too
    assert len(q) == 3 and set(q["speaker"]) == {"Ricardo Wong"}
    assert q["text"].iloc[0].startswith("Our dedicated officers") and q["text"].iloc[2].startswith("By removing")
    assert q["speaker_inferred"].tolist() == [False, True, True]


def test_quotation_tuples_match_the_public_table(seed):
    rows = quotes.quotation_rows(seed)
    assert list(quotes.Quotation._fields) == quotes.QUOTE_COLUMNS
    assert rows and [tuple(r) for r in rows] == list(quotes.quotations(seed).itertuples(index=False, name=None))


def test_a_lead_in_ending_with_a_colon_gives_the_next_paragraphs_quotation_its_speaker(make_article):
    art = make_article(
        "Pollster weighs in",
        "Pollster Pat Caddell spoke on Thursday.",
        "Caddell continued:",
        '"The health issue is partisan. It was revealed to be pneumonia. Forty-three said yes."',
        "The report lists three demands:",
        '"End the raids. Free the detainees. Pay the workers."',
    )
    assert _q(art) == [
        ["The health issue is partisan. It was revealed to be pneumonia. Forty-three said yes.", "direct",
         "Pat Caddell"],
        ["End the raids. Free the detainees. Pay the workers.", "direct", None],  # a report is not a speaker
    ]


def test_a_lead_in_with_two_sources_gives_the_one_nearest_the_colon(make_article):
    art = make_article(
        "Mayor answers critics",
        "Mayor Karen Bass and Governor Gavin Newsom met on Monday.",
        "According to the police report, Bass told officers:",
        "“We will rebuild every home that was lost in the fire, and we will do it quickly.”",
        "Newsom said the state would help, but Bass responded:",
        "“We will not wait for anyone to tell us what to do in our own city.”",
    )
    assert [row[2] for row in _q(art)] == ["Karen Bass", "Karen Bass"]


def test_a_lead_in_clause_after_the_speakers_verb_does_not_take_the_quotation(make_article):
    art = make_article(
        "Mayor answers critics",
        "Mayor Karen Bass and Governor Gavin Newsom met on Monday.",
        "Bass said, after Newsom arrived:",
        "“We will rebuild every home that was lost in the fire, and we will do it quickly.”",
    )
    assert [row[2] for row in _q(art)] == ["Karen Bass"]


def test_a_quotation_carried_over_without_an_opening_mark(make_article):
    # press releases often drop the opening mark of a quotation's second paragraph
    for close in ("\u201d", '"'):
        art = make_article("News", "\u201cThis operation focused on fugitives in two counties.\n\n"
                                   f"By removing them, our officers improve public safety.{close} said Wong.")
        spans = quote_marks.quote_spans(art)
        assert [(q.text, q.open_mark, q.closed) for q in spans] == [
            ("This operation focused on fugitives in two counties.", "\u201c", False),
            ("By removing them, our officers improve public safety.", "", True)]
        rows = quotes.quotations(art)
        assert len(rows) == 2 and set(rows["kind"]) == {"direct"}
    # a paragraph that opens its own quotation first is not a carried-over one
    art = make_article("News", "\u201cWe will win.\n\n\u201cWe will win again,\u201d said Wong.")
    assert [q.open_mark for q in quote_marks.quote_spans(art)] == ["\u201c", "\u201c"]
