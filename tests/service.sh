#!/bin/bash
# The pieces that bring a kiosk PC back by itself: dist/kiosk.service passes
# systemd-analyze verify and says Restart=always with a watchdog, the
# autostart entry starts it, and the real show, given a NOTIFY_SOCKET and a
# watchdog as systemd would, says READY=1, pings WATCHDOG=1 while it runs
# and STOPPING=1 as it ends. Usage: bash tests/service.sh /path/to/kiosk
set -u
kiosk=$(realpath "${1:?usage: service.sh /path/to/kiosk}")
tmp=$(mktemp -d /tmp/kiosk-service.XXXXXX)
xvfb_pid=
listener_pid=
cleanup() {
    [ -n "$listener_pid" ] && kill "$listener_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}
: "${LSAN_OPTIONS:=suppressions=$PWD/tests/lsan.supp}"
export LSAN_OPTIONS

# ---- the unit ------------------------------------------------------------
unit=dist/kiosk.service
for want in 'Restart=always' 'Type=notify' 'WatchdogSec=[0-9]+' 'StartLimitIntervalSec=0' \
    'ExecStart=/usr/bin/kiosk '; do
    grep -Eq "^$want" "$unit" || fail "$unit: no line $want"
done
if command -v systemd-analyze >/dev/null; then
    # Verified as a system unit, with the program and home made real here.
    sed "s#/usr/bin/kiosk#$kiosk#; s#%h#$tmp#g" "$unit" >"$tmp/kiosk.service"
    out=$(systemd-analyze verify "$tmp/kiosk.service" 2>&1)
    [ -z "$out" ] || fail "systemd-analyze verify $unit: $out"
else
    echo "service: systemd-analyze is missing; the unit's syntax is not verified"
fi
# The options in ExecStart are ones kiosk takes: --check with them parses.
args=$(sed -n 's#^ExecStart=/usr/bin/kiosk ##p' "$unit" | sed "s#%h#$tmp#g")
mkdir -p "$tmp/deck/slides"
printf '{"type": "title", "title": "Hello"}' >"$tmp/deck/slides/010-a.json"
# shellcheck disable=SC2086
status=0
"$kiosk" --check ${args% *} "$tmp/deck" >/dev/null 2>&1 || status=$?
[ "$status" = 0 ] || fail "ExecStart's options: kiosk --check ${args% *} DECK exits $status"

desktop=dist/kiosk-autostart.desktop
for want in '\[Desktop Entry\]' 'Type=Application' 'Exec=.*systemctl --user restart kiosk\.service' \
    'Exec=.*exec kiosk '; do
    grep -Eq "^$want" "$desktop" || fail "$desktop: no line $want"
done

# ---- the show talking to a service manager ----------------------------------
command -v Xvfb >/dev/null || { fail "Xvfb is missing (tools/install-deps installs it)"; exit 1; }
exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 640x360x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do
    [ -s "$tmp/display" ] && break
    sleep 0.05
done
[ -s "$tmp/display" ] || { fail "Xvfb did not start"; exit 1; }
export DISPLAY=":$(head -1 "$tmp/display")"

# Under the sanitizers, Mesa's GL driver leaks from a library it unloads;
# the software renderer draws the same frames (as e2e_player.sh does).
if ldd "$kiosk" 2>/dev/null | grep -q libasan; then
    export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
fi
sock=$tmp/notify.sock
python3 - "$sock" "$tmp/datagrams" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "w") as out:
    while True:
        msg = s.recv(4096).decode()
        out.write(msg + "\n")
        out.flush()
        if msg == "STOPPING=1":
            break
PY
listener_pid=$!
for _ in $(seq 100); do
    [ -S "$sock" ] && break
    sleep 0.05
done
status=0
NOTIFY_SOCKET=$sock WATCHDOG_USEC=1000000 timeout 120 "$kiosk" --windowed --size 640x360 \
    --exit-after 3 "$tmp/deck" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
[ "$status" = 0 ] || fail "the show exits $status: $(tail -5 "$tmp/stderr")"
for _ in $(seq 100); do
    grep -q STOPPING "$tmp/datagrams" 2>/dev/null && break
    sleep 0.05
done
got=$(tr '\n' ' ' <"$tmp/datagrams" 2>/dev/null)
[ "$(head -1 "$tmp/datagrams")" = "READY=1" ] || fail "the first datagram is not READY=1: $got"
[ "$(tail -1 "$tmp/datagrams")" = "STOPPING=1" ] || fail "the last datagram is not STOPPING=1: $got"
pings=$(grep -c '^WATCHDOG=1$' "$tmp/datagrams")
# A ping every 500 ms for 3 s of show: at least 2 even on a loaded machine.
[ "$pings" -ge 2 ] || fail "expected at least 2 WATCHDOG=1 pings in 3 s, got $pings: $got"
echo "service: $got"
[ "$failures" = 0 ] || exit 1
echo "service: all checks passed"
