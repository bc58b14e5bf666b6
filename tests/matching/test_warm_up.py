"""No first-query penalty from numpy: a Screener loads what retrieval's set routines import on
their first call (``numpy.ma``: about 15 ms, once paid inside the first Arabic-script query
whose skeleton retrieval reached many names)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]


def test_a_screener_loads_numpys_lazy_set_modules_before_any_query() -> None:
    code = textwrap.dedent(
        """
        import sys
        from clearance.matching.engine import Screener
        from clearance.settings import MatchingPolicy
        from tests.matching.factory import e
        assert "numpy.ma" not in sys.modules, "imported before the screener: test says nothing"
        Screener.build([e("person", "MUALLEM, Walid")], MatchingPolicy(screen_cache=0))
        print("numpy.ma" in sys.modules)
        """
    )
    env_path = f"{_ROOT / 'src'}:{_ROOT}"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, check=True, cwd=_ROOT,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert out.stdout.strip() == "True"


_BUILD = """
import sys, pathlib
from clearance.matching.artifact import build_index
from tests.matching.factory import e
build_index(pathlib.Path(sys.argv[1]), [e("person", "MUALLEM, Walid")], "warm", {})
"""
_LOAD = """
import sys, pathlib
from clearance import countries
from clearance.matching.artifact import load_index
from clearance.matching.engine import Screener
from clearance.settings import MatchingPolicy
index = load_index(pathlib.Path(sys.argv[1]))
before = countries._table.cache_info().currsize
Screener(index, MatchingPolicy(screen_cache=0))
print(before, countries._table.cache_info().currsize)
"""


def test_a_screener_builds_the_country_table_trailing_places_need_before_any_query(
    tmp_path: Path,
) -> None:
    """ "Nadia Ramadan, M.Pd": the first query with a comma asked whether its last segment is
    a place and built ICU's country table inside the query (~2 ms, 88 % of that query)."""
    env = {"PYTHONPATH": f"{_ROOT / 'src'}:{_ROOT}", "PATH": "/usr/bin:/bin"}
    for step in (_BUILD, _LOAD):
        out = subprocess.run(
            [sys.executable, "-c", step, str(tmp_path)],
            capture_output=True, text=True, check=True, cwd=_ROOT, env=env,
        )  # fmt: skip
    assert out.stdout.split() == ["0", "1"]
