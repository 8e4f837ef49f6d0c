"""`serve` under attack: foreign Host names, files that are not the build's outputs, malformed requests,
idle connections, stray PNGs. Raw sockets, so the requests are exactly what a hostile client sends."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from worksheets.app.build import Options
from worksheets.app.watch import State

STRAYS = ("uses-student-pics.png", "uses-student-pZ.png", "notes-pics.png", "secret.pdf",
          ".uses-student.pdf.4242.abcd1234.worksheets-tmp", ".hidden.pdf")


@dataclass
class Site:
    """A running server over one finished build of uses.yaml."""

    port: int
    state: State
    out: Path


@pytest.fixture
def site(specs: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """uses.yaml built once (with a page-1 preview of each PDF, and stray files beside them), then served."""
    from worksheets.app.preview import thumbnails
    from worksheets.app.serve import make_server, serve_in_background
    from worksheets.app.watch import rebuild

    monkeypatch.chdir(specs)
    state = rebuild([Path("uses.yaml")], Options(), State(), prepare=lambda pdfs: [thumbnails(p, [1]) for p in pdfs])
    assert state.ok and len(state.outputs) == 2
    folder = specs / "output" / "uses"
    for name in STRAYS:
        shutil.copy(folder / ("uses-student-p1.png" if name.endswith(".png") else "uses-student.pdf"), folder / name)
    server = make_server(state, "uses", Path("output"), 0)
    thread = serve_in_background(server)
    try:
        yield Site(server.server_address[1], state, specs / "output")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def raw(port: int, data: bytes, seconds: float = 10.0) -> bytes:
    """Send DATA as it is and read the answer until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def status(answer: bytes) -> int:
    """The status code of a raw HTTP answer (an answer to an HTTP/0.9-looking line has no status line)."""
    if not answer.startswith(b"HTTP/"):
        return int(answer.split(b"Error code: ", 1)[1][:3])
    return int(answer.split(b" ", 2)[1])


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes, str]:
    """GET PATH with a chosen Host header (default: 127.0.0.1:PORT): status, body, content type."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("Content-Type") or ""
    finally:
        connection.close()


def test_only_loopback_host_names_are_answered(site):
    port = site.port
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.nip.io", "localhost.evil.example",
                 f"127.0.0.1:{port + 1}", f"localhost:{port}0", "localhost:", "[::2]", "192.168.1.10", "0.0.0.0",
                 "::1", "[127.0.0.1]", "", f"127.0.0.1:{port}@evil.example"):
        for path in ("/state", "/file/uses/uses-markscheme.pdf", "/"):
            code, body, kind = get(port, path, host)
            assert (code, kind) == (403, "text/plain; charset=utf-8"), (host, path)
            assert b"SECRET" not in body and len(body) < 200
    assert status(raw(port, b"GET /state HTTP/1.0\r\n\r\n")) == 403  # no Host at all
    assert status(raw(port, b"GET /state HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n")) == 403
    for host in ("localhost", f"localhost:{port}", "LocalHost", "127.0.0.1", f"127.0.0.1:{port}", "127.1.2.3",
                 f"127.1.2.3:{port}", "[::1]", f"[::1]:{port}"):
        code, body, _ = get(port, "/state", host)
        assert code == 200 and b'"number": 1' in body, host


def test_only_the_latest_builds_outputs_and_their_previews_are_served(site):
    port = site.port
    pdf = get(port, "/file/uses/uses-markscheme.pdf")
    assert (pdf[0], pdf[2]) == (200, "application/pdf") and pdf[1].startswith(b"%PDF")
    png = get(port, "/file/uses/uses-student-p1.png")
    assert (png[0], png[2]) == (200, "image/png") and png[1].startswith(b"\x89PNG")
    assert get(port, "/file/uses%2Fuses-student.pdf")[0] == 200  # the same file, its slash escaped
    refused = [
        "/file/.worksheets-manifest.json", "/file/%2eworksheets-manifest.json",
        "/file/uses/../.worksheets-manifest.json",
        *(f"/file/uses/{name}" for name in STRAYS), "/file/uses/uses-student-p2.png", "/file/uses/uses-student-p0.png",
        "/file/uses/../../uses.yaml", "/file/%2e%2e/bank.yaml", "/file/..%2f..%2fbank.yaml", "/file//etc/passwd",
        "/file/uses//uses-student.pdf", "/file/uses/./uses-student.pdf", "/file/", "/file", "/file/uses",
        "/output/uses/uses-student.pdf", "/file/" + str(site.out / "uses/uses-student.pdf"), "/favicon.ico/x",
    ]
    for path in refused:
        code, body, _ = get(port, path)
        assert (code, body) == (404, b"not found\n"), path
    assert get(port, "/favicon.ico")[:2] == (204, b"")  # every browser asks; there is none, and nothing else
    with site.state.lock:  # the mark scheme is no longer an output (say, built --no-mark-scheme since)
        site.state.outputs = [p for p in site.state.outputs if p.name == "uses-student.pdf"]
    assert get(port, "/file/uses/uses-markscheme.pdf")[0] == 404
    assert get(port, "/file/uses/uses-markscheme-p1.png")[0] == 404
    assert get(port, "/file/uses/uses-student.pdf")[0] == 200


def test_stray_pngs_beside_the_outputs_do_not_break_the_page(site):
    code, body, kind = get(site.port, "/")
    page = body.decode("utf-8")
    assert (code, kind) == (200, "text/html; charset=utf-8")
    assert "uses-student-p1.png" in page and "uses-markscheme-p1.png" in page
    assert "pics" not in page and "pZ" not in page


def test_malformed_requests_get_4xx_quietly_and_the_server_goes_on(site, capfd):
    capfd.readouterr()  # what the build printed
    port, host = site.port, b"Host: 127.0.0.1\r\n"
    requests = {
        b"GET /file/uses/a\x00b.pdf HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /file/uses/%00.pdf HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /file/uses/uses-student.pdf%00.png HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /file/%zz HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /file/uses/uses-student.pdf% HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /file/%ff%fe.pdf HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /file/%0a HTTP/1.1\r\n" + host + b"\r\n": (400,),
        b"GET /" + b"a" * 3000 + b" HTTP/1.1\r\n" + host + b"\r\n": (414,),
        b"GET /" + b"a" * 65536 + b" HTTP/1.1\r\n" + host + b"\r\n": (414,),
        b"GET / HTTP/1.1\r\n" + host + b"X-Big: " + b"b" * 70000 + b"\r\n\r\n": (431,),
        b"GET / HTTP/1.1\r\n" + host + b"".join(b"X-%d: 1\r\n" % i for i in range(120)) + b"\r\n": (431,),
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n": (400,),
        b"GET / HTTP/9.9\r\n" + host + b"\r\n": (400, 505),
        b"BREW /pot HTTP/1.1\r\n" + host + b"\r\n": (501,),
    }
    for request, codes in requests.items():
        answer = raw(port, request)
        assert answer and status(answer) in codes, request[:60]
    code, body, _ = get(port, "/state")
    assert code == 200 and b'"ok": true' in body
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_connection_that_sends_nothing_is_closed_and_does_not_block_others(site):
    within = 10.0  # seconds: "a few" (serve.IDLE_SECONDS is 5)
    idle = [socket.create_connection(("127.0.0.1", site.port), timeout=within + 5) for _ in range(3)]
    idle[1].sendall(b"GET / HTTP/1.1\r\n")  # a request line, then nothing
    idle[2].sendall(b"GET")  # half a request line, then nothing
    try:
        assert get(site.port, "/state")[0] == 200  # answered while they hang
        start = time.monotonic()
        for sock in idle:
            while sock.recv(65536):  # the server closes it (our own timeout would raise instead)
                pass
        assert time.monotonic() - start < within
    finally:
        for sock in idle:
            sock.close()
    assert get(site.port, "/state")[0] == 200


def _stdout_lines(process: subprocess.Popen[str], into: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        into.append(line)


def test_the_serve_command_keeps_a_teachers_pngs_and_answers_only_loopback(specs):
    folder = specs / "output" / "uses"
    folder.mkdir(parents=True)
    (folder / "uses-student-pics.png").write_bytes(b"a teacher's own file")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "worksheets", "serve", "uses.yaml", "--port", "0"], cwd=specs,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    threading.Thread(target=_stdout_lines, args=(process, lines), daemon=True).start()
    try:
        end = time.monotonic() + 60
        while time.monotonic() < end and not any(line.startswith("build 1:") for line in lines):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.1)
        address = next(line.split()[1] for line in lines if line.startswith("serving "))
        assert (folder / "uses-student-pics.png").read_bytes() == b"a teacher's own file"  # not taken for a preview
        page = urllib.request.urlopen(address, timeout=10).read().decode()
        assert "uses-student-p1.png" in page and "pics" not in page
        port = int(address.rstrip("/").rsplit(":", 1)[1])
        assert get(port, "/", "evil.example")[0] == 403
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def test_the_page_says_which_document_is_in_view_and_nothing_else_is_taken(site):
    port = site.port
    assert get(port, "/viewing?name=uses/uses-markscheme.pdf")[0] == 204
    with site.state.lock:
        assert site.state.viewing == Path("output/uses/uses-markscheme.pdf")
    for name in ("../uses.yaml", "uses/secret.pdf", "uses/uses-student-p1.png", ".worksheets-manifest.json",
                 "uses/../../etc/passwd.pdf", ""):
        assert get(port, "/viewing?name=" + urllib.parse.quote(name))[0] == 404, name
    with site.state.lock:
        assert site.state.viewing == Path("output/uses/uses-markscheme.pdf")
    page = get(port, "/")[1].decode()
    assert 'data-name="uses/uses-student.pdf"' in page and "/viewing?name=" in page
