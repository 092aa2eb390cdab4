# Two commands on a fresh machine (Python 3.11, pip, make):
#   make report   execute every notebook with its default parameters and render reports/
#   make test     unit tests, strict nbval on the committed notebooks, papermill parameter sweeps
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian's Chromium for the browser test of the rendered report (installed once, as root or via sudo)
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: report test lint lab bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

report: $(STAMP)
	$(PY) -m helpers.report

test: $(STAMP) $(CHROMIUM)
	$(VENV)/bin/ruff check helpers tests benchmarks
	$(PY) -m pytest tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with tests/notebooks/nbval_sanitize.cfg

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests benchmarks

DEV_STAMP := $(VENV)/.installed-dev

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV_STAMP)

bench: $(DEV_STAMP)
	$(PY) -m benchmarks.bench_cleaning
	$(PY) -m benchmarks.run
	$(PY) -m benchmarks.bench_stance

# JupyterLab refuses to run as root (as in many containers) unless told to: say so and pass the flag
lab: $(STAMP)
	@if [ "$$(id -u)" = 0 ]; then echo "make lab: running as root, so JupyterLab is started with --allow-root"; fi
	$(VENV)/bin/jupyter lab notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean:
	rm -rf reports .pytest_cache
