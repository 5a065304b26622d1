"""Zensical as the renderer: the same three steps, Zensical in the middle.

    python -m policysite.adapters.zensical [--site DIR]        # make site-zensical

1. pre-build: the pipeline writes the pages into docs/ (build.py's step), and
   what our MkDocs hook would hand MkDocs goes into `.zensical.yml`, a config
   that inherits mkdocs.yml: the navigation, the tag kinds and tag anchors;
2. render: `zensical build -f .zensical.yml`;
3. post-build (policysite.finish.postbuild): full-width punctuation in every page's
   text, compact pages, robots.txt; and Zensical's search index rewritten
   from the pages' own text (policysite.finish.search.index_for_zensical).

Search is Zensical's own engine and dialog: its worker cuts Chinese text and
queries alike with the browser's word segmenter (Intl.Segmenter). Our Pagefind
index, its scope menu and its phrase-first ranking are MkDocs + Material's
(the worker they talk to speaks Material's protocol, not Zensical's).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from policysite.finish import postbuild, search
from policysite.lang import typography
from policysite.pipeline import build

CONFIG = ".zensical.yml"


def write_config(root: Path, site: dict, site_dir: str) -> Path:
    """`.zensical.yml` beside mkdocs.yml: mkdocs.yml plus what the pre-build decided.
    Written only when it changes."""
    extra = {"tag_kinds": site.get("tags", {}), "tag_anchors": site.get("anchors", {})}
    # The classic variant: Material's look, which the site's stylesheet is written for.
    config = {"INHERIT": "mkdocs.yml", "site_dir": site_dir, "theme": {"variant": "classic"}, "nav": typography.fullwidth_nav(site.get("nav", [])), "extra": extra}
    text = "# Written by policysite.adapters.zensical from the seeds: do not edit.\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path = root / CONFIG
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policysite.adapters.zensical", description="Build the site with Zensical")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project (where mkdocs.yml is; default: here)")
    parser.add_argument("--site", default="site-zensical", help="where the site goes, relative to the project (default: site-zensical/)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if not zensical:
        print("zensical is not installed: pip install -r requirements.txt", file=sys.stderr)
        return 1
    report = build(root / "seeds", root / "docs")
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    if not report.site:
        return 1
    config = write_config(root, report.site, args.site)
    result = subprocess.run([zensical, "build", "-f", str(config)], cwd=root, capture_output=True, text=True)
    if result.returncode:
        print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "zensical build failed", file=sys.stderr)
        return 1
    site_dir = root / args.site
    postbuild.rewrite_pages(site_dir, postbuild.typeset_and_compact)
    search.index_for_zensical(root / "docs", site_dir)
    site_url = os.environ.get("SITE_URL", "")
    postbuild.robots(site_dir, site_url)
    print(f"{report.summary()}; Zensical built {site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
