#!/usr/bin/env python3
"""Sort the KCSAN data-race reports of a 'make kcsan' run.

usage: kcsan-report.py TREE RUN...

RUN is a guest's results directory, or LABEL=DIR as for report.py.  Every
'BUG: KCSAN:' report in the runs' dmesg.txt is listed once with how often
it came; a report is the series' when a function it names (the racing
functions of its title) is one the series adds or changes, i.e. one that
'git diff base HEAD' in TREE shows in a hunk header or defines on an added
line.  The others are upstream's and only listed.  A report of the
series that tests/kcsan-explained.list explains (upstream's accesses in a
function the series changed) is listed with the explanation.  Exits 1 when
a report is the series' and not explained.
"""
import collections
import os
import re
import subprocess
import sys

TITLE = re.compile(r'BUG: KCSAN: (\S+) in (.*)$')
HUNK = re.compile(r'^@@ [^@]* @@ (.*)$')
DEFINITION = re.compile(r'^\+(?:[A-Za-z_][\w \t\*]*?[\s\*])?([A-Za-z_]\w*)\([^;]*$')
CALL = re.compile(r'([A-Za-z_]\w*)\(')


def series_functions(tree):
    diff = subprocess.run(['git', '-C', tree, 'diff', '-U0', 'base', 'HEAD',
                           '--', '*.c', '*.h', ':(exclude)tools'],
                          check=True, text=True, capture_output=True).stdout
    names = set()
    for line in diff.splitlines():
        m = HUNK.match(line)
        if m:
            calls = CALL.findall(m.group(1))
            if calls:
                names.add(calls[0])
            continue
        m = DEFINITION.match(line)
        if m and not line.startswith('+++'):
            names.add(m.group(1))
    return names


def explained(path):
    known = {}
    with open(path) as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                title, _, why = line.partition(':')
                funcs = tuple(p.strip() for p in title.split(' / '))
                known[funcs] = why.strip()
    return known


def reports(path):
    try:
        with open(path, errors='replace') as f:
            for line in f:
                m = TITLE.search(line)
                if m:
                    funcs = [re.sub(r'\+0x.*', '', p.strip())
                             for p in m.group(2).split(' / ')]
                    yield m.group(1), tuple(funcs)
    except FileNotFoundError:
        return


def main(tree, runs):
    ours = series_functions(tree)
    known = explained(os.path.join(os.path.dirname(__file__), '..', 'tests',
                                   'kcsan-explained.list'))
    seen = collections.Counter()
    for run in runs:
        out = run.rpartition('=')[2]
        for kind, funcs in reports(f'{out}/dmesg.txt'):
            seen[(kind, funcs)] += 1
    series = 0
    print(f'KCSAN: {sum(seen.values())} reports, {len(seen)} distinct')
    for (kind, funcs), count in seen.most_common():
        mine = [f for f in funcs if f in ours]
        why = known.get(funcs) or known.get(funcs[::-1])
        series += bool(mine) and not why
        where = 'upstream' if not mine else 'explained' if why else 'SERIES  '
        print(f'  {where:9} {count:4}x {kind} in {" / ".join(funcs)}')
        if mine and why:
            print(f'                {why}')
    if series:
        print(f'error: {series} KCSAN reports name functions of the series')
    return 1 if series else 0


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
