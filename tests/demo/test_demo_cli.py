"""`segbot demo` as a person runs it: one line with the address, SIGTERM stops it with exit 0."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import requests

SEGBOT = Path(sys.executable).with_name("segbot")


def test_demo_command_serves_until_sigterm_then_exits_zero(tmp_cwd: Path) -> None:
    command = [str(SEGBOT), "demo", "--customers", "120", "--port", "0", "--no-browser-hint"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp_cwd
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the demo is up (or has died)
        assert line.startswith("segbot demo is running on http://127.0.0.1:"), line
        url = line.split(" on ", 1)[1].split(" ", 1)[0]
        assert requests.get(url + "healthz", timeout=10).json()["db"] == "ok"
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert "segbot demo stopped" in rest
    assert (tmp_cwd / "segbot-demo.db").is_file()
