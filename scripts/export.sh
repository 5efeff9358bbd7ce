#!/bin/sh
# Write the commits of $TREE on top of the base back to patches/ as
# git format-patch files, one topic directory each, and rewrite
# patches/series.  A commit keeps the topic directory its patch had
# before (matched by file name without the number); a new one is placed
# by its subject prefix, "misc" if none matches.  Output is deterministic
# (zero commit hashes, no base-commit, signature or diffstat), so
# re-exporting an unchanged tree changes no file.
set -eu
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no tree at $TREE: run 'make tree' first"
cd "$TREE"
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes: commit them first"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Remember the old topic of each patch by its subject slug.
old_topics=$tmp/old-topics
: >"$old_topics"
if [ -f "$TOP/patches/series" ]; then
	list_entries "$TOP/patches/series" | while read -r p; do
		slug=$(basename "$p" .patch | sed 's/^[0-9]*-//')
		echo "$slug $(dirname "$p")"
	done >"$old_topics"
fi

git format-patch -q --no-signature --zero-commit --no-numbered \
	--no-base --no-stat --full-index -k -o "$tmp/out" base..HEAD >/dev/null

series=$tmp/series
echo "# virt-series patch queue, applied in this order by 'make tree'." >"$series"
count=0
for f in "$tmp"/out/*.patch; do
	[ -e "$f" ] || break
	name=$(basename "$f")
	slug=$(echo "$name" | sed 's/^[0-9]*-//; s/\.patch$//')
	subject=$(sed -n 's/^Subject: //p' "$f" | head -n 1)
	topic=$(awk -v s="$slug" '$1 == s {print $2; exit}' "$old_topics")
	if [ -z "$topic" ]; then
		case "$subject" in
		*introspection*|*KVMI*|*kvmi*) topic=kvmi ;;
		vfio/mdev*|*mdev*) topic=mdev ;;
		vhost*|rpmsg*|*RPMsg*) topic=vhost ;;
		irqbypass*) topic=virt-lib ;;
		"KVM: selftests"*) topic=kvm-selftests ;;
		KVM*) topic=kvm-x86 ;;
		*) topic=misc ;;
		esac
	fi
	count=$((count + 1))
	mkdir -p "$tmp/new/$topic"
	new=$(printf '%04d-%s.patch' "$count" "$slug")
	mv "$f" "$tmp/new/$topic/$new"
	echo "$topic/$new" >>"$series"
done

# Replace the patch files; touch only what changed.
find "$TOP/patches" -name '*.patch' | while read -r old; do
	rel=${old#"$TOP"/patches/}
	[ -f "$tmp/new/$rel" ] || rm -f "$old"
done
if [ -d "$tmp/new" ]; then
	(cd "$tmp/new" && find . -name '*.patch') | while read -r rel; do
		rel=${rel#./}
		mkdir -p "$(dirname "$TOP/patches/$rel")"
		cmp -s "$tmp/new/$rel" "$TOP/patches/$rel" || cp "$tmp/new/$rel" "$TOP/patches/$rel"
	done
fi
find "$TOP/patches" -mindepth 1 -type d -empty -delete
cmp -s "$series" "$TOP/patches/series" || cp "$series" "$TOP/patches/series"
# Export renumbers patches: bring the docs' references to them up to date.
"$TOP/scripts/patch-refs.py" "$TOP"/docs/*.md "$TOP/README.md"

# The tree now matches patches/: record that so 'make tree' keeps it.
echo "$("$TOP/scripts/series-hash.sh") $(git rev-parse HEAD)" >"$TREE/.git/virt-series-applied"
note "exported $count patches to patches/"
