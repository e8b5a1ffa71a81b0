"""Memory per participant of ``kit workshop``: JupyterHub + proxy, and each participant's single-user server
with the kernel of a workshop notebook (after its first code cell, which loads the report) and of one app.

Starts ``kit workshop`` on loopback, logs ``--participants`` people in with Playwright + Chromium one after
the other, opens the first workshop notebook in JupyterLab, runs its first code cell, opens the Overview app
in the participant's server, then reads the resident memory (RSS, psutil) of every process. Writes
``benchmarks/results/workshop.md``.

    python benchmarks/workshop_benchmark.py [--participants 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.testing import free_port, wait_until_serving  # noqa: E402 - the checkout is put on sys.path above
from kit.views.registry import APPS  # noqa: E402 - the checkout is put on sys.path above
from kit.workshop import MAX_PARTICIPANTS, participant_notebooks  # noqa: E402 - the checkout is put on sys.path above

PASSWORD = "benchmark-room"
SLOW = 300_000
MB = 1024 * 1024


def _rss(p: psutil.Process) -> int:
    try:
        return p.memory_info().rss
    except psutil.Error:
        return 0


def _tree(p: psutil.Process) -> list[psutil.Process]:
    try:
        return [p, *p.children(recursive=True)]
    except psutil.Error:
        return [p]


def participant(browser, base: str, name: str) -> None:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.set_default_timeout(SLOW)
    page = ctx.new_page()
    page.goto(base + "/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(re.compile(rf"/user/{name}/kit"))
    page.goto(f"{base}/user/{name}/lab/tree/workshop/{participant_notebooks()[0].name}")
    page.wait_for_function(
        "() => /\\|\\s*Idle/.test((document.querySelector('#jp-main-statusbar') || {}).innerText || '')"
    )
    code = page.locator(".jp-NotebookPanel .jp-CodeCell").first
    code.click()
    page.keyboard.press("Shift+Enter")
    code.locator(".jp-OutputArea-output").first.wait_for(state="attached")
    app = ctx.new_page()
    app.goto(f"{base}/user/{name}/voila/render/apps/{APPS[0].notebook}")
    app.wait_for_selector("#loading", state="detached")
    ctx.close()  # the kernels stay until culled: what the laptop holds while the room works


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="kit-workshop-bench-"))
    port = free_port()
    env = dict(os.environ, KIT_CACHE_DIR=str(tmp / "cache"))
    env.pop("KIT_REPORT", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kit.cli",
            "workshop",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--folder",
            str(tmp / "room"),
            "--password",
            PASSWORD,
        ],
        env=env,
        stdout=open(tmp / "out.log", "w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        wait_until_serving(base + "/hub/login", proc, timeout=180)
        hub = psutil.Process(proc.pid)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            for i in range(args.participants):
                started = time.monotonic()
                participant(browser, base, f"p{i + 1}")
                rows.append({"name": f"p{i + 1}", "seconds": time.monotonic() - started})
            browser.close()
        servers = [c for c in hub.children(recursive=True) if "jupyterhub-singleuser" in " ".join(c.cmdline())]
        by_user = {}
        for server in servers:
            user = server.environ().get("JUPYTERHUB_USER", "?")
            tree = _tree(server)
            kernels = [k for k in tree[1:] if "ipykernel" in " ".join(k.cmdline())]
            by_user[user] = {
                "server": _rss(server),
                "kernels": sorted((_rss(k) for k in kernels), reverse=True),
                "total": sum(_rss(x) for x in tree),
            }
        hub_only = sum(_rss(x) for x in _tree(hub)) - sum(v["total"] for v in by_user.values())
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(180)
    totals = [v["total"] for v in by_user.values()]
    lines = [
        "# `kit workshop`: memory per participant",
        "",
        f"Measured by `benchmarks/workshop_benchmark.py --participants {args.participants}` on "
        f"{platform.machine()}, {psutil.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}. RSS (resident memory) read with psutil once every participant had logged "
        "in, run the first code cell of the first workshop notebook (it loads the report with pandas) in "
        "JupyterLab, and opened the Overview app in their own server (Voilà server extension).",
        "",
        "| participant | single-user server | notebook kernel | app kernel | total | login to app rendered |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        v = by_user.get(row["name"], {"server": 0, "kernels": [], "total": 0})
        k = v["kernels"] + [0, 0]
        lines.append(
            f"| {row['name']} | {v['server'] / MB:.0f} MB | {k[0] / MB:.0f} MB | {k[1] / MB:.0f} MB | "
            f"{v['total'] / MB:.0f} MB | {row['seconds']:.0f} s |"
        )
    per = statistics.mean(totals) if totals else 0
    lines += [
        "",
        f"- **per participant: {per / MB:.0f} MB on average, {max(totals, default=0) / MB:.0f} MB at most** "
        "(server + notebook kernel + one app kernel).",
        f"- JupyterHub, configurable-http-proxy and the idle culler together: {hub_only / MB:.0f} MB.",
        f"- `kit workshop` allows {MAX_PARTICIPANTS} participants' servers at once (`--max-participants`): "
        f"{MAX_PARTICIPANTS} x {per / MB:.0f} MB + {hub_only / MB:.0f} MB = "
        f"{(MAX_PARTICIPANTS * per + hub_only) / 1024 / MB:.1f} GB, leaving "
        f"{8 - (MAX_PARTICIPANTS * per + hub_only) / 1024 / MB:.1f} GB of an 8 GB laptop for its system, the "
        "trainer's browser and the extra apps participants open. Each further app a participant keeps open adds one app kernel (55-150 MB, "
        "`benchmarks/results/apps.md`) until it is culled.",
        "- Login times are on a shared 2-core machine, participants one after the other; JupyterLab's first "
        "load dominates.",
    ]
    out = ROOT / "benchmarks" / "results" / "workshop.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
