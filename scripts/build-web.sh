#!/usr/bin/env bash
# Build the web page into dist/: cargo profile release-z, wasm-bindgen 0.2.130 and
# wasm-opt -Oz (npm binaryen 132), all through trunk 0.21.14, offline.
# Needs: rustup target wasm32-unknown-unknown, `cargo install trunk --version 0.21.14 --locked`,
# `cargo install wasm-bindgen-cli --version 0.2.130` (see docs/reference toolchain notes).
set -euo pipefail
. "$(dirname "$0")/wasm-tools.sh"
if [ ! -x "$E2E/node_modules/.bin/wasm-opt" ] || [ ! -x "$E2E/node_modules/.bin/terser" ]; then
    (cd "$E2E" && npm ci --no-audit --no-fund)
fi
trunk build --offline "$@"
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
terser dist/boot.js --module --compress --mangle -o dist/boot.js.min
mv dist/boot.js.min dist/boot.js
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
