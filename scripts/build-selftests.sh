#!/bin/sh
# Build the kselftests the harness runs against the patched uapi headers:
# the upstream KVM selftests plus every directory in tests/selftest-dirs
# (selftests the series adds outside kvm/).  Output in $BUILD/selftests/.
# --present-only skips listed directories the tree does not have (yet):
# 'make bisect' builds commits that predate them.
set -eu
. "$(dirname "$0")/lib.sh"

hdr=$BUILD/headers/include
[ -f "$hdr/linux/kvm.h" ] || die "no uapi headers in $hdr: run 'make headers' first"
dirs=kvm
if [ -f "$TOP/tests/selftest-dirs" ]; then
	dirs="$dirs $(list_entries "$TOP/tests/selftest-dirs")"
fi
for d in $dirs; do
	src=$TREE/tools/testing/selftests/$d
	if [ ! -d "$src" ]; then
		[ "${1:-}" = --present-only ] && continue
		die "tests/selftest-dirs names $d, which is not in the tree"
	fi
	mkdir -p "$BUILD/selftests/$d"
	note "selftests: $d"
	make -s -C "$src" OUTPUT="$BUILD/selftests/$d" \
		KHDR_INCLUDES="-isystem $hdr" -j"${JOBS:-$(nproc)}" ||
		die "building selftests in tools/testing/selftests/$d failed"
done

# The feature report run by 'make run', built against the same headers.
mkdir -p "$BUILD/tools"
cc -O2 -Wall -Wextra -Werror -isystem "$hdr" -o "$BUILD/tools/feature-report" \
	"$TOP/tests/feature-report.c"
