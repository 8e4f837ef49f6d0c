"""The teacher's workflow: new (templates), preview, watch and serve."""

from __future__ import annotations

import re
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import flat, needs_browser, pdf_text, wait_until
from worksheets.app.build import Options


def test_every_template_builds_at_once_and_explains_itself(run, tmp_path):
    from worksheets.app.new import TEMPLATES

    for template in TEMPLATES:
        name = f"t-{template}"
        assert run("new", name, "--template", template, cwd=tmp_path).code == 0
        folder = tmp_path / name
        spec = (folder / f"{name}.yaml").read_text(encoding="utf-8")
        assert spec.startswith("# yaml-language-server: $schema=./worksheets.schema.json\n")
        assert spec.count("#") >= 2  # commented
        result = run("build", f"{name}/{name}.yaml", cwd=tmp_path)
        assert result.code == 0, result.stderr
        for scheme in (tmp_path / "output" / name).glob("*-markscheme.pdf"):  # every question says how to mark it
            assert "No model answer or mark scheme given" not in flat(pdf_text(scheme)), scheme.name
    assert (tmp_path / "t-primary" / "images" / "plant.png").read_bytes().startswith(b"\x89PNG")  # its picture
    primary = flat(pdf_text(tmp_path / "output" / "t-primary" / "t-primary-student.pdf"))
    assert "Label the parts of the plant." in primary and "Complete the crossword." in primary
    assert run("new", "x", "--template", "cooking", cwd=tmp_path).lines == [
        "cooking: unknown template (choose one of: history-sources, science-recall, maths, science, primary, blank)"]


def test_preview_writes_png_pages_beside_the_pdfs(run, specs):
    result = run("preview", "basic.yaml", "--role", "student", "--page", "1", cwd=specs)
    assert result.code == 0, result.stderr
    png = specs / "output/basic/basic-student-p1.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    from PIL import Image

    with Image.open(png) as image:
        assert image.size[1] > image.size[0] > 400  # an A4 page at 60 dpi is about 496 x 702


def _wait(predicate: Callable[[], bool], seconds: float = 20.0) -> None:
    wait_until(predicate, seconds)


def test_watch_rebuilds_on_a_real_file_change_and_keeps_the_last_good_pdf(specs, monkeypatch):
    from worksheets.app.watch import State, watch

    monkeypatch.chdir(specs)
    state, stop = State(), threading.Event()
    thread = threading.Thread(target=watch, args=([Path("uses.yaml")], Options(), lambda s: None, stop, state),
                              daemon=True)
    thread.start()
    try:
        _wait(lambda: state.number == 1)
        student = specs / "output/uses/uses-student.pdf"
        good = student.read_bytes()
        time.sleep(0.3)
        bank = specs / "bank.yaml"
        bank.write_text(bank.read_text(encoding="utf-8").replace("marks: 3", "marks: three"), encoding="utf-8")
        _wait(lambda: state.number >= 2)
        assert not state.ok and state.problems[0].startswith("bank.yaml:")
        assert student.read_bytes() == good
        bank.write_text(bank.read_text(encoding="utf-8").replace("marks: three", "marks: 5"), encoding="utf-8")
        _wait(lambda: state.number >= 3 and state.ok)
        assert student.read_bytes() != good
    finally:
        stop.set()
        thread.join(timeout=10)


@pytest.fixture
def served(specs, monkeypatch):
    """`serve` on a free port: its address, the spec folder and the shared state."""
    from worksheets.app.preview import thumbnails
    from worksheets.app.serve import make_server, serve_in_background
    from worksheets.app.watch import State, watch

    monkeypatch.chdir(specs)
    state, stop = State(), threading.Event()
    server = make_server(state, "uses", Path("output"), 0)
    serve_in_background(server)

    def prepare(outputs: list[Path]) -> None:
        for pdf in outputs:
            thumbnails(pdf, [1])

    thread = threading.Thread(target=watch, args=([Path("uses.yaml")], Options(), lambda s: None, stop, state, prepare),
                              daemon=True)
    thread.start()
    _wait(lambda: state.number == 1)
    yield f"http://127.0.0.1:{server.server_address[1]}/", specs, state
    stop.set()
    server.shutdown()
    thread.join(timeout=10)


def test_serve_answers_on_loopback_with_pages_and_errors(served):
    address, folder, state = served
    assert address.startswith("http://127.0.0.1:")
    page = urllib.request.urlopen(address, timeout=5).read().decode()
    assert "uses-student.pdf" in page and "uses-student-p1.png" in page
    image = re.search(r'src="(/file/[^"?]+)', page).group(1)
    assert urllib.request.urlopen(address.rstrip("/") + image, timeout=5).read().startswith(b"\x89PNG")
    bank = folder / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("marks: 3", "marks: three"), encoding="utf-8")
    _wait(lambda: state.number >= 2)
    page = urllib.request.urlopen(address, timeout=5).read().decode()
    assert 'class="problems"' in page and "bank.yaml:" in page
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(address + "file//etc/passwd", timeout=5)


@needs_browser
def test_serve_in_a_real_browser_reloads_and_shows_errors_in_red(served, browser):
    from selenium.webdriver.common.by import By

    address, folder, _ = served
    browser.get(address)
    assert "Build 1: ok" in browser.find_element(By.ID, "status").text
    assert browser.find_elements(By.CSS_SELECTOR, "img")
    bank = folder / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("marks: 3", "marks: three"), encoding="utf-8")
    end = time.monotonic() + 20
    while time.monotonic() < end and not browser.find_elements(By.ID, "problems"):
        time.sleep(0.2)
    problems = browser.find_element(By.ID, "problems")
    assert "bank.yaml:" in problems.text
    assert problems.value_of_css_property("color") in ("rgba(176, 0, 32, 1)", "rgb(176, 0, 32)")


def test_a_warm_rebuild_renders_only_what_the_change_touched(specs, monkeypatch):
    import worksheets.app.build as build
    import worksheets.app.workers as renderers

    monkeypatch.chdir(specs)
    renderers.keep_warm()
    rendered: list[tuple[str, str]] = []
    fresh = renderers.render_over_cores

    def counting(units, progress=None):
        rendered.extend((u.document.title, u.role) for u in units)
        return fresh(units, progress)

    monkeypatch.setattr(renderers, "render_over_cores", counting)
    build.build([Path("basic.yaml")], Options())
    assert sorted(rendered) == [("The Water Cycle", "markscheme"), ("The Water Cycle", "student")]
    rendered.clear()
    spec = specs / "basic.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("SECRET-MODEL-ANSWER-ONE", "SECRET-MODEL-ANSWER-TWO"),
                    encoding="utf-8")
    build.build([Path("basic.yaml")], Options())
    assert rendered == [("The Water Cycle", "markscheme")]  # the handout cannot show answers, so it is unchanged
