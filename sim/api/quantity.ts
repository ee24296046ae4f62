// k8s.io/apimachinery/pkg/api/resource.Quantity: "100m", "2", "128Mi", "1G", "1e3", "0.5Gi".
// Values are returned as floats in base units (cores, bytes); the simulator needs no 64-bit exactness.

/** Binary (SI-less) suffixes: powers of 1024. */
const BINARY: Readonly<Record<string, number>> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** Decimal SI suffixes: powers of 1000 ("" is 1). */
const DECIMAL: Readonly<Record<string, number>> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

// resource.ParseQuantity's grammar: <signedNumber><suffix>, number = digits with an optional
// fraction (".5" and "5." allowed), suffix = binarySI | decimalSI | decimalExponent (e/E + signed int).
const QUANTITY = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

/**
 * resource.ParseQuantity, as a float in base units; undefined when the text is not a quantity.
 *
 * | input   | result        |
 * |---------|---------------|
 * | "100m"  | 0.1           |
 * | "2"     | 2             |
 * | "128Mi" | 134217728     |
 * | "1G"    | 1e9           |
 * | "1e3"   | 1000          |
 * | "0.5Gi" | 536870912     |
 * | "12Q"   | undefined     |
 */
export function parseQuantity(q: string | number): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m = QUANTITY.exec(q.trim() === q ? q : '');
  if (m === null) return undefined;
  const value = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return value * BINARY[suffix];
  if (suffix in DECIMAL) return value * DECIMAL[suffix];
  return value * 10 ** Number(suffix.slice(1));
}

/** True when the text parses as a quantity ("must match the regular expression ..." otherwise). */
export function isQuantity(q: unknown): boolean {
  return (typeof q === 'string' || typeof q === 'number') && parseQuantity(q) !== undefined;
}

/**
 * CPU in millicores, rounded up as Quantity.MilliValue() does ("0.1" -> 100, "1" -> 1000,
 * "250m" -> 250, "1n" -> 1). Undefined input or an invalid quantity gives undefined.
 */
export function cpuMillis(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const v = parseQuantity(q);
  return v === undefined ? undefined : ceilClean(v * 1000);
}

/** Memory (or storage) in bytes, rounded up as Quantity.Value() does ("128Mi" -> 134217728). */
export function bytes(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const v = parseQuantity(q);
  return v === undefined ? undefined : ceilClean(v);
}

/** Math.ceil that ignores float noise (0.1 * 1000 = 100.00000000000001 must stay 100). */
function ceilClean(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 * Math.max(1, Math.abs(x)) ? r : Math.ceil(x);
}

/**
 * Canonical text of a quantity, the way kubectl prints one (Quantity.String()).
 * format 'DecimalSI' (cpu): millicores when fractional ("100m", "1500m"), else whole ("2", "1k" for 1000).
 * format 'BinarySI' (memory): the largest binary suffix that divides exactly ("128Mi", "1Gi"),
 * else (and below 1024) decimal SI, as CanonicalizeBytes falls back ("1k" for 1000, "2001" for 2001).
 *
 * | value      | format    | text    |
 * |------------|-----------|---------|
 * | 0.1        | DecimalSI | "100m"  |
 * | 2          | DecimalSI | "2"     |
 * | 134217728  | BinarySI  | "128Mi" |
 * | 1e9        | DecimalSI | "1G"    |
 * | 1000       | BinarySI  | "1k"    |
 */
export function formatQuantity(value: number, format: 'DecimalSI' | 'BinarySI' = 'DecimalSI'): string {
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (format === 'BinarySI' && Number.isInteger(abs) && abs >= 1024) {
    for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      if (abs % BINARY[s] === 0) return `${sign}${abs / BINARY[s]}${s}`;
    }
  }
  // Decimal SI: the largest power-of-1000 suffix whose multiple is an integer (in the 3-digit groups).
  const order: [string, number][] = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3], ['', 1], ['m', 1e-3], ['u', 1e-6], ['n', 1e-9]];
  for (const [s, f] of order) {
    const scaled = abs / f;
    const r = Math.round(scaled);
    if (Math.abs(scaled - r) < 1e-9 * Math.max(1, scaled) && r !== 0) return `${sign}${r}${s}`;
  }
  return `${sign}${Math.ceil(abs / 1e-9)}n`;
}
