"""What the page walk puts in each block: link text, images, visibility, context and place."""

from __future__ import annotations

from lxml import etree

from saywho.input.html import parse_page
from saywho.input.html_blocks import _N_TAGS, CLASS_NAMES, CONTEXT_TAGS, page_blocks

PAGE = """<html><body>
<div class="story-body"><p>Read <a href="/a">the full report</a> on the <b><i>tram</i></b> plan.</p>
<p><img src="x.jpg">A tram at the depot, <span style="display: none">hidden words</span> seen from the bridge.</p>
<a href="/b"><div class="card">Council Approves Cycle Lanes</div></a>
<div hidden><p>Subscribe to our newsletter</p></div>
<p>Before<script>var x = "<p>not text</p>";</script> after<br>next line</p></div>
</body></html>"""


def _blocks():
    return {b.text: b for b in page_blocks(etree.fromstring(PAGE, parser=etree.HTMLParser()))}


def test_input_html_walk_counts_link_text_and_images():
    blocks = _blocks()
    assert blocks["Read the full report on the tram plan."].link_chars == len("the full report")
    assert blocks["Council Approves Cycle Lanes"].link_chars == len("Council Approves Cycle Lanes")
    assert blocks["A tram at the depot, hidden words seen from the bridge."].after_image
    assert not blocks["Read the full report on the tram plan."].after_image


def test_input_html_walk_marks_hidden_blocks_and_skips_scripts():
    blocks = _blocks()
    assert blocks["Subscribe to our newsletter"].hidden
    # A hidden inline span inside a paragraph hides no block: the paragraph shows.
    assert not blocks["A tram at the depot, hidden words seen from the bridge."].hidden
    assert "Before after" in blocks and "next line" in blocks
    assert not any("not text" in text for text in blocks)


def test_input_html_walk_gives_context_tags_classes_and_places():
    blocks = _blocks()
    slot = {name: _N_TAGS + i for i, name in enumerate(CLASS_NAMES)}
    card = blocks["Council Approves Cycle Lanes"]
    assert CONTEXT_TAGS.index("a") in card.context
    assert {slot["card"], slot["article"]} <= set(card.context)
    first = blocks["Read the full report on the tram plan."]
    assert first.tag == "p" and first.attrs == ""
    assert card.tag == "div" and card.attrs == "card"
    assert first.container == card.container != 0
    assert first.path[:-1] == card.path[:-1] and len(first.path) == 3 and first.path[-1] != card.path[-1]


def test_input_html_walk_reads_the_same_from_text_and_from_its_utf8():
    html = PAGE.replace("the full report", "the full report — “café”")
    from_text = parse_page(html)
    from_bytes = parse_page(html, utf8=html.encode("utf-8"))
    assert [b.text for b in from_text.blocks] == [b.text for b in from_bytes.blocks]
    assert "Read the full report — “café” on the tram plan." in [b.text for b in from_bytes.blocks]
    assert from_text.in_main == from_bytes.in_main
