"""``kit check-room``: the checks a trainer runs the day before, and which set-up the laptop can run.

Each check says what it is for: the notebooks and the exercise checker (every set-up), charts drawn with no
internet, JupyterLab (set-up 3, participants' own installs), Voilà (``kit serve``, the apps), JupyterHub and
Node's proxy (``kit workshop``), free ports, and an address the room can reach. The verdict names the set-ups
that are ready and, when ``kit workshop`` is not, the fallback (plan B): the apps alone with ``kit serve``,
pairs on paper with the printed handout, or each participant's own install with ``kit notebooks``.

Examples
--------
>>> checks = check_room(workshop_port=0, serve_port=0)
>>> [c.id for c in checks][:3]
['report', 'notebooks', 'checker']
>>> all(c.ok for c in checks if c.id in ("report", "notebooks", "checker", "plotly"))
True
"""

from __future__ import annotations

import importlib.util
import socket
from dataclasses import dataclass
from pathlib import Path

from .i18n import N_, normalize, translator

__all__ = ["Check", "SETUPS", "check_room", "ready", "room_report"]


@dataclass
class Check:
    """One line of the check: its id, whether it passed, what it checked and what it is needed for (the
    set-ups of :data:`SETUPS` that need it), and a detail (what to do when it failed)."""

    id: str
    ok: bool
    what: str
    needed_by: tuple[str, ...]
    detail: str = ""


#: The room set-ups of the trainer guide, by the command that runs them.
SETUPS = {
    "workshop": N_("kit workshop (the room's JupyterHub on this laptop)"),
    "serve": N_("kit serve (the apps only, for the projector and the room)"),
    "own": N_("participants' own installs (kit notebooks)"),
    "paper": N_("pairs on paper with the printed handout (kit handout)"),
}


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _port_free(port: int) -> bool:
    if not port:
        return True
    from .serve import port_is_free

    return port_is_free(port)


def _room_ip() -> str | None:
    """This laptop's address on the room's network (no packet is sent), or ``None`` when it has only loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            ip = s.getsockname()[0]
        except OSError:
            return None
    return None if ip.startswith("127.") else ip


def _checker_accepts_every_answer(report) -> bool:
    from .teaching.checker import check, expected
    from .teaching.exercises import EXERCISES

    return all(
        check(ex, expected(ex, report), report).status == "correct"
        for ex in EXERCISES
        if EXERCISES[ex].kind != "figure"
    )


def check_room(
    report: str | None = None,
    lang: str | None = None,
    folder: str | Path = "kit-workshop",
    workshop_port: int = 8000,
    serve_port: int = 8866,
) -> list[Check]:
    """Run the checks of the day before; each :class:`Check` is in ``lang``. A port of 0 is not checked.

    Three groups, in the order a trainer fixes them: the teaching material (the report, the notebooks, the
    checker), what is installed (plotly, JupyterLab, Voilà, JupyterHub and its proxy), and the network (the
    ports, the room's address).
    """
    _ = translator(normalize(lang)).gettext
    return (
        _material_checks(report, lang, _)
        + _install_checks(Path(folder).resolve(), _)
        + _network_checks(workshop_port, serve_port, _)
    )


def _material_checks(report: str | None, lang: str | None, _) -> list[Check]:
    """The report loads, the participant notebooks are installed, the checker accepts every right answer."""
    from .workshop import participant_notebooks

    everyone = ("workshop", "serve", "own", "paper")
    checks: list[Check] = []
    try:
        from .report import load_report

        r = load_report(report) if report else load_report()
        checks.append(Check("report", True, _("the report loads"), everyone))
    except Exception as exc:  # noqa: BLE001 - a report that does not load is what this check reports
        r = None
        checks.append(Check("report", False, _("the report loads"), everyone, str(exc)))
    notebooks = participant_notebooks(lang)
    checks.append(
        Check(
            "notebooks",
            bool(notebooks),
            _("the participant notebooks are installed"),
            ("workshop", "own"),
            "" if notebooks else _("reinstall the kit"),
        )
    )
    ok = r is not None and _checker_accepts_every_answer(r)
    checks.append(Check("checker", ok, _("the exercise checker accepts every right answer"), ("workshop", "own")))
    return checks


def _install_checks(folder: Path, _) -> list[Check]:
    """plotly.js for offline charts, JupyterLab, Voilà, JupyterHub and its proxy."""
    from .workshop import _proxy_command

    try:
        from plotly.offline import get_plotlyjs

        plotly_ok = len(get_plotlyjs()) > 100_000
    except ImportError:
        plotly_ok = False
    hub = _has("jupyterhub") and _has("jupyterhub_idle_culler")
    proxy = _proxy_command(folder)
    return [
        Check(
            "plotly",
            plotly_ok,
            _("charts are drawn with no internet (plotly.js is installed)"),
            ("workshop", "serve", "own"),
        ),
        Check(
            "jupyterlab",
            _has("jupyterlab"),
            _("JupyterLab is installed"),
            ("own",),
            "" if _has("jupyterlab") else "pip install jupyterlab",
        ),
        Check(
            "voila",
            _has("voila"),
            _("Voilà is installed (the apps)"),
            ("serve", "workshop"),
            "" if _has("voila") else "pip install voila",
        ),
        Check(
            "jupyterhub",
            hub,
            _("JupyterHub is installed"),
            ("workshop",),
            "" if hub else "pip install 'peacekeeping-briefing-kit[workshop]'",
        ),
        Check(
            "proxy",
            bool(proxy),
            _("JupyterHub's proxy is installed (configurable-http-proxy, from Node's npm)"),
            ("workshop",),
            proxy or _("install Node.js, then: npm install -g configurable-http-proxy"),
        ),
    ]


def _network_checks(workshop_port: int, serve_port: int, _) -> list[Check]:
    """The ports are free (0: not checked) and the laptop has an address the room can reach."""
    checks: list[Check] = []
    for cid, port, needed in (("workshop_port", workshop_port, ("workshop",)), ("serve_port", serve_port, ("serve",))):
        if port:
            free = _port_free(port)
            checks.append(
                Check(
                    cid,
                    free,
                    _("port {port} is free").format(port=port),
                    needed,
                    "" if free else _("stop what uses it, or choose another port with --port"),
                )
            )
    ip = _room_ip()
    checks.append(
        Check(
            "address",
            ip is not None,
            _("this laptop has an address the room can reach"),
            ("workshop", "serve"),
            ip or _("join the venue's wifi or your travel router"),
        )
    )
    return checks


def ready(checks: list[Check]) -> list[str]:
    """The set-ups (keys of :data:`SETUPS`) every check they need passed.

    >>> ready([Check("proxy", False, "", ("workshop",)), Check("report", True, "", ("workshop", "paper"))])
    ['serve', 'own', 'paper']
    """
    return [s for s in SETUPS if all(c.ok for c in checks if s in c.needed_by)]


def room_report(checks: list[Check], lang: str | None = None) -> str:
    """The checks as lines to print (✔ or ✘, what, detail), then the set-ups ready and plan B."""
    _ = translator(normalize(lang)).gettext
    lines = [f"{'✔' if c.ok else '✘'} {c.what}" + (f" -- {c.detail}" if c.detail else "") for c in checks]
    ok = ready(checks)
    lines += ["", _("Ready for:")] + [f"  * {_(SETUPS[s])}" for s in ok]
    if "workshop" not in ok:
        lines += [
            "",
            _(
                'kit workshop cannot start on this laptop. Plan B (see the trainer guide, "Plan B"): '
                "show the apps with kit serve and give pairs the printed handout (kit handout), or ask "
                "participants to install the kit and run kit notebooks."
            ),
        ]
    return "\n".join(lines)
