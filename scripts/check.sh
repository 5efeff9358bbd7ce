#!/bin/sh
# 'make check': every stage CI runs, each timed, then the guest's report.
set -u
. "$(dirname "$0")/lib.sh"
mkdir -p "$BUILD"
: >"$BUILD/stages.log"
rm -f "$BUILD/results/check/summary"
S=$TOP/scripts/stage.sh
start=$(date +%s)
rc=0
"$S" deps "$TOP/scripts/deps.sh" &&
	"$S" tree "$TOP/scripts/make-tree.sh" &&
	"$S" checkpatch "$TOP/scripts/checkpatch.sh" &&
	"$S" config "$TOP/scripts/config.sh" &&
	"$S" kernel "$TOP/scripts/kmake.sh" -s bzImage &&
	"$S" headers "$TOP/scripts/headers.sh" &&
	"$S" selftests "$TOP/scripts/build-selftests.sh" &&
	"$S" guest "$TOP/scripts/guest-run.sh" check || rc=$?
echo
echo "stage timings:"
sed 's/^/  /' "$BUILD/stages.log"
echo "  total $(($(date +%s) - start))s"
# The tests' closing line, repeated last for whoever reads only the end.
if [ -f "$BUILD/results/check/summary" ]; then
	cat "$BUILD/results/check/summary"
else
	echo "0 passed, 1 failed, 0 skipped"
fi
exit $rc
