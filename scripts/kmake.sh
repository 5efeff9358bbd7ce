#!/bin/sh
# Run the kernel's make on $TREE with output in $KOUT, through ccache when
# it is installed.  Arguments are make targets/variables.
set -eu
. "$(dirname "$0")/lib.sh"

[ -f "$KOUT/.config" ] || die "no kernel config: run 'make config' first"
cc=gcc
if command -v ccache >/dev/null 2>&1; then
	cc="ccache gcc"
	export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
	export CCACHE_BASEDIR=$TOP
	export CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
	export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
fi
# Reproducible build identity: keeps ccache hits across clones.
export KBUILD_BUILD_TIMESTAMP="2000-01-01"
export KBUILD_BUILD_USER=virt-series KBUILD_BUILD_HOST=virt-series
exec make -C "$TREE" O="$KOUT" ARCH=x86_64 CC="$cc" HOSTCC=gcc \
	-j"${JOBS:-$(nproc)}" "$@"
