"""A Voilà server for the benchmarks, with its kernels and memory in view.

Started like ``kit serve`` (repository ``voila.json``, ``kit`` template, loopback
only) through :func:`kit.testing.start_voila`; the benchmarks add psutil readings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.testing import start_voila  # noqa: E402 - the checkout is put on sys.path above


class Server:
    """``voila <folder>`` with a cache folder of its own; ``extra`` goes to Voilà's command line; ``report``: the
    report or folder of documents the apps open (``KIT_REPORT``; default: the bundled report)."""

    def __init__(
        self,
        folder: Path | str,
        cache: Path | str,
        log: Path | str,
        extra: list[str] | None = None,
        report: Path | str | None = None,
    ):
        env = dict(os.environ, KIT_CACHE_DIR=str(cache))
        env.pop("KIT_REPORT", None)
        if report is not None:
            env["KIT_REPORT"] = str(report)
        self.log = open(log, "a")
        try:
            self.proc, self.port = start_voila(env=env, extra=extra, folder=folder, stdout=self.log)
        except RuntimeError as exc:
            self.log.close()
            raise RuntimeError(f"voila did not start, see {log}") from exc

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{page}.ipynb"

    def _tree(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.proc.pid)
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    def kernels(self) -> list[psutil.Process]:
        """Live kernel processes (an exited kernel briefly stays a zombie: not counted)."""
        found = []
        for p in self._tree()[1:]:
            try:
                if p.status() != psutil.STATUS_ZOMBIE and any("ipykernel" in part for part in p.cmdline()):
                    found.append(p)
            except psutil.Error:
                pass
        return found

    def rss_total(self) -> int:
        """Bytes of resident memory of the server and all its kernels."""
        total = 0
        for p in self._tree():
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
