"""Who acts and who is acted upon: the grammatical role of each named actor in each clause (agent = subject of an active verb, patient = object or subject of a passive), found from part-of-speech patterns."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from . import nlp
from .article import Article
from .entities import mentions_by_sentence
from .quotes import in_quotes
from .tokens import sentence_words

__all__ = ["roles", "agency", "Role", "ROLE_COLUMNS", "COPULAS"]

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
_BE = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re"}
_HAVE = {"have", "has", "had", "having", "'ve", "’ve"}
_DO = {"do", "does", "did"}
_GET = {"get", "gets", "got", "gotten", "getting"}
_NEG = {"not", "n't", "never"}
_SKIP_BEFORE_OBJECT = {"DT", "PDT", "PRP$", "CD", "RB", "RBR"}
_SUBJECT_PREPS_OK = {"like", "including", "as", "with"}
#: Words tagged IN that open a clause, so an actor after them can be its subject.
_SUBORDINATORS = {"that", "because", "as", "while", "if", "when", "although", "though", "since", "after", "before",
                  "until", "whether", "once", "unless", "whereas", "so"}
_PRONOUNS = {"he", "she"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
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


def _retag_headline(texts: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Headlines are set in capitals, which the tagger reads as proper nouns: tag them again with
    every word that is not part of an actor's name in lower case."""
    inside = {k for a, b in spans for k in range(a, b)}
    words = [t if k in inside else t.lower() for k, t in enumerate(texts)]
    return nlp.pos_tag_sentences([words])[0] if words else []


def _repair_tags(low: list[str], tags: list[str], spans: list[tuple[int, int, str]], *, headline: bool = False) -> list[str]:
    """A noun right after an actor that can also be a verb ("the Pentagon readies to",
    "far-right groups rally for") is the verb when no other finite verb follows in the clause; in a
    headline, an -s word right after an actor is its verb ("Trump Intensifies ...")."""
    tags = list(tags)
    n = len(tags)
    for a, b, kind in spans:
        k = b
        if kind == "place" or k >= n or tags[k] not in ("NN", "NNS") or not low[k].isalpha():
            continue
        if a > 0 and (low[a - 1] in ("-", "–") or tags[a - 1] == "CD" or tags[a - 1].startswith("VB")
                      or (tags[a - 1] == "IN" and low[a - 1] not in _SUBJECT_PREPS_OK)):
            continue
        if headline and low[k].endswith("s") and _can_be_verb(low[k]):
            tags[k] = "VBZ"
            continue
        if k >= n - 1:
            continue
        nxt = tags[k + 1]
        if nxt not in ("TO", "IN", "DT", "PRP$", "PRP", ",", "RB", "CD"):
            continue
        stop = low.index(",", k + 1) if "," in low[k + 1:] else n
        if nxt != "TO" and any(t in _FINITE for t in tags[k + 1:stop]):
            continue
        if not _can_be_verb(low[k]):
            continue
        tags[k] = "VBZ" if low[k].endswith("s") else "VBP"
    return tags


@lru_cache(maxsize=1)
def _name_genders() -> dict[str, str]:
    """First name -> "m" or "f" when NLTK's names corpus lists it under one sex only (Kantrowitz's lists)."""
    from nltk.corpus import names

    nlp._require("corpora/names")
    male = {n.lower() for n in names.words("male.txt")}
    female = {n.lower() for n in names.words("female.txt")}
    return {**{n: "m" for n in male - female}, **{n: "f" for n in female - male}}


def resolve_pronoun(pronoun: str, persons: list[str]) -> str | None:
    """The person a "he"/"she" most likely refers to: the last named person (``persons`` in reading
    order) whose first name is not listed only for the other sex."""
    want = {"he": "m", "she": "f"}.get(pronoun.lower())
    if want is None:
        return None
    genders = _name_genders()
    for actor in reversed(persons):
        g = genders.get(actor.split()[0].lower()) if " " in actor else None
        if g is None or g == want:
            return actor
    return None


# ------------------------------------------------------------------ a small WordNet lookup
# NLTK's WordNet reader indexes every lemma and sense key when it starts (seconds); these helpers
# read the few index and data lines they need straight from the files (format: WordNet's wndb(5WN)
# manual page: index lines "lemma pos synset_cnt p_cnt [ptr]... sense_cnt tagsense_cnt offset...",
# data lines "offset lex_filenum ss_type w_cnt word lex_id... p_cnt [symbol offset pos src/tgt]...").

_WN_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


@lru_cache(maxsize=8)
def _wn_file(kind: str, pos: str) -> bytes:
    import nltk

    nlp._require("corpora/wordnet")
    return b"\n" + nltk.data.load(f"corpora/wordnet.zip/wordnet/{kind}.{_WN_FILES[pos]}", format="raw")


@lru_cache(maxsize=20000)
def wn_offsets(lemma: str, pos: str) -> tuple[int, ...]:
    """Synset offsets of a lemma (lower case, spaces as ``_``) for a WordNet part of speech (n, v, a, r), most frequent sense first."""
    idx = _wn_file("index", pos)
    key = b"\n" + lemma.replace(" ", "_").encode("utf-8", "ignore") + b" "
    k = idx.find(key)
    if k < 0:
        return ()
    fields = idx[k + 1:idx.find(b"\n", k + 1)].split()
    p_cnt = int(fields[3])
    return tuple(int(x) for x in fields[4 + p_cnt + 2:])


@lru_cache(maxsize=20000)
def _wn_synset(offset: int, pos: str) -> tuple[tuple[str, ...], tuple[tuple[str, int, str, int, int], ...]]:
    """(words, pointers) of a synset; a pointer is (symbol, offset, pos, source word, target word)."""
    data = _wn_file("data", pos)
    k = offset + 1  # the leading newline added by _wn_file
    fields = data[k:data.find(b"\n", k)].split(b" | ")[0].split()
    w_cnt = int(fields[3], 16)
    # adjectives may carry a syntactic marker: "ready(a)"
    words = tuple(fields[4 + 2 * n].decode().lower().split("(")[0] for n in range(w_cnt))
    at = 4 + 2 * w_cnt
    p_cnt = int(fields[at])
    ptrs = []
    for n in range(p_cnt):
        sym, off, ppos, st = fields[at + 1 + 4 * n:at + 5 + 4 * n]
        ppos = ppos.decode()
        ptrs.append((sym.decode(), int(off), "a" if ppos == "s" else ppos, int(st[:2], 16), int(st[2:], 16)))
    return words, tuple(ptrs)


@lru_cache(maxsize=20000)
def wn_related(lemma: str, pos: str = "", *, senses: int = 4) -> frozenset[str]:
    """A lemma, its WordNet synonyms (first ``senses`` senses) and their derivationally related
    forms ("escalate" -> "escalation"), lower case; ``pos`` "" means every part of speech."""
    out = {lemma}
    for p in ([pos] if pos else list(_WN_FILES)):
        for off in wn_offsets(lemma, p)[:senses]:
            words, ptrs = _wn_synset(off, p)
            out.update(w.replace("_", " ") for w in words)
            for sym, t_off, t_pos, _, tgt in ptrs:
                if sym == "+" and tgt:
                    t_words, _ = _wn_synset(t_off, t_pos)
                    if tgt <= len(t_words):
                        out.add(t_words[tgt - 1].replace("_", " "))
    return frozenset(out)


@lru_cache(maxsize=8192)
def _can_be_verb(word: str) -> bool:
    """Whether a word form can be a verb: an auxiliary, or its verb lemma is in WordNet's verb index."""
    if word in _BE | _HAVE | _DO | _GET:
        return True
    # British "criticised" (WordNet spells "criticize"); "re-enters" (WordNet: "reenter")
    forms = {word, word.replace("is", "iz"), word.replace("-", ""), word.split("-")[-1]}
    cands = set()
    for f in forms:
        cands.update({f, nlp.lemmatize(f, "VB")})
        for suffix, repl in _VERB_SUFFIXES:  # WordNet's morphy rules for verbs
            if f.endswith(suffix) and len(f) > len(suffix) + 1:
                stem = f[: len(f) - len(suffix)] + repl
                cands.update({stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem})
    return any(wn_offsets(c, "v") for c in cands)


_VERB_SUFFIXES = (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""))



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
                or (tags[k] != "MD" and not _can_be_verb(low[k].replace("’", "'")))):
            k += 1
            continue
        i = k
        members = [k]
        while True:
            w, t = low[k], tags[k]
            is_aux = t == "MD" or (w in _BE | _HAVE | _DO | _GET and k + 1 < n)
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
        passive = tags[head] == "VBN" and any(a in _BE | _GET for a in aux)
        first_tag = tags[i]
        if i > 0 and low[i - 1] == "to" and tags[i - 1] == "TO":
            form = "infinitive"
        elif first_tag in _FINITE:
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
def _role_rows(article: Article) -> tuple[Role, ...]:
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
            if w in _PRONOUNS and tags[k] == "PRP":
                who = resolve_pronoun(w, persons[:bisect_left(person_starts, t_start[k])])  # persons named before it
                if who:
                    spans.append((k, k + 1, who, "person", texts[k]))
        if s.part == "headline":
            tags = _retag_headline(texts, [(a, b) for a, b, *_ in spans])
        tags = _repair_tags(low, tags, [(a, b, kind) for a, b, _, kind, _ in spans], headline=s.part == "headline")
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
                    and low[a - 1] not in _SUBJECT_PREPS_OK - {"with"} and low[a - 1] not in _SUBORDINATORS):
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
    return pd.DataFrame(_role_rows(article), columns=ROLE_COLUMNS)


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

    >>> from analysis.article import parse_article
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
    for r in _role_rows(article):
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
