"""The compiled matcher: the matcher's hot modules built with mypyc.

Two ways build them: a regular wheel (``pip install .``, ``pip wheel .``: ``hatch_build.py``
compiles staged copies of the sources and ships the extension modules, falling back to a
pure-Python wheel when it cannot), and, for a source tree (the editable install),
``scripts/compile``, which writes extension modules next to their sources (git-ignored). Both
write a manifest, ``compiled.txt``, with the SHA-256, size and time of each compiled source.
Without them, everything is the pure-Python code. An
extension module is used only while its source is the one it was compiled from: when a source
changed since (an edit, a checkout), or an extension has no manifest, :func:`guard` (run
when ``clearance`` is imported) warns and loads every listed module from its source instead,
so stale compiled code never runs (compiled modules call each other directly: all or none).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

MODULES = (
    "clearance.scripts",
    "clearance.matching.algorithm",
    "clearance.matching.alignment",
    "clearance.matching.arabic_article",
    "clearance.matching.arabic_names",
    "clearance.matching.bgn",
    "clearance.matching.bounds",
    "clearance.matching.candidates",
    "clearance.matching.comparison",
    "clearance.matching.compounds",
    "clearance.matching.crowded",
    "clearance.matching.cyrillic_asian",
    "clearance.matching.decide",
    "clearance.matching.engine",
    "clearance.matching.equivalents",
    "clearance.matching.exact",
    "clearance.matching.features",
    "clearance.matching.fieldcuts",
    "clearance.matching.fieldtail",
    "clearance.matching.folding",
    "clearance.matching.forms",
    "clearance.matching.formslips",
    "clearance.matching.hanja",
    "clearance.matching.hebrew",
    "clearance.matching.hebrew_spelling",
    "clearance.matching.hebrew_vowels",
    "clearance.matching.honorifics",
    "clearance.matching.initials",
    "clearance.matching.joined",
    "clearance.matching.keytables",
    "clearance.matching.legalforms",
    "clearance.matching.listed_compounds",
    "clearance.matching.memo",
    "clearance.matching.namebound",
    "clearance.matching.nameforms",
    "clearance.matching.names",
    "clearance.matching.normalize",
    "clearance.matching.numerals",
    "clearance.matching.ocr",
    "clearance.matching.pairing",
    "clearance.matching.phonetics",
    "clearance.matching.prebound",
    "clearance.matching.query",
    "clearance.matching.queryparts",
    "clearance.matching.reach",
    "clearance.matching.records",
    "clearance.matching.result",
    "clearance.matching.retrieve",
    "clearance.matching.romanisations",
    "clearance.matching.romanised",
    "clearance.matching.scripts",
    "clearance.matching.slips",
    "clearance.matching.spelled",
    "clearance.matching.syllables",
    "clearance.matching.vocab",
    "clearance.matching.vowels",
    "clearance.matching.weights",
    "clearance.matching.wordhits",
    "clearance.matching.wordkeys",
    "clearance.matching.wordletters",
    "clearance.matching.wordsim",
)
"""What ``scripts/compile`` compiles: what a query runs through. Left as Python: the index
(its caches live in the instance ``__dict__``, and it pickles as a dict; the name records and
entities it hands to scoring are made in ``records``), the parameter classes
(pickled inside the index), building. (The features and results are compiled: ``/algorithms``
reads the features' descriptions from ``features.DESCRIPTIONS``, as compiled functions have no
docstrings.)"""

MANIFEST = "compiled.txt"
SRC = Path(__file__).resolve().parent.parent  # the folder holding the ``clearance`` package
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]  # ".cpython-311-x86_64-linux-gnu.so"

_state = "pure Python"


def source(root: Path, module: str) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def extension(root: Path, module: str) -> Path:
    return root.joinpath(*module.split(".")).with_name(module.rsplit(".", 1)[1] + SUFFIX)


def digest(path: Path) -> str:
    """The SHA-256 of ``path``, from CPython's own SHA-256 module where there is one: an
    installed wheel's sources have their install time, not the manifest's, so ``import
    clearance`` hashes them there, and ``hashlib`` would load OpenSSL first (~3 ms CPU, vs
    ~0.4 ms)."""
    for name in ("_sha2", "_sha256", "hashlib"):  # (3.12+, 3.11, elsewhere)
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return str(module.sha256(path.read_bytes()).hexdigest())
    raise ImportError("no SHA-256")


def read_manifest(root: Path) -> dict[str, tuple[str, int, int]] | None:
    """Module -> (SHA-256, size, mtime in ns) of the source it was compiled from (None: no
    manifest)."""
    path = root / "clearance" / MANIFEST
    if not path.exists():
        return None
    rows = (line.split() for line in path.read_text(encoding="utf-8").splitlines())
    return {r[0]: (r[1], int(r[2]), int(r[3])) for r in rows if len(r) == 4 and r[0] != "#"}


def fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return digest(path), stat.st_size, stat.st_mtime_ns


def _fresh(path: Path, recorded: tuple[str, int, int] | None) -> bool:
    """Whether ``path`` is the source ``recorded``: the same size and time, as Python checks
    its own ``.pyc`` files (no hashing, no ``hashlib`` import at start-up), else the same
    SHA-256 (a checkout that rewrote the file unchanged)."""
    if recorded is None or not path.exists():
        return False
    stat = path.stat()
    if (stat.st_size, stat.st_mtime_ns) == recorded[1:]:
        return True
    return stat.st_size == recorded[1] and digest(path) == recorded[0]


def status(root: Path = SRC, modules: Sequence[str] = MODULES) -> tuple[str, list[str]]:
    """``("pure", [])`` (nothing compiled for this interpreter), ``("compiled", [])``, or
    ``("stale", reasons)``: some extension module may not be what its source says."""
    built = [m for m in modules if extension(root, m).exists()]
    if not built:
        return "pure", []
    manifest = read_manifest(root)
    if manifest is None:
        return "stale", [f"{extension(root, built[0]).name} has no {MANIFEST}"]
    reasons = [f"{m} is not compiled" for m in modules if m not in built]
    for module in built:
        path = source(root, module)
        if not _fresh(path, manifest.get(module)):
            reasons.append(f"{path.relative_to(root)} changed since it was compiled")
    return ("stale", reasons) if reasons else ("compiled", [])


class SourceFirst:
    """A meta path finder: ``modules`` as their ``.py`` sources, ahead of any extension module
    beside them. (Not an ``importlib.abc.MetaPathFinder``: that import costs ~20 ms.)"""

    def __init__(self, root: Path, modules: Sequence[str]) -> None:
        self.paths = {m: source(root, m) for m in modules}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        found = self.paths.get(fullname)
        if found is None or not found.exists():
            return None
        import importlib.util

        return importlib.util.spec_from_file_location(fullname, found)


def guard(root: Path = SRC, modules: Sequence[str] = MODULES) -> str:
    """Use the compiled modules only if they match their sources; else warn, and import every
    one of them from source. Returns (and remembers, see :func:`state`) what runs."""
    global _state
    kind, reasons = status(root, modules)
    if kind == "stale":
        sys.meta_path.insert(0, SourceFirst(root, modules))
        warnings.warn(
            "stale compiled matcher (" + "; ".join(reasons[:3]) + "): running the pure-Python "
            "modules; run scripts/compile again, or scripts/compile --clean",
            RuntimeWarning,
            stacklevel=2,
        )
    _state = "compiled (mypyc)" if kind == "compiled" else "pure Python"
    return _state


def is_compiled(module: ModuleType) -> bool:
    """Whether ``module`` was loaded from an extension module (its functions then call one
    another directly: patching a module attribute does not reach them; tests skip such
    patches)."""
    return str(getattr(module, "__file__", "")).endswith(SUFFIX)


def state() -> str:
    """What the matcher runs as: ``compiled (mypyc)`` or ``pure Python``."""
    return _state


def build(
    root: Path = SRC,
    modules: Sequence[str] = MODULES,
    options: Sequence[str] = (),
    by: str = "scripts/compile",
) -> None:
    """Compile ``modules`` in place with mypyc (``python -m mypyc`` from the dev extras, run in
    ``root``, whose relative paths name the modules; ``options`` go to mypy before them), then
    write the manifest (its first line names the builder, ``by``). Raises ``SystemExit`` with
    the reason when it cannot."""
    import importlib.util
    import shutil
    import subprocess

    for needed in ("mypyc", "setuptools"):  # (a venv of Python 3.12+ has no setuptools)
        if importlib.util.find_spec(needed) is None:
            raise SystemExit(f"compiling needs {needed}: pip install {needed}")
    clean(root, modules)
    before = {m: fingerprint(source(root, m)) for m in modules}
    paths = [str(source(root, m).relative_to(root)) for m in modules]
    try:  # (quiet unless it fails: mypyc prints every compiler command)
        done = subprocess.run([sys.executable, "-m", "mypyc", *options, *paths], cwd=root,
                              capture_output=True, text=True)  # fmt: skip
    finally:
        shutil.rmtree(root / "build", ignore_errors=True)  # mypyc's C files and objects
    if done.returncode != 0:
        clean(root, modules)
        raise SystemExit(f"mypyc failed:\n{done.stdout[-4000:]}{done.stderr[-4000:]}")
    if {m: fingerprint(source(root, m)) for m in modules} != before:
        clean(root, modules)
        raise SystemExit(f"a source changed while compiling: run {by} again")
    lines = [f"# {by} ({SUFFIX}): module, SHA-256, size, mtime (ns) of its source"]
    lines += [f"{m} {' '.join(map(str, before[m]))}" for m in modules]
    (root / "clearance" / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    kind, reasons = status(root, modules)
    if kind != "compiled":
        raise SystemExit(f"compiling left a {kind} build: {reasons}")


def clean(root: Path = SRC, modules: Sequence[str] = MODULES) -> list[Path]:
    """Remove the compiled modules, mypyc's shared library and the manifest."""
    found = [extension(root, m) for m in modules]
    found += list(root.glob(f"*__mypyc{SUFFIX}")) + [root / "clearance" / MANIFEST]
    removed = [path for path in found if path.exists()]
    for path in removed:
        path.unlink()
    return removed


def main(argv: Sequence[str] | None = None) -> None:
    """``scripts/compile`` (build), ``scripts/compile --clean``, ``scripts/compile --status``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--clean"]:
        print(f"removed {len(clean())} compiled files: pure Python")
    elif args == ["--status"]:
        kind, reasons = status()
        print("; ".join([kind, *reasons]))
    elif not args:
        build()
        print(f"compiled {len(MODULES)} modules with mypyc ({status()[0]})")
    else:
        raise SystemExit("usage: scripts/compile [--clean | --status]")


if __name__ == "__main__":
    main()
