"""Subject phrases that name no one, or name someone by description: where their head noun ends, whether
they are a fragment of a clause, and the word lists that tell a role from an organisation's stand-in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from saywho.attribution.lexicon import (
    DETERMINERS_AND_POSSESSIVES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_VERBS,
    VERBISH,
    speech_lemma,
)

if TYPE_CHECKING:
    from saywho.attribution.people import People

# "the firm said": nouns by which an article calls back an organisation it named
ORG_ANAPHORS = {"company", "firm", "group", "bank", "airline", "carrier", "retailer", "club", "studio", "network",
                "broadcaster", "chain", "insurer", "lender", "maker", "manufacturer", "operator", "publisher",
                "label", "giant", "supermarket", "corporation", "conglomerate", "department", "ministry",
                "commission", "committee", "council", "union", "newspaper", "tabloid", "agency"}
# Nouns for what a news organisation is: "the People's Daily newspaper" is the People's Daily.
MEDIA_NOUNS = {"newspaper", "paper", "magazine", "network", "channel", "agency", "website", "broadcaster", "daily",
               "tabloid", "station", "wire"}
INDEFINITES = {"a", "an", "another", "one", "some", "several", "two", "three"}
# Nouns for a person that are no office: after a name, "the front-runner" is that person.
PERSON_NOUNS = {"front-runner", "frontrunner", "hopeful", "contender", "challenger", "incumbent", "lawmaker",
                "legislator", "politician", "veteran", "tycoon", "magnate", "entrepreneur", "newcomer", "favourite",
                "favorite", "underdog", "winner", "runner-up", "champion", "striker", "midfielder", "defender",
                "goalkeeper", "batsman", "bowler", "quarterback", "musician", "novelist", "filmmaker", "film-maker",
                "presenter"}
# Past forms that are no "-ed": the verb after a subject ("The Florida senator sought to calm ...").
IRREGULAR_PAST = {"sought", "took", "made", "gave", "went", "came", "told", "spoke", "wrote", "met", "led", "held",
                  "left", "brought", "thought", "felt", "kept", "won", "lost", "ran", "saw", "got", "put", "set",
                  "became", "began", "knew", "sent", "stood", "struck", "fought", "taught", "drew", "hit", "cut"}
# Participles that are no "-ed" and no noun: a lone "seen" or "shown" is what is left of a clause.
PARTICIPLES = {"seen", "shown", "done", "given", "taken", "known", "written", "spoken", "gone", "heard", "mean"}
# Endings of nouns for people ("neurosurgeon", "journalist", "politician"): such a description that speaks
# right after a person is named is that person.
PERSON_SUFFIXES = ("ist", "eon", "ician")
# Documents that speak for who issued them: "a Pentagon readout said".
DOCUMENT_NOUNS = {"statement", "readout", "release", "email", "e-mail", "letter", "memo", "filing", "tweet", "post"}
AGE = re.compile(r"\d{1,3}-year-old")
# Words a subject phrase never opens with: it is a fragment of a clause ("with the label", "In fact, ...").
FRAGMENT_OPENERS = {"with", "in", "at", "to", "for", "from", "by", "on", "into", "amid", "after", "before", "since",
                    "as", "if", "when", "while", "but", "and", "or", "so", "then", "also", "now", "however", "not",
                    "only", "i", "i'm", "it's", "let's", "we", "you", "granted", "will", "would", "can", "could",
                    "than", "otherwise"}
# Finite verbs and adverbs that end a subject's noun phrase ("China remains", "concern grows").
CLAUSE_WORDS = {"remain", "remains", "remained", "grow", "grows", "come", "comes", "follow", "follows", "continue",
                "continues", "began", "begin", "begins", "can", "could", "should", "may", "might", "must", "do",
                "does", "did", "be", "been", "being", "also", "now", "however", "still", "which", "who", "that"}
# Lone words with no noun in them: adjectives and particles a broken subject leaves behind.
NO_NOUN = {"new", "former", "latest", "previous", "main", "global", "personal", "important", "fierce", "short", "far",
           "best", "biggest", "began", "heard", "anywhere", "sold-out", "more", "most", "much", "many", "few", "all",
           "both", "each", "other", "others", "such", "same", "which", "who", "what", "there", "here", "last", "next"}


def trailing_pronoun(words: list[str], low: list[str]) -> int | None:
    """The index of the last subject pronoun when only lowercase words follow it."""
    for index in range(len(words) - 1, -1, -1):
        if low[index] in ("he", "she", "they", "it"):
            return index
        if not words[index].islower():
            return None
    return None


def common_head(words: list[str], low: list[str], place: bool = False) -> bool:
    """A phrase whose last word is a lowercase common noun, not a role or a pronoun, nor an organisation word
    after an organisation's name ("the Labour party"); after a place or an adjective it heads the phrase
    ("the Russian government")."""
    if len(words) < 2:
        return False
    head = low[-1]
    return words[-1].islower() and head not in ROLE_NOUNS and (place or head not in ORG_WORDS) \
        and head not in PRONOUNS and head.isalpha()


def adjectival(name: str) -> bool:
    """A demonym's shape ("Russian", "British", "Chinese", "American"): an adjective, not a name, before a noun
    ("the Russian government"); a surname there ("the Obama administration") is the person's."""
    return " " not in name and name.lower().endswith(("ian", "ish", "ese", "ican"))


def head_length(words: list[str], low: list[str]) -> int:
    """How many words the phrase's head noun phrase has: it ends before "in"/"of"/"at"... ("A TV station in
    the US") and before a verb ("Apple users are equally famous")."""
    for index, word in enumerate(low):
        if index and (word in ("in", "of", "at", "for", "with", "from", "on", "over", "across") or word in VERBISH
                      or word in ROLE_VERBS or word.endswith("ed") and words[index].islower() and "-" not in word):
            return index
    return len(words)


def offset_after(phrase: str, words: list[str], count: int) -> int:
    """Where the first ``count`` words of the phrase end, as an offset into it."""
    at = 0
    for word in words[:count]:
        at = phrase.find(word, at) + len(word)
    return at


def possessor(text: str, start: int, end: int, people: People) -> bool:
    """Whether every person named in the phrase is a possessor ("Rubio’s deputy campaign manager")."""
    mentions = [m for m in people.mentions_in(start, end) if m.entity.kind == "person"]
    return bool(mentions) and all(text[m.end : m.end + 2] in ("’s", "'s") or text[m.end : m.end + 1] in ("’", "'")
                                  for m in mentions)


def opens_clause(text: str, start: int) -> bool:
    """Whether a phrase starts a sentence or clause: after a full stop, a comma, a quotation, "but"/"and"/
    "however", or an inverted cue ("said the coach")."""
    before = text[max(0, start - 40) : start].rstrip()
    if not before or before[-1] in ".,;:!?\n\"”’":
        return True
    last = before.split()[-1].lower()
    return last in ("but", "and", "however", "yet", "so") or speech_lemma(last) is not None


def noun_phrase_of(phrase: str) -> str | None:
    """The noun phrase a subject that names no one describes ("critics of the plan" -> "critics", "investors
    fretted" -> "investors"), or None for a fragment: one opening with a preposition or an adverb ("with the
    label", "In fact") or with no noun at all ("widely", "latest")."""
    words = strip_determiner(phrase).split()
    low = [w.lower().strip(",.;:") for w in words]
    if not words or low[0] in FRAGMENT_OPENERS or low[0].endswith("ly") or low[0][:1].isdigit() and len(words) == 1:
        return None
    if low[0].endswith("ed") and "-" not in low[0] and phrase.split()[0].lower() not in DETERMINERS_AND_POSSESSIVES:
        # "involved in the sale", "supplied with ...": a participle, the subject lies before it
        return None
    head = len(words)
    for index, word in enumerate(low):
        if index and (word in CLAUSE_WORDS or word in VERBISH or word in ROLE_VERBS
                      or word.endswith("ed") and words[index].islower() and "-" not in word):
            head = index
            break
    words, low = words[:head], low[:head]
    if not words or len(words) == 1 and (low[0] in NO_NOUN or low[0] in IRREGULAR_PAST or low[0] in PARTICIPLES
                                         or low[0].endswith(("ing", "ly"))):
        return None
    return " ".join(words)


def opening_participle(text: str, end: int) -> bool:
    return text[end - 3 : end] == "ing" and text[end : end + 4].lstrip().startswith(("to", ","))


def strip_determiner(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS_AND_POSSESSIVES:
        words = words[1:]
    return " ".join(words) or phrase
