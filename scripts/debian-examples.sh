#!/usr/bin/env bash
# corocheck against the corosync.conf files Debian's corosync, pcs and crmsh packages ship or
# write: no error and no warning is allowed on any of them.
#
# - corosync: every corosync.conf* the package installs (Debian 12: /etc/corosync/corosync.conf).
# - pcs: the config `pcs cluster setup` writes, produced by pcs's own code
#   (pcs.lib.corosync.config_facade + config_parser.Exporter) from the package, for knet with 2
#   and 3 nodes, udpu, two knet links, and a net quorum device with heuristics.
# - crmsh: the config `crm cluster init` writes for corosync 3 (knet, one and two rings),
#   produced by crmsh's own create_configuration() from the package, with its file writer
#   replaced by a capture.
#
# One documented exception: crmsh's two-ring knet config has nodes without `name`, which corosync
# 3.1.7 `-t` itself refuses ("for a multi-link configuration, all nodes must have a 'name'
# attribute", verified), and `ringnumber`/`rrp_mode`, which 3.x ignores. Since 3.x ignores
# `ringnumber`, both of its `interface` sections configure link 0 and merge, the second's
# `mcastport` winning (corosync-conf.md §1.4: "two interface sections without a number merge
# into one"). For it the script requires exactly those findings (C131, C207, C605) instead of
# none.
#
# Not checked, on purpose: crmsh's tests/unittests/*.conf* (inputs of crmsh's parser tests,
# including 1.x/2.x files, not configs crmsh ships as examples or writes), and crmsh's multicast
# mode (`crm cluster init -M`: no nodelist, which corosync 3 itself refuses with "No valid name
# found for local host").
#
# The packages are downloaded with `apt-get download` into a temporary directory and unpacked
# with `dpkg-deb -x`; nothing is installed except, when missing, the Python libraries pcs and
# crmsh import (python3-dacite, python3-dateutil, python3-lxml, python3-parallax, python3-yaml;
# needs root). Nothing of theirs is kept or committed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY=/usr/bin/python3
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
cargo build -q --release -p corocheck
COROCHECK="$ROOT/target/release/corocheck"

need_py=()
for m in dacite:python3-dacite dateutil:python3-dateutil lxml:python3-lxml \
    parallax:python3-parallax yaml:python3-yaml; do
    "$PY" -c "import ${m%%:*}" 2>/dev/null || need_py+=("${m#*:}")
done
if [ ${#need_py[@]} -gt 0 ]; then
    echo "installing Python libraries pcs and crmsh import: ${need_py[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_py[@]}" >/dev/null
fi

cd "$WORK"
apt-get download -q -o APT::Sandbox::User=root corosync pcs crmsh >/dev/null
for deb in ./*.deb; do
    name="$(basename "$deb" | cut -d_ -f1)"
    mkdir -p "x/$name"
    dpkg-deb -x "$deb" "x/$name"
    echo "unpacked $(basename "$deb")"
done
mkdir -p out

# corosync: the files it ships (gzip-compressed examples are unpacked first).
while IFS= read -r f; do
    dest="out/corosync$(echo "${f#x/corosync}" | tr / _)"
    case "$f" in
        *.gz) zcat "$f" >"${dest%.gz}" ;;
        *) cp "$f" "$dest" ;;
    esac
done < <(find x/corosync -type f -name 'corosync.conf*' -not -path '*/man/*')

# pcs: what its library writes.
PYTHONPATH="x/pcs/usr/lib/python3/dist-packages" "$PY" - out <<'EOF'
import sys
from pcs.lib.corosync.config_facade import ConfigFacade
from pcs.lib.corosync.config_parser import Exporter

out = sys.argv[1]
def nodes(n, links=1):
    return [
        {"name": f"node{i}", "addrs": [f"10.0.{l}.{i}" for l in range(links)]}
        for i in range(1, n + 1)
    ]
def write(name, facade):
    with open(f"{out}/pcs-{name}.conf", "wb") as f:
        f.write(Exporter.export(facade.config))

write("knet-2node", ConfigFacade.create("pcscluster", nodes(2), "knet"))
write("knet-3node", ConfigFacade.create("pcscluster", nodes(3), "knet"))
write("udpu-2node", ConfigFacade.create("pcscluster", nodes(2), "udpu"))
write("knet-2link", ConfigFacade.create("pcscluster", nodes(3, links=2), "knet"))
q = ConfigFacade.create("pcscluster", nodes(3), "knet")
q.add_quorum_device(
    "net",
    {"host": "qnetd.example.com", "algorithm": "ffsplit"},
    {},
    {"mode": "on", "exec_ping": "/usr/bin/ping -q -c 1 10.0.0.254"},
)
write("knet-qdevice", q)
EOF

# crmsh: what `crm cluster init` writes for corosync 3.
PYTHONPATH="x/crmsh/usr/lib/python3/dist-packages" "$PY" - out <<'EOF'
import sys
import crmsh.corosync as c

out = sys.argv[1]
captured = {}
c.utils.str2file = lambda text, path: captured.__setitem__("text", text)
c.conf = lambda: "/dev/null"
for name, kw in [
    ("knet-1ring", dict(ringXaddr=["10.0.0.1"], mcastport=["5405"])),
    ("knet-2rings", dict(ringXaddr=["10.0.0.1", "10.0.1.1"], mcastport=["5405", "5407"], two_rings=True)),
]:
    c.create_configuration(clustername="hacluster", transport="knet", **kw)
    with open(f"{out}/crmsh-{name}.conf", "w") as f:
        f.write(captured["text"])
EOF

status=0
count=0
for f in out/*; do
    count=$((count + 1))
    json="$("$COROCHECK" check --format json --lang en "$f" || true)"
    summary="$(printf '%s' "$json" | "$PY" -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["errors"], s["warnings"], s["infos"])')"
    read -r e w i <<<"$summary"
    codes="$(printf '%s' "$json" | "$PY" -c 'import json,sys; print(" ".join(sorted({d["code"] for d in json.load(sys.stdin)["diagnostics"] if d["severity"] != "info"})))')"
    expected=""
    case "$(basename "$f")" in
        crmsh-knet-2rings.conf) expected="C131 C207 C605" ;;
    esac
    if [ -n "$expected" ]; then
        if [ "$codes" = "$expected" ]; then
            echo "ok   $(basename "$f") (documented: $codes, which corosync itself refuses or ignores)"
        else
            echo "FAIL $(basename "$f"): expected exactly $expected, found: $codes"
            status=1
        fi
        continue
    fi
    if [ "$e" != 0 ] || [ "$w" != 0 ]; then
        echo "FAIL $(basename "$f"): $e errors, $w warnings"
        "$COROCHECK" check --lang en "$f" || true
        status=1
    else
        echo "ok   $(basename "$f") ($i notes)"
    fi
done
if [ "$count" -lt 8 ]; then
    echo "expected at least 8 configs, found $count" >&2
    exit 1
fi
echo "debian-examples: $count configs from Debian's corosync, pcs and crmsh packages checked"
exit $status
