// UTF-8 read by a strict Windows-1252 decoder (U+FFFD for 0x81 0x8D 0x8F 0x90 0x9D): every lost byte guessed by pairs and words, two in one character, adjacent guesses together; GBK read as Latin-1 with news symbols and less common words.
import { strict as assert } from 'node:assert';
import { applyEdits, junkEdits } from '../../../src/core/edits';
import { settledLineJunk } from '../../../src/core/settle-junk';

const UNDEFINED_IN_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const cp1252 = new TextDecoder('windows-1252');
/** What Python's bytes.decode('cp1252', errors='replace') gives for UTF-8 text. */
const strictCp1252 = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (b) => (UNDEFINED_IN_CP1252.has(b) ? '\ufffd' : cp1252.decode(Uint8Array.of(b)))).join('');
const repaired = (line: string) => applyEdits(line, junkEdits(settledLineJunk(line, { script: 'unknown', options: { junkKinds: ['encoding'] } })));
const lostBytes = (text: string) => Array.from(Buffer.from(text, 'utf8')).filter((b) => UNDEFINED_IN_CP1252.has(b)).length;

/** Each sentence loses at least one byte to the strict decoder, and the repair gives it back exactly. */
function expectGuessedBack(originals: readonly string[]): void {
  for (const original of originals) {
    const damaged = strictCp1252(original);
    assert.ok(lostBytes(original) > 0, original);
    assert.equal(repaired(damaged), original, damaged);
  }
}

describe('mojibake: UTF-8 read by a strict Windows-1252 decoder', () => {
  it('repairs a character that lost both of its continuation bytes (反 is E5 8F 8D), instead of deleting it', () => {
    // Sentences written for this test.
    for (const original of ['市民普遍反映公交线路太少。', '他提出了新的方案。']) {
      const damaged = strictCp1252(original);
      assert.ok(damaged.includes('\ufffd\ufffd'), damaged);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('chooses a lost byte by the words it makes with its neighbours (游戏, not 游成)', () => {
    expectGuessedBack(['这款游戏今年上线。', '他又一次获得冠军。', '本场比赛十分精彩。']);
  });

  it('reads the words a guess makes with the next three characters, themselves guessed or not (受国外, not 南国外)', () => {
    // Sentences written for this test. With only the next character read, the guesses were 南国外, 建捐资源 and 企斯特.
    expectGuessedBack(['受国外需求下降影响，出口增速放缓。', '当地建材资源丰富。', '他在伍斯特大学读书。']);
  });

  it('knows the register of general news, not only of broadcast transcripts (四名球员, not 四十球员)', () => {
    // Sentences written for this test. The pair counts from 新闻联播 transcripts alone chose 四十球员, 偏媛 and
    // 既便宜合好用; the training text of the MSRA and CLUENER entity sets (People's Daily, Sina) tells them apart.
    expectGuessedBack(['四名球员受伤。', '这位名媛出席了晚宴。', '公司推出了一款既便宜又好用的手机。']);
  });

  it('knows the dictionary\'s rarer words, counted three times (耐低温, not 老低温)', () => {
    // Sentences written for this test. With only the words counted five times or more, the guesses were 老低温,
    // 铁材 and 披肩向.
    expectGuessedBack(['这种材料耐低温。', '市场上铝材价格上涨。', '她留着披肩发。']);
  });

  it('prefers, among guesses that make no word, a character that stands alone as a word (协商后达成, not 协商华达成)', () => {
    // Sentences written for this test. The character pairs alone chose 协商华达成 and 这孩子午聪明; 后 and 又 are
    // words of their own far more often than 华 and 午 are.
    expectGuessedBack(['双方协商后达成一致。', '这孩子又聪明又懂事。']);
  });

  it('chooses adjacent guesses together (违反: 违 lost one byte, 反 two)', () => {
    const original = '这种做法违反规定。';
    const damaged = strictCp1252(original);
    assert.ok(lostBytes('违') === 1 && lostBytes('反') === 2);
    assert.equal(repaired(damaged), original, damaged);
  });

  it('repairs punctuation alone between digits, where the run ends in U+FFFD (、 is E3 80 81)', () => {
    // Sentences written for this test: every 、 and ” loses its last byte, and between digits or Latin letters
    // the damaged run has no Han character to vouch for it.
    for (const original of ['途经20、458、84路公交车。', '他说“GDP”。']) {
      const damaged = strictCp1252(original);
      assert.match(damaged, /[\u00e2\u00e3][\u0080\u20ac]\ufffd/);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('does not guess a character from two lost bytes with no intact character beside it', () => {
    // `å` and two U+FFFD alone: 25 candidates and no evidence. The damage is left to the U+FFFD fix, not invented.
    const line = 'abc å\ufffd\ufffd def';
    assert.ok(!/[\u4e00-\u9fff]/.test(repaired(line)), repaired(line));
  });
});

describe('mojibake: GBK read as Latin-1 with the symbols news writes', () => {
  it('repairs a line with ⊙ and □ from GBK\'s symbol rows instead of leaving it unread', () => {
    for (const original of ['本报讯⊙本报记者王明今日报道', '河南规定商品房预售款将由银行监管□晚报记者孙娟']) {
      const damaged = latin1OfGbk(original);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('repairs a run of less common words between ASCII letters (T恤适合搭配牛仔裤), not only everyday ones', () => {
    // Sentences written for this test: the run after `T` reads as rarer Chinese than everyday text (mean cost about 14).
    for (const original of ['这款T恤适合搭配牛仔裤和帆布鞋。', '他穿一件白色T恤，配蓝色牛仔裤。']) {
      const damaged = latin1OfGbk(original);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('leaves European text with runs of accented letters alone', () => {
    for (const text of ['Þórður og Ævar fóru í ferð með Ásdísi — æðislegt!', 'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ', 'Größenwahn führt zu Übermut.']) {
      assert.equal(repaired(text), text);
    }
  });
});

function latin1OfGbk(text: string): string {
  // iconv-lite is what the engine uses for GBK; the test encodes through it too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iconv = require('iconv-lite') as { encode(text: string, encoding: string): Buffer };
  return iconv.encode(text, 'gbk').toString('latin1');
}
