# Two commands matter: `make run` (talk to the bot) and `make test` (what CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check bench card-lengths load score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/python -m bot run

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m bot check
	$(BIN)/python -m bot coverage
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/python -m bot check
	$(BIN)/python -m bot coverage

score: $(STAMP)
	$(BIN)/python ../shared/eval/score.py -v

bench: $(STAMP)
	$(BIN)/python -m bench

card-lengths: $(STAMP)  # how long the answer cards to both development sets are (see bench/README.md)
	$(BIN)/python -m bench.card_lengths

load: $(STAMP)  # 50 concurrent signed slash commands for 30 s on loopback (not part of `make test`)
	$(BIN)/python scripts/load_test.py --clients 50 --seconds 30

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
