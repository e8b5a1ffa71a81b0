"""The hand annotation of real UN documents is well formed, in every set.

``benchmarks/real_documents/`` holds one set of annotated real documents per pair of files: ``sources.csv`` /
``annotations.csv`` (the tuning set) and ``NAME_sources.csv`` / ``NAME_annotations.csv`` (held-out sets, see
its README). The documents' text is not in the repository, so these checks read only the annotation: a form
description with an unquoted comma would silently cut a row into extra fields, an id the kit cannot produce
would count as a miss forever, and a document in two sets would be measured as unseen when it is not.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks" / "real_documents"
REFERENCE = ROOT / "data" / "reference"
SOURCE_COLUMNS = ["symbol", "lang", "kind", "file", "source", "found_with", "excerpt"]
ANNOTATION_COLUMNS = ["symbol", "lang", "kind", "para", "speaker_id", "form"]
KINDS = {"summary_record", "meetings_coverage", "verbatim_record"}  # the kinds of reported speech a set measures
SETS = sorted(p.name.removesuffix("sources.csv").rstrip("_") or "tuning" for p in HERE.glob("*sources.csv"))


def _rows(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """The rows of ``path``, failing on a header other than ``columns`` or a row with more or fewer fields."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == columns, f"{path.name}: columns {reader.fieldnames}"
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        assert None not in row and None not in row.values(), f"{path.name}, line {line}: not {len(columns)} fields"
    return rows


def _files(name: str) -> tuple[Path, Path]:
    prefix = "" if name == "tuning" else f"{name}_"
    return HERE / f"{prefix}sources.csv", HERE / f"{prefix}annotations.csv"


def _column(table: str, column: str) -> set[str]:
    with open(REFERENCE / table, encoding="utf-8", newline="") as f:
        return {row[column] for row in csv.DictReader(f)}


def test_sets_are_found():
    assert {"tuning", "heldout", "heldout2", "heldout3"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_every_annotated_pair_belongs_to_a_listed_document(name):
    sources_path, annotations_path = _files(name)
    sources = {row["symbol"]: row for row in _rows(sources_path, SOURCE_COLUMNS)}
    annotations = _rows(annotations_path, ANNOTATION_COLUMNS)
    for row in sources.values():
        assert row["lang"] in {"en", "fr"} and row["kind"] in KINDS, row["symbol"]
        assert row["file"] == row["symbol"].replace("/", "_") + ".txt", row["symbol"]
    seen = set()
    for row in annotations:
        source = sources.get(row["symbol"])
        assert source is not None, f"{row['symbol']} is annotated but not in {sources_path.name}"
        assert (row["lang"], row["kind"]) == (source["lang"], source["kind"]), row["symbol"]
        assert row["para"].isdigit() and int(row["para"]) > 0, row
        assert row["form"].strip(), row
        key = (row["symbol"], row["para"], row["speaker_id"])
        assert key not in seen, f"{key} annotated twice"
        seen.add(key)
    assert {row["symbol"] for row in annotations} == set(sources), "a listed document has no annotation"


@pytest.mark.parametrize("name", SETS)
def test_speaker_ids_have_the_kits_forms(name):
    """A State is a code of ``member_states.csv``; a person and an organization have the kit's id forms.

    An organization need not be in ``organizations.csv`` yet: the reader marks who speaks, and a body the
    reference table lacks is a miss to fix by adding its row, not a reason to change the annotation.
    """
    states = _column("member_states.csv", "iso3")
    for row in _rows(_files(name)[1], ANNOTATION_COLUMNS):
        sid = row["speaker_id"]
        assert not sid or sid in states or re.fullmatch(r"person:[a-z]+(-[a-z]+)*|org:[a-z0-9]+(_[a-z0-9]+)*", sid), (
            f"{row['symbol']}, para {row['para']}: {sid!r}"
        )


def test_no_document_is_in_two_sets():
    owner: dict[str, str] = {}
    for name in SETS:
        for row in _rows(_files(name)[0], SOURCE_COLUMNS):
            assert row["symbol"] not in owner, f"{row['symbol']} is in {owner.get(row['symbol'])} and {name}"
            owner[row["symbol"]] = name
