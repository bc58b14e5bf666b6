"""Wheels (hatch_build.py): a regular wheel ships the compiled matcher, which the installed
package uses, with the same results as the sources; ``CLEARANCE_BUILD_PURE=1`` gives the pure
wheel. Builds with pip's build isolation (hatchling, mypy and setuptools from the package
index): about 1.5–3 min on a shared 2-core machine, so marked ``wheel`` (``-m "not wheel"``
leaves it out; ``.ci/run`` runs it once, with the whole suite)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from clearance import __version__
from clearance.compiled import MANIFEST, MODULES, SUFFIX

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parent.parent
NAMES = (
    "Ashot Mkrtichev",
    "Мкртычев Ашот",
    "OOO Verus",
    "Versor sro",
    "김정은",
    "Mohammed Javad Zarif",
    "Sergey Lavrov",
    "Defens Inzhiniring",
    "Maria Schmidt",
)
_SCREEN = """
import json, sys
import clearance
from clearance.compiled import state
app = clearance.open(sys.argv[1])
results = [app.screen(name).to_dict()["matches"] for name in sys.argv[2:]]
print(json.dumps({"state": state(), "file": clearance.__file__, "results": results}))
"""


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "CLEARANCE_BUILD_PURE"}}
    return env | extra


def _wheel(into: Path, python: Path, **env: str) -> tuple[Path, str]:
    """``pip wheel .`` of this tree into ``into`` with ``python`` (a fresh venv's, as the README's
    install: mypy then sees none of the runtime dependencies); the wheel and pip's verbose
    output."""
    into.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "wheel", str(ROOT), "--no-deps",
         "-v", "-w", str(into)],
        capture_output=True, text=True, env=_env(**env), cwd=into,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = into.glob("clearance-*.whl")
    return wheel, done.stdout + done.stderr


def _venv(at: Path) -> Path:
    """An empty venv; its Python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(at)], check=True)
    return at / "bin" / "python"


def _install(python: Path, wheel: Path) -> None:
    """``wheel`` into ``python``'s venv (``--no-deps``; its dependencies from this interpreter's
    site-packages, through a ``.pth`` file placed after the venv's own)."""
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = subprocess.run([python, "-c", where], capture_output=True, text=True, check=True)
    site_packages = Path(site.stdout.strip())
    (site_packages / "_clearance_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True, env=_env(),
    )  # fmt: skip


def _screen(python: Path, home: Path, cwd: Path, **env: str) -> dict[str, object]:
    done = subprocess.run([python, "-c", _SCREEN, str(home), *NAMES], capture_output=True,
                          text=True, env=_env(**env), cwd=cwd)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_wheel_ships_the_compiled_matcher_with_the_sources_results(tmp_path: Path) -> None:
    python = _venv(tmp_path / "venv")
    wheel, output = _wheel(tmp_path / "wheels", python)
    assert "WARNING: clearance" not in output, output[-3000:]
    assert not wheel.name.endswith("-py3-none-any.whl")  # platform-specific
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for module in MODULES:
            stem = module.replace(".", "/")
            assert stem.rsplit("/", 1)[0] + "/" + stem.rsplit("/", 1)[1] + SUFFIX in names
            assert stem + ".py" in names  # the source, which the guard checks
        assert [n for n in names if n.endswith(f"__mypyc{SUFFIX}") and "/" not in n]
        wheel_file = zf.read(f"clearance-{__version__}.dist-info/WHEEL").decode()
        assert "Root-Is-Purelib: false" in wheel_file
        manifest = zf.read(f"clearance/{MANIFEST}").decode().splitlines()
        rows = {r.split()[0]: r.split()[1] for r in manifest if not r.startswith("#")}
        assert set(rows) == set(MODULES)
        for module, digest in rows.items():
            source = zf.read(module.replace(".", "/") + ".py")
            assert digest == hashlib.sha256(source).hexdigest()
    _install(python, wheel)
    home = tmp_path / "home"
    cli = [str(python.parent / "clearance"), "--home", str(home)]  # the entry point
    subprocess.run([*cli, "load", "--demo"], check=True, capture_output=True, env=_env(),
                   cwd=tmp_path)  # fmt: skip
    version = subprocess.run([*cli, "--version"], capture_output=True, text=True, env=_env())
    assert version.stdout.strip().endswith("matcher compiled (mypyc)")
    installed = _screen(python, home, tmp_path)
    assert installed["state"] == "compiled (mypyc)"
    assert str(installed["file"]).startswith(str(tmp_path / "venv"))
    sources = _screen(Path(sys.executable), home, tmp_path, PYTHONPATH=str(ROOT / "src"))
    assert str(sources["file"]).startswith(str(ROOT))  # (pure unless scripts/compile ran)
    assert installed["results"] == sources["results"]
    assert any(installed["results"])  # (some names are listed ones)


def test_forced_pure_gives_the_pure_wheel(tmp_path: Path) -> None:
    python = _venv(tmp_path / "venv")
    wheel, output = _wheel(tmp_path / "wheels", python, CLEARANCE_BUILD_PURE="1")
    assert wheel.name.endswith("-py3-none-any.whl")
    assert "WARNING: clearance: a pure-Python wheel, without the compiled matcher" in output
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "clearance/matching/engine.py" in names
    assert not [n for n in names if n.endswith((SUFFIX, MANIFEST))]
    _install(python, wheel)
    state = "from clearance.compiled import state; print(state())"
    done = subprocess.run([python, "-c", state], capture_output=True, text=True, env=_env())
    assert done.stdout.strip() == "pure Python", done.stderr
