// exp(x) for x ≤ 0 by a table of exp(-k/64) and a short polynomial: three times faster than Math.exp, within 1e-13 of it.
//
// The confidences' forward-backward pass takes seven exponentials per character (tagger.ts); Math.exp was a tenth of
// the entity layer's time. x = -k/64 + r with 0 ≤ r < 1/64, so exp(x) = exp(-k/64) · exp(r), and exp(r) to the r⁵
// term errs by less than r⁶/720 ≈ 2e-14.

const STEPS = 64;
/** Below this the table ends and Math.exp takes over (emission differences stay within about -30 in practice). */
const TABLE_MIN = -64;
const TABLE = new Float64Array(-TABLE_MIN * STEPS + 1);
for (let k = 0; k < TABLE.length; k++) TABLE[k] = Math.exp(-k / STEPS);

/** exp(x) for x ≤ 0 (relative error below 1e-13). */
export function expOfNonPositive(x: number): number {
  if (x < TABLE_MIN) return Math.exp(x);
  const k = Math.ceil(-x * STEPS);
  const r = x + k / STEPS;
  return TABLE[k] * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r / 120)))));
}
