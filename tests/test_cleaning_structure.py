from saywho.cleaning import clean_text
from saywho.cleaning.structure import byline_authors, parse_date

BODY = [
    "The council said on Monday that the new bridge, which will carry 40,000 cars a day, would open in the spring after a decade of planning.",
    "Engineers found cracks in two of the old bridge's piers last year, and the crossing has been limited to buses and cyclists since then.",
    "Residents on both banks told the inquiry that the closure had doubled their journeys to work, school and the town's only hospital.",
    "The contractor, which won the tender in 2021, said the steel deck had been delivered and that the final inspections were under way.",
]


def test_cleaning_structure_parses_dates_in_common_shapes():
    assert parse_date("Published: Nov 19, 2019, 10:31 pm CST") == "2019-11-19"
    assert parse_date("Updated 20 July 2018") == "2018-07-20"
    assert parse_date("2024-02-29T10:00") == "2024-02-29"
    assert parse_date("Posted in 2019") is None


def test_cleaning_structure_reads_names_from_bylines():
    assert byline_authors("By Jane Doe and John Roe") == ("Jane Doe", "John Roe")
    assert byline_authors("By Laura Mowat | Published 10:48, Tue, Nov 19, 2019") == ("Laura Mowat",)
    assert byline_authors("Chris Davies - Nov 19, 2019, 10:31 pm CST") == ("Chris Davies",)
    assert byline_authors("By clicking Continue you agree to our terms and our privacy policy") is None


def test_cleaning_structure_fills_title_byline_date_and_publisher():
    text = "\n".join(
        [
            "* Home",
            "* News",
            "Bridge to reopen in spring after years of repairs",
            "By Jane Doe",
            "March 3, 2024",
            *BODY,
            "Share this article",
            "© 2024 Riverside Gazette. All rights reserved.",
        ]
    )
    page = clean_text(text)
    assert page.title == "Bridge to reopen in spring after years of repairs"
    assert page.authors == ("Jane Doe",)
    assert page.published == "2024-03-03"
    assert page.publisher == "Riverside Gazette"
    assert list(page.paragraphs) == BODY
    labels = {block.text: block.label for block in page.blocks}
    assert labels["By Jane Doe"] == "byline"
    assert labels["* Home"] == "boilerplate"
    assert set(page.boilerplate) == {"* Home", "* News", "Share this article", "© 2024 Riverside Gazette. All rights reserved."}


def test_cleaning_structure_prior_pushes_repeated_blocks_out():
    text = "\n".join(["Bridge to reopen in spring", *BODY])
    repeated = BODY[-1]
    plain = clean_text(text)
    assert repeated in plain.paragraphs
    with_prior = clean_text(text, prior=lambda block: 1.0 if block == repeated else 0.0)
    assert repeated not in with_prior.paragraphs
    assert repeated in with_prior.boilerplate
    assert list(with_prior.paragraphs) == BODY[:-1]


def test_cleaning_structure_headline_with_furniture_words_above_the_story():
    text = ("Oil prices fall back from highs\n\n"
            "Oil prices retreated from record highs on Monday as traders bet that rising stocks "
            "would ease fears of a winter shortage.\n\n"
            "Prices had climbed for five days in a row before the fall, traders in London said.\n")
    page = clean_text(text)
    assert page.title == "Oil prices fall back from highs"
    assert page.paragraphs[0].startswith("Oil prices retreated")

