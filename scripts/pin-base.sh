#!/bin/sh
# usage: pin-base.sh VERSION
# Move the base pin to another version of the linux-source package: download
# it, record its sha256 in base.pin.  Then 'make tree' and 'make check'
# tell whether the series still applies and passes; commit base.pin.
set -eu
. "$(dirname "$0")/lib.sh"
ver=${1:-}
if [ -z "$ver" ]; then
	echo "usage: make pin-base VERSION=<version>; apt offers:" >&2
	apt-cache madison "$BASE_PKG" | awk '{print "    " $3}' >&2
	exit 2
fi
mkdir -p "$CACHE"
(cd "$CACHE" && apt-get download "$BASE_PKG=$ver") ||
	die "apt cannot download $BASE_PKG=$ver (run 'apt-get update'?)"
deb=$CACHE/${BASE_PKG}_$(echo "$ver" | sed 's/:/%3a/')_all.deb
sum=$(sha256sum "$deb" | cut -d' ' -f1)
sed -i "s/^BASE_VERSION=.*/BASE_VERSION=$ver/; s/^BASE_SHA256=.*/BASE_SHA256=$sum/" "$TOP/base.pin"
note "base.pin now $BASE_PKG $ver ($sum); next: make tree && make check, then commit base.pin"
