# Redress: `make demo` serves the demo on http://127.0.0.1:8000; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ENV := DJANGO_SETTINGS_MODULE=redress.config.settings.base
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo serve test check lint typecheck pytest install frontend chromium pdf-libraries clean

demo: install frontend pdf-libraries
	@mkdir -p var
	$(DEMO_ENV) $(BIN)/redress migrate --no-input
	$(DEMO_ENV) $(BIN)/redress demo_setup
	$(DEMO_ENV) $(BIN)/gunicorn redress.config.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: install frontend chromium pdf-libraries check pytest

check: lint typecheck

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

pytest: install frontend chromium pdf-libraries
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Redress needs Python 3.11 or newer.")'
	@$(PYTHON) -m venv $(VENV) || { \
		echo "Installing Python's venv module with apt-get"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv && \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
		echo "Installing Node.js and npm with apt-get"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend: node_modules/.installed
	npm run --silent build

chromium:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's Chromium for the browser tests"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# WeasyPrint draws letters with Pango; Debian's slim images may lack it.
pdf-libraries:
	@ldconfig -p | grep -q libpangoft2-1.0 || { \
		echo "Installing Pango for PDF letters"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; }

clean:
	rm -rf $(VENV) node_modules var src/redress/frontend/static/redress/app.css src/redress/frontend/static/vendor
