"""The ``saywho`` command: a thin layer over the library, one module per group of commands."""

from __future__ import annotations

from importlib import import_module

import click

from saywho import __version__

# Command name -> "module:function". A command's module is imported only when it runs (or when
# help lists it), so `saywho quotes` does not load the cleaning and attribution models.
COMMANDS = {
    "extract": "saywho.cli.extract_command:extract",
    "run": "saywho.cli.corpus_command:run",
    "quotes": "saywho.cli.corpus_command:quotes",
    "people": "saywho.cli.corpus_command:people",
    "export": "saywho.cli.corpus_command:export",
    "datasette-metadata": "saywho.cli.corpus_command:datasette_metadata",
    "serve": "saywho.cli.serve_command:serve",
    "build-db": "saywho.cli.ray_command:build_db",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name].split(":")
        return getattr(import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="saywho")
def main() -> None:
    """Who said what, to whom, and when, in the news."""
