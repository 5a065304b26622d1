"""关于: what the site is and where every report comes from.
"""

from __future__ import annotations

from ..model import Document, Page
from ..site import addresses
from ..site.addresses import md_link
from .markup import chinese_date, page, text, web_address


# Reports whose sources 关于 lists itself; beyond, one page of sources per year.
ABOUT_SOURCES = 30


def about_pages(documents: list[Document]) -> list[Page]:
    # Not searched: a list of every source, as long as the archive, that no query is for.
    meta = {"title": "关于", "description": "本站内容的来源与版权说明。", "search": {"exclude": True}}
    body = [
        "# 关于",
        "本站把政府工作报告及其报道按政策条目分页，便于阅读、搜索、比较各地的目标。"
        "正文逐字取自下列来源，版权归原作者和原发媒体所有；每页页脚都注明出处。",
        "## 来源",
    ]
    if len(documents) <= ABOUT_SOURCES:
        body += [source_entry(document, addresses.ABOUT_PAGE) for document in documents]
        return [page(addresses.ABOUT_PAGE, meta, body)]
    years = sorted({d.year for d in documents}, key=lambda y: y or "0", reverse=True)
    pages, links = [], []
    for year in years:
        of_year = [d for d in documents if d.year == year]
        path = addresses.about_of_year(year)
        title = f"{year}年报告的来源" if year else "未注明年份的报告的来源"
        links.append(f"- [{year + '年' if year else '未注明年份'}]({md_link(addresses.ABOUT_PAGE, path)})：{len(of_year)}份")
        sources = {"title": title, "description": f"{title}与版权说明。", "search": {"exclude": True}}
        pages.append(page(path, sources, [f"# {title}", *(source_entry(d, path) for d in of_year)]))
    body.append("各年报告的出处、发布媒体和原文链接：\n\n" + "\n".join(links))
    return [page(addresses.ABOUT_PAGE, meta, body), *pages]


def source_entry(document: Document, page_path: str) -> str:
    """Where a report comes from, as a list: title, place, speaker, dates, outlet, original, rights."""
    source = f"[{text(document.source_url)}](<{document.source_url}>)" if web_address(document.source_url) else text(document.source_url)
    report = md_link(page_path, addresses.overview(document.slug))
    rows = [
        ("报告", f"[{text(document.title)}]({report})"),
        ("地区", text(document.place_name)),
        ("作报告", text(document.speaker)),
        ("报告日期", chinese_date(document.delivered) if document.delivered else ""),
        ("发布", text(document.outlet)),
        ("发布时间", chinese_date(document.published or document.date) if (document.published or document.date) else ""),
        ("采写", text(document.footer.reporter)),
        ("编辑", text(document.footer.editor)),
        ("原文", source),
        ("版权声明", text(document.footer.copyright)),
        ("授权联系", text(document.footer.contact)),
    ]
    return "\n".join(f"- {label}：{value}" for label, value in rows if value)
