"""Other formats (PDF text, the PDF itself, corpora, the CLI) and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import LayoutError, ReportWarning, SourceError, ValidationError, load_corpus, load_report, load_text

from .conftest import as_pdf_text

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
    fpdf = pytest.importorskip("fpdf")
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


def test_warm_load_is_cached(report):
    assert load_report() is report


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("content, error, words", [
    (b"", SourceError, "empty"),
    (b"   \n\n", SourceError, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", SourceError, "binary"),
    ("1. The representative of Fran\u00e7e said it.\n".encode("latin-1"), SourceError, "UTF-8"),
    (b"Dear colleagues,\n\nthank you for the lovely dinner.\n", LayoutError, "no numbered paragraphs"),
    (b"1. The representative of Kenya said that\n2. The representative of Ghana noted that the", LayoutError,
     "truncated"),
    (b"%PDF-1.4\nnot really a pdf", SourceError, "PDF"),
])
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
    text = "1. One said.\n\n2. Two said.\n\n4. Four said.\n\n4. Four again said.\n\n5. Five said.\n"
    with pytest.warns(ReportWarning, match="paragraph 4 where 3 was expected"):
        r = load_text(text, name="gaps.md")
    assert r.problems["problem"].tolist() == ["gap", "duplicate"]
    assert r.problems["line"].tolist() == [5, 7]
    with pytest.raises(ValidationError, match="line 5: paragraph 4 where 3 was expected"):
        r.validate()
    with pytest.raises(LayoutError, match=r"gaps.md, line 5, paragraph 4"):
        load_text(text, name="gaps.md", strict=True)


def test_validate_catches_inconsistent_tables(report):
    broken = load_report(cache=False)
    broken.statements.loc[0, "start"] += 3
    broken.mentions.loc[0, "para"] = 999
    with pytest.raises(ValidationError) as info:
        broken.validate()
    assert "offsets do not match" in str(info.value) and "999" in str(info.value)
    report.validate()  # the cached one is untouched


# ------------------------------------------------------------------ CLI


def test_cli_exports_every_table_in_three_formats(tmp_path):
    out = tmp_path / "tables"
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "export", "--out", str(out), "--format", "csv",
                           "--format", "parquet", "--format", "json"], capture_output=True, text=True)
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
    code = ("import sys, kit.parse, kit.sources as s; kit.parse.parse_rows(s.read_source(kit.parse.DEFAULT_REPORT)); "
            "print('pandas' in sys.modules, 'ipywidgets' in sys.modules)")
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
        ["2023-02-02", "in person", 1, 2], ["2023-06-09", "videoconference", 3, 4]]
    assert r.statements.set_index("para").loc[4, "speaker_id"].tolist() == ["VCT", "TTO"]
    assert "UNISFA" in set(r.mentions["key"])
    assert r.metadata["symbol"] == "S/2024/7" and r.cite([2, 4]) == "S/2024/7, paras. 2, 4"
    assert r.statements.set_index("para").loc[5, "speaker_kind"] == "chair"


def test_cli_note_and_handout(tmp_path):
    note = tmp_path / "note.md"
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "note", "--meeting", "2021-04-13", "--theme", "covid19",
                           "--out", str(note)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = note.read_text(encoding="utf-8")
    assert "(para. 32)" in text and "Mexico" in text
    handout = tmp_path / "handout.html"
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "handout", "--out", str(handout)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "break-before: page" in handout.read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "note", "--theme", "no-such-theme"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "no-such-theme" in proc.stderr and "Traceback" not in proc.stderr
