import time

from saywho.cleaning import clean_text

PARAGRAPH = (
    "The council said on Monday that the new bridge, which will carry 40,000 cars a day, "
    "would open in the spring after a decade of planning and several delays. "
)


def test_cleaning_bad_input_one_50mb_line_is_cleaned_without_blowing_up():
    line = ("lorem ipsum dolor sit amet. " * 1_900_000)[:50_000_000]
    started = time.process_time()
    page = clean_text(line)
    assert time.process_time() - started < 20
    assert len(page.blocks) >= 1
    kept = sum(len(p) for p in page.paragraphs) + sum(len(b) for b in page.boilerplate)
    assert kept >= 0.99 * len(line.strip()) - 2 * len(page.blocks)


def test_cleaning_bad_input_a_5mb_article_takes_well_under_a_second():
    text = "\n".join(PARAGRAPH * 3 for _ in range(5_000_000 // (len(PARAGRAPH) * 3)))
    started = time.process_time()
    page = clean_text(text)
    assert time.process_time() - started < 1.0
    assert len(page.paragraphs) > 1000


def test_cleaning_bad_input_all_boilerplate_gives_an_empty_article():
    text = "\n".join(["* Home", "* News", "* Sport", "Subscribe", "Sign in", "Cookie settings", "© 2024 Example Media"])
    page = clean_text(text)
    assert page.paragraphs == ()
    assert page.title is None and page.standfirst is None
    assert list(page.boilerplate) == text.split("\n")


def test_cleaning_bad_input_nul_bytes_are_dropped():
    text = "Headline for the day\n" + "\n".join(PARAGRAPH.replace("bridge", "bri\x00dge") for _ in range(4))
    page = clean_text(text)
    assert page.paragraphs
    assert not any("\x00" in p for p in page.paragraphs)
    assert all(block.end <= len(text) for block in page.blocks)


def test_cleaning_bad_input_blank_text_gives_nothing():
    assert clean_text(" \n\t\n").paragraphs == ()
