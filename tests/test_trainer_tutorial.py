"""The trainer's tutorial run as a new trainer runs it: every ``kit`` command of its code blocks, from the page.

The commands are read from ``docs/tutorials/first-workshop.md`` itself, so the page cannot drift from the kit: a
command it gives that fails, or writes nothing, fails here. The two that run until Ctrl+C (``kit serve``, ``kit
workshop``) are parsed here with the options the page gives; ``tests/test_serve.py`` and ``tests/test_workshop.py``
start them and drive a browser through them. The install lines (``pip``, ``npm``) and ``jupyter lab`` are not
``kit`` commands and are not run.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from kit.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorials" / "first-workshop.md"
#: Commands that serve the room until Ctrl+C.
SERVERS = {"serve", "workshop"}
#: What a trainer needs from the page: the day before, the printouts, the room, plan B.
NEEDED = {"check-room", "handout", "print", "solutions", "note", "serve", "workshop", "notebooks"}


def tutorial_commands(text: str) -> list[str]:
    """The ``kit ...`` lines of the page's ``bash`` blocks, without their trailing comments.

    >>> tutorial_commands("```bash\\nkit print --out r.html      # print it\\npip install x\\n```\\n")
    ['kit print --out r.html']
    """
    out = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line.startswith("kit "):
                out.append(line)
    return list(dict.fromkeys(out))


COMMANDS = tutorial_commands(TUTORIAL.read_text(encoding="utf-8"))


def test_the_tutorial_gives_every_command_a_new_trainer_needs():
    assert {shlex.split(c)[1] for c in COMMANDS} >= NEEDED


@pytest.mark.parametrize("command", [c for c in COMMANDS if shlex.split(c)[1] not in SERVERS])
def test_each_command_of_the_tutorial_runs_and_writes_what_it_says(command, tmp_path, monkeypatch, capsys):
    """Run from an empty folder, with a home of its own (``~/workshop-solutions`` lands there)."""
    home = tmp_path / "home"
    home.mkdir()
    room = tmp_path / "room"
    room.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(room)
    argv = [str(Path(a).expanduser()) if a.startswith("~") else a for a in shlex.split(command)[1:]]
    code = main(argv)
    out = capsys.readouterr().out
    if argv[0] == "check-room":  # 1 says plan B: the laptop cannot run `kit workshop`; both end with a verdict
        assert code in (0, 1) and out.strip(), out
        return
    assert code == 0, (command, out)
    if "--out" in argv:
        written = Path(argv[argv.index("--out") + 1])
        written = written if written.is_absolute() else room / written
        assert written.exists(), command
        size = sum(p.stat().st_size for p in written.rglob("*")) if written.is_dir() else written.stat().st_size
        assert size > 0, command


@pytest.mark.parametrize("command", [c for c in COMMANDS if shlex.split(c)[1] in SERVERS])
def test_the_room_servers_take_the_options_the_tutorial_gives(command):
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert args.command == shlex.split(command)[1] and callable(args.func)
    if "--password" in command:
        assert len(args.password) >= 8  # the room password `kit workshop` accepts
