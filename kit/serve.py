"""Serve the Voilà apps for a room: one command, a URL and a QR code to put on the projector.

``kit serve`` starts Voilà on ``notebooks/`` with the repository's ``voila.json``
(sources stripped, tracebacks hidden, idle kernels culled, no code execution
from the browser), on all network interfaces so participants on the room's
network can open it, and prints the address to type or scan.

Examples
--------
>>> lan_addresses()  # doctest: +SKIP
['192.168.1.20']
>>> app_urls("127.0.0.1", 8866)[0]
'http://127.0.0.1:8866/voila/render/overview.ipynb'
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

__all__ = ["serve", "lan_addresses", "app_urls", "voila_command", "voila_env", "start_voila", "free_port",
           "wait_until_serving", "ROOT", "TEMPLATE_PATH"]

ROOT = Path(__file__).resolve().parent.parent
APPS = ("overview", "speakers", "themes", "missions", "briefing_note")
# The "kit" Voilà template: the lab template without the stylesheets it would fetch from a CDN.
TEMPLATE_PATH = Path(__file__).resolve().parent / "views" / "jupyter"


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (no traffic is sent to find them)."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127."))


def app_urls(host: str, port: int) -> list[str]:
    """The URL of each app (the Overview first), as a participant types it."""
    return [f"http://{host}:{port}/voila/render/{name}.ipynb" for name in APPS]


def voila_env(env: dict | None = None) -> dict:
    """The environment Voilà needs to find the ``kit`` template (``kit/views/jupyter`` on ``JUPYTER_PATH``)."""
    env = dict(os.environ if env is None else env)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATE_PATH), env.get("JUPYTER_PATH", "")) if p)
    return env


def voila_command(port: int = 8866, host: str = "127.0.0.1", extra: list[str] | None = None,
                  folder: str | Path = "notebooks") -> list[str]:
    """The Voilà command line ``kit serve`` runs (from the repository root, where ``voila.json`` is).

    >>> voila_command(9000)[3:]
    ['notebooks', '--template=kit', '--port=9000', '--Voila.ip=127.0.0.1', '--no-browser']
    """
    return [sys.executable, "-m", "voila", str(folder), "--template=kit", f"--port={port}", f"--Voila.ip={host}",
            "--no-browser", *(extra or [])]


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, proc: subprocess.Popen | None = None, timeout: float = 90) -> None:
    """Poll ``url`` until it answers; ``RuntimeError`` if ``proc`` exits or time runs out."""
    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            if (proc is not None and proc.poll() is not None) or time.time() > deadline:
                raise RuntimeError(f"nothing is serving {url}") from None
            time.sleep(0.2)


def start_voila(port: int | None = None, *, env: dict | None = None, extra: list[str] | None = None,
                folder: str | Path = "notebooks", stdout=subprocess.DEVNULL) -> tuple[subprocess.Popen, int]:
    """Start Voilà on loopback as ``kit serve`` does (tests and benchmarks) and wait until it serves.

    Returns the process and its port; stop it with ``proc.terminate()``.
    """
    port = port or free_port()
    proc = subprocess.Popen(voila_command(port, "127.0.0.1", extra, folder), cwd=ROOT,
                            env=voila_env(env), stdout=stdout, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", proc)
    except RuntimeError:
        proc.kill()
        proc.wait(10)
        raise
    return proc, port


def _qr(url: str) -> str:
    try:
        import io

        import segno
    except ImportError:
        return ""
    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def serve(report: str | None = None, port: int = 8866, host: str = "0.0.0.0") -> int:
    """Start Voilà for a workshop and block until Ctrl+C.

    Parameters
    ----------
    report : str, optional
        A report file to serve instead of the bundled one (sets ``KIT_REPORT``).
    port, host : int, str
        Where to listen; ``0.0.0.0`` lets the room's network in.
    """
    env = voila_env()
    if report:
        env["KIT_REPORT"] = str(Path(report).resolve())
    # Parse once now and write the apps' cache: a clear error here rather than in 30 kernels, and no
    # participant's kernel pays for parsing when the room arrives at once.
    from .views.data import app_report

    app_report(env.get("KIT_REPORT"))
    shown = lan_addresses() if host == "0.0.0.0" else [host]
    url = app_urls((shown or ["127.0.0.1"])[0], port)[0]
    print(f"Peacekeeping Briefing Kit: serving {env.get('KIT_REPORT', 'the bundled report')}")
    print(f"  participants open: {url}")
    print(f"  all apps:          http://{(shown or ['127.0.0.1'])[0]}:{port}/")
    print(_qr(url))
    try:
        return subprocess.call(voila_command(port, host), cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0
