"""Reported (indirect) speech: "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE".

``find_reported`` finds cue words from a lexicon learnt on PolNeAR's train split (plus any verb
followed by "that", and "Name:" at a sentence start), delimits the content and the source around
each by clause rules, and keeps the candidates that a small two-stage logistic-regression scorer
(``reported_weights.json``, see ``reported_model``) accepts. Statements whose content holds a
quotation mark belong to the direct-quote finder and are never reported here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import NamedTuple

from saywho.attribution.reported_model import ReportedModel, load_model
from saywho.attribution.reported_select import select
from saywho.attribution.reported_text import (
    END_TRIM,
    QUOTE_MARKS,
    SPACE_AND_MARKS,
    STOP_BACK,
    bucket,
    first_of,
    frame_features,
    has_mark,
    is_verb_frame,
    lemma,
    overlaps,
    sentence_bounds,
    source_back,
    source_kind,
    source_verb,
    trim,
    verb_lemma,
    word_kind,
)
from saywho.records import ReportedSpeech

# Spans never reach further than this from their cue, so a huge unpunctuated paragraph stays linear.
_REACH_AFTER = 600
_REACH_BEFORE = 400
_MAX_NESTING_GROUP = 40
# A paragraph this long is a dump, not prose: it is skipped, so bad input costs one regex pass.
_MAX_PARAGRAPH = 100_000
_PARAGRAPH = re.compile(r"[^\n]+")
_SOURCE_REACH = 90
_MAX_SOURCE_WORDS = 6
_OPENING_CUE_GAP = 12
_LATER_CUES_TRIED = 3

_QUOTE_RUN = re.compile("[" + QUOTE_MARKS + "]")
_TOKEN = re.compile(r"[\w’'.&-]+|[^\w\s]")
_FIRST_TOKEN = re.compile(r"\s*([\w’'.&-]+|[^\w\s])")

_AUX_BEFORE = re.compile(r"(?:\b(?:has|have|had|also|has also|have also|had also|reportedly)\s+)+$", re.I)
_THAT_AFTER = re.compile(
    r"\s*,?\s*(?:(?:on|in|at|last|this|during|earlier|later|recently|again|repeatedly|publicly|privately|"
    r"yesterday|today|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,.;:!?\"“”]{0,40}?\s+)?"
    r"that\s+"
)
_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:(?:on|last|this|early|late|earlier|later)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year|morning|afternoon|evening|night)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:a\s+few|several|two|three|\w+)\s+(?:minutes|hours|days|weeks|months)\s+(?:later|ago|earlier)|"
    r"yesterday|today|tonight|earlier|later|recently|again|publicly|privately|repeatedly)\b,?\s+"
)
_SUBORDINATE = re.compile(
    r"\b(?:when|while|as|if|because|although|though|after|before|since|once|unless|whereas|While|When|As|If|"
    r"Because|Although|Though|After|Before|Since|Once|Unless|Whereas)\s+$"
)
_NEGATED_FORM = re.compile(r"\b(?:not|never)\b|n[’']t\b")
_OPENS_SUBORDINATE = re.compile(
    r"(?:when|while|as|because|although|though|after|before|since|once|unless|whereas|until)\b", re.I
)
_MAIN_CLAUSE = re.compile(r",\s+(?=(?:he|she|they|it|we|I|there|the|this|that|[A-Z])\b)")
_ADDRESSEE = re.compile(
    r"\s+((?:him|her|them|us|me|you|reporters|journalists|supporters|voters|donors|lawmakers|members|"
    r"students|listeners|viewers|readers|senators|delegates|the\s+(?:crowd|audience|room|committee|court|jury|"
    r"newspaper|paper|station|network|magazine|senate|house|panel|press|media|public|nation|country|"
    r"Senate|House)|(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'&-]*){0,4}))"
    r"(?=\s+(?:that|on|in|at|last|this|during|earlier|he|she|they|it|the|a|his|her|their|we|I)\b|\s*[,.;:])"
)
_LATER_CUE = re.compile(
    r",\s+(?:(?:he|she|they|it|we|I|officials?|aides?)\s+)?(?:said|says|added|adding|saying|noting|"
    r"according\s+to|told|explained|wrote|argued|arguing|claiming|insisting)\b"
)
_ADJUNCTS = frozenset(
    "on in at during to last this after when while as before about of from with via through earlier "
    "late early yesterday today tonight recently in a an".split()
)
_FINITE = re.compile(r"\b(?:is|was|are|were|will|would|has|have|had|should|could|can|may|might|must|did|does)\b")
_AFTER_QUOTE = re.compile(r"(?:[”\"]|'')\s*$")
_SUBJECT_PRONOUN = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b")
_BEFORE_SOURCE = re.compile(r"([,—–:;]|\s-)\s*((?:[\w’'.&-]+\s+){0,6}?)$")
_VERB_THAT = re.compile(r"\b([a-z]{3,}(?:ed|es|s))\s+that\s+(?=[a-zA-Z])")
_COMMA_SOURCE = re.compile(
    r",\s+(?:(?:but|and|while|although|though|yet|so)\s+)?(?:[A-Z][\w.’'&-]*|he|she|they|it|we|I|officials?)"
    r"(?:\s+[A-Z][\w.’'&-]*){0,4}(?:\s+(?:has|have|had|also|long|later|then|now|still|never|repeatedly)){0,2}\s+$"
)
_COORDINATED_CUE = re.compile(
    r",\s+(?:and|but)\s+(?:(?:has|have|had|also|then|later|did|does|do|was|is|not|never|\w+n[’']t)\s+){0,3}$"
)
_COLON_SOURCE = re.compile(r"[\"“‘']?((?:[A-Z][\w.’'&-]*)(?:\s+[A-Z][\w.’'&-]*){0,3}):[ \t\u00a0]+(?=\S)")
def find_reported(text: str, taken: list[tuple[int, int]] | tuple = ()) -> list[ReportedSpeech]:
    """Reported statements in ``text`` whose content is free of quotation marks and of ``taken`` spans."""
    if not text:
        return []
    model = load_model()
    if len(text) <= _MAX_PARAGRAPH:
        return _accepted(text, taken, model)
    found = []
    for para in _PARAGRAPH.finditer(text):
        start, end = para.span()
        if end - start > _MAX_PARAGRAPH:
            continue
        local = [(s - start, e - start) for s, e in taken if s < end and e > start]
        found.extend(_shifted(speech, start) for speech in _accepted(text[start:end], local, model))
    return found


def _accepted(text, taken, model: ReportedModel) -> list[ReportedSpeech]:
    found = candidates(text, taken, model)
    return select(text, found, model.final_probabilities(found), model.threshold)


def _before_mark(text, speech: ReportedSpeech, marks) -> ReportedSpeech | None:
    """A forward statement ended at the last clause break before a quotation mark in it, if any.

    "X said (that) A, pointing to his "Q"": A is reported, the quote is the direct finder's.
    """
    if speech.content_start < speech.cue_end:
        return None
    mark = marks[bisect_left(marks, speech.content_start)]
    breaks = [text.rfind(ch, speech.content_start, mark) for ch in _CLAUSE_BREAKS]
    cut = max(breaks)
    if cut <= speech.content_start:
        return None
    start, end = trim(text, speech.content_start, cut)
    if _count_words(text, start, end) < _MIN_WORDS_BEFORE_MARK:
        return None
    return replace(speech, content_start=start, content_end=end)


_CLAUSE_BREAKS = (",", ";", ":", "—", "–", " - ", "(")
_MIN_WORDS_BEFORE_MARK = 3


def _shifted(speech: ReportedSpeech, by: int) -> ReportedSpeech:
    def move(i: int) -> int:
        return i + by if i >= 0 else i

    return replace(
        speech,
        content_start=move(speech.content_start), content_end=move(speech.content_end),
        cue_start=move(speech.cue_start), cue_end=move(speech.cue_end),
        source_start=move(speech.source_start), source_end=move(speech.source_end),
        addressee_start=move(speech.addressee_start), addressee_end=move(speech.addressee_end),
    )


class Candidate(NamedTuple):
    speech: ReportedSpeech
    features: list[str]
    sentence: int


def candidates(text: str, taken, model: ReportedModel) -> list[Candidate]:
    """Every cue in the lexicon with its delimited statement and the features the scorer reads."""
    bounds = sentence_bounds(text)
    starts = [s for s, _ in bounds]
    marks = [m.start() for m in _QUOTE_RUN.finditer(text)]
    taken_sorted = sorted((s, e) for s, e in taken if e > s)
    out = []
    if ":" in text:
        for index, (ss, se) in enumerate(bounds):
            colon = _COLON_SOURCE.match(text, ss, se)
            if colon:
                built = _colon(text, colon, se, index, marks, taken_sorted)
                if built:
                    out.append((*built, index))
    spans = _cue_spans(text, model)
    # Matched once per text: the clause rules look ahead for later cues without rerunning the lexicon.
    listed = [(cs, ce) for cs, ce, _, generic in spans if not generic]
    later = [m.start() for m in _LATER_CUE.finditer(text)]
    for cs, ce, form, generic in spans:
        index = bisect_right(starts, cs) - 1
        if index < 0:
            continue
        ss, se = bounds[index]
        built = _build(text, cs, ce, form, ss, se, model, (listed, later))
        if built is None:
            continue
        speech, features = built
        if generic:
            features.append("generic_verb_that")
        if has_mark(marks, speech.content_start, speech.content_end):
            speech = _before_mark(text, speech, marks)
            if speech is None:
                continue
            features.append("cut_at_mark")
        if overlaps(taken_sorted, speech.content_start, speech.content_end):
            continue
        if "frame:passive" in features and ("next:of" in features or "next:about" in features):
            # "he was informed of the invitation": the subject heard of a topic; nobody is reported saying anything.
            continue
        if form in _PARTICLE_CUES:
            features.extend(_particle_features(text, speech.cue_start))
        features.extend(source_verb(text, (speech.source_start, speech.source_end), model.cues))
        if index == 0:
            features.append("first_sentence")
        clause = _FINITE.search(text, speech.content_start, min(speech.content_end, speech.content_start + 100))
        if clause:
            features.append("content_clause")
        features.append(f"lemma_clause:{speech.cue_lemma}|{int(bool(clause))}")
        if ss == 0 or text[ss - 1] == "\n":
            features.append("paragraph_start")
        if speech.content_end >= se - 2:
            features.append("content_to_end")
        if has_mark(marks, ss, se):
            features.append("sent_quote")
        out.append((speech, features, index))
    _mark_nesting(out)
    out.sort(key=lambda c: (c[0].cue_start, c[0].content_start))
    return [Candidate(speech, _conjoin(features), index) for speech, features, index in out]


# Matched text -> lexicon form; the few hundred spellings met ("said", "Said", "has  said") recur.
_FORMS: dict[str, str] = {}
_MAX_FORMS_KEPT = 20_000


def _cue_spans(text, model: ReportedModel) -> list[tuple[int, int, str, bool]]:
    """Lexicon cues, plus any unlisted verb directly followed by "that" (flagged as generic)."""
    forms = _FORMS
    spans = []
    for m in model.cue_matches(text):
        matched = text[m.start():m.end()]
        form = forms.get(matched)
        if form is None:
            form = " ".join(matched.lower().replace("’", "'").split())
            if len(forms) < _MAX_FORMS_KEPT:
                forms[matched] = form
        spans.append((m.start(), m.end(), form, False))
    listed = {start for start, _, _, _ in spans}
    extra = [(m.start(1), m.end(1), m.group(1).lower(), True)
             for m in _VERB_THAT.finditer(text) if m.start(1) not in listed]
    if extra:
        spans = sorted(spans + extra)
    return spans


def _mark_nesting(found) -> None:
    """Tell each candidate whether its cue sits inside another's content, and under which lemma."""
    by_sentence: dict[int, list] = {}
    for item in found:
        by_sentence.setdefault(item[2], []).append(item)
    for group in by_sentence.values():
        if len(group) < 2 or len(group) > _MAX_NESTING_GROUP:
            continue
        for speech, features, _ in group:
            for other, _, _ in group:
                if other is speech:
                    continue
                if other.content_start <= speech.cue_start < other.content_end:
                    features.append(f"inside:{other.cue_lemma}")
                if speech.content_start <= other.cue_start < speech.content_end:
                    features.append("holds_cue")
                    if other.cue_start - speech.content_start <= _OPENING_CUE_GAP:
                        features.append("opens_with_cue")


_PARTICLE_CUES = frozenset("about back out against forward again regarding".split())
_WORD_BEFORE_PARTICLE = re.compile(r"\b([a-z]{3,})\s+$")


def _particle_features(text, cue_start) -> list[str]:
    """A particle cue read with the verb it follows: "spoke out" reports, "came out" and "sold about" do not."""
    before = _WORD_BEFORE_PARTICLE.search(text, max(0, cue_start - 25), cue_start)
    if not before or before.group(1) in _FEATURE_WORDS:
        return []
    particle = text[cue_start:cue_start + 12].split()[0].lower()
    return ["particle_after_word", f"verb_particle:{verb_lemma(before.group(1))}|{particle}"]


def _colon(text, colon, se, index, marks, taken):
    """ "Name: statement" at the start of a sentence, as in headlines and transcripts."""
    content = trim(text, colon.end(), min(se, colon.end() + _REACH_AFTER))
    if content[1] - content[0] < 2 or has_mark(marks, *content) or overlaps(taken, *content):
        return None
    source = colon.span(1)
    features = ["pat:colon", "form::", f"src:{source_kind(text, source)}",
                f"clen:{bucket(_count_words(text, *content))}"]
    if index == 0:
        features.append("first_sentence")
    # "Replacements: Peel, Wilson, Thompson." is a list, not a transcript line: no verb, several commas.
    head = (content[0], min(content[1], content[0] + 100))
    if _FINITE.search(text, *head) or _SUBJECT_PRONOUN.search(text, *head):
        features.append("content_clause")
    elif text.count(",", *content) >= 2:
        return None
    speech = _speech(content, (colon.end(1), colon.end(1) + 1), ":", source)
    return speech, features


_PAIRED = re.compile(r"^(form|lemma|pat|src|next|prev|frame):(.*)$", re.M)


def _conjoin(features: list[str]) -> list[str]:
    """Pairs of the form with the pattern, source and next word: a cue's reading depends on its frame."""
    # One regex pass over the joined names; reversed, so the first feature of each kind is the one kept.
    by_kind = dict(reversed(_PAIRED.findall("\n".join(features))))
    form = by_kind.get("form", "")
    extra = [f"form_{kind}:{form}|{by_kind[kind]}" for kind in ("pat", "src", "next", "prev") if kind in by_kind]
    lemma_ = by_kind.get("lemma", "")
    extra += [f"lemma_{kind}:{lemma_}|{by_kind[kind]}" for kind in ("pat", "src", "prev") if kind in by_kind]
    if "pat" in by_kind and "src" in by_kind:
        extra.append(f"pat_src:{by_kind['pat']}|{by_kind['src']}")
    if "next" in by_kind:
        extra.append(f"lemma_next:{lemma_}|{by_kind['next']}")
    if "frame" in by_kind:
        # "he did not mention" before its comma, "was informed of": the frame reads with the pattern.
        extra += [f"frame_{kind}:{by_kind['frame']}|{by_kind[kind]}" for kind in ("pat", "next") if kind in by_kind]
    return features + extra


def _build(text, cs, ce, form, ss, se, model, lookahead):
    lo = max(ss, cs - _REACH_BEFORE)
    hi = min(se, ce + _REACH_AFTER)
    cue_lemma = model.cues.get(form) or lemma(form)
    aux = _AUX_BEFORE.search(text, max(lo, cs - 30), cs)
    cue_start = aux.start() if aux else cs
    features = [f"form:{form}", f"lemma:{cue_lemma}"]
    if text[cs].isupper():
        features.append("cue_capital")
    if aux:
        features.append("aux")
    if _NEGATED_FORM.search(form):
        features += ["frame:neg", f"lemma_frame:{cue_lemma}|neg"]
    if cue_lemma == "according to" or form.startswith("according"):
        return _according(text, cs, ce, lo, hi, cue_lemma, features)
    before_words = _words(text, max(lo, cue_start - _SOURCE_REACH), cue_start)
    prev = before_words[-1][2].lower() if before_words else ""
    features.append(f"prev:{prev if prev in _FEATURE_WORDS else word_kind(prev)}")
    features.extend(frame_features(before_words, cue_lemma))
    shape = _source_before_comma(text, lo, cue_start)
    # "CLAUSE, he did not mention Z": what was not said is after the cue, never the clause before it;
    # "The nurse sued, claiming Z": a participle right after the comma opens its own content.
    if shape is not None and "frame:neg" not in features and not (
        shape[1][1] <= shape[1][0] and _is_participle(text, cs, ce)
    ):
        after = text[ce:hi]
        opener = after.lstrip()[:1]
        rest = "that" if opener in _OPENERS else after.strip(END_TRIM)
        if _looks_final(rest):
            comma, source = shape
            return _content_before(text, lo, comma, cs, ce, hi, cue_start, cue_lemma, source, features)
        if shape[1][1] > shape[1][0] and opener == ",":
            return _parenthetical(text, lo, hi, shape, cue_start, ce, cue_lemma, features)
    return _content_after(text, cs, ce, lo, hi, cue_start, cue_lemma, before_words, features, lookahead)


def _is_participle(text, cs, ce) -> bool:
    return text.endswith("ing", cs, ce) and text[cs].islower()


def _parenthetical(text, lo, hi, shape, cue_start, ce, cue_lemma, features):
    """ "To see it, Roberts said, one should visit": the statement is the sentence around the cue."""
    content = trim(text, lo, hi)
    if shape[0] <= lo or _count_words(text, ce, hi) < 3:
        return None
    features.append("pat:parenthetical")
    features.append(f"src:{source_kind(text, shape[1])}")
    features.append(f"clen:{bucket(_count_words(text, *content))}")
    return _speech(content, (cue_start, ce), cue_lemma, shape[1]), features


_OPENERS = frozenset(":\"“‘")
_FEATURE_WORDS = frozenset(
    "to not n't would will has have had also who which that he she they it we i you is was are were be been "
    "and but as if when had been never the a an his her their its our my your this could should can may "
    "might must did does do being get got "
    # After a preposition the cue word is a noun or an adjective: "on opposing sides", "of support".
    "on in at of for with by from over into".split()
)
def _according(text, cs, ce, lo, hi, cue_lemma, features):
    lead = text[lo:cs].strip(SPACE_AND_MARKS).lower()
    if lead in ("", "but", "and", "yet", "so", "also", "however", "still"):
        comma = text.find(",", ce, hi)
        if comma == -1:
            return None
        source = trim(text, ce, comma)
        content = trim(text, comma + 1, hi)
        features.append("pat:according_first")
    else:
        stop = first_of(text, ",;.!?", ce, hi)
        source = trim(text, ce, stop)
        content = trim(text, lo, cs)
        features.append("pat:according_last")
    if content[1] - content[0] < 2:
        return None
    features.append(f"clen:{bucket(_count_words(text, *content))}")
    return _speech(content, (cs, ce), cue_lemma, source), features


def _content_before(text, lo, comma, cs, ce, hi, cue_start, cue_lemma, source, features):
    """ "CLAUSE, X said." -- the content runs from the sentence start to the comma before the source."""
    content = trim(text, lo, comma)
    if _count_words(text, *content) < 3:
        return None
    addressee = (-1, -1)
    if source[1] <= source[0]:
        stop = first_of(text, ",;.!?", ce, hi)
        source = trim(text, ce, stop)
        features.append("src_after")
    else:
        addr = _ADDRESSEE.match(text, ce, hi)
        if addr:
            addressee = addr.span(1)
    features.append("pat:before")
    if _OPENS_SUBORDINATE.match(text, content[0], content[1]) and "," not in text[content[0]:content[1]]:
        # "While X tweeted Y, he did not mention Z": an adverbial clause alone is no statement.
        features.append("content_subordinate")
    features.append(f"src:{source_kind(text, source)}")
    features.append(f"clen:{bucket(_count_words(text, *content))}")
    return _speech(content, (cue_start, ce), cue_lemma, source, addressee), features


def _content_after(text, cs, ce, lo, hi, cue_start, cue_lemma, before_words, features, lookahead):
    """ "X said (that) CLAUSE" -- the content runs from after the cue to the end of the clause."""
    if _AFTER_QUOTE.search(text, max(lo, cue_start - 4), cue_start) and not _is_participle(text, cs, ce):
        # '..." said the agency, which ...': the quote before is the statement, what follows is its source;
        # '..." adding that X' reads forward.
        return None
    pos = ce
    addressee = (-1, -1)
    addr = _ADDRESSEE.match(text, ce, hi)
    if addr and addr.group(1).split()[0].lower() not in _PRONOUNS_SUBJECT:
        addressee = addr.span(1)
        pos = addr.end(1)
        features.append("addressee")
    that = _THAT_AFTER.match(text, pos, hi)
    if that:
        pos = that.end()
        features.append("that")
    else:
        adjunct = _TIME_AFTER.match(text, pos, hi)
        if adjunct:
            pos = adjunct.end()
            features.append("time_adjunct")
    nxt = _FIRST_TOKEN.match(text, pos, min(hi, pos + 40))
    first = nxt.group(1).lower() if nxt else ""
    features.append(f"next:{first if first in _NEXT_WORDS else word_kind(first)}")
    listed, later = lookahead
    end = hi
    first_comma = bisect_left(later, pos)
    if first_comma < len(later) and later[first_comma] < hi:
        end = later[first_comma]
    first_later = bisect_left(listed, (pos, pos))
    for next_start, next_end in listed[first_later:first_later + _LATER_CUES_TRIED]:
        if next_end > end:
            break
        comma = _COMMA_SOURCE.search(text, max(pos, next_start - 60), next_start)
        if comma:
            end = comma.start()
            features.append("cut_at_later_cue")
            break
        # "did not mention A, and has not revealed B": the second verb phrase is a statement of its own.
        joined = _COORDINATED_CUE.search(text, max(pos, next_start - 40), next_start)
        if joined:
            end = joined.start()
            features.append("cut_at_coordinated_cue")
            break
    source = source_back(text, lo, cue_start, before_words)
    if _SUBORDINATE.search(text, max(lo, (source[0] if source[0] >= 0 else cue_start) - 12),
                           source[0] if source[0] >= 0 else cue_start):
        main_clause = _MAIN_CLAUSE.search(text, pos, end)
        if main_clause:
            end = main_clause.start()
        features.append("subordinate")
    content = trim(text, pos, end)
    if content[1] - content[0] < 2:
        return None
    features.append("pat:after")
    features.append(f"src:{source_kind(text, source)}")
    features.append(f"clen:{bucket(_count_words(text, *content))}")
    return _speech(content, (cue_start, ce), cue_lemma, source, addressee), features


_PRONOUNS_SUBJECT = frozenset("he she they it we i the a his her their".split())
_NEXT_WORDS = frozenset(
    "that the a an he she they it we i you his her their this there to if whether how what why when "
    "about for of on in with by as him them us me "
    # A content opening on a finite verb means the cue was a noun subject: "The latest dispute has flared".
    "is was are were has have had will would can could should may might must does did".split()
)


def _source_before_comma(text, lo, cue_start):
    """(comma position, source span) when the cue follows ", SOURCE" -- else None."""
    m = _BEFORE_SOURCE.search(text, max(lo, cue_start - _SOURCE_REACH), cue_start)
    if not m:
        return None
    source = trim(text, m.start(2), cue_start)
    words = text[source[0]:source[1]].split()
    if words and words[0].lower() in STOP_BACK:
        return None
    start, end = source
    while len(words) > 1 and is_verb_frame(words[-1].lower()):
        end = text.rindex(words.pop(), start, end)
        end = trim(text, start, end)[1]
    return m.start(1), (start, end)


def _looks_final(rest: str) -> bool:
    """Whether what follows the cue is only a source, an addressee or an adjunct, not a new clause."""
    if not rest:
        return True
    if len(rest) > 160 or rest.lower().startswith("that "):
        return False
    head = rest.split(",", 1)[0]
    if _FINITE.search(head):
        return False
    words = head.split()
    if not words:
        return True
    first = words[0]
    if first.lower() in _ADJUNCTS:
        return True
    return len(words) <= _MAX_SOURCE_WORDS and (first[:1].isupper() or first.lower() in _ADDRESSEE_WORDS)


_ADDRESSEE_WORDS = frozenset(
    "him her them us me you reporters journalists supporters voters the some many several most other others "
    "both few all two three analysts experts officials critics aides".split()
)


def _words(text, start, end):
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _count_words(text, start, end) -> int:
    return text.count(" ", start, end) + 1 if end > start else 0


def _speech(content, cue, cue_lemma, source, addressee=(-1, -1)) -> ReportedSpeech:
    if source[0] < 0 or source[1] <= source[0]:
        source = (-1, -1)
    if addressee[0] < 0 or addressee[1] <= addressee[0]:
        addressee = (-1, -1)
    return ReportedSpeech(
        content_start=content[0],
        content_end=content[1],
        cue_start=cue[0],
        cue_end=cue[1],
        cue_lemma=cue_lemma,
        source_start=source[0],
        source_end=source[1],
        addressee_start=addressee[0],
        addressee_end=addressee[1],
    )
