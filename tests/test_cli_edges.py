"""Rough edges a newcomer met in the first ten minutes (issue 18): each refused in one line of the kit's own,
with exit code 2, or fixed.

- ``--lang`` takes only the languages the kit speaks (``kit.i18n.LANGUAGES``), on every command that has it;
- ``--out`` follows one rule: the kit creates the folder or file named, never a missing folder above it;
- files and folders ``kit export`` writes follow the umask, as any file the user writes;
- a folder given where one report is read says so, and names the commands that read folders;
- installed without the ``[apps]`` extra, ``kit notebooks``, ``kit solutions`` and ``kit serve`` name the extra.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from kit.cli import build_parser, main
from kit.i18n import LANGUAGES

pytestmark = pytest.mark.usefixtures("english_by_default")  # tests/conftest.py


def _commands_with_lang() -> list[str]:
    """Every subcommand whose parser has ``--lang`` (read from the parser, so a new command is covered)."""
    import argparse

    (subparsers,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return [name for name, sub in subparsers.choices.items() if any("--lang" in a.option_strings for a in sub._actions)]


def test_every_command_with_lang_is_found():
    assert {"note", "handout", "solutions", "serve", "workshop", "notebooks"} <= set(_commands_with_lang())


@pytest.mark.parametrize("command", _commands_with_lang())
@pytest.mark.parametrize("lang", ["de", "french", "xx-YY"])
def test_an_unknown_language_is_refused_naming_the_languages(command, lang, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        main([command, "--lang", lang])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and repr(lang) in err
    assert all(code in err for code in LANGUAGES)
    assert not list(tmp_path.iterdir())  # nothing written, nothing served


@pytest.mark.parametrize("lang, code", [("fr", "fr"), ("fr-FR", "fr"), ("EN", "en"), ("en_GB", "en")])
def test_a_known_language_is_taken_as_a_code_or_a_tag(lang, code):
    from kit.cli import _language

    assert _language(lang) == code


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_follows_the_umask_for_folders_and_every_file(tmp_path, capsys):
    old = os.umask(0o027)
    try:
        assert main(["export", "--out", str(tmp_path / "tables"), "--format", "csv", "--format", "json"]) == 0
    finally:
        os.umask(old)
    folder = tmp_path / "tables"
    assert _mode(folder) == 0o750
    files = list(folder.iterdir())
    assert {f.suffix for f in files} == {".csv", ".json"}
    assert {f.name: _mode(f) for f in files} == {f.name: 0o640 for f in files}


@pytest.mark.parametrize("command", [["export"], ["notebooks"], ["solutions"], ["handout"], ["note"]])
def test_out_is_created_but_never_a_missing_folder_above_it(command, tmp_path, capsys):
    name = {"handout": "handout.html", "note": "note.md"}.get(command[0], "made")
    assert main([*command, "--out", str(tmp_path / "missing" / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit: error:") and err.count("\n") == 1 and "missing" in err and "create it" in err
    assert not (tmp_path / "missing").exists()
    assert main([*command, "--out", str(tmp_path / name)]) == 0  # the thing named is made
    assert (tmp_path / name).exists()


@pytest.mark.parametrize("command", [["note", "--out", "note.md"], ["handout", "--out", "h.html"], ["validate"]])
def test_a_folder_of_csvs_given_as_a_report_is_not_called_a_folder_of_reports(command, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "meetings.csv").write_text("report_id\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([command[0], str(folder), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit: error:") and str(folder) in err and err.count("\n") == 1
    assert "load_corpus" not in err and "folder of reports" not in err


def test_a_folder_given_for_a_note_is_not_called_a_file_without_an_extension(tmp_path, capsys):
    assert main(["note", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "without an extension" not in err and "folder" in err and "note.md" in err


@pytest.mark.parametrize(
    "command, module",
    [
        (["notebooks", "--out", "mine"], "nbformat"),
        (["solutions", "--out", "answers"], "nbformat"),
        (["serve", "--port", "1"], "jupyter_server"),
        (["serve", "--port", "1"], "voila"),
    ],
)
def test_without_the_apps_extra_the_command_names_it(command, module, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert module in err and "peacekeeping-briefing-kit[apps]" in err
    assert not list(tmp_path.iterdir())
