#!/bin/sh
# PID 1 of the test guest.  The root file system is the host's own root,
# read-only over virtio-9p; this script makes the writable bits, mounts the
# results share over $VS_OUT (same path as on the host), runs the job for
# $VS_MODE and powers the guest off.  Kernel command line parameters
# vs_mode= and vs_out= arrive here as environment variables.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mode=${vs_mode:-shell}
out=${vs_out:?vs_out= missing on the kernel command line}
top=${vs_top:?vs_top= missing on the kernel command line}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm 2>/dev/null
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
# Writable scratch directories.  The project may live under one of them
# (a clone in /tmp or /root): keep it reachable at the same path.
mkdir -p /dev/shm/.top
mount --bind "$top" /dev/shm/.top
for d in /tmp /run /var/tmp /var/log /root /mnt; do
	mount -t tmpfs tmpfs "$d"
done
if [ ! -x "$top/scripts/guest-init.sh" ]; then
	mkdir -p "$top"
	mount --move /dev/shm/.top "$top"
else
	umount /dev/shm/.top
fi
mount -t debugfs debugfs /sys/kernel/debug
mount -t hugetlbfs hugetlbfs /dev/hugepages 2>/dev/null
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 vsout "$out" ||
	echo "guest-init: cannot mount the results share on $out" >/dev/console
export HOME=/root TMPDIR=/tmp
hostname virt-series-guest 2>/dev/null

case "$mode" in
check|test|bench|kasan|kcsan|fuzz)
	"$top/scripts/guest-tests.sh" "$out"
	;;
run)
	"$top/scripts/guest-features.sh" "$out"
	;;
shell)
	echo "virt-series guest shell; 'exit' powers off."
	setsid -c /bin/sh -i </dev/ttyS0 >/dev/ttyS0 2>&1
	;;
*)
	echo "guest-init: unknown mode $mode" >/dev/console
	;;
esac

sync
echo "guest-init: powering off" >/dev/console
echo o >/proc/sysrq-trigger
# The root is gone once power-off starts: wait with builtins only.
while :; do :; done
