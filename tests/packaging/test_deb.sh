#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds volley_<version>_<arch>.deb with CPack, checks what it holds, installs it with
# dpkg -i and apt-get -f install (dependencies; dpkg --audit and apt-get check must be
# clean afterwards), runs the installed programs, validates the desktop entry, the
# AppStream metainfo and the package (lintian: no errors), then removes it. Installing into /usr changes the machine, so it runs only when asked:
#   VOLLEY_PACKAGE_TEST=1 ctest -L package --output-on-failure
# Usage: test_deb.sh BUILD_DIR VERSION DESKTOP_ID ICON_NAME
set -euo pipefail

if [ "${VOLLEY_PACKAGE_TEST:-0}" != 1 ]; then
    echo "SKIP: the package test installs volley into /usr (dpkg -i, then dpkg -r);" \
         "set VOLLEY_PACKAGE_TEST=1 to run it"
    exit 77
fi

build=$(readlink -f "$1")
version=$2
desktop_id=$3
icon=$4
package=volley

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "--- $*"; }

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || fail "needs root or password-less sudo (dpkg -i)"
    sudo=(sudo -n)
fi
missing=()
for tool in cpack:cmake dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev lintian:lintian \
    desktop-file-validate:desktop-file-utils appstreamcli:appstream man:man-db; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
[ ${#missing[@]} -eq 0 ] || fail "missing tools; apt-get install ${missing[*]}"

tmp=$(mktemp -d)
installed=0
cleanup() {
    if [ $installed = 1 ]; then
        step "dpkg -r $package"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive dpkg -r "$package" >/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    fail "$package is already installed; remove it first (dpkg -r $package): this test" \
         "would replace it and then remove it"
fi

# 1. Build the package into a scratch directory (cpack builds what is out of date).
step "cpack -G DEB in $build"
out=$tmp/deb
(cd "$build" && cpack -G DEB -B "$out") >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log"; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
deb=$out/${package}_${version}_${arch}.deb
[ -f "$deb" ] || { ls -l "$out"; fail "no $deb"; }
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Its control fields and contents.
step "dpkg-deb --info"
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends Suggests
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libssh libssl3 libc6; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib (dpkg-shlibdeps): $depends"
done
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "Version is not $version"

step "dpkg-deb -c"
dpkg-deb -c "$deb" | awk '{ print $1, $NF }' | sed 's#^\([^ ]*\) \./#\1 /#' | tee "$tmp/contents"
expected=(
    /usr/bin/volley
    /usr/bin/volley-cli
    "/usr/share/applications/$desktop_id.desktop"
    "/usr/share/metainfo/$desktop_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$icon.svg"
    /usr/share/man/man1/volley.1.gz
    /usr/share/man/man1/volley-cli.1.gz
    /usr/share/man/man1/volley-cli-run.1.gz
    /usr/share/bash-completion/completions/volley-cli
    /usr/share/doc/volley/copyright
    /usr/share/doc/volley/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png")
done
for path in "${expected[@]}"; do
    grep -q " $path\$" "$tmp/contents" || fail "the package lacks $path"
done
if grep -v ' /usr/' "$tmp/contents" | grep -v ' /$'; then
    fail "the package installs outside /usr (above)"
fi
echo "all ${#expected[@]} expected files are there"

# 3. Nothing of this machine leaks into the text files; icons have their sizes.
root=$tmp/root
dpkg-deb -x "$deb" "$root"
src=$(readlink -f "$(dirname "$0")/../..")
for f in "$root/usr/share/applications/"* "$root/usr/share/metainfo/"* \
    "$root/usr/share/bash-completion/completions/"*; do
    ! grep -qF -e "$build" -e "$src" "$f" || fail "$f names a build path"
done
for f in "$root"/usr/share/man/man1/*.gz; do
    ! zcat "$f" | grep -qF -e "$build" -e "$src" -e "$HOME/" || fail "$f names a build path"
done
if command -v file >/dev/null; then
    for size in 16 48 256; do
        file "$root/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png" |
            grep -q "$size x $size" || fail "the ${size}x${size} icon is not $size x $size"
    done
fi

# 4. lintian: warnings are allowed, errors are not.
step "lintian"
lintian --fail-on error --display-info "$deb" 2>&1 | tee "$tmp/lintian" ||
    fail "lintian found errors"
echo "lintian: $(grep -c '^E:' "$tmp/lintian" || true) errors," \
     "$(grep -c '^W:' "$tmp/lintian" || true) warnings"

# 5. Install, with dependencies. apt-get -f install runs every time, not only when dpkg -i
# reports missing dependencies, so the path that resolves them is always exercised (with
# everything there it changes nothing); then nothing may be left half-installed.
step "dpkg -i"
installed=1
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" ||
    echo "(dpkg -i left dependencies missing: apt-get -f install resolves them)"
step "apt-get -f install -y"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq ||
    fail "apt-get -f install could not resolve $package's dependencies"
dpkg-query -W -f='${Status}' "$package" | grep -q 'install ok installed' ||
    fail "$package did not install"
step "dpkg --audit"
audit=$(dpkg --audit 2>&1) || fail "dpkg --audit failed: $audit"
[ -z "$audit" ] || { echo "$audit"; fail "dpkg --audit reports unfinished packages (above)"; }
echo "dpkg --audit: nothing to report"
step "apt-get check"
"${sudo[@]}" apt-get check -qq || fail "apt-get check: broken dependencies"
echo "apt-get check: ok"

# 6. The installed programs, run by their installed paths, in a throw-away home.
export HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/xdg-runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
step "/usr/bin/volley-cli --version"
/usr/bin/volley-cli --version | tee "$tmp/v"
grep -qx "volley-cli $version" "$tmp/v" || fail "volley-cli --version is not 'volley-cli $version'"
step "/usr/bin/volley-cli run -H local -- echo ok"
/usr/bin/volley-cli run -H local -- echo ok | tee "$tmp/run"
grep -qx 'local: ok' "$tmp/run" || fail "volley-cli run -H local -- echo ok did not print 'local: ok'"
step "QT_QPA_PLATFORM=offscreen /usr/bin/volley --version"
QT_QPA_PLATFORM=offscreen /usr/bin/volley --version | tee "$tmp/v"
grep -qx "volley $version" "$tmp/v" || fail "volley --version is not 'volley $version'"

# 7. The installed files: desktop entry, metainfo, man pages (read from the package:
# minimal Debian images leave /usr/share/man out of what dpkg installs), and the bash
# completion against each command's --help (tests/packaging/test_files.sh).
step "test_files.sh on the installed files"
bash "$(dirname "$0")/test_files.sh" /usr/bin/volley-cli \
    /usr/share/bash-completion/completions/volley-cli \
    "/usr/share/applications/$desktop_id.desktop" \
    "/usr/share/metainfo/$desktop_id.metainfo.xml" "$root/usr/share/man/man1" ||
    fail "installed files (above)"
step "appstreamcli validate-tree --no-net (metainfo, desktop entry and icon agree)"
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"
for page in volley volley-cli volley-cli-run; do
    if [ -e "/usr/share/man/man1/$page.1.gz" ]; then
        man -w "$page" >/dev/null || fail "man -w $page finds nothing"
    fi
done

# 8. Bash completion behaves: commands and --host-key-policy values.
step "bash completion"
completion=/usr/share/bash-completion/completions/volley-cli
if [ -f /usr/share/bash-completion/bash_completion ]; then
    complete_words() {
        bash -c '
            source /usr/share/bash-completion/bash_completion 2>/dev/null
            source "$0"
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _volley_cli volley-cli "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}" 2>/dev/null
            echo "${COMPREPLY[*]}"' "$completion" "$@"
    }
    got=$(complete_words volley-cli '')
    [ "$got" = "run hosts inventory fleet lab" ] || fail "completes 'volley-cli ' as '$got'"
    got=$(complete_words volley-cli run --host-key-policy '')
    [ "$got" = "strict accept-new" ] || fail "completes --host-key-policy as '$got'"
    echo "commands and --host-key-policy values complete"
else
    echo "(bash-completion not installed: only the option list was checked)"
fi

# 9. Remove it again.
step "dpkg -r $package"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive dpkg -r "$package"
installed=0
[ ! -e /usr/bin/volley-cli ] || fail "dpkg -r left /usr/bin/volley-cli"
echo "PASS: $(basename "$deb")"
