#!/usr/bin/env bash
# `npm test`: the type-check and lint run beside the test suite, at low priority, on the
# CPU the emulator-bound integration tests leave idle (run one after the other, the two
# took 50 s + 250 s on 2 cores). Both always run; the exit code fails if either failed.
set -u
cd "$(dirname "$0")/.."
log=$(mktemp)
nice -n 10 npm run -s check >"$log" 2>&1 &
check_pid=$!
npx vitest run
tests=$?
wait "$check_pid"
checked=$?
echo "--- npm run check (type-check and lint): exit $checked"
cat "$log"
rm -f "$log"
exit $((tests | checked))
