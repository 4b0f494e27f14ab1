import json

import saywho
from conftest import FIXTURES


def test_cleaning_seed_reads_the_seed_as_an_editor_would(seed_text):
    expected = json.loads((FIXTURES / "000_baf42c301885f353.expected.json").read_text(encoding="utf-8"))
    article = saywho.extract(seed_text)
    assert article.title == expected["title"]
    assert article.standfirst == expected["standfirst"]
    assert len(article.paragraphs) == expected["body_paragraphs"] == 15
    assert article.text.startswith("Moscow is ready to discuss")
    assert article.text.endswith("where pro-Russian separatists hold sway.")
    for removed in expected["boilerplate"]:
        assert removed not in article.text
        assert any(removed in item for item in article.boilerplate), removed


def test_cleaning_seed_names_the_publisher(seed_text):
    article = saywho.extract(seed_text)
    assert article.publisher == "The Independent"
