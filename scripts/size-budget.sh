#!/usr/bin/env bash
# Fail when the page's transfer size (wasm + js + css, gzip -9) exceeds the budget, or the
# embedding bundle's (dist/embed/: wasm + js + css) exceeds its own.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUDGET=${BUDGET_BYTES:-358400}   # 350 KiB
EMBED_BUDGET=${EMBED_BUDGET_BYTES:-307200}   # 300 KiB
total=0
for f in "$ROOT"/dist/*.wasm "$ROOT"/dist/*.js "$ROOT"/dist/*.css; do
  [ -e "$f" ] || continue
  n=$(gzip -9 -c "$f" | wc -c)
  printf '%8d B gzip  %s\n' "$n" "$(basename "$f")"
  total=$((total + n))
done
[ "$total" -gt 0 ] || { echo "size-budget: no dist/ files: build the web page first"; exit 1; }
printf '%8d B gzip  total (budget %d B)\n' "$total" "$BUDGET"
if [ "$total" -gt "$BUDGET" ]; then
  echo "size-budget: over budget by $((total - BUDGET)) bytes"
  exit 1
fi
embed=0
for f in "$ROOT"/dist/embed/*.wasm "$ROOT"/dist/embed/*.js "$ROOT"/dist/embed/*.css; do
  [ -e "$f" ] || continue
  n=$(gzip -9 -c "$f" | wc -c)
  printf '%8d B gzip  embed/%s\n' "$n" "$(basename "$f")"
  embed=$((embed + n))
done
[ "$embed" -gt 0 ] || { echo "size-budget: no dist/embed/ files: run scripts/build-api.sh"; exit 1; }
printf '%8d B gzip  embed total (budget %d B)\n' "$embed" "$EMBED_BUDGET"
if [ "$embed" -gt "$EMBED_BUDGET" ]; then
  echo "size-budget: embed bundle over budget by $((embed - EMBED_BUDGET)) bytes"
  exit 1
fi
