"""The compiled matcher's guard (clearance.compiled): an extension module is used only while its
source is the one it was compiled from; otherwise every listed module loads from its source."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

from clearance import compiled
from clearance.compiled import MANIFEST, SUFFIX, clean, fingerprint, guard, status

_MODULES = ("h59pkg.alpha", "h59pkg.beta")


def _tree(root: Path, built: tuple[str, ...] = _MODULES, manifest: bool = True) -> None:
    """Sources of ``_MODULES``; a (garbage) extension module beside each of ``built``; and a
    manifest naming their sources' digests."""
    (root / "clearance").mkdir(parents=True)
    (root / "h59pkg").mkdir()
    (root / "h59pkg" / "__init__.py").write_text("")
    for module in _MODULES:
        name = module.split(".")[1]
        (root / "h59pkg" / f"{name}.py").write_text(f"WHO = {name!r} + ' from source'\n")
    for module in built:
        (root / "h59pkg" / (module.split(".")[1] + SUFFIX)).write_bytes(b"not a shared object")
    if manifest:
        prints = [fingerprint(root / "h59pkg" / (m.split(".")[1] + ".py")) for m in _MODULES]
        lines = [f"{m} {h} {size} {ns}" for m, (h, size, ns) in zip(_MODULES, prints, strict=True)]
        (root / "clearance" / MANIFEST).write_text("# test\n" + "\n".join(lines) + "\n")


def test_nothing_compiled_is_pure(tmp_path: Path) -> None:
    _tree(tmp_path, built=(), manifest=False)
    assert status(tmp_path, _MODULES) == ("pure", [])


def test_a_build_matching_its_sources_is_used(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert status(tmp_path, _MODULES) == ("compiled", [])


def test_an_edited_source_makes_the_build_stale(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "h59pkg" / "beta.py").write_text("WHO = 'edited'\n")
    kind, reasons = status(tmp_path, _MODULES)
    assert kind == "stale" and reasons == ["h59pkg/beta.py changed since it was compiled"]


def test_a_source_rewritten_unchanged_stays_compiled_and_one_of_the_same_size_does_not(
    tmp_path: Path,
) -> None:
    _tree(tmp_path)
    alpha = tmp_path / "h59pkg" / "alpha.py"
    text = alpha.read_text()
    os.utime(alpha, ns=(1, 1))  # another time, as a checkout leaves it: the SHA-256 decides
    alpha.write_text(text)
    os.utime(alpha, ns=(1, 1))
    assert status(tmp_path, _MODULES) == ("compiled", [])
    alpha.write_text(text.replace("alpha", "alphx"))  # the same size, another content
    os.utime(alpha, ns=(2, 2))
    assert status(tmp_path, _MODULES)[0] == "stale"


def test_an_extension_without_manifest_or_a_module_left_out_is_stale(tmp_path: Path) -> None:
    _tree(tmp_path / "a", manifest=False)
    assert status(tmp_path / "a", _MODULES)[0] == "stale"
    _tree(tmp_path / "b", built=("h59pkg.alpha",))
    assert status(tmp_path / "b", _MODULES) == ("stale", ["h59pkg.beta is not compiled"])


def test_a_stale_build_warns_and_every_module_loads_from_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    (tmp_path / "h59pkg" / "alpha.py").write_text("WHO = 'alpha edited'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(compiled, "_state", compiled.state())
    for name in ("h59pkg", *_MODULES):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(ImportError):  # the extension modules are garbage: loading one fails
        importlib.import_module("h59pkg.beta")
    with pytest.warns(RuntimeWarning, match="stale compiled matcher"):
        assert guard(tmp_path, _MODULES) == "pure Python"
    assert importlib.import_module("h59pkg.alpha").WHO == "alpha edited"
    assert importlib.import_module("h59pkg.beta").WHO == "beta from source"
    for name in ("h59pkg", *_MODULES):
        monkeypatch.delitem(sys.modules, name, raising=False)


def test_clean_removes_the_build(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / f"0123abcd__mypyc{SUFFIX}").write_bytes(b"shared library")
    assert len(clean(tmp_path, _MODULES)) == 4  # two modules, the shared library, the manifest
    assert status(tmp_path, _MODULES) == ("pure", [])
    assert sorted(p.name for p in (tmp_path / "h59pkg").iterdir()) == [
        "__init__.py",
        "alpha.py",
        "beta.py",
    ]
