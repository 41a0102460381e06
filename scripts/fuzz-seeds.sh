#!/usr/bin/env bash
# Rebuild the committed fuzz seeds (fuzz/corpus/<target>/seed-*) from small test fixtures.
# Targets that read a selector byte first (analyze, detect, cman, fix, multi) get one in front.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
F="$ROOT/tests/fixtures"
C="$ROOT/fuzz/corpus"
rm -f "$C"/*/seed-*
mkdir -p "$C"/{parse_conf,logs,analyze,detect,cman,fix,multi,api,share,redact}
# seed TARGET PREFIX FILE...: copy each file under 3 KB with PREFIX (printf format) in front.
seed() {
  local t=$1 pre=$2
  shift 2
  for f in "$@"; do
    [ "$(wc -c <"$f")" -le 3072 ] || continue
    local n
    n=$(basename "$(dirname "$f")")-$(basename "$f")
    { printf "$pre"; cat "$f"; } >"$C/$t/seed-$n"
  done
}
confs=("$F"/config/v1-*.conf "$F"/config/v2-*.conf "$F"/config/valid-*.conf "$F"/config/v3-{values,qdevice,multilink,unknown,upgrade-leftovers,accepted-but-wrong,logging-sections,udpu-ipv6,quorum-atb-odd}.conf)
logs=("$F"/logs/*.log)
cman=("$F"/cman/{broken-core,broken-pcmk,broken-xml,not-cluster,rgmanager-3node,rhel6-pcmk}.conf)
seed parse_conf '' "${confs[@]}"
seed logs '' "${logs[@]}"
# analyze: byte 0 picks the path (sel % 5) and target (sel >> 3 % 4).
seed analyze '\x18' "${confs[@]:0:12}"
seed analyze '\x02' "${logs[@]:0:8}"
seed analyze '\x04' "${cman[@]:0:4}"
seed analyze '\x03' "$F"/migrate/*.conf
# detect: byte 0 picks the path; 0 = pasted, so the content decides.
seed detect '\x00' "${confs[@]:0:10}" "${logs[@]:0:10}" "${cman[@]:0:4}"
seed cman '\x00' "${cman[@]}"
# fix: byte 0 picks path (sel % 3) and target (sel >> 2 % 4).
seed fix '\x0c' "$F"/fix/*.conf "$F"/config/v3-{values,accepted-but-wrong,upgrade-leftovers}.conf
seed fix '\x08' "$F"/config/v2-*.conf
# multi: configs of one cluster joined with 0xff.
for d in "$F"/cluster/*/; do
  n=$(basename "$d")
  { printf '\x00'; first=1; for f in "$d"*.conf; do
      [ $first = 1 ] || printf '\xff'; first=0; cat "$f"; done; } >"$C/multi/seed-$n"
done
# api: options JSON, 0xff, then one text (check) or several (checkFiles).
seed api '{"lang":"ja","target":"3"}\xff' "${confs[@]:0:6}"
seed api '{"path":"corosync.log"}\xff' "${logs[@]:0:3}"
seed api '{"profile":"trento-azure","target":"3.1.7"}\xff' "$F"/config/valid-*.conf
seed api '{"path":"cluster.conf","lang":"en"}\xff' "${cman[@]:0:2}"
for d in "$F"/cluster/*/; do
  n=$(basename "$d")
  { printf '{"lang":"en","target":null}'; for f in "$d"*.conf; do printf '\xff'; cat "$f"; done; } >"$C/api/seed-$n"
  break
done
# redact: the files of each redaction case joined with 0xff.
for d in "$F"/redact/*/; do
  n=$(basename "$d")
  { first=1; for f in "$d"in/*; do
      [ $first = 1 ] || printf '\xff'; first=0; cat "$f"; done; } >"$C/redact/seed-$n"
done
# share: payloads (version 1, then LEB128 length + bytes for each name and text) made from two
# small fixtures, as bytes and as their base64url text.
python3 - "$C/share" "$F"/config/v2-nodes.conf "$F"/logs/*.log <<'PY'
import base64, sys
out, files = sys.argv[1], [f for f in sys.argv[2:] if len(open(f, 'rb').read()) < 2048][:2]
def leb(n):
    b = bytearray()
    while True:
        b.append((n & 0x7f) | (0x80 if n >> 7 else 0))
        n >>= 7
        if not n:
            return bytes(b)
p = bytearray([1])
for i, f in enumerate(files):
    name, text = (b'' if i == 0 else f.rsplit('/', 1)[-1].encode()), open(f, 'rb').read()
    p += leb(len(name)) + name + leb(len(text)) + text
open(out + '/seed-payload', 'wb').write(p)
open(out + '/seed-base64url', 'wb').write(base64.urlsafe_b64encode(bytes(p)).rstrip(b'='))
open(out + '/seed-empty-files', 'wb').write(bytes([1, 0, 0, 1, 0x61, 0]))
PY
du -sh "$C"
for t in "$C"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l)"; done
