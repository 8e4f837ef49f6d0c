"""Deterministic shuffles: the same order every time; never the answer order from three items, and two items
in either order (a fixed rule for two would print the answer by construction)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worksheets.plan.shuffle import permutation, variant_order


def test_two_items_come_out_in_either_order_so_the_page_does_not_give_the_answer():
    orders = [permutation(2, key) for key in map(str, range(400))]
    assert orders == [permutation(2, key) for key in map(str, range(400))]  # the same every time
    assert 150 < orders.count([0, 1]) < 250 and 150 < orders.count([1, 0]) < 250
    for key in map(str, range(300)):
        for variant in range(4):
            assert variant_order(3, variant, key) != [0, 1, 2]
        assert variant_order(2, 0, key) != variant_order(2, 1, key)  # two variants of two items differ


@given(st.integers(3, 30), st.text(max_size=10))
def test_a_shuffle_of_three_or_more_always_moves_something(count, key):
    order = permutation(count, key)
    assert sorted(order) == list(range(count)) and order != list(range(count))
    assert permutation(count, key) == order
