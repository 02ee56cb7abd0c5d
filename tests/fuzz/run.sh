#!/bin/bash
# Builds the libFuzzer targets with clang in a build folder of their own and
# runs each for a bounded time from its seed corpus (tests/fuzz/corpus/NAME,
# copied, so the repository is not written to). Fails on any crash, leak or
# undefined behaviour; prints each target's executions and coverage.
# Usage: bash tests/fuzz/run.sh SOURCE_DIR BUILD_DIR [SECONDS_EACH]
set -u
src=${1:?usage: run.sh SOURCE_DIR BUILD_DIR [SECONDS_EACH]}
build=${2:?usage: run.sh SOURCE_DIR BUILD_DIR [SECONDS_EACH]}
seconds=${3:-${KIOSK_FUZZ_SECONDS:-25}}
clang=$(command -v clang-14 || command -v clang) || {
    echo "FAILED: clang is not installed (tools/install-deps installs it)" >&2
    exit 1
}
mkdir -p "$build"
if ! { CC=$clang cmake -S "$src" -B "$build" -DKIOSK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        >"$build/configure.log" 2>&1 &&
       cmake --build "$build" -j2 --target fuzz_json_pos fuzz_imgprobe fuzz_deck \
        >"$build/build.log" 2>&1; }; then
    echo "FAILED: the fuzz targets do not build:" >&2
    tail -40 "$build/configure.log" "$build/build.log" >&2
    exit 1
fi
failures=0
for name in json_pos imgprobe deck; do
    work=$build/corpus-$name
    rm -rf "$work" "$build/crashes-$name"
    mkdir -p "$work" "$build/crashes-$name"
    cp "$src/tests/fuzz/corpus/$name"/* "$work/"
    status=0
    # -rss_limit_mb keeps a runaway allocation a finding, not a machine
    # brought to its knees; -timeout makes any input slower than 10 s one.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes-$name/" \
        "$work" >"$build/fuzz-$name.log" 2>&1 || status=$?
    runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$build/fuzz-$name.log")
    cov=$(grep -E '^#[0-9]+' "$build/fuzz-$name.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+')
    echo "fuzz_$name: ${runs:-no summary}; ${cov:-no coverage line}; corpus $(ls "$work" | wc -l) inputs"
    if [ "$status" != 0 ] || [ -n "$(ls "$build/crashes-$name")" ]; then
        echo "FAILED: fuzz_$name found a problem (exit $status); inputs in $build/crashes-$name:" >&2
        ls "$build/crashes-$name" >&2
        grep -E 'ERROR|SUMMARY|runtime error|#[0-9]+ 0x' "$build/fuzz-$name.log" | head -30 >&2
        failures=$((failures + 1))
    fi
done
[ "$failures" = 0 ] || exit 1
echo "fuzz: every target ran ${seconds} s without a finding"
