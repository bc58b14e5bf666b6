"""Cold-pass cuts (h137, issue 11; no outcome changes): the legal-form classes one slip from a
word (``formslips._slip_classes``) found without a string per spelling. The cheaper path
agrees with the one it replaces (written out here as 1.28 had it), on forms of the own table,
ISO 20275 forms, words one slip from either and random words."""

from __future__ import annotations

import random
from string import ascii_lowercase

import pytest
from rigour.names import extract_org_types

from clearance.matching import formslips
from clearance.matching.formslips import (
    _OWN_SPELLINGS,
    FORM_SLIP_MAX_LENGTH,
    FORM_SLIP_MIN_LENGTH,
    _one_slip,
    _slip_classes,
    _slips_text,
)
from clearance.matching.legalforms import legal_form_class


def _slip_classes_as_it_was(word: str) -> frozenset[str]:
    """``formslips._slip_classes`` as 1.28 wrote it: every spelling made, looked up in the own
    table, then joined for one scan of rigour's table."""
    slips = _one_slip(word)
    found = {_OWN_SPELLINGS[v] for v in slips if v in _OWN_SPELLINGS}
    if not found:
        spelt = set(slips)
        hits = {m for m, _ in extract_org_types(" ".join(slips)) if m in spelt}
        found = {c for c in (legal_form_class((m,)) for m in hits) if c is not None}
    return frozenset(found)


def _fresh(word: str) -> frozenset[str]:
    return _slip_classes.__wrapped__(word)  # type: ignore[attr-defined]  # (no memo)


# ISO 20275 forms of rigour's table the own table may lack, and words one slip from them
_ISO = ("gmbh", "sarl", "bvba", "kft", "oyj", "sro", "spa", "srl", "ltda", "eirl", "sas",
        "kgaa", "ohg", "vof", "aps", "asa", "doo", "ead", "sprl", "scrl", "sca", "snc")  # fmt: skip


def _near_words(forms: list[str], rng: random.Random, per_form: int) -> list[str]:
    """Words one or two slips from ``forms``, of the lengths the slips are looked for at."""
    out: list[str] = []
    for form in forms:
        slips = [w for w in _one_slip(form) if w.isalpha()]
        for word in rng.sample(slips, min(per_form, len(slips))):
            out.append(word)
            out.append(rng.choice(_one_slip(word)))
    return [w for w in out if FORM_SLIP_MIN_LENGTH <= len(w) <= FORM_SLIP_MAX_LENGTH]


def test_the_scan_text_holds_every_spelling_as_a_word() -> None:
    for word in ("ltd", "gmbh", "oooo", "abcde", "şti", "aab"):
        assert set(_slips_text(word).split(" ")) == set(_one_slip(word))


@pytest.mark.parametrize("seed", range(6))
def test_slip_classes_agree_with_every_spelling_looked_up(seed: int) -> None:
    rng = random.Random(seed)
    own = sorted(w for w in _OWN_SPELLINGS if len(w) <= FORM_SLIP_MAX_LENGTH + 1)
    words = _near_words(rng.sample(own, min(25, len(own))), rng, 4)
    words += _near_words(list(_ISO), rng, 3)
    words += ["".join(rng.choice(ascii_lowercase) for _ in range(rng.randint(3, 5)))
              for _ in range(40)]  # fmt: skip
    words += ["şti", "ltd", "llc", "gmbh", "ooo", "oooo", "ltdd", "gmhb", "sarll", "jsc"]
    found_any = 0
    for word in dict.fromkeys(words):
        expected = _slip_classes_as_it_was(word)
        assert _fresh(word) == expected, word
        found_any += bool(expected)
    assert found_any >= 10  # (the words near forms do find forms: both paths are tried)


def test_a_word_an_own_form_is_one_letter_added_to_is_found_without_the_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An own form a letter longer than the word ("gmbh" for "gmb"): found in the own
    table's spellings with a letter dropped, not by the scan."""

    def no_scan(text: str) -> list[tuple[str, str]]:
        raise AssertionError("scanned")

    monkeypatch.setattr(formslips, "extract_org_types", no_scan, raising=True)
    for form, cls in _OWN_SPELLINGS.items():
        if FORM_SLIP_MIN_LENGTH + 1 <= len(form) <= FORM_SLIP_MAX_LENGTH + 1:
            word = form[:-1]
            if word.isalpha():
                assert cls in _fresh(word), (form, word)
