"""Quoted words nobody says: titles of works, nicknames and markup values."""

from __future__ import annotations

from saywho.attribution.lexicon import NOT_NAMES
from saywho.attribution.marks import Marked

WORK_WORDS = {
    "book", "film", "movie", "song", "show", "album", "titled", "entitled", "headlined", "program",
    "programme", "podcast", "article", "column", "op-ed", "essay", "episode", "series", "newspaper",
    "magazine", "documentary", "play", "memoir", "novel", "hashtag", "slogan", "sign", "signs", "banner",
}
# Who a title belongs to, written right after it ('"Cake Boss" star').
CREDIT_WORDS = {"star", "stars", "actor", "actress", "host", "creator", "author", "director", "producer", "spot", "ad"}


def not_speech(text: str, mark: Marked) -> bool:
    """Titles of works, nicknames and markup values are quoted but nobody says them."""
    before = text[max(0, mark.open_at - 40) : mark.open_at]
    after = text[mark.close_at + 1 : mark.close_at + 30]
    if before.rstrip().endswith("="):
        return True
    words = mark.words(text)
    if not words:
        return True
    prev = before.split()[-2:] if before.split() else []
    next_word = after.split()[:1]
    title_case = all(w[:1].isupper() or w.lower() in ("of", "the", "a", "and", "in", "on", "to", "for", "with")
                     for w in words.split() if w[:1].isalpha())
    if title_case and any(w.lower().strip(",.").removesuffix("’s").removesuffix("'s") in WORK_WORDS
                          for w in prev):
        return True
    if title_case and prev and (prev[-1].endswith(("’s", "'s")) or prev[-1].lower() == "on"):
        return True
    following = [w.lower().strip(",.") for w in after.split()[:3]]
    if title_case and len(words.split()) <= 4 and following and (
            following[0] in WORK_WORDS | CREDIT_WORDS
            or (following[0] in ("a", "an", "the") and any(w in WORK_WORDS for w in following[1:]))):
        # '"Jane The Virgin" star' / '"Chi-Raq," a movie about': a title, named
        return True
    if len(words.split()) <= 2 and prev and next_word and prev[-1][:1].isupper() and next_word[0][:1].isupper() \
            and prev[-1].lower() not in NOT_NAMES and text[mark.close_at + 1 : mark.close_at + 2] == " " \
            and not prev[-1].endswith((".", "?", "!", ":", ",", ";")) and not words.endswith((".", ",", "?", "!")):
        # 'John "Tig" Tiegen' is a nickname; '... YUGE? "That's fine," Sroka said' is a sentence
        return True
    return False
