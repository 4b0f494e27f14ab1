"""Cues next to a quote's own clause, for quotes the newspaper patterns leave without one.

Two places still name the speaker when no listed speech verb is in the quote's clause:

* the words right after a quote that ends in a comma, "?" or "!": ``"Q," an angry Hollande retaliated`` /
  ``"Q!" beamed Donald Hartley`` / ``"Q," his wife, Gabriela Lazar, wrote``. A quote closed that way is
  a statement whose attribution follows, so the verb there is its cue even when it is rare;
* the sentence before a quote that is a whole sentence: ``Dianne Bystrom agreed. "Q."`` /
  ``She says people should be free to choose. "Q."``. PolNeAR credits the quote to that sentence's speaker;
* the main verb of a sentence holding a long quotation and no speech verb: ``Merkel heralded the deal as "a
  breakthrough for all of us."``.
"""

from __future__ import annotations

from bisect import bisect_left

from saywho.attribution.found import Found
from saywho.attribution.lexicon import (
    DETERMINERS_AND_POSSESSIVES,
    NOT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    core_lemma,
)
from saywho.attribution.marks import DOUBLE_MARKS, LEAD_IN, Marked
from saywho.attribution.phrases import AUXILIARIES, CONJUNCTIONS, PREPOSITIONS, PUNCTUATION, is_adverb
from saywho.attribution.text import Sentences, Token, outside_quotes, without_parentheses

# Words in the verb slot after a quote that are no statement's verb ("“Q,” was another" is PolNeAR's, but
# a copula names no way of speaking and its subject is rarely the speaker).
NOT_VERBS = AUXILIARIES | PREPOSITIONS | CONJUNCTIONS | {"that", "who", "which", "whose", "where", "what", "as"}
# Longest speaker phrase between a quote and its verb ("another friend, Mariam Emara").
MAX_SUBJECT = 12
# Fewest words of a quotation inside a sentence that the sentence's main verb attributes; shorter ones are
# as often scare quotes and names.
MIN_PHRASE_WORDS = 4
QUOTE_TOKENS = ("“", "”", '"', "''", "«", "»")


def _verb_like(tok: Token, sentence_start: bool) -> bool:
    """A lower-case past or present verb form ("retaliated", "beams"), or a known cue capitalised mid-sentence
    ("Tweeted")."""
    word = tok.text
    if word.isupper() or not word.isalpha():
        return False
    if word[:1].isupper():
        return not sentence_start and core_lemma(word.lower()) is not None
    low = word.lower()
    if core_lemma(low) is not None:
        return True
    if low in NOT_VERBS or low in NOT_NAMES or low in ROLE_NOUNS:
        return False
    return len(low) > 4 and (low.endswith("ed") or low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _finite(word: str) -> bool:
    """A past or third-person form ("heralded", "says", "told"), not a bare stem or participle that may be a
    noun ("state", "ongoing")."""
    lemma = core_lemma(word)
    return word.endswith(("ed", "s")) or (lemma is not None and lemma != word and not word.endswith("ing"))


def _starts_phrase(tok: Token) -> bool:
    """Whether a speaker phrase may open with ``tok`` in mid-sentence, where a capital marks a name ("From")."""
    low = tok.lower
    return tok.capitalised or low in DETERMINERS_AND_POSSESSIVES or low in PRONOUNS or low in ROLE_NOUNS \
        or low in ("a", "an", "the", "another", "one", "some", "many")


class NeighbourCues:
    """The mixin half of ``QuoteFinder`` that reads beside the quote's clause; ``text``, ``sentences``,
    ``tokens`` and the phrase readers come from it."""

    text: str
    sentences: Sentences
    opened: list[int]
    closed: list[int]

    def tokens(self, start: int, end: int) -> list[Token]:
        raise NotImplementedError

    def _outside_marks(self, start: int) -> int:
        """``start``, or the opening mark of the quote it falls in: a sentence break inside an earlier quote
        ('"... this point. I am not there," Ryan said, though he said, "Q"') would cut that quote in half."""
        index = bisect_left(self.opened, start) - 1
        if index >= 0 and self.opened[index] < start <= self.closed[index]:
            return self.opened[index]
        return start

    def _subject_before(self, mark: Marked) -> tuple[int, int] | None:
        start = self._outside_marks(self.sentences.span(self.sentences.index(mark.open_at))[0])
        toks = without_parentheses(outside_quotes(self.tokens(start, mark.open_at)))
        return self._clause_subject(toks, len(toks) - 1) if toks else None

    def _paragraphs_joined(self, found: list[Found]) -> list[Found]:
        """``"Q1," Viguerie tells Breitbart News.`` and then a paragraph that is only ``"Q2."``: the speaker goes on
        (PolNeAR joins 44 of train's 60 such paragraphs to the statement before), so Q2 becomes a piece of Q1."""
        text = self.text
        out: list[Found] = []
        for item in found:
            prev = out[-1] if out else None
            if item.cue is None and prev is not None and prev.cue is not None and self._whole_paragraph(item.mark):
                gap = text[prev.mark.close_at + 1 : item.mark.open_at]
                if gap.count("\n") and "\n" not in gap.strip() and not any(ch in DOUBLE_MARKS for ch in gap) \
                        and prev.cue.start > prev.mark.close_at:
                    prev.mark = Marked(prev.mark.pieces + item.mark.pieces, prev.mark.open_at, item.mark.close_at)
                    continue
            out.append(item)
        return out

    def _whole_paragraph(self, mark: Marked) -> bool:
        text = self.text
        start = text.rfind("\n", 0, mark.open_at) + 1
        end = text.find("\n", mark.close_at)
        return not text[start : mark.open_at].strip(LEAD_IN) and not text[mark.close_at + 1 : end if end >= 0 else
                                                                           len(text)].strip(" .,;:!?”\"’")

    def _beside(self, mark: Marked) -> Found | None:
        """The cue beside a quote the clause patterns left without one, nearest evidence first: a verb after it, the
        sentence before it, its own sentence's main verb, then the sentence before a quotation ending its own."""
        right = self._right_verb(mark)
        if right is not None:
            cue, lemma, subject = right
            return Found(mark, "direct", cue, lemma, cue.end, subject, self._said_to(self.tokens(cue.start, cue.end + 80), 0))
        found = self._sentence_before(mark)
        if found is None:
            main = self._main_verb(mark)
            if main is not None:
                cue, lemma, subject = main
                found = Found(mark, "partial", cue, lemma, cue.end, subject)
        if found is None:
            found = self._sentence_before(mark, inside=True)
            if found is not None:
                found.kind = "partial"
        return found

    def _right_verb(self, mark: Marked) -> tuple[Token, str, tuple[int, int]] | None:
        """``"Q," NP VERB ...`` / ``"Q," VERB NP`` with any verb: the statement's cue, its lemma and the speaker
        phrase, after the quote's comma."""
        text = self.text
        inner = text[mark.start : mark.end].rstrip(" \t\n'’")
        after = text[mark.close_at + 1 : mark.close_at + 3]
        if not inner.endswith((",", "?", "!")) or not after[:1] == " " or not after[1:2].isalpha():
            return None
        if text[self.sentences.span(self.sentences.index(mark.open_at))[0] : mark.open_at].strip(LEAD_IN):
            # a quote inside a sentence ('played "Born in the USA," the crowd cheered') is a title or a phrase
            return None
        line_end = text.find("\n", mark.close_at, mark.close_at + 300)
        end = min(self.sentences.span(self.sentences.index(mark.close_at + 2))[1],
                  line_end if line_end >= 0 else mark.close_at + 300)
        words = self.tokens(mark.close_at + 1, end)[: MAX_SUBJECT + 6]
        while words and words[0].text == ",":
            words = words[1:]
        if not words or words[0].text in PUNCTUATION:
            return None
        if any(t.text in QUOTE_TOKENS for t in words[: MAX_SUBJECT + 2]):
            return None
        first = words[0]
        if _verb_like(first, False) and first.text.islower() and len(words) > 1 and _starts_phrase(words[1]):
            subject = self._np_after(words, 1)
            if subject is not None:
                return first, core_lemma(first.lower) or first.lower, subject
            return None
        if not _starts_phrase(first):
            return None
        commas = 0
        relative = False
        for index, tok in enumerate(words[1 : MAX_SUBJECT + 1], start=1):
            if tok.text == ",":
                commas += 1
                if commas > 2:
                    return None
                continue
            if tok.text in PUNCTUATION:
                return None
            if tok.lower in ("who", "which", "whose"):
                relative = True
                continue
            if not _verb_like(tok, False):
                continue
            if relative:
                # "Nate Silver, the polling guru who founded fivethirtyeight.com tweeted": the relative clause's
                # verb is not the statement's
                relative = False
                continue
            previous = words[index - 1]
            if previous.text in PUNCTUATION and previous.text != ",":
                return None
            if previous.lower in DETERMINERS_AND_POSSESSIVES or previous.lower in ("a", "an", "the"):
                # "the embattled senator": an adjective
                continue
            subject_end = index - 1
            while subject_end > 0 and words[subject_end].text == ",":
                subject_end -= 1
            return tok, core_lemma(tok.lower) or tok.lower, (first.start, words[subject_end].end)
        return None

    def _sentence_before(self, mark: Marked, inside: bool = False):
        """A quote that is a whole sentence, after a sentence of the same paragraph that names a speaker and a
        speech verb: that sentence attributes it."""
        text = self.text
        index = self.sentences.index(mark.open_at)
        start, _ = self.sentences.span(index)
        if index == 0:
            return None
        inner = text[mark.start : mark.end].rstrip(" \t\n'’\"”")
        if bool(text[start : mark.open_at].strip(LEAD_IN)) != inside:
            return None
        if inside:
            # a long quotation ending a sentence of its own with no speaker ('As a result, there's still "a very
            # powerful industry that ..."') goes on with the sentence before ("Brill has argued that ...")
            if len(inner.split()) < MIN_PHRASE_WORDS or not inner.endswith((".", "!", "?")) \
                    or any(ch in DOUBLE_MARKS for ch in text[start : mark.open_at]):
                return None
        elif not inner.endswith((".", "!", "?")) or len(inner.split()) < 3:
            return None
        previous_start, _ = self.sentences.span(index - 1)
        last_mark = max((i for i in range(previous_start, start) if text[i] in DOUBLE_MARKS), default=-1)
        if last_mark >= 0:
            # a sentence with a quote of its own: "Q1," X said. "Q2." is one statement, and so is a quote
            # paragraph after one that ends in a quote; unless a later clause has a speaker of its own
            if "\n" in text[previous_start : mark.open_at]:
                return None
            return self._later_clause(mark, last_mark + 1, start)
        if "\n" in text[previous_start : mark.open_at]:
            line_end = text.find("\n", mark.close_at)
            if text[start : mark.open_at].strip() or text[mark.close_at + 1 : line_end if line_end >= 0 else len(text)
                                                             ].strip(" .,;:!?”\"’"):
                return None
            paragraph = text.rfind("\n", 0, previous_start) + 1
            if any(ch in DOUBLE_MARKS for ch in text[paragraph:start]):
                return None
            # "Kerry said that 100,000 would be accepted." and then a paragraph that is all quotation
        found = self._left_clause(mark, previous_start)
        if found is not None:
            found.kind = "direct"
        return found

    def _later_clause(self, mark: Marked, start: int, end: int):
        """``"Q1," Ebeling said, and her husband cut in. "Q2."`` / ``"Q1," she told the crowd, then referred to
        the slogan. "Q2."``: the clause after the first quote's attribution introduces the second quote."""
        words = [t for t in self.tokens(start, end) if t.text not in QUOTE_TOKENS]
        join = next((k for k in range(1, len(words) - 1)
                     if words[k].lower in ("and", "then", "but") and words[k - 1].text == ","), None)
        if join is None:
            return None
        rest = words[join + 1 :]
        while rest and (rest[0].lower in ("then", "also", "later") or is_adverb(rest[0])):
            rest = rest[1:]
        if not rest:
            return None
        if _verb_like(rest[0], False) and rest[0].text.islower() and _finite(rest[0].lower):
            subject = self._clause_subject(words, join - 1)
            verb = rest[0]
        else:
            verb_at = next((i for i in range(1, min(len(rest), 6)) if rest[i].text.islower()
                            and _verb_like(rest[i], False) and _finite(rest[i].lower)), None)
            if verb_at is None or not _starts_phrase(rest[0]) or any(t.text in PUNCTUATION for t in rest[:verb_at]):
                return None
            subject, verb = (rest[0].start, rest[verb_at - 1].end), rest[verb_at]
        if subject is None:
            return None
        return Found(mark, "direct", verb, core_lemma(verb.lower) or verb.lower, verb.end, subject)

    def _main_verb(self, mark: Marked) -> tuple[Token, str, tuple[int, int]] | None:
        """``Merkel heralded the deal as a "breakthrough."``: a quotation inside a sentence with no speech verb is
        what the sentence's subject says or does, so its main verb is the cue (PolNeAR annotates it so)."""
        text = self.text
        start = self.sentences.span(self.sentences.index(mark.open_at))[0]
        if not text[start : mark.open_at].strip(LEAD_IN) or len(mark.words(text).split()) < MIN_PHRASE_WORDS:
            return None
        toks = without_parentheses(outside_quotes(self.tokens(start, mark.open_at)))
        if len(toks) < 2:
            return None
        subject = self._clause_subject(toks, len(toks) - 1)
        if subject is None:
            return None
        after = next((i for i, t in enumerate(toks) if t.start >= subject[1]), len(toks))
        for index in range(after, min(len(toks), after + 4)):
            tok = toks[index]
            if tok.lower in AUXILIARIES or is_adverb(tok):
                continue
            if _verb_like(tok, False) and tok.text.islower() and _finite(tok.lower):
                return tok, core_lemma(tok.lower) or tok.lower, subject
            return None
        return None

    def _left_clause(self, mark: Marked, left_start: int):
        raise NotImplementedError

    def _np_after(self, words: list[Token], index: int) -> tuple[int, int] | None:
        raise NotImplementedError
