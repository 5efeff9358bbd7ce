#!/bin/sh
# Install, from Debian's packages, whatever the harness needs and the
# machine lacks.  Safe to run again: it only installs what is missing.
# bochs-term only satisfies bochs' need for a display plugin (boot-bochs.sh
# uses rfb, which bochs has); busybox-static, isolinux, syslinux-common and
# xorriso build boot-bochs.sh's initramfs and CD.
set -eu
pkgs="make gcc libc6-dev git python3 flex bison bc cpio rsync kmod xz-utils
	libelf-dev libssl-dev ccache qemu-system-x86 dpkg-dev fakeroot
	util-linux coreutils perl python3-ply python3-git
	bochs bochs-term bochsbios vgabios busybox-static isolinux syslinux-common
	xorriso"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -n "$missing" ] || exit 0
echo "--- installing:$missing"
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
