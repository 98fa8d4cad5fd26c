"""Words the demo builds an ASEAN company's name from in the company's own language and script.

``vocabulary.py`` names every organisation in English and Chinese; a company from Viet Nam,
Thailand, Indonesia, Malaysia or Brunei also gets the name it registers at home, e.g.
"Minh Phat Agricultural Products JSC" → "Công ty Cổ phần Nông sản Minh Phát" and
"Rattana Charoen Agricultural Products Co., Ltd." → "บริษัท รัตนาเจริญ ผลิตภัณฑ์การเกษตร จำกัด".
The tables give the industry words as companies of each country put them in their names, the
Vietnamese and Thai spelling of the Latin brands (Indonesian, Malaysian and Bruneian brands are
already written in their own language), and each legal form as a whole name in the local word
order. Cambodian, Lao and Myanmar companies get no local name here: Khmer, Lao and Burmese are
left out because the machines have no fonts for their scripts.

Vietnamese is in NFC with the traditional tone placement ("Hòa", "Sức khỏe"), and capitalises
the first syllable of each word of a name ("Công nghệ Thông minh"), as company names do.
"""

# The language a country's company names are written in (ISO 639-1).
LOCAL_LANGUAGE: dict[str, str] = {"VN": "vi", "TH": "th", "ID": "id", "MY": "ms", "BN": "ms"}

# How the two words of a brand are joined: Thai writes them as one word ("รัตนาเจริญ").
BRAND_JOINER: dict[str, str] = {"VN": " ", "TH": "", "ID": " ", "MY": " ", "BN": " "}

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

LOCAL_WORDS: dict[str, dict[str, str]] = {"vi": _VI, "th": _TH, "id": _ID, "ms": _MS}
