#!/usr/bin/env bash
# Build the large-file worker's wasm into dist/worker/: the crate corocheck-worker (worker/),
# cargo profile release-speed (opt-level 3), wasm-bindgen --target web, wasm-opt -O3 --converge. Its
# files carry a hash of their bytes in their names, and index.html names them
# (data-worker-js, data-worker-wasm on the boot script's tag) for the page to hand to
# web/worker.js. scripts/build-web.sh calls this after trunk (trunk may empty dist/), then
# writes sw.js, whose cache version covers these files: build the page with build-web.sh.
# `scripts/build-worker.sh --out DIR` builds into DIR only (for tests/e2e/bench-logs.mjs).
set -euo pipefail
. "$(dirname "$0")/wasm-tools.sh"
OUT=dist/worker
INDEX=dist/index.html
if [ "${1:-}" = "--out" ]; then
    OUT=${2:?usage: build-worker.sh --out DIR}
    INDEX=
fi
cargo build -q -p corocheck-worker --lib --target wasm32-unknown-unknown --profile release-speed
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
wasm-bindgen --target web --out-dir "$TMP" --out-name corocheck-worker --no-typescript \
    target/wasm32-unknown-unknown/release-speed/corocheck_worker.wasm
# --converge: -O3 again until the module stops changing (as for the page and the API).
wasm_opt -O3 "$TMP/corocheck-worker_bg.wasm" --converge
terser "$TMP/corocheck-worker.js" --module --compress --mangle -o "$TMP/corocheck-worker.min.js"
HASH=$(cat "$TMP/corocheck-worker_bg.wasm" "$TMP/corocheck-worker.min.js" | sha256sum | cut -c1-16)
rm -rf "$OUT"
mkdir -p "$OUT"
JS="corocheck-worker-$HASH.js"
WASM="corocheck-worker-${HASH}_bg.wasm"
mv "$TMP/corocheck-worker.min.js" "$OUT/$JS"
mv "$TMP/corocheck-worker_bg.wasm" "$OUT/$WASM"
[ -n "$INDEX" ] || exit 0
python3 - "$INDEX" "worker/$JS" "worker/$WASM" <<'PY'
import pathlib, re, sys
index, js, wasm = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
# A second run replaces the names of the first (whose files are gone).
html = re.sub(r'\s+data-worker-(?:js|wasm)=(?:"[^"]*"|[^\s>]+)', '', index.read_text())
# The boot script's tag (Trunk.toml's pattern_script) is the one with data-wasm.
new, n = re.subn(r'(<script\b[^>]*?)(\s)(data-wasm=)',
                 lambda m: f'{m.group(1)} data-worker-js="{js}" data-worker-wasm="{wasm}"{m.group(2)}{m.group(3)}',
                 html, count=1)
if n != 1:
    sys.exit("build-worker: no <script data-wasm> tag in index.html")
index.write_text(new)
PY
sizes dist/worker "$OUT"/*
