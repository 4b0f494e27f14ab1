"""A candidacy dated to a past race is no role for this article's race; a quantified role is no one."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind != "indirect"]


def test_attribution_roles_dated_past_nominee_is_not_the_nominee():
    text = ('The GOP nominee has said he will "build a wall" along the border.\n\n'
            'Obama won Latino voters in 2008 by 67 percent to 31 percent for GOP nominee Walter Brant.')
    assert _speakers(text) == [None]


def test_attribution_roles_dated_undated_nominee_is():
    text = ('The GOP nominee has said he will "build a wall" along the border.\n\n'
            'Voters in Nevada are split over GOP nominee Walter Brant.')
    assert _speakers(text) == ["Walter Brant"]


def test_attribution_roles_dated_every_nominee_is_no_one():
    text = ('Walter Brant spoke in Ohio.\n\n'
            'Every recent GOP nominee has promised "a smaller government," and GOP nominee Walter Brant did too.')
    assert _speakers(text)[0] is None
