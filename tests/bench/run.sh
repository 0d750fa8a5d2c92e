#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Volley against pdsh, parallel-ssh, clush and ansible -m raw, side by side on
# one machine (issue 7; the --quick run is issue 3's "Speed" benchmark).
#
#   bash tests/bench/run.sh BUILD_DIR [--quick] [--scenario NAME...] [--tools LIST]
#                           [--runs K] [--ansible-big] [--docs] [--list]
#
#   --quick           100 hosts, fanout 32, `true`, 3 runs, as installed and pinned
#   --scenario NAME   only these scenarios (repeatable, or several names after it);
#                     --list prints them with their cost
#   --tools LIST      comma list out of volley,pdsh,pssh,clush,ansible (default all)
#   --runs K          runs per tool where a scenario does several (default 3)
#   --ansible-big     ansible at 500 and 1,000 hosts too (adds about 3 minutes)
#   --docs            also write the results into docs/performance.md
#
# Everything is set up here, as the fair-comparison notes ask
# (../shared/notes/peers.md): a private network namespace, one sshd of
# `volley-cli fleet up --listen-any` answering on every 127.x address, one key,
# one known_hosts and one ssh_config for every tool, SSH_AUTH_SOCK unset,
# `ulimit -n` raised. Results go to BUILD_DIR/bench/ (results.md, results.csv,
# runs.csv, plot.png). Needs root (namespace, fleet account).
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)

usage() {
    sed -n '6,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
[ $# -ge 1 ] || usage
case "$1" in -h | --help) usage ;; esac
build=$(readlink -f "$1")
shift
args=("$@")
list_only=0
for a in "${args[@]}"; do
    case "$a" in -h | --help) usage ;; --list) list_only=1 ;; esac
done
if [ "$list_only" = 1 ]; then
    exec python3 "$here/bench.py" --list
fi

cli="$build/app/volley-cli"
if [ ! -x "$cli" ]; then
    echo "run.sh: $cli is missing; build it first: cmake --preset release &&" \
        "cmake --build --preset release --target volley-cli" >&2
    exit 2
fi

if [ -z "${VOLLEY_BENCH_NETNS:-}" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "run.sh: run as root: it needs a private network namespace (unshare -n)" \
            "and creates the fleet's login account" >&2
        exit 2
    fi
    # The peers and the tools of this script, installed when missing (as ./volley.sh bench does).
    missing=()
    for p in pdsh pssh clustershell ansible gnuplot-nox time openssh-server openssh-client \
        iproute2 procps util-linux python3; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "run.sh: installing ${missing[*]}" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
    # Re-run inside a private network namespace: the sshd on 0.0.0.0 then
    # answers on every 127.x address, and nothing outside can reach it.
    exec unshare -n -- env VOLLEY_BENCH_NETNS=1 bash "$0" "$build" "$@"
fi

ip link set lo up
# 1,000 hosts: peers hold an ssh process (several fds) per host in flight,
# Volley one socket per session; the soft default of 1,024 is too small.
# Raise the hard limit where we may (not in every container), then the soft one to it.
ulimit -Hn 65536 2>/dev/null || true
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 4096 ]; then
    echo "run.sh: warning: only $(ulimit -n) open files allowed; 1,000 hosts may fail" >&2
fi
# Every tool authenticates with the fleet's key file only, never an agent.
unset SSH_AUTH_SOCK SSH_AGENT_PID

work=$(mktemp -d /tmp/volley-bench.XXXXXX)
# The fleet account reads the stream file from here.
chmod 755 "$work"
reaper_pid=
hung_pid=
cleanup() {
    set +e
    [ -n "$hung_pid" ] && kill "$hung_pid" 2>/dev/null
    if [ -n "$reaper_pid" ]; then
        kill -TERM "$reaper_pid" 2>/dev/null
        wait "$reaper_pid" 2>/dev/null
    fi
    # VOLLEY_BENCH_KEEP=1 keeps every run's command line, output and measures.
    if [ -n "${VOLLEY_BENCH_KEEP:-}" ]; then echo "run.sh: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# How many fleet addresses the chosen scenarios need (1,000 for the default run).
hosts=$(python3 "$here/bench.py" --max-hosts "${args[@]}")

echo "run.sh: starting a fleet of $hosts hosts in a private network namespace" >&2
# Under reaper.py, which reaps (and so accounts for) the session processes sshd orphans.
python3 "$here/reaper.py" "$cli" fleet up "$hosts" --listen-any --json \
    >"$work/fleet.json" 2>"$work/fleet.err" &
reaper_pid=$!
for _ in $(seq 1 600); do
    [ -s "$work/fleet.json" ] && break
    if ! kill -0 "$reaper_pid" 2>/dev/null; then
        echo "run.sh: the fleet did not start: $(cat "$work/fleet.err")" >&2
        exit 1
    fi
    sleep 0.1
done
[ -s "$work/fleet.json" ] || { echo "run.sh: the fleet did not start within 60 s" >&2; exit 1; }
fleet_pid=$(pgrep -P "$reaper_pid" | head -n 1)
sshd_pid=$(pgrep -P "$fleet_pid" -x sshd | head -n 1)
[ -n "$sshd_pid" ] || { echo "run.sh: cannot find the fleet's sshd" >&2; exit 1; }

# Faults. The sshd on 0.0.0.0 owns its port on every 127.x address, so faulty
# hosts live on other ports, picked per address range through ssh_config
# (OpenSSH tools) and host:port (Volley):
#   refused - 127.0.200.x on a port where nothing listens (RST at once);
#   hung    - 127.0.201.x on a port where a listener accepts and never speaks.
read -r refused_port hung_port < <(python3 -c '
import socket
a = socket.socket(); a.bind(("127.0.0.1", 0))
b = socket.socket(); b.bind(("127.0.0.1", 0))
print(a.getsockname()[1], b.getsockname()[1])')
python3 -c '
import ctypes, signal, socket, sys
ctypes.CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG: go with run.sh
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1])))
s.listen(4096)
held = []
while True:
    held.append(s.accept()[0])  # keep it open, say nothing
' "$hung_port" &
hung_pid=$!

# 100 MB in lines of 100 bytes, for the stream scenario (a file, so that the
# server spends nothing but the read and the encryption).
python3 -c '
import sys
with open(sys.argv[1], "wb") as f:
    f.write((b"x" * 99 + b"\n") * 1_000_000)' "$work/stream.dat"
chmod 644 "$work/stream.dat"

status=0
python3 "$here/bench.py" --fleet "$work/fleet.json" --work "$work" --sshd-pid "$sshd_pid" \
    --sshd-reaper "$reaper_pid" \
    --cli "$cli" --out "$build/bench" --refused-port "$refused_port" --hung-port "$hung_port" \
    --repo "$repo" "${args[@]}" || status=$?

# The plot: wall time and client CPU against N, per tool (gnuplot-nox, PNG).
if [ -s "$build/bench/plot.gp" ] && command -v gnuplot >/dev/null; then
    (cd "$build/bench" && gnuplot plot.gp) && echo "run.sh: wrote $build/bench/plot.png" >&2
    # With --docs the page's plot follows its tables (only a run that has the scale scenario).
    for a in "${args[@]}"; do
        if [ "$a" = --docs ] && grep -q '^scale,' "$build/bench/results.csv" 2>/dev/null; then
            cp "$build/bench/plot.png" "$repo/docs/performance-plot.png"
        fi
    done
fi
exit "$status"
