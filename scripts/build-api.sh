#!/usr/bin/env bash
# Build the embedding bundle into dist/embed/: the JavaScript API (crate corocheck-api,
# wasm-bindgen --target web, wasm-opt -Oz), its TypeScript types, the hand-written
# <pre data-corocheck> element and its stylesheet. scripts/build-web.sh calls this after trunk
# (trunk may empty dist/); embed.html goes next to the page.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
E2E="$ROOT/tests/e2e"
export PATH="$E2E/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
OUT=dist/embed
cargo build -q -p corocheck-api --lib --target wasm32-unknown-unknown --profile release-z
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$OUT" --out-name corocheck \
    target/wasm32-unknown-unknown/release-z/corocheck_api.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --low-memory-unused --zero-filled-memory \
    -o "$OUT/corocheck_bg.wasm" "$OUT/corocheck_bg.wasm"
cp api/js/corocheck-embed.js api/js/corocheck-embed.d.ts api/js/corocheck-embed.css \
    api/js/embed-demo.js "$OUT/"
cp embed.html dist/
echo "dist/embed sizes (raw / gzip -9):"
for f in "$OUT"/*; do
    printf '  %-44s %9d %9d\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
