#!/bin/sh
# usage: guest-run.sh MODE [--only TEST] [kernel parameters...]
# Prepare the guest's job list for MODE (check: every list; test: the
# lists, filtered with --only; bench: tests/bench.list), boot the guest and
# summarise its results.  Results are kept in $BUILD/results/MODE/.
# fuzz runs tests/fuzz.list (the fuzzers of the series' uAPI); kasan and
# kcsan run the series' own tests, KUnit suites and fuzzers on the KASAN
# or KCSAN kernel that 'make kasan' or 'make kcsan' builds in $KOUT.
#
# check and test boot a second guest for tests/npt-off.list, with nested
# paging off in the guest's KVM (kvm_amd.npt=0), so that those tests also
# run on the shadow MMU; its results are in $BUILD/results/MODE/npt-off/
# and its tests are reported as npt-off/<test>.  They also boot the same
# kernel in Bochs, whose CPU has Intel VMX, for tests/vmx.list (results in
# $BUILD/results/MODE/vmx/, tests reported as vmx/<test>) and again with
# EPT off (kvm_intel.ept=0: shadow paging, no unrestricted guest) for
# tests/vmx-ept-off.list, reported as vmx-ept-off/<test>, and once more
# with a newer Bochs CPU model (tigerlake: TSC scaling, which the default
# model lacks) for tests/vmx-tgl.list, reported as vmx-tgl/<test>.
set -eu
. "$(dirname "$0")/lib.sh"

mode=$1
shift
only=""
if [ "${1:-}" = --only ]; then
	only=$2
	shift 2
fi
out=$BUILD/results/$mode
rm -rf "$out"
mkdir -p "$out"
case "$mode" in
check|test)
	lists="$TOP/tests/series.list $TOP/tests/kunit.list $TOP/tests/kvm-x86.list"
	;;
kasan|kcsan)
	lists="$TOP/tests/series.list $TOP/tests/kunit.list $TOP/tests/fuzz.list"
	# KASAN and KCSAN make the nested TCG guest several times slower.
	TIMEOUT_SCALE=${TIMEOUT_SCALE:-4}
	GUEST_TIMEOUT=${GUEST_TIMEOUT:-7200}
	export TIMEOUT_SCALE GUEST_TIMEOUT
	;;
fuzz)
	lists="$TOP/tests/fuzz.list"
	GUEST_TIMEOUT=${GUEST_TIMEOUT:-7200}
	export GUEST_TIMEOUT
	;;
bench)
	lists="$TOP/tests/bench.list"
	# Stress tests run long under TCG; a hung guest is still killed.
	GUEST_TIMEOUT=${GUEST_TIMEOUT:-7200}
	export GUEST_TIMEOUT
	;;
run|shell)
	if [ "${LEG:-svm}" = vmx ]; then
		# Bochs: the tests of the VMX lists, in the initramfs.
		[ "$mode" = shell ] || die "LEG=vmx: use make shell (or make test)"
		"$TOP/scripts/jobs.py" "$BUILD/selftests" "$TOP/tests/vmx.list" \
			>"$out/jobs.tsv"
		"$TOP/scripts/vmx-initramfs.sh" "$out"
		exec "$TOP/scripts/boot-bochs.sh" --shell "$out" "$@"
	fi
	exec "$TOP/scripts/boot.sh" "$mode" "$out" "$@"
	;;
*)
	die "unknown guest mode $mode"
	;;
esac

# boot DIR LABEL "LISTS" [kernel parameters...]: one guest for LISTS,
# under QEMU (AMD SVM) or, for the vmx label, under Bochs (Intel VMX).
runs=""
boot() {
	dir=$1 label=$2 blists=$3
	shift 3
	mkdir -p "$dir"
	rc=0
	# shellcheck disable=SC2086
	"$TOP/scripts/jobs.py" "$BUILD/selftests" $blists ${only:+--only "$only"} \
		>"$dir/jobs.tsv" || rc=$?
	if [ $rc -eq 3 ]; then
		return 0	# --only names no test of these lists
	fi
	[ $rc -eq 0 ] || exit $rc
	runs="$runs ${label:+$label=}$dir"
	if [ "${label%%-*}" = vmx ]; then
		"$TOP/scripts/vmx-initramfs.sh" "$dir"
		BOCHS_CPU=${boot_cpu:-${BOCHS_CPU:-}} \
			"$TOP/scripts/boot-bochs.sh" "$dir" "$@" || failed=1
	else
		"$TOP/scripts/boot.sh" "$mode" "$dir" "$@" || failed=1
	fi
}

# LEG (check, test): svm for the QEMU boots only, vmx for the Bochs boot
# only; both by default.
leg=${LEG:-all}
case "$leg" in
all|svm|vmx) ;;
*) die "LEG=$leg: use svm or vmx" ;;
esac
failed=0
if [ "$leg" != vmx ]; then
	boot "$out" "" "$lists" "$@"
	if [ "$mode" != bench ] && [ "$mode" != fuzz ] && [ -f "$TOP/tests/npt-off.list" ]; then
		boot "$out/npt-off" npt-off "$TOP/tests/npt-off.list" kvm_amd.npt=0 "$@"
	fi
fi
if [ "$leg" != svm ] && { [ "$mode" = check ] || [ "$mode" = test ]; }; then
	boot "$out/vmx" vmx "$TOP/tests/vmx.list" "$@"
	boot "$out/vmx-ept-off" vmx-ept-off "$TOP/tests/vmx-ept-off.list" \
		kvm_intel.ept=0 "$@"
	boot_cpu=tigerlake
	boot "$out/vmx-tgl" vmx-tgl "$TOP/tests/vmx-tgl.list" "$@"
	boot_cpu=
fi
[ -n "$runs" ] || die "no listed test is called $only"
rc=$failed
# shellcheck disable=SC2086
"$TOP/scripts/report.py" "$out" $runs || rc=1
if [ "$mode" = kcsan ]; then
	# shellcheck disable=SC2086
	"$TOP/scripts/kcsan-report.py" "$TREE" $runs || rc=1
fi
exit $rc
