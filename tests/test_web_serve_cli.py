"""`saywho serve` reports what stops it in one line, never a traceback."""

from __future__ import annotations

import sys

from click.testing import CliRunner

from saywho.cli import main


def test_web_serve_missing_store_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "nope.db: no such store" in result.output and "[SW200]" in result.output
    assert "Traceback" not in result.output


def test_web_serve_file_that_is_not_a_store_is_one_line_error(tmp_path):
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("hello")
    result = CliRunner().invoke(main, ["serve", str(not_a_store)])
    assert result.exit_code == 1 and "cannot read it as a saywho store" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_web_serve_without_the_web_extra_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "any.db")])
    assert result.exit_code == 1
    assert "pip install 'saywho[web]'" in result.output and "uvicorn" in result.output


def test_web_serve_rejects_a_bad_port():
    result = CliRunner().invoke(main, ["serve", "x.db", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output


def test_web_serve_port_in_use_is_one_line_error(small_db):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", str(small_db), "--port", str(port)])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot listen on 127.0.0.1:{port}: Address already in use (try another --port)\n"
