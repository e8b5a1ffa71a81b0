"""``kit print``: the report as a clean A4 document (kit.teaching.printable), in HTML, Word and PDF.

Invariants on any report: every numbered paragraph, with its number and its whole text, in order; no Markdown
left; report text inert in HTML; labels in the report's language; A4 pages.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from kit import load_report, load_text
from kit.teaching.printable import PrintError, to_docx, to_html, write

from .test_briefing import _pdf_pages, _tool

FIXTURES = Path(__file__).parent / "fixtures"
MARKDOWN_LEFT = re.compile(r"\\[$()\[\]*_]|\]\(#\)|\]\([^)]*\)|\*\*")


@pytest.fixture(scope="module", params=["bundled", "french"])
def report(request):
    return load_report() if request.param == "bundled" else load_report(FIXTURES / "wgpko_excerpt_fr.md")


def _in_order(haystack: str, needles: list[str]) -> None:
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        assert found >= 0, (needle[:80], "missing or out of order")
        at = found + len(needle)


def _docx_text(report, lang=None) -> str:
    from docx import Document

    buf = io.BytesIO()
    to_docx(report, buf, lang)
    return "\n".join(p.text for p in Document(io.BytesIO(buf.getvalue())).paragraphs)


def test_every_paragraph_in_order_with_its_number_in_html_and_word(report):
    paras = report.paragraphs.sort_values("para")
    page = html.unescape(to_html(report))
    _in_order(
        page,
        [
            f'<p class="para" id="para-{n}"><span class="num">{n}.</span> {text}'
            for n, text in zip(paras["para"], paras["text"])
        ],
    )
    word = _docx_text(report)
    _in_order(word, [f"{n}.\t{text}" for n, text in zip(paras["para"], paras["text"])])
    for section in paras["section_title"].dropna().unique():  # section headings, in both
        assert section in page and section in word
    for shown in (page, word):
        assert not MARKDOWN_LEFT.search(re.sub(r"<style>.*?</style>", "", shown, flags=re.S)), MARKDOWN_LEFT.search(
            shown
        )


def test_meeting_dates_and_labels_are_in_the_reports_language(report):
    from kit.display import format_date
    from kit.i18n import translator

    lang = report.metadata["lang"]
    page = html.unescape(to_html(report))
    word = _docx_text(report)
    label = translator(lang).gettext("Meeting")
    for day in report.meetings["date"]:
        when = format_date(day, lang)
        assert f"{label}" in page and when in page and when in word
    assert f'<html lang="{lang}">' in page
    if lang == "fr":  # no English label left in a French report's print
        assert not re.search(r"<dt>(?:Body|Report|Document|Meeting)\b", page)
        assert "Réunion" in page and "Réunion" in word
    # another language on request
    other = "en" if lang == "fr" else "fr"
    assert f'<html lang="{other}">' in to_html(report, other)


def test_report_text_is_escaped():
    from .conftest import SYNTHETIC

    evil = "<script>alert('x')</script> & <b>bold</b>"
    text = SYNTHETIC.replace("called for more women peacekeepers", f"called for {evil} women peacekeepers")
    assert text != SYNTHETIC
    page = to_html(load_text(text))
    assert "<script>" not in page and "<b>bold</b>" not in page and "&lt;script&gt;" in page
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page)


def test_word_is_a4_and_reproducible():
    from docx import Document
    from docx.shared import Mm

    r = load_report()
    buf = io.BytesIO()
    to_docx(r, buf)
    doc = Document(io.BytesIO(buf.getvalue()))
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert doc.paragraphs[0].style.name == "Title"
    again = io.BytesIO()
    to_docx(r, again)
    assert again.getvalue() == buf.getvalue()


def test_pdf_is_a4_when_libreoffice_is_there(tmp_path):
    _tool("soffice")
    out = tmp_path / "report.pdf"
    assert write(load_report(), out) == "PDF"
    pages = _pdf_pages(out)
    assert len(pages) >= 2 and all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in pages), pages


def test_pdf_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PrintError, match="LibreOffice") as exc:
        write(load_report(), tmp_path / "report.pdf")
    assert "apt-get install" in str(exc.value)
    assert not (tmp_path / "report.pdf").exists()


def test_word_without_the_export_extra_is_one_line(tmp_path, monkeypatch):
    import sys

    from kit import ReportError

    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ReportError, match=r"\[export\]"):
        write(load_report(), tmp_path / "report.docx")


@pytest.mark.parametrize("out", ["report.txt", "missing-dir/report.html"])
def test_cli_print_refuses_bad_destinations_without_a_traceback(tmp_path, capsys, out):
    from kit.cli import main

    target = tmp_path / out
    assert main(["print", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit: error:") and "Traceback" not in err and str(target) in err
    assert not target.exists()


def test_cli_print_writes_html_and_word(tmp_path, capsys):
    from kit.cli import main

    for name in ("report.html", "report.docx"):
        assert main(["print", "--out", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 5000
    assert main(["print", str(FIXTURES / "wgpko_excerpt_fr.md"), "--out", str(tmp_path / "fr.html")]) == 0
    assert '<html lang="fr">' in (tmp_path / "fr.html").read_text(encoding="utf-8")
    assert "wrote" in capsys.readouterr().out
