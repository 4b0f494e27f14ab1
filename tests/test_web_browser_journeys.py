"""Three user journeys in headless Chromium against `saywho serve` on the seed + BBC demo store.

The store is built once per session with `saywho run` (the BBC corpus comes from ../shared, so
these skip without it). Set SAYWHO_SCREENSHOTS=DIR to keep screenshots of the three main pages,
and SAYWHO_WEB_DEMO_DB=FILE to reuse a store built the same way instead of building one.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from conftest import SEED, shared_path  # noqa: E402
from fixtures.web.harness import browser, serving  # noqa: E402
from saywho.cli import main  # noqa: E402

SEED_QUOTES = ("Say that again. Did I hear you?", "Okaaaay. That’s going to be special.")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    if os.environ.get("SAYWHO_WEB_DEMO_DB"):
        return Path(os.environ["SAYWHO_WEB_DEMO_DB"])
    bbc = shared_path("data", "corpus", "bbc-news.jsonl.gz")
    if "run" not in main.list_commands(None):
        pytest.skip("needs `saywho run` to build the demo store")
    root = tmp_path_factory.mktemp("webdemo")
    # The seed's text carries no date; its publication date (from its expected reading) rides
    # along in a JSONL record, as a crawl would give it.
    expected = json.loads(SEED.with_name(SEED.stem + ".expected.json").read_text(encoding="utf-8"))
    seed = root / "seed.jsonl"
    seed.write_text(json.dumps({"id": SEED.stem, "text": SEED.read_text(encoding="utf-8"),
                                "published": expected["published"]}) + "\n", encoding="utf-8")
    db = root / "news.db"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from saywho.cli import main; main()", "run", str(seed),
                    str(bbc), "--db", str(db), "--quiet"], check=True, timeout=600)
    print(f"\ndemo store (seed + BBC) built in {time.perf_counter() - started:.1f} s")
    return db


@pytest.fixture(scope="module")
def site(demo_db):
    with serving(demo_db) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        yield base, page
        page.close()


def screenshot(page, name: str) -> None:
    folder = os.environ.get("SAYWHO_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def search(page, base: str, **fields) -> None:
    page.goto(f"{base}/search")
    for name, value in fields.items():
        page.fill(f"form.filters [name={name}]", value)
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()


def test_web_browser_journeys_search_speaker_article(site):
    base, page = site
    search(page, base, q="Say that again")
    first = page.locator("#results li.quote").first
    assert "Say that again. Did I hear you?" in first.locator("blockquote").inner_text()
    assert first.locator(".speaker").inner_text() == "Dan Coats"
    screenshot(page, "search")

    first.locator("a.speaker").click()
    page.wait_for_load_state()
    assert page.locator("h1.person-name").inner_text() == "Dan Coats"
    listed = page.locator("#speaker-quotes blockquote").all_inner_texts()
    for quote in SEED_QUOTES:
        assert quote in listed
    assert page.locator("svg.timeline rect").count() >= 1
    screenshot(page, "speaker")

    page.locator("#speaker-quotes li.quote", has_text="Say that again").locator(".source a").first.click()
    page.wait_for_load_state()
    mark = page.locator("#article-text mark", has_text="Say that again")
    assert mark.is_visible()
    assert mark.get_attribute("data-speaker") == "Dan Coats"
    assert mark.locator(".label").inner_text() == "Dan Coats"
    assert page.locator("details.boilerplate").count() == 1
    screenshot(page, "article")


def test_web_browser_journeys_filter_by_date(site):
    base, page = site
    search(page, base, **{"from": "2018-07-20", "to": "2018-07-20"})
    dates = page.locator("#results li.quote time").all_inner_texts()
    assert dates and set(dates) == {"2018-07-20"}
    assert any("Say that again" in q for q in page.locator("#results blockquote").all_inner_texts())
    assert page.locator("form.filters [name=from]").input_value() == "2018-07-20"

    search(page, base, q="Say that again", to="2018-07-19")
    assert page.locator("#results li.quote").count() == 0
    assert page.locator("#count").inner_text().startswith("0 quotes")


def test_web_browser_journeys_page_through_results(site):
    base, page = site
    search(page, base, q="government")
    assert re.search(r"page 1 of \d", page.locator("#count").inner_text())
    ids = lambda: [li.get_attribute("data-quote-id") for li in page.locator("#results li.quote").all()]  # noqa: E731
    first_page = ids()
    assert len(first_page) == 20
    page.click("a[rel=next]")
    page.wait_for_load_state()
    assert "page=2" in page.url
    assert "page 2 of" in page.locator("#count").inner_text()
    second_page = ids()
    assert second_page and set(second_page).isdisjoint(first_page)
    page.click("a[rel=prev]")
    page.wait_for_load_state()
    assert ids() == first_page
