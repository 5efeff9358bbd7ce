#!/bin/sh
# 'make bisect': check that every patch builds on its own.  Each commit of
# the series (base..HEAD of build/linux, or FROM..HEAD) is checked out in a
# scratch worktree, build/bisect/linux, and built there: bzImage with the
# test config, the uapi headers, and the selftests of tools/testing/
# selftests/kvm plus every directory of tests/selftest-dirs that exists at
# that commit.  Builds are incremental from one commit to the next.
# usage: bisect-build.sh [FROM]
set -eu
. "$(dirname "$0")/lib.sh"

main_tree=$TREE
main_kout=$KOUT
[ -f "$main_kout/.config" ] || die "no kernel config: run 'make config' first"
from=${1:-base}
BUILD=$BUILD/bisect
VIRT_SERIES_TREE=$BUILD/linux VIRT_SERIES_KOUT=$BUILD/kernel
TREE=$VIRT_SERIES_TREE KOUT=$VIRT_SERIES_KOUT
export BUILD VIRT_SERIES_TREE VIRT_SERIES_KOUT
# A worktree left from an earlier build/linux (re-made since) is dropped.
if [ -d "$TREE" ] && ! git -C "$TREE" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	rm -rf "$TREE"
fi
git -C "$main_tree" worktree prune
if [ ! -d "$TREE" ]; then
	mkdir -p "$BUILD"
	git -C "$main_tree" worktree add -q --detach "$TREE" "$from"
fi
mkdir -p "$KOUT"
n=0
for c in $(git -C "$main_tree" rev-list --reverse "$from..HEAD"); do
	n=$((n + 1))
	subject=$(git -C "$main_tree" log -1 --format=%s "$c")
	note "[$n] $subject"
	git -C "$TREE" checkout -q --detach "$c"
	cp "$main_kout/.config" "$KOUT/.config"
	"$TOP/scripts/kmake.sh" -s olddefconfig >/dev/null
	"$TOP/scripts/kmake.sh" -s bzImage >"$BUILD/log" 2>&1 ||
		{ tail -20 "$BUILD/log" >&2; die "kernel build fails at: $subject"; }
	"$TOP/scripts/headers.sh" >/dev/null 2>"$BUILD/log" ||
		{ tail -20 "$BUILD/log" >&2; die "headers_install fails at: $subject"; }
	"$TOP/scripts/build-selftests.sh" --present-only >"$BUILD/log" 2>&1 ||
		{ tail -20 "$BUILD/log" >&2; die "selftests build fails at: $subject"; }
done
note "all $n commits build on their own"
