"""A small WordNet lookup read straight from NLTK's WordNet files: synset offsets of a lemma and its
related forms (synonyms and derivationally related words)."""

from __future__ import annotations

from functools import lru_cache

from .model_cache import cached
from .resources import NLTKResourceError, require, resource_files

__all__ = ["wn_offsets", "wn_related", "wn_lexfiles", "wn_verb_frames", "TRANSITIVE_FRAMES", "DOUBLE_OBJECT_FRAMES",
           "INTRANSITIVE_FRAMES", "LEXFILE_PERSON", "LEXFILE_GROUP"]

# NLTK's WordNet reader indexes every lemma and sense key when it starts (seconds); these helpers
# read the few index and data lines they need straight from the files (format: WordNet's wndb(5WN)
# manual page: index lines "lemma pos synset_cnt p_cnt [ptr]... sense_cnt tagsense_cnt offset...",
# data lines "offset lex_filenum ss_type w_cnt word lex_id... p_cnt [symbol offset pos src/tgt]...").

_WN_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: WordNet lexicographer file numbers (lexnames(5WN)) the analyses test for.
LEXFILE_ACT = 4  # noun.act: crime, attack, protest
LEXFILE_EVENT = 11  # noun.event: clash, incident
LEXFILE_FOOD = 13  # noun.food
LEXFILE_GROUP = 14  # noun.group
LEXFILE_PERSON = 18  # noun.person
LEXFILE_STATE = 26  # noun.state: illnesses, deficiencies, poverty
LEXFILE_SUBSTANCE = 27  # noun.substance: iodine, iron, vitamin
LEXFILE_VERB_CONTACT = 35  # verb.contact: pull, push
LEXFILE_VERB_MOTION = 38  # verb.motion: fall, step, lean


@lru_cache(maxsize=8)
def _wn_file(kind: str, pos: str) -> bytes:
    """One WordNet index or data file (with a leading newline), kept in the model cache: reading it back is a
    copy, where unzipping it again took most of a headline comparison's time."""
    import nltk

    require("corpora/wordnet")
    name = f"{kind}.{_WN_FILES[pos]}"
    return cached(f"wordnet-{name}", resource_files("corpora/wordnet.zip"),
                  lambda: b"\n" + nltk.data.load(f"corpora/wordnet.zip/wordnet/{name}", format="raw"),
                  lambda v: isinstance(v, bytes) and v[:1] == b"\n")


def _index_line(idx: bytes, lemma: bytes) -> bytes | None:
    """The line of a WordNet index file whose first field is ``lemma``, by binary search: the files are sorted by
    lemma in byte order (the licence lines at the top start with spaces, so they sort first). A scan of the
    5 MB noun index took about a millisecond per new word.

    >>> _index_line(b"\\n  licence\\nable a 1\\ncat n 2\\ndog n 3\\n", b"cat")
    b'cat n 2'
    >>> _index_line(b"\\nable a 1\\ncat n 2\\n", b"bat") is None
    True
    """
    if not lemma or lemma.startswith(b" "):
        return None
    lo, hi = 0, len(idx)  # the line sought, if any, starts in [lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        start = idx.rfind(b"\n", 0, mid) + 1
        end = idx.find(b"\n", mid)
        if end < 0:
            end = len(idx)
        space = idx.find(b" ", start, end)
        key = idx[start:space if space >= 0 else end]
        if key == lemma:
            return idx[start:end]
        if key < lemma:
            lo = end + 1
        else:
            hi = start
    return None


@lru_cache(maxsize=20000)
def wn_offsets(lemma: str, pos: str) -> tuple[int, ...]:
    """Synset offsets of a lemma (lower case, spaces as ``_``) for a WordNet part of speech (n, v, a, r), most frequent sense first."""
    line = _index_line(_wn_file("index", pos), lemma.replace(" ", "_").encode("utf-8", "ignore"))
    if line is None:
        return ()
    fields = line.split()
    p_cnt = int(fields[3])
    return tuple(int(x) for x in fields[4 + p_cnt + 2:])


@lru_cache(maxsize=20000)
def wn_lexfiles(word: str, pos: str, *, common: bool = False) -> tuple[int, ...]:
    """WordNet lexicographer file numbers of a word's senses for a part of speech (n, v, a, r), most frequent
    sense first (noun.person is 18, noun.group 14; WordNet's lexnames(5WN)); () when WordNet does not list the
    word for that part of speech, or is not installed (the rules that need it then stay silent). ``common``:
    only the senses where WordNet writes the word in lower case, not the names ("sue" is a person only as
    "Sue", the novelist Eugene Sue)."""
    try:
        offsets = wn_offsets(word, pos)
        data = _wn_file("data", pos) if offsets else b""
    except (NLTKResourceError, LookupError):
        return ()
    out = []
    for o in offsets:
        # a data line: "offset lex_filenum ss_type w_cnt word lex_id ..." (wndb(5WN)); lex_filenum is decimal
        line = data[o + 1:data.find(b"\n", o + 1)]
        fields = line.split() if common else line.split(maxsplit=2)
        if common:
            written = [fields[4 + 2 * n].decode().split("(")[0] for n in range(int(fields[3], 16))]
            if word.replace(" ", "_") not in written:
                continue
        out.append(int(fields[1]))
    return tuple(out)


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


#: WordNet's generic verb frames (wninput(5WN)) with a direct object: "Somebody ----s something" (8),
#: "... somebody" (9), "Something ----s somebody/something" (10, 11), and the frames 14-21, 24, 25, 30, 31
#: that add a second complement ("Somebody ----s somebody to INFINITIVE").
TRANSITIVE_FRAMES = frozenset({8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31})
#: The frames with two objects: "Somebody ----s somebody something" (14), "... something to somebody" (15).
DOUBLE_OBJECT_FRAMES = frozenset({14, 15})
#: The frames without an object: "Something ----s" (1), "Somebody ----s" (2), "Somebody ----s PP" (22).
INTRANSITIVE_FRAMES = frozenset({1, 2, 22})


@lru_cache(maxsize=20000)
def wn_verb_frames(lemma: str, *, senses: int = 1) -> frozenset[int]:
    """The generic frame numbers of a verb's first ``senses`` senses, for that word of each synset (wndb(5WN):
    "f_cnt + f_num w_num ..."; w_num 0 means every word of the synset); an empty set when WordNet does not list
    the verb or is not installed. ``TRANSITIVE_FRAMES`` holds those with a direct object.

    >>> sorted(wn_verb_frames("walk")), bool(wn_verb_frames("arrest") & TRANSITIVE_FRAMES)
    ([1, 2, 22], True)
    """
    try:
        offsets = wn_offsets(lemma, "v")[:senses]
    except (NLTKResourceError, LookupError):
        return frozenset()
    data = _wn_file("data", "v") if offsets else b""
    out: set[int] = set()
    for off in offsets:
        words, ptrs = _wn_synset(off, "v")
        fields = data[off + 1:data.find(b"\n", off + 1)].split(b" | ")[0].split()
        at = 4 + 2 * len(words) + 1 + 4 * len(ptrs)
        own = words.index(lemma.replace(" ", "_")) + 1 if lemma.replace(" ", "_") in words else -1
        for n in range(int(fields[at])):
            f_num, w_num = int(fields[at + 2 + 3 * n]), int(fields[at + 3 + 3 * n], 16)
            if w_num in (0, own):
                out.add(f_num)
    return frozenset(out)


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
