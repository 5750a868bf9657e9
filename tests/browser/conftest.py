"""Real-browser fixtures: Debian's Chromium driven by Playwright, the demo clinic page on a free port,
and our own action + Rasa servers whose --cors allows that page (the shared `servers` fixture runs
Rasa without --cors, so it cannot serve a browser on another origin)."""

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.servers import ROOT, Servers, free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDGET = ROOT / "web" / "dist" / "widget.js"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
WAIT_MS = 30_000  # a bot answer on a busy 2-core machine; expectations poll, they never sleep


@dataclass
class Site:
    page_url: str
    bot_url: str
    servers: Servers


@pytest.fixture(scope="package")
def site(tmp_path_factory) -> Site:
    from web.serve import make_server

    assert WIDGET.exists(), f"{WIDGET} is missing: run `make web`"
    page_port = free_port()
    origin = f"http://127.0.0.1:{page_port}"
    running = Servers(tmp_path_factory.mktemp("browser-servers"))
    page_server = make_server(page_port, "127.0.0.1", bot_url=running.rasa_url)
    threading.Thread(target=page_server.serve_forever, daemon=True).start()
    try:
        running.start_actions()
        running.start_rasa("--cors", origin)
        yield Site(page_url=f"{origin}/", bot_url=running.rasa_url, servers=running)
    finally:
        running.stop_all()
        page_server.shutdown()


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import expect, sync_playwright

    if not CHROMIUM.exists():  # fail, never skip: `make test` installs Debian's chromium (scripts/provision)
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (scripts/provision, as root)", pytrace=False)
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """One patient's browser tab on the demo page, with what it asked for and what went wrong."""

    page: object
    site: Site
    requests: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def log(self):
        return self.page.locator("#ivig-triage-widget .log")

    @property
    def input(self):
        return self.page.get_by_label("Your message")

    def open(self) -> "Visit":
        from playwright.sync_api import expect

        self.page.goto(self.site.page_url)
        expect(self.log).to_contain_text("not for emergencies")  # the greeting came over socket.io
        # ... and the invitation it ends with, a message of its own: a reply typed at once is answered after it
        expect(self.log).to_contain_text("in your own words")
        return self

    def say(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def bot_idle(self) -> None:
        """Wait until the widget shows no typing indicator (the bot has answered)."""
        self.page.wait_for_function(
            "() => !document.querySelector('#ivig-triage-widget').shadowRoot.querySelector('.typing').childElementCount",
            timeout=WAIT_MS,
        )


@pytest.fixture
def visit(browser, site):
    def make(**context_options) -> Visit:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **context_options})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        v = Visit(page, site)
        page.on("request", lambda request: v.requests.append(request.url))
        page.on("dialog", lambda dialog: (v.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: v.errors.append(str(error)))
        return v

    contexts = []
    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.exists(), f"{AXE} is missing: run `make web-deps` (npm ci in web/)"
    return AXE.read_text()
