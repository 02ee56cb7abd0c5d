# Shared by the live-show scripts (sourced, not a test itself): an Xvfb of
# our own on a free display, and software rendering under sanitizers.
#
#   start_display WxH     sets DISPLAY and XVFB_PID
#   stop_display

XVFB_PID=

start_display() {
    local fifo
    fifo=$(mktemp -u /tmp/kiosk-display.XXXXXX)
    mkfifo "$fifo"
    # -displayfd: the server picks a free display and writes its number.
    Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp 3>"$fifo" 2>/dev/null &
    XVFB_PID=$!
    local n
    read -r -t 10 n <"$fifo"
    rm -f "$fifo"
    [ -n "$n" ] || return 1
    DISPLAY=":$n"
    export DISPLAY
}

stop_display() {
    if [ -n "$XVFB_PID" ]; then
        kill "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
    fi
    XVFB_PID=
}

# Under a sanitizer build, draw without OpenGL: Mesa's driver leaks a little
# and SDL unloads it at exit, so LeakSanitizer sees leaks from an unknown
# module that no suppression can name.
software_rendering_under_sanitizers() {
    if ldd "$1" 2>/dev/null | grep -q libasan; then
        export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
    fi
    export SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
    : "${LSAN_OPTIONS:=suppressions=$PWD/tests/lsan.supp}"
    export LSAN_OPTIONS
}

# The colour at (x, y) of the screen, as "R G B".
pixel_at() {
    import -window root "png:$TMP/shot.png" 2>/dev/null || return 1
    /usr/bin/convert "$TMP/shot.png" -format "%[fx:int(255*p{$1,$2}.r)] %[fx:int(255*p{$1,$2}.g)] %[fx:int(255*p{$1,$2}.b)]" info:
}

# True when colour "R G B" ($1) is within 40 per channel of "R G B" ($2).
near_colour() {
    local a b
    read -r -a a <<<"$1"
    read -r -a b <<<"$2"
    local i d
    for i in 0 1 2; do
        d=$((a[i] - b[i]))
        [ "${d#-}" -le 40 ] || return 1
    done
}
