"""Company words of Arabic and Persian names written in Latin letters, and the Chinese places
Chinese company names begin with (issue 11, since h188).

English business words ("company", "establishment", "industries", "trading") are
low-information words (``vocab.LOW_INFO_WORDS``): a name is its distinctive words, and "KAVEH
CUTTING TOOLS" is KAVEH CUTTING TOOLS COMPANY. Arabic and Persian names say the same in their
own words, which lists and inputs transliterate ("Sharikat Bonyad Shipping Agencies",
"Sherkat-e Kaveh", "Mu'assasat X", "Sanaye-ye Y", "Bazargani-ye Z"); until now those were
full-weight words, so that a name with one and the listed name with its English word (or
without either) fell under the threshold. Chinese company names are written with their city or
province first ("Shenzhen X Technology Co., Ltd."): the place registers the company, it does
not name it, and a list gives a company with or without it. A bank is a bank in French and Turkish
too ("Banque X", "X Bankasi" for X BANK).

The words here (folded: lower-case ASCII, as ``normalize.fold`` writes them) weigh as
low-information words (``weights.word_weight``); the Persian ezafe written as its own word
after one of them ("Sherkat-e", "Sanaye-ye": ``e`` / ``ye`` / ``i``) is a particle of that
word. The tables are the matcher's own, from the languages' words, several common
transliterations of each (English, French and Persian practice; with and without the final
ta marbuta "-h" / "-t").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

# Arabic, by root, and the English business word each says: company (sh-r-k), establishment
# ('-s-s), industry (s-n-'), commerce (t-j-r), production (n-t-j), group (j-m-'), organisation
# (n-z-m); then Persian: company, establishment, industries, commerce, production,
# organisation, group. (Not "bank", nor words of a trade: "Handasa" is engineering, a name's.)
_ARABIC = {
    "company": "sharika sharikah sharikat sharikatu shirka shirkah shirkat sherka sherkah sharekat",
    "establishment": "muassasa muassasah muassasat moassasa moassasah moassasat muasasa "
    "muasasat mouassasa mouassasat",
    "industries": "sinaa sinaah sinaat",
    "industrial": "sinaiya sinaiyya sinaiyah",
    "trading": "tijara tijarah tijarat tejara tejarah",
    "commercial": "tijariya tijariyya tijariyah tijari",
    "production": "intaj",
    "group": "majmua majmuah majmuat majmoua majmouat majmouaa",
    "organization": "munazzama munazzamah munazzamat monazama monazamat",
}
_PERSIAN = {
    "company": "sherkat shirkat sherkate",
    "establishment": "moassese moasseseh moassesse moassesseh moasese moaseseh muassese muasseseh",
    "industries": "sanaye sanayeh sanaie sanaaye",
    "trading": "tejarat tejarati bazargani bazarganiye bazargany",  # (h193: "tejarati" too,
    # as the lists write "Sherkat-e Tejarati X": X TRADING COMPANY)
    "commercial": "tejari",
    "production": "tolid tolidi towlid towlidi",
    "organization": "sazman sazeman sazmane",
    "group": "goruh gorooh",
    # (h193) engineering, research institute, co-operative
    "engineering": "mohandesi mohandesie mohandessi",
    "institute": "pajoheshkadeh pajooheshkadeh pajuheshkadeh pazhuheshkadeh pajouheshkadeh",
    "cooperative": "taavon taavoni tavon tavoni",
}
# A bank in French and Turkish ("Banque Misr", "X Bankasi"; "bank" itself, for the ezafe after
# it: "Bank-e Melli"). (Not "banco": a word similarity already reads it as bank, and the
# Spanish names are written as they are.)
_BANK = {"bank": "bank banque bankasi"}
# Each word (folded: apostrophes and hyphens are no letters) -> the English word it says.
ENGLISH: dict[str, str] = {
    word: english
    for table in (_ARABIC, _PERSIAN, _BANK)
    for english, words in table.items()
    for word in words.split()
}
# Chinese provinces and the cities company names most often begin with, in pinyin as companies
# write them (one word or two: "Hong Kong" is read as two words).
_CHINESE_PLACES = """
    beijing shanghai tianjin chongqing shenzhen guangzhou dongguan foshan zhuhai shantou
    huizhou xiamen quanzhou ningbo hangzhou wenzhou yiwu shaoxing suzhou wuxi nanjing
    changzhou qingdao yantai weifang dalian shenyang dandong harbin wuhan chengdu zhengzhou
    shijiazhuang tangshan hohhot urumqi
    guangdong fujian zhejiang jiangsu shandong liaoning heilongjiang hebei henan hubei hunan
    sichuan yunnan guangxi jiangxi anhui shanxi shaanxi gansu qinghai xinjiang
    hongkong hk kowloon macau macao
"""
# (h193: not "science" of "Science and Technology" nor "electronics", the trade words Chinese
# company names add: DEFENSE TECHNOLOGY AND SCIENCE RESEARCH CENTER, IRAN ELECTRONICS
# INDUSTRIES are named by them.)
# (not the places that are also given names or family names written as one word: Xian,
# Jinan, Hefei, Changchun, Kunming, Nanning, Zhongshan, Jilin, Fuzhou; nor Sinai or Sanati,
# family names too: the weight of a word is the same in a person's name)
# (h193) English business words that say one kind of body, as the Arabic and Persian words
# say them all: mu'assasa is an establishment, a foundation and an institute, sina'a industry;
# a list translates one way, a writer another ("MU'ASSASAT X" / X FOUNDATION): two of one line
# agree as the same word. (Not "trading" and "commercial": KREMSONT TRADING INC. is another
# company than KREMSONT COMMERCIAL INC.)
_SAME_KIND = """
    establishment foundation institute institution
    industries industry industrial
    production manufacturing manufacture productive
"""
# (h193) "Bonyad", a foundation, is a word of the name ("BONYAD SHIPPING AGENCIES COMPANY" is
# not "Shipping Agencies Company"), but it agrees with "foundation" as the English words do
# ("Mostazafan Foundation" / BONYAD MOSTAZAFAN).
_NAME_WORDS = {"bonyad": "foundation", "bonyade": "foundation"}


def _same_kind() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for line in _SAME_KIND.strip().splitlines():
        for word in line.split():
            found[word] = set(line.split()) - {word}
    for word, english in _NAME_WORDS.items():
        found.setdefault(word, set()).add(english)
        found[english].add(word)
    return {word: frozenset(others) for word, others in found.items()}


SAME_KIND: dict[str, frozenset[str]] = _same_kind()
# The Persian ezafe written apart after a word of the tables ("Sherkat-e", "Sanaye-ye").
EZAFE = frozenset(("e", "ye", "i", "yi"))


@cache
def company_words() -> frozenset[str]:
    """The Arabic and Persian company words of :data:`ENGLISH` and the Chinese places: words
    of low information in a name."""
    return frozenset(ENGLISH.keys() | chinese_places())


@cache
def chinese_places() -> frozenset[str]:
    """The Chinese places of :data:`_CHINESE_PLACES`."""
    return frozenset(_CHINESE_PLACES.split())


def is_place(token: str) -> bool:
    """Is ``token`` a Chinese place a company name begins with? Left over on both sides of
    two company names, a place is no conflict (h193): "Yunze Technology Investment" is
    BEIJING YUNZE TECHNOLOGY, the company registered there, with its trade said once more."""
    return token in chinese_places()


def left_besides_places(tokens: Sequence[str], used: list[bool]) -> bool:
    """Is a word of ``tokens`` other than a place (:func:`is_place`) left unpaired?"""
    places = chinese_places()
    for i in range(len(used)):  # noqa: SIM110 - a plain loop: it compiles to native code
        if not used[i] and tokens[i] not in places:
            return True
    return False


def is_company_word(token: str) -> bool:
    return token in company_words()


def in_english(words: list[str]) -> list[str]:
    """``words`` (a company's name, folded) with its Arabic and Persian company words as the
    English word each says ("sherkat e kaveh" -> "company kaveh": the ezafe written apart
    after one left out), so that a name meets the listed name with the English word;
    ``words`` itself without any."""
    found = False
    for word in words:
        if word in ENGLISH:
            found = True
            break
    if not found:
        return words
    out: list[str] = []
    for i, word in enumerate(words):
        if i and word in EZAFE and words[i - 1] in ENGLISH:
            continue
        out.append(ENGLISH.get(word, word))
    return out
