// Secret data is []byte, which JSON carries as standard base64 (encoding/base64 StdEncoding). The
// decoder rejects what Go's strict-enough decoder rejects, at the same byte offset, and never echoes the value.

const ALPHABET = /[A-Za-z0-9+/]/;
const isNewline = (c: string) => c === '\n' || c === '\r';

/** The offset Go's base64.StdEncoding.Decode reports as CorruptInputError, or undefined when `s` decodes (encoding/base64 decodeQuantum). */
export function base64ErrorOffset(s: string): number | undefined {
  let si = 0;
  while (si < s.length) {
    let j = 0;
    for (; j < 4; j++) {
      while (si < s.length && isNewline(s[si])) si++;
      if (si === s.length) {
        if (j === 0) return undefined;
        return si - j; // an incomplete quantum without padding
      }
      const c = s[si++];
      if (ALPHABET.test(c)) continue;
      if (c !== '=') return si - 1;
      // Padding: only in the 3rd or 4th place of a quantum, '==' in the 3rd, then nothing but newlines.
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < s.length && isNewline(s[si])) si++;
        if (si === s.length) return s.length;
        if (s[si] !== '=') return si - 1;
        si++;
      }
      while (si < s.length && isNewline(s[si])) si++;
      return si < s.length ? si : undefined;
    }
  }
  return undefined;
}

/** The text after `Secret in version "v1" cannot be handled as a Secret: ` for the first bad data value, or undefined. */
export function secretDataDecodeError(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  for (const v of Object.values(data)) {
    if (typeof v !== 'string') continue;
    const at = base64ErrorOffset(v);
    if (at !== undefined) return `illegal base64 data at input byte ${at}`;
  }
  return undefined;
}

export const encodeBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const decodeBase64 = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');
/** len(data[key]) in bytes, from its base64 form. */
export const decodedLength = (b64: string): number => Buffer.from(b64, 'base64').length;
