// An open-addressing map from non-zero uint32 feature hashes to int32 values (a JS Map of millions of numbers is several times larger).

export class HashMap {
  keys: Uint32Array;
  values: Int32Array;
  size = 0;

  constructor(capacity = 1 << 16) {
    let slots = 1 << 4;
    while (slots < capacity * 2) slots <<= 1;
    this.keys = new Uint32Array(slots);
    this.values = new Int32Array(slots);
  }

  /** Slot of `key`: where it is, or the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  get(key: number): number | undefined {
    const slot = this.slot(key);
    return this.keys[slot] === key ? this.values[slot] : undefined;
  }

  set(key: number, value: number): void {
    let slot = this.slot(key);
    if (this.keys[slot] !== key) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        slot = this.slot(key);
      }
      this.keys[slot] = key;
      this.size++;
    }
    this.values[slot] = value;
  }

  /** Adds `delta` to the value of `key` (0 when absent). */
  add(key: number, delta: number): void {
    const slot = this.slot(key);
    if (this.keys[slot] === key) this.values[slot] += delta;
    else this.set(key, delta);
  }

  *entries(): Generator<[number, number]> {
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] !== 0) yield [this.keys[slot], this.values[slot]];
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== 0) this.set(keys[slot], values[slot]);
  }
}
