"""The headline and standfirst against the body: frames, actors, roles, terms and content words of the head compared with the body, flagging what the head asserts that the body never supports."""

from __future__ import annotations

import pandas as pd

from . import nlp
from .article import Article
from .frames import HEAD_PARTS, frame_profile, section_of
from .tokens import sentence_tokens

__all__ = ["head_sentence_ids", "headline_vs_body", "unsupported", "summary_dict", "ASPECTS", "COMPARE_COLUMNS"]

ASPECTS = ("frame", "actor", "role", "term", "word")
COMPARE_COLUMNS = ["aspect", "item", "detail", "head", "body", "head_sentence_ids", "body_sentence_ids", "flag",
                   "supported_by"]
#: A frame is "stronger in the head" when its head score is more than this many times its body score.
STRONGER = 2.0
_CONTENT_TAGS = ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS")
_LIGHT = {"be", "have", "do", "make", "take", "get", "go", "come", "say", "new", "many", "more", "also", "other"}


def head_sentence_ids(article: Article) -> list[str]:
    """Sentences of the head: teaser, headline and standfirst (everything read before the body)."""
    return [s.id for s in article.sentences if s.part in HEAD_PARTS]


def _ids(article: Article, sids) -> list[str]:
    order = {s.id: s.index for s in article.sentences}
    return sorted(set(sids), key=order.get)


def _frames(article: Article) -> list[tuple]:
    head = frame_profile(article, section="head")
    body = frame_profile(article, section="body").set_index(["typology", "frame"])
    rows = []
    for h in head[head["weight"] > 0].itertuples(index=False):
        b = body.loc[(h.typology, h.frame)]
        if b["weight"] == 0:
            flag = "not in body"
        elif h.score > STRONGER * b["score"]:
            flag = "stronger in head"
        else:
            flag = ""
        rows.append(("frame", h.frame, f"{h.typology}: {h.label}", float(h.score), float(b["score"]), list(h.sentence_ids),
                     list(b["sentence_ids"]), flag, ", ".join(b["cues"][:5])))
    return rows


def _actors(article: Article) -> list[tuple]:
    from .entities import mentions

    m = mentions(article)
    if m.empty:
        return []
    m = m.assign(section=m["part"].map(section_of))
    rows = []
    for actor, grp in m[m["section"] == "head"].groupby("actor", sort=True):
        body = m[(m["actor"] == actor) & (m["section"] == "body")]
        rows.append(("actor", actor, grp["kind"].iloc[0], len(grp), len(body), _ids(article, grp["sentence_id"]),
                     _ids(article, body["sentence_id"]), "" if len(body) else "not in body",
                     ", ".join(sorted(set(body["surface"]))[:3])))
    return rows


def _roles(article: Article) -> list[tuple]:
    from .agency import roles

    r = roles(article)
    if r.empty:
        return []
    r = r.assign(section=r["part"].map(section_of))
    rows = []
    for (actor, role), grp in r[r["section"] == "head"].groupby(["actor", "role"], sort=True):
        body = r[(r["actor"] == actor) & (r["role"] == role) & (r["section"] == "body")]
        verbs = ", ".join(dict.fromkeys(grp["lemma"]))
        rows.append(("role", f"{actor} as {role}", verbs, len(grp), len(body), _ids(article, grp["sentence_id"]),
                     _ids(article, body["sentence_id"]), "" if len(body) else "not in body",
                     ", ".join(dict.fromkeys(body["lemma"]))))
    return rows


def _terms(article: Article) -> list[tuple]:
    from .terminology import term_uses

    u = term_uses(article)
    if u.empty:
        return []
    u = u.assign(section=u["part"].map(section_of))
    rows = []
    for term, grp in u[u["section"] == "head"].groupby("term", sort=True):
        body = u[(u["term"] == term) & (u["section"] == "body")]
        rows.append(("term", term, grp["signals"].iloc[0], len(grp), len(body), _ids(article, grp["sentence_id"]),
                     _ids(article, body["sentence_id"]), "" if len(body) else "not in body",
                     ", ".join(sorted(set(body["matched"]))[:3])))
    return rows


def _related(word: str, pos: str) -> frozenset[str]:
    """The word, its WordNet synonyms and their derivationally related forms (lower case)."""
    from .agency import wn_related

    wn_pos = {"N": "n", "V": "v", "J": "a"}.get(pos[:1], "") if pos else ""
    return wn_related(word, wn_pos)


def _words(article: Article) -> list[tuple]:
    from .agency import _retag_headline

    toks = sentence_tokens(article)
    body_forms: dict[str, list[str]] = {}
    for s in article.sentences:
        if section_of(s.part) != "body":
            continue
        t = toks.get(s.id)
        if t is None:
            continue
        for w, tag, is_word in zip(t["lower"], t["pos"], t["is_word"]):
            if not is_word:
                continue
            for form in {w, nlp.lemmatize(w, tag), nlp.lemmatize(w, "NN"), nlp.lemmatize(w, "VB")}:
                body_forms.setdefault(form, []).append(s.id)
    stop = nlp.stopwords()
    from .entities import mentions

    names = {w.lower() for surface in mentions(article)["surface"] for w in surface.split()}
    seen: dict[str, dict] = {}
    for s in article.sentences:
        if section_of(s.part) != "head":
            continue
        t = toks.get(s.id)
        if t is None:
            continue
        texts, low = t["text"].tolist(), t["lower"].tolist()
        tags = _retag_headline(texts, []) if s.part == "headline" else t["pos"].tolist()
        for w, text, tag in zip(low, texts, tags):
            if tag not in _CONTENT_TAGS or w in stop or not w.isalpha() or len(w) < 3:
                continue
            if s.part != "headline" and text[:1].isupper() and tag.startswith("NN"):
                continue  # names are compared as actors
            lemma = nlp.lemmatize(w, tag)
            if lemma in _LIGHT or (s.part == "headline" and w in names):
                continue
            entry = seen.setdefault(lemma, {"pos": tag, "sids": [], "count": 0})
            entry["sids"].append(s.id)
            entry["count"] += 1
    rows = []
    for lemma, e in sorted(seen.items()):
        direct = body_forms.get(lemma, [])
        support, sids = "", list(direct)
        if direct:
            support = lemma
        else:
            # Headline tags are unreliable ("Intensifies" as a plural noun): try the tagged part of
            # speech first, then any.
            for rel in sorted(_related(lemma, e["pos"])) + sorted(_related(lemma, "")):
                if rel in body_forms:
                    support, sids = rel, body_forms[rel]
                    break
        flag = "" if support else "not in body"
        rows.append(("word", lemma, e["pos"], e["count"], len(sids), _ids(article, e["sids"]), _ids(article, sids), flag,
                     support))
    return rows


def headline_vs_body(article: Article, *, aspects: tuple[str, ...] = ASPECTS) -> pd.DataFrame:
    """The head (teaser, headline, standfirst) compared with the body, one row per frame, actor,
    actor-in-a-role, contested term and content word of the head.

    ``head``/``body`` are frame scores (cue weight per 100 words) for frames and counts otherwise.
    ``flag`` is ``not in body`` when the body never supports the item (for words: neither the word,
    nor a WordNet synonym, nor a derived form such as "escalation" for "escalate"), ``stronger in
    head`` for a frame scoring more than ``STRONGER`` times higher in the head, else "".
    ``supported_by`` names what in the body supports the item.

    Columns: aspect (frame, actor, role, term, word), item, detail, head, body, head_sentence_ids,
    body_sentence_ids, flag, supported_by. An article without a head gives an empty table.
    """
    if not head_sentence_ids(article):
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    builders = {"frame": _frames, "actor": _actors, "role": _roles, "term": _terms, "word": _words}
    rows: list[tuple] = []
    for aspect in aspects:
        rows.extend(builders[aspect](article))
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    out["_a"] = out["aspect"].map({a: k for k, a in enumerate(ASPECTS)})
    out["_f"] = out["flag"].map({"not in body": 0, "stronger in head": 1, "": 2})
    return out.sort_values(["_a", "_f", "item"], kind="mergesort").drop(columns=["_a", "_f"]).reset_index(drop=True)


def unsupported(article: Article) -> pd.DataFrame:
    """What the head asserts that the body never supports: the flagged rows of :func:`headline_vs_body`."""
    t = headline_vs_body(article)
    return t[t["flag"] != ""].reset_index(drop=True)


def summary_dict(article: Article) -> dict:
    """The ``framing.headline_vs_body`` part of the JSON summary."""
    from .summary import records

    t = headline_vs_body(article)
    cols = ["item", "detail", "head", "body", "head_sentence_ids", "flag", "supported_by"]
    return {
        "head_sentence_ids": head_sentence_ids(article),
        **{f"{a}s": records(t[t["aspect"] == a], cols) for a in ASPECTS},
        "unsupported": records(t[t["flag"] == "not in body"], ["aspect"] + cols),
    }
