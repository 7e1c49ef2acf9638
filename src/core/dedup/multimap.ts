// An open-addressing multimap from 32-bit keys to non-negative integers in typed arrays (no per-entry objects).

/**
 * A JavaScript Map holds at most 2^24 entries and costs tens of bytes per entry; this table costs about
 * 8 / load bytes per entry (load between 0.3 and 0.6) and grows by doubling. Keys may repeat.
 */
export class U32MultiMap {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  add(key: number, value: number): void {
    if (value < 0 || !Number.isInteger(value)) throw new RangeError('values must be non-negative integers');
    if ((this.count + 1) * 5 > this.keys.length * 3) this.grow();
    this.place(key >>> 0, value);
    this.count++;
  }

  /** Calls `visit` with every value stored under `key`, in no particular order. */
  forEach(key: number, visit: (value: number) => void): void {
    key >>>= 0;
    const { keys, values, mask } = this;
    for (let slot = slot0(key, mask); values[slot] !== -1; slot = (slot + 1) & mask) {
      if (keys[slot] === key) visit(values[slot]);
    }
  }

  private place(key: number, value: number): void {
    const { keys, values, mask } = this;
    let slot = slot0(key, mask);
    while (values[slot] !== -1) slot = (slot + 1) & mask;
    keys[slot] = key;
    values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) if (values[i] !== -1) this.place(keys[i], values[i]);
  }
}

function slot0(key: number, mask: number): number {
  // Keys are hashes already; fold the high bits in so that small tables use them too.
  return (key ^ (key >>> 15)) & mask;
}
