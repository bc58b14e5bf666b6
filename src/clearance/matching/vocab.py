"""Word lists the matcher relies on: legal forms, low-information words, name families.

All entries are in the folded form produced by :func:`clearance.matching.normalize.fold`
(lower-case ASCII, punctuation removed, words separated by single spaces).
"""

from __future__ import annotations

# Legal forms as equivalence classes across languages and scripts (after romanisation).
# A legal form never makes a match by itself; it is split off the name and compared apart.
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "llc", "l l c", "limited liability company", "limited liability co", "ooo", "o o o",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "obshchestvo s ogranichennoi otvetstvennostiu",
        "obschestvo s ogranichennoy otvetstvennostyu", "tov", "t o v",
        "tovarystvo z obmezhenoyu vidpovidalnistyu", "tovaristvo z obmezenou vidpovidalnistu",
        "obsestvo s ogranicennoj otvetstvennostu", "tovarystvo z obmezhenoiu vidpovidalnistiu",
        "mchj", "mmc", "ltd liability co", "sp z o o", "spolka z ograniczona odpowiedzialnoscia",
        "kft", "doo", "d o o", "srl", "s r l", "sarl", "s a r l", "sl", "s l", "limitada", "ltda",
        "s de r l", "s de rl", "tic ltd sti", "ltd sti", "eood", "ood",
        "you xian ze ren gong si", "youxian zeren gongsi",  # 有限责任公司 (pinyin)
        "cong ty tnhh", "cong ty trach nhiem huu han", "tnhh",  # Vietnamese (since 1.22)
        # (h200) Spanish, Italian, French and German spelt out; Japanese godo kaisha; Persian
        # "with limited liability"
        "sociedad limitada", "sociedad de responsabilidad limitada",
        "sociedad responsabilidad limitada",  # (the merge: its "de" dropped)
        "societa a responsabilita limitata", "societe a responsabilite limitee", "eurl",
        "entreprise unipersonnelle a responsabilite limitee", "godo kaisha", "godo gaisha",
        "ba masouliat e mahdoud", "ba masouliat mahdoud", "ba masuliat e mahdud",
        "ba masuliyat e mahdud",
    ),
    "llp": (
        "llp", "l l p", "limited liability partnership", "too", "t o o",
        "tovarishchestvo s ogranichennoy otvetstvennostyu",
        "tovarisestvo s ogranicennoj otvetstvennostu", "lp", "limited partnership",
        "s en c s", "s en c",
    ),
    "jsc": (
        "jsc", "j s c", "joint stock company", "ao", "a o", "oao", "zao", "pao", "ojsc", "cjsc",
        "pjsc", "open joint stock company", "closed joint stock company",
        "public joint stock company", "aktsionernoe obshchestvo", "aktsionernoye obshchestvo",
        "otkrytoe aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo",
        "publichnoe aktsionernoe obshchestvo", "akcionernoe obsestvo",
        "publicnoe akcionernoe obsestvo", "otkrytoe akcionernoe obsestvo",
        "zakrytoe akcionernoe obsestvo", "aktsionerne tovarystvo",
        "publichne aktsionerne tovarystvo", "pryvatne aktsionerne tovarystvo", "pat", "prat",
        "at", "jsco", "ad", "a d", "as", "a s",
        "gu fen you xian gong si", "gufen youxian gongsi",  # 股份有限公司 (pinyin)
        "cong ty co phan", "ctcp",  # Vietnamese (since 1.22)
        "anonim sirketi",  # Turkish (h192; ISO 20275 has it only with its s-cedilla)
        # (h200) Japanese and Korean stock companies, Persian private and public joint stock
        # companies (sahami khass / aam, with or without the ezafe)
        "kabushiki kaisha", "kabushiki gaisha", "kabushikigaisha", "k k", "kk",
        "chusik hoesa", "jusik hoesa", "chusikhoesa", "jusikhoesa", "sahami khass",
        "sahami khas", "sahami ye khass", "sahami ye khas", "sahami aam", "sahami am",
        "sahami ye aam", "sahami ye am",
    ),
    "sro": (
        "sro", "s r o", "spol s r o", "spolecnost s rucenim omezenym",
        "spolocnost s rucenim obmedzenym",
    ),
    "ltd": (
        "ltd", "limited", "co ltd", "company limited", "pvt ltd", "private limited", "pte ltd",
        "pte", "pty ltd", "pty", "private limited company",
        "you xian gong si", "youxian gongsi",  # 有限公司 (pinyin, a word a syllable or not)
        # (h200) Indonesian perseroan terbatas (before the name), "Tbk" (terbuka: listed)
        "pt", "p t", "perseroan terbatas", "tbk", "pt tbk", "yugen kaisha",
    ),
    "gmbh": (
        "gmbh", "gesellschaft mit beschrankter haftung", "mbh", "ug", "gmbh co kg",
        "gesmbh", "ges mbh", "ges m b h",  # Austrian (since 1.30: "Ges.m.b.H.")
        "gesellschaft mbh",  # (h200)
    ),
    "ag": (
        "ag", "aktiengesellschaft", "kg", "kgaa",
    ),
    "sa": (
        "sa", "s a", "sociedad anonima", "societe anonyme", "sa de cv", "s a de c v", "sas",
        "s a s", "sae", "spa", "s p a", "societa per azioni", "sociedade anonima",
        # (h200) Mexican and Venezuelan forms spelt out
        "sociedad anonima de capital variable", "compania anonima",
        # (the lead, at the merge) half spelt out: "S.A. de Capital Variable", "Sociedad Anonima
        # de C.V." (a listed "X, SOCIEDAD ANONIMA DE CAPITAL VARIABLE" read as "X" left the
        # query's "capital variable" as words)
        "sa de capital variable", "s a de capital variable", "sociedad anonima de cv",
        "sociedad anonima de c v", "sociedad anonima capital variable",  # (its "de" dropped)
        "sa capital variable", "s a capital variable",
    ),
    "inc": (
        "inc", "incorporated", "corp", "corporation", "co", "company", "cia", "compania",
        "societe",  # (h200: French "Société X SARL")
    ),
    "plc": (
        "plc", "public limited company",
    ),
    "bv": (
        "bv", "b v", "nv", "n v", "besloten vennootschap", "naamloze vennootschap",
    ),
    "fze": (
        "fze", "fzco", "fzc", "fz llc", "fze llc", "dmcc", "free zone establishment",
        "free zone company",
    ),
    "ip": (
        "ip", "individual entrepreneur", "individualnyy predprinimatel",
    ),
}  # fmt: skip

# Abbreviations expanded before comparing ("Corp." = "Corporation"), so that typos in the long
# word still compare letter by letter.
ABBREVIATIONS: dict[str, str] = {
    "corp": "corporation", "co": "company", "cos": "companies", "ltd": "limited",
    "inc": "incorporated", "intl": "international", "grp": "group", "svcs": "services",
    "srvces": "services", "srvcs": "services", "svc": "service", "mfg": "manufacturing",
    "natl": "national", "assn": "association", "bros": "brothers", "dept": "department",
    "inds": "industries", "indus": "industries", "pvt": "private", "st": "saint",
    "hldgs": "holdings", "hldg": "holding", "mgmt": "management", "trdg": "trading",
    "engg": "engineering", "shpg": "shipping", "organisation": "organization",
    "centre": "center", "univ": "university",
    # (h165: as payments and registries abbreviate business words; no table in rigour or
    # followthemoney has them. Not "eng", "gen", "ent", "petr": a name's or a title's too; not
    # "dev", "ind", "inst", "tech", "chem": with them a held-out hit of bench_heldout was lost)
    "devt": "development", "indl": "industrial", "genl": "general", "coml": "commercial",
    "comml": "commercial", "invt": "investment", "invts": "investments",
    "invst": "investments", "mgt": "management", "constr": "construction",
    "eqpt": "equipment", "chems": "chemicals", "techs": "technologies",
}  # fmt: skip

# Titles and honorifics dropped from the start of names ("President Putin", "Президент Путин").
TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms miss dr prof president presidente prezident praesident prasident presiden
    predsjednik presedintele prezydent presidentti sir excellency
    sheikh shaykh haji hajji mullah mawlawi maulvi
    """.split()  # noqa: SIM905
)


def _canonical(phrase: str) -> tuple[str, ...]:
    return tuple(ABBREVIATIONS.get(w, w) for w in phrase.split())


# Phrase (as a tuple of canonical words) -> legal form class.
LEGAL_FORM_PHRASES: dict[tuple[str, ...], str] = {
    _canonical(phrase): cls for cls, phrases in LEGAL_FORMS.items() for phrase in phrases
}
MAX_FORM_WORDS = max(len(p) for p in LEGAL_FORM_PHRASES)

# Legal-form words that name nothing else, so a form is recognised inside a name too
# ("FOREIGN OOO SLAVKALI" = "FOREIGN LIMITED LIABILITY COMPANY SLAVKALI"), not just at its
# edges; an ambiguous word ("co", "sa", "at", "limited") counts only at an edge.
_DISTINCTIVE_FORM_WORDS = frozenset(
    "llc ooo jsc ojsc cjsc pjsc oao zao pao llp gmbh fze fzco sro plc mchj".split()  # noqa: SIM905
)


def interior_form(phrase: tuple[str, ...]) -> bool:
    """May ``phrase`` (a legal-form phrase) be split off from inside a name?"""
    if len(phrase) == 1:
        return phrase[0] in _DISTINCTIVE_FORM_WORDS
    return sum(len(w) >= 4 for w in phrase) >= 2


# Words that carry little identifying information in organisation names. They still count,
# at a low weight, but never drive a match on their own.
LOW_INFO_WORDS: frozenset[str] = frozenset(
    """
    the and of for de la le les el al del der die das und di da do dos das e y et en company
    companies group groups holding holdings trading trade traders international intl bank
    banking industries industry industrial enterprise enterprises services service general
    global national co corp investment investments import export exports imports development
    management consulting logistics shipping technology technologies tech systems solutions
    partners association foundation center centre institute organization organisation
    ministry state federal limited commercial petroleum oil gas energy construction
    engineering equipment products production manufacturing factory plant agency office fund
    trust finance financial capital resources mining companies brothers department
    communications private university establishment otkrytoe otkrytoye zakrytoe zakrytoye
    publichnoe publichnoye open closed public
    worldwide
    """.split()  # noqa: SIM905
)

# Given-name particles and honorifics that are weak evidence in person names.
PERSON_PARTICLES: frozenset[str] = frozenset(
    """
    al el ul bin ben ibn bint abu abou abdul van von der den de da di du la le mr mrs ms dr haji
    hajji sheikh shaykh mullah mawlawi maulvi
    """.split()  # noqa: SIM905
)

# Spelling families of very common given names -> a shared canonical key.
NAME_FAMILIES: dict[str, tuple[str, ...]] = {
    "muhammad": ("mohammed", "mohammad", "mohamed", "mohamad", "muhammed", "muhamad",
                 "mohamud", "mohammod", "mahomed", "muhamed", "mohd", "mhd", "mehmet", "mehmed",
                 "muhammet", "mukhammad", "mukhammed", "magomed"),
    "ahmad": ("ahmed", "ahmet", "akhmad", "akhmed", "ahmat"),
    "mahmud": ("mahmoud", "mahmood", "makhmud"),
    "husayn": ("hussein", "hussain", "husain", "hosein", "hossein", "husein", "huseyin",
               "gusein", "huseen"),
    "hasan": ("hassan", "hasann", "gasan"),
    "abdullah": ("abdallah", "abdulla", "abdula", "abdollah"),
    "yusuf": ("yousef", "youssef", "yousif", "yusef", "yousuf", "jusuf", "yusup"),
    "ibrahim": ("ebrahim", "ibragim", "ebrahem", "brahim"),
    "mustafa": ("mostafa", "mustapha", "moustafa"),
    "usama": ("osama", "usamah", "osamah"),
    "umar": ("omar", "omer", "umer"),
    "uthman": ("othman", "osman", "usman", "usmon", "othmane"),
    "khalid": ("khaled", "halid", "khaleed"),
    "said": ("saeed", "sayed", "sayyid", "sayeed", "seyed", "seyyed", "sayid", "syed"),
    "abu": ("abou", "abo"),
    "ali": ("aly", "alee", "aliy"),
    "nur": ("noor", "nour", "nuur"),
    "jafar": ("jaafar", "jafer", "djafar"),
    "faisal": ("faysal", "feisal", "faycal"),
    "sulaiman": ("suleiman", "sulayman", "soliman", "suleyman", "sulejman"),
    "ismail": ("ismael", "esmail", "ismayil"),
    "musa": ("moussa", "mousa", "mussa"),
    "yahya": ("yahia", "yehia", "yahiya"),
    "zayd": ("zaid", "zeid"),
    "salih": ("saleh",),
    "rashid": ("rasheed", "rachid"),
    "hamid": ("hameed", "hamed"),
    "karim": ("kareem", "kerim"),
    "majid": ("majeed", "madjid"),
    "bin": ("ben", "ibn", "bn"),
    "abdul": ("abdel", "abdal", "abdol", "abdoul", "abdu", "abd"),
    "yuri": ("yury", "yuriy", "iouri", "jurij", "juri", "yurii", "iurii", "iurij", "youri",
             "iourii"),
    "yulia": ("yuliya", "iuliia", "iulia", "julia", "youlia", "juliya"),
    "ekaterina": ("yekaterina", "jekaterina", "iekaterina"),
    "vyacheslav": ("viacheslav", "wjatscheslaw", "viatcheslav", "vjaceslav"),
    "sergei": ("sergey", "serguei", "sergej", "sergiy", "serhiy", "serhii"),
    "aleksandr": ("alexander", "aleksander", "alexandr", "oleksandr", "alexandre", "alexandro"),
    "aleksei": ("alexei", "aleksey", "alexey", "oleksii", "oleksiy", "alexej"),
    "dmitri": ("dmitry", "dmitriy", "dmytro", "dimitri", "dmitrii"),
    "evgeni": ("evgeny", "yevgeny", "yevgeniy", "evgenii", "yevhen", "evgeniy", "eugene"),
    "mikhail": ("michael", "mykhailo", "mikhael", "michail"),
    "nikolai": ("nikolay", "mykola", "nicolai", "nikolaj"),
    "andrei": ("andrey", "andriy", "andrii", "andrej"),
    "vladimir": ("volodymyr", "wladimir", "vladimyr"),
    "jong": ("chong", "jeong", "cheong"),
}  # fmt: skip

NAME_FAMILY_OF: dict[str, str] = {
    variant: canon for canon, variants in NAME_FAMILIES.items() for variant in (canon, *variants)
}

PATRONYMIC_ENDINGS: tuple[str, ...] = (
    "ovich", "evich", "ovna", "evna", "yevich", "ievich", "ichna", "ogly", "oglu", "uly", "kyzy",
    "qizi", "ovych", "ivna",
)  # fmt: skip


def is_patronymic(token: str) -> bool:
    """(no memo: :class:`~clearance.matching.weights.WordTable` keeps the answers, and a
    memo's call from compiled code costs more than the test)"""
    return len(token) > 6 and token.endswith(PATRONYMIC_ENDINGS)


# Places a query may name after the party ("Verus LLC, Moscow, Russia"): cities that trade
# and sanctions lists name often (countries come from clearance.countries), and the words that
# qualify a place ("Albania Branch", "Branch Office in Dubai", "resident of Tehran").
CITIES: frozenset[str] = frozenset(
    """
    moscow moskva st petersburg saint sankt peterburg novosibirsk yekaterinburg ekaterinburg
    kazan sochi vladivostok kaliningrad rostov don samara omsk ufa minsk kyiv kiev kharkiv
    odesa odessa lviv dnipro donetsk luhansk simferopol sevastopol grozny makhachkala almaty
    astana nur sultan tashkent bishkek dushanbe ashgabat baku yerevan tbilisi chisinau riga
    vilnius tallinn warsaw prague bratislava budapest vienna bucharest sofia belgrade zagreb
    ljubljana sarajevo tirana skopje podgorica athens nicosia limassol larnaca istanbul ankara
    izmir mersin tehran teheran mashhad isfahan tabriz shiraz qom bandar abbas kish damascus
    aleppo latakia homs beirut baghdad basra erbil mosul amman jerusalem gaza cairo alexandria
    tripoli benghazi tunis algiers rabat casablanca khartoum juba addis ababa asmara mogadishu
    nairobi kampala kinshasa bangui bamako niamey dakar lagos abuja kabul kandahar herat
    islamabad karachi lahore peshawar quetta delhi mumbai dhaka colombo kathmandu yangon
    rangoon naypyidaw bangkok hanoi saigon phnom penh vientiane kuala lumpur singapore jakarta
    manila pyongyang nampo sinuiju seoul beijing peking shanghai shenzhen guangzhou hong kong
    kowloon macau macao dalian tianjin harbin dandong xiamen taipei tokyo osaka vladivostok
    dubai abu dhabi sharjah ajman fujairah doha manama kuwait muscat riyadh jeddah sanaa aden
    london paris berlin hamburg frankfurt munich rome milan madrid barcelona lisbon amsterdam
    rotterdam brussels antwerp luxembourg geneva zurich lugano stockholm oslo copenhagen
    helsinki dublin new york miami houston los angeles panama caracas havana managua bogota
    lima quito la paz buenos aires santiago montevideo asuncion mexico toronto montreal
    """.split()  # noqa: SIM905
)
PLACE_QUALIFIERS: frozenset[str] = frozenset(
    """
    branch office representative regional head main city region oblast province district
    republic federation state of the in resident citizen national based registered
    """.split()  # noqa: SIM905
)

# Words of a parenthesised qualifier besides places (``normalize.is_qualifier``): regions, "off
# shore", "free zone", "private", "location only"
QUALIFIER_WORDS: frozenset[str] = frozenset(
    """
    asia asian europe european africa african america americas latin middle east far near
    west north south east central eastern western northern southern pacific atlantic
    caribbean nordic scandinavia balkans caucasus levant maghreb arabia gulf overseas
    offshore off shore ftz free zone zona libre pvt pte pty private location only
    """.split()  # noqa: SIM905
)

# Pinyin syllables without tones (for telling a Chinese name written in Latin letters).
PINYIN_SYLLABLES: frozenset[str] = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong
    bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong
    chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai
    dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun
    duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei
    gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng
    hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing
    jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
    kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin
    ling liu lo long lou lu luan lue lun luo m ma mai man mang mao me mei men meng mi mian
    miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian
    niang niao nie nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei
    pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong
    qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai
    san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua
    shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
    tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng
    wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao
    ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai
    zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun
    zhuo zi zong zou zu zuan zui zun zuo
    """.split()  # noqa: SIM905
)

# Wade-Giles spellings of the pinyin syllables that pinyin does not spell alike (pypinyin's
# Wade-Giles table without apostrophes and with u for ü: "hsueh" 学, "shih" 石, "tzu" 子):
# how many listed Chinese names are written ("CHEN, Shih Huan", "WEI, Hsueh Ying").
WADE_GILES_SYLLABLES: frozenset[str] = frozenset(
    """
    chei chia chiang chiao chieh chien chih chin ching chiu chiung cho chueh chung erh ho hsi
    hsia hsiang hsiao hsieh hsien hsin hsing hsiu hsiung hsu hsuan hsueh hsun hung i jan jang
    jao je jen jeng jih jo jou jua jui jung ko kuei kung lieh lien lueh lung mieh mien nieh nien
    no nueh nung piang pieh pien pung sei shih sho so ssu sung ten tia tieh tien tin tiu to tsa
    tsai tsan tsang tsao tse tsei tsen tseng tso tsou tsu tsuan tsui tsun tsung tung tzu wung
    yeh yen yueh yung
    """.split()  # noqa: SIM905
)


def vowel_onset(syllable: str) -> bool:
    """A romanised Korean or Chinese syllable that starts with a vowel or the glide y/w (no
    initial consonant: "yong" is 영, "jong" 종 and "myong" 명 in every romanisation)."""
    return syllable[:1] in _VOWEL_ONSETS


_VOWEL_ONSETS = frozenset("aeiouwy")


def other_nasal(one: str, other: str) -> bool:
    """Two romanised syllables that differ only in the final -n / -ng ("chen" 陈 / "cheng" 成,
    "jin" 진 / "jing" 징): another character in every romanisation, not a spelling of it."""
    if len(one) > len(other):
        one, other = other, one
    return one.endswith("n") and other == one + "g"


def other_onset(one: str, other: str) -> bool:
    """Two romanised syllables that both start with a consonant no romanisation writes for
    the other ("myong" 명 / "pyong" 평, "kyong" 경 / "myong"): another character. Spellings
    of one consonant are kept together (k/g, p/b, t/d, r/l/n, and ch/j/zh/q/x/s/ts/hs for the
    affricates and sibilants of pinyin, Wade-Giles and the Korean systems; pinyin r is
    Wade-Giles j)."""
    a, b = _onset_class(one), _onset_class(other)
    return a != b and "" not in (a, b) and {one[:1], other[:1]} != {"r", "j"}


def _onset_class(syllable: str) -> str:
    """The class of a syllable's initial consonant ("" for a vowel or y/w onset)."""
    first = syllable[:1]
    if first in _VOWEL_ONSETS:
        return ""
    if syllable[:2] in ("hs", "ts", "tz", "tc"):
        return "s"
    return _ONSET_CLASSES.get(first, first)


_ONSET_CLASSES = {"g": "k", "b": "p", "d": "t", "r": "l", "n": "l", "c": "s", "j": "s",
                  "z": "s", "q": "s", "x": "s"}  # fmt: skip
