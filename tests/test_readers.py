"""Document readers (kit.readers): summary records, meetings coverage, verbatim records, annual reports.

The fixtures under ``tests/fixtures/kinds/`` are invented text in the forms of the real documents (headers,
page furniture of PDF text, sub-headings). The assertions are invariants of the structure, not outputs of one
file: the kind is detected, the one meeting is dated from the header and covers every paragraph, paragraphs run
1..n, each paragraph is a run of the source starting at its ``line``, no header line, procedural line or heading
is inside a paragraph, and what is not reported speech is refused with a :class:`kit.NotAReportError` that says
what it is.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import load_report, load_text
from kit.errors import LayoutError, NotAReportError, ReportError
from kit.language import LANGUAGES, document_words
from kit.layout import is_furniture, parse_layout
from kit.parse import parse_rows
from kit.readers import KIND_NAMES, KINDS, detect_kind, read
from kit.readers.base import UNDATED, matches
from kit.rows import ViewReport
from kit.sources import read_source, source_from_text

from .conftest import examples

KINDS_DIR = Path(__file__).parent / "fixtures" / "kinds"

# file -> (kind, meeting date, body, printed numbers?)
READ = {
    "summary_record_en.txt": ("summary_record", dt.date(2023, 10, 17), "Fourth Committee", True),
    "summary_record_fr.txt": ("summary_record", dt.date(2023, 10, 17), "Quatrième Commission", True),
    "summary_record_pdf_en.txt": ("summary_record", dt.date(2023, 10, 26), "Fourth Committee", True),
    "meetings_coverage_en.txt": ("meetings_coverage", dt.date(2023, 10, 17), "Security Council", False),
    "meetings_coverage_fr.txt": ("meetings_coverage", dt.date(2023, 10, 17), "Conseil de sécurité", False),
    "meetings_coverage_md_en.md": (
        "meetings_coverage",
        dt.date(2023, 2, 20),
        "Special Committee on Peacekeeping Operations",
        False,
    ),
}
REFUSED: dict[str, str] = {}  # a verbatim record is read since it has speeches (tests/test_readers_verbatim.py)
PROCEDURAL = ("opened", "rose", "procedural", "media", "meeting_line", "pv_procedural", "vote_list")
UNNUMBERED = ("meetings_coverage", "verbatim_record")  # the kinds whose paragraphs the kit numbers


def quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


# ---------------------------------------------------------------- invariants, shared with the property tests


def _stream(source, doc, p) -> str:
    """The source from paragraph ``p``'s first line on (its printed number, page furniture and the running head
    left out), as one string in which a word hyphenated at a line end is whole again."""
    lines = []
    for i, line in enumerate(source.lines[p.line - 1 : p.line + 40]):
        text = line.strip()
        if is_furniture(text) or text == doc.symbol:
            continue
        if i == 0 and p.numbered:
            text = re.sub(r"^\d+\.\s*", "", text)
        lines.append(text)
    return "\n".join(lines)


def _flat(text: str) -> str:
    """Text without hyphens and with one space between words: a hyphen at a line end may be mended or kept."""
    return " ".join(re.sub(r"-\n", "-", text).replace("-", "").split())


def check_structure(source, doc, kind: str, day: dt.date | None = None) -> None:
    """The invariants of every reader's output."""
    assert doc.kind == kind
    numbers = [p.number for p in doc.paragraphs]
    if kind in UNNUMBERED:  # the kit numbers a release's or a verbatim record's paragraphs
        assert numbers == list(range(1, len(numbers) + 1))
    else:  # printed numbers are kept; an excerpt's first number above 1 and each gap are numbering problems
        assert numbers == sorted(set(numbers))
        breaks = {n for k, n in enumerate(numbers) if n != (numbers[k - 1] + 1 if k else 1)}
        assert breaks <= {pr["para"] for pr in doc.problems if pr["problem"] == "gap"}
    assert {p.numbered for p in doc.paragraphs} == {kind not in UNNUMBERED}
    lines = [p.line for p in doc.paragraphs]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    for p in doc.paragraphs:
        assert p.text and p.text == " ".join(p.text.split())
        # traceability: the paragraph is a run of the source that starts at its line
        assert _flat(_stream(source, doc, p)).startswith(_flat(p.text)), (p.number, p.text)
    stripped = [s.strip() for s in source.lines]
    for line in doc.front_matter:  # the header comes before the first paragraph (and so is in none)
        assert stripped.index(line) + 1 < doc.paragraphs[0].line, line
    titles = [title for _, title, _ in doc.sections]
    own = [s for s in stripped if any(matches(f, s) for f in PROCEDURAL)]
    for p in doc.paragraphs:
        for line in titles + own:
            assert line not in p.text, (p.number, line)
    for _numeral, _title, line in doc.sections:  # a heading sits between paragraphs, never inside one
        assert all(p.line != line for p in doc.paragraphs)
    assert len(doc.meetings) == 1
    m = doc.meetings[0]
    assert (m["first_para"], m["last_para"]) == (numbers[0], numbers[-1])
    if day is not None:
        assert m["date"] == day and m["meeting_id"] == day.isoformat()
    else:  # an undated header: the meeting is undated and the problems say so
        assert m["date"] is None and m["meeting_id"] == UNDATED
        assert "meeting_date" in {pr["problem"] for pr in doc.problems}


# ---------------------------------------------------------------- the fixtures


@pytest.mark.parametrize("name", sorted(READ) + sorted(REFUSED))
def test_the_kind_is_detected_from_the_structure(name):
    expected = READ[name][0] if name in READ else REFUSED[name]
    assert detect_kind(read_source(KINDS_DIR / name)) == expected


@pytest.mark.parametrize("name", sorted(READ))
def test_each_reader_gives_the_same_structure(name):
    kind, day, body, numbered = READ[name]
    source = read_source(KINDS_DIR / name)
    doc = read(source)
    check_structure(source, doc, kind, day)
    assert doc.meetings[0]["body"] == body
    assert len(doc.paragraphs) == 5


@pytest.mark.parametrize("name", sorted(READ))
def test_the_tables_of_every_kind(name):
    kind, day, body, numbered = READ[name]
    r = quiet(load_report, KINDS_DIR / name, cache=False)
    assert r.metadata["kind"] == kind and r.metadata["date"] == day and r.metadata["body"] == body
    assert r.metadata["symbol"] and r.metadata["symbol"] in Path(KINDS_DIR / name).read_text(encoding="utf-8")
    assert r.paragraphs["numbered"].tolist() == [numbered] * len(r.paragraphs)
    (mid,) = r.meetings["meeting_id"].tolist()
    assert set(r.paragraphs["meeting_id"]) == {mid} and set(r.statements["meeting_id"]) <= {mid}
    assert r.meetings["date"].dt.date.tolist() == [day]
    r.validate()
    assert r.cite(2).endswith("para. 2")  # unnumbered paragraphs are cited the same way


def test_the_header_chair_chairs_the_meeting_and_the_chair_speaks():
    r = quiet(load_report, KINDS_DIR / "summary_record_en.txt", cache=False)
    assert r.meetings["chair"].tolist() == ["Mr. Lindqvist"]
    assert r.metadata["chair"] == "Mr. Lindqvist" and r.metadata["later_chair"].startswith("Ms. Adjei")
    first = r.statements[r.statements["para"] == 1]
    assert first["speaker_kind"].tolist() == ["chair"]


def test_agenda_headings_are_sections_and_never_paragraph_text():
    for name in ("summary_record_en.txt", "summary_record_fr.txt", "summary_record_pdf_en.txt"):
        doc = read(read_source(KINDS_DIR / name))
        assert [p.section for p in doc.paragraphs] == ["53", "53", "53", None, None]
        assert doc.paragraphs[0].section_title.endswith(("aspects (continued)", "aspects (suite)"))
        assert doc.paragraphs[3].section_title in ("General debate (continued)", "Débat général (suite)")


def test_a_pdf_record_loses_its_page_furniture_and_mends_its_lines():
    doc = read(read_source(KINDS_DIR / "summary_record_pdf_en.txt"))
    texts = " ".join(p.text for p in doc.paragraphs)
    assert "23-19876" not in texts and "SR.12" not in texts and "/4" not in texts
    assert "with the resources they were given." in doc.paragraphs[2].text  # "re-" + "sources"
    assert doc.paragraphs[3].pages == 2  # split by a page break, joined again
    assert doc.header["chair"] == "Mr. Lindqvist (Sweden)"  # dot leaders of the PDF left out


def test_press_release_sub_headings_title_the_paragraphs_after_them():
    for name, heads in (
        ("meetings_coverage_en.txt", ["Briefings", "Statements"]),
        ("meetings_coverage_fr.txt", ["Exposés", "Déclarations"]),
        ("meetings_coverage_md_en.md", ["Opening Remarks", "Statements"]),
    ):
        doc = read(read_source(KINDS_DIR / name))
        assert [t for _, t, _ in doc.sections] == heads
        assert [p.section_title for p in doc.paragraphs] == [None, heads[0], heads[1], heads[1], heads[1]]


def test_the_kind_given_overrides_detection():
    path = KINDS_DIR / "summary_record_en.txt"
    as_report = quiet(load_report, path, kind="report", cache=False)
    assert as_report.metadata["kind"] == "report"
    # read as a report, the header's agenda heading is read into the paragraph before it: the kind matters
    assert len(as_report.paragraphs) == 5 and as_report.meetings.empty
    with pytest.raises(LayoutError, match="no numbered paragraphs"):
        read(read_source(KINDS_DIR / "meetings_coverage_en.txt"), "summary_record")
    text = (KINDS_DIR / "meetings_coverage_en.txt").read_text(encoding="utf-8")
    assert quiet(load_text, text, kind="meetings_coverage").metadata["kind"] == "meetings_coverage"


@pytest.mark.parametrize(
    "call",
    [
        lambda: load_report(KINDS_DIR / "summary_record_en.txt", kind="minutes", cache=False),
        lambda: load_text("1. The representative of Chile said it.", kind="minutes"),
        lambda: parse_rows(source_from_text("1. The representative of Chile said it."), kind="minutes"),
        lambda: read("1. The representative of Chile said it.", "minutes"),
    ],
)
def test_an_unknown_kind_is_a_clear_error_listing_the_kinds(call):
    with pytest.raises(ReportError, match="unknown document kind 'minutes'") as info:
        call()
    assert all(kind in str(info.value) for kind in KINDS)
    assert "type de document inconnu" in info.value.localized("fr")


# ---------------------------------------------------------------- refusals


def test_speeches_under_speakers_names_are_a_verbatim_record_without_a_symbol():
    text = "\n\n".join(
        [
            "The President: I give the floor to Mr. Mensah.",
            "Mr. Mensah (Ghana): I thank you, Madam President.",
            "The President: I now give the floor to the representative of Peru.",
            "Mr. Quispe (Peru): Let me begin by thanking the briefers.",
        ]
    )
    assert detect_kind(text) == "verbatim_record"
    r = quiet(load_text, text)  # read, not refused: the speaker is the heading, the words are theirs
    assert r.metadata["kind"] == "verbatim_record"
    assert r.statements[["para", "speaker_id"]].values.tolist()[1::2] == [[2, "GHA"], [4, "PER"]]


def _strip_meeting_line(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not matches("meeting_line", line.strip()))


def _strip_meeting(text: str) -> str:
    """The release without its meeting line, and without the words by which its text says it covers a meeting
    ("today", « aujourd'hui »): nothing left says which meeting it covers."""
    text = _strip_meeting_line(text)
    for words in document_words():
        text = re.sub(words.covers_meeting, "", text)
    return text


@pytest.mark.parametrize("name", ["meetings_coverage_en.txt", "meetings_coverage_fr.txt"])
def test_a_press_release_is_never_a_layout_error(name):
    """A release that covers no meeting is refused as what it is, never 'no numbered paragraphs found'."""
    text = _strip_meeting((KINDS_DIR / name).read_text(encoding="utf-8"))
    with pytest.raises(LayoutError) as info:
        load_text(text, name=name)
    assert type(info.value) is NotAReportError
    assert "press release covers no meeting" in str(info.value) and "no numbered" not in str(info.value)
    assert all(kind in str(info.value) for kind in KIND_NAMES)
    statement = (
        "SG/SM/22010\n17 October 2023\n\nSecretary-General Welcomes Ceasefire\n\n"
        "The Secretary-General said that he welcomed the ceasefire.\n"
    )
    with pytest.raises(LayoutError) as info:
        load_text(statement)
    assert type(info.value) is NotAReportError


def test_refusal_messages_say_the_same_thing_whatever_the_count():
    """No meeting and no statement, or no meeting and too few statements: each message says what is missing,
    never contradicts itself, and names the kinds the kit reads."""
    none = "1. Milk and eggs.\n2. Bread and butter.\n3. Sugar."
    few = "1. Milk and eggs.\n2. Bread and butter.\n3. The representative of France said that bread mattered."
    with pytest.raises(NotAReportError) as a:
        load_text(none)
    with pytest.raises(NotAReportError) as b:
        quiet(load_text, few)
    for err in (a.value, b.value):
        message = str(err)
        assert "no paragraph dates a meeting" in message and "does not look like a report of reported speech" in message
        assert all(kind in message for kind in KIND_NAMES)
        assert "numbered paragraph" not in message
    assert "attributes a statement" in str(a.value) and "only" not in str(a.value)
    assert "only 1 of 3 paragraphs attribute a statement" in str(b.value)
    assert "no paragraph dates a meeting or attributes" not in str(b.value)
    assert "seuls 1 des 3 paragraphes" in b.value.localized("fr")


# ---------------------------------------------------------------- the annual report is read as before


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).parents[1] / "data" / "reports").glob("*.md"))
    + sorted((Path(__file__).parent / "fixtures").glob("*.md")),
    ids=lambda p: p.name,
)
def test_annual_reports_are_detected_as_reports(path):
    assert detect_kind(read_source(path)) == "report"


def test_the_bundled_report_is_a_report_with_printed_numbers(report):
    assert report.metadata["kind"] == "report"
    assert report.paragraphs["numbered"].all() and report.paragraphs["numbered"].dtype == bool


def test_a_heading_wrapped_in_pdf_text_is_not_read_into_the_paragraph_before():
    text = (
        "S/2023/42\n"
        "1. On 1 May 2023, the Working Group held a meeting on safety.\n"
        "2. The representative of Chile said that it was so.\n"
        "III. Implementation of Security Council resolution 2518 (2020) on the safety and security of\n"
        "peacekeepers\n"
        "23-19876   3/12\n"
        "3. The representative of Peru said that it was not.\n"
    )
    doc = parse_layout(source_from_text(text, name="excerpt.txt"))
    assert doc.paragraphs[1].text == "The representative of Chile said that it was so."
    assert doc.paragraphs[2].section == "III"
    assert doc.paragraphs[2].section_title.endswith("safety and security of peacekeepers")


def test_a_report_json_keeps_unnumbered_paragraphs_and_reads_older_files():
    rows, meta = quiet(parse_rows, read_source(KINDS_DIR / "meetings_coverage_en.txt"))
    view = ViewReport.from_rows(rows, meta)
    data = view.to_json()
    assert {p["numbered"] for p in data["tables"]["paragraphs"]} == {False}
    assert ViewReport.from_json(data) == view
    for p in data["tables"]["paragraphs"]:  # a report.json written before document kinds
        del p["numbered"]
    assert {p["numbered"] for p in ViewReport.from_json(data).paragraphs} == {True}


# ---------------------------------------------------------------- generated documents (hypothesis)

SETTINGS = settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
STATES = {
    "en": ["Chile", "Peru", "Ghana", "Kenya", "Nepal", "Japan"],
    "fr": ["du Chili", "du Pérou", "du Ghana", "du Kenya", "du Népal", "du Japon"],
}
WORDS = {
    "en": "training equipment peacekeepers missions communities mandates resources civilians trust "
    "safety evacuation planning".split(),
    "fr": "formation matériel soldats missions communautés mandats ressources civils confiance "
    "sécurité évacuation planification".split(),
}
WEEKDAYS = {"en": LANGUAGES["en"].weekdays.split("|"), "fr": LANGUAGES["fr"].weekdays.split("|")}
FREE_HEADINGS = {
    "en": ["General debate", "Organization of work", "Election of officers (continued)"],
    "fr": ["Débat général", "Organisation des travaux", "Élection du Bureau (suite)"],
}
SUB_HEADINGS = {
    "en": ["Briefings", "Statements", "Action on Draft Resolution"],
    "fr": ["Exposés", "Déclarations", "Décision sur le projet de résolution"],
}


@st.composite
def sentence(draw, lang):
    state = draw(st.sampled_from(STATES[lang]))
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=3, max_size=30))
    if lang == "en":
        return f"The representative of {state} said that {' and '.join(words)} mattered."
    return f"Le représentant {state} a dit que {' et '.join(words)} comptaient."


def _date_text(lang: str, day: dt.date, weekday: str) -> str:
    month = LANGUAGES[lang].months[day.month - 1]
    d = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return (
        f"{weekday.capitalize()}, {day.day} {month.capitalize()} {day.year}"
        if lang == "en"
        else f"{weekday} {d} {month} {day.year}"
    )


@st.composite
def document(draw, kind):
    """A generated summary record or press release: its text, and what a reader must find in it."""
    lang = draw(st.sampled_from(["en", "fr"]))
    day = draw(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)))
    weekday = draw(st.sampled_from(WEEKDAYS[lang]))
    texts = draw(st.lists(sentence(lang), min_size=1, max_size=12))
    heading_at = draw(st.sets(st.integers(0, len(texts) - 1), max_size=3))
    wrap = draw(st.booleans())
    optional = draw(st.lists(st.booleans(), min_size=3, max_size=3))
    n = draw(st.integers(1, 99))
    head, body = [], []

    def block(text: str) -> list[str]:
        return (textwrap.wrap(text, 60, break_on_hyphens=False) if wrap else [text]) + [""]

    if kind == "summary_record":
        ordinal = f"{n}th meeting" if lang == "en" else f"{n}e séance"
        head += [f"A/C.4/78/SR.{n}", ""]
        head += (
            [
                f"Summary record of the {ordinal}",
                f"Held at Headquarters, New York, on {_date_text(lang, day, weekday)}, at 3 p.m.",
                "",
                "Chair: Mr. Lindqvist (Sweden)",
            ]
            if lang == "en"
            else [
                f"Compte rendu analytique de la {ordinal}",
                f"Tenue au Siège, à New York, le {_date_text(lang, day, weekday)}, à 15 heures",
                "",
                "Président : M. Lindqvist (Suède)",
            ]
        )
        if optional[0]:
            head += ["later: Ms. Adjei (Ghana)" if lang == "en" else "puis : Mme Adjei (Ghana)"]
        head += [""]
        if optional[1]:
            body += [
                "The meeting was called to order at 3.05 p.m." if lang == "en" else "La séance est ouverte à 15 h 5.",
                "",
            ]
        for i, text in enumerate(texts):
            if i in heading_at:
                item = draw(st.integers(1, 180))
                body += [
                    draw(
                        st.sampled_from(
                            [
                                f"Agenda item {item}: Comprehensive review of peacekeeping"
                                if lang == "en"
                                else f"Point {item} de l'ordre du jour : Étude d'ensemble du maintien de la paix",
                                *FREE_HEADINGS[lang],
                            ]
                        )
                    ),
                    "",
                ]
            body += block(f"{i + 1}. {text}")
        if optional[2]:
            body += ["The meeting rose at 6 p.m." if lang == "en" else "La séance est levée à 18 heures."]
    else:
        line = f"{n * 37 + 1}th Meeting (PM)" if lang == "en" else f"{n * 37 + 1}e séance – après-midi"
        symbol = ("SC/" if lang == "en" else "CS/") + str(15000 + n)
        date_line = (
            _date_text(lang, day, weekday).split(", ", 1)[-1]
            if lang == "en"
            else _date_text(lang, day, weekday).split(" ", 1)[1]
        )
        head += [
            line,
            symbol,
            date_line,
            "",
            "Council Hears Briefing on Peacekeeping" if lang == "en" else "Le Conseil entend un exposé",
            "",
        ]
        if optional[0]:
            head += ["Speakers Call for Training" if lang == "en" else "Les intervenants demandent une formation", ""]
        if optional[1]:
            head += [
                "For information media. Not an official record."
                if lang == "en"
                else "Couverture des réunions & communiqués de presse. Documents officiels non publiés.",
                "",
            ]
        for i, text in enumerate(texts):
            if i in heading_at and i > 0:
                body += [draw(st.sampled_from(SUB_HEADINGS[lang])), ""]
            body += block(text)
        if optional[2]:
            body += ["* *** *"]
    return "\n".join(head + body) + "\n", {"kind": kind, "date": day, "texts": texts}


@SETTINGS
@given(st.one_of(document("summary_record"), document("meetings_coverage")))
def test_generated_documents_keep_the_structure_invariants(generated):
    text, want = generated
    source = source_from_text(text, name="generated.txt")
    assert detect_kind(source) == want["kind"]
    doc = read(source)
    check_structure(source, doc, want["kind"], want["date"])
    assert [p.text for p in doc.paragraphs] == want["texts"]


# ---------------------------------------------------------------- other forms of the same kinds

OLDER_RECORD = """Special Political and Decolonization Committee
(Fourth Committee)

Summary record of the 13th meeting
Held at Headquarters, New York, on Monday, 21 October 2002, at 3 p.m.

Chairman:   Mr. Okafor \u2026\u2026\u2026\u2026\u2026\u2026\u2026  (Nigeria)

Agenda item 78: Comprehensive review of the whole question of peacekeeping operations in all their aspects (continued)

The meeting was called to order at 3 p.m.

1.   Mr. Halabi (Lebanon) said that rapid deployment and the security of air transport needed attention.

2.   The representative of Peru said that the consent of the parties remained essential.
"""

OLDER_RELEASES = {
    "date line first, night meeting, footnote": (
        """GA/PK/233
9 March 2018
257th Meeting (Night)

Special Committee Approves Draft Report, Concluding Session

Concluding its work today, the Special Committee approved the draft report of its session.

The representative of Egypt said that the report laid out proposals on a wide range of issues.

For information media. Not an official record.

__________

* The 258th Meeting was not covered.
""",
        dt.date(2018, 3, 9),
        2,
    ),
    "session prefix and starred meeting": (
        """29 June 2018
Seventy-second Session, 30th Meeting* (PM)
GA/SPD/658

Fourth Committee Approves Draft Resolution on Peacekeeping

The Fourth Committee approved a draft resolution on peacekeeping today.

Statements

The representative of Canada said that the resolution deserved support.

The representative of India said that troop-contributing countries should be consulted.
""",
        dt.date(2018, 6, 29),
        3,
    ),
    "French, organ before the symbol": (
        """Conseil de sécurité CS/2669
4956ème séance – après-midi
28 avril 2004

LE CONSEIL DE SÉCURITÉ ADRESSE UNE SÉRIE DE DEMANDES AUX ÉTATS

Le Conseil de sécurité a adressé ce matin une série de demandes aux États Membres.

Le représentant du Pakistan a dit que le Conseil ne devait pas légiférer à la place des États.
""",
        dt.date(2004, 4, 28),
        2,
    ),
}


def test_a_record_that_prints_its_agenda_item_before_calling_the_meeting_to_order():
    source = source_from_text(OLDER_RECORD, name="older.txt")
    doc = read(source)
    check_structure(source, doc, "summary_record", dt.date(2002, 10, 21))
    assert [p.section for p in doc.paragraphs] == ["78", "78"]
    assert doc.header["chair"] == "Mr. Okafor (Nigeria)"
    assert quiet(load_text, OLDER_RECORD).meetings["chair"].tolist() == ["Mr. Okafor"]


@pytest.mark.parametrize("name", sorted(OLDER_RELEASES))
def test_press_releases_in_other_layouts(name):
    text, day, n = OLDER_RELEASES[name]
    source = source_from_text(text, name="release.txt")
    assert detect_kind(source) == "meetings_coverage"
    doc = read(source)
    check_structure(source, doc, "meetings_coverage", day)
    assert len(doc.paragraphs) == n
    assert not any("not covered" in p.text or "information media" in p.text for p in doc.paragraphs)


def test_a_french_verbatim_record_is_read_too():
    text = "\n\n".join(
        [
            "Le Président (parle en anglais) : Je donne la parole à M. Mensah.",
            "M. Mensah (Ghana) (parle en anglais) : Je vous remercie, Madame la Présidente.",
            "Le Président : Je donne maintenant la parole au représentant du Pérou.",
            "M. Quispe (Pérou) : Je remercie les intervenants.",
        ]
    )
    assert detect_kind(text) == "verbatim_record"
    r = quiet(load_text, text)
    assert r.metadata["kind"] == "verbatim_record" and r.metadata["lang"] == "fr"
    assert r.statements[["para", "speaker_id"]].values.tolist()[1::2] == [[2, "GHA"], [4, "PER"]]


def test_a_record_whose_header_gives_no_date_says_so():
    text = (KINDS_DIR / "summary_record_en.txt").read_text(encoding="utf-8")
    undated = "\n".join(line for line in text.split("\n") if not line.startswith("Held at"))
    doc = read(source_from_text(undated, name="undated.txt"))
    assert doc.kind == "summary_record" and [m["date"] for m in doc.meetings] == [None]
    assert [p["problem"] for p in doc.problems] == ["meeting_date"]
    r = quiet(load_text, undated)  # its meeting is read undated: no date is invented
    assert r.meetings["date"].isna().all() and r.meetings["meeting_id"].tolist() == [UNDATED]
    assert "meeting_date" in set(r.problems["problem"]) and set(r.paragraphs["meeting_id"]) == {UNDATED}
    r.validate()


def _kit(*args: str):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "kit.cli", *args], capture_output=True, text=True, env=env)


def test_the_command_line_takes_the_kind(tmp_path):
    path = KINDS_DIR / "meetings_coverage_en.txt"
    run = _kit
    ok = run("validate", "--kind", "meetings_coverage", str(path))
    assert ok.returncode == 0 and "valid" in ok.stdout and "1 meeting" in ok.stdout
    wrong = run("validate", "--kind", "summary_record", str(path))
    assert wrong.returncode == 2 and "no numbered paragraphs" in wrong.stderr and "Traceback" not in wrong.stderr
    out = run("export", "--kind", "meetings_coverage", "--format", "json", "--out", str(tmp_path / "x"), str(path))
    assert out.returncode == 0 and (tmp_path / "x" / "report.json").is_file()


BODY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00") | st.just("\n"), max_size=300
)


@SETTINGS
@given(st.sampled_from(["en", "fr"]), st.lists(BODY_TEXT, max_size=5))
def test_any_press_release_is_read_or_refused_as_not_a_report(lang, blocks):
    """Whatever follows a press release's header, the reader reads it or refuses it as not reported speech: never
    a layout error, never an exception that is not the kit's."""
    head = (
        "9391st Meeting (PM)\nSC/15312\n17 October 2023\n\nHeadline\n\n"
        if lang == "en"
        else "9391e séance – après-midi\nCS/15312\n17 octobre 2023\n\nTitre\n\n"
    )
    source = source_from_text(head + "\n\n".join(blocks) + "\n", name="release.txt")
    try:
        doc = read(source)
    except NotAReportError:
        return
    assert doc.kind == "meetings_coverage" and [p.number for p in doc.paragraphs] == list(
        range(1, len(doc.paragraphs) + 1)
    )


@SETTINGS
@given(st.lists(BODY_TEXT, max_size=5))
def test_any_summary_record_is_read_or_refused_with_a_kit_error(blocks):
    head = (
        "A/C.4/78/SR.9\n\nSummary record of the 9th meeting\n"
        "Held at Headquarters, New York, on Tuesday, 17 October 2023, at 3 p.m.\n\n"
        "The meeting was called to order at 3.05 p.m.\n\n"
    )
    source = source_from_text(head + "\n\n".join(blocks) + "\n", name="record.txt")
    try:
        doc = read(source)
    except ReportError:
        return
    assert doc.kind == "summary_record" and len(doc.meetings) == 1
