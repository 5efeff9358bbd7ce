#!/bin/sh
# Build $OUT/initramfs.cpio.gz for the Bochs (VMX) guest: static busybox,
# scripts/vmx-init.sh as /init, scripts/guest-tests.sh and $OUT/jobs.tsv
# under /vs, every test binary jobs.tsv names at its host path, the shared
# libraries they need (ldd), and coreutils' timeout (busybox's exits 143,
# not 124, when the time is up, which guest-tests.sh would not read as a
# timeout).
#
# usage: vmx-initramfs.sh OUT
set -eu
. "$(dirname "$0")/lib.sh"

out=$1
jobs=$out/jobs.tsv
[ -f "$jobs" ] || die "no $jobs: make it with scripts/jobs.py"
bb=/bin/busybox
[ -x "$bb" ] && ! ldd "$bb" >/dev/null 2>&1 ||
	die "$bb missing or not static: install busybox-static"
command -v cpio >/dev/null || die "cpio missing: run scripts/deps.sh"

root=$out/initramfs.root
rm -rf "$root"
mkdir -p "$root/bin" "$root/vs" "$root/dev" "$root/proc" \
	"$root/sys" "$root/tmp" "$root/root"

# Copy a file to the same path under $root, following symlinks.
put() {
	mkdir -p "$root$(dirname "$1")"
	cp -L "$1" "$root$1"
}

# An executable and the shared libraries it needs (a static one has none).
put_exe() {
	put "$1"
	ldd "$1" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (0x.*/\1/p' |
		while read -r lib; do
			[ -e "$root$lib" ] || put "$lib"
		done
}

cp "$bb" "$root/bin/busybox"
for applet in $("$bb" --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
rm -f "$root/bin/timeout"
put_exe "$(command -v timeout)"
mv "$root$(command -v timeout)" "$root/bin/timeout"

cp "$TOP/scripts/vmx-init.sh" "$root/init"
cp "$TOP/scripts/guest-tests.sh" "$root/vs/guest-tests.sh"
chmod +x "$root/init" "$root/vs/guest-tests.sh"
cp "$jobs" "$root/vs/jobs.tsv"

while IFS='	' read -r kind name _ cmd; do
	[ "$kind" = test ] || continue
	exe=${cmd%% *}
	[ -x "$exe" ] || die "$name: $exe is not an executable"
	put_exe "$exe"
done <"$jobs"

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -9 >"$out/initramfs.cpio.gz"
rm -rf "$root"
note "initramfs: $out/initramfs.cpio.gz ($(du -k "$out/initramfs.cpio.gz" | cut -f1) KiB)"
