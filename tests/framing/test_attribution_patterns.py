"""Who speaks (issue 15): constructed sentences for each attribution pattern journalists write, pronoun and
title resolution (with an ambiguous and an unresolved case), and how the summary shows a resolved source."""

from __future__ import annotations

import pytest

from analysis.framing import quotes
from analysis.framing.attribution import base_attribution_rows
from analysis.output.summary import framing_section


def _rows(art):
    return [(r.sentence_id, r.source, r.kind, r.surface, r.resolution) for r in base_attribution_rows(art)]


def _speakers(art):
    return [(q.text, q.speaker) for q in quotes.quotation_rows(art) if q.kind == "direct"]


def test_quote_before_and_after_the_speaker(make_article):
    art = make_article(
        "Harbour news",
        "“The harbour must stay open,” said Mayor Ann Lee. "
        "Councillor Tom Baker said: “The costs are far too high for us.” "
        "“We will decide in May,” Ann Lee said, adding “and not a day later.”",
    )
    assert _speakers(art) == [
        ("The harbour must stay open,", "Ann Lee"),
        ("The costs are far too high for us.", "Tom Baker"),
        ("We will decide in May,", "Ann Lee"),
        ("and not a day later.", "Ann Lee"),
    ]


def test_quote_over_several_paragraphs_keeps_its_speaker(make_article):
    # named at the start: the next quoted paragraph continues the same speaker
    art = make_article(
        "Harbour news",
        "Mayor Ann Lee said: “The harbour has served this town for two hundred years and the ships still come.",
        "“Closing it would cost every family in the valley a great deal of money.”",
    )
    assert [s for _, s in _speakers(art)] == ["Ann Lee", "Ann Lee"]
    # named at the end: the paragraph left open belongs to the speaker credited where the quotation closes
    art = make_article(
        "Harbour news",
        "“The harbour has served this town for two hundred years and the ships still come in every week.",
        "“Closing it would cost every family in the valley a great deal of money,” said Mayor Ann Lee.",
    )
    assert [s for _, s in _speakers(art)] == ["Ann Lee", "Ann Lee"]


def test_newswire_double_apostrophes_and_mixed_marks(make_article):
    art = make_article(
        "Tax news",
        "''There is a lot of new complexity in the code,'' said Mr. Burman. "
        '"The rules are fair to everyone,” said Senator Kim Poe.',
    )
    assert _speakers(art) == [("There is a lot of new complexity in the code,", "Burman"),
                              ("The rules are fair to everyone,", "Kim Poe")]


def test_signature_after_a_dash(make_article):
    art = make_article("Letters", "“The new bridge has made my daily commute much shorter and safer.” ― Maria Lopez")
    assert _speakers(art) == [("The new bridge has made my daily commute much shorter and safer.", "Maria Lopez")]


def test_he_and_she_resolved_to_the_last_compatible_person_surface_kept(make_article):
    art = make_article(
        "Budget news",
        "Governor Ann Lee presented the budget on Monday. “The numbers are sound,” she said.",
    )
    rows = [r for r in base_attribution_rows(art) if r.surface == "she"]
    assert [(r.source, r.kind, r.resolution) for r in rows] == [("Ann Lee", "named_person", "pronoun")]
    recs = framing_section(art)
    assert [q["speaker"] for q in recs["quotes"]] == ["Ann Lee (she)"]
    att = [a for a in recs["attributions"] if a["as_written"] == "she"]
    assert att and att[0]["resolved_name"] == "Ann Lee" and att[0]["source"] == "Ann Lee (she)"


def test_pronoun_skips_a_person_of_the_other_sex(make_article):
    art = make_article(
        "Budget news",
        "Governor Mary Lee met John Baker on Monday. She said the budget was sound.",
    )
    assert [(src, res) for _, src, _, surf, res in _rows(art) if surf == "she"] == [("Mary Lee", "pronoun")]


def test_ambiguous_pronoun_is_flagged(make_article):
    art = make_article(
        "Budget news",
        "Governor Mary Lee met Senator Susan Baker on Monday. She said the budget was sound.",
    )
    found = [(src, res) for _, src, _, surf, res in _rows(art) if surf == "she"]
    assert found == [("Susan Baker", "pronoun, ambiguous")]


def test_pronoun_without_a_person_stays_unresolved(make_article):
    art = make_article("Street news", "“We are tired of waiting,” she said.")
    assert [(src, kind, res) for _, src, kind, _, res in _rows(art)] == [("she", "anonymous", "pronoun, unresolved")]


def test_title_resolved_to_the_person_named_before(make_article):
    art = make_article(
        "Plant news",
        "Senator Tom Baker visited the plant on Friday. The senator said the jobs would return.",
    )
    assert [(src, surf, res) for _, src, _, surf, res in _rows(art)] == [("Tom Baker", "the senator", "nominal")]


def test_anonymous_vague_and_document_sources(make_article):
    art = make_article(
        "Talks news",
        "A senior official said the talks had failed. Critics say the law is unfair. "
        "The report found that wages fell. Polls show the mayor ahead.",
    )
    kinds = {sid: (src, kind) for sid, src, kind, _, _ in _rows(art)}
    assert kinds["s2"] == ("a senior official", "anonymous")
    assert kinds["s3"][1] == "vague"
    assert kinds["s4"] == ("the report", "document")
    assert kinds["s5"] == ("polls", "document")


def test_the_claim_of_a_quote_before_said_is_the_quote(make_article):
    art = make_article("Harbour news", "“The harbour must stay open,” said Ann Lee, mayor of the small town of Springfield.")
    rows = base_attribution_rows(art)
    assert [(r.source, r.claim) for r in rows] == [("Ann Lee", "“The harbour must stay open,”")]


def test_two_speakers_joined_by_and_both_speak(make_article):
    art = make_article("Court news", "Lawyer Ann Lee and the Springfield Tenants Union said the rent rise was illegal.",
                       "Rents rose in Springfield and Mayor Tom Baker said the rise was fair.")
    assert sorted((sid, src, kind) for sid, src, kind, _, _ in _rows(art)) == [
        ("s2", "Ann Lee", "named_person"), ("s2", "Springfield Tenants Union", "named_org"),
        ("s3", "Tom Baker", "named_person")]


def test_a_document_reads_its_wording(make_article):
    art = make_article("Talks news", "The city's letter reads “we may extend the deadline.”",
                       "She reads the news every morning.")
    assert [(sid, src, kind) for sid, src, kind, _, _ in _rows(art)] == [("s2", "the city's letter", "document")]


def test_inverted_said_with_an_unnamed_source(make_article):
    art = make_article("Talks news", "“The talks are over,” said one official at the meeting.")
    assert _speakers(art) == [("The talks are over,", "one official")]


def test_it_stands_for_the_organisation_named_before(make_article):
    art = make_article(
        "Camp news",
        "The Red Cross opened a camp near the border on Sunday. It said more tents were needed.",
    )
    assert [(src, surf) for sid, src, _, surf, _ in _rows(art) if sid == "s3"] == [("Red Cross", "it")]


def test_told_takes_its_subject_not_its_object(make_article):
    art = make_article(
        "Interview",
        "Governor Mary Lee spoke on the radio. “We have to fix the roads first,” she told Tom Baker.",
    )
    assert _speakers(art) == [("We have to fix the roads first,", "Mary Lee")]


def test_according_to_and_in_a_statement(make_article):
    art = make_article(
        "Ferry news",
        "According to the Port Authority, the ferry will run twice a day. "
        "The Harbour Council said in a statement that fares would rise.",
    )
    sources = {sid: src for sid, src, *_ in _rows(art)}
    assert sources["s2"] == "Port Authority" and sources["s3"] == "Harbour Council"


def test_no_source_from_a_gerund_after_a_preposition_or_a_time_word(make_article):
    art = make_article(
        "Asylum news",
        "The minister backed laws banning migrants from claiming asylum in the country. "
        "Figures published today show a record number of crossings.",
    )
    sources = [src for _, src, *_ in _rows(art)]
    assert "migrants" not in sources and "illegal migrants" not in sources and "today" not in sources


def test_a_role_for_someone_speaks_not_the_one_it_serves(make_article):
    art = make_article(
        "Camp news",
        "A spokeswoman for the governor says neither candidate will attend. "
        "A lawyer for the family said the case would go ahead. "
        "The number of tents at the camp says little about the need.",
    )
    rows = {sid: (src, kind) for sid, src, kind, _, _ in _rows(art)}
    assert rows["s2"] == ("a spokeswoman for the governor", "anonymous")
    assert rows["s3"] == ("a lawyer for the family", "anonymous")
    assert "s4" not in rows  # "number" is not a role: no speaker


def test_a_name_in_apposition_after_its_description_is_the_speaker(make_article):
    art = make_article(
        "Vote news",
        "The county's election director, Maria Gomez, said the count was complete. "
        "The county's election office, in a brief note, said nothing more.",
    )
    rows = [(sid, src, kind) for sid, src, kind, _, _ in _rows(art)]
    assert ("s2", "Maria Gomez", "named_person") in rows
    assert not any(src == "Maria Gomez" for sid, src, _ in rows if sid == "s3")


def test_a_participle_after_a_comma_is_spoken_by_the_sentence_subject(make_article):
    art = make_article(
        "Vote news",
        "Senator Ann Lee defended her vote, saying it protected families. "
        "She left the chamber, adding that she would run again.",
    )
    rows = [(sid, src, surf) for sid, src, _, surf, _ in _rows(art)]
    assert ("s2", "Ann Lee", "") in rows and ("s3", "Ann Lee", "she") in rows


def test_a_progressive_report_verb_has_its_subject_for_source(make_article):
    art = make_article(
        "Storm news",
        "The White House is saying that the report is false. "
        "Officials have been warning for weeks that the bridge is unsafe. "
        "Residents are demanding answers from the council. "
        "The hardest part is saying goodbye to friends. "
        "The report was confirmed by two officials.",
    )
    rows = {sid: (src, kind) for sid, src, kind, _, _ in _rows(art)}
    assert rows["s2"] == ("White House", "named_org")
    assert rows["s3"] == ("officials", "anonymous")
    assert rows["s4"] == ("residents", "vague")
    assert "s5" not in rows  # "part" is no speaker: "is saying" is a copula and a gerund here
    assert "s6" not in rows  # a passive names no speaker before the verb


def test_verbs_of_worry_and_dispute_attribute_a_view(make_article):
    art = make_article(
        "Pipeline news",
        "Environmental groups worry that the pipeline will leak. "
        "The company disputes the figures in the report.",
    )
    rows = {sid: (src, kind) for sid, src, kind, _, _ in _rows(art)}
    assert rows["s2"][0] == "environmental groups"
    assert rows["s3"] == ("the company", "named_org")


def test_a_name_before_several_appositives_is_the_speaker(make_article):
    art = make_article(
        "Vote news",
        "Johnnie Wilson, of Springfield, Va., said he had fought in the war. "
        "“We will hold hearings,” Rep. Ann Lee (D-Ohio), a member of the panel, said on Monday. "
        "Tom Baker, whose office oversees the city's charities, has said the inquiry continues. "
        "After Tom Baker left the meeting, the members of the board, in a short note, said nothing.",
    )
    rows = [(sid, src) for sid, src, *_ in _rows(art)]
    assert ("s2", "Johnnie Wilson") in rows
    assert ("s3", "Ann Lee") in rows
    assert ("s4", "Tom Baker") in rows
    # a clause, not an appositive, stands between the name and the verb: the name is not the speaker
    assert not any(src == "Tom Baker" for sid, src in rows if sid == "s5")


def test_a_verb_joined_by_and_or_but_shares_the_subject(make_article):
    art = make_article(
        "Flood news",
        "Mayor Ann Lee visited the flooded streets on Monday and warned that more rain was coming. "
        "She thanked the volunteers but said the town needed more help. "
        "Police arrested two men and said more arrests were likely.",
    )
    rows = {sid: (src, surf) for sid, src, _, surf, _ in _rows(art)}
    assert rows["s2"] == ("Ann Lee", "")
    assert rows["s3"] == ("Ann Lee", "she")
    assert rows["s4"][0] != "men"  # the object before "and" does not speak


def test_appositive_and_joined_verb_rules_stop_at_other_clauses(make_article):
    art = make_article(
        "Town news",
        "Mrs. Ann Molvar, who kept repeating her request that they “take a stand”, said the board must act. "
        "Back home in Coolidge, Ariz., his wife, Mary, said the men had left. "
        "In Brinkley, Ark. -- A local teacher, now serving in the Legislature, said the law was needed. "
        "Tom Ruiz made a fine play in the fourth and Jim Wert came up with good stops and said it was easy. "
        "Housewives are finding hundreds of ways to use the old designs.",
    )
    rows = [(sid, src) for sid, src, *_ in _rows(art)]
    assert ("s2", "Ann Molvar") in rows  # the name before the nearest comma, whatever the appositive holds
    assert not any(src in ("Coolidge", "Brinkley") for _, src in rows)  # a name after "in", or before a dash
    assert not any(sid == "s5" and src == "Tom Ruiz" for sid, src in rows)  # another clause comes between
    assert not any(sid == "s6" for sid, _ in rows)  # "are finding ways": not a report


def test_an_inverted_verb_follows_a_quotation_or_a_comma_only(make_article):
    art = make_article(
        "Crash news",
        "The station said John Smith, 45, was killed in the crash. "
        "“It was roughly the same advantage as last month,” reported Reuters. "
        "“It was a mistake,” admitted Tom Baker.",
    )
    rows = {sid: src for sid, src, *_ in _rows(art)}
    assert rows["s2"] == "the station"  # John Smith is who the station reported on, not the source
    assert rows["s3"] == "Reuters" and rows["s4"] == "Tom Baker"


def test_a_participle_takes_a_common_noun_subject_that_opens_the_sentence(make_article):
    art = make_article(
        "Court news",
        "A federal judge has rejected the request to open the file, saying the courts have no business in it. "
        "The weather turned cold on Monday, forcing schools to close.",
    )
    rows = {sid: (src, kind) for sid, src, kind, _, _ in _rows(art)}
    assert rows["s2"][0] == "a federal judge"
    assert "s3" not in rows  # "forcing" reports nothing


def test_a_report_verb_ending_the_sentence_after_a_comma_is_a_verb(make_article):
    # the tagger reads sentence-final "maintains" and "shows" after a noun as plural nouns
    art = make_article(
        "Health news",
        "Secrecy is nothing new in the campaign, the candidate's former doctor maintains. "
        "Donations rose to a record in August, an analysis of the filings shows.",
    )
    rows = {sid: (src, cue) for sid, src, _, _, _, cue in
            ((r.sentence_id, r.source, r.kind, r.surface, r.resolution, r.cue) for r in base_attribution_rows(art))}
    assert rows["s2"][1] == "maintains" and "doctor" in rows["s2"][0]
    assert rows["s3"][1] == "shows"


def test_an_inferential_participle_after_a_comma_has_no_speaker(make_article):
    # "signalling", "indicating" read the whole clause before them, mostly in the writer's voice
    art = make_article(
        "Policy news",
        "Senator Ann Lee fired the director, signalling a shift in policy. "
        "Reports suggest the rules will change, indicating a harder line. "
        "Senator Ann Lee defended the move, saying it was overdue.",
    )
    cues = [(r.sentence_id, r.cue.lower()) for r in base_attribution_rows(art)]
    assert not any(cue in ("signalling", "indicating") for _, cue in cues)
    assert ("s4", "saying") in cues


def test_review_cases_where_the_new_rules_must_stay_silent_or_keep_the_speaker(make_article):
    art = make_article(
        "Court news",
        "The question facing Tom Baker is saying no to donors. "
        "Tom Baker's strategy is arguing that the law is unconstitutional. "
        "Responding to Tom Baker, the company, which is based in Ohio, said it would appeal. "
        "Tom Baker and his lawyer said the charges were false. "
        "“We have done our job,” Ann Lee said, adding that the vote was fair. "
        "Ann Lee spoke to reporters on Tuesday, confirming that she would run. "
        "The company denied wrongdoing, pointing to its insurance claims. "
        "The bridge will reopen next month, according to John F. Kennedy, the former mayor.",
    )
    rows = [(r.sentence_id, r.source, r.cue.lower()) for r in base_attribution_rows(art)]
    assert not any(sid in ("s2", "s3") for sid, _, _ in rows)  # a copula and a gerund: nobody speaks
    assert not any(sid == "s4" and src == "Tom Baker" for sid, src, _ in rows)  # Baker is in the opening clause
    assert ("s5", "Tom Baker", "said") in rows  # the first of a joint subject
    assert ("s6", "Ann Lee", "adding") in rows  # the opening quotation's "have" is not the sentence's verb
    assert ("s7", "Ann Lee", "confirming") in rows
    assert not any(cue == "claims" for _, _, cue in rows)  # a plural noun ending a sentence stays a noun
    assert ("s9", "John F. Kennedy", "according to") in rows  # the initial's full stop is inside the name


def test_a_source_written_as_an_acronym_shows_it_after_the_name(make_article):
    art = make_article(
        "School news",
        "The walk-in was organised by the Alliance to Reclaim Our Schools (AROS). "
        "AROS said it had set up such an event three times. "
        "The Alliance to Reclaim Our Schools said more would follow.",
    )
    shown = {r["sentence_id"]: (r["source"], r["resolution"]) for r in framing_section(art)["attributions"]}
    assert shown["s3"] == ("Alliance to Reclaim Our Schools (AROS)", "acronym")
    assert shown["s4"] == ("Alliance to Reclaim Our Schools", "")  # written out in full: nothing to add


# ---------------------------------------------------------------- headlines and speaker labels


def test_a_name_and_a_colon_label_the_speaker(make_article):
    # a headline's names are those the body names (its capitals make name spans unreliable)
    art = make_article(
        "Pat Caddell: Democrat Voters Worried About Clinton's Health",
        "PENCE: We will win this race in November.",
        "Congress: more muscle was the theme last week. Brexit: What happens next is unclear.",
        "The pollster Pat Caddell spoke to Mike Pence and Hillary Clinton on Thursday.",
    )
    rows = [(r.sentence_id, r.source, r.cue, r.mode) for r in base_attribution_rows(art)]
    assert rows == [("s1", "Pat Caddell", ":", "speaker_label"), ("s2", "Mike Pence", ":", "speaker_label")]
    assert base_attribution_rows(art)[0].claim == "Democrat Voters Worried About Clinton's Health"


def test_a_headlines_report_is_its_finite_verb(make_article):
    # a headline is set in capitals: tagged again, "Says" is a verb; "Will Tell" and "Asking" are not its report
    art = make_article("Obama Says Museum Will Tell of 'Suffering and Delight'", "Obama opened the museum on Saturday.")
    assert [(r.source, r.cue) for r in base_attribution_rows(art)] == [("Obama", "Says")]
    assert _speakers(art) == [("Suffering and Delight", "Obama")]
    art = make_article("Trump Could Address Clean Energy, Lindsey Graham Says", "Lindsey Graham spoke in Ohio.")
    assert [(r.source, r.cue) for r in base_attribution_rows(art)] == [("Lindsey Graham", "Says")]
    # a headline subject the body does not name is not a source ("Voters Say …" is not a named speaker)
    art = make_article("Voters Say Obama Will Win", "Polls opened on Saturday.")
    assert base_attribution_rows(art) == ()


def test_a_relative_clause_without_who_between_the_speaker_and_the_verb(make_article):
    art = make_article(
        "News",
        "All the experts I interviewed said the plan was detailed. The man he shot said nothing. "
        "The voters she met say they are worried. He said the results were late.",
    )
    assert [(r.source, r.cue) for r in base_attribution_rows(art)] == [
        ("the experts", "said"), ("the man", "said"), ("the voters", "say"), ("he", "said")]


def test_a_report_verb_the_tagger_reads_as_a_noun_after_a_name(make_article):
    # "notes" and "reports" after a name are tagged as plural nouns
    art = make_article("News", "Mr. Kevin McKinley notes that rates are low. Reuters reports that the talks failed. "
                               "The Reuters reports, which ran on Monday, were long.")
    assert [(r.sentence_id, r.source, r.cue) for r in base_attribution_rows(art)] == [
        ("s2", "Kevin McKinley", "notes"), ("s3", "Reuters", "reports")]


def test_unnamed_sources_close_to_someone(make_article):
    art = make_article(
        "News",
        "Mike Lee spoke. A person close to the family said she was ill. Aides close to Lee said he was angry. "
        "Those close to him say he will run. People familiar with the matter said the deal was off. "
        "The house close to the river, which flooded, said nothing. Two people with knowledge of the talks said a "
        "deal was near.",
    )
    assert [(r.sentence_id, r.source, r.kind) for r in base_attribution_rows(art)] == [
        ("s3", "a person close to the family", "anonymous"),
        ("s4", "aides close to Lee", "anonymous"),  # as written
        ("s5", "those close to him", "anonymous"),
        ("s6", "people familiar with the matter", "anonymous"),  # once: the verb's row replaces the listed cue's
        ("s8", "two people with knowledge of the talks", "anonymous"),
    ]


def test_a_document_word_and_a_colon_credit_a_poll(make_article):
    art = make_article("Poll: Wealthy Voters Abandon Republicans", "A poll of 900 voters was published on Monday.",
                       "Report: the numbers were high.")
    assert [(r.sentence_id, r.source, r.kind, r.mode) for r in base_attribution_rows(art)] == [
        ("s1", "Poll", "document", "speaker_label")]
    art = make_article("Reports: 'Streamlined' Asylum Process to Replace Interviews", "The Home Office spoke.")
    assert [(r.source, r.kind) for r in base_attribution_rows(art)] == [("Reports", "vague")]


BODY = ("Donald Trump spoke on Monday. Trump said the suspect fled. Nancy Pelosi responded, and Pelosi said she was "
        "worried. Vladimir Putin met Joe Biden and Kamala Harris, and Biden spoke. Putin and Harris left.")


@pytest.mark.parametrize("headline", [
    "Putin Said to Be Ill", "Trump Accused of Lying by Pelosi", "Biden Told He Must Quit", "Biden Urged to Quit Race",
    "Trump Called a Liar by Pelosi",  # passives with the auxiliary dropped
    "Trump Comments Spark Outrage", "Pelosi Remarks Draw Fire", "Trump Claims Rejected by Court",  # plural nouns
    "Trump Claims About Crime Are False", "Biden Remarks on China Draw Fire",  # a speech noun before a preposition
    "Trump Aide Says He Knew", "Putin Ally Says War Will End",  # the name modifies the speaker
    "Trump Says", "Trump: A Life in Pictures",  # nothing said; a book title
    "Analysis: Biden Faces Tough Choices in Ohio", "Review: The New Film Is a Triumph",  # rubrics, not sources
    "Kamala Harris: The Woman Who Would Be President", "Joe Biden: How He Won the White House",  # profiles
])
def test_headlines_that_credit_no_named_speaker(make_article, headline):
    art = make_article(headline, BODY)
    assert [r for r in base_attribution_rows(art) if r.sentence_id == "s1"] == []


@pytest.mark.parametrize("headline, source", [
    ("Trump Says He Will Run Again", "Donald Trump"), ("Biden Says Putin Lied", "Joe Biden"),
    ("Trump Claims Fraud", "Donald Trump"), ("Pelosi: Trump Lied About Taxes", "Nancy Pelosi"),
    ("Trump Said He Would Run Again in 2024", "Donald Trump"), ("Trump Calls Report Fake", "Donald Trump"),
    ("Trump Claims Win in Iowa", "Donald Trump"), ("Trump: Biden a Disaster for America", "Donald Trump"),
])
def test_headlines_that_credit_a_named_speaker(make_article, headline, source):
    art = make_article(headline, BODY)
    assert [r.source for r in base_attribution_rows(art) if r.sentence_id == "s1"] == [source]


def test_speaker_labels_datelines_titles_and_capitals(make_article):
    art = make_article(
        "News",
        "WASHINGTON: The Senate voted on Tuesday to honour George Washington.",
        "Sen. Bernie Sanders and John McCain spoke.",
        "Sen. Sanders: That is not what the polls say at all.",
        "MCCAIN: We will win this race.",
    )
    rows = [(r.sentence_id, r.source, r.mode) for r in base_attribution_rows(art) if r.mode == "speaker_label"]
    assert rows == [("s4", "Bernie Sanders", "speaker_label"), ("s5", "John McCain", "speaker_label")]


def test_transcript_labels_that_are_also_places_and_the_opening_dateline(make_article):
    art = make_article(
        "Senate hearing",
        "WASHINGTON: The Senate voted on Tuesday to honour George Washington.",
        "Elizabeth Warren and Lloyd Austin spoke on Tuesday.",
        "WARREN: Where did the money go, Secretary?",
        "AUSTIN: We are looking into that right now.",
    )
    assert [(r.sentence_id, r.source) for r in base_attribution_rows(art) if r.mode == "speaker_label"] == [
        ("s4", "Elizabeth Warren"), ("s5", "Lloyd Austin")]


def test_unnamed_sources_and_opening_phrases(make_article):
    art = make_article(
        "News",
        "Joe Biden spoke. An adviser close to Biden said he would not run. After the meeting she went on to say the "
        "talks had failed. The Pentagon reports that two soldiers died.",
    )
    rows = [(r.sentence_id, r.source, r.cue) for r in base_attribution_rows(art)]
    assert ("s3", "an adviser close to Biden", "said") in rows
    assert not [r for r in rows if r[1] == "the meeting"]
    assert ("s5", "Pentagon", "reports") in rows


def test_a_company_or_a_suffix_with_an_abbreviation_stop_before_the_verb(make_article):
    art = make_article("News", "Apple Inc. said prices rose. A spokesman for McDonald's Corp. said prices rose. "
                               "A spokeswoman for Hillary Clinton says the speech is ready.")
    rows = [(r.sentence_id, r.source, r.kind) for r in base_attribution_rows(art)]
    assert rows == [("s2", "Apple Inc", "named_org"), ("s3", "a spokesman for McDonald's Corp", "anonymous"),
                    ("s4", "a spokeswoman for Hillary Clinton", "anonymous")]
    # a name with "&" or two abbreviations is not cut into a source; a brand name keeps its capitals
    art = make_article("News", "Analysts at JPMorgan Chase & Co. said the deal was risky. A spokesperson for Nintendo "
                               "Co. Ltd. said the console sold well. A spokeswoman for eBay said sales rose.")
    rows = [(r.sentence_id, r.source) for r in base_attribution_rows(art)]
    assert ("s2", "analysts at JPMorgan Chase & Co") in rows
    assert ("s3", "a spokesperson for Nintendo Co. Ltd") in rows
    assert ("s4", "a spokeswoman for eBay") in rows
    # a middle initial, "&" between initials and a web name stay inside the name
    art = make_article("News", "A lawyer for George W. Bush said the memo was fake. A spokeswoman for AT&T said the "
                               "outage was fixed. A spokesman for Amazon.com said the order shipped. Procter & Gamble "
                               "Co. said sales rose.")
    assert [(r.sentence_id, r.source) for r in base_attribution_rows(art)] == [
        ("s2", "a lawyer for George W. Bush"), ("s3", "a spokeswoman for AT&T"), ("s4", "a spokesman for Amazon.com"),
        ("s5", "Procter & Gamble Co")]


def test_a_place_before_a_noun_is_not_the_speaker(make_article):
    art = make_article("News", "Chicago police said the man fled. St. Louis police said the same. Britain has said "
                               "no. AT&T said the outage was fixed.")
    assert [(r.sentence_id, r.source) for r in base_attribution_rows(art)] == [
        ("s2", "Chicago police"), ("s3", "St. Louis police"), ("s4", "Britain"), ("s5", "AT&T")]
