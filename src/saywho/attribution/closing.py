"""Cues after a quote that close its sentence: ``CLAUSE with "Q" in it, X says.``, ``..., according to X.``, and
``"Q," X said, according to Y`` where Y relays the statement."""

from __future__ import annotations

from saywho.attribution.found import Found
from saywho.attribution.marks import Marked
from saywho.attribution.phrases import AUXILIARIES, PREPOSITIONS, TIME_WORDS, WEEKDAYS
from saywho.attribution.text import Token, outside_quotes


class ClosingCues:
    """The mixin half of ``QuoteFinder`` for cues that close a sentence; ``text``, ``tokens``, ``lemma_of`` and the
    phrase readers come from it."""

    text: str

    def _relayed(self, words: list[Token], index: int, found: Found) -> Found:
        """``"Q," X said, according to Y``: Y is who tells the reader, so the attribution is Y's."""
        for k in range(index + 1, len(words) - 2):
            if words[k].lower == "according" and words[k + 1].lower == "to":
                subject = self._np_after(words, k + 2)
                if subject is None:
                    return found
                return Found(found.mark, found.kind, words[k], "according to", words[k + 1].end, subject)
        return found

    def _final_clause(self, mark: Marked, sent_end: int) -> Found | None:
        """``CLAUSE with "Q" in it, X says.``: a comma-bounded ``said X`` / ``X said`` closes the sentence; asides
        after it (``, said Brad Bannon, a Democratic pollster, ...``) or a trailing phrase (``X said after the
        attacks.``) may follow, but no other cue."""
        text = self.text
        line_end = text.find("\n", mark.close_at, mark.close_at + 400)
        end = min(sent_end, line_end if line_end >= 0 else len(text), mark.close_at + 400)
        toks = outside_quotes(self.tokens(mark.close_at + 1, end))
        while toks and toks[-1].text in (".", "!", "?", "”", '"', "’", "'"):
            toks.pop()
        commas = [i for i, t in enumerate(toks) if t.text == ","]
        bounds = [*commas, len(toks)]
        segments = [toks[bounds[i] + 1 : bounds[i + 1]] for i in range(len(commas))][:6]
        for index, segment in enumerate(segments):
            if not 2 <= len(segment) <= 12:
                continue
            found = self._closing_cue(mark, segment)
            if found is None:
                continue
            if any(self.lemma_of(t.text) for later in segments[index + 1 :] for t in later
                   if not (t is later[0] and t.text.endswith("ing"))):
                # another cue further on: this one is inside a longer clause, not the sentence's attribution
                return None
            return found
        return None

    def _closing_cue(self, mark: Marked, segment: list[Token]) -> Found | None:
        """The cue of a sentence-closing ``said X`` / ``X said`` / ``X said on Monday``."""
        for index, tok in enumerate(segment):
            lemma = self.lemma_of(tok.text)
            if lemma is None:
                continue
            if index == 0:
                subject = self._np_after(segment, 1)
            elif index == len(segment) - 1 or all(t.lower in AUXILIARIES for t in segment[index + 1 :]):
                subject = self._np_before(segment[:index])
            elif (segment[index + 1].lower in PREPOSITIONS or segment[index + 1].lower in WEEKDAYS
                  or segment[index + 1].lower in TIME_WORDS) and len(segment) - index <= 9:
                subject = self._np_before(segment[:index])
                if subject is not None and subject[0] != segment[0].start:
                    return None
            else:
                return None
            if subject is None:
                return None
            return Found(mark, "partial", tok, lemma, tok.end, subject, self._addressee(segment, index, lemma))
        return None

    def _according_after(self, mark: Marked, sent_end: int) -> Found | None:
        """``... "Q" ..., according to X.``: a sentence-final source governs the whole sentence."""
        toks = self.tokens(mark.close_at + 1, min(sent_end, mark.close_at + 400))
        for index, tok in enumerate(toks[:-1]):
            if tok.text in ("“", "”", '"', "''"):
                return None
            if tok.lower == "according" and toks[index + 1].lower == "to" and index > 0 and toks[index - 1].text == ",":
                subject = self._np_after(toks, index + 2)
                if subject is not None:
                    return Found(mark, "partial", tok, "according to", toks[index + 1].end, subject)
        return None
