#!/usr/bin/env bash
# Fuzz the core with libFuzzer (cargo-fuzz). Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# (FUZZ_SECONDS overrides the first argument.) Targets:
#   parse_conf  parser losslessness, both dialects      logs   readers, glued records, knowledge base
#   analyze     the whole analysis on bytes              detect format detection and segmentation
#   cman        cluster.conf reader, rules, conversion   fix    fix_all, and its output reanalysed
#   multi       several inputs at once (C801-C804)     api    the JS API's options JSON and report
#   share       share-link decoding (base64url, payload)
#   redact      redaction of several inputs
# Each run starts from fuzz/corpus/<target>/ (committed seeds: seed-*, see scripts/fuzz-seeds.sh)
# and adds what it finds there (not committed). A crash, timeout (>5 s) or OOM (>2 GB) fails
# the script; the input lands in fuzz/artifacts/<target>/ and the log in fuzz/artifacts/<target>.log.
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain provide them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
SECS=${FUZZ_SECONDS:-${1:-60}}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parse_conf logs analyze detect cman fix multi api share redact)
cd "$ROOT/fuzz"
export RUSTC_BOOTSTRAP=1
# Build first (all targets, or the one asked for), so build time is not fuzzing time.
one=()
[ ${#TARGETS[@]} -ne 1 ] || one=("${TARGETS[0]}")
cargo fuzz build -O "${one[@]}" 2>&1 | tail -1
mkdir -p artifacts
fail=0
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t"
  case $t in
    cman) dict=(-dict=dict/cman.dict) ;;
    api) dict=(-dict=dict/api.dict) ;;
    logs) dict=() ;;
    share) dict=(-dict=dict/share.dict) ;;
    redact) dict=(-dict=dict/redact.dict) ;;
    *) dict=(-dict=dict/conf.dict) ;;
  esac
  log="artifacts/$t.log"
  echo "== fuzz $t for ${SECS}s"
  if cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$SECS" -timeout=5 \
    -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" >"$log" 2>&1; then
    # The last status line (executions, cov, ft, corpus) and the final stats.
    grep -E '^#[0-9]+' "$log" | tail -1
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' '
    echo
  else
    fail=1
    echo "FAILED: $t (log: fuzz/$log)"
    grep -E -A25 'ERROR: libFuzzer|panicked|==ERROR' "$log" | head -60
  fi
done
exit $fail
