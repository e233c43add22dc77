"""The documentation site: `mkdocs build --strict` succeeds, fails on a broken link, and the
built site works in a real browser (Debian's Chromium, driven by Playwright).

The site is built into ``build/site`` (as ``make docs`` does) and served from 127.0.0.1 on
a free port. Screenshots go to ``build/``. Chromium must be installed (``make test``
installs it): without it these tests fail, they do not skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GENERATED, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BUILD = ROOT / "build"
SITE = BUILD / "site"


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def site() -> Path:
    result = mkdocs_build(GENERATED / "mkdocs.yml", SITE)
    assert result.returncode == 0, result.stdout + result.stderr
    return SITE


def test_site_has_a_page_per_api_class_model_and_guide(site: Path) -> None:
    for page in ("index.html", "api/index.html", "ImagesApi/index.html", "ImageModelsApi/index.html", "models/InferenceEntity/index.html"):
        assert (site / page).is_file(), page
    assert len(list((site / "guide").glob("*/index.html"))) >= 9
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Leap API Python SDK" in home and 'href="ImagesApi/"' in home


def test_a_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    copy = tmp_path / "leap"
    shutil.copytree(GENERATED / "docs", copy / "docs")
    shutil.copy(GENERATED / "mkdocs.yml", copy / "mkdocs.yml")
    page = copy / "docs" / "api.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the missing page](no-such-page.md).\n", encoding="utf-8")
    result = mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr


def test_a_broken_anchor_fails_the_strict_build(tmp_path: Path) -> None:
    copy = tmp_path / "leap"
    shutil.copytree(GENERATED / "docs", copy / "docs")
    shutil.copy(GENERATED / "mkdocs.yml", copy / "mkdocs.yml")
    page = copy / "docs" / "api.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [generate](ImagesApi.md#no-such-method).\n", encoding="utf-8")
    result = mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-method" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Only the local server: the site must not need anything from other hosts.
    outside: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else (outside.append(route.request.url), route.abort()))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert outside == [], f"the site asked other hosts for: {outside}"


def test_generate_page_shows_its_parameters_table(page: Any, server: str) -> None:
    page.goto(f"{server}/ImagesApi/#generate")
    heading = page.locator("h2#generate")
    assert heading.is_visible()
    # The first table after the "Parameters" heading of the generate section.
    parameters = page.locator("xpath=//h2[@id='generate']/following::h3[starts-with(normalize-space(.), 'Parameters')][1]")
    table = parameters.locator("xpath=following::table[1]")
    parameters.evaluate("heading => { heading.scrollIntoView(); window.scrollBy(0, -80); }")  # below the sticky header
    assert table.is_visible()
    headers = [text.strip() for text in table.locator("th").all_inner_texts()]
    assert headers[:4] == ["name", "type", "in", "required"], headers
    first_column = [text.strip() for text in table.locator("tbody tr td:first-child").all_inner_texts()]
    assert first_column[:2] == ["model_id", "prompt"], first_column
    assert {"width", "number_of_images", "webhook_url"} <= set(first_column)
    # Python examples are highlighted (Pygments spans), not plain text.
    assert page.locator(".highlight code span.kn").count() > 0, "python examples are not syntax-highlighted"
    BUILD.mkdir(exist_ok=True)
    page.screenshot(path=str(BUILD / "docs-generate.png"))
    assert (BUILD / "docs-generate.png").stat().st_size > 10_000


def test_search_finds_train_model(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("train_model")
    # The list is rebuilt after each key the search worker answers, so the
    # results are read in one step once a hit on the page exists, never one
    # by one (a rebuild between two reads leaves an index pointing nowhere).
    hit = page.locator('.md-search-result__item a[href*="ImageModelsApi/"]').first
    hit.wait_for(state="visible")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
    assert any("ImageModelsApi/" in href for href in hrefs), hrefs
    page.screenshot(path=str(BUILD / "docs-search.png"))
    hit.click()
    page.wait_for_url("**/ImageModelsApi/**")
    assert page.locator("h2#train_model").count() == 1
