"""Frame profile of an article in three typologies (policy frames, generic news frames, immigration frames): cue words matched per sentence, scores normalised for length, dominant and absent frames, each score with its evidence."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .article import Article
from .lexicons import load_lexicon, match_terms
from .quotes import in_quotes
from .tokens import sentence_tokens

__all__ = [
    "TYPOLOGIES",
    "SECTIONS",
    "HEAD_PARTS",
    "DOMINANT_SHARE",
    "YES_THRESHOLD",
    "frame_catalogue",
    "frame_cues",
    "sentence_frames",
    "frame_profile",
    "generic_questions",
    "dominant_frames",
    "summary_records",
    "section_of",
]

#: typology id -> (lexicon file, short name, source of the typology).
TYPOLOGIES: dict[str, tuple[str, str, str]] = {
    "policy": ("frames_policy", "Policy frames",
               "Media Frames Corpus codebook (Boydstun et al. 2014; Card et al. 2015)"),
    "generic": ("frames_generic", "Generic news frames", "Semetko & Valkenburg (2000)"),
    "immigration": ("frames_immigration", "Immigration frames",
                    "Mendelsohn, Budak & Jurgens (2021), after Benson (2013)"),
}
_GENERIC_LABELS = {
    "conflict": "Conflict",
    "human_interest": "Human interest",
    "economic_consequences": "Economic consequences",
    "morality": "Morality",
    "responsibility": "Attribution of responsibility",
}
#: Parts of an article read before its body: they are scored apart from the body.
HEAD_PARTS = ("teaser", "headline", "standfirst")
SECTIONS = ("all", "head", "body")
#: A frame is dominant when its score is at least this share (two-thirds) of its typology's top score.
DOMINANT_SHARE = 2 / 3
#: Least summed cue weight for a dominant frame, and for a "yes" to a generic frame's question.
YES_THRESHOLD = 2
_PLACEHOLDER = "__none__"


def section_of(part: str) -> str:
    """``head`` for teaser, headline and standfirst; ``body`` otherwise."""
    return "head" if part in HEAD_PARTS else "body"


@lru_cache(maxsize=4)
def _lexicon(typology: str) -> pd.DataFrame:
    name = TYPOLOGIES[typology][0]
    lex = load_lexicon(name)
    lex = lex[lex["term"] != _PLACEHOLDER].copy()
    lex["weight"] = pd.to_numeric(lex["weight"], errors="coerce").fillna(1).astype(int)
    return lex.reset_index(drop=True)


@lru_cache(maxsize=1)
def _catalogue() -> pd.DataFrame:
    rows = []
    for typology, (name, _, _) in TYPOLOGIES.items():
        lex = load_lexicon(name)
        for frame in dict.fromkeys(lex["category"]):
            sub = lex[lex["category"] == frame]
            if typology == "generic":
                label, group = _GENERIC_LABELS.get(frame, frame.replace("_", " ").capitalize()), ""
                questions = sub.drop_duplicates("question_id").sort_values("question_id")
                n_q = len(questions)
            else:
                label = sub["label"].iloc[0]
                group = sub["family"].iloc[0] if "family" in sub else ""
                n_q = 0
            measured = bool((sub["term"] != _PLACEHOLDER).any())
            rows.append((typology, frame, label, group, n_q, measured))
    frame = pd.DataFrame(rows, columns=["typology", "frame", "label", "group", "questions", "measured"])
    frame["order"] = range(len(frame))
    return frame


def frame_catalogue() -> pd.DataFrame:
    """Every frame of the three typologies, whether or not an article uses it.

    Columns: typology (policy, generic, immigration), frame (id), label, group (threat, victim or
    hero for immigration frames), questions (coding questions of a generic frame), measured
    (False for the policy frame ``other``, which has no cue words), order.

    >>> cat = frame_catalogue()
    >>> cat.groupby("typology", sort=False).size().to_dict()
    {'policy': 15, 'generic': 5, 'immigration': 11}
    """
    return _catalogue().copy()


_CUE_COLUMNS = ["typology", "frame", "label", "cue", "matched", "weight", "question_id", "sentence_id", "part",
                "section", "start", "end", "in_quotes"]


@lru_cache(maxsize=16)
def _frame_cues(article: Article) -> pd.DataFrame:
    cat = _catalogue().set_index(["typology", "frame"])
    part_of = {s.id: s.part for s in article.sentences}
    frames = []
    for typology in TYPOLOGIES:
        lex = _lexicon(typology)
        m = match_terms(article, lex)
        if m.empty:
            continue
        extra = ["weight"] + (["question_id"] if "question_id" in lex else [])
        info = lex.drop_duplicates(["term", "category"]).set_index(["term", "category"])[extra]
        m = m.join(info, on=["term", "category"])
        if "question_id" not in m:
            m["question_id"] = ""
        m["typology"] = typology
        frames.append(m)
    if not frames:
        return pd.DataFrame(columns=_CUE_COLUMNS)
    m = pd.concat(frames, ignore_index=True)
    m = m.rename(columns={"category": "frame", "term": "cue"})
    m["label"] = [cat.loc[(t, f), "label"] for t, f in zip(m["typology"], m["frame"])]
    m["part"] = m["sentence_id"].map(part_of)
    m["section"] = m["part"].map(section_of)
    m["in_quotes"] = [in_quotes(article, a, b) is not None for a, b in zip(m["start"], m["end"])]
    m["weight"] = m["weight"].astype(int)
    return m[_CUE_COLUMNS].sort_values(["start", "typology", "frame"], kind="mergesort").reset_index(drop=True)


def frame_cues(article: Article, *, typology: str | None = None) -> pd.DataFrame:
    """Every frame cue found in the article: the evidence behind every frame score.

    Each typology is matched on its own (a word may be a cue in several typologies, at most once
    in each; the longest cue wins). Cues inside quotation marks count too (``in_quotes`` says so):
    whom an article quotes is part of its framing.

    Columns: typology, frame, label, cue (the lexicon term), matched (as written), weight (1 or 2),
    question_id (generic frames), sentence_id, part, section (head or body), start, end,
    in_quotes.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nTroops guard the border against terrorism.")
    >>> sorted(set(frame_cues(a, typology="policy")["frame"]))
    ['security_defense']
    """
    frame = _frame_cues(article)
    if typology is not None:
        frame = frame[frame["typology"] == typology]
    return frame.reset_index(drop=True).copy()


@lru_cache(maxsize=16)
def _words_per_sentence(article: Article) -> dict[str, int]:
    return {sid: int(t["is_word"].sum()) for sid, t in sentence_tokens(article).items()}


def sentence_frames(article: Article, *, typology: str | None = None) -> pd.DataFrame:
    """Frame scores of each sentence: one row per sentence and frame with at least one cue.

    ``score`` is the summed cue weight per 100 words of the sentence.
    Columns: sentence_id, position (1 = first sentence), part, section, typology, frame, label,
    weight, n_words, score, cues (matched words).
    """
    cues = frame_cues(article, typology=typology)
    cols = ["sentence_id", "position", "part", "section", "typology", "frame", "label", "weight", "n_words", "score",
            "cues"]
    if cues.empty:
        return pd.DataFrame(columns=cols)
    words = _words_per_sentence(article)
    pos = {s.id: s.index + 1 for s in article.sentences}
    rows = []
    for (sid, typ, frame), grp in cues.groupby(["sentence_id", "typology", "frame"], sort=False):
        n = words.get(sid, 0)
        w = int(grp["weight"].sum())
        rows.append((sid, pos[sid], grp["part"].iloc[0], grp["section"].iloc[0], typ, frame, grp["label"].iloc[0], w,
                     n, round(100 * w / n, 2) if n else 0.0, list(grp["matched"])))
    out = pd.DataFrame(rows, columns=cols)
    order = _catalogue().set_index(["typology", "frame"])["order"]
    out["_o"] = [order[(t, f)] for t, f in zip(out["typology"], out["frame"])]
    return out.sort_values(["position", "_o"], kind="mergesort").drop(columns="_o").reset_index(drop=True)


def _section_words(article: Article, section: str) -> tuple[int, set[str]]:
    words = _words_per_sentence(article)
    sids = {s.id for s in article.sentences if section == "all" or section_of(s.part) == section}
    return sum(words.get(s, 0) for s in sids), sids


def generic_questions(article: Article, *, section: str = "all") -> pd.DataFrame:
    """Semetko & Valkenburg's coding questions for the five generic frames, answered from the text.

    A question is answered ``yes`` when the weights of its matched cues reach ``YES_THRESHOLD``
    (one strong cue or two weak ones); every answer lists its sentences and cues.
    Columns: frame, question_id, question, answer (yes/no), weight, sentence_ids, cues.
    """
    lex = _lexicon("generic")
    questions = lex.drop_duplicates("question_id")[["category", "question_id", "question"]]
    cues = frame_cues(article, typology="generic")
    _, sids = _section_words(article, section)
    cues = cues[cues["sentence_id"].isin(sids)]
    order = {s.id: s.index for s in article.sentences}
    rows = []
    for q in questions.itertuples(index=False):
        grp = cues[cues["question_id"] == q.question_id]
        w = int(grp["weight"].sum())
        ids = sorted(set(grp["sentence_id"]), key=order.get)
        rows.append((q.category, q.question_id, q.question, "yes" if w >= YES_THRESHOLD else "no", w, ids,
                     sorted(set(grp["matched"].str.lower()))))
    out = pd.DataFrame(rows, columns=["frame", "question_id", "question", "answer", "weight", "sentence_ids", "cues"])
    frame_order = {f: k for k, f in enumerate(_GENERIC_LABELS)}
    out["_f"] = out["frame"].map(frame_order)
    out["_n"] = out["question_id"].str.rsplit("_", n=1).str[-1].astype(int)
    return out.sort_values(["_f", "_n"], kind="mergesort").drop(columns=["_f", "_n"]).reset_index(drop=True)


_PROFILE_COLUMNS = ["typology", "frame", "label", "group", "weight", "score", "n_cues", "n_sentences",
                    "sentence_ids", "cues", "questions_yes", "questions", "rank", "dominant", "absent", "measured",
                    "section", "n_words"]


def frame_profile(article: Article, *, section: str = "all", typology: str | None = None) -> pd.DataFrame:
    """How strongly the article (or its ``head`` — teaser, headline, standfirst — or its ``body``)
    uses each frame of the three typologies; every frame is listed, used or not.

    ``score`` is the summed cue weight per 100 words of the section, so long and short texts
    compare. Within each typology, ``dominant`` frames score at least ``DOMINANT_SHARE`` of the top
    score with a weight of at least ``YES_THRESHOLD``; ``absent`` frames have no cue at all (the
    policy frame ``other`` has no cue words: ``measured`` is False and it is never absent).
    Generic frames also give how many of their coding questions are answered yes.

    Columns: typology, frame, label, group, weight, score, n_cues, n_sentences, sentence_ids,
    cues (distinct matched words, most frequent first), questions_yes, questions, rank (1 = top of
    its typology), dominant, absent, measured, section, n_words.
    """
    return _frame_profile(article, section, typology).copy()


@lru_cache(maxsize=64)
def _frame_profile(article: Article, section: str, typology: str | None) -> pd.DataFrame:
    if section not in SECTIONS:
        raise ValueError(f"section must be one of {SECTIONS}, not {section!r}")
    n_words, sids = _section_words(article, section)
    cues = frame_cues(article)
    cues = cues[cues["sentence_id"].isin(sids)]
    order = {s.id: s.index for s in article.sentences}
    yes = {}
    if typology in (None, "generic"):
        gq = generic_questions(article, section=section)
        yes = gq[gq["answer"] == "yes"].groupby("frame").size().to_dict()
    rows = []
    for c in _catalogue().itertuples(index=False):
        if typology is not None and c.typology != typology:
            continue
        grp = cues[(cues["typology"] == c.typology) & (cues["frame"] == c.frame)]
        w = int(grp["weight"].sum())
        ids = sorted(set(grp["sentence_id"]), key=order.get)
        counts = grp["matched"].str.lower().value_counts()
        words = sorted(counts.index, key=lambda t: (-counts[t], t))
        rows.append((c.typology, c.frame, c.label, c.group, w, round(100 * w / n_words, 2) if n_words else 0.0,
                     len(grp), len(ids), ids, words, int(yes.get(c.frame, 0)) if c.typology == "generic" else 0,
                     int(c.questions), 0, False, c.measured and w == 0, bool(c.measured), section, n_words))
    out = pd.DataFrame(rows, columns=_PROFILE_COLUMNS)
    for typ, idx in out.groupby("typology", sort=False).groups.items():
        sub = out.loc[idx].sort_values(["score", "weight", "frame"], ascending=[False, False, True], kind="mergesort")
        out.loc[sub.index, "rank"] = range(1, len(sub) + 1)
        top = sub["score"].max() if len(sub) else 0
        out.loc[sub.index, "dominant"] = (sub["score"] > 0) & (sub["weight"] >= YES_THRESHOLD) & (
            sub["score"] >= DOMINANT_SHARE * top)
    out["rank"] = out["rank"].astype(int)
    out["dominant"] = out["dominant"].astype(bool)
    typ_order = {t: k for k, t in enumerate(TYPOLOGIES)}
    out["_t"] = out["typology"].map(typ_order)
    return out.sort_values(["_t", "rank"], kind="mergesort").drop(columns="_t").reset_index(drop=True)


def dominant_frames(article: Article, *, section: str = "all") -> pd.DataFrame:
    """The dominant frames of each typology (see :func:`frame_profile`), strongest first."""
    prof = frame_profile(article, section=section)
    return prof[prof["dominant"]].reset_index(drop=True)


def summary_records(article: Article) -> list[dict]:
    """The ``framing.frames`` list of the JSON summary: one record per frame with its score for
    the whole article, the head and the body, and its evidence."""
    from .summary import records

    full = frame_profile(article)
    head = frame_profile(article, section="head").set_index(["typology", "frame"])
    body = frame_profile(article, section="body").set_index(["typology", "frame"])
    full["head_score"] = [head.loc[(t, f), "score"] for t, f in zip(full["typology"], full["frame"])]
    full["body_score"] = [body.loc[(t, f), "score"] for t, f in zip(full["typology"], full["frame"])]
    return records(full, ["typology", "frame", "label", "score", "weight", "sentence_ids", "cues", "dominant", "absent",
                          "measured", "head_score", "body_score", "questions_yes", "questions", "group"])
