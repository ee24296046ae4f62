import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import type { HelmIo } from '../sim/helm/index';
import { REPO_ROOT, type VirtualFiles } from './files';

// The files helm sees in a scenario: the declared ones (and those helm create wrote), then
// examples/... from the repository; a directory is listed from both.

export function helmIo(files: VirtualFiles): HelmIo {
  return {
    readFile: (path) => files.read(path),
    listDir: (dir) => {
      const prefix = `${dir.replace(/^\.\//, '').replace(/\/+$/, '')}/`;
      const found = new Set(files.names().filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)));
      if (prefix.startsWith('examples/')) {
        const full = normalize(join(REPO_ROOT, prefix));
        if (full.startsWith(join(REPO_ROOT, 'examples')) && existsSync(full) && statSync(full).isDirectory()) {
          for (const f of walk(full)) found.add(relative(full, f));
        }
      }
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
