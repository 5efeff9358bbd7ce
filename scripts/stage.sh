#!/bin/sh
# usage: stage.sh NAME COMMAND...
# Run one stage of a pipeline, print its start and its duration, and log
# "NAME SECONDS STATUS" to $BUILD/stages.log for the closing summary.
. "$(dirname "$0")/lib.sh"
name=$1
shift
start=$(date +%s)
echo "==> $name"
"$@"
rc=$?
secs=$(($(date +%s) - start))
mkdir -p "$BUILD"
if [ $rc -eq 0 ]; then
	echo "<== $name: ok (${secs}s)"
	echo "$name ${secs}s ok" >>"$BUILD/stages.log"
else
	echo "<== $name: FAILED (${secs}s)"
	echo "$name ${secs}s FAILED" >>"$BUILD/stages.log"
fi
exit $rc
