#!/bin/sh
# Runs each libFuzzer binary for SECONDS on a copy of its seed corpus (tests/fuzz/corpus/<name>/,
# name without the fuzz_ prefix) and fails when any of them finds something.
#   sh tests/fuzz/run.sh SECONDS tests/fuzz/bin/fuzz_x ...
# FUZZ_JOBS (default: the number of CPUs) targets run at the same time. Findings (crash-*,
# leak-*, timeout-*, oom-*) and each target's log are kept in tests/artifacts/fuzz/.
# Prints "PASS: fuzz_x" / "FAIL: fuzz_x: why" per target and a closing "fuzz: N passed, N failed".
set -u
secs=${1:?usage: run.sh SECONDS BIN...}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
art="$root/tests/artifacts/fuzz"
mkdir -p "$art"
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
work=$(mktemp -d "${TMPDIR:-/tmp}/verzuim-fuzz.XXXXXX")
pids=""
trap 'rm -rf "$work"' EXIT
# Stopped: stop the fuzzers too (each runs in its own subshell).
trap 'for p in $pids; do pkill -P "$p" 2>/dev/null; kill "$p" 2>/dev/null; done; exit 130' INT TERM

# Halt on the first report of either sanitizer; a finding must end the run with an artefact.
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:symbolize=1"

one() { # bin → writes $work/<name>.rc
	bin=$1 name=$(basename "$1") seed=$(basename "$1" | sed 's/^fuzz_//')
	corpus="$work/$name.corpus"
	mkdir -p "$corpus"
	[ -d "$root/tests/fuzz/corpus/$seed" ] && cp "$root/tests/fuzz/corpus/$seed"/* "$corpus"/ 2>/dev/null
	rm -f "$art/$name".log "$art/$name"-crash-* "$art/$name"-leak-* "$art/$name"-timeout-* "$art/$name"-oom-*
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$art/$name-" "$corpus" > "$art/$name.log" 2>&1
	echo $? > "$work/$name.rc"
}

[ $# -gt 0 ] || { echo "run.sh: no fuzz binaries given" >&2; exit 2; }
for b in "$@"; do
	[ -x "$b" ] || { echo "run.sh: $b is not an executable (make fuzz builds it)" >&2; exit 2; }
done
bins="$*"	# paths without spaces
for b in $bins; do
	one "$b" &
	pids="$pids $!"
	set -- $pids
	if [ $# -ge "$jobs" ]; then	# at most $jobs at a time: wait for the oldest
		wait "$1"
		shift
		pids="$*"
	fi
done
for p in $pids; do wait "$p"; done

passed=0 failed=0
for b in $bins; do
	name=$(basename "$b")
	rc=$(cat "$work/$name.rc" 2>/dev/null || echo missing)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$art/$name.log" | tail -1)
	found=$(ls "$art/$name"-crash-* "$art/$name"-leak-* "$art/$name"-timeout-* "$art/$name"-oom-* 2>/dev/null | head -1)
	if [ "$rc" = 0 ] && [ -z "$found" ]; then
		echo "PASS: $name (${secs}s, ${runs:-?} runs)"
		passed=$((passed + 1))
	else
		why=$(grep -m1 -E 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error:|SUMMARY:' "$art/$name.log")
		echo "FAIL: $name: exit $rc; ${why:-see log}; ${found:+input $found; }log $art/$name.log"
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
