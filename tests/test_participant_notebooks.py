"""The participants' notebooks reach them without the solutions: ``kit notebooks`` (own installs), the room's
JupyterHub (``kit workshop --lang``) and the folder Binder opens.

The solutions' answers are found by building them (``build_solutions``) and keeping the ``answer = ...`` lines
that differ from the participants' placeholder; none of them may be in a folder participants open.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from kit.cli import main
from kit.i18n import translator
from kit.teaching.workshop_source import PARTICIPANTS_ENV, build_solutions
from kit.views.registry import APPS
from kit.workshop import _landing_sections, configure_hub, participant_notebooks, prepare_participant

ROOT = Path(__file__).resolve().parent.parent
BINDER_ROOT = ROOT / "notebooks"  # the folder Binder's server opens (binder/postBuild)
ANSWER = re.compile(r"^answer\s*=\s*(.+)$", re.M)


@pytest.fixture(scope="module")
def solution_answers(tmp_path_factory) -> set[str]:
    """Every filled-in answer line of the trainer's solutions, in both languages."""
    answers: set[str] = set()
    for lang in ("en", "fr"):
        for path in build_solutions(tmp_path_factory.mktemp(f"solutions-{lang}"), lang=lang):
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code":
                    answers |= {m.group(0).strip() for m in ANSWER.finditer(cell.source) if m.group(1).strip() != "..."}
    assert answers, "the solutions fill in answers"
    return answers


def _leaks(folder: Path, answers: set[str]) -> list[str]:
    """Solution answer lines found in any text file under ``folder``."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".ipynb", ".py", ".md", ".txt", ".json", ".html"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".ipynb":  # JSON escapes quotes: compare the cells' sources
                text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
            found += [f"{path}: {a}" for a in answers if a in text]
    return found


def test_the_folder_binder_opens_holds_no_solution(solution_answers):
    assert _leaks(BINDER_ROOT, solution_answers) == []


def test_a_leaked_solution_would_be_found(solution_answers, tmp_path):
    """The check above can fail: a solution notebook copied into a folder is found."""
    build_solutions(tmp_path)
    assert _leaks(tmp_path, solution_answers)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_kit_notebooks_copies_the_participants_notebooks_only(tmp_path, capsys, solution_answers, lang):
    out = tmp_path / "mine"
    assert main(["notebooks", "--out", str(out), "--lang", lang]) == 0
    expected = participant_notebooks(lang)
    assert expected and sorted(p.name for p in out.iterdir()) == [p.name for p in expected]
    for source in expected:
        assert (out / source.name).read_bytes() == source.read_bytes()
    assert _leaks(out, solution_answers) == []
    printed = capsys.readouterr().out
    wrote = translator(lang).gettext("wrote {path}").split("{")[0]  # « fichier écrit : » in French
    assert f"jupyter lab {out}" in printed and printed.count(wrote) == len(expected)


def test_the_french_notebooks_are_the_french_set():
    english, french = participant_notebooks("en"), participant_notebooks("fr")
    assert [p.name for p in english] == [p.name for p in french]
    assert all(e.read_bytes() != f.read_bytes() for e, f in zip(english, french))
    assert all("fr" in f.parent.parts for f in french)


def test_kit_notebooks_never_overwrites_a_participants_work(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KIT_LANG", raising=False)
    out = tmp_path / "mine"
    assert main(["notebooks", "--out", str(out)]) == 0
    first = sorted(out.glob("*.ipynb"))[0]
    worked = first.read_text(encoding="utf-8").replace("answer = ...", "answer = 'my own work'", 1)
    first.write_text(worked, encoding="utf-8")
    capsys.readouterr()
    assert main(["notebooks", "--out", str(out)]) == 0
    assert first.read_text(encoding="utf-8") == worked
    assert f"kept {first}" in capsys.readouterr().out  # in English: no --lang, no KIT_LANG


def _hub(tmp_path, monkeypatch, **settings):
    from traitlets.config import Config

    monkeypatch.setenv("KIT_WORKSHOP_PASSWORD", "room-password-42")
    c = Config()
    configure_hub(
        c,
        {
            "folder": str(tmp_path / "room"),
            "host": "127.0.0.1",
            "port": 8000,
            "hub_port": 8081,
            "api_port": 8001,
            "proxy": "configurable-http-proxy",
            **settings,
        },
    )
    return c


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_room_in_a_language_gives_each_participant_its_notebooks(tmp_path, monkeypatch, lang):
    c = _hub(tmp_path, monkeypatch, lang=lang)
    assert c.Spawner.environment["KIT_LANG"] == lang  # the apps and the checker speak the room's language
    assert c.Spawner.environment[PARTICIPANTS_ENV] == "1"  # no `kit solutions` in a participant's server
    home = tmp_path / "room" / "participants" / "amina"
    spawner = SimpleNamespace(home_dir=str(home), environment=dict(c.Spawner.environment))
    c.Spawner.pre_spawn_hook(spawner)
    for source in participant_notebooks(lang):
        assert (home / "workshop" / source.name).read_bytes() == source.read_bytes()
    assert sorted(p.name for p in (home / "apps").iterdir()) == sorted(app.notebook for app in APPS)
    assert spawner.environment["KIT_PROGRESS_FILE"].startswith(str(home))


def test_a_room_without_a_language_lets_each_browser_choose(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_LANG", raising=False)
    c = _hub(tmp_path, monkeypatch)
    assert "KIT_LANG" not in c.Spawner.environment
    home = tmp_path / "room" / "participants" / "bruno"
    c.Spawner.pre_spawn_hook(SimpleNamespace(home_dir=str(home), environment={}))
    assert sorted(p.name for p in (home / "workshop").iterdir()) == [p.name for p in participant_notebooks("en")]


def test_the_participants_landing_page_speaks_the_room_language(tmp_path):
    prepare_participant(tmp_path, "fr")
    english, french = _landing_sections(tmp_path, "en"), _landing_sections(tmp_path, "fr")
    for (en_heading, en_intro, _), (fr_heading, fr_intro, links) in zip(english, french):
        assert fr_heading != en_heading and fr_intro != en_intro
    _ = translator("fr").gettext
    app_links = french[1][2]
    assert [title for title, _href, _summary in app_links] == [_(app.title) for app in APPS]
    assert all(href.endswith("?lang=fr") for _title, href, _summary in app_links)
    notebooks = french[0][2]
    assert [href for _title, href, _summary in notebooks] == [
        f"lab/tree/workshop/{p.name}" for p in participant_notebooks("fr")
    ]
    # each notebook is listed by its own (French) title
    first = json.loads(participant_notebooks("fr")[0].read_text(encoding="utf-8"))
    heading = next(
        line
        for cell in first["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).splitlines()
        if line.startswith("#")
    )
    assert notebooks[0][0] == heading.lstrip("#").strip()


@pytest.mark.parametrize(
    "doc",
    ["README.md", "notebooks/workshop/TRAINER_GUIDE.md", "notebooks/workshop/GUIDE_FORMATEUR.md", "docs/deployment.md"],
)
def test_every_kit_command_the_guides_give_exists(doc, capsys):
    """A trainer copies the commands from the guides: each ``kit <command> --option`` must parse."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    commands = set(re.findall(r"(?:^|`)(?:\S*/)?kit ([a-z][a-z-]*(?: --[a-z-]+)*)", text, re.M))
    assert commands
    for command in commands:
        name, *options = command.split()
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        assert done.value.code == 0, f"{doc}: kit {name}"
        usage = capsys.readouterr().out
        for option in options:
            assert option in usage, f"{doc}: kit {command}"


@pytest.mark.parametrize("lang, word", [("en", "trainer"), ("fr", "formateur")])
def test_kit_solutions_refuses_in_a_participants_environment(tmp_path, monkeypatch, capsys, lang, word):
    monkeypatch.setenv(PARTICIPANTS_ENV, "1")
    assert main(["solutions", "--lang", lang, "--out", str(tmp_path / "s")]) == 2
    err = capsys.readouterr().err
    prefix = translator(lang).gettext("kit: error: {message}").split("{")[0]  # « kit : erreur : » in French
    assert err.startswith(prefix) and word in err and err.count("\n") == 1  # one line, no traceback
    assert not (tmp_path / "s").exists()
    monkeypatch.setenv(PARTICIPANTS_ENV, "0")  # and the trainer's own machine makes them
    assert main(["solutions", "--lang", lang, "--out", str(tmp_path / "s")]) == 0
    assert sorted(p.name for p in (tmp_path / "s").glob("*.ipynb")) == [p.name for p in participant_notebooks(lang)]
