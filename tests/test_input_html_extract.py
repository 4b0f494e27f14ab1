from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from conftest import shared_path
from saywho import extract
from saywho.cli import main
from saywho.input.decode import sniff
from saywho.input.html import parse_html

HTML = Path(__file__).parent / "fixtures" / "html"
PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Tram line extended - City Post</title>
<meta property="og:site_name" content="City Post"></head>
<body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Tram line extended</h1>
<p>The regional council voted on Tuesday to extend the tram line to the university campus, ending a debate
of almost ten years, the mayor told reporters after the vote.</p>
<p>Work on the two-kilometre extension will start next spring and should take three years, according to
the council's transport department, which put the cost at 80 million euros.</p>
<p>Students welcomed the decision. "It will save us an hour a day," said Lena Fischer, who chairs the
student union and had campaigned for the extension since 2019.</p>
</article>
<aside class="related-stories"><h2>Related</h2><ul><li><a href="/a">Bus fares to rise in May</a></li>
<li><a href="/b">Council approves cycle lanes</a></li></ul></aside>
<div class="newsletter-signup"><p>Sign up for our newsletter and get the day's news in your inbox.</p></div>
<footer><p>© 2024 City Post. All rights reserved.</p></footer>
</body></html>"""


def test_input_html_extract_sniffs_html_bytes_and_text():
    assert sniff(PAGE.encode()) == "html"
    assert sniff("<div><p>hello</p></div>") == "html"


def test_input_html_extract_keeps_article_drops_furniture():
    article = extract(PAGE.encode("utf-8"))
    assert article.title == "Tram line extended"
    assert article.publisher == "City Post"
    assert article.language == "en"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("The regional council voted")
    for furniture in ("Home", "Bus fares to rise", "Sign up for our newsletter", "All rights reserved"):
        assert furniture not in article.text
    assert any("newsletter" in b for b in article.boilerplate)


def test_input_html_extract_cli_on_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Tram line extended"
    assert data["text"].startswith("The regional council voted")


def test_input_html_extract_cli_on_gzipped_page():
    result = CliRunner().invoke(main, ["extract", str(HTML / "expapp-ceo.html.gz")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["published"] == "2018-04-09"
    assert "insights into the business of Experience" in data["text"]


def test_input_html_extract_blocks_carry_labels_and_structure():
    page = parse_html(PAGE)
    labels = {b.text[:20]: b.label for b in page.blocks}
    assert labels["Tram line extended"] == "title"
    assert labels["The regional council"] == "body"
    assert labels["Home"] == "boilerplate"
    assert {b.tag for b in page.blocks} >= {"p", "li", "h1"}


def _shingles(text: str) -> Counter:
    words = re.findall(r"\w+", text.lower())
    return Counter(tuple(words[i:i + 4]) for i in range(len(words) - 3))


def test_input_html_extract_quality_on_shared_sample():
    base = shared_path("data", "extraction", "scrapinghub")
    truths = [json.loads(line) for line in open(base / "truth.jsonl", encoding="utf-8")][::6]
    precision = recall = 0.0
    for truth in truths:
        page = parse_html(gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes()))
        got, want = _shingles("\n\n".join(page.paragraphs)), _shingles(truth["body"])
        shared = sum((got & want).values())
        precision += shared / max(1, sum(got.values()))
        recall += shared / max(1, sum(want.values()))
    precision, recall = precision / len(truths), recall / len(truths)
    # Training-set pages: a floor that catches a broken pipeline, not the held-out figure.
    assert 2 * precision * recall / (precision + recall) > 0.9
