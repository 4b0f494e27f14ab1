"""Roles in one article: the title written before a name ("Atlantic City Mayor Don Guardian"), the role given in
apposition after it (", his director of national intelligence,") and a bare role that describes the person just
named ("Mr Trump ... claiming the president had misspoken"). A mixin of ``People``, whose tokens, sentences and
name mentions it reads."""

from __future__ import annotations

import re

from saywho.attribution.lexicon import (
    HONORIFICS,
    NOT_NAMES,
    ROLE_GENDER,
    ROLE_LEADS,
    ROLE_NOUNS,
    ROLE_VERBS,
    VERBISH,
    speech_lemma,
)
from saywho.attribution.names import DETERMINERS, PORTFOLIOS, RANKS, Entity
from saywho.attribution.text import Token

# Role nouns that name an institution as often as a person when bare: "the executive would play its part".
INSTITUTION_ROLES = {"executive", "chair", "head", "justice", "host"}
PREPOSITIONS = [[w] for w in ("to", "of", "by", "with", "from", "for", "against", "at", "about", "on")]
# Roles held for one race only.
CANDIDACIES = {"nominee", "candidate", "front-runner", "frontrunner", "challenger", "contender", "running-mate"}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Words that with a role noun make a title: "Former Secretary", "Prime Minister", "Vice President".
TITLE_WORDS = RANKS | ROLE_LEADS | {"prime", "first", "chief", "senior", "lord", "grand"}


class Titles:
    """Roles read off the text around names; ``People`` holds the state."""

    def _title_before(self, index: int) -> tuple[str | None, str]:
        """The honorific's gender hint and the role words written just before a name."""
        toks = self.tokens
        gender = None
        words: list[Token] = []
        k = index - 1
        if k >= 0 and toks[k].lower in HONORIFICS:
            # "Deputy Prime Minister Mr Prescott": the title may stand before the honorific
            gender = HONORIFICS[toks[k].lower]
            k -= 1
            if k < 0 or toks[k].lower not in ROLE_NOUNS:
                return gender, ""
        while k >= 0 and len(words) < 6:
            word = toks[k]
            low = word.lower
            if low in ROLE_NOUNS or (words and (word.capitalised or (low.isalpha() and not low.endswith(("ed", "ing"))))
                                     and low not in NOT_NAMES and low not in DETERMINERS and low not in VERBISH):
                if not words and low not in ROLE_NOUNS:
                    break
                words.insert(0, word)
                k -= 1
                continue
            break
        if not words or k >= 0 and toks[k].lower in ("a", "an") and not words[0].capitalised:
            # "how good a prime minister Gordon Brown will make": a predicate, not his title
            return None, ""
        role = self.text[words[0].start : words[-1].end]
        for word in words:
            gender = gender or ROLE_GENDER.get(word.lower)
        sentence_start = self.sentences.span(self.sentences.index(words[0].start))[0]
        if self.dated_candidacy(self.text[sentence_start : words[-1].end]):
            # "Obama won Latino voters in 2012 ... for GOP nominee Mitt Romney": that race's nominee, whom
            # "the GOP nominee" of this article's race is not
            return gender, ""
        return gender, role

    @staticmethod
    def dated_candidacy(text: str) -> bool:
        """Whether a role that is a candidacy ends ``text`` with a year written before it: a past race's."""
        words = text.lower().split()
        return bool(words) and words[-1].strip(",.") in CANDIDACIES and YEAR.search(text) is not None

    def _appositive_after(self, index_after: int) -> str:
        """", his director of national intelligence," after a name: a role given in apposition."""
        toks = self.tokens
        if index_after >= len(toks) or toks[index_after].text != ",":
            return ""
        words = []
        k = index_after + 1
        while k < len(toks) and len(words) < 10 and toks[k].text not in (",", ".", ";", "(", ")", "“", "”", '"'):
            words.append(toks[k])
            k += 1
        if not words or words[0].lower not in DETERMINERS | {"who", "whose"} and not words[0].text.endswith(("’s", "'s")):
            return ""
        if words[0].lower in ("who", "whose"):
            return ""
        if not any(w.lower in ROLE_NOUNS for w in words[:4]):
            return ""
        if any(w.lower in VERBISH or speech_lemma(w.text) for w in words):
            return ""
        if k < len(toks) and toks[k].text not in (",", ".", ")", ";"):
            return ""
        first = 1 if words[0].lower in DETERMINERS else 0
        if first >= len(words):
            return ""
        return self.text[words[first].start : words[-1].end]

    def _appositive_before(self, index: int) -> str:
        """"Sanders's campaign manager, Jeff Weaver," / "the network's foreign affairs reporter, Elise Labott": a
        role set before the name by a comma, opened by a determiner or a possessive."""
        toks = self.tokens
        if index < 3 or toks[index - 1].text != "," or toks[index - 2].lower not in ROLE_NOUNS \
                or not toks[index - 2].text.islower():
            return ""
        k = index - 2
        while k > 0 and index - k < 7:
            word = toks[k - 1]
            if word.lower in DETERMINERS or word.text.endswith(("’s", "'s")):
                if k - 1 > 0 and toks[k - 2].text not in (",", ".", ";", ":", "(", "—", "-") \
                        and toks[k - 2].lower not in ("is", "was", "and", "by", "from", "with", "to"):
                    return ""
                return self.text[toks[k].start : toks[index - 2].end]
            if not word.text.isalpha() or word.lower in VERBISH or word.lower in NOT_NAMES:
                return ""
            k -= 1
        return ""

    def add_described_roles(self) -> None:
        """``Mr Trump ... claiming the president had misspoken``: a bare role describes the person just named.

        Only the person the same or the previous sentence is about, with no role yet or that one, takes it;
        names inside quotation marks are someone else's words and do not count.
        """
        toks = self.tokens
        for index in range(1, len(toks)):
            tok = toks[index]
            if tok.lower not in ROLE_NOUNS or tok.lower in INSTITUTION_ROLES or tok.capitalised \
                    and toks[index - 1].lower != "the":
                continue
            first = index
            while first > 1 and index - first < 2 and toks[first - 1].text.islower() \
                    and toks[first - 1].lower in TITLE_WORDS | PORTFOLIOS and toks[first - 1].lower not in ROLE_LEADS:
                # "the prime minister", "the foreign secretary": the office's words before its noun
                first -= 1
            lead = toks[first - 1]
            if lead.lower not in ROLE_LEADS or self.quoted_at(tok.start):
                continue
            after = toks[index + 1] if index + 1 < len(toks) else None
            if after is None or not (after.lower in ROLE_VERBS or speech_lemma(after.text)):
                # only a role that is a clause's subject describes the person the sentence is about
                continue
            office = self.text[toks[first].start : tok.end]
            role = office if lead.lower in ("the", "former") else f"{lead.text} {office}"
            # the person the sentence before is about, not whoever it named last ("between Mr Brown and Mr
            # Blair. But the chancellor said")
            if first < index and any(e.kind == "person" and e.holds(office) for e in self.entities):
                # "the vice president said" once Vice President Biden is named: an office this precise is his
                continue
            if self._someone_else_in_clause(index + 1):
                continue
            entity = self.named_just_before(lead.start, role)
            if entity is not None and not self.role_is_theirs(entity, role, lead.start, first < index):
                if first == index:
                    # a bare role ("the chancellor") may yet resolve a later mention; an office ("the prime
                    # minister") is too precise to guess
                    entity.guess_role(role)
                continue
            entity = entity or self._last_named_person(lead.start, role)
            if entity is not None:
                entity.add_role(role)

    def _someone_else_in_clause(self, after: int) -> bool:
        """Whether the clause a role opens speaks of the person just named as "him" ("amid suspicion the
        chancellor was manoeuvring against him" is not about him)."""
        for tok in self.tokens[after : after + 12]:
            if tok.text in (".", ";", ",", "!", "?", "“", "”", '"'):
                return False
            if tok.lower in ("him", "them"):
                return True
        return False

    def role_is_theirs(self, entity: Entity, role: str, start: int, office: bool = False) -> bool:
        """Whether a role the article uses after naming ``entity`` surely describes them, not another person it
        names there. Within a sentence a writer calls back a person by a pronoun, so an ``office`` ("the prime
        minister", not a bare "the president") used after the person is named in the same sentence, or so used
        anywhere earlier ("Mr Brown refused to deny claims the prime minister had reneged"), is someone else's;
        so is a role the article has used for someone else since naming them, or one another person named
        since may hold too ("Blair ... his relationship with Gordon Brown. Meanwhile, the chancellor is
        leaving")."""
        sentence = self.sentences.index(start)
        here = self.sentences.span(sentence)[0]
        named = [m for m in self.mentions_in(here, start) if m.entity is entity and not self.quoted_at(m.start)]
        if named:
            if office:
                return False
            # a bare role after the sentence's subject ("Mr Trump and the White House ..., claiming the president
            # had misspoken"), not after a preposition ("According to Mr Peston the prime minister said")
            words = [w for w in self.text[max(here, named[0].start - 30) : named[0].start].lower().split()
                     if w not in HONORIFICS]
            return words[-1:] not in PREPOSITIONS
        words = role.lower().split()[-2:]
        if office:
            for found in re.finditer(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", self.text[:here], re.I):
                opening = self.sentences.span(self.sentences.index(found.start()))[0]
                if any(m.entity is entity and not self.quoted_at(m.start)
                       for m in self.mentions_in(opening, found.start())):
                    return False
        last = [m for m in self.mentions_before(here) if m.entity is entity and not self.quoted_at(m.start)]
        if not last:
            return False
        later = [w.strip(",.;:\"“”").removesuffix("’s").removesuffix("'s")
                 for w in self.text[last[-1].end : here].lower().split()]
        if any(later[k : k + len(words)] == words for k in range(len(later))):
            # "Michael Howard has no doubt it is the prime minister who ...": since naming the person the article
            # has used the role for someone else
            return False
        before = self.sentences.span(last[-1].sentence)[0]
        return not any(m.entity is not entity and m.entity.kind == "person" and not self.quoted_at(m.start)
                       and (not m.entity.role_keys() or m.entity.holds(role)) for m in self.mentions_in(before, start))

    def _last_named_person(self, offset: int, role: str) -> Entity | None:
        """The last person named in this or the previous sentence, when that sentence is about no person ("Putin
        visit after Trump's invite ... US president was criticised"), with no role yet or that one."""
        sentence = self.sentences.index(offset)
        for mention in reversed(self.mentions_before(offset)):
            if mention.sentence < sentence - 1:
                return None
            entity = mention.entity
            if entity.kind != "person" or self.quoted_at(mention.start):
                continue
            start, end = self.sentences.span(mention.sentence)
            if any(m.subject and m.entity.kind == "person" for m in self.mentions_in(start, end)):
                return None
            return entity if not entity.role_keys() or entity.holds(role) else None
        return None
