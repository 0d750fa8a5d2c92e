#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# volley-cli's messages reach the translators. lupdate, run over the sources, include
# paths and options of the update_translations target (into a scratch .ts, so the source
# tree is left alone), files them under volley::cli::* contexts; the .ts files in
# resources/translations, which lrelease builds into the programs, hold them too.
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

# One context per volley-cli source file (app/cli/commands.h), and how many messages
# each has at least: fewer means strings went back to being untranslatable.
contexts=(Main:2 Run:40 Fleet:8 Inventory:30 Lab:25 Terminal:2)
min_total=130

# "<context> <count>" for every context of a .ts file.
messages_per_context() {
    awk '/<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); ctx = $0; n[ctx] += 0 }
         /<message[ >]/ { n[ctx]++ }
         END { for (c in n) print c, n[c] }' "$1"
}

check_ts() {
    local ts=$1 what=$2 counts total=0 entry name min got
    counts=$(messages_per_context "$ts")
    for entry in "${contexts[@]}"; do
        name=volley::cli::${entry%%:*} min=${entry#*:}
        got=$(awk -v c="$name" '$1 == c { print $2 }' <<<"$counts")
        if [ -z "$got" ]; then
            fail "$what has no context $name"
        elif [ "$got" -lt "$min" ]; then
            fail "$what: $name has $got messages, expected at least $min"
        fi
        total=$((total + ${got:-0}))
    done
    [ "$total" -ge "$min_total" ] ||
        fail "$what: volley::cli::* hold $total messages, expected at least $min_total"
    echo "$what: $total messages in volley::cli::*"
    # A few known ones, as lupdate writes them (XML-escaped).
    for source in \
        'no targets: give -H PATTERN, --hosts-file FILE or --plan FILE' \
        "unknown command &apos;%1&apos;; see volley-cli --help" \
        'Press Ctrl-C to stop.' \
        'Usage: volley-cli lab &lt;experiment&gt; [options]'; do
        grep -qF -- "$source" "$ts" || fail "$what lacks the message '$source'"
    done
}

# 1. What lupdate finds now.
"$lupdate" "${options[@]}" "@$sources" -ts "$tmp/scan.ts" >"$tmp/lupdate.log" 2>&1 ||
    { cat "$tmp/lupdate.log"; fail "lupdate failed"; exit 1; }
if grep -E '/app/cli/.*(warning|error)' "$tmp/lupdate.log"; then
    fail "lupdate warns about volley-cli's sources (above)"
fi
check_ts "$tmp/scan.ts" "lupdate over the sources"

# 2. What the shipped translation files hold (cmake --build <dir> --target
# update_translations refreshes them).
for ts in "$@"; do
    check_ts "$ts" "$(basename "$ts")"
done

[ $failed = 0 ] || {
    echo "volley-cli's messages go through MainText::tr(), RunText::tr(), ... (app/cli/commands.h);" \
         "refresh the .ts files with: cmake --build <build dir> --target update_translations" >&2
    exit 1
}
echo "PASS: volley-cli's messages are translatable"
