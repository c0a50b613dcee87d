"""Every error newsweave raises on purpose is a NewsweaveError defined in errors.py, so one
``except NewsweaveError`` catches them all and one file lists them."""

from __future__ import annotations

import ast

import newsweave.errors
from newsweave.errors import NewsweaveError
from paths import ROOT

SRC = ROOT / "src" / "newsweave"


def _exception_classes_outside_errors() -> list[str]:
    """Classes named like errors (``…Error``, ``…Refused``) defined anywhere but errors.py."""
    found = []
    for path in SRC.rglob("*.py"):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith(("Error", "Refused")):
                bases = {ast.unparse(b) for b in node.bases}
                if "BaseModel" not in bases:  # the API's JSON shape of an error, not a raise
                    found.append(f"{path.relative_to(SRC)}:{node.name}")
    return found


def test_no_error_class_lives_outside_errors_py() -> None:
    assert _exception_classes_outside_errors() == []


def test_every_error_in_errors_py_is_in_the_family() -> None:
    classes = [
        value
        for value in vars(newsweave.errors).values()
        if isinstance(value, type) and issubclass(value, BaseException)
    ]
    assert len(classes) >= 10
    outside = [c.__name__ for c in classes if not issubclass(c, NewsweaveError)]
    assert outside == []


def test_the_family_is_exported_from_the_package() -> None:
    import newsweave

    assert newsweave.NewsweaveError is NewsweaveError
