"""Antecedents in one article: whom "he", "the president", "a spokesman for X", "the firm" or a title cut
from its name stand for. A mixin of ``People``, whose name mentions, sentences and quoted stretches it reads."""

from __future__ import annotations

import re

from saywho.attribution.lexicon import PRONOUNS, ROLE_NOUNS, speech_lemma
from saywho.attribution.names import LOOKBACK, Entity, NameMention, is_first_name

# Institutions that are no company: "the company" never calls them back.
PUBLIC_BODIES = {"government", "parliament", "court", "commission", "committee", "agency", "ministry", "department",
                 "office", "council", "police", "senate", "congress", "house", "assembly", "times", "news", "post",
                 "journal", "reuters", "bbc", "cnn", "union", "association", "school", "university", "college"}
# Public bodies a country or an organisation has: "China's foreign ministry".
STATE_BODIES = {"ministry", "department", "agency", "commission", "committee", "council", "government", "embassy",
                "office"}
# "employers such as Monsanto", "companies including Walmart": a name given as an instance of a kind of company.
COMPANY_KINDS = re.compile(r"\b(?:companies|firms|employers|businesses|corporations|manufacturers|retailers|brands|"
                           r"makers|giants)\s*,?\s+(?:such\s+as|including|like)\s+$")
GOVERNMENT_BODIES = {"department", "administration", "bureau", "service", "agency", "office"}
AUXILIARIES = {"has", "had", "have", "was", "is", "will", "would", "also", "then", "later", "again"}
# A relative pronoun right before a pronoun: "Christie, whom he describes".
RELATIVE_BEFORE = re.compile(r"\b(?:whom|who)\s+$", re.IGNORECASE)
# Adverbs between a subject and its verb: "Rubio still believes".
ADVERBS = {"still", "also", "now", "then", "later", "again", "never", "already", "just", "even", "only", "once"}
# Cues that may stand before their speaker ("said Kunin"), unlike "told"/"asked", which take who was addressed.
INVERTED_CUES = {"say", "add", "write", "note", "explain", "continue", "conclude", "insist", "argue", "reply",
                 "respond", "recall", "warn", "declare", "quip", "joke", "tweet", "acknowledge"}
# A photo's credit line ("Carlos Barria / Reuters.", "Handout/Reuters."): the paragraph after it is the caption.
PHOTO_CREDIT = re.compile(r"^[A-Z][\w .'&-]{0,40}?\s*/\s*(?:Reuters|AP|AFP|EPA|Getty Images)\.?$")
# Narrative paragraphs "he"/"she" may reach back over to the last mention of its person.
PRONOUN_REACH = 3
PARAGRAPH_START = re.compile(r"\n\s*(\S)")
# Verbs of saying whose clause reports what was said, and the words that open that clause.
REPORTING = {"say", "tell", "write", "add", "note", "explain", "argue", "insist", "claim", "warn", "suggest"}
REPORTED_CLAUSE = re.compile(r"\b(?:that|whether|if)\b")
QUOTE_MARKS = "\"“”"


class Antecedents:
    """Resolving mentions to the article's entities; ``People`` holds the state."""

    def resolve_pronoun(self, word: str, offset: int) -> Entity | None:
        """The most salient earlier entity that "he"/"she"/"they" can refer to."""
        gender = PRONOUNS.get(word.lower())
        want_person = word.lower() in ("he", "she", "him", "his", "her", "i")
        if word.lower() in ("he", "she") and self.text:
            opening = self._subject_pronoun_before(word.lower(), offset)
            if opening is not None:
                # "he thought that ... to help President Obama and that, as he later explained": the sentence's
                # own subject, not a name inside it, is who "he" goes on being
                return self.resolve_pronoun(word, opening)
        before = self.mentions_before(offset)
        relative = RELATIVE_BEFORE.search(self.text[max(0, offset - 12) : offset])
        if relative is not None and before and self.text[before[-1].end : offset - len(relative.group(0))].strip(" ,’'s") == "":
            # "Chris Christie, whom he describes as ...": the pronoun in a relative clause is not who it is about
            bound = before[-1].entity
            before = [m for m in before if m.entity is not bound]
        by_sentence: dict[int, list[NameMention]] = {}
        for mention in before:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        unsure: Entity | None = None
        here = self.sentences.index(min(offset, len(self.text) - 1)) if self.text else 0
        previous = self._narrative_before(here)
        for index in sorted(by_sentence, reverse=True):
            # who speaks in a sentence ("Kunin said", "said Kunin") is who "she said" next most likely is
            group = self._speaker_first(by_sentence[index])
            for mention in group:
                entity = mention.entity
                if self.quoted_at(mention.start) or self._aside_at(mention.start, offset):
                    # a name inside someone's quote, a photo's caption or the writer's own question is not who
                    # "he" in the narrative after it is, unless the question asks about that person ("Was
                    # Szlachta satisfied?")
                    continue
                if self._modifier(mention) or self.before_common_noun(mention.end) \
                        and self.text[max(0, mention.start - 4) : mention.start].lower().endswith(("the ", " a ", "an ")):
                    # "McConnell spokesman Don Stewart", "The Cruz campaign": the sentence is about the noun after
                    continue
                if want_person:
                    if entity.kind != "person":
                        continue
                    if gender and entity.gender and entity.gender != gender:
                        continue
                    known = entity.gender or entity.hint
                    if gender and not known and entity.by_speech and not entity.roles and (
                            self._agency(entity)[1] or entity.name.endswith("s") and not entity.name.endswith("ss")):
                        # a name that speaks but is plural ("Analysts") or elsewhere a place or a modifier ("in
                        # Russia", "an Apple computer") is no "he"
                        unsure = unsure or entity
                        continue
                    named = len(entity.tokens) >= 2 and is_first_name(entity.tokens[0])
                    if gender and not known and ((entity.roles or mention.subject) and (
                            len(entity.tokens) == 1 or mention.subject and named) or named and self._speaks(mention)):
                        # "President Obama" / "Obama also said" / "a terse Miller agreed": a titled person, or one
                        # the sentence is about or who speaks in it, whose first name says no gender
                        return entity
                    if gender and not known and mention.subject and len(entity.tokens) >= 2 and index >= previous \
                            and unsure is None and self._titled_speaker(mention):
                        # "Yukiya Amano, director general of ..., said": the last sentence's subject, a full name
                        # whose first name says no gender
                        return entity
                    if gender and (not known or known != gender):
                        # "Aston Villa" may be a person: only if no one surely "he" is near
                        unsure = unsure or entity
                        continue
                elif entity.kind != "organisation" or self._not_agent(mention) or not self.acts(entity):
                    continue
                return entity
        return unsure

    def out_of_reach(self, entity: Entity, offset: int) -> bool:
        """Whether more than a few paragraphs stand between ``offset`` and the entity's last mention before it,
        by name or by a resolved pronoun: a pronoun that far from its antecedent is someone the article has
        since described without a name."""
        last = next((m.start for m in reversed(self.mentions_before(offset)) if m.entity is entity), None)
        if last is None:
            return False
        narrative = 0
        for line in PARAGRAPH_START.finditer(self.text, last, offset):
            # paragraphs of the quote itself are no distance
            narrative += line.group(1) not in QUOTE_MARKS + "‘'" and not self.quoted_at(line.start(1))
        return narrative > PRONOUN_REACH

    def _aside_at(self, at: int, offset: int) -> bool:
        """Whether ``at`` lies in an aside paragraph that ``offset`` is outside of: a caption, or a question that
        does not ask about this name as its subject ("Was Szlachta satisfied?" is answered by Szlachta)."""
        if self.asides is None:
            self.asides = self._asides()
        mention = self.mention_at(at)
        return any(start <= at < end and not start <= offset < end and not (
            question and mention is not None and (self._acts_next(mention) or len(re.split(
                r"[.?!]\s+", self.text[start:at])[-1].split()) <= 2))
            for start, end, question in self.asides)

    def _asides(self) -> list[tuple[int, int, bool]]:
        """Paragraphs that break the narrative, and whether each is a question: a photo's credit line and the
        caption after it, and the writer's own questions put between two quotes ("But what if Hillary Clinton
        wins? Don't Republicans ...?")."""
        spans: list[tuple[int, int, bool]] = []
        caption_next = False
        for match in re.finditer(r"[^\n]+", self.text):
            line = match.group(0).strip()
            if not line:
                continue
            if PHOTO_CREDIT.match(line):
                spans.append((*match.span(), False))
                caption_next = True
                continue
            if caption_next:
                spans.append((*match.span(), False))
            elif line.endswith("?") and not any(ch in line for ch in QUOTE_MARKS) \
                    and all(part.endswith("?") for part in re.split(r"(?<=[.!?])\s+", line)):
                spans.append((*match.span(), True))
            caption_next = False
        return spans

    def _subject_pronoun_before(self, word: str, offset: int) -> int | None:
        """Where the same pronoun stands earlier in the sentence before any person is named in it, outside
        quotation marks, with no resolved mention of its own."""
        start = self.sentences.span(self.sentences.index(min(offset, len(self.text) - 1)))[0]
        found = re.search(rf"\b{word}\b", self.text[start:offset], re.IGNORECASE)
        if found is None:
            return None
        at = start + found.start()
        if at >= offset or self.quoted_at(at) or self.mention_at(at) is not None:
            return None
        if any(m.entity.kind == "person" and m.start < at and not self.quoted_at(m.start)
               for m in self.mentions_in(start, offset)):
            return None
        return at

    def _narrative_before(self, sentence: int) -> int:
        """The last sentence before ``sentence`` that is not all inside quotation marks."""
        index = sentence - 1
        while index > 0:
            start, end = self.sentences.span(index)
            opening = start + len(self.text[start:end]) - len(self.text[start:end].lstrip(" \n\t\"“‘'"))
            if not self.quoted_at(opening):
                break
            index -= 1
        return index

    def _titled_speaker(self, mention: NameMention) -> bool:
        """"Yukiya Amano, director general of the agency, said": a name a role describes in apposition before
        its speech verb is a person's, whatever the first name."""
        if self.text[mention.end : mention.end + 1] != ",":
            return False
        close = self.text.find(",", mention.end + 1, mention.end + 150)
        if close < 0:
            return False
        aside = self.text[mention.end + 1 : close].lower().split()
        after = self.text[close + 1 : close + 20].split()[:1]
        return any(w in ROLE_NOUNS for w in aside[:4]) and bool(after) \
            and speech_lemma(after[0].strip(",.;:").lower()) is not None

    def _speaker_first(self, mentions: list[NameMention]) -> list[NameMention]:
        """The sentence's mentions, those that speak first, but not a name inside what an earlier name in the
        sentence says ("Trump said Friday that it would have been cool had Clinton congratulated him")."""
        reporter = next((m for m in sorted(mentions, key=lambda m: m.start) if self._reports(m)), None)
        return sorted(mentions, key=lambda m: not self._speaks(m) or reporter is not None and m.start > reporter.end
                      and REPORTED_CLAUSE.search(self.text, reporter.end, m.start) is not None)

    def _reports(self, mention: NameMention) -> bool:
        """Whether a verb of saying follows the name ("Trump said")."""
        after = [w.strip(",.;:").lower() for w in self.text[mention.end : mention.end + 30].split()[:2]]
        if after and after[0] in AUXILIARIES:
            after = after[1:]
        return bool(after) and speech_lemma(after[0]) in REPORTING

    def _speaks(self, mention: NameMention) -> bool:
        """Whether a speech verb follows or comes right before the name ("Kunin said", "said Kunin")."""
        after = [w.strip(",.;:").lower() for w in self.text[mention.end : mention.end + 30].split()[:2]]
        if after and after[0] in AUXILIARIES:
            # "Michael Howard has said"
            after = after[1:]
        if after and speech_lemma(after[0]) is not None:
            return True
        before = self.text[max(0, mention.start - 20) : mention.start].split()[-1:]
        # after "told"/"asked" a name is who was spoken to; only an inverted "said X" makes X the speaker
        return bool(before) and speech_lemma(before[0].lower()) in INVERTED_CUES

    def add_pronoun(self, start: int, end: int, entity: Entity) -> None:
        """Record a resolved pronoun so that later pronouns can chain through it; "he" also tells the gender
        of a name whose first name did not."""
        gender = PRONOUNS.get(self.text[start:end].lower())
        if entity.kind == "person" and gender in ("m", "f") and not (entity.gender or entity.hint):
            entity.hint = gender
        mention = NameMention(start, end, entity, self.sentences.index(start), True)
        self.mentions.insert(self._first_at(start), mention)

    def resolve_role(self, phrase: str, offset: int) -> Entity | None:
        """"the envoy", "top envoy", "the president": the person who holds that role here."""
        if not any(w in ROLE_NOUNS for w in re.findall(r"[\w.\-]+", phrase.lower())):
            return None
        best = None
        for mention in self.mentions_before(offset):
            if mention.entity.kind == "person" and mention.entity.holds(phrase):
                best = mention.entity
        if best is not None or phrase.lower().startswith(("a ", "an ", "one ", "another ")):
            # "a spokesman" is someone new, not the spokesman the article names elsewhere
            return best
        for entity in self.entities:
            if entity.kind == "person" and entity.holds(phrase):
                return entity
        return None

    def next_titled_person(self, offset: int, phrase: str | None = None, within: int = 2) -> Entity | None:
        """The first person named with a title after ``offset``, within a few sentences, whose title is not
        another role than ``phrase``'s ("the Irish president told ... Home Secretary Charles Clarke" is not
        Clarke)."""
        sentence = self.sentences.index(offset)
        for mention in self.mentions[self._first_at(offset + 1) :][:LOOKBACK]:
            if mention.sentence > sentence + within:
                break
            entity = mention.entity
            if entity.kind == "person" and entity.roles:
                if phrase is None or not entity.role_keys() or entity.holds(phrase):
                    return entity
        return None

    def named_just_before(self, offset: int, phrase: str, gender: str | None = None,
                          any_role: bool = False) -> Entity | None:
        """"Mary Robinson has said ... The former Irish president told": a role used right after a person
        is named, as the subject of this or the previous sentence, describes that person, unless the person
        holds another role or is of the other gender."""
        sentence = self.sentences.index(offset)
        # back past sentences that go on about the same person without naming anyone ("The Republican vice
        # presidential nominee was speaking ... The Indiana governor said")
        reach, narrative = sentence - 1, 0
        while reach > 0 and narrative < 2 and self._continues(reach):
            # sentences inside a quotation are free; up to two narrative ones go on about the same person
            start = self.sentences.span(reach)[0]
            narrative += not self.quoted_at(start + len(self.text[start : start + 5]) - len(self.text[start : start + 5].lstrip()))
            reach -= 1
        by_sentence: dict[int, list[NameMention]] = {}
        for mention in self.mentions_before(offset):
            by_sentence.setdefault(mention.sentence, []).append(mention)
        ordered: list[NameMention] = []
        for index in sorted(by_sentence, reverse=True):
            # "Tony Blair has failed, Michael Howard has said": who speaks in a sentence is whom it is about
            ordered += self._speaker_first(by_sentence[index][::-1])
        for mention in ordered:
            if mention.sentence < reach:
                return None
            if self.quoted_at(mention.start):
                continue
            entity = mention.entity
            if entity.kind != "person" or not (mention.subject or self._first_unquoted(mention) or self._speaks(mention)
                                               or self._acts_next(mention)):
                # "whether Sanders still senses hatred of Clinton, the Vermont senator said": who is named as
                # an object is not who the sentence is about
                continue
            if self._modifier(mention) or not (
                    entity.gender or entity.hint or entity.roles or is_first_name(entity.tokens[0])):
                # a capitalised group ("Lib Dems") may pass for a person; a role is no one's but a person's
                return None
            if entity.roles and not any_role and not entity.holds(phrase) or gender and (entity.gender or entity.hint) not in (None, gender):
                return None
            return entity
        return None

    def _acts_next(self, mention: NameMention) -> bool:
        """Whether a verb follows the name, past adverbs ("Marco Rubio still believes"): the name is a clause's
        subject, wherever it stands in the sentence."""
        if self.text[mention.end : mention.end + 1] != " ":
            return False
        for word in self.text[mention.end : mention.end + 40].split()[:3]:
            if word in ADVERBS or word.endswith("ly"):
                continue
            return word.isalpha() and word.islower() and (word.endswith(("ed", "es")) or self.verb_after(mention.end))
        return False

    def _continues(self, sentence: int) -> bool:
        """Whether a sentence opens with a pronoun or a definite description, not a name."""
        start, end = self.sentences.span(sentence)
        words = self.text[start:end].split()[:6]
        if not words:
            return False
        if words[0][:1] in "\"“‘" or words[0].strip("\"“‘'(").lower() in ("he", "she", "the", "his", "her"):
            # a quotation, a pronoun or a description goes on about whoever the story is about
            return True
        lowered = [w.strip(",.;:").lower() for w in words]
        # "In the video, he sends ...": a pronoun subject after an opening phrase, with no name before it
        return any(w in ("he", "she") for w in lowered) and not self.mentions_in(start, start + len(" ".join(words)))

    def _first_unquoted(self, mention: NameMention) -> bool:
        """Whether no name outside quotation marks comes before this one in its sentence."""
        start = self.sentences.span(mention.sentence)[0]
        return not any(m.start < mention.start and not self.quoted_at(m.start) for m in self.mentions_in(start, mention.start))

    def speech_after(self, end: int) -> bool:
        """Whether a speech verb follows ``end`` ("the retired neurosurgeon told")."""
        follow = self.text[end : end + 30].split()[:1]
        return bool(follow) and speech_lemma(follow[0].strip(",.;:").lower()) is not None

    def named_in_apposition(self, offset: int) -> Entity | None:
        """The person whose name ends right before ", " and ``offset``."""
        before = self.text[max(0, offset - 3) : offset]
        if not before.rstrip().endswith(","):
            return None
        comma = self.text.rfind(",", 0, offset)
        # "Lee Bright (R), another ...": a party and state in parentheses stand between the name and its comma
        earlier = [m for m in self.mentions_before(offset) if self.text[m.start - 1 : m.start] != "("]
        if earlier and re.sub(r"\s*\([^()]{1,12}\)", "", self.text[earlier[-1].end : comma]).strip(" ’'s") == "" \
                and earlier[-1].entity.kind == "person" \
                and not self.quoted_at(earlier[-1].start):
            return earlier[-1].entity
        return None

    def named_in_apposition_after(self, end: int, titled: bool = False) -> Entity | None:
        """The person named right after ", " past ``end`` ("the campaign manager, Jeff Weaver,"); with
        ``titled``, also after a lowercase title (", actress Jamie Lee Curtis")."""
        if self.text[end : end + 2] != ", ":
            return None
        index = self._first_at(end + 2)
        if index >= len(self.mentions) or self.mentions[index].entity.kind != "person":
            return None
        between = self.text[end + 2 : self.mentions[index].start].split()
        if not between or titled and len(between) <= 3 and all(w.islower() for w in between):
            return self.mentions[index].entity
        return None

    def name_right_after(self, end: int) -> Entity | None:
        """The person named within a few title words after ``end``, with no punctuation between ("Former
        prosecutor and New York City Mayor Rudy Giuliani")."""
        for mention in self.mentions[self._first_at(end) :][:4]:
            between = self.text[end : mention.start]
            if len(between.split()) > 7 or any(ch in between for ch in ",;:\"“”()\n") or any(
                    w[:1].islower() and w not in ("and", "of", "the", "for") and w not in ROLE_NOUNS
                    for w in between.split()):
                return None
            if mention.entity.kind == "person":
                return mention.entity
        return None

    def described_earlier(self, noun: str, offset: int) -> str | None:
        """"the ministry said" after "China's foreign ministry also weighed in": a public body the article
        described before by whose it is, a place's or an organisation's name, not a person's."""
        if noun not in STATE_BODIES:
            return None
        window = self.text[max(0, offset - 3000) : offset]
        found = None
        for match in re.finditer(rf"\b([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,3}})['’]s((?:\s+[a-z]+){{0,2}})\s+{noun}\b",
                                 window):
            at = offset - len(window) + match.start()
            owner = self.entity_at(at, at + len(match.group(1)))
            if not self.quoted_at(at) and (owner is None or owner.kind != "person" or not is_first_name(owner.tokens[0])):
                found = match
        return " ".join(found.group(0).split()) if found is not None else None

    def organisation_called(self, noun: str, offset: int) -> Entity | None:
        """"the firm said": the organisation the article last wrote as acting, one whose name holds the noun
        ("the bank" is Halifax Bank) first."""
        fallback = None
        for mention in reversed(self.mentions_before(offset)):
            entity = mention.entity
            if fallback is None and noun in ("company", "firm") and entity.kind == "other" \
                    and not self.quoted_at(mention.start) and mention.sentence >= self.sentences.index(offset) - 1 \
                    and any(COMPANY_KINDS.search(self.text[max(0, m.start - 40) : m.start])
                            for m in self.mentions_before(offset) if m.entity is entity):
                # "local employers such as Monsanto": a name the article gives as one of a kind of company, in
                # this sentence or the one before
                fallback = entity
            if entity.kind != "organisation" or self.quoted_at(mention.start) or self._not_agent(mention):
                continue
            if noun in (w.lower() for w in entity.tokens):
                return entity
            if fallback is None and noun in ("company", "firm") and self.acted(entity) \
                    and not any(w.lower() in PUBLIC_BODIES for w in entity.tokens) and len(entity.name) > 2:
                # a company called by its name alone ("EMI said ... the firm"); not a public body, nor a
                # two-letter acronym, which is as often a country or a thing ("UK", "PC")
                fallback = entity
            if fallback is None and noun in ("group", "organization", "organisation") and self.acted(entity) \
                    and not any(w.lower() in PUBLIC_BODIES for w in entity.tokens):
                # "The Trayvon Martin Foundation did not want to address ... the group said": the body that acted
                fallback = entity
            if fallback is None and noun == "agency" and self.acted(entity) \
                    and any(w.lower() in GOVERNMENT_BODIES for w in entity.tokens):
                # "the State Department also said ... said the agency": a government body by its kind
                fallback = entity
        return fallback
