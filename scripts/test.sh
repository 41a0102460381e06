#!/usr/bin/env bash
# Every test corocheck has: formatting, unit and corpus tests, the differential and mutation
# tests against real corosync, the real-cluster lab (where the machine can run it), the
# example configs of Debian's corosync/pcs/crmsh packages, the wasm32 build of the core, the
# web build with its size budget, and the browser test.
# With CI=true or FUZZ=1, also a bounded fuzz run of every fuzz target (FUZZ_SECONDS each,
# default 60); a crash, timeout or out-of-memory fails it. This is what CI runs (.ci/run).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }
step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo test (core, cli, web, api)"
cargo test -p corocheck-core -p corocheck -p corocheck-web -p corocheck-api
step "real-cluster lab (three corosync nodes in network namespaces, scripts/lab.sh)"
if reason=$(scripts/lab.sh --check); then
    scripts/lab.sh --out "$ROOT/target/lab"
    CORO_LAB_DIR="$ROOT/target/lab" cargo test -q -p corocheck-core --test lab lab_live
else
    echo "lab skipped: $reason"
fi
step "Debian's corosync, pcs and crmsh example configs: no error, no warning"
scripts/debian-examples.sh
step "core builds for wasm32-unknown-unknown (no I/O, no wasm deps)"
cargo build -q -p corocheck-core --target wasm32-unknown-unknown --release
step "web build (trunk, release-z, wasm-opt)"
scripts/build-web.sh
step "bundle size budget"
scripts/size-budget.sh
step "browser test (Playwright, system Chromium)"
scripts/e2e.sh
if [ "${CI:-}" = true ] || [ "${FUZZ:-}" = 1 ]; then
  step "bounded fuzz: ${FUZZ_SECONDS:-60} s per target (scripts/fuzz.sh)"
  FUZZ_SECONDS=${FUZZ_SECONDS:-60} scripts/fuzz.sh
fi
