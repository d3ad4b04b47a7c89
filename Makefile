# Koers: two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck unit install clean benchmark browser-deps node-deps

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (python3.11 not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,embeddings]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/koers data load
	$(BIN)/koers demo seed
	@$(BIN)/koers forecast runs --limit 1 | grep -q run_key || $(MAKE) --no-print-directory forecast-demo
	$(BIN)/koers serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy src/koers/taxonomy src/koers/forecast src/koers/extraction src/koers/access src/koers/portfolio src/koers/check

unit: $(STAMP) browser-deps node-deps
	KOERS_REQUIRE_BROWSER=1 $(BIN)/pytest

# Headless Chromium for tests/web, from Debian's packages (Playwright only drives it; it never
# downloads a browser). Installs only when missing; needs root (as in CI) or sudo.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver </dev/null; \
	fi

# axe-core (accessibility checks in tests/web) from the npm registry, as locked.
node-deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --include=dev --no-audit --no-fund

test: lint typecheck unit

benchmark: $(STAMP)
	$(BIN)/python benchmarks/taxonomy_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules

# Demo forecast on SAMPLE panels (not real data); needs `koers data load` first (~10-20 s).
forecast-demo: $(STAMP)
	$(BIN)/koers forecast run --config src/koers/forecast/sample/demo.toml --out forecast-demo
