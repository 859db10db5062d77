"""Serve the dashboard with `streamlit run` and drive Debian's Chromium through Playwright.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium. Without
Chromium the browser tests skip, unless REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    """Path of the system Chromium, or skip (fail under REQUIRE_BROWSER=1)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but no Chromium is installed (apt-get install chromium)")
        pytest.skip("Chromium not installed")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_dashboard(data_dir: Path, *, timeout: float = 60.0, env: dict | None = None):
    """Run the app on a free port against ``data_dir`` (``env``: more variables); yields its
    base URL."""
    port = free_port()
    env = dict(os.environ, NEWS_DATA_DIR=str(data_dir), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
               **(env or {}))
    log = open(Path(data_dir).parent / f"streamlit-{port}.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                raise RuntimeError("dashboard did not start: "
                                   + (Path(log.name).read_text()[-2000:]))
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
