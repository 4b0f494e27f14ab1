"""Clause shapes around a quote that decide its speaker and cue: an inverted verb after a fronted phrase
(``Because of how ..., explained Rosenberg, "Q"``), the agent of a passive one (``Sanders was asked by host Bill
Maher, "Q"``), a list of verb phrases, an opening "Asked ..." clause, a publication reporting the sentence, and the
small word tests the quote finder's left clause uses."""

from __future__ import annotations

import re

from saywho.attribution.descriptions import IRREGULAR_PAST
from saywho.attribution.found import Found
from saywho.attribution.lexicon import HONORIFICS, NOT_NAMES, PRONOUNS, ROLE_NOUNS
from saywho.attribution.phrases import AUXILIARIES, TIME_WORDS, is_adverb
from saywho.attribution.text import Token

# How far a speaker's name and title run ("CBS moderator Nancy Cordes").
NAME_WORDS = 8
# Verbs that put their speaker after them ("..., explained Rosenberg,"); a verb with an object ("told POLITICO",
# "calls Horgos") names whom or what it is about there instead.
INVERTING = {"say", "explain", "write", "note", "add", "argue", "observe", "recall", "continue", "quip", "reply",
             "respond", "insist", "joke", "declare", "warn", "concede", "admit", "acknowledge", "suggest", "predict"}
# Passive verbs whose agent is PolNeAR's source ("was asked by host Bill Maher").
PASSIVE_ASKING = {"ask", "question", "press"}


def _name_run(toks: list[Token], first: int) -> int:
    """The index after a run of title and name words from ``first`` ("Fox Business moderator Gerard Baker"), or
    ``first`` when no name starts there."""
    k = first
    while k < len(toks) and k - first < NAME_WORDS:
        tok = toks[k]
        low = tok.lower
        if tok.capitalised and low not in NOT_NAMES:
            k += 1
        elif low in ROLE_NOUNS or low in HONORIFICS or (k > first and tok.text.isalpha() and low not in NOT_NAMES
                                                         and k + 1 < len(toks) and toks[k + 1].capitalised):
            k += 1
        else:
            break
    while k > first and not toks[k - 1].capitalised:
        k -= 1
    return k


def inverted_speaker(toks: list[Token], index: int, lemma: str) -> tuple[int, int] | None:
    """``..., explained Rosenberg, "Q"`` / ``The paradox of Nancy, says Carl Anthony, historian ..., is that "Q"``:
    a verb after a comma and before a name that a comma, a colon or the quote ends names that speaker; a name
    running on into a clause ("said Republicans are engaged") is what was said."""
    if lemma not in INVERTING or index < 1 or toks[index - 1].text != "," or toks[index].text.endswith("ing"):
        return None
    end = _name_run(toks, index + 1)
    if end == index + 1 or toks[index + 1].lower in TIME_WORDS:
        return None
    if end < len(toks) and toks[end].text not in (",", ":"):
        return None
    return toks[index + 1].start, toks[end - 1].end


def passive_agent(toks: list[Token], index: int, lemma: str) -> tuple[int, int] | None:
    """``Sanders was asked by host Bill Maher, "Q"``: PolNeAR's source of a passive speech verb is its agent."""
    if lemma not in PASSIVE_ASKING or index < 1 or index + 2 >= len(toks) or toks[index - 1].lower not in ("was", "were", "been", "being", "is") \
            or toks[index + 1].lower != "by":
        return None
    end = _name_run(toks, index + 2)
    if end == index + 2:
        return None
    return toks[index + 2].start, toks[end - 1].end


def listed_verb(toks: list[Token], index: int) -> int | None:
    """``The candidate has mocked a disabled reporter, referred to immigrants as "Q"``: a past verb after a comma
    that closes an object is the next of a list of verb phrases; the index of the first verb of the list, whose
    subject is the cue's, or None. An aside (", who ...,") or a name before the comma is no such list."""
    if index < 3 or toks[index - 1].text != "," or not toks[index].text.islower() \
            or not toks[index].lower.endswith("ed"):
        return None
    before = toks[index - 2]
    if not before.text.isalpha() or not before.text.islower() or before.lower in PRONOUNS:
        return None
    verb = None
    first = index - 2
    while first > 0 and toks[first - 1].text not in (",", ";", ":", "—", "–", "(", ")"):
        first -= 1
    if first >= 2 and toks[first - 1].text == "," and toks[first - 2].capitalised:
        # "Corey Lewandowski, Donald Trump's fired campaign manager, ripped": an aside after a name
        return None
    for k in range(index - 3, first - 1, -1):
        tok = toks[k]
        if tok.lower in ("who", "which", "whose", "whom", "how", "because", "when", "if", "after", "before", "as",
                         "while", "since", "although", "though"):
            return None
        if tok.text.islower() and (tok.lower.endswith("ed") or tok.lower in IRREGULAR_PAST) \
                and k > first and toks[k - 1].lower not in ("and", "but", "that"):
            verb = k
    return verb


_ASKED = re.compile(r"\s*(?:When\s+)?([Aa]sked)\b[^,;:.!?“”\"]*$")


def asked_opening(text: str, sentence_start: int, open_at: int) -> Token | None:
    """``Asked whether Clinton "Q," 75 percent said yes``: a quote inside the opening "Asked ..." clause is what was
    asked; its cue is "Asked", the speaker after it answers."""
    opening = _ASKED.match(text, sentence_start, open_at)
    if opening is None:
        return None
    return Token(opening.group(1), opening.start(1), opening.end(1))


_NAME = r"(?:[A-Z][\w’'.&-]*\s+){0,4}[A-Z][\w’'.&-]*"
_REPORTED_BY = re.compile(rf",\s+(?:(?P<name>(?:the\s+)?{_NAME})\s+(?:first\s+)?(?P<verb>reports|reported)"
                          rf"|(?P<verb2>reports|reported)\s+(?P<name2>(?:the\s+)?{_NAME}))\s*[.!?]?\s*$")


def reported_by(text: str, close_at: int, sentence_end: int) -> tuple[Token, tuple[int, int]] | None:
    """``Fans chanted, "Q," referring to ..., the Chicago Tribune reports.``: a publication that reports the
    whole sentence at its end is PolNeAR's source of the quote in it; its verb and name, or None."""
    found = _REPORTED_BY.search(text, close_at, sentence_end)
    if found is None:
        return None
    verb = "verb" if found.group("verb") else "verb2"
    name = "name" if found.group("name") else "name2"
    end = found.end(name) - 1 if found.group(name).endswith(".") else found.end(name)
    return Token(found.group(verb), found.start(verb), found.end(verb)), (found.start(name), end)


def with_subject(toks: list[Token], index: int) -> tuple[int, int] | None:
    """``..., with Trump reportedly yelling: "Q"``: a name after "with" is its participle's subject."""
    k = index - 1
    while k >= 0 and is_adverb(toks[k]):
        k -= 1
    first = k
    while first >= 1 and (toks[first - 1].capitalised and toks[first - 1].lower not in NOT_NAMES
                          or toks[first - 1].lower in ("of", "for", "the") and first >= 2
                          and toks[first - 2].lower != "with"):
        # "with the American Federation of Teachers calling": the organisation's whole name
        first -= 1
    if k >= 1 and first >= 2 and toks[first - 1].lower == "the" and toks[first - 2].lower == "with":
        first -= 1
    if k < 1 or first < 1 or toks[first - 1].lower != "with" \
            or not (toks[k].capitalised and toks[k].lower not in NOT_NAMES or toks[k].lower in ("he", "she")):
        return _with_noun_phrase(toks, k)
    return toks[first].start, toks[k].end


def _with_noun_phrase(toks: list[Token], k: int) -> tuple[int, int] | None:
    """``with one of her ads asking`` / ``with many marchers and spectators chanting``: a short plural noun phrase
    after "with" that starts with a quantifier or a determiner."""
    for first in range(k, max(0, k - 6), -1):
        if toks[first - 1].lower == "with":
            break
        if not toks[first].text.isalpha() and toks[first].text != "-":
            return None
    else:
        return None
    if toks[first].lower not in ("one", "some", "many", "several", "two", "three", "the", "a", "an", "his", "her",
                                 "their", "its", "both", "all") or not toks[k].lower.endswith("s"):
        return None
    return toks[first].start, toks[k].end


def noun_before(tok: Token) -> bool:
    """Whether ``tok`` makes the bare verb form after it a noun: a singular lower-case word that is no subject,
    auxiliary, adverb or infinitive marker ("swing state"; not "they say", "officials say", "will say")."""
    low = tok.lower
    return tok.text.isalpha() and tok.text.islower() and not low.endswith("s") and low not in AUXILIARIES \
        and low not in PRONOUNS and low not in ("to", "i", "we", "you", "they", "who", "that", "and", "or", "people") \
        and not is_adverb(tok)


def clause_start(toks: list[Token], index: int) -> int:
    """Where the clause holding ``toks[index]`` starts: after ", but" / ", and" / "while" before it ("Trump called
    the assault that killed ... "Q1," but he also noted the "Q2"": that clause's "that" is not this one's)."""
    for k in range(index - 1, 0, -1):
        if toks[k].lower == "and" and toks[k - 1].text == "," or toks[k].lower in ("but", "while", "whereas"):
            return k + 1
    return 0


_SPEECH_NOUNS = ("remarks?|comments?|claims?|assertions?|warnings?|mispronunciations?|mangling|admission|"
                 "suggestion|statements?|promises?|pledge|vow|description|declaration|dictum|accusations?|criticism|"
                 "conclusion|response|answer|demand|boast|quip|joke|argument|contention|insistence|characterization|"
                 "references?|insults?|attacks?|jabs?|taunts?|slogan|tweets?")
_OWNED_SPEECH = re.compile(r"\b(?:over|after|for|and|in|with|about|of|by|on|from|amid|despite)\s+"
                           r"(?P<owner>his|her|their|its|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*(?:[’']s|s[’']))\s+"
                           rf"(?:[\w-]+\s+){{0,2}}?(?P<noun>{_SPEECH_NOUNS})"
                           r"(?:\s+(?:(?:during|at|in|on)\s+the\s+\w+\s+)?(?:that|of|about))?,?\s*$")


_SPEECH_BY = re.compile(r"\b(?:over|after|for|and|in|with|about|of|from|amid|despite)\s+(?:the|a|an)\s+"
                        rf"(?P<noun>{_SPEECH_NOUNS}|suggestion)\s+by\s+(?P<owner>(?:[\w.’'-]+\s+){{0,5}}?[\w.’'-]+)"
                        r"\s+that(?:\s+[\w’'-]+){0,3}\s*,?\s*$")


def owned_speech_noun(text: str, start: int, open_at: int) -> tuple[Token, tuple[int, int]] | None:
    """``fanned controversy over her remark that "Q"`` / ``As for Carson's mangling of "Q"`` / ``for the
    suggestion by a potential president that "Q"``: a speech noun with its owner, after a preposition or "and" rather than a verb of speech, is the quote's cue and the owner its
    source; the noun and the owner, or None."""
    found = _OWNED_SPEECH.search(text, start, open_at) or _SPEECH_BY.search(text, start, open_at)
    if found is None:
        return None
    return Token(found.group("noun"), found.start("noun"), found.end("noun")), (found.start("owner"), found.end("owner"))


def sentence_cue(text: str, sentence: tuple[int, int], item: Found) -> None:
    """Where the sentence around a quote overrides the cue found next to it: a publication reporting the whole
    sentence, a speech noun with its owner, or an opening "Asked ..." clause the quote is part of."""
    mark = item.mark
    reporter = reported_by(text, mark.close_at + 1, sentence[1])
    if reporter is not None:
        item.cue, item.lemma, item.cue_text_end, item.subject = reporter[0], "report", reporter[0].end, reporter[1]
    owned = owned_speech_noun(text, sentence[0], mark.open_at)
    if owned is not None:
        item.cue, item.lemma, item.cue_text_end, item.subject = owned[0], "say", owned[0].end, owned[1]
    if item.cue is not None and item.cue.start > mark.close_at:
        asked = asked_opening(text, sentence[0], mark.open_at)
        if asked is not None:
            # the asker is not named; the speaker after the question is who answered
            item.cue, item.lemma, item.cue_text_end, item.subject = asked, "ask", asked.end, None


_DOCUMENT_PREDICATE = re.compile(
    r"\b(?P<verb>[a-z]+ed|put|sent|wrote|gave|took|ran|began|made|read|posted|issued)\s+(?!by\b)(?:out\s+|up\s+)?"
    r"(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w$-]+\s+){0,3}?"
    r"(?:statement|letter|release|email|e-mail|message|memo|ad|video|tweet|post|op-ed|note|campaign|editorial)s?\b"
    r"(?:[^.;:!?“”\"—–]|(?<=\b[A-Z])\.){0,80}$")


def document_predicate(text: str, start: int, cue: Token) -> int | None:
    """``wrote a letter to Attorney General Lynch asking "Q"`` / ``began a $1 million ad campaign praising``:
    PolNeAR's cue runs from the verb that issues the document to the participle; where that verb starts, or None."""
    found = _DOCUMENT_PREDICATE.search(text, start, cue.start)
    return found.start("verb") if found is not None else None
