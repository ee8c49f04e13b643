"""Build the course book and measure it against a stock Jupyter Book 1 book; write bench/report.md.

Also measured: rebuilds of a copy of the book after no change, after editing one bank and after editing one
lesson (with the notebooks each re-ran), and the time to click every Check on a 500-question preview page.

Run with `make bench` (or `.venv/bin/python bench/bench.py --help`). Every page is served gzip-compressed from
localhost, as any real host would, and loaded in a fresh browser context (cold cache). Two clean builds of the
course must give identical HTML: if not, the script names the first differing file and line and exits 1.
This is a measurement, not a test: budget misses are marked in the report, they do not fail the run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
# The goals of issue 22: every learner page light on a cold load, Lighthouse 100 on mobile, a quick no-op `make book`.
BUDGET = {
    "page_kib": 100, "page_requests": 8, "accessibility": 100, "performance": 100, "noop_s": 3.0, "bank_s": 10.0,
    "check_all_ms": 300, "make_test_s": 300,
}
BOOK_SOURCES = ("_config.yml", "_toc.yml", "book", "notebooks", "content")
EXECUTED = re.compile(r"^(\S+)\.(?:ipynb|md): Executing notebook", re.MULTILINE)
CHECK_QUESTIONS = 500
COMPRESSIBLE = (".html", ".js", ".css", ".svg", ".json", ".txt", ".map", ".xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it (text types only), cacheable for 10 minutes, as
    GitHub Pages serves them."""

    cache: ClassVar[dict[Path, bytes]] = {}

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix not in COMPRESSIBLE
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(source: Path, out: Path, clean: bool) -> tuple[float, list[str]]:
    """Build the book at `source` into `out` (-W -n --keep-going); return seconds taken and the notebooks run."""
    if clean and out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    command = [str(BIN / "jupyter-book"), "build", str(source), "-W", "-n", "--keep-going", "--path-output", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"build of {source} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    seconds = time.perf_counter() - started
    output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    return seconds, sorted(Path(path).relative_to(source).as_posix() for path in EXECUTED.findall(output))


def noop_make_book() -> float:
    """Seconds of a `make book` in this checkout with nothing changed since the one before it."""
    subprocess.run(["make", "--no-print-directory", "book"], cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(["make", "--no-print-directory", "book"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def rebuilds(source: Path, work: Path) -> list[tuple[str, float, list[str]]]:
    """Rebuild a copy of the book after no change, after editing one bank, and after editing one lesson."""
    copy = work / "edited"
    copy.mkdir()
    for name in BOOK_SOURCES:
        if (source / name).is_dir():
            shutil.copytree(source / name, copy / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy(source / name, copy / name)
    out = work / "edited-out"
    build(copy, out, clean=True)
    rows = [("no change", *build(copy, out, clean=False))]

    bank = copy / "content" / "quizzes" / "causes.yml"
    prompt = YAML(typ="safe").load(bank)["questions"][0]["prompt"]
    bank.write_text(bank.read_text(encoding="utf-8").replace(prompt, f"{prompt} (edited)", 1), encoding="utf-8")
    rows.append(("one bank edited (`content/quizzes/causes.yml`)", *build(copy, out, clean=False)))

    lesson = copy / "notebooks" / "03-prevention.ipynb"
    notebook = json.loads(lesson.read_text(encoding="utf-8"))
    paragraph = next(c for c in notebook["cells"] if c["cell_type"] == "markdown" and c["source"][-1][:1].isalpha())
    paragraph["source"][-1] += " (edited)"
    lesson.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    rows.append(("one lesson edited (a paragraph of `notebooks/03-prevention.ipynb`)", *build(copy, out, clean=False)))
    return rows


def check_every_question(browser, work: Path) -> tuple[float, int]:
    """Milliseconds to click every Check (each question answered) on a 500-question preview page, the number of
    Check buttons, and how many questions then say "Correct."."""
    questions = [
        {"id": f"q{n}", "type": "single", "prompt": f"Question {n}: which option is right?",
         "options": [{"text": "This one.", "correct": True}, {"text": "That one.", "feedback": "No."}]}
        for n in range(CHECK_QUESTIONS)
    ]
    bank, page_file = work / "check500.yml", work / "check500.html"
    bank.write_text(json.dumps({"id": "check500", "title": "500 questions", "questions": questions}), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "coursekit", "preview", str(bank), "--out", str(page_file)], check=True)
    page = browser.new_page()
    page.goto(page_file.as_uri())
    radios = page.get_by_role("radio", name="This one.")
    radios.first.wait_for()
    radios.evaluate_all("radios => radios.forEach(radio => radio.click())")
    checks = page.get_by_role("button", name="Check", exact=True)
    count = checks.count()
    elapsed = checks.evaluate_all(
        """async buttons => {
          const started = performance.now();
          buttons.forEach(button => button.click());
          await new Promise(done => requestAnimationFrame(() => setTimeout(done)));
          return performance.now() - started;
        }"""
    )
    graded = page.get_by_text("Correct.", exact=False).count()
    page.close()
    return elapsed, count, graded


def pages(html: Path) -> list[str]:
    """The book's pages (not the JupyterLite app that `make lite` puts under lite/)."""
    found = (path.relative_to(html) for path in html.rglob("*.html"))
    return sorted(path.as_posix() for path in found if not {"_static", "lite"} & set(path.parts))


def landing(html: Path) -> str:
    """The page the top-level index.html redirects to (the book's root page)."""
    found = re.search(r'url=([^"]+)"', (html / "index.html").read_text(encoding="utf-8"))
    return found.group(1) if found else "index.html"


def measure(browser, url: str, origin: str) -> dict:
    """Load `url` with a cold cache; count requests, gzip-transferred bytes and requests leaving `origin`."""
    context = browser.new_context()
    page = context.new_page()
    external: list[str] = []

    def route(r):
        if r.request.url.startswith(origin) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sent: set[str] = set()
    size = {"bytes": 0}
    # data: URIs (the inline icons) are not network requests; Chromium reports them all the same.
    cdp.on("Network.requestWillBeSent", lambda e: e["request"]["url"].startswith("http") and sent.add(e["requestId"]))
    cdp.on("Network.loadingFinished", lambda e: size.__setitem__("bytes", size["bytes"] + e["encodedDataLength"]))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    context.close()
    return {"requests": len(sent), "bytes": size["bytes"], "external": external}


def measure_book(html: Path) -> dict[str, dict]:
    server, base = serve(html)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            result = {page: measure(browser, base + page, base.rstrip("/")) for page in pages(html)}
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return result


def lighthouse(html: Path, page: str, preset: str) -> dict[str, int]:
    """Lighthouse category scores (0-100) for one page, mobile or desktop."""
    server, base = serve(html)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "lh.json"
            command = [
                str(LIGHTHOUSE), base + page, "--output=json", f"--output-path={report}", "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ]
            if preset == "desktop":
                command.append("--preset=desktop")
            env = {**os.environ, "CHROME_PATH": CHROMIUM}
            subprocess.run(command, check=True, env=env, capture_output=True, timeout=300)
            categories = json.loads(report.read_text())["categories"]
    finally:
        server.shutdown()
        server.server_close()
    return {name: round(100 * (c["score"] or 0)) for name, c in categories.items()}


def first_difference(a: Path, b: Path) -> str | None:
    """None if both builds have the same HTML files with the same text; else where they first differ."""
    names_a, names_b = pages(a), pages(b)
    if names_a != names_b:
        return f"different page sets: {sorted(set(names_a) ^ set(names_b))}"
    for name in names_a:
        lines_a = (a / name).read_text(encoding="utf-8").splitlines()
        lines_b = (b / name).read_text(encoding="utf-8").splitlines()
        if lines_a != lines_b:
            for number, (x, y) in enumerate(zip([*lines_a, ""], [*lines_b, ""], strict=False), start=1):
                if x != y:
                    pairs = enumerate(zip(x, y, strict=False))
                    column = next((i for i, (p, q) in pairs if p != q), min(len(x), len(y)))
                    start, end = max(0, column - 60), column + 60
                    return (f"{name}:{number}: first differing line, column {column + 1}:\n"
                            f"  first build:  ...{x[start:end]}...\n  second build: ...{y[start:end]}...")
    return None


def kb(n: int) -> str:
    return f"{n / 1024:.0f} KiB"


def page_misses(ours: dict[str, dict]) -> list[str]:
    """Pages over the byte or request budget, and pages with requests leaving the site."""
    misses = [f"{page}: {kb(m['bytes'])} in {m['requests']} requests" for page, m in ours.items()
              if m["bytes"] > BUDGET["page_kib"] * 1024 or m["requests"] > BUDGET["page_requests"]]
    return misses + [f"{p}: {len(m['external'])} requests leave the site" for p, m in ours.items() if m["external"]]


def pages_only(html: Path) -> int:
    """Measure an already built book's pages (no build, no Lighthouse): the quick check while making pages lighter."""
    ours = measure_book(html)
    lines = ["| page | requests | transferred (gzip) |", "|---|---:|---:|"]
    lines += [f"| {page} | {m['requests']} | {m['bytes'] / 1024:.1f} KiB |" for page, m in ours.items()]
    misses = page_misses(ours)
    lines += ["", *(f"- MISSED: {m}" for m in misses)] if misses else ["", "Every page within budget."]
    print("\n".join(lines))
    return 0


def page_table(ours: dict[str, dict], stock: dict[str, dict]) -> list[str]:
    stock_req = sum(m["requests"] for m in stock.values()) / len(stock)
    stock_bytes = sum(m["bytes"] for m in stock.values()) / len(stock)
    rows = [
        "| page | requests | transferred (gzip) | vs stock mean: requests | bytes | external |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for page, m in ours.items():
        rows.append(
            f"| {page} | {m['requests']} | {kb(m['bytes'])} | {m['requests'] / stock_req:.2f} | "
            f"{m['bytes'] / stock_bytes:.2f} | {len(m['external'])} |"
        )
    rows += ["", "Stock Jupyter Book 1 sample (`jupyter-book create`), same venv, same server:", ""]
    rows += ["| page | requests | transferred (gzip) | external (aborted) |", "|---|---:|---:|---:|"]
    rows += [f"| {p} | {m['requests']} | {kb(m['bytes'])} | {len(m['external'])} |" for p, m in stock.items()]
    rows.append(f"| **mean** | {stock_req:.1f} | {kb(int(stock_bytes))} | |")
    return rows


LITE_LESSON = "lite/lab/index.html?path=01-causes.ipynb"
LITE_QUIZ = ".jp-OutputArea-output section.coursekit-live[data-quiz-id=\"causes\"][data-coursekit-ready]"
LITE_KERNEL_READY = """() => /Pyodide/.test(document.querySelector('.jp-Toolbar-kernelName')?.textContent ?? '')
  && document.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'"""
LITE_BUDGET_S = 20.0
LITE_STALL_S = 240.0


class CountingHandler(GzipHandler):
    """GzipHandler that adds up the requests it answers and the body bytes it sends (workers' fetches included)."""

    sent: ClassVar[dict[str, int]] = {"requests": 0, "bytes": 0}

    def send_header(self, keyword: str, value: str) -> None:
        if keyword == "Content-Length":
            self.sent["bytes"] += int(value)
        super().send_header(keyword, value)

    def send_response(self, code: int, message: str | None = None) -> None:
        self.sent["requests"] += 1
        super().send_response(code, message)


def lite_quiz_seconds(context, base: str) -> float | None:
    """Seconds from opening lesson 1 in the in-browser copy to its live quiz after Run All (None: stalled); the
    kernel is waited for first, as a learner does (Run All before it exists runs nothing)."""
    page = context.new_page()
    started = time.perf_counter()
    try:
        page.goto(base + LITE_LESSON)
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=LITE_STALL_S * 1000)
        page.wait_for_function(LITE_KERNEL_READY, timeout=LITE_STALL_S * 1000)
        page.get_by_role("menuitem", name="Run").click()
        page.locator(".lm-Menu-itemLabel:text-is('Run All Cells')").click()
        page.locator(LITE_QUIZ).first.wait_for(timeout=LITE_STALL_S * 1000)
        return time.perf_counter() - started
    except PlaywrightTimeout:
        return None
    finally:
        page.close()


def measure_lite(html: Path, starts: int) -> tuple[list[str], list[str]]:
    """The in-browser copy (`make lite`) served like a plain static host (gzip, no COOP/COEP headers): its size, a
    first visit (bytes, seconds to a usable quiz), a second visit from the browser's cache, and `starts` more
    cold starts counting those that stalled. Report lines and budget misses."""
    site = html / "lite"
    if not (site / "lab" / "index.html").is_file():
        return [f"No in-browser copy in {site}: run `make lite`.", ""], ["no in-browser copy"]
    files = [f for f in site.rglob("*") if f.is_file()]
    handler = functools.partial(CountingHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sent = CountingHandler.sent
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context()  # not routed: Playwright's routing turns the browser's cache off
            first = lite_quiz_seconds(context, base)
            first_visit = dict(sent)
            second = lite_quiz_seconds(context, base)
            second_visit = {key: sent[key] - first_visit[key] for key in sent}
            context.close()
            cold = []
            for _ in range(starts):
                fresh = browser.new_context()
                cold.append(lite_quiz_seconds(fresh, base))
                fresh.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()

    def seconds(value: float | None) -> str:
        return "stalled" if value is None else f"{value:.1f}"

    lines = ["## In the browser (JupyterLite, `make lite`)", "",
             "Lesson 1 in the book's in-browser copy, served gzip with no COOP/COEP headers (a plain static host):",
             "from opening it to a usable quiz (notebook shown, Run All, live quiz drawn by Python).", "",
             "| | |", "|---|---:|",
             f"| site size | {sum(f.stat().st_size for f in files) / 2**20:.1f} MB in {len(files)} files |",
             f"| first visit: bytes sent | {kb(first_visit['bytes'])} in {first_visit['requests']} requests |",
             f"| first visit: seconds to a usable quiz | {seconds(first)} |",
             f"| second visit (browser cache): bytes sent | {kb(second_visit['bytes'])} in "
             f"{second_visit['requests']} requests |",
             f"| second visit: seconds to a usable quiz | {seconds(second)} |"]
    if cold:
        done = sorted(t for t in cold if t is not None)
        lines.append(f"| {starts} more cold starts: stalled (no quiz in {LITE_STALL_S:.0f} s) | "
                     f"{starts - len(done)} |")
        if done:
            lines.append(f"| those cold starts: fastest / median / slowest seconds | {done[0]:.1f} / "
                         f"{done[len(done) // 2]:.1f} / {done[-1]:.1f} |")
    misses = [f"in-browser lesson: {seconds(t)} s to a usable quiz" for t in (first, second)
              if t is None or t > LITE_BUDGET_S]
    misses += [f"in-browser lesson: {cold.count(None)} of {starts} cold starts stalled"] if None in cold else []
    return [*lines, ""], misses


def make_test_in_a_fresh_clone(source: Path, work: Path) -> tuple[float, int, list[str]]:
    """`make test` in a fresh clone of `source`'s committed HEAD (its set-up included), as CI runs it: its seconds,
    its exit status, and lines saying the load average before and after and the ten slowest tests."""
    clone = work / "fresh"
    subprocess.run(["git", "clone", "--quiet", str(source), str(clone)], check=True)
    before = os.getloadavg()
    started = time.perf_counter()
    done = subprocess.run(["make", "test"], cwd=clone, capture_output=True, text=True, check=False,
                          env={**os.environ, "CI": "true", "PYTEST_ADDOPTS": "--durations=10"})
    seconds = time.perf_counter() - started
    after = os.getloadavg()
    slowest = done.stdout.partition("slowest 10 durations")[2].splitlines()[1:11]
    lines = [f"`make test` in a fresh clone: {seconds:.0f} s, exit status {done.returncode}; load average (1 min) "
             f"{before[0]:.1f} before, {after[0]:.1f} after (the machine's other work slows it).", "",
             "Its ten slowest tests:", "", "```", *slowest, "```", ""]
    return seconds, done.returncode, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT, help="the book to measure (default: this checkout)")
    parser.add_argument("--report", type=Path, default=ROOT / "bench" / "report.md")
    parser.add_argument("--make-test", action="store_true",
                        help="also time `make test` in a fresh clone of the committed HEAD, set-up included (long)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--pages", type=Path, metavar="HTML",
                        help="only measure the pages of this built book (e.g. _build/html) against the budget")
    parser.add_argument("--lite-starts", type=int, default=0, metavar="N",
                        help="also start lesson 1 in the in-browser copy N more times, counting stalls")
    args = parser.parse_args()
    if args.pages:
        return pages_only(args.pages)
    work = Path(tempfile.mkdtemp(prefix="course-bench-"))
    lines = ["# Course book benchmark", "", f"Source: `{args.source}`; scratch: `{work}`.", ""]

    make_noop = noop_make_book()
    cold, _ = build(args.source, work / "a", clean=True)
    noop, _ = build(args.source, work / "a", clean=False)
    build(args.source, work / "b", clean=True)
    edits = rebuilds(args.source, work)
    html = work / "a" / "_build" / "html"
    difference = first_difference(html, work / "b" / "_build" / "html")

    subprocess.run([str(BIN / "jupyter-book"), "create", str(work / "stock")], check=True, capture_output=True)
    stock_cold, _ = build(work / "stock", work / "stock-out", clean=True)
    stock_html = work / "stock-out" / "_build" / "html"

    ours, stock = measure_book(html), measure_book(stock_html)
    home = landing(html)
    lessons = [p for p in ours if re.match(r"notebooks/\d\d-", p)]
    lesson = lessons[0] if lessons else home

    lines += ["## Build", "", "| | seconds |", "|---|---:|"]
    lines += [f"| cold build (clean, executes notebooks) | {cold:.1f} |", f"| no-op rebuild | {noop:.1f} |"]
    lines += [f"| no-op `make book` in this checkout (check, wheel, Sphinx) | {make_noop:.1f} |"]
    lines += [f"| stock sample, cold build | {stock_cold:.1f} |"]
    make_test = make_test_in_a_fresh_clone(args.source, work) if args.make_test else None
    if make_test:
        lines.append(f"| `make test` in a fresh clone, set-up included | {make_test[0]:.1f} |")
    verdict = "identical HTML" if difference is None else f"**DIFFERENT**: {difference}"
    lines += ["", f"Deterministic build (two clean builds): {verdict}", ""]
    lines += ["Rebuilds of a copy of the book after an edit:", ""]
    lines += ["| edit | seconds | notebooks re-run |", "|---|---:|---|"]
    lines += [f"| {edit} | {seconds:.1f} | {', '.join(ran) or 'none'} |" for edit, seconds, ran in edits]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        check_ms, checks, graded = check_every_question(browser, work)
        browser.close()
    lines += ["", *make_test[2]] if make_test else []
    lines += ["", f"Clicking every Check ({checks} buttons, each question answered) on a {CHECK_QUESTIONS}-question "
              f"preview page, until the next frame: {check_ms:.0f} ms ({graded} questions then show their verdict)", ""]

    lines += ["## Pages (cold cache, gzip)", "", *page_table(ours, stock), ""]
    lite_lines, lite_misses = measure_lite(args.source / "_build" / "html", args.lite_starts)
    lines += lite_lines

    misses = page_misses(ours) + lite_misses
    if make_noop > BUDGET["noop_s"]:
        misses.append(f"no-op `make book` {make_noop:.1f} s")
    if edits[1][1] > BUDGET["bank_s"]:
        misses.append(f"rebuild after editing one bank {edits[1][1]:.1f} s")
    if check_ms > BUDGET["check_all_ms"]:
        misses.append(f"clicking every Check on {CHECK_QUESTIONS} questions {check_ms:.0f} ms")
    if make_test and (make_test[0] > BUDGET["make_test_s"] or make_test[1]):
        misses.append(f"`make test` in a fresh clone {make_test[0]:.0f} s, exit status {make_test[1]}")

    if not args.no_lighthouse and LIGHTHOUSE.exists():
        lines += ["## Lighthouse", "", "| page | form | performance | accessibility | best practices | SEO |"]
        lines.append("|---|---|---:|---:|---:|---:|")
        runs = [(html, home, "course landing"), (html, lesson, "course lesson"), (stock_html, "intro.html", "stock")]
        for folder, page, label in runs:
            for preset in ("mobile", "desktop"):
                s = lighthouse(folder, page, preset)
                lines.append(
                    f"| {label}: {page} | {preset} | {s['performance']} | {s['accessibility']} | "
                    f"{s['best-practices']} | {s['seo']} |"
                )
                if label != "stock" and preset == "mobile" and (
                    s["performance"] < BUDGET["performance"] or s["accessibility"] < BUDGET["accessibility"]
                ):
                    misses.append(f"Lighthouse {page} {preset}: performance {s['performance']}, "
                                  f"accessibility {s['accessibility']}")
        lines.append("")
    elif not args.no_lighthouse:
        lines += [f"Lighthouse not installed: run `npm ci --prefix bench` ({LIGHTHOUSE} missing).", ""]

    lines += ["## Budget", ""]
    lines += [f"Every learner page <= {BUDGET['page_kib']} KiB and <= {BUDGET['page_requests']} requests; "
              f"Lighthouse on mobile: performance >= {BUDGET['performance']}, accessibility {BUDGET['accessibility']}; "
              f"no-op `make book` <= {BUDGET['noop_s']:.0f} s; rebuild after one bank < {BUDGET['bank_s']:.0f} s; "
              f"every Check on {CHECK_QUESTIONS} questions < {BUDGET['check_all_ms']} ms; "
              f"`make test` from a fresh clone <= {BUDGET['make_test_s']} s (with --make-test); "
              "no request leaves the site.", ""]
    lines += [f"- MISSED: {m}" for m in misses] or ["All met."]
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)
    if difference is not None:
        print(f"\nNON-DETERMINISTIC BUILD: {difference}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
