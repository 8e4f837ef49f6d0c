"""`worksheets serve --edit`: the files it lists, saving, the token and origin checks, pages drawn on demand, and
the whole loop in a real browser (type, complete, break, see the underline, fix, see the page change)."""

from __future__ import annotations

import http.client
import json
import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import needs_browser, wait_until
from worksheets.app.build import Options


class Session:
    """An editing server on a free port, with its watcher running: requests as the page would make them."""

    def __init__(self, spec: Path, options: Options) -> None:
        from worksheets.app.edit import Editor, builder
        from worksheets.app.serve import make_server, serve_in_background, warm
        from worksheets.app.watch import State, rebuild, watch

        self.state, self.stop = State(), threading.Event()
        self.editor = Editor(spec, options, self.state)
        self.editor.after_save = builder(lambda: rebuild([spec], options, self.state), print)
        self.server = make_server(self.state, spec.stem, options.out, 0, self.editor)
        warm(True)
        serve_in_background(self.server)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=watch, args=([spec], options, lambda s: None, self.stop, self.state),
                                       daemon=True)
        self.thread.start()
        wait_until(lambda: self.state.number >= 1)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.editor.token}"

    def request(self, method: str, path: str, body: object = None, token: bool = True,
                headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        sent = {"X-Worksheets-Token": self.editor.token} if token else {}
        sent.update(headers or {})
        data = json.dumps(body).encode() if body is not None else None
        if data is not None:
            sent["Content-Type"] = "application/json"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=data, headers=sent)
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    def json(self, path: str) -> dict:
        status, body = self.request("GET", path)
        assert status == 200, body
        return json.loads(body)

    def save(self, name: str, text: str) -> dict:
        """Save as the page does, and wait for the build it starts; the build's view."""
        status, body = self.request("POST", "/api/save", {"name": name, "text": text})
        assert status == 200, body
        saved = json.loads(body)
        wait_until(lambda: self.state.number > saved["number"])
        return self.json("/api/state")

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.thread.join(timeout=10)


@pytest.fixture
def session(specs, monkeypatch):
    monkeypatch.chdir(specs)
    running = Session(Path("uses.yaml"), Options())
    yield running
    running.close()


def test_the_editor_lists_the_spec_and_the_banks_it_uses_and_nothing_else(session):
    view = session.json("/api/state")
    assert view["files"] == ["uses.yaml", "bank.yaml"]  # not basic.yaml, russia.yaml ... beside them
    assert view["ok"] and [d["label"] for d in view["documents"]] == ["student", "markscheme"]
    file = session.json("/api/file?name=bank.yaml")
    assert file["kind"] == 2 and "SECRET-BANK-ANSWER" in file["text"]
    assert session.json("/api/file?name=uses.yaml")["kind"] == 0
    for name in ("basic.yaml", "../specs/bank.yaml", "/etc/passwd", "output/.worksheets-manifest.json", ""):
        assert session.request("GET", f"/api/file?name={name}")[0] == 404


def test_a_save_writes_the_file_atomically_builds_once_and_updates_the_pages(session, specs):
    bank = specs / "bank.yaml"
    before = session.json("/api/state")
    text = session.json("/api/file?name=bank.yaml")["text"]
    view = session.save("bank.yaml", text.replace("Why was the bridge closed?", "Why did the bridge close?"))
    assert "Why did the bridge close?" in bank.read_text(encoding="utf-8")
    assert not list(specs.glob(".bank.yaml.*"))  # no temporary file left
    assert view["ok"] and view["number"] == before["number"] + 1
    time.sleep(1.0)  # the watcher saw the file change too: the editor's own save is not built twice
    assert session.state.number == view["number"]
    from helpers import pdf_text

    assert "Why did the bridge close?" in pdf_text(specs / "output/uses/uses-student.pdf")


def test_a_save_that_breaks_the_spec_is_kept_and_its_problem_is_placed(session, specs):
    text = session.json("/api/file?name=bank.yaml")["text"]
    view = session.save("bank.yaml", text.replace("marks: 3", "marks: three"))
    assert "marks: three" in (specs / "bank.yaml").read_text(encoding="utf-8")  # the teacher's words are kept
    assert not view["ok"]
    [problem] = view["problems"]
    assert problem["file"] == "bank.yaml" and problem["line"] == 8 and problem["column"] == 12
    assert problem["text"].startswith("bank.yaml:8:12: ")
    assert [d["label"] for d in view["documents"]] == ["student", "markscheme"]  # the last good pages stay
    assert session.request("GET", view["documents"][0]["pages"][0]["src"])[0] == 200


def test_line_endings_are_kept(session, specs):
    bank = specs / "bank.yaml"
    bank.write_bytes(bank.read_bytes().replace(b"\n", b"\r\n"))
    wait_until(lambda: session.state.number >= 2)
    text = session.json("/api/file?name=bank.yaml")["text"]
    assert "\r" not in text  # the editor works in \n
    session.save("bank.yaml", text.replace("closed?", "shut?"))
    assert b"shut?\r\n" in bank.read_bytes() and b"\n" not in bank.read_bytes().replace(b"\r\n", b"")


def test_pages_are_drawn_when_asked_for(session, specs):
    document = session.json("/api/state")["documents"][0]
    page = document["pages"][0]
    assert page["size"] == [612, 792]  # letter, in points: the page keeps the room before it is drawn
    status, body = session.request("GET", page["src"])
    assert status == 200 and body.startswith(b"\x89PNG")
    beyond = page["src"].replace("-p1.png", f"-p{len(document['pages']) + 1}.png")
    assert session.request("GET", beyond)[0] == 404
    assert session.request("GET", document["pdf"])[1].startswith(b"%PDF")


def test_no_other_page_can_read_or_write(session, specs):
    bank = specs / "bank.yaml"
    text = bank.read_text(encoding="utf-8")
    assert session.request("GET", "/", token=False)[0] == 403
    assert session.request("GET", f"/?token={session.editor.token}", token=False)[0] == 200
    assert session.request("GET", "/api/file?name=bank.yaml", token=False)[0] == 403
    assert session.request("GET", "/api/file?name=bank.yaml", token=False,
                           headers={"X-Worksheets-Token": "guess"})[0] == 403
    change = {"name": "bank.yaml", "text": "stolen: true\n"}
    # the token in the address is not enough to write: a form on another site could send that
    assert session.request("POST", f"/api/save?token={session.editor.token}", change, token=False)[0] == 403
    assert session.request("POST", "/api/save", change, headers={"Origin": "http://evil.example"})[0] == 403
    assert session.request("POST", "/api/save", change, headers={"Host": "evil.example"})[0] == 403
    assert session.request("GET", "/api/state", headers={"Host": f"rebound.example:{session.port}"})[0] == 403
    assert session.request("POST", "/api/save", {"name": "basic.yaml", "text": "x"})[0] == 404
    assert session.request("POST", "/api/save", {"name": "new.yaml", "text": "x"})[0] == 404
    assert session.request("POST", "/api/save", {"name": ["bank.yaml"], "text": "x"})[0] == 400
    assert session.request("POST", "/api/save", headers={"Content-Length": "9999999999"})[0] in (411, 413)
    assert bank.read_text(encoding="utf-8") == text and not (specs / "new.yaml").exists()


@pytest.mark.parametrize("uses", ["../shared.yaml", "linked.yaml"])
def test_a_bank_outside_the_spec_folder_is_not_listed(tmp_path, monkeypatch, uses):
    from worksheets.app.build import build
    from worksheets.app.edit import Editor, files, read
    from worksheets.app.watch import State

    (tmp_path / "shared.yaml").write_text("questions:\n  - id: q\n    prompt: Why?\n    marks: 2\n", encoding="utf-8")
    (tmp_path / "class").mkdir()
    (tmp_path / "class/linked.yaml").symlink_to(tmp_path / "shared.yaml")  # inside by name, outside in fact
    spec = tmp_path / "class/sheet.yaml"
    spec.write_text(f"worksheet:\n  title: T\n  uses: [{uses}]\n  contents:\n    - questions: [q]\n",
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = Options(out=tmp_path / "out", root=tmp_path)
    build([spec], options)
    editor = Editor(spec, options, State())
    assert list(files(editor)) == ["sheet.yaml"]
    assert read(editor, "linked.yaml") is None and read(editor, "../shared.yaml") is None


NAMES = ["uses.yaml", "bank.yaml", "./uses.yaml", "uses.yaml/", "../specs/uses.yaml", "basic.yaml", "/etc/passwd",
         "output/uses/uses-student.pdf", ".worksheets-manifest.json", "link.yaml", "USES.YAML", "uses.yaml\x00",
         "%2e%2e/uses.yaml", "uses.yaml ", "sub/../uses.yaml"]


@pytest.fixture(scope="module")
def spare(tmp_path_factory):
    """A copy of tests/specs with a link to a file outside it, for the names a page might send."""
    import shutil

    folder = tmp_path_factory.mktemp("names") / "specs"
    shutil.copytree(Path(__file__).parent.parent / "specs", folder)
    (folder / "link.yaml").symlink_to("/etc/hostname")
    return folder


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.sampled_from(NAMES), st.text(max_size=30)))
def test_a_name_from_the_page_opens_and_saves_only_a_listed_file(spare, name):
    from worksheets.app.edit import Editor, read, save
    from worksheets.app.watch import State

    editor = Editor(spare / "uses.yaml", Options(out=spare / "no-output", root=spare), State())
    listed = {"uses.yaml"}  # no build recorded: the spec alone
    assert (read(editor, name) is not None) == (name in listed)
    if name not in listed:
        assert save(editor, name, "stolen: true\n") is False


def test_a_save_keeps_the_file_permissions_and_refuses_a_file_changed_since_it_was_read(specs, monkeypatch):
    from worksheets.app.edit import Conflict, Editor, read, save
    from worksheets.app.watch import State

    monkeypatch.chdir(specs)
    spec = specs / "uses.yaml"
    os.chmod(spec, 0o640)
    editor = Editor(spec, Options(), State())
    opened = read(editor, "uses.yaml")
    assert save(editor, "uses.yaml", opened["text"] + "# one\n", opened["base"])
    assert spec.stat().st_mode & 0o777 == 0o640
    with pytest.raises(Conflict):  # the page's copy is of the file before that save
        save(editor, "uses.yaml", opened["text"] + "# two\n", opened["base"])
    assert spec.read_text(encoding="utf-8").endswith("# one\n")
    with pytest.raises(UnicodeEncodeError):
        save(editor, "uses.yaml", "\ud800", None)
    assert spec.read_text(encoding="utf-8").endswith("# one\n")


def test_save_answers_conflicts_bad_text_and_an_empty_token_header(session, specs):
    opened = session.json("/api/file?name=bank.yaml")
    (specs / "bank.yaml").write_text(opened["text"] + "# from elsewhere\n", encoding="utf-8")
    status, body = session.request("POST", "/api/save", {"name": "bank.yaml", "text": "x: 1\n", "base": opened["base"]})
    assert status == 409 and b"changed on disk" in body
    status, _ = session.request("POST", "/api/save", {"name": "bank.yaml", "text": "\ud800"})
    assert status == 400
    status, _ = session.request("POST", f"/api/save?token={session.editor.token}", {"name": "bank.yaml", "text": "x"},
                                token=False, headers={"X-Worksheets-Token": ""})
    assert status == 403
    status, _ = session.request("GET", "/api/file?name=bank.yaml", headers={"Origin": "http://evil.example"})
    assert status == 403
    assert (specs / "bank.yaml").read_text(encoding="utf-8").endswith("# from elsewhere\n")


def test_a_busy_port_is_one_line(run, specs):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("edit", "uses.yaml", "--port", str(port), cwd=specs)
    assert result.code == 1 and len(result.lines) == 1
    assert result.stderr.startswith(f"worksheets: cannot listen on 127.0.0.1:{port}: ")


@needs_browser
def test_edit_in_a_real_browser_complete_break_see_the_underline_fix_see_the_page(session, specs, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(session.address)
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line"), 20)
    wait_until(lambda: "Build 1: ok" in browser.find_element(By.ID, "status").text, 20)
    assert "title: Uses a bank" in browser.find_element(By.CSS_SELECTOR, ".cm-content").text
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#pages img"))
    first = browser.find_element(By.CSS_SELECTOR, "#pages img").get_attribute("src")
    drawn = session.request("GET", first.removeprefix(f"http://127.0.0.1:{session.port}"))[1]

    # completion from the schema: a new key under worksheet:
    line = browser.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line")[3]  # "  paper: letter"
    line.click()
    ActionChains(browser).send_keys(Keys.END, Keys.ENTER, "subt").perform()
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li"), 10)
    options = [o.text for o in browser.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li")]
    assert any("subtitle" in o for o in options), options
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()

    # a mistake: saved anyway, underlined at its line, the message on hover, the pages marked stale
    ActionChains(browser).send_keys("itle: [not, a, string\n").key_down(Keys.CONTROL).send_keys("s").key_up(
        Keys.CONTROL).key_down(Keys.CONTROL).send_keys(Keys.HOME).key_up(Keys.CONTROL).send_keys(
        "# typed while it builds\n").perform()  # after the save: the underline must follow it down a line
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, ".cm-lintRange-error"), 20)
    assert "subtitle: [not, a, string" in (specs / "uses.yaml").read_text(encoding="utf-8")
    assert "problem" in browser.find_element(By.ID, "status").text
    assert "stale" in browser.find_element(By.ID, "right").get_attribute("class")
    underline = browser.find_element(By.CSS_SELECTOR, ".cm-lintRange-error")
    lines = browser.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line")
    broken = next(i for i, line in enumerate(lines) if underline in line.find_elements(By.XPATH, ".//*"))
    problem = browser.find_element(By.CSS_SELECTOR, "#problems li").text
    assert problem.startswith(f"uses.yaml:{broken}:"), problem  # the saved file's line; one line added since
    assert "subtitle: [not, a, string" in lines[broken].text
    ActionChains(browser).move_to_element(underline).perform()
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, ".cm-tooltip-lint"), 10)
    assert problem.split(": ", 1)[1] in browser.find_element(By.CSS_SELECTOR, ".cm-tooltip-lint").text

    # fixed: the underline goes, the page is redrawn with the new subtitle
    text = session.json("/api/file?name=uses.yaml")["text"].replace("[not, a, string", "Bridges of 1901")
    browser.execute_script("editorForTests().load(arguments[0], null)", text)  # as if typed
    browser.find_element(By.ID, "save").click()
    wait_until(lambda: not browser.find_elements(By.CSS_SELECTOR, ".cm-lintRange-error"), 20)
    wait_until(lambda: "ok" in browser.find_element(By.ID, "status").text, 20)
    wait_until(lambda: browser.find_element(By.CSS_SELECTOR, "#pages img").get_attribute("src") != first, 20)
    assert "stale" not in browser.find_element(By.ID, "right").get_attribute("class")
    now = browser.find_element(By.CSS_SELECTOR, "#pages img").get_attribute("src")
    assert session.request("GET", now.removeprefix(f"http://127.0.0.1:{session.port}"))[1] != drawn  # redrawn
    from helpers import pdf_text

    assert "Bridges of 1901" in pdf_text(specs / "output/uses/uses-student.pdf")

    # values complete too: the paper sizes the schema names
    paper = next(line for line in browser.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line")
                 if line.text.strip() == "paper: letter")
    paper.click()
    ActionChains(browser).send_keys(Keys.END, *[Keys.BACKSPACE] * len("letter"), "l").perform()
    wait_until(lambda: [o.text for o in browser.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li")]
               == ["letter"], 10)


@needs_browser
def test_a_page_from_another_origin_cannot_write_even_with_the_token(session, specs, browser):
    """The worst case: another site's page knows the token (it cannot, but say it leaked) and tries a form post
    and a fetch. The form cannot send the header; the fetch's header needs a CORS approval never given."""
    import http.server

    token, port = session.editor.token, session.port
    attack = f"""<!doctype html><form id=f method=post enctype=text/plain
      action="http://127.0.0.1:{port}/api/save?token={token}"><input name='{{"name":"bank.yaml","text":"x","y":"'
      value='"}}'></form><script>
      fetch("http://127.0.0.1:{port}/api/save", {{method: "POST", headers: {{"X-Worksheets-Token": "{token}",
        "Content-Type": "application/json"}}, body: JSON.stringify({{name: "bank.yaml", text: "stolen"}})}})
        .then(() => document.title = "fetched", () => document.title = "refused")
        .finally(() => document.getElementById("f").submit());
    </script>""".encode()

    class Attacker(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(attack)

        def log_message(self, *args: object) -> None:
            pass

    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    bank = specs / "bank.yaml"
    before = bank.read_bytes()
    try:
        browser.get(f"http://127.0.0.1:{other.server_address[1]}/")
        wait_until(lambda: "forbidden" in browser.page_source or browser.title == "fetched", 20)
    finally:
        other.shutdown()
    assert bank.read_bytes() == before
    assert session.state.number == 1  # nothing saved, nothing built


def test_pictures_of_pages_a_document_no_longer_has_are_removed(run, specs):
    from worksheets.app.preview import page_sizes, prune

    assert run("build", "uses.yaml", cwd=specs).code == 0
    pdf = specs / "output/uses/uses-student.pdf"
    count = len(page_sizes(pdf))
    for page in range(1, count + 3):
        pdf.with_name(f"uses-student-p{page}.png").write_bytes(b"old")
    (specs / "output/uses/notes-pics.png").write_bytes(b"the teacher's")
    prune(pdf)
    left = sorted(p.name for p in pdf.parent.glob("*.png"))
    assert left == sorted(["notes-pics.png", *(f"uses-student-p{page}.png" for page in range(1, count + 1))])


def test_editing_a_spec_that_is_not_there_is_one_line(run, specs):
    result = run("edit", "nothing.yaml", "--port", "0", cwd=specs)
    assert result.code == 1 and result.lines == [
        "nothing.yaml: no such file (`worksheets new NAME` makes a spec to start from)"]
    (specs / "folder.yaml").mkdir()
    result = run("edit", "folder.yaml", "--port", "0", cwd=specs)
    assert result.code == 1 and len(result.lines) == 1 and result.lines[0].startswith("folder.yaml: cannot be edited")


class _Posted:
    """A request as answer_post sees it: its headers and body, and what it was answered."""

    def __init__(self, body: bytes, headers: dict[str, str]) -> None:
        import io

        self.path, self.headers, self.rfile = "/api/save", headers, io.BytesIO(body)
        self.answered: list[int] = []

    def reply(self, code: int, body: bytes, kind: str = "") -> None:
        self.answered.append(code)


@settings(max_examples=150, deadline=None)
@given(body=st.one_of(st.binary(max_size=200), st.builds(lambda o: json.dumps(o).encode(), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["name", "text", "base", "x"]),
                                                                  inner, max_size=4), max_leaves=8))),
       length=st.one_of(st.none(), st.sampled_from(["", "-1", "abc", "99999999999"])))
def test_any_body_a_page_posts_is_answered_never_raised_and_writes_nothing_unlisted(spare, body, length):
    from worksheets.app.edit import Editor
    from worksheets.app.edit_http import HEADER, answer_post
    from worksheets.app.watch import State

    editor = Editor(spare / "uses.yaml", Options(out=spare / "no-output", root=spare), State())
    before = {p: p.read_bytes() for p in spare.glob("*.yaml") if p.name != "uses.yaml"}
    headers = {HEADER: editor.token, "Content-Length": str(len(body)) if length is None else length}
    request = _Posted(body, headers)
    answer_post(editor, request, "/api/save")
    assert len(request.answered) == 1 and request.answered[0] in (200, 400, 404, 409, 411, 413)
    assert {p: p.read_bytes() for p in spare.glob("*.yaml") if p.name != "uses.yaml"} == before
