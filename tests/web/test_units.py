"""Sessions, CSRF tokens, highlighting and the network walk, without a server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clearance.errors import ClearanceError
from clearance.matching.result import FeatureResult, Match
from clearance.web.present import highlight, paired_words, show_match
from clearance.web.routes_auth import safe_next
from clearance.web.sessions import Session, SessionCodec, csrf_matches, load_secret


def test_session_round_trip_and_tampering(tmp_path: Path) -> None:
    codec = SessionCodec(load_secret(tmp_path))
    session = Session.fresh().signed_in_as("alice", "ab" * 32, "key")
    value = codec.dump(session)
    assert codec.load(value) == session
    body, _, sig = value.partition(".")
    assert codec.load(body + "." + sig[:-2] + "AA") is None
    forged = SessionCodec(b"x" * 32).dump(session)  # signed with another secret
    assert codec.load(forged) is None
    assert codec.load("garbage") is None and codec.load(None) is None
    expired = Session("t", int(time.time()) - 1, "alice", "h", "key")
    assert codec.load(codec.dump(expired)) is None


def test_sign_in_rotates_the_csrf_token() -> None:
    anonymous = Session.fresh()
    signed = anonymous.signed_in_as("alice", "h", "key")
    assert signed.csrf != anonymous.csrf and signed.signed_in and not anonymous.signed_in
    assert csrf_matches(signed, signed.csrf)
    assert not csrf_matches(signed, anonymous.csrf)
    assert not csrf_matches(signed, None) and not csrf_matches(signed, "")


def test_secret_is_private_and_shared(tmp_path: Path) -> None:
    first = load_secret(tmp_path)
    assert load_secret(tmp_path) == first and len(first) == 32
    assert (tmp_path / "web-secret").stat().st_mode & 0o077 == 0
    (tmp_path / "web-secret").write_bytes(b"short")
    with pytest.raises(ClearanceError, match="not a valid web secret"):
        load_secret(tmp_path)


def test_paired_words_from_the_matchers_reason() -> None:
    reason = "'Мкртычев Ашот' vs 'MKRTYCHEV, Ashot': mkrtychev, ashot"
    assert paired_words(reason) == ({"mkrtychev", "ashot"}, {"mkrtychev", "ashot"})
    fuzzy = (
        "'Ashot Mkrtichev' vs 'MKRTYCHEV, Ashot': ashot, mkrtichev~mkrtychev (0.91); query only: x"
    )
    assert paired_words(fuzzy) == ({"ashot", "mkrtichev"}, {"ashot", "mkrtychev"})
    assert paired_words("'a' vs 'b': no word in common") == (set(), set())
    assert paired_words("unexpected text") == (set(), set())


def test_highlight_marks_written_words_in_any_script() -> None:
    pieces = highlight("Мкртычев Ашот Иванович", {"mkrtychev", "ashot"})
    assert [p.text for p in pieces if p.mark] == ["Мкртычев", "Ашот"]
    assert "".join(p.text for p in pieces) == "Мкртычев Ашот Иванович"
    assert highlight("anything", set())[0].text == "anything"


def test_show_match_uses_the_name_similarity_feature() -> None:
    feature = FeatureResult(
        "name_similarity",
        0.9,
        "'Ashot Mkrtichev' vs 'MKRTYCHEV, Ashot': ashot, mkrtichev~mkrtychev (0.91)",
    )
    match = Match("ofac-sdn-1", "ofac-sdn", "1", "person", "MKRTYCHEV, Ashot", "MKRTYCHEV, Ashot",
                  0.9, True, (feature,))  # fmt: skip
    shown = show_match("Ashot Mkrtichev", match)
    assert [p.text for p in shown.query_pieces if p.mark] == ["Ashot", "Mkrtichev"]
    assert [p.text for p in shown.name_pieces if p.mark] == ["MKRTYCHEV", "Ashot"]


def test_safe_next_stays_inside_the_app() -> None:
    assert safe_next("/ui/entities/x") == "/ui/entities/x"
    for bad in ("https://example.org/", "//example.org/ui/", "/uix", "/ui\\..", None, ""):
        assert safe_next(bad) == "/ui/"
