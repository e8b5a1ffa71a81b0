"""The four apps in a real Chromium, served by Voilà with the repo's config (marker ``browser``).

A session fixture starts ``voila notebooks/`` (``kit.serve``: the repo's
voila.json and the offline ``kit`` template) on a free port; Playwright drives
Debian's Chromium. Every test fails on a request that leaves localhost.

Without Chromium or Playwright these tests skip, except under CI (``CI`` set),
where they fail.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kit import load_report
from kit.views import app_report, queries
from kit.serve import start_voila

from .test_views import INJECTED

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
APPS = ["overview", "speakers", "themes", "missions"]
SHOTS = Path(os.environ.get("KIT_SCREENSHOTS", "/tmp"))


def _need(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests need {reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(f"browser tests need {reason}")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright Python package")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _need(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                              args=CHROMIUM_ARGS)
        yield b
        b.close()


class Server:
    def __init__(self, tmp: Path, report: str | None = None):
        env = dict(os.environ, KIT_CACHE_DIR=str(tmp / "cache"))
        env.pop("KIT_REPORT", None)
        if report is not None:
            env["KIT_REPORT"] = report
        self.log = open(tmp / f"voila-{len(list(tmp.glob('voila-*.log')))}.log", "w")
        try:
            self.proc, self.port = start_voila(env=env, stdout=self.log)
        except RuntimeError as exc:
            self.log.close()
            raise RuntimeError(f"voila did not start: see {self.log.name}") from exc

    def url(self, app: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{app}.ipynb"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory, browser):
    s = Server(tmp_path_factory.mktemp("voila"))
    yield s
    s.stop()


@pytest.fixture(scope="session")
def frames():
    return load_report()


@pytest.fixture(scope="session")
def view():
    return app_report()


LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/|^(data|blob|about):")


class Watched:
    """A page that records console errors, page errors, dialogs and requests."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)
        self.page.goto(url)
        self.page.wait_for_selector(".kit", timeout=60_000)
        self.page.wait_for_selector("#loading", state="detached", timeout=60_000)
        if "overview" not in url:
            self.page.wait_for_selector(".kit-out, .kit .error", state="attached", timeout=60_000)

    def outside(self) -> list[str]:
        return [u for u in self.requests if not LOCAL.match(u)]

    def out_text(self) -> str:
        return self.page.inner_text(".kit-out")

    def close(self):
        self.context.close()


@pytest.fixture()
def open_app(browser, server):
    pages = []

    def _open(app: str, srv: Server | None = None) -> Watched:
        w = Watched(browser, (srv or server).url(app))
        pages.append(w)
        return w

    yield _open
    for w in pages:
        w.close()


def _wait_out(w: Watched, text: str):
    w.page.wait_for_function("t => [...document.querySelectorAll('.kit-out')].some(e => e.innerText.includes(t))",
                             arg=text, timeout=15_000)


def _paras(w: Watched, selector: str = ".kit-out table.kt td span.para") -> list[int]:
    return [int(t) for t in w.page.locator(selector).all_inner_texts()]


@pytest.mark.parametrize("app", APPS)
def test_app_loads_offline_without_errors(open_app, app):
    w = open_app(app)
    body = w.page.inner_text("body")
    assert "Traceback" not in body and "There was an error" not in body
    assert w.errors == []
    assert w.outside() == [], "requests outside localhost"
    w.page.screenshot(path=str(SHOTS / f"kit-app-{app}.png"), full_page=True)
    # every app links to the others with relative links that stay under voila/render/
    hrefs = w.page.eval_on_selector_all(".kit nav a", "els => els.map(e => e.href)")
    assert len(hrefs) == 3 and all("/voila/render/" in h and h.endswith(".ipynb") for h in hrefs)


def test_overview_links_open_the_other_apps(open_app):
    w = open_app("overview")
    # JupyterLab's HTML output renderer opens links of an HTML output in a new tab
    with w.page.context.expect_page() as info:
        w.page.click(".kit nav a:text('Missions')")
    tab = info.value
    tab.wait_for_selector(".kit-mission select", timeout=60_000)
    assert tab.url.endswith("/voila/render/missions.ipynb")
    assert w.outside() == []


def test_choosing_a_speaker_shows_their_statements(open_app, view, frames):
    w = open_app("speakers")
    label = dict((sid, lab) for lab, sid in queries.speaker_options(view))["MEX"]
    t0 = time.time()
    w.page.select_option(".kit-speaker select", label=label)
    _wait_out(w, "Mexico (Member State)")
    assert time.time() - t0 < 5
    expected = frames.statements.query("speaker_id == 'MEX'")["para"].tolist()
    assert _paras(w) == expected
    marks = w.page.locator(".kit-out td span.ctx mark").all_inner_texts()
    assert [" ".join(m.split()) for m in marks] == [" ".join(t.split()) for t in
                                                   frames.statements.query("speaker_id == 'MEX'")["text"]]
    chart = w.page.text_content(".kit-out svg")
    for label_, _, _ in queries.themes_of(view, "MEX"):
        assert label_[:20] in chart
    # compare side by side
    other = dict((sid, lab) for lab, sid in queries.speaker_options(view))["person:menon"]
    w.page.select_option(".kit-compare select", label=other)
    _wait_out(w, "Side by side: Mexico and Jai Menon")
    w.page.screenshot(path=str(SHOTS / "kit-app-speakers-compare.png"), full_page=True)


def test_speaker_filter_narrows_the_list(open_app):
    w = open_app("speakers")
    w.page.fill(".kit-app input[type=text]", "kenya")
    w.page.wait_for_function("() => document.querySelectorAll('.kit-speaker select option').length === 1")
    _wait_out(w, "Kenya (Member State)")


def test_download_link_gives_the_statements_on_screen(open_app, view, frames, tmp_path):
    w = open_app("speakers")
    label = dict((sid, lab) for lab, sid in queries.speaker_options(view))["MEX"]
    w.page.select_option(".kit-speaker select", label=label)
    _wait_out(w, "Mexico (Member State)")
    with w.page.expect_download() as info:
        w.page.click(".kit-out a.dl:text('Statements (CSV)')")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [int(r["para"]) for r in rows] == frames.statements.query("speaker_id == 'MEX'")["para"].tolist()
    assert {r["citation"] for r in rows} == {frames.cite(p) for p in (26, 27, 32, 33)}
    with w.page.expect_download() as info:
        w.page.click(".kit-out a.dl:text('Briefing note (Markdown)')")
    md = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert md.startswith("# Statements by Mexico") and f"Cite as: {frames.cite([26, 27, 32, 33])}" in md


def test_choosing_a_theme_updates_strip_heatmap_and_sentences(open_app, view, frames):
    w = open_app("themes")
    label = view.theme_label["wps"]
    w.page.select_option(".kit-themes select", label=[label])
    _wait_out(w, f"Where in the report: {label}")
    coloured = w.page.eval_on_selector_all(".kit-out svg rect[data-para]",
                                           "els => els.filter(e => e.getAttribute('fill') !== '#eeeeee')"
                                           ".map(e => +e.dataset.para)")
    expected = sorted(set(frames.themes.query("theme == 'wps'")["para"]))
    assert coloured == expected
    assert sorted(set(_paras(w))) == expected
    heat = w.page.inner_text(".kit-out table.hm")
    th = frames.themes.query("theme == 'wps'").dropna(subset=["statement_id"])
    for name in frames.statements[frames.statements["statement_id"].isin(th["statement_id"])]["speaker"]:
        assert name in heat
    terms = {t.lower() for row in frames.themes.query("theme == 'wps'")["terms"] for t in row.split("; ")}
    marked = {" ".join(m.lower().split()) for m in w.page.locator(".kit-out mark.term").all_inner_texts()}
    assert marked and all(any(m.startswith(t.rstrip("*")[:5]) for t in terms) for m in marked)


def test_free_text_search_shows_keywords_in_context(open_app, frames):
    w = open_app("themes")
    w.page.fill(".kit-query input", "women peacekeepers")
    w.page.press(".kit-query input", "Enter")
    w.page.wait_for_selector(".kit-search", timeout=15_000)
    n = int(frames.paragraphs["text"].str.count(r"(?i)women\s+peacekeepers").sum())
    assert w.page.locator(".kit-search mark").count() == n > 0


def test_choosing_a_mission_shows_its_sentences(open_app, frames):
    w = open_app("missions")
    option = w.page.eval_on_selector_all(".kit-mission select option", "els => els.map(e => e.textContent.replace(/\u00a0/g, ' '))")
    label = next(o for o in option if o.startswith("UNFICYP"))
    w.page.select_option(".kit-mission select", label=label)
    _wait_out(w, "UNFICYP: United Nations Peacekeeping Force in Cyprus")
    expected = frames.mentions.query("kind == 'mission' and key == 'UNFICYP'")["para"].tolist()
    assert _paras(w) == expected
    fill = w.page.get_attribute(".kit-out svg circle[data-key='UNFICYP']", "fill")
    assert fill == "#D55E00"
    w.page.screenshot(path=str(SHOTS / "kit-app-missions-unficyp.png"), full_page=True)


def test_injected_markup_renders_as_text(browser, tmp_path_factory, open_app):
    tmp = tmp_path_factory.mktemp("evil")
    report = tmp / "evil-2022.md"
    report.write_text(INJECTED, encoding="utf-8")
    srv = Server(tmp, str(report))
    try:
        for app in APPS:
            w = open_app(app, srv)
            if app == "speakers":
                w.page.wait_for_selector(".kit-speaker select option", state="attached")
                label = next(o for o in w.page.eval_on_selector_all(".kit-speaker select option",
                                                                    "els => els.map(e => e.textContent.replace(/\u00a0/g, ' '))")
                             if o.startswith("Harold Agyeman"))
                w.page.select_option(".kit-speaker select", label=label)
                _wait_out(w, "<b onmouseover=alert(3)>transitions</b>")
            if app == "themes":
                w.page.fill(".kit-query input", "Abyei")
                w.page.press(".kit-query input", "Enter")
                w.page.wait_for_selector(".kit-search")
                assert "<script>alert(1)</script>" in w.page.inner_text(".kit-search")
            w.page.wait_for_timeout(300)
            assert w.page.locator(".kit img[src=x], .kit-out script, .kit b[onmouseover]").count() == 0
            assert w.dialogs == [] and w.errors == [] and w.outside() == []
    finally:
        srv.stop()


def test_bad_kit_report_shows_a_friendly_error(browser, tmp_path_factory, open_app):
    tmp = tmp_path_factory.mktemp("bad")
    srv = Server(tmp, str(tmp / "missing-report.pdf"))
    try:
        for app in APPS:
            w = open_app(app, srv)
            text = w.page.inner_text("body")
            assert "could not be opened" in text and "missing-report.pdf" in text
            assert "Traceback" not in text and "There was an error" not in text
            assert w.outside() == []
        w.page.screenshot(path=str(SHOTS / "kit-app-error.png"))
    finally:
        srv.stop()
