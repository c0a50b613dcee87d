# Two commands: `make demo` installs and briefs the bundled example story; `make test` installs
# the dev extras and runs ruff, mypy and pytest. uv itself is installed with pip into .tools/.

PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
EXAMPLE := examples/harbour-fire/

.PHONY: demo test install install-dev lint typecheck pytest bench clean

demo: install
	$(VENV)/bin/newsweave brief $(EXAMPLE)

test: install-dev lint typecheck pytest

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --frozen --inexact

install-dev: $(UV)
	$(UV) sync --frozen --extra dev --extra dask

lint:
	$(VENV)/bin/ruff check src tests bench

typecheck:
	$(VENV)/bin/mypy

pytest:
	$(VENV)/bin/pytest

bench: install-dev
	$(VENV)/bin/python bench/extract_aeb.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache .pytest_cache bench/out
