"""Word lists: speech verbs and their forms, honorifics, role nouns, pronouns, organisation words.

The speech verbs are the cue heads most often annotated next to quotations in PolNeAR's
train split, plus their common synonyms; every inflected form maps back to its lemma.
"""

from __future__ import annotations

from pathlib import Path

SPEECH_LEMMAS = """
say tell add write call ask tweet continue note report describe explain state respond reply
declare argue pledge promise accuse chant warn admit suggest recall claim read shout insist vow
announce acknowledge complain joke quip predict testify boast brag post charge contend maintain
observe remark recount muse concede confirm deny urge demand emphasize emphasise stress tout
proclaim exclaim yell scream cry mock lament wonder counter retort agree assert affirm allege
blast slam criticize criticise praise thank caution conclude repeat reiterate quote cite echo
opine summarize whisper sing text email answer elaborate hint threaten pronounce begin
interject concur fume gush marvel rail snap sneer tease thunder vent complain plead explain
inform assure remind reveal disclose reckon question share talk comment ponder
bark surmise gripe scoff chime confess grouse snipe exhort chuckle sigh rave fret groan taunt scold chide
rebuke mutter murmur stammer posit speculate theorize intone apologize crow gloat implore inquire
""".split()

IRREGULAR = {
    "said": "say", "says": "say", "saying": "say",
    "told": "tell", "tells": "tell", "telling": "tell",
    "wrote": "write", "written": "write", "writes": "write", "writing": "write",
    "read": "read", "reads": "read", "reading": "read",
    "sang": "sing", "sung": "sing", "sings": "sing", "singing": "sing",
    "began": "begin", "begun": "begin", "begins": "begin", "beginning": "begin",
}

HONORIFICS = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "lady": "f", "dame": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None,
}

# Titles written before a name ("Sen. Ted Cruz", "ambassador Anatoly Antonov"); role nouns
# also stand alone for a person ("the senator", "the envoy").
ROLE_NOUNS = set("""
president vice-president ambassador envoy diplomat secretary spokesman spokeswoman spokesperson
senator sen. sen rep. rep representative congressman congresswoman governor gov. gov mayor
minister chancellor premier leader chairman chairwoman chair ceo executive director adviser
advisor aide strategist consultant manager chief officer official candidate nominee
attorney lawyer judge justice commissioner general gen. admiral colonel col. sergeant captain
professor analyst economist pollster author writer columnist editor reporter correspondent
anchor host founder owner head speaker whip prosecutor sheriff superintendent treasurer
king queen prince princess pope bishop reverend rev. pastor rabbi imam cardinal chancellor
businessman businesswoman billionaire activist organizer organiser researcher scientist
physician doctor surgeon coach player star actor actress singer rapper comedian
mogul investor banker donor lobbyist operative chairperson partner president-elect
representative deputy monarch dictator ag
""".split())

# Same person, other word: "the envoy" can be the article's ambassador.
ROLE_SYNONYMS = {
    "envoy": "ambassador", "diplomat": "ambassador",
    "sen.": "senator", "sen": "senator", "rep.": "representative", "rep": "representative",
    "congressman": "representative", "congresswoman": "representative",
    "gov.": "governor", "gov": "governor", "spokeswoman": "spokesman", "spokesperson": "spokesman",
    "advisor": "adviser", "chairwoman": "chairman", "chair": "chairman", "chairperson": "chairman",
    "gen.": "general", "col.": "colonel", "rev.": "reverend", "leader": "president",
}

# Role nouns that say which gender their holder is.
ROLE_GENDER = {
    "spokesman": "m", "spokeswoman": "f", "congressman": "m", "congresswoman": "f",
    "chairman": "m", "chairwoman": "f", "businessman": "m", "businesswoman": "f",
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "actor": "m", "actress": "f",
}

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
    "they": None, "it": None, "i": None, "we": None,
}

# Words that end an organisation's name or are one ("the White House", "Associated Press").
ORG_WORDS = set("""
house party committee department ministry agency council commission court bureau office
campaign foundation institute university college school association union federation
administration government senate congress parliament assembly police army navy force forces
press news times post journal magazine network media tribune herald guardian telegraph
reuters bloomberg cnn msnbc fox abc nbc cbs npr bbc ap afp politico breitbart axios
company corporation corp inc group bank fund center centre organization organisation
kremlin pentagon clinic hospital board service services team club league network forum
conference summit institution alliance coalition caucus staff county city chamber chambers
""".split())

# Tokens that look like capitalised name parts but are not names of speakers.
NOT_NAMES = set("""
the a an and but or so yet for nor if when while after before as at by in on of to from with
without about into over under this that these those there here then it its it's he she they we
i you his her their our my your him them us me who whom whose which what where why how
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december mr mrs ms dr said says told according however
meanwhile also still even yes no not now today yesterday tomorrow last next earlier later
one two three four five six seven eight nine ten first second third some many most all both
each every other another such more less asked ask according despite though although because
since until unless whether do does did is are was were be been being has have had will would
can could should may might must shall let just only very well oh ok okay please thank thanks
instead indeed rather perhaps maybe once again never always sometimes often against over under
between among through during within without across toward towards upon via per
""".split())

# Capitalised words that describe people but name nobody ("a Kent County Republican").
AFFILIATIONS = {"republican", "republicans", "democrat", "democrats", "democratic", "american", "americans", "gop",
                "conservative", "conservatives", "liberal", "liberals", "independent", "independents",
                "christian", "christians", "muslim", "muslims", "jewish", "catholic", "latino", "latinos",
                "hispanic", "hispanics", "black", "white"}


# Places that are also first names ("Virginia", "Charlotte").
US_PLACES = set("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
washington wisconsin wyoming carolina dakota charlotte austin phoenix houston dallas denver jackson madison
orlando tampa miami atlanta boston chicago detroit cleveland charleston savannah aurora paris london
sydney victoria florence jordan chad israel america europe asia africa china india russia syria iran iraq
""".split())

# First words of place names, which look like "Firstname Surname" runs.
PLACE_WORDS = {"new", "north", "south", "east", "west", "los", "san", "santa", "las", "saint", "st.", "united",
               "great", "hong", "middle", "central", "upper", "lower", "fort", "mount", "lake", "port", "el",
               "rhode", "puerto", "sri", "costa", "sierra", "cape", "silicon", "wall", "capitol", "main",
               "islamic", "european", "african", "latin", "northern", "southern", "eastern", "western",
               "island", "islands", "river", "valley", "beach", "park", "street", "avenue", "square", "road",
               "county", "city", "state", "states", "republic", "kingdom", "province", "district", "airport"}
# Last words of events' names: a forum or summit is where things are said, not who says them.
EVENT_WORDS = {"forum", "summit", "conference", "festival", "convention", "expo", "games", "awards", "olympics",
               "symposium", "fair"}
# Words before a role noun that make it a description of someone ("the president", "US president").
ROLE_LEADS = {"the", "us", "u.s.", "american", "russian", "french", "british", "german", "chinese", "former"}
ROLE_VERBS = {"has", "had", "was", "is", "will", "would", "could", "can", "did", "does", "also", "then", "later",
              "himself", "herself", "should", "may", "might", "must"}
# A copula says nothing of who acts: things "are" as well ("TV is a big part of life").
COPULAS = {"is", "was", "are", "were", "be", "been"}
# Prepositions after which a name is a place or a thing, not an actor: "it" does not refer back to it.
LOCATIVES = {"in", "on", "across", "throughout", "into", "outside", "within", "around", "inside", "beyond", "via"}
VERBISH = {"has", "have", "had", "is", "was", "are", "were", "will", "would", "said", "says", "told", "met", "called"}

DETERMINERS_AND_POSSESSIVES = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "another"}

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Where an attributed statement was made, when the cue says it: "tweeted" -> Twitter.
MEDIUM_OF_CUE = {"tweet": "Twitter"}


def _regular_forms(lemma: str) -> list[str]:
    forms = [lemma]
    if lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + "ing"]
        if len(lemma) <= 4 and lemma[-1] in "bdglmnprt" and lemma[-2] in "aeiou" and (
                lemma[-3] not in "aeiou" or lemma[-4:-2] == "qu"):
            forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


def _build_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in SPEECH_LEMMAS:
        for form in _regular_forms(lemma):
            forms.setdefault(form, lemma)
    forms.update(IRREGULAR)
    return forms


SPEECH_FORMS = _build_forms()
_E_STEMS = ("at", "ot", "ar", "ir", "ur", "ud", "us", "ag", "iz", "ov", "uc", "ic", "ac", "ibe", "lv", "rg", "nc",
            "rs", "bl", "pl", "dg")


def lemmatize(word: str, known: set[str] | frozenset[str] = frozenset()) -> str:
    """A verb form's lemma by the regular English rules; ``known`` forms settle a silent e."""
    word = word.lower()
    for suffix in ("ing", "ed", "es"):
        if word.endswith(suffix) and word not in SPEECH_FORMS:
            stem = word[: -len(suffix)] + "e"
            if stem in known or stem + "s" in known:
                return stem
    if word in SPEECH_FORMS:
        return SPEECH_FORMS[word]
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]
            if stem.endswith(_E_STEMS) or (suffix == "ed" and stem.endswith("e")):
                return stem if stem.endswith("e") else stem + "e"
            return stem
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# A learnt form that heads a cue in fewer of its train occurrences than this is mostly something else
# ("made", "got", "new"): near a quote it finds more scare quotes than statements. Tuned on dev.
MIN_CUE_RATE = 0.05


def _learned_forms(kinds: tuple[str, ...]) -> dict[str, str]:
    path = Path(__file__).with_name("cues.txt")
    if not path.exists():
        return {}
    forms = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            form, lemma = parts[0], parts[1]
            rate = float(parts[4]) if len(parts) > 4 else 1.0
            if (parts[3] if len(parts) > 3 else "verb") in kinds and rate >= MIN_CUE_RATE:
                forms[form] = lemma
    return forms


VERB_FORMS = _learned_forms(("verb",)) | SPEECH_FORMS
ALL_FORMS = _learned_forms(("verb", "other")) | SPEECH_FORMS


# Speech verbs whose bare and -s forms are mostly nouns ("Kim's mental state", "the claims").
NOUN_LIKE = {"state", "report", "claim", "call", "note", "comment", "question", "post", "answer", "text",
             "quote", "remark", "email", "counter", "charge", "demand", "promise", "pledge", "vow", "cry",
             "boast", "joke", "warn", "stress", "cite", "echo", "share", "talk", "read", "reply", "respond",
             "tweet", "thank", "praise", "urge", "hint", "muse", "vent", "rail", "snap", "sneer", "tease", "thunder"}
NOUN_LIKE -= {"warn", "urge", "cite", "respond", "read", "reply", "thank", "praise", "muse", "rail", "sneer",
              "tease", "vent", "snap", "thunder", "hint", "share", "stress", "echo", "talk"}


def core_lemma(word: str) -> str | None:
    """The lemma of a common speech verb form ("tweeted" -> "tweet"), or None.

    A noun-like lemma counts only in its -ed and -ing forms.
    """
    low = word.lower()
    lemma = SPEECH_FORMS.get(low)
    if lemma in NOUN_LIKE and not low.endswith(("ed", "ing")) and low not in IRREGULAR:
        return None
    return lemma


def verb_lemma(word: str) -> str | None:
    """The lemma of a cue form seen as a verb in PolNeAR's annotations, or None."""
    return VERB_FORMS.get(word.lower())


def speech_lemma(word: str) -> str | None:
    """The lemma of a speech verb form ("tweeted" -> "tweet"), or None if it is not one."""
    return ALL_FORMS.get(word.lower())


def no_modal_form(word: str) -> bool:
    """A verb form no modal takes ("George Will wrote", "Theresa May said"; not "John will meet")."""
    return word.endswith(("ed", "s")) and not word.endswith("ss") or word in ("said", "wrote", "told", "spoke", "was")


def surname_modal(word: str, follow: str) -> bool:
    """A capitalised modal before a verb form no modal takes is a surname ("Will wrote", "May said"; not
    "Will he ...", "May I")."""
    return word in ("Will", "May") and follow.islower() and no_modal_form(follow)
