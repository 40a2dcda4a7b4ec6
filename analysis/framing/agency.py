"""Who acts and who is acted upon: the grammatical role of each named actor in each clause (agent = subject of an active verb, patient = object or subject of a passive), found from part-of-speech patterns."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.tagging import (
    BE,
    DO,
    FINITE_TAGS,
    GET,
    HAVE,
    PERSONAL_PRONOUNS,
    SUBJECT_PREPOSITIONS,
    SUBORDINATORS,
    can_be_verb,
    repair_tags,
    retag_headline,
)
from ..core.tokens import sentence_words
from .entities import mentions_by_sentence
from .quote_marks import in_quotes

__all__ = [
    "roles",
    "agency",
    "Role",
    "ROLE_COLUMNS",
    "COPULAS",
    "resolve_pronoun",
    "role_rows",
]

ROLE_COLUMNS = ["sentence_id", "actor", "kind", "role", "verb", "lemma", "voice", "pattern", "mention", "start", "end",
                "verb_start", "verb_end", "part", "in_quotes"]


class Role(NamedTuple):
    """One row of :func:`roles` (same fields, same order): an actor's role in one clause."""

    sentence_id: str
    actor: str
    kind: str
    role: str  # agent or patient
    verb: str  # the verb group as written
    lemma: str
    voice: str  # active or passive
    pattern: str  # which rule found the role
    mention: str  # the actor as written
    start: int  # offsets of the mention in article.text
    end: int
    verb_start: int
    verb_end: int
    part: str
    in_quotes: bool

#: Verbs that link a subject to a description rather than an action: their subjects are neither
#: agents nor patients ("the administration appears poised", "tensions are evident").
COPULAS = frozenset({"be", "seem", "appear", "become", "remain", "have", "look", "sound", "feel", "stay"})
_NEG = {"not", "n't", "never"}
_SKIP_BEFORE_OBJECT = {"DT", "PDT", "PRP$", "CD", "RB", "RBR"}
#: Verbs whose next noun phrase starts a clause ("said John Kerry contacted", "believes the
#: asylum seekers found"): they take no patient here.
_CLAUSE_VERBS = frozenset({
    "say", "believe", "suggest", "claim", "argue", "assert", "note", "explain", "indicate", "insist", "maintain",
    "predict", "reveal", "report", "state", "think", "estimate", "declare", "add", "admit", "acknowledge",
    "announce", "confirm", "contend", "deny", "write", "testify", "reply", "respond", "stress", "emphasise",
    "emphasize", "recall", "concede", "assume", "know", "hope", "fear", "expect", "continue",
})
#: -ing and -ed words that work as prepositions: never verbs here.
_PREPOSITIONAL = {"following", "including", "regarding", "concerning", "according", "during", "pending", "given",
                  "considering", "excluding", "notwithstanding", "barring", "owing"}



def resolve_pronoun(pronoun: str, persons: list[str]) -> str | None:
    """The person a "he"/"she" most likely refers to: the last named person (``persons`` in reading
    order) whose first name is not listed only for the other sex."""
    want = {"he": "m", "she": "f"}.get(pronoun.lower())
    if want is None:
        return None
    genders = nlp.first_name_sexes()
    for actor in reversed(persons):
        g = genders.get(actor.split()[0].lower()) if " " in actor else None
        if g is None or g == want:
            return actor
    return None






def _verb_groups(low: list[str], tags: list[str], blocked: frozenset[int] = frozenset()) -> list[dict]:
    """Verb groups: optional modal, auxiliaries (be/have/do/get) and one main verb, adverbs allowed
    between. Each dict: i (first token), j (end), head (main verb index), voice, form
    (finite, infinitive, participle, bare), aux (the auxiliaries' words)."""
    groups = []
    n = len(tags)
    k = 0
    while k < n:
        if (not (tags[k].startswith("VB") or tags[k] == "MD") or low[k] in _PREPOSITIONAL or k in blocked
                or not low[k].replace("'", "").replace("’", "").replace("-", "").isalpha()
                or (tags[k] != "MD" and not can_be_verb(low[k].replace("’", "'")))):
            k += 1
            continue
        i = k
        members = [k]
        while True:
            w, t = low[k], tags[k]
            is_aux = t == "MD" or (w in BE | HAVE | DO | GET and k + 1 < n)
            if not is_aux:
                break
            nxt = k + 1
            while nxt < n and (tags[nxt] in ("RB", "RBR") or low[nxt] in _NEG or (low[nxt] == "no" and nxt + 1 < n
                                                                                    and low[nxt + 1] == "longer")):
                nxt += 1
            if nxt < n and (tags[nxt].startswith("VB") or tags[nxt] == "MD"):
                k = nxt
                members.append(k)
                continue
            break
        head = members[-1]
        aux = [low[m] for m in members[:-1]]
        passive = tags[head] == "VBN" and any(a in BE | GET for a in aux)
        first_tag = tags[i]
        if i > 0 and low[i - 1] == "to" and tags[i - 1] == "TO":
            form = "infinitive"
        elif first_tag in FINITE_TAGS:
            form = "finite"
        elif first_tag in ("VBG", "VBN") and not aux:
            form = "participle"
            passive = first_tag == "VBN"
        else:
            form = "bare"
        groups.append({"i": i, "j": head + 1, "head": head, "voice": "passive" if passive else "active", "form": form,
                       "aux": aux})
        k = head + 1
    return groups


def _coordinated_left(a: int, low: list[str], ends: dict[int, list]) -> list:
    """Mentions joined to the left of position ``a`` by "and"/"or" (then commas: "A, B and C")."""
    out = []
    if a < 2 or low[a - 1] not in ("and", "or"):
        return out
    while a >= 2 and low[a - 1] in ("and", "or", ","):
        prev = ends.get(a - 1)
        if not prev:
            break
        out.extend(prev)
        a = prev[0][0]
    return out


def _coordinated_right(b: int, low: list[str], tags: list[str], starts: dict[int, list]) -> list:
    """Mentions joined to the right of position ``b`` by commas and a final "and"/"or"."""
    out = []
    k = b
    while k < len(low) and low[k] not in ("and", "or") and low[k] not in (".", ";", ":"):
        k += 1
    if k - b > 12 or k >= len(low):
        return out  # a list without "and"/"or" is not coordination
    while b < len(low) and low[b] in ("and", "or", ","):
        k = b + 1
        while k < len(low) and tags[k] in _SKIP_BEFORE_OBJECT:
            k += 1
        nxt = starts.get(k)
        if not nxt:
            break
        out.extend(nxt)
        b = nxt[0][1]
    return out


@lru_cache(maxsize=16)
def role_rows(article: Article) -> tuple[Role, ...]:
    """The rows of :func:`roles` as :class:`Role` tuples, in the same order (sentence, verb,
    mention, role). Cached per article and shared: the pandas-free way to read roles."""
    by_sentence = mentions_by_sentence(article)
    toks_by = sentence_words(article)
    rows: list[Role] = []
    person_list = sorted(((m.start, m.actor) for ms in by_sentence.values() for m in ms if m.kind == "person"),
                         key=lambda p: p[0])
    person_starts = [st for st, _ in person_list]
    persons = [act for _, act in person_list]
    for s in article.sentences:
        toks = toks_by.get(s.id)
        if not toks:
            continue
        texts, low, tags, t_start, t_end = toks.text, toks.lower, list(toks.pos), toks.start, toks.end
        spans = [(r.i_start, r.i_end, r.actor, r.kind, r.surface)  # (a, b, actor, kind, surface)
                 for r in by_sentence[s.id] if r.i_start >= 0 and r.i_end > r.i_start]
        # he/she: the last person named before it.
        for k, w in enumerate(low):
            if w in PERSONAL_PRONOUNS and tags[k] == "PRP":
                who = resolve_pronoun(w, persons[:bisect_left(person_starts, t_start[k])])  # persons named before it
                if who:
                    spans.append((k, k + 1, who, "person", texts[k]))
        if s.part == "headline":
            tags = retag_headline(texts, [(a, b) for a, b, *_ in spans])
        tags = repair_tags(low, tags, [(a, b, kind) for a, b, _, kind, _ in spans], headline=s.part == "headline")
        # Possessors ("Trump's plans") are not subjects or objects; keep the longest span ending at a position.
        ends: dict[int, list] = {}
        starts: dict[int, list] = {}
        for sp in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
            a, b = sp[0], sp[1]
            if b < len(low) and low[b] in ("'s", "’s"):
                continue
            if b not in ends or (sp[1] - sp[0]) > (ends[b][0][1] - ends[b][0][0]):
                ends[b] = [sp]
            starts.setdefault(a, [sp])
        in_names = frozenset(k for a, b, _, kind, _ in spans if b - a > 1 for k in range(a, b)) | frozenset(
            k for k in range(1, len(texts)) if s.part != "headline" and texts[k][:1].isupper() and k + 1 < len(texts)
            and texts[k + 1][:1].isupper())  # "Rolling Meadows": a capitalised word inside a name
        groups = _verb_groups(low, tags, in_names)

        def add(sp, role, g, pattern):
            a, b, actor, kind, surface = sp
            vs, ve = t_start[g["i"]], t_end[g["j"] - 1]
            lemma = nlp.lemmatize(low[g["head"]], tags[g["head"]] if tags[g["head"]].startswith("VB") else "VB")
            mstart, mend = t_start[a], t_end[b - 1]
            rows.append(Role(s.id, actor, kind, role, article.text[vs:ve], lemma, g["voice"], pattern, surface, mstart,
                             mend, vs, ve, s.part, in_quotes(article, vs, ve) is not None))

        def subject_of(g):
            k = g["i"] - 1
            while k >= 0 and tags[k] in ("RB", "RBR") and low[k] not in (",",):
                k -= 1
            if k < 0:
                return [], ""
            pattern = "subject"
            pronoun = ""
            if tags[k] in ("WP", "WDT") and low[k] in ("who", "that", "which"):
                pronoun = low[k]
                k -= 1
                pattern = "relative clause"
            found = ends.get(k + 1)
            if not found:
                return [], ""
            found = found + _coordinated_left(found[0][0], low, ends)
            if pronoun == "who":
                found = [sp for sp in found if sp[3] in ("person", "group")]  # "who" stands for people
                if not found:
                    return [], ""
            a = min(sp[0] for sp in found)
            while a > 0 and tags[a - 1] in ("DT", "PDT", "CD", "JJ"):
                a -= 1
            # "officials who refuse" after a preposition still heads its clause; "... in Cook County
            # that put ..." usually does not ("that" and "which" attach to the noun before).
            if (pronoun != "who" and a > 0 and tags[a - 1] in ("IN", "TO")
                    and low[a - 1] not in SUBJECT_PREPOSITIONS - {"with"} and low[a - 1] not in SUBORDINATORS):
                return [], ""
            return found, pattern

        def objects_of(g):
            k = g["j"]
            while k < len(low) and (tags[k] in _SKIP_BEFORE_OBJECT or low[k] in ("any", "all", "some", "numerous")):
                k += 1
            found = [(sp, "object") for sp in starts.get(k, [])]
            if found:
                found += [(sp, "object") for sp in _coordinated_right(found[0][0][1], low, tags, starts)]
            # "take action against X", "measures against X"
            for m in range(g["j"], min(g["j"] + 4, len(low) - 1)):
                if low[m] == "against":
                    x = m + 1
                    while x < len(low) and (tags[x] in _SKIP_BEFORE_OBJECT or low[x] in ("any", "all", "some")):
                        x += 1
                    found += [(sp, "against-phrase") for sp in starts.get(x, [])]
                    break
                if low[m] in (",", ".", ";") or tags[m].startswith("VB"):
                    break
            return found

        def by_agent(g):
            k = g["j"]
            while k < len(low) and tags[k] in ("RB", "RBR"):
                k += 1
            if k < len(low) and low[k] == "by":
                x = k + 1
                while x < len(low) and tags[x] in _SKIP_BEFORE_OBJECT:
                    x += 1
                got = list(starts.get(x, []))
                if got:
                    got += _coordinated_right(got[0][1], low, tags, starts)
                return got
            return []

        info: list[dict] = []  # per group: subjects, objects (to carry into infinitives and coordination)
        for n_g, g in enumerate(groups):
            lemma = nlp.lemmatize(low[g["head"]], tags[g["head"]] if tags[g["head"]].startswith("VB") else "VB")
            copula = (lemma in COPULAS and g["voice"] == "active") or tags[g["head"]] == "MD"
            prev = info[-1] if info else None
            subj, pattern = [], ""
            coordinated = prev is not None and g["i"] >= 1 and low[g["i"] - 1] in ("and", "or") and prev["j"] >= g["i"] - 3
            if g["form"] in ("finite", "bare"):
                subj, pattern = subject_of(g)
                if not subj and coordinated:
                    subj, pattern = prev["agents"], "coordinated verb"
            elif g["form"] == "infinitive":
                to = g["i"] - 1
                if prev is not None and to >= 1 and to in [o[1] for o in prev["objects"]]:
                    subj, pattern = [o for o in prev["objects"] if o[1] == to], "object of the verb before"
                elif prev is not None and prev["j"] == to:
                    subj, pattern = prev["agents"], "subject of the verb before"
                elif coordinated:
                    subj, pattern = prev["agents"], "coordinated verb"
            elif g["form"] == "participle":
                found = ends.get(g["i"])
                if found:
                    subj, pattern = found, "participle after the actor"
                elif coordinated:
                    subj, pattern = prev["agents"], "coordinated verb"
            objs = [] if copula or lemma in _CLAUSE_VERBS else objects_of(g)
            # '“...,” said Ricardo Wong': the speaker follows the reporting verb.
            if (lemma in _CLAUSE_VERBS and not subj and g["i"] > 0 and low[g["i"] - 1] in (",", '"', "”", "''")
                    and starts.get(g["j"])):
                subj, pattern = starts[g["j"]], "subject after a reporting verb"
            agents: list = []
            if copula:
                pass
            elif g["voice"] == "active":
                for sp in subj:
                    add(sp, "agent", g, pattern)
                agents = subj
                for sp, how in objs:
                    add(sp, "patient", g, how)
            else:
                for sp in subj:
                    add(sp, "patient", g, "passive " + (pattern or "subject"))
                agents = by_agent(g)
                for sp in agents:
                    add(sp, "agent", g, "by-phrase of a passive")
            info.append({"j": g["j"], "agents": agents, "objects": [sp for sp, how in objs if how == "object"]})
    unique: dict[tuple, Role] = {}
    for r in rows:  # the first row wins when the same mention has the same role for the same verb twice
        unique.setdefault((r.sentence_id, r.actor, r.role, r.verb_start, r.start), r)
    order = {s.id: s.index for s in article.sentences}
    return tuple(sorted(unique.values(), key=lambda r: (order[r.sentence_id], r.verb_start, r.start, r.role)))


@lru_cache(maxsize=16)
def _roles(article: Article) -> pd.DataFrame:
    return pd.DataFrame(role_rows(article), columns=ROLE_COLUMNS)


def roles(article: Article) -> pd.DataFrame:
    """One row per actor in a clause: ``agent`` (subject of an active verb; the by-phrase of a
    passive) or ``patient`` (object of an active verb, "against X", or subject of a passive), with
    the verb group as written.

    Patterns come from part-of-speech tags, not a parser: the actor just before a verb group (or
    before "who"/"that") is its subject; the actor just after it its object; "X instructed Y to V"
    makes Y the agent of V, "X readies to V" makes X the agent of V; "and V" shares the subject
    of the verb before; he/she stand for the last person named. Linking verbs (be, seem, appear,
    become, remain, have) give no role. Headlines are tagged again in lower case.

    Columns: sentence_id, actor, kind, role, verb, lemma, voice (active/passive), pattern (which
    rule found it), mention (as written), start, end (offsets of the mention), verb_start,
    verb_end, part, in_quotes.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nThe Pentagon announced a plan. Protesters were arrested by the police officers.")
    >>> roles(a)[["actor", "role", "verb"]].values.tolist()
    [['Pentagon', 'agent', 'announced'], ['protesters', 'patient', 'were arrested'], ['police officers', 'agent', 'were arrested']]
    """
    return _roles(article).copy()


def agency(article: Article, *, include_places: bool = False) -> pd.DataFrame:
    """Who acts and who is acted upon, per actor, most roles first.

    Columns: actor, kind, as_agent, as_patient, agent_verbs, patient_verbs (lemmas, in reading
    order, repeated when repeated), sentence_ids.
    """
    cols = ["actor", "kind", "as_agent", "as_patient", "agent_verbs", "patient_verbs", "sentence_ids"]
    by_actor: dict[str, list[Role]] = {}
    for r in role_rows(article):
        if include_places or r.kind != "place":
            by_actor.setdefault(r.actor, []).append(r)
    if not by_actor:
        return pd.DataFrame(columns=cols)
    order = {s.id: s.index for s in article.sentences}
    rows = []
    for actor, grp in by_actor.items():
        agent_verbs = [r.lemma for r in grp if r.role == "agent"]
        patient_verbs = [r.lemma for r in grp if r.role == "patient"]
        rows.append((actor, grp[0].kind, len(agent_verbs), len(patient_verbs), agent_verbs, patient_verbs,
                     sorted({r.sentence_id for r in grp}, key=order.get)))
    rows.sort(key=lambda x: (-(x[2] + x[3]), -x[2], x[0]))  # most roles, then most as agent, then by name
    return pd.DataFrame(rows, columns=cols)
