"""Command line: ``kit export``, ``kit validate``, ``kit note``, ``kit serve``, ``kit site``, ``kit workshop``.

Examples
--------
Also ``kit note`` (a briefing note as Markdown, HTML, Word or JSON), ``kit handout``
(a printable handout), ``kit solutions --out DIR`` (the trainer's workshop solutions) and
``kit notebooks --out DIR`` (a participant's own copy of the workshop notebooks, with no solutions).
Export every table of the bundled report as CSV, Parquet and JSON::

    kit export --out tables/ --format csv --format parquet --format json

Another report (markdown, PDF text or the PDF itself)::

    kit export reports/wgpko-2022.pdf --out tables-2022/

The command's own lines (``wrote …``, ``valid``, ``kit: error: …``) and the report's summary line are in the
language of its ``--lang`` where it has one, else ``$KIT_LANG`` (``KIT_LANG=fr kit validate``), else English.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import LANGUAGES, N_, format_number, normalize, translator
from .readers import KIND_NAMES

__all__ = ["main", "build_parser"]


def _lang(args: argparse.Namespace) -> str:
    """The language of the command's own lines: its ``--lang`` where it has one, else ``$KIT_LANG``, else English."""
    return normalize(getattr(args, "lang", None))


def _language(value: str) -> str:
    """``--lang``: one of the languages the kit speaks (:data:`kit.i18n.LANGUAGES`), as a code or a tag
    (``fr``, ``fr-FR``); anything else is refused by the parser, naming the languages, instead of English.

    >>> _language("fr-FR")
    'fr'
    >>> _language("french")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: unknown language 'french': use one of en, fr
    """
    from .i18n import get_language

    code = value.strip().replace("-", "_").split("_")[0].lower()
    if code not in LANGUAGES:
        message = translator(get_language()).gettext("unknown language {lang}: use one of {languages}")
        raise argparse.ArgumentTypeError(message.format(lang=repr(value), languages=", ".join(LANGUAGES)))
    return code


def _load(path: str | None, kind: str | None = None):
    from .report import load_report

    if path and Path(path).is_dir():  # a folder is read only by the commands that read folders
        from .errors import ReportError

        raise ReportError(
            N_(
                "this is a folder, not a report: give one report file; kit export and kit validate "
                "also read every report in a folder"
            ),
            source=str(path),
        )
    return load_report(path, kind=kind) if path else load_report(kind=kind)


def _check_out(path: Path, folder: bool) -> None:
    """The one rule for ``--out``: the kit creates the folder or file named, never a missing folder above it
    (a mistyped path is refused, not created); a folder where a file is wanted, or a file where a folder is
    wanted, is refused."""
    from .errors import ReportError

    if folder and path.exists() and not path.is_dir():
        raise ReportError(
            N_("this is a file, not a folder: give the folder to write the tables into"), source=str(path)
        )
    if not folder and path.is_dir():
        raise ReportError(N_("this is a folder; give a file name such as note.md"), source=str(path))
    parent = path.absolute().parent
    if parent.exists() and not parent.is_dir():
        raise ReportError(
            N_("this is a file, not a folder: give the folder to write the tables into"), source=str(path.parent)
        )
    if not parent.is_dir():
        raise ReportError(
            N_("the folder {folder} does not exist; create it first"), folder=repr(str(path.parent)), source=str(path)
        )


def _cmd_export(args: argparse.Namespace) -> int:
    from .report import load_corpus

    target = Path(args.report) if args.report else None
    _check_out(Path(args.out), folder=True)
    report = load_corpus(target) if target and target.is_dir() else _load(args.report, args.kind)
    files = report.export(args.out, args.format or ["csv"])
    lang = _lang(args)
    print(report.summary(lang))
    for f in files:
        print("  " + translator(lang).gettext("wrote {path}").format(path=f))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    target = Path(args.report) if args.report else None
    lang = _lang(args)
    _ = translator(lang).gettext
    if target is not None and target.is_dir():
        return _validate_folder(target, lang)
    report = _load(args.report, args.kind)
    report.validate()
    print(_("{report}: valid").format(report=report.summary(lang)))
    _print_notes(report, lang)
    return 0


def _print_notes(report, lang: str) -> None:
    """The problems the parser noted that do not make a report invalid, one line each, in ``lang``."""
    from .errors import Problem

    _ = translator(lang).gettext
    for row in report.problems.itertuples():
        print("  " + _("note: {message}").format(message=Problem.from_row(row).localized(lang)))


def _error_line(message: object, lang: str) -> str:
    """``kit: error: …`` (« kit : erreur : … »), the one line the kit prints for an error (a kit error in
    ``lang``)."""
    if hasattr(message, "localized"):
        message = message.localized(lang)
    return translator(lang).gettext("kit: error: {message}").format(message=message)


def _validate_folder(folder: Path, lang: str = "en") -> int:
    """Validate every report in ``folder``: one line per file, exit code 2 if any fails."""
    from .errors import ReportError
    from .report import load_report
    from .schema import REPORT_SUFFIXES

    _ = translator(lang).gettext
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
    if not files:
        raise ReportError(
            N_("no report files ({suffixes}) in this folder"),
            suffixes=", ".join(sorted(REPORT_SUFFIXES)),
            source=str(folder),
        )
    failed = 0
    for path in files:
        try:
            report = load_report(path).validate()
        except ReportError as exc:
            failed += 1
            print(_error_line(exc, lang), file=sys.stderr)
            continue
        print(_("{path}: valid {report}").format(path=path, report=report.summary(lang)))
        _print_notes(report, lang)
    if failed:
        print(
            _("kit: {failed} of {total} files in {folder} are not valid reports").format(
                failed=failed, total=len(files), folder=folder
            ),
            file=sys.stderr,
        )
    return 2 if failed else 0


#: ``kit note --out`` suffixes and what each writes.
NOTE_FORMATS = {
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".html": "HTML",
    ".htm": "HTML",
    ".docx": "Word",
    ".json": "JSON",
}


def _cmd_note(args: argparse.Namespace) -> int:
    from .errors import ReportError

    lang = _lang(args)
    tr = translator(lang)
    path = Path(args.out) if args.out else None
    if path is not None:  # check the destination before the work
        _check_out(path, folder=False)
        suffix = path.suffix.lower()
        if suffix not in NOTE_FORMATS:
            raise ReportError(
                N_("cannot write a briefing note as {suffix}; use one of {formats}"),
                suffix=repr(suffix or tr.gettext("a file without an extension")),
                formats=", ".join(sorted(NOTE_FORMATS)),
                source=str(path),
            )
    note = _note(args)
    if path is None:
        print(note.to_markdown(), end="")
        return 0
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            note.to_docx(path)
        elif suffix in (".html", ".htm"):
            path.write_text(note.to_html(), encoding="utf-8")
        elif suffix == ".json":
            path.write_text(note.to_json(), encoding="utf-8")
        else:
            path.write_text(note.to_markdown(), encoding="utf-8")
    except OSError as exc:
        raise ReportError(
            N_("the note could not be written ({reason})"), reason=exc.strerror or exc, source=str(path)
        ) from exc
    words = note.words()
    print(
        tr.ngettext("wrote {path} ({format}, {n} word)", "wrote {path} ({format}, {n} words)", words).format(
            path=path, format=NOTE_FORMATS[suffix], n=format_number(words, lang)
        )
    )
    return 0


def _note(args: argparse.Namespace):
    """The note ``kit note`` asks for: on one theme across the documents of a folder, or across the meetings of
    a report (``--theme`` alone), else on a meeting, themes and speakers of one report."""
    from .errors import ReportError
    from .teaching.note import build_note

    folder = bool(args.report) and Path(args.report).is_dir()
    one_theme = len(args.theme or ()) == 1 and not args.meeting and not args.speaker
    if folder and not one_theme:
        raise ReportError(
            N_(
                "a folder gives a note on one theme across its documents: add --theme THEME "
                "(and no --meeting or --speaker), or give one report file"
            ),
            source=str(args.report),
        )
    if (args.since or args.until) and not one_theme:
        raise ReportError(
            N_(
                "--since and --until choose the meetings of a note on one theme: add --theme THEME "
                "(and no --meeting or --speaker)"
            )
        )
    if one_theme:
        from .report import load_corpus
        from .teaching.theme_note import theme_note

        report = load_corpus(args.report) if folder else _load(args.report)
        return theme_note(report, args.theme[0], lang=args.lang, since=args.since, until=args.until)
    return build_note(
        _load(args.report), meeting=args.meeting, themes=args.theme or (), speakers=args.speaker or (), lang=args.lang
    )


def _cmd_print(args: argparse.Namespace) -> int:
    """``kit print [REPORT] --out report.html|.docx|.pdf [--lang]``: the report as a clean A4 document."""
    from .errors import ReportError
    from .teaching.printable import FORMATS, write

    path, tr = Path(args.out), translator(_lang(args))
    if path.suffix.lower() in FORMATS and path.is_dir():
        raise ReportError(N_("this is a folder; give a file name such as report.html"), source=str(path))
    if not path.parent.is_dir():
        raise ReportError(
            N_("the folder {folder} does not exist; create it first"), folder=repr(str(path.parent)), source=str(path)
        )
    name = write(_load(args.report), path, args.lang)
    print(tr.gettext("wrote {path} ({format})").format(path=path, format=name))
    return 0


def _add_print(sub) -> None:
    p = sub.add_parser("print", help="print the report: a clean A4 document (.html, .docx or .pdf by --out suffix)")
    p.add_argument("report", nargs="?", help="report file (default: the bundled report)")
    p.add_argument("--out", required=True, help="file to write: .html, .docx or .pdf (PDF needs LibreOffice)")
    p.add_argument("--lang", type=_language, help="language of the labels: en or fr (default: the report's language)")
    p.set_defaults(func=_cmd_print)


def _cmd_handout(args: argparse.Namespace) -> int:
    from .teaching.handout import write_handout

    _check_out(Path(args.out), folder=False)
    report = _load(args.report)
    lang = _lang(args)
    write_handout(report, args.out, lang=lang)
    print(
        translator(lang)
        .gettext(
            "wrote {path} (print it from a browser on A4: the questions and the answer key each start on a new page)"
        )
        .format(path=args.out)
    )
    return 0


def _cmd_solutions(args: argparse.Namespace) -> int:
    from .errors import require

    require("nbformat", "the workshop notebooks", "apps")  # one line naming the extra, not a traceback
    _check_out(Path(args.out), folder=True)
    from .teaching.workshop_source import build_solutions

    lang = normalize(args.lang or "en")  # the notebooks' language (English unless --lang says otherwise)
    _ = translator(lang).gettext
    for path in build_solutions(Path(args.out), lang=lang):
        print(_("wrote {path}").format(path=path))
    print(_("These are the trainer's solutions: keep them out of the folder participants open."))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(report=args.report, port=args.port, host=args.host, lang=args.lang)


def _cmd_site(args: argparse.Namespace) -> int:
    from .site import build_site, serve_site

    lang = normalize(None if args.lang == "both" else args.lang)
    tr = translator(lang)
    result = build_site(args.report, args.out, lang=args.lang, word=not args.no_word)
    for _path, message in result.failed:
        print(_error_line(message, lang), file=sys.stderr)
    for note in result.notes:
        print("  " + tr.gettext("note: {message}").format(message=tr.gettext(note)))
    print(
        tr.gettext("wrote {path}").format(path=Path(args.out) / "index.html")
        + " "
        + tr.gettext(
            "({pages} pages of {reports} reports, {size} MB): open it in a browser, copy the folder to a web server, "
            "or serve it to a room with --serve"
        ).format(
            pages=format_number(result.pages, lang),
            reports=result.reports,
            size=format_number(round(result.size / 1e6, 1), lang),
        )
    )
    if args.serve:
        serve_site(args.out, port=args.port, host=args.host)
    return 2 if result.failed else 0


def _cmd_workshop(args: argparse.Namespace) -> int:
    from .workshop import workshop

    return workshop(
        folder=args.folder,
        password=args.password,
        port=args.port,
        host=args.host,
        report=args.report,
        show_progress=args.progress,
        max_participants=args.max_participants,
        lang=args.lang,
    )


def _cmd_notebooks(args: argparse.Namespace) -> int:
    from .errors import require

    require("nbformat", "the workshop notebooks", "apps")  # one line naming the extra, not a traceback
    _check_out(Path(args.out), folder=True)
    from .workshop import copy_participant_notebooks

    lang = _lang(args)
    _ = translator(lang).gettext
    for path, copied in copy_participant_notebooks(Path(args.out), lang=lang):
        print(
            _("wrote {path}").format(path=path)
            if copied
            else _("kept {path} (already there: your work is not overwritten)").format(path=path)
        )
    print(_("Open them with: jupyter lab {folder}").format(folder=args.out))
    return 0


def _cmd_check_room(args: argparse.Namespace) -> int:
    from .room import check_room, ready, room_report

    lang = _lang(args)
    checks = check_room(
        report=args.report, lang=lang, folder=args.folder, workshop_port=args.port, serve_port=args.serve_port
    )
    print(room_report(checks, lang))
    return 0 if "workshop" in ready(checks) else 1


_KIND_HELP = (
    "the kind of document of a report file (default: detected from its header); the files of a folder are each detected"
)

_LANG_HELP = (
    "language of the headings, labels and dates: en or fr (default: $KIT_LANG, else en); "
    "quotes stay in the report's language"
)


def _add_export(sub) -> None:
    p = sub.add_parser("export", help="parse a report (or a folder of reports) and write its tables")
    p.add_argument("report", nargs="?", help="report file or folder (default: the bundled report)")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument(
        "--format",
        action="append",
        choices=["csv", "parquet", "json"],
        help="repeat for several formats (default: csv)",
    )
    p.add_argument("--kind", choices=KIND_NAMES, help=_KIND_HELP)
    p.set_defaults(func=_cmd_export)


def _add_validate(sub) -> None:
    p = sub.add_parser("validate", help="parse a report (or every report in a folder) and check its tables")
    p.add_argument("report", nargs="?", help="report file or folder (default: the bundled report)")
    p.add_argument("--kind", choices=KIND_NAMES, help=_KIND_HELP)
    p.add_argument(
        "--lang",
        type=_language,
        help="language of the lines, problems and errors: en or fr (default: $KIT_LANG, else en)",
    )
    p.set_defaults(func=_cmd_validate)


def _add_note(sub) -> None:
    p = sub.add_parser(
        "note",
        help="build a briefing note (Markdown, HTML, Word or JSON by --out suffix): on a "
        "meeting, or on one theme across a folder's documents or a report's meetings",
    )
    p.add_argument(
        "report",
        nargs="?",
        help="report file, or a folder of documents (then give one --theme; default: the bundled report)",
    )
    p.add_argument("--meeting", help="meeting id, e.g. 2021-04-13")
    p.add_argument(
        "--theme",
        action="append",
        help="theme id or label (repeatable); one theme and no --meeting or --speaker: the note on that "
        "theme across the documents (or meetings), positions grouped by document in date order",
    )
    p.add_argument("--since", help="with one --theme: keep the meetings from this day (e.g. 2023-01-01)")
    p.add_argument("--until", help="with one --theme: keep the meetings up to this day (e.g. 2023-12-31)")
    p.add_argument("--speaker", action="append", help="speaker id or name (repeatable)")
    p.add_argument("--out", help="file to write: .md, .html, .docx or .json; default prints Markdown")
    p.add_argument("--lang", type=_language, help=_LANG_HELP)
    p.set_defaults(func=_cmd_note)


def _add_handout(sub) -> None:
    p = sub.add_parser("handout", help="write a printable HTML handout with questions and an answer key")
    p.add_argument("report", nargs="?")
    p.add_argument("--out", default="handout.html", help="HTML file to write (default: handout.html)")
    p.add_argument("--lang", type=_language, help=_LANG_HELP)
    p.set_defaults(func=_cmd_handout)


def _add_solutions(sub) -> None:
    p = sub.add_parser("solutions", help="write the workshop notebooks with the answers (for the trainer only)")
    p.add_argument("--out", required=True, help="folder to write them to (not the one participants open)")
    p.add_argument("--lang", type=_language, help="language of the notebooks: en (default) or fr")
    p.set_defaults(func=_cmd_solutions)


def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="serve the Voilà apps for a room (prints the URL and a QR code)")
    p.add_argument("report", nargs="?", help="report to serve (sets KIT_REPORT)")
    p.add_argument("--port", type=int, default=8866, help="port to listen on (default: 8866; must be free)")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all, the room's network)")
    p.add_argument(
        "--lang",
        type=_language,
        help="the room's language for the apps: en or fr (sets KIT_LANG; default: $KIT_LANG, "
        "else each browser's language, else en); every app keeps a switch to the other language",
    )
    p.set_defaults(func=_cmd_serve)


def _add_site(sub) -> None:
    p = sub.add_parser(
        "site",
        help="write the apps as a static website (open it from a folder, a USB stick or any "
        "web server; --serve for a room)",
    )
    p.add_argument("report", nargs="?", help="report file or folder of reports (default: the bundled report)")
    p.add_argument("--out", required=True, help="folder to write the site to (new, empty, or written by kit site)")
    p.add_argument(
        "--lang",
        default="both",
        choices=[*LANGUAGES, "both"],
        help="language of the pages: en, fr or both (every language the kit speaks), with a switch on "
        "every page (default: both)",
    )
    p.add_argument("--no-word", action="store_true", help="leave out the briefing notes' Word files")
    p.add_argument(
        "--serve",
        action="store_true",
        help="then serve the site to the room (plain HTTP, prints the URL and a QR code)",
    )
    p.add_argument("--port", type=int, default=8867, help="port for --serve (default: 8867)")
    p.add_argument("--host", default="0.0.0.0", help="address for --serve (default: all, the room's network)")
    p.set_defaults(func=_cmd_site)


def _add_workshop(sub) -> None:
    p = sub.add_parser(
        "workshop",
        help="a JupyterHub for the room: every participant runs the workshop "
        "notebooks and the apps (needs the [workshop] extra)",
    )
    p.add_argument("report", nargs="?", help="report for the apps and notebooks (sets KIT_REPORT)")
    p.add_argument("--folder", default="kit-workshop", help="workshop folder (default: ./kit-workshop)")
    p.add_argument(
        "--password",
        help="the room password, 8 characters or more (default: KIT_WORKSHOP_PASSWORD,"
        " else one is made up and printed)",
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; must be free)")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all, the room's network)")
    p.add_argument("--progress", action="store_true", help="print each participant's answered exercises")
    p.add_argument(
        "--max-participants",
        type=int,
        default=15,
        help="servers running at once (default: 15, for a 2-core 8 GB laptop)",
    )
    p.add_argument(
        "--lang",
        type=_language,
        help="the room's language: en or fr (the French notebooks; default: $KIT_LANG, "
        "else English notebooks, and the apps follow each browser's language)",
    )
    p.set_defaults(func=_cmd_workshop)


def _add_check_room(sub) -> None:
    p = sub.add_parser(
        "check-room",
        help="the day before: check this laptop can run the workshop, and which "
        "set-up (plan B) it can run if not; exit code 1 when kit workshop cannot",
    )
    p.add_argument("report", nargs="?", help="the report the workshop will use (default: the bundled one)")
    p.add_argument("--folder", default="kit-workshop", help="the workshop folder (default: ./kit-workshop)")
    p.add_argument("--port", type=int, default=8000, help="kit workshop's port (default: 8000; 0: not checked)")
    p.add_argument("--serve-port", type=int, default=8866, help="kit serve's port (default: 8866; 0: not checked)")
    p.add_argument(
        "--lang",
        type=_language,
        help="language of the lines and of the notebooks checked: en or fr (default: $KIT_LANG, else en)",
    )
    p.set_defaults(func=_cmd_check_room)


def _add_notebooks(sub) -> None:
    p = sub.add_parser(
        "notebooks",
        help="copy the participants' workshop notebooks to a folder of your own "
        "(no solutions), to open with jupyter lab",
    )
    p.add_argument(
        "--out",
        default="kit-workshop",
        help="folder to copy them to (default: ./kit-workshop); notebooks already there are kept",
    )
    p.add_argument("--lang", type=_language, help="language of the notebooks: en or fr (default: $KIT_LANG, else en)")
    p.set_defaults(func=_cmd_notebooks)


#: The sub-commands in the order ``kit --help`` lists them: each function adds one's parser and arguments.
_SUBCOMMANDS = (
    _add_export,
    _add_validate,
    _add_note,
    _add_print,
    _add_handout,
    _add_solutions,
    _add_serve,
    _add_site,
    _add_workshop,
    _add_check_room,
    _add_notebooks,
)


def build_parser() -> argparse.ArgumentParser:
    """The ``kit`` command's parser: every subcommand and option, defined once (the documentation's CLI
    reference is generated from it).

    >>> {"export", "note", "serve", "site"} <= set(build_parser()._subparsers._group_actions[0].choices)
    True
    """
    parser = argparse.ArgumentParser(prog="kit", description="Peacekeeping Briefing Kit")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in _SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kit`` command."""
    args = build_parser().parse_args(argv)
    from .errors import ReportError

    lang = _lang(args)
    try:
        return args.func(args)
    except ReportError as exc:  # the kit's own errors already name the file and the line
        print(_error_line(exc, lang), file=sys.stderr)
        return 2
    except OSError as exc:  # a file the kit could not write or read: one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(_error_line(f"{where}{exc.strerror or exc}", lang), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
