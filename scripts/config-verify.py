#!/usr/bin/env python3
"""Check that every CONFIG_ value requested by the fragments survived.

usage: config-verify.py .config fragment...

A fragment line 'CONFIG_X=v' must appear as such in .config; 'CONFIG_X=n'
or '# CONFIG_X is not set' requires X to be unset. Fragments are applied in
order, so a later fragment overrides an earlier one. Exits 1 naming every
symbol that was dropped or changed, with the fragment that asked for it.
"""
import re
import sys


def parse(path):
    vals = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            m = re.match(r'^(CONFIG_\w+)=(.*)$', line)
            if m:
                vals[m.group(1)] = m.group(2)
                continue
            m = re.match(r'^# (CONFIG_\w+) is not set$', line)
            if m:
                vals[m.group(1)] = 'n'
    return vals


def main():
    config = parse(sys.argv[1])
    wanted = {}
    for frag in sys.argv[2:]:
        for sym, val in parse(frag).items():
            wanted[sym] = (val, frag)
    bad = []
    for sym, (val, frag) in sorted(wanted.items()):
        have = config.get(sym, 'n')
        if have != val:
            bad.append(f'  {sym}: requested {val} in {frag}, got {have}')
    if bad:
        print('error: config symbols did not survive olddefconfig '
              '(missing dependency or misspelt symbol):', file=sys.stderr)
        print('\n'.join(bad), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
