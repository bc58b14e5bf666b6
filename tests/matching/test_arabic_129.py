"""Matching round two, Arabic-script queries (h133): Urdu spellings of listed names.

- Urdu writes heh as heh goal ہ ("ابراہیم", "اللہ"), ta marbuta as ۃ or ہ and a final yeh as
  yeh barree ے: read as the Arabic letters (``normalize._URDU_LETTERS``), an Urdu spelling
  is the Arabic spelling of the name (heh goal was no letter at all: "ابراہیم" had the
  skeleton "brm" and was no table word).
"""

from __future__ import annotations

from clearance.matching.arabic_names import normalise_arabic
from clearance.matching.normalize import analyse
from tests.matching.factory import people_alerts


def test_urdu_letters_read_as_arabic() -> None:
    """An Urdu spelling has the forms of the Arabic one."""
    assert analyse("ابراہیم خلیل") == analyse("ابراهيم خليل")
    assert analyse("عبد اللہ") == analyse("عبد الله")
    assert analyse("جماعۃ") == analyse("جماعة")
    assert normalise_arabic("ابراہیم") == normalise_arabic("ابراهيم")


def test_an_urdu_spelling_of_a_listed_name_alerts() -> None:
    """Heh goal in a table word (Ibrahim) and in an Allah compound (Saifullah)."""
    assert people_alerts(["IBRAHIM, Bassam Bashir"], "بسام بشیر ابراہیم") == {
        "IBRAHIM, Bassam Bashir"
    }
    assert people_alerts(["KHALID, Saifullah"], "سیف اللہ خالد") == {"KHALID, Saifullah"}
    assert people_alerts(["KASKAR, Dawood Ibrahim"], "داود ابراہیم کسکار") == {
        "KASKAR, Dawood Ibrahim"
    }


def test_an_urdu_spelling_alerts_no_other_name() -> None:
    """The letters read as Arabic ones add no agreement of their own: an Urdu spelling of
    another name does not alert."""
    assert people_alerts(["IBRAHIM, Bassam Bashir"], "بسام بشیر ابراہیمی زادہ") == set()
    assert people_alerts(["KHALID, Saifullah"], "سیف اللہ خلیلی") == set()
