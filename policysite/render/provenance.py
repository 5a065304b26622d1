"""Where a page stands and where its text comes from: the breadcrumb trail,
the place and year in every page's front matter, a report's byline and the
source credit every page ends with.
"""

from __future__ import annotations

from ..annotations import ReportNotes
from ..model import Document, Part
from ..site import addresses
from ..site.addresses import href
from .markup import display_date, text, web_address


def crumbs(document: Document, page_path: str, part: Part | None = None, notes: ReportNotes | None = None) -> list[dict]:
    """Where a page stands, for the breadcrumb above its title: the place, the
    report (linked), the part (linked: its slug is in the report's notes)."""
    trail = [{"title": document.place_name or document.place}] if document.place_name or document.place else []
    trail.append({"title": document.title, "url": href(page_path, addresses.overview(document.slug))})
    if part is not None and notes is not None:
        trail.append({"title": part.heading, "url": href(page_path, addresses.report_page(document.slug, notes.slug(part)))})
    return trail


def place_and_year(document: Document) -> dict:
    """Where and when the report is, for every page's front matter."""
    return {"place": document.place_name or document.place, "year": document.year}


def byline(document: Document) -> str:
    """Outlet and date of an article; the dateline and speaker of an official text, as written."""
    if document.title_block:
        return "  \n".join(text(line) for line in document.title_block) + "\n{ .byline }"
    parts = [text(part) for part in (document.outlet, display_date(document.date)) if part]
    return " · ".join(parts) + "\n{ .byline }" if parts else ""


def credit(document: Document, link: str = "") -> str:
    """Source credit and the seed's copyright notice, shown on every page."""
    parts = [f"来源:{text(document.outlet or document.title)}"]
    if document.date:
        parts.append(text(display_date(document.date)))
    if document.footer.reporter:
        parts.append(f"采写:{text(document.footer.reporter)}")
    if document.footer.editor:
        parts.append(f"编辑:{text(document.footer.editor)}")
    # 原文 is the original where the seed or its sidecar says where it is;
    # the site's own 全文 otherwise, named as such.
    if web_address(document.source_url):
        parts.append(f"[原文](<{document.source_url}>)")
    if link:
        parts.append(f"[本站全文]({link})")
    lines = [" · ".join(parts)]
    notice = " ".join(part for part in (document.footer.copyright, document.footer.contact) if part)
    if notice:
        lines.append(text(notice))
    return "  \n".join(lines) + "\n{ .credit }"
