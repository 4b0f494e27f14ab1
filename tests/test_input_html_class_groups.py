from __future__ import annotations

import itertools
import random
import re

from saywho.input.html_blocks import (
    _N_TAGS,
    CLASS_GROUPS,
    CLASS_NAMES,
    _alternatives,
    _token_groups,
    class_groups,
)

_NAMED = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CLASS_GROUPS.items()))


def _reference(token: str) -> frozenset[int]:
    """The plain reading: every group the one grouped pattern names, scanning left to right."""
    return frozenset(_N_TAGS + CLASS_NAMES.index(m.lastgroup) for m in _NAMED.finditer(token))


def _words() -> list[str]:
    """Each branch's literal text, e.g. "-ad-" and "ad" for the anchored ad branch."""
    words = set()
    for pattern in CLASS_GROUPS.values():
        for branch in _alternatives(pattern):
            core = branch.replace("(?:^|[-_ ])", "").replace("(?:$|[-_ ])", "")
            for optional in itertools.product((False, True), repeat=core.count("?")):
                keep = iter(optional)
                words.add(re.sub(r"(.)\?", lambda m, keep=keep: m.group(1) if next(keep) else "", core))
    return sorted(words)


def test_input_html_class_groups_match_the_grouped_pattern():
    words = _words()
    rng = random.Random(7)
    glue = ["", "-", "_", "x", "s", "a", "-ad", "ad-"]
    tokens = [*words, *(w + g for w in words for g in glue), *(g + w for w in words for g in glue)]
    tokens += ["".join(rng.choice(words + glue) for _ in range(rng.randint(2, 4))) for _ in range(3000)]
    assert len(words) > 150
    for token in tokens:
        assert _token_groups(token) == _reference(token), token


def test_input_html_class_groups_read_tokens_of_a_class_value():
    slot = {name: _N_TAGS + i for i, name in enumerate(CLASS_NAMES)}
    assert class_groups("Top-Ad related-Stories") == {slot["promo"], slot["related"]}
    assert class_groups("shadow header") == {slot["header"]}
    assert class_groups("topbar") == {slot["nav"]}
    assert class_groups("") == frozenset()
