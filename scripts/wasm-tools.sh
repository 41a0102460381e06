# Sourced (not run) by build-web.sh, build-api.sh and build-worker.sh: the repository root as
# the working directory, the project's tools on PATH (npm's wasm-opt and terser in
# tests/e2e/node_modules, cargo's trunk and wasm-bindgen), and two helpers.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
E2E="$ROOT/tests/e2e"
export PATH="$E2E/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# wasm_opt LEVEL FILE [FLAG...]: wasm-opt FILE in place at LEVEL (-Oz, -O3), with the features
# every corocheck wasm is built with (SIMD: .cargo/config.toml; the rest are rustc's defaults)
# and any further flags.
wasm_opt() {
    wasm-opt "$1" --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --low-memory-unused --zero-filled-memory \
        "${@:3}" -o "$2" "$2"
}

# sizes LABEL FILE...: the raw and gzip -9 size of each FILE that exists.
sizes() {
    local f
    echo "$1 sizes (raw / gzip -9):"
    shift
    for f in "$@"; do
        [ -e "$f" ] || continue
        printf '  %-44s %9d %9d\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
    done
}
