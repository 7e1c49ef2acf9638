// The key filters in front of the tagger's hashed tables never hide a key, and the dictionary of names answers as its table does.
import { strict as assert } from 'node:assert';
import { filterOfSlots, KeyFilter } from '../../../src/core/entities/key-filter';
import { buildLexicon, HashLexicon } from '../../../src/core/entities/model-format';
import { seededRandom } from '../../../src/shared/seeded-random';

describe('entities: key filters', () => {
  it('keeps every key added, and turns most others away', () => {
    const random = seededRandom(11);
    const keys = Array.from({ length: 5000 }, () => Math.floor(random() * 2 ** 32));
    const filter = new KeyFilter(keys.length, 8);
    for (const key of keys) filter.add(key);
    for (const key of keys) assert.ok(filter.mayHave(key), `key ${key}`);
    // The same bits as an int32 (a hash before >>> 0) are the same key.
    for (const key of keys) assert.ok(filter.mayHave(key | 0));
    let passed = 0;
    for (let i = 0; i < 10000; i++) if (filter.mayHave(Math.floor(random() * 2 ** 32))) passed++;
    assert.ok(passed < 2000, `${passed} of 10000 absent keys passed`);
  });

  it('is built from the occupied slots of a table', () => {
    const table = [0, 7, 0, 123456789, 0xfffffff0];
    const filter = filterOfSlots(table.length, (slot) => table[slot]);
    for (const key of [7, 123456789, 0xfffffff0]) assert.ok(filter.mayHave(key));
  });

  it('leaves the dictionary of names answering as its table does (found, prefix, absent, hash 0)', () => {
    const random = seededRandom(12);
    const entries = new Map<number, number>();
    while (entries.size < 3000) entries.set(1 + Math.floor(random() * (2 ** 31 - 2)), Math.floor(random() * 4));
    const table = buildLexicon(entries);
    const lexicon = new HashLexicon(table);
    // The unfiltered probe, as the table defines it.
    const slots = table.length >> 1;
    const probe = (hash: number): number => {
      for (let slot = Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 0) / 4294967296) * slots); ; slot = (slot + 1) % slots) {
        if (table[slot << 1] === hash) return table[(slot << 1) + 1];
        if (table[slot << 1] === 0) return -1;
      }
    };
    for (const [hash, category] of entries) assert.equal(lexicon.lookup(hash), category);
    for (let i = 0; i < 20000; i++) {
      // Half of them as int32 (negative for the high half), as the features pass them.
      const hash = i % 2 ? Math.floor(random() * 2 ** 32) : Math.floor(random() * 2 ** 32) | 0;
      assert.equal(lexicon.lookup(hash), probe(hash), `hash ${hash}`);
    }
    assert.equal(lexicon.lookup(0), probe(0));
  });
});
