"""The CLI's own lines, the report's summary line and the note's filter errors speak the chosen language:
``--lang`` where the command has one, else ``$KIT_LANG``, else English (unchanged)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kit import load_report
from kit.cli import main
from kit.i18n import set_language, translator
from kit.schema import TABLES
from kit.teaching.note import NoteError, build_note

pytestmark = pytest.mark.usefixtures("english_by_default")  # tests/conftest.py
ROOT = Path(__file__).resolve().parent.parent
_fr = translator("fr").gettext
#: Words of the English lines that must not be left in a French one.
ENGLISH = re.compile(
    r"\b(?:wrote|valid|error|meetings?|paragraphs?|speakers?|statements?|themes?|unknown|"
    r"print|folder|words?)\b"
)


@pytest.fixture(scope="module")
def r():
    return load_report()


def _without_data(line: str, r) -> str:
    """A line without the paths, ids and the user's own words it quotes (they are data, in any language)."""
    line = re.sub(r"(?<!\w)'[^']*'(?!\w)", "", line)
    for x in (r.report_id, *(str(m) for m in r.meetings["meeting_id"])):
        line = line.replace(x, "")
    return re.sub(r"/\S+", "", line)


def test_the_summary_line_is_in_the_current_language(r):
    english = repr(r)
    assert english == r.summary("en")
    # English as before: one "<count> <table>" per table of the contract
    assert (
        english
        == f"<Report {r.report_id!r}: "
        + ", ".join(
            translator("en").ngettext(f"{{n}} {t[:-1]}", f"{{n}} {t}", len(getattr(r, t))).format(n=len(getattr(r, t)))
            for t in TABLES
        )
        + ">"
    )
    set_language("fr")
    french = repr(r)
    assert french == r.summary("fr") != english
    assert french.startswith(f"<Report {r.report_id!r}\u00a0: ")
    for t in TABLES:
        n = len(getattr(r, t))
        assert translator("fr").ngettext(f"{{n}} {t[:-1]}", f"{{n}} {t}", n).format(n=n) in french
    assert not ENGLISH.search(_without_data(french, r).replace("mentions", "")), french


def test_validate_prints_french_with_kit_lang(r, capsys, monkeypatch):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"{r!r}: valid"
    monkeypatch.setenv("KIT_LANG", "fr")
    assert main(["validate"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line == _fr("{report}: valid").format(report=r.summary("fr"))
    assert not ENGLISH.search(_without_data(line, r).replace("mentions", "")), line


def test_export_and_solutions_lines(r, capsys, monkeypatch, tmp_path):
    assert main(["export", "--out", str(tmp_path / "en")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == repr(r) and all(line.startswith("  wrote ") for line in out[1:]) and len(out) > 1
    monkeypatch.setenv("KIT_LANG", "fr")
    assert main(["export", "--out", str(tmp_path / "fr")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == r.summary("fr")
    assert all(line.startswith("  " + _fr("wrote {path}").split("{")[0]) for line in out[1:]) and len(out) > 1
    monkeypatch.delenv("KIT_LANG")
    assert main(["solutions", "--lang", "fr", "--out", str(tmp_path / "sol")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == _fr("These are the trainer's solutions: keep them out of the folder participants open.")
    assert out[-1] != "These are the trainer's solutions: keep them out of the folder participants open."
    assert all(line.startswith(_fr("wrote {path}").split("{")[0]) for line in out[:-1])


def test_handout_and_note_lines(r, capsys, tmp_path):
    assert main(["handout", "--out", str(tmp_path / "h.html")]) == 0
    assert capsys.readouterr().out == (
        f"wrote {tmp_path / 'h.html'} (print it from a browser on A4: the questions "
        "and the answer key each start on a new page)\n"
    )
    assert main(["handout", "--lang", "fr", "--out", str(tmp_path / "h.html")]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(_fr("wrote {path}").split("{")[0]) and not ENGLISH.search(_without_data(line, r)), line
    assert main(["note", "--lang", "fr", "--out", str(tmp_path / "n.md")]) == 0
    line = capsys.readouterr().out.strip()
    assert re.fullmatch(
        re.escape(_fr("wrote {path} ({format}, {n} word)").split("{")[0]) + r".*\(Markdown, [\d\u202f]+ mots\)", line
    ), line
    assert main(["note", "--out", str(tmp_path / "n.md")]) == 0
    line = capsys.readouterr().out.strip()  # the count grouped as English writes it ("2,390 words")
    assert re.fullmatch(r"wrote \S+ \(Markdown, \d{1,3}(?:,\d{3})* words\)", line), line


@pytest.mark.parametrize(
    "args",
    [
        ["note", "--meeting", "1999-01-01"],
        ["note", "--theme", "no-such-theme"],
        ["note", "--speaker", "Atlantis"],
        ["note", "--out", "missing-dir/note.md"],
        ["note", "--out", "note.pdf"],
    ],
)
def test_errors_say_kit_error_in_the_language(args, capsys, r, tmp_path):
    args = [str(tmp_path / a) if "." in a and "/" in a else a for a in args]
    assert main(args) == 2
    english = capsys.readouterr().err
    assert english.startswith("kit: error: ") and english.count("\n") == 1
    assert main([*args, "--lang", "fr"]) == 2
    french = capsys.readouterr().err
    assert french.startswith(_fr("kit: error: {message}").split("{")[0]) and french.count("\n") == 1
    assert french != english
    message = _without_data(french.split(":", 2)[-1], r)
    assert not ENGLISH.search(message.replace("note.pdf", "")), french


def test_note_errors_name_the_problem_in_the_language(r):
    for kwargs, en, fr in (
        ({"meeting": "1999-01-01"}, "unknown meeting", "réunion inconnue"),
        ({"themes": ["no-such"]}, "unknown theme", "thème inconnu"),
        ({"speakers": ["Atlantis"]}, "unknown speaker", "orateur inconnu"),
    ):
        with pytest.raises(NoteError, match=en):
            build_note(r, **kwargs)
        with pytest.raises(NoteError) as exc:
            build_note(r, lang="fr", **kwargs)
        assert exc.value.message.startswith(fr) and "unknown" not in exc.value.message
        assert str(next(iter(kwargs.values()))).strip("[]'") in exc.value.message  # it names what it did not find


def test_a_real_run_with_kit_lang_fr(r):
    env = {**os.environ, "KIT_LANG": "fr", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "kit.cli", "validate"], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == _fr("{report}: valid").format(report=r.summary("fr"))
    env["KIT_LANG"] = "en"
    proc = subprocess.run(
        [sys.executable, "-m", "kit.cli", "validate"], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert proc.stdout.splitlines()[0] == f"{r!r}: valid"
