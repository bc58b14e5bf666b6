"""Class 9: a listed Latin name queried in Arabic script, as an Arabic-speaking clerk types it.

Listed "Abdul Latif SALEH" (no Arabic-script alias on the list) is screened as "عبد اللطيف
صالح". The Arabic spelling comes from this file only, never from the matcher's tables: a small
table of common Arabic name words (spelling families of one word share one Arabic form), the
article, ``bin``/``abu``/``abd al-`` compounds and ``-uddin`` endings, and for a person's
other words a plain consonant-and-long-vowel rendering. A name is used only when every word
renders and at least half of its words are table words (an organisation's must all be), so
the names are Arabic in origin. Noise a clerk makes: hamza dropped (أ/إ → ا), ta marbuta as ه,
final ى/ي exchanged, عبد ال glued (عبدالله).

The rule writes a Latin digraph as the one letter it stands for, never letter by letter (no
Arabic writer writes Haddadnezhad "حددنزحاد" or Jega "ججة"): "zh" is ژ (Persian names: -nezhad,
Zhaleh), "dzh" (Russian-style Dzhuma) ج, a letter doubled only within one letter ("shh" in
Mashhadani is ش then h), and a g in a word that also has a j is the foreign g غ, kept apart
from the word's ج. Known words a rule would mangle are in the table (Abdullahi, Saudi, Azhar);
"hayat", an organisation word (هيئة), is the name حياة in a person's name.
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib

from bench_variants import is_latin, natural

from clearance.model import Entity, Name, Schema

_WORDS: dict[str, tuple[str, ...]] = {
    "محمد": ("muhammad", "mohammed", "mohamed", "mohamad", "mohammad", "muhammed", "muhamad"),
    "أحمد": ("ahmad", "ahmed"), "محمود": ("mahmud", "mahmoud", "mahmood"), "علي": ("ali", "aly"),
    "مصطفى": ("mustafa", "mustapha", "moustafa"), "حسن": ("hasan", "hassan"),
    "حسين": ("husayn", "hussein", "husain", "hussain", "hossein", "husein", "houssein"),
    "يوسف": ("yusuf", "yousef", "youssef", "yousif", "yusef", "yousuf"),
    "إبراهيم": ("ibrahim", "ebrahim", "ibraheem"), "إسماعيل": ("ismail", "ismael", "ismaeel"),
    "إسحاق": ("ishaq", "ishak"), "خالد": ("khalid", "khaled"), "عمر": ("umar", "omar"),
    "عثمان": ("uthman", "osman", "othman", "usman"), "صالح": ("salih", "saleh"),
    "عبد الله": ("abdullah", "abdallah", "abdulla", "abdullahi"),
    "سعيد": ("said", "saeed", "saiid"),
    "سيد": ("sayyid", "sayed", "sayyed", "seyyed", "seyed"), "راشد": ("rashid",),
    "رشيد": ("rasheed",), "حامد": ("hamid",), "حميد": ("hameed",), "كريم": ("karim", "kareem"),
    "ماجد": ("majid", "majed"), "فهد": ("fahd", "fahad"), "فيصل": ("faisal", "faysal", "feisal"),
    "سليمان": ("sulaiman", "suleiman", "sulayman", "soliman", "suliman"),
    "موسى": ("musa", "moussa", "mousa"), "عيسى": ("isa", "issa", "eisa", "essa"),
    "يحيى": ("yahya", "yahia"), "زيد": ("zayd", "zaid", "zeid"), "عزيز": ("aziz", "azeez"),
    "عباس": ("abbas",), "ناصر": ("nasir", "nasser", "naser"), "نصر": ("nasr",),
    "جعفر": ("jafar", "jaafar", "jaffar"), "حمزة": ("hamza", "hamzah"), "حمد": ("hamad",),
    "حمدان": ("hamdan",), "خليل": ("khalil",), "جمال": ("jamal", "gamal"),
    "جميل": ("jamil", "jameel"), "عادل": ("adel", "adil"), "أمين": ("amin", "ameen"),
    "أنور": ("anwar",), "أيمن": ("ayman",), "بشير": ("bashir", "basheer"), "بكر": ("bakr",),
    "فضل": ("fadl",), "فاضل": ("fadil", "fadel"), "فوزي": ("fawzi", "fawzy"), "حبيب": ("habib",),
    "هادي": ("hadi",), "هاشم": ("hashim", "hashem"), "هيثم": ("haytham", "haitham"),
    "حسام": ("hussam", "husam", "hossam"), "عماد": ("imad", "emad"),
    "عصام": ("issam", "isam", "essam"), "جلال": ("jalal",), "كمال": ("kamal",),
    "كامل": ("kamil", "kamel"), "لطيف": ("latif", "lateef"), "منصور": ("mansur", "mansour"),
    "مروان": ("marwan",), "مازن": ("mazen", "mazin"), "محسن": ("muhsin", "mohsen"),
    "منير": ("munir", "mounir"), "مراد": ("murad", "mourad"), "نبيل": ("nabil", "nabeel"),
    "ناجي": ("naji",), "نزار": ("nizar",), "نور": ("nur", "noor", "nour"),
    "قاسم": ("qasim", "qassim", "qasem", "kassem", "kasim"), "رحمن": ("rahman",),
    "رحيم": ("rahim",), "رامي": ("rami",), "رياض": ("riyad", "riad"), "صادق": ("sadiq", "sadeq"),
    "سعد": ("saad",), "صلاح": ("salah",), "سالم": ("salem",), "سليم": ("salim", "saleem"),
    "سامي": ("sami", "samy"), "سمير": ("samir", "sameer"), "شريف": ("sharif", "sherif"),
    "طلال": ("talal",), "طارق": ("tariq", "tarek", "tareq"), "وليد": ("walid", "waleed"),
    "وائل": ("wael", "wail"), "ياسين": ("yasin", "yassin", "yassine"),
    "ياسر": ("yasir", "yasser", "yaser"), "زياد": ("ziad", "ziyad"), "رؤوف": ("rauf", "raouf"),
    "قادر": ("qadir", "kader"), "وهاب": ("wahab", "wahhab"), "غني": ("ghani",),
    "حكيم": ("hakim", "hakeem"), "جبار": ("jabbar",), "مالك": ("malik", "malek"),
    "رزاق": ("razzaq", "razaq"), "سلام": ("salam",), "ستار": ("sattar",), "واحد": ("wahid",),
    "دين": ("din", "deen"), "بشار": ("bashar",), "ماهر": ("maher", "mahir"),
    "حافظ": ("hafez", "hafiz"), "سيف": ("saif", "sayf", "seif"), "نوري": ("nuri", "nouri"),
    "قذافي": ("qadhafi", "gaddafi", "qaddafi"), "أسد": ("assad", "asad"), "عدل": ("adl",),
    "لادن": ("ladin", "laden"), "ظواهري": ("zawahiri",), "ثاني": ("thani",), "مهدي": ("mahdi",),
    "خليفة": ("khalifa",), "فاطمة": ("fatima", "fatimah"), "عائشة": ("aisha", "aysha"),
    "مريم": ("maryam", "mariam"), "زينب": ("zaynab", "zainab"), "علاء": ("ala", "alaa"),
    "شمس": ("shams",), "بدر": ("badr",), "زين": ("zain", "zayn"),
    "شيخ": ("shaykh", "sheikh", "shaikh"), "مصري": ("masri",), "تميمي": ("tamimi",),
    "بغدادي": ("baghdadi",), "عبده": ("abdo", "abdou"), "أسامة": ("usama", "osama"),
    "سلطان": ("sultan",), "عز": ("izz", "ezz"), "حاج": ("hajj", "haji"), "أمير": ("amir", "ameer"),
    "مسعود": ("masud", "masoud", "masood"), "جواد": ("jawad",), "وسيم": ("wasim", "waseem"),
    "تيسير": ("taysir", "tayseer"), "فرحات": ("farhat",), "عوض": ("awad", "awadh"),
    "سعدي": ("saadi",), "فتحي": ("fathi", "fathy"), "غازي": ("ghazi",), "حمدي": ("hamdi", "hamdy"),
    "هلال": ("hilal",), "كاظم": ("kazim", "kadhim", "kazem"), "مبارك": ("mubarak",),
    "مختار": ("mukhtar",), "رشاد": ("rashad",), "صبري": ("sabri",), "شرف": ("sharaf",),
    "شكري": ("shukri",), "توفيق": ("tawfiq", "tawfik", "toufik"), "عدي": ("uday", "udai"),
    "قصي": ("qusay", "qusai"), "زهير": ("zuhair", "zuhayr"), "حاتم": ("hatem", "hatim"),
    "غسان": ("ghassan",), "بلال": ("bilal",), "أنس": ("anas",), "عمار": ("ammar",),
    "مدني": ("madani",), "طه": ("taha",), "سعودي": ("saudi", "saoudi"),
    "أزهر": ("azhar",),
    "حسيني": ("husseini", "hosseini", "husayni"), "مولانا": ("maulana", "mawlana", "moulana"),
    "داود": ("dawood", "dawud", "daoud"),
    # organisation words
    "قاعدة": ("qaida", "qaeda"), "حزب الله": ("hizballah", "hezbollah", "hizbullah"),
    "جيش": ("jaysh", "jaish"), "أنصار": ("ansar",), "إسلام": ("islam",), "جهاد": ("jihad",),
    "جماعة": ("jamaat", "jamaah", "jamaa"), "كتائب": ("kataib",), "شباب": ("shabaab", "shabab"),
    "مجاهدين": ("mujahidin", "mujahideen"), "حرمين": ("haramain",), "أقصى": ("aqsa",),
    "قدس": ("quds",), "شام": ("sham",), "حركة": ("harakat", "haraka"), "دولة": ("dawla",),
    "جبهة": ("jabhat",), "نصرة": ("nusra", "nusrah"), "هيئة": ("hayat",), "تحرير": ("tahrir",),
    "بركات": ("barakaat", "barakat"), "وفاء": ("wafa",), "شركة": ("sharikat", "sharika"),
    "مؤسسة": ("muassasat", "muassasa"), "حماس": ("hamas",), "جمعية": ("jamiyat", "jamiat"),
    "خيرية": ("khayriya", "khairiya"), "مركز": ("markaz",), "تجارة": ("tijarat", "tijara"),
    "عصبة": ("asbat",), "أمة": ("ummah", "umma"),
}  # fmt: skip
_TABLE = {latin: arabic for arabic, forms in _WORDS.items() for latin in forms}
_PEOPLE = {"hayat": "حياة"}  # a person's name, not the organisation word (هيئة)
_LINKS = {"bin": "بن", "ben": "بن", "ibn": "ابن", "bint": "بنت", "abu": "أبو", "abou": "أبو",
          "umm": "أم", "abd": "عبد"}  # fmt: skip
_ARTICLES = {"al", "el"}  # alone or hyphenated; the sun-letter forms only hyphenated
_HYPHEN_ARTICLES = {"al", "el", "ul", "ad", "ud", "ed", "ar", "ur", "as", "us", "ash", "at",
                    "az", "an", "un"}  # fmt: skip
_ABD = re.compile(r"^abd(?:ul|el|al|ur|ar|us|as|un|an|ud|ad)(?=[a-z]{3})")
_ALLAH = re.compile(r"(?:allah|ullah|ollah)$")
_DIN = re.compile(r"(?:uddin|uddeen|eddine|eddin|addin|iddin)$")
_LONG = {"aa": "ا", "ee": "ي", "ii": "ي", "ei": "ي", "ai": "ي", "ay": "ي", "ey": "ي",
         "oo": "و", "uu": "و", "ou": "و", "aw": "و", "au": "و"}  # fmt: skip
_DIGRAPHS = {"dzh": "ج", "sh": "ش", "kh": "خ", "th": "ث", "dh": "ذ", "gh": "غ", "zh": "ژ"}
_CONSONANTS = dict(zip("bdfhjklmnqrstwyzg", "بدفحجكلمنقرستويزج", strict=True))


def _rule(word: str) -> str | None:
    """A word not in the table written by consonants and long vowels; None if un-Arabic."""
    if len(word) < 3 or re.search(r"[^a-z']|[pvxc]|[aeiou]{3}", word):
        return None
    out: list[str] = []
    i, single = 0, ""  # single: the last consonant written by one Latin letter
    while i < len(word):
        two, c = word[i : i + 2], word[i]
        digraph = next((d for d in (word[i : i + 3], two) if d in _DIGRAPHS), "")
        if digraph:
            out.append(_DIGRAPHS[digraph])
            i, single = i + len(digraph), ""
            continue
        if c == "'":
            out.append("ع")
            i, single = i + 1, ""
            continue
        if c in _CONSONANTS:
            if c != single:  # doubled: one letter (no shadda)
                out.append("غ" if c == "g" and "j" in word else _CONSONANTS[c])
            i, single = i + 1, c
            continue
        single = ""
        rest = word[i + 1 :]
        if i == 0:
            out.append("إ" if c in "ie" else "أ")
        elif two in _LONG and word[i + 2 : i + 3] not in tuple("aeiou"):
            out.append(_LONG[two])
            i, single = i + 1, two[1]  # (the w of "aww" is written once)
        elif rest == "h":  # a final -ah is ta marbuta, -eh (Persian) a silent h
            out.append("ة" if c == "a" else "ه")
            i += 1
        elif not rest:
            out.append("ة" if c == "a" else "ي" if c == "i" else "" if c == "e" else "و")
        elif c in "iuo" and not re.match(r"[^aeiou]{2}", rest):
            out.append("ي" if c == "i" else "و")
        elif c == "a" and len(rest) == 1 and len(word) >= 5:
            out.append("ا")
        i += 1
    return "".join(out)


def _word(spelt: str, people: bool) -> tuple[str, bool] | None:
    """(Arabic, from the table) for one Latin word without hyphens, or None."""
    word = spelt.replace("'", "")
    if people and word in _PEOPLE:
        return _PEOPLE[word], True
    if word in _TABLE:
        return _TABLE[word], True
    if _ABD.match(word):
        rest = _ABD.sub("", word)
        inner = _word(rest, people)
        return (f"عبد ال{inner[0]}", inner[1]) if inner else None
    for ending, arabic in ((_DIN, "الدين"), (_ALLAH, "الله")):
        if ending.search(word):
            base = ending.sub("", word)
            return (f"{_TABLE[base]} {arabic}", True) if base in _TABLE else None
    if word.startswith("al") and len(word) >= 6:  # the article glued: "Alhmidan"
        inner = _word(word[2:], people)
        return (f"ال{inner[0]}", inner[1]) if inner else None
    ruled = _rule(spelt) if people else None
    return (ruled, False) if ruled else None


def render(text: str, people: bool) -> tuple[str, int, int] | None:
    """The Arabic spelling of a Latin name, the number of its words and of table words."""
    plain = re.sub(r"[’‘`ʿ]", "'", text.lower().replace("ʾ", ""))  # ' is mostly an ain
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    if re.search(r"[^a-z' \-]", plain):
        return None
    out: list[str] = []
    article, words, known = False, 0, 0
    for token in plain.split():
        parts = [p.strip("'") for p in token.split("-") if p.strip("'")]
        for k, part in enumerate(parts):
            hyphened = k + 1 < len(parts)
            if part in _ARTICLES or (hyphened and part in _HYPHEN_ARTICLES):
                article = True
                continue
            if part in _LINKS:
                out.append(_LINKS[part])
                article = False
                continue
            if part in ("abdul", "abdel", "abdal", "abdur", "abdus"):
                out.append("عبد")
                article = True
                continue
            made = _word(part, people)
            if made is None:
                return None
            arabic, from_table = made
            out.append(("ال" if article else "") + arabic)
            article, words, known = False, words + 1, known + from_table
    if article or not out:
        return None
    return " ".join(out), words, known


def _noise(text: str, rng: random.Random) -> str:
    words = text.split()
    for i, word in enumerate(words):
        if word[0] in "أإ" and rng.random() < 0.35:
            word = "ا" + word[1:]
        elif word.startswith(("الأ", "الإ")):
            word = word if rng.random() < 0.6 else "الا" + word[3:]
        if word.endswith("ة") and rng.random() < 0.25:
            word = word[:-1] + "ه"
        elif word.endswith("ى") and rng.random() < 0.3:
            word = word[:-1] + "ي"
        elif word.endswith("ي") and len(word) > 2 and rng.random() < 0.1:
            word = word[:-1] + "ى"
        words[i] = word
    joined = " ".join(words)
    return joined.replace("عبد ال", "عبدال") if rng.random() < 0.3 else joined


def _arabic_script(name: Name) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or c >= "\ufb50"
               for c in name.full if c.isalpha())  # fmt: skip


def c_arabic_script_query(entity: Entity, rng: random.Random) -> tuple[str, str] | None:
    """A person's (or an organisation's) Latin name of Arabic origin written in Arabic script,
    for an entity with no Arabic-script name on the list ("عبد اللطيف صالح" for Abdul Latif
    SALEH). The note says whether every word came from the table or some by rule."""
    if entity.schema not in (Schema.PERSON, Schema.ORGANIZATION):
        return None
    if any(_arabic_script(n) for n in entity.names):
        return None
    people = entity.schema is Schema.PERSON
    names = [n for n in entity.names if not n.weak and is_latin(n.full)]
    if not names:
        return None
    if rng.random() >= 0.7:
        rng.shuffle(names)
    for name in names:
        made = render(natural(entity, name), people)
        if made is None:
            continue
        text, words, known = made
        if known * 2 >= words if people else known == words:
            spelt, hand = _hand(_noise(text, rng))
            return spelt, ("table" if known == words else "rule") + hand
    return None


# Persian and Urdu hands (h133): Persian writes yeh ی, kaf ک and ta marbuta as heh; Urdu
# besides heh as heh goal ہ in every place ("ابراہیم", "اللہ"). Chosen by a checksum of the
# text (not the generator's random stream: the other cases stay as they were), about one
# case in six each; the note says which ("rule/urdu").
_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا"})
_URDU = str.maketrans({"ه": "ہ"})


def _hand(text: str) -> tuple[str, str]:
    """``text`` in an Arabic, Persian or Urdu hand, and the note's suffix."""
    pick = zlib.crc32(text.encode()) % 6
    if pick == 0:
        return text.translate(_PERSIAN), "/persian"
    if pick == 1:
        return text.translate(_PERSIAN).translate(_URDU), "/urdu"
    return text, ""
