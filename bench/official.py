"""Own-written official full texts for the archive benchmark.

Each report has the shape of a provincial government work report as copied
from a government site: page chrome and a metadata table, a title block with a
dateline and the speaker, part 一 (last year's review, items with run-in
headings), part 二 (this year's main targets, then items （一） with numbered
points 1.), part 三 (the government itself), an appendix of 民生实事 and a
glossary. The sentences are composed from a small phrase bank with figures
drawn per report, so every report has its own targets, wording and length
(about 20,000 characters), and none of it is taken from a real report.
"""

from __future__ import annotations

import random

# Province-level divisions and what their head is called.
PROVINCES = [
    ("北京市", "市长"), ("天津市", "市长"), ("河北省", "省长"), ("山西省", "省长"),
    ("内蒙古自治区", "自治区主席"), ("辽宁省", "省长"), ("吉林省", "省长"), ("黑龙江省", "省长"),
    ("上海市", "市长"), ("江苏省", "省长"), ("浙江省", "省长"), ("安徽省", "省长"),
    ("福建省", "省长"), ("江西省", "省长"), ("山东省", "省长"), ("河南省", "省长"),
    ("湖北省", "省长"), ("湖南省", "省长"), ("广东省", "省长"), ("广西壮族自治区", "自治区主席"),
    ("海南省", "省长"), ("重庆市", "市长"), ("四川省", "省长"), ("贵州省", "省长"),
    ("云南省", "省长"), ("西藏自治区", "自治区主席"), ("陕西省", "省长"), ("甘肃省", "省长"),
    ("青海省", "省长"), ("宁夏回族自治区", "自治区主席"), ("新疆维吾尔自治区", "自治区主席"),
]

NUMERALS = "〇一二三四五六七八九"
ORDINALS = "一二三四五六七八九十"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "明华建国立新志强文军海平安林伟东晓宏"

# Policy areas: a heading for the plan, a run-in for the review, and the words
# its sentences are made of.
AREAS = [
    ("科技创新", "创新能力持续增强", ["重点实验室", "科技成果转化", "高新技术企业", "创新联合体"]),
    ("先进制造业", "产业结构不断优化", ["先进制造业集群", "智能工厂", "技术改造项目", "专精特新企业"]),
    ("数字经济", "数字经济加快发展", ["算力中心", "5G基站", "工业互联网平台", "数据要素市场"]),
    ("扩大内需", "有效需求稳步扩大", ["重大项目", "消费新场景", "县域商业体系", "以旧换新"]),
    ("乡村振兴", "乡村振兴扎实推进", ["高标准农田", "农村公路", "特色产业园", "和美乡村"]),
    ("城市更新", "城乡面貌焕然一新", ["老旧小区改造", "城市地下管网", "城中村改造", "口袋公园"]),
    ("生态环境", "生态环境持续改善", ["大气污染防治", "河湖长制", "生态修复工程", "绿色低碳转型"]),
    ("对外开放", "开放水平不断提升", ["自由贸易试验区", "跨境电商", "外资项目", "国际班列"]),
    ("营商环境", "营商环境持续优化", ["政务服务", "民营经济", "信用体系", "涉企收费"]),
    ("教育", "教育事业全面发展", ["义务教育学校", "普惠性幼儿园", "职业教育", "高校学科建设"]),
    ("医疗卫生", "健康服务更加完善", ["紧密型医联体", "县级医院", "基层医疗卫生机构", "公共卫生体系"]),
    ("社会保障", "民生保障更加有力", ["养老服务设施", "托育服务", "保障性住房", "社会救助"]),
    ("文化旅游", "文化事业繁荣发展", ["公共文化设施", "文旅融合项目", "文物保护", "全民健身场地"]),
    ("安全发展", "安全底线不断筑牢", ["安全生产", "防灾减灾", "食品药品安全", "应急管理体系"]),
]
VERBS = ["推进", "实施", "完善", "加快", "深化", "健全", "强化", "培育", "建设", "提升", "落实", "优化"]
SUFFIXES = ["体系", "机制", "平台", "工程", "行动", "示范区", "项目", "服务网络", "标准", "试点"]
COUNTED = [("新建", "个"), ("新增", "家"), ("建成", "个"), ("改造", "个"), ("培育", "家")]
GDP_TARGETS = ["5%左右", "5.5%左右", "5%以上", "4.5%—5%", "6%左右", "5%—5.5%", "5.5%以上", "7%左右"]
BOILERPLATE = (
    "我们坚持问题导向和目标导向，统筹各方力量，压实工作责任，确保各项任务落地见效。",
    "聚焦群众急难愁盼，完善政策举措，健全工作机制，推动更多惠民实事落地。",
    "坚持系统观念，加强统筹协调，推动各项工作相互促进、形成合力。",
    "持续跟踪评估政策实施效果，及时研究解决新情况新问题，让群众可感可及。",
)


def official_report(province: str, head: str, year: int, rng: random.Random) -> str:
    """One own-written provincial report for `year`, as copied from a government page."""
    short = province.rstrip("省市").replace("自治区", "").replace("壮族", "").replace("回族", "").replace("维吾尔", "")
    speaker = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    month, day = 1, rng.randint(12, 28)
    areas = rng.sample(AREAS, len(AREAS))
    lines = ["首页", ">", "政务公开", ">", "政府工作报告", "索引号", f"00000{rng.randint(1000, 9999)}/{year}-0000{rng.randint(1, 9)}",
             "发布机构", "省政府办公厅", "成文日期", f"{year}-{month:02d}-{day:02d}", "【字号：", "大", "中", "小", "】",
             "政府工作报告",
             f"——{chinese_date(year, month, day)}在{province}第十四届人民代表大会第{ORDINALS[year % 5]}次会议上",
             f"{province}{head}　{speaker}", "各位代表：",
             f"现在，我代表{province}人民政府，向大会报告工作，请予审议，并请政协委员提出意见。",
             f"一、{year - 1}年工作回顾",
             f"过去一年，全{province[-1] if province[-1] in '省市' else '区'}上下攻坚克难、砥砺前行，经济社会发展主要目标任务较好完成。"
             f"地区生产总值增长{rng.choice(['4.8', '5.1', '5.4', '5.8', '6.2'])}%，一般公共预算收入增长{rng.randint(1, 9)}.{rng.randint(0, 9)}%，"
             f"城镇新增就业{rng.randint(30, 140)}万人。"]
    for index, (area, runin, words) in enumerate(areas[:11], 1):
        lines.append(f"（{cardinal(index)}）{runin}。" + review_paragraph(area, words, rng))
    lines += [f"二、{year}年工作安排",
              f"今年经济社会发展的主要预期目标是：地区生产总值增长{rng.choice(GDP_TARGETS)}；一般公共预算收入增长{rng.choice(['3%', '4%左右', '5%', '与经济增长基本同步'])}；"
              f"城镇新增就业{rng.randint(30, 140)}万人以上，城镇调查失业率{rng.choice(['5.5%左右', '5.5%以内'])}；居民消费价格涨幅{rng.choice(['2%左右', '3%左右'])}；"
              f"居民人均可支配收入增长与经济增长同步；粮食产量稳定在{rng.randint(200, 1400)}亿斤以上；单位地区生产总值能耗完成国家下达目标。",
              "做好今年工作，要突出抓好以下几个方面："]
    for index, (area, _, words) in enumerate(areas[:12], 1):
        verb = rng.choice(VERBS)
        lines.append(f"（{cardinal(index)}）{verb}{area}，{rng.choice(VERBS)}{rng.choice(words)}{rng.choice(SUFFIXES)}")
        lines.append(f"{area}是今年工作的重点。" + "".join(rng.sample(BOILERPLATE, 2)) + f"全年{area}领域安排重点项目{rng.randint(20, 400)}个，年度计划投资{rng.randint(100, 3000)}亿元。")
        for point, word in enumerate(rng.sample(words, 4), 1):
            lines.append(f"{point}.{rng.choice(VERBS)}{word}。" + plan_paragraph(area, word, rng))
    lines += ["三、全面加强政府自身建设",
              "我们将坚持依法行政，自觉接受人大法律监督和政协民主监督，持续改进作风，建设人民满意的政府。" + "".join(rng.sample(BOILERPLATE, 3)),
              f"各位代表！让我们奋发有为、真抓实干，为谱写{short}现代化建设新篇章而努力奋斗！",
              "附件", f"{year}年十项民生实事"]
    for index, (area, _, words) in enumerate(areas[:5], 1):
        count, unit = rng.choice(COUNTED)
        lines.append(f"{ORDINALS[index - 1]}、{words[0]}提升工程。{count}{words[0]}{rng.randint(10, 900)}{unit}。")
    lines += ["名词解释", f"［1］{areas[0][2][1]}：指围绕{areas[0][0]}开展的综合性工作。", "［2］两重：指国家重大战略实施和重点领域安全能力建设。",
              "相关链接：", "省政府常务会议研究部署重点工作", f"{year}年全省经济运行情况发布"]
    return "\n".join(lines) + "\n"


def review_paragraph(area: str, words: list[str], rng: random.Random) -> str:
    sentences = []
    for word in words:
        count, unit = rng.choice(COUNTED)
        sentences.append(f"{rng.choice(VERBS)}{word}{rng.choice(SUFFIXES)}，{count}{word}{rng.randint(3, 600)}{unit}，"
                         f"完成投资{rng.randint(5, 900)}.{rng.randint(1, 9)}亿元，比上年增长{rng.randint(2, 25)}.{rng.randint(0, 9)}%。")
    sentences.append(f"围绕{area}，" + "".join(rng.sample(BOILERPLATE, 4)))
    sentences.append(f"{area}领域改革持续深化，{rng.choice(VERBS)}{rng.choice(words)}{rng.choice(SUFFIXES)}，{rng.choice(VERBS)}{rng.choice(words)}{rng.choice(SUFFIXES)}，"
                     f"一批标志性成果相继落地，{area}对全局发展的支撑作用进一步增强。")
    return "".join(sentences)


def plan_paragraph(area: str, word: str, rng: random.Random) -> str:
    count, unit = rng.choice(COUNTED)
    return (f"{rng.choice(VERBS)}{word}{rng.choice(SUFFIXES)}，{count}{word}{rng.randint(3, 500)}{unit}以上，"
            f"覆盖率达到{rng.randint(60, 99)}%。{rng.choice(VERBS)}{area}{rng.choice(SUFFIXES)}，"
            f"力争{word}规模突破{rng.randint(10, 3000)}亿元。" + "".join(rng.sample(BOILERPLATE, 4))
            + f"{rng.choice(VERBS)}{word}{rng.choice(SUFFIXES)}，{rng.choice(COUNTED)[0]}{rng.choice(SUFFIXES)}{rng.randint(2, 80)}个，"
            f"带动社会投资{rng.randint(20, 900)}亿元。" + f"完善{word}支持政策，{rng.choice(VERBS)}{rng.choice(SUFFIXES)}建设，推动{area}高质量发展取得新突破。")


def chinese_date(year: int, month: int, day: int) -> str:
    digits = "".join(NUMERALS[int(d)] for d in str(year))
    return f"{digits}年{cardinal(month)}月{cardinal(day)}日"


def cardinal(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else ORDINALS[tens - 1]) + "十" if tens else "") + (ORDINALS[ones - 1] if ones else "")
