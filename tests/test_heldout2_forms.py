"""Layouts met in the second held-out set of real documents, on invented texts of our own.

* a paragraph number with no space before its first word (« 2.Mme Rojas (Pérou) dit »), as some treaty bodies'
  summary records print it, starts a paragraph;
* a press release's headline that asks a question ("Fifth Committee: keep the annual budget cycle?") is the
  header's, not paragraph 1.

The attribution forms of that set are rows of ``tests/fixtures/real_forms/expected.csv`` (``*_held2.txt``).
"""

from __future__ import annotations

import re
from pathlib import Path

from kit import load_report
from kit.layout.lines import PARA_START

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_number_without_space_starts_a_paragraph():
    path = FIXTURES / "kinds" / "summary_record_no_space_fr.txt"
    r = load_report(path)
    assert r.metadata["kind"] == "summary_record"
    printed = [int(m.group(1)) for m in map(re.compile(r"^(\d+)\.").match, path.read_text().splitlines()) if m]
    assert list(r.paragraphs["para"]) == printed
    for para, text in zip(r.paragraphs["para"], r.paragraphs["text"]):
        assert not re.match(r"\d+\.", text), (para, text)  # the number is not left in the text
    said = r.statements.groupby("para")["speaker_id"].apply(set).to_dict()
    assert 1 not in said  # the delegation takes its place: no one speaks
    assert said[2] == {"PER"} and said[3] == {"SWE"}  # each speaker in the paragraph the document numbers


def test_no_space_only_before_a_word():
    assert PARA_START.match("2.Mme Rojas (Pérou) dit que").group(1) == "2"
    assert PARA_START.match("12. The Chair said so.").group(1) == "12"
    assert PARA_START.match("2.5 million dollars were spent.") is None
    assert PARA_START.match("3.a) the first item") is None


def test_question_headline_is_the_header():
    path = FIXTURES / "real_forms" / "mc_fr_held2.txt"
    r = load_report(path)
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    question = next(b for b in blocks if b.endswith("?"))
    assert question not in set(r.paragraphs["text"])
    first_prose = blocks[blocks.index(question) + 1]
    assert r.paragraphs["text"].iloc[0] == first_prose
    assert r.paragraphs["para"].iloc[0] == 1


def test_question_inside_prose_stays_a_paragraph(tmp_path):
    """A paragraph of prose that ends with a question, right after the headline, is paragraph 1."""
    text = (FIXTURES / "real_forms" / "mc_fr_held2.txt").read_text(encoding="utf-8")
    asked = "Le Comité a entendu le rapport. Faut-il garder le cycle annuel?"
    path = tmp_path / "mc.txt"
    path.write_text(text.replace("?\n\nLa Cinquième", f"?\n\n{asked}\n\nLa Cinquième", 1), encoding="utf-8")
    assert load_report(path).paragraphs["text"].iloc[0] == asked


def test_treaty_body_record_in_capitals():
    """A treaty body's French summary record: symbol ``CERD/C/...``, title and Chair in capitals, « tenue au » on
    two lines, the Chair named without a State, « Le PRÉSIDENT » speaking in the present tense."""
    r = load_report(FIXTURES / "kinds" / "summary_record_treaty_fr.txt")
    assert r.metadata["kind"] == "summary_record"
    assert r.metadata["lang"] == "fr"
    assert list(r.meetings["meeting_id"]) == ["2004-08-24"]
    said = r.statements.groupby("para")["speaker_id"].apply(set).to_dict()
    assert 1 not in said  # the delegation takes its seats
    chair = said[2]
    assert len(chair) == 1 and r.speakers.set_index("speaker_id").loc[next(iter(chair)), "kind"] == "chair"
    assert chair == {"person:okafor"}  # the Chair the header names is a person
    assert said[3] == {"PER"}
