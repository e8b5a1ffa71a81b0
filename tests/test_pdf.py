"""Reports as users have them: printed to PDF by Chromium, by LibreOffice, or made with fpdf2.

Each PDF of the bundled report is read back with ``load_report`` and compared with the Markdown
parse by invariants (same paragraph numbers and sections, same speakers, same statement
speaker/paragraph pairs, same meetings), never by counts of this one report. The tools come from
Debian (``.ci/run`` installs ``chromium`` and ``libreoffice-writer-nogui``); without them the tests
are skipped on a laptop and fail under CI.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import kit
from kit import load_report

from .conftest import need, need_module, need_tool

LIGATURES = re.compile("[\ufb00-\ufb06]")


def markdown_text() -> str:
    return Path(kit.DEFAULT_REPORT).read_text(encoding="utf-8")


def plain_blocks() -> list[tuple[str, str]]:
    """The bundled report as (kind, text) blocks: "heading" for a section title, "para" otherwise."""
    blocks = []
    for block in markdown_text().split("\n\n"):
        block = block.strip()
        if not block or block == "---":
            continue
        text = re.sub(r"\*+|^#+ ", "", block, flags=re.M).replace("  \n", " ").replace("\n", " ")
        text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)
        text = re.sub(r"\\([\\()$*_\[\]#.])", r"\1", text).strip()
        blocks.append(("heading" if re.match(r"[IVX]+\. ", text) else "para", text))
    return blocks


def assert_parses_like_the_markdown(pdf_report, md_report) -> None:
    pdf_report.validate()
    assert not set(pdf_report.problems["problem"]) & {
        "gap",
        "duplicate",
        "out_of_order",
        "number_in_text",
        "unattributed",
    }
    assert pdf_report.metadata["format"] == "pdf"
    pdf_p, md_p = pdf_report.paragraphs, md_report.paragraphs
    assert pdf_p["para"].tolist() == md_p["para"].tolist()
    assert pdf_p["section"].tolist() == md_p["section"].tolist()  # no heading glued to the paragraph before it
    for pdf_title, md_title in zip(pdf_p["section_title"], md_p["section_title"]):
        assert pdf_title == md_title or pd_isna(pdf_title) and pd_isna(md_title)
    assert not any(LIGATURES.search(t) for t in pdf_p["text"])
    assert set(pdf_report.speakers["speaker_id"]) == set(md_report.speakers["speaker_id"])
    pairs = list(zip(pdf_report.statements["para"], pdf_report.statements["speaker_id"]))
    assert pairs == list(zip(md_report.statements["para"], md_report.statements["speaker_id"]))
    assert pdf_report.statements["verb"].tolist() == md_report.statements["verb"].tolist()
    assert (
        pdf_report.meetings[["meeting_id", "first_para", "last_para"]].values.tolist()
        == md_report.meetings[["meeting_id", "first_para", "last_para"]].values.tolist()
    )


def pd_isna(value) -> bool:
    return value is None or value != value


def test_chromium_print_to_pdf(tmp_path, report):
    chromium = need_tool("chromium", "apt-get install chromium")
    mistune = need_module("mistune")
    title = report.metadata.get("title") or "Report"
    html = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title[:60]}</title><style>body {{ font-family: serif; }}</style></head><body>"
        + mistune.html(markdown_text())
        + "</body></html>"
    )
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "report-chromium.pdf"
    # As a user prints it: with the browser's header (date, title) and footer (address, page "3/12").
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert_parses_like_the_markdown(load_report(pdf), report)


def test_libreoffice_pdf_of_a_word_document(tmp_path, report):
    soffice = need_tool("soffice", "apt-get install libreoffice-writer-nogui")
    docx = need_module("docx")
    document = docx.Document()
    for kind, text in plain_blocks():
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    source = tmp_path / "report.docx"
    document.save(source)
    profile = tmp_path / "lo-profile"  # a private profile: parallel LibreOffice runs do not lock each other out
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.is_file()
    assert_parses_like_the_markdown(load_report(pdf), report)


def dejavu() -> Path:
    for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu"):
        font = Path(folder) / "DejaVuSans.ttf"
        if font.is_file():
            return font
    need("DejaVuSans.ttf (apt-get install fonts-dejavu-core)")


def test_fpdf2_pdf_with_ligatures_and_no_blank_lines(tmp_path, report):
    fpdf = need_module("fpdf")

    class Pdf(fpdf.FPDF):
        def header(self):
            self.set_font("dejavu", size=8)
            self.cell(0, 5, "S/2021/1086", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-15)
            self.set_font("dejavu", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Pdf()
    pdf.add_font("dejavu", fname=str(dejavu()))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("dejavu", size=10)
    ligatured = 0
    for _, text in plain_blocks():
        # Typeset as some PDF producers do: ligature characters, and no space between paragraphs or headings.
        text = text.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("ff", "\ufb00").replace("fl", "\ufb02")
        ligatured += len(LIGATURES.findall(text))
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "report-fpdf2.pdf"
    pdf.output(str(path))
    assert ligatured > 10
    r = load_report(path)
    assert r.metadata["normalised_characters"] >= ligatured
    assert r.metadata["symbol"] == "S/2021/1086"
    assert_parses_like_the_markdown(r, report)


def test_fpdf2_pdf_with_un_footers_on_both_page_sides_and_a_footnote(tmp_path, report):
    """As UN documents are printed: odd pages end "job number   page/pages" (right), even pages "page/pages   job
    number" (left), the running head is the symbol; a footnote under a rule at the foot of the first page, referenced
    by a superscript after the first paragraph. The footers and the footnote are not report text; the footnote is
    kept with the paragraph of its marker."""
    fpdf = need_module("fpdf")

    class Pdf(fpdf.FPDF):
        def header(self):
            self.set_font("dejavu", size=8)
            self.cell(0, 5, "S/2021/1086", new_x="LMARGIN", new_y="NEXT", align="L" if self.page_no() % 2 else "R")

        def footer(self):
            self.set_font("dejavu", size=8)
            if self.page_no() == 1:
                self.set_y(-32)
                self.cell(0, 5, "_" * 18, new_x="LMARGIN", new_y="NEXT")
                self.multi_cell(
                    0,
                    4,
                    "1   See the statement by the President of the Security Council (S/PRST/2001/3) "
                    "on the United Nations Mission in South Sudan.",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
            self.set_y(-15)
            n = f"{self.page_no()}/{{nb}}"
            self.cell(
                0,
                5,
                f"21-19999    {n}" if self.page_no() % 2 else f"{n}    21-19999",
                align="R" if self.page_no() % 2 else "L",
            )

    pdf = Pdf()
    pdf.add_font("dejavu", fname=str(dejavu()))
    pdf.set_auto_page_break(True, margin=35)
    pdf.add_page()
    pdf.set_font("dejavu", size=10)
    marked = False
    for kind, text in plain_blocks():
        if kind == "para" and "(S/PRST/2001/3)." in text and not marked:  # paragraph 1: a superscript reference
            text, marked = text.replace("(S/PRST/2001/3).", "(S/PRST/2001/3).\u00b9", 1), True
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    assert marked and pdf.page_no() >= 4  # both page sides, several times
    path = tmp_path / "report-un-footers.pdf"
    pdf.output(str(path))
    r = load_report(path)
    assert_parses_like_the_markdown(r, report)
    assert r.paragraphs["text"].tolist() == report.paragraphs["text"].tolist()
    assert [(n["marker"], n["para"]) for n in r.metadata["footnotes"]] == [("1", 1)]
    assert r.mentions[["para", "key"]].values.tolist() == report.mentions[["para", "key"]].values.tolist()
