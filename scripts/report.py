#!/usr/bin/env python3
"""Summarise the guests' kselftest TAP.

usage: report.py SUMMARY_DIR RUN...

RUN is the results directory of one guest boot, or LABEL=DIR for a boot
whose tests are reported as LABEL/<test>.  Prints a table of every test
with its result and note, then the closing line 'N passed, N failed,
N skipped', also written to SUMMARY_DIR/summary.  Exits 1 when any test
failed, when a plan does not match its results (the guest died mid-run)
or when a guest never wrote its 'finished' marker.
"""
import os
import re
import sys

LINE = re.compile(r'^(not ok|ok) (\d+) (\S+)(?: # (.*))?$')


def read_run(out, label):
    """Rows (name, result, note, log) of one boot and its problems."""
    tap = os.path.join(out, 'results.tap')
    if not os.path.exists(tap):
        return [], [f'the guest wrote no results ({tap}); '
                    f'see {out}/console.log'], 1
    plan, rows = None, []
    with open(tap) as f:
        for line in f:
            line = line.rstrip('\n')
            m = re.match(r'^1\.\.(\d+)$', line)
            if m:
                plan = int(m.group(1))
                continue
            m = LINE.match(line)
            if not m:
                continue
            ok, _, name, note = m.groups()
            note = note or ''
            if ok == 'ok' and note.startswith('SKIP'):
                result, note = 'SKIP', note[4:].strip()
            else:
                result = 'PASS' if ok == 'ok' else 'FAIL'
            log = os.path.join(out, 'logs', name.replace('/', '_') + '.log')
            if label:
                name = f'{label}/{name}'
            rows.append((name, result, note, log))

    problems, missing = [], 0
    if plan is None or plan != len(rows):
        running = 'boot'
        jobs = os.path.join(out, 'jobs.tsv')
        if plan is not None and os.path.exists(jobs):
            with open(jobs) as f:
                names = [line.split('\t')[1] for line in f if '\t' in line]
            running = (names[len(rows)] if len(rows) < len(names)
                       else 'the final kernel-log check')
        problems.append(f'the guest planned {plan} tests but reported '
                        f'{len(rows)}: it died or hung during {running} '
                        f'(see {out}/console.log)')
        missing = max(0, (plan or 0) - len(rows))
    elif not os.path.exists(os.path.join(out, 'finished')):
        problems.append(f'the guest did not finish its run ({out})')
    return rows, problems, missing


def main(summary_dir, runs):
    rows, problems, missing = [], [], 0
    for run in runs:
        label, _, out = run.rpartition('=')
        r, p, m = read_run(out, label)
        rows += r
        problems += p
        missing += m

    width = max([len(r[0]) for r in rows] + [4])
    print()
    print(f'{"test":<{width}}  result  note')
    print(f'{"-" * width}  ------  ----')
    for name, result, note, _ in rows:
        print(f'{name:<{width}}  {result:<6}  {note}')
    print()

    passed = sum(r[1] == 'PASS' for r in rows)
    failed = sum(r[1] == 'FAIL' for r in rows) + missing
    skipped = sum(r[1] == 'SKIP' for r in rows)
    for name, result, note, log in rows:
        if result == 'FAIL':
            print(f'FAILED: {name}: {note} (log: {log})')
    for p in problems:
        print(f'error: {p}')
    closing = f'{passed} passed, {failed} failed, {skipped} skipped'
    print(closing)
    with open(os.path.join(summary_dir, 'summary'), 'w') as f:
        f.write(closing + '\n')
    return 1 if failed or problems else 0


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
