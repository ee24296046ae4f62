import { gunzipSync, gzipSync } from 'node:zlib';

// Chart archives: <name>-<version>.tgz, a gzipped tar whose entries sit under "<name>/"
// (chartutil.Save / loader.LoadArchive). Archives travel through the file interface as latin1
// strings (one char per byte).

export class ArchiveError extends Error {}

function header(name: string, size: number, mtimeSec: number): Buffer {
  const h = Buffer.alloc(512, 0);
  const put = (s: string, off: number, len: number): void => { h.write(s.slice(0, len), off, 'latin1'); };
  const oct = (n: number, len: number): string => `${n.toString(8).padStart(len - 1, '0')}\0`;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    put(name.slice(cut + 1), 0, 100);
    put(name.slice(0, cut), 345, 155);
  } else {
    put(name, 0, 100);
  }
  put(oct(0o644, 8), 100, 8);
  put(oct(0, 8), 108, 8);
  put(oct(0, 8), 116, 8);
  put(oct(size, 12), 124, 12);
  put(oct(mtimeSec, 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

/** A .tgz of `files` (path -> text), as a latin1 string. */
export function writeTgz(files: ReadonlyArray<readonly [string, string]>, mtimeSec: number): string {
  const parts: Buffer[] = [];
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    parts.push(header(name, data.length, mtimeSec), data, Buffer.alloc((512 - (data.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(parts)).toString('latin1');
}

/** The archive's exact bytes: a text store (the scenario's files) may have added a final newline. */
export function archiveBytes(archive: string): Buffer {
  const raw = Buffer.from(archive, 'latin1');
  if (raw.length > 18 && raw[raw.length - 1] === 0x0a) {
    const cut = raw.subarray(0, raw.length - 1);
    try { if (gunzipSync(cut).length === cut.readUInt32LE(cut.length - 4)) return cut; } catch { /* not a gzip stream without it either */ }
  }
  return raw;
}

/** The files of a .tgz (latin1 string); throws ArchiveError when it is not one. */
export function readTgz(archive: string): Map<string, string> {
  const raw = archiveBytes(archive);
  if (raw.length < 2 || raw[0] !== 0x1f || raw[1] !== 0x8b) throw new ArchiveError('gzip: invalid header');
  let tar: Buffer;
  try {
    tar = gunzipSync(raw);
  } catch {
    throw new ArchiveError('unexpected EOF');
  }
  const out = new Map<string, string>();
  for (let off = 0; off + 512 <= tar.length;) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const str = (a: number, len: number): string => h.subarray(a, a + len).toString('latin1').replace(/\0.*$/s, '');
    const prefix = str(345, 155);
    const name = prefix === '' ? str(0, 100) : `${prefix}/${str(0, 100)}`;
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const type = str(156, 1);
    const data = tar.subarray(off + 512, off + 512 + size);
    if (type === '0' || type === '') out.set(name, data.toString('utf8'));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}
