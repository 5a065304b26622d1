#!/usr/bin/env python3
"""Slice the seed articles in seeds/ into Markdown pages under docs/.

Exit codes: 0 ok, 1 bad input (a seed that cannot be used, or with --check:
pages are stale), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NOT_INSTALLED = "error: {} is not installed: pip install -r requirements.txt (or run `make pages`)"

try:
    from policysite.pipeline import build, describe
    from policysite.read.seed import SeedError
    from policysite.lang.segment import MissingJieba
except ModuleNotFoundError as missing:  # run outside the project's environment
    sys.exit(NOT_INSTALLED.format(missing.name))

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Slice seed articles (plain text) into one Markdown page per policy heading.",
        epilog="exit codes: 0 ok; 1 bad input, or stale pages with --check; 2 usage error",
    )
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", metavar="DIR", help="folder of seed .txt files (default: seeds/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", metavar="DIR", help="where generated pages go (default: docs/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 and list the pages that are stale")
    parser.add_argument("--outline", type=Path, metavar="SEED", help="print the metadata and outline a seed would give; write nothing")
    parser.add_argument("--audit", nargs="*", type=Path, metavar="SEEDS", help="print one row per seed (files or folders; default: --seeds): what was understood; write nothing")
    parser.add_argument("--json", action="store_true", help="with --audit: the rows as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument("-v", "--verbose", action="store_true", help="also say which encoding each seed was read with")
    args = parser.parse_args(argv)

    if args.outline:
        return print_outline(args.outline, args.out)
    if args.audit is not None:
        return print_audit(args.audit or [args.seeds], args.json)
    if not args.seeds.is_dir():
        what = "is a file, not a folder of seeds" if args.seeds.exists() else "no such folder"
        print(f"error: {args.seeds}: {what}", file=sys.stderr)
        return 2
    try:
        report = build(args.seeds, args.out, check=args.check)
    except MissingJieba as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as missing:  # the stages import their libraries when needed
        print(NOT_INSTALLED.format(missing.name), file=sys.stderr)
        return 1
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    if not args.quiet:
        for line in report.warnings:
            print(f"warning: {line}", file=sys.stderr)
        if args.verbose:
            for line in report.notes:
                print(line)
    if args.check:
        stale = report.plan.stale
        for path in stale:
            print(f"stale: {args.out / path}")
        if not args.quiet and not report.errors:  # a seed that cannot be read is not "up to date"
            print(f"{len(stale)} stale page(s)" if stale else "pages are up to date")
        return 1 if stale or report.errors else 0
    if not args.quiet:
        print(report.summary())
        if report.doubtful:
            print(report.doubts_summary(), file=sys.stderr)
    return 0 if report.ok else 1


def print_outline(path: Path, out_dir: Path) -> int:
    if not path.is_file():
        print(f"error: {path}: no such seed file", file=sys.stderr)
        return 2
    try:
        lines, warnings = describe(path, out_dir)
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (MissingJieba, ModuleNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    for warning in warnings:
        print(f"warning: {path}: {warning}", file=sys.stderr)
    return 0


def print_audit(targets: list[Path], as_json: bool) -> int:
    from policysite.audit import audit, as_json as rows_json, as_table
    from policysite.pipeline import find_seeds

    missing = [path for path in targets if not path.exists()]
    for path in missing:
        print(f"error: {path}: no such seed file or folder", file=sys.stderr)
    if missing:
        return 2
    rows, errors = [], []
    for target in targets:
        found, more = audit(find_seeds(target), target) if target.is_dir() else audit([target])
        rows += found
        errors += more
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    print(rows_json(rows) if as_json else as_table(rows), end="\n" if not as_json else "")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
