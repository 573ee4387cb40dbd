"""`evidence extract` over files and loopback HTTP, through typer and the installed script."""

import json
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from page_extraction.commands import register

PAGES = Path(__file__).parent / "pages"
REPO = Path(__file__).resolve().parents[2]


class PageHandler(SimpleHTTPRequestHandler):
    """Serves the saved pages; the windows-1252 page gets its charset in the HTTP header."""

    def guess_type(self, path):
        if str(path).endswith("windows1252_page.html"):
            return "text/html; charset=windows-1252"
        return super().guess_type(path)

    def do_GET(self):
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news_story.html?utm_source=feed")
            self.end_headers()
            return
        if self.path == "/broken":
            self.send_error(500, "Internal Server Error")
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(PageHandler, directory=str(PAGES)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def app():
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command, so typer keeps "extract" as a subcommand name
        pass

    return app


def run(app, *args):
    return CliRunner().invoke(app, ["extract", *args])


def test_json_line_per_page_with_the_documented_keys(app):
    result = run(app, "--json", str(PAGES / "news_story.html"), str(PAGES / "german_page.html"))
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) == {"source", "title", "language", "date", "text", "sections"}
    assert lines[0]["source"] == str(PAGES / "news_story.html")
    assert lines[0]["title"] == "Sleep study links long naps to morning grogginess"
    assert lines[0]["date"] == "2024-11-02"
    assert lines[1]["language"] == "de"
    assert lines[0]["sections"][1] == {
        "heading": "Not a cause, yet",
        "text": lines[0]["sections"][1]["text"],
    }
    assert "Not a cause, yet" in lines[0]["text"].splitlines()


def test_url_is_fetched_over_http_and_the_header_charset_honoured(app, server):
    result = run(app, "--json", f"{server}/windows1252_page.html")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["source"] == f"{server}/windows1252_page.html"
    assert "The café owner" in record["text"]


def test_redirects_are_followed(app, server):
    result = run(app, "--json", f"{server}/moved")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"].startswith("Sleep study")


def test_failures_are_named_on_stderr_and_the_rest_still_processed(app, server, tmp_path):
    missing = tmp_path / "missing.html"
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    result = run(
        app,
        "--json",
        str(missing),
        f"{server}/nope.html",
        f"{server}/broken",
        str(binary),
        str(PAGES / "faq_page.html"),
    )
    assert result.exit_code == 1
    assert str(missing) in result.stderr
    assert f"{server}/nope.html: HTTP 404" in result.stderr
    assert f"{server}/broken: HTTP 500" in result.stderr
    assert f"{binary}: not an HTML page" in result.stderr
    assert "4 of 5 page(s) failed" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == ["Tinnitus: frequently asked questions"]


def test_unreachable_host_is_reported(app):
    result = run(app, "http://127.0.0.1:9/nothing-listens-here")
    assert result.exit_code == 1
    assert "http://127.0.0.1:9/nothing-listens-here: cannot fetch" in result.stderr


def test_readable_view_shows_metadata_and_sections(app):
    result = run(app, str(PAGES / "clinic_article.html"))
    assert result.exit_code == 0, result.output
    assert "title:    Understanding Cluster Headache" in result.stdout
    assert "date:     2023-03-14" in result.stdout
    assert "## What an attack feels like" in result.stdout
    assert "We use cookies" not in result.stdout


def test_readable_view_neutralizes_terminal_escapes(app, tmp_path):
    hostile = tmp_path / "hostile.html"
    hostile.write_text(
        "<html><head><title>Evil \x1b]0;pwned\x07 title</title></head><body>"
        "<p>Fever \x1b[2J and cough are common in winter and pass in a week or so.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    result = run(app, str(hostile))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Fever" in result.stdout


def test_installed_evidence_script_runs_extract():
    script = Path(sys.executable).with_name("evidence")
    completed = subprocess.run(
        [str(script), "extract", "--json", str(PAGES / "german_page.html"), "no-such-file.html"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 1
    assert json.loads(completed.stdout)["title"] == "Schwindel im Alter"
    assert "no-such-file.html: cannot read" in completed.stderr
