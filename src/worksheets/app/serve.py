"""`worksheets serve`: a page on 127.0.0.1 showing the latest build's pages, reloading after each rebuild.

Only loopback Host names are answered (a DNS-rebinding page gets 403), and only the latest build's
outputs and their preview PNGs are served: never the manifest, temporaries or other files.
"""

from __future__ import annotations

import html
import ipaddress
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote

from worksheets.app.edit import Editor
from worksheets.app.edit_http import answer_get, answer_post, same_origin, token_of
from worksheets.app.edit_http import page as edit_page
from worksheets.app.names import under
from worksheets.app.watch import PREVIEW, State, previews

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
const shown = {number}, early = {first};
// the document in view is rendered first by the next build: tell the server which one it is
const seen = new IntersectionObserver(entries => {{
  const top = entries.filter(e => e.isIntersecting).map(e => e.target.dataset.name)[0];
  if (top) fetch('/viewing?name=' + encodeURIComponent(top), {{cache: 'no-store'}}).catch(() => {{}});
}}, {{threshold: 0.5}});
document.querySelectorAll('.pdf').forEach(d => seen.observe(d));
setInterval(async () => {{
  try {{
    const state = await (await fetch('/state', {{cache: 'no-store'}})).json();
    if (state.number !== shown || state.first !== early) location.reload();
  }} catch (e) {{}}
}}, 700);
</script>
</body></html>
"""

IDLE_SECONDS = 5.0  # a connection that sends nothing (or stops sending) for this long is closed
MAX_PATH = 2048  # a longer request path gets 414 (http.server itself refuses request lines over 64 KB)
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _link(path: Path, out: Path) -> str:
    """A URL for a file under the output folder."""
    return "/file/" + quote(under(path, out) or "")


def page(state: State, title: str, out: Path) -> str:
    """The HTML page: the latest build's status, its problems, and each output with its page previews."""
    with state.lock:
        problems = ""
        if not state.ok:
            problems = '<div class="problems" id="problems">' + html.escape("\n".join(state.problems)) + "</div>"
        parts = []
        for pdf in state.outputs:
            if under(pdf, out) is None:
                continue
            tags = "".join(f'<img alt="{html.escape(i.name)}" src="{_link(i, out)}?v={state.number}">'
                           for i in previews(pdf))
            heading = f'<h2><a href="{_link(pdf, out)}">{html.escape(pdf.name)}</a></h2>'
            name = html.escape(under(pdf, out) or "", quote=True)
            parts.append(f'<div class="pdf" data-name="{name}">{heading}{tags}</div>')
        status = f"ok in {state.seconds:.2f} s" if state.ok else "problems (the pages below are the last good build)"
        return PAGE.format(title=html.escape(title), number=state.number, status=status, problems=problems,
                           pdfs="".join(parts), first=state.early)


def loopback_host(host: str | None, port: int) -> bool:
    """Whether a Host header names this machine (localhost, 127.0.0.0/8, [::1]), with no port or ours.

    A page on another site whose name was rebound to 127.0.0.1 still sends its own name: refused."""
    host = (host or "").strip()
    if host.startswith("["):  # an IPv6 address, bracketed
        name, bracket, rest = host[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return False
        given = rest[1:] if rest else None
    else:
        name, colon, given_text = host.partition(":")
        given = given_text if colon else None
    if given is not None and given != str(port):
        return False
    if not host.startswith("[") and name.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback and (address.version == 6) == host.startswith("[") and "%" not in name


def servable(state: State, out: Path, name: str) -> Path | None:
    """The file NAME (a decoded path under the output folder) is, if it is an output of the latest build
    or one of its preview PNGs and still a file inside the folder; None for anything else."""
    parts = name.split("/")
    if any(not part or part.startswith(".") for part in parts):
        return None
    with state.lock:
        outputs = {rel: pdf for pdf in state.outputs if (rel := under(pdf, out)) is not None}
    target = outputs.get(name)
    match = PREVIEW.fullmatch(parts[-1])
    if target is None and match is not None:
        pdf = outputs.get("/".join([*parts[:-1], match["stem"] + ".pdf"]))
        target = pdf.with_name(parts[-1]) if pdf is not None else None
    if target is None or under(target, out) != name or not target.is_file():
        return None
    return target


def page_image(state: State, out: Path, name: str) -> Path | None:
    """The editor's pages are drawn when asked for: a preview PNG's name (PDF-STEM-pN.png) beside one of the latest
    build's PDFs, within its pages, is rendered now if it is missing or older than the PDF."""
    from worksheets.app.preview import page_png, page_sizes

    folder, _, file = name.rpartition("/")
    match = PREVIEW.fullmatch(file)
    pdf = servable(state, out, f"{folder}/{match['stem']}.pdf" if folder else f"{match['stem']}.pdf") if match else None
    if pdf is None or match is None:
        return None
    return page_png(pdf, int(match["page"])) if int(match["page"]) <= len(page_sizes(pdf)) else None


def answer_viewer(request: Any, state: State, title: str, out: Path, path: str, editing: bool) -> None:
    """Answer the page's GETs: the page, /viewing, /state and the latest build's files (the editor's too)."""
    if path == "/":
        request.reply(200, page(state, title, out).encode("utf-8"), "text/html; charset=utf-8")
    elif path == "/viewing":
        request.reply(viewing(state, out, request.path), b"")
    elif path == "/state":
        with state.lock:
            data = {"number": state.number, "ok": state.ok, "problems": state.problems, "first": state.early}
        request.reply(200, json.dumps(data).encode("utf-8"), "application/json")
    elif (found := file_body(state, out, path, editing)) is not None:
        request.reply(200, found[1], _media_type(found[0]))
    else:
        request.reply(404, b"not found\n")


def file_body(state: State, out: Path, path: str, editing: bool) -> tuple[Path, bytes] | None:
    """A `/file/NAME` request's file and bytes: a latest output or its preview (in the editor drawn on demand,
    never a stale one); None for anything else, or a file removed or replaced since it was checked."""
    name = path[len("/file/"):]
    if not path.startswith("/file/"):
        return None
    target = page_image(state, out, name) if editing and name.endswith(".png") else servable(state, out, name)
    try:
        return (target, target.read_bytes()) if target is not None else None
    except OSError:
        return None


def _decode(raw: str) -> tuple[int, str]:
    """The request path, percent-decoded; or the 4xx status it earns (too long, bad escapes, control bytes)."""
    path = raw.split("?", 1)[0].split("#", 1)[0]
    if len(path) > MAX_PATH:
        return 414, ""
    if _BAD_PERCENT.search(path):
        return 400, ""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return 400, ""
    if any(ord(c) < 32 or ord(c) == 127 for c in decoded):
        return 400, ""
    return 200, decoded


def viewing(state: State, out: Path, request: str) -> int:
    """The page says which document is in view (`/viewing?name=`): one of the latest build's outputs, which the
    next build renders first (204); anything else is not taken (404)."""
    try:
        name = parse_qs(request.partition("?")[2], max_num_fields=2).get("name", [""])[0]
    except ValueError:  # more fields than asked for
        return 404
    target = servable(state, out, name) if name.endswith(".pdf") else None
    if target is None:
        return 404
    with state.lock:
        state.viewing = target
    return 204


def refusal(request: Any, port: int, editor: Editor | None) -> bytes | None:
    """Why a request is refused (403), or None: a foreign Host, or in the editor a request without the session's
    token or from another site's page."""
    hosts = request.headers.get_all("Host") or []
    if len(hosts) != 1 or not loopback_host(hosts[0], port):
        return b"forbidden: open this page as http://127.0.0.1 or http://localhost\n"
    if editor is not None and not (editor.allows(token_of(request))
                                   and same_origin(request, lambda host: loopback_host(host, port))):
        return b"forbidden: open the address worksheets printed (it carries this session's key)\n"
    return None


class _Server(ThreadingHTTPServer):
    """The threading server, quiet: a client that hangs up mid-answer is not worth a traceback."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


def make_server(state: State, title: str, out: Path, port: int, editor: Editor | None = None) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 only, serving the page, /state and the latest build's files; with an `editor`,
    the editor's page and its requests instead of the plain page, each carrying the session's token."""

    class Handler(BaseHTTPRequestHandler):
        timeout = IDLE_SECONDS  # StreamRequestHandler puts it on the socket: idle clients are dropped

        def log_message(self, format: str, *args: Any) -> None:
            pass

        log_error = log_message

        def reply(self, code: int, body: bytes, kind: str = "text/plain; charset=utf-8") -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")  # no other site's page shows ours inside its own
            self.send_header("Referrer-Policy", "no-referrer")  # the editor's address carries its token
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _refused(self) -> bool:
            """Answer 403 to a request `refusal` refuses; True if it was."""
            why = refusal(self, self.connection.getsockname()[1], editor)
            if why is not None:
                self.reply(403, why)
            return why is not None

        def do_POST(self) -> None:  # http.server's name
            if self._refused():
                return
            if editor is None:
                self.reply(405, b"method not allowed\n")
                return
            status, path = _decode(self.path)
            if status != 200:
                self.reply(status, b"bad request\n")
            else:
                answer_post(editor, self, path)

        def do_GET(self) -> None:  # http.server's name
            if self.path == "/favicon.ico":  # asked by every browser, token or not: there is none
                self.reply(204, b"")
                return
            if self._refused():
                return
            status, path = _decode(self.path)
            if status != 200:
                self.reply(status, b"bad request\n")
            elif editor is not None and path == "/":
                self.reply(200, edit_page(editor, title), "text/html; charset=utf-8")
            elif editor is not None and answer_get(editor, self, path, out):
                pass
            else:
                answer_viewer(self, state, title, out, path, editor is not None)

    return _Server(("127.0.0.1", port), Handler)


def _media_type(path: Path) -> str:
    """A preview PNG, or an output in one of the registered formats."""
    from worksheets.writers import format_of

    if path.suffix == ".png":
        return "image/png"
    fmt = format_of(path)
    return fmt.mime if fmt is not None else "application/octet-stream"


def warm(editing: bool) -> None:
    """Import now, on this thread, what answering requests needs. A build forks renderers while request threads
    run; a thread halfway through importing a module at that moment leaves that module locked in the child
    forever, so no request thread may import anything."""
    import encodings.utf_8_sig  # noqa: F401 - see above (the editor reads files with it)
    import html  # noqa: F401
    import io  # noqa: F401

    import pypdfium2  # noqa: F401
    from PIL import Image

    from worksheets.app import manifest, preview, write  # noqa: F401
    from worksheets.spec import files  # noqa: F401
    from worksheets.writers import format_of  # noqa: F401

    Image.preinit()  # the PNG writer, which saving a page's picture would otherwise import

    if editing:
        from worksheets.app.edit_http import schema_text

        schema_text()


def serve_in_background(server: ThreadingHTTPServer) -> threading.Thread:
    """Answer requests on a daemon thread until `server.shutdown()` (call `warm` first)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
