#!/usr/bin/env python3
"""Writes every CEL expression of the rule files in FOLDER (checks, `when`, `let` values,
definitions, `only_if`) into OUT, one file each: the seed corpus of the `cel` fuzz target.
Each further argument is a text file of expressions, one a line (the extension libraries').

    scripts/cel-seeds.py rules .fuzz/cel/seeds [Fuzz/Seeds/cel-extensions.txt …]
"""
import hashlib
import pathlib
import sys

import yaml


def expressions(rule_set):
    for body in (rule_set.get("definitions") or {}).values():
        yield body
    for rule in rule_set.get("rules") or []:
        for check in [rule] + list(rule.get("checks") or []):
            for key in ("check", "when"):
                if isinstance(check.get(key), str):
                    yield check[key]
            for value in (check.get("let") or {}).values():
                if isinstance(value, str):
                    yield value

    def only_ifs(node):
        if isinstance(node, dict):
            if isinstance(node.get("only_if"), str):
                yield node["only_if"]
            for value in node.values():
                yield from only_ifs(value)
        elif isinstance(node, list):
            for value in node:
                yield from only_ifs(value)

    yield from only_ifs(rule_set.get("structure"))
    yield from only_ifs(rule_set.get("types"))


def main():
    folder, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(folder.glob("*.yaml")):
        # BaseLoader: every scalar stays text, as the rule-file parser reads it.
        for expression in expressions(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)):
            name = hashlib.sha1(expression.encode()).hexdigest()[:16]
            (out / name).write_text(expression, encoding="utf-8")
            count += 1
    for extra in sys.argv[3:]:
        for expression in pathlib.Path(extra).read_text(encoding="utf-8").splitlines():
            if expression.strip():
                name = hashlib.sha1(expression.encode()).hexdigest()[:16]
                (out / name).write_text(expression, encoding="utf-8")
                count += 1
    print(f"{count} expressions from {folder} {' '.join(sys.argv[3:])}", file=sys.stderr)


if __name__ == "__main__":
    main()
