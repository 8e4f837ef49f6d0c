"""The loader: locations, duplicate keys, alias bombs, YAML 1.2 scalars, and random round trips."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.errors import Loc, SpecError
from worksheets.spec.yaml import Map, Seq, locate, parse_yaml


def test_every_node_knows_its_line_and_column():
    data = parse_yaml("a:\n  b: [1, two]\n  c:\n    - x: y\n", "f.yaml")
    assert isinstance(data, Map) and isinstance(data["a"]["b"], Seq)
    assert data.key_locs["a"] == Loc("f.yaml", 1, 1)
    assert data["a"].value_locs["b"] == Loc("f.yaml", 2, 6)
    assert data["a"]["b"].item_locs[1] == Loc("f.yaml", 2, 10)
    assert locate(data, ("a", "c", 0, "x"), Loc("f.yaml")) == Loc("f.yaml", 4, 10)
    assert locate(data, ("a", "c", 0, "x"), Loc("f.yaml"), key=True) == Loc("f.yaml", 4, 7)
    assert locate(data, ("a", "missing", 3), Loc("f.yaml")) == Loc("f.yaml", 2, 3)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("yes", "yes"), ("no", "no"), ("on", "on"), ("1:30", "1:30"), ("2024-01-05", "2024-01-05"), ("0x1F", "0x1F"),
     ("true", True), ("False", False), ("12", 12), ("-3", -3), ("1.50", 1.5), ("~", None), ("null", None)],
)
def test_scalars_follow_the_yaml_1_2_core_schema(typed, value):
    assert parse_yaml(f"k: {typed}\n", "f.yaml")["k"] == value


def test_a_float_remembers_how_it_was_typed():
    assert parse_yaml("k: 1.50\n", "f.yaml")["k"].source == "1.50"


def test_duplicate_keys_are_refused():
    with pytest.raises(SpecError) as caught:
        parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [str(p) for p in caught.value.problems] == ["f.yaml:3:1: duplicate key 'a' (first given at line 1)"]


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(SpecError) as caught:
        parse_yaml("\n".join(lines) + "\n", "f.yaml")
    assert "alias bomb" in str(caught.value)


def test_recursive_alias_is_refused():
    with pytest.raises(SpecError):
        parse_yaml("a: &a [*a]\n", "f.yaml")


def test_merge_keys_and_custom_tags_are_refused():
    with pytest.raises(SpecError) as caught:
        parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\nt: !python/object x\n", "f.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "f.yaml:3:3: merge keys (<<) are not supported: write the keys out",
        "f.yaml:4:4: unsupported YAML tag !python/object",
    ]


def test_empty_and_comment_only_files():
    for text in ("", "# just a comment\n", "\n\n"):
        with pytest.raises(SpecError) as caught:
            parse_yaml(text, "f.yaml")
        assert str(caught.value).startswith("f.yaml:1:1: the file is empty")


def test_several_documents_are_a_syntax_error():
    with pytest.raises(SpecError) as caught:
        parse_yaml("a: 1\n---\nb: 2\n", "f.yaml")
    assert "YAML syntax error" in str(caught.value)


scalars = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.integers(-10**6, 10**6),
    st.booleans(),
    st.none(),
)
keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-", min_size=1, max_size=8)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, documents, min_size=1, max_size=5))
def test_round_trip_of_safe_dumped_data(data):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=False)
    loaded = parse_yaml(text, "f.yaml")
    assert loaded == data


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_fails_with_located_problems(text):
    try:
        parse_yaml(text, "f.yaml")
    except SpecError as error:
        for problem in error.problems:
            assert problem.loc.file == "f.yaml" and problem.loc.line >= 1
            assert problem.message
