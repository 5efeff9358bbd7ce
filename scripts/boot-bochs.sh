#!/bin/sh
# Boot the built kernel in Bochs, whose CPU has Intel VMX with EPT, so the
# guest is a KVM host with kvm_intel; run $OUT/jobs.tsv there and bring the
# results back.  Bochs has no virtio: the guest gets everything from the
# initramfs vmx-initramfs.sh built ($OUT/initramfs.cpio.gz) and sends the
# results back over the serial port (see vmx-init.sh), which this script
# decodes into $OUT/results.tap, $OUT/logs/, $OUT/dmesg.txt.
#
# usage: boot-bochs.sh [--shell] OUT [extra kernel parameters...]
#   --shell        no tests: a shell in the guest on this terminal (the
#                  serial port is connected to it), until it powers off
#   BOCHS_TIMEOUT  seconds of wall time before a hung guest is killed (900)
#   BOCHS_CPU      Bochs CPU model (corei7_haswell_4770), BOCHS_CPUS (1)
#   BOCHS_MEM      guest memory in MiB (2048), BOCHS_IPS (see below)
# Bochs' log is $OUT/bochs.log, the guest's console $OUT/console.log.
set -eu
. "$(dirname "$0")/lib.sh"

vs_mode=test
if [ "${1:-}" = --shell ]; then
	vs_mode=shell
	shift
fi
out=$(cd "$1" && pwd)
shift
kernel=$KOUT/arch/x86/boot/bzImage
[ -f "$kernel" ] || die "no kernel at $kernel: run 'make kernel' first"
[ -f "$out/initramfs.cpio.gz" ] || die "no $out/initramfs.cpio.gz: run scripts/vmx-initramfs.sh $out"
command -v bochs-bin >/dev/null || die "bochs-bin missing: run scripts/deps.sh"
command -v xorriso >/dev/null || die "xorriso missing: run scripts/deps.sh"
isolinux=/usr/lib/ISOLINUX/isolinux.bin
ldlinux=/usr/lib/syslinux/modules/bios/ldlinux.c32
[ -f "$isolinux" ] && [ -f "$ldlinux" ] || die "isolinux missing: run scripts/deps.sh"
if grep -q '^# CONFIG_BLK_DEV_INITRD is not set' "$KOUT/.config" 2>/dev/null; then
	echo "warning: $KOUT/.config has no CONFIG_BLK_DEV_INITRD: the kernel will ignore the initramfs and panic" >&2
fi

timeout=${BOCHS_TIMEOUT:-900}
cpu=${BOCHS_CPU:-corei7_haswell_4770} cpus=${BOCHS_CPUS:-1} mem=${BOCHS_MEM:-2048}
cmdline="console=ttyS0,115200 loglevel=4 panic=-1 oops=panic
	kvm.force_emulation_prefix=1 hugepages=16 vs_out=$out vs_mode=$vs_mode $*"
cmdline=$(echo $cmdline)

# A bootable CD: isolinux loads the kernel and the initramfs.
iso=$out/iso
rm -rf "$iso" "$out/boot.iso"
mkdir -p "$iso/isolinux"
cp "$isolinux" "$ldlinux" "$iso/isolinux/"
cp "$kernel" "$iso/bzImage"
cp "$out/initramfs.cpio.gz" "$iso/initrd.gz"
cat >"$iso/isolinux/isolinux.cfg" <<EOF
default vs
prompt 0
timeout 0
label vs
	kernel /bzImage
	append initrd=/initrd.gz $cmdline
EOF
xorriso -as mkisofs -quiet -o "$out/boot.iso" -b isolinux/isolinux.bin \
	-c isolinux/boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
	"$iso" 2>"$out/xorriso.log" || die "xorriso failed: $out/xorriso.log"
rm -rf "$iso"

# ips only sets how many instructions make a second of guest time (with
# sync=none the guest's clock is the instruction count): near Bochs' real
# speed, guest timeouts are close to wall-clock ones.
com1="mode=file, dev=$out/console.log"
if [ $vs_mode = shell ]; then
	tty=$(tty) || die "make shell LEG=vmx needs a terminal on its standard input"
	com1="mode=term, dev=$tty"
fi
cat >"$out/bochsrc" <<EOF
config_interface: textconfig
display_library: rfb, options="timeout=0"
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
cpu: model=$cpu, count=$cpus, ips=${BOCHS_IPS:-30000000}, reset_on_triple_fault=0
memory: guest=$mem, host=$mem
pci: enabled=1, chipset=i440fx
clock: sync=none, time0=local
ata0: enabled=1, ioaddr1=0x1f0, ioaddr2=0x3f0, irq=14
ata0-master: type=cdrom, path=$out/boot.iso, status=inserted
boot: cdrom
floppy_bootsig_check: disabled=1
com1: enabled=1, $com1
mouse: enabled=0
magic_break: enabled=0
log: $out/bochs.log
panic: action=fatal
error: action=report
info: action=report
debug: action=ignore
EOF

if [ $vs_mode = shell ]; then
	note "bochs: $kernel, cpu $cpu x$cpus, $mem MiB; the guest's console is this terminal, 'poweroff' ends it"
	printf 'c\nquit\n' >"$out/bochs.rc"
	# Bochs' exit status does not tell a guest that powered off from
	# one that stopped otherwise: its log does.
	bochs-bin -q -f "$out/bochsrc" -rc "$out/bochs.rc" 2>"$out/bochs.out" || true
	note "bochs stopped; its log: $out/bochs.log"
	exit 0
fi

console=$out/console.log
rm -f "$console" "$out/results.tap" "$out/finished"
rm -rf "$out/logs"
: >"$console"
note "bochs: $kernel, cpu $cpu x$cpus, $mem MiB"
start=$(date +%s)
# This Bochs has its debugger built in, which stops before the first
# instruction: the -rc script continues, and quits if the guest stops.
printf 'c\nquit\n' >"$out/bochs.rc"
nice -n 10 bochs-bin -q -f "$out/bochsrc" -rc "$out/bochs.rc" </dev/null >"$out/bochs.out" 2>&1 &
pid=$!

# Watch the console: show the guest's milestones and test results with the
# wall time they came at; stop Bochs on a panic, a finished guest that
# does not power off, or the timeout.
seen=0 verdict=""
while kill -0 $pid 2>/dev/null; do
	sleep 2
	now=$(($(date +%s) - start))
	lines=$(grep -c '' "$console" || true)
	if [ "$lines" -gt "$seen" ]; then
		sed -n "$((seen + 1)),${lines}p" "$console" | tr -d '\r' |
			grep -E '^(vmx-init:|ok |not ok |==== vs-results|Kernel panic)' |
			sed "s/^/--- [+${now}s] /" || true
		seen=$lines
	fi
	if grep -q '^==== vs-results end ====' "$console"; then
		verdict=done
		i=0
		while kill -0 $pid 2>/dev/null && [ $i -lt 15 ]; do
			sleep 1
			i=$((i + 1))
		done
		break
	elif grep -q 'Kernel panic - not syncing' "$console"; then
		verdict=panic
		sleep 5
		break
	elif [ $now -ge "$timeout" ]; then
		verdict=timeout
		break
	fi
done
kill $pid 2>/dev/null && wait $pid 2>/dev/null || true
# Bochs ends by itself when the guest powers off (ACPI soft power off).
[ -n "$verdict" ] || ! grep -q '^==== vs-results end ====' "$console" || verdict=done
note "bochs ran $(($(date +%s) - start))s of wall time"

case "$verdict" in
panic)
	echo "error: the guest kernel panicked (console log: $console):" >&2
	grep -A3 'Kernel panic' "$console" | tr -d '\r' | sed 's/^/       | /' >&2
	if grep -q -E 'Unable to mount root fs|No working init found' "$console"; then
		echo "       it never ran the initramfs's /init: does the kernel have CONFIG_BLK_DEV_INITRD=y and CONFIG_RD_GZIP=y?" >&2
	fi
	exit 1
	;;
timeout|"")
	if [ "$verdict" = timeout ]; then
		echo "error: the guest did not finish within ${timeout}s and was killed (hung?)." >&2
	else
		echo "error: bochs exited before the guest finished (bochs log: $out/bochs.log):" >&2
		grep -E '^[0-9]+[ep]\[' "$out/bochs.log" | tail -n 5 | sed 's/^/       | /' >&2
	fi
	if ! grep -q '^vmx-init: started' "$console"; then
		echo "       it was still booting: /init had not started" >&2
	else
		running=$(tr -d '\r' <"$console" | running_test "$out/jobs.tsv")
		echo "       it was running: ${running:-the final kernel-log check}" >&2
	fi
	echo "       console log: $console, its end:" >&2
	tail -n 40 "$console" | tr -d '\r' | sed 's/^/       | /' >&2
	# The guest shows its TAP lines on the console as it goes: keep what
	# it got to (the logs stay in the guest).
	{
		echo "TAP version 13"
		tr -d '\r' <"$console" | grep -E '^(1\.\.[0-9]|ok |not ok )' || true
	} >"$out/results.tap"
	echo "       the TAP lines it printed are in $out/results.tap" >&2
	exit 1
	;;
esac

tr -d '\r' <"$console" | sed -n '/^==== vs-results begin ====$/,/^==== vs-results end ====$/p' |
	sed '1d;$d' | base64 -d | tar -xzmf - -C "$out" ||
	die "cannot decode the results block in $console"
[ -f "$out/results.tap" ] || die "the results block in $console has no results.tap"
note "results: $out/results.tap"
