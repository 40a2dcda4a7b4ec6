"""Chart builders for the language notebook: tone arc, sentence lengths, frequent words, readability grades, distinctive words, word classes, hedges and boosters, loaded words, tone words and passives; each returns a Chart and never draws."""

from __future__ import annotations

from analysis.core.lazy import pandas as pd

from ...language.passives import passive_counts
from ...language.stance import STANCE_LABELS
from .engine import Chart, bar_chart

__all__ = [
    "tone_chart",
    "sentence_length_chart",
    "frequent_words_chart",
    "readability_chart",
    "keyness_chart",
    "pos_profile_chart",
    "stance_chart",
    "loaded_words_chart",
    "tone_words_chart",
    "passives_chart",
    "lemmas_chart",
]


def readability_chart(read: pd.DataFrame, *, id: str = "readability-grades") -> Chart:
    """The US school grade each readability formula gives (formulas without a grade left out)."""
    d = read[read["grade"].notna()][["label", "grade", "score", "reading"]].reset_index(drop=True)
    return bar_chart(d, id=id, label="label", value="grade", title="Reading level by formula",
                     x_label="US school grade (12 = end of high school)", y_label="Formula",
                     hover=("label", "score", "grade", "reading"),
                     caption="Readability formulas computed by textstat; Dale–Chall shown at the middle of its grade band.")


def keyness_chart(keys: pd.DataFrame, *, id: str = "keyness", top_over: int = 15, top_under: int = 10,
                  min_ll: float = 3.84) -> Chart:
    """The most distinctive words both ways: log ratio against Brown news, over-used (right) and under-used (left).

    Only words with a log-likelihood of at least ``min_ll`` (p < 0.05) are shown.
    """
    sig = keys[keys["log_likelihood"] >= min_ll]
    over = sig[sig["direction"] == "over"].head(top_over)
    under = sig[sig["direction"] == "under"].head(top_under)
    d = pd.concat([over, under], ignore_index=True)
    d = d.assign(use=d["direction"].map({"over": "over-used (more than in news English)", "under": "under-used (less than in news English)"}))
    d = d.assign(sentence_ids=d["sentence_ids"].map(", ".join) if "sentence_ids" in d.columns else "")
    d = d[["term", "log_ratio", "use", "count", "ref_count", "per_1000", "ref_per_1000", "log_likelihood", "significance",
           "sentence_ids"]]
    return bar_chart(d, id=id, label="term", value="log_ratio", color="use", sentences="sentence_ids",
                     title="Words this article uses more, or less, than news English",
                     x_label="Log ratio against Brown news (+1 = twice as frequent, −1 = half)",
                     y_label="Word", hover=("term", "count", "ref_count", "per_1000", "ref_per_1000", "log_likelihood"),
                     caption="Reference: Brown corpus, news category (1961). Log-likelihood (Dunning 1993), log ratio (Hardie 2014).")


def pos_profile_chart(profile: pd.DataFrame, *, id: str = "pos-profile") -> Chart:
    """Word classes per 1,000 words, as the difference from Brown news."""
    d = profile[["label", "difference", "per_1000", "ref_per_1000", "log_likelihood", "significance"]]
    return bar_chart(d, id=id, label="label", value="difference", title="Word classes against news English",
                     x_label="Difference in words per 1,000 (this article − Brown news)", y_label="Word class",
                     hover=("label", "per_1000", "ref_per_1000", "significance"),
                     caption="Part-of-speech tags: NLTK perceptron (Penn) for the article, Brown tags for the reference.")


def stance_chart(markers: pd.DataFrame, n_words: int, *, id: str = "stance-rates") -> Chart:
    """Hedges, boosters and modal verbs per 1,000 words, stacked by subcategory."""
    rows = []
    for cat, label in STANCE_LABELS.items():
        sub = markers[markers["category"] == cat]
        kinds = sub["subcategory"].replace("", "other")
        counts = kinds.value_counts()
        for subcat, count in sorted(counts.items()):
            ids = ", ".join(dict.fromkeys(sub.loc[kinds == subcat, "sentence_id"]))
            rows.append((label, subcat.replace("_", " "), int(count), round(count * 1000 / n_words, 2) if n_words else 0.0,
                         ids))
    d = pd.DataFrame(rows, columns=["category", "kind", "count", "per_1000", "sentence_ids"])
    return bar_chart(d, id=id, label="category", value="per_1000", color="kind", sentences="sentence_ids",
                     title="How sure does the article sound?", x_label="Per 1,000 words", y_label="",
                     hover=("category", "kind", "count", "per_1000"),
                     caption="Lexicon: data/lexicons/hedges_boosters.csv (Hyland 2005; Biber et al. 1999).")


def loaded_words_chart(loaded: pd.DataFrame, *, id: str = "loaded-words", top: int = 25) -> Chart:
    """Loaded and emotive words by how often they occur, coloured by category."""
    if loaded.empty:
        d = pd.DataFrame(columns=["word", "count", "category", "intensity", "sentence_ids"])
    else:
        w = loaded.assign(word=loaded["matched"].str.lower().str.split().str.join(" "))
        d = (w.groupby(["word", "category"], sort=True)
             .agg(count=("word", "size"), intensity=("intensity", "max"),
                  sentence_ids=("sentence_id", lambda s: ", ".join(dict.fromkeys(s))))
             .reset_index())
        d = d.sort_values(["count", "intensity", "word"], ascending=[False, False, True], kind="mergesort").head(top)
        d = d[["word", "count", "category", "intensity", "sentence_ids"]]
    return bar_chart(d, id=id, label="word", value="count", color="category", title="Loaded and emotive words",
                     sentences="sentence_ids",
                     x_label="Occurrences", y_label="Word as written",
                     hover=("word", "category", "intensity", "count", "sentence_ids"),
                     caption="Lexicons: data/lexicons/loaded_words.csv and the terminology glossary; 'emotive': negative "
                             "adjectives and adverbs of Hu & Liu's (2004) opinion lexicon, less data/lexicons/"
                             "emotive_exclusions.csv; 'intensified': an intensifier before an evaluative adjective. "
                             "Only the writer's own uses are counted.")


def tone_words_chart(words: pd.DataFrame, *, id: str = "tone-words", top: int = 20) -> Chart:
    """The words that weigh most in VADER's scores: total valence per word (names left out)."""
    w = words[(words["vader"] != 0) & (words["masked"] == "")] if len(words) else words
    if w.empty:
        d = pd.DataFrame(columns=["term", "total_valence", "tone", "count", "sentence_ids"])
    else:
        d = (w.groupby("term", sort=True)
             .agg(total_valence=("vader", "sum"), count=("vader", "size"),
                  sentence_ids=("sentence_id", lambda s: ", ".join(dict.fromkeys(s))))
             .reset_index())
        d["total_valence"] = d["total_valence"].round(2)
        d["tone"] = ["positive" if v > 0 else "negative" for v in d["total_valence"]]
        d = d.assign(_abs=d["total_valence"].abs())
        d = d.sort_values(["_abs", "term"], ascending=[False, True], kind="mergesort").head(top)
        d = d[["term", "total_valence", "tone", "count", "sentence_ids"]]
    return bar_chart(d, id=id, label="term", value="total_valence", color="tone", sentences="sentence_ids",
                     title="Words that carry the tone", x_label="Sum of VADER valence (−4 … +4 per occurrence)",
                     y_label="Word", hover=("term", "total_valence", "count", "sentence_ids"),
                     caption="VADER lexicon (Hutto & Gilbert 2014). Proper nouns left out.")


def passives_chart(found: pd.DataFrame, *, id: str = "passives") -> Chart:
    """Passive clauses by kind, split by whether they name who acts."""
    d = passive_counts(found)
    ids = [", ".join(dict.fromkeys(found.loc[(found["kind"] == k) & (found["agentless"] == (a == "no agent named")),
                                             "sentence_id"])) for k, a in zip(d["kind"], d["agent"])]
    d = d.assign(kind_label=d["label"], sentence_ids=ids)[["kind_label", "count", "agent", "sentence_ids"]]
    return bar_chart(d, id=id, label="kind_label", value="count", color="agent", title="Passive clauses",
                     sentences="sentence_ids",
                     x_label="Passive clauses", y_label="Kind", hover=("kind_label", "agent", "count"))


def lemmas_chart(lemmas: pd.DataFrame, *, id: str = "frequent-lemmas") -> Chart:
    """The most frequent lemmas."""
    d = lemmas.assign(forms=lemmas["forms"].map(", ".join))[["lemma", "count", "per_1000", "forms"]]
    return bar_chart(d, id=id, label="lemma", value="count", title="Most frequent lemmas (content words)",
                     x_label="Occurrences in the article", y_label="Lemma", hover=("lemma", "count", "forms"))


def tone_chart(tone: pd.DataFrame, *, id: str = "tone-arc") -> Chart:
    """VADER compound score of each sentence in reading order, paragraph starts marked."""
    d = tone.reset_index(drop=True).copy()
    d.insert(0, "position", range(1, len(d) + 1))
    starts = tuple(float(p) - 0.5 for p, prev in zip(d["position"], [None, *d["paragraph"][:-1]]) if prev is not None and prev != d.loc[p - 1, "paragraph"])
    return Chart(id=id, kind="line", data=d[["position", "sentence_id", "paragraph", "part", "compound", "text"]],
                 x="position", y="compound", title="Tone of each sentence through the article",
                 x_label="Sentence (in reading order; dotted lines mark new paragraphs)",
                 y_label="VADER compound score (−1 negative … +1 positive)",
                 hover=("sentence_id", "compound", "text"), vlines=starts, hline=0.0, y_range=(-1.05, 1.05),
                 sentences="sentence_id",
                 caption="Tone: VADER (Hutto & Gilbert 2014) via NLTK.")


def sentence_length_chart(lengths: pd.DataFrame, *, id: str = "sentence-lengths") -> Chart:
    """Words per sentence, in reading order."""
    d = lengths.reset_index(drop=True).copy()
    d.insert(0, "position", range(1, len(d) + 1))
    return Chart(id=id, kind="bar", data=d[["position", "sentence_id", "part", "n_words", "text"]], x="position",
                 y="n_words", title="Sentence length", x_label="Sentence (in reading order)",
                 y_label="Words in the sentence", hover=("sentence_id", "n_words", "text"), sentences="sentence_id")


def frequent_words_chart(words: pd.DataFrame, *, id: str = "frequent-words") -> Chart:
    """Occurrences of the most frequent content words (the table of :func:`analysis.language.vocabulary.frequent_words`)."""
    d = words[["term", "count", "per_1000"]].copy()
    return bar_chart(d, id=id, label="term", value="count", title="Most frequent content words",
                     x_label="Occurrences in the article", y_label="Word", hover=("term", "count", "per_1000"))
