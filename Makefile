# Thin wrapper so the README's commands are one word each. The real build is CMake.
BUILD     ?= build
ASAN_BUILD ?= build-asan
RELEASE_BUILD ?= build-release
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS      ?= $(shell nproc)
CTEST     = ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
OPT_OUT   = live|stress|bench|fuzz

.PHONY: all deps build release asan test test-live test-all stress bench fuzz fuzz-build asan-test demo report profiles compare compare-usage clean

all: build

deps:
	@echo "== installing Debian packages (scripts/install-deps)"
	@bash scripts/install-deps

build: deps
	@echo "== configuring and building in $(BUILD)/"
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# -O3 finds warnings (maybe-uninitialized, format-truncation) that -O2 does
# not; -Werror makes them errors, so CI builds this type too.
release: deps
	@echo "== building with CMAKE_BUILD_TYPE=Release in $(RELEASE_BUILD)/"
	@cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(RELEASE_BUILD) -j $(JOBS)

asan: deps
	@echo "== building with ASan+UBSan in $(ASAN_BUILD)/"
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DLB_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

# The default test set: everything not labelled live/stress/bench/fuzz.
test: build
	@echo "== running the default test set (ctest -LE '$(OPT_OUT)')"
	@$(CTEST) -LE '$(OPT_OUT)'

test-live: build
	@echo "== running live tests (ctest -L live)"
	@$(CTEST) -L live -j 1

test-all: build
	@$(CTEST) -j 1

# The seed's stress check (tests/stress/decnet.sh): loadgen's decnet scenario
# against refserver; -V streams loadgen's console table while it runs.
# `ctest -L stress` also runs profiles_run_quick.
stress: build
	@echo "== stress: loadgen -f decnet vs refserver (STRESS_USERS=$${STRESS_USERS:-2000} STRESS_SPAWN_RATE=$${STRESS_SPAWN_RATE:-200} STRESS_DURATION=$${STRESS_DURATION:-60} STRESS_MAX_P95_MS=$${STRESS_MAX_P95_MS:-5000})"
	@ctest --test-dir $(BUILD) -R '^stress_decnet$$' -V

bench: build
	@$(CTEST) -L bench -j 1

# The fuzz label: the bounded mutation scripts in $(BUILD), then the libFuzzer
# targets (tests/fuzz) in a clang-14 ASan+UBSan build, FUZZ_SECONDS each. The
# gcc builds keep warnings fatal; here a clang-only warning is shown, not
# allowed to stop the fuzzing.
fuzz: build fuzz-build
	@$(CTEST) -L fuzz -j 1
	@ctest --test-dir $(FUZZ_BUILD) --output-on-failure -L fuzz -R '^fuzz_' -j 1

fuzz-build: deps
	@echo "== building the libFuzzer targets with clang-14 in $(FUZZ_BUILD)/"
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLB_FUZZ=ON -DLB_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_refserver fuzz_scenario fuzz_locust_csv fuzz_worker_msg

asan-test: asan
	@echo "== default + live tests under ASan+UBSan"
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -LE 'stress|bench|fuzz'

demo: build
	@bash scripts/demo

report: build
	@bash scripts/report

profiles: build
	@bash profiles/run

# make compare BASE=rev [HEAD=rev] [COMPARE_ARGS='--runs 7 ...']: is HEAD slower than BASE?
# (scripts/compare-commits: worktrees, alternating runs, analyze compare + gate)
compare-usage:
	@test -n "$(BASE)" || { echo "usage: make compare BASE=rev [HEAD=rev] [COMPARE_ARGS=...]" >&2; exit 2; }
compare: compare-usage build
	@LB_BIN_DIR=$(BUILD)/bin bash scripts/compare-commits $(COMPARE_ARGS) $(BASE) $(or $(HEAD),HEAD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(RELEASE_BUILD)
