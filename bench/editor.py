"""The bench's "editor" row: `worksheets edit` on the example, as the page uses it. One question's wording is changed
and saved (each time new words), and the time is taken from the save being sent to the first page of the document
on screen received, redrawn; and to the whole build's end."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

OLD = "prompt: Explain one reason"


class _Page:
    """The requests the editor's page makes, with the session's token."""

    def __init__(self, address: str) -> None:
        match = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", address)
        assert match, address
        self.base, self.token = match[1], match[2]

    def get(self, path: str, data: bytes | None = None) -> bytes:
        request = urllib.request.Request(self.base + path, data=data, headers={
            "X-Worksheets-Token": self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.read()

    def state(self, after: str | None = None) -> dict:
        return json.loads(self.get("/api/state" + (f"?after={after}" if after else "")))


def _peak_mb(pid: int) -> float:
    """The largest resident size of a running process so far (Linux), in MB; 0 where it cannot be read."""
    try:
        line = next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return 0.0
    return int(line.split()[1]) / 1024


def save_to_page(ex: Path, runs: int, command: list[str]) -> tuple[float, float, int, float]:
    """Median seconds from a save to the on-screen page redrawn, and to the build's end; the documents built; and
    the editor process's peak memory (MB; its render processes are not counted)."""
    process = subprocess.Popen([*command, "edit", "terror.yaml", "--port", "0", "--out", "output-edit"], cwd=ex,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        page = _Page(process.stdout.readline())  # type: ignore[union-attr]
        while page.state()["number"] < 1:
            time.sleep(0.1)
        original = json.loads(page.get("/api/file?name=bank.yaml"))["text"]
        assert OLD in original
        shown, whole = [], []
        for edit in range(runs + 1):  # the first edit is the warm-up
            text = original.replace(OLD, f"prompt: Explain (draft {edit}) one reason")
            start = time.perf_counter()
            saved = json.loads(page.get("/api/save", json.dumps({"name": "bank.yaml", "text": text}).encode()))
            view = page.state(f"{saved['number']}.{saved['early']}")  # answered when the first document is written
            page.get(view["documents"][0]["pages"][0]["src"])
            shown.append(time.perf_counter() - start)
            while view["number"] == saved["number"]:
                view = page.state(f"{view['number']}.{view['early']}")
            whole.append(time.perf_counter() - start)
            assert view["ok"], view["problems"]
        page.get("/api/save", json.dumps({"name": "bank.yaml", "text": original}).encode())
        return (statistics.median(shown[1:]), statistics.median(whole[1:]), len(view["documents"]),
                _peak_mb(process.pid))
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    print(save_to_page(Path(sys.argv[1]), 5, [sys.executable, "-m", "worksheets"]))
