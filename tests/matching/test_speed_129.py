"""Cold-pass cuts (h137, issue 11; no outcome changes): the legal-form classes one slip from a
word (``formslips._slip_classes``) found without a string per spelling, agreeing with the path
it replaces (written out here as 1.28 had it) on forms of the own table, ISO 20275 forms,
words one slip from either and random words; ``QueryForm`` and ``EntityInfo`` made by an
``__init__`` of their own (native when compiled), with the dataclass's behaviour; a listed
word's weight and patronymic test worked out without a call through a memo."""

from __future__ import annotations

import random
import sys
from dataclasses import fields, replace
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
from clearance.matching.normalize import NameForm
from clearance.matching.params import NameParams
from clearance.matching.records import EntityInfo
from clearance.matching.retrieve import QueryForm
from clearance.matching.vocab import PATRONYMIC_ENDINGS, is_patronymic
from clearance.matching.weights import WordTable, word_weight
from clearance.model import Schema


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


# -- constructors written out (a dataclass's own __init__ ran as interpreted code) --------


def _written_out(cls: type) -> bool:
    """Whether ``cls.__init__`` is the one written in its module (the dataclass's generated
    one has no file of its own); a compiled build's is native code (no ``__code__``)."""
    code = getattr(cls.__init__, "__code__", None)
    return code is None or code.co_filename == sys.modules[cls.__module__].__file__


def test_query_forms_and_entity_infos_are_made_by_their_own_init() -> None:
    assert _written_out(QueryForm)
    assert _written_out(EntityInfo)


def test_a_query_form_has_the_dataclass_defaults_equality_and_replace() -> None:
    name = NameForm(("kim", "jong"), frozenset(), "Latin")
    form = QueryForm(name, 2)
    assert (form.form, form.kind, form.trust, form.spelled, form.reading, form.person) == (
        name, 2, 1.0, 0.0, (), False)  # fmt: skip
    full = QueryForm(name, 2, 0.5, 0.75, ("kim",), True)
    assert full == QueryForm(form=name, kind=2, trust=0.5, spelled=0.75, reading=("kim",),
                             person=True)  # fmt: skip
    assert replace(full, trust=1.0, spelled=0.0, reading=(), person=False) == form
    assert hash(replace(full, trust=1.0, spelled=0.0, reading=(), person=False)) == hash(form)
    assert [f.name for f in fields(QueryForm)] == [
        "form", "kind", "trust", "spelled", "reading", "person"]  # fmt: skip
    with pytest.raises(AttributeError):
        full.trust = 0.1  # type: ignore[misc]  # (frozen)


def test_an_entity_info_keeps_what_it_is_given() -> None:
    args = ("e1", "ofac", "123", Schema.PERSON, "KIM Jong Un", (), frozenset({"kp"}), ())
    info = EntityInfo(*args)
    assert (info.id, info.list, info.source_id, info.schema, info.caption, info.birth_dates,
            info.countries, info.identifiers) == args  # fmt: skip
    assert info == EntityInfo(*args) and info != EntityInfo(*args[:-2], frozenset(), ())


_TOKENS = ("ivanovich", "ivanovna", "ugli", "kim", "a", "1990", "llc", "al", "bin", "ooo",
           "petrovych", "aliyevich", "ovich", "group")  # fmt: skip


@pytest.mark.parametrize("token", _TOKENS)
def test_the_word_table_agrees_with_the_memoised_weight_and_patronymic(token: str) -> None:
    params = NameParams()
    table = WordTable(params)
    weight, patronymic, number = table[token]
    assert weight == word_weight(token, params)
    assert patronymic == (len(token) > 6 and token.endswith(PATRONYMIC_ENDINGS))
    assert patronymic == is_patronymic(token) and number == token.isdigit()
