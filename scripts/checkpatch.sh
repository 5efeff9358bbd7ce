#!/bin/sh
# Run the tree's checkpatch.pl --strict on every patch in patches/series,
# and check that the docs' references to patch files are current.
# Any error, warning or check fails, naming the patch.  One type is
# ignored: FILE_PATH_CHANGES ("does MAINTAINERS need updating?") fires on
# every added file, whether or not a MAINTAINERS entry already covers it.
set -eu
. "$(dirname "$0")/lib.sh"

# checkpatch runs scripts/spdxcheck.py through "env python3": make that
# Debian's python3, which has the python3-ply and python3-git it imports.
PATH=/usr/bin:/bin:$PATH
[ -x "$TREE/scripts/checkpatch.pl" ] || die "no tree at $TREE: run 'make tree' first"
# A patch found clean is not checked again while neither it nor
# checkpatch (and its word lists) change: $BUILD/checkpatch.clean holds
# one hash per clean patch, of the patch and the checker together.
cache=$BUILD/checkpatch.clean
tool=$(cat "$TREE/scripts/checkpatch.pl" "$TREE/scripts/spelling.txt" \
	"$TREE/scripts/const_structs.checkpatch" 2>/dev/null | sha256sum | cut -c1-64)
touch "$cache"
bad=0 n=0 cached=0
for p in $(list_entries "$TOP/patches/series"); do
	n=$((n + 1))
	key=$( (echo "$tool"; cat "$TOP/patches/$p") | sha256sum | cut -c1-64)
	if grep -qx "$key" "$cache"; then
		cached=$((cached + 1))
		continue
	fi
	if (cd "$TREE" && scripts/checkpatch.pl --strict --quiet --no-summary \
		--show-types --ignore FILE_PATH_CHANGES "$TOP/patches/$p") >"$BUILD/checkpatch.out" 2>&1; then
		echo "$key" >>"$cache"
	else
		echo "checkpatch: patches/$p:" >&2
		sed 's/^/    /' "$BUILD/checkpatch.out" >&2
		bad=$((bad + 1))
	fi
done
[ $bad -eq 0 ] || die "checkpatch --strict: $bad of $n patches have errors, warnings or checks"
note "checkpatch --strict: $n patches clean ($cached unchanged since their last check)"
# The docs name patches by file; renumbering must not leave them stale.
"$TOP/scripts/patch-refs.py" --check "$TOP"/docs/*.md "$TOP/README.md"
