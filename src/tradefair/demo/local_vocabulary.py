"""Words the demo builds an ASEAN company's name from in the company's own language and script.

``vocabulary.py`` names every organisation in English and Chinese; a company from Viet Nam,
Thailand, Indonesia, Malaysia, Brunei, Cambodia, Laos or Myanmar also gets the name it registers
at home, e.g. "Minh Phat Agricultural Products JSC" → "Công ty Cổ phần Nông sản Minh Phát",
"Rattana Charoen Agricultural Products Co., Ltd." → "บริษัท รัตนาเจริญ ผลิตภัณฑ์การเกษตร จำกัด",
"Angkor Mekong Food Co., Ltd." → "ក្រុមហ៊ុន អង្គរមេគង្គ ចំណីអាហារ ឯ.ក",
"Lanexang Champa Trading Co., Ltd." → "ບໍລິສັດ ລ້ານຊ້າງຈຳປາ ການຄ້າ ຈຳກັດ" and
"Shwe Yadanar Trading Co., Ltd." → "ရွှေရတနာ ကုန်သွယ်ရေး ကုမ္ပဏီလီမိတက်".
Singaporean and Philippine companies get none: they register their names in English, so the
English name already is the name at home.
The tables give the industry words as companies of each country put them in their names, the
local spelling of the Latin brands (Indonesian, Malaysian and Bruneian brands are already
written in their own language), and each legal form as a whole name in the local word order.

Vietnamese is in NFC with the traditional tone placement ("Hòa", "Sức khỏe"), and capitalises
the first syllable of each word of a name ("Công nghệ Thông minh"), as company names do.
Khmer, Lao and Burmese run the words of a phrase together, so the two words of a brand are
written as one ("អង្គរមេគង្គ", "ລ້ານຊ້າງຈຳປາ", "ရွှေရတနာ"); a space parts the brand, the trade
and the legal form, as registered names are laid out, and sets off Khmer "និង" and Lao "ແລະ"
(and). Burmese is in standard Unicode (the storage order of Unicode's Myanmar block), not in
the Zawgyi font encoding.
"""

from tradefair.demo import local_words_latin as latin
from tradefair.demo import local_words_scripts as scripts

# The language a country's company names are written in (ISO 639-1).
LOCAL_LANGUAGE: dict[str, str] = {
    "VN": "vi",
    "TH": "th",
    "ID": "id",
    "MY": "ms",
    "BN": "ms",
    "KH": "km",
    "LA": "lo",
    "MM": "my",
}

# How the two words of a brand are joined: Thai, Khmer, Lao and Burmese write them as one word
# ("รัตนาเจริญ", "អង្គរមេគង្គ", "ລ້ານຊ້າງຈຳປາ", "ရွှေရတနာ").
BRAND_JOINER: dict[str, str] = {
    "VN": " ",
    "TH": "",
    "ID": " ",
    "MY": " ",
    "BN": " ",
    "KH": "",
    "LA": "",
    "MM": "",
}

# One format per entry of the country's ``forms`` in vocabulary.py, in the same order.
LOCAL_FORMS: dict[str, tuple[str, ...]] = {
    # JSC, Co., Ltd., Joint Stock Company: the kind of company, the trade, then the brand.
    "VN": (
        "Công ty Cổ phần {word} {brand}",
        "Công ty TNHH {word} {brand}",
        "Công ty Cổ phần {word} {brand}",
    ),
    # Co., Ltd., Public Company Limited.
    "TH": (
        "บริษัท {brand} {word} จำกัด",
        "บริษัท {brand} {word} จำกัด (มหาชน)",
    ),
    # Sdn Bhd, Berhad.
    "MY": (
        "{brand} {word} Sdn Bhd",
        "{brand} {word} Berhad",
    ),
    # PT, PT … Tbk.
    "ID": (
        "PT {brand} {word}",
        "PT {brand} {word} Tbk",
    ),
    # Sdn Bhd.
    "BN": ("{brand} {word} Sdn Bhd",),
    # Co., Ltd., Import Export Co., Ltd.: ក្រុមហ៊ុន (company) first, then ឯ.ក, short for
    # ឯកជនទទួលខុសត្រូវមានកម្រិត (private limited), as registered Khmer names end.
    "KH": (
        "ក្រុមហ៊ុន {brand} {word} ឯ.ក",
        "ក្រុមហ៊ុន {brand} {word} នាំចេញ-នាំចូល ឯ.ក",
    ),
    # Sole Co., Ltd., Co., Ltd.: ບໍລິສັດ … ຈຳກັດຜູ້ດຽວ (sole limited) and ບໍລິສັດ … ຈຳກັດ.
    "LA": (
        "ບໍລິສັດ {brand} {word} ຈຳກັດຜູ້ດຽວ",
        "ບໍລິສັດ {brand} {word} ຈຳກັດ",
    ),
    # Co., Ltd., Company Limited: both are … ကုမ္ပဏီလီမိတက် in Burmese.
    "MM": (
        "{brand} {word} ကုမ္ပဏီလီမိတက်",
        "{brand} {word} ကုမ္ပဏီလီမိတက်",
    ),
}

LOCAL_BRANDS: dict[str, dict[str, str]] = {
    "VN": {
        "Minh": "Minh",
        "Phat": "Phát",
        "Thanh": "Thành",
        "Dat": "Đạt",
        "Hoang": "Hoàng",
        "An": "An",
        "Phu": "Phú",
        "Tan": "Tân",
        "Hung": "Hưng",
        "Thinh": "Thịnh",
        "Dai": "Đại",
        "Nam": "Nam",
        "Duc": "Đức",
        "Viet": "Việt",
        "Hoa": "Hòa",
        "Binh": "Bình",
        "Quang": "Quang",
        "Kim": "Kim",
        "Hai": "Hải",
        "Son": "Sơn",
        "Gia": "Gia",
        "Tien": "Tiến",
    },
    "TH": {
        "Rattana": "รัตนา",
        "Charoen": "เจริญ",
        "Sombat": "สมบัติ",
        "Wattana": "วัฒนา",
        "Kasem": "เกษม",
        "Prasert": "ประเสริฐ",
        "Lanna": "ล้านนา",
        "Sukhothai": "สุโขทัย",
        "Chaiya": "ไชยา",
        "Thanakorn": "ธนากร",
        "Srisuk": "ศรีสุข",
        "Ayutthaya": "อยุธยา",
        "Mongkol": "มงคล",
        "Sakul": "สกุล",
    },
    "KH": {
        "Angkor": "អង្គរ",
        "Mekong": "មេគង្គ",
        "Tonle": "ទន្លេ",
        "Khmer": "ខ្មែរ",
        "Apsara": "អប្សរា",
        "Sovann": "សុវណ្ណ",
        "Bayon": "បាយ័ន",
        "Kampot": "កំពត",
        "Preah": "ព្រះ",
        "Chenla": "ចេនឡា",
        "Meas": "មាស",
        "Reaksmey": "រស្មី",
    },
    "LA": {
        "Lanexang": "ລ້ານຊ້າງ",
        "Champa": "ຈຳປາ",
        "Mekong": "ແມ່ຂອງ",
        "Phou": "ພູ",
        "Sengdao": "ແສງດາວ",
        "Savan": "ສະຫວັນ",
        "Dokmai": "ດອກໄມ້",
        "Kham": "ຄຳ",
        "Vilay": "ວິໄລ",
        "Sisavang": "ສີສະຫວ່າງ",
        "Phoukhao": "ພູເຂົາ",
    },
    "MM": {
        "Ayeyarwady": "ဧရာဝတီ",
        "Shwe": "ရွှေ",
        "Yadanar": "ရတနာ",
        "Thiri": "သီရိ",
        "Aung": "အောင်",
        "Myint": "မြင့်",
        "Zaw": "ဇော်",
        "Mandalar": "မန္တလာ",
        "Bagan": "ပုဂံ",
        "Thanlwin": "သံလွင်",
        "Pyi": "ပြည်",
        "Mya": "မြ",
    },
}

LOCAL_WORDS: dict[str, dict[str, str]] = {
    "vi": latin.VI,
    "th": scripts.TH,
    "id": latin.ID,
    "ms": latin.MS,
    "km": scripts.KM,
    "lo": scripts.LO,
    "my": scripts.MY,
}
