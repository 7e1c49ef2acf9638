// Mojibake repair: each misreading decoded back exactly, only damage beyond repair removed, clean Chinese untouched byte for byte.
import { strict as assert } from 'node:assert';
import * as iconv from 'iconv-lite';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../src/core/analyze';
import { applyEdits, junkEdits } from '../../../src/core/edits';
import { decoderOnlyCharacters, pairIndex, pairTable } from '../../../src/core/junk/double-byte-table';
import { detectLineJunk } from '../../../src/core/junk/index';
import { quickFixes } from '../../../src/server/code-actions';
import { junkDiagnostics } from '../../../src/server/diagnostics';
import { hoverMarkdown } from '../../../src/server/hover';
import { setLocale } from '../../../src/server/messages';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';
import { assertWellFormed, junkOf, SIMP, TRAD } from './helpers';

const encodingIn = (line: string) => {
  const found = detectLineJunk(line, SIMP);
  assertWellFormed(line, found);
  return junkOf(found, 'encoding');
};
/** What `clean` makes of a text: the whole engine, then its edits. */
const clean = (text: string) => applyEdits(text, junkEdits(analyze(text, { entityTypes: [], figures: false }).annotations));

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const MISREAD = {
  windows1252: (text: string) => new TextDecoder('windows-1252').decode(utf8(text)),
  latin1: (text: string) => utf8(text).toString('latin1'),
  gbk: (text: string) => new TextDecoder('gbk').decode(utf8(text)),
  gbkAsLatin1: (text: string) => iconv.encode(text, 'gbk').toString('latin1'),
};

describe('mojibake repair', () => {
  it('repairs UTF-8 read as Windows-1252 or Latin-1, Simplified and Traditional, in place', () => {
    for (const original of ['记者从市气象局获悉，本周全省将迎来明显降温。', '嘉興市委九屆二次全體(擴大)會議明確要求', '新闻']) {
      for (const misread of [MISREAD.windows1252, MISREAD.latin1]) {
        const damaged = misread(original);
        const found = encodingIn(damaged);
        assert.ok(found.length > 0 && found.every((a) => a.replacement !== undefined), damaged);
        assert.equal(clean(damaged), original);
      }
    }
    const [finding] = encodingIn(MISREAD.windows1252('新闻'));
    assert.equal(finding.replacement, '新闻');
    assert.match(finding.reason ?? '', /UTF-8 read as Windows-1252; it reads “新闻”/);
  });

  it('repairs UTF-8 read as Windows-1252 twice', () => {
    const original = '中国西藏网讯';
    assert.equal(clean(MISREAD.windows1252(MISREAD.windows1252(original))), original);
  });

  it('repairs UTF-8 read as GBK (鏂伴椈 = 新闻), a byte the decoder lost included', () => {
    assert.equal(MISREAD.gbk('新闻'), '鏂伴椈');
    assert.equal(clean('鏂伴椈'), '新闻');
    const [finding] = encodingIn('鏂伴椈');
    assert.match(finding.reason ?? '', /UTF-8 read as GBK/);
    // 中国人。 is 12 bytes; 我是中国人。 ends on a byte the GBK decoder could not pair: U+FFFD, filled in as 。
    for (const original of ['我是中国人。', '嘉興市委九屆二次全體(擴大)會議明確要求深入實施', '2008年医保统筹基金的当前结存。']) {
      assert.equal(clean(MISREAD.gbk(original)), original, MISREAD.gbk(original));
    }
  });

  it('chooses a lost byte by its neighbours: a sentence-final mark at a line end, a character of the line\'s script', () => {
    // 今天的比赛真精彩！ ends on a lost byte: ！ ， ； ： are all EF BC xx; a line ends a sentence, not a clause.
    // 增長 before a digit: 長 and 长 are both E9 95 xx; the rest of the line is Traditional.
    for (const original of ['今天的比赛真精彩！', '這家公司的營業收入大幅增長12%。']) {
      assert.ok(MISREAD.gbk(original).includes('\ufffd'), original);
      assert.equal(clean(MISREAD.gbk(original)), original);
    }
  });

  it('repairs the mojibake of a line and leaves its real Chinese as it is', () => {
    const line = `今天天气很好，我们去公园。 ${MISREAD.gbk('记者从市气象局获悉，本周将迎来降温。')} 这是真的吗？`;
    assert.equal(clean(line), '今天天气很好，我们去公园。 记者从市气象局获悉，本周将迎来降温。 这是真的吗？');
  });

  it('repairs a short run with few rare characters in a line that has mojibake already (锛岃純 = ，較)', () => {
    // Sentences written for this test: ，較 between a number and a digit reads as 锛岃純, whose 純 is common, so
    // the run alone is too little rare to try; the rest of the line, repaired first, says it is mojibake.
    for (const original of ['出口增長3.1%，較1月回升。', '利潤下降2%，較5年前少。']) {
      assert.ok(MISREAD.gbk(original).includes('锛岃純'), MISREAD.gbk(original));
      assert.equal(clean(MISREAD.gbk(original)), original, MISREAD.gbk(original));
    }
  });

  it('repairs a run that GBK\'s ideographic space cuts in two (衡 is E8 A1 A1, and A1 A1 reads as U+3000)', () => {
    // Sentences written for this test: the run before U+3000 ends on a lead byte and fails alone.
    for (const original of ['这家公司今年收支平衡，利润持平。', '市场供需平衡，价格稳定。']) {
      assert.ok(MISREAD.gbk(original).includes('骞宠\u3000'), MISREAD.gbk(original));
      assert.equal(clean(MISREAD.gbk(original)), original, MISREAD.gbk(original));
    }
  });

  it('repairs GBK read as Latin-1 (ÐÂÎÅ = 新闻), single characters between digits included', () => {
    assert.equal(MISREAD.gbkAsLatin1('新闻'), 'ÐÂÎÅ');
    assert.equal(clean('ÐÂÎÅ'), '新闻');
    for (const original of ['2023年1月16日，中國西藏網訊', '醫療保險不同於養老保險，它的原則是“以收定支”。', '记者从市气象局获悉，本周全省将迎来明显降温。']) {
      assert.equal(clean(MISREAD.gbkAsLatin1(original)), original, MISREAD.gbkAsLatin1(original));
    }
  });

  it('repairs Traditional words in GBK read as Latin-1 as readily as Simplified ones (臺 is as common as 台)', () => {
    // Short runs beside ASCII, whose trail bytes are letters (`Å_` = 臺): only a plausible reading is repaired.
    for (const [damaged, rest] of [['臺灣', '的電商平臺去年成長了20%。'], ['平臺', '2.0版本上週發佈。'], ['復興', '航空的班機延誤。']]) {
      const original = damaged + rest;
      assert.equal(clean(MISREAD.gbkAsLatin1(damaged) + rest), original, MISREAD.gbkAsLatin1(damaged));
    }
  });

  it('removes only what cannot be repaired: U+FFFD runs, 锟斤拷 and control characters', () => {
    assert.equal(clean('嘉興\uFFFD\uFFFD日報\u0007'), '嘉興日報');
    assert.equal(clean('嘉興锟斤拷日報'), '嘉興日報');
    const repaired = clean(`记者${MISREAD.windows1252('从市气象局')}获悉\u0000。`);
    assert.equal(repaired, '记者从市气象局获悉。');
  });

  it('keeps a line that is all mojibake: it is repaired, not deleted as a whole line', () => {
    const damaged = MISREAD.windows1252('本周全省将迎来明显降温。');
    const document = analyze(`前文\n${damaged}\n后文`, { entityTypes: [], figures: false }).annotations.filter((a) => a.label === 'encoding');
    assert.ok(document.length > 0 && document.every((a) => a.removal!.end - a.removal!.start === damaged.length), 'the line break stays');
    assert.equal(clean(`前文\n${damaged}\n后文`), '前文\n本周全省将迎来明显降温。\n后文');
  });

  it('passes clean Chinese through byte for byte: Simplified, Traditional, full-width punctuation, curly quotes, emoji, astral CJK', () => {
    const texts = [
      '记者从市气象局获悉，本周全省将迎来明显降温。“乐鱼体育”市场监管局开展食品安全抽检！（完）',
      '嘉興市委九屆二次全體(擴大)會議明確要求：深入實施「全面融入長三角」一體化發展首位戰略……',
      '全角ＡＢＣ１２３，「引號」『書名』《綱要》〈篇〉——破折號；問號？嘆號！',
      '家庭👨\u200D👩\u200D👧合照😀，生僻字𠀀𪚥𰻞（Ext B–G），鑫淼彧喆堃燊',
      '鏂字、伴侣、椈树: rare characters in real text are not mojibake by themselves',
      'Café naïve São Paulo Zürich Señor Ñandú à la française élégant Größe',
      '中文 2023 年 A 股，¥100，30°C，×2，±5%，©2023',
    ];
    for (const text of texts) {
      assert.deepEqual(encodingIn(text).map((a) => a.text), [], text);
      assert.equal(clean(text), text);
    }
  });

  it('keeps clean idempotent on repaired text', () => {
    for (const original of ['记者从市气象局获悉，本周全省将迎来明显降温。', '醫療保險不同於養老保險。']) {
      for (const misread of Object.values(MISREAD)) {
        const once = clean(misread(original));
        assert.equal(clean(once), once);
      }
    }
  });

  it('finds entities in the repaired text', () => {
    const damaged = MISREAD.windows1252('记者从杭州市获悉，西湖景区游客增加。');
    const { annotations } = analyze(damaged);
    assert.ok(annotations.some((a) => a.kind === 'entity' && (a.cleanText ?? '').startsWith('杭州')), JSON.stringify(annotations.map((a) => [a.kind, a.label, a.cleanText ?? a.text])));
  });

  it('offers "Repair encoding" as the quick fix, and the hover shows the mojibake and its repair', () => {
    const text = `${MISREAD.gbk('新闻发布会')}\n`;
    const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
    const { annotations } = analyze(text, { entityTypes: [], figures: false });
    const diagnostics = junkDiagnostics(document, annotations, DEFAULT_SETTINGS);
    for (const [locale, title, repair] of [['en', 'Repair encoding', 'Repair'], ['zh-cn', '修复编码', '修复'], ['zh-tw', '修復編碼', '修復']]) {
      setLocale(locale);
      const [fix] = quickFixes(document, annotations, diagnostics);
      assert.equal(fix.title, title);
      const edit = (fix.edit?.documentChanges?.[0] as { edits: { newText: string }[] }).edits[0];
      assert.equal(edit.newText, '新闻发布会');
      const finding = annotations.find((a) => a.label === 'encoding')!;
      assert.match(hoverMarkdown(finding, annotations), new RegExp(`${repair}: \`${MISREAD.gbk('新闻发布会')}\` → \`新闻发布会\``));
    }
    setLocale('en');
  });

  it('reads double-byte pairs through tables that agree with iconv-lite pair by pair', () => {
    for (const encoding of ['gbk', 'big5'] as const) {
      const table = pairTable(encoding);
      let compared = 0;
      for (let lead = 0x81; lead <= 0xfe; lead += 3) {
        for (let trail = 0x40; trail <= 0xfe; trail += 5) {
          if (trail === 0x7f) continue;
          const decoded = iconv.decode(Buffer.from([lead, trail]), encoding);
          const single = decoded.length === 1 && decoded !== '\uFFFD' ? decoded.charCodeAt(0) : 0;
          assert.equal(table[pairIndex(lead, trail)], single, `${encoding} ${lead.toString(16)} ${trail.toString(16)}`);
          compared++;
        }
      }
      assert.ok(compared > 1000);
    }
    assert.equal(pairIndex(0x80, 0xa1), -1);
    assert.equal(pairIndex(0xb0, 0x7f), -1);
    // What the WHATWG decoder gives and iconv-lite cannot encode back: U+E5E5 is GBK A3 A0.
    assert.equal(decoderOnlyCharacters().get('\uE5E5'), 0xa3a0);
  });

  it('still removes a line that is nothing but damage beyond repair', () => {
    const line = '\uFFFD\uFFFD锟斤拷';
    for (const finding of junkOf(detectLineJunk(line, TRAD), 'encoding')) assert.deepEqual(finding.removal, { start: 0, end: line.length });
  });
});
