"""Public figures: the people, organisations, government bodies and groups an article names, with aliases, descriptors ("prominent figures like Elon Musk"), whether they are given a voice, and the tone around them — built on entities.mentions and framing.attributions."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from .article import Article
from .tokens import sentence_words

__all__ = ["public_figures", "voice_by_sentence", "PUBLIC_FIGURE_COLUMNS", "PUBLIC_FIGURE_TYPES"]

#: entities.py kind -> the type shown to readers.
PUBLIC_FIGURE_TYPES = {"person": "person", "government": "government body", "organisation": "organisation",
                       "group": "group", "other": "other"}
PUBLIC_FIGURE_COLUMNS = [
    "name", "type", "mentions", "aliases", "first_sentence", "first_position", "descriptors", "voiced", "voice",
    "quoted", "paraphrased", "mean_tone", "sentence_ids",
]

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


def voice_by_sentence(article: Article) -> pd.DataFrame:
    """Who is given a voice where: one row per (source, sentence) of framing.attributions.

    Columns: source, kind (attribution kind), sentence_id, voice (quoted when the sentence carries a
    direct quotation, otherwise paraphrased), cue.
    """
    from .framing import attributions

    att = attributions(article)
    cols = ["source", "kind", "sentence_id", "voice", "cue"]
    if att.empty:
        return pd.DataFrame(columns=cols)
    text = {s.id: s.text for s in article.sentences}
    rows = []
    for (src, sid), grp in att.groupby(["source", "sentence_id"], sort=False):
        voice = "quoted" if _is_quoted(text[sid]) else "paraphrased"
        rows.append((src, grp["kind"].iloc[0], sid, voice, ", ".join(dict.fromkeys(grp["cue"].str.lower()))))
    return pd.DataFrame(rows, columns=cols)


def _descriptors(article: Article, ment: pd.DataFrame) -> dict[str, list[str]]:
    """Descriptors of each actor: titles, "X like NAME", appositions ("NAME, the agency's head,"),
    copulas ("NAME is a political scientist") and role nouns before a name ("barrister Colin Yeo")."""
    toks = sentence_words(article)
    out: dict[str, list[str]] = {}
    for m in ment.itertuples(index=False):
        found: list[str] = []
        surface_start = int(m.end) - len(m.surface)
        title = article.text[surface_start:int(m.start)].strip()
        if title and m.kind == "person":
            found.append(title)
        t = toks.get(m.sentence_id)
        if not t or m.i_start < 0:
            out.setdefault(m.actor, [])
            out[m.actor].extend(found)
            continue
        texts, tags, starts, ends = t.text, t.pos, t.start, t.end
        low = [x.lower() for x in texts]
        first = next((k for k, st in enumerate(starts) if st >= surface_start), m.i_start)
        last = next((k for k, en in enumerate(ends) if en >= int(m.end)), m.i_end - 1)
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


def public_figures(article: Article, *, include_groups: bool = True) -> pd.DataFrame:
    """The people, government bodies, organisations and groups the article names, most mentioned first.

    Aliases are merged by :mod:`analysis.entities` ("President Trump", "Trump", "Trump's" are one
    person); places are left out, and ``other`` names only when they are given a voice.
    Columns: name, type (person, government body, organisation, group, other), mentions, aliases
    (as written, possessives included), first_sentence, first_position (0 = start of the text,
    1 = end), descriptors (titles, "prominent figures like X", appositions, "X is a ..."),
    voiced (quoted or paraphrased at least once, from framing.attributions), voice (quoted,
    paraphrased, quoted and paraphrased, not voiced), quoted, paraphrased (sentences of each),
    mean_tone (mean VADER compound of the sentences naming them), sentence_ids.

    >>> from analysis.article import parse_article
    >>> a = parse_article("News\\n\\nPresident Trump spoke. Critics like Elon Musk said it would fail. Trump's plan stood.")
    >>> public_figures(a, include_groups=False)[["name", "mentions", "voiced", "descriptors"]].values.tolist()
    [['Trump', 2, False, ['President']], ['Elon Musk', 1, True, ['Critics']]]
    """
    from .entities import mentions
    from .language import sentence_tone

    ment = mentions(article)
    ment = ment[ment["kind"] != "place"]
    if not include_groups:
        ment = ment[ment["kind"] != "group"]
    if ment.empty:
        return pd.DataFrame(columns=PUBLIC_FIGURE_COLUMNS)
    voices = voice_by_sentence(article)
    tone = dict(zip(*sentence_tone(article)[["sentence_id", "compound"]].T.values))
    order = {s.id: s.index for s in article.sentences}
    descriptors = _descriptors(article, ment)
    n_chars = max(len(article.text), 1)
    voice_counts = Counter(zip(voices["source"], voices["voice"]))
    rows = []
    for name, grp in ment.groupby("actor", sort=True):
        kind = grp["kind"].iloc[0]
        quoted, paraphrased = voice_counts[(name, "quoted")], voice_counts[(name, "paraphrased")]
        voiced = quoted + paraphrased > 0
        if kind == "other" and not voiced:
            continue
        aliases = set(grp["surface"].str.replace("’", "'", regex=False))
        for r in grp.itertuples(index=False):
            if re.match(r"['’]s\b", article.text[int(r.end):int(r.end) + 3]):
                aliases.add(r.surface.replace("’", "'") + "'s")
        sids = sorted(set(grp["sentence_id"]), key=order.get)
        scores = [tone[s] for s in sids if s in tone]
        mean_tone = round(float(sum(scores) / len(scores)), 3) if scores else 0.0
        voice = ("quoted and paraphrased" if quoted and paraphrased else "quoted" if quoted
                 else "paraphrased" if paraphrased else "not voiced")
        rows.append((name, PUBLIC_FIGURE_TYPES.get(kind, kind), len(grp), sorted(aliases), sids[0],
                     round(int(grp["start"].min()) / n_chars, 3), descriptors.get(name, []), voiced, voice,
                     quoted, paraphrased, mean_tone, sids))
    frame = pd.DataFrame(rows, columns=PUBLIC_FIGURE_COLUMNS)
    frame = frame.sort_values(["mentions", "first_position", "name"], ascending=[False, True, True], kind="mergesort")
    return frame.reset_index(drop=True)
