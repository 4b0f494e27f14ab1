"""The docs keep up with the code: every command, option and JSON key is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from saywho.cli import main
from saywho.records import Article, Quote

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
JSON_DOC = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")


def commands():
    return [(name, main.get_command(None, name)) for name in main.list_commands(None)]


@pytest.mark.parametrize(("name", "command"), commands(), ids=[n for n, _ in commands()])
def test_docs_every_command_and_option_is_documented(name, command):
    section = re.search(rf"^## `saywho {re.escape(name)}\b.*?(?=^## |\Z)", CLI_DOC, re.M | re.S)
    assert section, f"docs/cli.md has no '## `saywho {name}' section"
    for param in command.params:
        if isinstance(param, click.Option):
            flag = max(param.opts, key=len)
            assert flag in section.group(0), f"{flag} of `saywho {name}` is undocumented"


@pytest.mark.parametrize("key", list(Article("x", "x", "").to_dict()) + list(Quote("direct", "text", 0, 0, "").to_dict()))
def test_docs_every_json_key_is_documented(key):
    assert f'"{key}"' in JSON_DOC, f"docs/json.md does not document {key!r}"


def test_docs_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_docs_every_error_code_is_documented():
    import ast

    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for path in (ROOT / "src" / "saywho").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            codes = [s.value.value for s in node.body if isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant)
                     and any(isinstance(t, ast.Name) and t.id == "code" for t in s.targets)]
            for code in codes:
                assert f"| {code} | `{node.name}` |" in doc, f"{node.name} ({code}) in {path.name} is undocumented"
