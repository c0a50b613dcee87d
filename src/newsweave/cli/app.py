"""The typer application every command registers on."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperOption

from newsweave import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="What many outlets' reports of one event agree on, and where they differ.",
)


def _flags_take_no_value() -> None:
    """typer prints ``<bool>`` beside every flag (``--quiet <bool>``), which reads as if the
    flag took a value; show flags without a type, as click does."""
    shown = TyperOption.display_type_rich

    def display(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    setattr(TyperOption, "display_type_rich", display)  # noqa: B010


_flags_take_no_value()


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
