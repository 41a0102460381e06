#!/usr/bin/env bash
# Fuzz the core with libFuzzer (cargo-fuzz). Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Targets: analyze (the whole analysis on bytes), parse_conf (parser losslessness), logs
# (readers, glued-record search, knowledge base). Crashes land in fuzz/artifacts/<target>/.
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain provide them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install -q cargo-fuzz
SECS=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parse_conf logs analyze)
cd "$ROOT/fuzz"
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t"
  echo "== fuzz $t for ${SECS}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$SECS" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss|#[0-9]+ +DONE)|cov:|ERROR|panicked' | tail -4
done
