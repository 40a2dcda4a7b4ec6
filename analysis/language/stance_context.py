"""The context rules of the stance analysis (:mod:`analysis.language.stance`): whether a listed hedge, booster or
modal verb does its work in its sentence — an epistemic "may" and not the month, a hypothetical "would" and not
the future of reported speech, a booster that commits and not a degree word — and which kind of hedge "if" is.

Each rule reads one sentence's words and tags (:class:`~analysis.core.tokens.SentenceWords`) and is tested with
constructed sentences in ``tests/language/test_stance.py``; the sources are cited in ``docs/language.md``.
"""

from __future__ import annotations

from ..core import nlp
from ..core.tagging import BE_HAVE, DAY_DEICTICS, FINITE_TAGS, MONTH_NAMES, TIME_NOUNS, WEEKDAYS
from ..core.tokens import SentenceWords

__all__ = [
    "hedge_in_context",
    "booster_in_context",
    "is_modal_use",
    "is_epistemic_must",
    "if_subcategory",
    "NUMBER_WORDS",
]

_SEMI_MODAL_HEADS = {"need", "needs", "needed", "have", "has", "had", "ought"}
_NOT_BEFORE_MODAL_TAGS = {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS"}
_ARTICLES = {"the", "a", "an", "every", "each", "no", "any", "some", "another"}
_NOT_BEFORE_MODAL_WORDS = {"in", "of", "since", "until", "during", "from", "by", "on", "early", "late", "mid"}
_NOT_AFTER_MODAL_TAGS = {"VBD", "VBZ", "VBP", "MD", "CD"}


def is_modal_use(term: str, toks: SentenceWords, i: int) -> bool:
    """Whether the lexicon term at token ``i`` is used as a (semi-)modal verb.

    Single-word modals must be tagged MD and not look like a noun or month ("the will",
    "in May", "May 5"); semi-modals ("need to", "have to") must start with a verb tag.
    """
    pos, low = toks.sentence_case_pos, toks.lower
    head = term.split()[0]
    if term == "cannot":
        return True
    if head in _SEMI_MODAL_HEADS and len(term.split()) > 1:
        return pos[i].startswith("VB") or pos[i] == "MD"
    if pos[i] != "MD":
        return False
    prev = next((j for j in range(i - 1, -1, -1) if any(ch.isalnum() for ch in low[j])), None)
    if prev is not None and ((pos[prev] in _NOT_BEFORE_MODAL_TAGS and (pos[prev] != "DT" or low[prev] in _ARTICLES))
                             or low[prev] in _NOT_BEFORE_MODAL_WORDS):
        return False
    nxt = i + 1 if i + 1 < len(low) else None
    if nxt is not None and pos[nxt] in _NOT_AFTER_MODAL_TAGS:
        return False
    if nxt is not None and _first_name(toks, i):
        return False
    if toks.title_case:
        return _headline_modal(toks, i)
    return True


def _first_name(toks: SentenceWords, i: int) -> bool:
    """Whether the capitalised modal at ``i`` is a first name: a name follows it, and a finite verb or a comma
    follows the name ("Will Creely is the senior vice president", "Will Smith, the actor, said"); "Will Smith
    arrive on time?" and "Will voters back the plan?" ask a question."""
    pos, text = toks.sentence_case_pos, toks.text
    if not text[i][:1].isupper():
        return False
    k = i + 1
    while k < len(pos) and pos[k] in ("NNP", "NNPS") and text[k][:1].isupper():
        k += 1
    return k > i + 1 and k < len(pos) and (pos[k] in ("VBZ", "VBD", "MD") or text[k] == ",")


def _headline_modal(toks: SentenceWords, i: int) -> bool:
    """In a title-case sentence, where the tags come from the words in lower case, whether the modal at ``i``
    is one: a verb in its base form follows it (after adverbs or "not"), and no finite verb follows that verb
    in the verb's phrase, or it opens a question. "May Jobs Report Beats Expectations", "May Day Protests Turn
    Violent" and "Trash Can Fire Closes Highway" have none; "Troops May Be Sent to the Border, Officials Say",
    "Police Could Have Stopped Gunman Who Killed Five" and "Will Inflation Keep Rising?" have one."""
    pos, low = toks.sentence_case_pos, toks.lower
    if i == 0 and low[-1] == "?":
        return True  # a question: "Will Inflation Keep Rising?"
    j = i + 1
    while j < len(low) and (pos[j] in ("RB", "RBR", "RBS") or low[j] in ("not", "n't")):
        j += 1
    if j >= len(low) or pos[j] != "VB":
        return False
    for k in range(j + 1, min(len(low), j + 3)):  # the verb's own phrase: "Can Fire Closes", not "Attack That Killed"
        if pos[k] in (",", ":", "CC", "IN", "TO", "WDT", "WP", "PRP") or low[k] in ("-", "–", "—", "that"):
            break
        if pos[k] in ("VBZ", "VBD"):
            return False
    return True


_APPEAR = {"appear", "appears", "appeared"}
_APPEAR_LITERAL_NEXT = {"before", "in", "on", "at", "with", "for", "onstage", "alongside"}


def _literal_appear(toks: SentenceWords, i: int) -> bool:
    """"appear" in its literal sense ("a notice to appear before a judge", "appeared in court"), not a hedge."""
    low = toks.lower
    return i + 1 < len(low) and low[i + 1] in _APPEAR_LITERAL_NEXT


def is_epistemic_must(toks: SentenceWords, i: int) -> bool:
    """"must" as a booster (a conclusion: "it must be true", "they must have known"), not an obligation.

    Epistemic when followed by "have" and a participle ("must have known"; "we must have faith" is an
    obligation), or by "be" and then not a participle ("must be completed" is an obligation, "must be a
    mistake" a conclusion), except "we/you must be" before an adjective ("we must be patient": an exhortation).
    """
    low, pos = toks.lower, toks.sentence_case_pos
    j = i + 1
    while j < len(low) and (pos[j] in ("RB", "RBR", "RBS") or low[j] in ("not", "n't")):
        j += 1
    if j >= len(low):
        return False
    k = j + 1
    while k < len(low) and pos[k] in ("RB", "RBR", "RBS"):
        k += 1
    if low[j] == "have":  # "must have known"; not "must have faith" (an obligation to have)
        return k < len(low) and nlp.lemmatize(low[k], "VBN") != low[k]
    if low[j] != "be":
        return False
    if i > 0 and low[i - 1] in ("we", "you") and k < len(low) and pos[k] in ("JJ", "JJR"):
        return False  # an exhortation: "we must be patient"
    if k < len(low) and low[k] == "by" or any(low[m] == "must" and m + 1 < len(low) and low[m + 1] in ("not", "n't")
                                              for m in range(i)):
        return False  # "as it must be by him", "must not be limited … but must be a continuing process"
    return k < len(low) and pos[k] not in ("VBN", "VBD", "VBG")


#: Number words an approximator can qualify ("about a dozen", "nearly half", "some two million").
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions trillion trillions dozen dozens half third thirds quarter quarters score "
    "percent".split())
#: Words that may stand between an approximator and its number ("about $5", "estimated at around 14 million").
_BEFORE_NUMBER = {"a", "an", "$", "£", "€", "at", "to", "be", "around", "about", "some", "nearly", "almost",
                  "roughly", "approximately", "just", "over", "under", "more", "than", "of"}
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
                "with", "in", "of", "any", "no", "some", "second", "first", "'s"}
#: Doxastic words that are also nouns ("a thought", "in this regard", "the suspect"): hedges only as verbs.
_VERB_OR_NOUN = {"thought", "regard", "regards", "suspect", "suspects", "doubt", "doubts", "expect", "think"}
_PERSON_PRONOUNS = {"i", "we", "he", "she", "they", "you"}
_SUBJECT_PRONOUNS = frozenset(_PERSON_PRONOUNS | {"it", "that"})
_MAKE = {"made", "make", "makes", "making"}
_TIME_WORDS = WEEKDAYS | DAY_DEICTICS | TIME_NOUNS
_RELATIVE_WORDS = frozenset("who whom whose which what whoever".split())
#: Verbs of saying in the past, after which "would" is the future of what was said ("said he would appeal"), not
#: the writer's hypothesis.
_SAID = frozenset("said told announced added stated promised vowed pledged warned insisted wrote confirmed agreed "
                  "decided indicated signalled signaled declared replied explained predicted threatened reported "
                  "noted conceded argued claimed acknowledged estimated concluded assured informed disclosed "
                  "notified revealed pointed".split())
#: Nouns of saying before "that" ("the announcement that the city would sue", "pledges that no one would be").
_SAYING_NOUNS = frozenset("announcement announcements statement statements pledge pledges promise promises assurance "
                          "assurances word news".split())
_PERCEPTION = {"see", "hear", "feel", "smell", "taste", "sense"}
#: What "uncertainty" is about when it expresses doubt ("uncertainty about the outcome", "over whether").
_UNCERTAIN_ABOUT = frozenset("about over whether that as surrounding regarding".split())


def _is_number(toks: SentenceWords, k: int) -> bool:
    w = toks.lower[k]
    return toks.sentence_case_pos[k] == "CD" or w in NUMBER_WORDS or any(ch.isdigit() for ch in w)


def _before_number(toks: SentenceWords, j: int) -> bool:
    """Whether a number follows token ``j`` (at most three bridging words such as "a", "$", "at" between)."""
    for k in range(j, min(len(toks.lower), j + 4)):
        if _is_number(toks, k):
            return True
        if toks.lower[k] not in _BEFORE_NUMBER:
            return False
    return False


def _reported_future(toks: SentenceWords, i: int) -> bool:
    """Whether "would" at ``i`` is the future of reported speech: a past verb of saying at most eleven words
    before it, with no comma, colon, semicolon, "if", "because", "but" or present-tense verb between, and a
    subject or "that" after the verb ("said he would appeal", "announced that the plant would close", "told
    reporters the vote would go ahead", "said the suit was without merit and that it would fight it"). Not a verb
    of saying inside the subject of "would" ("voters who said they were undecided would decide", "the proposal
    agreed by ministers would cap prices", "everyone he told would keep the secret"): that "would" is the writer's."""
    low, pos = toks.lower, toks.sentence_case_pos
    if _parenthetical_source(toks, i):
        return True
    if i > 0 and pos[i - 1] in ("WDT", "WP") or any(w in ("if", "unless") for w in low[i + 1:i + 4]):
        return False  # a relative clause ("a government that would unite") or a condition ("would, if asked, …")
    for k in range(i - 1, max(-1, i - 17), -1):
        if low[k] == "that" and k > 0 and low[k - 1] in _SAYING_NOUNS and i - k > 1:
            return True  # "the announcement that the city would sue"
        if low[k] == "would" and k < i - 2 and low[i - 1] == "and" and _reported_future(toks, k):
            return True  # "estimated the programs would cost … and would go up"
        if low[k] in _SAID and pos[k] in ("VBD", "VBN"):
            if pos[k] == "VBN" and not (k > 0 and low[k - 1] in BE_HAVE) \
                    and not (k + 1 < len(low) and (pos[k + 1] == "EX" or low[k + 1] in _SUBJECT_PRONOUNS)):
                return False  # a participle after a noun: "the proposal agreed by ministers"; but a past tense
                # the tagger misread is followed by a subject: "the agency estimated there would be"
            between = range(k + 1, i)
            if k > 0 and (low[k - 1] in _RELATIVE_WORDS
                          or k > 1 and low[k - 2] in _RELATIVE_WORDS and low[k - 1] in BE_HAVE):
                # in a relative clause ("neighbors who said it would worsen traffic") "would" is reported only
                # with its own subject right before it and no verb between; otherwise the clause ended and
                # "would" is the main verb: "voters who said they were undecided would decide the race"
                return i - 1 > k and pos[i - 1] in ("PRP", "NN", "NNS", "NNP", "NNPS") \
                    and not any(pos[t] in FINITE_TAGS for t in between)
            return any(low[t] in ("that", "this", "these", "those")
                       or pos[t] in ("PRP", "NN", "NNS", "NNP", "NNPS", "EX") and low[t] not in _TIME_WORDS
                       for t in between)  # "the bill announced Tuesday would …" has no subject after the verb
        if low[k] in (",", ";", ":", "if", "because", "but") or pos[k] in ("VBZ", "VBP", "MD"):
            return False
    return False


def _parenthetical_source(toks: SentenceWords, i: int) -> bool:
    """Whether a source set off by commas stands right before or right after "would" at ``i``: "A deal, officials
    said, would be signed", "The plant, the company said in a statement on Monday, would close", "The deal, two
    senior officials familiar with the negotiations said, would …", "The deal, said one official, would …", "The
    vote, according to aides, would be delayed", "The plan would, officials said, cost …". The aside is a speaker
    (one noun phrase, :func:`_speaker_phrase`) and a past verb of saying, in either order, with no finite verb after
    it. Not a participle ("the merger, announced Tuesday, would …": the writer's "would", as in "the bill announced
    Tuesday would …"), a relative clause or an appositive ("the plan, which he announced, would …", "the plan, a
    measure the governor announced, would …"), nor a present verb of saying ("the plan, critics say, would hurt
    farmers": their hypothesis, as in "critics say the plan would hurt")."""
    low = toks.lower
    if i >= 3 and low[i - 1] == ",":
        k = next((t for t in range(i - 2, max(-1, i - 22), -1) if low[t] == ","), -1)
        if k >= 0 and _source_aside(toks, k + 1, i - 1):
            return True
    if i + 2 < len(low) and low[i + 1] == ",":
        k = next((t for t in range(i + 2, min(len(low), i + 22)) if low[t] == ","), -1)
        return k > 0 and _source_aside(toks, i + 2, k)
    return False


def _source_aside(toks: SentenceWords, a: int, b: int) -> bool:
    """Whether the words ``a``..``b`` (between commas) name a source: "according to" a speaker, or a speaker and a
    past verb of saying in either order ("officials said", "said one official", "it was announced", "the company
    said in a statement"), nothing but a time, an object or a prepositional phrase after the verb."""
    low, pos = toks.lower, toks.sentence_case_pos
    if b <= a:
        return False
    if tuple(low[a:a + 2]) == ("according", "to"):
        return _speaker_phrase(toks, a + 2, b)
    said = next((t for t in range(a, b) if low[t] in _SAID and pos[t] in ("VBD", "VBN")), -1)
    if said < 0 or any(pos[t] in FINITE_TAGS for t in range(said + 1, b)):
        return False
    if said == a:  # "said one official"; not a participle and a time: "announced Tuesday"
        return pos[a] == "VBD" and _speaker_phrase(toks, a + 1, b) \
            and not any(low[t] in _TIME_WORDS or low[t] in MONTH_NAMES for t in range(a + 1, b))
    end = said
    while end > a and low[end - 1] in BE_HAVE:
        end -= 1  # "it was announced", "the mayor had promised"
    return _speaker_phrase(toks, a, end)


def _speaker_phrase(toks: SentenceWords, a: int, b: int) -> bool:
    """Whether the words ``a``..``b`` are one noun phrase for a speaker: "officials", "two senior officials familiar
    with the negotiations", "the company", "it", "Smith". Not one that opens with a participle ("announced
    Tuesday") nor two noun phrases side by side ("a measure the governor": a relative clause without "that")."""
    low, pos = toks.lower, toks.sentence_case_pos
    if b <= a or pos[a] in ("VBN", "VBD", "VBG", "IN") or low[a] in _RELATIVE_WORDS:
        return False
    noun = False
    for t in range(a, b):
        if pos[t] in ("DT", "PRP$") and t > a and pos[t - 1] != "IN":
            return False  # a new noun phrase: "a measure the governor announced", "the biggest the company"
        if pos[t] in ("NN", "NNS", "NNP", "NNPS", "PRP"):
            noun = True
        elif pos[t] not in ("DT", "PRP$", "JJ", "JJS", "CD", "POS", "IN", "RB"):
            return False
    return noun


_EMPHATIC_AFTER_NEVER = frozenset("before ever again such".split())
#: Verbs "clearly" describes the manner of when it stands right after them ("state clearly", "see clearly") ...
_MANNER_VERBS = frozenset("state states stated say says said speak speaks spoke see sees saw explain explains "
                          "explained write writes wrote think thinks thought hear heard".split())
#: ... or right before these participles ("clearly marked", "clearly labelled").
_MANNER_PARTICIPLES = frozenset("marked labeled labelled written stated spelled spelt defined signposted visible "
                                "audible legible".split())
_PROTEST_NEXT = frozenset("against for in outside at on near".split())
_LINKING = frozenset("is are was were be been being seems seemed remains remained become became".split())


def booster_in_context(term: str, toks: SentenceWords, i: int, j: int) -> bool:
    """Whether the booster ``term`` at tokens ``i``..``j`` (end exclusive) commits the writer or speaker to a claim
    in this sentence (Hyland 2005 counts the listed words only after reading each in context). Not:

    * "never" as plain negation ("he had never talked to him", "will never end"); it boosts with "before",
      "ever", "again" or "such" after it, before "did"/"do" ("never did miss one") or a comparative ("never spent
      a more harrowing afternoon");
    * "prove(d)" as "turn out" ("proved to be the winning run", "should prove harsh", "will prove one of the
      hardest"): it boosts before "that", a wh-word or an object ("proved his point");
    * "actually" after "what" ("what actually happened": in reality) and "in fact" paired with "in effect" or
      "in law"; "really" after a negation ("nobody really expects": a downtoner) and "really"/"truly" before an
      adjective ("really beautiful": a degree; not "really true");
    * "clearly" right after a verb of saying or seeing or a degree word ("state clearly", "clearly marked",
      "very clearly"): the manner;
    * "definite", "definitive", "demonstrated", "proven", "undisputed" before a noun ("a definite timetable", "a
      demonstrated capacity": they describe a thing); "demonstrate" as a protest or a display ("demonstrate
      against", "demonstrate such poor judgment"), unless "that" follows;
    * "significant" before a noun ("a significant escalation": a size) and "significantly" inside a clause
      ("significantly higher"): they boost as a judgement ("this is significant", "Significantly, the report …");
    * "clear" except after "it" and a linking verb, before a clause with "that" left out (:func:`_clear_clause`).
    """
    low, pos = toks.lower, toks.sentence_case_pos
    prev = low[i - 1] if i > 0 else ""
    nxt = low[j] if j < len(low) else ""
    if term == "never":
        return bool(set(low[j:j + 4]) & _EMPHATIC_AFTER_NEVER) or nxt in ("did", "do", "does") or any(
            pos[k] in ("JJR", "RBR", "JJS", "RBS") or low[k].endswith(("ier", "iest")) for k in range(j, j + 3)
            if k < len(low))  # "never before", "never did miss one", "never a more harrowing afternoon"
    if term in ("prove", "proves", "proved"):
        k = j
        while k < len(low) and (pos[k] in ("RB", "RBR") or low[k] in _TIME_WORDS or low[k] in ("last", "this")):
            k += 1  # "proved last Monday what it can do"
        return k < len(low) and (low[k] == "that" or pos[k] in ("WDT", "WP", "WRB", "PRP", "PRP$", "NNP", "EX")
                                 or pos[k] == "DT" and low[k] not in ("a", "an"))
    if term == "actually" and (prev in ("what", "whatever") or prev in _OBJECT_PRONOUNS):
        return False
    if term == "in fact" and nxt in ("and", "or") and j + 1 < len(low) and low[j + 1] == "in":
        return False
    if term == "really" and any(_negator_word(w) for w in low[max(0, i - 3):i]):
        return False
    if term in ("really", "truly") and j < len(pos) and pos[j] in ("JJ", "JJR", "RB") and nxt not in _TRUTH_WORDS:
        return False  # a degree: "really beautiful", "truly ruthless"; not "really true"
    if term == "clearly" and (prev in _MANNER_VERBS or nxt in _MANNER_PARTICIPLES or prev in _DEGREE_WORDS):
        return False
    if term in _ATTRIBUTIVE_BOOSTERS and j < len(pos) and (pos[j].startswith("NN") or pos[j] == "JJ" and j + 1 < len(
            pos) and pos[j + 1].startswith("NN")):
        return False  # describes a thing: "a definite timetable", "a demonstrated capacity", "the undisputed leader"
    if term in ("demonstrate", "demonstrates", "demonstrated") and "that" not in low[j:j + 4] \
            and (nxt in _PROTEST_NEXT or nxt == "such"):
        return False
    if term == "significant":
        return prev in _LINKING or nxt == "that" or not (j < len(pos) and pos[j].startswith(("NN", "JJ")))
    if term == "significantly":
        return i == 0 or prev == "," and (j >= len(low) or low[j] == ",") or nxt == ","
    if term == "clear":
        return _clear_clause(low, pos, i, j)
    return True


#: Words that open the clause "clear" commits to when "that" is left out ("it was clear the plan had failed").
_CLAUSE_OPENERS = frozenset({"DT", "PRP", "PRP$", "NNP", "NNPS", "NNS", "EX", "CD"})


def _clear_clause(low: tuple[str, ...], pos: tuple[str, ...], i: int, j: int) -> bool:
    """Whether "clear" at ``i`` is the writer's certainty about a clause with "that" left out: "it" and a linking
    verb before it, an adverb or two between ("it was now clear"), and a clause's subject after it ("It was clear
    the plan had failed"). "Clear that" is its own list entry; "clear skies", "the road is clear", "it is not
    clear whether" and "it was clear to everyone" are not boosters."""
    k = i - 1
    while k >= 0 and pos[k] in ("RB", "RBR") and not _negator_word(low[k]):
        k -= 1
    if k < 1 or low[k] not in _LINKING or low[k - 1] != "it":
        return False
    return j < len(low) and pos[j] in _CLAUSE_OPENERS or \
        j + 1 < len(low) and pos[j] == "NN" and pos[j + 1] in ("VBD", "VBZ", "VBP", "MD")


_NEGATORS = frozenset("not n't no nobody never none nothing hardly neither nor few".split())
#: Adjectives after which "really"/"truly" still commits to a claim ("really true", "truly clear").
_TRUTH_WORDS = frozenset("true clear sure certain".split())
_DEGREE_WORDS = frozenset("very as so more too most less".split())
_ATTRIBUTIVE_BOOSTERS = frozenset("demonstrated proven undisputed definite definitive".split())


def _negator_word(word: str) -> bool:
    """Whether a lower-case word negates ("not", "nobody", a contraction kept whole: "didn't")."""
    return word in _NEGATORS or word.endswith(("n't", "n’t"))


_PURPOSE_OPENERS = (("so", "that"), ("in", "order", "that"), ("make", "sure"), ("makes", "sure"), ("made", "sure"),
                    ("ensure",), ("ensures",), ("ensured",), ("to", "ensure"))
_CLAUSE_BREAKS = frozenset(", ; : ( — – if because but although though when while".split())


def _in_purpose_clause(toks: SentenceWords, i: int) -> bool:
    """Whether "could" or "would" at ``i`` is in a clause of purpose opened by "so that", "in order that", "make sure
    (that)" or "ensure (that)" at most twelve words before, with no comma or new clause between: "so that the
    information would be centralized", "to make sure that the next steps would be more fruitful" (Quirk et al.
    1985: a purpose, not a likelihood). At least one word stands between "that" and the modal: in ", so that may
    have effects" "so" is "therefore" and "that" the subject."""
    low = toks.lower
    for k in range(i - 1, max(-1, i - 13), -1):
        if low[k] in _CLAUSE_BREAKS:
            return False
        for opener in _PURPOSE_OPENERS:
            n = len(opener)
            if tuple(low[k - n + 1:k + 1]) == opener and k - n + 1 >= 0:
                return i - k > (2 if k + 1 < len(low) and low[k + 1] == "that" else 1)
    return False


#: Verbs after which "would not" is a refusal: "Hughes would not comment", "would not say whether".
_REFUSED = frozenset("comment elaborate say discuss confirm disclose reveal specify identify name talk speculate "
                     "answer".split())
_AFTER_REFUSED = frozenset(". , ; : on whether about how what why who when where if further".split())


def _refusal(toks: SentenceWords, j: int) -> bool:
    """Whether "would" ending at ``j`` is a refusal: "would not" (or "wouldn't") + a verb of telling + nothing,
    "on", "about" or a wh-clause ("the mayor would not comment", "would not say whether"); not "I would not say
    it is over" (a hedged opinion, with its object)."""
    low = toks.lower
    k = j
    if k < len(low) and low[k] in ("not", "n't"):
        k += 1
    elif not (j > 0 and low[j - 1].endswith(("n't", "n’t"))):
        return False
    if k >= len(low) or low[k] not in _REFUSED:
        return False
    return k + 1 >= len(low) or low[k + 1] in _AFTER_REFUSED or low[k] in ("comment", "elaborate", "speculate")


#: Participles after "could not be" that report a failed attempt: "could not be reached for comment".
_NOT_FOUND = frozenset("reached contacted located found traced identified determined confirmed verified".split())


def _not_reached(low: tuple[str, ...] | list[str], k: int) -> bool:
    """Whether "could not" ending before ``k`` reports a failed attempt: "be" (after adverbs such as "immediately")
    and a participle of reaching or finding ("could not be reached for comment", "could not immediately be
    located"); not "could not be ruled out" (a possibility left open)."""
    while k < len(low) and low[k] in ("immediately", "independently", "yet", "be"):
        k += 1
    return k < len(low) and low[k] in _NOT_FOUND and "be" in low[max(0, k - 3):k]


def _free_relative(toks: SentenceWords, i: int, j: int) -> bool:
    """Whether "could" at ``i`` ends a free relative or "before" clause of ability: "did what she could to
    persuade", "everything they could", "all I could remember", "as hard as I could", "before the convoy could
    turn north", "the only way he could"."""
    low, pos = toks.lower, toks.sentence_case_pos
    if i < 2 or pos[i - 1] not in ("PRP", "NNP", "NN", "NNS"):
        return False
    k = i - 1
    while k > 0 and pos[k] not in ("PRP", "DT", "PRP$") and pos[k - 1] in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP",
                                                                          "NNPS"):
        k -= 1  # to the start of the subject: "before [the crew] could"
    head = low[k - 1] if k > 0 else ""
    if head in ("before", "until") or tuple(low[max(0, k - 2):k]) == ("only", "way"):
        return True
    nxt = low[j] if j < len(low) else "."
    if head in ("everything", "anything", "nothing", "all", "whatever"):
        return True  # "all I could remember", "anything he could do about it"
    if head == "as" and nxt in (".", ",", ";", ":") and "as" in low[max(0, k - 5):k - 1]:
        return True  # "as hard as I could"
    return head == "what" and (
        nxt in ("to", "do", ".", ",", ";") and (nxt != "do" or j + 1 >= len(low) or not low[j + 1].isalpha()))


#: People a notice addresses and what it allows them to do: "members may sign up at $25", "anyone interested may
#: apply", "visitors may park at the rear" (permission, not a likelihood; Coates 1983).
_ALLOWED_PEOPLE = frozenset("members member anyone everyone visitors visitor residents applicants applicant "
                            "students readers persons customers passengers participants guests parents voters "
                            "subscribers patrons".split())
_ALLOWED_ACTS = frozenset("attend apply sign register join enter visit borrow obtain order purchase buy call contact "
                          "submit park bring use vote request send pick reserve write bid enroll enrol".split())


def _permission(toks: SentenceWords, i: int, j: int) -> bool:
    """Whether "may" at ``i`` gives permission: one of :data:`_ALLOWED_PEOPLE` heads its subject (up to four words
    before, "anyone interested in the meeting may …") and one of :data:`_ALLOWED_ACTS` follows it. "Residents may
    face higher bills" stays a hedge."""
    low = toks.lower
    k = j + 1 if j < len(low) and low[j] in ("also", "still", "now") else j
    if k >= len(low) or low[k] not in _ALLOWED_ACTS:
        return False
    return any(w in _ALLOWED_PEOPLE for w in low[max(0, i - 6):i]) and not any(
        w in (",", ";", ":") for w in low[max(0, i - 2):i])


#: Words after which "if" asks an open question, like "whether": "did not know if", "asked if", "wondered if".
_ASKING = frozenset("know knew knows known ask asks asked asking wonder wonders wondered wondering see sure check "
                    "checked determine unclear".split())


def if_subcategory(toks: SentenceWords, i: int) -> str:
    """The kind of hedge "if" at ``i`` is: ``investigation`` after a verb of asking or knowing ("did not know if
    he'll play", "asked if"), ``speculative`` in "as if" ("it looks as if"), ``conditional`` otherwise."""
    low = toks.lower
    if i > 0 and low[i - 1] == "as":
        return "speculative"
    return "investigation" if any(w in _ASKING for w in low[max(0, i - 2):i]) else "conditional"


_ALTERNATIVES_BEFORE = frozenset({("depending", "on"), ("regardless", "of"), ("irrespective", "of"),
                                  ("depends", "on"), ("depend", "on")})


#: What one assumes in the sense of taking it on: "assumed office", "assume responsibility for", "the duties".
_TAKEN_ON = frozenset("office responsibility responsibilities duty duties role roles control command power post "
                      "presidency chairmanship leadership charge ownership debt debts liability liabilities mantle "
                      "title throne position name identity risk risks burden obligations".split())


def _takes_on(toks: SentenceWords, j: int) -> bool:
    """Whether "assume(d)" ending at ``j`` means "take on": one of :data:`_TAKEN_ON` heads the noun phrase after it
    ("assumed some of the dead mother's duties", "assume office", "assumed control of the city"); not "assumed the
    plan would fail", nor "the words assume clusters of features" (to presuppose)."""
    low, pos = toks.lower, toks.sentence_case_pos
    for k in range(j, min(len(low), j + 7)):
        if low[k] in _TAKEN_ON:
            return True
        if pos[k] not in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "POS", "CD") and low[k] != "of":
            return False
    return False


_VOLITION = frozenset("like love prefer rather sooner hate".split())
_LATER_NOUNS = TIME_NOUNS | frozenset("days weeks months years decades centuries hours minutes moments generations "
                                      "decade century".split())
_NOT_BEFORE_LATER_WOULD = frozenset("if unless whether".split())


def _non_epistemic_would(toks: SentenceWords, i: int) -> bool:
    """Whether "would" at ``i`` states no likelihood (Quirk et al. 1985; Coates 1983): volition ("would like to",
    "would rather stay", "would love to") or the future in the past of a narrative ("the tests would later lead
    to", "she would go on to win", "Years later, he would say"); not when an "if", "unless" or "whether" comes
    before a "later" ("if she had left later, she would have missed it"). A past habit ("would often walk") is
    left a hedge: "often" also follows a hypothetical "would" ("not a situation that would often arise")."""
    low = toks.lower
    j = i + 1
    while j < len(low) and low[j] in ("not", "n't"):
        j += 1
    if j >= len(low):
        return False
    if low[j] in _VOLITION or low[j] in ("later", "subsequently") or tuple(low[j:j + 3]) == ("go", "on", "to"):
        return True
    return any(low[k] == "later" and k > 0 and (low[k - 1] in _LATER_NOUNS or _is_number(toks, k - 1))
               for k in range(i)) and not any(w in _NOT_BEFORE_LATER_WOULD for w in low[:i])


_FEAR = frozenset("fear fears feared fearing".split())
_FEAR_NOUN_NEXT = frozenset("of over about".split())
_OBJECT_PRONOUNS = frozenset("me us him her them".split())
_SUBJECT_START_TAGS = frozenset({"PRP", "DT", "PDT", "PRP$", "NN", "NNS", "NNP", "NNPS", "CD", "JJ", "EX"})


def _fear_of_outcome(toks: SentenceWords, i: int) -> bool:
    """Whether "fear" at ``i`` is the belief that something bad may happen, a doxastic hedge (the Szeged and
    BioScope annotators mark it): "fear that", a verb or noun before a clause ("residents fear the plant will
    close", "over fears it would strain", "feared being overthrown"), or plural worries ("amid fears of a
    recession", "fears over jobs"). Not the emotion or its object: "fear of heights", "in fear", "they fear
    him", "feared for his life", "fear the dark"."""
    low, pos = toks.lower, toks.sentence_case_pos
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if nxt == "that":
        return True
    prev = low[i - 1] if i > 0 else ""
    noun = prev in _DETERMINERS or prev in ("in", "of", "for", "without", "amid", "with") or (
        i > 0 and pos[i - 1] in ("JJ", "JJR", "JJS", "PRP$", "POS"))
    if (noun or pos[i] in ("NN", "NNS")) and low[i] == "fears" and nxt in _FEAR_NOUN_NEXT:
        return True
    if i + 1 >= len(low) or nxt in _OBJECT_PRONOUNS or nxt == "for" or prev in ("need", "needn't", "not"):
        return False  # "need not fear being classified": no fear at all
    if pos[i + 1] == "VBG" and not noun:
        return True  # "feared being overthrown", "fear losing their homes"
    if pos[i + 1] not in _SUBJECT_START_TAGS:
        return False  # "out of fear and we …", "nothing to fear in"
    for k in range(i + 2, min(len(low), i + 8)):  # a clause: a finite verb before any punctuation
        if pos[k] in FINITE_TAGS:
            return True
        if not any(ch.isalnum() for ch in low[k]) or pos[k] in ("IN", "TO", "WDT", "WP", "CC"):
            return False
    return False


def _view_that(toks: SentenceWords, j: int) -> bool:
    """Whether the noun "view" ending at ``j`` introduces a belief: "the view that the vote was rigged", "their
    view is that …"; not a relative clause ("the view that greets visitors"), a scene ("a view of the bay") nor
    the verb ("how the agency views that sum")."""
    low, pos = toks.lower, toks.sentence_case_pos
    i = j - 1
    k = j + 1 if j < len(low) and low[j] in ("is", "was") else j
    if k == j and not (i > 0 and (low[i - 1] in _DETERMINERS or pos[i - 1] in ("PRP$", "POS", "JJ"))):
        return False  # perhaps the verb: "how the administration views that sum"
    return k + 1 < len(low) and low[k] == "that" and not pos[k + 1].startswith(("VB", "MD"))


#: What follows a passive "considered" that was weighed up, not believed: "could be considered against those who",
#: "will be considered next week". Not "by" ("is considered by some [to be …]") nor a comma (an aside may come
#: before the complement).
_DELIBERATED_NEXT = frozenset("against for at during before after on until when if next later again "
                              "carefully".split())


def _deliberated(toks: SentenceWords, i: int, j: int) -> bool:
    """Whether a passive "considered" at ``i`` means weighed up rather than held to be: a form of "be" before it,
    and after it the end of the sentence or a preposition or adverb of when or how ("disciplinary measures
    could be considered against …", "the bill will be considered next week"). "He is considered a moderate", "is
    considered safe", "is considered to be" and "considered as" keep their complement and stay hedges."""
    low, pos = toks.lower, toks.sentence_case_pos
    k = i - 1
    while k >= 0 and pos[k] in ("RB", "RBR"):
        k -= 1
    if k < 0 or low[k] not in ("be", "been", "being", "is", "are", "was", "were"):
        return False
    return j >= len(low) or low[j] in _DELIBERATED_NEXT or low[j] in (".", ";", "?", "!", ")")


def hedge_in_context(term: str, subcategory: str, toks: SentenceWords, i: int, j: int) -> bool:
    """Whether the hedge ``term`` found at tokens ``i``..``j`` (end exclusive) hedges in this sentence.

    * ``modal``: the word is a modal verb (tag MD, not "May" the month), "could" is not a
      past ability ("could not attend", "could see") (Coates 1983), and "would" is not the future of reported
      speech ("said he would appeal"), a volition ("would like to"), a narrative's future in the past ("would
      later become") or a refusal ("would not comment"); "could" is no failed attempt ("could not be reached"),
      ability in a free relative or "before" clause ("did what she could") or purpose ("so that … could");
      "may" is no permission ("members may sign up", :func:`_permission`);
    * ``approximator``: only before a number ("around 14 million", "an estimated 300"; "or so"
      after one) (Channell 1994) — "about the plan" is a preposition;
    * nouns that look like doxastic verbs ("a thought", "in this regard", "the suspect") are not hedges;
    * "belief(s)" only before "that" ("political beliefs" is a conviction); "thought out" is no hedge;
      "uncertainty" only about something ("uncertainty over whether"); "consider" with a plain object is to
      think about ("consider extensions"); "could" after "so (that)" is a purpose ("so she could escape");
    * "appear" before a preposition is literal ("appear in court"); "possible" after a superlative
      or in "as soon as possible"/"made possible", or before "to", is not a hedge; "potential to" is a capacity;
      "suggest" with a person as subject and an object ("She suggested a compromise") is a proposal;
    * "fear" hedges only for an outcome (:func:`_fear_of_outcome`), "view" only as "the view (is) that";
    * "whether" after "depending on"/"regardless of" (alternatives), "think about/how/for", "believe in",
      predicative "apparent" (evident) and "assume" + something taken on ("assumed control") are not hedges.
    """
    low, pos = toks.lower, toks.sentence_case_pos
    prev = low[i - 1] if i > 0 else ""
    nxt = low[j] if j < len(low) else ""
    if subcategory == "modal":
        if not is_modal_use(term, toks, i):
            return False
        if term == "would" and (_reported_future(toks, i) or _non_epistemic_would(toks, i)):
            return False
        if term == "could" and (prev == "so" or i > 1 and low[i - 2] == "so" and (
                prev == "that" or pos[i - 1] in ("PRP", "NNP", "NN", "NNS"))):
            return False  # purpose: "so she could safely escape", "so that they could vote"
        if term in ("could", "would") and _in_purpose_clause(toks, i):
            return False  # "may" stays: the Szeged annotators mark "so that it may settle"
        if term == "would" and _refusal(toks, j):
            return False
        if term in ("may", "can") and _permission(toks, i, j):
            return False
        if term == "could":
            k = j + 1 if nxt in ("not", "n't", "never") else j
            if k != j and k < len(low) and pos[k] == "VB" and low[k] not in ("be", "have"):
                return False  # past inability: "could not attend"
            if k < len(low) and low[k] in _PERCEPTION:
                return False
            if k != j and _not_reached(low, k):
                return False
            if _free_relative(toks, i, j):
                return False
        return True
    if subcategory == "approximator":
        if term == "or so":
            return any(_is_number(toks, k) for k in range(max(0, i - 2), i))
        return _before_number(toks, j)
    if term in _APPEAR and _literal_appear(toks, i):
        return False
    if term in _VERB_OR_NOUN and (prev in _DETERMINERS or (i > 0 and pos[i - 1] in ("JJ", "JJR", "JJS", "PRP$", "POS"))
                                  or (pos[i] == "NNS" and prev not in _PERSON_PRONOUNS)):
        return False
    if term == "regard" and nxt == "to":
        return False
    if term == "considered" and _deliberated(toks, i, j):
        return False
    if term in ("belief", "beliefs") and nxt != "that":
        return False  # a conviction ("political beliefs"), not "the belief that …"
    if term == "thought" and nxt in ("out", "through"):
        return False  # "well thought out"
    if term == "uncertainty" and nxt not in _UNCERTAIN_ABOUT:
        return False  # a state of affairs ("living in uncertainty"), not doubt about something
    if term in ("consider", "considers") and j < len(pos) and (pos[j].startswith("NN") or pos[j] == "VBG") \
            and not (j + 1 < len(pos) and pos[j + 1].startswith(("JJ", "NN"))):
        return False  # to think about: "consider extensions", "considering leaving"; not "consider the plan wise"
    if term == "possible" and ((i > 0 and pos[i - 1] in ("JJS", "RBS")) or prev in ("as", "maximum", "minimum")
                               or _MAKE & set(low[max(0, i - 3):i]) or nxt == "to"):
        return False  # "the highest possible", "as soon as possible", "made (it) possible", "possible to travel"
    if term in _FEAR:
        return _fear_of_outcome(toks, i)
    if term in ("view", "views"):
        return _view_that(toks, j)
    if term == "potential" and nxt == "to":
        return False
    if term == "whether" and tuple(low[max(0, i - 2):i]) in _ALTERNATIVES_BEFORE:
        return False  # alternatives, not an open question: "depending on whether", "regardless of whether"
    if term in ("think", "thinks", "thought") and nxt in ("about", "how", "for", "back", "up") or \
            term in ("think", "thinks") and nxt == "of" and "as" not in low[j + 1:j + 5]:
        return False  # cognition, not a belief: "think about", "thinks for the people"; not "is thought of as"
    if term in ("believe", "believes", "believed") and nxt == "in":
        return False  # a conviction: "believes in dividing everything"
    if term == "apparent" and (prev in _LINKING or prev == "," or nxt == ","):
        return False  # evident: "it is apparent", "Mantle, it's apparent, resented"
    if term in ("assume", "assumes", "assumed") and _takes_on(toks, j):
        return False
    if term in ("suggest", "suggests", "suggested") and (prev in _PERSON_PRONOUNS or i > 0 and (
            pos[i - 1] == "NNP" and not toks.title_case
            or toks.title_case and not nlp.is_common_word(prev) and not toks.text[i - 1].isupper())) \
            and j < len(pos) and (pos[j] in ("DT", "PRP$", "VBG") or pos[j].startswith("NN")):
        return False  # a person proposes ("She suggested a compromise"; "Biden Suggests", not "MRI Suggests")
    return True
