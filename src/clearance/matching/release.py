"""The matching algorithm's name and release: named in every result (with the parameters'
hash, :attr:`clearance.matching.algorithm.Algorithm.version`) and stored in every index, so that
an index built by another release, whose listed names may be normalised or keyed another way,
is rebuilt rather than read (:meth:`clearance.matching.index.NameIndex.load`)."""

from __future__ import annotations

ALGORITHM = "clearance-logic"
ALGORITHM_RELEASE = "1.39"
