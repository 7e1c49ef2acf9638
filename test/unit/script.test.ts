// Unit tests of the offset-preserving Traditional/Simplified conversion and script detection.
import { strict as assert } from 'node:assert';
import { detectScript, toSimplified, toTraditional, isSimplifiedOnly, isTraditionalOnly } from '../../src/core/script';

describe('script', () => {
  it('converts Traditional to Simplified keeping UTF-16 length', () => {
    const text = '嘉興持續發力全面融入長三角一體化發展 楊克建 𠀀😀';
    const simplified = toSimplified(text);
    assert.equal(simplified, '嘉兴持续发力全面融入长三角一体化发展 杨克建 𠀀😀');
    assert.equal(simplified.length, text.length);
  });
  it('keeps a leading byte-order mark and lone surrogates where they are', () => {
    assert.equal(toSimplified('\uFEFF嘉興'), '\uFEFF嘉兴');
    assert.equal(toSimplified('網\uD800發\uDC00'), '网\uD800发\uDC00');
  });
  it('converts Simplified to Traditional', () => {
    assert.equal(toTraditional('嘉兴发展'), '嘉興發展');
  });
  it('returns the same string when nothing changes', () => {
    const text = 'plain ascii 中文';
    assert.equal(toSimplified(text), text);
  });
  it('tells Traditional-only from Simplified-only characters', () => {
    assert.ok(isTraditionalOnly('網'));
    assert.ok(isSimplifiedOnly('网'));
    assert.ok(!isTraditionalOnly('中') && !isSimplifiedOnly('中'));
  });
  it('detects the dominant script', () => {
    assert.equal(detectScript('嘉興持續發力全面融入長三角一體化發展'), 'traditional');
    assert.equal(detectScript('嘉兴持续发力全面融入长三角一体化发展'), 'simplified');
    assert.equal(detectScript('hello world'), 'unknown');
  });
});
