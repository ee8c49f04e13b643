"""Parsed content files kept on disk (coursekit.yaml_cache): the same data and the same problem lines as a fresh
parse, and nothing kept that JSON would change."""

from __future__ import annotations

import pytest

from conftest import CONTENT
from coursekit import yaml_cache
from coursekit.source import ContentError, read_yaml

FILES = sorted(CONTENT.rglob("*.yml"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_YAML_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_every_content_file_reads_back_from_the_cache_as_parsed(cache) -> None:
    for path in FILES:
        parsed = read_yaml(path)
        cached = read_yaml(path)
        assert hasattr(parsed.data, "lc") and not hasattr(cached.data, "lc"), path  # the second read is the cache's
        assert cached.data == parsed.data, path
        assert _types(cached.data) == _types(parsed.data), path
    assert len(list(cache.iterdir())) == len(FILES)


def _types(node) -> object:
    """The plain type of every value (True and 1 are equal in Python; a cache must not turn one into the other)."""
    if isinstance(node, dict):
        return {key: _types(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_types(value) for value in node]
    return next(kind for kind in (bool, str, int, float, type(None)) if isinstance(node, kind))


def test_a_problem_in_a_cached_file_names_the_same_line(cache, tmp_path) -> None:
    path = tmp_path / "bank.yml"
    path.write_text("id: x\nquestions:\n  - id: q1\n    type: single\n  - id: q1\n    type: single\n", encoding="utf-8")
    fresh, cached = read_yaml(path), read_yaml(path)
    assert not hasattr(cached.data, "lc")
    for document in (fresh, cached):
        assert str(document.problem(["questions", 1, "id"], "duplicate id")).endswith(
            "bank.yml:5: question q1: id: duplicate id")


def test_what_json_would_change_is_parsed_every_time(cache, tmp_path) -> None:
    path = tmp_path / "dates.yml"
    path.write_text("when: 2024-01-02\nratio: .inf\n", encoding="utf-8")
    read_yaml(path)
    assert not cache.exists()
    assert yaml_cache.load(path.read_text(encoding="utf-8")) is None


def test_bad_yaml_is_still_one_problem_and_the_cache_can_be_off(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("COURSEKIT_YAML_CACHE", "off")
    path = tmp_path / "bad.yml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_yaml(path)
    assert len(error.value.problems) == 1 and error.value.problems[0].where == "YAML"
    path.write_text("id: fine\n", encoding="utf-8")
    assert read_yaml(path).data == {"id": "fine"}
    assert yaml_cache.folder() is None
