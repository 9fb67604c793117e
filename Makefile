# Cairn's two commands:
#   make run   install what is missing, build, load demo data into cairn.db, serve on :8080
#   make test  install what is missing, build, and pass every test (PostgreSQL included)
# Others: make build, make web, make bench, make test-unit, make fuzz, make install, make format,
# make clean.

BUILD ?= build
DB ?= cairn.db
PORT ?= 8080
PREFIX ?= /usr/local
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
# CI has two cores; use what the machine has.
JOBS ?= $(shell nproc)

.PHONY: all deps build web run test test-unit bench bench-uk bench-load fuzz check-sanitize install format clean

all: build web

deps:
	@bash scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

web: deps
	@cd web && npm run --silent build

run: build web
	@bash scripts/run-demo $(BUILD)/cairn $(DB) $(PORT)

test: build web
	@bash scripts/with-test-postgres ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Measurements for docs/benchmarks.md (see there for what each figure means).
bench: build
	@bash scripts/bench $(BUILD)

# The same end-to-end measurement at the uk scale (5M companies): hours, and more memory than
# resolve has today (docs/benchmarks.md).
bench-uk: build
	@bash scripts/bench-world $(BUILD) uk

# Load and a 10-minute soak with wrk against an existing store (make bench does this on the
# synthetic Scotland it builds): make bench-load DB=path/to/world.db [SOAK=600]
SOAK ?= 600
bench-load: build
	@bash scripts/bench-load $(BUILD) $(DB) $(SOAK)

# The libFuzzer targets (fuzz/), built with clang in build-fuzz/, each run for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: deps
	@bash scripts/fuzz build-fuzz $(FUZZ_SECONDS)

# Every test again, built with AddressSanitizer and UndefinedBehaviorSanitizer in build-sanitize/
# (a separate build: about twice as slow; not part of make test).
check-sanitize: deps web
	@cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAIRN_SANITIZE=ON >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0 \
	  bash scripts/with-test-postgres ctest --test-dir build-sanitize --output-on-failure -j $(JOBS)

# Unit tests only: no PostgreSQL, no browser.
test-unit: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L unit

# The binary, the web UI, the settings file and the deployment files under PREFIX (docs/deploy.md).
install: build web
	@cmake --install $(BUILD) --prefix $(PREFIX)

format:
	@find src tests -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) build-fuzz build-sanitize web/dist
