"""The readers on the forms real UN documents print (headers copied from the web, excerpts, older layouts).

Each fixture under ``tests/fixtures/kinds/`` is invented text (our own words) in the form of real documents the
kit was measured on (``benchmarks/real_documents``): a press release without a date line, or with a symbol line,
a headline in capitals and the department's line above the committee and meeting lines, or with its date in
figures; a summary record excerpt whose numbering starts after 1. The invariants are those of every reader
(:func:`tests.test_readers.check_structure`).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit import load_text
from kit.errors import NotAReportError
from kit.readers import detect_kind, read
from kit.readers.base import UNDATED
from kit.sources import read_source, source_from_text

from .test_readers import KINDS_DIR, SETTINGS, check_structure, quiet, sentence

# file -> (meeting date or None, body, meeting line)
RELEASES = {
    "meetings_coverage_undated_en.txt": (None, None, "12th Meeting (PM)"),
    "meetings_coverage_web_fr.txt": (None, "Quatrième Commission", "11e séance – matin"),
    "meetings_coverage_numeric_date_en.txt": (
        dt.date(2019, 3, 4),
        "Special Committee on Peacekeeping Operations",
        "280th and 281st Meetings (AM & PM)",
    ),
    "meetings_coverage_body_line_en.txt": (None, "Fourth Committee", None),
}


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_a_release_with_a_meeting_is_read_whatever_its_header(name):
    day, body, meeting_line = RELEASES[name]
    source = read_source(KINDS_DIR / name)
    assert detect_kind(source) == "meetings_coverage"
    doc = read(source)
    check_structure(source, doc, "meetings_coverage", day)
    assert doc.header["body"] == body and doc.meetings[0]["title"] == meeting_line
    head = set(doc.front_matter)
    # no header line (session, department, body, symbol, sub-headline) is read as a paragraph
    assert not head & {p.text for p in doc.paragraphs}
    assert all(p.text.rstrip('”»"').endswith((".", "!", "?")) for p in doc.paragraphs)
    # the headline is the header's own line, never a session, body or department line
    assert doc.header["title"] in head and doc.header["title"] not in {body, meeting_line}


@pytest.mark.parametrize("name", sorted(n for n, (day, _, _) in RELEASES.items() if day is None))
def test_an_undated_release_is_read_undated_and_says_so(name):
    r = quiet(load_text, (KINDS_DIR / name).read_text(encoding="utf-8"), name=name)
    assert r.metadata["date"] is None
    assert r.meetings["meeting_id"].tolist() == [UNDATED] and r.meetings["date"].isna().all()
    assert set(r.paragraphs["meeting_id"]) == {UNDATED}
    problem = r.problems[r.problems["problem"] == "meeting_date"]
    assert len(problem) == 1 and "no date" in problem["message"].iloc[0]
    r.validate()


def test_a_date_in_figures_is_read_day_first_and_an_impossible_one_is_no_date():
    text = (KINDS_DIR / "meetings_coverage_numeric_date_en.txt").read_text(encoding="utf-8")
    assert read(source_from_text(text)).meetings[0]["date"] == dt.date(2019, 3, 4)  # 04/03: 4 March
    doc = read(source_from_text(text.replace("04/03/2019", "31/02/2019")))
    assert doc.meetings[0]["date"] is None and "meeting_date" in {p["problem"] for p in doc.problems}


@pytest.mark.parametrize("line", ["11e séance plénière – matin", "219e et 220e séances – matin et après-midi"])
def test_french_meeting_lines_of_several_or_plenary_meetings(line):
    text = (KINDS_DIR / "meetings_coverage_web_fr.txt").read_text(encoding="utf-8").replace("11e séance – matin", line)
    doc = read(source_from_text(text))
    assert doc.meetings[0]["title"] == line and len(doc.paragraphs) == 3


def test_a_press_statement_covers_no_meeting_and_is_refused():
    """A symbol of a covered series and a date, but no meeting line and no line naming a body: not coverage."""
    with pytest.raises(NotAReportError) as info:
        load_text((KINDS_DIR / "press_statement_en.txt").read_text(encoding="utf-8"))
    assert "covers no meeting" in str(info.value)
    text = (KINDS_DIR / "meetings_coverage_body_line_en.txt").read_text(encoding="utf-8")
    without_body = text.replace("\nFourth Committee\n", "\n")
    with pytest.raises(NotAReportError):
        load_text(without_body)


# ---------------------------------------------------------------- summary records: excerpts, older layouts

# file -> (meeting date or None, printed numbers, agenda item of every paragraph, chair of the meeting)
RECORDS = {
    "summary_record_excerpt_en.txt": (dt.date(2025, 5, 14), [37, 39, 40, 41], "140", "Mr. Halvorsen"),
    "summary_record_capitals_en.txt": (None, [12, 13, 14], "128", "Mrs. ARNESEN"),
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_a_record_excerpt_keeps_its_printed_numbers(name):
    """Numbering that starts after 1, with gaps, is kept (a citation needs it) and said to be a problem."""
    day, numbers, item, chair = RECORDS[name]
    source = read_source(KINDS_DIR / name)
    assert detect_kind(source) == "summary_record"
    doc = read(source)
    check_structure(source, doc, "summary_record", day)
    assert [p.number for p in doc.paragraphs] == numbers
    gaps = {(pr["para"], pr["expected"]) for pr in doc.problems if pr["problem"] == "gap"}
    assert (numbers[0], 1) in gaps  # the first number is above 1
    assert {p.section for p in doc.paragraphs} == {item}
    assert doc.header["body"] == "Fifth Committee"  # from the symbol, or from the header's line naming it
    r = quiet(load_text, (KINDS_DIR / name).read_text(encoding="utf-8"), name=name)
    assert r.paragraphs["para"].tolist() == numbers and r.meetings["chair"].tolist() == [chair]
    assert (r.meetings["first_para"].tolist(), r.meetings["last_para"].tolist()) == ([numbers[0]], [numbers[-1]])


def test_agenda_sub_items_are_headings_of_their_item_never_paragraph_text():
    source = read_source(KINDS_DIR / "summary_record_capitals_en.txt")
    doc = read(source)
    titles = {p.number: p.section_title for p in doc.paragraphs}
    assert titles[12].startswith("(a) OBSERVER MISSION") and titles[14].startswith("(b) INTERIM FORCE")
    assert not any("(b)" in p.text or "AGENDA ITEM" in p.text for p in doc.paragraphs)
    assert doc.header["title"] == "70th MEETING" and doc.header["chair"] == "Mrs. ARNESEN (Vice-Chairman) (Denmark)"


def test_a_header_line_about_another_chairman_names_no_chair():
    """ "Chairman of the Advisory Committee ...: Ms. Duarte" is a header line, not the meeting's chair."""
    doc = read(read_source(KINDS_DIR / "summary_record_excerpt_en.txt"))
    assert doc.header["chair"] == "Mr. Halvorsen (Norway)"
    assert not any("Duarte" in p.text for p in doc.paragraphs)


# ---------------------------------------------------------------- generated: any header order, dated or not

BODY_LINES = {
    "en": ["Fourth Committee", "Fifth Committee (Resumed)", "Special Committee on Peacekeeping Operations"],
    "fr": ["Quatrième Commission", "Cinquième Commission", "Comité spécial des opérations de maintien de la paix"],
}
SESSION_LINES = {
    "en": ["Seventy-ninth Session,", "Sixty-third General Assembly", "2024 Session,"],
    "fr": ["Soixante-dix-neuvième session,", "Session de fond de 2011", "Reprise de session"],
}
DEPARTMENT = {
    "en": "Department of Public Information \u2022 News and Media Division \u2022 New York",
    "fr": "Département de l’information \u2022 Service des informations et des accréditations \u2022 New York",
}


@st.composite
def web_release(draw):
    """A release in the order copied from the web: symbol, headline, maybe a date, department, session, body and
    meeting lines, then prose paragraphs."""
    lang = draw(st.sampled_from(["en", "fr"]))
    n = draw(st.integers(1, 400))
    meeting = f"{n}th Meeting (AM)" if lang == "en" else f"{n}e séance – matin"
    day = draw(st.one_of(st.none(), st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31))))
    headline = "COMMITTEE HEARS TROOP CONTRIBUTORS" if lang == "en" else "LA COMMISSION ENTEND LES CONTRIBUTEURS"
    head = [draw(st.sampled_from(["GA/SPD/812", "CPSD/812", "GA/PK/240"])), "", headline, ""]
    if day is not None:
        head += [day.strftime("%d/%m/%Y"), ""]
    head += [
        DEPARTMENT[lang],
        "",
        draw(st.sampled_from(SESSION_LINES[lang])),
        draw(st.sampled_from(BODY_LINES[lang])),
        meeting,
        "",
    ]
    texts = draw(st.lists(sentence(lang), min_size=1, max_size=6))
    return "\n".join(head + [line for t in texts for line in (t, "")]), day, meeting, texts


@SETTINGS
@given(web_release())
def test_any_web_release_is_read_with_its_meeting_dated_or_not(generated):
    text, day, meeting, texts = generated
    source = source_from_text(text, name="web.txt")
    assert detect_kind(source) == "meetings_coverage"
    doc = read(source)
    check_structure(source, doc, "meetings_coverage", day)
    assert [p.text for p in doc.paragraphs] == texts and doc.meetings[0]["title"] == meeting
    assert doc.header["body"] is not None
