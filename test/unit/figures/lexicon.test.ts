// The lexicon of words that hold a numeral but are no figure: shipped up to date with its build, and applied to whole words only.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildFigureWords, jiebaDictPath } from '../../../scripts/build-figure-words';
import { scanFigures } from '../../../src/core/figures';
import { buildLexicon, numeralLexicon } from '../../../src/core/figures/lexicon';
import { assertNotFigure, only, SIMP } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('figures: the numeral-word lexicon', () => {
  it('is what scripts/build-figure-words.ts builds from jieba\'s dictionary and the extra list', function () {
    this.timeout(120000);
    const shipped = JSON.parse(readFileSync(path.join(ROOT, 'data', 'figures', 'numeral-words.json'), 'utf8')) as { words: string };
    const built = buildFigureWords(readFileSync(jiebaDictPath(), 'utf8'), readFileSync(path.join(ROOT, 'data', 'figures', 'numeral-words-extra.txt'), 'utf8'));
    assert.equal(built.words, shipped.words, 'run: npx tsx scripts/build-figure-words.ts');
  });

  it('keeps the idioms and names of the issue out, in both scripts', () => {
    for (const [line, word] of [
      ['记者第一时间赶到现场', '第一时间'], ['記者第一時間趕到現場', '第一時間'], ['他三天两头往医院跑', '三天两头'],
      ['他三天兩頭往醫院跑', '三天兩頭'], ['事情十万火急', '十万火急'], ['游客游览十三陵', '十三陵'], ['事故接二连三地发生', '接二连三'],
    ]) assertNotFigure(line, word, SIMP);
  });

  it('would let those words through without it (the rules alone misread them)', () => {
    for (const word of ['第一时间', '三天两头', '十万火急', '十三陵']) assert.ok(scanFigures(`，${word}。`, undefined).length > 0, word);
  });

  it('vetoes a numeral only inside a whole word: figures next to a lexicon word stay', () => {
    assert.equal(only('十三陵景区接待游客3万人', SIMP).text, '3万人');
    assert.equal(only('第一站', SIMP).text, '第一');
    const lexicon = buildLexicon(['十三陵']);
    assert.deepEqual(scanFigures('十三人', lexicon).map((f) => f.text), ['十三人']);
    assert.deepEqual(scanFigures('十三陵', lexicon), []);
    assert.ok(numeralLexicon().byPair.size > 100);
  });
});
