"""``kit site``: the apps as a static website, for a folder, a USB stick, any web server, or a room.

:func:`build_site` writes the pages of :mod:`kit.views.site` for one report or a folder of reports, in English,
French or both (the default: every page has the switch to the other language, as the apps do). Everything is a
file with relative links: open ``index.html`` from the folder, copy the folder to a web server, or serve it to a
room with :func:`serve_site` (``kit site --serve``: a plain HTTP server, the room's address and QR code as
``kit serve`` prints them).

Layout of the folder::

    index.html                 the reports, each app in each language
    _kit/apps.css site.css site.js
    en/index.html …            one report: its pages in each language (files/ holds the downloads)
    search.js                  the index the Themes search reads
    <report>/en/index.html …   a folder of reports: one such folder per report

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "site"
>>> result = build_site(None, out, lang="en", word=False)
>>> (out / "en" / "index.html").is_file(), (out / "en" / "speaker-MEX.html").is_file(), result.reports
(True, True, 1)
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import i18n
from .errors import ReportError
from .i18n import N_
from .paths import asset

__all__ = ["build_site", "serve_site", "SiteResult", "LANG_CHOICES", "MARKER"]

#: ``--lang`` choices: one language, or ``both``, every language the kit speaks (English and French, and any
#: defined by data, :mod:`kit.language`) with a switch on every page (the default).
LANG_CHOICES = (*i18n.LANGUAGES, "both")
#: The file that marks a folder as written by ``kit site`` (only such a folder is emptied and rebuilt).
MARKER = ".kit-site"
#: The name of the site on its first page (the kit's name, the same in every language).
SITE_TITLE = "Peacekeeping Briefing Kit"


@dataclass
class SiteResult:
    """What :func:`build_site` wrote: the folder, the number of reports and pages, the total size in bytes,
    and the reports (file, error message) it could not read."""

    out: Path
    reports: int = 0
    pages: int = 0
    size: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _languages(lang: str | None) -> tuple[str, ...]:
    lang = (lang or "both").strip().lower()
    if lang == "both":
        return i18n.LANGUAGES
    if lang not in LANG_CHOICES:
        raise ReportError(
            N_("unknown language {lang}; use one of {choices}"), lang=repr(lang), choices=", ".join(LANG_CHOICES)
        )
    return (lang,)


def _prepare(out: Path) -> None:
    """An empty folder to write to: a new one, an empty one, or one ``kit site`` wrote before (emptied)."""
    if out.exists() and not out.is_dir():
        raise ReportError(N_("this is a file; give the name of a folder for the site"), source=str(out))
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ReportError(
                N_("this folder is not empty and was not written by kit site; choose a new or an empty folder"),
                source=str(out),
            )
        for child in out.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(
        "Written by kit site: kit site empties this folder when it rebuilds it.\n", encoding="utf-8"
    )


def _report_files(target: Path) -> list[Path]:
    from .schema import REPORT_SUFFIXES

    files = sorted(p for p in target.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
    if not files:
        raise ReportError(
            N_("no report files ({suffixes}) in this folder"),
            suffixes=", ".join(sorted(REPORT_SUFFIXES)),
            source=str(target),
        )
    return files


def _home_entry(r, base: str, langs: tuple[str, ...]) -> dict:
    """One report on the first page: its title, citation label and date, and each app's page in each language."""
    from .views.registry import APPS
    from .views.site import PAGE_OF_APP

    md = r.metadata
    return {
        lang: {
            "title": md.get("title") or r.report_id,
            "meta": " · ".join(x for x in (r.label, i18n.format_date(md.get("date"), lang)) if x),
            "apps": [
                (i18n.gettext(a.title, lang), i18n.gettext(a.summary, lang), f"{base}{lang}/{PAGE_OF_APP[a.name]}")
                for a in APPS
                if a.name in PAGE_OF_APP
            ],
        }
        for lang in langs
    }


def _read_reports(target: Path | None, langs: tuple[str, ...], result: SiteResult) -> list:
    """(path, report) of each report of ``target``; in a folder, the ones that cannot be read go to ``result``."""
    from .views.data import app_report

    folder = target is not None and target.is_dir()
    reports = []
    for path in _report_files(target) if folder and target is not None else [target]:
        try:
            reports.append((path, app_report(path)))
        except ReportError as exc:
            if not folder:
                raise
            result.failed.append((str(path), exc.localized(langs[0])))
    if not reports:
        raise ReportError(N_("no report in this folder could be read"), source=str(target))
    return reports


def _word_available() -> bool:
    try:
        import docx  # noqa: F401 - python-docx, the [export] extra
    except ImportError:
        return False
    return True


def build_site(
    target: str | Path | None, out: str | Path, lang: str | None = "both", word: bool = True, progress=None
) -> SiteResult:
    """Write the static site of the apps for ``target`` (a report file, a folder of reports, or None for the
    bundled report) to the folder ``out``, in ``lang`` (``en``, ``fr`` or ``both``).

    A report of a folder that cannot be read is left out and named in :attr:`SiteResult.failed`; a single
    report that cannot be read, an empty folder, or an ``out`` folder holding other files raise
    :class:`kit.ReportError`. ``word=False`` leaves out the briefing notes' Word files (faster);
    ``progress(path, pages)`` is called after each report.
    """
    from .views.html import render
    from .views.shell import LANGUAGE_NAMES
    from .views.site import ASSETS, slug, write_report_site

    langs = _languages(lang)
    out = Path(out).expanduser()
    target = Path(target).expanduser() if target is not None else None
    if target is not None and not target.exists():
        raise ReportError(N_("no such file"), source=str(target))
    result = SiteResult(out)
    if word and not _word_available():
        word = False
        result.notes.append(
            N_("the briefing notes have no Word file here (python-docx, the kit's [export] extra, is not installed)")
        )
    reports = _read_reports(target, langs, result)
    _prepare(out)
    (out / "_kit").mkdir()
    for name in ASSETS:
        (out / "_kit" / name).write_bytes(asset(name).read_bytes())
    entries: list[dict] = []
    used = {"_kit"}
    for path, r in reports:
        base = ""
        if target is not None and target.is_dir():  # a folder of reports: a folder each
            base = slug(r.report_id)
            while base in used:
                base += "-2"
            used.add(base)
        pages = write_report_site(r, out / base, langs, root="../../_kit/" if base else "../_kit/", word=word)
        result.pages += len(pages)
        result.reports += 1
        entries.append(_home_entry(r, f"{base}/" if base else "", langs))
        if progress:
            progress(path, len(pages))
    names = dict(LANGUAGE_NAMES)
    home = render(
        "site_home.html.j2",
        title=SITE_TITLE,
        root="_kit/",
        langs=[(code, names.get(code, code), [e[code] for e in entries]) for code in langs],
    )
    (out / "index.html").write_text(str(home), encoding="utf-8")
    result.size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    return result


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site's folder; one line per error only (not one per page view)."""

    def log_message(self, format, *args):  # the standard library's signature
        if len(args) > 1 and str(args[1]).startswith(("4", "5")) and "/favicon.ico " not in str(args[0]):
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")


def serve_site(out: str | Path, port: int = 8867, host: str = "0.0.0.0") -> int:
    """Serve the folder ``out`` to the room over plain HTTP until Ctrl+C, after printing the room's address and
    QR code as ``kit serve`` does (:func:`kit.serve.room_address`, :func:`kit.serve.announce`)."""
    from .serve import announce, port_is_free, room_address

    out = Path(out)
    if not port_is_free(port, host):
        raise ReportError(
            N_(
                "port {port} is already in use (another kit serve?): stop that server or choose "
                "another port with --port"
            ),
            port=port,
        )
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    shown, candidates, warning = room_address(host)
    announce(f"serving the static site in {out}", f"http://{shown}:{port}/", candidates, warning, port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
