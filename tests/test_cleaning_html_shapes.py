from __future__ import annotations

import math

from lxml import etree

from saywho.cleaning.html_model import (
    FEATURE_NAMES,
    STACK_FEATURE_NAMES,
    block_feature_rows,
    sibling_shapes,
    stack_rows,
)
from saywho.input.html_blocks import page_blocks

PAGE = """<html><body><div id="story">
<p>The council voted on Tuesday to extend the tram line to the campus, the mayor told reporters.</p>
<p>Work on the extension will start next spring and <a href="/t">should take</a> three years.</p>
<p>Residents near the depot said they were worried about noise at night.</p>
</div>
<div class="more"><ul>
<li><a href="/a">Bus fares to rise</a> The network adds three new routes across the city.</li>
<li><a href="/b">Cycle lanes approved</a> The plan covers five roads in the centre.</li>
<li><a href="/c">Library opens its doors</a> The building took two years to finish.</li>
<li><a href="/d">Market moves indoors</a> Traders will pay lower rents from June.</li>
</ul></div></body></html>"""


def _blocks():
    return page_blocks(etree.fromstring(PAGE, parser=etree.HTMLParser()))


def test_cleaning_html_shapes_teaser_list_units_all_link():
    blocks = _blocks()
    shapes = sibling_shapes(blocks)
    names = [f"shape_{stat}_{level}" for level in (1, 2, 3) for stat in ("units", "linked", "links", "spread")]
    rows = [dict(zip(names, row, strict=True)) for row in shapes.tolist()]
    teaser = next(i for i, b in enumerate(blocks) if b.text.startswith("Bus fares"))
    story = next(i for i, b in enumerate(blocks) if b.text.startswith("The council"))
    assert rows[teaser]["shape_units_1"] == math.log1p(4) / 5.0
    assert rows[teaser]["shape_linked_1"] == 1.0
    assert rows[story]["shape_units_1"] == math.log1p(3) / 5.0
    assert rows[story]["shape_linked_1"] == 1 / 3
    assert 0.0 < rows[story]["shape_links_1"] < rows[teaser]["shape_links_1"]


def test_cleaning_html_shapes_reach_both_stages():
    blocks = _blocks()
    in_main = [i < 3 for i in range(len(blocks))]
    first_rows = [dict(zip(FEATURE_NAMES, row, strict=True)) for row in block_feature_rows(blocks, in_main)]
    second_rows = [dict(zip(STACK_FEATURE_NAMES, row, strict=True)) for row in stack_rows(blocks, [0.5] * len(blocks))]
    shapes = sibling_shapes(blocks).tolist()
    for i in range(len(blocks)):
        assert first_rows[i]["shape_linked_1"] == second_rows[i]["shape_linked_1"] == shapes[i][1]
        assert second_rows[i]["shape_units_3"] == shapes[i][8]


def test_cleaning_html_shapes_story_run_stops_at_boilerplate():
    blocks = _blocks()
    n = len(blocks)
    # The story scores high; a long boilerplate block then separates it from teasers that also score high.
    first = [0.95, 0.95, 0.95] + [0.9] * (n - 3)
    blocks[3].text = "x" * 2000
    first[3] = 0.01
    rows = [dict(zip(STACK_FEATURE_NAMES, row, strict=True)) for row in stack_rows(blocks, first)]
    assert [r["run_inside"] for r in rows[:3]] == [1.0, 1.0, 1.0]
    assert rows[3]["run_inside"] == 0.0 and rows[3]["run_distance"] == math.log1p(1)
    assert rows[-1]["run_inside"] == 0.0 and rows[-1]["run_distance"] == math.log1p(n - 3)
