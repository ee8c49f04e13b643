"""The built books in a real browser: every page offline-safe, free of console errors, axe-clean in light
and dark mode, keyboard-usable, and with no broken internal link or anchor.

Pages are discovered from the builds, so every new page is covered without editing this file: every page
of the learner edition, and the pages only the instructor edition has (its other pages are built from the
same sources; the link check covers all of them).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import BUILD, INSTRUCTOR_BUILD

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
EDITIONS = {"learner": BUILD, "instructor": INSTRUCTOR_BUILD}
INSTRUCTOR_ONLY = "book/instructor/"


def _pages(build: Path) -> list[str]:
    """The book's pages: not its static files, nor the JupyterLite app under lite/ (tests/test_lite.py drives that)."""
    pages = (p.relative_to(build) for p in build.rglob("*.html"))
    return sorted(p.as_posix() for p in pages if p.parts[0] not in ("_static", "lite"))


# "<edition>/<page>": every learner page, and the instructor edition's own pages.
PAGES = [f"learner/{p}" for p in _pages(BUILD)]
PAGES += [f"instructor/{p}" for p in _pages(INSTRUCTOR_BUILD) if p.startswith(INSTRUCTOR_ONLY)]
# The theme's webpack/sbt macro templates are Jinja files copied into _static, never pages.
MACRO_TEMPLATES = ("macros.html",)

pytestmark = pytest.mark.browser


class PageSession:
    """One browser page for a whole module; records console errors and requests leaving the book."""

    def __init__(self, context, urls) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        self.failed: list[str] = []
        self.urls = urls
        self.origin = ""
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, path: str):
        """Open "<edition>/<page>"; only requests to that edition's own site are let through."""
        edition, page = path.split("/", 1)
        self.origin = self.urls(edition).rstrip("/")
        self.errors.clear()
        self.external.clear()
        self.failed.clear()
        self.page.goto(f"{self.origin}/{page}", wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture(scope="module")
def edition_url(book_url, instructor_url):
    """The served edition's base URL, by name."""
    return {"learner": book_url, "instructor": instructor_url}.__getitem__


def _session(browser, urls, dark: bool):
    context = browser.new_context(color_scheme="dark" if dark else "light")
    if dark:
        context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    session = PageSession(context, urls)
    yield session
    context.close()


@pytest.fixture(scope="module")
def light(browser, edition_url):
    yield from _session(browser, edition_url, dark=False)


@pytest.fixture(scope="module")
def dark(browser, edition_url):
    yield from _session(browser, edition_url, dark=True)


@pytest.fixture(scope="module")
def axe():
    return Axe()


def _violations(axe: Axe, page) -> str:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    found = results.response["violations"]
    lines = []
    for violation in found:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES or ["learner/index.html"])
def test_page_loads_offline_without_console_errors(light, path):
    light.open(path)
    assert light.external == [], f"{path} requested outside the book: {light.external}"
    assert light.errors == [], f"{path} logged console errors: {light.errors}"
    assert light.failed == [], f"{path} requested missing files: {light.failed}"


@pytest.mark.parametrize("path", PAGES or ["learner/index.html"])
def test_page_has_no_axe_violations_in_light_mode(light, axe, path):
    page = light.open(path)
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert _violations(axe, page) == ""


@pytest.mark.parametrize("path", PAGES or ["learner/index.html"])
def test_page_has_no_axe_violations_in_dark_mode(dark, axe, path):
    page = dark.open(path)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert _violations(axe, page) == ""


FOCUS_STYLE = """() => {
    const el = document.activeElement, s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow && s.boxShadow !== 'none';
    return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
            href: el.getAttribute('href'), visible: outline || ring,
            shown: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0};
}"""


@pytest.mark.parametrize("path", PAGES or ["learner/index.html"])
def test_skip_link_is_first_tab_stop_and_reaches_main_content(light, path):
    page = light.open(path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STYLE)
    assert first["href"] == "#main-content", f"first Tab stop on {path} is {first}"
    assert first["shown"] and first["visible"], f"skip link on {path} is not visible when focused: {first}"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main-content').contains(document.activeElement)")
    assert inside, f"Tab after the skip link on {path} left the main content: {page.evaluate(FOCUS_STYLE)}"


@pytest.mark.parametrize("path", PAGES or ["learner/index.html"])
def test_every_focused_element_shows_a_focus_indicator(light, path):
    page = light.open(path)
    unmarked, seen = [], set()
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        key = (state["tag"], state["text"], state["href"])
        if state["tag"] == "BODY" or key in seen:
            break
        seen.add(key)
        if state["shown"] and not state["visible"]:
            unmarked.append(state)
    assert len(seen) > 1, f"Tab reached almost nothing on {path}"
    assert unmarked == [], f"focused without a visible indicator on {path}: {unmarked}"


QUIZ_PAGES = [f"learner/{p}" for p in _pages(BUILD) if 'class="coursekit-quiz ' in (BUILD / p).read_text("utf-8")]


@pytest.mark.parametrize("path", QUIZ_PAGES or [pytest.param("none", marks=pytest.mark.skip("no quiz pages"))])
def test_quiz_can_be_answered_with_the_keyboard_alone(light, path):
    page = light.open(path)
    page.evaluate("localStorage.clear()")
    page.reload()
    in_question = "!!document.activeElement.closest('.coursekit-question')"
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate(in_question):
            break
    assert page.evaluate(in_question), f"Tab never reaches a quiz question on {path}"
    question = page.evaluate("document.activeElement.closest('.coursekit-question').id")
    kind = page.evaluate("document.activeElement.type || document.activeElement.tagName")
    if kind in ("radio", "checkbox"):
        page.keyboard.press("Space")
    elif kind == "text":
        page.keyboard.type("x")
    for _ in range(20):
        if page.evaluate("document.activeElement.classList.contains('coursekit-check')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('coursekit-check')"), f"no Check button on {path}"
    page.keyboard.press("Enter")
    feedback = page.locator(f"#{question} .coursekit-feedback")
    assert feedback.inner_text().strip(), f"checking {question} on {path} with the keyboard showed no feedback"


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                self.links.append((self.getpos()[0], attrs[key]))


def _parse(path: Path) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_broken_internal_link_or_anchor(edition):
    build = EDITIONS[edition]
    pages = _pages(build)
    if not pages:
        pytest.fail(f"no built book in {build}: run `make book` and `make instructor` first")
    parsed = {p: _parse(build / p) for p in pages}
    broken = []
    for source, parser in parsed.items():
        for line, link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = unquote(urlsplit(urljoin(source, parts.path)).path) if parts.path else source
            file = build / target
            if file.is_dir():
                file, target = file / "index.html", f"{target.rstrip('/')}/index.html"
            if not file.is_file():
                broken.append(f"{source}:{line}: {link}: no file {target}")
                continue
            if parts.fragment and target.endswith(".html") and not target.endswith(MACRO_TEMPLATES):
                ids = parsed[target].ids if target in parsed else _parse(file).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{source}:{line}: {link}: no id #{parts.fragment} in {target}")
    assert broken == [], "broken internal links:\n" + "\n".join(broken)
