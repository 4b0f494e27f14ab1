"""Text helpers for reported speech: sentence bounds, words, cue lemmas, sources and cue frames.

Everything here is linear in the text: one regex pass each, no backtracking across sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left

QUOTE_MARKS = "\"“”«»„‟"
SPACE_AND_MARKS = " \t\n\u00a0,;:-—–\"“”‘’'()[]"
END_TRIM = " \t\n\u00a0.,;:!?-—–\"“”‘’'()[]"

# A sentence ends at a newline, or at . ! ? (plus closing marks) followed by space and a capital.
_BREAK = re.compile(r"\n[\s]*|[.!?][\"”’')\]]*[ \t\u00a0]+(?=[\"“‘'(\[]{0,2}[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen lt col sgt capt jr sr no vs etc jan feb mar apr jun jul aug sep sept "
    "oct nov dec prof rev gens reps sens ft mt pres supt corp inc ltd co".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
WORD = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?")

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "knew": "know", "known": "know", "saw": "see", "seen": "see", "felt": "feel", "sought": "seek",
    "taught": "teach", "spoke": "speak", "spoken": "speak", "gave": "give", "given": "give",
    "made": "make", "heard": "hear", "found": "find", "held": "hold", "meant": "mean", "put": "put",
    "read": "read", "led": "lead", "became": "become", "forgot": "forget", "understood": "understand",
    "began": "begin", "took": "take", "taken": "take", "shown": "show", "chose": "choose",
}
# Verbs whose -ed and -ing forms drop a silent e; the rules below cannot tell "noted" from "voted".
_SILENT_E = frozenset(
    "note argue announce believe declare urge describe praise accuse propose quote cite acknowledge "
    "receive reiterate indicate conclude decide vote continue state hope like promise suppose "
    "imagine estimate complain advise caution define emphasize emphasise figure deplore assume "
    "observe voice rule pledge surmise speculate tease charge plead guarantee free agree "
    "lambaste blame refuse oppose approve believe insinuate recognize recognise realize realise "
    "celebrate dismiss decline share surprise require raise praise reassure dispute vote "
    "theorize theorise outline underscore ridicule mischaracterize characterize welcome release "
    "revise issue analyze analyse reverse relate rate pronounce announce deduce produce "
    "conclude fume joke quip scoff sneer smile chide gripe rave muse concede confide glare dare "
    "care compare prepare declare sense use excuse profile picture lecture pressure gauge".split()
)
_AUXILIARIES = frozenset(
    "has have had having also was were is are be been being will would could should may might must "
    "did does do not never reportedly previously later then already repeatedly publicly privately "
    "recently once just first still even".split()
)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) spans covering ``text``; ``end`` excludes the trailing space."""
    bounds = []
    start = 0
    for m in _BREAK.finditer(text):
        if text[m.start()] == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if before:
                word = before.group(1).lower()
                if word in _ABBREVIATIONS or len(word) == 1 or "." in word:
                    continue
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if end > start:
            bounds.append((start, end))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def lemma(cue: str) -> str:
    """The dictionary form of a cue: "has said" -> "say", "according to" stays as it is."""
    words = cue.lower().replace("’", "'").split()
    while len(words) > 1 and (words[0] in _AUXILIARIES or words[0] == "to"):
        words = words[1:]
    if not words:
        return cue.lower()
    if words[0] in ("according", "as"):
        return " ".join(words)
    return " ".join([verb_lemma(words[0]), *words[1:]])


def verb_lemma(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                return stem[:-1] + "y"
            if suffix == "ed" and stem.endswith("e"):
                return stem + "e" if stem + "e" in _SILENT_E else word[:-1]
            if stem + "e" in _SILENT_E:
                return stem + "e"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
                return stem[:-1]
            return stem
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_LY_VERBS = frozenset("reply apply supply imply rely comply ally rally tally".split())


def head_word(cue: str) -> str | None:
    """The verb or noun a cue hangs on: "has also said" -> "said"."""
    for word in cue.lower().replace("’", "'").split():
        if word.endswith("ly") and word not in _LY_VERBS:
            continue
        if word not in _AUXILIARIES:
            return word if word.isalpha() else None
    return None


def inflections(base: str) -> set[str]:
    """The forms of a regular or listed verb: "urge" -> urge, urges, urged, urging."""
    forms = {base}
    forms.update(w for w, b in _IRREGULAR.items() if b == base)
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms.update((base[:-1] + "ies", base[:-1] + "ied", base + "ing"))
    elif base.endswith("e"):
        forms.update((base + "s", base + "d", base[:-1] + "ing"))
    else:
        plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
        forms.update((plural, base + "ed", base + "ing"))
        if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms.update((base + base[-1] + "ed", base + base[-1] + "ing"))
    return forms


def bucket(n: int) -> str:
    return "0-2" if n < 3 else "3-5" if n < 6 else "6-12" if n < 13 else "13-30" if n < 31 else "31+"


def first_of(text, chars, start, end):
    best = end
    for ch in chars:
        i = text.find(ch, start, end)
        if i != -1 and i < best:
            best = i
    return best


def has_mark(marks, start, end) -> bool:
    i = bisect_left(marks, start)
    return i < len(marks) and marks[i] < end


def overlaps(spans, start, end) -> bool:
    i = bisect_left(spans, (end, end))
    return any(s < end and e > start for s, e in spans[max(0, i - 8):i])


STOP_BACK = frozenset(
    "and but or nor that when while as because if after before since though although so where whether "
    "than until unless once what whom whose".split()
)
_RELATIVE = frozenset(("who", "which", "that"))
_LEADING_ADVERBS = frozenset(
    "meanwhile however but and so then now yet still later earlier instead also indeed moreover thus "
    "separately previously recently last".split()
)
_PRONOUNS = frozenset("he she they it we i you who which".split())
_NAME_BEFORE_CLAUSE = re.compile(
    r"([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3}),\s+(?:who|a|an|the)\b[^,]{0,120},\s*$"
)
_BE = frozenset("is was are am were be been being get gets got getting".split())
_MODALS = frozenset("will would could should can may might must shall to".split())
_NEGATIONS = frozenset(("not", "never"))
_NT = frozenset(("n't", "n’t"))


def frame_features(words, cue_lemma) -> list[str]:
    """How the cue verb is framed: denied ("did not respond"), passive ("was informed"), or not yet said.

    ``words`` are the tokens before the cue; one adverb or "not" may stand between frame and cue.
    """
    if not words:
        return []
    near = words[-1][2].lower()
    far = words[-2][2].lower() if len(words) > 1 else ""
    out = []
    if near == "to" and far.isalpha():
        # "unlikely to support", "trying to defend": the word before "to" says whether anything was said.
        out.append(f"to_after:{far}")
    if near in _NEGATIONS or far in _NEGATIONS or near[-3:] in _NT or far[-3:] in _NT:
        out += ["frame:neg", f"lemma_frame:{cue_lemma}|neg"]
    if far and (near in _NEGATIONS or near == "also" or near[-2:] == "ly"):
        near = far
    if near in _BE:
        out += ["frame:passive", f"lemma_frame:{cue_lemma}|passive"]
    elif near in _MODALS:
        out += ["frame:modal", f"lemma_frame:{cue_lemma}|modal"]
    return out


def source_back(text, lo, cue_start, words):
    """The noun phrase right before the cue, back to a clause boundary, at most seven words."""
    if not words:
        return (-1, -1)
    if words[-1][2] == ",":
        named = _NAME_BEFORE_CLAUSE.search(text, max(lo, cue_start - 200), cue_start)
        return named.span(1) if named else (-1, -1)
    picked = []
    frame_only = True
    for i in range(len(words) - 1, -1, -1):
        start, end, word = words[i]
        low = word.lower()
        if picked and text[end:picked[-1][0]].strip():
            break
        if low in _RELATIVE and frame_only:
            return (start, end)
        if low in STOP_BACK or not word[0].isalnum():
            break
        frame_only = frame_only and is_verb_frame(low)
        picked.append((start, end))
        if len(picked) >= 7:
            break
    while picked and text[picked[-1][0]:picked[-1][1]].lower() in _LEADING_ADVERBS:
        picked.pop()
    while picked and _not_source_end(text[picked[0][0]:picked[0][1]]):
        picked.pop(0)
    # "4% of those questioned thought": a source opening on "of" is the tail of a longer noun phrase.
    if not picked or text[picked[-1][0]:picked[-1][1]].lower() == "of":
        return (-1, -1)
    end = picked[0][1]
    contraction = _CONTRACTION.search(text, picked[0][0], end)
    if contraction:
        end = contraction.start()
    return (picked[-1][0], end)


# A source never ends in these: "The fear ...", "There were calls for ...", "Despite urging ..." hold a
# noun or a participle where the cue was matched. Possessives stay: PolNeAR's source of "his call" is "his".
_NOT_SOURCE_END = frozenset(
    "the a an there despite to of for in on at by with from into about than no every such yet long how what "
    "why".split()
)
_VERB_FRAME = frozenset(
    "has have had is was were are am be been being will would could should can may might must shall did does "
    "do not never also reportedly just already still then now later once first".split()
)


def _not_source_end(word: str) -> bool:
    """Whether a source cannot end in ``word``: a verb frame, an adverb, a determiner or a preposition."""
    low = word.lower()
    if low in _NOT_SOURCE_END or is_verb_frame(low):
        return True
    return word.islower() and low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS


_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d)$", re.I)
_LY_NOUNS = frozenset("family rally ally supply assembly monopoly anomaly reply daily weekly monthly quarterly".split())


def is_verb_frame(word: str) -> bool:
    """Auxiliaries, negation and sentence adverbs between a subject and its cue ("The senator has not")."""
    return word in _VERB_FRAME or word[-3:] in _NT


def source_kind(text, source) -> str:
    if source[0] < 0 or source[1] <= source[0]:
        return "none"
    words = text[source[0]:source[1]].split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pron:" + words[0].lower()
    if words[0].isupper() and len(words[0]) > 1:
        return "caps"
    # A long source ending in a name ("White House press secretary Sarah Sanders") is a speaker; one
    # ending in a common word ("He claimed the two men") is a clause read back from the cue.
    named = "_named" if len(words) >= 5 and words[-1][:1].isupper() else "_long"
    if words[0][:1].isupper():
        return "cap" if len(words) < 5 else "cap" + named
    return "lower" if len(words) < 5 else "lower" + named


_FINITE_WORDS = frozenset(
    "is was are were am has have had will would can could should shall may might must does did do".split()
)


def source_verb(text, source, cue_forms) -> list[str]:
    """The kind of verb, if any, a source holds: "The band has sold" is a clause, not a speaker.

    ``cue_forms`` are the lexicon's forms: a lower-case one inside a source ("The Ohio governor beat")
    is more often the real verb than part of a name. (The verb word itself as a feature overfits:
    dev all_f1 0.8016 against 0.8049 without it.)
    """
    if source[0] < 0:
        return []
    words = text[source[0]:source[1]].split()
    for i, word in enumerate(words):
        low = word.lower().strip(",.;:")
        if low[-3:] in _NT or _CONTRACTION.search(low) or (low[-2:] in ("'s", "’s") and low[:-2] in _PRONOUNS):
            return ["src_verb:aux"]
        if i == 0 or not word.islower():
            continue
        if low in _FINITE_WORDS:
            return ["src_verb:aux"]
        if low in cue_forms:
            return ["src_verb:cue"]
        if low.endswith("ed") and len(low) > 4:
            return ["src_verb:ed"]
    return []


def _is_past_verb(words, i) -> bool:
    """An -ed word that is no adjective ("the embattled minister") nor a passive modifier ("contacted by")."""
    low = words[i]
    return (low.endswith("ed") and len(low) > 4 and words[i - 1] not in _DETERMINERS
            and (i + 1 == len(words) or words[i + 1] != "by"))


_DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those some many most several newly recently "
    "long widely so-called".split()
)
_WORD_SPAN = re.compile(r"\S+")


def source_head(text, source) -> tuple[int, int]:
    """The source cut before a verb it runs on into: "Tory spokesman also criticised the government" -> "Tory
    spokesman". A participle after a determiner ("the embattled minister") is an adjective and stays."""
    if source[0] < 0:
        return source
    words = [(m.start(), m.end(), m.group()) for m in _WORD_SPAN.finditer(text, *source)]
    if words[0][2] in _FINITE_WORDS:
        # "is also the most effective way, showing": a verb phrase, the subject is further back.
        return (-1, -1)
    for i in range(1, len(words)):
        word = words[i][2]
        if not word.islower():
            continue
        low = word.strip(",.;:")
        infinitive = low == "to" and i + 1 < len(words) and words[i + 1][2].isalpha() and words[i + 1][2].islower()
        lows = [w.lower().strip(",.;:") for _, _, w in words]
        verb = infinitive and words[i + 1][2] not in _DETERMINERS or low in _FINITE_WORDS or _is_past_verb(lows, i)
        if not verb:
            continue
        keep = i
        while keep > 0 and is_verb_frame(words[keep - 1][2].lower()):
            keep -= 1
        if keep == 0:
            return source
        return (words[0][0], words[keep - 1][1])
    return source


def word_kind(word: str) -> str:
    if not word:
        return "none"
    if not word[0].isalnum():
        return "punct"
    if word[0].isupper():
        return "cap"
    if word[0].isdigit():
        return "digit"
    if word.endswith("ing"):
        return "ing"
    return "lower"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and marks around it (no closing punctuation at its end either)."""
    while start < end and text[start] in SPACE_AND_MARKS:
        start += 1
    while end > start and text[end - 1] in END_TRIM:
        end -= 1
    return (start, end)
