"""Quotes introduced by a colon or credited by a dash: ``He told his audience:`` and then a quote paragraph,
``X broke down what was wrong: "Q."``, ``"Q" ― Carla Sanchez``, a quote paragraph and then ``- Bernie Sanders.``
"""

from __future__ import annotations

from saywho.attribution.found import Found, mark_with_close, mark_with_open
from saywho.attribution.lexicon import speech_lemma
from saywho.attribution.marks import LEAD_IN, Marked
from saywho.attribution.text import Sentences, Token, outside_quotes, without_parentheses

# How many words a predicate before a colon may run and still be the cue ("Jeb Bush broke down exactly what
# was wrong with the image and message to the Dutch newspaper NRC Handelsblad:").
COLON_PREDICATE = 30


class CreditCues:
    """The mixin half of ``QuoteFinder`` for colon introductions and dash credits; ``text``, ``sentences``,
    ``tokens`` and the clause readers come from it."""

    text: str
    sentences: Sentences

    def _colon_cue(self, mark: Marked, left_start: int) -> Found | None:
        """``Jeb Bush broke down what was wrong: "Q."``: with no speech verb, the clause's predicate up to the
        colon is the cue (PolNeAR marks it so) and its subject the source."""
        toks = without_parentheses(outside_quotes(self.tokens(left_start, mark.open_at)))
        if len(toks) < 2 or toks[-1].text != ":":
            return None
        dash = max((i for i, t in enumerate(toks[:-1]) if t.text in ("—", "–", "-")), default=-1)
        if 0 <= dash and dash + 3 < len(toks) and toks[dash + 1].lower == "more" and toks[dash + 2].lower == "from":
            # "HEADLINE -More from Blumenthal and Cohen: "Q"": more of the pollsters' words
            dash += 2
        if 0 <= dash and 1 <= len(toks) - 2 - dash <= 6 and all(t.capitalised or t.lower == "and"
                                                                   for t in toks[dash + 1 : -1]):
            # "HEADLINE - Jeffrey M. Jones: "Q"": a credit line names who wrote it
            return Found(mark, "direct", toks[-1], "say", toks[-1].end, (toks[dash + 1].start, toks[-2].end))
        if 3 <= len(toks) <= 6 and toks[0].capitalised and (lemma := speech_lemma(toks[0].lower)) is not None \
                and all(t.capitalised for t in toks[1:-1]):
            # "Stated Stone:" / "Continued Stone:": an inverted verb, then the speaker
            return Found(mark, "direct", toks[0], lemma, toks[0].end,
                         (toks[1].start, toks[-2].end))
        subject = self._clause_subject(toks, len(toks) - 2)
        if subject is None:
            return None
        first = next(i for i, t in enumerate(toks) if t.start == subject[0])
        if first > 0 and toks[first - 1].lower == "by":
            # '"Headline," by Times' Ben Sisario: "Q"': an excerpt of an article, not a statement
            return None
        after = next((i for i, t in enumerate(toks) if t.start >= subject[1]), len(toks) - 1)
        if toks[after].text == ",":
            # "Hoff, who declined to comment, proposes ...:": the predicate starts after the aside
            after = next((i + 1 for i in range(after + 1, len(toks) - 1) if toks[i].text == ","), after)
        cue = toks[after] if len(toks) - after <= COLON_PREDICATE and toks[after].text != ":" else toks[-1]
        return Found(mark, "direct", cue, cue.lower if cue is not toks[-1] else "say", toks[-1].end, subject)

    def _dash_credit(self, mark: Marked, toks: list[Token]) -> Found | None:
        """``"Q" ― Carla Sanchez``: a dash and a name after the quote, to the end of the line."""
        text = self.text
        after = text[mark.close_at + 1 : mark.close_at + 4].lstrip(" .,")
        if not after or after[0] not in "―—–-":
            return None
        line = [t for t in toks if t.text not in (".", ",")]
        if not line or line[0].text not in ("―", "—", "–", "-"):
            return None
        name = line[1:]
        if not 1 <= len(name) <= 5 or not name[0].capitalised:
            return None
        if text.find("\n", name[-1].end, name[-1].end + 3) < 0 and name[-1].end + 3 < len(text) \
                and text[name[-1].end : name[-1].end + 3].strip(" .") :
            return None
        dash = line[0]
        return Found(mark, "direct", dash, "say", dash.end, (name[0].start, name[-1].end))

    def _credit_line(self, mark: Marked) -> Found | None:
        """A quote paragraph credited by the next one: ``"Q."`` then ``- Bernie Sanders.`` (fact-check style)."""
        text = self.text
        line_end = text.find("\n", mark.close_at)
        if line_end < 0 or text[mark.close_at + 1 : line_end].strip(" .,"):
            return None
        start = line_end
        while start < len(text) and text[start] in "\n \t":
            start += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > 120:
            return None
        found = self._dash_credit(mark_with_close(mark, start - 1), self.tokens(start, end))
        if found is not None:
            found.mark = mark
        return found

    def _colon_intro(self, mark: Marked, para_start: int) -> Found | None:
        """A quote paragraph introduced by the paragraph before: ``He told his audience:``."""
        if self.text[para_start : mark.open_at].strip(LEAD_IN):
            # only a quote that opens its paragraph continues the one before
            return None
        prev_end = para_start - 1
        while prev_end > 0 and self.text[prev_end - 1] in "\n \t":
            prev_end -= 1
        if prev_end <= 0 or self.text[prev_end - 1] != ":":
            return None
        reach = max(0, prev_end - 400)
        prev_start = max(self.text.rfind("\n", reach, prev_end) + 1, reach)
        prev_sentence = self.sentences.span(self.sentences.index(prev_end - 1))[0]
        introduced = mark_with_open(mark, prev_end)
        start = max(prev_start, prev_sentence)
        found = self._left_clause(introduced, start)
        heading = self.text[start:prev_end].isupper() or self.text[mark.close_at + 1 : mark.close_at + 5].lstrip(
            " ,").startswith("by ")
        if found is None and not heading:
            # "Partial transcript as follows:" has no speech verb; the clause up to its colon is the cue (a
            # "SHORT READS:" heading over '"Headline," by' credits is none)
            found = self._colon_cue(introduced, start)
        if found is not None:
            found.mark = mark
        return found
