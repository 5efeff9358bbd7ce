#!/bin/sh
# Install the patched kernel's uapi headers to $BUILD/headers/include (for
# VMM developers and for building selftests).  Unchanged headers keep their
# timestamps, so selftests are not rebuilt for nothing.
set -eu
. "$(dirname "$0")/lib.sh"
tmp=$BUILD/headers.tmp
rm -rf "$tmp"
"$TOP/scripts/kmake.sh" -s headers_install INSTALL_HDR_PATH="$tmp"
mkdir -p "$BUILD/headers"
rsync -rlc --delete "$tmp/include/" "$BUILD/headers/include/"
rm -rf "$tmp"
note "uapi headers in $BUILD/headers/include"
