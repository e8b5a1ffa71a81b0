"""``kit workshop``: the trainer's laptop becomes a small JupyterHub for the room, with no internet.

It runs the real JupyterHub (the ``jupyterhub`` package) and its proxy (configurable-http-proxy, from npm):
no multi-user server of the kit's own. Participants log in with any name and the room password the trainer
sets (JupyterHub's shared-password authenticator). Each gets a JupyterLab server of their own, a local
process (``SimpleLocalProcessSpawner``) whose folder ``<workshop>/participants/<name>/`` holds their own
copy of the participant notebooks (``workshop/``, never the solutions) and of the apps (``apps/``, rendered
by Voilà's server extension at ``/user/<name>/voila/render/apps/...``). Their first page is the kit's
landing page (``/user/<name>/kit``), which links both.

The exercise checker appends one JSON line per answered exercise to ``$KIT_PROGRESS_FILE``; the spawner sets
it to ``progress.jsonl`` in each participant's folder, and ``--progress`` prints who has answered what.

Sizing for a 2-core, 8 GB laptop (see ``docs/deployment.md``, "A workshop where participants run the
exercises"): at most :data:`MAX_PARTICIPANTS` servers at once, two spawns at a time, idle kernels culled
after 15 minutes and idle servers after 30 (jupyterhub-idle-culler, a hub service).

This module is also the Jupyter server extension of each participant's server (the landing page).

Examples
--------
>>> import json, tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "participants" / "amina").mkdir(parents=True)
>>> lines = [{"exercise": "1.1", "correct": True}, {"exercise": "1.2", "correct": False},
...          {"exercise": "1.1", "correct": True}]
>>> _ = (folder / "participants" / "amina" / PROGRESS_FILE).write_text("\\n".join(map(json.dumps, lines)))
>>> progress(folder)
[('amina', 1, 2)]
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .i18n import N_
from .paths import NOTEBOOKS_DIR

__all__ = [
    "workshop",
    "configure_hub",
    "prepare_participant",
    "participant_notebooks",
    "copy_participant_notebooks",
    "progress",
    "progress_table",
    "PROGRESS_FILE",
    "MAX_PARTICIPANTS",
]

#: The file, in each participant's folder, where the exercise checker appends one JSON line per answer.
PROGRESS_FILE = "progress.jsonl"
#: Participants' servers running at once: a participant (JupyterLab server, notebook kernel with the report
#: loaded, one app kernel) costs about 365 MB and the hub with its proxy 250 MB (measured in
#: ``benchmarks/results/workshop.md``): 15 participants use about 5.7 GB, leaving an 8 GB laptop room for its
#: system, the trainer's browser and the extra app kernels participants open.
MAX_PARTICIPANTS = 15
#: What each participant's server may use (JupyterHub's declared limit, shown to the participant; local
#: processes are not confined by it: ``MAX_PARTICIPANTS`` keeps the total within the laptop's memory).
MEM_LIMIT = "400M"
KERNEL_IDLE_SECONDS = 15 * 60
SERVER_IDLE_SECONDS = 30 * 60
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,31}$"
INSTALL = N_(
    "pip install 'peacekeeping-briefing-kit[workshop]' and npm install -g configurable-http-proxy "
    '(see the README, "A workshop where participants run the exercises")'
)


def participant_notebooks(lang: str | None = "en") -> list[Path]:
    """The participants' workshop notebooks in ``lang`` (``notebooks/workshop/*.ipynb``, the French set in
    ``notebooks/workshop/fr/``): never the solutions. ``None`` is the process's language (``$KIT_LANG``)."""
    from .i18n import normalize
    from .teaching.workshop_source import LANG_FOLDERS

    folder = NOTEBOOKS_DIR / "workshop" / LANG_FOLDERS.get(normalize(lang), ".")
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file())


def copy_participant_notebooks(folder: str | Path, lang: str | None = None) -> list[tuple[Path, bool]]:
    """Copy the participants' workshop notebooks in ``lang`` into ``folder`` (``kit notebooks``), for a
    participant with their own install: they open that folder in JupyterLab, which holds no solution.

    A notebook already in ``folder`` is kept, so running it again never overwrites a participant's work.
    Returns ``(path, copied)`` for each notebook.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> first = copy_participant_notebooks(folder, "en")
    >>> [p.name for p, copied in first if copied] == [p.name for p in participant_notebooks("en")]
    True
    >>> any(copied for _, copied in copy_participant_notebooks(folder, "en"))  # kept the second time
    False
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for nb in participant_notebooks(lang):
        target = folder / nb.name
        copied = not target.exists()
        if copied:
            shutil.copyfile(nb, target)
        done.append((target, copied))
    return done


def _app_notebooks() -> list[Path]:
    from .views.registry import APPS

    return [NOTEBOOKS_DIR / app.notebook for app in APPS]


def prepare_participant(home: Path, lang: str | None = "en") -> None:
    """Make a participant's folder: their own copy of the workshop notebooks in the room's language ``lang``
    (kept if already there: a participant who logs in again finds their work) and the current apps."""
    copy_participant_notebooks(home / "workshop", lang)
    (home / "apps").mkdir(exist_ok=True)
    for nb in _app_notebooks():
        shutil.copyfile(nb, home / "apps" / nb.name)


def _read_progress(path: Path) -> tuple[set[str], set[str]]:
    answered: set[str] = set()
    correct: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return answered, correct
    for line in lines:
        try:
            row = json.loads(line)
            exercise = str(row["exercise"])
        except (ValueError, KeyError, TypeError):
            continue  # a line being written, or not the checker's
        answered.add(exercise)
        if row.get("correct") is True:
            correct.add(exercise)
    return answered, correct


def progress(folder: str | Path) -> list[tuple[str, int, int]]:
    """``(participant, exercises answered correctly, exercises tried)`` for every participant's folder."""
    rows = []
    base = Path(folder) / "participants"
    for home in sorted(p for p in base.glob("*") if p.is_dir()) if base.is_dir() else []:
        answered, correct = _read_progress(home / PROGRESS_FILE)
        rows.append((home.name, len(correct), len(answered)))
    return rows


def progress_table(folder: str | Path) -> str:
    """The trainer's view: one line per participant with the exercises they got right and tried."""
    rows = progress(folder)
    if not rows:
        return "No participant has logged in yet."
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'participant':<{width}}  correct  tried"]
    lines += [f"{name:<{width}}  {right:>7}  {tried:>5}" for name, right, tried in rows]
    return "\n".join(lines)


# --- the hub's configuration (read by the generated jupyterhub_config.py) -----------------------------------


def _jupyter_config(folder: Path) -> Path:
    """The participants' servers' Jupyter config: the kit's landing page and Voilà, no terminals, no news."""
    config = folder / "jupyter-config"
    config.mkdir(parents=True, exist_ok=True)
    settings = {
        "ServerApp": {
            "jpserver_extensions": {"kit.workshop": True, "voila": True, "jupyter_server_terminals": False},
            "terminals_enabled": False,
        },
        "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"},
        "MappingKernelManager": {
            "cull_idle_timeout": KERNEL_IDLE_SECONDS,
            "cull_interval": 60,
            "cull_connected": False,
        },
    }
    (config / "jupyter_server_config.json").write_text(json.dumps(settings, indent=2), encoding="utf-8")
    return config


def configure_hub(c, settings: dict) -> None:
    """Fill JupyterHub's config object ``c`` for the room (the generated ``jupyterhub_config.py`` calls this).

    ``settings`` holds ``folder``, ``host``, ``port``, ``hub_port``, ``api_port``, ``proxy`` and optionally
    ``lang`` (the room's language: the participants' notebooks, the apps and the landing page); the room
    password comes from the ``KIT_WORKSHOP_PASSWORD`` environment variable (never written to a file).

    The steps: where the hub and its proxy listen and keep their files (:func:`_hub_network`), who may log in
    (:func:`_hub_login`), how each participant's server starts (:func:`_hub_spawner`), and what a 2-core
    laptop can bear (:func:`_hub_limits`).
    """
    folder = Path(settings["folder"])
    _hub_network(c, folder, settings)
    _hub_login(c)
    _hub_spawner(c, folder, settings.get("lang"))  # lang None: English notebooks, the apps follow each browser
    _hub_limits(c, settings)


def _hub_network(c, folder: Path, settings: dict) -> None:
    """Where the hub and its proxy listen, and the files they keep in the workshop folder."""
    c.JupyterHub.bind_url = f"http://{settings['host']}:{settings['port']}/"
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings["hub_port"]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['api_port']}"
    c.ConfigurableHTTPProxy.command = [settings["proxy"]]
    c.ConfigurableHTTPProxy.pid_file = str(folder / "jupyterhub-proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{folder / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(folder / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(folder / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.cleanup_proxy = True


def _hub_login(c) -> None:
    """Any name of :data:`USERNAME_PATTERN` with the room password (``KIT_WORKSHOP_PASSWORD``)."""
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ["KIT_WORKSHOP_PASSWORD"]
    c.Authenticator.allow_all = True
    c.Authenticator.username_pattern = USERNAME_PATTERN


def _hub_spawner(c, folder: Path, lang: str | None) -> None:
    """Each participant's server: a local process in their own folder, prepared before it starts, speaking the
    room's language."""
    from .serve import JUPYTER_DIR
    from .teaching.workshop_source import PARTICIPANTS_ENV

    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(folder / "participants" / "{username}")
    c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
    c.Spawner.default_url = "/kit"
    # Jupyter refuses to run as root unless told; a CI machine or a container runs the kit as root.
    c.Spawner.args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    c.Spawner.notebook_dir = str(folder / "participants" / "{username}")
    c.Spawner.environment = {
        "JUPYTER_CONFIG_PATH": os.pathsep.join([str(_jupyter_config(folder)), str(JUPYTER_DIR)]),
        "JUPYTER_PATH": str(JUPYTER_DIR),
        # the room's language: the apps, the checker and the landing page speak it
        **({"KIT_LANG": lang} if lang else {}),
        PARTICIPANTS_ENV: "1",  # `kit solutions` refuses to run in a participant's server
    }
    c.Spawner.env_keep = [
        "PATH",
        "PYTHONPATH",
        "VIRTUAL_ENV",
        "LANG",
        "LC_ALL",
        "KIT_REPORT",
        "KIT_CACHE_DIR",
        "KIT_REFERENCE_DIR",
        "JUPYTERHUB_SINGLEUSER_APP",
    ]

    def pre_spawn(spawner) -> None:
        home = Path(spawner.home_dir)
        prepare_participant(home, lang or "en")
        spawner.environment = {**spawner.environment, "KIT_PROGRESS_FILE": str(home / PROGRESS_FILE)}

    c.Spawner.pre_spawn_hook = pre_spawn


def _hub_limits(c, settings: dict) -> None:
    """What a 2-core, 8 GB laptop can bear: slow starts allowed, memory and servers capped, idle servers culled."""
    # JupyterLab starts slowly when the room logs in at once.
    c.Spawner.start_timeout = 300
    c.Spawner.http_timeout = 300
    c.Spawner.mem_limit = MEM_LIMIT
    c.JupyterHub.active_server_limit = settings.get("max_participants", MAX_PARTICIPANTS)
    c.JupyterHub.concurrent_spawn_limit = 2
    c.JupyterHub.load_roles = [
        {
            "name": "kit-idle-culler",
            "services": ["idle-culler"],
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        }
    ]
    c.JupyterHub.services = [
        {
            "name": "idle-culler",
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={SERVER_IDLE_SECONDS}",
                "--cull-every=120",
            ],
        }
    ]


# --- each participant's server: the landing page ----------------------------------------------------------


def _title(notebook: Path) -> str:
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "markdown":
                for line in "".join(cell["source"]).splitlines():
                    if line.startswith("#"):
                        return line.lstrip("#").strip()
    except (OSError, ValueError, KeyError):
        pass
    return notebook.stem.replace("_", " ")


def _landing_sections(home: Path, lang: str = "en") -> list:
    from .i18n import translator
    from .views.registry import APPS

    _ = translator(lang).gettext
    notebooks = [(_title(nb), f"lab/tree/workshop/{nb.name}", "") for nb in sorted((home / "workshop").glob("*.ipynb"))]
    apps = [(_(app.title), f"voila/render/apps/{app.notebook}?lang={lang}", _(app.summary)) for app in APPS]
    return [
        (
            _("Your workshop notebooks"),
            _("Your own copies, in JupyterLab: run the cells and answer the exercises. Nobody else sees your changes."),
            notebooks,
        ),
        (_("The apps"), _("The same report in point-and-click apps."), apps),
    ]


def _jupyter_server_extension_points():
    return [{"module": "kit.workshop"}]


def _load_jupyter_server_extension(serverapp) -> None:
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    from .i18n import translator
    from .voila_app import landing_page, page_language

    class WorkshopLanding(JupyterHandler):
        @web.authenticated
        def get(self) -> None:
            home = Path(self.settings["server_root_dir"]).expanduser()
            user = getattr(self.current_user, "name", None) or getattr(self.current_user, "username", "")
            lang = page_language(self.get_query_argument("lang", None), self.request.headers.get("Accept-Language"))
            subtitle = (
                translator(lang)
                .gettext(
                    "Logged in as {user}. Everything runs on the trainer's laptop; nothing is sent to the internet."
                )
                .format(user=user)
            )
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(landing_page(_landing_sections(home, lang), subtitle=subtitle, lang=lang))

    web_app = serverapp.web_app
    web_app.add_handlers(".*$", [(url_path_join(web_app.settings["base_url"], "kit"), WorkshopLanding)])


# --- the command -------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _proxy_command(folder: Path) -> str | None:
    local = folder / "node_modules" / ".bin" / "configurable-http-proxy"
    return shutil.which("configurable-http-proxy") or (str(local) if local.exists() else None)


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux ``/proc``; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _stop(proc: subprocess.Popen, timeout: float = 60) -> None:
    """Stop the hub (it stops the participants' servers and the proxy), then anything it left behind."""
    from .serve import stop_process_group

    below = set(_descendants(proc.pid))
    stop_process_group(proc, timeout)
    deadline = time.monotonic() + 15
    while below and time.monotonic() < deadline:
        below = {pid for pid in below if Path(f"/proc/{pid}").exists() and not _is_zombie(pid)}
        if below:
            time.sleep(0.2)
    for pid in below:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def workshop(
    folder: str | Path = "kit-workshop",
    password: str | None = None,
    port: int = 8000,
    host: str = "0.0.0.0",
    report: str | None = None,
    show_progress: bool = False,
    max_participants: int = MAX_PARTICIPANTS,
    refresh: float = 15.0,
    lang: str | None = None,
) -> int:
    """Run the room's JupyterHub until Ctrl+C or SIGTERM; everything it started stops with it.

    Parameters
    ----------
    folder : path
        The workshop folder: participants' folders, the hub's database and log.
    password : str, optional
        The room password (8 characters or more); default ``KIT_WORKSHOP_PASSWORD``, else one is made up
        and printed.
    port, host : int, str
        Where participants connect; ``0.0.0.0`` lets the room's network in.
    report : str, optional
        A report file instead of the bundled one (sets ``KIT_REPORT``).
    show_progress : bool
        Print the participants and their answered exercises every ``refresh`` seconds.
    lang : {"en", "fr"}, optional
        The room's language: the participants' notebooks (the French set for ``"fr"``), the apps and the
        landing page; default ``$KIT_LANG``, else English.
    """
    from .serve import _check_report, announce, room_address

    folder = Path(folder).resolve()
    password, made_up = _room_password(password)
    env = _check_report(report)
    proxy = _check_room(folder, port, host)
    from .views.data import app_report

    app_report(env.get("KIT_REPORT"))  # parse once now: no participant's kernel parses

    folder.mkdir(parents=True, exist_ok=True)
    settings = _hub_settings(folder, host, port, proxy, max_participants, lang)
    config = _write_hub_config(folder, settings)
    env["KIT_WORKSHOP_PASSWORD"] = password
    log_path = folder / "jupyterhub.log"
    shown, candidates, warning = room_address(host)
    extra = _login_lines(password if made_up else None, folder, log_path)

    def announce_room() -> None:
        announce("a workshop room (JupyterHub)", f"http://{shown}:{port}/", candidates, warning, port, extra)

    with open(log_path, "a", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return _watch_hub(proc, announce_room, folder, log_path, show_progress, refresh)


def _hub_settings(folder: Path, host: str, port: int, proxy: str, max_participants: int, lang: str | None) -> dict:
    """What the hub's configuration file is written from (:func:`_write_hub_config`, read by
    :func:`configure_hub`): where it listens, its two internal ports, the proxy, the room's size and language."""
    return {
        "folder": str(folder),
        "host": host,
        "port": port,
        "hub_port": _free_port(),
        "api_port": _free_port(),
        "proxy": proxy,
        "max_participants": max_participants,
        "lang": _room_lang(lang),
    }


def _login_lines(made_up: str | None, folder: Path, log_path: Path) -> str:
    """What the trainer reads under the room's address: how to log in (the password, when the kit made it up),
    where the participants' folders and the hub's log are.

    >>> print(_login_lines(None, Path("/w"), Path("/w/jupyterhub.log")))  # doctest: +NORMALIZE_WHITESPACE
      log in with any name (letters, digits, '.', '-', '_') and the room password you set
      each participant's folder: /w/participants
      the hub's log: /w/jupyterhub.log
    """
    return (
        f"  log in with any name (letters, digits, '.', '-', '_') and the room password"
        f"{': ' + made_up if made_up else ' you set'}\n  each participant's folder: {folder / 'participants'}"
        f"\n  the hub's log: {log_path}"
    )


def _room_password(password: str | None) -> tuple[str, bool]:
    """The room password (given, else ``KIT_WORKSHOP_PASSWORD``, else made up) and whether it was made up."""
    from .errors import SourceError

    password = password or os.environ.get("KIT_WORKSHOP_PASSWORD") or None
    made_up = password is None
    password = password or secrets.token_urlsafe(6).replace("-", "x").replace("_", "y")
    if len(password) < 8:
        raise SourceError(N_("the room password must have 8 characters or more"))
    return password, made_up


def _check_room(folder: Path, port: int, host: str) -> str:
    """Refuse to start when the port is taken or JupyterHub or its proxy is missing; the proxy's command."""
    from .errors import Message, SourceError
    from .serve import port_is_free

    if not port_is_free(port, host):
        raise SourceError(
            N_("port {port} is already in use: stop that server or choose another port with --port"), port=port
        )
    try:
        import jupyterhub  # noqa: F401 - only whether it is installed
        import jupyterhub_idle_culler  # noqa: F401 - the same
    except ImportError:
        raise SourceError(N_("kit workshop needs JupyterHub: {install}"), install=Message(INSTALL)) from None
    proxy = _proxy_command(folder)
    if not proxy:
        raise SourceError(
            N_("kit workshop needs JupyterHub's proxy, configurable-http-proxy: {install}"), install=Message(INSTALL)
        )
    return proxy


def _room_lang(lang: str | None) -> str | None:
    """The room's language as the hub's settings keep it: given, else ``$KIT_LANG``; None when neither is set."""
    from .i18n import normalize

    return normalize(lang) if (lang or os.environ.get("KIT_LANG", "").strip()) else None


def _write_hub_config(folder: Path, settings: dict) -> Path:
    """Write the hub's ``jupyterhub_config.py``: one call of :func:`configure_hub` with ``settings``."""
    config = folder / "jupyterhub_config.py"
    config.write_text(
        "# Written by `kit workshop` at each start; the settings are kit.workshop.configure_hub.\n"
        "import json\n\nfrom kit.workshop import configure_hub\n\n"
        f"configure_hub(c, json.loads({json.dumps(settings)!r}))"
        "  # noqa: F821 - JupyterHub defines c\n",
        encoding="utf-8",
    )
    return config


def _watch_hub(
    proc: subprocess.Popen,
    announce_room: Callable[[], None],
    folder: Path,
    log_path: Path,
    show_progress: bool,
    refresh: float,
) -> int:
    """Announce the room, then wait for the hub (printing the progress table when asked) until it stops,
    Ctrl+C or SIGTERM; the hub and all it started are stopped on the way out. The exit code."""

    def on_sigterm(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        announce_room()
        shown_table = None
        while proc.poll() is None:
            if show_progress:
                table = progress_table(folder)
                if table != shown_table:
                    print(time.strftime("%H:%M") + "\n" + table, flush=True)
                    shown_table = table
            try:
                proc.wait(refresh)
            except subprocess.TimeoutExpired:
                pass
        print(f"kit workshop: JupyterHub stopped (exit {proc.returncode}); see {log_path}", file=sys.stderr)
        return proc.returncode or 1
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop(proc)
