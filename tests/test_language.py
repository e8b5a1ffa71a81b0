"""Languages are data (kit.language): the language of a report detected or given, and no French word
hard-coded in the grammar modules' code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kit import load_report, load_text
from kit.language import detect_language

from .conftest import SYNTHETIC
from .generators import speakers

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KIT = Path(__file__).resolve().parents[1] / "kit"


def test_language_is_detected_or_given():
    assert load_text(SYNTHETIC).metadata["lang"] == "en"
    assert load_report(FIXTURES / "synthetic_fr.md").metadata["lang"] == "fr"
    assert detect_language((FIXTURES / "wgpko_excerpt_fr.md").read_text(encoding="utf-8")) == "fr"
    forced = load_text("1. Le représentant du Chili a dit oui.", lang="fr")
    assert forced.metadata["lang"] == "fr" and speakers(forced, 1) == ["CHL"]
    with pytest.raises(ValueError, match="unsupported report language"):
        load_text("1. Le représentant du Chili a dit oui.", lang="de")


def test_language_specific_words_live_in_the_language_table():
    """No French word is hard-coded in the grammar modules' code: they read kit.language and the reference tables."""
    for module in ("attribution", "meetings", "mentions", "gazetteer", "themes"):
        tree = ast.parse((KIT / f"{module}.py").read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        strings = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        ]
        for word in ("représentant", "Président", "janvier", "a dit", "Assemblée"):
            assert not [s for s in strings if word in s], (module, word)
