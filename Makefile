# Everything a fresh machine needs: `make run` serves the bot, `make test` tests it.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/triage.tar.gz
# The websites that may embed the widget (Rasa's --cors); bot/settings.py declares every variable.
TRIAGE_CLINIC_ORIGINS ?= http://localhost:8080
ifdef CLINIC_ORIGINS
$(error CLINIC_ORIGINS is no longer read: it is now TRIAGE_CLINIC_ORIGINS)
endif
WEB_PORT ?= 8080

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)
export PYTHONHASHSEED := 0

# The Rasa HTTP API (`make rasa` enables it) answers only with this token (?token=...); unset, a random
# one that nobody is told, so the API stays closed. Only the channels are public (docs/deployment.md).
# It reaches Rasa through the environment (components/launch.py), never the command line (`ps` shows it).
# The action server's shared secret and the widget's session key: TRIAGE_ACTION_SECRET and
# TRIAGE_SESSION_SECRET (or ..._FILE), else made once in var/ (clinic/server_secrets.py).
ifndef TRIAGE_API_TOKEN
TRIAGE_API_TOKEN := $(shell python3 -c 'import secrets; print(secrets.token_hex(24))')
endif
export TRIAGE_API_TOKEN

.PHONY: help provision setup train run actions rasa test eval validate clean web web-deps demo-page

setup: $(VENV)/.installed ## create .venv from requirements.lock (only when the lock changed)

$(VENV)/.installed: requirements.lock
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --ignore-requires-python -r requirements.lock
	touch $@

# What the tests need from the system (Debian's chromium, chromium-driver, postgresql, nginx, redis-server),
# installed with apt when missing; as a user who is not root it says which command to run. A no-op otherwise.
provision: ## install the system packages the tests need, when missing (apt; as root)
	@scripts/provision

help: ## this list
	@awk -F':[^#]*## ' '/^[a-z][a-z-]*:[^=]*## / {gsub(/\$$\(WEB_PORT\)/, "$(WEB_PORT)", $$2); printf "  make %-17s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# Retrain only when what the model learns from has changed.
MODEL_INPUTS := config.yml domain.yml $(wildcard data/nlu/*.yml data/rules/*.yml data/stories/*.yml) \
	bot/lexicon.py bot/nlp.py bot/sound_alike.py bot/body_systems.py bot/context_rules.py bot/spacy_pipeline/config.cfg components/nlu/symptom_scanner.py \
	data/body_systems/corpus.jsonl data/body_systems/frames.txt components/nlu/body_systems.py bot/system_checks.py

train: $(MODEL) ## train models/triage.tar.gz (only when the data, config or lexicon changed)

$(MODEL): $(VENV)/.installed $(MODEL_INPUTS)
	$(BIN)/rasa train --fixed-model-name triage --out models --quiet
	touch $@

# The domain's clinical responses come from bot/wording.py and clinic.yml (written once, there).
domain.yml: bot/wording.py clinic.yml scripts/write_domain | $(VENV)/.installed
	$(BIN)/python scripts/write_domain
	touch $@

# The action server listens on 127.0.0.1 only (SANIC_HOST overrides) and answers only calls that carry
# the shared secret (actions/auth.py).
actions: setup ## the action server alone (127.0.0.1:5055)
	$(BIN)/rasa run actions --actions actions --port 5055

rasa: setup train ## the Rasa server alone (:5005), HTTP API behind TRIAGE_API_TOKEN (read from the environment)
	$(BIN)/python -m components.launch run --model $(MODEL) --port 5005 --cors $(foreach origin,$(TRIAGE_CLINIC_ORIGINS),'$(origin)') \
		--endpoints endpoints.yml --credentials credentials.yml --enable-api

# Both servers and the demo clinic page in the foreground; Ctrl-C stops them all.
run: setup train ## serve the bot, the action server and the demo clinic page (Ctrl-C stops all)
	@trap 'kill 0' INT TERM; \
	$(MAKE) --no-print-directory actions & \
	$(MAKE) --no-print-directory rasa & \
	$(MAKE) --no-print-directory demo-page & \
	wait

validate: setup ## rasa data validate --fail-on-warnings
	$(BIN)/rasa data validate --fail-on-warnings --quiet

test: provision setup train ## every test but tests/load (installs chromium, postgresql... when missing)
	$(BIN)/python -m pytest

eval: setup train ## the labelled message sets and the blind conversation sets (over REST), with every miss
	-$(BIN)/python -m eval
	$(BIN)/python -m eval.conversations

clean: ## remove models and pytest caches
	rm -rf models .pytest_cache

# ---- The website widget (web/, README "Embedding the chat widget"). web/dist/widget.js is committed,
# so `make run` needs no npm; it is rebuilt when its sources change.
WEB_SOURCES := web/build.mjs web/package.json web/package-lock.json $(wildcard web/src/*.js web/src/*.css)
setup: web/dist/widget.js
test: web-deps

web: web/dist/widget.js ## rebuild the widget (web/dist/widget.js)

web-deps: web/node_modules/.package-lock.json ## npm ci in web/

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web/dist/widget.js: $(WEB_SOURCES)
	$(MAKE) --no-print-directory web-deps
	cd web && node build.mjs

# A picture of each disposition card per viewport (desktop, phone) into docs/, for reviewers (README).
.PHONY: screenshots
screenshots: provision setup train web-deps ## retake the widget pictures in docs/ (tests/browser)
	TRIAGE_SCREENSHOTS=docs $(BIN)/python -m pytest tests/browser -k screenshots -q

# The demo clinic page (web/demo/) at http://localhost:$(WEB_PORT)/, with the widget in one script tag.
demo-page: setup ## the demo clinic page alone (:$(WEB_PORT))
	$(BIN)/python -m web.serve --port $(WEB_PORT)

# ---- Clinic operations (README "Clinic operations and privacy"). The database is TRIAGE_DATABASE_URL,
# else var/conversations.db. SINCE/UNTIL are UTC dates; FORMAT is csv or json.
SINCE ?= 2000-01-01
FORMAT ?= csv
.PHONY: audit-export audit-report purge escalation-retry test-clinic

audit-export: setup ## the audit trail since SINCE (until UNTIL) as FORMAT=csv|json
	$(BIN)/python -m clinic export --since $(SINCE) $(if $(UNTIL),--until $(UNTIL)) --format $(FORMAT)

audit-report: setup ## counts by level and red flag since SINCE (until UNTIL)
	$(BIN)/python -m clinic report --since $(SINCE) $(if $(UNTIL),--until $(UNTIL))

# Deletes conversations and audit rows older than TRIAGE_RETENTION_DAYS (default 90); run it daily.
purge: setup ## delete what is older than TRIAGE_RETENTION_DAYS
	$(BIN)/python -m clinic purge

escalation-retry: setup ## resend undelivered escalations
	$(BIN)/python -m clinic retry

test-clinic: provision setup train ## tests/clinic alone
	$(BIN)/python -m pytest tests/clinic

# ---- Load and scale-out (tests/load, docs/deployment.md): 100 conversations x 20 messages, two Rasa servers
# behind nginx sharing PostgreSQL and a Redis lock store, all on the loopback (Debian's nginx, redis-server,
# postgresql, installed by scripts/provision). `make test` leaves tests/load out. About 6 minutes.
.PHONY: test-load
test-load: provision setup train ## load and scale-out on nginx, Redis and PostgreSQL (tests/load)
	$(BIN)/python -m pytest tests/load -s

# ---- Benchmark (bench/, docs/benchmarks.md): ours side by side with the `rasa init` baseline, in one run.
# Not a test: prints, writes bench/results/latest.json, docs/benchmarks.md and docs/benchmark-latency.png. ~15 min.
.PHONY: bench
bench: $(VENV)/.installed ## the benchmark against the rasa init baseline (~15 min)
	$(BIN)/python -m bench.run

# ---- Lint, format and types (pyproject.toml): ruff for both, mypy on the clinical core and clinic/.
.PHONY: lint format
lint: $(VENV)/.installed ## ruff (lint, format check) and mypy on bot/ and clinic/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed ## ruff: fix what it can and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
