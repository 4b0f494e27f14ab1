"""The ``saywho`` command: a thin layer over the library, one module per group of commands."""

from __future__ import annotations

import click

from saywho import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="saywho")
def main() -> None:
    """Who said what, to whom, and when, in the news."""


def _register() -> None:
    from saywho.cli import extract_command, ray_command, serve_command

    main.add_command(extract_command.extract)
    main.add_command(serve_command.serve)
    main.add_command(ray_command.build_db)
    from saywho.cli import corpus_command

    main.add_command(corpus_command.run)
    main.add_command(corpus_command.quotes)
    main.add_command(corpus_command.people)
    main.add_command(corpus_command.export)
    main.add_command(corpus_command.datasette_metadata)


_register()
