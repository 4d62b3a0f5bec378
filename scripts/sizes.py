#!/usr/bin/env python3
"""Lists methods over 80 lines and classes over 400 lines under src/ (the size rule of docs/architecture.md).

A brace-counting heuristic, not a parser: a member starts at a line that opens a block after a
signature (a line with '(' ending in ')' or '=>' context) and ends where its braces close. Good enough
to find the offenders; read each before acting on it.
"""
import os, re, sys

METHOD, CLASS = 80, 400
type_re = re.compile(r'^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|readonly|file|record|unsafe)\s+)*(class|record|struct|interface)\s+(\w+)')
method_re = re.compile(r'^\s*(?:(?:public|internal|private|protected|static|async|override|virtual|sealed|unsafe|extern|new|readonly)\s+)+[\w<>\[\],.?() ]+?\s+(\w+)\s*(?:<[^>]*>)?\s*\(')

def blocks(lines, start):
    depth, opened = 0, False
    for i in range(start, len(lines)):
        code = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|//.*', '', lines[i])
        depth += code.count('{') - code.count('}')
        if code.count('{'):
            opened = True
        if opened and depth <= 0:
            return i - start + 1
        if not opened and code.rstrip().endswith(';'):
            return i - start + 1
    return len(lines) - start

def main(root):
    found = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ('bin', 'obj')]
        for name in files:
            if not name.endswith('.cs'):
                continue
            path = os.path.join(dirpath, name)
            lines = open(path, encoding='utf-8').read().split('\n')
            for i, line in enumerate(lines):
                if m := type_re.match(line):
                    n = blocks(lines, i)
                    if n > CLASS:
                        found.append((n, 'class', f'{path}:{i + 1}', m.group(2)))
                elif (m := method_re.match(line)) and not line.rstrip().endswith(';'):
                    n = blocks(lines, i)
                    if n > METHOD:
                        found.append((n, 'method', f'{path}:{i + 1}', m.group(1)))
    for n, kind, where, name in sorted(found, reverse=True):
        print(f'{n:5} {kind:6} {name:32} {where}')
    return found

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'src')
