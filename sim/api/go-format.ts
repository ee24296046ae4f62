// Go's fmt %v of a value decoded from JSON (apimachinery's json.Unmarshal: integral numbers as
// int64, others as float64; maps with their keys sorted), as API server and kubectl messages print it.

type Json = unknown;

const isMap = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Go's fmt `%v` of a decoded JSON value (map keys sorted): `map[spec:map[replicas:3]]`, `[a b]`,
 * `<nil>`. The API server quotes a patch this way in its errors.
 */
export function goFormat(v: Json): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** strconv.FormatFloat(f, 'g', -1, 64) as %v prints a float64; integers as int64. */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '');
    return `${m}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(n);
}
