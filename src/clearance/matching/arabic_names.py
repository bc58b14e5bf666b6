"""Dictionary romanisation of common Arabic and Persian name words.

ICU romanises unvowelled Arabic script letter by letter, without the vowels ("محمد علي" ->
"mhmd ly"), so an Arabic-script query meets a Latin listed name only through its consonant
skeleton. Most names on sanctions lists are built from a few hundred words, though, and for
those the usual romanisation is known: this module writes them the way the lists do
("muhammad ali", "abd al-rahman", "usama bin ladn") and leaves the other words to ICU.

Pure functions and a static table; nothing here imports from the rest of the matcher.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

# Arabic/Persian spelling, then romanisation; several pairs to a line. Values follow the
# spellings sanctions lists use most (and the canonical spelling of the matcher's name
# families: "husayn", "usama", "uthman"); Persian-only words get Persian spellings.
_ENTRIES = """
محمد muhammad  أحمد ahmad  محمود mahmud  حامد hamid  حميد hamid  محسن muhsin  حمد hamad
علي ali  عمر umar  عمرو amr  عثمان uthman  حسن hasan  حسين husayn  حسني husni  خالد khalid
مصطفى mustafa  إبراهيم ibrahim  يوسف yusuf  إسماعيل ismail  سعيد said  سعد saad  صالح salih
سليمان sulayman  عبد abd  عبده abdu  الله allah  عبدالله abdullah  رحمن rahman  رحمان rahman
رحيم rahim  عزيز aziz  كريم karim  قادر qadir  رزاق razzaq  مجيد majid  ماجد majid
ناصر nasir  نصر nasr  فيصل faisal  طارق tariq  منصور mansur  مالك malik  ملك malik
أسامة usama  بن bin  ابن ibn  أبو abu  أم umm  بنت bint  آل al  نور nur  وليد walid
ياسر yasir  يحيى yahya  موسى musa  عيسى isa  جعفر jafar  حمزة hamza  عباس abbas
مهدي mahdi  رضا reza  جواد javad  قاسم qasim  أمين amin  سيف sayf  زيد zayd  بشير bashir
بشار bashar  صدام saddam  هشام hisham  عماد imad  شريف sharif  فهد fahd  بكر bakr
رشيد rashid  راشد rashid  جمال jamal  كمال kamal  عادل adil  طاهر tahir  ظاهر zahir
حبيب habib  حافظ hafiz  حفيظ hafiz  نبيل nabil  سامي sami  مروان marwan  أنس anas
عمار ammar  غلام ghulam  حسام husam  عصام isam  أيمن ayman  زكي zaki  شاه shah
حكيم hakim  حليم halim  جليل jalil  جبار jabbar  ستار sattar  غفار ghaffar  غفور ghafur
وهاب wahhab  باسط basit  باقي baqi  واحد wahid  وحيد wahid  هادي hadi  لطيف latif
سلام salam  منعم munim  رؤوف rauf  عليم alim  حق haq  خالق khaliq  صمد samad  قيوم qayyum
غني ghani  فتاح fattah  قهار qahhar  كبير kabir  معين muin  ودود wadud  شكور shakur
سبحان subhan  تواب tawwab  ولي wali  قدوس quddus  نافع nafi  بصير basir  وكيل wakil
مطلب muttalib  دين din  إسلام islam  أسعد asad  أسد asad  بلال bilal  جابر jabir
جلال jalal  حارث harith  حمدان hamdan  خليل khalil  خليفة khalifa  رامي rami  رياض riyad
زياد ziyad  زهير zuhayr  سالم salim  سليم salim  سلمان salman  سمير samir  شادي shadi
شكري shukri  صابر sabir  صبري sabri  صلاح salah  ضياء zia  طلال talal  عاطف atif
عارف arif  عامر amir  أمير amir  عبيد ubayd  عدنان adnan  عرفات arafat  عزام azzam
عزت izzat  عقيل aqil  علاء ala  عمران imran  عوض awad  غازي ghazi  غسان ghassan  فؤاد fuad
فارس faris  فاروق faruq  فتحي fathi  فراس firas  فريد farid  فضل fadl  فواز fawwaz
قيس qays  كامل kamil  كاظم kazim  لؤي luay  مازن mazin  ماهر mahir  مبارك mubarak
مجدي majdi  مراد murad  مرتضى murtaza  مصعب musab  معاذ muadh  معتز mutazz  منير munir
مهند muhannad  موفق muwaffaq  مؤمن mumin  ناجي naji  نادر nadir  نايف nayif  نزار nizar
نعمان numan  نعيم naim  هاني hani  هيثم haytham  وائل wail  وسيم wasim  ياسين yasin
يعقوب yaqub  يونس yunus  إدريس idris  إسحاق ishaq  إلياس ilyas  أنور anwar  أكرم akram
أشرف ashraf  أيوب ayyub  بدر badr  توفيق tawfiq  ثامر thamir  جميل jamil  حاتم hatim
حازم hazim  حمدي hamdi  خضر khidr  داود dawud  رائد raid  ربيع rabi  رفيق rafiq
رمضان ramadan  زكريا zakariya  سراج siraj  سفيان sufyan  شاكر shakir  شعيب shuayb
صادق sadiq  صديق siddiq  طه taha  عاصم asim  عبيدة ubayda  علوي alawi  عيد eid  فرج faraj
قصي qusay  لقمان luqman  مختار mukhtar  مسعود masud  معمر muammar  مقتدى muqtada
منذر mundhir  نجيب najib  نضال nidal  نوري nuri  هارون harun  هلال hilal  يزيد yazid
حيدر haydar  أكبر akbar  أصغر asghar  رحمت rahmat  نعمت nimat  هدايت hidayat  حشمت hishmat
حكمت hikmat  عنايت inayat  أمان aman  ثناء sana  ذبيح zabih  شير sher  دوست dost
نظر nazar  مجتبى mujtaba  سجاد sajjad  حجت hujjat  قربان qurban  روح ruh  يد yad
فاطمة fatima  زينب zaynab  مريم maryam  عائشة aisha  خديجة khadija  آمنة amina
أمينة amina  سارة sara  ليلى layla  نادية nadia  هدى huda  سميرة samira  رقية ruqayya
أسماء asma  حفصة hafsa  سمية sumayya  نوال nawal  سعاد suad
شيخ sheikh  حاج haji  حاجي haji  حجي haji  ملا mullah  مولوي mawlawi  مولانا mawlana
قاري qari  سيد sayyid  مير mir  آغا agha  آقا agha  بيگ beg  خان khan  گل gul  جان jan
زاده zada  بهرام bahram  پرويز parviz  فرهاد farhad  کامران kamran
جمشيد jamshid  رستم rustam  شاهين shahin  داريوش dariush  منوچهر manuchehr  بهروز behruz
احسان ehsan
محمدي muhammadi  أحمدي ahmadi  حسيني husayni  موسوي musavi  رضائي rezai  رضايي rezai
كريمي karimi  رحيمي rahimi  حيدري haydari  صادقي sadiqi  قاسمي qasimi  جليلي jalili
عليرضا alireza  إسكندر iskandar  سلطان sultan  ظفر zafar  طيب tayyib
قطب qutb  ضيف dayf  عز izz  سعود saud  بغدادي baghdadi  مصري masri  تميمي tamimi
"""

# "X الله" (or "Xالله") as lists write it: "Najibullah", "Nasrallah". The default is value
# + "ullah"; these are the exceptions.
_ALLAH_COMPOUNDS = {"nasr": "nasrallah", "fadl": "fadlallah", "abd": "abdullah"}

# Prefixes written joined to the next word: "عبدالرحمن", "ابوبكر".
_JOINED_PREFIXES = ("عبد", "ابو")
_ARTICLE = "ال"
_ALLAH = "الله"
_DIN = "الدين"

_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ة": "ه",
        "ـ": None,
        "ہ": "ه",
        "ۃ": "ه",
        "ے": "ي",
        "ۓ": "ئ",
    }  # (Urdu's heh, ta marbuta and yeh: see normalize)
)


def normalise_arabic(text: str) -> str:
    """``text`` as the matcher writes native Arabic: NFKC, letters, digits and spaces only,
    hamza-alef forms as alef, alef maqsura/Persian yeh as yeh, keheh as kaf, ta marbuta as
    heh (and no tatweel)."""
    norm = unicodedata.normalize("NFKC", text)
    norm = "".join(c for c in norm if unicodedata.category(c)[0] in "LN" or c.isspace())
    return norm.translate(_LETTERS)


def _parse(entries: str) -> list[tuple[str, str]]:
    words = entries.split()
    if len(words) % 2:
        raise ValueError("arabic_names: odd number of words in the table")
    return [(normalise_arabic(words[i]), words[i + 1]) for i in range(0, len(words), 2)]


ENTRIES: tuple[tuple[str, str], ...] = tuple(_parse(_ENTRIES))
NAME_WORDS: dict[str, str] = dict(ENTRIES)


def _with_allah(value: str) -> str:
    return _ALLAH_COMPOUNDS.get(value, value + "ullah")


@cache
def lookup(word: str) -> str | None:
    """The romanisation of one normalised name word, or None when it is not a known word
    (or a known word with the article, a joined ``عبد``/``ابو`` prefix or ``الله`` suffix)."""
    if not word:
        return None
    found = NAME_WORDS.get(word)
    if found is not None:
        return found
    if word.startswith(_ARTICLE) and len(word) > 3:
        rest = NAME_WORDS.get(word[2:])
        if rest is not None:
            return "al-" + rest
    for prefix in _JOINED_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            rest = lookup(word[len(prefix) :])
            if rest is not None:
                return f"{NAME_WORDS[prefix]} {rest}"
    if word.endswith(_ALLAH) and len(word) > 5:
        head = NAME_WORDS.get(word[:-4])
        if head is not None:
            return _with_allah(head)
    if word.endswith(_DIN) and len(word) > 6:  # "نورالدين" -> "nur al-din"
        head = NAME_WORDS.get(word[:-5])
        if head is not None:
            return head + " al-din"
    return None


def _split(text: str) -> list[str]:
    """Words of ``text``: punctuation, symbols and spaces separate them (harakat and the
    zero-width non-joiner of Persian compounds do not)."""
    cleaned = "".join(" " if unicodedata.category(c)[0] in "PSZ" else c for c in text)
    return cleaned.split()


def romanise_arabic_names(text: str, icu: Callable[[str], str] | None = None) -> str | None:
    """A Latin rendering of Arabic-script ``text`` in which every known name word has its
    usual romanisation and every other word ICU's (``icu``, by default the matcher's
    Any-Latin rule); None when no word of ``text`` is a known name word."""
    if icu is None:
        from clearance.matching.scripts import romanise_mixed

        icu = romanise_mixed
    words = _split(text)
    norms = [normalise_arabic(w) for w in words]
    out: list[str] = []
    known = False
    i = 0
    while i < len(words):
        value = lookup(norms[i])
        if value is not None and i + 1 < len(words) and norms[i + 1] == _ALLAH:
            out.append(_with_allah(value))  # "عبد الله" -> "abdullah"
            known = True
            i += 2
            continue
        if value is None:
            out.append(icu(words[i]))
        else:
            out.append(value)
            known = True
        i += 1
    return " ".join(w for w in out if w) if known else None


_LONG_VOWELS = frozenset("اويىیآأإ")


def all_vowelled(words: tuple[str, ...]) -> bool:
    """Does every word of a (native) Arabic-script name give its vowels, from the name-word
    table or from a long vowel written in it ("اسما" is asma)? A match on consonants alone
    then says less than the spelled romanisation does."""
    return bool(words) and all(
        lookup(normalise_arabic(w)) is not None or any(c in _LONG_VOWELS for c in w) for w in words
    )
