// Qualifier words around a number: 超/逾/以上 (over), 不到/以下 (under), 約/左右 (about), 近/上千/數十萬 (approx), and English ones.
import type { FigureQualifier } from '../types';
import { WordTable } from './wordtable';

/** A qualifier and whether its bound includes the number itself (以上, 至少, 不超過). */
export interface Qualifier {
  readonly qualifier: FigureQualifier;
  readonly inclusive?: boolean;
  /** 近 and alike: before a time unit it means "the past N years", not "nearly". */
  readonly near?: boolean;
}

const OVER: Qualifier = { qualifier: 'over' };
const AT_LEAST: Qualifier = { qualifier: 'over', inclusive: true };
const UNDER: Qualifier = { qualifier: 'under' };
const AT_MOST: Qualifier = { qualifier: 'under', inclusive: true };
const ABOUT: Qualifier = { qualifier: 'about' };
const APPROX: Qualifier = { qualifier: 'approx' };
const NEARLY: Qualifier = { qualifier: 'approx', near: true };

/** Qualifiers before a number; `null` entries block a shorter word inside them (最近 is not 近). */
export const QUALIFIER_PREFIXES = new WordTable<Qualifier | null>([
  ['超', OVER], ['超過', OVER], ['超过', OVER], ['超出', OVER], ['逾', OVER], ['多於', OVER], ['多于', OVER], ['高於', OVER],
  ['高于', OVER], ['大於', OVER], ['大于', OVER], ['突破', OVER],
  ['至少', AT_LEAST], ['最少', AT_LEAST], ['不少於', AT_LEAST], ['不少于', AT_LEAST], ['不低於', AT_LEAST], ['不低于', AT_LEAST],
  ['起碼', AT_LEAST], ['起码', AT_LEAST],
  ['不到', UNDER], ['不足', UNDER], ['少於', UNDER], ['少于', UNDER], ['低於', UNDER], ['低于', UNDER], ['未滿', UNDER], ['未满', UNDER],
  ['不及', UNDER],
  ['最多', AT_MOST], ['至多', AT_MOST], ['不超過', AT_MOST], ['不超过', AT_MOST], ['不高於', AT_MOST], ['不高于', AT_MOST],
  ['不多於', AT_MOST], ['不多于', AT_MOST],
  ['約', ABOUT], ['约', ABOUT], ['大約', ABOUT], ['大约', ABOUT], ['約為', ABOUT], ['约为', ABOUT], ['約合', ABOUT], ['约合', ABOUT],
  ['大概', ABOUT], ['差不多', ABOUT],
  ['近', NEARLY], ['將近', NEARLY], ['将近', NEARLY], ['接近', NEARLY], ['幾近', NEARLY], ['几近', NEARLY],
  // English, with the space before the number.
  ['about ', ABOUT], ['About ', ABOUT], ['around ', ABOUT], ['Around ', ABOUT], ['approximately ', ABOUT], ['Approximately ', ABOUT],
  ['roughly ', ABOUT], ['Roughly ', ABOUT], ['some ', ABOUT],
  ['nearly ', NEARLY], ['Nearly ', NEARLY], ['almost ', NEARLY], ['Almost ', NEARLY], ['close to ', NEARLY],
  ['more than ', OVER], ['More than ', OVER], ['over ', OVER], ['Over ', OVER], ['above ', OVER], ['in excess of ', OVER],
  ['at least ', AT_LEAST], ['At least ', AT_LEAST],
  ['less than ', UNDER], ['Less than ', UNDER], ['fewer than ', UNDER], ['Fewer than ', UNDER], ['under ', UNDER], ['below ', UNDER],
  ['up to ', AT_MOST], ['Up to ', AT_MOST], ['at most ', AT_MOST], ['no more than ', AT_MOST],
  // Words ending in a qualifier character that are not qualifiers.
  ['最近', null], ['附近', null], ['靠近', null], ['臨近', null], ['临近', null], ['就近', null], ['鄰近', null], ['邻近', null],
  ['親近', null], ['亲近', null], ['遠近', null], ['远近', null], ['新近', null], ['趕超', null], ['赶超', null], ['高超', null],
  ['簽約', null], ['签约', null], ['合約', null], ['合约', null], ['條約', null], ['条约', null], ['公約', null], ['公约', null],
  ['預約', null], ['预约', null], ['節約', null], ['节约', null], ['違約', null], ['违约', null], ['履約', null], ['履约', null],
  ['制約', null], ['制约', null], ['契約', null], ['契约', null], ['邀約', null], ['邀约', null], ['特約', null], ['特约', null],
  ['game over ', null], ['take over ', null], ['handed over ', null], ['turned over ', null],
]);

/** Vague multipliers before 十/百/千/萬/億: 數千人 (several thousand), 上萬人 (on the order of ten thousand). */
export const VAGUE_PREFIXES = new WordTable<Qualifier | null>([
  ['數', APPROX], ['数', APPROX], ['幾', APPROX], ['几', APPROX], ['上', APPROX],
  ['人數', null], ['人数', null], ['總數', null], ['总数', null], ['次數', null], ['次数', null], ['歲數', null], ['岁数', null],
]);

/** Markers between a number and its unit: 30多家, 3000餘人, 十幾個 (over), 十來年 (about). */
export const APPROX_MARKERS = new WordTable<Qualifier>([
  ['多', OVER], ['餘', OVER], ['余', OVER], ['幾', OVER], ['几', OVER], ['來', ABOUT], ['来', ABOUT],
]);

/** Qualifiers after a number or its unit: 30%以上, 500人左右, 5萬人上下. */
export const QUALIFIER_SUFFIXES = new WordTable<Qualifier>([
  ['以上', AT_LEAST], ['以下', AT_MOST], ['左右', ABOUT], ['上下', ABOUT], ['以內', AT_MOST], ['以内', AT_MOST],
  ['有餘', OVER], ['有余', OVER], ['出頭', OVER], ['出头', OVER], ['開外', OVER], ['开外', OVER],
  [' or more', AT_LEAST], [' or so', ABOUT], [' or less', AT_MOST],
]);
