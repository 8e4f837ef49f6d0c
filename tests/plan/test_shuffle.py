"""Deterministic shuffles: the same order every time; from three items never the answer order nor its reverse,
and two items in either order (a fixed rule for two would print the answer by construction)."""

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
            assert variant_order(3, variant, key) not in ([0, 1, 2], [2, 1, 0])
        assert variant_order(2, 0, key) != variant_order(2, 1, key)  # two variants of two items differ


@given(st.integers(3, 30), st.text(max_size=10))
def test_a_shuffle_of_three_or_more_never_prints_the_answer_forwards_or_backwards(count, key):
    order = permutation(count, key)
    assert sorted(order) == list(range(count)) and order not in (list(range(count)), list(range(count))[::-1])
    assert permutation(count, key) == order


@given(st.integers(3, 6), st.integers(0, 7), st.text(max_size=10))
def test_no_variant_prints_the_answer_forwards_or_backwards(count, variant, key):
    order = variant_order(count, variant, key)
    assert sorted(order) == list(range(count)) and order not in (list(range(count)), list(range(count))[::-1])


def test_three_items_reach_every_order_that_gives_nothing_away():
    orders = {tuple(permutation(3, str(key))) for key in range(200)}
    assert orders == {(0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1)}
