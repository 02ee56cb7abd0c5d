#!/bin/bash
# The Debian package end to end: cpack builds kiosk_VERSION_ARCH.deb from the
# build tree, dpkg-deb unpacks it into a scratch root, and the unpacked
# /usr/bin/kiosk checks and draws the demo deck unpacked beside it — finding
# it relative to its own path, not in the source tree — exactly as the
# build-tree binary draws the source deck. lintian must find no error.
#
# Usage (ctest, from the repository root): bash tests/package.sh /path/to/kiosk
set -u
kiosk=${1:?usage: package.sh /path/to/build/kiosk}
build=$(cd "$(dirname "$kiosk")" && pwd)
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

for tool in cpack dpkg-deb dpkg-shlibdeps lintian; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "package: $tool is missing (tools/install-deps installs it)" >&2; exit 1; }
done

tmp=$(mktemp -d /tmp/kiosk-package.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# ---- build ----------------------------------------------------------------------
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    echo "FAILED: cpack -G DEB" >&2
    exit 1
fi
version=$("$kiosk" --version | sed -n 's/^kiosk //p')
arch=$(dpkg --print-architecture)
deb=$tmp/pkg/kiosk_${version}_${arch}.deb
[ -f "$deb" ] || { ls "$tmp/pkg" >&2; echo "FAILED: no $deb" >&2; exit 1; }
echo "ok: built $(basename "$deb")"

# ---- its control data -------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
# dpkg-shlibdeps names the runtime library packages, never the -dev ones.
for lib in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libcjson1 libunibreak libfontconfig1 libexif12; do
    case " $depends" in
    *" $lib"*) ;;
    *) fail "Depends lacks $lib: $depends" ;;
    esac
done
case "$depends" in *-dev*) fail "Depends names a -dev package: $depends" ;; esac
[ "$(dpkg-deb -f "$deb" Package)" = kiosk ] || fail "Package is not kiosk"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
echo "ok: Depends: $depends"

# ---- its files ------------------------------------------------------------------
dpkg-deb -x "$deb" "$tmp/root" || { echo "FAILED: dpkg-deb -x" >&2; exit 1; }
root=$tmp/root
demo=$root/usr/share/kiosk/demo
for f in usr/bin/kiosk usr/share/man/man1/kiosk.1.gz \
    usr/share/doc/kiosk/copyright usr/share/doc/kiosk/changelog.gz \
    usr/share/doc/kiosk/README.md usr/share/doc/kiosk/docs/deck-format.md \
    usr/share/kiosk/demo/slides/deck.json usr/share/kiosk/demo/fonts/LICENSE \
    usr/share/kiosk/demo/fonts/NotoSansCJKsc-Regular.otf usr/share/kiosk/demo/fonts/NotoSansCJKsc-Bold.otf; do
    [ -f "$root/$f" ] || fail "the package lacks /$f"
done
src_slides=$(cd slides && ls -- *.json | sort)
pkg_slides=$(cd "$demo/slides" && ls -- *.json | sort)
[ "$src_slides" = "$pkg_slides" ] || fail "the packaged slides differ from slides/"
for a in assets/*.*; do
    cmp -s "$a" "$demo/$a" || fail "the package's $a differs from the source's"
done
[ -e "$demo/assets/src" ] && fail "the package carries the illustrations' SVG sources"
[ -x "$root/usr/bin/kiosk" ] || fail "/usr/bin/kiosk is not executable"
# The show's service and its autostart entry, where Debian looks for them.
if [ -f dist/kiosk.service ]; then
    cmp -s dist/kiosk.service "$root/usr/lib/systemd/user/kiosk.service" ||
        fail "the package lacks dist/kiosk.service as /usr/lib/systemd/user/kiosk.service"
fi
if [ -f dist/kiosk-autostart.desktop ]; then
    cmp -s dist/kiosk-autostart.desktop "$root/etc/xdg/autostart/kiosk.desktop" ||
        fail "the package lacks dist/kiosk-autostart.desktop as /etc/xdg/autostart/kiosk.desktop"
    dpkg-deb -e "$deb" "$tmp/control"
    grep -qx /etc/xdg/autostart/kiosk.desktop "$tmp/control/conffiles" ||
        fail "/etc/xdg/autostart/kiosk.desktop is not a conffile"
fi
echo "ok: files in place ($(dpkg-deb -c "$deb" | wc -l) entries)"

# ---- the unpacked program on the unpacked deck --------------------------------------
installed=$root/usr/bin/kiosk
(cd "$tmp" && "$installed" --check) >"$tmp/check.out" 2>"$tmp/check.err"
status=$?
[ "$status" = 0 ] || fail "installed kiosk --check exited $status: $(cat "$tmp/check.err")"
# The summary names the deck it read: the one in the scratch root.
grep -q "^$demo: [0-9]* slides, 0 errors" "$tmp/check.err" "$tmp/check.out" ||
    fail "installed kiosk --check did not read $demo: $(cat "$tmp/check.err" "$tmp/check.out")"
echo "ok: installed kiosk --check reads $demo"

(cd "$tmp" && timeout 300 "$installed" --render "$tmp/installed" --at 30) >"$tmp/render.log" 2>&1 ||
    fail "installed kiosk --render failed: $(cat "$tmp/render.log")"
timeout 300 "$kiosk" --render "$tmp/built" --at 30 >"$tmp/render-built.log" 2>&1 ||
    fail "build-tree kiosk --render failed: $(cat "$tmp/render-built.log")"
n_rendered=$(ls "$tmp/installed" 2>/dev/null | grep -c '\.png$')
n_expected=$(ls slides | grep -v '^deck\.json$' | grep -c '^[^_.].*\.json$')
[ "$n_rendered" = "$n_expected" ] || fail "installed --render drew $n_rendered of $n_expected slides"
# Same program, same deck, same fonts: the same pictures, byte for byte.
for png in "$tmp"/built/*.png; do
    cmp -s "$png" "$tmp/installed/$(basename "$png")" ||
        fail "installed render $(basename "$png") differs from the build tree's"
done
echo "ok: installed kiosk --render drew the $n_rendered slides as the build tree does"

# ---- lintian ------------------------------------------------------------------
lintian --fail-on error "$deb" >"$tmp/lintian.out" 2>"$tmp/lintian.err"
status=$?
errors=$(grep -c '^E: ' "$tmp/lintian.out")
if [ "$status" != 0 ] || [ "$errors" != 0 ]; then
    cat "$tmp/lintian.out" "$tmp/lintian.err" >&2
    fail "lintian exited $status with $errors errors"
else
    echo "ok: lintian finds no error ($(grep -c '^W: ' "$tmp/lintian.out") warnings)"
fi

if [ "$failures" -gt 0 ]; then
    echo "package: $failures failures" >&2
    exit 1
fi
echo "package: all checks passed"
