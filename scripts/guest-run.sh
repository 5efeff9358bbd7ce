#!/bin/sh
# usage: guest-run.sh MODE [--only TEST] [kernel parameters...]
# Prepare the guest's job list for MODE (check: every list; test: the
# lists, filtered with --only; bench: tests/bench.list), boot the guest and
# summarise its results.  Results are kept in $BUILD/results/MODE/.
set -eu
. "$(dirname "$0")/lib.sh"

mode=$1
shift
only=""
if [ "${1:-}" = --only ]; then
	only="--only $2"
	shift 2
fi
out=$BUILD/results/$mode
rm -rf "$out"
mkdir -p "$out"
case "$mode" in
check|test)
	lists="$TOP/tests/series.list $TOP/tests/kunit.list $TOP/tests/kvm-x86.list"
	;;
bench)
	lists="$TOP/tests/bench.list"
	# Stress tests run long under TCG; a hung guest is still killed.
	GUEST_TIMEOUT=${GUEST_TIMEOUT:-7200}
	export GUEST_TIMEOUT
	;;
run|shell)
	exec "$TOP/scripts/boot.sh" "$mode" "$out" "$@"
	;;
*)
	die "unknown guest mode $mode"
	;;
esac
# shellcheck disable=SC2086
"$TOP/scripts/jobs.py" "$BUILD/selftests" $lists $only >"$out/jobs.tsv"
"$TOP/scripts/boot.sh" "$mode" "$out" "$@"
"$TOP/scripts/report.py" "$out"
