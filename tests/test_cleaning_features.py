from saywho.cleaning.features import FEATURE_NAMES, block_features, page_features

PAGE = [
    "* Home",
    "* Subscribe to our newsletter",
    "Officials said on Tuesday that the bridge, which carries 40,000 cars a day, would reopen in the spring after months of repairs.",
    "Share this article | Facebook | Twitter",
]


def test_cleaning_features_one_vector_per_block_in_name_order():
    rows = page_features(PAGE)
    assert len(rows) == len(PAGE)
    assert all(len(row) == len(FEATURE_NAMES) for row in rows)


def test_cleaning_features_tell_prose_from_furniture():
    prose = block_features(PAGE, 2)
    menu = block_features(PAGE, 1)
    share = block_features(PAGE, 3)
    assert prose["long_prose"] == 1.0 and menu["long_prose"] == 0.0
    assert menu["bullet"] == 1.0 and prose["bullet"] == 0.0
    assert menu["action"] > prose["action"]
    assert share["separators"] > 0.0
    assert prose["reporting"] > 0.0


def test_cleaning_features_see_the_whole_block_only_up_to_its_head():
    huge = "word " * 2_000_000
    row = block_features([huge], 0)
    assert row["log_words"] < 10
