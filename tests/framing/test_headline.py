"""The head (teaser, headline, standfirst) against the body: constructed articles and the seed."""

from __future__ import annotations

from analysis import parse_article
from analysis.framing import headline
from analysis.output.summary import framing_section


def test_head_claim_unsupported_by_body(make_article):
    art = make_article("Troops storm the capital", "The council met on Monday. It approved the budget.")
    t = headline.headline_vs_body(art)
    frame = t[(t["aspect"] == "frame") & (t["item"] == "security_defense")].iloc[0]
    assert frame["flag"] == "not in body" and frame["head_sentence_ids"] == ["s1"]
    words = t[t["aspect"] == "word"].set_index("item")
    # issue 15: content words are compared (no support listed) but only actors, roles, terms and frames are flagged
    assert words.loc["storm", "flag"] == "" and words.loc["storm", "supported_by"] == ""
    assert set(headline.unsupported(art)["flag"]) == {"not in body"}
    assert set(headline.unsupported(art)["nearest_body_sentence_id"]) <= {"s2", "s3", ""}


def test_synonyms_and_derived_forms_support_the_head(make_article):
    art = make_article("Council approves budget", "The approval of the budget came late. The council voted.")
    words = headline.headline_vs_body(art, aspects=("word",)).set_index("item")
    assert words.loc["approve", "flag"] == "" and words.loc["approve", "supported_by"] == "approval"
    assert words.loc["budget", "flag"] == ""


def test_no_head():
    art = parse_article("The plan starts in June. It ends in July.")
    assert headline.head_sentence_ids(art) == []
    assert headline.headline_vs_body(art).empty
    assert framing_section(art)["headline_vs_body"]["unsupported"] == []


def test_seed_head_against_body(seed):
    assert headline.head_sentence_ids(seed) == ["s1", "s2", "s3", "s4"]
    t = headline.headline_vs_body(seed)
    frames = t[t["aspect"] == "frame"].set_index("item")
    assert frames.loc["conflict", "flag"] == "stronger in head"
    roles = t[t["aspect"] == "role"].set_index("item")
    assert roles.loc["Justice Department as patient", "flag"] == "not in body"  # only the teaser says it was instructed
    assert roles.loc["Pentagon as agent", "flag"] == ""
    terms = t[t["aspect"] == "term"].set_index("item")
    assert terms.loc["sanctuary city", "flag"] == "not in body"  # as the headline writes it, not "sanctuary cit*"
    assert not t["item"].str.contains("*", regex=False).any()
    words = t[t["aspect"] == "word"].set_index("item")
    assert words.loc["intensify", "supported_by"] == "escalation"
    summary = framing_section(seed)["headline_vs_body"]
    assert {"frames", "actors", "roles", "terms", "words", "unsupported", "head_sentence_ids"} <= set(summary)


def test_frame_in_two_typologies_keeps_profile_order(make_article):
    # "morality" is a frame id of both the policy and the generic typology: equal items keep the
    # head profile's order (policy before generic)
    art = make_article("Bishops condemn evil plan", "The council met on Monday. It approved the budget.")
    frames = headline.headline_vs_body(art, aspects=("frame",))
    morality = frames[frames["item"] == "morality"]
    assert list(morality["detail"]) == ["policy: Morality", "generic: Morality"]
    assert set(morality["flag"]) == {"not in body"}


def test_summary_record_matches_the_table(seed):
    t = headline.headline_vs_body(seed)
    summary = framing_section(seed)["headline_vs_body"]
    for aspect in headline.ASPECTS:
        assert [r["item"] for r in summary[f"{aspect}s"]] == list(t.loc[t["aspect"] == aspect, "item"])
    flagged = t[t["flag"] == "not in body"]
    assert [(r["aspect"], r["item"]) for r in summary["unsupported"]] == list(zip(flagged["aspect"], flagged["item"]))
    assert list(summary["unsupported"][0]) == ["aspect", "item", "detail", "head", "body", "head_sentence_ids", "flag",
                                               "supported_by", "nearest_body_sentence_id"]


def test_tables_do_not_share_lists_with_the_cache(seed):
    headline.headline_vs_body(seed)["head_sentence_ids"].iloc[0].append("s999")
    framing_section(seed)["headline_vs_body"]["frames"][0]["head_sentence_ids"].append("s998")
    ids = headline.headline_vs_body(seed)["head_sentence_ids"].iloc[0]
    assert "s999" not in ids and "s998" not in ids


def test_seed_head_variants_are_supported_by_the_body(seed):
    t = headline.headline_vs_body(seed).set_index(["aspect", "item"])
    # "law enforcement" (s4) is in the body as "local law enforcement" (s9)
    assert t.loc[("actor", "law enforcement"), "flag"] == ""
    assert "s9" in t.loc[("actor", "law enforcement"), "body_sentence_ids"]
    # "sanctuaries" (s1) is in the body as "sanctuary" (s8)
    assert t.loc[("term", "sanctuaries"), "flag"] == ""
    assert "s8" in t.loc[("term", "sanctuaries"), "body_sentence_ids"]
    flagged = headline.unsupported(seed)
    assert not ({"law enforcement", "sanctuaries"} & set(flagged["item"]))
    assert (flagged["nearest_body_sentence_id"] != "").all()


def test_actor_and_term_variants(make_article):
    art = make_article("Refugees meet police", "Local police met the refugee families on Monday.")
    t = headline.headline_vs_body(art, aspects=("actor",))
    assert "not in body" not in set(t["flag"])
