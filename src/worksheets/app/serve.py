"""`worksheets serve`: a page on 127.0.0.1 showing the latest build's pages, reloading after each rebuild."""

from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from worksheets.app.watch import State

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>worksheets: {title}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5rem; background: #f4f4f4; }}
.problems {{ color: #b00020; background: #fff0f0; border: 2px solid #b00020; padding: .5rem 1rem;
             white-space: pre-wrap; }}
.pdf {{ margin: 1rem 0; }} .pdf img {{ width: 220px; margin: 4px; box-shadow: 0 1px 4px #0004; background: white; }}
</style></head><body>
<h1>{title}</h1>
<p id="status">Build {number}: {status}</p>
{problems}
{pdfs}
<script>
const shown = {number};
setInterval(async () => {{
  try {{
    const state = await (await fetch('/state', {{cache: 'no-store'}})).json();
    if (state.number !== shown) location.reload();
  }} catch (e) {{}}
}}, 700);
</script>
</body></html>
"""


def _link(path: Path, out: Path) -> str:
    """A URL for a file under the output folder."""
    from urllib.parse import quote

    return "/file/" + quote(path.resolve().relative_to(out.resolve()).as_posix())


def page(state: State, title: str, out: Path) -> str:
    with state.lock:
        problems = ""
        if not state.ok:
            problems = '<div class="problems" id="problems">' + html.escape("\n".join(state.problems)) + "</div>"
        parts = []
        for pdf in state.outputs:
            images = sorted(pdf.parent.glob(f"{pdf.stem}-p*.png"), key=lambda p: int(p.stem.rsplit("-p", 1)[1]))
            tags = "".join(f'<img alt="{html.escape(i.name)}" src="{_link(i, out)}?v={state.number}">' for i in images)
            heading = f'<h2><a href="{_link(pdf, out)}">{html.escape(pdf.name)}</a></h2>'
            parts.append(f'<div class="pdf">{heading}{tags}</div>')
        status = f"ok in {state.seconds:.2f} s" if state.ok else "problems (the pages below are the last good build)"
        return PAGE.format(title=html.escape(title), number=state.number, status=status, problems=problems,
                           pdfs="".join(parts))


def make_server(state: State, title: str, out: Path, port: int) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 only, serving the page, /state and files under the output folder."""
    allowed = out.resolve()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, code: int, body: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # http.server's name
            path = self.path.split("?", 1)[0]
            if path == "/":
                self._send(200, page(state, title, out).encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/state":
                with state.lock:
                    data = {"number": state.number, "ok": state.ok, "problems": state.problems}
                self._send(200, json.dumps(data).encode("utf-8"), "application/json")
            elif path.startswith("/file/"):
                target = (allowed / unquote(path[len("/file/"):])).resolve()
                if not target.is_relative_to(allowed) or not target.is_file():
                    self._send(404, b"not found", "text/plain")
                    return
                kind = _media_type(target)
                self._send(200, target.read_bytes(), kind)
            else:
                self._send(404, b"not found", "text/plain")

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


def _media_type(path: Path) -> str:
    """A preview PNG, or an output in one of the registered formats."""
    from worksheets.writers import format_of

    if path.suffix == ".png":
        return "image/png"
    fmt = format_of(path)
    return fmt.mime if fmt is not None else "application/octet-stream"


def serve_in_background(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
