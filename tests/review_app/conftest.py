"""Fixtures: a sample warehouse per test, the app on a real loopback port, headless Chromium."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from evidence.config import ReviewSettings
from review_app.app import create_app
from review_app.auth import add_editor
from review_app.db import Warehouse

HERE = Path(__file__).parent
EDITOR, PASSWORD = "ada", "correct horse battery"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _load_sample_module():
    spec = importlib.util.spec_from_file_location(
        "review_sample_warehouse", HERE / "sample_warehouse.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


sample_warehouse = _load_sample_module()


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("template") / "warehouse.duckdb"
    sample = sample_warehouse.build(path)
    wh = Warehouse(path)
    with wh.write() as conn:
        add_editor(conn, EDITOR, PASSWORD)
    wh.close()
    return sample


@pytest.fixture
def sample(_template, tmp_path: Path):
    """A fresh copy of the sample warehouse (with editor ada) for each test."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(_template.path, path)
    return sample_warehouse.Sample(path, dict(_template.ids))


@dataclass
class Running:
    base_url: str
    warehouse: Warehouse
    settings: ReviewSettings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    path: Path, settings: ReviewSettings
) -> tuple[Running, uvicorn.Server, threading.Thread]:
    wh = Warehouse(path)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(wh, settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("review app did not start")
        time.sleep(0.05)
    return Running(f"http://127.0.0.1:{port}", wh, settings), server, thread


@pytest.fixture
def app_server(sample) -> Iterator[Running]:
    running, server, thread = start_server(
        sample.path, ReviewSettings(secret_key="test-secret", excerpts_per_symptom=3)
    )
    yield running
    server.should_exit = True
    thread.join(timeout=10)
    running.warehouse.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    out = Path(__file__).resolve().parents[2] / "test-output"
    out.mkdir(exist_ok=True)
    return out


@pytest.fixture
def credentials() -> tuple[str, str]:
    return EDITOR, PASSWORD


@pytest.fixture
def sign_in(page):
    """Sign `page` in as the sample editor through the sign-in form."""
    from playwright.sync_api import expect

    def _sign_in(base_url: str) -> None:
        page.goto(base_url + "/queue")
        expect(page).to_have_url(f"{base_url}/login?next=%2Fqueue")
        page.get_by_label("Editor name").fill(EDITOR)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text(f"Signed in as {EDITOR}")).to_be_visible()

    return _sign_in
