#!/bin/sh
# Inside the guest: print the feature report for 'make run'.
out=$1
"$(dirname "$0")/../build/tools/feature-report" 2>&1 | tee "$out/features.txt" >/dev/console
echo done >"$out/finished"
