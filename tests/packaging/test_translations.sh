#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The messages of volley-cli, of volley_core (which both programs show) and of the
# window's command line reach the translators. lupdate, run over the sources, include
# paths and options of the update_translations target (into a scratch .ts, so the source
# tree is left alone), files them under volley::cli::*, volley::<area> and
# volley::gui::Main; the .ts files in resources/translations, which lrelease builds into
# the programs, hold them too.
# Usage: test_translations.sh LUPDATE SOURCES_LIST [LUPDATE_OPTION...] -- TS_FILE...
set -euo pipefail
lupdate=$1 sources=$2
shift 2
options=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    options+=("$1")
    shift
done
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || { echo "usage: $0 LUPDATE SOURCES_LIST [OPTION...] -- TS_FILE..." >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

# Per group of contexts: its prefix, each context with how many messages it has at least
# (fewer means strings went back to being untranslatable), the group's minimum total,
# and a few known messages as lupdate writes them (XML-escaped), one per line.
# volley-cli: one context per source file (app/cli/commands.h).
cli_prefix=volley::cli::
cli_contexts=(Main:2 Run:40 Fleet:8 Inventory:30 Lab:25 Terminal:2)
cli_min_total=130
cli_known="no targets: give -H PATTERN, --hosts-file FILE or --plan FILE
unknown command &apos;%1&apos;; see volley-cli --help
Press Ctrl-C to stop.
Usage: volley-cli lab &lt;experiment&gt; [options]"
# volley_core: one context per area (core/trcontexts.h; LocalTask is a QObject).
core_prefix=volley::
core_contexts=(HostPattern:15 TargetSelection:5 Inventory:30 Import:50 Exec:3 Ssh:30
               Report:10 Lab:12 Fleet:12 LocalTask:3)
core_min_total=200
core_known="connecting to %1@%2
authentication as %1 on %2 failed (tried: %3; the server offers: %4); check the user name, and that your public key is in the user&apos;s ~/.ssh/authorized_keys on the host
reversed range &apos;%1&apos;; write the low number first, e.g. [%2-%3]
cannot read hosts file &apos;%1&apos;: %2
no free TCP port on 127.0.0.1"
# The window's command line (app/gui/main.cpp).
gui_prefix=volley::gui::
gui_contexts=(Main:15)
gui_min_total=15
gui_known="Start the run as soon as the window opens.
nothing to run: give --command and at least one target"

# "<context> <count>" for every context of a .ts file.
messages_per_context() {
    awk '/<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); ctx = $0; n[ctx] += 0 }
         /<message[ >]/ { n[ctx]++ }
         END { for (c in n) print c, n[c] }' "$1"
}

# check_group TS WHAT COUNTS LABEL PREFIX MIN_TOTAL KNOWN CONTEXT:MIN...
check_group() {
    local ts=$1 what=$2 counts=$3 label=$4 prefix=$5 min_total=$6 known=$7 total=0
    local entry name min got source
    shift 7
    for entry in "$@"; do
        name=$prefix${entry%%:*} min=${entry#*:}
        got=$(awk -v c="$name" '$1 == c { print $2 }' <<<"$counts")
        if [ -z "$got" ]; then
            fail "$what has no context $name"
        elif [ "$got" -lt "$min" ]; then
            fail "$what: $name has $got messages, expected at least $min"
        fi
        total=$((total + ${got:-0}))
    done
    [ "$total" -ge "$min_total" ] ||
        fail "$what: the $label contexts hold $total messages, expected at least $min_total"
    echo "$what: $total messages in the $label contexts"
    while IFS= read -r source; do
        grep -qF -- "$source" "$ts" || fail "$what lacks the message '$source'"
    done <<<"$known"
}

check_ts() {
    local ts=$1 what=$2 counts
    counts=$(messages_per_context "$ts")
    check_group "$ts" "$what" "$counts" volley-cli "$cli_prefix" "$cli_min_total" \
        "$cli_known" "${cli_contexts[@]}"
    check_group "$ts" "$what" "$counts" volley_core "$core_prefix" "$core_min_total" \
        "$core_known" "${core_contexts[@]}"
    check_group "$ts" "$what" "$counts" "window command line" "$gui_prefix" \
        "$gui_min_total" "$gui_known" "${gui_contexts[@]}"
}

# 1. What lupdate finds now.
"$lupdate" "${options[@]}" "@$sources" -ts "$tmp/scan.ts" >"$tmp/lupdate.log" 2>&1 ||
    { cat "$tmp/lupdate.log"; fail "lupdate failed"; exit 1; }
if grep -E '/(app|core)/.*(warning|error)' "$tmp/lupdate.log"; then
    fail "lupdate warns about the sources (above)"
fi
check_ts "$tmp/scan.ts" "lupdate over the sources"

# 2. What the shipped translation files hold (cmake --build <dir> --target
# update_translations refreshes them).
for ts in "$@"; do
    check_ts "$ts" "$(basename "$ts")"
done

[ $failed = 0 ] || {
    echo "volley-cli's messages go through MainText::tr(), RunText::tr(), ... (app/cli/commands.h)," \
         "volley_core's through SshMessages::tr(), ... (core/trcontexts.h), the window's command" \
         "line's through MainText::tr() (app/gui/main.cpp); refresh the .ts files with:" \
         "cmake --build <build dir> --target update_translations" >&2
    exit 1
}
echo "PASS: the messages of volley-cli, volley_core and the window's command line are translatable"
