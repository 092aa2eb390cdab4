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

.PHONY: report test lint lab bench bench-large clean

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
	$(PY) -m benchmarks.bench_tiny
	$(PY) -m benchmarks.run
	$(PY) -m benchmarks.bench_stance

# the partitioned dataset on a 2-worker LocalCluster: 1,000,000 generated articles (about 6 GB of
# files plus the dataset on disk; long). BENCH_LARGE_ARGS="--n 20000" for a smaller run, "--quick" for 2,000
BENCH_LARGE_ARGS ?=
bench-large: $(DEV_STAMP)
	$(PY) -m benchmarks.bench_large $(BENCH_LARGE_ARGS)

# JupyterLab refuses to run as root (as in many containers) unless told to: say so and pass the flag
lab: $(STAMP)
	@if [ "$$(id -u)" = 0 ]; then echo "make lab: running as root, so JupyterLab is started with --allow-root"; fi
	$(VENV)/bin/jupyter lab notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean:
	rm -rf reports .pytest_cache
