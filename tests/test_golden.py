"""The output, file by file, is the one recorded in tests/golden/ (see tests/golden.py):
a change that means to keep the output proves it; one that means to change it
records the new digests with `.venv/bin/python tests/golden.py --update`."""

from __future__ import annotations

import pytest

from golden import build, differences, recorded


@pytest.mark.parametrize("name", ["seed", "archive"])
def test_the_build_gives_the_recorded_bytes(tmp_path, name):
    changed = differences(recorded(name), build(name, tmp_path))
    assert not changed, (f"{len(changed)} file(s) differ from tests/golden/{name}.json "
                         "(if meant: .venv/bin/python tests/golden.py --update):\n" + "\n".join(changed[:40]))
