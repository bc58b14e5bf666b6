"""The name index: every name of every loaded entity, ready for fast candidate retrieval.

Built once when a snapshot is installed and stored inside it (``index/matcher.pkl``), so a
process starts screening by loading it, not by re-normalising every list.

Keys (all in one vocabulary, namespaced by a one-character prefix):
- ``t:`` a name word (romanised, folded), ``p:`` its phonetic key, ``c:`` two or more adjacent
  words run together ("jongun", "kimjongun") so spacing variants meet;
- ``n:`` a word in the original Arabic script; ``s:`` a consonant skeleton of a word, used for
  Arabic-script queries against romanised names.
Typos are found through a deletion neighbourhood (every word with one letter removed).
"""

from __future__ import annotations

import pickle
import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt

from clearance.matching.fieldcuts import build_abbreviations, word_heads
from clearance.matching.keytables import KeyTables
from clearance.matching.keytables import WordHit as WordHit
from clearance.matching.keytables import WordHitCache as WordHitCache
from clearance.matching.params import NameParams, RetrievalParams, WordParams
from clearance.matching.phonetics import know_listed
from clearance.matching.records import KIND_NATIVE as KIND_NATIVE
from clearance.matching.records import EntityInfo as EntityInfo
from clearance.matching.records import NameRecord as NameRecord
from clearance.matching.records import RecordMaker, make_entity
from clearance.matching.release import ALGORITHM_RELEASE
from clearance.matching.weights import word_table
from clearance.matching.wordsim import SpeltWords, WordInfo
from clearance.scripts import ARABIC

INDEX_FORMAT = 53  # 53: "S.A. de Capital Variable", "Sociedad Anonima de C.V.", forms with
# their "de" dropped (the merge); 52: Turkish company words' abbreviations read as the full
# words in a Turkish company's name ("San. ve Tic." as "sanayi and ticaret"), the words weigh
# low and agree with the English words they say, both readings kept (h195: ``turkish_words``);
# 51: more legal forms split off listed names (h200: "PT ... Tbk", "Kabushiki
# Kaisha", "Chusik Hoesa", "Sahami Khass", "Sociedad Limitada", "Société", ...); 50: WordParams
# gained syllable_spelling_sim (h196: Burmese spellings; a pickled vowel_read_params lacks the
# field); 49: Turkish company words read as they are spelt again (h192's English
# readings, 47, taken out: a typo or a transliteration of "Ticaret" no longer met the listed
# word, read "trade"); 48: more Persian company words read in English ("mohandesi", "taavon",
# "pajoheshkadeh"), "hk" a place of low weight, "NPO" before a
# Russian name a word, not the legal form (h193: ``company_words``, ``russian_kind_first``);
# 47: Turkish company words as the English words they say ("Sanayi ve
# Ticaret", "San. ve Tic." as "industry and trade", "Dış Tic.", "İth. İhr."), "Anonim Şirketi"
# a joint-stock company's legal form (h192: ``turkish_words``, ``vocab.LEGAL_FORMS``);
# 46: Arabic and Persian company words ("sharikat", "sherkat", "muassasat",
# "sanaye") and the Chinese places company names begin with weigh low, the Persian ezafe after
# one left out ("Sherkat-e X"; h188: ``company_words``); 45: the Russian kinds' abbreviations
# (NPO, NII, OKB, FGUP ...) weigh low (h184: ``russian_generic._ABBREVIATIONS``,
# ``rec_weight``); 44: a name word run onto the last
# word of a legal form written apart ("LIMITED LIABILITY COMPANYSBERBANK"; h185:
# ``legalforms.canonical_words``, no listed name of the 2023-2026 lists so written); 43: the
# generic words of Russian company names weigh low in their Latin spellings ("nauchno",
# "obedinenie", "zavod"; h182: ``russian_generic``, ``rec_weight``);
# 42: business words' abbreviations expanded ("Devt", "Indl", "Genl";
# h165: ``vocab.ABBREVIATIONS``);
# 41: a parenthesised qualifier ("(ASIA)", "(HK)") no listed name of its
# own, a number sign left out before its number ("NO. I" / "#1"), "HASSAN, Hameed ul" also as
# "Hameed ul HASSAN" (h168: ``normalize.name_parts``, ``legalforms.number_signs``);
# 40: which words of a listed person's name are its family name's (h167:
# ``rec_family``, an initial stands for a given name: "M. ALI" is not MAMLUK, Ali);
# 39: a kasra written e before one consonant read as i in the phonetic
# key (h164: "Emad" / Imad, "Ehsan" / Ihsan, ``phonetics._KASRA_E``), a split "X al-Din"
# compound also keyed by its sound run together ("shams aldin": a slip in "Shamsudgin");
# 38: the Arabic article assimilated to a sun letter read as al-, abd and
# "X al-Din" compounds written one way ("Abderrahmane" as "abdul rahmane", "Noureddine" as
# "nour aldin"; h163: ``arabic_article``), a kasra before a doubled consonant as i (Ezz / Izz);
# 37: a word that is by itself a listed organisation's name is not generic
# in organisation names (h160: ``org_common`` without "haramain", "jihad", "sberbank");
# 36: listed persons also keyed by their initials and family name (h158:
# "A. D. T. W. MUHAMMAD"); two-character Hanja names read the Korean way (姜龍 / KANG Ryong);
# 35: the words generic in listed organisation names (h157: ``org_common``,
# "Machine Ltd" is no name); 34: Roman numerals in company names read as numbers (h149:
# "NORD STREAM II AG" / NORD STREAM 2 AG);
# 33: listed names read anew (h142: "and" between two single letters
# dropped as the ampersand is, "S AND D" / S&D; the Austrian "Ges.m.b.H." a legal form; a q
# as k in the listed words' letters); 32: listed Urdu spellings read as Arabic (h133: heh
# goal ہ is heh, ta
# marbuta goal ۃ ta marbuta, yeh barree ے yeh: normalize._URDU_LETTERS) and listed Cyrillic
# Korean names read anew (h136: the newspapers' е as o, a final н as ng, more family names:
# "Ким Тон Чхель" is also kim tong chol); 31: listed Cyrillic names read anew (h127: a hard
# sign is no word break),
# listed words vowel-keyed anew (h128: a silent e after a doubled consonant, "Ilyasse"), the
# table's readings' records with their spoken vowel (FAZAL); 30: listed words normalised and
# vowel-keyed anew (h124: OTKRYTIE is no
# misspelt OTKRYTOE, "ST" before a legal form no saint, a French silent e no vowel in
# ``vowel_places``/``vowel_alike``); 29: a record a weak a.k.a. and a strong name of one entity
# share is strong, with the strong name's text (index_build ``_add_record``); 28: the name-word
# table's readings with the records of crowded skeletons they agree with (vowel_read*: see
# :meth:`NameIndex.read_records`); 27: the listed words of crowded skeletons with their records
# (vowel_*: see :meth:`NameIndex.vowel_records`); 26: NameParams of 1.22 (slip_whole_length 6),
# listed codes also keyed run together (exact.code_key); 25: a typo variant of one key holds that
# key's id itself (1.12, see :mod:`clearance.matching.keytables`); 24: which records are a name
# with its Arabic article left out (1.12);
# 23: a short name word beside a legal form corrected only into a form (1.12: "COMPANY
# STORK" is no "company stock"); 22: names as written (exact); 21: NameParams
# of 1.10 (slip_whole_length); 20: NameParams of 1.9 (one pickled by 1.8 lacks fields); 19:
# "Abdullahi", "Abdullay" kept one word (1.8); 18: "Abd alRahman" read as "abdul rahman",
# sound keys after a glued article (1.7); 17: Chinese legal forms in pinyin split off (1.6);
# 16: Hanja readings (1.4)
INDEX_FILE = "matcher.pkl"
CROWDED_SKELETON = RetrievalParams().spelled_names
"""A word skeleton whose listed words are held by more than this many skeleton records is
crowded: its words are kept with their records (:meth:`NameIndex.vowel_records`), for the
names of a common skeleton whose vowels agree with a query's (``bounds.spelled_bounds``)."""

KIND_LATIN, KIND_SKELETON = 0, 2  # (KIND_NATIVE = 1: a name in its original script)
_ID_CLEAN = re.compile(r"[^0-9A-Za-z]+")


def clean_identifier(value: str) -> str:
    """Identifier values compared without spaces, dashes, case and an "IMO" prefix."""
    cleaned = _ID_CLEAN.sub("", value).upper()
    if cleaned.startswith("IMO") and cleaned[3:].isdigit():
        return cleaned[3:]
    return cleaned


def deletions(token: str) -> list[str]:
    """``token`` with each single character removed (the deletion neighbourhood)."""
    return [token[:i] + token[i + 1 :] for i in range(len(token))]


def hash_bitmap(keys: dict[str, int]) -> tuple[bytes, int]:
    """A bitmap with the bit ``hash(key) & mask`` set for every key, and ``mask`` (about 32
    bits per key: a text that is no key passes for one about once in 32). Hashes are of this
    process (str hashes are salted per process): made on load, never stored."""
    size = 1 << max(16, (32 * len(keys)).bit_length())
    where = np.fromiter(map(hash, keys), np.int64, len(keys)) & (size - 1)
    bits = np.zeros(size >> 3, dtype=np.uint8)
    np.bitwise_or.at(bits, where >> 3, np.left_shift(1, where & 7).astype(np.uint8))
    return bits.tobytes(), size - 1


WORD_CACHE_SIZE = 50_000
"""Word lookups retrieval keeps per index and generation (see :class:`WordHitCache`, compiled
with retrieval in :mod:`keytables`)."""


@dataclass
class NameIndex:
    """Names, keys and postings for every entity of a snapshot, stored as columns.

    Columns (plain lists of strings/tuples and numpy arrays) pickle and unpickle an order of
    magnitude faster than one object per name, which keeps process start-up under a second.
    """

    snapshot_id: str
    params: NameParams = field(default_factory=NameParams)
    # entities
    ent_id: list[str] = field(default_factory=list)
    ent_list: list[str] = field(default_factory=list)
    ent_source_id: list[str] = field(default_factory=list)
    ent_schema: list[str] = field(default_factory=list)
    ent_caption: list[str] = field(default_factory=list)
    ent_dates: list[tuple[str, ...]] = field(default_factory=list)
    ent_countries: list[tuple[str, ...]] = field(default_factory=list)
    ent_identifiers: list[tuple[tuple[str, str], ...]] = field(default_factory=list)
    # name records
    rec_entity: list[int] = field(default_factory=list)
    rec_text: list[str] = field(default_factory=list)
    rec_tokens: list[tuple[str, ...]] = field(default_factory=list)
    rec_forms: list[tuple[str, ...]] = field(default_factory=list)
    rec_script: list[str] = field(default_factory=list)
    rec_kind: list[int] = field(default_factory=list)
    rec_weak: list[bool] = field(default_factory=list)
    rec_weight: list[float] = field(default_factory=list)  # total word weight (retrieval bound)
    # a name's form with its Arabic article left out only (1.12: "aqsa foundation"; an
    # Arabic-script query has its article, and does not retrieve these)
    rec_bare: list[bool] = field(default_factory=list)
    # a person's family name words, bit j for word j (0: not known; format 39, ``initials``)
    rec_family: list[int] = field(default_factory=list)
    # retrieval
    vocab: dict[str, int] = field(default_factory=dict)
    posting_data: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    posting_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, np.int64))
    # deletion variant -> the one key's id, or -1 - slot of the ids in neighbour_data (several)
    neighbour_keys: dict[str, int] = field(default_factory=dict)
    neighbour_data: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    neighbour_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, np.int64))
    identifiers: dict[str, list[int]] = field(default_factory=dict)  # clean value -> entities
    # a name as written, case and punctuation folded (see :mod:`exact`) -> (record, weak)
    exact: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    # every indexed word's phonetic key (the scorer's word similarity needs it per word)
    token_phonetic: dict[str, str] = field(default_factory=dict)
    # the words generic in listed organisation names (written by many organisations of many
    # countries, ``index_build.common_org_words``; format 35): a company query that is one of
    # them with generic words only is no name ("Islamic GmbH", "Machine Ltd")
    org_common: frozenset[str] = field(default_factory=frozenset)
    # the listed words of crowded skeletons (held by more than CROWDED_SKELETON records): the
    # skeleton -> those words (a name's words as the spelled trust reads them), and each word's
    # skeleton records (word -> slot of vowel_offsets; see :meth:`vowel_records`, index format 27)
    vowel_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ... and by the keys a table's reading shares with them when it may be spelt alike
    # (``spelled.alike_keys``: sound, letters written once, skeleton with its vowels' places)
    vowel_alike: dict[str, tuple[str, ...]] = field(default_factory=dict)
    vowel_places: dict[str, int] = field(default_factory=dict)  # (``spelled.vowel_places``)
    vowel_slots: dict[str, int] = field(default_factory=dict)
    vowel_data: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    vowel_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, np.int64))
    # ... and each reading the name-word table gives (``spelled.table_readings``) -> slot of
    # vowel_read_offsets: the records above with a listed word it agrees with as spelt, worked
    # out at build for the parameters vowel_read_params (cut, word parameters; format 28)
    vowel_read: dict[str, int] = field(default_factory=dict)
    vowel_read_data: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    vowel_read_offsets: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(1, np.int64))
    vowel_read_params: tuple[float, WordParams] | None = None
    lists: dict[str, str] = field(default_factory=dict)  # list -> version label
    format: int = INDEX_FORMAT
    # the release that built it: another release may normalise or key listed names another way
    release: str = ALGORITHM_RELEASE

    def __len__(self) -> int:
        return len(self.rec_entity)

    @property
    def entity_count(self) -> int:
        return len(self.ent_id)

    def posting(self, key_id: int) -> npt.NDArray[np.int32]:
        """Ids of the records holding key ``key_id`` (ascending)."""
        return self.posting_data[self.posting_offsets[key_id] : self.posting_offsets[key_id + 1]]

    def records_of(self, key_id: int) -> int:
        """How many records hold key ``key_id``."""
        return int(self.posting_offsets[key_id + 1] - self.posting_offsets[key_id])

    def organisation_records_of(self, key_id: int) -> int:
        """How many records of organisations (every schema but a person's) hold key
        ``key_id``: a business word is counted in their names (h172: "Petr" and "Petrovich"
        are persons' names, no business words, ``fieldcuts.build_abbreviations``)."""
        counts = self.__dict__.get("_org_records")
        if counts is None:
            person = np.fromiter((s == "person" for s in self.ent_schema), bool,
                                 len(self.ent_schema))  # fmt: skip
            of_org = ~person[np.asarray(self.rec_entity, dtype=np.int64)]
            held = np.concatenate(([0], np.cumsum(of_org[self.posting_data], dtype=np.int64)))
            offsets = self.posting_offsets
            counts = self.__dict__["_org_records"] = held[offsets[1:]] - held[offsets[:-1]]
        return int(counts[key_id])

    def vowel_records(self, word: str) -> npt.NDArray[np.int32]:
        """Ids of the skeleton records of a crowded skeleton whose names hold the listed word
        ``word`` (ascending; none when its skeleton is not crowded)."""
        slot = self.vowel_slots.get(word)
        if slot is None:
            return self.vowel_data[:0]
        return self.vowel_data[self.vowel_offsets[slot] : self.vowel_offsets[slot + 1]]

    def read_records(
        self, reading: str, cut: float, words: WordParams
    ) -> npt.NDArray[np.int32] | None:
        """The skeleton records of crowded skeletons with a listed word the table's ``reading``
        agrees with as spelt (``spelled._read_alike``), as worked out at build; None when it
        was not (another reading, or other parameters)."""
        slot = self.vowel_read.get(reading)
        made = self.vowel_read_params
        if slot is None or made is None or made[0] != cut:
            return None
        if made[1] is not words and made[1] != words:
            return None
        offsets = self.vowel_read_offsets
        return self.vowel_read_data[offsets[slot] : offsets[slot + 1]]

    def neighbours(self, variant: str) -> list[int]:
        """Vocabulary ids of keys one deletion away from ``variant`` (see :func:`deletions`; a
        key twice if two of its deletions are ``variant``)."""
        code = self.neighbour_keys.get(variant)
        if code is None:
            return []
        if code >= 0:
            return [code]
        lo, hi = self.neighbour_offsets[-1 - code], self.neighbour_offsets[-code]
        return self.neighbour_data[lo:hi].tolist()  # type: ignore[no-any-return]

    def neighbours_of(self, variants: list[str]) -> list[int]:
        """Vocabulary ids of keys one deletion away from any of ``variants``, each once."""
        return self.key_tables.neighbours(variants)

    # (h190: the tables the compiled matcher reads per query word or form are cached
    # properties, kept in the instance's ``__dict__`` under their own names: read from there
    # with no interpreted call, as a property's getter was, ~1,000 instructions each; left
    # out of what ``save`` stores, see ``_CACHED``)
    @cached_property
    def key_tables(self) -> KeyTables:
        """Vocabulary, typo neighbourhood, key texts and postings as retrieval reads them
        (made once)."""
        offsets, data = self._neighbour_arrays
        filters = (*hash_bitmap(self.vocab), *hash_bitmap(self.neighbour_keys))
        return KeyTables(self.vocab, self.neighbour_keys, offsets, data, self._reverse,
                         filters, self.posting_arrays, self.posting_data)  # fmt: skip

    @property
    def posting_arrays(self) -> tuple[array[int], array[int]]:
        """The postings as plain arrays (offsets, record ids): a few postings read per query
        word cost less as Python slices than through numpy's indexing."""
        return self._plain("_post_arrays", self.posting_offsets, self.posting_data)

    @property
    def _neighbour_arrays(self) -> tuple[array[int], array[int]]:
        """The neighbour table as plain arrays (a slice of one is cheaper to read per query
        than a slice of a numpy array)."""
        return self._plain("_nb_arrays", self.neighbour_offsets, self.neighbour_data)

    def _plain(
        self, name: str, offsets: npt.NDArray[np.int64], data: npt.NDArray[np.int32]
    ) -> tuple[array[int], array[int]]:
        """``offsets`` and ``data`` copied once into plain arrays (kept as ``name``)."""
        cached: tuple[array[int], array[int]] | None = self.__dict__.get(name)
        if cached is None:
            plain_offsets, plain_data = array("q"), array("i")
            plain_offsets.frombytes(offsets.astype(np.int64).tobytes())
            plain_data.frombytes(data.astype(np.int32).tobytes())
            cached = self.__dict__[name] = (plain_offsets, plain_data)
        return cached

    def key_text(self, key_id: int) -> str:
        return self._reverse[key_id]

    @property
    def key_texts(self) -> list[str]:
        """Every key's text by its id (read-only)."""
        return self._reverse

    def prepare(self) -> NameIndex:
        """Build the lookup tables screening needs now rather than on a first query."""
        _ = self._reverse, self.word_info, self.key_tables, self.record_profile
        _ = self.posting_arrays, self.record_plain
        # (h186: each listed word's similarity data and weight now, not on the first query
        # that meets it: the same values, see WordInfo.complete and WordTable.complete)
        self.word_info.complete()
        word_table(self.params).complete(self.token_phonetic)
        word_heads(self.vocab)  # (a name cut by a payment field: fieldcuts.completions)
        know_listed(self.token_phonetic)  # (h190: a query word the lists hold: its key read)
        build_abbreviations(self.vocab, self.organisation_records_of)  # (business words)
        return self

    @cached_property
    def word_info(self) -> WordInfo:
        """What the word similarity needs of each indexed word (memoised, from the stored
        phonetic keys)."""
        return WordInfo(self.token_phonetic, SpeltWords(self.vocab, self._read_only()))

    def _read_only(self) -> frozenset[str]:
        """The Latin words the lists hold only as the reading of an Arabic-script name, which
        leaves out short vowels ("سپاه" is "spah", "راحت" "raht"): words no one types, so a
        near-miss on one is still a typing slip (since 1.23: "BANK SPAH" / BANK SEPAH)."""
        kinds, scripts, tokens = self.rec_kind, self.rec_script, self.rec_tokens
        read = {t for r, script in enumerate(scripts) if script == ARABIC
                and kinds[r] == KIND_LATIN for t in tokens[r]}  # fmt: skip
        tables = self.key_tables
        out: set[str] = set()
        for word in read:
            key = tables.key_id("t:" + word)
            if key >= 0 and all(scripts[r] == ARABIC for r in tables.posting(key).tolist()):
                out.add(word)
        return frozenset(out)

    @property
    def _reverse(self) -> list[str]:
        cached: list[str] | None = self.__dict__.get("_rev")
        if cached is None:
            cached = [""] * len(self.vocab)
            for key, idx in self.vocab.items():
                cached[idx] = key
            self.__dict__["_rev"] = cached
        return cached

    @property
    def word_hits(self) -> WordHitCache:
        """Retrieval's memoised word lookups (records reachable from a query word): names
        repeat across queries, and a customer book screened in batch repeats them far more."""
        cache: WordHitCache | None = self.__dict__.get("_word_hits")
        if cache is None:
            cache = self.__dict__["_word_hits"] = WordHitCache(WORD_CACHE_SIZE)
        return cache

    @property
    def record_profile(self) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
        """Per record: the total weight of its words, and whether its entity is a person (as
        arrays, made once from the columns)."""
        cached: tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]] | None
        cached = self.__dict__.get("_profile")
        if cached is None:
            weight = np.asarray(self.rec_weight, dtype=np.float32)
            person_ent = np.array([s == "person" for s in self.ent_schema], dtype=bool)
            person = person_ent[np.asarray(self.rec_entity, dtype=np.int64)]
            cached = self.__dict__["_profile"] = (weight, person)
        return cached

    @cached_property
    def record_plain(self) -> tuple[array[float], bytes]:
        """:attr:`record_profile` as a plain float32 array and bytes (made once): a few
        records' bounds read them cheaper than numpy's scalars."""
        weight, person = self.record_profile
        plain = array("f")
        plain.frombytes(weight.tobytes())
        return plain, person.tobytes()

    def record(self, rec_id: int) -> NameRecord:
        """The record ``rec_id`` as an object (memoised: the same names come up again)."""
        cache: dict[int, NameRecord] = self.__dict__.setdefault("_records", {})
        found = cache.get(rec_id)
        if found is None:
            found = cache[rec_id] = self._make_record(rec_id)
        return found

    def _make_record(self, rec_id: int) -> NameRecord:
        return self.record_maker.make(rec_id)

    @property
    def record_maker(self) -> RecordMaker:
        """Makes name records from the columns (compiled: see :mod:`records`; made once)."""
        cached: RecordMaker | None = self.__dict__.get("_record_maker")
        if cached is None:
            cached = self.__dict__["_record_maker"] = RecordMaker(
                self.rec_entity, self.rec_text, self.rec_tokens, self.rec_forms,
                self.rec_script, self.rec_kind, self.rec_weak, self.params, self.rec_family,
            )  # fmt: skip
        return cached

    def entity_records(self, ent: int) -> list[int]:
        """The records (names) of entity ``ent`` (the table is made on first use)."""
        table: list[list[int]] | None = self.__dict__.get("_entity_records")
        if table is None:
            table = [[] for _ in range(self.entity_count)]
            for rec_id, owner in enumerate(self.rec_entity):
                table[owner].append(rec_id)
            self.__dict__["_entity_records"] = table
        return list(table[ent])

    def entity(self, ent: int) -> EntityInfo:
        """The entity ``ent`` as the scorer sees it (memoised, like :meth:`record`)."""
        cache: dict[int, EntityInfo] = self.__dict__.setdefault("_entities", {})
        found = cache.get(ent)
        if found is None:
            found = cache[ent] = self._make_entity(ent)
        return found

    def _make_entity(self, ent: int) -> EntityInfo:
        return make_entity(self, ent)

    # -- persistence ---------------------------------------------------------------------
    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / INDEX_FILE
        state = {k: v for k, v in self.__dict__.items()
                 if not k.startswith("_") and k not in _CACHED}  # fmt: skip
        with path.open("wb") as handle:
            pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return path

    @classmethod
    def load(cls, folder: Path) -> NameIndex:
        path = folder / INDEX_FILE
        with path.open("rb") as handle:
            state = pickle.load(handle)  # noqa: S301 - our own file inside our own snapshot
        if not isinstance(state, dict) or state.get("format") != INDEX_FORMAT:
            raise ValueError(f"index {path} has an unsupported format; it will be rebuilt")
        if state.get("release") != ALGORITHM_RELEASE:  # (1.23 normalises "Ud-Din" as one word)
            raise ValueError(
                f"index {path} was built by release {state.get('release') or 'before 1.23'} of "
                f"the matcher, not {ALGORITHM_RELEASE}; it will be rebuilt"
            )
        index = cls(snapshot_id=state["snapshot_id"])
        index.__dict__.update(state)
        return index


_CACHED = frozenset({"key_tables", "record_plain", "word_info"})
"""The cached properties of :class:`NameIndex` (made from the columns, never stored)."""
