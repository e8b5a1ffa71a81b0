"""Serve the Voilà apps for a room: one command, a URL and a QR code to put on the projector.

``kit serve`` runs the kit's Voilà (:mod:`kit.voila_app`: the kit's landing page at ``/``, only the apps
rendered) on the app notebooks, with the kit's ``voila.json`` (sources stripped, tracebacks hidden, no
theme or template overrides from the URL, idle kernels culled, a room-wide kernel limit, no code execution
from the browser) and the offline ``kit`` template, both package data found from any folder. It listens on
all network interfaces, prints every address participants may use, and a QR code for the first.

Examples
--------
>>> app_urls("127.0.0.1", 8866)[0]
'http://127.0.0.1:8866/voila/render/overview.ipynb'
>>> all(not a.startswith("127.") for a in lan_addresses())
True
"""

from __future__ import annotations

import fcntl
import importlib.util
import io
import ipaddress
import os
import signal
import socket
import struct
import subprocess
import sys
from pathlib import Path

from .paths import JUPYTER_DIR, NOTEBOOKS_DIR

__all__ = [
    "serve",
    "lan_addresses",
    "room_address",
    "app_urls",
    "voila_command",
    "voila_env",
    "port_is_free",
    "qr_text",
    "JUPYTER_DIR",
    "VOILA_CONFIG",
]

#: The kit's Voilà configuration (package data, in :data:`kit.paths.JUPYTER_DIR` with the ``kit`` template).
VOILA_CONFIG = JUPYTER_DIR / "voila.json"
#: A documentation address (RFC 5737): a UDP ``connect()`` to it picks the interface of the default route
#: and sends nothing.
_PROBE = "198.51.100.1"
_SIOCGIFADDR = 0x8915
#: Lines of Voilà's and the kernels' output that are noise to a trainer (one per page view). The last two are
#: Tornado's warning when the first page opens its websocket: Jupyter Server gives Tornado its ping settings
#: in milliseconds (interval 30000, timeout 90000) where Tornado reads seconds, so Tornado's own pings (every
#: 30000 s) never run and its clamp of the timeout changes nothing; Jupyter Server's pings (every 30 s, closed
#: after 90 s without an answer) are the ones that run. Making the two equal would close a phone's socket after
#: one late pong, so the settings stay and the warning is not shown.
_NOISE = (
    "is not trusted",
    "without encryption",
    "cannot be longer than the websocket_ping_interval",
    "Setting websocket_ping_timeout=",
)


def _interface_addresses() -> list[str]:
    """IPv4 address of every network interface (Linux ``SIOCGIFADDR``; empty elsewhere)."""
    found = []
    try:
        names = [name for _, name in socket.if_nameindex()]
    except (OSError, AttributeError):
        return []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for name in names:
            try:
                packed = fcntl.ioctl(s.fileno(), _SIOCGIFADDR, struct.pack("256s", name[:15].encode()))
            except OSError:
                continue  # an interface without an IPv4 address
            found.append(socket.inet_ntoa(packed[20:24]))
    return found


def _route_address() -> str | None:
    """The local address of the default route, found without sending anything."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((_PROBE, 9))  # UDP connect: chooses a route and a source address, sends no packet
            return s.getsockname()[0]
    except OSError:
        return None  # no route: no network at all


def _hostname_addresses() -> list[str]:
    try:
        return [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        return []


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses that other machines may reach, the most likely first.

    The address of the default route first, then every interface's address, then what the host name
    resolves to; loopback (``127.*``, which many machines map their host name to), unspecified and
    link-local-only duplicates are left out. Nothing is sent on the network to find them.
    """
    ordered: list[str] = []
    for address in [_route_address(), *_interface_addresses(), *_hostname_addresses()]:
        if not address or address in ordered:
            continue
        ip = ipaddress.ip_address(address)
        if ip.is_loopback or ip.is_unspecified:
            continue
        ordered.append(address)
    # A link-local address (169.254.*: no DHCP answered) is a last resort.
    return sorted(ordered, key=lambda a: ipaddress.ip_address(a).is_link_local)


def room_address(host: str) -> tuple[str, list[str], str | None]:
    """Where participants connect for a server listening on ``host``.

    Returns the address to print and encode in the QR code, every candidate, and a warning when the only
    address is loopback (participants' machines cannot open it).

    >>> room_address("127.0.0.1")[0]
    '127.0.0.1'
    """
    if host not in ("0.0.0.0", ""):
        ip = ipaddress.ip_address(host) if host.replace(".", "").isdigit() else None
        warning = (
            "listening on loopback only: participants' machines cannot reach it (use --host 0.0.0.0)"
            if ip is not None and ip.is_loopback
            else None
        )
        return host, [host], warning
    candidates = lan_addresses()
    if candidates:
        return candidates[0], candidates, None
    return (
        "127.0.0.1",
        ["127.0.0.1"],
        "this machine has no network address other than loopback (127.0.0.1): it is not connected to a "
        "network. Join the room's Wi-Fi (or start a phone hotspot) and run kit serve again.",
    )


def app_urls(host: str, port: int) -> list[str]:
    """The URL of each app of :data:`kit.views.registry.APPS` (the Overview first), as a participant types it."""
    from .views.registry import APPS

    return [app.url(f"http://{host}:{port}") for app in APPS]


def voila_env(env: dict | None = None) -> dict:
    """The environment Voilà needs: the kit's ``voila.json`` and ``kit`` template found on the Jupyter paths."""
    env = dict(os.environ if env is None else env)
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH"):
        env[var] = os.pathsep.join(p for p in (str(JUPYTER_DIR), env.get(var, "")) if p)
    return env


def voila_command(
    port: int = 8866, host: str = "127.0.0.1", extra: list[str] | None = None, folder: str | Path | None = None
) -> list[str]:
    """The command line ``kit serve`` runs: the kit's Voilà on the apps (``folder``: the app notebooks).

    >>> voila_command(9000, folder="apps")[3:7]
    ['apps', '--port=9000', '--Voila.ip=127.0.0.1', '--no-browser']
    """
    return [
        sys.executable,
        "-m",
        "kit.voila_app",
        str(folder or NOTEBOOKS_DIR),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--no-browser",
        "--Voila.port_retries=0",
        "--Voila.log_level=WARN",
        "--VoilaConfiguration.multi_kernel_manager_class=kit.voila_app.RoomKernelManager",
        *(extra or []),
    ]


def port_is_free(port: int, host: str = "0.0.0.0") -> bool:
    """Whether a server could listen on ``host:port`` now."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def qr_text(url: str) -> str:
    """A QR code of ``url`` drawn with text characters (empty without the ``segno`` package)."""
    try:
        import segno
    except ImportError:
        return ""
    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def _check_report(report: str | None) -> dict:
    """The environment for ``report`` (a report file, or a folder of documents: a corpus); the kit's own error
    when it does not exist or is a special file."""
    from .errors import SourceError
    from .i18n import N_

    env = voila_env()
    if report:
        path = Path(report).expanduser()
        if not path.exists():
            raise SourceError(N_("no such file"), source=str(report))
        if not path.is_file() and not path.is_dir():
            raise SourceError(
                N_("not a regular file (a device, a pipe or a socket); give the path of a report file"),
                source=str(report),
            )
        env["KIT_REPORT"] = str(path.resolve())
    return env


def _relay(proc: subprocess.Popen, out=None) -> None:
    """Copy the server's output to ``out`` (the terminal), without the per-page-view noise."""
    out = out or sys.stdout
    for raw in proc.stdout or ():  # None only if the server was started without stdout=PIPE
        line = raw.decode("utf-8", "replace")
        if not any(text in line for text in _NOISE):
            out.write(line)
            out.flush()


def stop_process_group(proc: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a server started in a session of its own: SIGTERM (it shuts its kernels down), then SIGKILL
    to the whole group if it has not exited after ``timeout`` seconds."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(5)


def announce(what: str, url: str, candidates: list[str], warning: str | None, port: int, extra: str = "") -> None:
    """Print the room's address, every other candidate address, and the QR code."""
    print(f"Peacekeeping Briefing Kit: {what}")
    print(f"  participants open: {url}")
    others = [c for c in candidates if c not in url]
    if others:
        print(
            "  other addresses of this machine (if the one above does not work on the room's network): "
            + ", ".join(f"http://{c}:{port}/" for c in others)
        )
    if extra:
        print(extra)
    if warning:
        print(f"  WARNING: {warning}")
    print(qr_text(url))
    print("Stop with Ctrl+C.", flush=True)


def serve(report: str | None = None, port: int = 8866, host: str = "0.0.0.0", lang: str | None = None) -> int:
    """Start the apps for a room and block until Ctrl+C or SIGTERM; Voilà and its kernels stop too.

    Parameters
    ----------
    report : str, optional
        A report file to serve instead of the bundled one, or a folder of documents (a corpus: every app shows
        all of them); sets ``KIT_REPORT``.
    port, host : int, str
        Where to listen; ``0.0.0.0`` lets the room's network in. A busy port is an error (Voilà would
        otherwise move to another port than the one printed).
    lang : str, optional
        The room's language (``en``, ``fr``; sets ``KIT_LANG``): the apps and the landing page open in it,
        and each page still has a switch to the other language.
    """
    from .errors import SourceError, require
    from .i18n import N_, normalize

    for module in ("jupyter_server", "voila"):  # one line naming the extra, not a traceback from Voila's process
        if importlib.util.find_spec(module) is None:  # found, not imported: Voila's own process imports it
            require(module, "the apps' pages (kit serve)", "apps")
    env = _check_report(report)
    if lang:
        env["KIT_LANG"] = normalize(lang)
    if not port_is_free(port, host):
        raise SourceError(
            N_(
                "port {port} is already in use (another kit serve?): stop that server or choose "
                "another port with --port"
            ),
            port=port,
        )
    # Parse once now and write the apps' cache: a clear error here rather than in 30 kernels, and no
    # participant's kernel pays for parsing when the room arrives at once.
    from .views.data import app_report

    app_report(env.get("KIT_REPORT"))
    shown, candidates, warning = room_address(host)
    url = f"http://{shown}:{port}/"
    announce(f"serving {env.get('KIT_REPORT', 'the bundled report')}", url, candidates, warning, port)
    proc = subprocess.Popen(
        voila_command(port, host), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )

    def on_sigterm(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        _relay(proc)
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop_process_group(proc)
