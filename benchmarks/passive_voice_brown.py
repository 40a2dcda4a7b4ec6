"""Accuracy of the passive-voice detector against the hand-made part-of-speech tags of the Brown corpus.

The Brown corpus (Francis & Kučera 1964/1979; NLTK's ``brown``) tags every past participle ``VBN``,
separately from the past tense ``VBD``, and every form of *be* ``BE*`` and of *have* ``HV*``. That is
enough to say, for most participles, whether a careful grammarian would call the clause passive:

- **be/get**: the participle follows a form of *be* or *get*, over adverbs and "not" ("was quickly
  arrested", "has been sold", "got elected");
- **reduced**: it follows a noun or pronoun it describes, with no auxiliary ("the money raised last
  year", "those arrested");
- **coordinated**: it follows "and"/"or" after a passive participle ("was arrested and charged");
- **clause**: it opens a participial clause at the start of a sentence or after a comma or a
  subordinator ("Founded in 1900, the firm ...", "when asked").

A participle before a noun ("the injured man") is attributive, one after *have* is an active perfect:
neither is a passive. Other participles (after "seemed", "became", "with") are left out of the score,
as are words tagged as parts of titles (``-TL``) and the participles article-lens reads as states
(``analysis.language.passives.ADJECTIVAL_PARTICIPLES``: "was tired").

Each Brown text is detokenised into an article (sentences joined, paragraphs kept), run through
``analysis.language.passives.passive_rows`` and matched word by word on character offsets. A predicted
participle is right when the gold tags make it a passive; a predicted word that Brown tags as a past
tense or an adjective is wrong. Prints precision, recall and F1 by kind and the most frequent errors.

Run: ``python benchmarks/passive_voice_brown.py [--categories news,editorial,reviews | --all] [-v]``
(needs NLTK's ``brown`` corpus: ``NLTK_DATA`` as for the tests; ``python -m analysis setup`` fetches it
on a machine with internet). Figures are in docs/accuracy.md ("Passive voice").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import parse_article  # noqa: E402
from analysis.language.passives import ADJECTIVAL_PARTICIPLES, passive_rows  # noqa: E402

PRESS = ("news", "editorial", "reviews")
GOLD_KINDS = ("be/get", "reduced", "coordinated", "clause")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "''", "'", "%"}
_NO_SPACE_AFTER = {"(", "``", "$"}
_SKIP = {"RB", "RBR", "RBT", "QL", "*", "RN"}
_GET = {"get", "gets", "got", "gotten", "getting"}
_NOUNISH = {"NN", "NNS", "NN$", "NNS$", "NP", "NPS", "NP$", "NPS$", "NR", "NRS", "PPO", "PPOS", "PN", "PPL",
            "PPLS", "DTS", "CD", "''", ")", "PPS", "PPSS"}
_SUBORDINATORS = {"CS", "WRB"}


def _tag(tag: str) -> str:
    """The base tag: without "FW-", and without the -TL, -HL and -NC suffixes ("VBN-TL" -> "VBN")."""
    if tag.startswith("FW-"):
        tag = tag[3:]
    base = tag.split("-")[0]
    return base or tag


def _is_be(tag: str) -> bool:
    return any(part.startswith("BE") for part in tag.split("+"))


def _is_have(tag: str) -> bool:
    return any(part.startswith("HV") for part in tag.split("+"))


def gold_kinds(words: list[str], tags: list[str]) -> list[str | None]:
    """For each token of one tagged Brown sentence: a gold passive kind, "no" (not a passive), "skip"
    (left out of the score) or None (not a participle)."""
    base = [_tag(t) for t in tags]
    out: list[str | None] = [None] * len(words)
    for i, (w, t) in enumerate(zip(words, base)):
        if t != "VBN":
            continue
        if tags[i].endswith("-TL") or "-TL-" in tags[i] or w.lower() in ADJECTIVAL_PARTICIPLES:
            out[i] = "skip"
            continue
        j = i - 1
        while j >= 0 and base[j] in _SKIP:
            j -= 1
        prev = base[j] if j >= 0 else ""
        nxt = base[i + 1] if i + 1 < len(base) else ""
        if j >= 0 and (_is_be(tags[j]) or words[j].lower() in _GET):
            out[i] = "be/get"
        elif j >= 0 and _is_have(tags[j]):
            out[i] = "no"
        elif prev == "CC" or (prev == "," and j > 0 and base[j - 1] == "CC"):
            earlier = [k for k in range(j - 1, max(-1, j - 12), -1) if out[k] not in (None, "skip")]
            if earlier:
                out[i] = "coordinated" if out[earlier[0]] != "no" else "no"
            else:
                out[i] = "skip"
        elif nxt in ("NN", "NNS", "NP", "NPS", "JJ") and prev not in _NOUNISH:
            out[i] = "no"  # before a noun: "the injured man"
        elif prev in _NOUNISH:
            out[i] = "reduced"
        elif j < 0 or prev in (",", "--", "``") or prev in _SUBORDINATORS:
            out[i] = "clause"
        else:
            out[i] = "skip"
    return out


def brown_article(fileid: str):
    """A Brown text as one article text, with each token's (start, word, tag, gold kind)."""
    from nltk.corpus import brown

    pieces: list[str] = [f"Brown text {fileid}", "\n\n"]
    pos = len(pieces[0]) + 2
    tokens = []
    for p, para in enumerate(brown.tagged_paras(fileids=[fileid])):
        if p:
            pieces.append("\n\n")
            pos += 2
        first = True
        for sent in para:
            words = [w for w, _ in sent]
            tags = [t for _, t in sent]
            kinds = gold_kinds(words, tags)
            prev_word = None
            for w, t, k in zip(words, tags, kinds):
                text = {"``": "\u201c", "''": "\u201d"}.get(w, w)
                space = not first and w not in _NO_SPACE_BEFORE and prev_word not in _NO_SPACE_AFTER
                if space:
                    pieces.append(" ")
                    pos += 1
                tokens.append((pos, w, t, k))
                pieces.append(text)
                pos += len(text)
                prev_word = w
                first = False
    return "".join(pieces), tokens


def evaluate(fileids: list[str], verbose: bool = False) -> dict:
    tp = Counter()
    fp = Counter()
    fn = Counter()
    skipped = 0
    fp_words: Counter = Counter()
    fn_words: Counter = Counter()
    examples: dict[str, list[str]] = {"fp": [], "fn": []}
    gold_total = Counter()
    for fid in fileids:
        text, tokens = brown_article(fid)
        article = parse_article(text, name=f"brown-{fid}")
        by_start = {start: (w, t, k) for start, w, t, k in tokens}
        predicted: dict[int, str] = {}
        for row in passive_rows(article):
            # the participle's own offset: the last occurrence of it inside the row before the agent
            span = article.text[row.start:row.end]
            cut = span.find(" by ") if row.agent else -1
            head = span if cut < 0 else span[:cut]
            at = head.rfind(row.participle)
            if at >= 0:
                predicted[row.start + at] = row.kind
        for start, (w, t, k) in by_start.items():
            if k in GOLD_KINDS:
                gold_total[k] += 1
        for start, kind in sorted(predicted.items()):
            w, t, k = by_start.get(start, ("?", "?", None))
            if k == "skip":
                skipped += 1
            elif k in GOLD_KINDS:
                tp[kind] += 1
            else:
                fp[kind] += 1
                fp_words[(w.lower(), _tag(t))] += 1
                if verbose:
                    examples["fp"].append(f"{fid} {kind}: {_context(text, start)}")
        for start, (w, t, k) in sorted(by_start.items()):
            if k in GOLD_KINDS and start not in predicted:
                fn[k] += 1
                fn_words[(w.lower(), k)] += 1
                if verbose:
                    examples["fn"].append(f"{fid} {k}: {_context(text, start)}")
            elif k in GOLD_KINDS:
                tp["gold:" + k] += 1
    pred_total = sum(v for key, v in tp.items() if not key.startswith("gold:")) + sum(fp.values())
    correct = sum(v for key, v in tp.items() if not key.startswith("gold:"))
    gold_all = sum(gold_total.values())
    p = correct / pred_total if pred_total else 0.0
    r = correct / gold_all if gold_all else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    result = {
        "texts": len(fileids), "predicted": pred_total, "gold": gold_all, "correct": correct,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "skipped_predictions": skipped,
        "precision_by_kind": {k: round(tp[k] / (tp[k] + fp[k]), 3) if tp[k] + fp[k] else None
                              for k in ("be", "get", "reduced")},
        "predicted_by_kind": {k: tp[k] + fp[k] for k in ("be", "get", "reduced")},
        "recall_by_gold_kind": {k: round(tp["gold:" + k] / gold_total[k], 3) if gold_total[k] else None
                                for k in GOLD_KINDS},
        "gold_by_kind": dict(gold_total),
        "false_positives": [f"{w}/{t} {n}" for (w, t), n in fp_words.most_common(15)],
        "false_negatives": [f"{w} ({k}) {n}" for (w, k), n in fn_words.most_common(15)],
    }
    if verbose:
        result["examples"] = examples
    return result


def _context(text: str, start: int) -> str:
    return (text[max(0, start - 60):start] + "[[" + text[start:start + 40]).replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--categories", default=",".join(PRESS), help="Brown categories (default: the press ones)")
    ap.add_argument("--all", action="store_true", help="all 500 Brown texts")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print every error in context")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args(argv)
    try:
        from nltk.corpus import brown

        fileids = brown.fileids() if args.all else brown.fileids(categories=args.categories.split(","))
    except LookupError:
        print("passive_voice_brown: NLTK's brown corpus is missing (python -m analysis setup)", file=sys.stderr)
        return 2
    result = evaluate(sorted(fileids), verbose=args.verbose)
    examples = result.pop("examples", None)
    print(json.dumps(result, indent=1))
    if examples:
        for key in ("fp", "fn"):
            print(f"\n== {key} ({len(examples[key])})")
            print("\n".join(examples[key]))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
