# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve build validate test lint browser clean bench

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

validate: $(STAMP)
	$(BIN)/python -m generator validate

build: validate
	$(BIN)/python -m generator build --strict

serve: build
	$(BIN)/python -m generator serve --dev-addr 127.0.0.1:8000

browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium zbar-tools; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium zbar-tools'"; exit 1; fi; }

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests benchmarks

test: $(TEST_STAMP) browser
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/python -m generator validate
	# Python may keep compiled modules even where the machine says not to (PYTHONDONTWRITEBYTECODE): pytest then
	# compiles each test module and plugin once a run, not once per process (hypothesis alone takes 2.5 s of CPU).
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 -p xdist --dist worksteal

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --sizes 100 1000 10000

clean:
	rm -rf site build/docs/* .pytest_cache .ruff_cache
