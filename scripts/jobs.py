#!/usr/bin/env python3
"""Turn the test lists under tests/ into the guest's jobs.tsv.

usage: jobs.py SELFTESTS_DIR LIST... [--only NAME]

Exits 3, printing nothing, when --only NAME is not in these lists.
TIMEOUT_SCALE=N in the environment multiplies every timeout (slow kernels).

List syntax (one entry a line, '#' starts a comment):
  <path> [timeout=SECONDS] [args...]   a selftest binary under SELFTESTS_DIR
  skip <path>: <reason>                listed but not run: reported as SKIP
  kunit <suite>                        a KUnit suite built into the kernel
A listed binary that was not built is an error, so a typo cannot turn into
a silently missing test.
"""
import os
import sys

DEFAULT_TIMEOUT = 300
NO_MATCH = 3    # exit status: --only named no test of these lists


def entries(path):
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].strip()
            if line:
                yield lineno, line


def main(argv):
    only = None
    if '--only' in argv:
        i = argv.index('--only')
        only = argv[i + 1]
        del argv[i:i + 2]
    sdir, lists = os.path.abspath(argv[0]), argv[1:]
    jobs, errors, seen = [], [], set()
    for lst in lists:
        for lineno, line in entries(lst):
            where = f'{lst}:{lineno}'
            words = line.split()
            if words[0] == 'skip':
                name, _, reason = line[len('skip'):].strip().partition(':')
                name = name.strip()
                if not reason.strip():
                    errors.append(f'{where}: skip without a reason')
                job = ('skip', name, reason.strip())
            elif words[0] == 'kunit':
                name = words[1]
                job = ('kunit', name)
                name = 'kunit/' + name
            else:
                name, timeout, args = words[0], DEFAULT_TIMEOUT, words[1:]
                if args and args[0].startswith('timeout='):
                    timeout = int(args.pop(0).split('=', 1)[1])
                binary = os.path.join(sdir, name)
                if not os.access(binary, os.X_OK):
                    errors.append(f'{where}: {name} was not built ({binary})')
                timeout *= int(os.environ.get('TIMEOUT_SCALE', '1'))
                job = ('test', name, str(timeout), ' '.join([binary] + args))
            if name in seen:
                errors.append(f'{where}: {name} listed twice')
            seen.add(name)
            if only and only not in (name, os.path.basename(name)):
                continue
            jobs.append(job)
    if errors:
        print('error: bad test list entries:', file=sys.stderr)
        for e in errors:
            print('  ' + e, file=sys.stderr)
        return 1
    if only and not jobs:
        return NO_MATCH
    for job in jobs:
        print('\t'.join(job))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
