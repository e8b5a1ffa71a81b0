"""Other formats (PDF text, the PDF itself, corpora, the CLI) and bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import (
    LayoutError,
    NotAReportError,
    ReportError,
    ReportWarning,
    SourceError,
    ValidationError,
    load_corpus,
    load_report,
    load_text,
)
from kit.sources import read_source, source_from_text

from .conftest import as_pdf_text, long_report, need_module
from .generators import fr, speakers

# ------------------------------------------------------------------ formats


def test_plain_text_from_a_pdf_parses_like_the_markdown(tmp_path, synthetic_text):
    md = load_text(synthetic_text, name="s.md")
    path = tmp_path / "s.txt"
    path.write_text(as_pdf_text(synthetic_text), encoding="utf-8")
    txt = load_report(path)
    assert txt.metadata["format"] == "plaintext" and txt.metadata["symbol"] == "S/2023/42"
    assert txt.paragraphs["para"].tolist() == md.paragraphs["para"].tolist()
    assert txt.paragraphs["text"].tolist() == md.paragraphs["text"].tolist()  # wraps, headers, hyphen mended
    cols = ["para", "speaker_id", "verb", "joint", "attribution"]
    pd.testing.assert_frame_equal(txt.statements[cols], md.statements[cols])
    assert txt.cite(7) == "S/2023/42, para. 7"


def test_bundled_report_as_pdf_text(tmp_path, report):
    md_text = Path(kit.DEFAULT_REPORT).read_text(encoding="utf-8")
    path = tmp_path / "wgpko.txt"
    path.write_text(as_pdf_text(md_text.replace("\\(", "(").replace("\\)", ")")), encoding="utf-8")
    txt = load_report(path)
    assert txt.paragraphs["para"].tolist() == list(range(1, 72))
    assert len(txt.statements) == len(report.statements)
    assert txt.statements["speaker_id"].tolist() == report.statements["speaker_id"].tolist()


def test_the_pdf_itself(tmp_path, synthetic_text):
    fpdf = need_module("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for block in synthetic_text.replace("**", "").split("\n\n"):
        for line in block.split("\n"):
            pdf.multi_cell(0, 5, line.replace("’", "'"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "s.pdf"
    pdf.output(str(path))
    r = load_report(path)
    assert r.metadata["format"] == "pdf"
    assert r.paragraphs["para"].tolist() == list(range(1, 12))
    assert r.statements[r.statements.para == 7]["speaker_id"].tolist() == ["BIH", "TTO", "VCT", "VEN"]
    r.validate()


def test_corpus_keeps_report_ids(tmp_path, synthetic_text):
    (tmp_path / "wgpko-2021.md").write_bytes(Path(kit.DEFAULT_REPORT).read_bytes())
    (tmp_path / "wgpko-2022.md").write_text(synthetic_text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert sorted(corpus.statements["report_id"].unique()) == ["wgpko-2021", "wgpko-2022"]
    per_year = corpus.paragraphs.groupby("report_id")["para"].max().to_dict()
    assert per_year == {"wgpko-2021": 71, "wgpko-2022": 11}
    for table in kit.TABLES:
        assert "report_id" in getattr(corpus, table)
    corpus.validate()  # report by report: paragraph 1 of each year is not a duplicate


def test_every_caller_gets_its_own_report(report):
    """A participant who edits the tables in place cannot change what another caller (the checker) sees."""
    fresh = load_report(cache=False)
    mine = load_report()
    assert mine is not load_report()
    mine.statements.loc[mine.statements.index[:10], "verb"] = "edited"
    mine.statements.loc[mine.statements.index[0], "speaker_id"] = "XXX"
    mine.paragraphs["text"] = "edited"
    mine.metadata["symbol"] = "S/edited"
    theirs = load_report()
    for name, df in fresh.tables().items():
        pd.testing.assert_frame_equal(getattr(theirs, name), df)
    assert theirs.metadata == fresh.metadata


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "content, error, words",
    [
        (b"", SourceError, "empty"),
        (b"   \n\n", SourceError, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", SourceError, "binary"),
        ("1. The representative of Fran\u00e7e said it.\n".encode("latin-1"), SourceError, "UTF-8"),
        (b"Dear colleagues,\n\nthank you for the lovely dinner.\n", LayoutError, "no numbered paragraphs"),
        (
            b"1. The representative of Kenya said that\n2. The representative of Ghana noted that the",
            LayoutError,
            "truncated",
        ),
        (b"%PDF-1.4\nnot really a pdf", SourceError, "PDF"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path, content, error, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        load_report(path)
    message = str(info.value)
    assert "bad.txt" in message and words in message


def test_non_utf8_error_gives_the_line(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"1. Fine.\n2. Also fine.\n3. The representative of C\xf4te d'Ivoire said it.\n")
    with pytest.raises(SourceError, match=r"latin.txt, line 3: not valid UTF-8"):
        load_report(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        load_report(tmp_path / "nope.md")
    with pytest.raises(SourceError, match="folder"):
        load_report(tmp_path)
    with pytest.raises(kit.ReportError, match="no report files"):
        load_corpus(tmp_path)


def test_numbering_gaps_and_duplicates_are_reported_not_hidden():
    text = "".join(
        f"{n}. The representative of {c} said it.\n\n"
        for n, c in [(1, "Chile"), (2, "Peru"), (4, "Ghana"), (4, "Kenya"), (5, "Nepal")]
    )
    with pytest.warns(ReportWarning, match="paragraph 4 where 3 was expected"):
        r = load_text(text, name="gaps.md")
    assert r.problems["problem"].tolist() == ["gap", "duplicate"]
    assert r.problems["line"].tolist() == [5, 7]
    with pytest.raises(ValidationError, match="line 5: paragraph 4 where 3 was expected"):
        r.validate()
    with pytest.raises(ValidationError, match=r"gaps.md: line 5: paragraph 4 where 3 was expected; line 7: ") as info:
        load_text(text, name="gaps.md", strict=True)  # the same checker as validate(), every problem listed
    assert [(p.code, p.line, p.para) for p in info.value.problems] == [("gap", 5, 4), ("duplicate", 7, 4)]


def test_validate_catches_inconsistent_tables(report):
    broken = load_report(cache=False)
    broken.statements.loc[0, "start"] += 3
    broken.mentions.loc[0, "para"] = 999
    with pytest.raises(ValidationError) as info:
        broken.validate()
    assert {p.code for p in info.value.problems} == {"text_mismatch", "missing_paragraph"}
    assert "offsets of statement" in str(info.value) and "cites paragraph 999" in str(info.value)
    report.validate()  # the cached one is untouched


# ------------------------------------------------------------------ CLI


def test_cli_exports_every_table_in_three_formats(tmp_path):
    out = tmp_path / "tables"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kit.cli",
            "export",
            "--out",
            str(out),
            "--format",
            "csv",
            "--format",
            "parquet",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    for table in (*kit.TABLES, "problems"):
        for suffix in ("csv", "parquet"):
            assert (out / f"{table}.{suffix}").exists()
    st = pd.read_csv(out / "statements.csv")
    assert len(st) == len(load_report().statements)
    assert pd.read_parquet(out / "mentions.parquet")["key"].tolist() == load_report().mentions["key"].tolist()
    meetings = json.loads((out / "report.json").read_text(encoding="utf-8"))["tables"]["meetings"]  # kit.rows format
    assert meetings[0]["date"] == str(load_report().meetings["date"].iloc[0].date())


def test_cli_reports_bad_input_without_a_traceback(tmp_path):
    bad = tmp_path / "empty.md"
    bad.write_text("")
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "validate", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "empty.md, line 1: the file is empty" in proc.stderr and "Traceback" not in proc.stderr


def test_import_kit_does_not_import_pandas_or_widgets():
    code = "import sys, kit; print('pandas' in sys.modules, 'ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    code = (
        "import sys, kit.parse, kit.sources as s; kit.parse.parse_rows(s.read_source(kit.parse.DEFAULT_REPORT)); "
        "print('pandas' in sys.modules, 'ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]  # the whole parse runs without pandas
    code = "import sys, kit; kit.load_report(); print('ipywidgets' in sys.modules, 'plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_report()


OTHER_LAYOUT = """\
S/2024/7

Annual report of the Working Group, 2023

II. Meetings held in 2023

A. Meeting on missions in transition

1.
On 2 February 2023, the Working Group held a meeting in person on transitions in Africa.

2.
The representative of Bosnia and Herzegovina said that the United Nations Interim Security
Force for Abyei mattered.

B. Meeting on peacekeeping-intelligence

3.
On 9 June 2023, the Working Group held a meeting by videoconference.

4.
The representatives of Saint Vincent and the Grenadines and Trinidad and Tobago stressed data.

III. Conclusion

5.
The Chair said that the meetings had been useful.
"""


def test_another_layout_subsections_and_numbers_on_their_own_line():
    r = load_text(OTHER_LAYOUT, name="other.txt")
    r.validate()
    p = r.paragraphs.set_index("para")
    assert list(p.index) == [1, 2, 3, 4, 5]
    assert p.loc[2, "subsection"] == "A. Meeting on missions in transition"
    assert p.loc[4, "subsection"] == "B. Meeting on peacekeeping-intelligence"
    assert p.loc[2, "text"].endswith("Interim Security Force for Abyei mattered.")
    assert r.meetings[["meeting_id", "format", "first_para", "last_para"]].values.tolist() == [
        ["2023-02-02", "in person", 1, 2],
        ["2023-06-09", "videoconference", 3, 4],
    ]
    assert r.statements.set_index("para").loc[4, "speaker_id"].tolist() == ["VCT", "TTO"]
    assert "UNISFA" in set(r.mentions["key"])
    assert r.metadata["symbol"] == "S/2024/7" and r.cite([2, 4]) == "S/2024/7, paras. 2, 4"
    assert r.statements.set_index("para").loc[5, "speaker_kind"] == "chair"


def test_cli_note_and_handout(tmp_path):
    note = tmp_path / "note.md"
    proc = subprocess.run(
        [sys.executable, "-m", "kit.cli", "note", "--meeting", "2021-04-13", "--theme", "covid19", "--out", str(note)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    text = note.read_text(encoding="utf-8")
    assert "(para. 32)" in text and "Mexico" in text
    handout = tmp_path / "handout.html"
    proc = subprocess.run(
        [sys.executable, "-m", "kit.cli", "handout", "--out", str(handout)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "break-before: page" in handout.read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "kit.cli", "note", "--theme", "no-such-theme"], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "no-such-theme" in proc.stderr and "Traceback" not in proc.stderr


# ------------------------------------------------------------------ special files and bad characters


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    # In a child process: if the kit opened the pipe for reading it would wait for a writer forever.
    code = "import sys, kit\ntry:\n    kit.load_report(sys.argv[1])\nexcept kit.SourceError as e:\n    print(e)\n"
    proc = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=120)
    assert "not a regular file" in proc.stdout and "report.md" in proc.stdout, proc.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(device):
    if not Path(device).exists():
        pytest.skip(f"no {device} on this system")
    with pytest.raises(SourceError, match="not a regular file"):
        load_report(device)


def test_os_errors_become_source_errors():
    mem = Path("/proc/self/mem")
    if not mem.exists():
        pytest.skip("no /proc on this system")
    with pytest.raises(SourceError, match=r"/proc/self/mem: the file could not be read"):
        load_report(mem)


def test_the_size_is_capped(tmp_path, synthetic_text):
    path = tmp_path / "big.md"
    path.write_text(synthetic_text, encoding="utf-8")
    with pytest.raises(SourceError, match="larger than a report can be"):
        read_source(path, max_bytes=len(synthetic_text) // 2)
    assert read_source(path, max_bytes=len(synthetic_text.encode("utf-8"))).format == "markdown"


def test_nul_bytes_are_refused_anywhere(tmp_path, synthetic_text):
    text = synthetic_text + "\n" + "Padding line of plain text.\n" * 400
    assert len(text.encode("utf-8")) > 8192
    cut = text.rindex("Padding")
    path = tmp_path / "nul.md"
    path.write_bytes(text[:cut].encode("utf-8") + b"\x00" + text[cut:].encode("utf-8"))
    with pytest.raises(SourceError, match=r"nul.md, line \d+: this is a binary file.*NUL") as info:
        load_report(path)
    assert info.value.line == text[:cut].count("\n") + 1
    with pytest.raises(SourceError, match="NUL"):
        source_from_text(text[:cut] + "\x00" + text[cut:])


INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\ufeff",
]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_characters_in_names_do_not_drop_speakers(synthetic_text, mark):
    clean = load_text(synthetic_text, name="clean.md")
    dirty_text = (
        synthetic_text.replace("Côte d'Ivoire", f"Cô{mark}te d'Ivoire")
        .replace("Viet Nam", f"{mark}Viet{mark} Nam{mark}")
        .replace("Trinidad and Tobago", f"Trinidad and{mark} Tobago")
    )
    assert dirty_text != synthetic_text
    with pytest.warns(ReportWarning, match="invisible character"):
        dirty = load_text(dirty_text, name="dirty.md")
    dirty.validate()  # offsets point into the normalised text
    cols = ["para", "speaker_id", "verb", "text", "start", "end"]
    pd.testing.assert_frame_equal(dirty.statements[cols], clean.statements[cols])
    assert dirty.paragraphs["text"].tolist() == clean.paragraphs["text"].tolist()
    noted = dirty.problems[dirty.problems["problem"] == "invisible_characters"]
    paras = set(clean.statements.loc[clean.statements["speaker_id"].isin(["CIV", "VNM", "TTO"]), "para"])
    assert set(noted["para"]) == paras and noted["line"].notna().all()


def test_ligatures_are_normalised_and_offsets_stay_consistent(report):
    text = Path(kit.DEFAULT_REPORT).read_text(encoding="utf-8")
    ligatured = text.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("ff", "\ufb00").replace("fl", "\ufb02")
    assert ligatured.count("\ufb01") > 10 and ligatured.count("\ufb00") > 5
    r = load_text(ligatured, name="ligatures.md")
    r.validate()
    assert r.metadata["normalised_characters"] == sum(ligatured.count(c) for c in "\ufb00\ufb01\ufb02\ufb03")
    assert r.paragraphs["text"].tolist() == report.paragraphs["text"].tolist()
    cols = ["para", "speaker_id", "verb", "start", "end"]
    pd.testing.assert_frame_equal(r.statements[cols], report.statements[cols])
    for table in ("mentions", "themes"):
        pd.testing.assert_frame_equal(
            getattr(r, table).drop(columns="report_id"), getattr(report, table).drop(columns="report_id")
        )


# ------------------------------------------------------------------ long reports


def test_a_long_report_keeps_every_paragraph(tmp_path):
    n = 1500
    text = long_report(n)
    r = load_text(text, name="long.md")
    assert r.paragraphs["para"].tolist() == list(range(1, n + 1))
    assert r.problems.empty
    written = {int(line.split(".", 1)[0]): line.split(". ", 1)[1] for line in text.splitlines() if line[:1].isdigit()}
    assert dict(zip(r.paragraphs["para"], r.paragraphs["text"])) == written  # nothing merged, nothing cut
    assert r.meetings["last_para"].max() == n
    assert set(r.statements["para"]) >= {p for p, t in written.items() if "representative" in t}
    briefers = r.statements[r.statements["speaker_kind"] == "briefer"]
    assert set(briefers["para"]) == {p for p, t in written.items() if t.startswith("Ms. ")}
    assert set(r.mentions["para"]) == {p for p, t in written.items() if " Mali " in t}
    r.validate()
    path = tmp_path / "long.txt"  # the same report as text extracted from a PDF: wrapped, headers, page breaks
    path.write_text(as_pdf_text(text), encoding="utf-8")
    txt = load_report(path)
    assert txt.paragraphs["para"].tolist() == list(range(1, n + 1))
    assert txt.paragraphs["text"].tolist() == r.paragraphs["text"].tolist()


# ------------------------------------------------------------------ not a report

NOT_REPORTS = {
    "note.md": "# My notes\n\nThings to do on Sunday.\n\n1. Boil water.\n2. Add salt.\n3. Cook the pasta.\n",
    "minutes.txt": (
        "Staff meeting, 3 May\n\n1. Anna opened the meeting and welcomed two new colleagues.\n"
        "2. The budget was discussed; Tom said costs were up.\n3. Next meeting on Friday.\n"
    ),
    "shopping.md": (
        "Shopping list\n\n1. Milk.\n2. Eggs.\n3. The representative of France said bread.\n4. Apples.\n5. Coffee.\n"
    ),
    # lines with no full stop: not a report, whatever the punctuation (it was refused as "truncated")
    "list.md": "Shopping list\n\n1. Apples\n2. Bread\n3. Milk\n4. Goat cheese\n",
    "courses.md": "Liste de courses\n\n1. Pommes\n2. Pain\n3. Lait\n4. Fromage de chèvre\n",
    "todo.txt": "To do\n\n1. Book the room\n2. Send the agenda\n3.\n",
}
FRENCH = """\
**Conseil de sécurité**

**I. Questions d'organisation**

1. Le Groupe de travail sur les opérations de maintien de la paix a été créé en application de la déclaration \
du Président du Conseil de sécurité (S/PRST/2001/3).

**II. Sécurité des Casques bleus**

2. Le 13 avril 2021, le Groupe de travail a tenu une réunion par visioconférence sur la sécurité des Casques bleus.
3. Le représentant du Mexique a dit que la formation était essentielle.
4. Les représentants de la Chine et de la France ont souligné la nécessité de former le personnel.
"""


@pytest.mark.parametrize("name", sorted(NOT_REPORTS))
def test_texts_that_are_not_reports_are_refused(tmp_path, name):
    text = NOT_REPORTS[name]
    with pytest.raises(NotAReportError, match="does not look like a report of reported speech") as info:
        load_text(text, name=name)
    assert isinstance(info.value, LayoutError) and name in str(info.value)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotAReportError, match="expected paragraphs such as"):
        load_report(path)
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "validate", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and "valid" not in proc.stdout
    assert "does not look like a report" in proc.stderr and "Traceback" not in proc.stderr


def test_a_french_report_is_never_called_valid_unless_it_is_read():
    """Until the kit reads French, a French report is refused; once it does, it must be read right."""
    try:
        r = load_text(FRENCH, name="rapport.md")
    except NotAReportError as exc:
        assert "rapport.md" in str(exc)
        return
    r.validate()
    assert r.meetings["first_para"].tolist() == [2]
    st = r.statements.set_index("para")["speaker_id"]
    assert st.loc[3] == "MEX" and st.loc[4].tolist() == ["CHN", "FRA"]


def test_synthetic_and_bundled_reports_are_reports(report, synthetic_text):
    for r in (report, load_text(synthetic_text, name="s.md")):
        assert "unattributed" not in set(r.problems["problem"])


def test_a_report_mostly_without_attribution_is_flagged():
    narrative = [f"{i}. The situation in the region was described in detail in part {i}." for i in range(2, 9)]
    text = "\n".join(
        [
            "1. On 3 March 2022, the Working Group held a meeting on transitions.",
            *narrative,
            "9. The representative of Ghana said that training mattered.",
        ]
    )
    with pytest.warns(ReportWarning, match="8 of 9 numbered paragraphs have no attributed statement"):
        r = load_text(text, name="vague.md")
    flagged = r.problems[r.problems["problem"] == "unattributed"]
    assert len(flagged) == 1 and "reporting_verbs.csv" in flagged["message"].iloc[0]
    r.validate()  # flagged, not an inconsistency


# ------------------------------------------------------------------ exports


HOSTILE = """\
1. On 3 March 2022, the Working Group held a meeting on transitions.
2. =HYPERLINK("http://evil.example","click") The representative of Chile said that it mattered.
3. -2+3+cmd|' /C calc'!A0 The representative of Peru said that it mattered.
4. @SUM(A1:A9) The representative of Kenya said that +1 mattered.
"""


def test_every_csv_is_guarded_against_formulas_and_opens_in_excel(tmp_path):
    r = load_text(HOSTILE, name="hostile.md")
    files = r.export(tmp_path / "out", ["csv"])
    assert {f.name for f in files} == {f"{t}.csv" for t in (*kit.TABLES, "problems")}
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark: Excel reads accents right
        for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (f.name, cell)
    para = pd.read_csv(tmp_path / "out" / "paragraphs.csv")
    assert list(para.columns) == list(r.paragraphs.columns)
    assert para["text"].str.startswith("'").sum() == 3


def test_a_failing_export_leaves_nothing_half_written(tmp_path, monkeypatch, synthetic_text):
    import kit.exports

    r = load_text(synthetic_text, name="s.md")
    real, calls = kit.exports.write_table, []

    def failing(df, path, fmt):
        calls.append(path)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        return real(df, path, fmt)

    monkeypatch.setattr(kit.exports, "write_table", failing)
    with pytest.raises(ReportError, match="No space left on device.*nothing was written"):
        r.export(tmp_path / "new", ["csv"])
    assert not (tmp_path / "new").exists() and sorted(tmp_path.iterdir()) == []
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine", encoding="utf-8")
    calls.clear()
    with pytest.raises(ReportError):
        r.export(existing, ["csv"])
    assert [p.name for p in existing.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]  # no temporary folder left behind
    monkeypatch.setattr(kit.exports, "write_table", real)
    assert len(r.export(existing, ["csv"])) == len(kit.TABLES) + 1
    assert (existing / "notes.txt").read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------------------ CLI errors


def run_kit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit.cli", *args], capture_output=True, text=True)


def test_cli_export_to_an_existing_file_is_a_one_line_error(tmp_path):
    target = tmp_path / "taken.csv"
    target.write_text("x", encoding="utf-8")
    proc = run_kit("export", "--out", str(target))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "taken.csv" in proc.stderr and "not a folder" in proc.stderr
    proc = run_kit("export", "--out", str(target / "sub"))  # a folder under a file: an OSError underneath
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.startswith("kit: error:")


def test_cli_turns_any_os_error_into_a_message(monkeypatch, capsys):
    import kit.cli
    import kit.report

    def broken(self, folder, formats=("csv",)):
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(kit.report.Report, "export", broken)
    assert kit.cli.main(["export", "--out", "/somewhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit: error:") and "Permission denied" in err and "/somewhere" in err


def test_cli_validates_every_report_in_a_folder(tmp_path, synthetic_text):
    (tmp_path / "wgpko-2021.md").write_bytes(Path(kit.DEFAULT_REPORT).read_bytes())
    (tmp_path / "wgpko-2022.md").write_text(synthetic_text, encoding="utf-8")
    proc = run_kit("validate", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines if not line.startswith(" ")] == [
        str(tmp_path / "wgpko-2021.md"),
        str(tmp_path / "wgpko-2022.md"),
    ]
    assert all("valid" in line for line in lines if not line.startswith(" "))
    (tmp_path / "notes.md").write_text(NOT_REPORTS["note.md"], encoding="utf-8")
    proc = run_kit("validate", str(tmp_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stdout.count(": valid") == 2
    assert "notes.md" in proc.stderr and "does not look like a report" in proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_kit("validate", str(empty))
    assert proc.returncode == 2 and "no report files" in proc.stderr


def test_a_number_too_far_from_the_sequence_is_kept_as_text_and_reported():
    text = (
        "1. The representative of Chile said it.\n\n2. The representative of Peru said it.\n\n"
        "250. The representative of Ghana said it.\n\n3. The representative of Kenya said it.\n"
    )
    with pytest.warns(ReportWarning, match="'250.' was read as text of paragraph 2"):
        r = load_text(text, name="far.md")
    assert r.paragraphs["para"].tolist() == [1, 2, 3]
    assert "250. The representative of Ghana" in r.paragraphs.set_index("para").loc[2, "text"]
    assert r.problems[["problem", "para", "line"]].values.tolist() == [["number_in_text", 2, 5]]


@pytest.mark.parametrize(
    "text",
    [
        "1. On 13 April 2021, the Working Group held a meeting on training.\n2. The representative of Kenya said that",
        "1. The representative of Kenya said that training mattered.\n2. The representative of Ghana noted that the",
        "1. On 13 April 2021, the Working Group held a meeting on training.\n2.",
        "1. Le 13 avril 2021, le Groupe de travail a tenu une réunion sur la formation.\n2. Le représentant du Kenya a dit",
        "1. Le représentant du Kenya a dit que la formation comptait.\n2. Lait",
    ],
)
def test_a_report_cut_short_is_truncated_not_a_non_report(text):
    """A text with a meeting or statements that stops mid-sentence is a truncated report (a LayoutError saying
    so), never refused as "not a report"; a list with no meeting and no statement is the reverse."""
    with pytest.raises(LayoutError, match="truncated") as info:
        load_text(text, name="cut.md")
    assert not isinstance(info.value, NotAReportError) and "cut.md" in str(info.value)


# ------------------------------------------------------------------ page furniture, hyphens, footnotes (PDF text)

PDF_PAGE_END = {  # how a page of a UN document ends in extracted text (kit.layout.FOOTERS)
    "odd footer, then the running head": "\n\n21-19999                                  3/12\n\nS/2021/1093\n\n",
    "even footer, then the running head": "\n\n4/12                                  21-19999\n\nS/2021/1093\n\n",
    "even footer, the running head directly after it": "\n4/12     21-19999\nS/2021/1093\n",
    "page counter alone": "\n\n4/8\n\n",
    "job number alone": "\n\n23-25678\n\n",
}


@pytest.mark.parametrize("page_end", PDF_PAGE_END.values(), ids=PDF_PAGE_END.keys())
def test_page_footers_mid_text_and_at_the_end_are_not_report_text(page_end):
    clean = (
        "1. On 5 May 2021, the Working Group held a meeting on the safety of peacekeepers.\n"
        "2. The representative of Kenya said that the situation was dire.\n"
        "3. The representative of Chad said that the situation was dire.\n"
    )
    mangled = (
        clean.replace("the situation was dire.\n3.", "the situation" + page_end + "was dire.\n3.")
        + page_end.rstrip("\n").rsplit("\n", 1)[0]
    )  # and the last page's footer at the very end
    assert mangled != clean
    r, c = load_text(mangled, name="footers.txt"), load_text(clean, name="clean.txt")
    assert r.paragraphs["text"].tolist() == c.paragraphs["text"].tolist()
    assert r.statements[["para", "speaker_id"]].values.tolist() == c.statements[["para", "speaker_id"]].values.tolist()


HYPHENATED = [
    # (text with a line-end hyphen, the paragraph as the reader reads it)
    (
        "The representatives of Ghana, Mo-\nzambique and the Russian Fed-\neration called for more train-\ning.",
        "The representatives of Ghana, Mozambique and the Russian Federation called for more training.",
    ),
    (
        "The representative of Chad said that the protec-\ntion of civilians was of great impor-\ntance.",
        "The representative of Chad said that the protection of civilians was of great importance.",
    ),
    (
        "The representative of Chad said that peacekeeping worked. The representative of Mali said that peace-\nkeeping "
        "worked.",
        "The representative of Chad said that peacekeeping worked. The representative of Mali said that peacekeeping "
        "worked.",
    ),
    (
        "The representative of Guinea-\nBissau said that the Secretary-\nGeneral was right.",
        "The representative of Guinea-Bissau said that the Secretary-General was right.",
    ),
    (
        "The representative of Chad thanked the troop-\ncontributing countries.",
        "The representative of Chad thanked the troop-contributing countries.",
    ),
    (
        "The representative of Chad thanked the troop-\nand police-contributing countries.",
        "The representative of Chad thanked the troop- and police-contributing countries.",
    ),
    (
        "The representative of Chad said that host country consent and host-\ncountry support mattered.",
        "The representative of Chad said that host country consent and host-country support mattered.",
    ),
    (
        "The representative of Chad said that a non-\npaper helped.",
        "The representative of Chad said that a non-paper helped.",
    ),
]


@pytest.mark.parametrize("text, expected", HYPHENATED)
def test_words_hyphenated_at_a_line_end_are_mended_by_the_rule(text, expected):
    """kit.layout.mend_hyphen: a known word (the report's, the reference tables') or a syllable split is joined; a
    capital after the hyphen, a known compound, a hyphenating prefix or two words used on their own keep it."""
    r = load_text("1. On 5 May 2021, the Working Group held a meeting.\n2. " + text, name="h.txt")
    assert r.paragraphs["text"].tolist()[1] == expected
    assert len(r.statements) and not r.statements["speaker_id"].str.startswith("other:").any()


def test_french_words_hyphenated_at_a_line_end_are_mended():
    text = (
        "1. Le 5 mai 2021, le Groupe de travail a tenu une séance consacrée aux opérations de main-\n"
        "tien de la paix.\n"
        "2. Le représentant du Mo-\nzambique a souligné l'impor-\ntance de la coopération sous-\n"
        "régionale avec la Guinée-\nBissau et la Trinité-et-\nTobago.\n"
    )
    r = load_text(text, name="fr.txt", lang="fr")
    assert r.paragraphs["text"].tolist() == [
        "Le 5 mai 2021, le Groupe de travail a tenu une séance consacrée aux opérations de maintien de la paix.",
        "Le représentant du Mozambique a souligné l'importance de la coopération sous-régionale avec la "
        "Guinée-Bissau et la Trinité-et-Tobago.",
    ]
    assert r.statements["speaker_id"].tolist() == ["MOZ"]


def test_footnotes_leave_the_paragraphs_and_are_kept_with_the_paragraph_of_their_marker():
    text = (
        "1. On 5 May 2021, the Working Group held a meeting on the United Nations Organization Stabilization\n"
        "Mission in the Democratic Republic of the Congo (MONUSCO). 1\n"
        "2. The representative of Kenya said that the safety of peacekeepers was a priority.*\n"
        "3. The representative of Chad said that the drawdown had to be conditions-based. 2 The\n"
        "representative of Mali agreed.\n"
        "4. The representative of Peru said that\n"
        "__________________\n"
        "1   See the report of the Secretary-General on MINUSMA\n"
        "    (S/2023/688).\n"
        "*   The representative spoke in French.\n"
        "2   See also resolution 2666 (2022), on UNIFIL.\n"
        "\n"
        "21-19999                                   3/12\n"
        "S/2021/1093\n"
        "the situation was dire.\n"
    )
    r = load_text(text, name="notes.txt")
    assert r.paragraphs["text"].tolist() == [
        "On 5 May 2021, the Working Group held a meeting on the United Nations Organization Stabilization Mission "
        "in the Democratic Republic of the Congo (MONUSCO).",
        "The representative of Kenya said that the safety of peacekeepers was a priority.",
        "The representative of Chad said that the drawdown had to be conditions-based. The representative of Mali "
        "agreed.",
        "The representative of Peru said that the situation was dire.",
    ]
    assert [(n["marker"], n["para"], n["text"]) for n in r.metadata["footnotes"]] == [
        ("1", 1, "See the report of the Secretary-General on MINUSMA (S/2023/688)."),
        ("*", 2, "The representative spoke in French."),
        ("2", 3, "See also resolution 2666 (2022), on UNIFIL."),
    ]
    # Mentions inside footnotes are not filed under any paragraph (the footnotes are in metadata, not paragraphs).
    assert not {"MINUSMA", "UNIFIL"} & set(r.mentions["key"])
    assert r.statements[["para", "speaker_id"]].values.tolist() == [[2, "KEN"], [3, "TCD"], [3, "MLI"], [4, "PER"]]
    assert "footnote_unplaced" not in set(r.problems["problem"])


def test_a_footnote_whose_marker_is_not_found_is_kept_and_reported():
    text = (
        "1. On 5 May 2021, the Working Group held a meeting.\n"
        "2. The representative of Chad said that the situation was dire.\n"
        "__________________\n"
        "7   A footnote whose marker is on no paragraph of the page.\n"
    )
    r = load_text(text, name="notes.txt")
    assert r.paragraphs["text"].tolist()[-1] == "The representative of Chad said that the situation was dire."
    assert [(n["marker"], n["para"]) for n in r.metadata["footnotes"]] == [("7", None)]
    assert "footnote_unplaced" in set(r.problems["problem"])


def test_footnotes_survive_report_json(tmp_path):
    text = (
        "1. On 5 May 2021, the Working Group held a meeting.\n"
        "2. The representative of Chad said that the situation was dire.*\n"
        "__________________\n"
        "*   The representative spoke in French.\n"
    )
    source = tmp_path / "notes.txt"
    source.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "kit.cli", "export", str(source), "--format", "json", "--out", str(tmp_path / "out")],
        check=True,
        capture_output=True,
    )
    footnotes = load_report(source).metadata["footnotes"]
    assert footnotes and load_report(tmp_path / "out" / "report.json").metadata["footnotes"] == footnotes


def test_footnotes_separated_by_blank_lines_up_to_a_page_break_and_the_paragraph_goes_on():
    """Footnotes may be separated by blank lines; the page may end with a form feed (pypdf, pdftotext) rather than
    a footer; the paragraph cut by the page goes on after the footnotes."""
    text = (
        "1. On 5 May 2021, the Working Group held a meeting.\n"
        "2. The representative of Chad said that the situation in Mali¹ was dire,² and that\n"
        "__________________\n"
        "1 See the report of the Secretary-General on the United Nations Multidimensional Integrated\n"
        "Stabilization Mission in Mali (S/2021/1).\n"
        "\n"
        "2 See also resolution 2584 (2021).\n"
        "\f\n"
        "the Council should act.\n"
        "3. The representative of Peru said that the situation was dire.\n"
    )
    r = load_text(text, name="pages.txt")
    assert r.paragraphs["text"].tolist()[1:] == [
        "The representative of Chad said that the situation in Mali was dire, and that the Council should act.",
        "The representative of Peru said that the situation was dire.",
    ]
    assert [(n["marker"], n["para"]) for n in r.metadata["footnotes"]] == [("1", 2), ("2", 2)]
    assert r.paragraphs["pages"].tolist()[1] == 2
    assert "MINUSMA" not in set(r.mentions["key"])


# ---------------------------------------------------------------- French (the same code, French text)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("fixture", ["synthetic_fr.md", "wgpko_excerpt_fr.md"])
def test_typographic_apostrophes_read_like_straight_ones(tmp_path, fixture):
    """French typesetting writes « l’Australie », « s’est »: the same ids as with straight apostrophes."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    path = tmp_path / fixture
    path.write_text(text.replace("'", "’"), encoding="utf-8")
    curly, straight = load_report(path), load_report(FIXTURES / fixture)
    for table, columns in (
        ("statements", ["para", "speaker_id", "lemma", "attribution"]),
        ("mentions", ["para", "kind", "key"]),
        ("meetings", ["meeting_id", "first_para"]),
    ):
        assert (
            getattr(curly, table)[columns].fillna("").values.tolist()
            == getattr(straight, table)[columns].fillna("").values.tolist()
        ), table
    curly.validate()


def test_french_pdf_text_parses_like_the_markdown(tmp_path):
    md = (FIXTURES / "synthetic_fr.md").read_text(encoding="utf-8")
    path = tmp_path / "rapport.txt"
    path.write_text(as_pdf_text(md), encoding="utf-8")
    txt, ref = load_report(path), load_report(FIXTURES / "synthetic_fr.md")
    assert txt.metadata["format"] == "plaintext" and txt.metadata["lang"] == "fr"
    # kit.layout joins a line that ends with a compound's hyphen ("Trinité-et-" / "Tobago") with a space;
    # the names are still read (the matchers allow it), the texts differ by that space only
    assert [re.sub(r"-\s", "-", t) for t in txt.paragraphs["text"]] == ref.paragraphs["text"].tolist()
    assert list(zip(txt.statements.para, txt.statements.speaker_id)) == list(
        zip(ref.statements.para, ref.statements.speaker_id)
    )


def test_french_pdf_itself(tmp_path):
    fpdf = need_module("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)  # core font: Latin-1, enough for French
    for block in (FIXTURES / "synthetic_fr.md").read_text(encoding="utf-8").replace("**", "").split("\n\n"):
        for line in block.split("\n"):
            pdf.multi_cell(0, 5, line.replace("’", "'"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "rapport.pdf"
    pdf.output(str(path))
    r = load_report(path)
    assert r.metadata["format"] == "pdf" and r.metadata["lang"] == "fr"
    assert r.paragraphs["para"].tolist() == list(range(1, 12))
    assert speakers(r, 7) == ["BIH", "TTO", "VCT", "VEN"]
    assert len(r.meetings) == 1
    r.validate()


def test_french_text_that_is_not_a_report_is_refused():
    """A French text with no meeting and no attributed statement is not a report of this kind."""
    with pytest.raises(NotAReportError, match="does not look like a report"):
        fr("1. La recette demande trois œufs et du sucre.\n2. Le four est chaud.")
