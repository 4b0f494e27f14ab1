"""Roles in one article: the title written before a name ("Atlantic City Mayor Don Guardian"), the role given in
apposition after it (", his director of national intelligence,") and a bare role that describes the person just
named ("Mr Trump ... claiming the president had misspoken"). A mixin of ``People``, whose tokens, sentences and
name mentions it reads."""

from __future__ import annotations

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
from saywho.attribution.names import DETERMINERS, Entity
from saywho.attribution.text import Token


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
        return gender, role

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

    def add_described_roles(self) -> None:
        """``Mr Trump ... claiming the president had misspoken``: a bare role describes the person just named.

        Only the person the same or the previous sentence is about, with no role yet or that one, takes it;
        names inside quotation marks are someone else's words and do not count.
        """
        toks = self.tokens
        for index in range(1, len(toks)):
            tok = toks[index]
            if tok.lower not in ROLE_NOUNS or tok.capitalised and toks[index - 1].lower != "the":
                continue
            lead = toks[index - 1]
            if lead.lower not in ROLE_LEADS or self.quoted_at(tok.start):
                continue
            after = toks[index + 1] if index + 1 < len(toks) else None
            if after is None or not (after.lower in ROLE_VERBS or speech_lemma(after.text)):
                # only a role that is a clause's subject describes the person the sentence is about
                continue
            role = tok.text if lead.lower in ("the", "former") else f"{lead.text} {tok.text}"
            # the person the sentence before is about, not whoever it named last ("between Mr Brown and Mr
            # Blair. But the chancellor said")
            entity = self.named_just_before(lead.start, role) or self._last_named_person(lead.start, role)
            if entity is not None:
                entity.add_role(role)

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
