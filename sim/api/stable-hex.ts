/**
 * A stable lowercase hex string derived from `text` (machine ids, boot ids, lease holders' uuids):
 * FNV-1a, then a xorshift stream. The same text gives the same string in every run.
 */
export function stableHex(text: string, length: number): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  while (out.length < length) {
    h ^= h << 13; h >>>= 0; h ^= h >>> 17; h ^= h << 5; h >>>= 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
