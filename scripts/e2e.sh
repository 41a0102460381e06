#!/usr/bin/env bash
# Serve dist/ on 127.0.0.1 and run the Playwright browser test with the system Chromium.
# Build first with scripts/build-web.sh. Environment:
#   SEED_CASE_DIR  folder holding question.txt (default: ../shared/samples/seed-case next to
#                  the repository)
#   PORT           port for the static server (default 8081)
#   CHROMIUM       browser binary (default /usr/bin/chromium)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT/tests/e2e"
if [ ! -f "$ROOT/dist/index.html" ]; then
    echo "dist/index.html missing: run scripts/build-web.sh first" >&2
    exit 1
fi
if [ ! -d node_modules/@playwright/test ]; then
    npm ci --no-audit --no-fund
fi
exec npx --no-install playwright test "$@"
