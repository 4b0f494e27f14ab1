"""Names and the records of one article's people: first-name gender, surnames, role keys, and
the ``Entity``/``NameMention`` records the people table is built from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from saywho.attribution.lexicon import DAYS, HONORIFICS, NOT_NAMES, ORG_WORDS, ROLE_NOUNS, ROLE_SYNONYMS
from saywho.attribution.text import Token

# A hyphenated description ("Oscar-winner", "Texas-based"), not a double-barrelled name ("Lewis-Wolverton").
DESCRIPTOR = re.compile(r"-[a-z]")
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
CONNECTORS = {"de", "van", "von", "da", "di", "del", "der", "bin", "al", "la", "le", "dos", "du", "st."}
# Lowercase particles of a family name, one or more before it: "Ursula von der Leyen", "Oscar de la Renta",
# "Sophie in 't Veld" ("in" only before "'t", which is no particle of its own elsewhere).
PARTICLES = CONNECTORS | {"den", "ten", "ter", "della", "dei", "ibn", "el", "'t", "’t"}
APOSTROPHES = ("'", "’")
INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
# "al-Assad", "el-Qaddafi": a family name joined to an Arabic article or patronymic by a hyphen.
JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn)-(?=[A-Z])")
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that"}
LOOKBACK = 60
CONTRACTIONS = ("n’t", "n't", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "’m", "'m", "’d", "'d")
# Words that make an office another one: a prime minister is no aid minister.
PORTFOLIOS = {"prime", "foreign", "home", "finance", "defence", "defense", "health", "education", "culture", "trade",
              "interior", "justice", "environment", "transport", "energy", "aid", "economic", "treasury", "work",
              "pensions", "industry", "agriculture", "constitutional", "rural", "europe", "communications"}
# Title words that also open companies' and institutions' names.
NAME_PART_TITLES = {"general", "justice", "chief", "head", "star", "partner", "player", "host", "owner", "director",
                    "executive", "officer", "leader", "speaker", "founder", "chair", "anchor", "editor", "coach"}
NEWSPAPER_WORDS = {"times", "telegraph", "mirror", "express", "herald", "post", "mail", "people", "star", "sport",
                   "tribune", "independent", "observer", "business", "today"}
# Words that make a role another one: a deputy prime minister is no prime minister.
RANKS = {"deputy", "vice", "shadow", "assistant", "junior", "acting", "former", "ex", "associate"}


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as gender_detector
    except ImportError:
        return None
    return gender_detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def name_gender(name: str) -> tuple[str | None, bool]:
    """A first name's gender and whether it is sure: US usage first ("Bernie", "Rand"), then worldwide."""
    detector = _detector()
    if detector is None or not name.isalpha():
        return None, False
    guess = detector.get_gender(name, "usa")
    if guess in ("unknown", "andy"):
        guess = detector.get_gender(name)
    if guess in ("male", "mostly_male"):
        return "m", guess == "male"
    if guess in ("female", "mostly_female"):
        return "f", guess == "female"
    return None, False


def first_name_gender(name: str) -> str | None:
    return name_gender(name)[0]


def sure_gender(name: str) -> str | None:
    gender, sure = name_gender(name)
    return gender if sure else None


@lru_cache(maxsize=65_536)
def is_first_name(name: str) -> bool:
    detector = _detector()
    return detector is not None and name.isalpha() and detector.get_gender(name) != "unknown"


def particles_at(toks: list[Token], j: int) -> int:
    """How many tokens from ``j`` are lowercase particles that a capitalised family name follows, with no
    space wider than one between them ("von der Leyen", "in ' t Veld"); 0 if none."""
    k = j
    while k < len(toks) and k - j < 4 and (k == j or toks[k].start - toks[k - 1].end <= 1):
        low = toks[k].lower
        if low in APOSTROPHES and k + 1 < len(toks) and toks[k + 1].lower == "t":
            k += 2
        elif low == "t" and k > 0 and toks[k - 1].lower in APOSTROPHES:
            k += 1
        elif low == "in" and k + 2 < len(toks) and toks[k + 1].lower in APOSTROPHES and toks[k + 2].lower == "t":
            k += 1
        elif low in PARTICLES and low != "'t":
            k += 1
        else:
            break
    if k == j or k >= len(toks) or toks[k].start - toks[k - 1].end > 1 or not toks[k].capitalised:
        return 0
    return k - j


def name_words(run: list[Token]) -> list[str]:
    """The words of a name, an apostrophe joined to the "t" after it ("in 't Veld"), initials with their last
    dot ("J.J. Goldberg")."""
    words: list[str] = []
    for tok in run:
        if tok.lower == "t" and words and words[-1] in APOSTROPHES:
            words[-1] += tok.text
        elif INITIALS.fullmatch(tok.text):
            words.append(tok.text)
        else:
            words.append(tok.bare)
    return words


def is_particle_surname(words: list[str]) -> bool:
    """"Van Bommel", "In 't Veld": a family name cut from a full name with its particles."""
    return len(words) >= 2 and all(w.lower() in PARTICLES | {"in"} for w in words[:-1])


@lru_cache(maxsize=16_384)
def surname_forms(name: str) -> tuple[str, ...]:
    """The words a later mention may call a person named in full by: "Assad", "al-Assad" and "Al-Assad" for
    Bashar al-Assad, "Acosta" for Melba Acosta Febo; none for a one-word name. Cached by name, because every
    bare surname in an article is checked against every person."""
    tokens = name.split()
    if len(tokens) < 2:
        return ()
    surname = surname_of(tokens)
    joined = JOINED_PARTICLE.match(surname)
    if joined:
        return surname, surname[joined.end() :], surname[:1].upper() + surname[1:]
    if len(tokens) == 3 and tokens[1].isalpha() and tokens[1].istitle() and len(tokens[1]) > 2 \
            and is_first_name(tokens[0]) and not is_first_name(tokens[1]) and tokens[2].isalpha() \
            and not tokens[2].endswith("s") and not tokens[2].isupper():
        # "Melba Acosta Febo ... Ms. Acosta": a first of two family names may stand alone
        return surname, tokens[1]
    return (surname,)


def surname_of(tokens: list[str]) -> str:
    """The family name: "Charles Elliott III" and "Charles Elliott Jr." are Elliott."""
    if len(tokens) >= 3 and tokens[-1].rstrip(".,").lower() in NAME_SUFFIXES:
        return tokens[-2].rstrip(",")
    return tokens[-1]


def role_key(word: str) -> str:
    word = word.lower()
    return ROLE_SYNONYMS.get(word, word)


@dataclass
class Entity:
    name: str
    kind: str = "person"
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    first: int = 0
    # a first name's usual gender, for pronouns only: "Warren" alone may yet be Elizabeth Warren
    hint: str | None = None
    # a bare name taken for a person only because it speaks ("Wines said", "Apple expects"): no "he" by itself
    by_speech: bool = False
    # a name spelled out from its acronym ("... in Washington (CREW)"): its last word names no short form of it
    spelled: bool = False
    # roles the article may give the entity but leaves in doubt: they resolve later mentions, the people table
    # does not show them ("Blair ... Gordon Brown. Meanwhile, the chancellor")
    guessed: list[str] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    def role_keys(self) -> set[str]:
        keys = set()
        for role in self.roles + self.guessed:
            for word in role.split():
                if word.lower() in ROLE_NOUNS:
                    keys.add(role_key(word))
        return keys

    def holds(self, phrase: str) -> bool:
        """Whether one of the entity's roles is the role a phrase names: the same head noun, with the same
        rank ("the prime minister" is not the "Deputy Prime Minister"; "the Tory leader" not "President Bush")."""
        words = phrase.lower().split()
        heads = [w for w in words if w in ROLE_NOUNS]
        if not heads:
            return False
        head, ranks = heads[-1], RANKS.intersection(words)
        kinds = _office_words(phrase)
        for role in self.roles + self.guessed:
            role_words = role.lower().split()
            if head in role_words or role_key(head) in (role_key(w) for w in role_words if w != "leader"):
                others = _office_words(role)
                if kinds and others and not kinds & others:
                    # "the prime minister" is not the "Aid minister", "the Tory leader" not the "Lib Dem leader"
                    continue
                if RANKS.intersection(role_words) == ranks:
                    return True
        return False

    def guess_role(self, role: str) -> None:
        role = role.strip(" ,")
        if role and role.lower() not in (r.lower() for r in self.roles + self.guessed):
            self.guessed.append(role)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    entity: Entity
    sentence: int
    subject: bool


def is_name_token(tok: Token) -> bool:
    return _is_name_word(tok.text)


@lru_cache(maxsize=65_536)
def _is_name_word(text: str) -> bool:
    if JOINED_PARTICLE.match(text):
        return True
    if not text[:1].isupper():
        return False
    word = Token(text, 0, len(text)).bare
    if not word or not word[0].isupper():
        return False
    if word.lower().endswith(CONTRACTIONS):
        # "Don’t Republicans run the risk": a verb, not Don
        return False
    return word.lower() not in NOT_NAMES and word.lower() not in HONORIFICS


def _office_words(role: str) -> set[str]:
    """The words of a role that tell one office from another: a party or a place ("Tory", "Labour's"), or a
    portfolio ("prime", "foreign"); "conference speaker" and "corporate speaker" have none, so are one."""
    out = set()
    for word in role.split():
        bare = word.removesuffix("’s").removesuffix("'s").strip(",.")
        low = bare.lower()
        if not bare.isalpha() or low in DETERMINERS or low in RANKS or low in ROLE_NOUNS:
            continue
        if bare[:1].isupper() or low in PORTFOLIOS:
            # a stem, so that "Russia's president" is the "Russian President"
            out.add(low[:5])
    return out


def title_inside(run: list[Token]) -> int:
    """How many leading words of a capitalised run are a title ("White House Press Secretary"). A name that
    ends in an organisation word has none ("Justice Department"), and a word that is as often part of a
    company's name is a title only before a first name ("General David Petraeus", not "General Motors")."""
    for index in range(len(run) - 2, -1, -1):
        if run[index].lower in ROLE_NOUNS:
            if is_first_name(run[index + 1].bare):
                # "Atlantic City Mayor Don Guardian": a first name after the title starts the name
                return index + 1
            if run[-1].lower in ORG_WORDS or run[index].lower in NAME_PART_TITLES:
                return 0
            return index + 1
    return 0


def newspaper_day(tokens: list[Token], index: int) -> bool:
    """A day name that opens a newspaper's name ("Sunday Times", "Sunday Telegraph")."""
    return tokens[index].lower in DAYS and index + 1 < len(tokens) \
        and tokens[index + 1].lower in NEWSPAPER_WORDS and tokens[index + 1].capitalised


def acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# Small words an organisation's name spells past: "Citizens for Responsibility and Ethics in Washington".
_SPELLED_PAST = {"of", "for", "and", "in", "on", "the", "to", "&"}


def spelled_out(text: str, paren: int, letters: str) -> str | None:
    """The capitalised words right before ``(`` at ``paren`` whose initials are ``letters``, small words between
    them allowed ("National Rifle Association (NRA)"), or None."""
    words = re.findall(r"[\w&’'.-]+", text[max(0, paren - 200) : paren])
    initials = ""
    for back in range(1, min(len(words), 3 * len(letters)) + 1):
        word = words[-back]
        if word.lower() in _SPELLED_PAST and back > 1:
            continue
        if not word[:1].isupper():
            return None
        initials = word[0] + initials
        if initials == letters:
            return " ".join(words[-back:])
        if not letters.endswith(initials):
            return None
    return None


@lru_cache(maxsize=65_536)
def misspells_name(word: str, name: str) -> bool:
    """Whether ``word`` misspells the surname of ``name``, a person named in full by a first name; cached
    because an article checks each lone word against each person."""
    tokens = name.split()
    return len(tokens) >= 2 and is_first_name(tokens[0]) and misspelt(word, surname_of(tokens))


def misspelt(word: str, surname: str) -> bool:
    """Whether a lone capitalised word is a slip of the pen for a long surname ("Sweeny" for Sweeney, "Labbot" for
    Labott): the same opening, one letter more or less at most, most letters in order; not its plural."""
    if len(surname) < 6 or word == surname or word[:3] != surname[:3] or abs(len(word) - len(surname)) > 1 \
            or word.lower() in (surname.lower() + "s", surname.lower() + "es") or not word.isalpha():
        return False
    return SequenceMatcher(None, word.lower(), surname.lower()).ratio() >= 0.8
