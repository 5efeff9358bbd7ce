#!/bin/sh
# PID 1 of the Bochs (VMX) guest, /init of the initramfs that
# vmx-initramfs.sh builds.  Bochs has no virtio, so nothing is shared with
# the host: the initramfs holds the tests (at their host paths) and
# jobs.tsv; the results directory is a tmpfs at the host's $vs_out path.
# After guest-tests.sh, the results go back over the serial console as
# base64 of a gzipped tar between two marker lines, which boot-bochs.sh
# decodes; then the guest powers off.
#
# Kernel command line parameters arrive as environment variables:
#   vs_out=DIR   the host's results directory (required)
#   vs_mode=M    passed on to guest-tests.sh (default test); shell: no
#                tests, a shell on the console until it exits
export PATH=/bin
out=${vs_out:?vs_out= missing on the kernel command line}
export vs_mode=${vs_mode:-test}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm /dev/hugepages
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t debugfs debugfs /sys/kernel/debug
mount -t hugetlbfs hugetlbfs /dev/hugepages 2>/dev/null
mkdir -p /tmp /root "$out"
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs "$out"
export HOME=/root TMPDIR=/tmp
hostname virt-series-vmx 2>/dev/null
echo "vmx-init: started at $(cut -d' ' -f1 /proc/uptime)s of guest uptime" >/dev/console

if [ -e /dev/kvm ]; then
	echo "vmx-init: /dev/kvm present; cpu flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -x -E 'vmx|ept|vpid' | tr '\n' ' ')" >/dev/console
	echo "vmx-init: $(grep -m1 '^vmx flags' /proc/cpuinfo)" >/dev/console
else
	echo "vmx-init: no /dev/kvm (kvm_intel did not initialise)" >/dev/console
fi

cp /vs/jobs.tsv "$out/jobs.tsv"
if [ "$vs_mode" = shell ]; then
	echo "vmx-init: the tests are at their host paths (see $out/jobs.tsv);" \
		"/vs/guest-tests.sh $out runs them all; exit powers off" >/dev/console
	setsid cttyhack sh -l
	poweroff -f
	echo o >/proc/sysrq-trigger
	while :; do sleep 1; done
fi
# Every kernel WARNs once at boot on the CPUID topology Bochs reports (leaf
# 1 gives fewer logical processors than leaf 4 has cores), and with the
# tigerlake model on the XSAVE area size its CPUID gives (2432 bytes where
# its features need 2688; the kernel then runs without XSAVE): not a
# test's doing, and not the series'.  Only these are let through.
export vs_known_splat='topology_common\.c:[0-9]+ parse_legacy|xstate\.c:[0-9]+ fpu__init_system_xstate'
export vs_known_why="Bochs' CPUID"
/vs/guest-tests.sh "$out"
echo "vmx-init: tests done at $(cut -d' ' -f1 /proc/uptime)s of guest uptime" >/dev/console

# Only emergencies on the console from here, so no kernel message can
# land inside the encoded block.
dmesg -n 1
rm -f "$out/jobs.tsv"
echo "==== vs-results begin ====" >/dev/console
(cd "$out" && tar -cf - -- *) | gzip -9 | base64 >/dev/console
echo "==== vs-results end ====" >/dev/console

# The UART sends what is queued at 115200 baud while power-off does not
# wait for it: give it time to drain.
sleep 5
sync
poweroff -f
echo o >/proc/sysrq-trigger
while :; do sleep 1; done
