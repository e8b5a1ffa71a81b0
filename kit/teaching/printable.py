"""The report as a clean A4 document (``kit print``): HTML, Word or PDF, from the parsed paragraphs.

The printable report is built from the report's tables, not from its source file: each numbered paragraph
with its number, under its section heading, each meeting announced by its date, with no Markdown left
(no ``\\$``, no ``[2594 \\(2021\\)](#)`` link syntax). The labels are in the report's language (or ``lang``).
Report text is data: the HTML comes from an autoescaping Jinja2 template (``templates/report.html.j2``
with the print stylesheet ``templates/report.css``, A4 ``@page``), Word writes plain runs (python-docx,
the ``[export]`` extra), and a PDF is the Word file converted by LibreOffice (``soffice --headless``).

Examples
--------
>>> from kit import load_report
>>> doc = printable(load_report())
>>> doc["paragraphs"][0]["number"], doc["lang"]
(1, 'en')
>>> page = to_html(load_report())
>>> page.startswith("<!DOCTYPE html>") and "<p class=\\"para\\" id=\\"para-5\\">" in page
True
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..display import format_date, meeting_format
from ..errors import ReportError, require
from ..i18n import N_, colon, normalize, translator
from ..paths import TEACHING_TEMPLATES_DIR

__all__ = ["FORMATS", "printable", "to_html", "to_docx", "to_pdf", "write", "PrintError"]

#: ``kit print --out`` suffixes and what each writes.
FORMATS = {".html": "HTML", ".htm": "HTML", ".docx": "Word", ".pdf": "PDF"}


class PrintError(ReportError):
    """The printable report cannot be written (an unknown format, no LibreOffice for a PDF)."""


def _tables(report: Any):
    from .note.tables import note_tables

    return note_tables(report)


def _lang(t: Any, lang: str | None) -> str:
    if lang:
        return normalize(lang)
    from .note.tables import report_lang

    return report_lang(t)


def printable(report: Any, lang: str | None = None) -> dict:
    """The printable report as plain data: title, heading lines, and the paragraphs in order, each with its
    number, text, section heading (when a section starts there) and meeting line (when a meeting starts there).

    ``lang`` is the language of the labels (default: the report's own language).
    """
    t = _tables(report)
    lang = _lang(t, lang)
    _ = translator(lang).gettext
    meta = t.metadata or {}
    meetings = {m.get("first_para"): m for m in t.meetings}
    heading = []
    if meta.get("body"):
        heading.append((_("Body"), str(meta["body"])))
    heading.append((_("Document") if meta.get("symbol") else _("Report"), str(meta.get("symbol") or t.report_id)))
    if meta.get("date"):
        heading.append((_("Date"), format_date(meta["date"], lang)))
    paragraphs, section = [], None
    for p in sorted(t.paragraphs, key=lambda p: int(p["para"])):
        row: dict[str, Any] = {
            "number": int(p["para"]),
            "text": str(p.get("text") or ""),
            "section": None,
            "meeting": None,
        }
        key = (p.get("section"), p.get("section_title"))
        if key != section and (key[0] or key[1]):
            row["section"] = ". ".join(str(x) for x in key if x)
            section = key
        m = meetings.get(p["para"])
        if m:
            when = ", ".join(x for x in (format_date(m.get("date"), lang), meeting_format(m.get("format"), lang)) if x)
            row["meeting"] = f"{_('Meeting')}{colon(lang)} {when}"
        paragraphs.append(row)
    return {
        "title": str(meta.get("title") or t.report_id),
        "heading": heading,
        "paragraphs": paragraphs,
        "lang": lang,
        "colon": colon(lang),
        "report_id": t.report_id,
        "date": meta.get("date"),
    }


@lru_cache(maxsize=1)
def _template():
    import jinja2

    folder = TEACHING_TEMPLATES_DIR
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        loader=jinja2.FunctionLoader(lambda name: (folder / name).read_text(encoding="utf-8")),
    )
    return env.get_template("report.html.j2"), (folder / "report.css").read_text(encoding="utf-8")


def to_html(report: Any, lang: str | None = None) -> str:
    """A standalone HTML page of the report that prints on A4 (autoescaped: report text stays text)."""
    template, css = _template()
    return template.render(doc=printable(report, lang), css=css)


def to_docx(report: Any, path: str | Path | io.IOBase, lang: str | None = None) -> None:
    """A Word file of the report: A4, styles Title / Heading 1, numbered paragraphs with a hanging indent."""
    import datetime as _dt

    Document = require("docx", "Word (.docx)", "export").Document
    from docx.shared import Mm, Pt

    from .note_render import save_docx

    doc_data = printable(report, lang)
    doc = Document()
    for sec in doc.sections:
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(25)
        sec.top_margin = sec.bottom_margin = Mm(20)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(11)
    day = doc_data["date"]
    stamp = _dt.datetime.combine(day if isinstance(day, _dt.date) else _dt.date(2000, 1, 1), _dt.time())
    props = doc.core_properties
    props.title = doc_data["title"][:255]
    props.author = props.last_modified_by = "Peacekeeping Briefing Kit"
    props.created = props.modified = stamp
    props.revision = 1
    doc.add_paragraph(doc_data["title"], style="Title")
    for label, value in doc_data["heading"]:
        p = doc.add_paragraph()
        p.add_run(f"{label}{doc_data['colon']} ").bold = True
        p.add_run(value)
    for row in doc_data["paragraphs"]:
        if row["section"]:
            doc.add_paragraph(row["section"], style="Heading 1")
        if row["meeting"]:
            doc.add_paragraph().add_run(row["meeting"]).italic = True
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.left_indent, fmt.first_line_indent, fmt.space_after = Mm(10), Mm(-10), Pt(6)
        p.add_run(f"{row['number']}.\t")
        p.add_run(row["text"])
    save_docx(doc, path, stamp)


def to_pdf(report: Any, path: str | Path, lang: str | None = None) -> None:
    """A PDF of the report: the Word file converted by LibreOffice (``soffice --headless --convert-to pdf``).

    Raises
    ------
    PrintError
        When LibreOffice is not installed, or the conversion fails.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PrintError(
            N_(
                "writing a PDF needs LibreOffice (the soffice command): install it (Debian: "
                "apt-get install libreoffice-writer), or write .html or .docx and print that"
            ),
            source=str(path),
        )
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="kit-print-") as tmp:
        word = Path(tmp) / "report.docx"
        to_docx(report, word, lang)
        profile = (Path(tmp) / "profile").as_uri()
        done = subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation={profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(word),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "HOME": tmp},
        )
        made = Path(tmp) / "report.pdf"
        if done.returncode != 0 or not made.is_file():
            raise PrintError(
                N_("LibreOffice could not convert the report to PDF ({reason})"),
                reason=(done.stderr or done.stdout or "").strip()[:200] or done.returncode,
                source=str(path),
            )
        shutil.move(str(made), str(path))


def write(report: Any, path: str | Path, lang: str | None = None) -> str:
    """Write the printable report to ``path`` in the format its suffix names (:data:`FORMATS`); return the
    format's name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise PrintError(
            N_("cannot print the report as {suffix}; use one of {formats}"),
            suffix=repr(suffix or translator(lang).gettext("a file without an extension")),
            formats=", ".join(sorted(FORMATS)),
            source=str(path),
        )
    if suffix == ".pdf":
        to_pdf(report, path, lang)
    elif suffix == ".docx":
        to_docx(report, path, lang)
    else:
        path.write_text(to_html(report, lang), encoding="utf-8")
    return FORMATS[suffix]
