#!/usr/bin/env python3
"""Keep the docs' references to patch files in step with patches/series.

usage: patch-refs.py [--check] FILE...

A reference is 'topic/NNNN-slug' (with or without '.patch'); export
renumbers patches, so a reference whose slug is in patches/series gets that
patch's current topic and number.  --check changes nothing and exits 1,
naming each reference that is stale or names no patch.
"""
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = re.compile(r'\b([a-z0-9-]+)/(\d{4})-([A-Za-z0-9_.-]+?)(\.patch)?(?=[`\s),;]|$)')


def current():
    by_slug = {}
    with open(os.path.join(TOP, 'patches', 'series')) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            topic, name = line.split('/', 1)
            num, slug = name[:-len('.patch')].split('-', 1)
            by_slug[slug] = (topic, num)
    return by_slug


def main(argv):
    check = argv[:1] == ['--check']
    files = argv[1:] if check else argv
    by_slug, bad = current(), []
    for path in files:
        with open(path) as f:
            text = f.read()

        def fix(m):
            slug, suffix = m.group(3), m.group(4) or ''
            if slug not in by_slug:
                bad.append(f'{path}: {m.group(0)} names no patch in patches/series')
                return m.group(0)
            new = f'{by_slug[slug][0]}/{by_slug[slug][1]}-{slug}{suffix}'
            if new != m.group(0):
                bad.append(f'{path}: {m.group(0)} is now {new}')
            return new

        new_text = REF.sub(fix, text)
        if not check and new_text != text:
            with open(path, 'w') as f:
                f.write(new_text)
    if check and bad:
        print('error: stale patch references (make export rewrites them):',
              file=sys.stderr)
        for b in bad:
            print('  ' + b, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
