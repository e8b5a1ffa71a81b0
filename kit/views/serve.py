"""Serve the four apps with Voilà, offline: ``python -m kit.views.serve [--port 8866] [voila options]``.

Runs ``voila notebooks/`` from the repository root, so Voilà reads the repo's
``voila.json`` (sources stripped, tracebacks hidden, kernels culled when
idle), and selects the ``kit`` template (``kit/views/jupyter``, put on
``JUPYTER_PATH`` here): Voilà's ``lab`` template without the stylesheets it
would fetch from a CDN. Open ``http://localhost:8866/voila/render/overview.ipynb``.

Set ``KIT_REPORT=/path/to/report.pdf`` to open another report. Extra
arguments go to Voilà (``--Voila.ip=0.0.0.0`` to let a room of laptops in).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = Path(__file__).resolve().parent / "jupyter"


def voila_env(env: dict | None = None) -> dict:
    """The environment Voilà needs to find the ``kit`` template."""
    env = dict(os.environ if env is None else env)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATE_PATH), env.get("JUPYTER_PATH", "")) if p)
    return env


def voila_command(port: int = 8866, extra: list[str] | None = None) -> list[str]:
    """``voila notebooks/ --template=kit --port=...`` with this Python's Voilà."""
    return [sys.executable, "-m", "voila", str(ROOT / "notebooks"), "--template=kit", f"--port={port}",
            "--no-browser", *(extra or [])]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    port = 8866
    for a in list(argv):
        if a.startswith("--port="):
            port = int(a.split("=", 1)[1])
            argv.remove(a)
    if "--port" in argv:
        i = argv.index("--port")
        port = int(argv[i + 1])
        del argv[i:i + 2]
    print(f"Serving the apps at http://localhost:{port}/voila/render/overview.ipynb (Ctrl-C to stop)", flush=True)
    return subprocess.call(voila_command(port, argv), cwd=ROOT, env=voila_env())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
