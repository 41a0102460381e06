#!/usr/bin/env bash
# A real-cluster lab: three real corosync 3 nodes (the Debian package) in network namespaces
# on this machine, one fault induced per scenario, the nodes' own log files collected.
# core/tests/lab.rs then asserts that corocheck names each fault, the node and the order.
#
#   scripts/lab.sh [--out DIR] [SCENARIO...]      (default: every scenario, DIR target/lab)
#   scripts/lab.sh --excerpt SRC DST               (committable excerpts of a run, below)
#   scripts/lab.sh --check                         (exit 0 if this machine can run the lab,
#                                                   else print the reason and exit 3)
#
# Scenarios: kill pause link-cut lossy authkey-mismatch crypto-mismatch no-local-node.
# LAB_CRYPTO_MODEL=openssl runs the nodes with knet's OpenSSL module instead of NSS.
# Needs root, `ip netns`, a bridge, corosync 3 and corosync-keygen; `lossy` needs the netem
# qdisc (sch_netem) and is skipped with a message where the kernel lacks it.
#
# Network: namespaces cc-lab<pid>-n1..n3 (one node each, 10.213.0.1-3/24 on eth0) and
# cc-lab<pid>-sw (a bridge joining the nodes' veth peers). Nothing is added to the root
# namespace. Each node runs in its own mount namespace with a private /run and /dev/shm (pid
# file, libqb IPC) and its own UTS namespace (host name n1..n3), with its own state_dir, key
# and log under the work directory.
# Everything is removed on exit (trap), also on failure or timeout; LAB_TIMEOUT (default 280 s)
# bounds the whole run.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCENARIOS=(kill pause link-cut lossy authkey-mismatch crypto-mismatch no-local-node)
NODES=(n1 n2 n3)
# Namespace names carry the pid, so two labs on one machine do not meet.
NS=cc-lab$$
SUBNET=10.213.0
TOKEN=1000
LAB_TIMEOUT=${LAB_TIMEOUT:-280}

# Why this machine cannot run the lab (empty when it can).
why_not() {
    [ "$(id -u)" = 0 ] || { echo "not root"; return; }
    command -v ip >/dev/null || { echo "no ip (iproute2)"; return; }
    command -v corosync >/dev/null || { echo "no corosync"; return; }
    command -v corosync-keygen >/dev/null || { echo "no corosync-keygen"; return; }
    command -v unshare >/dev/null || { echo "no unshare"; return; }
    corosync -v 2>/dev/null | grep -q 'version .3\.' || { echo "corosync is not 3.x"; return; }
    local probe="$NS-probe-$$"
    if ! ip netns add "$probe" 2>/dev/null; then
        echo "cannot create a network namespace"
        return
    fi
    local ok=1
    ip netns exec "$probe" ip link add br0 type bridge 2>/dev/null || ok=0
    ip netns exec "$probe" unshare -m -u sh -c 'mount -t tmpfs tmpfs /run' 2>/dev/null || ok=0
    ip netns del "$probe"
    [ $ok = 1 ] || echo "no bridge or no mount namespace inside a network namespace"
}

if [ "${1:-}" = --check ]; then
    reason=$(why_not)
    if [ -n "$reason" ]; then
        echo "$reason"
        exit 3
    fi
    exit 0
fi

# --excerpt SRC DST: short excerpts of a lab run for tests/fixtures/logs/lab/ (real lines only:
# the [QB], [SERV] and [WD] start-up chatter dropped, each repeated message kept 4 times).
if [ "${1:-}" = --excerpt ]; then
    for d in "$2"/*/; do
        s=$(basename "$d")
        mkdir -p "$3/$s"
        for f in "$d"/n[123].log; do
            [ -f "$f" ] || continue
            awk '/\[(QB|SERV|WD) *\]|built-in features/ { next }
                { m = $0; sub(/^.*\] /, "", m); if (++seen[m] <= 4) print }' \
                "$f" >"$3/$s/$(basename "$f")"
        done
        if [ -f "$d/SKIPPED" ]; then cp "$d/SKIPPED" "$3/$s/"; fi
        if [ -f "$d/events" ]; then cp "$d/events" "$3/$s/"; fi
    done
    exit 0
fi

OUT="$ROOT/target/lab"
if [ "${1:-}" = --out ]; then
    OUT=$(realpath -m "$2")
    shift 2
fi
if [ $# -gt 0 ]; then
    SCENARIOS=("$@")
fi

# The global bound: re-run under timeout(1) once; SIGTERM runs the cleanup trap below.
if [ -z "${CC_LAB_BOUNDED:-}" ]; then
    CC_LAB_BOUNDED=1 exec timeout -k 15 "$LAB_TIMEOUT" "$0" --out "$OUT" "${SCENARIOS[@]}"
fi

reason=$(why_not)
if [ -n "$reason" ]; then
    echo "lab: cannot run: $reason" >&2
    exit 3
fi

WORK=$(mktemp -d /tmp/cc-lab.XXXXXX)
declare -A PID=()

log() { printf '%s lab: %s\n' "$(date -u +%T)" "$*"; }

stop_nodes() {
    local n p
    for n in "${!PID[@]}"; do
        p=${PID[$n]}
        kill -KILL "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    PID=()
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_nodes
    local n p
    for n in "${NODES[@]}" sw; do
        if ip netns list | grep -qw "$NS-$n"; then
            # Anything still running in our namespaces was started by this script.
            for p in $(ip netns pids "$NS-$n" 2>/dev/null); do
                kill -KILL "$p" 2>/dev/null || true
            done
            ip netns del "$NS-$n" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "failed: line $LINENO: $BASH_COMMAND"' ERR
trap 'log "interrupted or timed out"; exit 124' INT TERM

net_up() {
    ip netns add "$NS-sw"
    ip netns exec "$NS-sw" ip link set lo up
    ip netns exec "$NS-sw" ip link add br0 type bridge
    ip netns exec "$NS-sw" ip link set br0 up
    local i n
    for i in 1 2 3; do
        n=n$i
        ip netns add "$NS-$n"
        ip netns exec "$NS-$n" ip link set lo up
        ip netns exec "$NS-$n" ip link add eth0 type veth peer name p$i netns "$NS-sw"
        ip netns exec "$NS-$n" ip addr add "$SUBNET.$i/24" dev eth0
        ip netns exec "$NS-$n" ip link set eth0 up
        ip netns exec "$NS-sw" ip link set p$i master br0
        ip netns exec "$NS-sw" ip link set p$i up
    done
}

net_down() {
    local n
    for n in "${NODES[@]}" sw; do
        ip netns del "$NS-$n" 2>/dev/null || true
    done
}

# write_conf NODE [cipher] [nodes-in-nodelist...]
write_conf() {
    local n=$1 cipher=${2:-aes256}
    shift 2 || shift $#
    local members=("$@")
    [ ${#members[@]} -gt 0 ] || members=(1 2 3)
    local d="$WORK/$n" i
    mkdir -p "$d/state" "$d/run" "$d/shm"
    {
        cat <<EOF
totem {
    version: 2
    cluster_name: cclab
    transport: knet
    token: $TOKEN
    crypto_cipher: $cipher
    crypto_hash: sha256
    crypto_model: ${LAB_CRYPTO_MODEL:-nss}
    keyfile: $d/authkey
}
nodelist {
EOF
        for i in "${members[@]}"; do
            printf '    node {\n        ring0_addr: %s.%s\n        name: n%s\n        nodeid: %s\n    }\n' \
                "$SUBNET" "$i" "$i" "$i"
        done
        cat <<EOF
}
quorum {
    provider: corosync_votequorum
}
logging {
    to_logfile: yes
    logfile: $d/corosync.log
    to_stderr: no
    to_syslog: no
    timestamp: hires
    debug: off
}
system {
    state_dir: $d/state
}
EOF
    } >"$d/corosync.conf"
}

# The same key for every node, or a different one where asked.
keys() {
    local differ=${1:-} n
    corosync-keygen -l -k "$WORK/authkey" >/dev/null 2>&1
    for n in "${NODES[@]}"; do
        cp "$WORK/authkey" "$WORK/$n/authkey"
    done
    if [ -n "$differ" ]; then
        corosync-keygen -l -k "$WORK/$differ/authkey" >/dev/null 2>&1
    fi
    chmod 400 "$WORK"/n*/authkey
}

start_node() {
    local n=$1 d="$WORK/$1"
    # A private /run (pid file, runtime dir) and /dev/shm (libqb IPC buffers) per node; libqb's
    # abstract sockets are per network namespace already.
    # A UTS namespace too, so that each node logs its own host name.
    ip netns exec "$NS-$n" unshare -m -u sh -c \
        'hostname "$1" && mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /dev/shm &&
        exec corosync -f -c "$2"' sh "$n" "$d/corosync.conf" >"$d/stdout" 2>&1 &
    PID[$n]=$!
}

# wait_log NODE TEXT SECONDS: wait until the node's log holds TEXT after the last event.
declare -A MARK=()
wait_log() {
    local f="$WORK/$1/corosync.log" i
    for ((i = 0; i < $3 * 10; i++)); do
        if [ -f "$f" ] && tail -n +"$((${MARK[$1]:-0} + 1))" "$f" | grep -qF -- "$2"; then
            return 0
        fi
        sleep 0.1
    done
    log "$1: no \"$2\" after $3 s"
    return 1
}

# A scenario starts from a clean network, fresh configs and keys and empty logs.
begin() {
    log "scenario $1"
    rm -rf "${WORK:?}"/n[123]
    net_up
    local n
    for n in "${NODES[@]}"; do
        write_conf "$n"
    done
}

start_all() {
    local n
    for n in "${NODES[@]}"; do
        start_node "$n"
    done
}

# Three nodes in one membership, quorate.
formed() {
    local n
    for n in "${NODES[@]}"; do
        wait_log "$n" "Members[3]: 1 2 3" 15 || return 1
    done
    sleep 1
}

# Stop every node cleanly where it still runs (SIGTERM; a stopped one gets SIGCONT first),
# then collect the logs with the induced faults written next to them.
finish() {
    local s=$1 n p
    for n in "${!PID[@]}"; do
        p=${PID[$n]}
        kill -CONT "$p" 2>/dev/null || true
        kill -TERM "$p" 2>/dev/null || true
    done
    for n in "${!PID[@]}"; do
        p=${PID[$n]}
        for _ in $(seq 50); do
            kill -0 "$p" 2>/dev/null || break
            sleep 0.1
        done
    done
    stop_nodes
    net_down
    rm -rf "${OUT:?}/$s"
    mkdir -p "$OUT/$s"
    for n in "${NODES[@]}"; do
        if [ -f "$WORK/$n/corosync.log" ]; then
            cp "$WORK/$n/corosync.log" "$OUT/$s/$n.log"
        else
            : >"$OUT/$s/$n.log"
        fi
        cp "$WORK/$n/corosync.conf" "$OUT/$s/$n.conf"
    done
    printf '%s' "$EVENTS" >"$OUT/$s/events"
    log "scenario $s: logs in $OUT/$s"
}

EVENTS=""
event() {
    local n
    for n in "${NODES[@]}"; do
        MARK[$n]=0
        if [ -f "$WORK/$n/corosync.log" ]; then
            MARK[$n]=$(wc -l <"$WORK/$n/corosync.log")
        fi
    done
    EVENTS+="$(date -u +%T.%3N) $*"$'\n'
    log "$*"
}

sc_kill() {
    begin kill
    keys
    start_all
    formed
    event "SIGKILL n3"
    kill -KILL "${PID[n3]}"
    wait "${PID[n3]}" 2>/dev/null || true
    unset 'PID[n3]'
    wait_log n1 "Members[2]: 1 2" 15
    sleep 1
    finish kill
}

sc_pause() {
    begin pause
    keys
    start_all
    formed
    event "SIGSTOP n2"
    kill -STOP "${PID[n2]}"
    wait_log n1 "Members[2]: 1 3" 15
    sleep 2
    event "SIGCONT n2"
    kill -CONT "${PID[n2]}"
    wait_log n1 "Members[3]: 1 2 3" 15
    sleep 1
    finish pause
}

sc_link_cut() {
    begin link-cut
    keys
    start_all
    formed
    event "link down n3 (eth0)"
    ip netns exec "$NS-n3" ip link set eth0 down
    wait_log n1 "Members[2]: 1 2" 15
    wait_log n3 "Members[1]: 3" 15
    sleep 2
    event "link up n3 (eth0)"
    ip netns exec "$NS-n3" ip link set eth0 up
    wait_log n1 "Members[3]: 1 2 3" 20
    sleep 1
    finish link-cut
}

sc_lossy() {
    begin lossy
    if ! ip netns exec "$NS-n3" tc qdisc add dev eth0 root netem loss 50% 2>/dev/null; then
        log "lossy: SKIPPED: the kernel has no netem qdisc (sch_netem); 'tc qdisc add ... netem' fails"
        net_down
        rm -rf "${OUT:?}/lossy"
        mkdir -p "$OUT/lossy"
        echo "skipped: no netem qdisc (sch_netem) in this kernel" >"$OUT/lossy/SKIPPED"
        return 0
    fi
    ip netns exec "$NS-n3" tc qdisc del dev eth0 root
    keys
    start_all
    formed
    event "netem loss 50% on n3 (eth0)"
    ip netns exec "$NS-n3" tc qdisc add dev eth0 root netem loss 50%
    sleep 12
    event "netem removed on n3"
    ip netns exec "$NS-n3" tc qdisc del dev eth0 root
    sleep 4
    finish lossy
}

sc_authkey_mismatch() {
    begin authkey-mismatch
    keys n3
    event "n3 has its own authkey"
    start_all
    wait_log n1 "Members[2]: 1 2" 15
    sleep 6
    finish authkey-mismatch
}

sc_crypto_mismatch() {
    begin crypto-mismatch
    write_conf n3 aes128
    keys
    event "n3 crypto_cipher aes128 (others aes256)"
    start_all
    wait_log n1 "Members[2]: 1 2" 15
    sleep 6
    finish crypto-mismatch
}

sc_no_local_node() {
    begin no-local-node
    write_conf n3 aes256 1 2
    keys
    event "n3 nodelist without n3"
    start_all
    wait_log n1 "Members[2]: 1 2" 15
    sleep 3
    finish no-local-node
}

t0=$(date +%s)
for s in "${SCENARIOS[@]}"; do
    EVENTS=""
    MARK=()
    case $s in
    kill) sc_kill ;;
    pause) sc_pause ;;
    link-cut) sc_link_cut ;;
    lossy) sc_lossy ;;
    authkey-mismatch) sc_authkey_mismatch ;;
    crypto-mismatch) sc_crypto_mismatch ;;
    no-local-node) sc_no_local_node ;;
    *)
        echo "lab: unknown scenario $s" >&2
        exit 2
        ;;
    esac
done
log "done in $(($(date +%s) - t0)) s"
