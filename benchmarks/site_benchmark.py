"""Benchmark of ``kit site`` (the apps as static pages) beside a bare one-dropdown Voilà page, in one run.

Measures:

1. the build of the bundled report's site (both languages, Word files included), ``kit site`` in a fresh
   process with an empty cache (so the parse is counted): median of ``--builds``; its size (bytes of every file)
   and number of files, per page kind;
2. time to interactive (TTI) of one page of each kind, served over HTTP by the same server as ``kit site --serve``
   and opened from ``file://``, and of a bare single-Dropdown Voilà page (``benchmarks/voila_server.py``, the
   kit's voila.json and template), loads interleaved, each in a fresh browser context: navigation start until the
   page is complete (its scripts ran) and shows its panel (Voilà: the dropdown is in the page); median of
   ``--reps``; ratio page / bare (target ≤ 0.2);
3. a folder of ``--corpus`` generated reports (``benchmarks/parse_benchmark.make_corpus``: the bundled report with
   speakers, dates and numbers varied): the build's time and size.

Writes ``benchmarks/results/site.md``. Run::

    .venv/bin/python benchmarks/site_benchmark.py                     # 3 builds, 5 loads, corpus of 200
    .venv/bin/python benchmarks/site_benchmark.py --corpus 5 --reps 3  # quick
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from apps_benchmark import ARGS, BARE, CHROMIUM  # noqa: E402 - sys.path above; the bare page and Chromium of the apps benchmark
from voila_server import Server  # noqa: E402 - benchmarks/ is put on sys.path above

#: One page of each kind (the first file of the pattern, alphabetically).
KINDS = {
    "overview": "en/index.html",
    "speakers list": "en/speakers.html",
    "speaker": "en/speaker-*.html",
    "pair of speakers": "en/compare-*.html",
    "themes + search": "en/themes.html",
    "theme": "en/theme-*.html",
    "missions (map)": "en/missions.html",
    "mission": "en/mission-*.html",
    "briefing note": "en/note-*.html",
    "overview (French)": "fr/index.html",
    "first page": "index.html",
}
READY_STATIC = (
    "() => document.readyState === 'complete' && !!document.querySelector('main .kit, main h1')"
    " && (!document.querySelector('form[data-kit-search]') || typeof window.kitSearch === 'function')"
)
READY_BARE = "() => !!document.querySelector('.widget-dropdown select') && !document.querySelector('#loading')"


def kit_site(target: str | None, out: Path, cache: Path, *extra: str) -> float:
    """Seconds of ``kit site`` in a fresh process with the cache folder ``cache``."""
    env = dict(os.environ, KIT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "kit.cli", "site", *([target] if target else []), "--out", str(out), *extra]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def size_of(folder: Path) -> tuple[int, int]:
    files = [f for f in folder.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), len(files)


def kinds_table(site: Path) -> list[str]:
    groups = {
        "overview, lists, first page": [
            "index.html",
            "speakers.html",
            "themes.html",
            "missions.html",
            "briefing_note.html",
        ],
        "speakers": ["speaker-*.html"],
        "pairs of speakers": ["compare-*.html"],
        "themes": ["theme-*.html"],
        "missions": ["mission-*.html"],
        "briefing notes": ["note-*.html"],
    }
    rows = []
    for name, patterns in groups.items():
        files = [f for lang in ("en", "fr") for p in patterns for f in (site / lang).glob(p)]
        total = sum(f.stat().st_size for f in files)
        rows.append(f"| {name} | {len(files)} | {total / 1e6:.2f} | {total / max(1, len(files)) / 1e3:.1f} |")
    for name, sub in (("downloads (CSV, Markdown, HTML, Word)", "files"),):
        files = [f for lang in ("en", "fr") for f in (site / lang / sub).rglob("*") if f.is_file()]
        total = sum(f.stat().st_size for f in files)
        rows.append(f"| {name} | {len(files)} | {total / 1e6:.2f} | {total / max(1, len(files)) / 1e3:.1f} |")
    other = [site / "search.js", *(site / "_kit").iterdir()]
    rows.append(
        f"| search index, stylesheets, script | {len(other)} | {sum(f.stat().st_size for f in other) / 1e6:.2f} | |"
    )
    return rows


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    from kit.site import _Quiet

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


# Recorded in the page, so that no Playwright round trip is counted: performance.now() (ms since the navigation
# started) the first time the page is ready, checked on every change of the page and after its load event.
RECORD = """(() => { window.__kitReady = null; const ready = READY;
  const check = () => { try { if (window.__kitReady === null && ready()) window.__kitReady = performance.now(); }
                        catch (e) {} };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  addEventListener('load', () => setTimeout(check, 0)); })();"""


def load(browser, url: str, ready: str) -> tuple[float, list[str]]:
    """Seconds from navigation start until ``ready`` holds, measured in the page; requests outside."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    ctx.add_init_script(RECORD.replace("READY", ready))
    page = ctx.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith(("file://", "http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:"))
            else None
        ),
    )
    page.goto(url, timeout=120_000)
    page.wait_for_function("() => window.__kitReady !== null", timeout=120_000)
    tti = page.evaluate("window.__kitReady") / 1000
    ctx.close()
    return tti, outside


def tti_rows(site: Path, reps: int, work: Path) -> tuple[list[str], list[str]]:
    from playwright.sync_api import sync_playwright

    apps = work / "bare"
    apps.mkdir()
    (apps / "bare.ipynb").write_text(json.dumps(BARE))
    voila = Server(apps, work / "voila-cache", work / "voila.log")
    http_server, port = serve(site)
    pages = {"bare Voilà page": (voila.url("bare"), READY_BARE)}
    for kind, pattern in KINDS.items():
        found = sorted(site.glob(pattern))
        if not found:
            raise SystemExit(f"no page {pattern} in the site: update KINDS")
        rel = found[0].relative_to(site).as_posix()
        pages[f"{kind}: {rel} (HTTP)"] = (f"http://127.0.0.1:{port}/{rel}", READY_STATIC)
        pages[f"{kind}: {rel} (file://)"] = ((site / rel).as_uri(), READY_STATIC)
    times: dict[str, list[float]] = {name: [] for name in pages}
    outside: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for rep in range(reps + 1):  # the first round warms up (kernel start-up, OS cache)
                for name, (url, ready) in pages.items():
                    t, out = load(browser, url, ready)
                    outside += out
                    if rep:
                        times[name].append(t)
            browser.close()
    finally:
        voila.stop()
        http_server.shutdown()
    bare = statistics.median(times["bare Voilà page"])
    rows = []
    for name, ts in times.items():
        med = statistics.median(ts)
        target = "" if name.startswith("bare") else ("≤ 0.2: **met**" if med / bare <= 0.2 else "≤ 0.2: **not met**")
        rows.append(
            f"| {name} | {med * 1000:.0f} | {min(ts) * 1000:.0f} | {max(ts) * 1000:.0f} | {med / bare:.3f} | {target} |"
        )
    return rows, outside


SEARCH_JS = """([queries, reps]) => {
  const med = xs => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ours = [], theirs = [], same = [];
  let t = performance.now();
  const ms = new MiniSearch({fields: ['text'], storeFields: ['para']});
  ms.addAll(KIT_SEARCH.paras.map(([para, text]) => ({id: para, para, text})));
  const build = performance.now() - t;
  for (const q of queries) {
    let ra, rb;  // timers are coarse (0.1 ms): time a batch of runs and divide
    t = performance.now(); for (let i = 0; i < reps; i++) ra = kitSearch(q); ours.push((performance.now() - t) / reps);
    t = performance.now(); for (let i = 0; i < reps; i++) rb = ms.search(q, {prefix: true, combineWith: 'AND'});
    theirs.push((performance.now() - t) / reps);
    const mine = [...new Set(ra.map(r => r.para))].sort((x, y) => x - y).join();
    same.push(mine === rb.map(r => r.para).sort((x, y) => x - y).join());
  }
  return {ours: med(ours), oursMax: Math.max(...ours), theirs: med(theirs), theirsMax: Math.max(...theirs), build,
          same: same.filter(Boolean).length, n: queries.length};
}"""


def search_section(site: Path, minisearch: Path, reps: int = 200) -> list[str]:
    """Our search (site.js) and MiniSearch (prefix search, all words) on the same paragraphs, in one page."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from kit.views import app_report

    view = app_report()
    queries = [
        "peacekeepers",
        "women peace",
        "Working Group",
        "said that",
        "COVID-19",
        "Mali",
        "keeper",
        "United Nations Mission",
        "training",
        "protection of civilians",
    ]
    for p in view.paragraphs[::7]:
        words = p["text"].split()
        if len(words) > 6:
            queries += [words[3], " ".join(words[4:6])]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto((site / "en" / "themes.html").as_uri())
        page.add_script_tag(path=str(minisearch))
        r = page.evaluate(SEARCH_JS, [queries, reps])
        browser.close()
    ours = (ROOT / "kit" / "assets" / "site.js").stat().st_size
    package = json.loads((minisearch.parents[2] / "package.json").read_text(encoding="utf-8"))
    name = f"{package['name']} {package['version']} ({package['license']})"
    return [
        "## The search: a few lines of our own, or MiniSearch",
        "",
        f"In Chromium, the bundled report's {len(view.paragraphs)} paragraphs, {r['n']} queries (fixed ones, "
        f"and words and word pairs of the report), each run {reps} times (mean per run), then the median over the "
        f"queries; {name} from npm, searching all words with prefixes (its closest to the app).",
        "",
        "Rerun: `npm install --prefix /tmp/ms minisearch@7.2.0 && .venv/bin/python benchmarks/site_benchmark.py "
        "--only-search --minisearch /tmp/ms/node_modules/minisearch/dist/umd/index.js`",
        "",
        "| | our search (`kit/assets/site.js`) | MiniSearch |",
        "| --- | ---: | ---: |",
        f"| index built in the page | none (the paragraphs as they are) | {r['build']:.1f} ms |",
        f"| query, median over the queries (ms) | {r['ours']:.3f} | {r['theirs']:.3f} |",
        f"| slowest query (ms) | {r['oursMax']:.3f} | {r['theirsMax']:.3f} |",
        f"| same paragraphs as the app's search | {r['n']} of {r['n']} (tested) | {r['same']} of {r['n']} |",
        f"| script | {ours / 1000:.1f} KB, with the page choosers | {minisearch.stat().st_size / 1000:.1f} KB |",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--builds", type=int, default=3, help="builds of the bundled report's site (median)")
    ap.add_argument("--reps", type=int, default=5, help="loads of each page (median), after one warm-up round")
    ap.add_argument("--corpus", type=int, default=200, help="generated reports in the folder build (0: none)")
    ap.add_argument("--corpus-word", action="store_true", help="the folder build with Word files too (slower)")
    ap.add_argument("--minisearch", help="MiniSearch's UMD file (npm install minisearch): compare the searches")
    ap.add_argument("--only-search", action="store_true", help="only the search comparison, written into --out")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "site.md"))
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kit-site-bench-"))
    started = time.time()
    if args.only_search:
        from kit.site import build_site

        build_site(None, work / "site", lang="en", word=False)
        section = search_section(work / "site", Path(args.minisearch))
        out = Path(args.out)
        text = out.read_text(encoding="utf-8") if out.is_file() else ""
        text = text.split("## The search:")[0].rstrip("\n") + "\n\n" + "\n".join(section)
        out.write_text(text, encoding="utf-8")
        print("\n".join(section))
        shutil.rmtree(work, ignore_errors=True)
        return 0
    try:
        builds = [kit_site(None, work / f"site-{i}", work / f"cache-{i}") for i in range(args.builds)]
        site = work / "site-0"
        size, nfiles = size_of(site)
        pages = len(list(site.rglob("*.html"))) - len(list(site.rglob("files/*/*.html")))
        rows, outside = tti_rows(site, args.reps, work)
        corpus = []
        if args.corpus:
            from parse_benchmark import make_corpus

            folder = work / "corpus"
            folder.mkdir()
            make_corpus(folder, args.corpus)
            seconds = kit_site(
                str(folder), work / "corpus-site", work / "corpus-cache", *([] if args.corpus_word else ["--no-word"])
            )
            csize, cfiles = size_of(work / "corpus-site")
            cpages = len(list((work / "corpus-site").rglob("*.html")))
            word = "Word files" if args.corpus_word else "no Word files: `--no-word`"
            corpus = [
                f"| {args.corpus} generated reports (both languages, {word}) | {seconds:.0f} s "
                f"({seconds / args.corpus:.2f} s per report) | {csize / 1e6:,.0f} MB ({csize / args.corpus / 1e6:.1f}"
                f" MB per report) | {cfiles:,} files, {cpages:,} HTML |"
            ]
        load_avg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        med = statistics.median(builds)
        lines = [
            "# Static site benchmark (`kit site`)",
            "",
            f"Run on {time.strftime('%Y-%m-%d')} · {platform.machine()}, {os.cpu_count()} CPUs · Python "
            f"{platform.python_version()} · Chromium headless (Playwright) · localhost and file:// only · load average "
            f"at the end {load_avg} · took {time.time() - started:.0f} s.",
            "",
            f"Rerun: `.venv/bin/python benchmarks/site_benchmark.py --builds {args.builds} --reps {args.reps} "
            f"--corpus {args.corpus}{' --corpus-word' if args.corpus_word else ''}`",
            "",
            "**Caveat:** 2 CPUs shared with other engineers' work during the run: absolute times vary; the ratios "
            "are measured side by side, loads interleaved, in the same run.",
            "",
            "## The bundled report's site (English and French, Word files included)",
            "",
            "| measure | value | target |",
            "| --- | ---: | --- |",
            f"| build, `kit site --out DIR` in a fresh process, empty cache (median of {args.builds}) | "
            f"{med:.1f} s (min {min(builds):.1f}, max {max(builds):.1f}) | < 30 s: **{'met' if med < 30 else 'not met'}** |",
            f"| size, every file | {size / 1e6:.2f} MB ({nfiles:,} files, {pages} pages) | "
            f"< 10 MB: **{'met' if size < 10e6 else 'not met'}** |",
            "",
            "| kind | files | MB | KB per file |",
            "| --- | ---: | ---: | ---: |",
            *kinds_table(site),
            "",
            f"## Time to interactive (median of {args.reps}, interleaved, fresh browser context each)",
            "",
            "Static pages: navigation start until the page is complete (its scripts ran; the Themes search ready) and "
            "its panel is there; served by the server of `kit site --serve`, and from the folder. Bare page: one "
            "`ipywidgets.Dropdown` in the kit's Voilà, until the dropdown is in the page.",
            "",
            "| page | median (ms) | min (ms) | max (ms) | ratio to bare | target |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
            *rows,
            "",
            f"Requests leaving localhost and file://: {len(outside)}.",
            "",
        ]
        if corpus:
            lines += [
                "## A folder of reports",
                "",
                "`kit site FOLDER --out DIR` in a fresh process, empty cache (each report parsed once).",
                "",
                "| corpus | build | size | files |",
                "| --- | ---: | ---: | ---: |",
                *corpus,
                "",
            ]
        Path(args.out).write_text("\n".join(lines), encoding="utf-8")
        print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
