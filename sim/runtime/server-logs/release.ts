// Which release an image tag runs: `1.27.3` is itself; `1.27`, `1`, `latest`, `mainline`,
// `stable` and variants (`1.27-alpine`, `alpine`) the release the tag pointed at last.
//
// | tag            | minors {'1.27': '1.27.5'}, latest 1.29.3 | result  |
// |----------------|------------------------------------------|---------|
// | 1.7.9          |                                          | 1.7.9   |
// | 1.27           |                                          | 1.27.5  |
// | 1.27-alpine    |                                          | 1.27.5  |
// | 1.26           | (not in the table)                       | 1.26.0  |
// | latest, alpine |                                          | 1.29.3  |

export type Release = readonly [number, number, number];

export function releaseOf(tag: string, lastPatch: Readonly<Record<string, string>>, named: Readonly<Record<string, string>>): Release {
  const base = tag.split('-')[0];
  const text = named[base] ?? (/^\d+\.\d+\.\d+$/.test(base) ? base : /^\d+\.\d+$/.test(base) ? lastPatch[base] ?? `${base}.0` : named.latest);
  const [a, b, c] = text.split('.').map(Number);
  return [a, b, c];
}

/** v >= at, as dotted releases. */
export function atLeast(v: Release, at: string): boolean {
  const w = at.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (v[i] !== w[i]) return v[i] > w[i];
  return true;
}

export function releaseText(v: Release): string {
  return v.join('.');
}
