# Two commands matter: `make run` (talk to the bot) and `make test` (what CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What running the bot needs; then the dev tools `make test` needs; then the mutation tool.
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed
MUTANTS_STAMP := $(VENV)/.installed-mutants

.PHONY: run test test-fast mutants lint check bench card-lengths load score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(MUTANTS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,mutants]'
	touch $(MUTANTS_STAMP)

run: $(RUN_STAMP)
	@$(BIN)/python -m bot run

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m bot check
	$(BIN)/python -m bot coverage
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)  # the unit tests only: no server or Socket Mode client started (pytest -m "not e2e")
	$(BIN)/python -m pytest -q -m "not e2e"

# Mutation testing of the policy modules ([tool.mutmut] in pyproject.toml); slow, not part of `make test`.
# First the rules issue 11 named (constants, patterns, schema: scripts/policy_mutations.py), then mutmut
# over the code of those modules: prints the survivors (`$(BIN)/mutmut show NAME` shows one) and counts.
mutants: $(MUTANTS_STAMP)
	$(BIN)/python scripts/policy_mutations.py
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 || true
	$(BIN)/mutmut results
	$(BIN)/python scripts/mutant_counts.py

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
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache mutants
