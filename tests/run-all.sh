#!/bin/sh
# Runs every test suite of `make check` and adds up the results:
#   the Check unit-test binaries given as arguments, tests/cli/*.sh, tests/e2e/test_*.py, the
#   load and fault test (tests/load/fault.py) and,
#   when Chromium and node_modules are present, the browser tests (make e2e).
# Each suite's own output is kept in tests/artifacts/<suite>.log; failures are shown in full.
# Closing line: "check: N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
art="$root/tests/artifacts"
mkdir -p "$art"
passed=0 failed=0 bad_suites=""

count_lines() { # log file → adds PASS:/FAIL: lines
	p=$(grep -c '^PASS: ' "$1") ; f=$(grep -c '^FAIL: ' "$1")
	passed=$((passed + p)); failed=$((failed + f))
}

run_suite() { # name, command...
	name=$1; shift
	log="$art/$name.log"
	"$@" > "$log" 2>&1
	rc=$?
	echo "$rc" > "$art/$name.rc"
}

report() { # name, kind
	name=$1 kind=$2 log="$art/$1.log" rc=$(cat "$art/$1.rc")
	before=$failed
	if [ "$kind" = check ]; then
		# Check prints e.g. "100%: Checks: 12, Failures: 0, Errors: 0"
		line=$(grep -E '^[0-9]+%: Checks: ' "$log" | tail -1)
		n=$(echo "$line" | sed -n 's/.*Checks: \([0-9]*\).*/\1/p')
		f=$(echo "$line" | sed -n 's/.*Failures: \([0-9]*\).*/\1/p')
		e=$(echo "$line" | sed -n 's/.*Errors: \([0-9]*\).*/\1/p')
		if [ -z "$n" ]; then
			failed=$((failed + 1))
		else
			passed=$((passed + n - f - e)); failed=$((failed + f + e))
		fi
		echo "$name: $line"
	else
		count_lines "$log"
		echo "$name: $(grep -c '^PASS: ' "$log") passed, $(grep -c '^FAIL: ' "$log") failed"
	fi
	if [ "$rc" != 0 ] && [ $failed = $before ]; then
		failed=$((failed + 1))	# the suite failed without saying which case: count it
	fi
	if [ "$rc" != 0 ]; then
		bad_suites="$bad_suites $name"
		echo "---- $name (exit $rc) ----"
		grep -E '^(FAIL: |.*:[0-9]+:[EF]:)' "$log" | head -50
		tail -30 "$log"
		echo "----"
	fi
}

for bin in "$@"; do
	name=$(basename "$bin")
	run_suite "$name" env CK_FORK=yes "$bin"
	report "$name" check
done
for t in "$root"/tests/cli/*.sh; do
	[ -f "$t" ] || continue
	name=cli-$(basename "$t" .sh)
	run_suite "$name" sh "$t"
	report "$name" lines
done
# The end-to-end suites each start their own stack on a free port; run two at a time.
e2e_list=$(ls "$root"/tests/e2e/test_*.py 2>/dev/null)
set -- $e2e_list
while [ $# -gt 0 ]; do
	a=$1; shift
	na=e2e-$(basename "$a" .py)
	( cd "$root/tests/e2e" && run_suite "$na" python3 "$a" ) &
	pa=$!
	if [ $# -gt 0 ]; then
		b=$1; shift
		nb=e2e-$(basename "$b" .py)
		( cd "$root/tests/e2e" && run_suite "$nb" python3 "$b" ) &
		wait $!
		wait $pa
		report "$na" lines
		report "$nb" lines
	else
		wait $pa
		report "$na" lines
	fi
done
# Load and faults: 1,000 concurrent melding submissions while workers are SIGKILLed (~10 s).
run_suite load python3 "$root/tests/load/fault.py"
report load lines
if [ -x /usr/bin/chromium ] && [ -d "$root/node_modules/playwright-core" ] && [ -f "$root/tests/browser/run.mjs" ]; then
	run_suite browser node "$root/tests/browser/run.mjs"
	report browser lines
else
	echo "browser: skipped (no /usr/bin/chromium or node_modules)"
fi

[ -n "$bad_suites" ] && echo "failing suites:$bad_suites"
echo "check: $passed passed, $failed failed"
[ "$failed" = 0 ]
