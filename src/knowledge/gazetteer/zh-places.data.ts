/**
 * Chinese names of places that the npm gazetteers do not carry. Country names (zh and en) come from
 * `i18n-iso-countries`; city coordinates and populations from `city-timezones` (Natural Earth populated places,
 * MIT); GPS → country from `@rapideditor/country-coder`. This table adds what none of them has: the Chinese
 * names of China's 34 provincial-level divisions and of its cities over about 1 M people (plus every provincial
 * capital), and the Chinese names of the world's large cities.
 *
 * Where the names come from: the standard Chinese forms used by Xinhua and the official names of the PRC's
 * administrative divisions (民政部《中华人民共和国行政区划简册》), as written on the zh Wikipedia article titles;
 * checked by hand. `en` is the key into city-timezones (`city_ascii`, spelled as that data spells it, e.g.
 * "Shenyeng", "Xian"); `province` is the correct province (that data misfiles a few, e.g. Xining under Gansu).
 */

export interface ZhProvince {
  zh: string;
  /** Full official form ("四川省"); the short form is `zh`. */
  full: string;
  en: string;
  iso2: 'CN' | 'HK' | 'MO' | 'TW';
  /** The capital (or centre), for distances. */
  lat: number;
  lon: number;
}

export const ZH_PROVINCES: ZhProvince[] = [
  { zh: '北京', full: '北京市', en: 'Beijing', iso2: 'CN', lat: 39.904, lon: 116.407 },
  { zh: '天津', full: '天津市', en: 'Tianjin', iso2: 'CN', lat: 39.084, lon: 117.2 },
  { zh: '上海', full: '上海市', en: 'Shanghai', iso2: 'CN', lat: 31.23, lon: 121.474 },
  { zh: '重庆', full: '重庆市', en: 'Chongqing', iso2: 'CN', lat: 29.563, lon: 106.551 },
  { zh: '河北', full: '河北省', en: 'Hebei', iso2: 'CN', lat: 38.043, lon: 114.515 },
  { zh: '山西', full: '山西省', en: 'Shanxi', iso2: 'CN', lat: 37.87, lon: 112.549 },
  { zh: '辽宁', full: '辽宁省', en: 'Liaoning', iso2: 'CN', lat: 41.806, lon: 123.432 },
  { zh: '吉林', full: '吉林省', en: 'Jilin', iso2: 'CN', lat: 43.817, lon: 125.324 },
  { zh: '黑龙江', full: '黑龙江省', en: 'Heilongjiang', iso2: 'CN', lat: 45.803, lon: 126.535 },
  { zh: '江苏', full: '江苏省', en: 'Jiangsu', iso2: 'CN', lat: 32.06, lon: 118.797 },
  { zh: '浙江', full: '浙江省', en: 'Zhejiang', iso2: 'CN', lat: 30.274, lon: 120.155 },
  { zh: '安徽', full: '安徽省', en: 'Anhui', iso2: 'CN', lat: 31.821, lon: 117.227 },
  { zh: '福建', full: '福建省', en: 'Fujian', iso2: 'CN', lat: 26.074, lon: 119.296 },
  { zh: '江西', full: '江西省', en: 'Jiangxi', iso2: 'CN', lat: 28.682, lon: 115.858 },
  { zh: '山东', full: '山东省', en: 'Shandong', iso2: 'CN', lat: 36.651, lon: 117.12 },
  { zh: '河南', full: '河南省', en: 'Henan', iso2: 'CN', lat: 34.747, lon: 113.625 },
  { zh: '湖北', full: '湖北省', en: 'Hubei', iso2: 'CN', lat: 30.593, lon: 114.305 },
  { zh: '湖南', full: '湖南省', en: 'Hunan', iso2: 'CN', lat: 28.228, lon: 112.939 },
  { zh: '广东', full: '广东省', en: 'Guangdong', iso2: 'CN', lat: 23.129, lon: 113.264 },
  { zh: '海南', full: '海南省', en: 'Hainan', iso2: 'CN', lat: 20.044, lon: 110.199 },
  { zh: '四川', full: '四川省', en: 'Sichuan', iso2: 'CN', lat: 30.573, lon: 104.066 },
  { zh: '贵州', full: '贵州省', en: 'Guizhou', iso2: 'CN', lat: 26.647, lon: 106.63 },
  { zh: '云南', full: '云南省', en: 'Yunnan', iso2: 'CN', lat: 25.038, lon: 102.718 },
  { zh: '陕西', full: '陕西省', en: 'Shaanxi', iso2: 'CN', lat: 34.341, lon: 108.94 },
  { zh: '甘肃', full: '甘肃省', en: 'Gansu', iso2: 'CN', lat: 36.061, lon: 103.834 },
  { zh: '青海', full: '青海省', en: 'Qinghai', iso2: 'CN', lat: 36.617, lon: 101.778 },
  { zh: '内蒙古', full: '内蒙古自治区', en: 'Nei Mongol', iso2: 'CN', lat: 40.842, lon: 111.749 },
  { zh: '广西', full: '广西壮族自治区', en: 'Guangxi', iso2: 'CN', lat: 22.817, lon: 108.366 },
  { zh: '西藏', full: '西藏自治区', en: 'Xizang', iso2: 'CN', lat: 29.652, lon: 91.172 },
  { zh: '宁夏', full: '宁夏回族自治区', en: 'Ningxia Hui', iso2: 'CN', lat: 38.487, lon: 106.231 },
  { zh: '新疆', full: '新疆维吾尔自治区', en: 'Xinjiang Uygur', iso2: 'CN', lat: 43.825, lon: 87.617 },
  { zh: '香港', full: '香港特别行政区', en: 'Hong Kong', iso2: 'HK', lat: 22.32, lon: 114.17 },
  { zh: '澳门', full: '澳门特别行政区', en: 'Macau', iso2: 'MO', lat: 22.199, lon: 113.544 },
  { zh: '台湾', full: '台湾省', en: 'Taiwan', iso2: 'TW', lat: 25.033, lon: 121.565 },
];

/** English names and common spellings of the provinces, beyond `en` ("Tibet", "Inner Mongolia"). */
export const PROVINCE_ALIASES: Record<string, string> = {
  tibet: 'Xizang', 'inner mongolia': 'Nei Mongol', ningxia: 'Ningxia Hui', xinjiang: 'Xinjiang Uygur', 'nei mongol': 'Nei Mongol',
};

/** Chinese cities: [zh, city-timezones city_ascii, province en]. Every city over ~1 M in that data, and every capital. */
export const ZH_CN_CITIES: [string, string, string][] = [
  ['广州', 'Guangzhou', 'Guangdong'], ['深圳', 'Shenzhen', 'Guangdong'], ['东莞', 'Dongguan', 'Guangdong'], ['佛山', 'Foshan', 'Guangdong'],
  ['汕头', 'Shantou', 'Guangdong'], ['茂名', 'Maoming', 'Guangdong'], ['湛江', 'Zhanjiang', 'Guangdong'], ['珠海', 'Zhuhai', 'Guangdong'], ['惠州', 'Huizhou', 'Guangdong'],
  ['武汉', 'Wuhan', 'Hubei'], ['沈阳', 'Shenyeng', 'Liaoning'], ['大连', 'Dalian', 'Liaoning'], ['抚顺', 'Fushun', 'Liaoning'], ['鞍山', 'Anshan', 'Liaoning'], ['锦州', 'Jinxi', 'Liaoning'],
  ['成都', 'Chengdu', 'Sichuan'], ['南充', 'Nanchong', 'Sichuan'], ['泸州', 'Luzhou', 'Sichuan'], ['遂宁', 'Suining', 'Sichuan'], ['内江', 'Neijiang', 'Sichuan'],
  ['西安', 'Xian', 'Shaanxi'], ['咸阳', 'Xianyang', 'Shaanxi'], ['安康', 'Ankang', 'Shaanxi'],
  ['哈尔滨', 'Harbin', 'Heilongjiang'], ['齐齐哈尔', 'Qiqihar', 'Heilongjiang'],
  ['南京', 'Nanjing', 'Jiangsu'], ['徐州', 'Xuzhou', 'Jiangsu'], ['苏州', 'Suzhou', 'Jiangsu'], ['无锡', 'Wuxi', 'Jiangsu'], ['常州', 'Changzhou', 'Jiangsu'], ['沭阳', 'Shuyang', 'Jiangsu'], ['南通', 'Nantong', 'Jiangsu'], ['扬州', 'Yangzhou', 'Jiangsu'],
  ['河池', 'Hechi', 'Guangxi'], ['南宁', 'Nanning', 'Guangxi'], ['柳州', 'Liuzhou', 'Guangxi'], ['桂林', 'Guilin', 'Guangxi'],
  ['长春', 'Changchun', 'Jilin'], ['吉林市', 'Jilin', 'Jilin'],
  ['太原', 'Taiyuan', 'Shanxi'], ['大同', 'Datong', 'Shanxi'],
  ['杭州', 'Hangzhou', 'Zhejiang'], ['温州', 'Wenzhou', 'Zhejiang'], ['宁波', 'Ningbo', 'Zhejiang'], ['嘉兴', 'Jiaxing', 'Zhejiang'], ['绍兴', 'Shaoxing', 'Zhejiang'],
  ['漳州', 'Zhangzhou', 'Fujian'], ['福州', 'Fuzhou', 'Fujian'], ['厦门', 'Xiamen', 'Fujian'],
  ['济南', 'Jinan', 'Shandong'], ['青岛', 'Qingdao', 'Shandong'], ['淄博', 'Zibo', 'Shandong'], ['泰安', 'Taian', 'Shandong'], ['烟台', 'Yantai', 'Shandong'], ['临沂', 'Linyi', 'Shandong'], ['枣庄', 'Zaozhuang', 'Shandong'], ['潍坊', 'Weifang', 'Shandong'],
  ['贵阳', 'Guiyang', 'Guizhou'], ['长沙', 'Changsha', 'Hunan'], ['湘潭', 'Xiangtan', 'Hunan'],
  ['郑州', 'Zhengzhou', 'Henan'], ['洛阳', 'Luoyang', 'Henan'], ['信阳', 'Xinyang', 'Henan'], ['南阳', 'Nanyang', 'Henan'],
  ['兰州', 'Lanzhou', 'Gansu'], ['石家庄', 'Shijianzhuang', 'Hebei'], ['唐山', 'Tangshan', 'Hebei'], ['邯郸', 'Handan', 'Hebei'], ['保定', 'Baoding', 'Hebei'],
  ['南昌', 'Nanchang', 'Jiangxi'], ['赣州', 'Ganzhou', 'Jiangxi'], ['昆明', 'Kunming', 'Yunnan'],
  ['宿州', 'Suzhou', 'Anhui'], ['合肥', 'Hefei', 'Anhui'], ['六安', 'Luan', 'Anhui'], ['淮南', 'Huainan', 'Anhui'], ['马鞍山', 'Maanshan', 'Anhui'],
  ['乌鲁木齐', 'Urumqi', 'Xinjiang Uygur'], ['万州', 'Wanxian', 'Chongqing'], ['海口', 'Haikou', 'Hainan'], ['三亚', 'Sanya', 'Hainan'],
  ['呼和浩特', 'Hohhot', 'Nei Mongol'], ['包头', 'Baotou', 'Nei Mongol'],
  ['西宁', 'Xining', 'Qinghai'], ['拉萨', 'Lhasa', 'Xizang'], ['银川', 'Yinchuan', 'Ningxia Hui'],
  ['台北', 'Taipei', 'Taiwan'], ['高雄', 'Kaohsiung', 'Taiwan'],
];

/**
 * World cities by their Chinese names: [zh, city-timezones city_ascii, ISO 3166 alpha-2]. Every city of 3 M or
 * more in that data except Salvador (Brazil), whose Chinese name 萨尔瓦多 is also the country El Salvador.
 */
export const ZH_WORLD_CITIES: [string, string, string][] = [
  ['东京', 'Tokyo', 'JP'], ['大阪', 'Osaka', 'JP'], ['横滨', 'Yokohama', 'JP'], ['京都', 'Kyoto', 'JP'], ['名古屋', 'Nagoya', 'JP'], ['札幌', 'Sapporo', 'JP'], ['福冈', 'Fukuoka', 'JP'], ['神户', 'Kobe', 'JP'],
  ['首尔', 'Seoul', 'KR'], ['釜山', 'Busan', 'KR'], ['仁川', 'Incheon', 'KR'],
  ['孟买', 'Mumbai', 'IN'], ['新德里', 'Delhi', 'IN'], ['德里', 'Delhi', 'IN'], ['加尔各答', 'Kolkata', 'IN'], ['班加罗尔', 'Bengaluru', 'IN'], ['金奈', 'Chennai', 'IN'], ['海得拉巴', 'Hyderabad', 'IN'],
  ['墨西哥城', 'Mexico City', 'MX'], ['圣保罗', 'Sao Paulo', 'BR'], ['里约热内卢', 'Rio de Janeiro', 'BR'], ['布宜诺斯艾利斯', 'Buenos Aires', 'AR'], ['利马', 'Lima', 'PE'], ['波哥大', 'Bogota', 'CO'],
  ['纽约', 'New York', 'US'], ['洛杉矶', 'Los Angeles', 'US'], ['芝加哥', 'Chicago', 'US'], ['休斯顿', 'Houston', 'US'], ['费城', 'Philadelphia', 'US'], ['达拉斯', 'Dallas', 'US'],
  ['旧金山', 'San Francisco', 'US'], ['西雅图', 'Seattle', 'US'], ['拉斯维加斯', 'Las Vegas', 'US'], ['华盛顿', 'Washington, D.C.', 'US'], ['波士顿', 'Boston', 'US'], ['迈阿密', 'Miami', 'US'],
  ['多伦多', 'Toronto', 'CA'], ['温哥华', 'Vancouver', 'CA'], ['蒙特利尔', 'Montréal', 'CA'],
  ['伦敦', 'London', 'GB'], ['巴黎', 'Paris', 'FR'], ['柏林', 'Berlin', 'DE'], ['莫斯科', 'Moscow', 'RU'], ['圣彼得堡', 'St. Petersburg', 'RU'], ['罗马', 'Rome', 'IT'], ['米兰', 'Milan', 'IT'],
  ['马德里', 'Madrid', 'ES'], ['巴塞罗那', 'Barcelona', 'ES'], ['维也纳', 'Vienna', 'AT'], ['阿姆斯特丹', 'Amsterdam', 'NL'], ['苏黎世', 'Zurich', 'CH'], ['日内瓦', 'Geneva', 'CH'], ['伊斯坦布尔', 'Istanbul', 'TR'], ['安卡拉', 'Ankara', 'TR'],
  ['开罗', 'Cairo', 'EG'], ['拉各斯', 'Lagos', 'NG'], ['金沙萨', 'Kinshasa', 'CD'], ['罗安达', 'Luanda', 'AO'], ['卡萨布兰卡', 'Casablanca', 'MA'], ['喀土穆', 'Khartoum', 'SD'],
  ['德黑兰', 'Tehran', 'IR'], ['巴格达', 'Baghdad', 'IQ'], ['利雅得', 'Riyadh', 'SA'], ['迪拜', 'Dubai', 'AE'], ['卡拉奇', 'Karachi', 'PK'], ['拉合尔', 'Lahore', 'PK'], ['喀布尔', 'Kabul', 'AF'],
  ['达卡', 'Dhaka', 'BD'], ['曼谷', 'Bangkok', 'TH'], ['雅加达', 'Jakarta', 'ID'], ['马尼拉', 'Manila', 'PH'], ['胡志明市', 'Ho Chi Minh City', 'VN'], ['河内', 'Hanoi', 'VN'], ['仰光', 'Rangoon', 'MM'],
  ['吉大港', 'Chittagong', 'BD'], ['贝洛奥里藏特', 'Belo Horizonte', 'BR'], ['巴西利亚', 'Brasilia', 'BR'], ['亚历山大港', 'Alexandria', 'EG'],
  ['浦那', 'Pune', 'IN'], ['艾哈迈达巴德', 'Ahmedabad', 'IN'], ['苏拉特', 'Surat', 'IN'], ['阿比让', 'Abidjan', 'CI'], ['卡诺', 'Kano', 'NG'],
  ['新加坡', 'Singapore', 'SG'], ['吉隆坡', 'Kuala Lumpur', 'MY'], ['悉尼', 'Sydney', 'AU'], ['墨尔本', 'Melbourne', 'AU'], ['奥克兰', 'Auckland', 'NZ'],
];
