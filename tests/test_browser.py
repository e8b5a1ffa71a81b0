"""Every app in a real Chromium, served by Voilà with the repo's config (marker ``browser``).

A session fixture starts ``voila notebooks/`` (``kit.serve``: the repo's voila.json and the offline
``kit`` template) on a free port; Playwright drives Debian's Chromium. Every page fails its test on a
request that leaves localhost. Each app is checked at a phone size (390×844) and a desktop size:
screenshots (in ``KIT_SCREENSHOTS``, default /tmp), no sideways scrolling, no text under 12 px, no
overlapping text in the meetings table, axe-core (WCAG 2.1 A/AA) without serious or critical
violations, and keyboard-only use reaching every control. Tests wait for conditions, never for time.

Without Chromium, Playwright or axe-core (``npm install --prefix tests/.node axe-core``, done by
``.ci/run``) these tests skip, except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from kit import load_report
from kit.testing import start_voila
from kit.views import app_report, queries
from kit.views.registry import APPS as REGISTRY
from kit.views.shell import MAX_QUERY
from kit.views.speakers import speaker_aliases

from .conftest import need
from .test_views import INJECTED

pytestmark = pytest.mark.browser

ALL_APPS = [a.name for a in REGISTRY]
APPS = [
    "overview",
    "speakers",
    "themes",
    "missions",
]  # the exploration apps (kit.views.overview, speakers, themes, missions)
WIDGET_APPS = APPS[1:]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
FIT_SIZES = {
    "small-phone": {"width": 360, "height": 740},
    **SIZES,  # the narrowest phones too
    "tablet": {"width": 800, "height": 1000},
}
SHOTS = Path(os.environ.get("KIT_SCREENSHOTS", "/tmp"))
AXE = Path(__file__).parent / ".node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MIN_PX = 12


class Server:
    def __init__(self, tmp: Path, report: str | None = None, **extra: str):
        env = dict(os.environ, KIT_CACHE_DIR=str(tmp / "cache"))
        for var in ("KIT_REPORT", "KIT_REPORT_ALT", "KIT_REPORT_FR", "KIT_LANG"):
            env.pop(var, None)
        if report is not None:
            env["KIT_REPORT"] = report
        env.update(extra)
        self.log = open(tmp / f"voila-{len(list(tmp.glob('voila-*.log')))}.log", "w")
        try:
            # One server serves the whole module's ~100 page loads within minutes, faster than idle kernels are
            # culled: no room limit here (tests/test_serve.py tests the limit itself).
            self.proc, self.port = start_voila(env=env, stdout=self.log, extra=["--RoomKernelManager.max_kernels=0"])
        except RuntimeError as exc:
            self.log.close()
            raise RuntimeError(f"voila did not start: see {self.log.name}") from exc

    def url(self, app: str, query: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{app}.ipynb{query}"

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
    """A page that records console errors, page errors, dialogs, requests and websocket frames."""

    def __init__(self, browser, url: str, viewport: dict = DESKTOP, locale: str = "en-US"):
        self.context = browser.new_context(viewport=viewport, accept_downloads=True, locale=locale)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.received: list[str] = []
        self.sockets: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("websocket", self._socket)

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)
        # record when the page last changed, so tests can wait until rendering has settled
        self.page.add_init_script("""window.__kitChanged = Date.now();
            new MutationObserver(() => { window.__kitChanged = Date.now(); })
              .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});""")
        self.page.goto(url)
        self.ready()

    def _socket(self, ws):
        self.sockets.append(ws.url)
        ws.on(
            "framereceived",
            lambda payload: self.received.append(payload if isinstance(payload, bytes) else payload.encode("utf-8")),
        )

    def ready(self):
        """Wait until Voilà has rendered the app: the exploration apps' output panel, else any widget or HTML."""
        self.page.wait_for_selector("#loading", state="detached", timeout=90_000)
        app = re.search(r"/([^/?]+)\.ipynb", self.page.url).group(1)
        done = ".kit-out .kit, .kit .error" if app in WIDGET_APPS else ".kit, .jupyter-widgets, .jp-OutputArea-output"
        self.page.wait_for_selector(done, timeout=90_000)
        self.settled()

    def settled(self, quiet_ms: int = 500):
        """Wait until the page has not changed for ``quiet_ms`` (widgets and outputs rendered)."""
        self.page.wait_for_function("ms => Date.now() - window.__kitChanged > ms", arg=quiet_ms, timeout=60_000)

    def outside(self) -> list[str]:
        return [u for u in self.requests if not LOCAL.match(u)]

    def out_text(self) -> str:
        return self.page.inner_text(".kit-out")

    def close(self):
        self.context.close()


@pytest.fixture()
def open_app(browser, server):
    pages = []

    def _open(
        app: str, srv: Server | None = None, viewport: dict = DESKTOP, query: str = "", locale: str = "en-US"
    ) -> Watched:
        w = Watched(browser, (srv or server).url(app, query), viewport, locale)
        pages.append(w)
        return w

    yield _open
    for w in pages:
        w.close()


def _wait_out(w: Watched, text: str, selector: str = ".kit-out"):
    w.page.wait_for_function(
        "([s, t]) => [...document.querySelectorAll(s)].some(e => e.innerText.includes(t))",
        arg=[selector, text],
        timeout=30_000,
    )


def _paras(w: Watched, selector: str = ".kit-out table.kt td span.para") -> list[int]:
    return [int(t) for t in w.page.locator(selector).all_inner_texts()]


# ----------------------------------------------------------------------------- layout checks (in the page)

# Rendered size of every visible text: CSS font size times the scale of its SVG (a viewBox shrinks text).
SMALL_TEXT_JS = """min => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest('script, style, title, noscript, .sr, #loading')) continue;
    let hidden = false;
    for (let a = el; a && !hidden; a = a.parentElement) hidden = getComputedStyle(a).display === 'none';
    if (hidden) continue;
    const r = document.createRange(); r.selectNodeContents(n);
    const box = r.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || +cs.opacity === 0) continue;
    let px = parseFloat(cs.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) { const m = el.getScreenCTM(); px *= Math.hypot(m.a, m.b); }
    if (px < min - 0.01) out.push(`${px.toFixed(1)}px: ${n.textContent.trim().slice(0, 40)}`);
  }
  return out;
}"""

WIDE_JS = """() => {
  const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.kit *, .kit-app *')].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (e.ownerSVGElement) return false;  // drawn inside an SVG, which clips it
    if (e.closest('.hm-wrap') && !e.classList.contains('hm-wrap')) return false;  // inside its own focusable region
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {  // clipped by a visible ancestor
      const o = getComputedStyle(a).overflowX;
      if (o === 'hidden' || o === 'clip') { const ar = a.getBoundingClientRect(); if (ar.right <= vw + 1 && ar.left >= -1) return false; }
    }
    return r.right > vw + 1 || r.left < -1;
  }).slice(0, 5).map(e => `${e.tagName}.${e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className}: ${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)}`);
}"""

OVERLAP_JS = """sel => {
  const boxes = [];
  for (const td of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const r = document.createRange(); r.selectNodeContents(n);
      for (const b of r.getClientRects()) if (b.width > 0 && b.height > 0) boxes.push([b, n.textContent.trim().slice(0, 30)]);
    }
  }
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, s] = boxes[i], [b, t] = boxes[j];
    const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (dx > 1 && dy > 2) hits.push(`${s} / ${t}`);
  }
  return [boxes.length, hits.slice(0, 5)];
}"""


SCROLLERS_JS = """() => [document.documentElement, ...document.querySelectorAll('body *')].filter(e => {
  const o = getComputedStyle(e).overflowX;
  return (e === document.documentElement || o === 'auto' || o === 'scroll') && !e.classList.contains('hm-wrap')
         && e.scrollWidth > e.clientWidth + 1;
}).map(e => `${e.tagName}#${e.id}.${e.className}: ${e.scrollWidth} px in ${e.clientWidth}`)"""


def _screenshot(w: Watched, name: str):
    """The whole app as a person scrolls through it: Voila scrolls #rendered_cells, not the page, so the
    viewport is made as tall as the content for the picture, then put back."""
    size = w.page.viewport_size
    tall = w.page.evaluate(
        "() => Math.max(document.documentElement.scrollHeight,"
        " ...[...document.querySelectorAll('#rendered_cells')].map(e => e.scrollHeight))"
    )
    w.page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]), 16_000)})
    w.page.screenshot(path=str(SHOTS / f"kit-app-{name}.png"), full_page=True)
    w.page.set_viewport_size(size)


def _check_layout(w: Watched, name: str):
    page = w.page
    w.settled()
    _screenshot(w, name)
    assert page.evaluate(SCROLLERS_JS) == [], f"{name}: the page's content scrolls sideways"
    width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"{name}: the page scrolls sideways ({width[0]} px wide in {width[1]} px)"
    assert page.evaluate(WIDE_JS) == [], f"{name}: elements wider than the screen"
    small = page.evaluate(SMALL_TEXT_JS, MIN_PX)
    assert small == [], f"{name}: text smaller than {MIN_PX} px: {small[:8]}"


# ----------------------------------------------------------------------------- every app


@pytest.mark.parametrize("app", ALL_APPS)
def test_app_loads_offline_without_errors(open_app, app):
    w = open_app(app)
    body = w.page.inner_text("body")
    assert "Traceback" not in body and "There was an error" not in body
    assert w.errors == []
    assert w.outside() == [], "requests outside localhost"
    # nothing written for developers reaches the participant
    for dev in ("kit.views", "KIT_REPORT=", "_app()", "import "):
        assert dev not in body, f"developer text {dev!r} on the {app} page"


@pytest.mark.parametrize("app", APPS)
def test_nav_links_every_app_in_the_same_tab(open_app, app):
    w = open_app(app)
    links = w.page.eval_on_selector_all(".kit nav a", "els => els.map(e => [e.href, e.target])")
    expected = [f"{a.notebook}?lang=en" for a in REGISTRY if a.name != app]  # the page's language kept
    assert [h.rsplit("/", 1)[-1] for h, _ in links] == expected
    assert all("/voila/render/" in h and t in ("", "_self") for h, t in links)


def test_overview_links_open_the_other_apps_in_the_same_tab(open_app):
    w = open_app("overview")
    w.page.click(".kit nav a:text('Missions')")
    w.page.wait_for_url("**/voila/render/missions.ipynb?lang=en", timeout=60_000)
    w.ready()
    w.page.wait_for_selector(".kit-mission select", timeout=60_000)
    assert len(w.context.pages) == 1
    assert w.outside() == []


@pytest.mark.parametrize("size", FIT_SIZES)
@pytest.mark.parametrize("app", ALL_APPS)
def test_app_fits_the_screen(open_app, app, size):
    w = open_app(app, viewport=FIT_SIZES[size])
    if app == "speakers":  # the fullest state: a comparison and the joint-statement matrix open
        chosen = w.page.eval_on_selector(".kit-speaker select", "e => e.options[e.selectedIndex].textContent")
        other = w.page.eval_on_selector_all(".kit-compare select option", "els => els.map(e => e.textContent)")
        w.page.select_option(".kit-compare select", index=next(i for i, t in enumerate(other) if i and t != chosen))
        _wait_out(w, "Side by side:")
        w.page.eval_on_selector_all(".kit-out details", "els => els.forEach(d => d.open = true)")
    if app == "themes":
        w.page.select_option(".kit-themes select", index=[0, 1, 2])
        w.page.fill(".kit-query input", "peacekeepers")
        w.page.press(".kit-query input", "Enter")
        w.page.wait_for_selector(".kit-search", timeout=30_000)
    _check_layout(w, f"{app}-{size}")
    if app == "overview":
        n, overlaps = w.page.evaluate(OVERLAP_JS, ".kit table.kt.stack td")
        assert n > 0 and overlaps == [], f"overlapping text in the meetings table: {overlaps}"
        n, overlaps = w.page.evaluate(OVERLAP_JS, ".kit .timeline svg text, .kit .timeline li")
        assert overlaps == [], f"overlapping text on the timeline: {overlaps}"


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("app", ["themes", "briefing_note"])
def test_how_to_choose_several_fits_the_device(open_app, app, size):
    """The apps with a list to choose several from say how: a phone has no Ctrl key, so a phone is told to tap,
    a computer to Ctrl- or Cmd-click, and neither sees the other's advice."""
    w = open_app(app, viewport=SIZES[size])
    text = w.page.inner_text(".kit-head")
    keys, touch = "Ctrl", "tap the list"
    assert (keys in text) == (size == "desktop"), text
    assert (touch in text) == (size == "phone"), text


@pytest.mark.parametrize("app", ALL_APPS)
def test_axe_finds_no_serious_violations(open_app, app):
    if not AXE.exists():
        need(f"axe-core at {AXE} (npm install --prefix tests/.node axe-core)")
    for size in SIZES.values():
        w = open_app(app, viewport=size)
        w.page.add_script_tag(path=str(AXE))
        result = w.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], f"{app} at {size['width']} px: {bad}"


FOCUS_JS = """() => { const e = document.activeElement; if (!e || e === document.body) return '';
  return [e.tagName, e.getAttribute('href') || '', [...(e.closest('.widget-dropdown, .widget-text, .widget-select-multiple, .widget-select') || {classList: []}).classList].filter(c => c.startsWith('kit-')).join(' ')].join('|'); }"""


@pytest.mark.parametrize("app", APPS)
def test_keyboard_reaches_every_control(open_app, app):
    w = open_app(app)
    controls = w.page.evaluate("""() => [...document.querySelectorAll('.kit-app input, .kit-app select')]
        .map(e => [...e.closest('.widget-dropdown, .widget-text, .widget-select-multiple').classList]
        .filter(c => c.startsWith('kit-')).join(' '))""")
    links = w.page.eval_on_selector_all(".kit nav a", "els => els.map(e => e.getAttribute('href'))")
    reached, seen = set(), []
    w.page.focus("body")
    for _ in range(40 + 3 * len(controls) + len(links)):
        w.page.keyboard.press("Tab")
        seen.append(w.page.evaluate(FOCUS_JS))
        reached.add(seen[-1].split("|")[2] if seen[-1] else "")
        reached.add(seen[-1].split("|")[1] if seen[-1] else "")
        if set(controls) | set(links) <= reached:
            break
    missing = (set(controls) | set(links)) - reached
    assert controls if app != "overview" else links
    assert not missing, f"Tab never reached {missing}; focus went {seen[:30]}"


# What a participant meets in the controls: a label or button whose text is cut, a radio choice or button smaller
# than the rest, a target under 24 px (WCAG 2.2, 2.5.8). Links inside running text are exempt (WCAG's inline
# exception), and so are the map's dots, whose equivalent is the Missions list above the map.
CONTROLS_JS = """() => {
  const shown = e => { const r = e.getBoundingClientRect(); if (r.width === 0 || r.height === 0) return false;
    for (let a = e; a; a = a.parentElement) if (getComputedStyle(a).display === 'none') return false; return true; };
  const what = e => `${e.tagName} "${(e.textContent || e.value || '').trim().slice(0, 40)}"`;
  const cut = [...document.querySelectorAll('.kit-app .widget-label, .kit-app .widget-radio-box label, .kit-app button')]
    .filter(shown).filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
    .map(e => `${what(e)}: ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
  const small = [...document.querySelectorAll('a, button, input, select, summary')].filter(shown)
    .filter(e => !e.closest('svg.map') && !(e.tagName === 'A' && e.closest('p:not(.lang-switch), td, li:not(nav li)')))
    .filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
    .map(e => { const r = e.getBoundingClientRect(); return `${what(e)}: ${Math.round(r.width)}x${Math.round(r.height)}`; });
  const size = sel => [...document.querySelectorAll(sel)].filter(shown).map(e => parseFloat(getComputedStyle(e).fontSize));
  return {cut, small, labels: size('.kit-app .widget-label'),
          choices: size('.kit-app .widget-radio-box label, .kit-app button')};
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("app", ALL_APPS)
def test_controls_read_whole_and_are_big_enough_to_tap(open_app, server, french_server, app, lang):
    """At a phone's width and a desktop's, in English and French: no control's label or button text is cut
    (« Rechercher dans le rapport » whole on a desktop), radio choices and buttons are as large as the controls'
    labels (the Briefing note's "Note on"), and every control, nav link and language link is at least 24 px."""
    w = open_app(app, srv=french_server if lang == "fr" else server, query=f"?lang={lang}", viewport=PHONE)
    for size in (PHONE, DESKTOP):
        w.page.set_viewport_size(size)
        w.settled()
        found = w.page.evaluate(CONTROLS_JS)
        where = f"{app} in {lang} at {size['width']} px"
        assert found["cut"] == [], f"{where}: text cut in {found['cut']}"
        assert found["small"] == [], f"{where}: targets under 24 px: {found['small']}"
        if found["labels"]:
            assert min(found["choices"], default=99) >= min(found["labels"]), f"{where}: small choices {found}"


FOCUS_RING_JS = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
  const cs = getComputedStyle(e);
  return [e.tagName + ' ' + (e.textContent || e.value || '').trim().slice(0, 30), cs.outlineStyle,
          parseFloat(cs.outlineWidth)]; }"""


@pytest.mark.parametrize("app", ALL_APPS)
def test_keyboard_focus_is_visible_on_every_control(open_app, app):
    """Tabbing through an app, every link, list, text box, radio choice and button shows a ring of at least
    2 px (the widgets' own focus style is a 1 px line, or none on a list)."""
    w = open_app(app)
    w.page.focus("body")
    seen = {}
    for _ in range(40):
        w.page.keyboard.press("Tab")
        focused = w.page.evaluate(FOCUS_RING_JS)
        if focused is None:
            continue
        if focused[0] in seen:
            break
        seen[focused[0]] = focused
    kinds = {name.split(" ", 1)[0] for name in seen}
    assert "A" in kinds and (app == "overview" or kinds & {"SELECT", "INPUT"}), seen
    faint = [f for f in seen.values() if f[1] in ("none", "hidden") or f[2] < 2]
    assert faint == [], f"{app}: focus hardly visible on {faint}"


# ----------------------------------------------------------------------------- Speakers


def test_choosing_a_speaker_shows_their_statements(open_app, view, frames):
    w = open_app("speakers")
    ms = frames.statements.query("speaker_kind == 'member_state'")["speaker_id"].value_counts()
    sid = ms.index[-1]
    label = dict((s, lab) for lab, s in queries.speaker_options(view))[sid]
    name = view.speaker[sid]["name"]
    w.page.select_option(".kit-speaker select", label=label)
    _wait_out(w, f"{name} (Member State)")
    expected = frames.statements.query("speaker_id == @sid")["para"].tolist()
    assert _paras(w) == expected
    marks = w.page.locator(".kit-out td span.ctx mark").all_inner_texts()
    assert [" ".join(m.split()) for m in marks] == [
        " ".join(t.split()) for t in frames.statements.query("speaker_id == @sid")["text"]
    ]
    chart = w.page.inner_text(".kit-out .bars") if queries.themes_of(view, sid) else ""
    for label_, n, _ in queries.themes_of(view, sid):
        assert label_ in chart  # whole labels, never cut
    other_sid = next(s for s in ms.index if s != sid)
    other = dict((s, lab) for lab, s in queries.speaker_options(view))[other_sid]
    w.page.select_option(".kit-compare select", label=other)
    _wait_out(w, f"Side by side: {name} and {view.speaker[other_sid]['name']}")
    assert "1 paras." not in w.out_text()


def test_speaker_find_narrows_the_list_and_says_when_nothing_matches(open_app, view):
    w = open_app("speakers")
    first = w.page.eval_on_selector(".kit-speaker select", "e => e.options[e.selectedIndex].textContent")
    sid, name = [
        (s, view.speaker[s]["name"])
        for lab, s in queries.speaker_options(view)
        if view.speaker[s]["kind"] == "member_state" and not first.startswith(view.speaker[s]["name"])
    ][-1]
    w.page.fill(".kit-find input", name.lower())
    w.page.wait_for_function(
        "n => [...document.querySelectorAll('.kit-speaker select option')]"
        ".every(o => o.textContent.replace(/\\u00a0/g, ' ').toLowerCase().includes(n))",
        arg=name.lower(),
        timeout=30_000,
    )
    _wait_out(w, f"{name} (Member State)")
    chosen = w.page.eval_on_selector(".kit-speaker select", "e => e.options[e.selectedIndex].textContent")
    w.page.fill(".kit-find input", "xyzq")
    _wait_out(w, "No speaker matches “xyzq”", ".kit-status")
    w.page.wait_for_function(
        "n => document.querySelectorAll('.kit-speaker select option').length === n",
        arg=len(queries.speaker_options(view)),
        timeout=30_000,
    )
    # the whole list is back, and neither the choice nor the page jumped to another speaker
    assert w.page.eval_on_selector(".kit-speaker select", "e => e.options[e.selectedIndex].textContent") == chosen
    assert f"{name} (Member State)" in w.out_text()


def test_speaker_find_accepts_short_names(open_app, view):
    aliases = speaker_aliases(view)
    shorts = [
        (sid, a)
        for sid, names in sorted(aliases.items())
        for a in sorted(names)
        if 2 <= len(a) <= 3 and a != sid.lower()
    ]
    if not shorts:
        pytest.skip("no Member State with a short name speaks in this report")
    sid, short = shorts[0]
    w = open_app("speakers")
    w.page.fill(".kit-find input", short.upper())
    _wait_out(w, f"{view.speaker[sid]['name']} (Member State)")


def test_download_link_gives_the_statements_on_screen(open_app, view, frames, tmp_path):
    w = open_app("speakers")
    sid = frames.statements["speaker_id"].value_counts().index[0]
    label = dict((s, lab) for lab, s in queries.speaker_options(view))[sid]
    paras = frames.statements.query("speaker_id == @sid")["para"].tolist()
    w.page.select_option(".kit-speaker select", label=label)
    _wait_out(w, f"Cite as: {frames.cite(paras)}")  # this speaker's statements, not the first one shown
    with w.page.expect_download() as info:
        w.page.click(".kit-out a.dl:text('Statements (CSV)')")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the kit's documented choice: a BOM, for spreadsheet programs
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [int(r["para"]) for r in rows] == paras
    assert {r["citation"] for r in rows} == {frames.cite(p) for p in paras}
    with w.page.expect_download() as info:
        w.page.click(".kit-out a.dl:text('Briefing note (Markdown)')")
    md = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert md.startswith("# Statements by") and f"Cite as: {frames.cite(paras)}" in md


# ----------------------------------------------------------------------------- Themes


def test_choosing_a_theme_updates_strip_heatmap_and_sentences(open_app, view, frames):
    w = open_app("themes")
    theme = frames.themes["theme"].value_counts().index[0]
    label = view.theme_label[theme]
    w.page.select_option(".kit-themes select", label=[label])
    _wait_out(w, f"Where in the report: {label}")
    coloured = w.page.eval_on_selector_all(
        ".kit-out svg rect[data-para]",
        "els => els.filter(e => e.getAttribute('fill') !== '#e4e4e4').map(e => +e.dataset.para)",
    )
    expected = sorted(set(frames.themes.query("theme == @theme")["para"]))
    assert coloured == expected
    assert sorted(set(_paras(w))) == expected
    heat = w.page.inner_text(".kit-out table.hm")
    th = frames.themes.query("theme == @theme").dropna(subset=["statement_id"])
    for name in frames.statements[frames.statements["statement_id"].isin(th["statement_id"])]["speaker"]:
        assert name in heat
    terms = {t.lower() for row in frames.themes.query("theme == @theme")["terms"] for t in row.split("; ")}
    marked = {" ".join(m.lower().split()) for m in w.page.locator(".kit-out mark.term").all_inner_texts()}
    assert marked and all(any(m.startswith(t.rstrip("*")[:5]) for t in terms) for m in marked)


def test_heatmap_of_every_theme_has_readable_column_headers(open_app, view):
    w = open_app("themes")
    w.page.select_option(".kit-themes select", [])
    _wait_out(w, "Where in the report: all themes")
    n_cols = len(queries.theme_options(view))
    assert w.page.locator(".kit-out table.hm th.hm-col").count() == n_cols
    n, overlaps = w.page.evaluate(OVERLAP_JS, ".kit-out table.hm th.hm-col")
    assert n >= n_cols and overlaps == [], f"column headers overlap: {overlaps}"
    vw = w.page.evaluate("innerWidth")
    boxes = w.page.eval_on_selector_all(
        ".kit-out table.hm th.hm-col span",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })",
    )
    assert all(0 <= left and right <= vw for left, right in boxes), "column headers are cut off"


def test_search_results_appear_under_the_search_box(open_app, frames):
    w = open_app("themes")
    words = "women peacekeepers"
    w.page.fill(".kit-query input", words)
    w.page.press(".kit-query input", "Enter")
    w.page.wait_for_selector(".kit-search", timeout=30_000)
    n = int(frames.paragraphs["text"].str.count(r"(?i)women\s+peacekeepers").sum())
    assert w.page.locator(".kit-search mark").count() == n > 0
    box = w.page.locator(".kit-query input").bounding_box()
    found = w.page.locator(".kit-search h3").bounding_box()
    assert 0 <= found["y"] - (box["y"] + box["height"]) < 200, "results are not right under the search box"
    assert found["y"] < w.page.locator(".kit-themes select").bounding_box()["y"]


def test_search_query_length_is_capped_with_a_note(open_app):
    w = open_app("themes")
    w.page.fill(".kit-query input", "peace " * 200)
    w.page.press(".kit-query input", "Enter")
    w.page.wait_for_selector(".kit-search", timeout=30_000)
    assert f"limited to {MAX_QUERY} characters" in w.page.inner_text(".kit-search")


# ----------------------------------------------------------------------------- Missions


def _mission_option(w: Watched, key: str) -> str:
    options = w.page.eval_on_selector_all(
        ".kit-mission select option", "els => els.map(e => e.textContent.replace(/\\u00a0/g, ' '))"
    )
    return next(o for o in options if o.startswith(key + " "))


FITS_JS = """sel => {
  const e = document.querySelector(sel), st = getComputedStyle(e);
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
  const room = e.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 20;  // the arrow
  return [...e.options].filter(o => ctx.measureText(o.textContent).width > room).map(o => o.textContent);
}"""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_mission_choices_read_whole_on_the_narrowest_phone(open_app, french_server, lang):
    """A phone shows only the chosen line of a list: each mission's line (acronym, host, mentions) fits it."""
    w = open_app(
        "missions",
        srv=french_server if lang == "fr" else None,
        viewport=FIT_SIZES["small-phone"],
        query=f"?lang={lang}",
    )
    w.page.wait_for_selector(".kit-mission select", timeout=60_000)
    assert w.page.evaluate(FITS_JS, ".kit-mission select") == []


def test_choosing_a_mission_shows_its_sentences(open_app, view, frames):
    w = open_app("missions")
    key = queries.mission_summary(view)[-1]["key"]
    w.page.select_option(".kit-mission select", label=_mission_option(w, key))
    _wait_out(w, f"{key}: {view.missions[key]['name']}")
    expected = frames.mentions.query("kind == 'mission' and key == @key")["para"].tolist()
    assert _paras(w) == expected
    assert w.page.get_attribute(f".kit-out svg circle[data-key='{key}']", "fill") == "#D55E00"


def test_clicking_a_mission_on_the_map_selects_it(open_app, view):
    w = open_app("missions")
    keys = [m["key"] for m in queries.mission_summary(view) if m["lat"] is not None]
    key = keys[-1]
    w.page.click(f".kit-out svg circle[data-key='{key}']")
    w.page.wait_for_url(re.compile(rf"/missions\.ipynb\?lang=en&mission={re.escape(key)}$"), timeout=60_000)
    w.ready()
    chosen = w.page.eval_on_selector(".kit-mission select", "e => e.options[e.selectedIndex].textContent")
    assert chosen.replace("\u00a0", " ").startswith(key + " ")
    _wait_out(w, f"{key}: {view.missions[key]['name']}")
    assert w.page.get_attribute(f".kit-out svg circle[data-key='{key}']", "fill") == "#D55E00"
    assert len(w.context.pages) == 1


# ----------------------------------------------------------------------------- hostile input


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
                label = next(
                    o
                    for o in w.page.eval_on_selector_all(
                        ".kit-speaker select option", "els => els.map(e => e.textContent.replace(/\u00a0/g, ' '))"
                    )
                    if o.startswith("Harold Agyeman")
                )
                w.page.select_option(".kit-speaker select", label=label)
                _wait_out(w, "<b onmouseover=alert(3)>transitions</b>")
                with w.page.expect_download() as info:
                    w.page.click(".kit-out a.dl:text('Briefing note (Markdown)')")
                md = Path(info.value.path()).read_text(encoding="utf-8-sig")
                assert "\\<b onmouseover" in md and not re.search(r"(?<!\\)<", md)  # every < escaped
            if app == "themes":
                w.page.fill(".kit-query input", "Abyei")
                w.page.press(".kit-query input", "Enter")
                w.page.wait_for_selector(".kit-search")
                assert "<script>alert(1)</script>" in w.page.inner_text(".kit-search")
            assert (
                w.page.locator(".kit img[src=x], .kit-out script, .kit-search-out script, .kit b[onmouseover]").count()
                == 0
            )
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


def _messages(w: Watched) -> list[dict]:
    """The kernel messages the page received (Jupyter's v1 binary websocket protocol, or JSON)."""
    out = []
    for frame in w.received:
        if frame[:1] == b"{":
            out.append(json.loads(frame))
            continue
        n = int.from_bytes(frame[:8], "little")
        offsets = [int.from_bytes(frame[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(n)] + [len(frame)]
        parts = [frame[offsets[i] : offsets[i + 1]] for i in range(n)]
        if len(parts) >= 5:
            out.append({"channel": parts[0].decode(), "header": json.loads(parts[1]), "content": json.loads(parts[4])})
    return out


def _comm_id(w: Watched, css_class: str) -> str:
    """The comm id of the widget with ``css_class``, from the widget states the page received."""
    for msg in _messages(w):
        data = msg.get("content", {}).get("data") or {}
        if css_class in (data.get("state") or {}).get("_dom_classes", []):  # one widget's state
            return msg["content"]["comm_id"]
        for model_id, model in (data.get("states") or {}).items():  # Voila's "update_states": all of them
            if css_class in (model.get("state") or {}).get("_dom_classes", []):
                return model_id
    raise AssertionError(f"no widget state for {css_class} among {len(w.received)} frames")


def test_a_bad_widget_state_gets_a_clean_message_not_a_traceback(open_app, server):
    """A comm message with an impossible state (sent as a hostile page could) reaches the kernel over the
    kernel websocket; the participant sees a plain sentence, never a traceback with server paths."""
    import uuid

    import websocket

    w = open_app("speakers")
    channel = next(u for u in w.sockets if "/api/kernels/" in u)
    kernel = re.search(r"/api/kernels/([^/]+)/channels", channel).group(1)
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in w.context.cookies())
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{server.port}/api/kernels/{kernel}/channels", cookie=cookies or None, timeout=30
    )

    def send(css_class: str, state: dict):
        ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": uuid.uuid4().hex,
                        "msg_type": "comm_msg",
                        "username": "test",
                        "session": uuid.uuid4().hex,
                        "date": "",
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "channel": "shell",
                    "buffers": [],
                    "content": {
                        "comm_id": _comm_id(w, css_class),
                        "data": {"method": "update", "state": state, "buffer_paths": []},
                    },
                }
            )
        )

    def idle_after_error() -> bool:
        return any(m.get("header", {}).get("msg_type") == "error" for m in _messages(w))

    try:
        send("kit-speaker", {"index": 99999})  # a control of the app: refused, with a note in the app
        _wait_out(w, "could not be used", ".kit-status")
        send("kit-out", {"value": 99999})  # any other widget: IPython's error display, made plain
        w.page.wait_for_function("() => true")
        for _ in range(300):
            if idle_after_error():
                break
            w.page.wait_for_timeout(100)  # polling for a websocket message, not a fixed delay
        assert idle_after_error(), "the kernel never answered the second bad message"
    finally:
        ws.close()
    server_detail = re.compile(r"Traceback|TraitError|site-packages|\.py:\d|/work/|" + re.escape(str(Path.cwd())))
    leaked = [json.dumps(m["content"])[:300] for m in _messages(w) if server_detail.search(json.dumps(m["content"]))]
    assert leaked == [], "a traceback or server path reached the browser"
    assert "Traceback" not in w.page.inner_text("body")
    # the app still works
    n, current = w.page.eval_on_selector(".kit-speaker select", "e => [e.options.length, e.selectedIndex]")
    w.page.select_option(".kit-speaker select", index=(current + 1) % n)
    w.page.wait_for_function("() => document.querySelector('.kit-status').innerText.trim() === ''")


# ----------------------------------------------------------------------------- in French (?lang=fr)


def _translated_messages() -> set[str]:
    """The catalogue's English messages whose French differs (a heading showing one is untranslated)."""
    from babel.messages.pofile import read_po

    with open(Path(__file__).parent.parent / "kit" / "locale" / "fr" / "LC_MESSAGES" / "kit.po", "rb") as f:
        return {m.id for m in read_po(f) if isinstance(m.id, str) and m.id and m.string and m.string != m.id}


def _axe_serious(w: Watched) -> list:
    if not AXE.exists():
        need(f"axe-core at {AXE} (npm install --prefix tests/.node axe-core)")
    w.page.add_script_tag(path=str(AXE))
    result = w.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="module")
def french_server(tmp_path_factory, browser):
    """A server of its own for the French pages: the session server has opened about a hundred app kernels by
    then, near the room's kernel limit (``max_kernels``), and idle ones are culled only after minutes."""
    s = Server(tmp_path_factory.mktemp("voila-fr"))
    yield s
    s.stop()


@pytest.mark.parametrize("app", ALL_APPS)
def test_app_in_french_has_french_headings_and_a_switch_back_to_english(open_app, french_server, app):
    """?lang=fr: the navigation and headings in French, every link keeps the language, the page still fits a
    phone, loads nothing from elsewhere and passes axe; "English" leads to the same app in English, same tab."""
    from kit.i18n import translator

    tr = translator("fr")
    title = next(a.title for a in REGISTRY if a.name == app)
    w = open_app(app, srv=french_server, viewport=PHONE, query="?lang=fr")
    assert w.page.inner_text(".kit nav [aria-current=page]").strip() == tr.gettext(title)
    hrefs = w.page.eval_on_selector_all(".kit nav a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.endswith("?lang=fr") for h in hrefs), hrefs
    body = w.page.inner_text("body")
    assert "Traceback" not in body and "There was an error" not in body
    headings = {
        " ".join(h.split()) for h in w.page.locator(".kit h2, .kit h3, .kit h4, .kit summary").all_inner_texts()
    }
    assert not headings & _translated_messages(), "headings left in English"
    _check_layout(w, f"{app}-fr-phone")
    assert _axe_serious(w) == [], f"{app} in French"
    assert w.errors == [] and w.outside() == [], "errors or requests outside localhost"
    w.page.click(".kit .lang-switch a[hreflang=en]")
    w.page.wait_for_url(f"**/voila/render/{app}.ipynb?lang=en", timeout=60_000)
    w.ready()
    assert w.page.inner_text(".kit nav [aria-current=page]").strip() == title
    assert len(w.context.pages) == 1 and w.outside() == []


def test_a_french_browser_gets_the_apps_and_the_landing_page_in_french(open_app, french_server):
    """No ?lang=: the browser's language (Accept-Language) chooses, on the landing page and in an app."""
    from kit.i18n import translator

    tr = translator("fr")
    w = open_app("themes", srv=french_server, locale="fr-FR")
    assert w.page.inner_text(".kit nav [aria-current=page]").strip() == tr.gettext("Themes")
    assert w.page.get_attribute(".kit .lang-switch a", "hreflang") == "en"
    w.page.goto(f"http://127.0.0.1:{french_server.port}/")
    assert w.page.get_attribute("html", "lang") == "fr"
    hrefs = w.page.eval_on_selector_all("ul.apps a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.endswith("?lang=fr") for h in hrefs)
    assert w.outside() == []


@pytest.fixture(scope="module")
def bilingual_server(tmp_path_factory, browser):
    fixtures = Path(__file__).parent / "fixtures"
    s = Server(
        tmp_path_factory.mktemp("voila-bilingual"),
        str(fixtures / "wgpko_excerpt_en.md"),
        KIT_REPORT_ALT=str(fixtures / "wgpko_excerpt_fr.md"),
    )
    yield s
    s.stop()


def test_speakers_side_by_side_in_both_languages_on_a_phone(open_app, bilingual_server):
    """With the French version configured (KIT_REPORT_ALT), the Speakers app shows the chosen speaker's
    statements in English and French side by side: the French text in a cell marked lang="fr"; it fits a phone
    and passes axe."""
    fixtures = Path(__file__).parent / "fixtures"
    texts = {
        lang: " ".join((fixtures / f"wgpko_excerpt_{lang}.md").read_text(encoding="utf-8").split())
        for lang in ("en", "fr")
    }
    w = open_app("speakers", srv=bilingual_server, viewport=PHONE)
    w.page.wait_for_selector(".kit-out table.bilingual", timeout=60_000)
    cells = {
        lang: [
            " ".join(c.split()) for c in w.page.locator(f".kit-out table.bilingual td[lang={lang}]").all_inner_texts()
        ]
        for lang in ("en", "fr")
    }
    assert cells["fr"] and len(cells["fr"]) == len(cells["en"])
    for lang in ("en", "fr"):  # each side is that version's own text, word for word
        assert all(c in texts[lang] for c in cells[lang]), lang
    _check_layout(w, "speakers-bilingual-phone")
    assert _axe_serious(w) == []
    assert w.errors == [] and w.outside() == []


# ----------------------------------------------------------------------------- a corpus: `kit serve folder/`


class KitServe:
    """``kit serve folder/`` as a trainer runs it (the command itself, on loopback), for a corpus."""

    def __init__(self, tmp: Path, folder: Path):
        import sys

        from kit.testing import free_port, wait_until_serving

        env = dict(os.environ, KIT_CACHE_DIR=str(tmp / "cache"), PYTHONUNBUFFERED="1")
        for var in ("KIT_REPORT", "KIT_REPORT_ALT", "KIT_REPORT_FR", "KIT_LANG"):
            env.pop(var, None)
        self.port = free_port()
        self.log = open(tmp / "kit-serve.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kit.cli", "serve", str(folder), "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_serving(f"http://127.0.0.1:{self.port}/", self.proc, timeout=180)
        except RuntimeError:
            self.stop()
            raise

    def url(self, app: str, query: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{app}.ipynb{query}"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: kit serve stops its Voilà and the kernels
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    from .test_corpus import make_corpus

    return make_corpus(tmp_path_factory.mktemp("corpus-docs") / "reports")


@pytest.fixture(scope="module")
def corpus_room(tmp_path_factory, browser, corpus_folder):
    s = KitServe(tmp_path_factory.mktemp("corpus-serve"), corpus_folder)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus_view(corpus_folder):
    from kit.views import data as view_data

    return view_data.app_report(corpus_folder, use_cache=False)


@pytest.mark.parametrize("app", ALL_APPS)
def test_corpus_app_on_a_phone_fits_and_passes_axe(open_app, corpus_room, app):
    """Every app on a corpus at 390 px: no sideways scrolling, no tiny text, nothing from elsewhere, no page
    error, and axe-core finds no serious or critical violation."""
    w = open_app(app, corpus_room, viewport=PHONE)
    body = w.page.inner_text("body")
    assert "Traceback" not in body and "could not be opened" not in body
    assert w.errors == [] and w.outside() == []
    _check_layout(w, f"corpus-{app}-phone")
    assert _axe_serious(w) == [], f"{app} on a corpus at 390 px"


def test_corpus_overview_lists_the_documents(open_app, corpus_room, corpus_view):
    w = open_app("overview", corpus_room, viewport=PHONE)
    text = " ".join(w.page.inner_text(".kit").split())
    for d in corpus_view.documents:
        assert (d["symbol"] or d["report_id"]) in text
    assert f"{len(corpus_view.documents)} documents" in text
    assert "Meetings over time" in text


def test_corpus_overview_prepares_its_csv_files_by_keyboard_on_a_phone(open_app, corpus_room, corpus_view):
    """The Overview of a corpus makes its CSV files when asked: by keyboard alone, on a phone, the button
    "Prepare the CSV files" offers the documents, statements per speaker and meetings; the documents' file has
    one row per document; the page still fits and passes axe."""
    w = open_app("overview", corpus_room, viewport=PHONE)
    assert w.page.locator(".kit-downloads a.dl").count() == 0  # nothing made before the participant asks
    w.page.focus("body")
    _tab_to(w, ".kit-prepare")
    w.page.keyboard.press("Enter")
    _wait_out(w, "Meetings (CSV)", ".kit-downloads")
    labels = w.page.locator(".kit-downloads a.dl").all_inner_texts()
    assert [x.lstrip("⬇ ") for x in labels] == ["Documents (CSV)", "Statements per speaker (CSV)", "Meetings (CSV)"]
    with w.page.expect_download() as info:
        w.page.click(".kit-downloads a.dl:text('Documents (CSV)')")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(corpus_view.documents)
    assert {r[0] for r in rows[1:]} == {d["report_id"] for d in corpus_view.documents}
    assert w.errors == [] and w.outside() == []
    _check_layout(w, "corpus-overview-csv-phone")
    assert _axe_serious(w) == []


def test_corpus_speakers_by_keyboard_across_documents(open_app, corpus_room, corpus_view):
    """Tab to the speaker list, choose another speaker with the arrow keys: their statements across the
    documents appear, each row citing its document."""
    w = open_app("speakers", corpus_room, viewport=PHONE)
    w.page.focus("body")
    for _ in range(60):
        w.page.keyboard.press("Tab")
        if w.page.evaluate("() => !!document.activeElement.closest('.kit-speaker')"):
            break
    else:
        pytest.fail("Tab never reached the speaker list")
    before = w.page.eval_on_selector(".kit-speaker select", "e => e.value")
    w.page.keyboard.press("ArrowDown")
    w.page.wait_for_function("v => document.querySelector('.kit-speaker select').value !== v", arg=before)
    label = w.page.eval_on_selector(".kit-speaker select", "e => e.value")  # ipywidgets: the option label
    sid = dict(queries.speaker_options(corpus_view))[label]
    sts = queries.statements_of(corpus_view, sid)
    n_docs = len({s["report_id"] for s in sts})
    name = corpus_view.speaker[sid]["name"]
    documents = "1 document" if n_docs == 1 else f"{n_docs} documents"
    _wait_out(w, f"{name}: {len(sts)} statement{'s' if len(sts) != 1 else ''} in {documents}")
    cites = w.page.locator(".kit-out table.kt td span.para").all_inner_texts()
    assert set(cites) == {corpus_view.cite_rows([s]) for s in sts}


def _tab_to(w: Watched, selector: str) -> None:
    for _ in range(80):
        w.page.keyboard.press("Tab")
        if w.page.evaluate("s => !!document.activeElement.closest(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_corpus_briefing_note_on_a_theme_by_keyboard_on_a_phone(open_app, corpus_room, corpus_view, tmp_path):
    """On a phone, by keyboard alone: choose "a theme across the documents", then another theme; the note quotes
    the documents that hold it, each quote cited with its document, and downloads as Markdown; the page still
    fits and passes axe."""
    from kit.teaching.theme_note import documents_with_theme
    from kit.views.note_app import theme_document_options
    from kit.views.shell import localized

    w = open_app("briefing_note", corpus_room, viewport=PHONE)
    corpus_view = localized(corpus_view, "en")  # the page's theme labels
    w.page.wait_for_selector(".kit-mode input[type=radio]")
    assert not w.page.is_visible(".kit-theme select")
    w.page.focus("body")
    _tab_to(w, ".kit-mode")
    w.page.keyboard.press("ArrowDown")  # a radio group: the arrow key chooses the next option
    w.page.wait_for_selector(".kit-theme select", state="visible")
    assert not w.page.is_visible(".kit-meeting select") and not w.page.is_visible(".kit-speakers select")
    options = theme_document_options(corpus_view)
    first = options[0][1]
    docs = documents_with_theme(corpus_view, first)
    _wait_out(w, f"{len(docs)} documents" if len(docs) > 1 else "1 document")
    _tab_to(w, ".kit-theme")
    w.page.keyboard.press("ArrowDown")
    label, theme = options[1]
    w.page.wait_for_function("v => document.querySelector('.kit-theme select').value === v", arg=label)
    name = label.rsplit(" (", 1)[0]
    _wait_out(w, f"Briefing note: {name}")
    text = " ".join(w.page.inner_text(".kit-out").split())
    for d in documents_with_theme(corpus_view, theme):
        assert d["label"] in text  # each document quoted with its symbol, or listed under Citations
    assert re.search(r"\((?:S/\d{4}/42|wgpko-\d{4}-(?:en|fr)), paras?\. \d+\)", text)
    with w.page.expect_download() as info:
        w.page.click(".kit-out a.dl:text('Briefing note (Markdown)')")
    md = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert md.startswith(f"# Briefing note: {name}") and theme in info.value.suggested_filename
    assert w.errors == [] and w.outside() == []
    _check_layout(w, "corpus-briefing-theme-phone")
    assert _axe_serious(w) == []
