"""Chinese search in a real Chromium: queries typed into Material's search box."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from browser import chromium, serve, wait_for_answer, watch_answers

D = "liwan-2022/"
OVERVIEW = D

# Reader queries and the pages each must bring up near the top.
QUERIES = {
    # places
    "白鹅潭": ["pingtai-jianshe", "shangquan-jianshe"],
    "海龙围": ["pingtai-jianshe"],
    "永庆坊": ["shangquan-jianshe", "wenhua-chuancheng", "jiceng-zhili"],
    "上下九": ["shangquan-jianshe", "wenhua-chuancheng"],
    "沙面": ["jiceng-zhili"],
    "白鹤洞": ["jiceng-zhili"],
    "横琴": ["guangfu-tongcheng"],
    "佛山": ["shiti-jingji"],
    "芳村": ["shangquan-jianshe"],
    "西关": ["shangquan-jianshe"],
    "泮塘五约": ["wenhua-chuancheng"],
    "花博园": ["chanye-tixi"],
    "广钢新城": ["jiceng-zhili"],
    # programmes and slogans
    "三大平台": [None, "shiti-jingji"],
    "老城市新活力": ["wenhua-chuancheng", "pingtai-jianshe"],
    "专精特新": ["chanye-tixi"],
    "链长制": ["shiti-jingji"],
    "双减": ["minsheng-shishi"],
    "六稳": [None],
    "平战转换": ["yiqing-fangkong"],
    "上云用数赋智": ["chanye-tixi"],
    "区管校聘": ["minsheng-shishi"],
    "夜间经济": ["chanye-tixi", "shangquan-jianshe"],
    # institutions and projects
    "国家呼吸医学中心": ["keji-chuangxin"],
    "唯品会": ["keji-chuangxin"],
    "广州国际医药港": ["keji-chuangxin", "shangquan-jianshe"],
    "太古汇": ["shangquan-jianshe"],
    "真光中学": ["minsheng-shishi"],
    "疾控中心": ["yiqing-fangkong"],
    "采芝林": ["keji-chuangxin"],
    "广药集团": ["guangfu-tongcheng"],
    # numbers with units
    "300座": ["shuzi-jingji"],
    "1.6万人": ["minsheng-shishi"],
    "1500亿元": ["pingtai-jianshe"],
    "180万平方米": ["pingtai-jianshe"],
    "90万平方米": ["jiceng-zhili"],
    "5.5%": [None],
    "53.2亿元": [None],
    # two-character words
    "核酸": ["yiqing-fangkong"],
    "茶叶": ["shangquan-jianshe"],
    "芯片": ["shiti-jingji"],
    "量子": ["shuzi-jingji"],
    "卫生": ["yiqing-fangkong"],
    "就业": ["minsheng-shishi"],
    # long compounds
    "公共卫生应急监测预警体系": ["yiqing-fangkong"],
    "历史文化街区保护": ["wenhua-chuancheng"],
    "村级工业园整治": ["shiti-jingji"],
    "国际消费中心城市": ["shangquan-jianshe"],
    "老旧小区微改造": ["wenhua-chuancheng"],
    "传染病医疗救治网络": ["yiqing-fangkong"],
    # mixed script
    "5G基站": ["shuzi-jingji"],
    "5G": ["shuzi-jingji"],
    "3+2": ["chanye-tixi"],
    "1906科技园": ["keji-chuangxin"],
    "3D打印": ["keji-chuangxin"],
    "岭南V谷": ["keji-chuangxin"],
    "５Ｇ基站": ["shuzi-jingji"],
}


def expected_locations(slugs):
    return [D + (f"{slug}/" if slug else "") for slug in slugs]


@pytest.fixture(scope="module")
def search_page(built_site):
    with serve(built_site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        yield base, page


def search(page, base, query):
    """Type a query into the search box as a reader would; returns result page locations in order."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    watch_answers(page)
    box.press_sequentially(query, delay=5)
    box.press("End")  # an IME commits with a key press: Material searches on keyup
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && "
        "!document.querySelector('.md-search-result__meta').textContent.includes('键入')",
        arg=query,
    )
    wait_for_answer(page, query)
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "els => els.map(e => e.href)"
    )
    locations = []
    for href in hrefs:
        path = urllib.parse.urlsplit(href).path.lstrip("/")
        if path not in locations:
            locations.append(path)
    return locations


def test_query_suite(search_page):
    base, page = search_page
    failures = {}
    for query, slugs in QUERIES.items():
        want = expected_locations(slugs)
        got = search(page, base, query)
        top = got[: len(want) + 2]
        if not set(want) <= set(top):
            failures[query] = {"want": want, "got": got[:6]}
    assert len(QUERIES) >= 40
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)


def test_fulltext_page_never_outranks_the_sections(search_page):
    base, page = search_page
    for query in ("白鹅潭", "永庆坊", "5G基站", "核酸"):
        got = search(page, base, query)
        assert D + "quanwen/" not in got[:1], (query, got)


def test_result_click_lands_on_the_page_with_terms_highlighted(search_page):
    base, page = search_page
    search(page, base, "白鹅潭")
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url("**/pingtai-jianshe/**")
    page.wait_for_selector("article mark")
    marks = page.locator("article mark").all_inner_texts()
    assert marks and all(mark.replace("\u200b", "") == "白鹅潭" for mark in marks)


def test_snippets_read_cleanly(search_page):
    base, page = search_page
    search(page, base, "5G基站")
    text = page.locator(".md-search-result").inner_text()
    assert "5G基站300座" in text.replace("\u200b", "")
    assert "\\u200b" not in text and "&#" not in text
