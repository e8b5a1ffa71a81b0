"""``kit check-room``: the day-before checklist says what each set-up needs, and names plan B when ``kit workshop``
cannot start."""

from __future__ import annotations

import socket

import pytest

import kit.room
import kit.workshop
from kit.cli import main
from kit.i18n import translator
from kit.room import SETUPS, check_room, ready


@pytest.fixture()
def no_proxy(monkeypatch):
    monkeypatch.setattr(kit.workshop, "_proxy_command", lambda folder: None)


@pytest.fixture()
def on_a_network(monkeypatch):
    monkeypatch.setattr(kit.room, "_room_ip", lambda: "192.0.2.7")


def test_a_laptop_without_nodes_proxy_gets_plan_b(no_proxy, on_a_network, capsys):
    assert main(["check-room", "--port", "0", "--serve-port", "0"]) == 1
    out = capsys.readouterr().out
    assert "✘ JupyterHub's proxy is installed" in out and "npm install -g configurable-http-proxy" in out
    assert "Plan B" in out and "kit serve" in out and "kit handout" in out and "kit notebooks" in out
    ready_part = out.split("Ready for:")[1].split("kit workshop cannot start")[0]
    assert "JupyterHub on this laptop" not in ready_part and "kit serve" in ready_part


def test_a_busy_port_is_named(on_a_network):
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        checks = check_room(workshop_port=port, serve_port=0)
    bad = [c for c in checks if not c.ok]
    assert [c.id for c in bad if c.id.endswith("port")] == ["workshop_port"]
    assert str(port) in bad[-1].what or any(str(port) in c.what for c in bad)
    assert "workshop" not in ready(checks)


def test_each_setup_is_ready_exactly_when_the_checks_it_needs_pass(no_proxy, on_a_network):
    checks = check_room(workshop_port=0, serve_port=0)
    assert {c.id for c in checks} >= {"report", "notebooks", "checker", "plotly", "proxy", "address"}
    for setup in SETUPS:
        assert (setup in ready(checks)) == all(c.ok for c in checks if setup in c.needed_by), setup
    assert "paper" in ready(checks)  # the printed handout needs only the report


def test_the_checklist_in_french(no_proxy, on_a_network, capsys):
    assert main(["check-room", "--lang", "fr", "--port", "0", "--serve-port", "0"]) == 1
    out = capsys.readouterr().out
    _ = translator("fr").gettext
    assert _("the report loads") != "the report loads" and _("the report loads") in out
    assert _("Ready for:") in out and "Ready for:" not in out
