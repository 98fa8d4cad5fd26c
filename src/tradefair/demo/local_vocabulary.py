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

_VI = {
    # artificial-intelligence
    "Intelligent Technology": "Công nghệ Thông minh",
    "AI Technology": "Công nghệ Trí tuệ Nhân tạo",
    "Robotics": "Robot",
    "Vision Technology": "Công nghệ Thị giác",
    "Data Intelligence": "Dữ liệu Thông minh",
    "Smart Systems": "Hệ thống Thông minh",
    # new-quality-productivity
    "Intelligent Equipment": "Thiết bị Thông minh",
    "Laser Technology": "Công nghệ Laser",
    "Precision Machinery": "Cơ khí Chính xác",
    "Advanced Manufacturing": "Sản xuất Tiên tiến",
    "Drone Technology": "Công nghệ Bay không người lái",
    "Semiconductor Equipment": "Thiết bị Bán dẫn",
    # blue-economy
    "Marine": "Hàng hải",
    "Ocean Industry": "Công nghiệp Biển",
    "Marine Development": "Phát triển Kinh tế Biển",
    "Blue Ocean": "Đại dương Xanh",
    "Marine Technology": "Công nghệ Biển",
    "Harbour Industry": "Công nghiệp Cảng biển",
    # digital-economy
    "Digital Technology": "Công nghệ Số",
    "Electronics": "Điện tử",
    "Communication Technology": "Công nghệ Viễn thông",
    "Display Technology": "Công nghệ Màn hình",
    "Network Technology": "Công nghệ Mạng",
    "Information Technology": "Công nghệ Thông tin",
    # green-economy
    "New Energy": "Năng lượng Mới",
    "Solar Energy": "Năng lượng Mặt trời",
    "Power Technology": "Công nghệ Điện lực",
    "Energy Storage": "Lưu trữ Năng lượng",
    "Electric Vehicle": "Xe điện",
    "Green Power": "Năng lượng Xanh",
    # agriculture-food
    "Agricultural Products": "Nông sản",
    "Food": "Thực phẩm",
    "Agriculture Development": "Phát triển Nông nghiệp",
    "Agribusiness": "Nông nghiệp",
    "Food Industry": "Công nghiệp Thực phẩm",
    "Green Agriculture": "Nông nghiệp Xanh",
    # foreign-trade-quality-products
    "Consumer Products": "Hàng Tiêu dùng",
    "Quality Goods": "Hàng Chất lượng cao",
    "Lifestyle Products": "Đồ dùng Sinh hoạt",
    "Brand Management": "Quản lý Thương hiệu",
    "Home and Living": "Nội thất Gia đình",
    "Daily Necessities": "Hàng Gia dụng",
    # machinery-equipment
    "Machinery": "Cơ khí",
    "Heavy Industry": "Công nghiệp Nặng",
    "Equipment Manufacturing": "Chế tạo Thiết bị",
    "Machinery Manufacturing": "Chế tạo Máy",
    "Industrial Equipment": "Thiết bị Công nghiệp",
    "Mechanical and Electrical": "Cơ điện",
    # healthcare
    "Pharmaceutical": "Dược phẩm",
    "Medical Technology": "Công nghệ Y tế",
    "Biotechnology": "Công nghệ Sinh học",
    "Health Industry": "Chăm sóc Sức khỏe",
    "Health Products": "Sản phẩm Sức khỏe",
    "Life Sciences": "Khoa học Sự sống",
    # building-materials
    "Building Materials": "Vật liệu Xây dựng",
    "Construction Materials": "Vật tư Xây dựng",
    "Home Building Materials": "Vật liệu Nội thất",
    "New Materials": "Vật liệu Mới",
    "Building Technology": "Công nghệ Xây dựng",
    # textiles-apparel
    "Textile": "Dệt may",
    "Garment": "May mặc",
    "Apparel": "Trang phục",
    "Knitting": "Dệt kim",
    "Home Textiles": "Dệt may Gia dụng",
    "Fashion": "Thời trang",
    # forestry-rubber
    "Rubber and Wood": "Cao su và Gỗ",
    "Forest Products": "Lâm sản",
    "Forestry Development": "Phát triển Lâm nghiệp",
    "Rubber and Timber": "Cao su và Lâm nghiệp",
    "Green Materials": "Vật liệu Xanh",
    # buyers
    "Trading": "Thương mại",
    "Import and Export": "Xuất nhập khẩu",
    "Supply Chain": "Chuỗi Cung ứng",
    "Commerce": "Thương mại Dịch vụ",
    "Distribution": "Phân phối",
    "International Trade": "Thương mại Quốc tế",
    "Procurement Services": "Dịch vụ Thu mua",
    "Sourcing": "Thu mua",
    "Industrial": "Công nghiệp",
    "Wholesale": "Bán buôn",
    # investors
    "Capital": "Đầu tư Tài chính",
    "Investment": "Đầu tư",
    "Ventures": "Đầu tư Mạo hiểm",
    "Industrial Investment": "Đầu tư Công nghiệp",
    "Asset Management": "Quản lý Tài sản",
}

# Thai names borrow an English word where Thai companies do (มารีน, ซัพพลายเชน, แคปปิตอล).
_TH = {
    # artificial-intelligence
    "Intelligent Technology": "เทคโนโลยีอัจฉริยะ",
    "AI Technology": "เทคโนโลยีปัญญาประดิษฐ์",
    "Robotics": "หุ่นยนต์",
    "Vision Technology": "เทคโนโลยีการมองเห็น",
    "Data Intelligence": "ข้อมูลอัจฉริยะ",
    "Smart Systems": "ระบบอัจฉริยะ",
    # new-quality-productivity
    "Intelligent Equipment": "อุปกรณ์อัจฉริยะ",
    "Laser Technology": "เทคโนโลยีเลเซอร์",
    "Precision Machinery": "เครื่องจักรกลความแม่นยำสูง",
    "Advanced Manufacturing": "การผลิตขั้นสูง",
    "Drone Technology": "เทคโนโลยีโดรน",
    "Semiconductor Equipment": "อุปกรณ์เซมิคอนดักเตอร์",
    # blue-economy
    "Marine": "มารีน",
    "Ocean Industry": "อุตสาหกรรมทางทะเล",
    "Marine Development": "พัฒนาธุรกิจทางทะเล",
    "Blue Ocean": "ทะเลสีคราม",
    "Marine Technology": "เทคโนโลยีทางทะเล",
    "Harbour Industry": "อุตสาหกรรมท่าเรือ",
    # digital-economy
    "Digital Technology": "เทคโนโลยีดิจิทัล",
    "Electronics": "อิเล็กทรอนิกส์",
    "Communication Technology": "เทคโนโลยีการสื่อสาร",
    "Display Technology": "เทคโนโลยีจอแสดงผล",
    "Network Technology": "เทคโนโลยีเครือข่าย",
    "Information Technology": "เทคโนโลยีสารสนเทศ",
    # green-economy
    "New Energy": "พลังงานใหม่",
    "Solar Energy": "พลังงานแสงอาทิตย์",
    "Power Technology": "เทคโนโลยีพลังงานไฟฟ้า",
    "Energy Storage": "ระบบกักเก็บพลังงาน",
    "Electric Vehicle": "ยานยนต์ไฟฟ้า",
    "Green Power": "พลังงานสีเขียว",
    # agriculture-food
    "Agricultural Products": "ผลิตภัณฑ์การเกษตร",
    "Food": "อาหาร",
    "Agriculture Development": "พัฒนาการเกษตร",
    "Agribusiness": "ธุรกิจการเกษตร",
    "Food Industry": "อุตสาหกรรมอาหาร",
    "Green Agriculture": "เกษตรสีเขียว",
    # foreign-trade-quality-products
    "Consumer Products": "สินค้าอุปโภคบริโภค",
    "Quality Goods": "สินค้าคุณภาพ",
    "Lifestyle Products": "ผลิตภัณฑ์ไลฟ์สไตล์",
    "Brand Management": "บริหารแบรนด์",
    "Home and Living": "โฮมแอนด์ลิฟวิ่ง",
    "Daily Necessities": "ของใช้ประจำวัน",
    # machinery-equipment
    "Machinery": "เครื่องจักรกล",
    "Heavy Industry": "อุตสาหกรรมหนัก",
    "Equipment Manufacturing": "การผลิตอุปกรณ์",
    "Machinery Manufacturing": "อุตสาหกรรมเครื่องจักรกล",
    "Industrial Equipment": "อุปกรณ์อุตสาหกรรม",
    "Mechanical and Electrical": "เครื่องกลและไฟฟ้า",
    # healthcare
    "Pharmaceutical": "เภสัชกรรม",
    "Medical Technology": "เทคโนโลยีการแพทย์",
    "Biotechnology": "เทคโนโลยีชีวภาพ",
    "Health Industry": "อุตสาหกรรมสุขภาพ",
    "Health Products": "ผลิตภัณฑ์สุขภาพ",
    "Life Sciences": "วิทยาศาสตร์ชีวภาพ",
    # building-materials
    "Building Materials": "วัสดุก่อสร้าง",
    "Construction Materials": "วัสดุและอุปกรณ์ก่อสร้าง",
    "Home Building Materials": "วัสดุตกแต่งบ้าน",
    "New Materials": "วัสดุนวัตกรรม",
    "Building Technology": "เทคโนโลยีการก่อสร้าง",
    # textiles-apparel
    "Textile": "สิ่งทอ",
    "Garment": "เสื้อผ้าสำเร็จรูป",
    "Apparel": "เครื่องแต่งกาย",
    "Knitting": "ผ้าถัก",
    "Home Textiles": "สิ่งทอสำหรับบ้าน",
    "Fashion": "แฟชั่น",
    # forestry-rubber
    "Rubber and Wood": "ยางพาราและไม้",
    "Forest Products": "ผลิตภัณฑ์ป่าไม้",
    "Forestry Development": "พัฒนาป่าไม้",
    "Rubber and Timber": "ยางพาราและไม้แปรรูป",
    "Green Materials": "วัสดุสีเขียว",
    # buyers
    "Trading": "การค้า",
    "Import and Export": "นำเข้าและส่งออก",
    "Supply Chain": "ซัพพลายเชน",
    "Commerce": "พาณิชย์",
    "Distribution": "ดิสทริบิวชั่น",
    "International Trade": "การค้าระหว่างประเทศ",
    "Procurement Services": "บริการจัดซื้อ",
    "Sourcing": "จัดหาสินค้า",
    "Industrial": "อุตสาหกรรม",
    "Wholesale": "ค้าส่ง",
    # investors
    "Capital": "แคปปิตอล",
    "Investment": "การลงทุน",
    "Ventures": "ร่วมลงทุน",
    "Industrial Investment": "การลงทุนอุตสาหกรรม",
    "Asset Management": "บริหารสินทรัพย์",
}

_ID = {
    # artificial-intelligence
    "Intelligent Technology": "Teknologi Cerdas",
    "AI Technology": "Teknologi Kecerdasan Buatan",
    "Robotics": "Robotika",
    "Vision Technology": "Teknologi Visi",
    "Data Intelligence": "Kecerdasan Data",
    "Smart Systems": "Sistem Cerdas",
    # new-quality-productivity
    "Intelligent Equipment": "Peralatan Cerdas",
    "Laser Technology": "Teknologi Laser",
    "Precision Machinery": "Mesin Presisi",
    "Advanced Manufacturing": "Manufaktur Canggih",
    "Drone Technology": "Teknologi Dron",
    "Semiconductor Equipment": "Peralatan Semikonduktor",
    # blue-economy
    "Marine": "Kelautan",
    "Ocean Industry": "Industri Kelautan",
    "Marine Development": "Pengembangan Kelautan",
    "Blue Ocean": "Samudra Biru",
    "Marine Technology": "Teknologi Kelautan",
    "Harbour Industry": "Industri Pelabuhan",
    # digital-economy
    "Digital Technology": "Teknologi Digital",
    "Electronics": "Elektronik",
    "Communication Technology": "Teknologi Komunikasi",
    "Display Technology": "Teknologi Layar",
    "Network Technology": "Teknologi Jaringan",
    "Information Technology": "Teknologi Informasi",
    # green-economy
    "New Energy": "Energi Baru",
    "Solar Energy": "Energi Surya",
    "Power Technology": "Teknologi Kelistrikan",
    "Energy Storage": "Penyimpanan Energi",
    "Electric Vehicle": "Kendaraan Listrik",
    "Green Power": "Energi Hijau",
    # agriculture-food
    "Agricultural Products": "Hasil Pertanian",
    "Food": "Pangan",
    "Agriculture Development": "Pengembangan Pertanian",
    "Agribusiness": "Agribisnis",
    "Food Industry": "Industri Pangan",
    "Green Agriculture": "Pertanian Hijau",
    # foreign-trade-quality-products
    "Consumer Products": "Produk Konsumen",
    "Quality Goods": "Barang Berkualitas",
    "Lifestyle Products": "Produk Gaya Hidup",
    "Brand Management": "Manajemen Merek",
    "Home and Living": "Perlengkapan Rumah",
    "Daily Necessities": "Kebutuhan Sehari-hari",
    # machinery-equipment
    "Machinery": "Permesinan",
    "Heavy Industry": "Industri Berat",
    "Equipment Manufacturing": "Manufaktur Peralatan",
    "Machinery Manufacturing": "Manufaktur Mesin",
    "Industrial Equipment": "Peralatan Industri",
    "Mechanical and Electrical": "Mekanikal Elektrikal",
    # healthcare
    "Pharmaceutical": "Farmasi",
    "Medical Technology": "Teknologi Medis",
    "Biotechnology": "Bioteknologi",
    "Health Industry": "Industri Kesehatan",
    "Health Products": "Produk Kesehatan",
    "Life Sciences": "Ilmu Hayati",
    # building-materials
    "Building Materials": "Bahan Bangunan",
    "Construction Materials": "Material Konstruksi",
    "Home Building Materials": "Bahan Bangunan Rumah",
    "New Materials": "Material Baru",
    "Building Technology": "Teknologi Bangunan",
    # textiles-apparel
    "Textile": "Tekstil",
    "Garment": "Garmen",
    "Apparel": "Busana",
    "Knitting": "Rajutan",
    "Home Textiles": "Tekstil Rumah Tangga",
    "Fashion": "Mode",
    # forestry-rubber
    "Rubber and Wood": "Karet dan Kayu",
    "Forest Products": "Hasil Hutan",
    "Forestry Development": "Pengembangan Kehutanan",
    "Rubber and Timber": "Karet dan Perkayuan",
    "Green Materials": "Material Hijau",
    # buyers
    "Trading": "Perdagangan",
    "Import and Export": "Ekspor Impor",
    "Supply Chain": "Rantai Pasok",
    "Commerce": "Niaga",
    "Distribution": "Distribusi",
    "International Trade": "Perdagangan Internasional",
    "Procurement Services": "Jasa Pengadaan",
    "Sourcing": "Pengadaan Barang",
    "Industrial": "Industri",
    "Wholesale": "Grosir",
    # investors
    "Capital": "Modal",
    "Investment": "Investasi",
    "Ventures": "Modal Ventura",
    "Industrial Investment": "Investasi Industri",
    "Asset Management": "Manajemen Aset",
}

# Malaysian spelling (DBP), also written in Brunei.
_MS = {
    # artificial-intelligence
    "Intelligent Technology": "Teknologi Pintar",
    "AI Technology": "Teknologi Kecerdasan Buatan",
    "Robotics": "Robotik",
    "Vision Technology": "Teknologi Visi",
    "Data Intelligence": "Kecerdasan Data",
    "Smart Systems": "Sistem Pintar",
    # new-quality-productivity
    "Intelligent Equipment": "Peralatan Pintar",
    "Laser Technology": "Teknologi Laser",
    "Precision Machinery": "Jentera Presisi",
    "Advanced Manufacturing": "Pembuatan Termaju",
    "Drone Technology": "Teknologi Dron",
    "Semiconductor Equipment": "Peralatan Semikonduktor",
    # blue-economy
    "Marine": "Marin",
    "Ocean Industry": "Industri Maritim",
    "Marine Development": "Pembangunan Marin",
    "Blue Ocean": "Lautan Biru",
    "Marine Technology": "Teknologi Marin",
    "Harbour Industry": "Industri Pelabuhan",
    # digital-economy
    "Digital Technology": "Teknologi Digital",
    "Electronics": "Elektronik",
    "Communication Technology": "Teknologi Komunikasi",
    "Display Technology": "Teknologi Paparan",
    "Network Technology": "Teknologi Rangkaian",
    "Information Technology": "Teknologi Maklumat",
    # green-economy
    "New Energy": "Tenaga Baharu",
    "Solar Energy": "Tenaga Solar",
    "Power Technology": "Teknologi Kuasa",
    "Energy Storage": "Penyimpanan Tenaga",
    "Electric Vehicle": "Kenderaan Elektrik",
    "Green Power": "Tenaga Hijau",
    # agriculture-food
    "Agricultural Products": "Hasil Pertanian",
    "Food": "Makanan",
    "Agriculture Development": "Pembangunan Pertanian",
    "Agribusiness": "Agrobisnes",
    "Food Industry": "Perindustrian Makanan",
    "Green Agriculture": "Pertanian Hijau",
    # foreign-trade-quality-products
    "Consumer Products": "Produk Pengguna",
    "Quality Goods": "Barangan Berkualiti",
    "Lifestyle Products": "Produk Gaya Hidup",
    "Brand Management": "Pengurusan Jenama",
    "Home and Living": "Kelengkapan Rumah",
    "Daily Necessities": "Barangan Keperluan Harian",
    # machinery-equipment
    "Machinery": "Jentera",
    "Heavy Industry": "Industri Berat",
    "Equipment Manufacturing": "Pembuatan Peralatan",
    "Machinery Manufacturing": "Pembuatan Jentera",
    "Industrial Equipment": "Peralatan Industri",
    "Mechanical and Electrical": "Mekanikal dan Elektrik",
    # healthcare
    "Pharmaceutical": "Farmaseutikal",
    "Medical Technology": "Teknologi Perubatan",
    "Biotechnology": "Bioteknologi",
    "Health Industry": "Industri Kesihatan",
    "Health Products": "Produk Kesihatan",
    "Life Sciences": "Sains Hayat",
    # building-materials
    "Building Materials": "Bahan Binaan",
    "Construction Materials": "Bahan Pembinaan",
    "Home Building Materials": "Bahan Binaan Rumah",
    "New Materials": "Bahan Baharu",
    "Building Technology": "Teknologi Binaan",
    # textiles-apparel
    "Textile": "Tekstil",
    "Garment": "Garmen",
    "Apparel": "Pakaian",
    "Knitting": "Kain Kait",
    "Home Textiles": "Tekstil Rumah",
    "Fashion": "Fesyen",
    # forestry-rubber
    "Rubber and Wood": "Getah dan Kayu",
    "Forest Products": "Hasil Hutan",
    "Forestry Development": "Pembangunan Perhutanan",
    "Rubber and Timber": "Getah dan Balak",
    "Green Materials": "Bahan Hijau",
    # buyers
    "Trading": "Perdagangan",
    "Import and Export": "Import dan Eksport",
    "Supply Chain": "Rantaian Bekalan",
    "Commerce": "Perniagaan",
    "Distribution": "Pengedaran",
    "International Trade": "Perdagangan Antarabangsa",
    "Procurement Services": "Perkhidmatan Perolehan",
    "Sourcing": "Sumber Bekalan",
    "Industrial": "Perindustrian",
    "Wholesale": "Pemborong",
    # investors
    "Capital": "Modal",
    "Investment": "Pelaburan",
    "Ventures": "Modal Teroka",
    "Industrial Investment": "Pelaburan Industri",
    "Asset Management": "Pengurusan Aset",
}

# Khmer: ក្រុមហ៊ុន names put the trade in Khmer words (borrowing where Khmer does: ឡាស៊ែរ,
# ដ្រូន, ឌីជីថល), and write "និង" (and) after a space, as Khmer text does.
_KM = {
    # artificial-intelligence
    "Intelligent Technology": "បច្ចេកវិទ្យាឆ្លាតវៃ",
    "AI Technology": "បច្ចេកវិទ្យាបញ្ញាសិប្បនិម្មិត",
    "Robotics": "មនុស្សយន្ត",
    "Vision Technology": "បច្ចេកវិទ្យាចក្ខុវិស័យ",
    "Data Intelligence": "ទិន្នន័យឆ្លាតវៃ",
    "Smart Systems": "ប្រព័ន្ធឆ្លាតវៃ",
    # new-quality-productivity
    "Intelligent Equipment": "ឧបករណ៍ឆ្លាតវៃ",
    "Laser Technology": "បច្ចេកវិទ្យាឡាស៊ែរ",
    "Precision Machinery": "គ្រឿងចក្រសុក្រឹត",
    "Advanced Manufacturing": "ផលិតកម្មទំនើប",
    "Drone Technology": "បច្ចេកវិទ្យាដ្រូន",
    "Semiconductor Equipment": "ឧបករណ៍សេមីកុងដុកទ័រ",
    # blue-economy
    "Marine": "នាវាចរណ៍",
    "Ocean Industry": "ឧស្សាហកម្មសមុទ្រ",
    "Marine Development": "អភិវឌ្ឍន៍សមុទ្រ",
    "Blue Ocean": "មហាសមុទ្រខៀវ",
    "Marine Technology": "បច្ចេកវិទ្យាសមុទ្រ",
    "Harbour Industry": "ឧស្សាហកម្មកំពង់ផែ",
    # digital-economy
    "Digital Technology": "បច្ចេកវិទ្យាឌីជីថល",
    "Electronics": "អេឡិចត្រូនិក",
    "Communication Technology": "បច្ចេកវិទ្យាទូរគមនាគមន៍",
    "Display Technology": "បច្ចេកវិទ្យាអេក្រង់",
    "Network Technology": "បច្ចេកវិទ្យាបណ្ដាញ",
    "Information Technology": "បច្ចេកវិទ្យាព័ត៌មាន",
    # green-economy
    "New Energy": "ថាមពលថ្មី",
    "Solar Energy": "ថាមពលពន្លឺព្រះអាទិត្យ",
    "Power Technology": "បច្ចេកវិទ្យាអគ្គិសនី",
    "Energy Storage": "ផ្ទុកថាមពល",
    "Electric Vehicle": "យានយន្តអគ្គិសនី",
    "Green Power": "ថាមពលបៃតង",
    # agriculture-food
    "Agricultural Products": "ផលិតផលកសិកម្ម",
    "Food": "ចំណីអាហារ",
    "Agriculture Development": "អភិវឌ្ឍន៍កសិកម្ម",
    "Agribusiness": "កសិពាណិជ្ជកម្ម",
    "Food Industry": "ឧស្សាហកម្មចំណីអាហារ",
    "Green Agriculture": "កសិកម្មបៃតង",
    # foreign-trade-quality-products
    "Consumer Products": "ទំនិញប្រើប្រាស់",
    "Quality Goods": "ទំនិញគុណភាព",
    "Lifestyle Products": "ផលិតផលរបៀបរស់នៅ",
    "Brand Management": "គ្រប់គ្រងម៉ាកយីហោ",
    "Home and Living": "គ្រឿងប្រើប្រាស់ក្នុងផ្ទះ",
    "Daily Necessities": "សម្ភារៈប្រើប្រាស់ប្រចាំថ្ងៃ",
    # machinery-equipment
    "Machinery": "គ្រឿងចក្រ",
    "Heavy Industry": "ឧស្សាហកម្មធុនធ្ងន់",
    "Equipment Manufacturing": "ផលិតកម្មឧបករណ៍",
    "Machinery Manufacturing": "ផលិតកម្មគ្រឿងចក្រ",
    "Industrial Equipment": "ឧបករណ៍ឧស្សាហកម្ម",
    "Mechanical and Electrical": "មេកានិច និងអគ្គិសនី",
    # healthcare
    "Pharmaceutical": "ឱសថ",
    "Medical Technology": "បច្ចេកវិទ្យាវេជ្ជសាស្ត្រ",
    "Biotechnology": "ជីវបច្ចេកវិទ្យា",
    "Health Industry": "ឧស្សាហកម្មសុខភាព",
    "Health Products": "ផលិតផលសុខភាព",
    "Life Sciences": "វិទ្យាសាស្ត្រជីវិត",
    # building-materials
    "Building Materials": "សម្ភារៈសំណង់",
    "Construction Materials": "សម្ភារៈសាងសង់",
    "Home Building Materials": "សម្ភារៈតុបតែងផ្ទះ",
    "New Materials": "វត្ថុធាតុថ្មី",
    "Building Technology": "បច្ចេកវិទ្យាសំណង់",
    # textiles-apparel
    "Textile": "វាយនភណ្ឌ",
    "Garment": "កាត់ដេរ",
    "Apparel": "សម្លៀកបំពាក់",
    "Knitting": "ក្រណាត់ចាក់",
    "Home Textiles": "វាយនភណ្ឌប្រើក្នុងផ្ទះ",
    "Fashion": "ម៉ូដ",
    # forestry-rubber
    "Rubber and Wood": "កៅស៊ូ និងឈើ",
    "Forest Products": "ផលិតផលព្រៃឈើ",
    "Forestry Development": "អភិវឌ្ឍន៍ព្រៃឈើ",
    "Rubber and Timber": "កៅស៊ូ និងឈើអារ",
    "Green Materials": "សម្ភារៈបៃតង",
    # buyers
    "Trading": "ពាណិជ្ជកម្ម",
    "Import and Export": "នាំចូល និងនាំចេញ",
    "Supply Chain": "ខ្សែសង្វាក់ផ្គត់ផ្គង់",
    "Commerce": "ពាណិជ្ជកម្ម និងសេវាកម្ម",
    "Distribution": "ចែកចាយ",
    "International Trade": "ពាណិជ្ជកម្មអន្តរជាតិ",
    "Procurement Services": "សេវាកម្មលទ្ធកម្ម",
    "Sourcing": "ប្រមូលទិញ",
    "Industrial": "ឧស្សាហកម្ម",
    "Wholesale": "លក់ដុំ",
    # investors
    "Capital": "មូលធន",
    "Investment": "វិនិយោគ",
    "Ventures": "វិនិយោគហានិភ័យ",
    "Industrial Investment": "វិនិយោគឧស្សាហកម្ម",
    "Asset Management": "គ្រប់គ្រងទ្រព្យសកម្ម",
}

# Lao: ບໍລິສັດ names in today's spelling (ເຕັກໂນໂລຊີ, ຂໍ້ມູນຂ່າວສານ), with "ແລະ" (and) between
# spaces, as Lao writes it.
_LO = {
    # artificial-intelligence
    "Intelligent Technology": "ເຕັກໂນໂລຊີອັດສະລິຍະ",
    "AI Technology": "ເຕັກໂນໂລຊີປັນຍາປະດິດ",
    "Robotics": "ຫຸ່ນຍົນ",
    "Vision Technology": "ເຕັກໂນໂລຊີການເບິ່ງເຫັນ",
    "Data Intelligence": "ຂໍ້ມູນອັດສະລິຍະ",
    "Smart Systems": "ລະບົບອັດສະລິຍະ",
    # new-quality-productivity
    "Intelligent Equipment": "ອຸປະກອນອັດສະລິຍະ",
    "Laser Technology": "ເຕັກໂນໂລຊີເລເຊີ",
    "Precision Machinery": "ເຄື່ອງຈັກຄວາມແມ່ນຍຳສູງ",
    "Advanced Manufacturing": "ການຜະລິດທັນສະໄໝ",
    "Drone Technology": "ເຕັກໂນໂລຊີໂດຣນ",
    "Semiconductor Equipment": "ອຸປະກອນເຄິ່ງຕົວນຳ",
    # blue-economy
    "Marine": "ເດີນເຮືອ",
    "Ocean Industry": "ອຸດສາຫະກຳທາງທະເລ",
    "Marine Development": "ພັດທະນາທາງທະເລ",
    "Blue Ocean": "ມະຫາສະໝຸດສີຟ້າ",
    "Marine Technology": "ເຕັກໂນໂລຊີທາງທະເລ",
    "Harbour Industry": "ອຸດສາຫະກຳທ່າເຮືອ",
    # digital-economy
    "Digital Technology": "ເຕັກໂນໂລຊີດິຈິຕອນ",
    "Electronics": "ເອເລັກໂຕຣນິກ",
    "Communication Technology": "ເຕັກໂນໂລຊີການສື່ສານ",
    "Display Technology": "ເຕັກໂນໂລຊີຈໍສະແດງຜົນ",
    "Network Technology": "ເຕັກໂນໂລຊີເຄືອຂ່າຍ",
    "Information Technology": "ເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ",
    # green-economy
    "New Energy": "ພະລັງງານໃໝ່",
    "Solar Energy": "ພະລັງງານແສງຕາເວັນ",
    "Power Technology": "ເຕັກໂນໂລຊີໄຟຟ້າ",
    "Energy Storage": "ເກັບຮັກສາພະລັງງານ",
    "Electric Vehicle": "ລົດໄຟຟ້າ",
    "Green Power": "ພະລັງງານສີຂຽວ",
    # agriculture-food
    "Agricultural Products": "ຜະລິດຕະພັນກະສິກຳ",
    "Food": "ອາຫານ",
    "Agriculture Development": "ພັດທະນາກະສິກຳ",
    "Agribusiness": "ທຸລະກິດກະສິກຳ",
    "Food Industry": "ອຸດສາຫະກຳອາຫານ",
    "Green Agriculture": "ກະສິກຳສີຂຽວ",
    # foreign-trade-quality-products
    "Consumer Products": "ສິນຄ້າອຸປະໂພກບໍລິໂພກ",
    "Quality Goods": "ສິນຄ້າຄຸນນະພາບ",
    "Lifestyle Products": "ຜະລິດຕະພັນວິຖີຊີວິດ",
    "Brand Management": "ບໍລິຫານຍີ່ຫໍ້",
    "Home and Living": "ເຄື່ອງໃຊ້ໃນເຮືອນ",
    "Daily Necessities": "ເຄື່ອງໃຊ້ປະຈຳວັນ",
    # machinery-equipment
    "Machinery": "ເຄື່ອງຈັກ",
    "Heavy Industry": "ອຸດສາຫະກຳໜັກ",
    "Equipment Manufacturing": "ຜະລິດອຸປະກອນ",
    "Machinery Manufacturing": "ຜະລິດເຄື່ອງຈັກ",
    "Industrial Equipment": "ອຸປະກອນອຸດສາຫະກຳ",
    "Mechanical and Electrical": "ກົນຈັກ ແລະ ໄຟຟ້າ",
    # healthcare
    "Pharmaceutical": "ເພສັດ",
    "Medical Technology": "ເຕັກໂນໂລຊີການແພດ",
    "Biotechnology": "ເຕັກໂນໂລຊີຊີວະພາບ",
    "Health Industry": "ອຸດສາຫະກຳສຸຂະພາບ",
    "Health Products": "ຜະລິດຕະພັນສຸຂະພາບ",
    "Life Sciences": "ວິທະຍາສາດຊີວິດ",
    # building-materials
    "Building Materials": "ວັດສະດຸກໍ່ສ້າງ",
    "Construction Materials": "ວັດສະດຸ ແລະ ອຸປະກອນກໍ່ສ້າງ",
    "Home Building Materials": "ວັດສະດຸຕົກແຕ່ງເຮືອນ",
    "New Materials": "ວັດສະດຸໃໝ່",
    "Building Technology": "ເຕັກໂນໂລຊີການກໍ່ສ້າງ",
    # textiles-apparel
    "Textile": "ສິ່ງທໍ",
    "Garment": "ຕັດຫຍິບ",
    "Apparel": "ເຄື່ອງນຸ່ງຫົ່ມ",
    "Knitting": "ຜ້າຖັກ",
    "Home Textiles": "ສິ່ງທໍສຳລັບເຮືອນ",
    "Fashion": "ແຟຊັ່ນ",
    # forestry-rubber
    "Rubber and Wood": "ຢາງພາລາ ແລະ ໄມ້",
    "Forest Products": "ຜະລິດຕະພັນປ່າໄມ້",
    "Forestry Development": "ພັດທະນາປ່າໄມ້",
    "Rubber and Timber": "ຢາງພາລາ ແລະ ໄມ້ແປຮູບ",
    "Green Materials": "ວັດສະດຸສີຂຽວ",
    # buyers
    "Trading": "ການຄ້າ",
    "Import and Export": "ນຳເຂົ້າ-ສົ່ງອອກ",
    "Supply Chain": "ຕ່ອງໂສ້ການສະໜອງ",
    "Commerce": "ການຄ້າ ແລະ ບໍລິການ",
    "Distribution": "ຈັດຈຳໜ່າຍ",
    "International Trade": "ການຄ້າສາກົນ",
    "Procurement Services": "ບໍລິການຈັດຊື້",
    "Sourcing": "ຈັດຫາສິນຄ້າ",
    "Industrial": "ອຸດສາຫະກຳ",
    "Wholesale": "ຂາຍຍົກ",
    # investors
    "Capital": "ທຶນ",
    "Investment": "ການລົງທຶນ",
    "Ventures": "ຮ່ວມລົງທຶນ",
    "Industrial Investment": "ລົງທຶນອຸດສາຫະກຳ",
    "Asset Management": "ບໍລິຫານຊັບສິນ",
}

# Burmese: names join their words without spaces and say "နှင့်" (and) inside a word; they
# borrow where Myanmar firms do (ဒစ်ဂျစ်တယ်, အီလက်ထရောနစ်, စမတ် for "smart").
_MY = {
    # artificial-intelligence
    "Intelligent Technology": "စမတ်နည်းပညာ",
    "AI Technology": "ဉာဏ်ရည်တုနည်းပညာ",
    "Robotics": "စက်ရုပ်",
    "Vision Technology": "အမြင်နည်းပညာ",
    "Data Intelligence": "ဒေတာဉာဏ်ရည်",
    "Smart Systems": "စမတ်စနစ်",
    # new-quality-productivity
    "Intelligent Equipment": "စမတ်စက်ပစ္စည်း",
    "Laser Technology": "လေဆာနည်းပညာ",
    "Precision Machinery": "တိကျသောစက်ယန္တရား",
    "Advanced Manufacturing": "ခေတ်မီထုတ်လုပ်ရေး",
    "Drone Technology": "ဒရုန်းနည်းပညာ",
    "Semiconductor Equipment": "တစ်ပိုင်းလျှပ်ကူးစက်ပစ္စည်း",
    # blue-economy
    "Marine": "ရေကြောင်း",
    "Ocean Industry": "ပင်လယ်စက်မှုလုပ်ငန်း",
    "Marine Development": "ပင်လယ်ဖွံ့ဖြိုးရေး",
    "Blue Ocean": "ပင်လယ်ပြာ",
    "Marine Technology": "ရေကြောင်းနည်းပညာ",
    "Harbour Industry": "ဆိပ်ကမ်းလုပ်ငန်း",
    # digital-economy
    "Digital Technology": "ဒစ်ဂျစ်တယ်နည်းပညာ",
    "Electronics": "အီလက်ထရောနစ်",
    "Communication Technology": "ဆက်သွယ်ရေးနည်းပညာ",
    "Display Technology": "မျက်နှာပြင်နည်းပညာ",
    "Network Technology": "ကွန်ရက်နည်းပညာ",
    "Information Technology": "သတင်းအချက်အလက်နည်းပညာ",
    # green-economy
    "New Energy": "စွမ်းအင်သစ်",
    "Solar Energy": "နေရောင်ခြည်စွမ်းအင်",
    "Power Technology": "လျှပ်စစ်နည်းပညာ",
    "Energy Storage": "စွမ်းအင်သိုလှောင်မှု",
    "Electric Vehicle": "လျှပ်စစ်ယာဉ်",
    "Green Power": "စိမ်းလန်းစွမ်းအင်",
    # agriculture-food
    "Agricultural Products": "စိုက်ပျိုးထွက်ကုန်",
    "Food": "စားသောက်ကုန်",
    "Agriculture Development": "စိုက်ပျိုးရေးဖွံ့ဖြိုးရေး",
    "Agribusiness": "စိုက်ပျိုးရေးလုပ်ငန်း",
    "Food Industry": "စားသောက်ကုန်စက်မှုလုပ်ငန်း",
    "Green Agriculture": "စိမ်းလန်းစိုက်ပျိုးရေး",
    # foreign-trade-quality-products
    "Consumer Products": "လူသုံးကုန်",
    "Quality Goods": "အရည်အသွေးမီကုန်ပစ္စည်း",
    "Lifestyle Products": "လူနေမှုပုံစံထုတ်ကုန်",
    "Brand Management": "အမှတ်တံဆိပ်စီမံခန့်ခွဲမှု",
    "Home and Living": "အိမ်သုံးပစ္စည်း",
    "Daily Necessities": "နေ့စဉ်သုံးပစ္စည်း",
    # machinery-equipment
    "Machinery": "စက်ယန္တရား",
    "Heavy Industry": "အကြီးစားစက်မှုလုပ်ငန်း",
    "Equipment Manufacturing": "စက်ပစ္စည်းထုတ်လုပ်ရေး",
    "Machinery Manufacturing": "စက်ယန္တရားထုတ်လုပ်ရေး",
    "Industrial Equipment": "စက်မှုသုံးပစ္စည်းကိရိယာ",
    "Mechanical and Electrical": "စက်မှုနှင့်လျှပ်စစ်",
    # healthcare
    "Pharmaceutical": "ဆေးဝါး",
    "Medical Technology": "ဆေးဘက်ဆိုင်ရာနည်းပညာ",
    "Biotechnology": "ဇီဝနည်းပညာ",
    "Health Industry": "ကျန်းမာရေးလုပ်ငန်း",
    "Health Products": "ကျန်းမာရေးထုတ်ကုန်",
    "Life Sciences": "ဇီဝသိပ္ပံ",
    # building-materials
    "Building Materials": "ဆောက်လုပ်ရေးပစ္စည်း",
    "Construction Materials": "ဆောက်လုပ်ရေးသုံးပစ္စည်း",
    "Home Building Materials": "အိမ်အလှဆင်ပစ္စည်း",
    "New Materials": "ပစ္စည်းသစ်",
    "Building Technology": "ဆောက်လုပ်ရေးနည်းပညာ",
    # textiles-apparel
    "Textile": "အထည်အလိပ်",
    "Garment": "အထည်ချုပ်",
    "Apparel": "အဝတ်အထည်",
    "Knitting": "ချည်ထိုး",
    "Home Textiles": "အိမ်သုံးအထည်",
    "Fashion": "ဖက်ရှင်",
    # forestry-rubber
    "Rubber and Wood": "ရော်ဘာနှင့်သစ်",
    "Forest Products": "သစ်တောထွက်ကုန်",
    "Forestry Development": "သစ်တောဖွံ့ဖြိုးရေး",
    "Rubber and Timber": "ရော်ဘာနှင့်သစ်လုံး",
    "Green Materials": "စိမ်းလန်းပစ္စည်း",
    # buyers
    "Trading": "ကုန်သွယ်ရေး",
    "Import and Export": "ပို့ကုန်သွင်းကုန်",
    "Supply Chain": "ထောက်ပံ့ရေးကွင်းဆက်",
    "Commerce": "ကူးသန်းရောင်းဝယ်ရေး",
    "Distribution": "ဖြန့်ဖြူးရေး",
    "International Trade": "နိုင်ငံတကာကုန်သွယ်ရေး",
    "Procurement Services": "ဝယ်ယူရေးဝန်ဆောင်မှု",
    "Sourcing": "ကုန်ပစ္စည်းဝယ်ယူရေး",
    "Industrial": "စက်မှုလုပ်ငန်း",
    "Wholesale": "လက်ကား",
    # investors
    "Capital": "အရင်းအနှီး",
    "Investment": "ရင်းနှီးမြှုပ်နှံမှု",
    "Ventures": "စွန့်ဦးလုပ်ငန်း",
    "Industrial Investment": "စက်မှုရင်းနှီးမြှုပ်နှံမှု",
    "Asset Management": "ပိုင်ဆိုင်မှုစီမံခန့်ခွဲမှု",
}

LOCAL_WORDS: dict[str, dict[str, str]] = {
    "vi": _VI,
    "th": _TH,
    "id": _ID,
    "ms": _MS,
    "km": _KM,
    "lo": _LO,
    "my": _MY,
}
