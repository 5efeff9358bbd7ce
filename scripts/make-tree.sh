#!/bin/sh
# Build $TREE: a git repository with the pinned base as one commit and one
# commit per patch listed in patches/series (applied with git am).
#
# An existing tree is reused: if it already holds this series it is left
# alone; if it holds an older series and no work of its own, it is reset to
# the base and the series re-applied in place (only files the patches touch
# get new timestamps, so incremental kernel builds stay incremental).  A tree
# with uncommitted or unexported work is never thrown away: set FORCE=1.
set -eu
. "$(dirname "$0")/lib.sh"

base_repo=$("$TOP/scripts/fetch-base.sh")
want=$("$TOP/scripts/series-hash.sh")
stamp=$TREE/.git/virt-series-applied

if [ -d "$TREE/.git" ]; then
	cd "$TREE"
	if [ -f "$stamp" ]; then
		read -r have_hash have_head <"$stamp"
	else
		have_hash=none have_head=none
	fi
	head=$(git rev-parse HEAD)
	dirty=$(git status --porcelain --untracked-files=no | head -n 1)
	if [ "${FORCE:-0}" != 1 ]; then
		if [ -n "$dirty" ]; then
			die "$TREE has uncommitted changes: commit them and 'make export', or FORCE=1 make tree to discard"
		fi
		if [ "$head" != "$have_head" ]; then
			die "$TREE has commits not in patches/ (HEAD $head): run 'make export' first, or FORCE=1 make tree to discard them"
		fi
	fi
	if [ "$have_hash" = "$want" ] && [ "$head" = "$have_head" ] && [ -z "$dirty" ]; then
		note "tree up to date ($TREE)"
		exit 0
	fi
	git am --abort >/dev/null 2>&1 || true
	git fetch -q "$base_repo" +refs/tags/base:refs/tags/base
	git checkout -q -B main base
	git reset -q --hard base
else
	note "cloning base into $TREE"
	mkdir -p "$BUILD"
	git clone -q --no-checkout "$base_repo" "$TREE"
	cd "$TREE"
	git checkout -q -B main base
fi
git config user.name >/dev/null || git config user.name "virt-series"
git config user.email >/dev/null || git config user.email "virt-series@invalid"
# Until the whole series is in, the tree holds no work of its own: a
# failed run leaves it to be reset and re-applied by the next one.
echo "partial $(git rev-parse HEAD)" >"$stamp"

n=0
if [ -f "$TOP/patches/series" ]; then
	for p in $(list_entries "$TOP/patches/series"); do
		f=$TOP/patches/$p
		[ -f "$f" ] || die "patches/series lists $p but patches/$p does not exist"
		if ! git am -q --keep-cr --committer-date-is-author-date "$f" >"$TREE/.git/am.log" 2>&1; then
			echo "error: patch does not apply: patches/$p" >&2
			grep '^error:' "$TREE/.git/am.log" | sort -u | sed 's/^/    /' >&2
			git am --abort >/dev/null 2>&1 || true
			echo "partial $(git rev-parse HEAD)" >"$stamp"
			exit 1
		fi
		n=$((n + 1))
	done
fi
echo "$want $(git rev-parse HEAD)" >"$stamp"
note "tree ready: base $BASE_VERSION + $n patches ($TREE)"
