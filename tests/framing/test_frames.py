"""Frame profile in three typologies: constructed sentences with known cues, normalisation, head against body, and the seed."""

from __future__ import annotations

import math

import pytest

from analysis import parse_article
from analysis.framing import frames
from analysis.output.summary import framing_section


def test_catalogue_lists_every_frame_of_the_three_typologies():
    cat = frames.frame_catalogue()
    assert cat.groupby("typology").size().to_dict() == {"generic": 5, "immigration": 11, "policy": 15}
    assert not cat.set_index(["typology", "frame"]).loc[("policy", "other"), "measured"]
    # the immigration typology uses the paper's ids
    assert {"hero_worker", "threat_national_cohesion"} <= set(cat["frame"])


def test_security_and_economic_cues(make_article):
    art = make_article("Border news", "Troops guard the border against terrorism. The plan will cost taxpayers millions.")
    cues = frames.frame_cues(art, typology="policy")
    by_frame = cues.groupby("frame")["matched"].apply(list).to_dict()
    assert "Troops" in by_frame["security_defense"] and "terrorism" in by_frame["security_defense"]
    assert "taxpayers" in by_frame["economic"]
    assert set(cues[cues["frame"] == "security_defense"]["sentence_id"]) == {"s2"}
    # a word can be a cue in several typologies, but at most once in each
    assert cues.duplicated(["start", "end"]).sum() == 0
    imm = frames.frame_cues(art, typology="immigration")
    assert "threat_fiscal" in set(imm["frame"])  # "cost taxpayers"


def test_longest_cue_wins(make_article):
    art = make_article("Pensions", "Social security payments rise.")
    cues = frames.frame_cues(art, typology="policy")
    assert list(cues["frame"]) == ["economic"] and list(cues["matched"]) == ["Social security"]


def test_no_cues_means_every_frame_absent_and_no_nan(make_article):
    art = make_article("Cats", "The cat sat on the mat. It slept.")
    prof = frames.frame_profile(art)
    assert (prof["evidence"] == 0).all() and not prof["dominant"].any()
    assert (prof["strength"] == "none").all()
    assert prof.loc[prof["measured"], "absent"].all()
    assert not prof.loc[~prof["measured"], "absent"].any()  # "other" has no cues: not measurable, not "absent"
    assert frames.sentence_frames(art).empty
    assert (frames.generic_questions(art)["answer"] == "no").all()


def test_article_without_head_scores_zero_there():
    art = parse_article("Troops arrived in June. They left in July.")
    head = frames.frame_profile(art, section="head")
    assert (head["n_words"] == 0).all() and (head["score"] == 0).all() and not head["dominant"].any()
    assert all(math.isfinite(x) for x in head["score"])
    body = frames.frame_profile(art, section="body").set_index("frame")
    assert body.loc["security_defense", "weight"] > 0 and body.loc["security_defense", "n_words"] == 8


def test_scores_are_normalised_for_length(make_article):
    short = make_article("News", "Troops arrived.")
    long = make_article("News", "Troops arrived. The weather was mild and the streets were quiet all day.")
    s1 = frames.frame_profile(short, section="body").set_index("frame").loc["security_defense"]
    s2 = frames.frame_profile(long, section="body").set_index("frame").loc["security_defense"]
    # "troops" is a strong cue (2), doubled in the first paragraph (HEAD_WEIGHT)
    assert s1["weight"] == s2["weight"] == 2 * frames.HEAD_WEIGHT
    assert s1["evidence"] == pytest.approx(100 * 4 / 2) and s2["evidence"] == pytest.approx(100 * 4 / 13, abs=0.01)


def test_section_keyword_is_checked(seed):
    with pytest.raises(ValueError):
        frames.frame_profile(seed, section="headline")


def test_generic_questions_answer_with_evidence(make_article):
    art = make_article("Row", "Critics accused the minister of lying. Both sides dug in. The sun rose.")
    q = frames.generic_questions(art).set_index("question_id")
    assert q.loc["conflict_2", "answer"] == "yes" and q.loc["conflict_2", "sentence_ids"] == ["s2"]
    assert q.loc["conflict_3", "answer"] == "yes" and q.loc["conflict_3", "cues"] == ["both sides"]
    assert q.loc["morality_2", "answer"] == "no" and q.loc["morality_2", "sentence_ids"] == []
    prof = frames.frame_profile(art, typology="generic").set_index("frame")
    assert prof.loc["conflict", "questions_yes"] >= 2 and prof.loc["conflict", "questions"] == 4


def test_cues_in_a_picture_caption_are_not_counted(make_article):
    art = make_article("Row over schools", "Protesters outside the school on May 2. Image: Ann Lee.",
                       "The council closed the school. Critics accused the council of lying.")
    cues = frames.frame_cues(art)
    caption = cues[cues["sentence_id"].isin(["s2", "s3"])]
    assert not caption.empty and not caption["counted"].any()
    assert set(caption["not_counted"]) == {"picture caption"}
    assert cues[cues["sentence_id"] == "s5"]["counted"].any()


def test_seed_dominant_and_absent_frames(seed):
    prof = frames.frame_profile(seed)
    dom = set(prof[prof["dominant"]]["frame"])
    assert {"conflict", "security_defense"} <= dom
    absent = set(prof[prof["absent"]]["frame"])
    assert "human_interest" in absent and "hero_worker" in absent
    # every score lists its evidence: sentence ids and matched cue words
    ids = {s.id for s in seed.sentences}
    used = prof[prof["weight"] > 0]
    assert all(r.sentence_ids and r.cues and set(r.sentence_ids) <= ids for r in used.itertuples())
    sec = prof.set_index("frame").loc["security_defense"]
    assert {"pentagon", "troops"} <= set(sec["cues"]) and "s10" in sec["sentence_ids"]


def test_seed_head_scored_apart_from_body(seed):
    head = frames.frame_profile(seed, section="head").set_index("frame")
    body = frames.frame_profile(seed, section="body").set_index("frame")
    assert head["n_words"].iloc[0] + body["n_words"].iloc[0] == frames.frame_profile(seed)["n_words"].iloc[0]
    assert set(head.loc["security_defense", "sentence_ids"]) <= {"s1", "s2", "s3", "s4"}
    assert head.loc["conflict", "score"] > body.loc["conflict", "score"] > 0


def test_sentence_frames_and_summary_frame_records(seed):
    per = frames.sentence_frames(seed)
    s10 = per[(per["sentence_id"] == "s10") & (per["frame"] == "security_defense")].iloc[0]
    assert "Pentagon" in s10["cues"] and s10["score"] == pytest.approx(100 * s10["weight"] / s10["n_words"], abs=0.01)
    recs = framing_section(seed)["frames"]
    assert len(recs) == len(frames.frame_catalogue())
    assert {"typology", "frame", "score", "sentence_ids", "cues", "head_score", "body_score"} <= set(recs[0])


@pytest.mark.parametrize("section", frames.SECTIONS)
def test_profile_and_questions_agree_with_the_cue_table(seed, section):
    # the scores are computed from grouped cues; recompute them from the evidence table with pandas
    cues = frames.frame_cues(seed)
    cues = cues[cues["counted"]]  # negated, repeated and wrong-role cues are listed but not counted
    if section != "all":
        cues = cues[cues["section"] == section]
    order = {s.id: s.index for s in seed.sentences}
    prof = frames.frame_profile(seed, section=section).set_index(["typology", "frame"])
    for (typ, frame), grp in cues.groupby(["typology", "frame"]):
        row = prof.loc[(typ, frame)]
        assert row["weight"] == grp["weight"].sum() and row["n_cues"] == len(grp)
        assert row["sentence_ids"] == sorted(set(grp["sentence_id"]), key=order.get)
        counts = grp["matched"].str.lower().value_counts()
        assert row["cues"] == sorted(counts.index, key=lambda w: (-counts[w], w))
    assert set(prof.index[prof["n_cues"] > 0]) == set(cues.groupby(["typology", "frame"]).groups)
    q = frames.generic_questions(seed, section=section).set_index("question_id")
    weights = cues[cues["typology"] == "generic"].groupby("question_id")["weight"].sum()
    cue_only = [k for k in q.index if k not in frames.ACTOR_QUESTIONS]  # those also count actor evidence
    assert q.loc[cue_only, "weight"].to_dict() == {k: int(weights.get(k, 0)) for k in cue_only}
    yes = q[q["answer"] == "yes"].groupby("frame").size()
    generic = prof.loc["generic"]
    assert generic["questions_yes"].to_dict() == {f: int(yes.get(f, 0)) for f in generic.index}


def test_profile_ranks_within_each_typology(seed):
    prof = frames.frame_profile(seed)
    assert list(dict.fromkeys(prof["typology"])) == list(frames.TYPOLOGIES)
    for _, grp in prof.groupby("typology", sort=False):
        assert list(grp["rank"]) == list(range(1, len(grp) + 1))
        keys = list(zip(-grp["score"], -grp["weight"], grp["frame"]))
        assert keys == sorted(keys)  # ties on score and weight go by frame id
    assert prof["rank"].dtype == "int64" and prof["dominant"].dtype == bool


def test_unknown_typology_gives_an_empty_profile_with_the_usual_dtypes(seed):
    prof = frames.frame_profile(seed, typology="nope")
    assert prof.empty and list(prof.columns) == list(frames.frame_profile(seed).columns)
    assert prof["rank"].dtype == "int64" and prof["dominant"].dtype == bool


def test_sentence_frames_agree_with_the_cue_table(seed):
    per = frames.sentence_frames(seed)
    cues = frames.frame_cues(seed)
    cues = cues[cues["counted"]]
    sums = cues.groupby(["sentence_id", "typology", "frame"])["weight"].sum()
    assert per.set_index(["sentence_id", "typology", "frame"])["weight"].to_dict() == sums.to_dict()
    assert list(per["position"]) == sorted(per["position"])
    assert frames.sentence_frames(seed, typology="generic").equals(
        per[per["typology"] == "generic"].reset_index(drop=True))


def test_results_do_not_share_lists_with_the_cache(seed):
    q = frames.generic_questions(seed)
    q["sentence_ids"].iloc[0].append("s999")
    q["cues"].iloc[0].append("zzz")
    again = frames.generic_questions(seed)
    assert "s999" not in again["sentence_ids"].iloc[0] and "zzz" not in again["cues"].iloc[0]


@pytest.mark.parametrize("section", ["all", "head", "body"])
def test_profile_rows_are_the_profile_table(seed, section):
    table = frames.frame_profile(seed, section=section)
    assert [list(r) for r in frames.profile_rows(seed, section=section)] == table.values.tolist()


def test_profile_and_records_do_not_share_lists_with_the_cache(seed):
    prof = frames.frame_profile(seed)
    prof["sentence_ids"].iloc[0].append("s999")
    framing_section(seed)["frames"][0]["cues"].append("zzz")
    first = frames.profile_rows(seed)[0]
    assert "s999" not in first.sentence_ids and "zzz" not in first.cues


# --- issue 15: negation, one count per sentence, roles, weak frames, calibrated ranking, actor evidence


def test_negated_cue_does_not_count(make_article):
    art = make_article("Town news", "The mayor said there was no terrorism in the town. Nothing else happened today.")
    cues = frames.frame_cues(art, typology="policy")
    row = cues[cues["matched"] == "terrorism"].iloc[0]
    assert not row["counted"] and row["not_counted"] == "negated"
    prof = frames.frame_profile(art, typology="policy").set_index("frame")
    assert prof.loc["security_defense", "weight"] == 0 and prof.loc["security_defense", "absent"]


def test_a_cue_counts_once_per_sentence(make_article):
    art = make_article("Town news", "Quiet week.\n\nTroops, troops and more troops filled the square.")
    cues = frames.frame_cues(art, typology="policy")
    troops = cues[cues["matched"].str.lower() == "troops"]
    assert len(troops) == 3 and troops["counted"].sum() == 1
    assert set(troops.loc[~troops["counted"], "not_counted"]) == {"repeated in sentence"}


def test_threat_frame_needs_immigrants_as_the_source_of_the_threat(make_article):
    # raids aimed at migrants: migrants are the ones threatened, not the threat
    art = make_article("City news", "Quiet week.\n\nAgents carried out raids on homes where migrants live.")
    imm = frames.frame_profile(art, typology="immigration").set_index("frame")
    assert imm.loc["threat_public_order", "weight"] == 0
    # migrants as the actors of the crime: the threat frame counts
    art2 = make_article("City news", "Quiet week.\n\nThe report said migrants committed crimes in the city.")
    cues = frames.frame_cues(art2, typology="immigration")
    assert cues[cues["frame"] == "threat_public_order"]["counted"].any()


def test_victim_frame_needs_immigrants_as_the_ones_harmed(make_article):
    art = make_article("City news", "Quiet week.\n\nThe conflict between the two police unions went on.")
    assert frames.frame_profile(art, typology="immigration").set_index("frame").loc["victim_war", "weight"] == 0


def test_one_or_two_weak_cues_make_a_weak_frame_never_dominant(make_article):
    art = make_article("Town news", "Quiet week.\n\nThe rally was small. The weather was mild and the streets calm.")
    pol = frames.frame_profile(art, typology="policy").set_index("frame")
    assert pol.loc["public_opinion", "strength"] == "weak" and not pol.loc["public_opinion", "dominant"]


def test_policy_scores_rank_by_calibrated_evidence(seed):
    pol = frames.frame_profile(seed, typology="policy")
    assert list(pol["rank"]) == list(range(1, len(pol) + 1))
    assert list(pol["score"]) == sorted(pol["score"], reverse=True)
    # frames with evidence always outrank the same frame without: the score grows with the evidence
    assert (pol.loc[pol["evidence"] > 0, "score"] > 0).all()


def test_seed_frames_that_misread_the_roles_are_not_dominant(seed):
    prof = frames.frame_profile(seed)
    dom = set(prof[prof["dominant"]]["frame"])
    assert "threat_public_order" not in dom and "victim_war" not in dom and "victim_humanitarian" not in dom
    cues = frames.frame_cues(seed, typology="immigration")
    assert set(cues.loc[cues["matched"] == "raids", "not_counted"]) == {"role"}


def test_seed_responsibility_and_conflict_questions_answered_yes_with_sentences(seed):
    q = frames.generic_questions(seed).set_index("question_id")
    assert q.loc["responsibility_2", "answer"] == "yes"
    assert {"s1", "s5", "s6"} <= set(q.loc["responsibility_2", "sentence_ids"])
    assert q.loc["conflict_3", "answer"] == "yes"
    assert {"s8", "s9"} <= set(q.loc["conflict_3", "sentence_ids"])


def test_responsibility_needs_a_government_actor(make_article):
    art = make_article("Weather", "Quiet week.\n\nThe river rose. The farmers moved their cattle. The rain stopped.")
    q = frames.generic_questions(art).set_index("question_id")
    assert q.loc["responsibility_2", "answer"] == "no"
    art2 = make_article("Policy", "Quiet week.\n\nThe Home Office cut the budget. Governor Ann Lee closed two clinics.")
    q2 = frames.generic_questions(art2).set_index("question_id")
    assert q2.loc["responsibility_2", "answer"] == "yes"
