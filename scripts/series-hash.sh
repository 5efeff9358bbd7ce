#!/bin/sh
# Print a hash identifying the base pin plus the series as it is in patches/.
set -eu
. "$(dirname "$0")/lib.sh"
cd "$TOP"
{
	cat base.pin
	list_entries patches/series 2>/dev/null | while read -r p; do
		echo "$p"
		cat "patches/$p"
	done
} | sha256sum | cut -d' ' -f1
