"""The noun phrases around a speech cue: the subject before it, the speaker after an inverted verb,
and who heard it ("told CNN", "said in an interview with Reuters").
"""

from __future__ import annotations

import re

from saywho.attribution.descriptions import IRREGULAR_PAST
from saywho.attribution.lexicon import (
    DAYS,
    DETERMINERS_AND_POSSESSIVES,
    HONORIFICS,
    MEDIUM_OF_CUE,
    NOT_NAMES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_VERBS,
    surname_modal,
    verb_lemma,
)
from saywho.attribution.text import Token

# Words that may stand between a subject and its speech verb ("he has also said").
AUXILIARIES = {
    "has", "have", "had", "also", "later", "then", "once", "previously", "recently", "repeatedly", "just",
    "is", "was", "were", "are", "will", "would", "be", "been", "publicly", "cannot", "again", "first", "still",
    "often", "simply", "quickly", "flatly", "bluntly", "reportedly", "did", "does", "do", "not",
    "never", "earlier", "subsequently", "further", "even", "only", "finally", "afterward",
    "afterwards", "shortly", "immediately", "privately", "openly", "initially", "could", "can", "may",
    "might", "should", "must", "however", "now", "already", "long", "ever", "twice", "wryly", "angrily",
    "quietly", "jokingly", "sarcastically",
}
# Verbs of beginning and going on before a speech verb's participle ("he began calling", "kept saying").
ASPECTUAL = {"began", "begins", "started", "starts", "kept", "keeps", "continued", "continues"}
PUNCTUATION = {",", ".", ":", ";", "(", ")", "—", "–", "-", "“", "”", '"', "''", "!", "?", "[", "]"}
QUANTIFIERS = {"another", "one", "some", "many", "others", "most", "few", "several", "both", "all", "each", "two", "three"}
TIME_WORDS = {"morning", "afternoon", "evening", "night", "week", "month", "year", "day", "days", "weeks", "months",
              "years", "ago", "earlier", "later", "today", "yesterday", "tonight", "time", "times", "hours"}
COMPLEMENTIZERS = {"that", "whether"}
# Words that open a noun phrase of common nouns ("the campaign", "His office").
ARTICLES = ("the", "a", "an", "his", "her", "their", "its")
POSSESSIVE_ARTICLES = ("his", "her", "their", "its")
DASHES = ("—", "–", "-", "―")
FRONTED = {"early", "here", "there", "outside", "inside", "elsewhere", "back", "meanwhile", "separately"}
WEEKDAYS = set(DAYS)
# Words of an amount of time before "ago" ("less than two weeks ago", "a few days ago").
AGO_WORDS = {"less", "more", "than", "about", "nearly", "almost", "just", "only", "a", "an", "few", "several", "couple",
             "of", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some"}
TIME_MODIFIERS = {"last", "this", "next", "earlier", "late", "early", "on", "later", "that", "the", "same", "previous"}
LEADING_ADVERBIALS = {"while", "when", "as", "although", "though", "meanwhile", "however", "but", "and", "so", "asked",
                      "still", "instead", "later", "earlier", "last", "yet", "also", "then", "now", "once", "like",
                      "unlike", "despite", "amid", "if", "because", "since", "unless"}
# A pronoun with its auxiliary fused on, one token to the tokenizer.
CONTRACTED = {f"{pronoun}'{tail}" for pronoun in ("he", "she", "they", "we", "i", "it")
              for tail in ("s", "d", "ve", "re", "ll", "m")}
# First words of an aside between a speaker's name and the verb ("Ted Cruz, when asked ..., responded").
ASIDE_OPENERS = {"clad", "when", "while", "after", "before", "if", "despite", "unlike", "like", "though", "although",
                 "asked", "speaking", "meanwhile", "however", "too"}
PREPOSITIONS = {"in", "on", "at", "with", "from", "by", "for", "of", "to", "into", "about", "during", "after",
                "before", "than", "over", "under", "against", "through"}
_NEXT_WORD = re.compile(r"[ \xa0]+([\w’'-]+)")
CONJUNCTIONS = {"but", "and", "while", "as", "because", "although", "though", "so", "whereas", "yet", "if",
                "when", "which", "where", "before", "after"}


class PhraseFinder:
    """The phrase-reading half of ``QuoteFinder``; ``text`` and ``lemma_of`` come from it."""

    text: str

    def lemma_of(self, word: str) -> str | None:
        raise NotImplementedError

    def named_modal(self, tok: Token) -> bool:
        """"Will wrote": the columnist George Will, not a modal."""
        follow = _NEXT_WORD.match(self.text, tok.end)
        return follow is not None and surname_modal(tok.text, follow.group(1))

    def _np_before(self, words: list[Token], participle: bool = False) -> tuple[int, int] | None:
        """The subject written just before a speech verb, skipping auxiliaries and ", who ...," clauses."""
        k = len(words) - 1
        if k >= 1 and words[k].lower in ("heard", "seen") and words[k - 1].lower in ("be", "been", "was", "were"):
            # "a reporter can be heard asking": a perception verb in the passive is no subject
            k -= 1
        while k >= 0 and (words[k].lower in AUXILIARIES or words[k].lower in ASPECTUAL or is_adverb(words[k])) \
                and not self.named_modal(words[k]):
            k -= 1
        if k >= 0 and words[k].lower.replace("’", "'") in CONTRACTED:
            # "He's predicting": the pronoun is the subject, the auxiliary is fused to it
            pronoun = words[k].lower.replace("’", "'").split("'")[0]
            return words[k].start, words[k].start + len(pronoun)
        k = before_time(words, k)
        while k >= 0 and (words[k].lower in AUXILIARIES or is_adverb(words[k])) and not self.named_modal(words[k]):
            k -= 1
        if k >= 1 and words[k].lower in ("and", "but") and not participle:
            return self._nearest_clause_subject(words, k - 1)
        if k >= 1 and words[k].lower == "by" and self.lemma_of(words[k - 1].text):
            k -= 2
            while k >= 0 and words[k].lower in AUXILIARIES:
                k -= 1
        if k < 0:
            return None
        if participle:
            # '"Q1," he said, adding "Q2"' / 'Hollande said Tuesday in Paris, noting': the participle's subject
            # is the speech verb's just before it
            verb = k
            while verb >= 1 and k - verb < 6 and words[verb].text not in PUNCTUATION and not (
                    words[verb].text.islower() and self.lemma_of(words[verb].text) is not None):
                verb -= 1
            if verb >= 1 and words[verb].text.islower() and self.lemma_of(words[verb].text) is not None:
                said_by = self._np_before(words[:verb])
                if said_by is not None:
                    return said_by
        if k >= 0 and words[k].text in DASHES:
            k = _skip_dashed(words, k)
            if k < 0:
                return None
        if participle or words[k].text == ",":
            k = self._skip_clause(words, k)
            if k < 0:
                return None
            if participle:
                return self._subordinate_subject(words, k) or self._clause_subject(words, k)
        tok = words[k]
        if tok.lower in PRONOUNS and tok.lower not in ("his", "her", "its", "their", "him"):
            return tok.start, tok.end
        if tok.lower == "who" and k > 0:
            # the relative pronoun is the speaker's mention; the resolver looks back to its antecedent
            return tok.start, tok.end
        span = self._np_ending_at(words, k)
        if span is not None and not participle:
            first = next(i for i, w in enumerate(words) if w.start == span[0])
            if first > 0 and words[first - 1].lower in ("after", "before"):
                # "days after Trump told": the subordinate clause's own subject
                return span
            if first > 1 and words[first - 1].lower in PREPOSITIONS \
                    and not _quoted_between(self.text, words[first - 1].end, span[0]):
                # 'on "CBS This Morning," Sanders said': the preposition's object is the quoted title
                before = words[first - 2]
                if before.capitalised and before.lower not in NOT_NAMES and words[first - 1].lower == "in":
                    # "Trump in his announcement speech called"
                    return self._np_ending_at(words, first - 2) or span
                modifier = words[first - 2]
                if first > 2 and modifier.text.islower() and modifier.text.endswith(("ing", "ed")):
                    # "Another intelligence source speaking to Fox News said": the source speaks, not Fox
                    source = self._np_ending_at(words, first - 3)
                    if source is not None:
                        return source
                alternative = self._clause_subject(words, first - 2)
                return alternative or span
            prep = first - 1
            while prep > 1 and (words[prep].lower in ("a", "an", "the", "another") or words[prep].lower in TIME_WORDS):
                prep -= 1
            if prep < first - 1 and prep > 1 and words[prep].lower in PREPOSITIONS \
                    and words[prep - 1].lower in ("and", "but"):
                # "The employee first said ..., but in a later interview said": the coordinated clause's subject
                return self._nearest_clause_subject(words, prep - 2) or span
        return span

    def _skip_clause(self, words: list[Token], k: int) -> int:
        """Step back over ", who ... ," (or any comma-bounded aside) before the verb."""
        if words[k].text != ",":
            return k
        j = k - 1
        while j >= 0 and words[j].text != ",":
            j -= 1
        if j < 0:
            return k - 1
        aside = words[j + 1 : k]
        while 1 <= len(aside) <= 2 and all(w.capitalised for w in aside) and j >= 1 and words[j - 1].capitalised:
            # "a pastor at the Reformation Church of Elizabeth, Colorado,": a place's state is no aside of its own
            previous = j - 1
            while previous >= 0 and words[previous].text != ",":
                previous -= 1
            if previous < 0 or k - previous > 20:
                break
            j = previous
            aside = words[j + 1 : k]
        if aside and all(w.lower in AUXILIARIES or w.lower in ASIDE_OPENERS or is_adverb(w) for w in aside):
            # "Proponents of the new bill, however, say": a sentence adverb between commas
            return j - 1
        named = j >= 1 and words[j - 1].capitalised and words[j - 1].lower not in NOT_NAMES and len(aside) <= 15
        lead = aside[1] if len(aside) > 1 and aside[0].lower in ("also", "still", "now", "then") else aside[0] if aside else None
        if lead is not None and named and (lead.text.endswith(("ing", "ed")) or lead.lower in ASIDE_OPENERS
                                           or any(w.text.endswith(("’s", "'s")) for w in aside[:3])):
            # "Larry David, playing Sanders on SNL, explained" / "Christie, New Jersey's governor, said": an aside
            # after the speaker's name
            return j - 1
        if aside and (aside[0].lower in ("who", "whose", "which", "a", "an", "the", "his", "her", "its", "their")
                      or aside[0].lower in ROLE_NOUNS or aside[0].text.endswith(("’s", "'s"))
                      or aside[0].text[:1].isdigit() or aside[0].lower in ("like", "as", "in", "at", "on", "of", "from")):
            if j >= 3 and words[j - 1].text.isdigit() and words[j - 2].text == ",":
                # "Cory James, 22, of Flint, Mich., said": the age before the place is an aside too
                return j - 3
            return j - 1
        return k - 1

    def _clause_subject(self, words: list[Token], k: int) -> tuple[int, int] | None:
        """The sentence's subject, for ", adding ..." / ", saying ..." and for a verb after "and"."""
        first = _after_dateline(words, k)
        lead = words[first] if first < len(words) else None
        follow = words[first + 1] if first + 1 < len(words) else None
        if lead is not None and (lead.lower in PREPOSITIONS | LEADING_ADVERBIALS | FRONTED
                                 or lead.text.endswith("ing") and not (follow is not None and self.lemma_of(follow.text))
                                 or lead.lower in TIME_WORDS | {"hours", "minutes", "moments"}
                                 or _fronted_modifier(lead, follow)):
            # "In early October," / "Speaking to MSNBC on Monday," / "Hours after Trump spoke," comes before the
            # subject
            comma = next((i for i in range(first, min(k + 1, first + 30)) if words[i].text == ","), None)
            while comma is not None:
                first = comma + 1
                # "At a rally in Birmingham, Alabama, on Saturday,": the place and time go on past a comma
                comma = next((i for i in range(first, min(k + 1, first + 10)) if words[i].text == ","), None)
                if comma is None or not (words[first].lower in PREPOSITIONS
                                         or all(w.capitalised for w in words[first:comma])):
                    break
        else:
            first = max(first, after_lead(words, k))
        for j in range(first, k + 1):
            tok = words[j]
            if tok.lower in PRONOUNS and tok.lower not in ("his", "her", "its", "their", "him"):
                return tok.start, tok.end
            if tok.lower in ARTICLES or (tok.capitalised and tok.lower not in NOT_NAMES) \
                    or self.named_modal(tok):
                end = j
                while end + 1 <= k and end - j < 6 and words[end + 1].text not in PUNCTUATION \
                        and words[end + 1].lower not in AUXILIARIES and words[end + 1].lower not in PREPOSITIONS \
                        and self.lemma_of(words[end + 1].text) is None \
                        and (words[end + 1].capitalised or tok.lower in ARTICLES) \
                        and not (tok.lower in POSSESSIVE_ARTICLES and _verb_like(words[end + 1].lower)):
                    end += 1
                if tok.lower in POSSESSIVE_ARTICLES and not _speaking_body(words[end].lower):
                    # "His face" / "His standing": only a person's aide or a body ("His office") says things
                    continue
                if end == j and tok.lower in ARTICLES:
                    continue
                joined = _one_titled_person(words, end, k)
                if joined is not None:
                    return words[j].start, words[joined].end
                return words[j].start, self._titled_name_end(words, end, k)
        return None

    def _subordinate_subject(self, words: list[Token], k: int) -> tuple[int, int] | None:
        """``..., where about 50 protesters had gathered, chanting`` / ``as a maintenance guy walks in, saying``:
        a participle right after a "where/as/when" clause is what that clause's subject does."""
        for j in range(k, max(0, k - 15), -1):
            if words[j].text in PUNCTUATION:
                return None
            if words[j].lower in ("where", "as", "when") and j + 2 <= k:
                end = j + 1
                while end <= k and words[end].text not in PUNCTUATION and not _finite(words, end) and end - j <= 7:
                    end += 1
                if j + 1 < end <= k and _finite(words, end):
                    return words[j + 1].start, words[end - 1].end
                return None
        return None

    def _nearest_clause_subject(self, words: list[Token], k: int) -> tuple[int, int] | None:
        """The subject of the clause the word at ``k`` ends, for a verb coordinated after it: "..., he laughed and
        said" / "she drew his ire - he called her "weak" and said": after a comma or a dash nearer than the
        sentence's start, that clause's own subject, if it has one."""
        end = k
        subordinate = self._subordinate_subject(words, k)
        if subordinate is not None and not any(w.text == "," for w in words if w.end <= subordinate[0]):
            # "... was underscored when House Speaker Paul D. Ryan lamented ... and criticized"; after a list of
            # verb phrases ("He mocked his rivals, talked over them as they answered and assured") the verb
            # continues the list instead
            return subordinate
        for _ in range(3):
            # "he looked into my camera, furrowed his brow and said": back over a list of verb phrases
            boundary = next((j for j in range(end, 0, -1) if words[j].text in (",", ";") or words[j].text in DASHES),
                            None)
            if boundary is None or boundary >= end:
                break
            own = self._clause_subject(words[boundary + 1 :], end - boundary - 1)
            opens = words[boundary + 1].start if words[boundary + 1].lower not in ("and", "but") else own and own[0]
            if own is not None and own[0] == opens and own[1] < words[end].start:
                # a subject with a verb of its own after it, not a place ("in Laredo, Texas and explained")
                return own
            if own is not None or not words[boundary + 1].text.islower():
                break
            end = boundary - 1
        return self._clause_subject(words, k)

    def _titled_name_end(self, words: list[Token], end: int, k: int) -> int:
        """Where "Clinton campaign spokesman Brian Fallon" ends: a role noun and a name may follow a modifier."""
        role = end + 1
        while role <= k and role - end <= 3 and words[role].text.islower() and words[role].lower not in ROLE_NOUNS \
                and words[role].lower not in NOT_NAMES and self.lemma_of(words[role].text) is None:
            role += 1
        if role + 1 > k or words[role].lower not in ROLE_NOUNS or not words[role + 1].capitalised \
                or words[role + 1].lower in NOT_NAMES:
            return words[end].end
        last = role + 1
        while last + 1 <= k and last - role < 4 and words[last + 1].capitalised and words[last + 1].lower not in NOT_NAMES:
            last += 1
        return words[last].end

    def _np_ending_at(self, words: list[Token], k: int) -> tuple[int, int] | None:
        """A noun phrase that ends at ``words[k]``: a name, a role ("the senator"), "officials", "another"."""
        tok = words[k]
        low = tok.lower
        if tok.text in PUNCTUATION or (low in NOT_NAMES and low not in PRONOUNS and low not in QUANTIFIERS
                                       and not self.named_modal(tok)):
            return None
        if not (tok.capitalised or low.replace("-", "").isalnum()):
            return None
        if k == 0 and tok.capitalised and (low.endswith("ing") and len(words) > 1 and not words[1].capitalised
                                           or low.endswith("ly") and len(words) > 1 and words[1].text == ","):
            # "Reprising one of her lines, ..." / "Hastily, ...": an opening participle or adverb, not a name
            return None
        j = k
        while j - 1 >= 0 and k - j < 9:
            prev = words[j - 1]
            pl = prev.lower
            if _quoted_between(self.text, prev.end, words[j].start):
                # 'play the "woman card," Fiorina said': a quotation ends the phrase before the name
                break
            if pl in HONORIFICS:
                j -= 1
                continue
            if pl in DETERMINERS_AND_POSSESSIVES or pl in QUANTIFIERS:
                if pl != "that" or not words[j].capitalised:
                    # "say that Lewandowski added": "that" before a name is a complementizer, not a determiner
                    j -= 1
                break
            if prev.text in PUNCTUATION or pl in NOT_NAMES:
                if pl in ("of", "for", "at") and j - 2 >= 0 and (words[j - 2].lower in ROLE_NOUNS
                                                                  or words[j - 2].capitalised):
                    j -= 1
                    continue
                if pl == "and" and j - 2 >= 0 and words[j - 2].lower in ROLE_NOUNS and low in ROLE_NOUNS:
                    # "the Florida senator and Republican presidential candidate said": two roles of one person
                    j -= 1
                    continue
                break
            if not prev.capitalised and pl in TIME_WORDS:
                # "On Thursday morning Mr Trump": lowercase words before a name only as its title
                break
            j -= 1
        return words[j].start, words[k].end

    def _np_after(self, words: list[Token], index: int) -> tuple[int, int] | None:
        """The speaker after an inverted verb (``said Meenakshi Ganguly of Human Rights Watch``)."""
        k = index
        while k < len(words) and words[k].lower in AUXILIARIES:
            k += 1
        if k >= len(words):
            return None
        j = k
        while j < len(words) and words[j].text not in (",", ".", ";", ":", "(", ")", "—", "–") \
                and words[j].lower not in ("who", "in", "on", "at", "during", "after", "before", "when", "while",
                                           "that", "to", "and", "as", "adding", "noting", "saying"):
            j += 1
            if j - k >= 8:
                break
        if j == k:
            return None
        return words[k].start, words[j - 1].end

    def _addressee(self, words: list[Token], index: int, lemma: str) -> str | None:
        if lemma in MEDIUM_OF_CUE:
            return MEDIUM_OF_CUE[lemma]
        if lemma != "tell":
            return self._said_to(words, index)
        k = index + 1
        parts: list[Token] = []
        while k < len(words) and words[k].text not in (",", ".", ":", ";", "“", '"') and len(parts) < 6:
            low = words[k].lower
            if low in ("that", "while", "on", "in", "at", "during", "after", "before", "when", "about", "of"):
                break
            parts.append(words[k])
            k += 1
        if not parts:
            return None
        if parts[0].lower in ("the",) and len(parts) > 1 and parts[1].capitalised:
            parts = parts[1:]
        return self.text[parts[0].start : parts[-1].end]

    def _said_to(self, words: list[Token], index: int) -> str | None:
        """"said in an interview with CNBC" / "wrote on Facebook" / "said to reporters": who heard it."""
        after = words[index + 1 : index + 9]
        lows = [t.lower for t in after]
        for position, low in enumerate(lows):
            if low in (",", ".", ":", ";", "“", '"', "that"):
                return None
            target = None
            if low == "with" and "interview" in lows[:position]:
                target = position + 1
            elif low in ("on", "to") and position + 1 < len(after) and lows[position + 1] not in NOT_NAMES and (
                    after[position + 1].capitalised or lows[position + 1] in ("reporters", "journalists")):
                target = position + 1
            if target is None or target >= len(after):
                continue
            end = target
            while end + 1 < len(after) and (after[end + 1].capitalised or after[end + 1].text.endswith(("’s", "'s"))):
                end += 1
            name = self.text[after[target].start : after[end].end]
            return name.removeprefix("the ").removeprefix("The ")
        return None


def _quoted_between(text: str, start: int, end: int) -> bool:
    return any(mark in text[start:end] for mark in "\"“”")


def _finite(words: list[Token], index: int) -> bool:
    """Whether a word is a finite verb after its subject: an auxiliary, a past form, or a present "-s" form before
    a preposition or an article ("walks in", "had gathered")."""
    low = words[index].lower
    if low in AUXILIARIES and not is_adverb(words[index]) or low in IRREGULAR_PAST or low.endswith("ed"):
        return True
    return low.endswith("s") and not low.endswith("ss") and index + 1 < len(words) \
        and (words[index + 1].lower in PREPOSITIONS or words[index + 1].lower in ("the", "a", "an", "that"))


def _verb_like(low: str) -> bool:
    """Whether a lower-case word after "His office" is the clause's verb ("put", "doubled"), ending its subject."""
    return low in IRREGULAR_PAST or low in ROLE_VERBS or low.endswith("ed") or verb_lemma(low) is not None


def _speaking_body(low: str) -> bool:
    return low in ROLE_NOUNS or low in ORG_WORDS or low.removesuffix("s") in ROLE_NOUNS | ORG_WORDS | {"ad"}


def _fronted_modifier(lead: Token, follow: Token | None) -> bool:
    """"Hastily, ..." / "Shortly after the call ended, ..." / "Hastily politicizing ..." / "Reached by POLITICO,
    ...": an opening adverb or participle phrase, not the subject."""
    if follow is None or not lead.capitalised:
        return False
    low = lead.lower
    if low.endswith("ly") and len(low) > 4:
        return follow.text == "," or follow.lower in ("after", "before", "when", "as") or follow.text.endswith("ing")
    return low.endswith("ed") and len(low) > 4 and follow.lower == "by"


def _one_titled_person(words: list[Token], end: int, k: int) -> int | None:
    """``Yahoo News and former TV network anchor Katie Couric has``: with a singular verb, the words joined by
    "and" are one person's titles and name; the index of the name's last word, or None."""
    if end + 2 > k or words[end + 1].lower != "and":
        return None
    for index in range(end + 2, min(k + 1, len(words), end + 12)):
        word = words[index]
        if word.text in PUNCTUATION or word.lower in NOT_NAMES and word.lower not in ("has", "is", "was"):
            return None
        if word.lower in ("has", "is", "was", "says"):
            named = index - 1 > end + 2 and words[index - 1].capitalised and words[index - 2].capitalised
            return index - 1 if named else None
    return None


def _skip_dashed(words: list[Token], k: int) -> int:
    """Step back over an aside between dashes ("a former candidate -- John McCain, who lost in 2008 -- said");
    without an opening dash within reach the dash ends the phrase."""
    j = k
    while j >= 0 and words[j].text in DASHES:
        j -= 1
    opening = j
    while opening >= 0 and words[opening].text not in DASHES and k - opening < 25:
        opening -= 1
    if opening < 0 or words[opening].text not in DASHES:
        return -1
    while opening >= 0 and words[opening].text in DASHES:
        opening -= 1
    return opening


def _after_dateline(words: list[Token], k: int) -> int:
    """Where the sentence starts after a "PHILADELPHIA, July 25 (UPI) —" / "WASHINGTON (AP) —" dateline."""
    for i in range(1, min(k + 1, 9)):
        if words[i].text in DASHES:
            lead = [w for w in words[:i] if w.text not in "(),."]
            if lead and lead[0].text.isupper() and all(w.capitalised or w.text.isdigit() for w in lead):
                return i + 1
            return 0
    return 0


def after_lead(words: list[Token], k: int) -> int:
    """Where the subject starts after "Hours later," / "A month ago," / a "WASHINGTON (AFP) –" dateline."""
    for i in range(min(k + 1, 7)):
        text = words[i].text
        if text in ("—", "–", "-") and all(w.capitalised or w.text in ",." for w in words[:i]):
            return i + 1
        if text == ",":
            return i + 1 if i and words[i - 1].lower in ("later", "ago", "earlier", "before", "after") else 0
    return 0


def before_time(words: list[Token], k: int) -> int:
    """Step back over "last week" / "late Thursday night" between a subject and its verb."""
    if k < 1 or words[k].lower not in TIME_WORDS | WEEKDAYS:
        return k
    j = k - 1
    while j >= 0 and (words[j].lower in TIME_MODIFIERS or words[j].lower in WEEKDAYS
                      or words[k].lower == "ago" and (words[j].lower in TIME_WORDS or words[j].text.isdigit()
                                                      or words[j].lower in AGO_WORDS)):
        # "less than two weeks ago"
        j -= 1
    if j == k - 1 or j < 0 or words[j].text in PUNCTUATION:
        return k
    return j


def is_adverb(tok: Token) -> bool:
    return tok.text.islower() and tok.text.endswith("ly") and len(tok.text) > 4 and tok.lower not in ("family",
                                                                                                      "ally", "rally")
