#!/bin/sh
# Inside the guest: run the jobs in $1/jobs.tsv and write kselftest TAP to
# $1/results.tap (also shown on the console as it goes), one log per test
# in $1/logs/, and the kernel log in $1/dmesg.txt.
#
# jobs.tsv lines, tab separated:
#   test  <name>  <timeout-seconds>  <command line>
#   skip  <name>  <reason>
#   kunit <suite>
# After every test the kernel log is scanned: a WARN, BUG, lockdep or
# KASAN report makes that test fail, naming the splat.  On a kcsan run
# (vs_mode=kcsan) KCSAN's data-race reports are left to the host, which
# sorts them into the series' code and the rest (kcsan-report.py).  On a
# kernel with kmemleak, a scan after the last test fails the run on any
# unreferenced object.
out=$1
jobs=$out/jobs.tsv
tap=$out/results.tap
mkdir -p "$out/logs"
: >"$out/dmesg.txt"

kmemleak=/sys/kernel/debug/kmemleak
[ -w "$kmemleak" ] && echo clear >"$kmemleak"

splat='WARNING:|BUG:|Oops|KASAN:|UBSAN:|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|general protection fault|Kernel panic|INFO: task .* blocked|unreferenced object|kernel BUG'

emit() {
	echo "$*" >>"$tap"
	echo "$*" >/dev/console
}

# Kernel messages since the last call; the ring buffer is cleared.
# dmesg.chunk is what the splat check reads (KCSAN reports left out on a
# kcsan run), dmesg.txt keeps everything.
new_dmesg() {
	dmesg -c >"$out/dmesg.new" 2>/dev/null
	cat "$out/dmesg.new" >>"$out/dmesg.txt"
	if [ "${vs_mode:-}" = kcsan ]; then
		grep -v 'BUG: KCSAN:' "$out/dmesg.new" >"$out/dmesg.chunk"
	else
		mv "$out/dmesg.new" "$out/dmesg.chunk"
	fi
}

new_dmesg
cp "$out/dmesg.chunk" "$out/dmesg.outside"
total=$(grep -c . "$jobs")
[ -w "$kmemleak" ] && total=$((total + 1))
echo "TAP version 13" >"$tap"
emit "1..$((total + 1))"
n=0
trap 'stuck=1' USR1
while IFS='	' read -r kind name arg3 arg4; do
	n=$((n + 1))
	log=$out/logs/$(echo "$name" | tr '/' '_').log
	case "$kind" in
	skip)
		emit "ok $n $name # SKIP $arg3"
		continue
		;;
	kunit)
		log=$out/logs/kunit_$name.log
		res=/sys/kernel/debug/kunit/$name/results
		if [ ! -f "$res" ]; then
			echo "suite $name did not run: not built into this kernel?" >"$log"
			emit "not ok $n kunit/$name # suite not found in debugfs"
		else
			cp "$res" "$log"
			if grep -q 'not ok' "$res"; then
				cases=$(sed -n 's/^ *not ok [0-9]* \([^ #]*\).*/\1/p' "$res" | grep -vx "$name" | tr '\n' ' ')
				emit "not ok $n kunit/$name # failed: ${cases:-see log}"
			elif grep -q '^ok [0-9]* .*# SKIP' "$res"; then
				why=$(sed -n 's/^ok [0-9]* .*# SKIP *//p' "$res" | head -n 1)
				emit "ok $n kunit/$name # SKIP $why"
			else
				emit "ok $n kunit/$name"
			fi
		fi
		continue
		;;
	esac
	start=$(date +%s)
	# shellcheck disable=SC2086
	(cd "$(dirname "${arg4%% *}")" && exec timeout -k 5 "$arg3" $arg4) >"$log" 2>&1 </dev/null &
	pid=$!
	# timeout(1) cannot end a test stuck in the kernel: a minute after
	# its SIGKILL, put every CPU's and blocked task's backtrace in the
	# kernel log, report the test and go on without it.
	stuck=""
	(sleep $((arg3 + 60)) && kill -USR1 $$) 2>/dev/null &
	watchdog=$!
	wait $pid
	rc=$?
	kill $watchdog 2>/dev/null
	if [ -n "$stuck" ]; then
		echo l >/proc/sysrq-trigger
		echo w >/proc/sysrq-trigger
	fi
	secs=$(($(date +%s) - start))
	new_dmesg
	if [ -n "$stuck" ]; then
		{ echo "--- kernel log during this test:"; cat "$out/dmesg.chunk"; } >>"$log"
		emit "not ok $n $name # still running 60s after its ${arg3}s timeout killed it: stuck in the kernel (backtraces in its log)"
	elif grep -Eq "$splat" "$out/dmesg.chunk"; then
		what=$(grep -Em1 "$splat" "$out/dmesg.chunk" | sed 's/^\[[^]]*\] //')
		{ echo "--- kernel log during this test:"; cat "$out/dmesg.chunk"; } >>"$log"
		emit "not ok $n $name # kernel splat: $what (${secs}s)"
	elif [ $rc -eq 0 ]; then
		subskips=$(grep -c '^ok [0-9]* .*# SKIP' "$log")
		if [ "$subskips" -gt 0 ]; then
			emit "ok $n $name # ${secs}s, $subskips subtests skipped: $(grep -m1 '^ok [0-9]* .*# SKIP' "$log" | sed 's/.*# SKIP *//')"
		else
			emit "ok $n $name # ${secs}s"
		fi
	elif [ $rc -eq 4 ]; then
		why=$(grep -E 'SKIP|[Ss]kip' "$log" | tail -n 1 | sed 's/.*SKIP[^A-Za-z0-9]*//')
		[ -n "$why" ] || why=$(grep . "$log" | tail -n 1)
		emit "ok $n $name # SKIP ${why:-test exited with KSFT_SKIP}"
	elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		emit "not ok $n $name # timed out after ${arg3}s"
	else
		why=$(grep -E '==== Test Assertion Failure ====|Assertion|not ok|error|FAIL' "$log" | head -n 1)
		emit "not ok $n $name # exit $rc ${secs}s: ${why:-see log}"
	fi
done <"$jobs"

# Boot and everything outside a test must leave a clean kernel log too.
# A leg may name one known report of its platform (vs_known_splat, an
# ERE, with vs_known_why): it is counted in the note instead of failing.
n=$((n + 1))
new_dmesg
cat "$out/dmesg.chunk" >>"$out/dmesg.outside"
grep -E "$splat" "$out/dmesg.outside" >"$out/splats.outside"
known=$(grep -cE "${vs_known_splat:-^$}" "$out/splats.outside")
first=$(grep -vE "${vs_known_splat:-^$}" "$out/splats.outside" | head -n 1)
if [ -n "$first" ]; then
	emit "not ok $n kernel-log # $(echo "$first" | sed 's/^\[[^]]*\] //')"
elif [ "$known" -gt 0 ]; then
	emit "ok $n kernel-log # no WARN/BUG/lockdep/KASAN report but $known known one ($vs_known_why)"
else
	emit "ok $n kernel-log # no WARN/BUG/lockdep/KASAN report"
fi

# kmemleak reports only objects older than 5 s: wait, then scan.
if [ -w "$kmemleak" ]; then
	n=$((n + 1))
	sleep 6
	echo scan >"$kmemleak"
	cat "$kmemleak" >"$out/kmemleak.txt"
	leaks=$(grep -c '^unreferenced object' "$out/kmemleak.txt")
	if [ "$leaks" -gt 0 ]; then
		first=$(grep -m1 -A12 '^unreferenced object' "$out/kmemleak.txt" |
			sed -n 's/^ *\[<[0-9a-f]*>\] \([^ ]*\).*/\1/p' | grep -v 'kmem\|alloc\|slab' | head -n 1)
		emit "not ok $n kmemleak # $leaks unreferenced objects, first from ${first:-?} (kmemleak.txt)"
	else
		emit "ok $n kmemleak # no unreferenced object"
	fi
fi
echo done >"$out/finished"
