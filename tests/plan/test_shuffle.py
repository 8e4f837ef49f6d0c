"""Deterministic shuffles: never the answer order, the same order every time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worksheets.plan.shuffle import permutation, variant_order


def test_two_items_are_never_printed_in_answer_order():
    for key in map(str, range(300)):
        assert permutation(2, key) == [1, 0]
        for variant in range(4):
            assert variant_order(3, variant, key) != [0, 1, 2]
            assert variant_order(2, variant, key) == [1, 0]


@given(st.integers(3, 30), st.text(max_size=10))
def test_a_shuffle_of_three_or_more_always_moves_something(count, key):
    order = permutation(count, key)
    assert sorted(order) == list(range(count)) and order != list(range(count))
    assert permutation(count, key) == order
