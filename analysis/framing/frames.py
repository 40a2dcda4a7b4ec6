"""Frame profile of an article in three typologies (policy frames, generic news frames, immigration frames): cue words matched per sentence, scores normalised for length, dominant and absent frames, each score with its evidence."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, NamedTuple, Sequence

from analysis.core.lazy import pandas as pd

from ..core.article import Article
from ..core.lexicons import find_terms, lexicon_rows
from ..core.tokens import sentence_words
from .agency import role_rows
from .entities import mention_rows, mentions_by_sentence
from .quote_marks import in_quotes

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
    "FrameRow",
    "profile_rows",
    "generic_questions",
    "dominant_frames",
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
HEAD_PARTS = ("teaser", "headline", "dateline", "standfirst")
SECTIONS = ("all", "head", "body")
#: A frame is dominant when its evidence is at least this share (two-thirds) of its typology's top evidence.
DOMINANT_SHARE = 2 / 3
#: Least summed cue weight for a dominant frame, and for a "yes" to a generic frame's question.
YES_THRESHOLD = 2
_PLACEHOLDER = "__none__"


def section_of(part: str) -> str:
    """``head`` for teaser, headline and standfirst; ``body`` otherwise."""
    return "head" if part in HEAD_PARTS else "body"


def _weight(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 1


@lru_cache(maxsize=4)
def _lexicon(typology: str) -> tuple[dict[str, Any], ...]:
    """A typology's cue rows (the placeholder row of a frame without cues left out), ``weight`` as an int."""
    return tuple({**r, "weight": _weight(r.get("weight", ""))}
                 for r in lexicon_rows(TYPOLOGIES[typology][0]) if r["term"] != _PLACEHOLDER)


@lru_cache(maxsize=4)
def _terms(typology: str) -> tuple[tuple[str, str], ...]:
    """The sorted (term, frame) pairs of a typology's cue words: the key :func:`analysis.core.lexicons.find_terms` takes."""
    return tuple(sorted({(r["term"], r["category"]) for r in _lexicon(typology)}))


_CATALOGUE_COLUMNS = ["typology", "frame", "label", "group", "questions", "measured"]


@lru_cache(maxsize=1)
def _catalogue_rows() -> tuple[tuple[str, str, str, str, int, bool], ...]:
    """The catalogue as plain tuples: typology, frame, label, group, questions, measured (in catalogue order)."""
    rows = []
    for typology, (name, _, _) in TYPOLOGIES.items():
        lex = lexicon_rows(name)
        for frame in dict.fromkeys(r["category"] for r in lex):
            sub = [r for r in lex if r["category"] == frame]
            if typology == "generic":
                label, group = _GENERIC_LABELS.get(frame, frame.replace("_", " ").capitalize()), ""
                n_q = len({r.get("question_id", "") for r in sub})
            else:
                label, group, n_q = sub[0].get("label", ""), sub[0].get("family", ""), 0
            measured = any(r["term"] != _PLACEHOLDER for r in sub)
            rows.append((typology, frame, label, group, n_q, measured))
    return tuple(rows)


def frame_catalogue() -> pd.DataFrame:
    """Every frame of the three typologies, whether or not an article uses it.

    Columns: typology (policy, generic, immigration), frame (id), label, group (threat, victim or
    hero for immigration frames), questions (coding questions of a generic frame), measured
    (False for the policy frame ``other``, which has no cue words), order.

    >>> cat = frame_catalogue()
    >>> cat.groupby("typology", sort=False).size().to_dict()
    {'policy': 15, 'generic': 5, 'immigration': 11}
    """
    frame = pd.DataFrame(list(_catalogue_rows()), columns=_CATALOGUE_COLUMNS)  # a new frame at each call
    frame["order"] = range(len(frame))
    return frame


_CUE_COLUMNS = ["typology", "frame", "label", "cue", "matched", "weight", "question_id", "sentence_id", "part",
                "section", "start", "end", "in_quotes", "counted", "not_counted", "strong"]


class _Cue(NamedTuple):
    """One frame cue found in an article: a row of :func:`frame_cues` (same fields, same order)."""

    typology: str
    frame: str
    label: str
    cue: str
    matched: str
    weight: int
    question_id: str
    sentence_id: str
    part: str
    section: str
    start: int
    end: int
    in_quotes: bool
    counted: bool  # False: negated, repeated in its sentence, or (immigration frames) the wrong role
    not_counted: str  # why not: "", "negated", "repeated in sentence", "role", "picture caption", "credits"
    strong: bool  # a strong cue of its frame (lexicon weight 2)


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    return {(t, f): label for t, f, label, *_ in _catalogue_rows()}


@lru_cache(maxsize=4)
def _cue_info(typology: str) -> dict[tuple[str, str], tuple[int, str]]:
    """(term, frame) -> (weight, question_id) of a typology's lexicon; the first row of a duplicated pair wins."""
    info: dict[tuple[str, str], tuple[int, str]] = {}
    for r in _lexicon(typology):
        info.setdefault((r["term"], r["category"]), (r["weight"], r.get("question_id", "")))
    return info


#: Cue weights in the headline, teaser, standfirst and first body paragraph are multiplied by this: readers
#: meet the frame there first and editors choose those words most carefully (the inverted pyramid; Pan &
#: Kosicki 1993 count headlines and leads as the strongest framing devices).
HEAD_WEIGHT = 2
#: A word among the three before a cue, in the same clause, that negates it ("no threat", "not a crisis").
NEGATORS = frozenset({"not", "n't", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "cannot"})
_NEGATION_WINDOW = 3
#: Word stems that name immigrants as a group: the group whose role decides a threat, victim or hero
#: frame (Mendelsohn, Budak & Jurgens 2021 define those frames by what immigrants do or suffer).
IMMIGRANT_STEMS = ("immigrant", "migrant", "refugee", "emigrant", "asylum-seeker", "newcomer", "foreigner", "alien",
                   "deportee", "undocumented", "dreamers")
_ROLE_WINDOW = 3


def _is_immigrant_word(word: str) -> bool:
    return word.startswith(IMMIGRANT_STEMS) or word in ("seekers", "seeker") 


def _negated(low: Sequence[str], i: int) -> bool:
    """Whether one of the three words before token ``i`` of its sentence negates it (no comma between)."""
    for k in range(i - 1, max(-1, i - 1 - _NEGATION_WINDOW), -1):
        if low[k] in (",", ";", ":", ".", "but"):
            return False
        if low[k] in NEGATORS:
            return True
    return False


def _role_fits(group: str, low: Sequence[str], i: int, j: int, agents: list[int], patients: list[int]) -> bool:
    """Whether an immigration cue at tokens ``i:j`` casts immigrants in its group's role.

    threat and hero frames: immigrants are the ones acting (an immigrant group is the agent of a verb
    before the cue, or an immigrant word just before the cue: "migrant crime", or after it behind
    "by": "crimes by migrants"); victim frames: immigrants are the ones harmed (an immigrant group is a
    patient in the sentence, or an immigrant word just after the cue: "abuse of migrants")."""
    before = [k for k in range(max(0, i - _ROLE_WINDOW), i) if _is_immigrant_word(low[k])]
    after = [k for k in range(j, min(len(low), j + _ROLE_WINDOW)) if _is_immigrant_word(low[k])]
    by_after = any("by" in low[j:k] for k in after)
    if group == "victim":
        return bool(patients) or (bool(after) and not by_after)
    return any(v <= i for v in agents) or bool(before) or by_after


@lru_cache(maxsize=16)
def _immigrant_roles(article: Article) -> dict[str, tuple[list[int], list[int]]]:
    """Sentence id -> (token indexes of verbs an immigrant group is the agent of, [patients' verbs])."""
    out: dict[str, tuple[list[int], list[int]]] = {}
    toks_by = sentence_words(article)
    for r in role_rows(article):
        if not any(_is_immigrant_word(w) for w in r.mention.lower().split()):
            continue
        toks = toks_by.get(r.sentence_id)
        if toks is None:
            continue
        k = bisect_left(toks.start, r.verb_start)
        agents, patients = out.setdefault(r.sentence_id, ([], []))
        (agents if r.role == "agent" else patients).append(k)
    return out


@lru_cache(maxsize=4)
def _groups(typology: str) -> dict[str, str]:
    return {r["category"]: r["family"] for r in _lexicon(typology) if "family" in r}


@lru_cache(maxsize=16)
def _cues(article: Article) -> tuple[_Cue, ...]:
    """Every cue of the three typologies in the order of :func:`frame_cues` (start, typology, frame)."""
    labels = _labels()
    sents = {s.id: s for s in article.sentences}
    body_paras = sorted({s.paragraph for s in article.sentences if s.part == "body"})
    lead = body_paras[0] if body_paras else None
    toks_by = sentence_words(article)
    roles = _immigrant_roles(article)
    found: list[_Cue] = []
    for typology in TYPOLOGIES:
        info = _cue_info(typology)
        groups = _groups(typology)
        seen: set[tuple[str, str, str]] = set()
        for term, frame, sid, a, b, matched, i, j in find_terms(article, _terms(typology)):
            weight, qid = info[(term, frame)]
            strong = weight >= 2
            sent = sents[sid]
            part = sent.part
            if part in HEAD_PARTS or sent.paragraph == lead:
                weight *= HEAD_WEIGHT
            low = toks_by[sid].lower if sid in toks_by else ()  # no copy: a cue costs O(1), whatever the sentence's length
            why = ""
            if part in ("caption", "credits"):
                why = "picture caption" if part == "caption" else "credits"
            elif low and i >= 0 and _negated(low, i):
                why = "negated"
            elif (frame, term, sid) in seen:
                why = "repeated in sentence"
            elif groups.get(frame) in ("threat", "victim", "hero") and not _role_fits(
                    groups[frame], low, i, j, *roles.get(sid, ([], []))):
                why = "role"
            if not why:
                seen.add((frame, term, sid))
            found.append(_Cue(typology, frame, labels[(typology, frame)], term, matched, weight, qid, sid, part,
                              section_of(part), a, b, in_quotes(article, a, b) is not None, not why, why, strong))
    found.sort(key=lambda c: (c.start, c.typology, c.frame))  # stable: typologies in catalogue order on ties
    return tuple(found)


@lru_cache(maxsize=16)
def _frame_cues(article: Article) -> pd.DataFrame:
    cues = _cues(article)
    if not cues:
        return pd.DataFrame(columns=_CUE_COLUMNS)
    return pd.DataFrame(list(cues), columns=_CUE_COLUMNS)


def frame_cues(article: Article, *, typology: str | None = None) -> pd.DataFrame:
    """Every frame cue found in the article: the evidence behind every frame score.

    Each typology is matched on its own (a word may be a cue in several typologies, at most once
    in each; the longest cue wins). Cues inside quotation marks count too (``in_quotes`` says so):
    whom an article quotes is part of its framing.

    Columns: typology, frame, label, cue (the lexicon term), matched (as written), weight (1 or 2),
    question_id (generic frames), sentence_id, part, section (head or body), start, end,
    in_quotes.

    >>> from analysis.core.article import parse_article
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
    return {sid: w.n_words for sid, w in sentence_words(article).items()}


@lru_cache(maxsize=16)
def _sentence_order(article: Article) -> dict[str, int]:
    """Sentence id -> index (reading order)."""
    return {s.id: s.index for s in article.sentences}


def _in_order(article: Article, sids: Iterable[str]) -> list[str]:
    """Distinct sentence ids in reading order."""
    return sorted(set(sids), key=_sentence_order(article).get)


_SENTENCE_FRAME_COLUMNS = ["sentence_id", "position", "part", "section", "typology", "frame", "label", "weight",
                           "n_words", "score", "cues"]


def sentence_frames(article: Article, *, typology: str | None = None) -> pd.DataFrame:
    """Frame scores of each sentence: one row per sentence and frame with at least one cue.

    ``score`` is the summed cue weight per 100 words of the sentence.
    Columns: sentence_id, position (1 = first sentence), part, section, typology, frame, label,
    weight, n_words, score, cues (matched words).
    """
    groups: dict[tuple[str, str, str], list[_Cue]] = {}
    for c in _cues(article):
        if c.counted and (typology is None or c.typology == typology):
            groups.setdefault((c.sentence_id, c.typology, c.frame), []).append(c)
    if not groups:
        return pd.DataFrame(columns=_SENTENCE_FRAME_COLUMNS)
    words = _words_per_sentence(article)
    pos = {s.id: s.index + 1 for s in article.sentences}
    order = _frame_order()
    rows = []
    for (sid, typ, frame), grp in groups.items():
        n = words.get(sid, 0)
        w = sum(c.weight for c in grp)
        first = grp[0]
        rows.append((sid, pos[sid], first.part, first.section, typ, frame, first.label, w, n,
                     round(100 * w / n, 2) if n else 0.0, [c.matched for c in grp]))
    rows.sort(key=lambda r: (r[1], order[(r[4], r[5])]))
    return pd.DataFrame(rows, columns=_SENTENCE_FRAME_COLUMNS)


@lru_cache(maxsize=1)
def _frame_order() -> dict[tuple[str, str], int]:
    """(typology, frame) -> position in the catalogue."""
    return {(t, f): i for i, (t, f, *_) in enumerate(_catalogue_rows())}


def _section_words(article: Article, section: str) -> tuple[int, set[str]]:
    words = _words_per_sentence(article)
    sids = {s.id for s in article.sentences if section == "all" or section_of(s.part) == section}
    return sum(words.get(s, 0) for s in sids), sids


@lru_cache(maxsize=1)
def _questions() -> tuple[tuple[str, str, str], ...]:
    """The generic frames' coding questions: (frame, question_id, question), in lexicon order."""
    seen: dict[str, tuple[str, str, str]] = {}
    for r in _lexicon("generic"):
        seen.setdefault(r["question_id"], (r["category"], r["question_id"], r["question"]))
    return tuple(seen.values())


_QUESTION_COLUMNS = ["frame", "question_id", "question", "answer", "weight", "sentence_ids", "cues"]


#: Titles of public office: a person named with one acts for government (Semetko & Valkenburg's
#: responsibility questions ask whether "some level of government" is presented as responsible).
OFFICIAL_TITLES = frozenset({
    "president", "vice president", "prime minister", "minister", "governor", "gov", "mayor", "senator", "sen",
    "rep", "representative", "secretary", "attorney general", "chancellor", "sheriff", "commissioner", "ambassador",
    "home secretary", "foreign secretary", "speaker", "king", "queen", "judge", "chief justice", "premier",
})
#: Verbs of reporting or mere existence do not make their subject the agent of a problem or a solution.
_NOT_ACTION = frozenset({"be", "say", "tell", "add", "seem", "appear", "have", "note", "report", "announce"})
#: Questions answered from who acts in the text as well as from cue words.
ACTOR_QUESTIONS = ("responsibility_2", "conflict_3")


@lru_cache(maxsize=16)
def _officials(article: Article) -> frozenset[str]:
    """Actors that act for government: government bodies, and persons named at least once with a title of office."""
    out = set()
    for m in mention_rows(article):
        if m.kind == "government":
            out.add(m.actor)
        elif m.kind == "person":
            words = m.surface.lower().replace(".", "").split()
            if any(" ".join(words[:k]) in OFFICIAL_TITLES for k in (1, 2)):
                out.add(m.actor)
    return frozenset(out)


@lru_cache(maxsize=16)
def _actor_evidence(article: Article) -> dict[str, dict[str, list[str]]]:
    """question id -> sentence id -> evidence words, from the actors of each sentence:

    responsibility_2: a government body or an office holder is the agent of an action verb (the
    government presented as the one acting on the issue: as the cause of the problem or its solution);
    conflict_3: two or more distinct actors (people, bodies or groups) meet a conflict cue in one
    sentence, or stand on either side of "between ... and", "versus" or "against"."""
    officials = _officials(article)
    out: dict[str, dict[str, list[str]]] = {q: {} for q in ACTOR_QUESTIONS}
    for r in role_rows(article):
        if r.role == "agent" and r.actor in officials and r.lemma not in _NOT_ACTION and not r.in_quotes:
            words = out["responsibility_2"].setdefault(r.sentence_id, [])
            label = f"{r.actor} {r.verb}".lower()
            if label not in words:
                words.append(label)
    conflict_sids: dict[str, list[str]] = {}
    for c in _cues(article):
        if c.counted and c.typology == "generic" and c.frame == "conflict":
            conflict_sids.setdefault(c.sentence_id, []).append(c.matched.lower())
    toks_by = sentence_words(article)
    for sid, ments in mentions_by_sentence(article).items():
        actors = sorted({m.actor for m in ments if m.kind != "place"})
        if len(actors) < 2:
            continue
        low = set(toks_by[sid].lower) if sid in toks_by else set()
        if sid in conflict_sids or ("between" in low and "and" in low) or low & {"versus", "vs", "against"}:
            out["conflict_3"][sid] = actors[:4]
    return out


@lru_cache(maxsize=64)
def _question_rows(article: Article, section: str) -> tuple[tuple, ...]:
    """The rows of :func:`generic_questions` (treat as read-only: they hold lists)."""
    _, sids = _section_words(article, section)
    by_question: dict[str, list[_Cue]] = {}
    for c in _cues(article):
        if c.counted and c.typology == "generic" and c.sentence_id in sids:
            by_question.setdefault(c.question_id, []).append(c)
    actor_ev = _actor_evidence(article)
    rows = []
    for frame, qid, question in _questions():
        grp = by_question.get(qid, [])
        w = sum(c.weight for c in grp)
        ids = [c.sentence_id for c in grp]
        words = {c.matched.lower() for c in grp}
        for sid, ev in actor_ev.get(qid, {}).items():
            if sid in sids:
                w += 1  # one per sentence where the actors answer the question
                ids.append(sid)
                words.update(ev)
        rows.append((frame, qid, question, "yes" if w >= YES_THRESHOLD else "no", w,
                     _in_order(article, ids), sorted(words)))
    frame_order = {f: k for k, f in enumerate(_GENERIC_LABELS)}
    rows.sort(key=lambda r: (frame_order.get(r[0], len(frame_order)), int(r[1].rsplit("_", 1)[-1])))
    return tuple(rows)


def generic_questions(article: Article, *, section: str = "all") -> pd.DataFrame:
    """Semetko & Valkenburg's coding questions for the five generic frames, answered from the text.

    A question is answered ``yes`` when the weights of its matched cues reach ``YES_THRESHOLD``
    (one strong cue or two weak ones); every answer lists its sentences and cues.
    Columns: frame, question_id, question, answer (yes/no), weight, sentence_ids, cues.
    """
    rows = [(*r[:5], list(r[5]), list(r[6])) for r in _question_rows(article, section)]
    return pd.DataFrame(rows, columns=_QUESTION_COLUMNS)


_PROFILE_COLUMNS = ["typology", "frame", "label", "group", "weight", "score", "n_cues", "n_sentences",
                    "sentence_ids", "cues", "questions_yes", "questions", "rank", "dominant", "absent", "measured",
                    "section", "n_words", "evidence", "strength"]


def frame_profile(article: Article, *, section: str = "all", typology: str | None = None) -> pd.DataFrame:
    """How strongly the article (or its ``head`` — teaser, headline, standfirst — or its ``body``)
    uses each frame of the three typologies; every frame is listed, used or not.

    ``evidence`` is the counted cue weight per 100 words of the section, so long and short texts
    compare. ``score`` ranks the frames of a typology: for the policy frames ``prior + scale ×
    evidence`` (``data/lexicons/frames_calibration.csv``: how common a frame is in news, and how much
    its cues say), for the others the evidence itself. Within each typology, ``dominant`` frames have
    clear cues, evidence at least ``DOMINANT_SHARE`` of the top evidence and a weight of at least
    ``YES_THRESHOLD``; ``absent`` frames have no cue at all (the policy frame ``other`` has no cue
    words: ``measured`` is False and it is never absent).
    Generic frames also give how many of their coding questions are answered yes.

    Columns: typology, frame, label, group, weight, score, n_cues, n_sentences, sentence_ids,
    cues (distinct matched words, most frequent first), questions_yes, questions, rank (1 = top of
    its typology), dominant, absent, measured, section, n_words, evidence, strength (none, weak or clear).
    """
    rows = [r._replace(sentence_ids=list(r.sentence_ids), cues=list(r.cues))
            for r in profile_rows(article, section=section, typology=typology)]
    out = pd.DataFrame(rows, columns=_PROFILE_COLUMNS)
    if out.empty:  # no frame (an unknown typology): rank and dominant keep the dtypes they have with rows
        out["rank"] = out["rank"].astype(int)
        out["dominant"] = out["dominant"].astype(bool)
    return out


class FrameRow(NamedTuple):
    """A row of :func:`frame_profile` (same fields, same order).

    ``sentence_ids`` and ``cues`` are lists shared with the cache: treat them as read-only.
    """

    typology: str
    frame: str
    label: str
    group: str
    weight: int
    score: float
    n_cues: int
    n_sentences: int
    sentence_ids: list[str]
    cues: list[str]
    questions_yes: int
    questions: int
    rank: int
    dominant: bool
    absent: bool
    measured: bool
    section: str
    n_words: int
    evidence: float  # counted cue weight per 100 words of the section
    strength: str  # none, weak (one or two weak cues) or clear


@lru_cache(maxsize=1)
def _calibration() -> dict[tuple[str, str], tuple[float, float]]:
    """(typology, frame) -> (scale, prior) from ``data/lexicons/frames_calibration.csv``; frames not
    listed keep their evidence as their score (scale 1, prior 0)."""
    return {(r["category"], r["term"]): (float(r["scale"]), float(r["prior"])) for r in lexicon_rows("frames_calibration")}


def _strength(grp: list[_Cue]) -> str:
    if not grp:
        return "none"
    if len(grp) <= 2 and not any(c.strong for c in grp):
        return "weak"
    return "clear"


def profile_rows(article: Article, *, section: str = "all", typology: str | None = None) -> tuple[FrameRow, ...]:
    """:func:`frame_profile` without pandas: its rows as :class:`FrameRow` tuples, in its order (cached per article).

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nTroops guard the border against terrorism.")
    >>> [(r.frame, r.rank, r.dominant) for r in profile_rows(a, typology="policy")][:1]
    [('security_defense', 1, True)]
    """
    return _profile_rows(article, section, typology)


@lru_cache(maxsize=64)
def _profile_rows(article: Article, section: str, typology: str | None) -> tuple[FrameRow, ...]:
    if section not in SECTIONS:
        raise ValueError(f"section must be one of {SECTIONS}, not {section!r}")
    n_words, sids = _section_words(article, section)
    by_frame: dict[tuple[str, str], list[_Cue]] = {}
    for c in _cues(article):
        if c.counted and c.sentence_id in sids:
            by_frame.setdefault((c.typology, c.frame), []).append(c)
    yes: Counter[str] = Counter()
    if typology in (None, "generic"):
        yes.update(frame for frame, _, _, answer, *_ in _question_rows(article, section) if answer == "yes")
    per_typology: dict[str, list[FrameRow]] = {}  # unranked: rank and dominant are set below
    calib = _calibration()
    for typ, frame, label, group, n_questions, measured in _catalogue_rows():
        if typology is not None and typ != typology:
            continue
        grp = by_frame.get((typ, frame), [])
        w = sum(c.weight for c in grp)
        ids = _in_order(article, (c.sentence_id for c in grp))
        counts = Counter(c.matched.lower() for c in grp)
        words = sorted(counts, key=lambda t: (-counts[t], t))
        evidence = round(100 * w / n_words, 2) if n_words else 0.0
        scale, prior = calib.get((typ, frame), (1.0, 0.0))
        score = round(prior + scale * evidence, 3) if n_words and measured else evidence
        per_typology.setdefault(typ, []).append(FrameRow(
            typ, frame, label, group, w, score, len(grp), len(ids), ids,
            words, yes[frame] if typ == "generic" else 0, n_questions, 0, False, measured and w == 0, measured,
            section, n_words, evidence, _strength(grp)))
    rows = []
    for typ in TYPOLOGIES:
        ranked = sorted(per_typology.get(typ, []), key=lambda f: (-f.score, -f.evidence, -f.weight, f.frame))
        top = max((f.evidence for f in ranked), default=0)
        for rank, f in enumerate(ranked, start=1):
            dominant = f.strength == "clear" and f.weight >= YES_THRESHOLD and f.evidence >= DOMINANT_SHARE * top
            rows.append(f._replace(rank=rank, dominant=dominant))
    return tuple(rows)


def dominant_frames(article: Article, *, section: str = "all") -> pd.DataFrame:
    """The dominant frames of each typology (see :func:`frame_profile`), strongest first."""
    prof = frame_profile(article, section=section)
    return prof[prof["dominant"]].reset_index(drop=True)
