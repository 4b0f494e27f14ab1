"""Direct and partial quotes: the quoted words, the cue next to them and who it names.

The patterns are the newspaper ones: ``"Q," X said.`` / ``"Q," said X.`` / ``X said: "Q"`` /
``X, who ..., said: "Q"`` / ``X told Y that ... "Q"`` / ``according to X``. Quoted words with no
speech cue in their sentence are scare quotes, titles or nicknames, and are not output.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from saywho.attribution.clauses import (
    clause_start,
    document_predicate,
    inverted_speaker,
    listed_verb,
    noun_before,
    passive_agent,
    sentence_cue,
    with_subject,
)
from saywho.attribution.closing import ClosingCues
from saywho.attribution.credits import CreditCues
from saywho.attribution.found import Found
from saywho.attribution.lexicon import (
    DETERMINERS_AND_POSSESSIVES,
    HONORIFICS,
    NOT_NAMES,
    ROLE_NOUNS,
    core_lemma,
    speech_lemma,
    verb_lemma,
)
from saywho.attribution.marks import LEAD_IN, Marked
from saywho.attribution.neighbours import NeighbourCues
from saywho.attribution.phrases import (
    AUXILIARIES,
    COMPLEMENTIZERS,
    CONJUNCTIONS,
    CONTRACTED,
    PREPOSITIONS,
    PUNCTUATION,
    PhraseFinder,
    is_adverb,
)
from saywho.attribution.text import Sentences, Token, outside_quotes, tokenize, without_parentheses
from saywho.attribution.unspoken import not_speech

# What a sentence opening "In a ... poll," reports from.
STUDY_WORDS = {"poll", "survey", "study", "report", "analysis", "polls", "surveys", "studies", "reports"}
# Cue words that do not make a quote on their own when only the verb is there ("read", "post").
WEAK_CUES = {"read", "post", "text", "cry", "quote", "counter", "charge", "echo", "hint", "begin", "mock",
             "continue", "share", "talk", "comment"}
# Weak cues that are speech verbs beyond doubt in a past form before "that" ("He commented that ...").
NOUN_LIKE_CUES = {"post", "text", "quote", "counter", "charge", "echo", "hint", "mock", "comment"}
RIGHT_WINDOW = 30
LEFT_WINDOW = 80


class QuoteFinder(PhraseFinder, NeighbourCues, CreditCues, ClosingCues):
    def __init__(self, text: str, sentences: Sentences, tokens: list[Token] | None = None) -> None:
        self.text = text
        self.sentences = sentences
        self.lemma_of = self._core
        self.all_tokens = tokens if tokens is not None else tokenize(text)
        self.starts = [t.start for t in self.all_tokens]
        self.opened: list[int] = []
        self.closed: list[int] = []

    def _core(self, word: str) -> str | None:
        return core_lemma(word) if word[:1].islower() or word.lower() == "asked" else None

    def _learned_verb(self, word: str) -> str | None:
        return verb_lemma(word) if word[:1].islower() else None

    def _learned(self, word: str) -> str | None:
        return speech_lemma(word) if word[:1].islower() else None

    def tokens(self, start: int, end: int) -> list[Token]:
        """The words within [start, end), cut from the text's one tokenisation."""
        return self.all_tokens[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def find(self, marks: list[Marked]) -> list[Found]:
        found: list[Found] = []
        spans = sorted((m.open_at, m.close_at) for m in marks)
        self.opened = [open_at for open_at, _ in spans]
        self.closed = [close_at for _, close_at in spans]
        for mark in marks:
            if not_speech(self.text, mark):
                continue
            self.lemma_of = self._core
            item = self._attribute(mark)
            if item is None:
                # the cue verbs learnt from PolNeAR's annotations, where no common speech verb is near
                self.lemma_of = self._learned_verb
                item = self._attribute(mark)
            if item is None:
                self.lemma_of = self._learned
                item = self._attribute(mark)
            if item is None:
                self.lemma_of = self._core
                item = self._beside(mark)
            if item is not None:
                sentence_cue(self.text, self._sentence_bounds(mark), item)
            found.append(item if item is not None else Found(mark, "direct"))
        return self._paragraphs_joined(found)

    def _sentence_bounds(self, mark: Marked) -> tuple[int, int]:
        first = self.sentences.index(mark.open_at)
        last = self.sentences.index(mark.close_at)
        start, _ = self.sentences.span(first)
        _, end = self.sentences.span(last)
        return start, end

    def _attribute(self, mark: Marked) -> Found | None:
        text = self.text
        sent_start, sent_end = self._sentence_bounds(mark)
        reach = max(0, mark.open_at - 400)
        para_start = max(text.rfind("\n", reach, mark.open_at) + 1, reach)
        left_start = self._outside_marks(max(sent_start, para_start, mark.open_at - 400))
        left = text[left_start : mark.open_at]
        starts_sentence = not left.strip(LEAD_IN)
        inner = text[mark.start : mark.end].rstrip(" \t\n'’")
        ends_sentence = inner.endswith((".", "!", "?")) and not inner.endswith("..")
        kind = "direct" if starts_sentence or left.rstrip().endswith((":", ",")) else "partial"
        if kind == "partial" and self._left_is_cue_only(left):
            kind = "direct"
        if _DASH_CREDIT.search(left):
            # 'Pollsters agree - Carl Bialik: "Q"': the credit names who wrote it, whatever verb is before it
            item = self._colon_cue(mark, left_start)
            if item is not None:
                item.kind = kind
                return item
        if ends_sentence and left.rstrip().endswith(":"):
            # 'Perez lobbies for a higher minimum wage: "Q."': the colon's clause is the attribution
            item = self._left_clause(mark, left_start) or self._colon_cue(mark, left_start)
            if item is not None:
                item.kind = kind
                return item
        if _OPEN_RELATIVE.search(left):
            # 'Roffman, who estimates that his costs were "Q," described ...': a quote inside a relative clause
            # is that clause's, whatever verb follows it
            item = self._left_clause(mark, left_start)
            if item is None:
                lemma_of, self.lemma_of = self.lemma_of, self._learned_verb
                item = self._left_clause(mark, left_start)
                self.lemma_of = lemma_of
            if item is not None:
                item.kind = kind
                return item
        right = self._right_clause(mark, strict=not starts_sentence)
        if right is not None and (starts_sentence or kind == "direct"):
            if right.cue is not None and right.cue.text.endswith("ing") and right.lemma != "according to" \
                    and self._core(left.rstrip().rstrip(",:").split()[-1] if left.split() else "") is not None:
                # 'but said, "Q," promising ...': the verb right before the quote is its cue, the participle after
                # it adds to it
                item = self._left_clause(mark, left_start)
                if item is not None:
                    item.kind = kind
                    return item
            right.kind = kind
            return right
        if right is not None and not ends_sentence and right.cue is not None \
                and right.cue.start - mark.close_at < 30:
            left_item = self._left_clause(mark, left_start) if right.lemma != "according to" \
                and right.cue.text.endswith("ing") else None
            if left_item is not None:
                left_item.kind = kind
                return left_item
            right.kind = kind
            return right
        item = self._according_after(mark, sent_end) if kind == "partial" else None
        if item is None:
            item = self._left_clause(mark, left_start)
        if item is None and not self._cue_follows(mark, inner):
            item = self._colon_cue(mark, left_start)
        if item is None:
            item = self._final_clause(mark, sent_end)
        if item is None and starts_sentence:
            item = self._colon_intro(mark, para_start) or self._credit_line(mark)
        if item is None and right is not None:
            right.kind = kind
            return right
        if item is not None:
            item.kind = kind
        return item

    def _cue_follows(self, mark: Marked, inner: str) -> bool:
        """``...of all: "Q," exhorted X``: a speech verb right after a quote that ends in a comma is its cue, even
        one learnt from the annotations, so the clause before the colon is not."""
        if not inner.endswith(","):
            return False
        following = self.text[mark.close_at + 1 : mark.close_at + 30].split()[:1]
        return bool(following) and following[0].islower() and speech_lemma(following[0].strip(",.")) is not None

    def _left_is_cue_only(self, left: str) -> bool:
        words = left.split()
        return bool(words) and self.lemma_of(words[-1].strip(",:")) is not None

    def _right_clause(self, mark: Marked, strict: bool = False) -> Found | None:
        """``"Q," X said`` / ``"Q," said X`` / ``"Q," according to X``."""
        text = self.text
        start = mark.close_at + 1
        line_end = text.find("\n", start, start + 300)
        line_end = min(len(text), start + 300) if line_end < 0 else line_end
        toks = self.tokens(start, min(line_end, start + 300))
        words: list[Token] = []
        depth = 0
        quoted_until = -1
        for index, tok in enumerate(toks):
            if tok.text == "(":
                depth += 1
                continue
            if tok.text == ")":
                depth = max(0, depth - 1)
                continue
            if depth or index <= quoted_until:
                continue
            if tok.text in ("“", "”", '"', "«", "»", "''"):
                closing = next((k for k in range(index + 2, min(len(toks), index + 8))
                                if toks[k].text in ("”", '"', "»", "''")), None)
                if closing is None or "," not in (w.text for w in words) or tok.text in ("”", "»"):
                    break
                # 'Bill Eastland, wearing "Ted Cruz" campaign pins, said': a short title inside an aside
                quoted_until = closing
                continue
            if tok.text in (".", ";", "!", "?") and words:
                break
            words.append(tok)
            if len(words) >= RIGHT_WINDOW:
                break
        dashed = self._dash_credit(mark, toks)
        if dashed is not None:
            return dashed
        # a nested quote may close first: 'say 'I'm the only one,'" Green said'
        inner = text[mark.start : mark.end].rstrip(" \t\n'’")
        separated = bool(words) and words[0].text in (",", "—", "–", "-") or inner.endswith((",", "?", "!", "—", "–", "-"))
        while words and words[0].text in (",", "—", "–", "-", ")", "("):
            words.pop(0)
        if len(words) > 2 and words[0].lower == "as" and words[1].text not in PUNCTUATION \
                and any(core_lemma(t.lower) in ("say", "note", "write", "tell", "explain", "describe")
                        for t in words[1:5] if t.text.islower()):
            # '"Q," as Cruz said on Glenn Beck's program,': the aside names who said it
            words.pop(0)
            separated = True
        if not words or words[0].lower in CONJUNCTIONS:
            return None
        if strict and not separated:
            return None
        if inner.endswith(".") and not separated and self.lemma_of != self._core:
            # '"... the Americans they are." Bills were introduced': after a full stop only a common speech verb
            # ("said Klobuchar") goes back to the quote, not a verb learnt from the annotations
            return None
        aside = False
        for index, tok in enumerate(words[:RIGHT_WINDOW - 2]):
            if tok.text == ",":
                # "Graham, a former candidate, told CBS": one aside after the speaker's name
                if index > 0 and not aside and (words[index - 1].capitalised or words[index - 1].lower in ROLE_NOUNS
                                                or index + 1 < len(words) and (words[index + 1].lower in ("who", "whose")
                                                                               or _named_apposition(words, index, self.lemma_of))) \
                        and index + 1 < len(words) and self.lemma_of(words[index + 1].text) is None:
                    aside = True
                    continue
                if index > 0 and not aside:
                    break
                if aside and self.lemma_of(words[index + 1].text if index + 1 < len(words) else "") is not None:
                    lemma_tok = words[index + 1]
                    first_comma = next(i for i, t in enumerate(words) if t.text == ",")
                    subject = self._np_before(words[:first_comma])
                    if subject is None:
                        return None
                    if _named_apposition(words, first_comma, self.lemma_of):
                        # the title and its name together are the mention ("his wife, Gabriela Lazar")
                        subject = (subject[0], words[index - 1].end)
                    lemma = self.lemma_of(lemma_tok.text)
                    return Found(mark, "direct", lemma_tok, lemma, lemma_tok.end, subject,
                                 self._addressee(words, index + 1, lemma))
                continue
            if aside:
                continue
            if tok.lower == "according" and index + 1 < len(words) and words[index + 1].lower == "to":
                subject = self._np_after(words, index + 2)
                if subject is None:
                    return None
                return Found(mark, "direct", tok, "according to", words[index + 1].end, subject)
            lemma = self.lemma_of(tok.text)
            if lemma is None:
                continue
            before = words[:index]
            if before:
                subject = self._np_before(before)
            else:
                subject = self._np_after(words, index + 1)
                if subject is not None and tok.text.endswith("ing") and tok.text.islower():
                    # '... hailed the vote as "Q," telling reporters ...': who tells is the sentence's subject; the
                    # words after a participle are whom it addresses
                    subject = self._subject_before(mark) or subject
            if subject is None:
                return None
            found = Found(mark, "direct", tok, lemma, tok.end, subject, self._addressee(words, index, lemma))
            return self._relayed(words, index, found)
        return None

    def _left_clause(self, mark: Marked, left_start: int) -> Found | None:
        """``X said: "Q"`` / ``X said Russia believed it was "Q"`` / ``according to X, "Q"``."""
        toks = self.tokens(left_start, mark.open_at)
        toks = without_parentheses(outside_quotes(toks))[-LEFT_WINDOW:]
        if len(toks) > 4 and toks[0].lower == "according" and toks[1].lower == "to":
            # "According to ProPublica, Clinton praised her "wonderful donors"": the opening source tells it all
            comma = next((i for i in range(3, min(len(toks), 14)) if toks[i].text == ","), None)
            if comma is not None:
                return Found(mark, "partial", toks[0], "according to", toks[1].end, (toks[2].start, toks[comma - 1].end))
        if len(toks) > 4 and toks[0].lower == "in":
            # "In a Washington Post-ABC News poll, 75 percent said "Q"": PolNeAR's source is the poll
            comma = next((i for i in range(2, min(len(toks), 14)) if toks[i].text == ","), None)
            study = next((i for i in range(1, comma) if toks[i].lower in STUDY_WORDS), None) if comma else None
            if study is not None and not any(t.lower in CONJUNCTIONS for t in toks[1:study]):
                return Found(mark, "partial", toks[0], "in", toks[0].end, (toks[1].start, toks[comma - 1].end))
        nearest: Found | None = None
        crossed = False
        for index in range(len(toks) - 1, -1, -1):
            tok = toks[index]
            if tok.lower in COMPLEMENTIZERS and index > 0 and (
                    speech_lemma(toks[index - 1].text) or toks[index - 1].text == ","
                    or any(self._core(t.text) for t in toks[max(0, index - 4) : index - 1])):
                # a cue inside the reported clause ("said that he was showing 'respect'") is not its cue
                crossed = True
                continue
            if tok.lower == "to" and index > 0 and toks[index - 1].lower == "according":
                subject = self._np_after(toks, index + 1)
                if subject is not None:
                    return Found(mark, "partial", toks[index - 1], "according to", tok.end, subject)
                continue
            lemma = self.lemma_of(tok.text)
            if lemma is None and tok.capitalised and self.sentences.starts[self.sentences.index(tok.start)] == tok.start:
                lemma = core_lemma(tok.lower)
                if lemma is not None and tok.lower.startswith("sa"):
                    subject = self._np_after(toks, index + 1)
                    if subject is not None:
                        return Found(mark, "direct", tok, lemma, tok.end, subject)
                continue
            if lemma is None:
                continue
            if index > 0 and toks[index - 1].lower in ("without", "not", "never", "refused", "declined"):
                # "adding without elaborating": a speech verb that was not said
                continue
            if index > 0 and tok.text.endswith("ing") and toks[index - 1].lower in ("for", "about"):
                # "mocked Trump for calling himself "Q"": what the verb before is about, not the cue
                continue
            if index > 0 and not self._comma_closes_quote_before(tok.start) and (
                    toks[index - 1].lower in DETERMINERS_AND_POSSESSIVES and toks[index - 1].lower != "another"
                    or toks[index - 1].lower == "own"
                    or toks[index - 1].text.endswith(("’s", "'s"))
                    and toks[index - 1].lower.replace("’", "'") not in CONTRACTED):
                # "his promise" / "Trump's claim": a noun, not a verb ("he's claiming" is one)
                continue
            if index > 0 and tok.lower == lemma and noun_before(toks[index - 1]):
                # "Which swing state" / "many state workers": a bare form after a singular common word is a noun
                continue
            if lemma in WEAK_CUES and index + 1 < len(toks) and toks[index + 1].text not in (":", ",") and not (
                    lemma in NOUN_LIKE_CUES and tok.lower.endswith("ed") and toks[index + 1].lower == "that"):
                continue
            if index >= 2 and toks[index - 2].lower == "what" or index >= 1 and toks[index - 1].lower == "what":
                # "what he called X": the sentence's own verb says who is speaking
                continue
            comma = index - 1
            while comma > 0 and tok.text.endswith("ing") and is_adverb(toks[comma]):
                # ", recently telling": an adverb between the comma and its participle
                comma -= 1
            if tok.text.endswith("ing") and comma > 0 and toks[comma].text == ",":
                subject = self._np_before(toks[:comma], participle=True)
            elif tok.text.endswith("ing") and self._comma_closes_quote_before(tok.start):
                subject = self._np_before(toks[:index], participle=True)
            else:
                subject = self._np_before(toks[:index])
            if tok.text.endswith("ing") and index > 1:
                subject = with_subject(toks, index) or self._paired_participle(toks, index) or subject
            if subject is None and tok.text.endswith("ing") and index > 0:
                # "Trump said before adding:" takes the sentence's subject
                subject = self._clause_subject(toks, index - 1)
            elif subject is not None and tok.text.endswith("ing") and self._is_object(toks, subject[0]):
                # "she issued a statement saying": the statement is what she issued, she is the source
                first = next(i for i, t in enumerate(toks) if t.start == subject[0])
                subject = self._clause_subject(toks, first - 2) or subject
            subject = inverted_speaker(toks, index, lemma) or passive_agent(toks, index, lemma) or subject
            listed = listed_verb(toks, index)
            if listed is not None:
                subject = self._np_before(toks[:listed]) or subject
            if subject is None and index > 0 and toks[index - 1].text == "," and index + 1 < len(toks) \
                    and toks[index + 1].capitalised:
                # 'But, said Solovey, "Q"': the speaker follows an inverted verb
                subject = self._np_after(toks, index + 1)
            if subject is None:
                continue
            participle_clause = tok.text.endswith("ing") and index > 0 and (
                toks[comma].text == "," or self._comma_closes_quote_before(tok.start))
            found = self._outer(mark, toks, subject[0])
            if found is not None and participle_clause:
                # '..., Lewandowski added, saying "Q"': a participle after a speech verb is that verb's speaker's;
                # 'Starr said Clinton's situation reminds him of ..., explaining, "Q"': after another verb, the
                # outer speaker's, with the participle as its cue
                found = None if self.lemma_of(toks[index - 2].text) else Found(
                    mark, "partial", tok, lemma, tok.end, found.subject, self._addressee(toks, index, lemma))
            found = found or (lemma != "say" and self._coordinated(mark, toks, index, subject)) \
                or Found(mark, "partial", tok, lemma, tok.end, subject, self._addressee(toks, index, lemma))
            issued = document_predicate(self.text, toks[0].start, tok) if tok.text.endswith("ing") \
                and not participle_clause and found.cue is tok else None
            if issued is not None:
                verb = self.text[issued : tok.start].split()[0]
                found.cue = Token(verb, issued, issued + len(verb))
                # who issued the document speaks ("He sent out a fundraising email as the meeting began vowing")
                found.subject = self._np_before([t for t in toks if t.end <= issued]) or found.subject
            if crossed or participle_clause \
                    or not any(t.lower in COMPLEMENTIZERS for t in toks[clause_start(toks, index) : index]) \
                    or self._main_clause(toks, index) or index > 0 and toks[index - 1].lower in ("and", "but"):
                # '... told Newsmax that Romney "Q1," adding, "Q2"': a participle after a comma starts a clause of
                # its own
                # "told ABC that he agrees ... and said "Q"": a coordinated verb is no part of the earlier clause
                return found
            nearest = nearest or found
        return nearest

    def _comma_closes_quote_before(self, start: int) -> bool:
        """``on "Morning Joe," adding``: the comma before the participle is inside the title's marks."""
        return self.text[max(0, start - 4) : start].rstrip().rstrip("\"”’'").endswith(",")

    def _coordinated(self, mark: Marked, toks: list[Token], index: int, subject: tuple[int, int]) -> Found | None:
        """``Trump called the merger "Q1" and ranked Fiorina as "Q2"``: the verb nearest the quote is its cue
        (after "said" the whole clause is what was said, so PolNeAR keeps "said")."""
        for k in range(len(toks) - 2, index, -1):
            if toks[k].lower != "and":
                continue
            verb = toks[k + 1]
            lemma = verb_lemma(verb.text) if verb.text.islower() else None
            if lemma is None or lemma in WEAK_CUES or self.lemma_of(verb.text) is not None:
                return None
            return Found(mark, "partial", verb, lemma, verb.end, subject, self._addressee(toks, k + 1, lemma))
        return None

    def _paired_participle(self, toks: list[Token], index: int) -> tuple[int, int] | None:
        """``with Donald Trump tweeting that ... and asking, "Q"`` / ``calling him a "stiff" and accusing``: a
        participle after "and" has the subject of the participle it pairs with."""
        if toks[index - 1].lower != "and":
            return None
        for j in range(index - 2, max(0, index - 25), -1):
            tok = toks[j]
            if tok.text in (".", ";", ":"):
                return None
            if tok.text.islower() and tok.text.endswith("ing") and verb_lemma(tok.text) is not None:
                if toks[j - 1].text == ",":
                    return with_subject(toks, j) or self._np_before(toks[: j - 1], participle=True)
                return with_subject(toks, j)
        return None

    def _main_clause(self, toks: list[Token], index: int) -> bool:
        """``After Scalia said that ..., Trump said: "Q"``: a cue that opens the quote with a colon, or whose
        subject follows a fronted clause's comma, is the sentence's own; the earlier "said that" is not."""
        if index + 1 < len(toks) and toks[index + 1].text == ":":
            return True
        k = index - 1
        while k >= 0 and (toks[k].lower in AUXILIARIES or is_adverb(toks[k])):
            k -= 1
        while k >= 1 and (toks[k - 1].capitalised or toks[k - 1].lower in HONORIFICS) and toks[k - 1].text != ",":
            k -= 1
        return k >= 1 and toks[k - 1].text == "," and toks[k].capitalised and toks[k].lower not in NOT_NAMES

    def _outer(self, mark: Marked, toks: list[Token], start: int) -> Found | None:
        """``X said he called it "Q"``: PolNeAR credits the outer speaker and verb."""
        first = next((i for i, t in enumerate(toks) if t.start == start), 0)
        if first < 2:
            return None
        verb = first - 1
        if toks[verb].lower == "that":
            verb -= 1
        lemma = self.lemma_of(toks[verb].text) if verb >= 1 else None
        if lemma is None or lemma in WEAK_CUES:
            return None
        if toks[first].lower not in ("he", "she", "they", "it", "we") and lemma != "say":
            # "Trump said Fox executives were calling "Q"": only "say" frames any clause as reported
            return None
        subject = self._np_before(toks[:verb])
        if subject is None:
            return None
        return Found(mark, "partial", toks[verb], lemma, toks[verb].end, subject,
                     self._addressee(toks, verb, lemma))

    def _is_object(self, toks: list[Token], start: int) -> bool:
        """Whether the noun phrase at ``start`` is a verb's object ("released a statement")."""
        first = next((i for i, t in enumerate(toks) if t.start == start), 0)
        if first < 2 or toks[first].lower not in DETERMINERS_AND_POSSESSIVES:
            return False
        verb = toks[first - 1]
        if verb.lower in ("out", "up") and first >= 3:
            # "put out a statement saying" / "sent out a press release saying": the verb before its particle
            verb = toks[first - 2]
        return verb.text.isalpha() and verb.text.islower() and verb.lower not in PREPOSITIONS \
            and verb.lower not in AUXILIARIES and verb.lower not in COMPLEMENTIZERS and verb.lower not in CONJUNCTIONS


_OPEN_RELATIVE = re.compile(r",\s+(?:who|which)\s+[^,;:.!?]*$")
_DASH_CREDIT = re.compile(r"\s[—–-]\s*(?:More\s+from\s+)?(?:[A-Z][\w.’'-]*\s+|and\s+){0,5}[A-Z][\w.’'-]*\s*:\s*$")


def _named_apposition(words: list[Token], comma: int, lemma_of) -> bool:
    """``Hunter's chief of staff, Joe Kasper, told``: a name between two commas after a title, right before the
    speech verb, is the title's."""
    name = comma + 1
    while name < len(words) and words[name].capitalised and words[name].lower not in NOT_NAMES:
        name += 1
    return name > comma + 1 and name + 1 < len(words) and words[name].text == "," \
        and lemma_of(words[name + 1].text) is not None
