# Two commands on a fresh machine (Python 3.11, pip, make):
#   make report   execute every notebook with its default parameters and render reports/
#   make test     unit tests, strict nbval on the committed notebooks, papermill parameter sweeps
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: report test lint lab bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m helpers.report

test: $(STAMP)
	$(VENV)/bin/ruff check helpers tests
	$(PY) -m pytest tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests

DEV_STAMP := $(VENV)/.installed-dev

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV_STAMP)

bench: $(DEV_STAMP)
	$(PY) -m benchmarks.run

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks

clean:
	rm -rf reports .pytest_cache
