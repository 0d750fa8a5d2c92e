#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop files as built, without installing anything (so it runs in every suite):
# the bash completion knows every option each volley-cli command's --help lists, and
# the desktop entry, AppStream metainfo and man pages are valid. A check whose tool is
# missing (desktop-file-utils, appstream, man-db) is skipped with a note.
# Usage: test_files.sh VOLLEY_CLI COMPLETION DESKTOP_FILE METAINFO_FILE [MAN_DIR]
set -euo pipefail
cli=$1 completion=$2 desktop=$3 metainfo=$4 man_dir=${5:-}
export QT_QPA_PLATFORM=offscreen HOME=${TMPDIR:-/tmp}/volley-test-files-home
failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

bash -n "$completion" || fail "$completion: bash syntax error"
for cmd in run hosts inventory fleet lab; do
    help=$("$cli" "$cmd" --help 2>/dev/null) || {
        echo "note: volley-cli $cmd --help failed; its options not checked"
        continue
    }
    for opt in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
        grep -qE -- "(^|[ '])$opt( |'|\\)|\$)" "$completion" ||
            fail "packaging/completion/volley-cli.bash lacks $opt (volley-cli $cmd --help lists it)"
    done
done
echo "completion: checked against each command's --help"

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
    echo "desktop-file-validate: ok"
else
    echo "note: no desktop-file-validate (desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$metainfo" >/dev/null || {
        appstreamcli validate --no-net "$metainfo"
        fail "appstreamcli validate $metainfo"
    }
    echo "appstreamcli validate: ok"
else
    echo "note: no appstreamcli (appstream)"
fi
if [ -n "$man_dir" ] && command -v man >/dev/null; then
    for page in "$man_dir"/*.1.gz; do
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
        [ -z "$warnings" ] || fail "$(basename "$page"): $warnings"
    done
    echo "man pages: $(ls "$man_dir"/*.1.gz | wc -l) render without warnings"
fi
exit $failed
