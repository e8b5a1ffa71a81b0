"""Verbatim records (``S/PV.9391``; « procès-verbal »): read into the same tables as the other kinds.

The fixtures ``tests/fixtures/kinds/verbatim*.txt`` are invented records in the form of real ones (header, the
President, a Members list, the agenda, procedural lines, an official introduced and speaking, "(spoke in
French)", a vote). The assertions are invariants: the structure every reader keeps (``check_structure``), every
speech heading gives its paragraph's speaker and is not quoted, every paragraph of a speech is its speaker's,
the quotes are whole sentences of the speech, and the English and French records give the same speakers.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import load_corpus, load_report, load_text
from kit.errors import NotAReportError
from kit.readers import KIND_NAMES, detect_kind, read
from kit.readers.base import matches
from kit.sentences import sentence_spans
from kit.sources import read_source
from kit.speech_heading import heading_at

from .generators_kinds import verbatim_record
from .test_readers import KINDS_DIR, check_structure, quiet

# file -> (meeting date, body)
VERBATIM = {
    "verbatim_record_en.txt": (dt.date(2023, 10, 17), "Security Council"),
    "verbatim_record_fr.txt": (dt.date(2023, 10, 17), "Conseil de sécurité"),
    "verbatim_en.txt": (dt.date(2023, 10, 17), "Security Council"),
    "verbatim_record_pdf_en.txt": (dt.date(2023, 10, 17), "Security Council"),
}
PAIR = ("verbatim_record_en.txt", "verbatim_record_fr.txt")  # the same meeting in both languages


@pytest.fixture(scope="module", params=sorted(VERBATIM))
def loaded(request):
    name = request.param
    return name, quiet(load_report, KINDS_DIR / name, cache=False)


@pytest.mark.parametrize("name", sorted(VERBATIM))
def test_the_kind_is_detected_and_the_structure_is_every_readers(name):
    day, body = VERBATIM[name]
    source = read_source(KINDS_DIR / name)
    assert detect_kind(source) == "verbatim_record" and "verbatim_record" in KIND_NAMES
    doc = read(source)
    check_structure(source, doc, "verbatim_record", day)
    assert doc.meetings[0]["body"] == body
    # the Members list and the vote lists are kept out of the paragraphs (and in the header)
    lines = [line.strip() for line in source.lines]
    covered = set()  # the source lines of the paragraphs: each a run of non-blank lines from its line
    for p in doc.paragraphs:
        i = p.line - 1
        while i < len(lines) and lines[i]:
            covered.add(i)
            i += 1
    listed = [i for i, line in enumerate(lines) if matches("members", line) or matches("vote_list", line)]
    for i in listed:
        while i < len(lines) and lines[i]:
            assert i not in covered, lines[i]
            i += 1
    assert doc.header["members"] and listed
    # the header ends at the first speech (or at "called to order"): the record's first paragraph is a speech's
    assert heading_at(doc.paragraphs[0].text, "fr" if name.endswith("_fr.txt") else "en")


def test_the_meeting_row_and_the_header(loaded):
    name, r = loaded
    day, body = VERBATIM[name]
    assert r.metadata["kind"] == "verbatim_record" and r.metadata["symbol"] == "S/PV.9391"
    (m,) = r.meetings.to_dict("records")
    assert m["date"].date() == day and m["body"] == body and m["title"].startswith("9391")
    assert m["chair"] == r.metadata["chair"] and m["chair"].endswith("Lindqvist")  # the header's "President:"
    assert (m["first_para"], m["last_para"]) == (1, len(r.paragraphs))
    assert r.paragraphs["para"].tolist() == list(range(1, len(r.paragraphs) + 1))
    assert not r.paragraphs["numbered"].any()
    assert r.cite(2).endswith("para. 2")  # cited like any other paragraph
    r.validate()


@pytest.mark.parametrize("name", PAIR)
def test_members_and_votes_are_metadata(name):
    r = quiet(load_report, KINDS_DIR / name, cache=False)
    members = r.metadata["members"]
    assert len(members) == 5 and all(":" in entry for entry in members)  # "Ghana: Mr. Mensah"
    assert len(r.metadata["votes"]) == 2


def test_every_speaker_speaks_in_the_paragraph_cited_and_headings_are_not_quoted(loaded):
    name, r = loaded
    lang = r.metadata["lang"]
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"], strict=True))
    by_para = r.statements.groupby("para")
    assert set(by_para.groups) == set(texts)  # every paragraph of a speech is someone's
    previous = None
    for para, text in texts.items():
        rows = by_para.get_group(para)
        assert len(rows) == 1, rows  # one speech at a time: a State named in a speech does not speak there
        s = rows.iloc[0]
        m = heading_at(text, lang)
        if m:  # the heading names the speaker; its words are the quote, from the first word after the colon
            assert s["attribution"] == "explicit" and s["start"] == m.end() and s["lemma"] == "say"
            assert s["text"] == text[m.end() :]
            assert not heading_at(s["text"], lang)
        else:  # a paragraph without a heading continues the speech before it
            assert s["attribution"] == "continued" and s["speaker_id"] == previous
            assert s["text"] == text
        # quotes are whole sentences of the speech
        speech = text[m.end() :] if m else text
        ends = {e for _, e in sentence_spans(speech)}
        assert len(speech) in ends and s["text"] == speech
        previous = s["speaker_id"]


def test_who_speaks(loaded):
    name, r = loaded
    speakers = r.speakers.set_index("speaker_id")
    chair = speakers.loc["person:lindqvist"]  # "The President:" is the header's President, a person
    assert chair["kind"] == "chair" and chair["represents_iso3"] == "SWE"
    if name in PAIR:
        moreau = speakers.loc["person:moreau"]  # "Mr. Moreau:", the official the President introduced
        assert moreau["kind"] == "briefer" and moreau["name"] == "Hugo Moreau"
        assert moreau["title"].startswith(("Under-Secretary-General", "Secrétaire général adjoint"))
        st = r.statements.set_index("para")
        laurent = r.paragraphs.set_index("para")["text"].str.contains("Laurent (France)", regex=False)
        assert st.loc[laurent[laurent].index, "speaker_id"].tolist() == ["FRA"]  # "(spoke in French)"
        assert set(speakers.index) == {"person:lindqvist", "person:moreau", "GHA", "FRA", "MUS", "JPN"}


def test_both_languages_give_the_same_speakers_paragraph_by_paragraph():
    en, fr = (quiet(load_report, KINDS_DIR / name, cache=False) for name in PAIR)
    cols = ["para", "speaker_id", "attribution"]
    assert en.statements[cols].values.tolist() == fr.statements[cols].values.tolist()
    assert en.statements["verb"].dropna().unique().tolist() == ["said"]
    assert fr.statements["verb"].dropna().unique().tolist() == ["dit"]


def test_the_kind_given_and_a_folder_mixing_kinds(tmp_path):
    r = quiet(load_report, KINDS_DIR / "verbatim_record_en.txt", kind="verbatim_record", cache=False)
    assert r.metadata["kind"] == "verbatim_record"
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("summary_record_en.txt", "meetings_coverage_fr.txt", *PAIR):
        shutil.copy(KINDS_DIR / name, folder / name)
    corpus = quiet(load_corpus, folder)
    docs = corpus.documents.set_index("report_id")
    assert set(docs["kind"]) == {"summary_record", "meetings_coverage", "verbatim_record"}
    rows = corpus.statements[corpus.statements["report_id"] == "verbatim_record_fr"]
    assert corpus.cite(rows.head(1)) == "S/PV.9391, para. 1"


def test_a_verbatim_record_without_speeches_is_refused_with_the_kit_s_error():
    text = Path(KINDS_DIR / "verbatim_record_en.txt").read_text(encoding="utf-8")
    header = text.split("The President:", 1)[0]
    with pytest.raises(NotAReportError) as info:
        load_text(header + "The meeting rose at 4.50 p.m.\n")
    err = info.value
    assert "verbatim record (S/PV.9391) has no speech" in str(err)
    assert all(kind in str(err) for kind in KIND_NAMES)
    assert "procès-verbal" in err.localized("fr") and err.line == 1
    fr = Path(KINDS_DIR / "verbatim_record_fr.txt").read_text(encoding="utf-8").split("Le Président (", 1)[0]
    with pytest.raises(NotAReportError, match="has no speech"):
        load_text(fr)


# ---------------------------------------------------------------- generated records (tests/generators_kinds.py)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), lang=st.sampled_from(["en", "fr"]), n=st.integers(1, 12))
def test_generated_records_give_the_speakers_a_reader_marks(seed, lang, n):
    doc = verbatim_record(seed, lang, n_paras=n)
    r = quiet(load_text, doc.text, name=f"pv-{seed}.txt")
    assert r.metadata["kind"] == "verbatim_record" and r.metadata["lang"] == lang
    assert r.metadata["symbol"] == doc.symbol and len(r.metadata["members"]) == 5
    assert r.paragraphs["para"].tolist() == list(range(1, n + 1))  # procedural lines are no paragraphs
    assert set(zip(r.statements["para"], r.statements["speaker_id"], strict=True)) == doc.expected
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"], strict=True))
    for s in r.statements.itertuples():
        assert s.text == texts[s.para][s.start : s.end] and s.text == texts[s.para][s.start :]


def test_a_pdf_record_loses_its_running_heads_and_reads_its_members():
    """Page furniture, the running head (alone or with the item and the date in columns) and the Members list
    whose leaders a PDF's text prints as one period ("Ghana. Mr. Mensah")."""
    r = quiet(load_report, KINDS_DIR / "verbatim_record_pdf_en.txt", cache=False)
    assert r.metadata["members"][2] == "Ghana: Mr. Mensah" and len(r.metadata["members"]) == 4
    assert r.metadata["chair"] == "Mr. Lindqvist"
    text = " ".join(r.paragraphs["text"])
    assert "S/PV" not in text and "23-30123" not in text and "17/10/2023" not in text
    assert set(r.paragraphs["section_title"]) == {"United Nations peacekeeping operations"}
    assert r.statements[["para", "speaker_id", "attribution"]].values.tolist()[-2:] == [
        [3, "GBR", "explicit"],
        [4, "GBR", "continued"],  # a speech over a page break, the running head left out
    ]


@pytest.mark.parametrize(
    "name, old, new",
    [
        (
            "verbatim_record_en.txt",
            "The President: I thank Mr. Moreau for his briefing.",
            "The President: Mr. Moreau, thank you for your briefing.",
        ),
        (
            "verbatim_record_fr.txt",
            "Le Président (parle en anglais) : Je remercie M. Moreau de son exposé.",
            "Le Président : M. Moreau, merci de votre exposé.",
        ),
    ],
)
def test_a_person_the_president_addresses_is_not_the_chair(name, old, new):
    """ "President: Mr. Lindqvist (Sweden)" names the chair; "The President: Mr. Moreau, ..." opens a speech."""
    text = (KINDS_DIR / name).read_text(encoding="utf-8")
    assert old in text
    r = quiet(load_text, text.replace(old, new))
    kinds = r.speakers.set_index("speaker_id")["kind"]
    assert kinds["person:lindqvist"] == "chair" and kinds["person:moreau"] == "briefer"
    assert (kinds == "chair").sum() == 1
