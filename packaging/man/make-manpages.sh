#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the man pages from the programs' own --help, so they cannot disagree:
#   volley(1)          from `volley --help`
#   volley-cli(1)      from `volley-cli --help`
#   volley-cli-CMD(1)  from `volley-cli CMD --help`, for each command
# Usage: make-manpages.sh VOLLEY VOLLEY_CLI VERSION H2M_DIR OUT_DIR
# H2M_DIR holds help2man include files (<page>.h2m: SEE ALSO, FILES, ...). Pages are
# written gzipped (-9n, as Debian wants) to OUT_DIR.
set -euo pipefail

gui=$(readlink -f "$1")
cli=$(readlink -f "$2")
version=$3
h2m_dir=$4
out_dir=$5

# One line each for the NAME section, "volley-cli-CMD \- ...".
declare -A summary=(
    [run]="run commands on SSH hosts and the local machine, concurrently"
    [hosts]="expand host patterns into names, or fold names into patterns"
    [inventory]="import, list and export the saved inventory"
    [fleet]="start a private sshd answering on loopback addresses"
    [lab]="run a Concurrency Lab experiment headless"
)
commands=(run hosts inventory fleet lab)

# help2man runs wrappers (in $wrap) around the real programs (in $real, on PATH under
# their installed names, since Qt prints argv[0] in the usage line). The wrappers
# give a command's usage line its command name and show the home directory as "~"
# (inventory --help names the inventory file). No display, no leak checker, a stable
# locale.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
real=$tmp/real
wrap=$tmp/wrap
mkdir -p "$real" "$wrap" "$tmp/home"
ln -s "$gui" "$real/volley"
ln -s "$cli" "$real/volley-cli"
export PATH="$real:$PATH" HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp" LC_ALL=C.UTF-8
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.*=false' ASAN_OPTIONS=detect_leaks=0

wrapper() { # wrapper NAME PROGRAM [COMMAND]
    local name=$1 program=$2 cmd=${3:-}
    cat >"$wrap/$name" <<WRAPPER
#!/bin/sh
$program ${cmd:+$cmd }"\$@" 2>/dev/null |
    sed -E -e '1s/^Usage: $program( $cmd)? /Usage: $program${cmd:+ $cmd} /' -e 's#$HOME#~#g'
WRAPPER
    chmod +x "$wrap/$name"
}

mkdir -p "$out_dir"
rm -f "$out_dir"/*.1 "$out_dir"/*.1.gz

page() { # page NAME SUMMARY [help2man options]
    local name=$1 what=$2
    shift 2
    local include=()
    [ -f "$h2m_dir/$name.h2m" ] && include=(--include "$h2m_dir/$name.h2m")
    help2man --no-info --locale C.UTF-8 --section 1 --source "Volley $version" \
        --manual "User Commands" --name "$what" "${include[@]}" "$@" \
        --output "$out_dir/$name.1" "$wrap/$name"
    # help2man fills paragraphs: keep an example to a line, and an option list inside a
    # description ("spawn ... --kind K --workers N") on its own line, as in --help.
    awk '/^\.SH / { if (ex) print ".fi"; ex = /^\.SH EXAMPLES/; tp = 0; print; next }
         ex && /^\.IP$/ { print; print ".nf"; next }
         ex && /^\.PP$/ { print ".fi"; ex = 0 }
         /^\.(TP|IP)/ { tp = 1; print; next }
         /^\./ { tp = 0 }
         tp == 2 && /^(\\fB)?\\-\\-|^\[\\-/ { print ".br" }
         tp { tp = 2 }
         { print }
         END { if (ex) print ".fi" }' "$out_dir/$name.1" >"$out_dir/$name.1.tmp"
    mv "$out_dir/$name.1.tmp" "$out_dir/$name.1"
    gzip -9n -f "$out_dir/$name.1"
}

wrapper volley volley
page volley "run commands across a fleet of machines and watch every output live"
wrapper volley-cli volley-cli
page volley-cli "run commands across a fleet of machines, headless"

for cmd in "${commands[@]}"; do
    if ! volley-cli "$cmd" --help >/dev/null 2>&1; then
        echo "make-manpages: 'volley-cli $cmd --help' failed: no volley-cli-$cmd(1)" >&2
        continue
    fi
    wrapper "volley-cli-$cmd" volley-cli "$cmd"
    page "volley-cli-$cmd" "${summary[$cmd]}" --version-string "volley-cli-$cmd $version"
done
