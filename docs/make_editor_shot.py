"""Regenerate docs/gallery/editor.png: `worksheets edit` on a copy of the example, with a mistake underlined.

Needs Debian's chromium and chromium-driver, and selenium (the test extras). Run: python docs/make_editor_shot.py
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from worksheets.app.build import Options
from worksheets.app.edit import Editor, builder, save
from worksheets.app.serve import make_server, serve_in_background, warm
from worksheets.app.watch import State, rebuild, watch

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "specs" / "stalin-terror"


def _until(check, seconds: float = 30) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise SystemExit("the editor did not answer in time")
        time.sleep(0.1)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "stalin-terror"
        shutil.copytree(EXAMPLE, copy)
        spec = copy / "terror.yaml"
        options = Options(out=Path(folder) / "output", root=copy, tiers=("core",))
        state, stop = State(), threading.Event()
        editor = Editor(spec, options, state)
        editor.after_save = builder(lambda: rebuild([spec], options, state), print)
        server = make_server(state, "terror", options.out, 0, editor)
        warm(True)
        serve_in_background(server)
        threading.Thread(target=watch, args=([spec], options, lambda s: None, stop, state), daemon=True).start()
        _until(lambda: state.number >= 1)
        text = spec.read_text(encoding="utf-8").replace("paper: A4", "paper: A3")
        number = state.number
        save(editor, "terror.yaml", text)
        editor.after_save()
        _until(lambda: state.number > number)
        browser = _browser()
        try:
            browser.set_window_size(1400, 820)
            browser.get(f"http://127.0.0.1:{server.server_address[1]}/?token={editor.token}")
            _until(lambda: browser.find_elements(By.CSS_SELECTOR, ".cm-lintRange-error"))
            _until(lambda: browser.execute_script(
                "return [...document.querySelectorAll('#pages img')].slice(0, 1).every(i => i.complete)"))
            underline = browser.find_element(By.CSS_SELECTOR, ".cm-lintRange-error")
            ActionChains(browser).move_to_element(underline).perform()
            _until(lambda: browser.find_elements(By.CSS_SELECTOR, ".cm-tooltip-lint"))
            browser.save_screenshot(str(HERE / "gallery" / "editor.png"))
        finally:
            browser.quit()
            stop.set()
            server.shutdown()
    print("wrote docs/gallery/editor.png")


def _browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


if __name__ == "__main__":
    main()
