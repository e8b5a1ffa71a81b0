"""Honorifics in French text: each English honorific has its French form in honorifics.csv, which the French
handout writes (« le général de division Menon », « M. Carrilho »); quotes from the report stay verbatim."""

from __future__ import annotations

import copy
import html
import re
import shutil

import pytest

from kit import load_report, load_text
from kit.gazetteer import load_gazetteer, read_table
from kit.paths import REFERENCE_DIR
from kit.teaching.handout import build_handout

ROWS = read_table("honorifics.csv")
FRENCH = {r["honorific"] for r in ROWS if r["lang"] == "fr"}
ENGLISH_ONLY = sorted({r["honorific"] for r in ROWS if r["lang"] == "en"} - FRENCH)


@pytest.fixture(scope="module")
def r():
    return load_report()


def outside_quotes(page: str) -> str:
    """The handout's text without its tags and without the report's words quoted in “…” or « … »."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"“[^”]*”|«[^»]*»", " ", text)


def named(text: str, honorific: str, surname: str) -> int:
    return len(re.findall(rf"(?<![\w.-]){re.escape(honorific)}\s+{re.escape(surname)}\b", text))


def test_the_french_handout_names_persons_with_french_honorifics(r):
    fr = outside_quotes(build_handout(r, lang="fr"))
    en = outside_quotes(build_handout(r, lang="en"))
    g = load_gazetteer()
    persons = [p for p in r.speakers.itertuples() if str(p.speaker_id).startswith("person:")]
    assert persons
    found = 0
    for p in persons:
        surname = str(p.name).split()[-1]
        for h in ENGLISH_ONLY:
            assert not named(fr, h, surname), (h, surname)
        if isinstance(p.honorific, str) and p.honorific:
            french = g.honorific_in(p.honorific, "fr")
            assert french, p.honorific  # every honorific the bundled report uses has its French form
            # the French handout names the person wherever the English one does, with the French honorific
            assert named(fr, french, surname) == named(en, p.honorific, surname)
            found += named(en, p.honorific, surname)
    assert found  # the handout names at least one person by honorific and surname


def test_quotes_stay_verbatim_in_the_french_handout(r):
    page = html.unescape(build_handout(r, lang="fr"))
    texts = " ".join(r.paragraphs["text"])
    quotes = re.findall("«\u00a0([^»]*)\u00a0»", page)  # the report's words, in French quotation marks
    assert quotes and all(q in texts for q in quotes)
    assert "“" not in page


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['lang']}:{r['honorific']}" for r in ROWS])
def test_every_honorific_has_a_french_form_the_french_grammar_reads_back(row):
    g = load_gazetteer()
    assert row["fr_article"] in {"", "le", "la", "l'"}
    if row["lang"] == "en":
        assert row["fr_honorific"] in FRENCH | {""}, "the French form must be a French row, so French reports parse it"
        wanted = row["fr_honorific"]
    else:
        assert row["fr_honorific"] == ""  # a French row is its own French form
        wanted = row["honorific"]
    form = g.honorific_in(row["honorific"], "fr")
    if not wanted:
        assert form is None
        return
    assert form and form.endswith(wanted) and form.startswith(row["fr_article"])
    if row["lang"] == "fr" and row["honorific"] in {x["honorific"] for x in ROWS if x["lang"] == "en"}:
        return  # "Mme", "Sir": one spelling in both tables
    sentence = form[:1].upper() + form[1:]
    report = load_text(
        f"1. Le représentant du Chili a dit que la paix comptait.\n2. {sentence} Dupont a dit que la paix comptait.\n",
        name="fr.md",
    )
    said = report.statements[report.statements["para"] == 2]
    assert list(said["speaker_id"]) == ["person:dupont"], sentence
    assert report.speakers.set_index("speaker_id").loc["person:dupont", "honorific"] == wanted


def test_an_honorific_with_no_french_form_names_the_person_in_full(r, tmp_path, monkeypatch):
    """A trainer adds an English row and leaves its French cells empty: French text names the person by their
    full name, never by the English honorific."""
    folder = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, folder)
    with open(folder / "honorifics.csv", "a", encoding="utf-8") as f:
        f.write("Chief Inspector,police rank,en,,\n")
    monkeypatch.setattr("kit.gazetteer.REFERENCE_DIR", folder)
    g = load_gazetteer()
    assert g.folder == folder and g.honorific_in("Chief Inspector", "fr") is None
    assert g.honorific_in("Chief Inspector", "en") == "Chief Inspector"
    before = outside_quotes(build_handout(r, lang="fr"))
    changed = copy.copy(r)
    persons = r.speakers["speaker_id"].str.startswith("person:")
    changed.speakers = r.speakers.assign(honorific=r.speakers["honorific"].where(~persons, "Chief Inspector"))
    after = outside_quotes(build_handout(changed, lang="fr"))
    assert "Chief Inspector" not in after
    for p in r.speakers[persons].itertuples():
        surname = str(p.name).split()[-1]
        by_honorific = (
            named(before, g.honorific_in(p.honorific, "fr") or "\0", surname) if isinstance(p.honorific, str) else 0
        )
        assert after.count(str(p.name)) == before.count(str(p.name)) + by_honorific, p.name


def test_an_unknown_or_missing_honorific_has_no_form():
    g = load_gazetteer()
    assert g.honorific_in(None, "fr") is None and g.honorific_in("", "fr") is None
    assert g.honorific_in("Grand Vizier", "fr") is None


def test_a_person_named_as_the_french_handout_names_them_is_found(r):
    """A French trainer types the name as the French handout writes it (« le général de division Menon »)."""
    from kit.teaching.speakers import SpeakerNames

    names = SpeakerNames(r.speakers, r.statements)
    g = load_gazetteer()
    checked = 0
    for p in r.speakers.itertuples():
        if str(p.speaker_id).startswith("person:") and isinstance(p.honorific, str) and p.honorific:
            french = g.honorific_in(p.honorific, "fr")
            surname = str(p.name).split()[-1]
            assert names(f"{french} {surname}") == p.speaker_id
            assert names(f"{french[:1].upper()}{french[1:]} {surname}") == p.speaker_id
            checked += 1
    assert checked
