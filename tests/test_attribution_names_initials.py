"""Initials keep their last dot in a canonical name."""

from __future__ import annotations

from saywho.attribution import attribute


def test_attribution_names_initials_keep_the_last_dot():
    text = '"It is a war," wrote J.J. Hartman, an editor. "A long one," Hartman said.'
    assert [q.speaker for q in attribute(text).quotes if q.kind == "direct"] == ["J.J. Hartman"] * 2
