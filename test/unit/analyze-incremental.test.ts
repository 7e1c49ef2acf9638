// Unit tests of incremental re-analysis: lines that only moved are reused and shifted, and the result equals a fresh analysis.
import { strict as assert } from 'node:assert';
import { cleanText } from '../../src/core';
import { Analyzer, analyze } from '../../src/core/analyze';

const PARAGRAPH = '嘉興市委書記張三在杭州表示,2023年投資102.54億元,同比增長12%。';
const GLOSSED = '中國西藏網(wǎng)報道,長三角一體化發(fā)展取得新進展。';

function assertSameAsFresh(analyzer: Analyzer, text: string, what: string): number {
  const incremental = analyzer.analyze(text, { cheapOnly: true });
  assert.deepStrictEqual(incremental.annotations, analyze(text, { cheapOnly: true }).annotations, what);
  return incremental.linesAnalyzed;
}

describe('incremental analysis', () => {
  it('re-analyzes only the edited line and moves the rest', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i}. ${i % 2 ? PARAGRAPH : GLOSSED}`);
    const analyzer = new Analyzer();
    analyzer.analyze(lines.join('\n'), { cheapOnly: true });
    for (const at of [150, 3, 199, 0, 77]) {
      lines[at] = `新${lines[at]}`;
      assert.equal(assertSameAsFresh(analyzer, lines.join('\n'), `after editing line ${at}`), 1);
    }
  });

  it('keeps identical lines (duplicates) at their own offsets when a line above them changes', () => {
    const lines = ['標題', PARAGRAPH, GLOSSED, PARAGRAPH, '', GLOSSED, PARAGRAPH];
    const analyzer = new Analyzer();
    analyzer.analyze(lines.join('\n'), { cheapOnly: true });
    for (let round = 0; round < 4; round++) {
      lines[0] += '新';
      assertSameAsFresh(analyzer, lines.join('\n'), `round ${round}`);
      lines.splice(2 + round, 0, PARAGRAPH);
      assertSameAsFresh(analyzer, lines.join('\n'), `round ${round} after inserting a copy`);
    }
  });

  it('recomputes whole-line removals when line breaks change around a moved line', () => {
    const spam = '澳门百家乐|真人娱乐|彩票平台|六合彩|网上赌场|快三|时时彩';
    const analyzer = new Analyzer();
    for (const text of [
      `${PARAGRAPH}\n${spam}`,
      `新${PARAGRAPH}\n${spam}`,
      `新${PARAGRAPH}\r\n${spam}`,
      `${PARAGRAPH}\r\n${spam}\n`,
      `${PARAGRAPH}\r\n${spam}\r\n`,
      `新新${PARAGRAPH}\r\n${spam}\r\n`,
    ]) assertSameAsFresh(analyzer, text, JSON.stringify(text.slice(-5)));
  });

  it('judges the script on the text as clean leaves it, so that a second clean finds nothing more', () => {
    // Found by the soak: removing the only Simplified-only line made the page Traditional, and then the Simplified
    // spam suffix of the first line counted as spam only in the second clean.
    const text = '緑一\ud800一0接接一0|精品|无码\ud800\n箏箏\n无码无码\n驗';
    const once = cleanText(text).text;
    assert.equal(cleanText(once).text, once);
    assert.equal(analyze(text).script, analyze(once).script);
  });
});
