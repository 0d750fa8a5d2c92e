#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point: installs what is missing, configures, builds incrementally, then
#   ./volley.sh run [ARGS]     opens Volley with the local machine and a demo fleet of 8 hosts
#   ./volley.sh test [ARGS]    runs the test suite (ARGS go to ctest)
#   ./volley.sh cli [ARGS]     runs volley-cli
#   ./volley.sh bench [ARGS]   runs the benchmarks (tests/bench)
#   ./volley.sh package        builds the .deb
#   ./volley.sh fuzz [SECONDS] runs every libFuzzer target (clang) for SECONDS each
# VOLLEY_PRESET picks the CMake preset (dev, release, asan, tsan; default dev for run and
# test, release for bench and package).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools qt6-tools-dev
          qt6-tools-dev-tools qt6-l10n-tools libgl-dev libssh-dev libssl-dev libyaml-cpp-dev
          openssh-server openssh-client xvfb xauth passwd procps iproute2)

install_missing() {
    local missing=()
    for p in "${packages[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "volley.sh: installing ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local preset=$1
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" ${VOLLEY_CMAKE_ARGS:-} >/dev/null
    fi
    cmake --build --preset "$preset"
}

cmd=${1:-help}
shift || true
case "$cmd" in
run)
    install_missing
    preset=${VOLLEY_PRESET:-dev}
    build "$preset"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "volley.sh: no display found (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
        echo "  Run it inside a desktop session, or with a virtual one: xvfb-run -a ./volley.sh run" >&2
        echo "  or offscreen (screenshots only): QT_QPA_PLATFORM=offscreen ./volley.sh run --screenshot shot.png" >&2
        exit 1
    fi
    exec "build/$preset/app/volley" --demo-fleet 8 "$@"
    ;;
test)
    install_missing
    preset=${VOLLEY_PRESET:-dev}
    build "$preset"
    exec ctest --preset "$preset" -j "$(nproc)" "$@"
    ;;
cli)
    install_missing
    preset=${VOLLEY_PRESET:-dev}
    build "$preset" >&2
    exec "build/$preset/app/volley-cli" "$@"
    ;;
bench)
    install_missing pdsh pssh clustershell ansible gnuplot-nox hyperfine
    preset=${VOLLEY_PRESET:-release}
    build "$preset"
    exec bash tests/bench/run.sh "build/$preset" "$@"
    ;;
package)
    install_missing dpkg-dev file lintian desktop-file-utils appstream help2man librsvg2-bin man-db bash-completion
    preset=${VOLLEY_PRESET:-release}
    build "$preset"
    (cd "build/$preset" && cpack -G DEB)
    ;;
fuzz)
    install_missing clang libclang-rt-14-dev
    exec sh tests/fuzz/run.sh "$@"
    ;;
*)
    sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//'
    [ "$cmd" = help ] || exit 2
    ;;
esac
