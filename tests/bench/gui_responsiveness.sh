#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The GUI responsiveness benchmark of issue 4: the real window, offscreen, on a
# LocalFleet of HOSTS hosts each streaming MB megabytes in lines; prints the
# event-loop stall figures (--stall-report), wall time, peak RSS, and checks
# that every byte is accounted for in the run's JSON.
# Usage: tests/bench/gui_responsiveness.sh BUILD_DIR [HOSTS=200] [MB=5]
set -eu
build=$(cd "${1:?usage: $0 BUILD_DIR [HOSTS] [MB]}" && pwd) # remote shells start in $HOME
hosts=${2:-200}
mb=${3:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bytes=$((mb * 1000000))
# Every run writes a journal (and the history) under the user's data folder:
# keep the benchmark's hundreds of megabytes in its own temporary folder.
export XDG_DATA_HOME="$out/data" XDG_CONFIG_HOME="$out/config"
QT_QPA_PLATFORM=offscreen /usr/bin/time -f "wall_s=%e peak_rss_kb=%M" -o "$out/time" \
    "$build/app/volley" --demo-fleet "$hosts" --fanout 64 \
    --command "$build/tests/volley-testhelper flood $bytes" --run --quit-when-done \
    --stall-report "$out/stall.json" --export "$out/run.json" >/dev/null 2>"$out/stderr" || {
    echo "volley failed:"; cat "$out/stderr"; exit 1; }
grep -h "demo fleet" "$out/stderr" || true
cat "$out/time"
cat "$out/stall.json"
python3 - "$out/run.json" "$hosts" "$bytes" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
hosts, per = int(sys.argv[2]), int(sys.argv[3])
ssh = [t for t in run["targets"] if t["transport"] == "ssh"]
total = sum(c["stdout_bytes"] for t in ssh for c in t["commands"])
print(f"ssh targets {len(ssh)}, ok {sum(t['status'] == 'ok' for t in ssh)}, "
      f"bytes {total} of {hosts * per} expected")
sys.exit(0 if total == hosts * per else 1)
PY
