"""The built book as one PDF: every page's article in table-of-contents order, printed by Chromium.

`python -m coursekit.publish.pdf _build/html _build/pdf/course.pdf` (what `make pdf` runs; `make instructor-pdf` prints
the instructor edition, its edition banner on the first page). The pages are followed
through their "next" links from the landing page, their articles joined into one document that keeps every
page's stylesheets, and printed with the book's print styles (book/_static/course.css, `@media print`).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Runs in the landing page: fetch each page in order, keep its <article>, make its links and images absolute.
JOIN_PAGES = """async (start) => {
    const parser = new DOMParser(), articles = [], sheets = new Set(), seen = new Set();
    let url = new URL(start, location.href).href;
    while (url && !seen.has(url)) {
        seen.add(url);
        const doc = parser.parseFromString(await (await fetch(url)).text(), "text/html");
        for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) {
            sheets.add(new URL(link.getAttribute("href"), url).href);
        }
        const article = doc.querySelector("article.bd-article");
        if (article) {
            for (const el of article.querySelectorAll("[href]")) {
                const href = el.getAttribute("href");
                if (!href.startsWith("#")) el.setAttribute("href", new URL(href, url).href);
            }
            for (const el of article.querySelectorAll("[src]")) {
                el.setAttribute("src", new URL(el.getAttribute("src"), url).href);
            }
            article.classList.add("course-print-page");
            articles.push(article.outerHTML);
        }
        const next = doc.querySelector('link[rel="next"]');
        url = next ? new URL(next.getAttribute("href"), url).href : null;
    }
    for (const href of sheets) {
        if (![...document.styleSheets].some((s) => s.href === href)) {
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = href;
            document.head.append(link);
        }
    }
    const edition = document.querySelector(".bd-header-announcement__content")?.textContent.trim();
    document.body.innerHTML = '<main id="main-content" class="course-print">' + articles.join("") + "</main>";
    if (edition) {
        const banner = document.createElement("p");
        banner.className = "course-print-edition";
        banner.textContent = edition;
        document.querySelector("main").prepend(banner);
    }
    await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
    return articles.length;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def landing(html: Path) -> str:
    """The book's root page: where the top-level index.html redirects."""
    found = re.search(r'url=([^"]+)"', (html / "index.html").read_text(encoding="utf-8"))
    return found.group(1) if found else "index.html"


def book_pdf(html: Path, out: Path) -> int:
    """Print the book built in `html` to `out`; return the number of pages (articles) it holds."""
    if not (html / "index.html").is_file():
        raise SystemExit(f"no built book in {html}: run `make book` first")
    handler = functools.partial(_QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{landing(html)}", wait_until="networkidle")
            count = page.evaluate(JOIN_PAGES, page.url)
            page.wait_for_load_state("networkidle")
            page.emulate_media(media="print")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=str(out), format="A4", print_background=True, display_header_footer=True,
                header_template="<span></span>",
                footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description="Print the built book to one PDF.")
    parser.add_argument("html", type=Path, help="the built book, e.g. _build/html")
    parser.add_argument("out", type=Path, help="the PDF to write")
    args = parser.parse_args()
    count = book_pdf(args.html, args.out)
    print(f"{args.out}: {count} pages of the book")


if __name__ == "__main__":
    main()
