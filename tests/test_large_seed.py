"""A large seed (a compilation of many reports' texts under one title block):
its warnings name each page they are about, and its data.json holds the text
once, not once per figure."""

from __future__ import annotations

import json
import random
import re
import sys

from conftest import ROOT, make_project, run_build

sys.path.insert(0, str(ROOT / "bench"))
from official import BOILERPLATE, official_report  # noqa: E402  (own-written report texts)


def compilation(copies: int) -> str:
    """One title block, then `copies` own-written report bodies, each with an
    overlong closing section under the same heading (so the long-page
    warnings would read the same if they named the page by its heading alone)."""
    lines = official_report("湖南省", "省长", 2026, random.Random(0)).splitlines()
    lines = lines[: next(i for i, line in enumerate(lines) if line.startswith("一、"))]
    for copy in range(copies):
        body = official_report("湖南省", "省长", 2026, random.Random(copy)).splitlines()
        start = next(i for i, line in enumerate(body) if line.startswith("一、"))
        lines += body[start: body.index("附件")]
        # Each copy's own wording (a stretch repeated word for word would be a body pasted twice).
        shuffle = random.Random(copy).sample
        lines += ["四、附录", "（一）政策问答"] + ["".join(shuffle(BOILERPLATE, len(BOILERPLATE)) * 12) for _ in range(6)]
    return "\n".join(lines) + "\n"


def test_a_large_seed_names_each_long_page_and_writes_its_text_once(tmp_path):
    seed = compilation(4).encode("utf-8")
    project = make_project(tmp_path, seeds={"big.txt": seed})
    result = run_build(project)
    assert result.returncode == 0, result.stderr

    long_pages = [line for line in result.stderr.splitlines() if "characters: its headings may not have been recognised" in line]
    assert len(long_pages) >= 4 and sum("page '（一）政策问答'" in line for line in long_pages) == 4
    assert len(set(long_pages)) == len(long_pages), long_pages  # none the same as another
    spans = [tuple(map(int, re.search(r"\(lines (\d+)–(\d+)\)", line).groups())) for line in long_pages]
    text = seed.decode("utf-8").splitlines()
    for first, last in spans:  # the lines named are the page's: its text is there
        assert first <= last and len("".join(text[first - 1: last])) > 8000

    raw = (project / "docs" / "hunan-2026" / "data.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    sentences = data["sentences"]
    assert len(set(sentences)) == len(sentences) and len(data["figures"]) > len(sentences)
    assert all(sentences[figure["sentence"]] for figure in data["figures"])
    # A sentence holding several figures is written once besides its paragraph.
    shared = [s for s in sentences if sum(sentences[f["sentence"]] == s for f in data["figures"][:400]) > 1][:20]
    assert shared and all(raw.count(json.dumps(s, ensure_ascii=False)) == 1 for s in shared)
    # The text once, plus its figures: 3.1 times the seed with a copy of the sentence per figure and indentation.
    assert len(raw.encode("utf-8")) < 2.6 * len(seed), len(raw.encode("utf-8")) / len(seed)
