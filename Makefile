# Two commands: `make demo` installs and briefs the bundled example story; `make test` installs
# the dev extras and runs ruff, lint-imports, mypy and pytest. uv itself is installed with pip into .tools/.

PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
EXAMPLE := examples/harbour-fire/
# What the browser and store tests drive; .ci/run installs both on a fresh machine. Without
# them pytest would skip those tests and pass with fewer tests than CI runs.
CHROMIUM ?= $(or $(shell command -v chromium),/usr/bin/chromium)
PG_INITDB ?= $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb))

.PHONY: demo test install install-dev need-system lint typecheck pytest bench clean

demo: install
	$(VENV)/bin/newsweave brief $(EXAMPLE)

test: need-system install-dev lint typecheck pytest

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --frozen --inexact

install-dev: $(UV)
	$(UV) sync --frozen --extra dev --extra dask

need-system:
	@test -x "$(CHROMIUM)" || { echo "make test: the browser tests need Chromium at $(CHROMIUM): apt-get install chromium (or run: bash .ci/run)" >&2; exit 1; }
	@test -n "$(PG_INITDB)" || { echo "make test: the store tests need PostgreSQL's server binaries: apt-get install postgresql (or run: bash .ci/run)" >&2; exit 1; }

lint:
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports --no-cache

typecheck:
	$(VENV)/bin/mypy

pytest:
	CHROMIUM=$(CHROMIUM) $(VENV)/bin/pytest

bench: install-dev
	$(VENV)/bin/python bench/extract_aeb.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache .pytest_cache bench/out
