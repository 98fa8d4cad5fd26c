# ruff: noqa: E501  (data tables: one product or country per line reads best)
"""Words the demo builds organisation names from, country by country, in English and Chinese.

Names combine a brand (one or two words, transliterated or translated into Chinese the way
companies do), an industry word and the country's usual legal form, so a Vietnamese company
reads "Minh Phat Agricultural Products JSC" / "越南明发农产品股份公司" and an Indonesian one
"PT Sinar Abadi Food Industry Tbk". Brands are invented; combinations that spell a well-known
real company are excluded.
"""

from dataclasses import dataclass


def _pairs(spec: str) -> tuple[tuple[str, str], ...]:
    """``"Hanoi=河内|Da Nang=岘港"`` → ``(("Hanoi", "河内"), ("Da Nang", "岘港"))``."""
    return tuple(tuple(item.split("=")) for item in spec.split("|"))  # type: ignore[misc]


@dataclass(frozen=True)
class CountryProfile:
    code: str
    tld: str
    # (prefix, suffix, Chinese suffix), e.g. ("PT ", " Tbk", "股份有限公司")
    forms: tuple[tuple[str, str, str], ...]
    brands: tuple[tuple[str, str], ...]
    cities: tuple[tuple[str, str], ...]
    two_word_brands: bool = False


def _profile(
    code: str, tld: str, forms: str, brands: str, cities: str, two: bool = False
) -> CountryProfile:
    parsed_forms = tuple(
        (prefix, suffix, zh)
        for prefix, suffix, zh in (form.split("/") for form in forms.split("|"))
    )
    return CountryProfile(code, tld, parsed_forms, _pairs(brands), _pairs(cities), two)


# fmt: off
FOREIGN_PROFILES = {p.code: p for p in [
    # ASEAN: two-word brands, so there are enough distinct names for hundreds of buyers.
    _profile("VN", "com.vn", "/ JSC/股份公司|/ Co., Ltd./有限责任公司|/ Joint Stock Company/股份公司",
             "Minh=明|Phat=发|Thanh=成|Dat=达|Hoang=皇|An=安|Phu=富|Tan=新|Hung=兴|Thinh=盛|Dai=大|"
             "Nam=南|Duc=德|Viet=越|Hoa=和|Binh=平|Quang=光|Kim=金|Hai=海|Son=山|Gia=嘉|Tien=进",
             "Hanoi=河内|Ho Chi Minh City=胡志明市|Hai Phong=海防|Da Nang=岘港|Can Tho=芹苴|"
             "Lang Son=谅山", two=True),
    _profile("TH", "co.th", "/ Co., Ltd./有限公司|/ Public Company Limited/大众有限公司",
             "Rattana=叻达纳|Charoen=乍伦|Sombat=颂巴|Wattana=瓦他那|Kasem=格森|Prasert=巴色|"
             "Lanna=兰纳|Sukhothai=素可泰|Chaiya=猜耶|Thanakorn=他那功|Srisuk=诗丽苏|Ayutthaya=大城|"
             "Mongkol=蒙功|Sakul=沙功",
             "Bangkok=曼谷|Chiang Mai=清迈|Chonburi=春武里|Rayong=罗勇|Songkhla=宋卡|Chanthaburi=尖竹汶",
             two=True),
    _profile("MY", "com.my", "/ Sdn Bhd/私人有限公司|/ Berhad/有限公司",
             "Bintang=星|Mutiara=珍珠|Permata=宝石|Cahaya=光|Harapan=希望|Sinar=辉|Jaya=嘉雅|"
             "Kencana=金|Murni=纯|Setia=诚信|Damai=和平|Indah=美|Warisan=传承|Gemilang=辉煌",
             "Kuala Lumpur=吉隆坡|Penang=槟城|Johor Bahru=新山|Ipoh=怡保|Kuching=古晋|Klang=巴生",
             two=True),
    _profile("ID", "co.id", "PT //有限公司|PT / Tbk/股份有限公司",
             "Nusantara=努山塔拉|Sinar=光芒|Maju=进步|Abadi=永恒|Jaya=嘉雅|Sentosa=安乐|Makmur=繁荣|"
             "Sejahtera=福祉|Cahaya=光|Mulia=穆利亚|Prima=普利马|Gemilang=辉煌|Karya=卡尔亚|Bumi=大地",
             "Jakarta=雅加达|Surabaya=泗水|Medan=棉兰|Bandung=万隆|Semarang=三宝垄|Makassar=望加锡",
             two=True),
    _profile("SG", "com.sg", "/ Pte Ltd/私人有限公司|/ Pte. Ltd./私人有限公司",
             "Merlion=鱼尾狮|Straits=海峡|Orchid=胡姬|Jurong=裕廊|Tanjong=丹戎|Kallang=加冷|Bukit=武吉|"
             "Changi=樟宜|Serangoon=实龙岗|Marina=滨海|Sentinel=森蒂|Lumen=流明",
             "Singapore=新加坡", two=True),
    _profile("PH", "com.ph", "/ Inc./公司|/ Corporation/股份公司",
             "Luzon=吕宋|Visayas=米沙鄢|Maharlika=马哈利卡|Bayanihan=巴亚尼汉|Sampaguita=茉莉|"
             "Mabuhay=马布海|Tala=塔拉|Liwayway=黎明|Dagat=海洋|Bituin=星辰|Araw=阳光|Lakan=拉坎",
             "Manila=马尼拉|Cebu=宿务|Davao=达沃|Quezon City=奎松市", two=True),
    _profile("KH", "com.kh", "/ Co., Ltd./有限公司|/ Import Export Co., Ltd./进出口有限公司",
             "Angkor=吴哥|Mekong=湄公|Tonle=洞里|Khmer=高棉|Apsara=阿普萨拉|Sovann=索万|Bayon=巴戎|"
             "Kampot=贡布|Preah=普列|Chenla=真腊|Meas=金|Reaksmey=光明",
             "Phnom Penh=金边|Siem Reap=暹粒|Sihanoukville=西哈努克|Battambang=马德望", two=True),
    _profile("LA", "la", "/ Sole Co., Ltd./独资有限公司|/ Co., Ltd./有限公司",
             "Lanexang=澜沧|Champa=占巴|Mekong=湄公|Phou=普|Sengdao=星道|Savan=沙湾|Dokmai=花|"
             "Kham=坎|Vilay=维莱|Sisavang=西萨旺|Phoukhao=普考",
             "Vientiane=万象|Luang Prabang=琅勃拉邦|Savannakhet=沙湾拿吉|Pakse=巴色", two=True),
    _profile("MM", "com.mm", "/ Co., Ltd./有限公司|/ Company Limited/有限公司",
             "Ayeyarwady=伊洛瓦底|Shwe=瑞|Yadanar=雅达纳|Thiri=蒂丽|Aung=昂|Myint=敏|Zaw=左|"
             "Mandalar=曼德勒|Bagan=蒲甘|Thanlwin=萨尔温|Pyi=彪|Mya=妙",
             "Yangon=仰光|Mandalay=曼德勒|Muse=木姐|Naypyidaw=内比都", two=True),
    _profile("BN", "com.bn", "/ Sdn Bhd/私人有限公司",
             "Bandar=斑达|Seri=斯里|Cahaya=光|Begawan=贝加湾|Mulia=穆利亚|Permai=佩迈|Intan=钻石|"
             "Wira=维拉|Suria=阳光",
             "Bandar Seri Begawan=斯里巴加湾|Kuala Belait=瓜拉马来奕", two=True),
    # Other Belt and Road partners.
    _profile("PK", "com.pk", "/ (Pvt.) Ltd./私人有限公司", "Indus=印度河|Karakoram=喀喇昆仑|Sialkot=锡亚尔科特|Ravi=拉维|Chenab=杰纳布|Margalla=马尔加拉|Noor=努尔", "Karachi=卡拉奇|Lahore=拉合尔|Islamabad=伊斯兰堡"),
    _profile("KZ", "kz", "/ LLP/有限责任合伙企业|/ JSC/股份公司", "Altyn=阿尔腾|Steppe=草原|Almaty Tau=阿拉山|Saryarka=萨雷阿尔卡|Baiterek=巴伊杰列克|Kazyna=卡兹纳", "Almaty=阿拉木图|Astana=阿斯塔纳"),
    _profile("UZ", "uz", "/ LLC/有限责任公司|/ JSC/股份公司", "Samarkand=撒马尔罕|Bukhara=布哈拉|Zarafshan=泽拉夫尚|Fergana=费尔干纳|Turon=图伦", "Tashkent=塔什干|Samarkand=撒马尔罕"),
    _profile("RU", "ru", "/ LLC/有限责任公司|/ JSC/股份公司", "Baikal=贝加尔|Volga=伏尔加|Sibir=西伯|Amur=阿穆尔|Ural=乌拉尔|Severnaya=北方|Primorye=滨海", "Moscow=莫斯科|Vladivostok=符拉迪沃斯托克|Novosibirsk=新西伯利亚"),
    _profile("TR", "com.tr", "/ A.Ş./股份公司|/ Ltd. Şti./有限公司", "Anadolu=安纳托利亚|Ege=爱琴|Bosfor=博斯普鲁斯|Kapadokya=卡帕多奇亚|Marmara=马尔马拉|Toros=托罗斯", "Istanbul=伊斯坦布尔|Izmir=伊兹密尔|Bursa=布尔萨"),
    _profile("AE", "ae", "/ LLC/有限责任公司|/ FZE/自贸区公司", "Al Noor=努尔|Falcon=猎鹰|Oasis=绿洲|Al Waha=瓦哈|Dune=沙丘|Pearl Gulf=珍珠湾", "Dubai=迪拜|Abu Dhabi=阿布扎比|Sharjah=沙迦"),
    _profile("SA", "com.sa", "/ Co./公司|/ LLC/有限责任公司", "Al Rawabi=拉瓦比|Najd=内志|Hijaz=汉志|Al Yamamah=亚马马|Red Sea Star=红海之星|Al Safwa=萨夫瓦", "Riyadh=利雅得|Jeddah=吉达|Dammam=达曼"),
    _profile("BD", "com.bd", "/ Ltd./有限公司", "Padma=帕德玛|Meghna=梅克纳|Sonar=索纳尔|Jamuna=贾木纳|Sundarban=孙德尔本斯|Rupali=鲁帕利", "Dhaka=达卡|Chattogram=吉大港"),
    _profile("LK", "lk", "/ (Pvt) Ltd/私人有限公司", "Lanka Ceylon=锡兰|Serendib=塞伦迪布|Kandy Hills=康提山|Ruhuna=鲁胡纳|Sigiri=锡吉里|Nuwara=努沃勒", "Colombo=科伦坡|Kandy=康提"),
    _profile("NP", "com.np", "/ Pvt. Ltd./私人有限公司", "Himalayan=喜马拉雅|Annapurna=安纳布尔纳|Sagarmatha=萨加玛塔|Lumbini=蓝毗尼|Gandaki=甘达基", "Kathmandu=加德满都|Pokhara=博卡拉"),
    _profile("MN", "mn", "/ LLC/有限责任公司", "Khangai=杭爱|Altai=阿尔泰|Selenge=色楞格|Tengis=腾吉斯|Gobi Steppe=戈壁草原", "Ulaanbaatar=乌兰巴托"),
    _profile("EG", "com.eg", "/ S.A.E./股份公司|/ LLC/有限责任公司", "Nile Delta=尼罗河三角洲|Pharos=法罗斯|Sinai=西奈|Memphis=孟菲斯|Luxor=卢克索|Aswan=阿斯旺", "Cairo=开罗|Alexandria=亚历山大"),
    _profile("ZA", "co.za", "/ (Pty) Ltd/有限公司", "Protea=帝王花|Drakensberg=德拉肯斯堡|Karoo=卡鲁|Highveld=高原|Table Bay=桌湾|Limpopo=林波波", "Johannesburg=约翰内斯堡|Cape Town=开普敦|Durban=德班"),
    _profile("KE", "co.ke", "/ Ltd/有限公司", "Kilima=基利马|Savanna=萨凡纳|Rift Valley=裂谷|Tana=塔纳|Mara=马拉", "Nairobi=内罗毕|Mombasa=蒙巴萨"),
    _profile("NG", "com.ng", "/ Ltd/有限公司|/ Plc/股份公司", "Niger Delta=尼日尔三角洲|Zuma Rock=祖玛岩|Benue=贝努埃|Osun=奥孙|Eko=埃科", "Lagos=拉各斯|Abuja=阿布贾"),
    _profile("NZ", "co.nz", "/ Ltd/有限公司", "Kiwi Coast=奇异海岸|Southern Alps=南阿尔卑斯|Tasman=塔斯曼|Kauri=贝壳杉|Pohutu=波胡图|Manuka Bay=麦卢卡湾", "Auckland=奥克兰|Christchurch=基督城"),
    _profile("CL", "cl", "/ S.A./股份公司|/ SpA/股份公司", "Andes=安第斯|Atacama=阿塔卡马|Maule=马乌莱|Patagonia=巴塔哥尼亚|Aconcagua=阿空加瓜", "Santiago=圣地亚哥|Valparaíso=瓦尔帕莱索"),
    _profile("PE", "com.pe", "/ S.A.C./封闭式股份公司", "Inca Sol=印加太阳|Titicaca=的的喀喀|Huascaran=瓦斯卡兰|Nazca=纳斯卡|Urubamba=乌鲁班巴", "Lima=利马|Arequipa=阿雷基帕"),
    _profile("HU", "hu", "/ Kft./有限责任公司|/ Zrt./股份公司", "Duna=多瑙|Tisza=蒂萨|Balaton=巴拉顿|Mátra=马特劳|Pannon=潘农", "Budapest=布达佩斯|Debrecen=德布勒森"),
    _profile("RS", "rs", "/ d.o.o./有限责任公司", "Morava=摩拉瓦|Drina=德里纳|Sava=萨瓦|Zlatibor=兹拉蒂博尔|Avala=阿瓦拉", "Belgrade=贝尔格莱德|Novi Sad=诺维萨德"),
    _profile("GR", "gr", "/ S.A./股份公司", "Aegean Blue=爱琴蓝|Olympus=奥林匹斯|Cyclades=基克拉泽斯|Pindos=品都斯|Ionian=爱奥尼亚", "Athens=雅典|Piraeus=比雷埃夫斯|Thessaloniki=塞萨洛尼基"),
    _profile("KG", "kg", "/ LLC/有限责任公司", "Issyk=伊塞克|Tian Shan=天山|Ala-Too=阿拉套|Naryn=纳伦|Sulaiman=苏莱曼", "Bishkek=比什凯克|Osh=奥什"),
    _profile("QA", "com.qa", "/ W.L.L./有限责任公司", "Al Dana=达纳|Lusail=卢赛尔|Dukhan=杜汉|Al Bidda=比达|Zubarah=祖巴拉", "Doha=多哈"),
    # Countries that are not Belt and Road partners.
    _profile("JP", "co.jp", "/ Co., Ltd./株式会社|/ Corporation/株式会社", "Sakura Seiki=樱精机|Kasumi=霞|Hoshizora=星空|Midorikawa=绿川|Asahina=朝比奈|Tsubasa=翼|Kiyomizu=清水", "Tokyo=东京|Osaka=大阪|Nagoya=名古屋"),
    _profile("KR", "co.kr", "/ Co., Ltd./株式会社|/ Corp./株式会社", "Hanbit=韩光|Saebyeok=晨曦|Mirae Tech=未来科技|Dasan=茶山|Haneul=天空|Gaon=嘉温|Nuri=世界", "Seoul=首尔|Busan=釜山|Incheon=仁川"),
    _profile("US", "com", "/ Inc./公司|/ LLC/有限责任公司", "Redwood=红杉|Bluegrass=蓝草|Clearwater=清水|Summit Ridge=峰岭|Great Lakes=五大湖|Pinecrest=松冠|Cascade=喀斯喀特", "San Jose=圣何塞|Houston=休斯敦|Chicago=芝加哥|Seattle=西雅图"),
    _profile("DE", "de", "/ GmbH/有限公司|/ AG/股份公司", "Rheintal=莱茵谷|Alpenlicht=阿尔卑光|Nordwerk=诺德威|Weserland=威悉兰|Falkenstein=法尔肯施泰因|Lindenhof=林登霍夫|Schwarzach=施瓦察赫", "Stuttgart=斯图加特|Munich=慕尼黑|Hamburg=汉堡|Düsseldorf=杜塞尔多夫"),
    _profile("FR", "fr", "/ SAS/简化股份公司|/ SA/股份公司", "Val de Loire=卢瓦尔河谷|Lumière=流明|Azur=蔚蓝|Bellerive=贝勒里夫|Montclair=蒙克莱尔|Garonne=加龙", "Paris=巴黎|Lyon=里昂|Toulouse=图卢兹"),
    _profile("GB", "co.uk", "/ Ltd/有限公司|/ plc/股份公司", "Thameside=泰晤士|Pennine=奔宁|Highgate=海格特|Severn=塞文|Cotswold=科茨沃尔德|Kestrel=红隼", "London=伦敦|Manchester=曼彻斯特|Birmingham=伯明翰"),
    _profile("IN", "co.in", "/ Pvt. Ltd./私人有限公司|/ Ltd./有限公司", "Ganga=恒河|Deccan=德干|Sahyadri=萨亚德里|Kaveri=高韦里|Narmada=讷尔默达|Aravalli=阿拉瓦利|Vindhya=温迪亚", "Mumbai=孟买|Bengaluru=班加罗尔|Chennai=金奈|Pune=浦那"),
    _profile("AU", "com.au", "/ Pty Ltd/私人有限公司", "Southern Cross=南十字|Coral Coast=珊瑚海岸|Wattle=金合欢|Kimberley=金伯利|Murray River=墨累河|Eucalypt=桉树", "Sydney=悉尼|Melbourne=墨尔本|Perth=珀斯|Brisbane=布里斯班"),
    _profile("CA", "ca", "/ Inc./公司|/ Ltd./有限公司", "Maple Ridge=枫岭|Northern Lights=北极光|Laurentian=劳伦琴|Fraser=弗雷泽|Okanagan=奥肯那根", "Toronto=多伦多|Vancouver=温哥华|Montreal=蒙特利尔"),
    _profile("NL", "nl", "/ B.V./私人有限公司", "Zuiderzee=须德海|Polderland=圩田|Tulpenveld=郁金香田|Maaskant=马斯坎特|Delta Werk=三角洲", "Rotterdam=鹿特丹|Eindhoven=埃因霍温|Amsterdam=阿姆斯特丹"),
    _profile("CH", "ch", "/ AG/股份公司|/ SA/股份公司", "Alpenrose=阿尔卑玫瑰|Jungfrau Tech=少女峰科技|Léman=莱芒|Rigi=瑞吉|Engadin=恩嘎丁", "Zurich=苏黎世|Geneva=日内瓦|Basel=巴塞尔"),
]}

# city, 城市, province, 省份, weight: Guangxi hosts the fair, so its firms come in numbers.
CHINESE_PLACES = [
    ("Nanning", "南宁", "Guangxi", "广西", 14), ("Liuzhou", "柳州", "Guangxi", "广西", 7),
    ("Guilin", "桂林", "Guangxi", "广西", 5), ("Wuzhou", "梧州", "Guangxi", "广西", 3),
    ("Beihai", "北海", "Guangxi", "广西", 3), ("Qinzhou", "钦州", "Guangxi", "广西", 3),
    ("Fangchenggang", "防城港", "Guangxi", "广西", 2), ("Yulin", "玉林", "Guangxi", "广西", 3),
    ("Baise", "百色", "Guangxi", "广西", 2), ("Chongzuo", "崇左", "Guangxi", "广西", 2),
    ("Shenzhen", "深圳", "Guangdong", "广东", 8), ("Guangzhou", "广州", "Guangdong", "广东", 6),
    ("Foshan", "佛山", "Guangdong", "广东", 4), ("Dongguan", "东莞", "Guangdong", "广东", 3),
    ("Kunming", "昆明", "Yunnan", "云南", 4), ("Chengdu", "成都", "Sichuan", "四川", 4),
    ("Chongqing", "重庆", "Chongqing", "重庆", 4), ("Hangzhou", "杭州", "Zhejiang", "浙江", 4),
    ("Ningbo", "宁波", "Zhejiang", "浙江", 3), ("Yiwu", "义乌", "Zhejiang", "浙江", 2),
    ("Suzhou", "苏州", "Jiangsu", "江苏", 4), ("Wuxi", "无锡", "Jiangsu", "江苏", 2),
    ("Xiamen", "厦门", "Fujian", "福建", 3), ("Fuzhou", "福州", "Fujian", "福建", 2),
    ("Qingdao", "青岛", "Shandong", "山东", 3), ("Jinan", "济南", "Shandong", "山东", 2),
    ("Changsha", "长沙", "Hunan", "湖南", 3), ("Wuhan", "武汉", "Hubei", "湖北", 3),
    ("Shanghai", "上海", "Shanghai", "上海", 5), ("Beijing", "北京", "Beijing", "北京", 4),
    ("Tianjin", "天津", "Tianjin", "天津", 2), ("Haikou", "海口", "Hainan", "海南", 2),
    ("Hefei", "合肥", "Anhui", "安徽", 2), ("Zhengzhou", "郑州", "Henan", "河南", 2),
]

# Two syllables make a Chinese brand: 华 + 瑞 → 华瑞 Huarui.
CHINESE_SYLLABLES = _pairs(
    "华=Hua|瑞=Rui|鑫=Xin|德=De|盛=Sheng|泰=Tai|联=Lian|创=Chuang|达=Da|恒=Heng|博=Bo|源=Yuan|"
    "海=Hai|天=Tian|宇=Yu|锦=Jin|丰=Feng|佳=Jia|宏=Hong|新=Xin|正=Zheng|东=Dong|南=Nan|星=Xing|"
    "光=Guang|明=Ming|通=Tong|捷=Jie|远=Yuan|智=Zhi|安=An|康=Kang|和=He|润=Run|金=Jin|鸿=Hong|"
    "凯=Kai|峰=Feng|越=Yue|合=He|中=Zhong|汇=Hui|信=Xin|祥=Xiang|昌=Chang|隆=Long|腾=Teng|"
    "飞=Fei|龙=Long|桂=Gui|邕=Yong|灏=Hao|晟=Sheng|弘=Hong|铭=Ming|骏=Jun"
)
# Pairs that spell famous real companies.
FAMOUS_CHINESE_BRANDS = frozenset(
    ["海信", "天合", "中兴", "华润", "中海", "中信", "华信", "恒大", "恒瑞", "华泰", "中泰", "新华", "华安", "宇通", "金龙", "海天", "海康", "大华", "华海", "恒安", "正泰", "光明", "中通", "天瑞", "天能", "华宇", "明阳", "金风", "中联", "华联", "中天", "中金", "华星", "汇源", "达安", "博信", "联创", "星源", "南光", "东方", "国光", "飞龙", "安泰", "海德", "金达", "德信"]
)
CHINESE_FORMS = [
    ("Co., Ltd.", "有限公司"), ("Co., Ltd.", "股份有限公司"), ("Group Co., Ltd.", "集团有限公司"),
]

# Industry words per sector: what exhibitors make and what buyers do.
MAKER_WORDS = {
    "artificial-intelligence": _pairs("Intelligent Technology=智能科技|AI Technology=人工智能科技|Robotics=机器人|Vision Technology=视觉科技|Data Intelligence=数据智能|Smart Systems=智能系统"),
    "new-quality-productivity": _pairs("Intelligent Equipment=智能装备|Laser Technology=激光科技|Precision Machinery=精密机械|Advanced Manufacturing=先进制造|Drone Technology=无人机科技|Semiconductor Equipment=半导体装备"),
    "blue-economy": _pairs("Marine=海洋|Ocean Industry=海洋产业|Marine Development=海洋开发|Blue Ocean=蓝海|Marine Technology=海洋科技|Harbour Industry=港湾实业"),
    "digital-economy": _pairs("Digital Technology=数字科技|Electronics=电子|Communication Technology=通信技术|Display Technology=显示科技|Network Technology=网络科技|Information Technology=信息技术"),
    "green-economy": _pairs("New Energy=新能源|Solar Energy=光伏能源|Power Technology=电力科技|Energy Storage=储能科技|Electric Vehicle=新能源汽车|Green Power=绿色电力"),
    "agriculture-food": _pairs("Agricultural Products=农产品|Food=食品|Agriculture Development=农业发展|Agribusiness=农业综合|Food Industry=食品工业|Green Agriculture=绿色农业"),
    "foreign-trade-quality-products": _pairs("Consumer Products=消费品|Quality Goods=优品|Lifestyle Products=生活用品|Brand Management=品牌管理|Home and Living=家居生活|Daily Necessities=日用品"),
    "machinery-equipment": _pairs("Machinery=机械|Heavy Industry=重工|Equipment Manufacturing=装备制造|Machinery Manufacturing=机械制造|Industrial Equipment=工业设备|Mechanical and Electrical=机电"),
    "healthcare": _pairs("Pharmaceutical=药业|Medical Technology=医疗科技|Biotechnology=生物科技|Health Industry=健康产业|Health Products=健康产品|Life Sciences=生命科学"),
    "building-materials": _pairs("Building Materials=建材|Construction Materials=建筑材料|Home Building Materials=家居建材|New Materials=新材料|Building Technology=建筑科技"),
    "textiles-apparel": _pairs("Textile=纺织|Garment=服装|Apparel=服饰|Knitting=针织|Home Textiles=家纺|Fashion=时装"),
    "forestry-rubber": _pairs("Rubber and Wood=橡胶木业|Forest Products=林产品|Forestry Development=林业发展|Rubber and Timber=橡胶林业|Green Materials=绿色材料"),
}
BUYER_WORDS = _pairs(
    "Trading=贸易|Import and Export=进出口|Supply Chain=供应链|Commerce=商贸|Distribution=分销|"
    "International Trade=国际贸易|Procurement Services=采购服务|Sourcing=采购|Industrial=实业|"
    "Wholesale=批发"
)
INVESTOR_WORDS = _pairs(
    "Capital=资本|Investment=投资|Ventures=创投|Industrial Investment=产业投资|Asset Management=资产管理"
)
# fmt: on

# Exhibitors per foreign country: 10 ASEAN + 23 other Belt and Road partners + 11 others.
EXHIBITORS_BY_COUNTRY = {
    "VN": 190, "TH": 160, "MY": 150, "ID": 140, "SG": 70, "PH": 60, "KH": 70, "LA": 55,
    "MM": 60, "BN": 20,
    "PK": 14, "KZ": 10, "UZ": 7, "RU": 16, "TR": 11, "AE": 9, "SA": 6, "BD": 9, "LK": 8,
    "NP": 5, "MN": 6, "EG": 7, "ZA": 6, "KE": 4, "NG": 4, "NZ": 5, "CL": 4, "PE": 3, "HU": 4,
    "RS": 3, "GR": 3, "KG": 3, "QA": 3,
    "JP": 14, "KR": 16, "US": 8, "DE": 8, "FR": 6, "GB": 6, "IN": 12, "AU": 8, "CA": 4,
    "NL": 5, "CH": 4,
}  # fmt: skip
# Buyers per country; the rest of the 10,200 are Chinese.
FOREIGN_BUYERS_BY_COUNTRY = {
    "VN": 800, "TH": 650, "MY": 600, "ID": 600, "SG": 300, "PH": 350, "KH": 200, "LA": 150,
    "MM": 200, "BN": 50,
    "PK": 60, "KZ": 50, "UZ": 40, "RU": 70, "TR": 40, "AE": 60, "SA": 40, "BD": 40, "LK": 30,
    "NP": 20, "MN": 20, "EG": 30, "ZA": 25, "KE": 20, "NG": 20, "NZ": 20, "CL": 15, "PE": 15,
    "HU": 15, "RS": 15, "GR": 15, "KG": 15, "QA": 15,
    "JP": 40, "KR": 50, "US": 30, "DE": 25, "FR": 15, "GB": 15, "IN": 40, "AU": 25, "CA": 15,
    "NL": 10, "CH": 10,
}  # fmt: skip
