"""Putting it together: quotes and reported speech of one article, each with its speaker
resolved to the fullest name in the article, plus the people table."""

from __future__ import annotations

import re
from collections import Counter

from saywho.attribution.continuations import (
    continued_reports,
    merge_continuations,
    opening_participle_cue,
    verb_form,
)
from saywho.attribution.dates import clause_text, statement_date
from saywho.attribution.descriptions import (
    AGE,
    DOCUMENT_NOUNS,
    INDEFINITES,
    MEDIA_NOUNS,
    ORG_ANAPHORS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    adjectival,
    common_head,
    head_length,
    noun_phrase_of,
    offset_after,
    opening_participle,
    opens_clause,
    possessor,
    strip_determiner,
    trailing_pronoun,
)
from saywho.attribution.lexicon import (
    DETERMINERS_AND_POSSESSIVES,
    NOT_NAMES,
    PRONOUNS,
    ROLE_GENDER,
    ROLE_NOUNS,
    speech_lemma,
)
from saywho.attribution.marks import DOUBLE_MARKS, Marked, find_double, find_single
from saywho.attribution.names import is_first_name, role_key
from saywho.attribution.people import TITLE_WORDS, Entity, People, build_people
from saywho.attribution.quotes import Found, QuoteFinder
from saywho.records import Attribution, Cue, Quote, Span

try:
    from saywho.attribution.reported import find_reported
except ImportError:  # the reported-speech finder is optional; quotes work without it
    find_reported = None

# People named by whom they back: "another early Cruz supporter".
BACKERS = {"supporter", "backer", "ally", "loyalist", "donor", "critic", "surrogate", "endorser", "fan", "friend",
           "confidant", "confidante", "rival", "opponent"}
# People who work for the person they are named by: "the senior Cruz adviser" is not Cruz.
AIDES = {"adviser", "advisor", "aide", "staffer", "strategist", "spokeswoman", "pollster"}
# Offices of state one person does not hold two of at once: "the prime minister and chancellor" are two people.
OFFICES = {"president", "minister", "chancellor", "secretary", "senator", "governor", "mayor", "premier", "speaker",
           "ambassador", "treasurer", "judge", "justice", "prosecutor", "sheriff", "congressman", "congresswoman",
           "representative", "commissioner", "pope", "king", "queen"}
# Words after "who"/"which" that make it the clause's subject: auxiliaries, adverbs, common past forms.
RELATIVE_VERBS = {"has", "had", "is", "was", "are", "were", "will", "would", "also", "often", "later", "then", "last",
                  "took", "spent", "wrote", "writes", "sent", "came", "made", "gave", "led", "runs", "ran", "now"}
# A party and state between a name and what follows it: " (R-Ky.), ", ", Republican of Iowa, ".
PARTY_ASIDE = re.compile(r"\s*\([^()]{1,20}\)\s*,\s*|,\s+(?:a\s+)?(?:Republican|Democrat|Democratic|independent)\s+"
                         r"(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s*")
# "For someone who ...", "As a man who ...": an opening phrase about the subject of the clause after it.
OPENING_SOMEONE = re.compile(r"(?:^|[.!?]\s+|\n)(?:For|As|Like|Unlike)\s+(?:someone|somebody|a\s+(?:man|woman|candidate|"
                             r"politician|person))\s+$")
# Words before a role that make it anyone's who held it.
QUANTIFIERS = {"every", "each", "any", "no"}
# Past this size a text is not one article (a long feature is under 100,000 characters): only its
# first part is attributed, so that a runaway input costs a bounded time.
MAX_CHARS = 200_000
# More quotation marks than any article has: past this many the rest are markup or noise.
MAX_MARKS = 1_000


def _marks(text: str, headline: bool = False) -> list[Marked]:
    if headline or not (any(ch in text for ch in DOUBLE_MARKS) or "''" in text):
        doubles = find_double(text)
        singles = find_single(text)
        taken = [(m.open_at, m.close_at) for m in doubles]
        singles = [m for m in singles if not any(a <= m.open_at <= b for a, b in taken)]
        return sorted(doubles + singles, key=lambda m: m.open_at)
    return find_double(text)


class Resolver:
    """Maps a subject phrase to a canonical speaker, article-wide."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.speakers: set[int] = set()
        self.quoted: Counter[int] = Counter()
        self.by_id: dict[int, Entity] = {}

    def resolve(self, text: str, start: int, end: int, in_body: bool = True) -> tuple[str | None, Entity | None]:
        name, entity = self._resolve(text, start, end, in_body)
        if in_body and entity is not None and entity.kind == "person" and text[start:end].lower().startswith("the ") \
                and not self.people.mentions_in(start, end):
            # "the retired neurosurgeon told ... The former Republican presidential candidate continued": a
            # description that speaks is who the next one goes on about, as a name would be
            self.people.add_pronoun(start, end, entity)
        return name, entity

    def _resolve(self, text: str, start: int, end: int, in_body: bool = True) -> tuple[str | None, Entity | None]:
        phrase = text[start:end].strip()
        if not phrase:
            return None, None
        words = re.findall(r"[\w.’'\-]+", phrase)
        low = [w.lower() for w in words]
        people = self.people
        if low[0] in ("who", "which") and in_body and (len(words) == 1 or _relative_subject(words, low)):
            # "who said" / "who took to the talk shows": the relative pronoun is the clause's subject and stands
            # for the name right before it
            earlier = people.mentions_before(start)
            if earlier and start - earlier[-1].end <= 3 and (low[0] == "which" or not _place_before(text, earlier[-1])):
                return self._name(earlier[-1].entity)
            if len(earlier) >= 2 and start - earlier[-1].end <= 3 and earlier[-2].entity.kind == "person" \
                    and re.fullmatch(r",?\s+(?:of|from)\s+", text[earlier[-2].end : earlier[-1].start]):
                # "Sen. Bernie Sanders of Vermont, who": the person the place is of
                return self._name(earlier[-2].entity)
            person = next((m for m in reversed(earlier) if m.entity.kind == "person"), None)
            if person is not None and PARTY_ASIDE.fullmatch(text, person.end, start):
                # "Rep. Thomas Massie (R-Ky.), who" / "Charles E. Grassley, Republican of Iowa, who": past the
                # party and state that stand between the person and the relative pronoun
                return self._name(person.entity)
            if low[0] == "who" and OPENING_SOMEONE.search(text, max(0, start - 40), start):
                # "For someone who conceded ... that she's "not a natural politician," Hillary Clinton had a good
                # night": the opening phrase describes the main clause's subject, named after it
                sentence_end = people.sentences.span(people.sentences.index(start))[1]
                after = next((m for m in people.mentions_in(end, sentence_end) if m.entity.kind == "person"
                              and not people.quoted_at(m.start)), None)
                return self._name(after.entity) if after is not None else (None, None)
            return None, None
        who_at = low.index("who", 1) if "who" in low[1:-1] else -1
        if who_at > 0 and in_body and _relative_subject(words[who_at:], low[who_at:]):
            # "officials who spoke with The Huffington Post": the noun the relative clause qualifies speaks
            cut = re.search(r"\s+who\b", text[start:end])
            if cut is not None:
                return self.resolve(text, start, start + cut.start(), in_body)
        if "which" in low[:-1]:
            rest = low[len(low) - 1 - low[::-1].index("which") + 1 :]
            if rest[0] in DETERMINERS_AND_POSSESSIVES or rest[0] in ("some", "many", "most") or \
                    words[len(low) - len(rest)][:1].isupper():
                # "the ruling, which the law lords said": the relative clause's own subject speaks
                at = start + list(re.finditer(r"\bwhich\b", text[start:end], re.IGNORECASE))[-1].end()
                while at < end and text[at].isspace():
                    at += 1
                return self.resolve(text, at, end, in_body)
        if "and" in low[2:-1] and low[0] in ("the", "a") and low[low.index("and", 2) - 1] in ROLE_NOUNS \
                and low[-1] in ROLE_NOUNS:
            first, second = role_key(low[low.index("and", 2) - 1]), role_key(low[-1])
            if first in OFFICES and second in OFFICES and first != second \
                    and text[end : end + 8].split()[:1] not in (["has"], ["is"], ["was"], ["says"]):
                # "The prime minister and chancellor faced ...": two offices no one holds at once are two people
                return None, None
            # "the Florida senator and Republican presidential candidate": one person's two roles, the first
            # tells who
            cut = re.search(r"\s+and\s+", text[start:end])
            if cut is not None:
                name, entity = self.resolve(text, start, start + cut.start(), in_body)
                if in_body and entity is not None and entity.kind == "person":
                    entity.add_role(text[start + cut.end() : end])
                return name, entity
        if len(words) == 2 and low[0] == "the" and adjectival(words[1]):
            # "The American said": someone the article named, but the last person named is as often the
            # opponent; no name beats a wrong one
            return None, None
        subject = trailing_pronoun(words, low)
        if subject is not None and len(words) > 1:
            # "which he" / "he appeared" / "TV programmes they": a fragment around the pronoun that speaks
            found = list(re.finditer(rf"\b{words[subject]}\b", text[start:end]))
            at = start + found[-1].start()
            return self.resolve(text, at, at + len(words[subject]), in_body)
        if len(words) == 1 and low[0] in PRONOUNS:
            if low[0] in ("i", "we"):
                return None, None
            offset = start if in_body else len(people.text)
            entity = people.resolve_pronoun(low[0], offset)
            if entity is not None and in_body and low[0] in ("he", "she") and people.out_of_reach(entity, offset):
                return None, None
            if entity is not None and in_body:
                people.add_pronoun(start, end, entity)
            return self._name(entity)
        cut = _after_person_noun(words, low)
        if in_body and cut:
            # "The Florida senator sought to calm ...": the subject ends at its head noun, the verb after it
            # belongs to the clause
            return self.resolve(text, start, start + offset_after(text[start:end], words, cut), in_body)
        entity = self._named(text, start, end) if in_body else self._by_name(words)
        if entity is None and in_body and len(words) == 1 and words[0][:1].isupper():
            # "Will said", "From added": a surname that is also a common word, of a person named in full
            owner = people.surname_owner(words[0])
            if owner is not None:
                return self._name(owner)
        if in_body and (entity is None or entity.name.lower() in TITLE_WORDS) and words[0][:1].isupper() \
                and low[0] not in DETERMINERS_AND_POSSESSIVES and low[0] not in INDEFINITES \
                and words[-1].lower().rstrip(".") in TITLE_WORDS | {w.rstrip(".") for w in ROLE_NOUNS}:
            # "Former" / "former Pennsylvania Gov." cut before the name they title: the name right after
            following = people.name_right_after(end)
            if following is not None:
                return self._name(following)
        if in_body and entity is not None and entity.kind == "person" and possessor(text, start, end, people):
            # "Clinton's introducer, actress Jamie Lee Curtis", "Sanders's hometown Burlington Free Press": the
            # possessor is not who speaks
            other = people.named_in_apposition_after(end, titled=True) or next(
                (m.entity for m in people.mentions_in(start, end) if m.entity is not entity
                 and m.entity.kind == "person" and m.start > people.mentions_in(start, end)[0].end), None)
            if other is not None:
                return self._name(other)
        if in_body and entity is not None and entity.kind == "person" and (low[0] in INDEFINITES | {"another"} or (
                low[0] == "the" and (low[-1] in BACKERS or low[-1] in AIDES))) \
                and words[-1].islower() and (low[-1] in ROLE_NOUNS or low[-1] in PERSON_NOUNS or low[-1] in BACKERS) \
                and role_key(low[-1]) not in ("spokesman", "representative") \
                and all(m.end < end - len(words[-1]) for m in people.mentions_in(start, end)):
            # "State Sen. Lee Bright (R), another early Cruz supporter, suggested": the name qualifies the head
            # noun; who speaks is the person the phrase stands beside, else someone unnamed ("a senior Cruz
            # adviser"); a spokesman speaks for whom he names
            named = people.named_in_apposition(start) or people.named_in_apposition_after(end)
            if named is None and low[0] == "the":
                # "the senior Cruz adviser said": the adviser the article named before, if any, never Cruz
                named = people.resolve_role(phrase, start)
            return self._name(named) if named is not None and named is not entity else (None, None)
        if entity is not None and entity.kind != "person" and len(words) == 1 and in_body \
                and people.before_common_noun(end):
            # "UK interest rates are ...": the name qualifies the subject, whose head lies past the phrase
            return None, None
        if in_body and low[0] == "the" and low[-1] in PERSON_NOUNS and opens_clause(text, start) \
                and not any(w.endswith(("’s", "'s")) for w in low):
            # "it was Trump who ... Appearing on CBS, the GOP front-runner said": the person just named
            person = people.named_just_before(start, phrase, None, any_role=True)
            if person is not None:
                return self._name(person)
        head = head_length(words, low)
        head_end = start + offset_after(text[start:end], words, head)
        if entity is not None and entity.kind != "person" and low[-1] in MEDIA_NOUNS:
            # "the People's Daily newspaper", "the Reuters news agency": the name is the noun's
            title = words[1 if low[0] in DETERMINERS_AND_POSSESSIVES else 0 : -1]
            if len(title) > 1 and all(w[:1].isupper() for w in title) \
                    and title[0].lower().replace("’", "'") in ("people's", "children's", "women's", "men's"):
                # a common noun's possessive inside the title splits it in two names: "People's" + "Daily" (not
                # "Uganda's New Vision newspaper", which is New Vision)
                return " ".join(title), entity
            return self._name(entity)
        if in_body and entity is not None and entity.kind != "person" and low[-1] in DOCUMENT_NOUNS \
                and self._modifies(text, start, head_end):
            # "a Pentagon readout", "the White House statement": who issued it says it
            return self._name(entity)
        if entity is not None and entity.kind != "person" \
                and common_head(words[:head], low[:head],
                                  adjectival(entity.name) or entity.kind == "organisation" and not people.acts(entity)) \
                and (not in_body or self._modifies(text, start, head_end)):
            # "German politicians" / "The UK's biggest mortgage lender": the head is the common noun, the name
            # before it only qualifies it
            return strip_determiner(text[start:head_end].strip() if in_body else phrase), None
        if entity is not None and len(words) == 1 and entity.mentions <= 1 and low[0].endswith("ing") \
                and entity.kind != "person" and in_body and people.sentence_first(start):
            # "Having ..., X said" / "Responding to ...": an opening participle that named no one
            return None, None
        if entity is not None and entity.kind == "other" and len(words) <= 2 and words[-1][:1].isupper():
            # a bare name that speaks is someone ("Wines said"), not a place
            entity.kind = "person"
            entity.by_speech = True
        if in_body and low[-1] == "campaign" and len(words) <= 4 and words[-1].islower():
            # "the Sanders campaign", "Sanders’ campaign", "his campaign": the candidate's campaign, an
            # organisation named after its candidate
            owner = entity if entity is not None and entity.kind == "person" else None
            if owner is None and len(words) == 2 and low[0] in ("his", "her"):
                owner = people.resolve_pronoun("he" if low[0] == "his" else "she", start)
                owner = owner if owner is not None and is_first_name(owner.tokens[0]) else None
            if owner is not None:
                return f"{owner.name} campaign", None
        if entity is not None and entity.kind == "person" and not (
                in_body and any(w in ROLE_NOUNS for w in low) and possessor(text, start, end, people)):
            return self._name(entity)
        if in_body and any(w in ROLE_NOUNS for w in low):
            named = people.named_in_apposition_after(end)
            if named is not None:
                # "Rubio’s deputy campaign manager, Rich Beeson, said": the name the role stands beside
                return self._name(named)
        if in_body and (low[0] in ("the", "a", "an") or words[0].islower()) and any(w in ROLE_NOUNS for w in low):
            named = people.named_in_apposition(start)
            if named is not None:
                # "Jean-Marc Ayrault, the foreign minister of France, said": the name the role stands beside
                return self._name(named)
        if any(w in ROLE_NOUNS and word.islower() and nxt in ("at", "of", "for", "with")
               for word, w, nxt in zip(words, low, low[1:], strict=False)):
            # "an economist at Global Insight" is someone at the organisation, not the organisation; "a
            # spokesman for the Treasury" speaks for it
            if entity is not None and entity.kind == "organisation" and any(role_key(w) == "spokesman" for w in low):
                return self._name(entity)
            return None, None
        if any(w in ROLE_NOUNS for w in low) and not (in_body and possessor(text, start, end, people)):
            # "Chancellor Gordon Brown's closest ally" is not the chancellor
            role_entity = self._role_holder(phrase, low, start, in_body)
            if role_entity is not None:
                if in_body and len(words) > 1 and not re.search(r"[.!?]\s", phrase):
                    # a mention cut across a sentence end ("20m. The first minister") is no role
                    role_entity.add_role(strip_determiner(phrase))
                return self._name(role_entity)
        if entity is not None and entity.kind == "organisation" and low[-1] in ROLE_NOUNS \
                and role_key(low[-1]) not in ("spokesman", "representative", "official"):
            # "The GOP nominee", "the party chairman": someone in the organisation, whom the article leaves unnamed
            return None, None
        if entity is not None and (entity.kind == "organisation" or not any(w in ROLE_NOUNS for w in low)):
            return self._name(entity)
        description = noun_phrase_of(phrase)
        if description is None:
            return None, None
        described = description.lower().split()
        if len(described) == 1 and (described[0] in NOT_NAMES or opening_participle(text, end)):
            # "This said" / "Responding to the claim, ...": a determiner or participle names no one
            return None, None
        if any(w in ROLE_NOUNS for w in described):
            # "the prime minister" whom the article never names: no name beats a description as a name
            return None, None
        if in_body and low[0] == "the" and AGE.fullmatch(described[-1]):
            # "the 34-year-old said": the person just named
            person = people.named_just_before(start, "", None, any_role=True)
            return self._name(person) if person is not None else (None, None)
        if in_body and low[0] == "the" and opens_clause(text, start) and described[-1].endswith(PERSON_SUFFIXES) \
                and (len(described[-1]) > 6 or people.speech_after(end)):
            # "the retired neurosurgeon told REVOLT TV": a description that speaks right after a person is named
            person = people.named_just_before(start, phrase, None, any_role=True)
            if person is not None:
                return self._name(person)
        if in_body and len(described) == 1 and described[0] in ORG_ANAPHORS and low[0] == "the":
            organisation = people.organisation_called(described[0], start)
            if organisation is not None:
                return self._name(organisation)
            named = people.described_earlier(described[0], start)
            if named is not None:
                return named, None
        return description, None

    def _role_holder(self, phrase: str, low: list[str], start: int, in_body: bool) -> Entity | None:
        """The person a role phrase names: whoever the article gives that role, else the person named just
        before it, else the next person named with that title."""
        people = self.people
        before = people.text[max(0, start - 8) : start].split()[-1:] if in_body else []
        if low[0] in QUANTIFIERS or before and before[0].lower() in QUANTIFIERS:
            # "Every recent GOP nominee": anyone who held the role, no one in particular
            return None
        found = people.resolve_role(phrase, start if in_body else len(people.text))
        if found is not None or not in_body:
            return found
        heads = [w for w in low if w in ROLE_NOUNS]
        gender = next((ROLE_GENDER[w] for w in heads if w in ROLE_GENDER), None)
        if low[0] in INDEFINITES:
            # "a spokesman", "one longtime adviser": someone new, named, if at all, in the same sentence
            return people.next_titled_person(start, phrase, within=0)
        if low[0] in DETERMINERS_AND_POSSESSIVES and low[0] not in ("the", "that") \
                or any(w.endswith(("’s", "'s")) for w in low):
            # "his lawyer", "the band's manager": someone else than the person just named; only a name after it
            # says who
            return people.next_titled_person(start, phrase)
        if low[-1] not in ROLE_NOUNS or not opens_clause(people.text, start):
            # "The judge in the case", "Every activist I spoke": a longer phrase, or a fragment, is no role
            # standing for the person just named; nor is one inside a clause ("seen as the prime minister's
            # turf"), where the sentence's subject is someone else
            return people.next_titled_person(start, phrase)
        return people.named_just_before(start, phrase, gender) or people.next_titled_person(start, phrase)

    def _modifies(self, text: str, start: int, end: int) -> bool:
        """Whether every name in the phrase comes before its last word, so it only qualifies the head."""
        mentions = self.people.mentions_in(start, end)
        head_at = start + text[start:end].rstrip().rfind(" ") + 1
        if not mentions or mentions[-1].end >= head_at:
            return False
        after = mentions[-1].end
        # "Labour cannot be trusted" is a clause; "Labour campaign chiefs" and "UK's biggest lender" qualify a noun
        return text[after : after + 2] in ("'s", "’s") or text[after : after + 1] == " " \
            and not self.people.verb_after(after) and text[after + 1 : after + 2].islower()

    def _named(self, text: str, start: int, end: int) -> Entity | None:
        """The entity a phrase names: its first person before any "of"/"at" ("Meenakshi Ganguly of
        Human Rights Watch"), else the last name in it."""
        mentions = self.people.mentions_in(start, end)
        if not mentions:
            # "Theresa" cut from "Theresa May said": the name that starts where the phrase does
            mention = self.people.mention_at(start)
            return mention.entity if mention is not None else None
        person = None
        for mention in mentions:
            if re.search(r"\b(?:of|at|for|with|and)\b", text[start : mention.start]) and person is not None:
                break
            if mention.entity.kind == "person":
                # the head of "Clinton campaign spokesman Brian Fallon" is the last name in it
                person = mention.entity
        return person or mentions[-1].entity

    def _by_name(self, words: list[str]) -> Entity | None:
        names = [w.rstrip(".") for w in words if w[:1].isupper()]
        for size in range(len(names), 0, -1):
            entity = self.people.by_name.get(" ".join(names[-size:]).lower().removesuffix("’s").removesuffix("'s"))
            if entity is not None:
                return entity
        return None

    def _name(self, entity: Entity | None) -> tuple[str | None, Entity | None]:
        if entity is None:
            return None, None
        self.speakers.add(id(entity))
        if entity.kind == "person":
            self.quoted[id(entity)] += 1
            self.by_id[id(entity)] = entity
        return entity.name, entity

    def main_speaker(self) -> Entity | None:
        """The person the article quotes most: who a headline's "top envoy says" most likely is."""
        if not self.quoted:
            return None
        return self.by_id[self.quoted.most_common(1)[0][0]]


def _relative_subject(words: list[str], low: list[str]) -> bool:
    """Whether "who"/"which" opening ``words`` is its clause's subject: a verb or an adverb follows it, not a
    subject of its own ("who he", "which the paper", "who U.S. officials")."""
    follow = low[1] if len(low) > 1 else ""
    return bool(follow) and words[1][:1].islower() and (
        follow.endswith(("ed", "ly")) or follow in RELATIVE_VERBS or speech_lemma(follow) is not None)


def _place_before(text: str, mention) -> bool:
    """Whether a name is a place after a preposition or a comma ("Sanders of Vermont, who", "Philadelphia,
    Pa., who"), which "who" does not stand for."""
    return mention.entity.kind == "other" and (
        text[max(0, mention.start - 6) : mention.start].split()[-1:] in (["of"], ["from"], ["in"])
        or text[max(0, mention.start - 2) : mention.start] == ", ")


def _after_person_noun(words: list[str], low: list[str]) -> int:
    """How many words a subject has up to a role or person noun that a lowercase verb follows, or 0."""
    for index, word in enumerate(low[:-1]):
        follow = low[index + 1]
        if (word in ROLE_NOUNS or word in PERSON_NOUNS or word.endswith(PERSON_SUFFIXES) and len(word) > 6) \
                and words[index + 1].islower() \
                and follow.isalpha() \
                and not any(w[:1].isupper() for w in words[index + 1 :]) and verb_form(follow):
            return index + 1
    return 0


def _quote_record(text: str, item: Found, field: str, speaker: str | None, mention: Span | None,
                  date: str | None) -> Quote:
    mark = item.mark
    cue = None
    if item.cue is not None:
        cue = Cue(text[item.cue.start : item.cue_text_end], item.cue.start, item.cue_text_end, item.lemma or "")
    return Quote(kind=item.kind, field=field, start=mark.start, end=mark.end, quote=mark.words(text),
                 speaker=speaker, mention=mention, cue=cue, addressee=item.addressee, date=date)


def attribute_text(text: str, *, published: str | None = None, title: str | None = None,
                   standfirst: str | None = None) -> Attribution:
    if not text.strip() and not title and not standfirst:
        return Attribution()
    if len(text) > MAX_CHARS:
        cut = max(text.rfind("\n", 0, MAX_CHARS), text.rfind(" ", 0, MAX_CHARS))
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    people = build_people(text)
    resolver = Resolver(people)
    finder = QuoteFinder(text, people.sentences, people.tokens)
    marks = _marks(text)[:MAX_MARKS]
    people.set_quoted([(m.start, m.end) for m in marks])
    people.add_described_roles()
    candidates = finder.find(marks)
    found = merge_continuations(text, candidates)
    for item in found:
        opening_participle_cue(text, people.sentences.starts[people.sentences.index(item.mark.open_at)], item)
    taken = [(f.mark.open_at, f.mark.close_at + 1) for f in found]
    reported = []
    if find_reported is not None:
        reported = find_reported(text, taken)
        kept = {piece for f in found for piece in f.mark.pieces}
        found += continued_reports(text, [f for f in candidates if f.cue is None and f.mark.pieces[0] not in kept],
                                    reported)

    events: list[tuple[int, str, object]] = [(f.subject[0] if f.subject else f.mark.start, "q", f) for f in found]
    events += [(r.source_start if r.source_start >= 0 else r.cue_start, "r", r) for r in reported]
    events.sort(key=lambda e: e[0])
    quotes: list[Quote] = []
    for _, what, item in events:
        if what == "q":
            quotes.append(_direct(text, item, resolver, people, published))
        else:
            quote = _indirect(text, item, resolver, people, published)
            if quote is not None:
                quotes.append(quote)
    quotes.sort(key=lambda q: q.start)
    for field, field_text in (("title", title), ("standfirst", standfirst)):
        if field_text:
            quotes.extend(_headline_quotes(field, field_text, resolver, published))
    return Attribution(quotes=tuple(quotes), people=people.people(resolver.speakers))


def _direct(text: str, item: Found, resolver: Resolver, people: People, published: str | None) -> Quote:
    speaker, mention = None, None
    if item.subject is not None:
        s, e = item.subject
        speaker, _ = resolver.resolve(text, s, e)
        mention = Span(text[s:e], s, e)
    lo = hi = item.mark.start
    if item.cue is not None:
        lo, hi = item.cue.start, item.cue_text_end
    if item.subject is not None:
        lo, hi = min(lo, item.subject[0]), max(hi, item.subject[1])
    date = statement_date(clause_text(text, people, lo, hi, item.mark.pieces),
                          item.cue.text if item.cue is not None else None, published) if published else None
    return _quote_record(text, item, "text", speaker, mention, date)


def _indirect(text: str, item, resolver: Resolver, people: People, published: str | None) -> Quote | None:
    cs, ce = item.content_start, item.content_end
    if not (0 <= cs < ce <= len(text)):
        return None
    speaker, mention = None, None
    if 0 <= item.source_start < item.source_end <= len(text):
        speaker, _ = resolver.resolve(text, item.source_start, item.source_end)
        mention = Span(text[item.source_start : item.source_end], item.source_start, item.source_end)
    cue = None
    if 0 <= item.cue_start < item.cue_end <= len(text):
        cue = Cue(text[item.cue_start : item.cue_end], item.cue_start, item.cue_end, item.cue_lemma)
    addressee = None
    if 0 <= item.addressee_start < item.addressee_end <= len(text):
        addressee = text[item.addressee_start : item.addressee_end]
    elif item.cue_lemma == "tweet":
        addressee = "Twitter"
    lo = hi = item.cue_start if item.cue_start >= 0 else cs
    if item.cue_start >= 0:
        hi = item.cue_end
    if item.source_start >= 0:
        lo, hi = min(lo, item.source_start), max(hi, item.source_end)
    date = statement_date(clause_text(text, people, lo, hi, ((cs, ce),)), cue.text if cue is not None else None,
                          published, clause_text(text, people, lo, hi)) if published else None
    return Quote(kind="indirect", field="text", start=cs, end=ce, quote=text[cs:ce], speaker=speaker,
                 mention=mention, cue=cue, addressee=addressee, date=date)


def _headline_quotes(field: str, field_text: str, resolver: Resolver, published: str | None) -> list[Quote]:
    """Quotes in a title or standfirst, whose speakers are the body's people ("top envoy says")."""
    from saywho.attribution.text import Sentences

    finder = QuoteFinder(field_text, Sentences(field_text))
    out = []
    for item in merge_continuations(field_text, finder.find(_marks(field_text, headline=True)[:MAX_MARKS])):
        speaker, mention = None, None
        if item.subject is not None:
            s, e = item.subject
            speaker, entity = resolver.resolve(field_text, s, e, in_body=False)
            mention = Span(field_text[s:e], s, e)
            words = field_text[s:e].lower().split()
            if entity is None and any(w in ROLE_NOUNS for w in words) and resolver.main_speaker() is not None:
                speaker = resolver.main_speaker().name
        out.append(_quote_record(field_text, item, field, speaker, mention, None))
    return out


__all__ = ["attribute_text", "speech_lemma"]
