# Shared settings for the harness scripts (POSIX sh, sourced).
# shellcheck shell=sh

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
CACHE=${VIRT_SERIES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/virt-series}
# VIRT_SERIES_TREE/_KOUT: other trees and outputs (make bisect, make kasan).
TREE=${VIRT_SERIES_TREE:-$BUILD/linux}
KOUT=${VIRT_SERIES_KOUT:-$BUILD/kernel}

# shellcheck source=../base.pin
. "$TOP/base.pin"

die() {
	echo "error: $*" >&2
	exit 1
}

note() {
	echo "--- $*"
}

# The entries of a list file (patches/series, tests/selftest-dirs): its
# lines less blank ones and comments.  An empty list is not an error.
list_entries() {
	grep -v '^[[:space:]]*\(#\|$\)' "$1" || true
}

# Deterministic identity for commits the harness itself makes.
export GIT_AUTHOR_NAME="virt-series" GIT_AUTHOR_EMAIL="virt-series@invalid"
export GIT_COMMITTER_NAME="virt-series" GIT_COMMITTER_EMAIL="virt-series@invalid"

# running_test JOBS: the name of the job in JOBS (a guest's jobs.tsv) after
# the last result in the TAP read from stdin, i.e. the one a dead guest was
# running; empty when every job had reported.
running_test() {
	done_n=$(grep -c '^\(ok\|not ok\) ' || true)
	sed -n "$((${done_n:-0} + 1))p" "$1" | cut -f2
}
