"""Binder and workshop deployment: the environment builds from binder/ alone and serves the apps.

No Docker here, so the test does what repo2docker would do: a fresh virtual
environment, ``pip install -r binder/requirements.txt``, then ``binder/postBuild``
from the repository root; then it starts Voilà the way Binder does (as a Jupyter
server extension, with the repository's voila.json) and renders every app.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
import venv
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from kit.testing import free_port, start_voila, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def test_readme_badges_point_at_notebooks_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\((https://mybinder\.org/v2/gh/[^)\s]+)\)", readme)
    assert len(links) >= 2, "README needs a JupyterLab badge and a Voilà badge"
    kinds = set()
    for link in links:
        urlpath = unquote(parse_qs(urlparse(link).query)["urlpath"][0])
        if urlpath.startswith("voila/render/"):
            kinds.add("voila")
            assert (ROOT / urlpath.removeprefix("voila/render/")).is_file(), urlpath
        elif urlpath.startswith("lab"):
            kinds.add("lab")
            target = urlpath.removeprefix("lab/tree/").removeprefix("lab")
            assert not target or (ROOT / target).exists(), urlpath
    assert kinds == {"voila", "lab"}


def test_voila_config_is_safe_for_serving():
    config = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    voila = {**config.get("VoilaConfiguration", {}), **config.get("Voila", {})}
    assert voila.get("show_tracebacks") is False
    assert voila.get("strip_sources", True) is True
    kernel = config.get("MappingKernelManager", {})
    assert kernel.get("cull_idle_timeout", 0) > 0  # idle kernels are culled: memory comes back


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A fresh environment built from binder/ alone, as repo2docker would."""
    env_dir = tmp_path_factory.mktemp("binder") / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "-r", ROOT / "binder" / "requirements.txt"],
                   check=True, cwd=ROOT)
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    subprocess.run(["bash", ROOT / "binder" / "postBuild"], check=True, cwd=ROOT, env=env)
    return python, env


def test_binder_environment_serves_every_app(binder_env):
    python, env = binder_env
    out = subprocess.run([python, "-c", "import kit, ipywidgets, voila; print(len(kit.load_report().paragraphs))"],
                         capture_output=True, text=True, env=env, cwd="/", check=True)
    assert out.stdout.strip() == "71"
    port = free_port()
    token = "binder-test"
    server = subprocess.Popen(
        [python, "-m", "jupyter", "server", f"--port={port}", "--no-browser", f"--IdentityProvider.token={token}",
         "--ServerApp.ip=127.0.0.1", "--allow-root"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/api/status?token={token}", server)
        for app in APPS:
            url = f"http://127.0.0.1:{port}/voila/render/notebooks/{app}?token={token}"
            html = urllib.request.urlopen(url, timeout=180).read().decode("utf-8")
            assert "application/vnd.jupyter.widget-state+json" in html or "jupyter-widgets" in html, app
            assert "Traceback" not in html, app
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def voila_server():
    """Voilà as `kit serve` runs it (repository config), on a free loopback port."""
    proc, port = start_voila()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_served_apps_refuse_code_sent_over_the_kernel_websocket(voila_server, tmp_path):
    """A participant's browser can talk to widgets but cannot run code in the kernel."""
    import asyncio
    import uuid

    from tornado.websocket import websocket_connect

    html = urllib.request.urlopen(f"http://{voila_server}/voila/render/overview.ipynb", timeout=180).read().decode()
    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html).group(1)
    marker = tmp_path / "executed"

    def message(msg_type: str, content: dict, channel: str = "shell") -> str:
        return json.dumps({"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "t",
                                      "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                           "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
                           "buffers": []})

    async def probe() -> list[str]:
        ws = await websocket_connect(f"ws://{voila_server}/api/kernels/{kernel_id}/channels")
        ws.write_message(message("execute_request", {
            "code": f"open({str(marker)!r}, 'w').write('ran')", "silent": False, "store_history": False,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}))
        ws.write_message(message("kernel_info_request", {}))
        seen = []
        deadline = asyncio.get_event_loop().time() + 20
        while asyncio.get_event_loop().time() < deadline:
            try:
                raw = await asyncio.wait_for(ws.read_message(), timeout=2)
            except asyncio.TimeoutError:
                if "kernel_info_reply" in seen:
                    break
                continue
            if raw is None:
                break
            if isinstance(raw, str):
                seen.append(json.loads(raw)["header"]["msg_type"])
        ws.close()
        return seen

    # In a thread of its own: other tests (Playwright, nbval) may leave an event loop running in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        seen = pool.submit(lambda: asyncio.run(probe())).result()
    assert "kernel_info_reply" in seen  # the socket works: allowed messages are answered
    assert "execute_reply" not in seen and "execute_input" not in seen
    assert not marker.exists()
