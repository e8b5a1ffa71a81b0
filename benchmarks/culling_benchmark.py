"""Do idle kernels go away, and does their memory come back?

Starts Voilà as ``kit serve`` does (repository ``voila.json``, ``kit`` template),
but with the idle-kernel timeout shortened from the configured 300 s so the run
takes about a minute; opens N app pages at once over HTTP (each starts a
kernel), records the server's memory with N kernels, then waits until the
culler has shut them down and records it again. Loopback only; stops by itself.

Run::

    python benchmarks/culling_benchmark.py            # writes benchmarks/results/culling.md
    python benchmarks/culling_benchmark.py --sessions 5 --idle 15
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from voila_server import ROOT, Server  # benchmarks/voila_server.py (puts the checkout on sys.path)

from kit.views.registry import APPS as REGISTRY

APPS = tuple(app.name for app in REGISTRY)  # every app of kit.views.registry


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--idle", type=int, default=20, help="cull_idle_timeout for this run, seconds")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "culling.md")
    args = ap.parse_args()
    configured = json.loads((ROOT / "kit" / "views" / "jupyter" / "voila.json").read_text())["MappingKernelManager"]

    work = Path(tempfile.mkdtemp(prefix="kit-culling-"))
    cache = work / "cache"
    # as `kit serve` does: parse once and write the apps' cache before the room arrives
    subprocess.run(
        [sys.executable, "-c", "from kit.views.data import app_report; app_report()"],
        env={**os.environ, "KIT_CACHE_DIR": str(cache)},
        cwd=ROOT,
        check=True,
    )
    extra = [f"--MappingKernelManager.cull_idle_timeout={args.idle}", "--MappingKernelManager.cull_interval=5"]
    server = Server(ROOT / "notebooks", cache, work / "voila.log", extra)
    try:
        idle_rss = server.rss_total() / 2**20
        names = [APPS[i % len(APPS)] for i in range(args.sessions)]

        def open_page(name: str) -> bool:
            return b"Traceback" not in urllib.request.urlopen(server.url(name), timeout=180).read()

        t = time.time()
        with ThreadPoolExecutor(args.sessions) as pool:
            ok = list(pool.map(open_page, names))
        opened_s = time.time() - t
        n_kernels = len(server.kernels())
        busy_rss = server.rss_total() / 2**20
        t = time.time()
        while server.kernels() and time.time() - t < args.idle + 120:
            time.sleep(1)
        culled_after = time.time() - t
        left = len(server.kernels())
        after_rss = server.rss_total() / 2**20
    finally:
        server.stop()

    lines = [
        "# Idle-kernel culling",
        "",
        f"Run on {time.strftime('%Y-%m-%d')} · Python {sys.version.split()[0]} · loopback only.",
        f"Command: `python benchmarks/culling_benchmark.py --sessions {args.sessions} --idle {args.idle}`",
        "",
        f"`voila.json` culls kernels idle for {configured['cull_idle_timeout']} s (checked every "
        f"{configured['cull_interval']} s; `cull_connected` is {configured['cull_connected']}, so a tab "
        "left open keeps its kernel and a closed tab's kernel goes). The apps' cache is written first, as "
        "`kit serve` does. This run shortens the timeout "
        f"to {args.idle} s so it ends in about a minute; the mechanism is the same.",
        "",
        "| moment | kernels | RSS of server + kernels |",
        "|---|---:|---:|",
        f"| server started, no page open | 0 | {idle_rss:.0f} MB |",
        f"| {args.sessions} pages opened at once ({sum(ok)}/{len(ok)} rendered, {opened_s:.1f} s) | "
        f"{n_kernels} | {busy_rss:.0f} MB |",
        f"| {culled_after:.0f} s later, after the culler ran | {left} | {after_rss:.0f} MB |",
        "",
        f"Memory returned: {busy_rss - after_rss:.0f} MB of the {busy_rss - idle_rss:.0f} MB the sessions added.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
