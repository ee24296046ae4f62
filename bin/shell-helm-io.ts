import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, normalize, relative, resolve } from 'node:path';
import type { HelmIo } from '../sim/helm/index';

// helm's files in `kubespec shell`: the working directory, read-only, under an in-memory overlay
// that keeps what helm writes (helm create), so a script never changes the disk.

export function shellHelmIo(cwd: string): HelmIo & { write(path: string, data: string): void; readOverlay(path: string): string | undefined } {
  const overlay = new Map<string, string>();
  const key = (p: string): string => normalize(resolve(cwd, p));
  return {
    write: (path, data) => { overlay.set(key(path), data); },
    readOverlay: (path) => overlay.get(key(path)),
    readFile: (path) => {
      const full = key(path);
      if (overlay.has(full)) return overlay.get(full);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, /\.(tgz|tar\.gz)$/.test(full) ? 'latin1' : 'utf8') : undefined;
    },
    listDir: (dir) => {
      const full = key(dir);
      const found = new Set<string>();
      for (const k of overlay.keys()) if (k.startsWith(`${full}/`)) found.add(k.slice(full.length + 1));
      if (existsSync(full) && statSync(full).isDirectory()) for (const f of walk(full)) found.add(relative(full, f));
      return found.size > 0 ? [...found].sort() : undefined;
    },
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
