"""MkDocs hook: run the seed pipeline before each build and watch seeds/;
restore full-width punctuation in what each page shows (policysite.lang.typography);
compact each page and, after the build, index the built site for search
(policysite.finish.postbuild, which other renderers run as a command); under
`mkdocs serve`, rebuild after a save only the pages it changed
(policysite.adapters.preview).

A thin adapter over policysite.pipeline.build, the same code build.py runs.
Pages are written only when their bytes change, so the rebuild their writing
triggers under `mkdocs serve` writes nothing and the loop ends there. It also
registers the Markdown extension for the generated pages' HTML blocks
(policysite.adapters.htmlblocks) and saves Material's templates some work per page.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from policysite.adapters import preview
from policysite.finish import postbuild, search
from policysite.lang import typography
from policysite.adapters.htmlblocks import HtmlBlocks  # noqa: E402
from policysite.pipeline import build  # noqa: E402
from policysite.write import hand_written  # noqa: E402

log = logging.getLogger("mkdocs.hooks.policysite")

# What the last pre-build told MkDocs: navigation, tag kinds, search scopes.
SITE: dict = {}
# Each page's front matter as MkDocs read it (source path → meta), for the search index.
PAGE_META: dict[str, dict] = {}
# Said once the build is done: how many seeds left doubts (Report.doubts_summary).
LAST_WORDS: list[str] = []


def on_startup(command, dirty):
    if command == "serve":  # saves rebuild only what they changed (policysite.adapters.preview)
        preview.start()


def on_config(config):
    if not config.use_directory_urls:
        # Generated pages link to each other by directory URL (render.href).
        raise PluginError("policysite: set use_directory_urls: true in mkdocs.yml (pages link to each other as directories)")
    # The generated pages' HTML blocks pass through Markdown untokenised.
    if not any(isinstance(extension, HtmlBlocks) for extension in config.markdown_extensions):
        config.markdown_extensions.append(HtmlBlocks())
    missing = search.missing_libraries()
    if missing:  # before any work: the pages need jieba, the search index Pagefind
        raise PluginError(f"{' and '.join(missing)} not installed, so Chinese search would not work: pip install -r requirements.txt")
    search_plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if search_plugin is not None:
        # Material's plugin gives the search box, the dialog and the config its
        # highlighter reads; Pagefind indexes the built site after the build
        # (on_post_build), so the plugin's own index stays empty.
        search_plugin.search_index.add_entry_from_context = lambda page: None


def on_pre_build(config):
    PAGE_META.clear()
    report = build(preview.seeds_dir(config), Path(config.docs_dir), memo=preview.memo())
    SITE.clear()
    SITE.update(report.site)
    preview.log_report(report)
    LAST_WORDS[:] = [f"policysite: {report.doubts_summary()}"] if report.doubtful else []
    if not report.site:  # no seed could be read: MkDocs builds what docs/ has
        return
    config.nav = typography.fullwidth_nav(report.site["nav"])
    # Tag → kind, so each tag shows its kind's icon (theme.icon.tag; overrides/partials/tags.html).
    # Not Material's extra.tags: Material copies that into every page, for search
    # results that show tags, which ours do not (6 KB a page in an archive).
    config.extra["tag_kinds"] = report.site["tags"]
    # In an archive, tag → anchor on its report's tag page (overrides/partials/tags.html).
    config.extra["tag_anchors"] = report.site.get("anchors", {})


def on_files(files, config):
    # Pages left at old addresses (policysite.site.redirects) are reached by their
    # address, not through the navigation.
    from mkdocs.structure.files import InclusionLevel

    for path in SITE.get("moved", []):
        file = files.get_file_from_path(path)
        if file is not None:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_nav(nav, config, files):
    # Material's navigation templates ask every item for attributes MkDocs'
    # items may lack (a section's meta, a page's typeset); a miss costs Jinja
    # two caught exceptions, and an archive's page shows dozens of items.
    # None reads as the miss did, at a fraction of the cost.
    for item in walk(nav.items):
        for name in TEMPLATE_ATTRIBUTES:
            if not hasattr(item, name):
                setattr(item, name, None)
    if preview.session():
        preview.session().laid_out(nav=nav)
    return nav


def on_env(env, config, files):
    if preview.session():
        preview.session().laid_out(files=files, env=env)
    return env


def on_page_markdown(markdown, page, config, files):
    PAGE_META[page.file.src_uri] = dict(page.meta)
    # As on_nav: keys Material's templates read of every page in the navigation.
    for key in TEMPLATE_META:
        page.meta.setdefault(key, None)
    # Title and description feed <title>, the meta description and Open Graph.
    for key in ("title", "description", "document"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = typography.fullwidth(page.meta[key])
    for crumb in page.meta.get("crumbs") or []:
        if isinstance(crumb, dict) and isinstance(crumb.get("title"), str):
            crumb["title"] = typography.fullwidth(crumb["title"])
    return markdown


def on_page_content(html, page, config, files):
    # Before the search plugin reads the page, so results show the same text.
    for item in walk(page.toc):
        item.title = typography.fullwidth(item.title)
    return typography.fullwidth_html(html)


def on_post_page(output, page, config):
    return postbuild.compact_html(output)


def on_post_build(config):
    try:
        postbuild.finish(Path(config.docs_dir), Path(config.site_dir), config.site_url or "", PAGE_META)
    except search.SearchUnavailable as error:
        raise PluginError(str(error)) from None
    if preview.session():
        preview.session().built(config, PAGE_META, dict(SITE))
    for line in LAST_WORDS:
        log.info(line)


def on_serve(server, config, builder):
    # One rebuild per save: the seeds and what in docs/ is written by hand are
    # watched; the pages the pre-build writes into docs/ are not (their writing
    # during a build would start a second one).
    server.unwatch(config.docs_dir)
    for entry in hand_written(Path(config.docs_dir)):
        server.watch(str(entry))
    server.watch(str(preview.seeds_dir(config)))
    if preview.session():  # a save renders the pages it changed, not the whole site
        preview.session().full_build = builder
        preview.session().server = server
        server.builder = preview.session().rebuild
    return server


# -----------------------------------------------------------------------------




# What Material's templates read of each navigation item and of its front matter.
TEMPLATE_ATTRIBUTES = ("meta", "typeset", "pages", "encrypted")
TEMPLATE_META = ("icon", "subtitle", "status", "hide")


def walk(items):
    """Every item of a navigation or table of contents, depth first."""
    for item in items:
        yield item
        yield from walk(item.children or [])
