# article-lens — `make help` lists the targets.
# Uses the active virtual environment if there is one, otherwise creates .venv/.
PYTHON ?= python3
ifdef VIRTUAL_ENV
BIN := $(VIRTUAL_ENV)/bin
else
BIN := .venv/bin
endif
# Offline NLTK data shipped beside the project (used when NLTK_DATA is not set).
ifeq ($(origin NLTK_DATA),undefined)
ifneq ($(wildcard ../shared/nltk_data),)
export NLTK_DATA := $(abspath ../shared/nltk_data)
endif
endif
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup report test lab bench reference clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv .venv

$(BIN)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[notebooks,test]"
	@touch $@

setup: $(BIN)/.installed ## install the project and check the NLTK data (downloads only what is missing)
	$(BIN)/python -m analysis setup

report: setup ## build the HTML reports of every article in data/articles/ into reports/
	$(BIN)/python -m analysis report

test: setup ## run the whole test suite: unit tests, doctests, notebooks (nbval), browser checks
	$(BIN)/python -m pytest

lab: setup ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

bench: setup ## print speed, size and memory figures (benchmarks/)
	$(BIN)/python benchmarks/run.py

reference: setup ## rebuild data/reference/ (word frequencies, the brief's reference) from NLTK's Brown corpus
	$(BIN)/python -m analysis reference

clean: ## delete generated reports and caches (never data/articles/)
	rm -rf reports/*/ reports/index.html reports/compare.html .pytest_cache tests/artifacts
