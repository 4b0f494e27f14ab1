from saywho.cleaning.blocks import split_blocks


def texts(text: str) -> list[str]:
    return [b[0] for b in split_blocks(text)]


def test_cleaning_blocks_split_a_glued_sentence():
    assert texts("Your support makes all the difference.Moscow is ready to talk.") == [
        "Your support makes all the difference.",
        "Moscow is ready to talk.",
    ]


def test_cleaning_blocks_split_after_a_closing_quote():
    assert texts("He said “no more.”Then he left.") == ["He said “no more.”", "Then he left."]


def test_cleaning_blocks_keep_abbreviations_decimals_and_domains():
    line = "The U.S. rate, e.g. 3.5 per cent, is on Independent.co.uk and at https://example.com/a.Html today."
    assert texts(line) == [line]


def test_cleaning_blocks_keep_urls_with_capitals():
    line = "Read more at www.example.com/news.Story or mail desk@paper.co.Uk now."
    assert texts(line) == [line]


def test_cleaning_blocks_offsets_index_the_input():
    text = "  Title line  \n\nFirst sentence here.Second one follows.\n"
    for block, start, end in split_blocks(text):
        assert text[start:end].strip() == block
