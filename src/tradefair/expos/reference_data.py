"""Facts the platform ships with: country groups and the expo's sector themes.

Belt and Road partners: countries that signed cooperation documents on the Belt and Road
Initiative with China (list as published on the Belt and Road portal in 2025, Italy withdrawn
in 2023). Organisers can edit every group in the admin.

The English names are also messages of the catalogue (``gettext_noop``): the other languages of
the site read them through ``expos.names.reference_name``, the Chinese from the rows' own field.
"""

from django.utils.translation import gettext_noop

# fmt: off
ASEAN = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"]
RCEP = [*ASEAN, "CN", "JP", "KR", "AU", "NZ"]
BELT_AND_ROAD = [
    *ASEAN,
    # Asia
    "AF", "AM", "AZ", "BD", "BH", "GE", "IQ", "IR", "KG", "KZ", "KW", "LB",
    "LK", "MN", "MV", "NP", "OM", "PK", "PS", "QA", "SA", "SY", "TJ", "TL", "TM", "TR", "AE",
    "UZ", "YE",
    # Europe
    "AL", "AT", "BA", "BG", "BY", "CY", "CZ", "EE", "GR", "HR", "HU", "LT", "LU", "LV", "MD",
    "ME", "MK", "MT", "PL", "PT", "RO", "RS", "RU", "SI", "SK", "UA",
    # Africa
    "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "ER",
    "ET", "GA", "GH", "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML",
    "MR", "MU", "MW", "MZ", "NA", "NE", "NG", "RW", "SC", "SD", "SL", "SN", "SO", "SS", "ST",
    "TD", "TG", "TN", "TZ", "UG", "ZA", "ZM", "ZW",
    # Oceania
    "CK", "FJ", "FM", "KI", "NR", "NU", "NZ", "PG", "SB", "TO", "VU", "WS",
    # Americas
    "AG", "AR", "BB", "BO", "CL", "CR", "CU", "DM", "DO", "EC", "GD", "GY", "HN", "JM", "NI",
    "PA", "PE", "SR", "SV", "TT", "UY", "VE",
]

COUNTRY_GROUPS = [
    ("asean", gettext_noop("ASEAN"), "东盟", ASEAN),
    ("rcep", gettext_noop("RCEP"), "区域全面经济伙伴关系协定", RCEP),
    ("belt-and-road", gettext_noop("Belt and Road partners"), "共建“一带一路”国家", BELT_AND_ROAD),
]

# slug, English, Chinese, HS headings typical of the theme.
SECTORS = [
    ("artificial-intelligence", gettext_noop("Artificial intelligence"), "人工智能",
     ["8471", "8473", "8542", "8517", "8479", "8525", "8543", "9031"]),
    ("new-quality-productivity", gettext_noop("New quality productivity"), "新质生产力",
     ["8456", "8457", "8462", "8486", "8515", "9027", "8802", "8806"]),
    ("blue-economy", gettext_noop("Blue economy"), "蓝色经济",
     ["0302", "0303", "0304", "0306", "0307", "1604", "1605", "8901", "8902", "8905"]),
    ("digital-economy", gettext_noop("Digital economy"), "数字经济",
     ["8517", "8523", "8528", "8529", "8471", "8504", "8544"]),
    ("green-economy", gettext_noop("Green economy"), "绿色经济",
     ["8541", "8507", "8502", "8703", "8711", "8504", "8501", "8506"]),
    ("agriculture-food", gettext_noop("Agriculture and food"), "农业与食品",
     ["0803", "0804", "0810", "0901", "1006", "0714", "1511", "2008", "1701", "0902"]),
    ("foreign-trade-quality-products", gettext_noop("Foreign-trade quality products"), "外贸优品",
     ["3304", "9403", "6403", "4202", "7113", "1905", "2106", "6911", "9503"]),
    ("machinery-equipment", gettext_noop("Machinery and equipment"), "机械装备",
     ["8429", "8701", "8432", "8433", "8424", "8422", "8414", "8481"]),
    ("healthcare", gettext_noop("Healthcare and biomedicine"), "医疗健康与生物医药",
     ["3004", "3002", "9018", "9019", "9021", "3006", "1302"]),
    ("building-materials", gettext_noop("Building materials"), "建筑材料",
     ["6907", "6802", "7308", "2523", "7210", "4418", "3925"]),
    ("textiles-apparel", gettext_noop("Textiles and apparel"), "纺织服装",
     ["5208", "5407", "6109", "6110", "6203", "6204", "6302"]),
    ("forestry-rubber", gettext_noop("Forestry, wood and rubber"), "林业、木材与橡胶",
     ["4001", "4011", "4015", "4407", "4409", "4412", "4802"]),
]
# fmt: on
