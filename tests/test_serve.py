"""``kit serve`` as a trainer runs it: the room's address, a busy port, SIGTERM, the landing page, only the
apps reachable, and the template's escaping (a browser tries ``?theme=`` and ``?template=`` attacks).

The server is the real command (``python -m kit.cli serve``) on a free loopback port; the browser tests
drive Debian's Chromium with Playwright (marker ``browser``; they fail under CI when Chromium is missing).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

from kit import serve as kit_serve
from kit.paths import NOTEBOOKS_DIR
from kit.testing import free_port, wait_until_serving
from kit.views.registry import APPS

ROOT = Path(__file__).resolve().parent.parent
LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/|^(data|blob|about):")


def _kit(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kit.cli", *args],
        capture_output=True,
        text=True,
        env=env or os.environ,
        timeout=300,
        **kw,
    )


def _status(url: str) -> int:
    try:
        return urllib.request.urlopen(url, timeout=120).status
    except urllib.error.HTTPError as exc:
        return exc.code


# --- the room's address ------------------------------------------------------------------------------------


def test_lan_address_is_not_the_hostname_loopback(monkeypatch):
    """A machine whose host name maps to 127.0.1.1 but whose network card has a LAN address."""
    monkeypatch.setattr(kit_serve, "_hostname_addresses", lambda: ["127.0.1.1"])
    monkeypatch.setattr(kit_serve, "_route_address", lambda: "10.20.30.40")
    monkeypatch.setattr(kit_serve, "_interface_addresses", lambda: ["127.0.0.1", "10.20.30.40", "172.17.0.1"])
    shown, candidates, warning = kit_serve.room_address("0.0.0.0")
    assert shown == "10.20.30.40" and candidates == ["10.20.30.40", "172.17.0.1"] and warning is None


def test_only_loopback_is_said_clearly(monkeypatch):
    monkeypatch.setattr(kit_serve, "_hostname_addresses", lambda: ["127.0.1.1"])
    monkeypatch.setattr(kit_serve, "_route_address", lambda: None)
    monkeypatch.setattr(kit_serve, "_interface_addresses", lambda: ["127.0.0.1"])
    shown, candidates, warning = kit_serve.room_address("0.0.0.0")
    assert shown == "127.0.0.1" and "loopback" in warning and "network" in warning


def test_link_local_comes_last(monkeypatch):
    monkeypatch.setattr(kit_serve, "_hostname_addresses", lambda: [])
    monkeypatch.setattr(kit_serve, "_route_address", lambda: None)
    monkeypatch.setattr(kit_serve, "_interface_addresses", lambda: ["169.254.3.4", "192.168.8.10"])
    assert kit_serve.lan_addresses() == ["192.168.8.10", "169.254.3.4"]


def test_every_interface_address_of_this_machine_is_a_candidate():
    found = kit_serve.lan_addresses()
    assert not any(a.startswith("127.") for a in found)
    for address in kit_serve._interface_addresses():
        assert address.startswith("127.") or address in found
    route = kit_serve._route_address()
    if route and not route.startswith("127."):
        assert found[0] == route  # the default route's address is the one printed


# --- bad input and a busy port --------------------------------------------------------------------------------


def test_missing_report_is_named(tmp_path):
    out = _kit("serve", str(tmp_path / "missing.pdf"), "--port", str(free_port()))
    assert out.returncode == 2
    assert "missing.pdf" in out.stderr and "no such file" in out.stderr
    assert "KIT_REPORT" not in out.stderr and "Traceback" not in out.stderr


def test_busy_port_fails_clearly_before_voila_starts():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = _kit("serve", "--host", "127.0.0.1", "--port", str(port))
    assert out.returncode == 2
    assert f"port {port} is already in use" in out.stderr and "Traceback" not in out.stderr


# --- the running server -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """``kit serve`` on a free loopback port, its output in a file."""
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    log = open(tmp / "serve.log", "w+")
    env = dict(os.environ, KIT_CACHE_DIR=str(tmp / "cache"), PYTHONUNBUFFERED="1")
    env.pop("KIT_REPORT", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base + "/", proc, timeout=180)
        yield proc, base, Path(log.name)
    finally:
        # SIGTERM, as a service manager stops it: kit serve then stops its Voilà, which runs in a session of its
        # own (a SIGKILL here would leave that server running after the tests)
        tree = psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(30)
        for child in psutil.wait_procs(tree, timeout=30)[1]:  # anything still alive is killed, never left behind
            child.kill()
        log.close()


def test_landing_page_lists_every_app(room):
    _, base, _ = room
    html = urllib.request.urlopen(base + "/", timeout=60).read().decode("utf-8")
    for app in APPS:
        assert f'href="voila/render/{app.notebook}?lang=en"' in html  # the language the apps open in
        assert app.title in html and app.summary in html
    assert "<script" not in html and "http://" not in html and "https://" not in html  # nothing fetched


def test_every_app_renders(room):
    _, base, _ = room
    for app in APPS:
        html = urllib.request.urlopen(base + "/voila/render/" + app.notebook, timeout=180).read().decode("utf-8")
        assert "jupyter-widgets" in html or "widget-view" in html or "application/vnd.jupyter" in html, app.name
        assert "Traceback" not in html


def test_nothing_but_the_apps_is_reachable(room):
    _, base, _ = room
    hidden = sorted(
        p.relative_to(NOTEBOOKS_DIR).as_posix()
        for p in NOTEBOOKS_DIR.rglob("*")
        if p.is_file() and p.parent != NOTEBOOKS_DIR
    )
    assert any(h.startswith("workshop/") for h in hidden)  # the participants' notebooks sit beside the apps
    hidden.append("workshop/solutions/01_who_spoke.ipynb")  # solutions are never committed; were one there
    for path in hidden:
        for prefix in ("/voila/render/", "/voila/files/", "/voila/tree/", "/voila/api/contents/", "/files/", "/tree/"):
            assert _status(base + prefix + path) in (403, 404), prefix + path
    for listing in (
        "/voila/tree",
        "/voila/tree/workshop",
        "/voila/api/contents",
        "/voila/api/contents/workshop",
        "/voila/render/",
        "/voila/render/..%2FREADME.md",
        "/api/contents",
        "/tree",
    ):
        assert _status(base + listing) in (403, 404), listing
    for app in APPS:
        assert _status(base + "/voila/files/" + app.notebook) == 403  # not even the apps' sources


def test_sigterm_stops_voila_and_its_kernels_and_keeps_the_terminal_quiet(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, KIT_CACHE_DIR=str(tmp_path / "cache"), PYTHONUNBUFFERED="1")
    env.pop("KIT_REPORT", None)
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kit.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(base + "/", proc, timeout=180)
            for app in APPS[:2]:  # two page views: two kernels
                urllib.request.urlopen(base + "/voila/render/" + app.notebook, timeout=180).read()
            tree = psutil.Process(proc.pid).children(recursive=True)
            kernels = [p for p in tree if any("ipykernel" in part for part in p.cmdline())]
            assert len(kernels) >= 2
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(60) == 0
            gone, alive = psutil.wait_procs(tree, timeout=60)
            assert alive == [], f"left behind: {[p.cmdline() for p in alive]}"
        finally:
            if proc.poll() is None:
                proc.kill()
    text = log.read_text()
    assert f"http://127.0.0.1:{port}/" in text
    assert "not trusted" not in text and "without encryption" not in text
    assert "WARNING: listening on loopback only" in text  # the trainer is told participants cannot reach it


# --- the template and Voilà's settings ------------------------------------------------------------------------


def test_voila_config_refuses_overrides_and_limits_kernels():
    config = json.loads(kit_serve.VOILA_CONFIG.read_text(encoding="utf-8"))
    voila = config["VoilaConfiguration"]
    assert voila["allow_theme_override"] == "NO" and voila["allow_template_override"] == "NO"
    assert voila["file_allowlist"] == []
    assert 0 < config["RoomKernelManager"]["max_kernels"] <= 100
    assert (
        "--VoilaConfiguration.multi_kernel_manager_class=kit.voila_app.RoomKernelManager" in kit_serve.voila_command()
    )


def test_every_template_variable_is_escaped():
    """Each ``{{ ... }}`` in the kit template is escaped (``| e``), a number (``| int``), JSON (``| tojson``),
    or a call of Voilà's own markup macros."""
    macros = re.compile(r"^(super|log\.js|spinner\.\w+|voila_setup_\w+|resources\.include_js)\(")
    for template in (kit_serve.JUPYTER_DIR / "voila" / "templates" / "kit").glob("*.j2"):
        for expr in re.findall(r"{{(.*?)}}", template.read_text(encoding="utf-8")):
            expr = expr.strip()
            assert (
                macros.match(expr) or re.search(r"\|\s*(e|int|tojson)\s*$", expr) or template.name == "landing.html.j2"
            ), f"{template.name}: {{{{ {expr} }}}} is not escaped"


def test_room_full_answers_503_and_keeps_serving(tmp_path):
    from kit.testing import start_voila, stop_process_group

    env = dict(os.environ, KIT_CACHE_DIR=str(tmp_path / "cache"))
    proc, port = start_voila(env=env, extra=["--RoomKernelManager.max_kernels=1"])
    try:
        base = f"http://127.0.0.1:{port}"
        assert _status(base + "/voila/render/overview.ipynb") == 200
        with pytest.raises(urllib.error.HTTPError) as full:
            urllib.request.urlopen(base + "/voila/render/themes.ipynb", timeout=120)
        assert full.value.code == 503 and "room is full" in full.value.read().decode("utf-8")
        assert _status(base + "/") == 200
    finally:
        stop_process_group(proc)


# --- in a browser ---------------------------------------------------------------------------------------------


class Page:
    """A page whose requests are all routed: any that leaves localhost is recorded and aborted."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r):
            if LOCAL.match(r.request.url):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def app_loaded(self, url: str) -> None:
        self.page.goto(url, timeout=180_000)
        self.page.wait_for_selector(".kit", timeout=180_000)
        self.page.wait_for_selector("#loading", state="detached", timeout=180_000)


@pytest.mark.browser
def test_landing_page_in_a_browser(browser, room):
    _, base, _ = room
    p = Page(browser)
    try:
        p.page.goto(base + "/", timeout=60_000)
        links = p.page.eval_on_selector_all("ul.apps a", "els => els.map(e => e.getAttribute('href'))")
        assert links == [f"voila/render/{app.notebook}?lang=en" for app in APPS]  # the browser's language
        p.page.click(f"text={APPS[0].title}")
        p.page.wait_for_selector(".kit", timeout=180_000)
        assert p.errors == [] and p.outside == [] and p.dialogs == []
    finally:
        p.context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "query",
    [
        "theme=x%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%3Balert(1)%22%3E",
        "theme=dark%22%20onload%3D%22window.__pwned%3D1",
        "template=lab",
        "template=nonexistent",
        "template=..%2F..%2Flab&theme=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    ],
)
def test_theme_and_template_parameters_are_inert(browser, room, query):
    """No script of the attacker runs, nothing leaves localhost, the page does not hang."""
    _, base, _ = room
    p = Page(browser)
    try:
        p.app_loaded(f"{base}/voila/render/{APPS[0].notebook}?{query}")
        assert p.page.evaluate("() => window.__pwned") is None
        assert p.dialogs == [] and p.outside == []
        assert p.page.locator("img[src='x']").count() == 0
        assert p.page.get_attribute("body", "data-jp-theme-name") == "JupyterLab Light"  # the configured theme
    finally:
        p.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_tab_is_titled_with_the_app_and_the_page_speaks_its_language(browser, room, lang):
    """The tab says "Speakers" (« Orateurs »), not the file name, and ``<html lang>`` is the page's language; the
    first page's websocket does not make kit serve print Tornado's ping warning (tests/test_serve.py's room log)."""
    from kit.i18n import gettext

    _, base, log = room
    p = Page(browser)
    try:
        for app in APPS:
            p.app_loaded(f"{base}/voila/render/{app.notebook}?lang={lang}")
            p.page.wait_for_function("t => document.title === t", arg=gettext(app.title, lang), timeout=60_000)
            assert p.page.evaluate("() => document.documentElement.lang") == lang
            assert p.page.title() != app.name
        assert p.outside == []
    finally:
        p.context.close()
    assert "websocket_ping" not in log.read_text(encoding="utf-8")
