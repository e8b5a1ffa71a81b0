"""Helpers for the tests and benchmarks that run servers: a free port, waiting for a URL, Voilà started as
``kit serve`` starts it (the product itself is :mod:`kit.serve`).

Examples
--------
>>> 1024 < free_port() < 65536
True
"""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

from .serve import stop_process_group, voila_command, voila_env

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port", "wait_until_serving", "start_voila", "stop_process_group"]

#: Debian's Chromium, which the browser tests and the benchmarks drive (Playwright's own download is not used).
CHROMIUM = "/usr/bin/chromium"
#: Its arguments: headless, and nothing fetched from the network behind the page's back.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, proc: subprocess.Popen | None = None, timeout: float = 90) -> None:
    """Poll ``url`` until it answers; ``RuntimeError`` if ``proc`` exits or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            if (proc is not None and proc.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"nothing is serving {url}") from None
            time.sleep(0.2)


def start_voila(
    port: int | None = None,
    *,
    env: dict | None = None,
    extra: list[str] | None = None,
    folder: str | Path | None = None,
    stdout=subprocess.DEVNULL,
) -> tuple[subprocess.Popen, int]:
    """Start the kit's Voilà on loopback as ``kit serve`` does (the apps, unless ``folder`` names another
    folder of notebooks) and wait until it serves.

    Returns the process and its port. It runs in a session of its own: stop it with
    :func:`stop_process_group` (or ``proc.terminate()``, which also stops its kernels).
    """
    port = port or free_port()
    proc = subprocess.Popen(
        voila_command(port, "127.0.0.1", extra, folder),
        env=voila_env(env),
        stdout=stdout,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", proc)
    except RuntimeError:
        stop_process_group(proc, timeout=5)
        raise
    return proc, port
