// The corpus bench's side-by-side ceiling splits the files into two halves of about equal bytes.
import { strict as assert } from 'node:assert';
import { halvesByBytes } from '../../bench/corpus';

describe('bench: halves of a corpus by bytes', () => {
  it('balances the bytes and keeps every file once', () => {
    const files = [
      { file: 'a', bytes: 5.5 },
      { file: 'b', bytes: 5.9 },
      { file: 'c', bytes: 6.2 },
      { file: 'd', bytes: 6.1 },
    ];
    const [one, two] = halvesByBytes(files);
    assert.deepEqual([...one, ...two].sort(), ['a', 'b', 'c', 'd']);
    const weight = (group: string[]) => group.reduce((n, f) => n + files.find((x) => x.file === f)!.bytes, 0);
    assert.ok(Math.abs(weight(one) - weight(two)) <= 0.7, `${weight(one)} vs ${weight(two)}`);
  });

  it('leaves the second half empty for one file (no side-by-side run then)', () => {
    assert.deepEqual(halvesByBytes([{ file: 'only', bytes: 1 }]), [['only'], []]);
  });
});
