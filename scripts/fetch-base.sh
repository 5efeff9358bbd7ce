#!/bin/sh
# Fetch the pinned base package with apt, verify it, and turn it into a cached
# git repository holding the base as a single deterministic commit.
# Prints the path of that repository.
set -eu
. "$(dirname "$0")/lib.sh"

deb=$CACHE/${BASE_PKG}_$(echo "$BASE_VERSION" | sed 's/:/%3a/')_all.deb
# Bump when the way the base commit is made changes, so caches are redone.
format=2
repo=$CACHE/base-$BASE_VERSION.f$format.git
mkdir -p "$CACHE"

if [ -f "$repo/virt-series-base-ok" ]; then
	echo "$repo"
	exit 0
fi

if [ ! -f "$deb" ]; then
	note "downloading $BASE_PKG=$BASE_VERSION" >&2
	if ! (cd "$CACHE" && apt-get download "$BASE_PKG=$BASE_VERSION") >&2; then
		echo "error: $BASE_PKG=$BASE_VERSION cannot be downloaded." >&2
		echo "Versions apt offers now:" >&2
		apt-cache madison "$BASE_PKG" 2>/dev/null | awk '{print "    " $3}' >&2 || true
		echo "If the pinned version was withdrawn, move the pin:" >&2
		echo "    make pin-base VERSION=<one of the above>" >&2
		echo "then run 'make tree' and 'make check' and commit base.pin." >&2
		echo "(If nothing is listed, run 'apt-get update' first.)" >&2
		exit 1
	fi
fi

sum=$(sha256sum "$deb" | cut -d' ' -f1)
if [ "$sum" != "$BASE_SHA256" ]; then
	rm -f "$deb"
	die "$deb: sha256 $sum does not match the pin $BASE_SHA256 (file removed)"
fi

note "unpacking base $BASE_VERSION into $repo" >&2
work=$CACHE/unpack.$$
rm -rf "$work" "$repo"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" -f - ./usr/src
tarball=$(ls "$work"/usr/src/linux-source-*.tar.xz)
mkdir -p "$work/src"
tar -x -J -C "$work/src" --strip-components=1 -f "$tarball"
rm -f "$tarball"
# The one change to the package's content: Debian's .gitignore ignores
# everything at the top level ("/*"), which would hide every file a patch
# adds from git in the working tree.  It plays no part in any build.
sed -i '/^# Debian packaging: ignore everything at the top level/,/^!\/debian\/$/d' \
	"$work/src/.gitignore"

git init -q --bare "$repo"
# Every gc in the foreground, the one 'git commit' starts by itself too: a
# detached gc would still be writing its pack while make-tree.sh clones
# (and hardlinks) the repository, and the clone fails ("hardlink different
# from source").
git -C "$repo" config gc.autoDetach false
date="2000-01-01T00:00:00Z"
(
	cd "$work/src"
	export GIT_DIR="$repo" GIT_WORK_TREE="$work/src"
	git add -A -f .
	GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date \
		git commit -q -m "base: $BASE_PKG $BASE_VERSION" \
		-m "Unpacked from Debian's $BASE_PKG package, sha256 $BASE_SHA256." \
		-m "Debian's top-level ignore-everything rule is dropped from .gitignore."
	git tag base
	git gc -q --auto
)
touch "$repo/virt-series-base-ok"
echo "$repo"
