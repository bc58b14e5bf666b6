"""Wheels with the compiled matcher (hatchling's custom build hook; README, "Speed: compiled
matcher").

A regular wheel (``pip install .``, ``pip wheel .``) compiles the matcher's hot modules
(``clearance.compiled.MODULES``) with mypyc, over copies of the sources staged in a temporary
folder, and ships their extension modules with the manifest ``clearance/compiled.txt`` that
``clearance.compiled.guard`` checks: a platform-specific wheel. When it cannot (no C compiler,
no Python headers, a mypyc error) it prints one warning line and builds the pure-Python wheel
(``py3-none-any``) instead: an install never fails because of it. Pure on purpose: editable
installs (``scripts/compile`` compiles a source tree) and ``CLEARANCE_BUILD_PURE=1``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE = "CLEARANCE_BUILD_PURE"
REQUIRES = ["mypy==2.4.1", "setuptools==84.2.1"]  # mypyc comes with mypy; it runs setuptools
TYPED = ("numpy",)  # runtime dependencies whose types the sources need (array type aliases)
MYPY_CONFIG = """[mypy]
# Staged for the wheel: the build environment holds only TYPED of the runtime dependencies (at
# their pinned versions), mypy also sees what the target environment has; the others' types
# are Any (as for compiled code they are anyway: objects it calls generically).
ignore_missing_imports = True
"""


def _compiled_module(root: Path) -> ModuleType:
    """``clearance/compiled.py`` of the tree being built, without importing ``clearance``."""
    spec = importlib.util.spec_from_file_location("_clearance_compiled", root / "compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _no_toolchain() -> str | None:
    """Why no C extension can be built here (None: a C compiler and Python's headers)."""
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()
    if not compiler or shutil.which(compiler[0]) is None:
        return f"no C compiler ({compiler[0] if compiler else 'CC'})"
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.exists():
        return f"no Python headers ({headers})"
    return None


def _for_editable() -> bool:
    """Whether hatchling asks for an editable install's requirements (pure: no compiler needed;
    the hook is not told, its caller's name says it)."""
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "get_requires_for_build_editable":
            return True
        frame = frame.f_back
    return False


def _stage(package: Path, into: Path) -> None:
    """The package's Python sources (no data files, builds, caches) under ``into``."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {
            name
            for name in names
            if not (name.endswith(".py") or (Path(folder, name).is_dir() and name != "__pycache__"))
        }

    shutil.copytree(package, into / "clearance", ignore=ignore)


class CompiledMatcherHook(BuildHookInterface):  # type: ignore[misc, unused-ignore]
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        if os.environ.get(PURE) == "1" or _for_editable():
            return []
        pinned = self.metadata.core.dependencies  # (numpy at the version it runs with)
        return [*REQUIRES, *(d for d in pinned if d.split("=")[0].strip() in TYPED)]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._staged: Path | None = None
        if self.target_name != "wheel" or version == "editable":
            return  # (an editable install stays pure: scripts/compile compiles the tree)
        reason = "CLEARANCE_BUILD_PURE=1" if os.environ.get(PURE) == "1" else _no_toolchain()
        if reason is None:
            try:
                reason = self._compile(build_data)
            except Exception as failed:  # (whatever it is, the pure wheel still builds)
                reason = f"compiling failed: {type(failed).__name__}: {failed}"
        if reason is not None:
            line = " ".join(reason.split())
            line = line if len(line) <= 200 else f"{line[:140]} … {line[-50:]}"  # (gcc's line)
            print(f"WARNING: clearance: a pure-Python wheel, without the compiled matcher "
                  f"({line})", file=sys.stderr, flush=True)  # fmt: skip

    def _compile(self, build_data: dict[str, Any]) -> str | None:
        """Compile staged sources into ``build_data``'s files; the reason it could not, else
        None."""
        package = Path(self.root) / "src" / "clearance"
        compiled = _compiled_module(package)
        self._staged = root = Path(tempfile.mkdtemp(prefix="clearance-mypyc-"))
        _stage(package, root)
        (root / "mypy.ini").write_text(MYPY_CONFIG, encoding="utf-8")
        print(f"clearance: compiling {len(compiled.MODULES)} modules with mypyc (~1 min)",
              file=sys.stderr, flush=True)  # fmt: skip
        try:
            compiled.build(root, options=["--config-file", "mypy.ini"], by="hatch_build.py")
        except SystemExit as failed:
            lines = str(failed.code).strip().splitlines() or ["?"]
            errors = [line for line in lines if ": error:" in line or line.startswith("error:")]
            last = f"{errors[-1]} ({len(errors)} errors)" if errors else lines[-1]
            return f"compiling failed: {last}"
        built = [compiled.extension(root, m) for m in compiled.MODULES]
        built += sorted(root.glob(f"*__mypyc{compiled.SUFFIX}"))  # mypyc's shared library
        built.append(root / "clearance" / compiled.MANIFEST)
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(root).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        return None

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._staged is not None:
            shutil.rmtree(self._staged, ignore_errors=True)
