#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the inventory fuzz targets with clang (libFuzzer + ASan + UBSan) and
# runs each for SECONDS (default 20) on its corpus in tests/fuzz/corpus/<name>/.
#
#   tests/fuzz/run.sh                 every target, 20 s each (what CI runs)
#   tests/fuzz/run.sh 600 csv json    longer, on chosen targets
#
# New interesting inputs go to build/fuzz/corpus/<name>/ so the checked-in
# corpus only changes when someone copies a useful input there on purpose.
# A crash leaves its input in build/fuzz/artifacts/ and makes the script fail.
set -eu

seconds=${1:-20}
[ $# -gt 0 ] && shift
case $seconds in
    ''|*[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${VOLLEY_FUZZ_BUILD:-$root/build/fuzz}
all="hostpattern list ssh_config ansible_ini ansible_yaml csv json known_hosts ansi utf8 saved_run"
targets=${*:-$all}

for t in $targets; do
    case " $all " in
        *" $t "*) ;;
        *) echo "$0: unknown target '$t'; choose from: $all" >&2; exit 2 ;;
    esac
done

command -v clang++ >/dev/null || { echo "$0: clang++ is needed (apt-get install clang)" >&2; exit 2; }

# -O1: fast enough to explore, still easy to debug. No _FORTIFY_SOURCE (it
# fights ASan), so a Debug build with optimisation rather than Release.
cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DVOLLEY_FUZZ=ON >/dev/null
cmake --build "$build" -j "${VOLLEY_FUZZ_JOBS:-2}" \
    --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)

mkdir -p "$build/artifacts"
status=0
for t in $targets; do
    work="$build/corpus/$t"
    mkdir -p "$work"
    echo "== fuzz_$t for ${seconds}s"
    if ! "$build/tests/fuzz/fuzz_$t" "$work" "$here/corpus/$t" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-"; then
        echo "== fuzz_$t FAILED; the input is in $build/artifacts/" >&2
        status=1
    fi
done
exit $status
