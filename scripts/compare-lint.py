#!/usr/bin/env python3
"""Summarises scripts/compare-lint.sh: per rule pair, the files where both
tools, only Squawk, or only migrate lint report the problem."""
import json
import os
import sys
from collections import defaultdict

# Squawk rule -> the migrate rule that covers the same problem (None: no counterpart).
PAIRS = {
    "ban-drop-table": ["destructive.drop-table"],
    "ban-drop-column": ["destructive.drop-column", "compat.drop-column"],
    "ban-drop-schema": ["destructive.drop-schema"],
    "ban-drop-database": ["destructive.drop-schema"],
    "ban-truncate-cascade": ["destructive.truncate"],
    "renaming-table": ["compat.rename-table"],
    "renaming-column": ["compat.rename-column"],
    "adding-required-field": ["compat.add-required-column"],
    "ban-drop-not-null": ["compat.drop-not-null"],
    "require-concurrent-index-creation": ["pg.create-index-not-concurrently"],
    "require-concurrent-index-deletion": ["pg.drop-index-not-concurrently"],
    "ban-concurrent-index-creation-in-transaction": ["pg.concurrently-in-transaction"],
    "adding-foreign-key-constraint": ["pg.foreign-key-not-valid"],
    "constraint-missing-not-valid": [
        "pg.check-not-valid", "pg.foreign-key-not-valid", "pg.validate-in-same-transaction",
        "pg.add-unique-without-index",
    ],
    "disallowed-unique-constraint": ["pg.add-unique-without-index"],
    "adding-serial-primary-key-field": ["pg.add-unique-without-index"],
    "adding-not-nullable-field": ["pg.set-not-null"],
    "changing-column-type": ["pg.alter-column-type"],
    "adding-field-with-default": ["pg.volatile-default"],
    "require-lock-timeout": ["pg.missing-lock-timeout"],
}


def load(paths):
    findings = defaultdict(set)  # rule -> files
    for path in paths:
        with open(path) as f:
            text = f.read().strip()
        if not text:
            continue
        data = json.loads(text)
        items = data["findings"] if isinstance(data, dict) else data
        for item in items:
            rule = item.get("rule_name") or item.get("rule")
            name = os.path.basename(item.get("file") or item.get("path"))
            findings[rule].add(name)
    return findings


squawk = load(sys.argv[1:-1])
migrate = load(sys.argv[-1:])

print(f"{'Squawk rule':45} {'migrate rule':36} both  squawk-only  migrate-only")
seen = set()
for rule in sorted(set(squawk) | set(PAIRS)):
    partners = PAIRS.get(rule, [])
    a = squawk.get(rule, set())
    b = set().union(*(migrate.get(p, set()) for p in partners)) if partners else set()
    seen.update(partners)
    print(f"{rule:45} {', '.join(partners) or '-':36} {len(a & b):4}  {len(a - b):11}  {len(b - a):12}")
    for name in sorted(a - b):
        print(f"    only squawk: {name}")
    for name in sorted(b - a):
        print(f"    only migrate: {name}")
for rule in sorted(set(migrate) - seen):
    print(f"{'-':45} {rule:36} {0:4}  {0:11}  {len(migrate[rule]):12}")
    for name in sorted(migrate[rule]):
        print(f"    only migrate: {name}")
