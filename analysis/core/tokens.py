"""The token table of an article: every word and punctuation mark with its sentence, offsets and part-of-speech tag.

Two views of the same tokens, both computed once per article and cached:

- :func:`tokens` — one tidy DataFrame row per token (for notebooks and table-wise work);
- :func:`sentence_words` — per sentence, plain tuples of the same columns (for the analyses that
  walk a sentence token by token; indexing a tuple is far cheaper than indexing a pandas row).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Mapping, Sequence

from . import nlp
from .article import Article, Sentence
from .lazy import pandas as pd
from .tagging import FINITE_TAGS, can_be_verb
from .wordnet import wn_lexfiles

__all__ = ["tokens", "TOKEN_COLUMNS", "EVENT_NOUNS", "sentence_words", "SentenceWords", "sentence_pieces", "joined_words"]

TOKEN_COLUMNS = ["sentence_id", "sentence", "i", "start", "end", "text", "lower", "pos", "is_word", "is_stop"]


def joined_words(words) -> str:
    """Tokens joined into a phrase to show, as the text writes it: no space before a full stop or a possessive, in
    short initialisms joined by "&" or in a web name.

    >>> joined_words(["Mr", ".", "Smith", "of", "AT", "&", "T", "and", "McDonald", "'s", "Amazon", ".", "com"])
    "Mr. Smith of AT&T and McDonald's Amazon.com"
    """
    phrase = " ".join(words).replace(" .", ".").replace(" 's", "'s").replace(" ’s", "’s")
    return _WEB_NAME_RE.sub(r".\1", _AMPERSAND_INITIALS_RE.sub(r"\1&\2", phrase))


_AMPERSAND_INITIALS_RE = re.compile(r"\b([A-Z]{1,3}) & ([A-Z]{1,3})\b")  # "AT & T" is "AT&T", "Texas A & M" "A&M"
_WEB_NAME_RE = re.compile(r"(?<=\w)\. (com|org|net|gov|edu)\b")


#: Prepositions that headline style may leave in lower case although they are not NLTK stop words.
TITLE_MINOR_WORDS = frozenset(
    "across after along alongside although amid amidst among around atop behind beneath beside besides beyond cent "
    "despite except inside like near onto outside past plus since than though throughout toward towards underneath "
    "unless unlike upon versus whether within without".split())


#: Nouns for an event that a name right before them turns into the event's name ("the Capitol riot"): the word
#: is then part of the name, not the writer's choice.
EVENT_NOUNS = frozenset("riot riots massacre attack attacks shooting bombing uprising crisis scandal war raid invasion "
                        "insurrection siege rampage".split())


@dataclass(frozen=True)
class SentenceWords:
    """The tokens of one sentence as parallel tuples (position ``i`` in each is token ``i``).

    ``start``/``end`` are offsets into ``article.text``; ``lower`` has ASCII quotes and lower case;
    ``pos`` holds Penn Treebank tags; ``is_word`` is True for tokens with a letter or digit. A piece of an
    over-long sentence (:attr:`pieces`) has the same ``sentence_id``; ``first`` is the position of its first
    token in the whole sentence (0 for a whole sentence).
    """

    sentence_id: str
    text: tuple[str, ...]
    lower: tuple[str, ...]
    pos: tuple[str, ...]
    start: tuple[int, ...]
    end: tuple[int, ...]
    is_word: tuple[bool, ...]
    is_stop: tuple[bool, ...]
    first: int = 0

    def __len__(self) -> int:
        return len(self.text)

    @property
    def n_words(self) -> int:
        """How many tokens are words (not punctuation)."""
        return sum(self.is_word)

    @cached_property
    def title_case(self) -> bool:
        """Whether the sentence is set headline style: most of its words capitalised (over 60 % of at least three
        words that start with a letter) and no word in lower case but short and function words (stop words, words
        of up to three letters, :data:`TITLE_MINOR_WORDS`, abbreviations and hyphenated words such as "a.m." or
        "e-bikes"). There the tagger calls nearly every word a name, so names cannot be told apart from other
        words by their capital. A sentence crowded with names but written in sentence case ("Mrs. Chase is the
        former Miss Mary Mullenax.") is not headline style.

        >>> SentenceWords("s1", ("Troops", "Head", "to", "Border"), ("troops", "head", "to", "border"),
        ...               ("NNP", "NNP", "TO", "NNP"), (0, 7, 12, 15), (6, 11, 14, 21), (True,) * 4,
        ...               (False, False, True, False)).title_case
        True
        """
        words = [(t, stop) for t, w, stop in zip(self.text, self.is_word, self.is_stop) if w and t[:1].isalpha()]
        if len(words) < 3 or sum(t[:1].isupper() for t, _ in words) <= 0.6 * len(words):
            return False
        return not any(t.islower() and not stop and len(t) > 3 and t not in TITLE_MINOR_WORDS
                       and not any(ch in t for ch in ".-") for t, stop in words)  # "6 a.m.", "e-bikes"

    def in_name(self, i: int, j: int) -> bool:
        """Whether tokens ``i``..``j`` (end exclusive) are part of a proper name: one of them capitalised and tagged
        as a name after the sentence's first word ("the Refugee Council", "the Joint Council for the Welfare of
        Immigrants"), or an event noun right after such a word ("the Capitol riot", :data:`EVENT_NOUNS`). Never in
        a :attr:`title_case` sentence, where nearly every word is capitalised and tagged as a name.

        >>> w = SentenceWords("s1", ("The", "Refugee", "Council", "helps", "refugees", "."),
        ...                   ("the", "refugee", "council", "helps", "refugees", "."),
        ...                   ("DT", "NNP", "NNP", "VBZ", "NNS", "."), (0, 4, 12, 20, 26, 34), (3, 11, 19, 25, 34, 35),
        ...                   (True,) * 5 + (False,), (True, False, False, False, False, False))
        >>> w.in_name(1, 2), w.in_name(4, 5)
        (True, False)
        """
        if self.title_case:
            return False
        if any(k > 0 and self.pos[k] in ("NNP", "NNPS") and self.text[k][:1].isupper() for k in range(i, j)):
            return True
        return (j - i == 1 and self.lower[i] in EVENT_NOUNS and i > 1 and self.text[i - 1][:1].isupper()
                and self.pos[i - 1] in ("NNP", "NNPS"))

    @cached_property
    def sentence_case_pos(self) -> tuple[str, ...]:
        """The tags for telling word classes apart: :attr:`pos` itself, except in a :attr:`title_case` sentence,
        where the tagger reads nearly every capitalised word as a name ("Vicious" NNP, "May" NNP): there each word
        is tagged as if the sentence were set in sentence case: lower case but for abbreviations in capitals ("US",
        "FBI": up to four letters, not a stop word or a common word such as "NOT" or "VILE"), so that a shouted
        phrase ("Impose INFORMATION BLACKOUT") is read as words. A headline's verb in -s that the tagger then
        reads as a plural noun ("Family Sues Hospital", "Governor Claims Election Was Rigged") is made a verb: the
        first such word after a noun, with no finite verb before it, that can be a verb while the next word cannot
        ("Fraud Claims Surge" keeps its noun). In other sentences, a first word that WordNet has only as an
        adjective and that is no first name, tagged as a name before an acronym or a plural name ("Heartless ICE
        agents …", "Shameless Republicans …"; not a brand or a title: "Nasty Gal founder …", "Dumb Starbucks
        owner …"), is tagged with the sentence as if written in lower case. For the word-level analyses (modals,
        hedges, loaded words); names keep :attr:`pos`.

        >>> w = SentenceWords("s1", ("Troops", "May", "Face", "Vicious", "Attacks"),
        ...                   ("troops", "may", "face", "vicious", "attacks"), ("NNP",) * 5, (0, 7, 11, 16, 24),
        ...                   (6, 10, 15, 23, 31), (True,) * 5, (False, True, False, False, False))
        >>> w.sentence_case_pos[1:4]
        ('MD', 'VB', 'JJ')
        """
        if not self.title_case:
            if self.first == 0 and len(self.pos) > 2 and self.pos[0] in ("NNP", "NNPS") \
                    and _group_after(self.text, self.lower) and _adjective_only(self.lower[0]):
                # a sentence's first word before a name of a group, read as a name too ("Heartless ICE agents
                # tore …", "Shameless Republicans blocked …"): the sentence tagged with that word in lower case
                return tuple(nlp.pos_tag_sentences([(self.lower[0],) + self.text[1:]])[0])
            return self.pos
        stop = nlp.stopwords()
        words = [t if t == "US" or 1 < len(t) <= 4 and t.isupper() and t.lower() not in stop
                 and not nlp.is_common_word(t) else t.lower() for t in self.text]
        tags = nlp.pos_tag_sentences([words])[0]
        for k in range(1, len(tags) - 1):
            if tags[k] in FINITE_TAGS:
                break
            if tags[k] == "NNS" and tags[k - 1] in ("NN", "NNS", "NNP", "NNPS") and words[k].endswith("s") \
                    and not (tags[k + 1].startswith("VB") or tags[k + 1] == "MD") and can_be_verb(words[k]) \
                    and not can_be_verb(words[k + 1].lower()):
                tags[k] = "VBZ"
                break
        return tuple(tags)

    def words_between(self, a: int, b: int) -> int:
        """Words among the tokens whose offsets lie within ``[a, b)`` of ``article.text``."""
        return sum(1 for s, e, w in zip(self.start, self.end, self.is_word) if w and s >= a and e <= b)

    @cached_property
    def pieces(self) -> tuple[SentenceWords, ...]:
        """The sentence cut for the steps that look around each word: itself alone unless it has more than
        :data:`~analysis.core.nlp.MAX_PIECE_TOKENS` tokens, else pieces of at most that many, cut after
        clause punctuation (:func:`~analysis.core.nlp.piece_bounds`), with the same sentence id and offsets
        into ``article.text``. Such steps then cost at most a piece per word, not a whole sentence.

        >>> w = SentenceWords("s1", ("a", ",", "b"), ("a", ",", "b"), ("DT", ",", "NN"), (0, 1, 3), (1, 2, 4),
        ...                   (True, False, True), (True, False, False))
        >>> w.pieces == (w,)
        True
        """
        bounds = nlp.piece_bounds(self.text)
        if len(bounds) == 1:
            return (self,)
        return tuple(SentenceWords(self.sentence_id, self.text[a:b], self.lower[a:b], self.pos[a:b], self.start[a:b],
                                   self.end[a:b], self.is_word[a:b], self.is_stop[a:b], self.first + a)
                     for a, b in bounds)

    def piece_at(self, offset: int) -> SentenceWords:
        """The piece (:attr:`pieces`) holding the character ``offset`` of ``article.text`` (the first piece
        before its first token, the last after its end); the sentence itself when it is not over-long."""
        pieces = self.pieces
        if len(pieces) == 1:
            return pieces[0]
        return pieces[max(0, bisect_right(self._piece_starts, offset) - 1)]

    @cached_property
    def _piece_starts(self) -> tuple[int, ...]:
        return tuple(p.start[0] for p in self.pieces)


@lru_cache(maxsize=16)
def _sentence_words(article: Article) -> Mapping[str, SentenceWords]:
    per_sentence: list[list[str]] = []
    spans: list[list[tuple[int, int]]] = []
    for s in article.sentences:
        sp = nlp.word_spans(s.text)
        spans.append(sp)
        per_sentence.append([s.text[a:b] for a, b in sp])
    tags = nlp.pos_tag_sentences(per_sentence)
    stop = nlp.stopwords()
    out: dict[str, SentenceWords] = {}
    for s, sp, toks, tg in zip(article.sentences, spans, per_sentence, tags):
        low = tuple(nlp.normalise_token(tok).lower() for tok in toks)
        out[s.id] = SentenceWords(
            sentence_id=s.id,
            text=tuple(toks),
            lower=low,
            pos=tuple(tg),
            start=tuple(s.start + a for a, _ in sp),
            end=tuple(s.start + b for _, b in sp),
            is_word=tuple(any(ch.isalnum() for ch in tok) for tok in toks),
            is_stop=tuple(w in stop for w in low),
        )
    return MappingProxyType(out)


def sentence_words(article: Article) -> Mapping[str, SentenceWords]:
    """The tokens of each sentence as :class:`SentenceWords`, keyed by sentence id in reading order.

    Computed once per article and cached (read-only).

    >>> from analysis.core.article import parse_article
    >>> w = sentence_words(parse_article("News\\n\\nThe troops arrived."))["s2"]
    >>> w.lower, w.pos, w.n_words
    (('the', 'troops', 'arrived', '.'), ('DT', 'NNS', 'VBD', '.'), 3)
    """
    return _sentence_words(article)


@lru_cache(maxsize=16)
def _sentence_pieces(article: Article) -> tuple[tuple[Sentence, SentenceWords], ...]:
    toks = _sentence_words(article)
    out: list[tuple[Sentence, SentenceWords]] = []
    for s in article.sentences:
        w = toks[s.id]
        if len(w.pieces) == 1:
            out.append((s, w))
            continue
        for p in w.pieces:
            a, b = p.start[0], p.end[-1]
            out.append((Sentence(s.id, s.index, s.paragraph, s.part, a, b, article.text[a:b]), p))
    return tuple(out)


def sentence_pieces(article: Article) -> tuple[tuple[Sentence, SentenceWords], ...]:
    """Each sentence with its tokens, in reading order, an over-long sentence cut into its
    :attr:`SentenceWords.pieces`: each piece a :class:`Sentence` with the sentence's id, index, paragraph and
    part and the piece's own offsets and text. For the analyses that look at every word's neighbourhood in its
    sentence, so that their time stays linear in the text whatever its shape. Cached per article.

    >>> from analysis.core.article import parse_article
    >>> [(s.id, s.text) for s, w in sentence_pieces(parse_article("News\\n\\nIt rained. Then it stopped."))]
    [('s1', 'News'), ('s2', 'It rained.'), ('s3', 'Then it stopped.')]
    """
    return _sentence_pieces(article)


@lru_cache(maxsize=16)
def _token_table(article: Article) -> pd.DataFrame:
    index = {s.id: s.index for s in article.sentences}
    rows: list[tuple] = []
    for sid, w in _sentence_words(article).items():
        k = index[sid]
        rows.extend((sid, k, i, *vals) for i, vals in enumerate(zip(w.start, w.end, w.text, w.lower, w.pos,
                                                                      w.is_word, w.is_stop)))
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def tokens(article: Article) -> pd.DataFrame:
    """One row per token: sentence_id, sentence (index), i (position in sentence), start, end
    (offsets into ``article.text``), text, lower (ASCII quotes, lower case), pos (Penn tag),
    is_word (has a letter or digit), is_stop (NLTK English stopword).

    Computed once per article and cached; a copy is returned.
    """
    return _token_table(article).copy()


#: Nouns that make a capitalised run before them the name of a brand, a band or a work ("Nasty Gal founder",
#: "Grumpy Cat owner", "Insane Clown Posse fans").
_NAMED_THING_ROLES = frozenset("founder founders co-founder owner owners fans fan star stars maker makers author "
                               "authors creator creators ceo singer band members".split())


def _group_after(text: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether the capitalised words after a sentence's first word name a group of people: an acronym in capitals
    or a plural ("ICE", "FBI", "Republicans"), and no role noun after the run that would make it a brand's or a
    work's name ("Dumb Starbucks owner")."""
    k = 1
    while k < len(text) and text[k][:1].isupper():
        k += 1
    if k < len(text) and lower[k] in _NAMED_THING_ROLES:
        return False
    nxt = text[1]
    return len(nxt) > 1 and (nxt.isupper() or nxt.endswith("s") and not nxt.endswith("ss"))


def _adjective_only(word: str) -> bool:
    """Whether WordNet has ``word`` as an adjective and not as a noun or a verb, and it is no first name
    ("heartless", "shameless"; not "rusty", "sunny", which are also names)."""
    return bool(wn_lexfiles(word, "a")) and not wn_lexfiles(word, "n") and not wn_lexfiles(word, "v") \
        and word not in nlp.first_names()
