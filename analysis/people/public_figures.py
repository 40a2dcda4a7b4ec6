"""Public figures: the people, organisations, government bodies and groups an article names, with aliases, descriptors ("prominent figures like Elon Musk"), whether they are given a voice, and the tone around them — built on framing.entities.mention_rows, framing.sourcing.attribution_rows and language.tone.tone_rows."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, NamedTuple

from analysis.core.lazy import pandas as pd

from ..core import nlp
from ..core.article import Article
from ..core.lexicons import lexicon_terms
from ..core.tagging import can_be_verb
from ..core.tokens import sentence_words
from ..framing.entities import Mention, institution_cue, mention_rows
from ..framing.sourcing import attribution_rows
from ..language.tone import tone_rows

__all__ = [
    "public_figures", "public_figure_rows", "PublicFigure", "voice_by_sentence", "voice_rows", "Voice",
    "PUBLIC_FIGURE_COLUMNS", "PUBLIC_FIGURE_TYPES", "VOICE_COLUMNS",
]

#: entities.py kind -> the type shown to readers.
PUBLIC_FIGURE_TYPES = {"person": "person", "government": "government body", "organisation": "organisation",
                       "group": "group", "other": "other"}


class PublicFigure(NamedTuple):
    """One public figure: a row of :func:`public_figures` (same fields, same order; ``aliases``,
    ``descriptors`` and ``sentence_ids`` are tuples here, lists in the table)."""

    name: str
    type: str
    mentions: int
    aliases: tuple[str, ...]
    first_sentence: str
    first_position: float
    descriptors: tuple[str, ...]
    voiced: bool
    voice: str
    quoted: int
    paraphrased: int
    mean_tone: float
    sentence_ids: tuple[str, ...]


class Voice(NamedTuple):
    """One source given a voice in one sentence: a row of :func:`voice_by_sentence`."""

    source: str
    kind: str
    sentence_id: str
    voice: str
    cue: str


PUBLIC_FIGURE_COLUMNS = list(PublicFigure._fields)
VOICE_COLUMNS = list(Voice._fields)

_QUOTE_RE = re.compile(r"[“\"]([^”\"]+)[”\"]")
_LIKE = {"like", "including"}
_APPOS_START = {"DT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD", "VBN"}
_COPULA = {"is", "was", "are", "were"}
# Nouns that name a role or a kind of person ("writer", "journalist", "spokesman", "figures"): a cheap
# stand-in for WordNet's person hierarchy, which takes seconds to load from NLTK's zip.
_ROLE_RE = re.compile(r"(?:er|or|ist|man|woman|person|ian|ent|ant|ee|ive|ary|ic|ique|ner|ger)s?$|(?:men|women|people)$")
_ROLES = {"figure", "figures", "member", "members", "head", "chief", "official", "officials", "leader", "leaders", "aide",
          "aides", "critic", "critics", "activist", "activists", "expert", "experts", "judge", "professor", "doctor",
          "minister", "secretary", "ambassador", "envoy", "general", "colonel", "captain", "sergeant", "mayor",
          "governor", "senator", "representative", "candidate", "nominee", "billionaire", "tycoon", "mogul", "star",
          "celebrity", "author", "scholar", "chair", "chairman", "chairwoman", "ceo", "founder", "owner", "staff",
          "veteran", "victim", "survivor", "witness", "suspect", "defendant", "plaintiff", "refugee", "migrant"}
_NOT_ROLES = {"paper", "water", "number", "order", "border", "letter", "matter", "center", "centre", "power", "computer",
              "summer", "winter", "quarter", "chapter", "report", "moment", "statement", "government", "department",
              "agreement", "amendment", "document", "event", "comment", "percent", "plant", "grant"}


def _is_role(word: str) -> bool:
    w = word.lower()
    return w in _ROLES or (w not in _NOT_ROLES and w.rstrip("s") not in _NOT_ROLES and bool(_ROLE_RE.search(w)))




def _is_quoted(sentence_text: str) -> bool:
    """A direct quotation of at least three words, or a sentence opening or closing a quotation
    (scare quotes around one or two words do not count)."""
    for m in _QUOTE_RE.finditer(sentence_text):
        if len(m.group(1).split()) >= 3:
            return True
    stripped = sentence_text.strip()
    return stripped[:1] in "“\"" or stripped[-1:] in "”\"" and len(stripped.split()) >= 3


@lru_cache(maxsize=16)
def _voice_rows(article: Article) -> tuple[Voice, ...]:
    # (source, sentence) -> (kind, cue) of its attributions, in table order; a missing source is no one's voice.
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a in attribution_rows(article, True):
        if isinstance(a.source, str):
            found.setdefault((a.source, a.sentence_id), []).append((a.kind, a.cue))
    text = {s.id: s.text for s in article.sentences}
    return tuple(Voice(src, cues[0][0], sid, "quoted" if _is_quoted(text[sid]) else "paraphrased",
                       ", ".join(dict.fromkeys(cue.lower() for _, cue in cues)))
                 for (src, sid), cues in found.items())


def voice_rows(article: Article) -> tuple[Voice, ...]:
    """The rows of :func:`voice_by_sentence` as :class:`Voice` tuples, in the same order. Cached per article."""
    return _voice_rows(article)


def voice_by_sentence(article: Article) -> pd.DataFrame:
    """Who is given a voice where: one row per (source, sentence) of framing.sourcing.attributions, in the
    order they are first attributed.

    Columns: source, kind (attribution kind), sentence_id, voice (quoted when the sentence carries a
    direct quotation, otherwise paraphrased), cue. :func:`voice_rows` gives the same rows as tuples.
    """
    rows = _voice_rows(article)
    return pd.DataFrame(rows, columns=VOICE_COLUMNS) if rows else pd.DataFrame(columns=VOICE_COLUMNS)


def _descriptors(article: Article, ment: Iterable[Mention]) -> dict[str, list[str]]:
    """Descriptors of each actor: titles, "X like NAME", appositions ("NAME, the agency's head,"),
    copulas ("NAME is a political scientist") and role nouns before a name ("barrister Colin Yeo")."""
    toks = sentence_words(article)
    out: dict[str, list[str]] = {}
    for m in ment:
        found: list[str] = []
        surface_start = m.end - len(m.surface)
        title = article.text[surface_start:m.start].strip()
        if title and m.kind == "person":
            found.append(title)
        t = toks.get(m.sentence_id)
        if not t or m.i_start < 0:
            out.setdefault(m.actor, [])
            out[m.actor].extend(found)
            continue
        t = t.piece_at(surface_start)  # an over-long sentence: only the piece around the name
        texts, tags, starts, ends = t.text, t.pos, t.start, t.end
        low = [x.lower() for x in texts]
        first = next((k for k, st in enumerate(starts) if st >= surface_start), m.i_start - t.first)
        last = min(next((k for k, en in enumerate(ends) if en >= m.end), m.i_end - 1 - t.first), len(texts) - 1)
        # "prominent figures like Elon Musk", "groups such as X", "critics including X"
        k = None
        if first >= 1 and low[first - 1] in _LIKE:
            k = first - 2
        elif first >= 2 and low[first - 2:first] == ["such", "as"]:
            k = first - 3
        if k is not None:
            words = []
            while k >= 0 and (tags[k] in ("JJ", "NN", "NNS", "VBN") or (tags[k] == "CC" and words)) and len(words) < 5:
                words.insert(0, k)
                k -= 1
            while words and tags[words[0]] == "CC":
                words.pop(0)
            if words and tags[words[-1]].startswith("NN") and (m.kind != "person" or _is_role(texts[words[-1]])):
                found.append(article.text[starts[words[0]]:ends[words[-1]]])
        # Role nouns right before a person's name: "immigration barrister Colin Yeo".
        if m.kind == "person" and first >= 1 and not title:
            k = first - 1
            words = []
            while k >= 0 and tags[k] in ("JJ", "NN", "NNS", "CC", "VBN") and len(words) < 5:
                if tags[k] == "CC" and not words:
                    break
                words.insert(0, k)
                k -= 1
            while words and tags[words[0]] == "CC":
                words.pop(0)
            if words and tags[words[-1]] in ("NN",) and texts[words[-1]].islower() and _is_role(texts[words[-1]]) and (k < 0 or low[k] not in ("a", "an")):
                found.append(article.text[starts[words[0]]:ends[words[-1]]])
        # Apposition: "Jeff Rathke, the State Department Spokesperson, said".
        j = last + 1
        if j + 1 < len(texts) and texts[j] == "," and tags[j + 1] in _APPOS_START and low[j + 1] not in ("who", "which", "however", "though"):
            k = j + 1
            while k < len(texts) and texts[k] not in (",", ".", ";", ":", "(", "“", "\"") and k - j <= 13:
                k += 1
            span = list(range(j + 1, k))
            has_verb = any(tags[x] in ("VBD", "VBZ", "VBP", "MD") for x in span)
            is_list = any(tags[x] == "CC" for x in span) and tags[span[0]] != "DT"  # "DUI, domestic assault and assault"
            if span and not has_verb and not is_list and k - j <= 13 and (k >= len(texts) or texts[k] in (",", ".", ";")) and any(tags[x].startswith("NN") for x in span):
                phrase = article.text[starts[span[0]]:ends[span[-1]]]
                if not all(tags[x].startswith("NNP") or (x == span[0] and tags[x] == "DT") for x in span):  # a list of names
                    found.append(phrase)
        # Copula: "Will Creely is the senior vice president of ...".
        if j + 1 < len(texts) and low[j] in _COPULA and tags[j + 1] in ("DT", "PRP$") and low[j + 1] not in ("this", "that", "these", "those", "all", "no"):
            k = j + 1
            while k < len(texts) and texts[k] not in (",", ".", ";", ":", "(") and k - j <= 12:
                if tags[k] in ("VBD", "VBZ", "VBP", "MD") or low[k] in ("who", "which", "that"):
                    break
                if tags[k] == "CC" and k + 1 < len(tags) and tags[k + 1] in ("PRP", "PRP$"):
                    break
                k += 1
            span = list(range(j + 1, k))
            if span and any(tags[x].startswith("NN") for x in span) and tags[span[0]] in ("DT", "PRP$", "JJ"):
                found.append(article.text[starts[span[0]]:ends[span[-1]]])
        out.setdefault(m.actor, [])
        out[m.actor].extend(found)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _is_named_group(name: str) -> bool:
    """A group the article names as such ("Republicans", "the Proud Boys"), not a generic noun with or without
    modifiers ("members", "individuals", "communities", "U.S. attorneys", "officials"): its head word is capitalised."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper()


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case entries of NLTK's English word list: a first name that is also a common word ("Star",
    "Red", "Grace") is no evidence of a person on its own."""
    return nlp.lower_case_words()


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t for t, _ in lexicon_terms("entity_cues", ("person_title",)))


def _role_descriptor(d: str) -> bool:
    """A title ("Senator") or a phrase with a lower-case role noun ("music critic", "the agency's head")."""
    if d.lower().strip(".") in _titles():
        return True
    return any(w.isalpha() and w.islower() and _is_role(w) for w in re.split(r"[\s']+", d))


def _pronoun_follows(article: Article, grp: list[Mention]) -> bool:
    """The name opens its sentence (its subject) and the next sentence opens with he or she, or the name is
    followed by ", who": the article treats the name as a person."""
    toks = sentence_words(article)
    nxt = {a.id: b.id for a, b in zip(article.sentences, article.sentences[1:])}
    for m in grp:
        t = toks.get(m.sentence_id)
        if t is None or m.i_start < 0:
            continue
        if m.i_end + 1 < len(t.lower) and t.lower[m.i_end] == "," and t.lower[m.i_end + 1] == "who":
            return True
        t2 = toks.get(nxt.get(m.sentence_id, ""))
        if m.i_start <= 1 and t2 is not None and len(t2.lower) and t2.lower[0] in ("he", "she"):
            return True
    return False


def _shows_a_figure(article: Article, name: str, kind: str, grp: list[Mention], descriptors: list[str],
                    voiced: bool) -> bool:
    """Whether the article gives evidence that a name is a public figure, not a work, event, place or
    product read as a name ("Star Wars", "Revolutionary War", "Fort Lee", "SMOS"):

    person: given a voice, a title or a role descriptor ("President", "barrister Colin Yeo", "X, the
    spokesperson"), or a first name from NLTK's names corpus before a surname; government body: always
    (its head word says so); a person may also show itself as the subject followed by he/she in the next
    sentence, or by ", who" (a first name that is a common word, "Star", "Grace", needs that);
    organisation: given a voice or a known name or head word ("Red Cross",
    "... Council", "Reuters"); group: named (a capitalised word), not a generic noun; other: given a voice,
    unless it is one capitalised verb ("Make", "Remember": a how-to's imperative read as a name)."""
    words = name.split()
    if kind == "government":
        return len(words) >= 2 or voiced or institution_cue(name) or name.isupper()
    if kind == "group":
        return _is_named_group(name)
    if kind == "other":
        one = words[0].lower().replace("\u2019", "'") if len(words) == 1 else ""
        return voiced and not (one and (can_be_verb(one) or one in _common_words() or one in nlp.stopwords()
                                        or len(one) < 2))
    if voiced:
        return True
    if kind == "organisation":
        return institution_cue(name)
    if any(_role_descriptor(d) for d in descriptors):
        return True
    if _pronoun_follows(article, grp):
        return True
    first = words[0].lower() if words else ""
    return len(words) >= 2 and first in nlp.first_names() and first not in _common_words()


@lru_cache(maxsize=16)
def _public_figure_rows(article: Article, include_groups: bool) -> tuple[PublicFigure, ...]:
    skip = {"place"} if include_groups else {"place", "group"}
    ment = [m for m in mention_rows(article) if m.kind not in skip]
    if not ment:
        return ()
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in ment:
        by_name[m.actor].append(m)
    tone = {t.sentence_id: t.compound for t in tone_rows(article)}
    order = {s.id: s.index for s in article.sentences}
    descriptors = _descriptors(article, ment)
    n_chars = max(len(article.text), 1)
    voice_counts = Counter((v.source, v.voice) for v in _voice_rows(article))
    rows = []
    for name in sorted(by_name):
        grp = by_name[name]
        kind = grp[0].kind
        quoted, paraphrased = voice_counts[(name, "quoted")], voice_counts[(name, "paraphrased")]
        voiced = quoted + paraphrased > 0
        if not _shows_a_figure(article, name, kind, grp, descriptors.get(name, []), voiced):
            continue
        aliases = {m.surface.replace("’", "'") for m in grp}
        for m in grp:
            if re.match(r"['’]s\b", article.text[m.end:m.end + 3]):
                aliases.add(m.surface.replace("’", "'") + "'s")
        sids = tuple(sorted({m.sentence_id for m in grp}, key=order.get))
        scores = [tone[s] for s in sids if s in tone]
        mean_tone = round(float(sum(scores) / len(scores)), 3) if scores else 0.0
        voice = ("quoted and paraphrased" if quoted and paraphrased else "quoted" if quoted
                 else "paraphrased" if paraphrased else "not voiced")
        rows.append(PublicFigure(name, PUBLIC_FIGURE_TYPES.get(kind, kind), len(grp), tuple(sorted(aliases)), sids[0],
                                 round(min(m.start for m in grp) / n_chars, 3), tuple(descriptors.get(name, ())),
                                 voiced, voice, quoted, paraphrased, mean_tone, sids))
    rows.sort(key=lambda f: (-f.mentions, f.first_position, f.name))
    return tuple(rows)


def public_figure_rows(article: Article, *, include_groups: bool = True) -> tuple[PublicFigure, ...]:
    """The rows of :func:`public_figures` as :class:`PublicFigure` tuples, in the same order. Cached per article.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nPresident Trump spoke. Critics like Elon Musk said it would fail.")
    >>> [(f.name, f.voice, f.descriptors) for f in public_figure_rows(a, include_groups=False)]
    [('Trump', 'not voiced', ('President',)), ('Elon Musk', 'paraphrased', ('Critics',))]
    """
    return _public_figure_rows(article, include_groups)


def public_figures(article: Article, *, include_groups: bool = True) -> pd.DataFrame:
    """The people, government bodies, organisations and groups the article names, most mentioned first.

    Aliases are merged by :mod:`analysis.framing.entities` ("President Trump", "Trump", "Trump's" are one
    person); places are left out, and ``other`` names only when they are given a voice.
    Columns: name, type (person, government body, organisation, group, other), mentions, aliases
    (as written, possessives included), first_sentence, first_position (0 = start of the text,
    1 = end), descriptors (titles, "prominent figures like X", appositions, "X is a ..."),
    voiced (quoted or paraphrased at least once, from framing.sourcing.attributions), voice (quoted,
    paraphrased, quoted and paraphrased, not voiced), quoted, paraphrased (sentences of each),
    mean_tone (mean VADER compound of the sentences naming them), sentence_ids.
    :func:`public_figure_rows` gives the same rows as tuples.

    >>> from analysis.core.article import parse_article
    >>> a = parse_article("News\\n\\nPresident Trump spoke. Critics like Elon Musk said it would fail. Trump's plan stood.")
    >>> public_figures(a, include_groups=False)[["name", "mentions", "voiced", "descriptors"]].values.tolist()
    [['Trump', 2, False, ['President']], ['Elon Musk', 1, True, ['Critics']]]
    """
    rows = _public_figure_rows(article, include_groups)
    if not rows:
        return pd.DataFrame(columns=PUBLIC_FIGURE_COLUMNS)
    return pd.DataFrame([(*f[:3], list(f.aliases), f.first_sentence, f.first_position, list(f.descriptors), *f[7:12],
                          list(f.sentence_ids)) for f in rows], columns=PUBLIC_FIGURE_COLUMNS)
