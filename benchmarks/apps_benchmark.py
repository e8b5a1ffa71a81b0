"""Benchmark of every app of the registry (``kit.views.registry.APPS``, the Briefing note included) against a
bare single-Dropdown Voilà page (same server, same run).

Measures, with Debian's Chromium driven by Playwright, on localhost only:

1. time-to-interactive (TTI): navigation start until Voilà's spinner is gone and the
   app's controls and output are in the page; median of ``--reps`` loads per page,
   pages interleaved; ratio app / bare;
2. the same with Chromium's CPU throttled ``--throttle``× (DevTools ``Emulation.setCPUThrottlingRate``,
   a low-end phone), median of ``--throttle-reps`` loads per page, interleaved;
3. interaction latency: in the browser, from changing a control (``change`` event on
   the <select>) to the redrawn output being in the DOM; median of ``--interactions`` per app;
4. kernel RSS of each app after it rendered (psutil, the kernel started for that page);
5. ``--sessions`` concurrent sessions (default 30, apps round-robin) opened at once:
   all must render without error; p50/p95 TTI and total RSS of server + kernels.

Every phase starts a fresh Voilà server (the kit's voila.json, ``kit`` template) and
stops it; every wait has a timeout, so the run stops by itself. Requests leaving
localhost are counted (and must be 0). Writes ``benchmarks/results/apps.md``.

With ``--corpus N`` the apps open a generated corpus of ``N`` documents (:func:`make_corpus`, ``KIT_REPORT`` set
to its folder, the cache written first as ``kit serve`` does) instead of the bundled report, against the same bare
page; the results go into their own section of ``benchmarks/results/apps.md``, the bundled report's stay.

Run::

    .venv/bin/python benchmarks/apps_benchmark.py            # 30 sessions
    .venv/bin/python benchmarks/apps_benchmark.py --sessions 3 --reps 3 --throttle-reps 2   # short, shared machine
    .venv/bin/python benchmarks/apps_benchmark.py --corpus 200 --sessions 3 --reps 3 --throttle-reps 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voila_server import Server  # noqa: E402 - benchmarks/ is put on sys.path above

from kit.testing import CHROMIUM  # noqa: E402 - the checkout is put on sys.path above
from kit.testing import CHROMIUM_ARGS as ARGS  # noqa: E402 - the same Chromium as the browser tests
from kit.views.registry import APPS as REGISTRY  # noqa: E402 - the checkout is put on sys.path above

APPS = [app.name for app in REGISTRY]
PAGES = ["bare", *APPS]
# Ready: the bare page's dropdown; an app's header (navigation bar) and, for a widget app, its first output.
READY_JS = {
    "bare": "() => !!document.querySelector('.widget-dropdown select')",
    "app": "() => !!document.querySelector('.kit nav') && (!document.querySelector('.kit-app') "
    "|| !!document.querySelector('.kit-app .kit-out .kit'))",
}
BARE = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": "import ipywidgets as widgets\nwidgets.Dropdown(options=['a', 'b', 'c'], description='Pick')",
        }
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
#: Where the corpus section of the results begins (everything after it is replaced by the next corpus run).
CORPUS_MARK = "<!-- corpus results: benchmarks/apps_benchmark.py --corpus N -->"
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost", "data:", "blob:", "about:")


async def load(browser, server: Server, page_name: str, timeout_ms: int = 120_000, throttle: float = 1) -> dict:
    """Open one page in a fresh context (its CPU throttled ``throttle``×); returns TTI and what happened."""
    ctx = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await ctx.new_page()
    if throttle > 1:
        cdp = await ctx.new_cdp_session(page)
        await cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    errors, outside, n_req = [], [], [0]
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_request(r):
        n_req[0] += 1
        if not r.url.startswith(LOCAL):
            outside.append(r.url)

    page.on("request", on_request)
    t0 = time.perf_counter()
    ok = True
    try:
        await page.goto(server.url(page_name), timeout=timeout_ms)
        await page.wait_for_function(READY_JS["bare" if page_name == "bare" else "app"], timeout=timeout_ms, polling=50)
        await page.wait_for_selector("#loading", state="detached", timeout=timeout_ms)
        tti = time.perf_counter() - t0
        body = await page.inner_text("body")
        if "Traceback" in body or "There was an error" in body or "could not be opened" in body:
            ok = False
            errors.append("error text on the page")
    except Exception as exc:  # noqa: BLE001 - a failed session is a result
        tti, ok = time.perf_counter() - t0, False
        errors.append(f"{type(exc).__name__}: {exc}".splitlines()[0])
    return {
        "page": page_name,
        "tti": tti,
        "ok": ok and not errors,
        "errors": errors,
        "outside": outside,
        "requests": n_req[0],
        "ctx": ctx,
        "pw_page": page,
    }


INTERACT_JS = """
async ([selector, index, expected]) => {
  const sel = document.querySelector(selector);
  const out = document.querySelector('.kit-out');
  // already the only choice (a warm-up change onto the page's default): nothing to redraw, nothing to time
  if (sel.multiple ? sel.options[index].selected && sel.selectedOptions.length === 1 : sel.selectedIndex === index)
    return -1;
  const t0 = performance.now();
  const done = new Promise((resolve, reject) => {
    const check = () => out.innerText.includes(expected);
    const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); resolve(performance.now() - t0); } });
    obs.observe(out, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { obs.disconnect(); reject(new Error('timeout')); }, 10000);
  });
  if (sel.multiple) { for (const o of sel.options) o.selected = false; sel.options[index].selected = true; }
  else { sel.selectedIndex = index; }
  sel.dispatchEvent(new Event('change', {bubbles: true}));
  return await done;
}
"""


def choices_of(app: str, report: Path | None = None) -> tuple[str, list[tuple[int, str]], str]:
    """(the control's selector, two (option index, text the redrawn output shows), what changes): the bundled
    report's usual pair, or for a corpus the two most frequent speakers, themes, missions."""
    from kit.views import app_report, queries
    from kit.views.shell import localized

    r = localized(app_report(report), "en")  # theme labels as the English page shows them
    corpus = r.is_corpus
    if app == "speakers":
        opts = queries.speaker_options(r)
        top = (
            [sid for sp, n in queries.speaker_counts(r)[:2] for sid in [sp["speaker_id"]]]
            if corpus
            else ["MEX", "person:menon"]
        )
        choices = [(i, r.speaker[sid]["name"] + " (") for i, (_, sid) in enumerate(opts) if sid in top]
        return ".kit-speaker select", choices, "speaker " + " ↔ ".join(r.speaker[s]["name"] for s in top)
    if app == "themes":
        opts = queries.theme_options(r)
        top = [label for label, _n in queries.theme_counts(r)[:2]]
        head = "Over time: " if corpus else "Where in the report: "
        choices = [
            (i, f"{head}{label}")
            for i, (label, t) in enumerate(opts)
            if (label in top if corpus else t in ("wps", "covid19"))
        ]
        return ".kit-themes select", choices, "theme " + " ↔ ".join(lab for _i, lab in choices).replace(head, "")
    opts = queries.mission_summary(r)
    top = [m["key"] for m in opts[:2]] if corpus else ["UNFICYP", "MINUSCA"]
    choices = [(i, f"{m['key']}: {m['name']}") for i, m in enumerate(opts) if m["key"] in top]
    return ".kit-mission select", choices, "mission " + " ↔ ".join(top)


async def interaction(browser, server: Server, app: str, n: int = 20, report: Path | None = None) -> list[float]:
    """Alternate between two choices ``n`` times; ms from the change event to the new output in the DOM."""
    sel, choices, _what = choices_of(app, report)
    res = await load(browser, server, app)
    page = res["pw_page"]
    times = []
    try:
        for k in range(n + 2):
            index, expected = choices[k % 2]
            ms = await page.evaluate(INTERACT_JS, [sel, index, expected])
            if k >= 2:  # two warm-up changes
                times.append(ms)
    finally:
        await res["ctx"].close()
    return times


def make_corpus(folder: Path, n: int, paragraphs: int = 50) -> Path:
    """``n`` generated documents in ``folder``, as a trainer's folder of a decade of reports: English reports of
    ``paragraphs`` paragraphs (``tests/conftest.py::long_report``: a meeting every 25 paragraphs, a briefer and
    one to three Member States per paragraph) dated over 15 years, and every fourth document the French synthetic
    report of the tests (11 paragraphs) moved to that year."""
    from tests.conftest import long_report  # the one generator of long reports (tests and parse benchmark)

    french = (ROOT / "tests" / "fixtures" / "synthetic_fr.md").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        year = 2010 + i % 15
        if i % 4 == 3:
            text = french.replace("2023", str(year + 1)).replace("2022", str(year))
            (folder / f"doc-{i:04d}-fr.md").write_text(text, encoding="utf-8")
            continue
        text = long_report(paragraphs).replace(" 2000.", f" {year}.").replace(" 2000,", f" {year},")
        head, _, rest = text.partition("\n\n")
        text = f"{head}\n\nDistr.: General\n{1 + i % 28} January {year + 1}\n\n{rest}"
        (folder / f"doc-{i:04d}-en.md").write_text(text, encoding="utf-8")
    return folder


def http_sessions(server: Server, names: list[str], timeout: int) -> list[tuple[float, bool]]:
    """Fetch the pages' HTML at once over HTTP; Voilà answers when the notebook has run in its kernel."""
    from concurrent.futures import ThreadPoolExecutor

    def one(name: str) -> tuple[float, bool]:
        t0 = time.perf_counter()
        try:
            html = urllib.request.urlopen(server.url(name), timeout=timeout).read().decode("utf-8", "replace")
            ok = (
                ("Overview of" in html or " app: " in html)
                and "There was an error" not in html
                and "could not be opened" not in html
            )
        except OSError:
            ok = False
        return time.perf_counter() - t0, ok

    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        return list(pool.map(one, names))


def q(values: list[float], p: float) -> float:
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


async def main_async(args) -> str:
    from playwright.async_api import async_playwright

    work = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    folder = work / "apps"
    folder.mkdir()
    for app in REGISTRY:
        shutil.copy(ROOT / "notebooks" / app.notebook, folder / app.notebook)
    (folder / "bare.ipynb").write_text(json.dumps(BARE))
    cache, log = work / "cache", work / "voila.log"
    lines: list[str] = []
    started = time.time()
    report = corpus_note = None
    if args.corpus:  # the documents, and the apps' cache written before the room arrives, as kit serve does
        report = make_corpus(work / "corpus", args.corpus)
        os.environ["KIT_CACHE_DIR"] = str(cache)
        from kit.views import app_report

        t0 = time.perf_counter()
        view = app_report(report)
        cold = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in cache.glob("*.json")) / 2**20
        from kit.views.data import cache_file
        from kit.views.shards import shard_dir

        shelf = shard_dir(cache_file(report))
        index_kb = (shelf / "index.json").stat().st_size / 2**10
        largest = {
            kind: max((f.stat().st_size for f in (shelf / kind).iterdir()), default=0) / 2**10
            for kind in ("speaker", "mission", "document", "theme")
        }
        corpus_note = (
            f"{len(view.documents)} documents ({sum(1 for d in view.documents if d['language'] == 'fr')} "
            f"in French), {len(view.meetings):,} meetings, {len(view.paragraphs):,} paragraphs, "
            f"{len(view.statements):,} statements; parsed once before the server starts in {cold:.1f} s "
            f"(the apps' cache, report.json, {size:.1f} MB; its shards: an index of {index_kb:.0f} KB, "
            f"the largest shard of a speaker {largest['speaker']:.0f} KB, of a mission "
            f"{largest['mission']:.0f} KB, of a document {largest['document']:.0f} KB, of a theme "
            f"{largest['theme']:.0f} KB)"
        )

    def make_server() -> Server:  # every server of the run opens the same report
        return Server(folder, cache, log, report=report)

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # 1. TTI, interleaved, after one warm-up load per page (fills the report cache, warms the OS cache)
            server = make_server()
            tti: dict[str, list[float]] = {p: [] for p in PAGES}
            info: dict[str, dict] = {}
            outside_all: list[str] = []
            try:
                for rep in range(args.reps + 1):
                    for p in PAGES:
                        res = await load(browser, server, p)
                        await res["ctx"].close()
                        outside_all += res["outside"]
                        if not res["ok"]:
                            raise RuntimeError(f"{p}: {res['errors']}")
                        if rep:
                            tti[p].append(res["tti"])
                        info[p] = {"requests": res["requests"]}
                        await asyncio.sleep(0.3)
            finally:
                server.stop()
            # 1b. TTI with the CPU throttled (a low-end phone), interleaved, on a fresh server after a warm-up
            server = make_server()
            slow: dict[str, list[float]] = {p: [] for p in PAGES}
            try:
                for rep in range(args.throttle_reps + 1):
                    for p in PAGES:
                        res = await load(browser, server, p, throttle=args.throttle)
                        await res["ctx"].close()
                        outside_all += res["outside"]
                        if not res["ok"]:
                            raise RuntimeError(f"{p} (throttled): {res['errors']}")
                        if rep:
                            slow[p].append(res["tti"])
                        await asyncio.sleep(0.3)
            finally:
                server.stop()
            # 2. kernel RSS per page and 3. interaction latency (fresh server)
            server = make_server()
            rss: dict[str, float] = {}
            latency: dict[str, list[float]] = {}
            try:
                for p in PAGES:
                    before = {k.pid for k in server.kernels()}
                    res = await load(browser, server, p)
                    await asyncio.sleep(1.0)
                    new = [k for k in server.kernels() if k.pid not in before]
                    rss[p] = max((k.memory_info().rss for k in new), default=float("nan")) / 2**20
                    await res["ctx"].close()
                for app in ("speakers", "themes", "missions"):
                    if app in APPS:
                        latency[app] = await interaction(browser, server, app, n=args.interactions, report=report)
            finally:
                server.stop()
            # 4. N concurrent sessions on a fresh server
            server = make_server()
            try:
                names = [APPS[i % len(APPS)] for i in range(args.sessions)]
                t0 = time.perf_counter()
                results = await asyncio.gather(
                    *(load(browser, server, n, timeout_ms=args.timeout * 1000) for n in names)
                )
                wall = time.perf_counter() - t0
                await asyncio.sleep(1.0)
                total_rss = server.rss_total() / 2**20
                n_kernels = len(server.kernels())
                for res in results:
                    outside_all += res["outside"]
                    await res["ctx"].close()
            finally:
                server.stop()
            # 5. the same N sessions without a browser: the server's share (kernel start + notebook run)
            server = make_server()
            try:
                http = await asyncio.to_thread(http_sessions, server, names, args.timeout)
                http_rss = server.rss_total() / 2**20
            finally:
                server.stop()
        finally:
            await browser.close()

    med = {p: statistics.median(v) for p, v in tti.items()}
    ok = [r for r in results if r["ok"]]
    ttis = [r["tti"] for r in results]
    lines += [
        f"# Apps benchmark on a corpus of {args.corpus} documents" if args.corpus else "# Apps benchmark",
        "",
        *(
            [
                f"The apps open a generated corpus (`KIT_REPORT` = its folder; `make_corpus` in this script): "
                f"{corpus_note}. Every app kernel reads the index of its shards (`kit.views.shards`): the Overview "
                f"draws its page from it (its CSV files are made when asked), Speakers, Missions and the Briefing note "
                f"then read the shard of the speaker, mission or document chosen, Themes the shards of the themes "
                f"chosen (its free-text search reads the whole corpus at the first search).",
                "",
            ]
            if args.corpus
            else []
        ),
        f"Run on {time.strftime('%Y-%m-%d')} · {platform.machine()}, {psutil.cpu_count()} CPUs, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GB RAM · Python {platform.python_version()} · "
        f"Chromium headless (Playwright) on the same machine · localhost only · took {time.time() - started:.0f} s.",
        "",
        "Rerun: `.venv/bin/python benchmarks/apps_benchmark.py"
        + (f" --corpus {args.corpus}" if args.corpus else "")
        + (f" --sessions {args.sessions}" if args.sessions != 30 else "")
        + (f" --reps {args.reps}" if args.reps != 7 else "")
        + (f" --throttle-reps {args.throttle_reps}" if args.throttle_reps != 5 else "")
        + (f" --interactions {args.interactions}" if args.interactions != 20 else "")
        + "`",
        "",
        "**Caveat:** the machine has 2 CPUs shared with other work running at the same time (other developers' "
        "tests), so absolute times vary from run to run; the ratios, measured side by side and interleaved in "
        "the same run, are the figures to read. The apps are read from the app registry "
        "(`kit.views.registry.APPS`).",
        "",
        "Bare page: a notebook with one `ipywidgets.Dropdown`, served by the same Voilà server "
        "(repo `voila.json`, `kit` template) in the same run. TTI = navigation start until the spinner is gone "
        "and the page's controls and output are in the DOM, each load in a fresh browser context.",
        "",
        f"## Time to interactive (median of {args.reps}, interleaved)",
        "",
        "| page | median TTI (s) | min (s) | max (s) | ratio to bare | target | requests |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for p in PAGES:
        ratio = med[p] / med["bare"]
        target = "" if p == "bare" else ("≤ 1.3: **met**" if ratio <= 1.3 else "≤ 1.3: **missed**")
        lines.append(
            f"| {p} | {med[p]:.2f} | {min(tti[p]):.2f} | {max(tti[p]):.2f} | {ratio:.2f} | {target} | "
            f"{info[p]['requests']} |"
        )
    smed = {p: statistics.median(v) for p, v in slow.items()}
    lines += [
        "",
        f"## Time to interactive with the CPU throttled {args.throttle:g}× (a low-end phone; median of "
        f"{args.throttle_reps}, interleaved)",
        "",
        "Chromium's DevTools `Emulation.setCPUThrottlingRate` slows the page's JavaScript; the server "
        "and kernels run at full speed.",
        "",
        "| page | median TTI (s) | min (s) | max (s) | ratio to bare | target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in PAGES:
        ratio = smed[p] / smed["bare"]
        target = "" if p == "bare" else ("≤ 1.3: **met**" if ratio <= 1.3 else "≤ 1.3: **missed**")
        lines.append(f"| {p} | {smed[p]:.2f} | {min(slow[p]):.2f} | {max(slow[p]):.2f} | {ratio:.2f} | {target} |")
    lines += [
        "",
        f"## Interaction latency (browser: change event to redrawn output, median of {args.interactions})",
        "",
        "| app | what changes | median (ms) | p95 (ms) | target |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    what = {app: choices_of(app, report)[2] for app in latency}
    for app, v in latency.items():
        m = statistics.median(v)
        lines.append(
            f"| {app} | {what[app]} | {m:.0f} | {q(v, 0.95):.0f} | < 200 ms: **{'met' if m < 200 else 'missed'}** |"
        )
    lines += [
        "",
        "## Kernel memory (RSS of the page's kernel after it rendered)",
        "",
        "| page | RSS (MB) | target |",
        "| --- | ---: | --- |",
    ]
    for p in PAGES:
        lines.append(
            f"| {p} | {rss[p]:.0f} | {'' if p == 'bare' else ('< 200 MB: **met**' if rss[p] < 200 else '< 200 MB: **missed**')} |"
        )
    lines += [
        "",
        f"## {args.sessions} concurrent sessions (apps round-robin, opened at once)",
        "",
        f"- rendered without error: **{len(ok)} / {len(results)}**",
        f"- TTI p50 {q(ttis, 0.5):.1f} s, p95 {q(ttis, 0.95):.1f} s, max {max(ttis):.1f} s "
        f"(all {len(results)} opened together; wall time {wall:.1f} s)",
        f"- total RSS of the Voilà server and its {n_kernels} kernels: {total_rss:.0f} MB "
        f"({total_rss / max(n_kernels, 1):.0f} MB per session)",
        "- the browser (all sessions in one headless Chromium) shares the same 2 CPUs, so these TTIs "
        "are pessimistic for a room of separate laptops.",
    ]
    h_t = [t for t, _ in http]
    lines += [
        "",
        f"## The same {args.sessions} sessions without a browser (server's share)",
        "",
        "All pages requested at once over HTTP; Voilà answers when the notebook has run in a new kernel, "
        "so this is what the server itself needs, without the headless browser competing for the 2 CPUs.",
        "",
        f"- rendered without error: **{sum(ok_ for _, ok_ in http)} / {len(http)}**",
        f"- time to full HTML p50 {q(h_t, 0.5):.1f} s, p95 {q(h_t, 0.95):.1f} s, max {max(h_t):.1f} s",
        f"- total RSS of the Voilà server and its kernels: {http_rss:.0f} MB",
    ]
    failures = [f"{r['page']}: {r['errors'][:2]}" for r in results if not r["ok"]]
    if failures:
        lines += ["", "Failures:", *[f"- {f}" for f in failures]]
    lines += [
        "",
        f"Requests outside localhost in the whole run: **{len(outside_all)}**"
        + (f" ({', '.join(sorted(set(outside_all))[:5])})" if outside_all else ""),
        "",
    ]
    shutil.rmtree(work, ignore_errors=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=30, help="concurrent sessions (at most 30)")
    ap.add_argument("--reps", type=int, default=7, help="TTI loads per page")
    ap.add_argument("--interactions", type=int, default=20)
    ap.add_argument("--throttle", type=float, default=4, help="CPU slow-down factor of the throttled loads")
    ap.add_argument("--throttle-reps", type=int, default=5, help="throttled TTI loads per page")
    ap.add_argument("--timeout", type=int, default=180, help="seconds a concurrent session may take")
    ap.add_argument(
        "--corpus",
        type=int,
        default=0,
        metavar="N",
        help="open a generated corpus of N documents instead of the bundled report",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "apps.md")
    args = ap.parse_args(argv)
    args.sessions = max(1, min(30, args.sessions))
    if not os.path.exists(CHROMIUM):
        print(f"needs Chromium at {CHROMIUM}", file=sys.stderr)
        return 2
    report = asyncio.run(main_async(args))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.corpus:  # a section of its own after the bundled report's results, replaced on each corpus run
        old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        report = (
            old.split(CORPUS_MARK)[0].rstrip()
            + f"\n\n{CORPUS_MARK}\n\n"
            + report.replace("# Apps", "## Apps", 1).replace("\n## ", "\n### ")
        )
        report = report.replace("\n### Apps benchmark on", "\n## Apps benchmark on")
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
