"""In a real browser, hostile text in the store shows as text: no script runs, no element is injected."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from fixtures.web.harness import browser, serving  # noqa: E402
from fixtures.web.webstore import EVIL, build_small  # noqa: E402

INJECTED = """() => ({
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    js_links: [...document.querySelectorAll('a[href]')].filter(a => a.href.trim().toLowerCase().startsWith('javascript:')).length,
    stray: [...document.querySelectorAll('[x]')].filter(e => e.getAttribute('x').includes('javascript')).length,
})"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = build_small(tmp_path_factory.mktemp("webxss") / "small.db")
    with serving(db) as base, browser() as chromium:
        page = chromium.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        yield base, page, dialogs
        page.close()


def evil_ids(base: str, page) -> tuple[int, int]:
    data = page.request.get(f"{base}/search.json?q=what+I+said").json()["results"][0]
    return data["article_id"], data["person_id"]


@pytest.mark.parametrize("where", ["search", "article", "speaker", "home"])
def test_web_browser_xss_hostile_text_renders_as_text(site, where):
    base, page, dialogs = site
    article_id, person_id = evil_ids(base, page)
    url = {"search": f"{base}/search?q=what+I+said", "article": f"{base}/article/{article_id}",
           "speaker": f"{base}/speaker/{person_id}", "home": f"{base}/"}[where]
    page.goto(url)
    for element in page.locator("main").get_by_text("onmouseover").all():
        if element.is_visible():
            element.hover(timeout=2000)
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.evaluate(INJECTED) == {"scripts": 0, "handlers": 0, "js_links": 0, "stray": 0}
    main_text = page.locator("main").inner_text()
    assert '<script>alert("x")</script>' in main_text
    assert '"onmouseover=alert(1)' in main_text


def test_web_browser_xss_javascript_url_is_not_a_link(site):
    base, page, dialogs = site
    article_id, _ = evil_ids(base, page)
    page.goto(f"{base}/article/{article_id}")
    assert page.locator("main").get_by_text("javascript:alert(3)").is_visible()
    assert page.locator("a", has_text="javascript:alert(3)").count() == 0
    page.locator("details.boilerplate summary").click()
    assert page.locator("details.boilerplate li").first.inner_text() == EVIL
    assert dialogs == []
