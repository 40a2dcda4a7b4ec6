"""Sentence splitting repairs on top of Punkt (analysis.core.nlp.sentence_spans) and units in the loader."""

from __future__ import annotations

import pytest

from analysis.core.article import parse_article
from analysis.core.nlp import is_informal, sentence_spans


def _split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations and initials do not end a sentence
    ("Gen. Smith met him at No. 10 Downing Street. Then he left.",
     ["Gen. Smith met him at No. 10 Downing Street.", "Then he left."]),
    ("The author J. K. Rowling spoke. She left.", ["The author J. K. Rowling spoke.", "She left."]),
    ("Troops went to the U.S. border. It was late.", ["Troops went to the U.S. border.", "It was late."]),
    # a quotation closed by ? or ! ends the sentence before a capital, not before a lower-case word
    ("“Why now?” she asked. “Stop!” The crowd left.", ["“Why now?” she asked.", "“Stop!”", "The crowd left."]),
    ('"Is it over?" he wondered aloud. It was.', ['"Is it over?" he wondered aloud.', "It was."]),
    # a brand written with a lower-case first letter still starts a sentence
    ("She runs a shop. eBay sold it.", ["She runs a shop.", "eBay sold it."]),
    # numbering labels join the text they number
    ("1. Introduction. Step 2. Add the salt.", ["1. Introduction.", "Step 2. Add the salt."]),
    # reference markers stay with the sentence they follow
    ("The law passed in 2003. [4] It was repealed. [5][6]", ["The law passed in 2003. [4]", "It was repealed. [5][6]"]),
    # a closing bracket or mark cannot begin a sentence: it ends the one before, and a capital after it starts one
    ("The plan failed (see Smith et al. [4]). The second plan worked.",
     ["The plan failed (see Smith et al. [4]).", "The second plan worked."]),
    ("You did it so quickly, right? :) It took two years.", ["You did it so quickly, right? :)", "It took two years."]),
    ("The vote was close! , he said.", ["The vote was close! , he said."]),
    ("He paused... Then he left.", ["He paused...", "Then he left."]),
    # a direct question introduced by a colon is a sentence of its own; a quoted one is not split off
    ("Voters will look back and ask: Who stood up for the law? Few did.",
     ["Voters will look back and ask:", "Who stood up for the law?", "Few did."]),
    ('The reporter asked: "Who stood up for the law?" Few did.',
     ['The reporter asked: "Who stood up for the law?"', "Few did."]),
    ("The rule is simple: Nobody leaves. Is that clear?", ["The rule is simple: Nobody leaves.", "Is that clear?"]),
    # an editor's bracketed note belongs to the sentence it follows
    ("The mayor was born in 1950. [citation needed] He moved to Ohio.",
     ["The mayor was born in 1950. [citation needed]", "He moved to Ohio."]),
    ("The club was founded in Rome. [who?] It later closed.", ["The club was founded in Rome. [who?]", "It later closed."]),
    ("The report was blunt. [the agency] has failed, it said.",
     ["The report was blunt.", "[the agency] has failed, it said."]),
    # multi-level section numbers head their text; "e.g." introduces an example, not a sentence
    ("2.1. Property rights are weak. 2.2. The state is small.",
     ["2.1. Property rights are weak.", "2.2. The state is small."]),
    ("Several outlets (e.g. The Times and The Post) ran it. Others did not.",
     ["Several outlets (e.g. The Times and The Post) ran it.", "Others did not."]),
])
def test_sentence_spans(text, expected):
    assert _split(text) == expected


def test_heading_and_list_lines_are_their_own_units():
    a = parse_article("A headline\n\nBy Jane Doe\nFirst point without a stop\nThe body sentence ends here. Another one.")
    assert [s.text for s in a.sentences] == ["A headline", "By Jane Doe", "First point without a stop",
                                            "The body sentence ends here.", "Another one."]


def test_seed_keeps_sixteen_sentences(seed):
    assert len(seed.sentences) == 16
    assert [s.part for s in seed.sentences[:4]] == ["teaser", "teaser", "headline", "standfirst"]


@pytest.mark.parametrize("text, expected", [
    # a reference marker glued to the full stop still ends the sentence before a capital
    ("The bridge opened in 1931.[7] Traffic grew fast.", ["The bridge opened in 1931.[7]", "Traffic grew fast."]),
    ("He was known as Sam Cole Jr.. [3] Cole moved away.", ["He was known as Sam Cole Jr.. [3]", "Cole moved away."]),
    # a title abbreviation is followed by the name it introduces
    ("She studied with Dr. Anna Berg in Oslo. It was cold.", ["She studied with Dr. Anna Berg in Oslo.", "It was cold."]),
    # but a name suffix or a street abbreviation can end one
    ("The prize honours Sam Cole Jr. He spoke first.", ["The prize honours Sam Cole Jr.", "He spoke first."]),
    ("They live on Mill St. The house is old.", ["They live on Mill St.", "The house is old."]),
    # circa, born and divorced before a date do not end a sentence
    ("The mill (c. 1750) burned. A son (b. June 2001) lived.", ["The mill (c. 1750) burned.", "A son (b. June 2001) lived."]),
])
def test_sentence_spans_markers_titles_and_dates(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a person's initials are followed by the surname, not by a new sentence
    ("The O.J. Simpson trial ended. Crowds left.", ["The O.J. Simpson trial ended.", "Crowds left."]),
    ("Vice President J.D. Vance spoke first. Reporters waited.",
     ["Vice President J.D. Vance spoke first.", "Reporters waited."]),
    ("Yeah, I met J.K. Rowling. What a day.", ["Yeah, I met J.K. Rowling.", "What a day."]),
    # initials after a comma (a state), a number (an era) or "a"/"his" (a degree), or before a dictionary word,
    # end the sentence
    ("The storm hit Charleston, S.C. Residents fled inland.",
     ["The storm hit Charleston, S.C.", "Residents fled inland."]),
    ("It was built in 300 B.C. Archaeologists found it.", ["It was built in 300 B.C.", "Archaeologists found it."]),
    ("He earned his J.D. Soon after, he moved.", ["He earned his J.D.", "Soon after, he moved."]),
    ("He lives in S.F. Officials say so.", ["He lives in S.F.", "Officials say so."]),
    # but a function word or a frequent sentence opener after initials starts a new sentence
    ("He worked for the F.B.I. Then he quit.", ["He worked for the F.B.I.", "Then he quit."]),
    # an agency's initials (three letters) before a capitalised noun are left to Punkt, which ends the sentence
    ("Two men were detained by I.C.E. Officials declined to comment.",
     ["Two men were detained by I.C.E.", "Officials declined to comment."]),
    ("He moved to the U.S. He liked it.", ["He moved to the U.S.", "He liked it."]),
    # a place initialism before a capitalised function word ends a sentence; before a name it does not
    ("Families were deported from the U.S. A judge later ruled.",
     ["Families were deported from the U.S.", "A judge later ruled."]),
    ("Talks stalled at the U.N. Its envoy left.", ["Talks stalled at the U.N.", "Its envoy left."]),
    ("Agents of the U.S. Border Patrol met the U.S. A-10 crews.",
     ["Agents of the U.S. Border Patrol met the U.S. A-10 crews."]),
    # "no." ends a sentence unless a number follows
    ("Voters said no. Turnout was low.", ["Voters said no.", "Turnout was low."]),
    ("No, no. Forget the polls.", ["No, no.", "Forget the polls."]),
    ("No. Not now.", ["No.", "Not now."]),
    # so do "etc." and "et al." before a capital
    ("Staff handle travel, field work, etc. Manuscript review took a month.",
     ["Staff handle travel, field work, etc.", "Manuscript review took a month."]),
    ("The map is by Daily et al. Daly drew the figures.", ["The map is by Daily et al.", "Daly drew the figures."]),
    ("Food, water, etc. were sent. Smith et al. (2019) agree.",
     ["Food, water, etc. were sent.", "Smith et al. (2019) agree."]),
    ("He lives at No. 10 Downing Street. It is old.", ["He lives at No. 10 Downing Street.", "It is old."]),
    # a clock time before its time zone, and an abbreviated label before its number, continue the sentence
    ("A 3 p.m. ET briefing was cancelled. Reporters left.", ["A 3 p.m. ET briefing was cancelled.", "Reporters left."]),
    ("They met at 5 p.m. The talks failed.", ["They met at 5 p.m.", "The talks failed."]),
    ("He cited Art. 5 of the treaty and Sec. 2 of the act. Both apply.",
     ["He cited Art. 5 of the treaty and Sec. 2 of the act.", "Both apply."]),
    # a wire credit or a dash after a dateline continues the lead sentence; a dash after a sentence does not
    ("PORTLAND, Ore. (AP) — A federal judge blocked it. Troops left.",
     ["PORTLAND, Ore. (AP) — A federal judge blocked it.", "Troops left."]),
    ("EL PASO, Texas — Agents arrested 12. The crowd cheered. — Then silence fell.",
     ["EL PASO, Texas — Agents arrested 12.", "The crowd cheered.", "— Then silence fell."]),
    # a street's abbreviated type ends the street name: a capitalised word after it starts a sentence
    ("Protesters met on S. Macadam Ave. A man was held.", ["Protesters met on S. Macadam Ave.", "A man was held."]),
    # but a name may go on after it
    ("A vigil was held at the Park Ave. Armory on Sunday.", ["A vigil was held at the Park Ave. Armory on Sunday."]),
    ("He grew up in Clyst St. Mary, near Exeter. Go to 5th Ave. and turn left.",
     ["He grew up in Clyst St. Mary, near Exeter.", "Go to 5th Ave. and turn left."]),
    # a picture credit run into a caption without a full stop is a unit of its own
    ("A map of the border crossing Image: Jane Roe", ["A map of the border crossing", "Image: Jane Roe"]),
    ("The exhibit, titled Images: New York in the 1970s, opens Friday.",
     ["The exhibit, titled Images: New York in the 1970s, opens Friday."]),
    ("The show Photograph: The Early Years toured.", ["The show Photograph: The Early Years toured."]),
    ("The agents at the gate. Photo: Sam Lee.", ["The agents at the gate.", "Photo: Sam Lee."]),
    # also after a caption ending in an abbreviation, whose stop Punkt does not count as a sentence end
    ("The first fair was held this week in Washington D.C. Image: Ann Lee. It drew crowds.",
     ["The first fair was held this week in Washington D.C.", "Image: Ann Lee.", "It drew crowds."]),
    ("Rally outside the plant of Acme Inc. Photo: Bo Park", ["Rally outside the plant of Acme Inc.", "Photo: Bo Park"]),
    ("She took a Photo: it was blurred.", ["She took a Photo: it was blurred."]),
    # a piece that is only a bracketed year belongs to the sentence before
    ("The owners show the drink at the bar. (2012). It sold well.",
     ["The owners show the drink at the bar. (2012).", "It sold well."]),
])
def test_initials_no_credits_and_bracketed_years(text, expected):
    assert _split(text) == expected


def test_dateline_is_a_unit_of_its_own():
    a = parse_article("Floods close schools\n\nFriday, July 21, 2017\n\nSchools closed on Friday. Rain fell.")
    assert [(s.part, s.text) for s in a.sentences] == [
        ("headline", "Floods close schools"), ("dateline", "Friday, July 21, 2017"),
        ("body", "Schools closed on Friday."), ("body", "Rain fell.")]
    assert a.metadata["date"] == "2017-07-21"


def test_weekday_date_opening_the_first_paragraph_is_the_dateline():
    a = parse_article("Bar owner talks politics\n\nThursday, March 15, 2012 Reporters met one of the owners. "
                      "It was busy.\n\nMore followed.")
    assert [(s.part, s.text) for s in a.sentences][:3] == [
        ("headline", "Bar owner talks politics"), ("dateline", "Thursday, March 15, 2012"),
        ("body", "Reporters met one of the owners.")]
    assert a.metadata["date"] == "2012-03-15"
    # a date that is the subject of the first sentence stays in it
    b = parse_article("Bar owner talks politics\n\nThursday, March 15, 2012 was a cold day. It was busy.\n\nMore.")
    assert b.sentences[1].text == "Thursday, March 15, 2012 was a cold day." and "date" not in b.metadata


def test_date_without_weekday_before_a_label_in_capitals_is_the_dateline():
    a = parse_article("Speaker backs police bill\n\nMARCH 3, 2021 PRESS RELEASE\n\nThe Speaker spoke on the bill. "
                      "Her remarks follow:\n")
    assert [(s.part, s.text) for s in a.sentences][:3] == [
        ("headline", "Speaker backs police bill"), ("dateline", "MARCH 3, 2021"), ("body", "PRESS RELEASE")]
    assert a.metadata["date"] == "2021-03-03"
    b = parse_article("House passes bill\n\nMarch 3, 2021 WASHINGTON — The House voted on Tuesday. It passed.\n")
    assert [(s.part, s.text) for s in b.sentences][1:3] == [
        ("dateline", "March 3, 2021"), ("body", "WASHINGTON — The House voted on Tuesday.")]
    # without a weekday, a date before an ordinary capitalised word, a one-letter word or a bullet is left alone
    for text, first in [("House passes bill\n\nMarch 3, 2021 Congress passed the bill. It was late.\n",
                         "March 3, 2021 Congress passed the bill."),
                        ("House passes bill\n\nMarch 3, 2021 A vote was held. It was late.\n",
                         "March 3, 2021 A vote was held."),
                        ("Remarks at a briefing\n\nJULY 11, 2022 • STATEMENTS AND RELEASES\n\nThe room was full.\n",
                         "JULY 11, 2022 • STATEMENTS AND RELEASES"),
                        # a name with an apostrophe or a hyphen is no label in capitals
                        ("House passes bill\n\nMarch 3, 2021 O'Brien said the bill passed. It was late.\n",
                         "March 3, 2021 O'Brien said the bill passed."),
                        ("Phone deal agreed\n\nMarch 3, 2021 T-Mobile said the deal closed. It was late.\n",
                         "March 3, 2021 T-Mobile said the deal closed.")]:
        c = parse_article(text)
        assert c.sentences[1].text == first and c.sentences[1].part == "body" and "date" not in c.metadata


@pytest.mark.parametrize("text, expected", [
    ("Eisenhower Building. 6:13 P.M. EDT THE VICE PRESIDENT: Thank you. Please sit.",
     ["Eisenhower Building.", "6:13 P.M. EDT", "THE VICE PRESIDENT: Thank you.", "Please sit."]),
    ("11:02 a.m. MR. SMITH: Good morning.", ["11:02 a.m.", "MR. SMITH: Good morning."]),
    # zones after which Punkt has already ended the piece at "P.M."
    ("Eisenhower Building. 6:13 P.M. EST THE PRESIDENT: Thank you. Please sit.",
     ["Eisenhower Building.", "6:13 P.M. EST", "THE PRESIDENT: Thank you.", "Please sit."]),
    ("7:02 P.M. ET MS. PSAKI: Hi there. Okay.", ["7:02 P.M. ET", "MS. PSAKI: Hi there.", "Okay."]),
    ("It began at 6:13 P.M. EST and ended late.", ["It began at 6:13 P.M. EST and ended late."]),
    # a time inside a sentence, or before a word that is no speaker label, stays where it is
    ("The meeting began at 6:13 P.M. EDT. The President spoke.",
     ["The meeting began at 6:13 P.M. EDT.", "The President spoke."]),
    ("6:13 p.m. EDT The President arrived.", ["6:13 p.m. EDT The President arrived."]),
    ("6:13 P.M. EDT NASA said the launch slipped.", ["6:13 P.M. EDT NASA said the launch slipped."]),
])
def test_transcript_time_stamp_before_a_speaker_label(text, expected):
    assert _split(text) == expected


def test_a_dateline_that_is_no_real_date_gives_no_date():
    a = parse_article("Floods close schools\n\nFriday, March 32, 2017\n\nSchools closed on Friday. Rain fell.")
    assert "date" not in a.metadata
    assert parse_article("Floods close schools\n\nThursday, February 29, 2024\n\nRain fell.").metadata["date"] \
        == "2024-02-29"


def test_weekday_date_run_into_the_headline_line_is_split_off():
    a = parse_article("Council agrees new budget Monday, March 4, 2024\n\nThe council met. It agreed.")
    assert a.title == "Council agrees new budget"
    assert [(s.part, s.text) for s in a.sentences][:2] == [
        ("headline", "Council agrees new budget"), ("dateline", "Monday, March 4, 2024")]
    assert a.metadata["date"] == "2024-03-04"
    # a headline that is only about a day keeps its words
    b = parse_article("Why Monday matters\n\nThe council met. It agreed.")
    assert b.title == "Why Monday matters" and len(b.sentences) == 3


@pytest.mark.parametrize("text, expected", [
    # informal writing starts sentences in lower case
    ("i think so. but maybe not lol. anyway, what do you think? idk",
     ["i think so.", "but maybe not lol.", "anyway, what do you think?", "idk"]),
    ("the view was great! we stayed an hour.", ["the view was great!", "we stayed an hour."]),
    # not after an abbreviation, a cited word, a quotation or a clock time
    ("It costs approx. three dollars, etc. and more.", ["It costs approx. three dollars, etc. and more."]),
    ("The board is 12 in. wide. The race lasted 42 min. and ended. He was a temp. worker.",
     ["The board is 12 in. wide.", "The race lasted 42 min. and ended.", "He was a temp. worker."]),
    ("We studied huh? in particular.", ["We studied huh? in particular."]),
    ("“Why now?” she asked. We met at 5 p.m. in the hall.",
     ["“Why now?” she asked.", "We met at 5 p.m. in the hall."]),
])
def test_lower_case_sentence_starts_of_informal_writing(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("text, informal, expected", [
    # in an informal document any lower-case word may open a sentence after a dictionary word and a full stop
    ("so i parked there again. got a ticket lol. apparently the rules changed. still dumb imo", True,
     ["so i parked there again.", "got a ticket lol.", "apparently the rules changed.", "still dumb imo"]),
    # the same text read as edited prose keeps the pieces that do not open with a usual opener together
    ("so i parked there again. got a ticket lol. apparently the rules changed.", False,
     ["so i parked there again. got a ticket lol. apparently the rules changed."]),
    # abbreviations, units after numbers and short non-words still do not end a sentence
    ("the lot on main st. near the bank costs approx. five bucks. it opens at 5 p.m. every day", True,
     ["the lot on main st. near the bank costs approx. five bucks.", "it opens at 5 p.m. every day"]),
    ("the shelf is 12 in. wide. works fine", True, ["the shelf is 12 in. wide.", "works fine"]),
    # nor inside brackets
    ("the word (lit. garden of children) is german. rates rose (why? see below) in may", True,
     ["the word (lit. garden of children) is german.", "rates rose (why? see below) in may"]),
    # an emoticon's bracket and a bracket that never closes hold nothing
    ("my car broke down :( i hate this. so i took the bus. it was late too", False,
     ["my car broke down :( i hate this.", "so i took the bus.", "it was late too"]),
    ("the update broke my phone (again. so i rolled it back. it works now", True,
     ["the update broke my phone (again.", "so i rolled it back.", "it works now"]),
])
def test_informal_documents_break_before_any_lower_case_word(text, informal, expected):
    assert [text[s:e] for s, e in sentence_spans(text, informal)] == expected


@pytest.mark.parametrize("text, expected", [
    ("so i parked there. got a ticket lol. anyway i paid it", True),
    ("moved here last month. anyway need pizza recs.\n\nthe place on 5th was ok, kind of pricey though.", True),
    # two lower-case paragraphs alone are not enough: a sentence inside one must open in lower case too
    ("moved here last month and need pizza recs.\n\nthe place on 5th was ok, kind of pricey though.", False),
    # edited prose: brand names, enumerations, lower-case list items and one broken quotation line
    ("The iPhone sold well. eBay listed it. Analysts (i) agreed and (ii) left.", False),
    ("Risks include:\nrace\nheight\neducation level\n\nThe study ended in May.", False),
    ("Let i denote a household and t a year. For each i the income grows. We study i and t.", False),
    ("The slogans read “i porti sono chiusi” and “i migranti non entrano” at the rally.", False),
    ("de Blasio said the city would hire more teachers.\n\nThe union welcomed the plan today.\n\n"
     "de Blasio added that the budget was balanced.", False),
    ("The report listed three causes:\n\nfirst, the rules were unclear to most people.\nsecond, the staff were "
     "not trained at all.\nthird, nobody checked the numbers.", False),
    # informal writing without apostrophes, negations, "I" capitalised only
    ("i honestly dont know why people like this show. i watched three episodes. the acting is awful tbh", True),
    ("i won't lie, the food was mid. i wouldn't go back. the drinks were good tho", True),
    ("so I finally tried the new place downtown today.\n\nhonestly I was disappointed. the fries were cold.\n\n"
     "would not go back, tbh. but the shakes were good.", True),
    # a quoted lower-case post in a news story, and maths that uses i as an index
    ("In a post on Instagram, the singer wrote: “i am so grateful. i love you all.” Her label cancelled the tour.",
     False),
    ("If i is odd, i squared is odd. Let i be an integer and assume i is positive. The variable i was reset.", False),
    ("He said the plan was bold and\nthat it would work, in his view.\n" + "The vote was held on Friday. " * 3
     + "\n" + "Officials said it passed easily. " * 3 + "\n" * 2 + "Critics disagreed with the outcome. " * 2
     + ("\nOthers said little about it, one way or the other." * 10), False),
])
def test_informal_writing_is_recognised(text, expected):
    assert is_informal(text) is expected


def test_loader_reads_an_informal_post_as_informal():
    text = ("Parking downtown?\n\nso i parked on main street yesterday like always. got a ticket lol. apparently "
            "they changed the rules on monday.\n\nEDIT: ok i see there was a notice in the paper. still dumb")
    article = parse_article(text)
    assert [s.text for s in article.sentences if s.part == "body"] == [
        "so i parked on main street yesterday like always.", "got a ticket lol.",
        "apparently they changed the rules on monday.", "EDIT: ok i see there was a notice in the paper.",
        "still dumb"]
    # one lower-case "i" in a post of one paragraph is not enough evidence: usual openers still break
    single = parse_article(text.replace("ok i see", "ok we see"))
    assert [s.text for s in single.sentences if s.part == "body"][0].endswith("got a ticket lol. apparently "
                                                                             "they changed the rules on monday.")


@pytest.mark.parametrize("text, expected", [
    ("Abstract: In this article we propose a method. It works.",
     ["Abstract:", "In this article we propose a method.", "It works."]),
    # other section names also run into the text of news and fiction
    ("Background: The dispute began in 2019.", ["Background: The dispute began in 2019."]),
    ("Conclusion: The butler did it, the detective said.", ["Conclusion: The butler did it, the detective said."]),
    # a keyword list, a label before a number, a label inside the text and a label alone stay whole
    ("Keywords: mutation operators; geographic data", ["Keywords: mutation operators; geographic data"]),
    ("Results: 12 of 20 improved.", ["Results: 12 of 20 improved."]),
    ("Results: Jan Lee of Hillsboro won the sheep show.", ["Results: Jan Lee of Hillsboro won the sheep show."]),
    ("The results: Nobody won.", ["The results: Nobody won."]),
    ("Conclusion:", ["Conclusion:"]),
])
def test_section_label_that_runs_into_its_text_is_a_unit(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a figure's label takes a caption written as a sentence; a caption set as a bare title is a unit of its own
    ("Figure 1. Original and mutant application. The next step follows.",
     ["Figure 1. Original and mutant application.", "The next step follows."]),
    ("Figure 2. Map of the speaking area", ["Figure 2.", "Map of the speaking area"]),
    ("Table 3. Results by year.", ["Table 3. Results by year."]),
    ("See Table 2. It shows the data.", ["See Table 2.", "It shows the data."]),
    # a label that does not open its paragraph is no caption's
    ("Where did they sit? Table 4. The waiter brought water.",
     ["Where did they sit?", "Table 4.", "The waiter brought water."]),
    # a caption's label may open a line, or follow another caption
    ("The network grew, as shown below.\nFigure 3. Growth of the network over time.",
     ["The network grew, as shown below.", "Figure 3. Growth of the network over time."]),
    ("Figure 1. Original application. Figure 2. Mutant application.",
     ["Figure 1. Original application.", "Figure 2. Mutant application."]),
    # a footnote number after a sentence's stop belongs to that sentence
    ("Authors pay a publication fee. 8 Yet some journals waive it.",
     ["Authors pay a publication fee. 8", "Yet some journals waive it."]),
    ("Authors pay a fee.8 Yet some waive it.", ["Authors pay a fee.8", "Yet some waive it."]),
    ("It came from bad behaviour. 9 For example, pollution rose.",
     ["It came from bad behaviour. 9", "For example, pollution rose."]),
    # a count or a list number that opens a sentence stays with it
    ("Rain fell all week. 12 Of the 15 counties flooded.", ["Rain fell all week.", "12 Of the 15 counties flooded."]),
    ("Here is what we know. 1 The vote is on Tuesday. 2 The polls close at 8.",
     ["Here is what we know.", "1 The vote is on Tuesday.", "2 The polls close at 8."]),
    ("Here are my tips. 1 Still water is best. 2 Also drink tea.",
     ["Here are my tips.", "1 Still water is best.", "2 Also drink tea."]),
    # not a number that opens a sentence or a title, nor a decimal
    ("The storm hit. 12 Years a Slave won. 10 people died.", ["The storm hit.", "12 Years a Slave won.",
                                                             "10 people died."]),
    ("Version 2.0 The update ships.", ["Version 2.0 The update ships."]),
])
def test_figure_captions_and_footnote_numbers(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the abbreviated first word of a place's or a saint's name does not end a sentence
    ("He met St. John in Ft. Worth. Troops left Ft. Bragg.",
     ["He met St. John in Ft. Worth.", "Troops left Ft. Bragg."]),
    ("In St. Louis police said no. They climbed Mt. Everest. It was cold.",
     ["In St. Louis police said no.", "They climbed Mt. Everest.", "It was cold."]),
    # a street's "St." after its name still may
    ("He lives on Main St. The house is old.", ["He lives on Main St.", "The house is old."]),
])
def test_place_abbreviations_before_their_name(text, expected):
    assert _split(text) == expected
