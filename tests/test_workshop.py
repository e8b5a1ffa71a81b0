"""``kit workshop`` end to end: the real JupyterHub and configurable-http-proxy on loopback, two participants
logged in with Playwright and Chromium (marker ``workshop``; never skipped under CI).

Each participant opens a workshop notebook in JupyterLab, runs a cell and sees its result; one
participant's edit is not in the other's copy; the solutions are nowhere to be reached; the apps render;
nothing is fetched from outside localhost; stopping the command leaves no process behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from kit.testing import free_port, wait_until_serving
from kit.views.registry import APPS
from kit.workshop import PROGRESS_FILE, participant_notebooks, progress

from .conftest import need

pytestmark = [pytest.mark.workshop, pytest.mark.browser]

LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/|^(data|blob|about):")
PASSWORD = "room-password-42"
SLOW = 300_000  # ms: JupyterLab on a busy 2-core machine


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """``kit workshop`` on a free loopback port; yields (process, base URL, workshop folder)."""
    try:
        import jupyterhub  # noqa: F401 - only whether it is installed
    except ImportError:
        need("the [workshop] extra (pip install jupyterhub jupyterhub-idle-culler)")
    if not shutil.which("configurable-http-proxy"):
        need("configurable-http-proxy (npm install -g configurable-http-proxy)")
    tmp = tmp_path_factory.mktemp("workshop")
    folder = tmp / "room"
    port = free_port()
    env = dict(os.environ, KIT_CACHE_DIR=str(tmp / "cache"), PYTHONUNBUFFERED="1")
    env.pop("KIT_REPORT", None)
    out = open(tmp / "workshop.out", "w")
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
            str(folder),
            "--password",
            PASSWORD,
            "--progress",
        ],
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base + "/hub/login", proc, timeout=180)
        yield proc, base, folder
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(120)
            except subprocess.TimeoutExpired:
                proc.kill()
        out.close()


class Participant:
    """One participant's browser: every request is routed; any that leaves localhost is recorded and refused."""

    def __init__(self, browser, base: str, name: str):
        self.base, self.name = base, name
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.set_default_timeout(SLOW)
        self.outside: list[str] = []

        def route(r):
            if LOCAL.match(r.request.url):
                r.continue_()
            else:
                try:
                    origin = r.request.frame.url
                except Exception:  # noqa: BLE001 - a request of a worker has no frame
                    origin = "?"
                self.outside.append(f"{r.request.url} (from {origin})")
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()

    def log_in(self) -> None:
        self.page.goto(self.base + "/hub/login")
        self.page.fill("#username_input", self.name)
        self.page.fill("#password_input", PASSWORD)
        self.page.click("#login_submit")
        self.page.wait_for_url(re.compile(rf"/user/{self.name}/kit"), timeout=SLOW)
        self.page.wait_for_selector("ul.apps a")

    def get(self, path: str, follow: bool = True) -> int:
        """The status of ``path`` for this participant (after redirects, unless ``follow`` is False)."""
        return self.context.request.get(self.base + path, max_redirects=20 if follow else 0).status

    def open_notebook(self, name: str) -> None:
        self.page.goto(f"{self.base}/user/{self.name}/lab/tree/workshop/{name}")
        self.page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
        self.wait_idle()

    def wait_idle(self) -> None:
        """Until the status bar says the kernel is idle (a cell run while it starts may be dropped)."""
        self.page.wait_for_function(
            "() => /\\|\\s*Idle/.test((document.querySelector('#jp-main-statusbar') || {}).innerText || '')",
            timeout=SLOW,
        )

    def run_new_cell(self, code: str) -> str:
        """Add a code cell at the top, type ``code``, run it and return its output text."""
        first = self.page.locator(".jp-NotebookPanel .jp-Cell").first
        first.click()
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("a")  # insert a cell above (command mode)
        cell = self.page.locator(".jp-NotebookPanel .jp-Cell").first
        cell.locator(".cm-content").click()
        self.page.keyboard.insert_text(code)
        self.page.keyboard.press("Shift+Enter")
        output = cell.locator(".jp-OutputArea-output")
        output.first.wait_for(state="attached", timeout=SLOW)
        return output.first.inner_text()

    def save(self) -> None:
        self.page.locator(".jp-NotebookPanel-toolbar [data-command='docmanager:save']").first.click()

    def close(self) -> None:
        self.context.close()


def _wait_for(page, condition, timeout: float = 120, what: str = "condition") -> None:
    """Poll ``condition`` while Playwright keeps serving the page (its routed requests are answered only while
    the test is inside a Playwright call, so the poll waits with ``page.wait_for_timeout``)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(250)


def test_two_participants_run_the_workshop(room, browser):
    import psutil

    proc, base, folder = room
    notebook = participant_notebooks()[0].name
    a, b = Participant(browser, base, "amina"), Participant(browser, base, "bruno")
    try:
        a.log_in()
        b.log_in()
        # the landing page links the participant's notebooks and the apps
        hrefs = a.page.eval_on_selector_all("ul.apps a", "els => els.map(e => e.getAttribute('href'))")
        assert f"lab/tree/workshop/{notebook}" in hrefs
        assert all(any(h.split("?")[0] == f"voila/render/apps/{app.notebook}" for h in hrefs) for app in APPS)

        # A runs a cell in their own notebook and sees the result; their kernel reports to their progress file
        a.open_notebook(notebook)
        marker = "edit-by-amina-7f3"
        out = a.run_new_cell(f"import os\nprint({marker!r}, 6 * 7)\nprint(os.environ['KIT_PROGRESS_FILE'])")
        assert f"{marker} 42" in out
        assert str(folder / "participants" / "amina" / PROGRESS_FILE) in out
        mine = folder / "participants" / "amina" / "workshop" / notebook
        a.save()
        try:
            _wait_for(a.page, lambda: marker in mine.read_text(encoding="utf-8"), what="A's notebook saved")
        except AssertionError:
            a.page.screenshot(path=os.environ.get("KIT_SCREENSHOTS", "/tmp") + "/kit-workshop-not-saved.png")
            raise

        # B's copy is B's own: A's edit is not there
        b.open_notebook(notebook)
        assert marker not in b.page.inner_text(".jp-NotebookPanel")
        assert marker not in (folder / "participants" / "bruno" / "workshop" / notebook).read_text(encoding="utf-8")
        out = b.run_new_cell("print(7 * 6)")
        assert "42" in out

        # B cannot open A's server
        assert b.get("/user/amina/api/contents/workshop", follow=False) in (302, 403, 404)
        assert b.get("/user/amina/api/contents/workshop") in (403, 404)

        # the solutions are not reachable: not copied, not served
        for who in ("amina", "bruno"):
            home = folder / "participants" / who
            assert not any("solution" in p.name.lower() for p in home.rglob("*"))
            listing = a.context.request.get(f"{base}/user/amina/api/contents/workshop").json()
            assert {item["name"] for item in listing["content"]} >= {notebook}
            assert not any("solution" in item["name"] for item in listing["content"])
        for path in ("workshop/solutions", f"workshop/solutions/{notebook}", f"../../{notebook}"):
            for prefix in ("api/contents", "files", "voila/render", "voila/files", "voila/tree"):
                status = a.get(f"/user/amina/{prefix}/{path}")
                assert status in (403, 404), f"{prefix}/{path}: {status}"

        # the apps work for each participant
        a.page.goto(f"{base}/user/amina/voila/render/apps/{APPS[0].notebook}")
        a.page.wait_for_selector(".kit", timeout=SLOW)
        a.page.wait_for_selector("#loading", state="detached", timeout=SLOW)
        assert "Traceback" not in a.page.inner_text("body")

        assert a.outside == [] and b.outside == [], "requests outside localhost"

        # the trainer's view counts answers written to the progress files
        (folder / "participants" / "bruno" / PROGRESS_FILE).write_text(
            json.dumps({"exercise": "1.1", "correct": True, "time": "2026-01-01T10:00:00"}) + "\n"
        )
        rows = dict((name, right) for name, right, _ in progress(folder))
        assert rows == {"amina": 0, "bruno": 1}
    finally:
        a.close()
        b.close()

    # stop it as a service manager would: nothing is left behind
    tree = psutil.Process(proc.pid).children(recursive=True)
    assert any("jupyterhub-singleuser" in " ".join(p.cmdline()) for p in tree)
    assert any("configurable-http-proxy" in " ".join(p.cmdline()) for p in tree)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(180) == 0
    gone, alive = psutil.wait_procs(tree, timeout=60)
    assert alive == [], f"left behind: {[p.cmdline() for p in alive]}"


def _kit_workshop(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, KIT_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("KIT_WORKSHOP_PASSWORD", None)
    return subprocess.run(
        [sys.executable, "-m", "kit.cli", "workshop", "--folder", str(tmp_path / "room"), "--host", "127.0.0.1", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_a_short_password_is_refused_clearly(tmp_path):
    out = _kit_workshop("--password", "short", "--port", str(free_port()), tmp_path=tmp_path)
    assert out.returncode == 2 and "8 characters" in out.stderr and "Traceback" not in out.stderr


def test_a_busy_port_is_refused_clearly(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = _kit_workshop("--password", PASSWORD, "--port", str(port), tmp_path=tmp_path)
    assert out.returncode == 2 and f"port {port} is already in use" in out.stderr
    assert "Traceback" not in out.stderr
