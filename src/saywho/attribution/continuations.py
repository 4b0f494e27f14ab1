"""Joining a quote's parts: ``"Q1," X said. "Q2."`` is one statement unless a clause of another act stands between
them; a paragraph of quotation after ``X said that A.`` goes on with X's statement; a quote inside an opening
participle clause is what the participle says."""

from __future__ import annotations

import re
from bisect import bisect_right

from saywho.attribution.descriptions import IRREGULAR_PAST
from saywho.attribution.found import Found
from saywho.attribution.lexicon import ROLE_VERBS, VERBISH, speech_lemma
from saywho.attribution.marks import Marked
from saywho.attribution.text import Token


def verb_form(word: str) -> bool:
    """Whether a word after a subject's head noun is its verb ("sought", "addressed", "says")."""
    return word in VERBISH or word in ROLE_VERBS or word in IRREGULAR_PAST or speech_lemma(word) is not None \
        or word.endswith("ed") or word.endswith("s") and not word.endswith("ss")


def merge_continuations(text: str, found: list[Found]) -> list[Found]:
    """``"Q1," X said. "Q2."``: the second part has no cue of its own and is the same statement."""
    out: list[Found] = []
    for item in found:
        prev = out[-1] if out else None
        same_cue = item.cue is not None and prev is not None and prev.cue is not None \
            and item.cue.start == prev.cue.start
        if (item.cue is None or same_cue) and prev is not None and prev.cue is not None:
            gap = text[prev.mark.close_at + 1 : item.mark.open_at]
            if item.cue is None and prev.subject is not None:
                added = _added_cue(text, prev.cue_text_end, item.mark.open_at)
                if added is not None:
                    # '"Q1," he said, adding that ... "Q2"': the second part is what he added
                    item.cue, item.lemma, item.cue_text_end, item.subject = added, "add", added.end, prev.subject
                    out.append(item)
                    continue
            if "\n" not in gap and (same_cue or prev.cue.start > prev.mark.close_at) and len(gap) < 160:
                between = prev.cue_text_end if prev.mark.close_at < prev.cue.start < item.mark.open_at else 0
                clause = _clause_between(text, max(between, prev.mark.close_at + 1), item.mark.open_at)
                if clause is None:
                    prev.mark = Marked(prev.mark.pieces + item.mark.pieces, prev.mark.open_at, item.mark.close_at)
                    continue
                verb, subject = clause
                item.cue, item.lemma, item.cue_text_end = verb, speech_lemma(verb.text) or verb.text, verb.end
                item.subject = subject or prev.subject
                out.append(item)
                continue
        if item.cue is None:
            continue
        out.append(item)
    return out


# Between two quotes, a clause of another act keeps them apart: a finished clause with its own subject and verb
# ('"Q1," Ebeling said, and her husband cut in. "Q2"'; 'says Roloson. Roloson supports Clinton. "Q2"') or a
# participle whose object the next quote is ('she said, meaning that he's "Q2"'). A participle clause that ends
# before the next quote ('he said, referring to Cruz. "Q2"') and a clause the next quote finishes ('and he vowed
# to carry the "Q2"') stay in the statement, as PolNeAR has them.
# Capitalised words that open a sentence of the quote's own voice, not a narrated subject.
_NOT_SUBJECTS = r"(?:I|I['’]\w+|We|We['’]\w+|You|It|It['’]s|Our|My|Your|This|That|There|What|Some|All)\b"
_JOINED_CLAUSE = re.compile(r"\b(?:and|but|while)\s+(he|she|they|(?:the|her|his|their|its)\s+[\w’'-]+"
                            rf"|(?!{_NOT_SUBJECTS})[A-Z][\w’'-]+)\s+(?:then\s+|also\s+|later\s+)?([a-z]+)\b")
_NEXT_SENTENCE = re.compile(r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<!\b[A-Z])[.!?]\s+(He|She|They|"
                            rf"(?!{_NOT_SUBJECTS})(?:[A-Z][\w’'-]+\s+){{0,2}}[A-Z][\w’'-]+)\s+(?:then\s+|also\s+)?([a-z]+)\b")
_PARTICIPLE = re.compile(r"^\W*(?:instead\s+|then\s+)?([a-z]+ing)\b")
_NOT_PARTICIPLES = {"adding", "according", "during", "including", "regarding", "concerning", "following", "being",
                    "having"}


def _clause_between(text: str, start: int, end: int) -> tuple[Token, tuple[int, int] | None] | None:
    """The verb of a clause of another act between a quote's cue (or its close) and the next quote, with the
    clause's own subject (None for a participle: its subject is the speaker before), or None."""
    rest = text[start:end]
    if any(mark in rest for mark in "\"“”"):
        # a quotation mark the finder could not pair ('he told Reuters. "What we are saying is ... "The ...'):
        # the words may be the quote's own
        return None
    finished = rest.rstrip(" \xa0").endswith((".", "!", "?", ":", ";"))
    participle = _PARTICIPLE.match(rest)
    if participle and participle.group(1) not in _NOT_PARTICIPLES:
        if finished:
            return None
        return Token(participle.group(1), start + participle.start(1), start + participle.end(1)), None
    if not finished:
        return None
    for pattern in (_JOINED_CLAUSE, _NEXT_SENTENCE):
        for match in pattern.finditer(rest):
            verb = match.group(2)
            if verb_form(verb) and not verb.endswith(("er", "or", "ist")):
                return Token(verb, start + match.start(2), start + match.end(2)), \
                    (start + match.start(1), start + match.end(1))
    return None


def continued_reports(text: str, uncued: list[Found], reported: list) -> list[Found]:
    """``X said that A.`` and then a paragraph of quotation with no cue of its own: the quote goes on with
    what X said, so it takes that statement's source and cue."""
    ends = sorted((r.content_end, index) for index, r in enumerate(reported))
    out = []
    for item in uncued:
        para = text.rfind("\n", 0, item.mark.open_at) + 1
        line_end = text.find("\n", item.mark.close_at)
        if para == 0 or text[para : item.mark.open_at].strip() \
                or text[item.mark.close_at + 1 : line_end if line_end >= 0 else len(text)].strip(" .,;:!?”\"’"):
            # only a paragraph that is all quotation; words after it would hold its own cue
            continue
        prev_end = para - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        before = bisect_right(ends, (prev_end, len(reported))) - 1
        if before < 0:
            continue
        statement = reported[ends[before][1]]
        if text[statement.content_end : prev_end].strip(" .,;:!?”\"’") or "\n" in text[statement.cue_start : prev_end] \
                or statement.cue_start < 0 or statement.source_start < 0:
            continue
        cue = Token(text[statement.cue_start : statement.cue_end], statement.cue_start, statement.cue_end)
        subject = (statement.source_start, statement.source_end)
        out.append(Found(item.mark, "direct", cue, statement.cue_lemma, statement.cue_end, subject))
    return out


def opening_participle_cue(text: str, sentence_start: int, item: Found) -> None:
    """``Citing the attack as a wake-up call and their "Q," Will urged ...``: a quote inside a sentence's opening
    participle clause is what the participle says; the subject after it stays the speaker."""
    if item.cue is None or item.cue.start < item.mark.close_at:
        return
    opening = re.match(r"([A-Z][a-z]+ing)\b[^,;:.!?“”\"]*$", text[sentence_start : item.mark.open_at])
    if opening is None or speech_lemma(opening.group(1)) is None:
        return
    item.cue = Token(opening.group(1), sentence_start, sentence_start + len(opening.group(1)))
    item.lemma, item.cue_text_end = speech_lemma(opening.group(1)), item.cue.end


def _added_cue(text: str, start: int, end: int) -> Token | None:
    """The "adding"/"added" between a cue and the next quote, in the same paragraph."""
    if end - start > 300 or "\n" in text[start:end]:
        return None
    for match in re.finditer(r"\b(adding|added)\b", text[start:end]):
        return Token(match.group(1), start + match.start(), start + match.end())
    return None

