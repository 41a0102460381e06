#!/usr/bin/env bash
# Build the web page into dist/: cargo profile release-z, wasm-bindgen 0.2.130 and
# wasm-opt -Oz (npm binaryen 132), all through trunk 0.21.14, offline.
# Needs: rustup target wasm32-unknown-unknown, `cargo install trunk --version 0.21.14 --locked`,
# `cargo install wasm-bindgen-cli --version 0.2.130` (see docs/reference toolchain notes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
E2E="$ROOT/tests/e2e"
if [ ! -x "$E2E/node_modules/.bin/wasm-opt" ]; then
    (cd "$E2E" && npm ci --no-audit --no-fund)
fi
export PATH="$E2E/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
trunk build --offline "$@"
# The rule docs are not in the wasm: the page fetches them from docs.json on first use
# (web/src/docs.rs). They come from the same source as the checks.
cargo run -q -p corocheck -- rules --json > dist/docs.json.tmp
mv dist/docs.json.tmp dist/docs.json
# The embedding bundle (dist/embed/, embed.html): after trunk, which may empty dist/.
scripts/build-api.sh
echo "dist/ sizes (raw / gzip -9):"
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html dist/docs.json; do
    [ -e "$f" ] || continue
    printf '  %-44s %9d %9d\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
