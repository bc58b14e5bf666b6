"""The cheap test of whether a legal form can start at a word (``may_start_form``) never says
no where :func:`legal_form_class` finds a form, so ``nothing_to_screen`` answers as it did
without it (on the real OFAC SDN list's names, every legal-form phrase of the tables, and
queries in several scripts)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from clearance.compiled import is_compiled
from clearance.matching import legalforms, normalize
from clearance.matching.legalforms import legal_form_class, may_start_form, split_legal_forms
from clearance.matching.normalize import analyse, nothing_to_screen
from clearance.matching.vocab import ABBREVIATIONS, LEGAL_FORM_PHRASES, MAX_FORM_WORDS
from clearance.sources import read_path

_QUERIES = ("LLC", "ООО", "Sdn Bhd", "S.A. de C.V.", "G.M.B.H.", "Lltd", "Jscc", "Tic. Ltd. Şti.",
            "Obschestvo s ogranichennoi otvetstvennostyu", "Publik Yoint-Stokk Kompany",
            "Sp. z o.o.", "spol. s r.o.", "S.à r.l.", "A.Ş.", "F.Z.C.O.", "Tsompany Limited",
            "ТОО", "Общество с ограниченной ответственностью", "شركة ذ.م.م", "株式会社",
            "S EN C.S.", "Pratt", "Kia Motors", "Ltd Sti Verus", "Verus LLC", "John Smith",
            "محمد احمدی", "金正恩", "김정은", "Ivan Petrov", "...")  # fmt: skip


@pytest.fixture(scope="module")
def names(data_dir: Path) -> list[str]:
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    listed = [n.full for e in parsed.entities for n in e.names]
    phrases = [" ".join(p) for p in LEGAL_FORM_PHRASES]
    spelt = [" ".join(p) + " Verus" for p in LEGAL_FORM_PHRASES]  # a form, then a name word
    short = [f"{a} {b}" for a, b in itertools.product(ABBREVIATIONS, ("Ltd", "Verus"))]
    doubled = ["".join(c * 2 if i == 1 else c for i, c in enumerate(p[0]))
               for p in LEGAL_FORM_PHRASES if len(p) == 1]  # fmt: skip
    return [*listed, *phrases, *spelt, *short, *doubled, *_QUERIES]


def test_no_form_starts_where_the_check_says_none_can(names: list[str]) -> None:
    starts = 0
    for name in names:
        for form in analyse(name, split_forms=False):
            words = form.tokens
            for i in range(len(words)):
                size = min(MAX_FORM_WORDS, len(words) - i)
                phrases = [words[i : i + n] for n in range(1, size + 1)]
                if any(legal_form_class(p) is not None for p in phrases):
                    starts += 1
                    assert may_start_form(words, i), (name, words[i:])
                if any(legalforms._phrase_class(p, False) is not None for p in phrases):
                    assert may_start_form(words, i, iso=False), (name, words[i:])
    assert starts > 2000  # the names hold many forms, at the start and further in


_PATCHED = pytest.mark.skipif(
    is_compiled(normalize), reason="compiled (scripts/compile): the patch cannot reach its calls"
)


@_PATCHED
def test_nothing_to_screen_answers_as_without_the_check(
    names: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = [nothing_to_screen(n) for n in names]
    monkeypatch.setattr(normalize, "may_start_form", lambda words, i, iso=True: True)
    legalforms._phrase_class.cache_clear()
    assert [nothing_to_screen(n) for n in names] == checked
    assert sum(r is not None for r in checked) > 150  # forms alone are rejected


@_PATCHED
def test_legal_forms_split_off_as_without_the_check(
    names: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [list(f.tokens) for n in names[::2] for f in analyse(n, split_forms=False)]
    checked = [split_legal_forms(words) for words in texts]
    monkeypatch.setattr(legalforms, "may_start_form", lambda words, i, iso=True: True)
    legalforms._phrase_class.cache_clear()
    assert [split_legal_forms(words) for words in texts] == checked
    assert sum(bool(forms) for _, forms in checked) > 1000  # forms were split off
