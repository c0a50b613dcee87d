"""The typer application every command registers on."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperOption

from newsweave import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="What many outlets' reports of one event agree on, and where they differ.",
)


def _plain_types() -> None:
    """typer prints ``<bool>`` beside every flag (``--quiet <bool>``), which reads as if the
    flag took a value, and ``<list[str]>`` beside an argument its metavar already names
    (``PATH``); show neither, as click does."""
    option_type = TyperOption.display_type_rich
    argument_type = TyperArgument.display_type_rich

    def option(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else option_type(self, ctx)

    def argument(self: TyperArgument, ctx: Any) -> str | None:
        return None if self.metavar else argument_type(self, ctx)

    setattr(TyperOption, "display_type_rich", option)  # noqa: B010
    setattr(TyperArgument, "display_type_rich", argument)  # noqa: B010


_plain_types()


def _version(value: bool) -> None:
    if value:
        print(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """newsweave reads many outlets' reports of one news event."""
