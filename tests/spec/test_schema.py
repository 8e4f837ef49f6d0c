"""The JSON schema an editor checks specs with, and the reference docs, both made from the models."""

from __future__ import annotations

import json

import jsonschema
import yaml

from helpers import DOCS, EXAMPLE, SPECS


def _schema(run, tmp_path) -> dict:
    result = run("schema", cwd=tmp_path)
    assert result.code == 0
    return json.loads(result.stdout)


def test_schema_accepts_every_example_spec(run, tmp_path):
    validator = jsonschema.Draft202012Validator(_schema(run, tmp_path))
    files = [*EXAMPLE.glob("*.yaml"), *SPECS.glob("*.yaml")]
    assert len(files) >= 10
    for path in files:
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert errors == [], path


def test_schema_rejects_a_typo_and_describes_keys(run, tmp_path):
    schema = _schema(run, tmp_path)
    validator = jsonschema.Draft202012Validator(schema)
    spec = {"worksheet": {"title": "T", "contents": [{"text": "x"}], "papr": "A4"}}
    assert not validator.is_valid(spec)
    assert validator.is_valid({"worksheet": {"title": "T", "contents": [{"text": "x"}], "paper": "A4"}})
    paper = schema["$defs"]["Worksheet"]["properties"]["paper"]
    assert paper["description"] == "A4 or letter (reflowed, never scaled)."


def test_reference_docs_are_generated_from_the_models():
    from worksheets.spec.schema import reference_markdown

    current = (DOCS / "reference.md").read_text(encoding="utf-8")
    assert current == reference_markdown(), "run: python -m worksheets.spec.schema"
    assert "| `source_insert` | true/false | `false` |" in current
