"""``kit site``: the apps as static pages (issue 19).

The bundled report's site is built once (both languages) and checked as files: every state a participant can
reach has its page, each page holds the very HTML the Voilà app shows for the same choice (same view function),
downloads are the apps' files byte for byte, every link is relative and leads to a file of the site, report text
is escaped. Then in Chromium from ``file://`` with every other request blocked: every page loads without a
failed request, the search gives the Python search's paragraphs, phones do not scroll sideways, the keyboard
reaches every control with a visible focus, and axe-core finds nothing serious (a sample of pages per kind, in
both languages). Browser tests skip without Chromium on a laptop and fail under CI, like tests/test_browser.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kit import i18n
from kit.site import MARKER, build_site
from kit.views import app_report, queries
from kit.views.html import STYLE
from kit.views.note_app import meeting_options
from kit.views.shell import localized
from kit.views.site import PageRef, search_index, slug, staticize

from .conftest import SYNTHETIC, need
from .test_views import INJECTED

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
AXE = Path(__file__).parent / ".node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = ("en", "fr")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        for var in (
            "KIT_REPORT",
            "KIT_REPORT_ALT",
            "KIT_REPORT_FR",
            "KIT_LANG",
            "QUERY_STRING",
            "HTTP_ACCEPT_LANGUAGE",
        ):
            mp.delenv(var, raising=False)
        yield


@pytest.fixture(scope="module")
def site(tmp_path_factory, cache) -> Path:
    out = tmp_path_factory.mktemp("site") / "bundled"
    result = build_site(None, out, lang="both")
    assert result.reports == 1 and result.failed == []
    return out


@pytest.fixture(scope="module")
def view(cache):
    return app_report()


def pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def in_lang(lang: str, fn, *args):
    """``fn(*args)`` with the apps in ``lang`` (as the site builder renders them)."""
    before = i18n.get_language()
    i18n.set_language(lang)
    try:
        return fn(*args)
    finally:
        i18n.set_language(before)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


# ----------------------------------------------------------------------------- every state is a page


def test_every_state_of_the_apps_is_a_page(site, view):
    for lang in LANGS:
        r = localized(view, lang)
        folder = site / lang
        sids = [sid for _l, sid in queries.speaker_options(r)]
        expected = ["index.html", "speakers.html", "themes.html", "missions.html", "briefing_note.html"]
        expected += [f"speaker-{slug(s)}.html" for s in sids]
        expected += [
            f"compare-{slug(min(a, b))}-{slug(max(a, b))}.html" for i, a in enumerate(sids) for b in sids[i + 1 :]
        ]
        expected += [f"theme-{slug(t)}.html" for _l, t in queries.theme_options(r)]
        expected += [f"mission-{slug(m['key'])}.html" for m in queries.mission_summary(r)]
        expected += [f"note-{slug(m)}.html" for _l, m in meeting_options(r) if m]
        missing = [name for name in expected if not (folder / name).is_file()]
        assert missing == []
        assert len(sids) > 2 and len(list(folder.glob("note-*.html"))) == len(r.meetings)


def test_the_compare_choice_of_every_speaker_leads_to_their_pair(site, view):
    """A pair has one page; both speakers' "Compare with" lists lead to it."""
    for _label, sid in queries.speaker_options(view)[::4]:
        page = site / "en" / f"speaker-{slug(sid)}.html"
        text = page.read_text(encoding="utf-8")
        chooser = re.search(r'<select id="pick-compare">(.*?)</select>', text, re.S).group(1)
        targets = re.findall(r'value="(compare-[^"]+)"', chooser)
        assert len(targets) == len(queries.speaker_options(view)) - 1
        assert all(slug(sid) in t for t in targets) and all((site / "en" / t).is_file() for t in targets)


def _same(page: Path, fragment) -> None:
    """The page holds the view's HTML, made static; and static means only links and the stylesheet changed."""
    files: dict = {}
    static = staticize(str(fragment), PageRef(page.parent.name, page.name), LANGS, files)
    text = page.read_text(encoding="utf-8")
    assert static in text

    def strip(h: str) -> str:
        return re.sub(r'\b(href|src)="[^"]*"', "", h.replace(str(STYLE), ""))

    assert strip(static) == strip(str(fragment))
    for rel, data in files.items():  # every download is the app's data: link, as a file beside the page
        assert (page.parent / rel).read_bytes() == data


def test_a_page_shows_the_html_of_the_app_for_the_same_choice(site, view):
    from kit.views.missions import missions_html
    from kit.views.overview import overview_html
    from kit.views.speakers import compare_table, speakers_html
    from kit.views.themes import themes_html

    for lang in LANGS:
        r = localized(view, lang)
        sids = [sid for _l, sid in queries.speaker_options(r)]
        theme = queries.theme_options(r)[0][1]
        mission = queries.mission_summary(r)[0]["key"]
        folder = site / lang
        _same(folder / "index.html", in_lang(lang, overview_html, r))
        _same(folder / f"speaker-{slug(sids[0])}.html", in_lang(lang, speakers_html, r, sids[0]))
        pair = sorted(sids[:2])  # a pair's page is named by the two ids in order, whatever the list's order
        _same(
            folder / f"compare-{slug(pair[0])}-{slug(pair[1])}.html", in_lang(lang, compare_table, r, sids[0], sids[1])
        )
        assert str(in_lang(lang, compare_table, r, sids[0], sids[1])) in str(
            in_lang(lang, speakers_html, r, sids[0], sids[1])
        )
        _same(folder / f"theme-{slug(theme)}.html", in_lang(lang, themes_html, r, [theme]))
        _same(folder / "themes.html", in_lang(lang, themes_html, r, []))
        _same(folder / f"mission-{slug(mission)}.html", in_lang(lang, missions_html, r, mission))
        _same(folder / "missions.html", in_lang(lang, missions_html, r, None))


def test_downloads_are_files_with_the_kits_csv_rules(site):
    csvs = list(site.rglob("files/*/*.csv"))
    assert len(csvs) > 10
    for f in csvs:
        data = f.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # the apps' BOM and RFC 4180 line ends
        assert not re.search(rb"(^|,)[=+@]", data.replace(b"\xef\xbb\xbf", b""), re.M)  # formula guard
    notes = {f.suffix for f in (site / "fr").rglob("files/note-*/*")}
    assert notes == {".md", ".html", ".docx"}
    for page in pages(site / "en"):
        for _tag, _attr, href in parse(page).links:
            if href.startswith("files/"):
                assert (page.parent / unquote(href)).is_file(), f"{page.name}: {href}"


# ----------------------------------------------------------------------------- links, offline


def test_every_link_is_relative_and_leads_to_a_file_of_the_site(site):
    seen = 0
    for page in pages(site):
        parsed = parse(page)
        for _tag, _attr, value in parsed.links:
            parts = urlsplit(value)
            assert not parts.scheme and not parts.netloc and not value.startswith("/"), f"{page}: {value}"
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file() and site.resolve() in target.parents, f"{page}: {value}"
                seen += 1
            if parts.fragment and not parts.path:
                assert parts.fragment in parsed.ids, f"{page}: {value}"
    assert seen > 1000


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(site):
    for page in [site / "en" / "index.html", *sorted((site / "en").glob("mission-*.html"))[:2]]:
        text = page.read_text(encoding="utf-8")
        assert f'href="../fr/{page.name}"' in text and '<html lang="en">' in text
        other = (site / "fr" / page.name).read_text(encoding="utf-8")
        assert f'href="../en/{page.name}"' in other and '<html lang="fr">' in other


def test_report_text_is_escaped_everywhere(tmp_path, cache):
    report = tmp_path / "injected.md"
    report.write_text(INJECTED, encoding="utf-8")
    build_site(report, tmp_path / "site", lang="both", word=False)
    joined = "".join(p.read_text(encoding="utf-8") for p in pages(tmp_path / "site"))
    for raw in ("<script>alert", "<img src=x", "<b onmouseover"):
        assert raw not in joined
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "<script>alert(1)</script>" in (tmp_path / "site" / "search.js").read_text(encoding="utf-8")  # as data


# ----------------------------------------------------------------------------- other inputs, the command


def test_a_folder_of_reports_gets_one_folder_each_and_a_first_page(tmp_path, cache):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a-2022.md").write_text(SYNTHETIC, encoding="utf-8")
    shutil.copy(FIXTURES / "wgpko_excerpt_fr.md", folder / "b-fr.md")
    (folder / "broken.md").write_text("no numbered paragraphs here\n", encoding="utf-8")
    result = build_site(folder, tmp_path / "site", lang="fr", word=False)
    assert result.reports == 2 and [Path(f).name for f, _m in result.failed] == ["broken.md"]
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for name in ("a-2022", "b-fr"):
        assert (tmp_path / "site" / name / "fr" / "index.html").is_file()
        assert f'href="{name}/fr/speakers.html"' in home
        assert not (tmp_path / "site" / name / "en").exists()
    page = (tmp_path / "site" / "a-2022" / "fr" / "themes.html").read_text(encoding="utf-8")
    assert "lang-switch" not in page and '<html lang="fr">' in page and "Orateurs" in page
    assert ">Afficher<" in page and ">Rechercher<" in page and ">Show<" not in page
    assert 'href="../../_kit/site.css"' in page and 'src="../search.js"' in page


def _kit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kit.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )


def test_the_command_builds_rebuilds_and_refuses_a_folder_of_other_files(tmp_path, cache):
    report = tmp_path / "r.md"
    report.write_text(SYNTHETIC, encoding="utf-8")
    done = _kit("site", str(report), "--out", "out", "--lang", "en", "--no-word", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "index.html" in done.stdout and (tmp_path / "out" / MARKER).is_file()
    (tmp_path / "out" / "en" / "stale.html").write_text("old", encoding="utf-8")
    assert _kit("site", str(report), "--out", "out", "--lang", "en", "--no-word", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "out" / "en" / "stale.html").exists()  # a rebuild starts from an empty folder
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_text("x", encoding="utf-8")
    refused = _kit("site", str(report), "--out", "mine", cwd=tmp_path)
    assert refused.returncode == 2 and "kit: error:" in refused.stderr and "Traceback" not in refused.stderr
    assert "mine" in refused.stderr and (tmp_path / "mine" / "thesis.docx").is_file()
    (tmp_path / "empty").mkdir()
    empty = _kit("site", "empty", "--out", "out2", cwd=tmp_path)
    assert empty.returncode == 2 and "no report files" in empty.stderr and "Traceback" not in empty.stderr


# ----------------------------------------------------------------------------- in Chromium, offline

QUERIES = [
    "peacekeepers",
    "PEACEKEEPERS",
    "women  peace",
    "Working Group",
    "said that",
    "COVID-19",
    "(",
    "a.",
    "Côte",
    "xyzq",
    "the",
    "Mali",
    "United Nations Mission",
    "’s",
]


def _queries_from(view) -> list[str]:
    """Queries a participant might type: fixed ones, and words and word pairs of the report itself."""
    out = list(QUERIES)
    for p in view.paragraphs[::7]:
        words = p["text"].split()
        if len(words) > 6:
            out += [words[3], " ".join(words[4:6]).upper()]
    return out


@pytest.fixture(scope="module")
def offline(browser):
    """A browser context that only lets file:// through, recording what else a page asked for."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    blocked: list[str] = []
    failed: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda req: failed.append(req.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    yield page, blocked, failed, errors
    context.close()


@pytest.mark.browser
def test_every_page_loads_offline_without_a_failed_request(site, offline):
    page, blocked, failed, errors = offline
    every = pages(site)
    for path in every:
        page.goto(path.as_uri())
        if "files" not in path.relative_to(site).parts:  # a download (the note as HTML) is no page of the apps
            assert page.locator("main .kit").count() > 0, path
    assert blocked == [] and failed == [] and errors == []
    assert len(every) > 500


@pytest.mark.browser
def test_the_search_in_the_browser_finds_what_the_app_finds(site, view, offline):
    page, blocked, failed, errors = offline
    for lang in LANGS:
        page.goto((site / lang / "themes.html").as_uri())
        for q in _queries_from(view):
            js = page.evaluate("q => kitSearch(q).map(r => [r.para, r.speaker, r.left, r.match, r.right])", q)
            py = [[x["para"], x["speaker"], x["left"], x["match"], x["right"]] for x in queries.search(view, q)]
            assert js == py, q
        page.fill("#kit-q", "peacekeepers")
        page.press("#kit-q", "Enter")
        page.wait_for_selector("#kit-search-out table")
        shown = [int(t) for t in page.locator("#kit-search-out td span.para").all_inner_texts()]
        assert shown == [x["para"] for x in queries.search(view, "peacekeepers")] and shown
    assert errors == []


@pytest.mark.browser
def test_injected_markup_runs_nothing_in_the_browser(tmp_path, cache, browser):
    report = tmp_path / "injected.md"
    report.write_text(INJECTED, encoding="utf-8")
    build_site(report, tmp_path / "site", lang="en", word=False)
    context = browser.new_context()
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages(tmp_path / "site"):
        page.goto(path.as_uri())
    page.goto((tmp_path / "site" / "en" / "themes.html").as_uri())
    page.fill("#kit-q", "<script")
    page.press("#kit-q", "Enter")
    page.wait_for_selector("#kit-search-out table")
    assert "<script>alert(1)</script>" in page.inner_text("#kit-search-out")
    assert page.locator("#kit-search-out script, #kit-search-out img").count() == 0
    context.close()
    assert dialogs == []


def _sample(site: Path) -> list[Path]:
    """One page of each kind in each language."""
    out = []
    for lang in LANGS:
        folder = site / lang
        for pattern in (
            "index.html",
            "speakers.html",
            "speaker-*.html",
            "compare-*.html",
            "themes.html",
            "theme-*.html",
            "missions.html",
            "mission-*.html",
            "briefing_note.html",
            "note-*.html",
        ):
            out.append(sorted(folder.glob(pattern))[0])
    return out + [site / "index.html"]


NO_SIDEWAYS_JS = """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
  [...document.querySelectorAll('body *')].filter(e => { const o = getComputedStyle(e).overflowX;
     return (o === 'auto' || o === 'scroll') && !e.classList.contains('hm-wrap') && e.scrollWidth > e.clientWidth + 1;
  }).map(e => e.tagName + '.' + e.className)]"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 400])
def test_phones_never_scroll_sideways(site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in _sample(site):
        page.goto(path.as_uri())
        if path.name == "themes.html":
            page.fill("#kit-q", "peacekeepers")
            page.press("#kit-q", "Enter")
            page.wait_for_selector("#kit-search-out table")
        page.eval_on_selector_all("details", "els => els.forEach(d => d.open = true)")
        wide, seen, scrollers = page.evaluate(NO_SIDEWAYS_JS)
        assert wide <= seen and scrollers == [], f"{path.relative_to(site)} at {width} px: {wide} in {seen}"
    context.close()


@pytest.mark.browser
def test_axe_finds_nothing_serious(site, browser):
    if not AXE.exists():
        need(f"axe-core at {AXE} (npm install --prefix tests/.node axe-core)")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in _sample(site):
        page.goto(path.as_uri())
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], f"{path.relative_to(site)}: {bad}"
    context.close()


FOCUSABLE_JS = """() => [...document.querySelectorAll('a[href], select, input, button, summary, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && e.getClientRects().length && !e.closest('details:not([open]) > :not(summary)'))
  .map((e, i) => { e.dataset.kitFocus = i; return i; })"""
FOCUSED_JS = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
  const s = getComputedStyle(e), visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
    || (s.boxShadow && s.boxShadow !== 'none')
    || [...e.querySelectorAll('circle')].some(c => getComputedStyle(c).stroke === 'rgb(230, 159, 0)');  // a map dot
  return [e.dataset.kitFocus === undefined ? -1 : +e.dataset.kitFocus, visible, e.tagName + ' ' + (e.getAttribute('href') || e.id)]; }"""


@pytest.mark.browser
def test_the_keyboard_reaches_every_control_with_a_visible_focus(site, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    for path in _sample(site):
        page.goto(path.as_uri())
        wanted = set(page.evaluate(FOCUSABLE_JS))
        reached, invisible = set(), []
        for _ in range(len(wanted) + 5):
            page.keyboard.press("Tab")
            got = page.evaluate(FOCUSED_JS)
            if got is None:
                continue
            reached.add(got[0])
            if not got[1]:
                invisible.append(got[2])
        assert wanted and wanted <= reached, f"{path.relative_to(site)}: never reached {sorted(wanted - reached)[:5]}"
        assert invisible == [], f"{path.relative_to(site)}: focus not visible on {invisible[:5]}"
    context.close()


@pytest.mark.browser
def test_choosers_and_map_dots_open_their_pages(site, view, offline):
    page, blocked, failed, errors = offline
    page.goto((site / "en" / "speakers.html").as_uri())
    label, sid = queries.speaker_options(view)[-1]
    page.select_option("#pick-speaker", label=label)
    page.click("form.kit-pick button")
    page.wait_for_url(f"**/speaker-{slug(sid)}.html")
    assert view.speaker[sid]["name"] in page.inner_text("main h3")
    page.goto((site / "en" / "missions.html").as_uri())
    key = queries.mission_summary(view)[0]["key"]
    page.click(f"svg.map a[href='mission-{slug(key)}.html']")
    page.wait_for_url(f"**/mission-{slug(key)}.html")
    page.click("p.lang-switch a[hreflang='fr']")
    page.wait_for_url(f"**/fr/mission-{slug(key)}.html")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert blocked == [] and failed == [] and errors == []


def test_the_search_index_holds_every_paragraph_and_speaker_span(view):
    index = search_index(view)
    assert [p[0] for p in index["paras"]] == [p["para"] for p in view.paragraphs]
    for _para, text, spans in index["paras"]:
        for start, end, speaker in spans:
            assert 0 <= start < end <= len(text.encode("utf-16-le")) // 2 and speaker


def test_serve_prints_the_room_address_and_serves_the_folder(tmp_path, cache):
    import os
    import signal
    import urllib.request

    from kit.testing import free_port

    report = tmp_path / "r.md"
    report.write_text(SYNTHETIC, encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kit.cli",
            "site",
            str(report),
            "--out",
            str(tmp_path / "out"),
            "--lang",
            "en",
            "--no-word",
            "--serve",
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        lines = []
        for line in proc.stdout:  # the build's line, then kit serve's announcement
            lines.append(line)
            if line.startswith("Stop with Ctrl+C"):
                break
        assert f"participants open: http://127.0.0.1:{port}/" in "".join(lines), lines
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/themes.html", timeout=30) as answer:
            page = answer.read().decode("utf-8")
        assert answer.status == 200 and 'src="../search.js"' in page
    finally:
        proc.send_signal(signal.SIGINT)
        # communicate() drains the pipe while waiting: a server blocked on a full pipe would never exit
        rest, _ = proc.communicate(timeout=90)
        assert proc.returncode == 0, rest
