"""The forms of attribution that real UN documents use, on short invented documents.

``benchmarks/real_documents/annotations.csv`` describes, for each speaker a reader marks in real summary
records and meetings coverage (press releases), the form the document uses ("Mr. Name (State) said",
"quotation, stressed State's delegate", « ..., a pour sa part indiqué le représentant de l'État »). Each form
is written here again in words of our own, in ``tests/fixtures/real_forms/`` (one document per kind and
language), with the speakers a reader marks in ``expected.csv``: the kit must find each one, in its paragraph,
and no one in a paragraph that reports no one's words (an unnamed group, a meeting that only "heard" a text,
narrative).

The checks the kit does not pass yet are listed in ``open.csv`` and measured by ``benchmarks/real_forms_open.py``
(they fail there until the kit reads the form; then move the row out of ``open.csv``): this file runs all the
others.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from kit import load_report

FOLDER = Path(__file__).resolve().parent / "fixtures" / "real_forms"
KIND = {"sr": "summary_record", "mc": "meetings_coverage"}

with open(FOLDER / "expected.csv", encoding="utf-8", newline="") as _f:
    ROWS = list(csv.DictReader(_f))

EXPECTED: dict[tuple[str, int], set[str]] = defaultdict(set)
for _row in ROWS:
    EXPECTED[_row["file"], int(_row["para"])] |= {_row["speaker_id"]} if _row["speaker_id"] else set()

with open(FOLDER / "open.csv", encoding="utf-8", newline="") as _f:
    OPEN = {(r["check"], r["file"], r["para"], r["speaker_id"]) for r in csv.DictReader(_f)}


def finds_cases(open_ones: bool) -> list:
    """The (paragraph, speaker) rows to check: those of ``open.csv`` or all the others."""
    return [
        pytest.param(row, id=f"{row['file']}:{row['para']}:{row['speaker_id']}")
        for row in ROWS
        if row["speaker_id"] and (("finds", row["file"], row["para"], row["speaker_id"]) in OPEN) == open_ones
    ]


def paragraph_cases(open_ones: bool) -> list:
    """The (file, paragraph) keys to check for speakers no reader marks."""
    return [
        pytest.param(key, id=f"{key[0]}:{key[1]}")
        for key in sorted(EXPECTED)
        if (("no_one_else", key[0], str(key[1]), "") in OPEN) == open_ones
    ]


@cache
def statements(name: str) -> dict[int, set[str]]:
    """The speakers the kit finds in each paragraph of one fixture."""
    r = load_report(FOLDER / name)
    found: dict[int, set[str]] = defaultdict(set)
    for para, speaker in zip(r.statements["para"], r.statements["speaker_id"]):
        found[int(para)].add(speaker)
    return dict(found)


@pytest.mark.parametrize("name", sorted({row["file"] for row in ROWS}))
def test_read_as_their_kind_and_language(name):
    r = load_report(FOLDER / name)
    assert r.metadata["kind"] == KIND[name[:2]]
    assert r.metadata["lang"] == name[3:5]
    # every paragraph the annotation numbers is a paragraph of the document, and no more
    assert sorted(r.paragraphs["para"]) == sorted(p for (f, p) in EXPECTED if f == name)


def check_finds(row: dict) -> None:
    found = statements(row["file"]).get(int(row["para"]), set())
    assert row["speaker_id"] in found, f"form: {row['form']}; found {sorted(found)}"


def check_no_one_else(key: tuple[str, int]) -> None:
    name, para = key
    found = statements(name).get(para, set())
    forms = [row["form"] for row in ROWS if (row["file"], int(row["para"])) == key]
    assert found <= EXPECTED[key], f"forms: {forms}; found {sorted(found)}, expected {sorted(EXPECTED[key])}"


@pytest.mark.parametrize("row", finds_cases(open_ones=False))
def test_finds_the_speaker_of_each_form(row):
    check_finds(row)


@pytest.mark.parametrize("key", paragraph_cases(open_ones=False))
def test_no_one_else_speaks_in_the_paragraph(key):
    check_no_one_else(key)


def test_every_open_check_names_a_check_of_the_fixtures():
    """``open.csv`` lists only checks that exist (a typo there would silently drop a check from both files)."""
    finds = {("finds", r["file"], r["para"], r["speaker_id"]) for r in ROWS if r["speaker_id"]}
    paragraphs = {("no_one_else", f, str(p), "") for f, p in EXPECTED}
    assert OPEN <= finds | paragraphs
