#!/bin/sh
# Boot the built kernel in a QEMU TCG guest whose CPU has SVM with nested
# paging, so the guest is a KVM host itself.  The host's root is shared
# read-only over virtio-9p; $OUT is shared read-write at the same path.
#
# usage: boot.sh MODE OUT [extra kernel parameters...]
#   MODE is check, test, bench (run $OUT/jobs.tsv), run (feature report)
#   or shell (interactive).  GUEST_TIMEOUT (seconds) kills a hung guest;
#   until then QEMU's monitor listens on $OUT/monitor.sock.
set -eu
. "$(dirname "$0")/lib.sh"

mode=$1 out=$2
shift 2
image=$KOUT/arch/x86/boot/bzImage
[ -f "$image" ] || die "no kernel at $image: run 'make kernel' first"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 missing: run 'make deps'"
mkdir -p "$out"

timeout=${GUEST_TIMEOUT:-2400}
cmdline="console=ttyS0 loglevel=4 panic=-1 oops=panic hugepages=128
	kvm.force_emulation_prefix=1
	root=/dev/root rootfstype=9p ro
	rootflags=trans=virtio,version=9p2000.L,msize=262144,cache=loose
	init=$TOP/scripts/guest-init.sh vs_mode=$mode vs_out=$out vs_top=$TOP
	${GUEST_CMDLINE:-} $*"
cmdline=$(echo $cmdline)

set -- qemu-system-x86_64 -machine q35 -accel tcg,thread="${GUEST_TCG_THREAD:-single}" \
	-cpu EPYC-v3,+svm,+npt -smp "${GUEST_CPUS:-2}" -m "${GUEST_MEM:-4G}" \
	-kernel "$image" -append "$cmdline" \
	-fsdev local,id=root,path=/,readonly=on,security_model=none,multidevs=remap \
	-device virtio-9p-pci,fsdev=root,mount_tag=/dev/root \
	-fsdev local,id=out,path="$out",security_model=none \
	-device virtio-9p-pci,fsdev=out,mount_tag=vsout \
	-device virtio-rng-pci \
	-display none -no-reboot -nodefaults \
	-monitor unix:"$out/monitor.sock",server=on,wait=off

if [ "$mode" = shell ]; then
	exec "$@" -serial mon:stdio
fi

status=0
timeout -k 10 "$timeout" "$@" \
	-chardev stdio,id=con,signal=off,logfile="$out/console.log" \
	-serial chardev:con </dev/null 2>"$out/qemu.log" || status=$?
if [ $status -eq 124 ] || [ $status -eq 137 ]; then
	echo "error: the guest did not power off within ${timeout}s and was killed (hung?)." >&2
	if [ ! -f "$out/results.tap" ]; then
		echo "       it was still booting: no test had started" >&2
	elif [ -f "$out/jobs.tsv" ]; then
		running=$(running_test "$out/jobs.tsv" <"$out/results.tap")
		echo "       it was running: ${running:-the final kernel-log check}" >&2
	fi
	echo "       console log: $out/console.log, its end:" >&2
	tail -n 40 "$out/console.log" | sed 's/^/       | /' >&2
	exit 1
fi
if [ $status -ne 0 ]; then
	cat "$out/qemu.log" >&2
	die "qemu exited with status $status (console log: $out/console.log)"
fi
