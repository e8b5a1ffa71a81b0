"""The structural forms the held-out real documents showed (issue #16, branch heldfix), on invented fixtures.

* meeting lines for two meetings in the singular ("301st & 302nd Meeting (AM & PM)") and French lines without
  their hyphen (« 7e séance – après midi », « 7e séance matin »);
* older releases (1995-2005 layouts) without a meeting line: read only when their text says which meeting they
  cover (the body and "this morning", « ce matin »), dated from their dateline or a date in figures run into a
  line; refused otherwise with :class:`kit.NotAReportError`, never a layout error;
* the Chair in capitals ("The CHAIRMAN", « Le PRÉSIDENT »), and a paragraph opened by a named speaker whose verb
  reports no speech ("Ms. PEREIRA (Uruguay) made closing remarks") is not the previous speaker's continuation.

Every fixture is our own text. The invariants are those of every reader (:func:`tests.test_readers.check_structure`).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kit import load_report, load_text
from kit.errors import LayoutError, NotAReportError
from kit.language import document_words
from kit.readers import KIND_NAMES, detect_kind, read
from kit.readers.base import matches
from kit.sources import read_source

from .test_readers import KINDS_DIR, check_structure, quiet

# file -> (meeting date or None, meeting line or None)
RELEASES = {
    "meetings_coverage_two_meetings_en.txt": (dt.date(2025, 2, 14), "301st & 302nd Meeting (AM & PM)"),
    "meetings_coverage_no_hyphen_fr.txt": (dt.date(2024, 11, 14), "7e séance – après midi"),
    "meetings_coverage_older_en.txt": (dt.date(1998, 11, 4), None),
    "meetings_coverage_older_fr.txt": (dt.date(1998, 11, 5), None),
    "meetings_coverage_dateline_en.txt": (dt.date(2004, 3, 2), None),
    "partial_summary_en.txt": (None, None),
    "partial_summary_fr.txt": (None, None),
}


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_older_and_two_meeting_releases_are_read(name):
    day, line = RELEASES[name]
    source = read_source(KINDS_DIR / name)
    assert detect_kind(source) == "meetings_coverage"
    doc = read(source)
    check_structure(source, doc, "meetings_coverage", day)
    meeting = doc.meetings[0]
    assert meeting["date"] == day and meeting["title"] == line
    if day is None:  # a partial summary says "today" and prints no date: undated, and said so
        assert "meeting_date" in {p["problem"] for p in doc.problems}


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_every_speaker_of_an_older_release_speaks_in_the_paragraph_cited(name):
    r = quiet(load_report, KINDS_DIR / name)
    assert len(r.statements) >= 1
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"], strict=True))
    for st in r.statements.itertuples():
        if st.attribution == "explicit":
            assert st.verb in texts[st.para]
    # the States of the invented text are found wherever "The representative of X said" opens a paragraph
    assert {"GHA"} <= set(r.statements["speaker_id"])


@pytest.mark.parametrize(
    "line",
    [
        "301st & 302nd Meeting (AM & PM)",
        "301st & 302nd Meetings (AM & PM)",
        "301st and 302nd Meetings (AM & PM)",
        "7e séance – après midi",
        "7e séance matin",
        "7e séance – matin",
        "18e & 19e séances – matin & après-midi",
    ],
)
def test_meeting_lines_of_two_meetings_and_without_hyphen(line):
    assert matches("meeting_line", line) is not None


@pytest.mark.parametrize("line", ["7e séance de la Commission", "Meeting of the Bureau", "301st & Meeting (AM)"])
def test_lines_that_are_not_meeting_lines(line):
    assert matches("meeting_line", line) is None


def _without_claim(text: str) -> str:
    """The text without the words by which it says which meeting it covers ("this afternoon", « ce matin »)."""
    for words in document_words():
        text = re.sub(words.covers_meeting, "", text)
    return text


@pytest.mark.parametrize(
    "name",
    [
        "meetings_coverage_older_en.txt",
        "meetings_coverage_older_fr.txt",
        "meetings_coverage_dateline_en.txt",
        "partial_summary_en.txt",
        "partial_summary_fr.txt",
        "press_statement_en.txt",
        "press_statement_fr.txt",
    ],
)
def test_a_release_that_does_not_say_which_meeting_it_covers_is_refused_as_a_release(name):
    """No meeting line and nothing in the text saying it covers a meeting: a NotAReportError that names what the
    text is and the kinds the kit reads, never 'no numbered paragraphs found'."""
    text = _without_claim((KINDS_DIR / name).read_text(encoding="utf-8"))
    with pytest.raises(LayoutError) as info:
        load_text(text, name=name)
    err = info.value
    assert type(err) is NotAReportError
    assert "press release covers no meeting" in str(err) and "no numbered" not in str(err)
    assert all(kind in str(err) for kind in KIND_NAMES) and name in str(err)
    assert "communiqué" in err.localized("fr")


def test_a_claim_about_another_body_covers_no_meeting():
    """The day alone is not enough: the release must name the body its symbol (or header) names."""
    text = (KINDS_DIR / "meetings_coverage_older_en.txt").read_text(encoding="utf-8")
    other = text.replace(
        "the Fourth Committee (Special Political and Decolonization) was told", "the Security Council was told"
    )
    assert other != text
    with pytest.raises(NotAReportError):
        load_text(other)


def test_a_dateline_without_a_year_takes_the_year_before_a_january_release():
    text = (KINDS_DIR / "meetings_coverage_dateline_en.txt").read_text(encoding="utf-8")
    text = text.replace("3 March 2004", "2 January 2004").replace("NEW YORK, 2 March", "NEW YORK, 30 December")
    r = quiet(load_text, text)
    assert r.meetings["date"].iloc[0] == dt.datetime(2003, 12, 30)


# --------------------------------------------------------------------- the Chair in capitals, closing remarks


@pytest.mark.parametrize("name", ["summary_record_chairman_en.txt", "summary_record_chairman_fr.txt"])
def test_the_chairman_in_capitals_is_the_chair(name):
    r = quiet(load_report, KINDS_DIR / name)
    first = r.statements[r.statements["para"] == 1]
    assert list(first["speaker_id"]) == ["person:okafor"]
    assert first["attribution"].iloc[0] == "explicit"


@pytest.mark.parametrize("name", ["summary_record_chairman_en.txt", "summary_record_chairman_fr.txt"])
def test_a_named_subject_without_a_reporting_verb_stops_continuation(name):
    """'Ms. PEREIRA (Uruguay) made closing remarks' and 'The CHAIRMAN suspended the meeting' are no one's
    continuation; a paragraph without a subject of its own still continues the previous speaker. Closing remarks
    are a speech act of their own speaker, as a reader marks them (``docs/who-speaks.md``); suspending the
    meeting is not speech."""
    r = quiet(load_report, KINDS_DIR / name)
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"], strict=True))
    by_para = r.statements.groupby("para")["speaker_id"].apply(set).to_dict()
    closing = next(p for p, t in texts.items() if "(Uruguay)" in t)
    suspended = max(texts)
    assert by_para.get(closing) == {"URY"} and suspended not in by_para
    assert set(r.statements[r.statements["para"] == closing]["attribution"]) == {"explicit"}
    continued = r.statements[r.statements["attribution"] == "continued"]
    assert set(continued["speaker_id"]) == {"GHA"}
    # a continuation follows the paragraph of its speaker
    for st in continued.itertuples():
        assert st.speaker_id in by_para.get(st.para - 1, set())


def test_the_named_subject_is_a_state_of_the_tables():
    """A name followed by brackets that are not a State (an acronym) opens no subject of its own."""
    text = (KINDS_DIR / "summary_record_chairman_en.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Ms. PEREIRA (Uruguay) made closing remarks on behalf of the Bureau.",
        "United Nations Mission in the Region (UNMR) had shown what training could do.",
    )
    r = quiet(load_text, text)
    continued = r.statements[r.statements["attribution"] == "continued"]
    assert 4 in set(continued["para"])


def test_an_older_release_without_furniture_is_read_in_its_own_language():
    """No meeting line and no "Communiqué de presse": the words of the release's language still read its
    dateline (« 5 novembre 1998 ») and its claim (« ce matin »)."""
    text = (KINDS_DIR / "meetings_coverage_older_fr.txt").read_text(encoding="utf-8")
    bare = text.replace("Communiqué de presse\n", "")
    assert bare != text
    r = quiet(load_text, bare)
    assert r.meetings["date"].iloc[0] == dt.datetime(1998, 11, 5)
    assert r.metadata["kind"] == "meetings_coverage"
