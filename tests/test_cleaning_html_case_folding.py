"""The keyword prefilters of the HTML block model agree with the case-insensitive patterns."""

import re
import sys

from saywho.cleaning.html_model import _ABOUT, _CREDIT, FOLDS_TO_ASCII, _is_about, _is_credit


def test_cleaning_html_folds_to_ascii_are_all_non_ascii_letters_re_i_matches_to_ascii():
    letter = re.compile("[a-z]", re.I)
    folding = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert folding == set(FOLDS_TO_ASCII)


def test_cleaning_html_prefilters_agree_with_patterns_on_non_ascii_text():
    texts = [
        "\u201cPhoto: AP\u201d",
        "(Image: GETTY) \u2014 caf\u00e9",
        "\u017fhutter\u017ftock caf\u00e9",
        "\u212aitchen caf\u00e9 \u2014 no keyword",
        "Acme \u0131s the leading company in caf\u00e9s",
        "Acme is the leading provider of caf\u00e9s.",
        "ABOUT \u00dcS",
        "Follow us on Tw\u0131tter \u2014 caf\u00e9",
        "Fo\u0131low nothing here \u2014 caf\u00e9",
        "A quiet day in M\u00fcnchen.",
    ]
    for text in texts:
        assert _is_credit(text) == (_CREDIT.search(text) is not None), text
        assert _is_about(text) == (_ABOUT.search(text) is not None), text
    assert _is_credit("\u017fhutter\u017ftock caf\u00e9")
    assert _is_about("Acme is the leading provider of caf\u00e9s.")
    assert not _is_credit("A quiet day in M\u00fcnchen.")
