"""Who is who in one article: name mentions, the people table, and resolving a mention
("he", "Mr Antonov", "the envoy", "AP") to the fullest name the article gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from saywho.attribution.antecedents import Antecedents
from saywho.attribution.lexicon import (
    AFFILIATIONS,
    COPULAS,
    EVENT_WORDS,
    HONORIFICS,
    LOCATIVES,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_GENDER,
    ROLE_NOUNS,
    ROLE_VERBS,
    US_PLACES,
    VERBISH,
    core_lemma,
    no_modal_form,
    speech_lemma,
    surname_modal,
)
from saywho.attribution.names import (
    DESCRIPTOR,
    DETERMINERS,
    LOOKBACK,
    Entity,
    NameMention,
    acronym,
    first_name_gender,
    is_first_name,
    is_name_token,
    is_particle_surname,
    misspells_name,
    name_words,
    newspaper_day,
    particles_at,
    spelled_out,
    sure_gender,
    surname_forms,
    surname_of,
    title_inside,
)
from saywho.attribution.text import Sentences, Token, tokenize
from saywho.attribution.titles import TITLE_WORDS, Titles
from saywho.records import Person

_start = attrgetter("start")
# Last words of a spelled-out name that make it a thing, not a body: "Affordable Care Act (ACA)".
THING_WORDS = {"act", "bill", "law", "treaty", "agreement", "accord", "plan", "program", "programme", "system",
               "index", "standard", "protocol", "game", "games"}

# "a terrorist group known as Ansar al-Sharia", "Al Qaeda affiliate Ansar al-Sharia": a group's name, even one that
# opens with a first name.
GROUP_NAMED = re.compile(r"\b(?:(?:group|organi[sz]ation|militia|movement|network|faction)\s+(?:known\s+as|called|"
                         r"named)|affiliate)\s+$")
# Endings of words for a people ("Israeli", "Scottish", "Canadian", "Chinese"): two capitalised words with one of
# them before a noun ("Arab Israeli lawmakers") qualify it, no person's name.
DEMONYM_ENDINGS = ("ian", "ish", "ese", "ican", "eli", "ani", "aqi", "udi")
# First names that are also words no name opens with: a modal and months.
FIRST_NAME_WORDS = {"will", "april", "may", "june", "august"}
# Words before a month that make it a date, not a first name: "in May Trump said".
TIME_BEFORE = {"in", "on", "of", "since", "until", "by", "last", "next", "early", "late", "mid", "during", "from",
               "through", "before", "after", "this", "that", "each", "every", "till", "to", "and", "or"}
# Last words of a programme named after its host.
PROGRAMME_WORDS = {"show", "program", "programme", "hour", "podcast"}
# Function words of five letters or more that a title-case headline may leave lowercase.
TITLE_CASE_SMALL = {"about", "above", "after", "against", "among", "before", "below", "between", "during", "inside",
                    "outside", "since", "through", "toward", "towards", "under", "until", "versus", "within",
                    "without"}
# "George Will", "Al From", "Theresa May": a word that is no name alone may be a surname after a first name,
# but not these, and not a modal before its verb ("John will meet").
NOT_SURNAMES = {"and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "is", "was", "said", "says",
                "i", "we", "you", "he", "she", "it", "they", "if", "when", "as", "so", "not", "no"}
MODALS = {"will", "may", "can", "must", "might", "shall", "could", "would", "should"}


class People(Titles, Antecedents):
    """The article's people and organisations, built in one pass, and the resolver over them."""

    def __init__(self, text: str, sentences: Sentences, tokens: list[Token]) -> None:
        self.text = text
        self.sentences = sentences
        self.tokens = tokens
        self.entities: list[Entity] = []
        self.by_name: dict[str, Entity] = {}
        self.mentions: list[NameMention] = []
        self.quoted: list[tuple[int, int]] = []
        self.quoted_starts: list[int] = []
        self._agents: dict[int, tuple[bool, bool]] | None = None
        self.asides: list[tuple[int, int, bool]] | None = None
        self._scan()

    def _scan(self) -> None:
        toks = self.tokens
        i, n = 0, len(toks)
        last_sentence = -1
        headline_cache: dict[int, bool] = {}
        while i < n:
            tok = toks[i]
            if not (is_name_token(tok) or newspaper_day(toks, i) or self._first_name_word(i)) or tok.text in ("“", "”"):
                if i + 1 < n and surname_modal(tok.text, toks[i + 1].text):
                    owner = self._surname_owner(tok.text)
                    if owner is not None:
                        # "Will called for ...": the surname of George Will, named in full before
                        sentence = self.sentences.index(tok.start)
                        self.mentions.append(NameMention(tok.start, tok.end, owner, sentence, sentence != last_sentence))
                        last_sentence = sentence
                        owner.mentions += 1
                i += 1
                continue
            j = i + 1
            while j < n and toks[j].start - toks[j - 1].end <= 1 and (
                is_name_token(toks[j]) or particles_at(toks, j)
                or (toks[j].capitalised and toks[j].lower in NOT_NAMES and toks[j].lower.isalpha()
                    and is_first_name(toks[j - 1].text) and not (j + 1 < n and toks[j + 1].capitalised)
                    and toks[j].lower not in DETERMINERS and toks[j].lower not in NOT_SURNAMES
                    and not (toks[j].lower in MODALS and j + 1 < n and toks[j + 1].text.islower()
                             and not no_modal_form(toks[j + 1].lower)))
                or (toks[j].lower in ("of", "for") and j + 1 < n and toks[j + 1].capitalised
                    and toks[j + 1].lower not in NOT_NAMES and any(t.lower in ORG_WORDS for t in toks[i:j]))
            ) and not toks[j - 1].text.endswith(("’s", "'s")):
                # "Bank of England", "Chambers of Commerce": an organisation's name goes on past "of"
                j += 1
            run = toks[i:j]
            if len(run) >= 2 and tok.text.endswith("ed") and speech_lemma(tok.lower):
                # "Stated Stone:" / "Continued Stone:": an inverted cue opens the sentence, the name follows
                run = run[1:]
                i += 1
            if run[-1].lower in ROLE_NOUNS and all(t.lower in ROLE_NOUNS or t.lower in TITLE_WORDS for t in run) \
                    and not (i and toks[i - 1].lower in HONORIFICS) \
                    and not (len(run) == 1 and self._surname_owner(run[0].bare) is not None):
                # "Former Secretary (of State)", "The President said", "Prime Minister": a title, no one's name
                i = j
                continue
            sentence = self.sentences.index(tok.start)
            subject = sentence != last_sentence
            if subject:
                last_sentence = sentence
            title_words = title_inside(run)
            if not title_words and len(run) >= 2 and run[-2].lower in ROLE_NOUNS \
                    and self._surname_owner(run[-1].bare) not in (None, self.by_name.get(" ".join(t.bare for t in run).lower())):
                # "Police Chief Calvin Williams ... Chief Williams": a title before a known surname
                title_words = len(run) - 1
            if title_words:
                run = run[title_words:]
            described = 0
            while len(run) - described >= 2 and (DESCRIPTOR.search(run[described].text) or (
                    run[described].lower in AFFILIATIONS and DESCRIPTOR.search(run[described + 1].text))):
                # "Liberal Oscar-winner Sarandon": capitalised descriptions before the name are no part of it
                described += 1
            run = run[described:]
            title_words += described
            place = next((k for k in range(2, len(run) - 1) if run[k].lower in ("of", "for")), 0)
            if place and is_first_name(run[0].bare) and not any(t.lower in ORG_WORDS for t in run[:place]):
                # "Senate Minority Whip Richard J. Durbin of Illinois": the name ends before the place it is of
                run, j = run[:place], i + title_words + place
            if sentence not in headline_cache:
                headline_cache[sentence] = self._is_headline(sentence)
            if headline_cache[sentence] and " ".join(t.bare for t in run).lower() not in self.by_name \
                    and not (len(run) == 2 and i == self._sentence_first(sentence) and is_first_name(run[0].text)
                             and toks[j].text in (":", ",") if j < n else False):
                # a title-case headline's capitals mark no names, except a "Cecile Richards:" credit opening it
                i = j
                continue
            entity = self._entity_for(run, i + title_words, toks[i : i + title_words])
            if entity is not None:
                start, end = run[0].start, run[-1].end
                if run[-1].text.endswith(("’s", "'s")):
                    end -= 2
                self.mentions.append(NameMention(start, end, entity, sentence, subject))
                entity.mentions += 1
            i = j

    def _first_name_word(self, i: int) -> bool:
        """"said Will Doyle", "spokeswoman April Mellody": a first name that is also a word ("will", "April")
        opens a name when it is capitalised inside a sentence, right before a name, and no time phrase's."""
        toks = self.tokens
        tok = toks[i]
        if not (tok.capitalised and tok.lower in FIRST_NAME_WORDS and i + 1 < len(toks)):
            return False
        after, before = toks[i + 1], toks[i - 1].lower if i else ""
        return is_name_token(after) and after.start - tok.end == 1 and not self.sentence_first(tok.start) \
            and before not in TIME_BEFORE and not before[:1].isdigit() and before not in ("“", "\"", "(")

    def sentence_first(self, offset: int) -> bool:
        """Whether ``offset`` is where its sentence starts, but for opening marks."""
        start = self.sentences.starts[self.sentences.index(offset)]
        return not self.text[start:offset].strip(" \n\t\"“‘'(")

    def _sentence_first(self, sentence: int) -> int:
        """The index of the sentence's first token."""
        return bisect_left(self.tokens, self.sentences.starts[sentence], key=_start)

    def _is_headline(self, sentence: int) -> bool:
        """A title-case line ("Warren Hammers Wells Fargo CEO") whose capitals do not mark names."""
        start, end = self.sentences.span(sentence)
        if self.text[:start].rstrip(" \t")[-1:] not in ("", "\n"):
            # a title stands on its own line; a sentence inside a paragraph may be full of names ("On Twitter,
            # Former Florida Gov. Jeb Bush called Trump ...")
            return False
        words = [w for w in self.text[start : min(end, start + 400)].split() if w[:1].isalpha()]
        if len(words) < 6:
            return False
        if any(w.islower() and len(w.strip(".,;:!?")) >= 5 and w.strip(".,;:!?") not in TITLE_CASE_SMALL for w in words):
            # title case leaves only short function words lowercase: "Former New York Gov. George Pataki is
            # endorsing John Kasich." is a sentence
            return False
        return sum(w[0].isupper() for w in words) >= 0.8 * len(words)

    def _entity_for(self, run: list[Token], index: int, title: list[Token] | None = None) -> Entity | None:
        words = name_words(run)
        if not words or not words[-1]:
            return None
        name = " ".join(words)
        lowers = [w.lower() for w in words]
        if len(words) >= 3 and lowers[-1] in PROGRAMME_WORDS and is_first_name(words[0]):
            # "The Rachel Maddow Show": a programme named after its host, whom a later "Maddow" means
            self._link(" ".join(words[:-1]), words[:-1], True, False)
            return self._link(name, words, False, False)
        if title:
            opening = index - len(title)
            while opening > 0 and self.tokens[opening - 1].capitalised and self.tokens[opening - 1].lower in TITLE_WORDS \
                    and self.tokens[opening - 1].lower not in DETERMINERS:
                # "First Minister Jack McConnell": a title word no name opens with is the title's
                opening -= 1
            role = self.text[self.tokens[opening].start : title[-1].end]
            gender = next((ROLE_GENDER[t.lower] for t in title if t.lower in ROLE_GENDER), None)
        else:
            gender, role = self._title_before(index)
        is_org = any(w in ORG_WORDS for w in lowers) or (len(name) >= 2 and name.isupper() and name.isalpha()) \
            or all(len(w) > 1 and w.isupper() and w.isalpha() for w in words) \
            or GROUP_NAMED.search(self.text, max(0, run[0].start - 40), run[0].start) is not None
        prev = self.tokens[index - 1].lower if index > 0 else ""
        if is_org and len(words) == 1 and not words[0].isupper() and prev not in DETERMINERS \
                and self._surname_owner(words[0]) is not None:
            # "Mayor Don Guardian ... Guardian said": the surname of a person named in full, not the newspaper
            is_org = False
        if is_org and len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and prev == "(" \
                and words[0].lower() not in self.by_name:
            # "Citizens for Responsibility and Ethics in Washington (CREW)": the name the acronym spells out
            spelled = spelled_out(self.text, self.tokens[index - 1].start, words[0])
            if spelled is not None:
                thing = spelled.rsplit(None, 1)[-1].lower() in THING_WORDS
                entity = self._link(spelled, spelled.split(), False, not thing)
                entity.spelled = True
                if entity.kind == "person":
                    # a name with an acronym is no person's, even one that opens with a first name ("Christian
                    # Medical Fellowship (CMF)")
                    entity.kind, entity.gender, entity.hint = "organisation", None, None
                self.by_name[name.lower()] = entity
                return entity
        if is_org and title and len(words) <= 3 and is_first_name(words[0]):
            # "Mayor Don Guardian": after a title, a first name and a surname are a person's
            is_org = False
        if is_org and len(words) >= 3:
            # "the House Newt Gingrich", "White House Press Secretary Josh Earnest": an institution's words
            # before a first name and a surname describe the person
            first = next((k for k in range(1, len(words) - 1) if is_first_name(words[k])), 0)
            if first and not any(w in ORG_WORDS for w in lowers[first:]) and words[-1][:1].isupper():
                words, name, lowers, is_org = words[first:], " ".join(words[first:]), lowers[first:], False
        if not is_org and len(words) >= 2 and lowers[0] in US_PLACES and (
                " ".join(lowers[1:]) in self.by_name or is_first_name(words[1]) or self.before_common_noun(run[-1].end)):
            # "Wisconsin Trump rally", "Texas Ted Cruz": the state qualifies the name
            words, name, lowers = words[1:], " ".join(words[1:]), lowers[1:]
        if not is_org and len(words) >= 3 and not is_first_name(words[0]):
            # "State John F. Kerry" (after "Secretary of"), "Labour MP Stephen Pound": the name starts at the
            # first name; the capitalised words before it describe the person
            first = next((k for k in range(1, len(words) - 1) if is_first_name(words[k])), 0)
            if first and not any(is_first_name(w) for w in words[:first]):
                described = words[:first]
                if described[-1].isupper() and described[-1].isalpha() or described[-1].lower() in ROLE_NOUNS:
                    role = role or " ".join(described)
                words, name, lowers = words[first:], " ".join(words[first:]), lowers[first:]
        if not is_org and len(words) >= 4:
            # "Tory MP Boris Johnson": an abbreviated title ("MP", "MEP", "CEO") before a first name ends the
            # description, whatever word opens it
            cut = next((k for k in range(len(words) - 2, 0, -1) if words[k].isupper() and words[k].isalpha()
                        and len(words[k]) <= 4 and is_first_name(words[k + 1])), 0)
            if cut:
                role = role or " ".join(words[: cut + 1])
                words, name, lowers = words[cut + 1 :], " ".join(words[cut + 1 :]), lowers[cut + 1 :]
        is_person = not is_org and (
            bool(role) or prev in HONORIFICS or (len(words) >= 2 and is_first_name(words[0]))
            or (2 <= len(words) <= 3 and lowers[0] not in PLACE_WORDS and words[-1].isalpha()
                and not any(w in PLACE_WORDS for w in lowers))
        )
        if (len(words) == 1 or len(words) == 2 and not is_first_name(words[0]) and any(
                w.endswith(DEMONYM_ENDINGS) for w in lowers) and getattr(self.by_name.get(lowers[0]), "kind", "") != "person") \
                and not is_org and not role and prev not in HONORIFICS and self.before_common_noun(run[-1].end):
            # "German politicians", "Recent data", "Arab Israeli lawmakers": capitalised words with no first name
            # before a noun qualify it
            is_person = False
        entity = self._link(name, words, is_person, is_org, gender, modifier=not is_person and len(words) == 1,
                            honorific=prev in HONORIFICS)
        if entity is None:
            return None
        if gender and entity.gender is None:
            entity.gender = gender
        if role:
            entity.add_role(role)
        after = index + len(run)
        appositive = self._appositive_after(after) or (
            not role and after < len(self.tokens) and self.tokens[after].text in (",", ".", ";", ":", ")")
            and self._appositive_before(index))
        if appositive and entity.kind == "person" and not self.dated_candidacy(appositive):
            entity.add_role(appositive)
        return entity

    def _link(self, name: str, words: list[str], is_person: bool, is_org: bool,
              gender: str | None = None, modifier: bool = False, honorific: bool = False) -> Entity | None:
        known = self.by_name.get(name.lower())
        if known is not None and not (gender and known.gender and known.gender != gender):
            return known
        if is_particle_surname(words):
            # "Van Bommel said" after Mark van Bommel: the family name with its particles
            owner = next((e for e in self.entities if e.kind == "person" and len(e.tokens) > len(words)
                          and [w.lower() for w in e.tokens[-len(words) :]] == [w.lower() for w in words]), None)
            if owner is not None:
                return owner
        if is_org:
            for entity in self.entities:
                if entity.kind == "organisation" and acronym(entity.name) == name:
                    self.by_name[name.lower()] = entity
                    return entity
            entity = Entity(name, kind="organisation", first=len(self.mentions))
            return self._add(entity, name)
        if len(words) == 1:
            if words[0].lower() in AFFILIATIONS:
                return None
            # after "Mr" a word is a surname; alone it may be the first name of a titled full name ("Xi")
            entity = self._surname_owner(words[0], gender, first_name=not honorific) or self._misspelt_owner(words[0])
            if entity is not None:
                return entity
            if known is not None:
                entity = Entity(name, kind="person", gender=gender, first=len(self.mentions))
                self.entities.append(entity)
                return entity
            if words[0].lower() in US_PLACES or modifier or (not is_person and not is_first_name(words[0])):
                entity = Entity(name, kind="other", first=len(self.mentions))
                return self._add(entity, name)
            entity = Entity(name, kind="person", first=len(self.mentions), hint=first_name_gender(words[0]))
            return self._add(entity, name)
        if not is_person:
            entity = Entity(name, kind="other", first=len(self.mentions))
            return self._add(entity, name)
        entity = Entity(name, kind="person", gender=sure_gender(words[0]), hint=first_name_gender(words[0]),
                        first=len(self.mentions))
        absorbed = self._absorb_surname(entity)
        if absorbed is not None:
            return absorbed
        return self._add(entity, name)

    def _add(self, entity: Entity, name: str) -> Entity:
        self.entities.append(entity)
        self.by_name[name.lower()] = entity
        return entity

    def _surname_owner(self, word: str, gender: str | None = None, first_name: bool = False) -> Entity | None:
        best = None
        for entity in self.entities:
            if gender and entity.gender and entity.gender != gender:
                continue
            if entity.kind == "person" and word in surname_forms(entity.name):
                if best is None or entity.mentions > best.mentions:
                    best = entity
        if best is None and first_name and word[:1].isupper():
            # "Chinese President Xi Jinping ... Xi said": a titled name whose family name comes first
            best = next((e for e in self.entities if e.kind == "person" and len(e.tokens) == 2 and e.tokens[0] == word
                         and e.roles and not (gender and e.gender and e.gender != gender)), None)
        return best

    def _misspelt_owner(self, word: str) -> Entity | None:
        """The one person named in full, by a first name, whose surname ``word`` misspells ("Arab Israeli" is
        no one's name that "Israel" misspells)."""
        found = {id(e): e for e in self.entities if e.kind == "person" and misspells_name(word, e.name)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _absorb_surname(self, entity: Entity) -> Entity | None:
        """A bare surname seen before its full name ("Trump ... Donald Trump") becomes the full name."""
        surname = surname_of(entity.tokens)
        bare = self.by_name.get(surname.lower())
        if bare is None or len(bare.tokens) != 1 or bare.tokens[0] != surname:
            return None
        if self._surname_owner(surname) is not None:
            return None
        if bare.gender and entity.gender and bare.gender != entity.gender:
            return None
        bare.name = entity.name
        bare.kind = "person"
        bare.gender = bare.gender or entity.gender
        bare.hint = bare.hint or entity.hint
        self.by_name[entity.name.lower()] = bare
        return bare

    def finish(self) -> None:
        """Merge bare surnames into a full name that appeared later, and an organisation's one-word short
        form into its full name ("the Commission" -> "European Commission", "Menatep" -> "Menatep Group")."""
        owners: dict[int, Entity] = {}
        for entity in self.entities:
            if len(entity.tokens) != 1:
                continue
            word = entity.tokens[0]
            owner = None
            if entity.kind in ("person", "other"):
                owner = self._surname_owner(word) or self._misspelt_owner(word)
            if owner is None and entity.kind in ("organisation", "other"):
                owner = self._organisation_owner(word)
            if owner is not None and owner is not entity:
                owner.mentions += entity.mentions
                owner.gender = owner.gender or entity.gender
                for role in entity.roles:
                    owner.add_role(role)
                entity.mentions = 0
                entity.name = owner.name
                entity.kind = "alias"
                self.by_name[word.lower()] = owner
                owners[id(entity)] = owner
        for mention_index, mention in enumerate(self.mentions):
            if mention.entity.kind == "alias" and id(mention.entity) in owners:
                self.mentions[mention_index] = NameMention(
                    mention.start, mention.end, owners[id(mention.entity)], mention.sentence, mention.subject,
                )

    def _organisation_owner(self, word: str) -> Entity | None:
        """The one organisation of two words or more whose name opens or ends with ``word``."""
        found = [e for e in self.entities if e.kind == "organisation" and len(e.tokens) >= 2 and not e.spelled
                 and word in (e.tokens[0], e.tokens[-1])]
        return found[0] if len(found) == 1 else None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The named entity whose mention lies inside [start, end), the last one if several."""
        found = None
        index = self._first_at(start)
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            if mention.end <= end:
                found = mention.entity
            index += 1
        return found

    def mentions_in(self, start: int, end: int) -> list[NameMention]:
        out = []
        index = self._first_at(start)
        while index < len(self.mentions) and self.mentions[index].start < end:
            if self.mentions[index].end <= end:
                out.append(self.mentions[index])
            index += 1
        return out

    def _first_at(self, offset: int) -> int:
        return bisect_left(self.mentions, offset, key=_start)

    def _modifier(self, mention: NameMention) -> bool:
        """Whether a name only qualifies the noun after it ("Obama's spokesman", "McConnell aide")."""
        if self.text[mention.end : mention.end + 2] in ("’s", "'s"):
            return True
        follow = self.text[mention.end : mention.end + 40].split()[:2]
        return bool(follow) and follow[0].lower() in ROLE_NOUNS and len(follow) > 1 and follow[1][:1].isupper()

    def _not_agent(self, mention: NameMention) -> bool:
        """Whether a name stands where no one acts: a place after "in"/"across" ("sales in the UK") or a
        modifier before a common noun ("the UK market", "TV licence", "ID cards")."""
        before = self.text[max(0, mention.start - 40) : mention.start].lower().split()
        if before and before[-1] == "the":
            before = before[:-1]
        if before and before[-1] in LOCATIVES:
            return True
        if before and before[-1] in ("and", "or") and any(w in LOCATIVES for w in before[-5:-1]):
            # "editions in Ireland and the UK": the second place of a pair
            return True
        if before and before[-1] in DETERMINERS | {"other", "another"}:
            # "its UK projects", "other UK actors": after a determiner the name opens a noun phrase
            follow = [w.rstrip(".,;:") for w in self.text[mention.end : mention.end + 30].split()[:1]]
            if follow and follow[0].isalpha() and follow[0].islower() and not self.verb_after(mention.end) \
                    and self.text[mention.end : mention.end + 1] == " " and follow[0] not in NOT_NAMES:
                return True
        return self.before_common_noun(mention.end)

    def acted(self, entity: Entity) -> bool:
        """Whether the article writes the organisation as a clause's subject at least once ("EMI said")."""
        return self._agency(entity)[0]

    def acts(self, entity: Entity) -> bool:
        """Whether the article ever writes the organisation as a clause's subject ("Wimpey said", "IBM has"),
        or at least not only as a place or a modifier ("in the UK", "UK housing", "TV licence")."""
        if any(word.lower() in ORG_WORDS for word in entity.tokens):
            # "the Economy Ministry", "Bank of Japan": an institution by its name
            return True
        acting, passive = self._agency(entity)
        return acting or not passive

    def _agency(self, entity: Entity) -> tuple[bool, bool]:
        """Whether any mention of the entity is a clause's subject, and whether any is a place or a modifier."""
        if self._agents is None:
            self._agents = {}
            for mention in self.mentions:
                acting, passive = self._agents.get(id(mention.entity), (False, False))
                if self._not_agent(mention) or self.text[mention.end : mention.end + 1] == "-":
                    passive = True
                elif self.verb_after(mention.end):
                    acting = True
                self._agents[id(mention.entity)] = (acting, passive)
        return self._agents.get(id(entity), (False, False))

    def verb_after(self, end: int) -> bool:
        follow = self.text[end : end + 30].split()[:1]
        if not follow or self.text[end : end + 1] != " ":
            return False
        word = follow[0].lower()
        # a copula says nothing: things are as well ("TV is a big part of life")
        return (word in VERBISH or word in ROLE_VERBS or word.endswith("ed") or core_lemma(word) is not None) \
            and word not in COPULAS

    def before_common_noun(self, end: int) -> bool:
        """Whether the word right after ``end`` is a lowercase word that is no verb: the name before it
        qualifies it."""
        follow = [w.rstrip(".,;:)") for w in self.text[end : end + 30].split()[:1]]
        if not follow or not follow[0].isalpha() or not follow[0].islower() or self.text[end : end + 1] != " ":
            return False
        word = follow[0]
        if word.endswith("s") and not word.endswith("ss") and word not in VERBISH and word not in NOT_NAMES:
            # "ID cards are", "UK firms." : a plural noun, which a verb, an end or "and" follows; a verb
            # ("BT plans to") takes its object or "to"
            after = self.text[end : end + 60].split()[1:2]
            return self.text[end + 1 + len(word) : end + 2 + len(word)] in (".", ",", ";", ":", ")") or bool(after) \
                and (after[0] in VERBISH or after[0] in ROLE_VERBS or after[0] in ("are", "were", "and", "or")
                     or after[0].endswith("ed"))
        return not (word in VERBISH or word in ROLE_VERBS or word in NOT_NAMES or word.endswith(("ed", "s"))
                    or core_lemma(word) is not None)

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """The stretches inside quotation marks, sorted by start."""
        self.quoted = sorted(spans)
        self.quoted_starts = [s for s, _ in self.quoted]

    def quoted_at(self, offset: int) -> bool:
        index = bisect_right(self.quoted_starts, offset) - 1
        return index >= 0 and offset < self.quoted[index][1]

    def mentions_before(self, offset: int) -> list[NameMention]:
        lo = self._first_at(offset)
        return self.mentions[max(0, lo - LOOKBACK) : lo]

    def mention_at(self, start: int) -> NameMention | None:
        """The name mention that starts at ``start``."""
        index = self._first_at(start)
        if index < len(self.mentions) and self.mentions[index].start == start:
            return self.mentions[index]
        return None

    def surname_owner(self, word: str) -> Entity | None:
        """The person named in full whose surname ``word`` is."""
        return self._surname_owner(word)

    def people(self, speakers: set[int]) -> tuple[Person, ...]:
        out = []
        seen = set()
        # a name met only inside quotation marks is part of someone's words ("the Fake News Media")
        outside = {id(m.entity) for m in self.mentions if not self.quoted_at(m.start)}
        for entity in self.entities:
            if not entity.name or entity.kind == "alias" or id(entity) in seen:
                continue
            seen.add(id(entity))
            if id(entity) not in speakers and (id(entity) not in outside or entity.tokens[-1].lower() in EVENT_WORDS):
                continue
            if entity.kind == "other" and id(entity) not in speakers:
                continue
            if entity.kind == "person" and id(entity) not in speakers and (
                    len(entity.tokens) < 2 or not (entity.gender or entity.roles or is_first_name(entity.tokens[0]))):
                # two capitalised words are not yet a person ("Aston Villa"): a first name, title or speech is
                continue
            kind = "person" if entity.kind == "person" else "organisation"
            out.append(Person(name=entity.name, kind=kind, roles=tuple(entity.roles),
                              gender=(entity.gender or entity.hint) if kind == "person" else None,
                              mentions=entity.mentions))
        return tuple(out)


def build_people(text: str) -> People:
    sentences = Sentences(text)
    people = People(text, sentences, tokenize(text))
    people.finish()
    return people
