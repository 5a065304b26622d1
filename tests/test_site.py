"""A real `mkdocs build --strict` of the real seed, asserted on the HTML and the search index."""

from __future__ import annotations

import html
import json
import re
import subprocess

from conftest import ENV, MKDOCS, SEED_HEADINGS, broken_links, make_project
from test_build import SECTION_SLUGS

# Anything the browser would fetch by itself: scripts, styles, images, frames, fonts.
THIRD_PARTY = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|link)\b[^>]*?\b(?:src|href|srcset)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1|localhost)[^"']*""",
    re.I,
)
CSS_REMOTE = re.compile(r"""(?:url\(|@import)\s*["']?(?:https?:)?//""", re.I)


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_section_pages_in_article_order(built_site):
    for slug, heading in zip(SECTION_SLUGS, SEED_HEADINGS):
        page = read(built_site, f"liwan-2022/{slug}/index.html")
        assert "<h1 id=" in page and f">{heading}<" in page
        assert "南都新闻，未经授权不得转载。" in page  # full-width as rendered
    nav = read(built_site, "liwan-2022/index.html")
    positions = [nav.index(f'href="../liwan-2022/{slug}/"') if f'href="../liwan-2022/{slug}/"' in nav else nav.index(f'href="{slug}/"') for slug in SECTION_SLUGS]
    assert positions == sorted(positions)


def test_home_is_the_overview_of_the_only_document(built_site):
    home = read(built_site, "index.html")
    assert "建设老城市新活力示范区" in home and "地区生产总值增长5.5%" in home
    for slug, heading in zip(SECTION_SLUGS, SEED_HEADINGS):
        assert f'href="liwan-2022/{slug}/"' in home, slug
    assert "全文" in home


def test_fulltext_page_has_an_anchor_per_section(built_site):
    page = read(built_site, "liwan-2022/quanwen/index.html")
    for slug, heading in zip(SECTION_SLUGS, SEED_HEADINGS):
        assert f'id="{slug}"' in page and heading in page


def test_tags_index_lists_every_tag_with_its_pages(built_site):
    import yaml

    index = html.unescape(read(built_site, "tags/index.html"))
    docs = built_site.parent / "docs" / "liwan-2022"
    for slug in SECTION_SLUGS:
        meta = yaml.safe_load((docs / f"{slug}.md").read_text(encoding="utf-8").split("\n---\n")[0][4:])
        for tag in meta["tags"]:
            assert tag in index, tag
        assert f"liwan-2022/{slug}/" in index


def test_search_index_is_cut_and_covers_the_sections(built_site, search_records):
    from policysite.finish.search import record_html

    by_url = {record.url: record for record in search_records}
    for slug in SECTION_SLUGS:
        assert f"liwan-2022/{slug}/" in by_url
    # Pages that repeat others are not searched: the whole text, 数读, tags, places.
    assert not {"liwan-2022/quanwen/", "liwan-2022/shudu/", "tags/", "entities/"} & set(by_url)
    section = by_url["liwan-2022/pingtai-jianshe/"]
    assert section.title == "平台建设" and section.report == "广州市荔湾区 · 2022年"
    assert section.filters == {"report": "广州市荔湾区 · 2022年", "place": "广州市荔湾区", "year": "2022"}
    text = " ".join(block for _, block in section.blocks)
    assert "白鹅潭" in text and "相关政策" not in text and "¶" not in text  # the page's own text only
    indexed = record_html(section)
    assert " 白鹅潭 " in indexed  # the lexicon's word, whole
    digital = record_html(by_url["liwan-2022/shuzi-jingji/"])
    assert "建设 5G 基站 300 座" in digital
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in entry["languages"].values()] == [len(search_records)]
    words = {word for path in (built_site / "search" / "words").glob("*.txt")
             for word in path.read_text(encoding="utf-8").split("\n")}
    assert {"白鹅潭", "基站", "公共", "卫生"} <= words and "公共卫生" not in words  # atoms, as the index


def test_no_third_party_resources(built_site):
    for page in built_site.rglob("*.html"):
        found = THIRD_PARTY.findall(page.read_text(encoding="utf-8"))
        assert not found, (page, found)
    for css in built_site.rglob("*.css"):
        assert not CSS_REMOTE.search(css.read_text(encoding="utf-8")), css


def test_missing_jieba_fails_the_build_loudly(tmp_path):
    project = make_project(tmp_path)
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'jieba' or name.startswith('jieba.'):\n"
        "            raise ImportError('blocked for the test')\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    result = subprocess.run(
        [MKDOCS, "build", "-d", str(tmp_path / "site")], cwd=project, capture_output=True, text=True,
        env={**ENV, "PYTHONPATH": str(blocker)}, timeout=120,
    )
    assert result.returncode != 0
    assert "jieba not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_sitemap_and_robots(built_site):
    sitemap = read(built_site, "sitemap.xml")
    assert sitemap.count("<loc>") >= 18 and "<loc>http://127.0.0.1:8000/liwan-2022/pingtai-jianshe/</loc>" in sitemap
    assert read(built_site, "robots.txt").endswith("Sitemap: http://127.0.0.1:8000/sitemap.xml\n")


def test_every_link_between_pages_resolves(built_site):
    # Generated blocks link by URL (render.href), which MkDocs does not check.
    assert broken_links(built_site) == []


def test_a_site_without_directory_urls_is_refused(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = subprocess.run(
        [MKDOCS, "build", "-d", str(tmp_path / "site")], cwd=project, capture_output=True, text=True, env=ENV, timeout=120,
    )
    assert result.returncode != 0
    assert "use_directory_urls" in result.stderr and "Traceback" not in result.stderr
