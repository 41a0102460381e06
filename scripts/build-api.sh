#!/usr/bin/env bash
# Build the embedding bundle into dist/embed/: the JavaScript API (crate corocheck-api,
# wasm-bindgen --target web, wasm-opt -Oz --converge), its TypeScript types, the hand-written
# <pre data-corocheck> element and its stylesheet. scripts/build-web.sh calls this after trunk
# (trunk may empty dist/); embed.html goes next to the page.
# `scripts/build-api.sh --bench DIR` builds instead, into DIR, the same bundle with the
# `bench` feature (analyzeOnly, for tests/e2e/bench-logs.mjs); it is never shipped.
set -euo pipefail
. "$(dirname "$0")/wasm-tools.sh"
OUT=dist/embed
FEATURES=()
TARGET_DIR=target
if [ "${1:-}" = "--bench" ]; then
    OUT=${2:?usage: build-api.sh --bench DIR}
    FEATURES=(--features bench)
    # Its own target directory: the shipped build can never pick up the bench build's wasm.
    TARGET_DIR=target/bench
fi
cargo build -q -p corocheck-api --lib --target wasm32-unknown-unknown --profile release-z \
    --target-dir "$TARGET_DIR" "${FEATURES[@]}"
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$OUT" --out-name corocheck \
    "$TARGET_DIR/wasm32-unknown-unknown/release-z/corocheck_api.wasm"
# --converge (as trunk runs it for the page): -Oz again until the module stops shrinking. One
# pass alone left modules that gzip 3 KB worse, and the result swung with small code changes.
wasm_opt -Oz "$OUT/corocheck_bg.wasm" --converge
if [ ${#FEATURES[@]} -gt 0 ]; then
    exit 0
fi
cp api/js/corocheck-embed.js api/js/corocheck-embed.d.ts api/js/corocheck-embed.css \
    api/js/embed-demo.js "$OUT/"
cp embed.html dist/
sizes dist/embed "$OUT"/*
