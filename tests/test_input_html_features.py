from __future__ import annotations

from lxml import etree

from saywho.cleaning.html_model import FEATURE_NAMES, STACK_FEATURE_NAMES, block_feature_rows, stack_rows
from saywho.input.html_blocks import page_blocks

PAGE = """<html><body><article>
<p>The council voted on Tuesday to extend the tram line to the campus, the mayor told reporters.</p>
<figure><img src="tram.jpg"><figcaption>A tram at the depot. Photo: City Post</figcaption></figure>
<p>Work on the extension will start next spring and should take three years to finish.</p>
<p>City Post is a regional news publisher based in the north. For more information visit www.citypost.example.</p>
</article>
<ul class="more"><li><a href="/a">Bus Fares To Rise In May</a></li><li><a href="/b">Council Approves Cycle Lanes</a></li>
<li><a href="/c">New Library Opens Its Doors</a></li></ul>
</body></html>"""


def _rows():
    blocks = page_blocks(etree.fromstring(PAGE, parser=etree.HTMLParser()))
    in_main = [i < 3 for i in range(len(blocks))]
    return blocks, [dict(zip(FEATURE_NAMES, row, strict=True)) for row in block_feature_rows(blocks, in_main)]


def test_input_html_features_mark_captions_after_images():
    blocks, rows = _rows()
    caption = next(i for i, b in enumerate(blocks) if b.text.startswith("A tram"))
    assert blocks[caption].after_image
    assert rows[caption]["after_image"] == 1.0
    assert rows[0]["after_image"] == 0.0


def test_input_html_features_mark_about_paragraphs_and_headline_runs():
    blocks, rows = _rows()
    about = next(i for i, b in enumerate(blocks) if b.text.startswith("City Post is"))
    assert rows[about]["about_company"] == 1.0
    assert rows[0]["about_company"] == 0.0
    headline = next(i for i, b in enumerate(blocks) if b.text.startswith("Council Approves"))
    assert rows[headline]["title_like"] == 1.0
    assert rows[headline]["title_run"] >= 0.6
    assert rows[headline]["after_last_main"] == 1.0
    assert rows[0]["title_like"] == 0.0


def test_input_html_features_stack_rows_carry_page_mean_and_runs():
    blocks, _ = _rows()
    first = [0.9, 0.2, 0.9, 0.9] + [0.1] * (len(blocks) - 4)
    rows = [dict(zip(STACK_FEATURE_NAMES, row, strict=True)) for row in stack_rows(blocks, first)]
    assert rows[2]["run_length"] > 0 > rows[1]["run_length"]
    assert rows[2]["run_length"] > rows[0]["run_length"]
    assert len({round(r["page_mean"], 6) for r in rows}) == 1


SECTIONED = """<html><body><div id="story">
<p>The council voted on Tuesday to extend the tram line to the campus, the mayor told reporters.</p>
<p>Work on the extension will start next spring and should take three years to finish.</p>
</div>
<div><h3 class="related-title">You may like</h3>
<div class="card"><p>Work on the extension will start next spring, a teaser of the story says.</p></div>
<div class="card"><p>Bus fares rise in May as the network adds three new routes across the city.</p></div>
</div></body></html>"""


def test_input_html_features_stack_rows_place_blocks_against_the_confident_core():
    blocks = page_blocks(etree.fromstring(SECTIONED, parser=etree.HTMLParser()))
    first = [0.95, 0.95] + [0.1] * (len(blocks) - 2)
    first[-1] = 0.9
    rows = [dict(zip(STACK_FEATURE_NAMES, row, strict=True)) for row in stack_rows(blocks, first)]
    assert rows[0]["subtree_inside"] == 1.0
    assert rows[-1]["subtree_inside"] == 0.0 and rows[-1]["subtree_up"] > 0.0
    assert rows[0]["core_before"] == 0.0
    assert rows[1]["core_after"] == 0.0 < rows[0]["core_after"] < 1.0
    assert rows[-1]["core_inside"] == 0.0 < rows[-1]["core_distance"]


def test_input_html_features_stack_rows_mark_teasers_repeats_and_related_sections():
    blocks = page_blocks(etree.fromstring(SECTIONED, parser=etree.HTMLParser()))
    rows = [dict(zip(STACK_FEATURE_NAMES, row, strict=True)) for row in stack_rows(blocks, [0.5] * len(blocks))]
    heading = next(i for i, b in enumerate(blocks) if b.text == "You may like")
    teaser = next(i for i, b in enumerate(blocks) if b.text.startswith("Work on the extension will start next spring,"))
    assert [r["section_aside"] for r in rows] == [0.0] * heading + [1.0] * (len(blocks) - heading)
    assert rows[teaser]["teaser"] == rows[1]["teaser"] == 1.0
    assert rows[0]["teaser"] == 0.0
    assert all(r["repeats"] == 0.0 for r in rows)
