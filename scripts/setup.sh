#!/usr/bin/env bash
# Install what corocheck needs to build, serve and test, on a fresh Debian machine of this kind.
# Idempotent: every step is skipped when its tool is already there at the right version.
# Nothing here downloads a prebuilt binary at run time: tools come from crates.io, npm and apt.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Must equal wasm-bindgen in Cargo.lock (web/Cargo.toml pins it with "=").
WASM_BINDGEN_VERSION=0.2.130
# Newest trunk that builds with rustc 1.95 (0.22 needs 1.96.1).
TRUNK_VERSION=0.21.14
# Splits the page's wasm in two (scripts/build-web.sh, web/src/late.rs).
WASM_SPLIT_VERSION=0.8.0-alpha.3

say() { printf '\n== %s\n' "$*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
[ -x /usr/sbin/corosync ] || need_apt+=(corosync)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  # corosync's package would start a service on systemd hosts; we only need its binary.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

install_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then return; fi
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file pins a webpki-roots that no longer resolves.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
}
install_trunk() {
  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then return; fi
  say "cargo install trunk $TRUNK_VERSION"
  cargo install -q trunk --version "$TRUNK_VERSION" --locked
}
install_wasm_split() {
  # It has no --version: ask cargo which version it installed.
  if cargo install --list 2>/dev/null | grep -qx "wasm-split-cli v$WASM_SPLIT_VERSION:"; then return; fi
  say "cargo install wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install -q wasm-split-cli --version "$WASM_SPLIT_VERSION" --locked
}
# The installs are independent and slow: run them side by side.
install_wasm_bindgen & p1=$!
install_trunk & p2=$!
install_wasm_split & p3=$!
wait $p1
wait $p2
wait $p3

# cargo-fuzz (libFuzzer driver) only for the bounded fuzz run of scripts/test.sh (CI or FUZZ=1).
if { [ "${CI:-}" = true ] || [ "${FUZZ:-}" = 1 ]; } && ! command -v cargo-fuzz >/dev/null 2>&1; then
  say "cargo install cargo-fuzz"
  cargo install -q cargo-fuzz --locked
fi

if [ ! -x tests/e2e/node_modules/.bin/playwright ] || [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "npm ci (playwright, binaryen)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
say "setup done"
