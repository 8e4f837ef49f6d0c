"""The editor's requests (`serve --edit`): the page, its script, the schema, the files, saving and the build's state.

Every request must carry the session's token: in the page's address (`?token=`), then in the X-Worksheets-Token
header the page's script sends. A request from another site's page is also refused by its Origin; and a write
must come with the header, which no other site's page can send without a CORS approval this server never gives.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, quote

from worksheets.app import edit
from worksheets.app.edit import Editor
from worksheets.app.names import under

HEADER = "X-Worksheets-Token"
STATIC = Path(__file__).with_name("editor")
MAX_BODY = 4_000_000  # a save's JSON: the loader's largest file, escaped
LONG_POLL = 20.0  # seconds /api/state?after= waits for a new build before answering with the same one


class Request(Protocol):
    """What a route needs of the HTTP handler."""

    path: str
    headers: Any
    rfile: Any

    def reply(self, code: int, body: bytes, kind: str = ...) -> None:
        """Send the status, the body and its media type."""


def _query(raw: str) -> dict[str, str]:
    """A request's query fields, the first value of each; none for a query of more than 4 fields."""
    try:
        fields = parse_qs(raw.partition("?")[2], max_num_fields=4)
    except ValueError:
        return {}
    return {key: values[0] for key, values in fields.items()}


def token_of(request: Request) -> str | None:
    """The token the request carries, from its header or else its address."""
    return request.headers.get(HEADER) or _query(request.path).get("token")


def same_origin(request: Request, allowed: Any) -> bool:
    """A request whose Origin (if any) is this server's own loopback address; `allowed` checks a host."""
    origin = request.headers.get("Origin")
    if origin is None:
        return request.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none")
    scheme, _, host = origin.partition("://")
    return scheme == "http" and allowed(host)


@cache
def _static(name: str) -> bytes:
    """A file of the editor's page (editor.js, its licences, page.html), read once."""
    return (STATIC / name).read_bytes()


@cache
def schema_text() -> bytes:
    """The project's JSON Schema, as the editor completes and explains keys with it."""
    from worksheets.spec.schema import dumps

    return dumps().encode("utf-8")


def page(editor: Editor, title: str) -> bytes:
    """The editor's page, with the session's token and the spec's name filled in."""
    import html

    text = _static("page.html").decode("utf-8")
    return (text.replace("{{title}}", html.escape(title)).replace("{{token}}", html.escape(editor.token, quote=True))
            .encode("utf-8"))


def link_for(token: str) -> Any:
    """A function giving a file's URL under the output folder, carrying the token (or its plain name)."""
    def link(path: Path, out: Path, url: bool) -> str | None:
        name = under(path, out)
        if name is None:
            return None
        return f"/file/{quote(name)}?token={quote(token)}" if url else name

    return link


def answer_get(editor: Editor, request: Request, path: str, out: Path) -> bool:
    """Answer an editor GET; False when the path is not the editor's (the viewer's routes then answer it)."""
    if path == "/editor.js":
        request.reply(200, _static("editor.js"), "text/javascript; charset=utf-8")
    elif path == "/editor.js.LICENSES.txt":
        request.reply(200, _static("editor.js.LICENSES.txt"))
    elif path == "/api/schema":
        request.reply(200, schema_text(), "application/json")
    elif path == "/api/file":
        found = edit.read(editor, _query(request.path).get("name", ""))
        request.reply(200 if found else 404, json.dumps(found).encode("utf-8"), "application/json")
    elif path == "/api/state":
        query = _query(request.path)
        if "after" in query:
            number, _, early = query["after"].partition(".")
            if number.isdigit() and early.isdigit():
                edit.wait(editor.state, int(number), int(early), LONG_POLL)
        data = edit.view(editor, out, link_for(editor.token))
        request.reply(200, json.dumps(data).encode("utf-8"), "application/json")
    else:
        return False
    return True


def _body(request: Request) -> tuple[int, dict[str, Any]]:
    """A save's JSON body {name, text, base?}, or the 4xx status it earns."""
    try:
        length = int(request.headers.get("Content-Length", ""))
    except ValueError:
        return 411, {}
    if not 0 <= length <= MAX_BODY:
        return 413, {}
    try:
        body = json.loads(request.rfile.read(length))
    except ValueError:
        return 400, {}
    if (not isinstance(body, dict) or not isinstance(body.get("name"), str) or not isinstance(body.get("text"), str)
            or not isinstance(body.get("base", ""), str)):
        return 400, {}
    return 200, body


def answer_post(editor: Editor, request: Request, path: str) -> None:
    """Save a file (`POST /api/save`, JSON {name, text, base}), then build; anything else is refused. The token
    must come in the header: a form on another site can put it in the address, never in a header."""
    if path != "/api/save" or not editor.allows(request.headers.get(HEADER)):
        request.reply(403, b"forbidden\n")
        return
    status, body = _body(request)
    if status != 200:
        request.reply(status, b"bad request\n")
        return
    name = body["name"]
    try:
        saved = edit.save(editor, name, body["text"], body.get("base"))
    except edit.Conflict:
        request.reply(409, f"{name} changed on disk since it was opened: open it again\n".encode())
        return
    except UnicodeEncodeError:
        request.reply(400, b"the text is not valid Unicode\n")
        return
    except OSError as error:
        request.reply(500, f"could not save {name}: {error.strerror}\n".encode())
        return
    if not saved:
        request.reply(404, b"not an editable file\n")
        return
    with editor.state.lock:
        number, early = editor.state.number, editor.state.early
    editor.after_save()
    found = edit.read(editor, name)  # the file's new hash: the page's next save names it
    reply = {"saved": name, "number": number, "early": early, "base": found["base"] if found else None}
    request.reply(200, json.dumps(reply).encode(), "application/json")
