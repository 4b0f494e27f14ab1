from saywho.cleaning.model import decode, load_weights


def test_cleaning_decode_page_whose_only_run_weighs_negative_keeps_nothing():
    # Two confident one-character blocks bridged by long gap blocks: the gap's negative weight
    # sinks the only run below its own floor (a corpus prior can push a whole page that low).
    weights = load_weights()
    sure, gap = weights["threshold"], weights["gap_threshold"]
    keep = decode([sure, gap, gap, sure], weights, [1, 1000, 1000, 1], [True, True, True, True])
    assert keep == [False, False, False, False]


def test_cleaning_decode_keeps_the_story_and_grows_it_over_prose_edges():
    weights = load_weights()
    sure, edge = 0.99, weights["edge_threshold"]
    probs = [0.0, edge, sure, sure, sure, edge, 0.0]
    keep = decode(probs, weights, [100] * 7, [False, True, True, True, True, True, True])
    assert keep == [False, True, True, True, True, True, False]
