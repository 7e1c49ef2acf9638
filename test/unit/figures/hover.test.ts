// The hover of a figure renders its value fields (qualifier, range, ISO 8601 and precision) in English, Simplified and Traditional Chinese.
import { strict as assert } from 'node:assert';
import { hoverMarkdown } from '../../../src/server/hover';
import { setLocale } from '../../../src/server/messages';
import { only, SIMP } from './helpers';

describe('figures: hover', () => {
  afterEach(() => setLocale('en'));

  it('shows the qualifier and the range of 约3至5年', () => {
    const f = only('约3至5年', SIMP);
    const text = hoverMarkdown(f, [f]);
    assert.match(text, /Value: ~ 3–5 年/);
    assert.match(text, /Qualifier: about/);
    assert.match(text, /Range: 3 – 5/);
    assert.match(text, /Unit: 年/);
  });

  it('shows an inclusive bound and the precision of a date, localized', () => {
    const f = only('30%以上', SIMP);
    setLocale('zh-cn');
    assert.match(hoverMarkdown(f, [f]), /限定: 超过（含本数）/);
    const d = only('2023年1月', SIMP);
    setLocale('zh-tw');
    const text = hoverMarkdown(d, [d]);
    assert.match(text, /ISO 8601: `2023-01`/);
    assert.match(text, /精度: 月/);
    setLocale('en');
    assert.match(hoverMarkdown(d, [d]), /Precision: month/);
  });
});
