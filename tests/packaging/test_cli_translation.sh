#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# volley-cli speaks the user's language. A test-only translation for the made-up language
# "xx" (volley_xx.ts: one volley-cli message, one from volley_core) is compiled with
# lrelease into a scratch folder named by VOLLEY_TRANSLATIONS (app/identity.h searches it
# before the built-in :/i18n), and volley-cli runs under LANGUAGE / LC_ALL / LANG=xx.
# Also: the built-in translations are linked into volley-cli, which links no Qt Gui.
# Usage: test_cli_translation.sh LRELEASE VOLLEY_CLI TS_FILE
set -euo pipefail
lrelease=$1 cli=$2 ts=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

"$lrelease" -silent "$ts" -qm "$tmp/volley_xx.qm" || { echo "FAIL: lrelease $ts" >&2; exit 1; }

# run OUT_FILE ENV... -- ARGS...: volley-cli's stderr into OUT_FILE, its status printed.
run() {
    local out=$1
    shift
    local envs=()
    while [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    shift
    local rc=0
    env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG -u VOLLEY_TRANSLATIONS "${envs[@]}" \
        "$cli" "$@" >"$tmp/stdout" 2>"$out" || rc=$?
    echo "$rc"
}

expect() { # FILE TEXT WHAT
    grep -qF -- "$2" "$1" || { fail "$3: expected '$2' in:"; sed 's/^/    /' "$1" >&2; }
}
refuse() { # FILE TEXT WHAT
    if grep -qF -- "$2" "$1"; then
        fail "$3: did not expect '$2' in:"
        sed 's/^/    /' "$1" >&2
    fi
}

translated='xx-unknown-command «frobnicate» (xx: volley-cli --help)'
english="unknown command 'frobnicate'; see volley-cli --help"

# 1. Each way Linux names the language picks the translation; the exit status stays.
for how in LANGUAGE=xx LC_ALL=xx LC_MESSAGES=xx LANG=xx "LANG=C.UTF-8 LANGUAGE=xx"; do
    # shellcheck disable=SC2086 # $how is one or two NAME=VALUE words
    rc=$(run "$tmp/err" VOLLEY_TRANSLATIONS="$tmp" $how -- frobnicate)
    expect "$tmp/err" "$translated" "volley-cli under $how"
    refuse "$tmp/err" "$english" "volley-cli under $how"
    [ "$rc" = 2 ] || fail "volley-cli frobnicate under $how exited $rc, expected 2"
done

# 2. volley_core's messages are translated too (a host pattern error).
run "$tmp/err" VOLLEY_TRANSLATIONS="$tmp" LANGUAGE=xx -- hosts expand 'n[3-1]' >/dev/null
expect "$tmp/err" 'xx-reversed-range «3-1» (xx: [1-3])' "volley-cli hosts expand under xx"

# 3. English (and a language with no translation) stays as written.
for how in LANG=C.UTF-8 LC_ALL=en_US.UTF-8 LANGUAGE=de; do
    # shellcheck disable=SC2086
    run "$tmp/err" VOLLEY_TRANSLATIONS="$tmp" $how -- frobnicate >/dev/null
    expect "$tmp/err" "$english" "volley-cli under $how"
    refuse "$tmp/err" "xx-" "volley-cli under $how"
done
# Without the folder there is no "xx": the built-in translations are the shipped ones.
run "$tmp/err" LANGUAGE=xx -- frobnicate >/dev/null
expect "$tmp/err" "$english" "volley-cli under LANGUAGE=xx without VOLLEY_TRANSLATIONS"

# 4. The built-in translations are in volley-cli (rcc stores names as UTF-16), and it
# still needs no Qt Gui or Widgets.
LC_ALL=C grep -qaP 'v\x00o\x00l\x00l\x00e\x00y\x00_\x00e\x00n\x00\.\x00q\x00m' "$cli" ||
    fail "volley-cli has no built-in :/i18n/volley_en.qm (link volley_translations)"
if command -v readelf >/dev/null; then
    if readelf -d "$cli" | grep -E 'NEEDED.*libQt6(Gui|Widgets)'; then
        fail "volley-cli links Qt Gui or Widgets (above)"
    fi
fi

[ $failed = 0 ] || exit 1
echo "PASS: volley-cli loads translations (built in, or from \$VOLLEY_TRANSLATIONS)"
