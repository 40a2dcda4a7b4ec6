"""Value + unit accuracy of the figures on the development kit (not a test: run it by hand).

    python tests/numbers/devkit_figure_units.py            # from the project root; needs ../shared/dev-eval

The kit's scorer (``score.py``, section ``figures``) matches a predicted figure to a gold quantity by sentence and
value (within 0.5%, either end of a range) but does not compare units. This script rebuilds the same constructed
documents with the scorer's own ``build_doc``, runs ``figures_sections`` in process, matches figures exactly as the
scorer does, and then checks the unit of every matched pair against the gold ``normalized_unit``:

* currency codes are read as the gold's names (USD -> dollar, GBP -> pound sterling, GBX -> penny, ...), "%" as
  percentage, a rate "X per Y" as "<name of X> per Y";
* gold ages ("year of age") need a duration with ``counts`` starting "age" in the same time unit;
* gold "-" or "count" (a bare number) needs a figure of kind count (or "N times");
* degree units agree when both are temperatures or both plain degrees; any other gold unit must equal ours, or,
  for a count, the head noun of ``counts`` (singular) must equal the gold unit's last word ("40 printers").

It prints value-level P/R/F1 (the same numbers as the scorer) and value+unit accuracy, overall and per set. It
reads the kit only where it lies and copies nothing from it. With ``--list`` it prints the unit mismatches.
"""

from __future__ import annotations

import collections
import difflib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT.parent / "shared" / "dev-eval"
SETS = ["age", "currency", "dimension", "temperature"]

CODE_NAMES = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen", "CNY": "chinese yuan",
    "AUD": "australian dollar", "CAD": "canadian dollar", "NZD": "new zealand dollar", "HKD": "hong kong dollar",
    "INR": "rupee", "MXN": "mexican peso", "CHF": "swiss franc", "TRY": "turkish lira", "BTC": "bitcoin",
    "GBX": "penny", "cent": "cent", "%": "percentage", "percentage points": "percentage", "MYR": "ringgit",
    "LKR": "sri lankan rupee", "GEL": "georgian lari", "LAK": "lao kip", "CRC": "costa rican colón", "ESP": "peseta",
    "NLG": "netherlands guilde", "DEM": "mark", "FIM": "finnish markka", "SGD": "singapore dollar",
}
SYNONYMS = {"penny": {"penny", "cent"}, "degree": {"degree"}, "rupee": {"rupee", "indian rupee"},
            "pound-mass": {"pound-mass"}}


def _name(unit: str) -> str:
    unit = (unit or "").strip()
    if " per " in unit:
        head, per = unit.split(" per ", 1)
        return f"{_name(head)} per {per}"
    return CODE_NAMES.get(unit, unit.lower())


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and w != "people":
        return w[:-1]
    return w


def unit_ok(fig: dict, gold_unit: str) -> bool:
    """Whether a matched figure's unit is the gold ``normalized_unit`` (see the module docstring)."""
    gold = (gold_unit or "").strip().lower()
    kind, unit, counts = fig["kind"], fig["unit"] or "", fig.get("counts") or ""
    ours = _name(unit)
    if gold.endswith(" of age"):
        return kind == "duration" and counts.startswith("age") and gold.split()[0] == unit
    if gold in ("-", "count", ""):
        return kind == "count" or (kind == "other" and unit == "times")
    if ours == gold or ours in SYNONYMS.get(gold, ()) or gold in SYNONYMS.get(ours, ()):
        return True
    if " per " in gold:
        return False
    if kind == "count" and counts:
        return _singular(counts.split()[-1]) == _singular(gold.split()[-1])
    return False


def main(argv: list[str]) -> int:
    if not (KIT / "score.py").exists():
        print("the development kit is not next to the project (../shared/dev-eval): nothing to measure")
        return 0
    spec = importlib.util.spec_from_file_location("dev_eval_score", KIT / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    sys.path.insert(0, str(ROOT))
    from analysis.core.article import parse_article
    from analysis.output.summary import figures_sections

    sample = []
    for name in SETS:
        with open(KIT / "figures" / f"{name}-model.json", encoding="utf-8") as f:
            sample.extend(dict(d, _set=name) for d in json.load(f))
    counts = collections.defaultdict(collections.Counter)
    mismatches = []
    for b in range(0, len(sample), 50):
        chunk = sample[b:b + 50]
        text, spans, _leads = score.build_doc([d["text"] for d in chunk])
        art = parse_article(text)
        blocks = difflib.SequenceMatcher(None, art.text, text, autojunk=False).get_matching_blocks()

        def to_doc(offset: int) -> int:
            return next((bl.b + offset - bl.a for bl in blocks if bl.a <= offset < bl.a + bl.size), offset)

        by_sentence = collections.defaultdict(list)
        for fig in figures_sections(art)["figures"]:
            start = to_doc(fig["start"])
            g = next((g for g, (x, y) in enumerate(spans) if x <= start < y), None)
            if g is not None:
                by_sentence[g].append(fig)
        for g, item in enumerate(chunk):
            gold = [score.parse_gold_values(q["value"]) for q in item["quantities"]]
            used: set[int] = set()
            for s in (item["_set"], "all"):
                counts[s]["gold"] += len(gold)
            for fig in by_sentence.get(g, []):
                values = score.pred_values(fig)
                hit = next((j for j, gv in enumerate(gold) if j not in used
                            and any(score.close(v, x) for v in values for x in gv)), None)
                for s in (item["_set"], "all"):
                    counts[s]["pred"] += 1
                if hit is None:
                    continue
                used.add(hit)
                ok = unit_ok(fig, item["quantities"][hit].get("normalized_unit"))
                for s in (item["_set"], "all"):
                    counts[s]["tp"] += 1
                    counts[s]["unit_ok"] += ok
                if not ok:
                    mismatches.append((item["quantities"][hit].get("normalized_unit"), fig["kind"], fig["unit"],
                                       fig["counts"], fig["text"]))
    print(f"{'set':12} {'P':>6} {'R':>6} {'F1':>6} {'value+unit':>11}  matched")
    for s in SETS + ["all"]:
        c = counts[s]
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = c["unit_ok"] / c["tp"] if c["tp"] else 0.0
        print(f"{s:12} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:11.3f}  {c['unit_ok']}/{c['tp']}")
    if "--list" in argv:
        for m in mismatches:
            print("unit mismatch: gold %r, ours kind %r unit %r counts %r (%r)" % m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
