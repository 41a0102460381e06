#!/usr/bin/env bash
# Build the web page and serve it on http://127.0.0.1:${PORT:-8080}/ (installs what is missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
scripts/setup.sh
scripts/build-web.sh
PORT=${PORT:-8080}
echo "corocheck: serving dist/ on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
