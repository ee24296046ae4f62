import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';

// The files a scenario's commands can read: those it declares (`Given the file "nginx.yml":`) and,
// by their repository path, the book's manifests in examples/. Nothing else on disk is visible.

export const REPO_ROOT = resolve(__dirname, '..');
const EXAMPLES = join(REPO_ROOT, 'examples');

export class VirtualFiles {
  private readonly files = new Map<string, string>();

  declare(path: string, text: string): void {
    this.files.set(clean(path), text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A file a command wrote (kubectl cp), kept byte for byte. */
  write(path: string, data: string): void {
    this.files.set(clean(path), data);
  }

  /** The text at `path`: a declared file first, then `examples/...` from the repository. */
  read(path: string): string | undefined {
    const declared = this.files.get(clean(path));
    if (declared !== undefined) return declared;
    return clean(path).startsWith('examples/') ? readExample(path) : undefined;
  }

  /** The declared files directly under `dir`, sorted; undefined when none is. */
  listDir(dir: string): string[] | undefined {
    const prefix = `${clean(dir).replace(/\/+$/, '')}/`;
    const names = [...this.files.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
    return names.length > 0 ? names.sort() : undefined;
  }

  names(): string[] { return [...this.files.keys()]; }
}

/** examples/<path> from the repository, or undefined. `path` may start with examples/ or not. */
export function readExample(path: string): string | undefined {
  if (isAbsolute(path)) return undefined;
  const rel = clean(path).replace(/^examples\//, '');
  const full = normalize(join(EXAMPLES, rel));
  if (!full.startsWith(EXAMPLES + '/') || !existsSync(full)) return undefined;
  return readFileSync(full, 'utf8');
}

function clean(path: string): string {
  return path.replace(/^\.\//, '');
}
