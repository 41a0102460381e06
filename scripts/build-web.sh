#!/usr/bin/env bash
# Build the web page into dist/: cargo profile release-z and wasm-bindgen 0.2.130 through
# trunk 0.21.14, offline; then wasm-split-cli 0.8.0-alpha.3 and wasm-opt -Oz (npm binaryen 132).
# Needs: rustup target wasm32-unknown-unknown, `cargo install trunk --version 0.21.14 --locked`,
# `cargo install wasm-bindgen-cli --version 0.2.130`, `cargo install wasm-split-cli --version
# 0.8.0-alpha.3 --locked` (scripts/setup.sh installs all three).
set -euo pipefail
. "$(dirname "$0")/wasm-tools.sh"
if [ ! -x "$E2E/node_modules/.bin/wasm-opt" ] || [ ! -x "$E2E/node_modules/.bin/terser" ]; then
    (cd "$E2E" && npm ci --no-audit --no-fund)
fi
# The page's wasm is linked with its relocations (--emit-relocs), which wasm-split-cli reads
# to find every function and piece of data a function reaches. In a target folder of its own:
# the embedding bundle and the worker share the release-z profile and must not carry them.
# wasm-ld -O0: no merging of a string into the tail of another. The splitter zeroes, in the
# page's wasm, the data only the late part uses; with merged strings that data can overlap
# data the page uses (a `:` of a format string was lost so), and split_page checks that no
# two data symbols overlap.
PAGE_TARGET="$ROOT/target/page"
CARGO_TARGET_DIR="$PAGE_TARGET" \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128 -C link-arg=--emit-relocs -C link-arg=-O0" \
    trunk build --offline "$@"
# Split the late part of the analysis out of the page's wasm (web/src/late.rs): everything
# only its entry point reaches (the log reader, the knowledge base, the incidents, the ties,
# the cluster.conf analysis, redaction) goes to late-<hash>.wasm, fetched when an input needs
# it; the page's wasm calls it through its function table. Then wasm-opt each part.
split_page() {
    local bg tmp late
    bg=$(ls dist/corocheck-web-*_bg.wasm)
    tmp=$(mktemp -d)
    local linked="$PAGE_TARGET/wasm32-unknown-unknown/release-z/corocheck-web.wasm"
    # No two data symbols of the linked wasm share a byte (see -O0 above).
    python3 scripts/split-check.py overlap "$linked"
    if ! wasm-split-cli split "$linked" "$bg" "$tmp" > "$tmp/log" 2>&1; then
        cat "$tmp/log"
        exit 1
    fi
    # The late part may import only what late.js gives it: the page's memory, function table
    # and globals. Anything else (another split chunk, a JS import) would fail at run time.
    python3 scripts/split-check.py imports "$tmp/module_0_run.wasm"
    mv "$tmp/main.wasm" "$bg"
    wasm_opt -Oz "$bg" --converge &
    wasm_opt -Oz "$tmp/module_0_run.wasm" --converge
    wait $!
    late="late-$(sha256sum "$tmp/module_0_run.wasm" | cut -c1-16).wasm"
    rm -f dist/late-*.wasm
    mv "$tmp/module_0_run.wasm" "dist/$late"
    rm -rf "$tmp"
    # index.html: the wasm's new Subresource Integrity hash, and the late part's name for
    # late.js (on the boot script, beside the other file names).
    python3 - "$bg" "$late" <<'PY'
import base64, hashlib, pathlib, re, sys
wasm, late = pathlib.Path(sys.argv[1]), sys.argv[2]
sri = "sha384-" + base64.b64encode(hashlib.sha384(wasm.read_bytes()).digest()).decode()
index = pathlib.Path("dist/index.html")
html = index.read_text()
html, n = re.subn(r'(href=\.?/?' + re.escape(wasm.name) + r' integrity=)sha384-[A-Za-z0-9+/=]+',
                  lambda m: m.group(1) + sri, html)
html, k = re.subn(r'<script (data-js=)', lambda m: f'<script data-late=./{late} ' + m.group(1), html)
if n != 1 or k != 1:
    sys.exit(f"build-web: expected one wasm integrity and one boot script in index.html, found {n} and {k}")
index.write_text(html)
PY
}
split_page
# trunk's own JS minifier cannot parse wasm-bindgen's `export default` and ships the glue as it
# is; terser (npm, pure JS) minifies it (about 1.7 KB gzip less), and the Subresource Integrity
# hash trunk wrote into index.html is recomputed for the new bytes.
for js in dist/corocheck-web-*.js; do
    terser "$js" --module --compress --mangle -o "$js.min"
    mv "$js.min" "$js"
    python3 - "$js" <<'PY'
import base64, hashlib, pathlib, re, sys
js = pathlib.Path(sys.argv[1])
sri = "sha384-" + base64.b64encode(hashlib.sha384(js.read_bytes()).digest()).decode()
index = pathlib.Path("dist/index.html")
html = index.read_text()
pattern = r'(href=\.?/?' + re.escape(js.name) + r' integrity=)sha384-[A-Za-z0-9+/=]+'
new, n = re.subn(pattern, lambda m: m.group(1) + sri, html)
if n != 1:
    sys.exit(f"build-web: expected one integrity attribute for {js.name} in index.html, found {n}")
index.write_text(new)
PY
done
# The large-file worker's own wasm (built for speed, fetched only for a large file), named in
# index.html: before sw.js is written, whose version covers it.
scripts/build-worker.sh
# The rule docs are not in the wasm: the page fetches them from docs.json on first use
# (web/src/docs.rs). They come from the same source as the checks.
cargo run -q -p corocheck -- rules --json > dist/docs.json.tmp
mv dist/docs.json.tmp dist/docs.json
# The page's text, per language and part (the wasm has none; web/src/lang.rs installs them):
# text-<lang>.txt before the first render, logs-, cman- and trento-<lang>.txt when the input
# needs them (core::i18n::Part).
for lang in en ja; do
    for part in text logs cman trento; do
        cargo run -q -p corocheck -- text "$lang" --part "$part" > "dist/$part-$lang.txt.tmp"
        mv "dist/$part-$lang.txt.tmp" "dist/$part-$lang.txt"
    done
done
for js in boot late; do
    terser "dist/$js.js" --module --compress --mangle -o "dist/$js.js.min"
    mv "dist/$js.js.min" "dist/$js.js"
done
# The service worker, with the app's files to keep for offline use (web/sw.js); after
# boot.js is minified and docs.json written, since its version hashes their bytes.
python3 - <<'PY'
import hashlib, json, pathlib
dist = pathlib.Path("dist")
names = sorted(p.name for p in dist.iterdir()
               if p.suffix in (".wasm", ".js", ".css", ".txt") and p.name != "sw.js")
# Not the large-file worker's wasm (dist/worker/): 347 KB a visit would fetch for nothing
# unless it opens a large file. The worker keeps it once fetched, as it keeps docs.json.
worker = sorted("worker/" + p.name for p in (dist / "worker").iterdir())
files = ["./", "index.html"] + names
# The version covers every byte the worker may serve (boot.js and docs.json keep their names
# across releases), so a new build always gets a new cache.
h = hashlib.sha256()
for name in files[1:] + ["docs.json"] + worker:
    h.update(name.encode() + b"\0" + (dist / name).read_bytes())
version = h.hexdigest()[:16]
src = pathlib.Path("web/sw.js").read_text()
out = src.replace("__VERSION__", version).replace("__FILES__", json.dumps(files))
(dist / "sw.js").write_text(out)
PY
terser dist/sw.js --module --compress --mangle -o dist/sw.js.min
mv dist/sw.js.min dist/sw.js
# The embedding bundle (dist/embed/, embed.html): after trunk, which may empty dist/.
scripts/build-api.sh
sizes dist/ dist/*.wasm dist/*.js dist/*.css dist/index.html dist/docs.json
