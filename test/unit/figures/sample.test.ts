// Figures of the sample article (a Jiaxing news page from a spam mirror), from lines copied into sample-lines.ts.
import { strict as assert } from 'node:assert';
import { figures } from './helpers';
import { SAMPLE_LINES } from './sample-lines';

function allFigures(): Array<[string, string]> {
  return SAMPLE_LINES.flatMap((line) => figures(line).map((f): [string, string] => [f.label, f.text]));
}

describe('figures: sample article', () => {
  it('finds every figure of the article that the brief lists', () => {
    const found = allFigures();
    const required: Array<[string, string]> = [
      ['DATE', '2023-01-16 11:13:00'], ['MONEY', '102.54億元'], ['PERCENT', '138%'], ['MONEY', '超千億元'],
      ['DATE', '2022年'], ['DATE', '2023年'], ['QUANTITY', '15個'], ['QUANTITY', '82個'], ['QUANTITY', '20項'],
      ['QUANTITY', '135項'], ['QUANTITY', '6項'], ['ORDINAL', '九屆二次'], ['QUANTITY', '兩個'], ['ORDINAL', '第一'],
    ];
    for (const [label, text] of required) {
      assert.ok(found.some(([l, t]) => l === label && t === text), `missing ${label} ${text}`);
    }
  });

  it('finds exactly these figures, in order, and nothing in 一體化, 一網通, 一批, G60 or markup IDs', () => {
    assert.deepEqual(allFigures(), [
      ['DATE', '2023-01-16 11:13:00'],
      ['ORDINAL', '九屆二次'],
      ['MONEY', '超千億元'], ['QUANTITY', '兩個'], ['QUANTITY', '兩個'],
      ['DATE', '2022年'],
      ['DATE', '2022年'], ['QUANTITY', '15個'], ['MONEY', '102.54億元'], ['PERCENT', '138%'],
      ['QUANTITY', '82個'], ['QUANTITY', '20項'], ['QUANTITY', '兩地'], ['QUANTITY', '135項'], ['QUANTITY', '兩地'],
      ['QUANTITY', '兩地'], ['QUANTITY', '6項'],
      ['ORDINAL', '九屆二次'],
      ['QUANTITY', '五個'], ['DATE', '2023年'], ['ORDINAL', '九屆二次'],
      ['ORDINAL', '第一'],
    ]);
  });

  it('normalizes the values of the article', () => {
    const values = new Map(SAMPLE_LINES.flatMap((line) => figures(line).map((f) => [f.text, f.value] as const)));
    assert.equal(values.get('2023-01-16 11:13:00')?.iso, '2023-01-16T11:13:00');
    assert.equal(values.get('102.54億元')?.number, 10254000000);
    assert.equal(values.get('102.54億元')?.currency, 'CNY');
    assert.equal(values.get('138%')?.number, 1.38);
    assert.deepEqual([values.get('超千億元')?.qualifier, values.get('超千億元')?.number], ['over', 1e11]);
    assert.equal(values.get('2022年')?.iso, '2022');
    assert.equal(values.get('兩個')?.number, 2);
    assert.equal(values.get('第一')?.number, 1);
    assert.equal(values.get('九屆二次')?.number, 9);
  });
});
