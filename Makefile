# Two commands: `make run` and `make test`. Everything else is a step they use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per set of requirements, named by a checksum of its files: editing either file
# makes the next `make` install again.
INSTALLED := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
INSTALLED_DEV := $(VENV)/.installed-dev-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
DEV := DEBUG=true
# Line coverage of our code, with a floor; the total is the last line pytest prints.
COVERAGE := --cov=articles --cov=newsroom --cov-report=term-missing:skip-covered --cov-fail-under=90

.PHONY: run test install install-dev lint browser bench clean

run: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py seed_demo
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

test: install-dev browser lint
	$(PY) -m pytest -n 2 $(COVERAGE) $(PYTEST_ARGS)

# What production runs (requirements.txt) ...
install: $(INSTALLED)

$(INSTALLED): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

# ... and the tests and tooling on top (requirements-dev.txt).
install-dev: $(INSTALLED_DEV)

$(INSTALLED_DEV): $(INSTALLED) requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-dev-* && touch $@

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV) $(PY) manage.py check --fail-level WARNING
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

# The end-to-end tests drive Debian's Chromium (Playwright's own download cannot work here).
# Under CI=true they may not be skipped: no Chromium fails the run.
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || if [ "$$CI" = true ]; then echo "CI=true: Chromium is required and could not be installed." >&2; exit 1; \
	     else echo "Could not install Chromium: the browser tests will say so and be skipped."; fi

# Performance figures: every script in bench/ (reader pages; picture upload and phone bytes).
bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .coverage
