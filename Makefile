# Two commands do everything on a fresh machine:
#   make serve   build the pages and serve the site with live reload
#   make test    run the whole test suite (installs Chromium for the browser tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site site-zensical pages test bench bench-quick lighthouse chromium clean

# `make serve PORT=8001` serves on another port; Ctrl-C stops the server.
PORT ?= 8000
serve: $(VENV)/.site
	@$(BIN)/python -c "import socket, sys; busy = socket.socket().connect_ex(('127.0.0.1', $(PORT))) == 0; \
	sys.exit('port $(PORT) is already in use: stop the server there, or choose another port: make serve PORT=8001' if busy else 0)"
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

# The hook runs the pipeline (build.py's) before MkDocs builds.
site: $(VENV)/.site
	@[ -n "$$SITE_URL" ] || echo "warning: SITE_URL is not set: canonical links, sitemap.xml and robots.txt point at http://127.0.0.1:8000/; deploy with SITE_URL=https://your.host/path/ make site"
	$(BIN)/mkdocs build --strict

# The same site rendered by Zensical (policysite/adapters/zensical.py), into site-zensical/.
site-zensical: $(VENV)/.site
	$(BIN)/python -m policysite.adapters.zensical

pages: $(VENV)/.site
	$(BIN)/python build.py

# One pytest worker per core (pytest-xdist); --dist loadfile keeps each test file
# on one worker, so a file's module fixtures (a built site, a browser) are made once;
# files are handed out in name order (by default those with most tests go first,
# which left test_bench.py's one long test to the end, the other worker idle).
test: $(VENV)/.test node_modules/.installed chromium
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

# Benchmarks (bench/bench.py): the full run takes about 15 minutes; CI runs the quick one.
bench: $(VENV)/.test chromium
	$(BIN)/python bench/bench.py

bench-quick: $(VENV)/.test chromium
	$(BIN)/python bench/bench.py --quick

# Lighthouse (mobile) on the home page and a section page, served gzip-compressed.
lighthouse: $(VENV)/.site node_modules/.installed chromium
	$(BIN)/python bench/lighthouse.py --json bench/results/lighthouse.json

# Debian's chromium, and Noto CJK so pages and screenshots show Chinese rather than boxes.
chromium:
	@{ command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; } || { \
	  echo "installing Debian's chromium and fonts-noto-cjk for the browser tests"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

# axe-core for the accessibility tests, Lighthouse for `make lighthouse` (package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.site
	$(BIN)/python -m pip install -q -r requirements-test.txt
	touch $@

clean:
	rm -rf $(VENV) node_modules site .pytest_cache test-artifacts
