// `kubespec init [dir]`: scaffolds a spec project from templates/init (features/example.feature and
// features/steps/repository-files.steps.ts). Refuses to overwrite: when any file it would write
// exists, it writes nothing and names the files.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError, parseArgs } from './args';

export const TEMPLATE_DIR = resolve(__dirname, '..', 'templates', 'init');

export const INIT_USAGE = `usage: kubespec init [dir]

Scaffolds features/example.feature (a spec using kubespec's steps) and
features/steps/repository-files.steps.ts (an example custom step) in dir (default: the current
directory). Existing files are never overwritten.
`;

export interface InitResult {
  readonly written: readonly string[];   // relative to the target directory
  readonly conflicts: readonly string[];
}

/** Copies the template into `target` unless a file would be overwritten. */
export function scaffold(target: string, templateDir: string = TEMPLATE_DIR): InitResult {
  const files = listFiles(templateDir).map((f) => relative(templateDir, f));
  const conflicts = files.filter((f) => existsSync(join(target, f)));
  if (conflicts.length > 0) return { written: [], conflicts };
  for (const f of files) {
    mkdirSync(dirname(join(target, f)), { recursive: true });
    writeFileSync(join(target, f), readFileSync(join(templateDir, f)), { flag: 'wx' });
  }
  return { written: files, conflicts: [] };
}

export async function initMain(argv: readonly string[]): Promise<number> {
  let target: string;
  try {
    const args = parseArgs(argv, { flags: ['help'] });
    if (args.flags.has('help')) {
      process.stdout.write(INIT_USAGE);
      return 0;
    }
    if (args.positionals.length > 1) throw new UsageError('give at most one directory');
    target = resolve(args.positionals[0] ?? '.');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`kubespec init: ${e.message}\n${INIT_USAGE}`);
    return 2;
  }
  if (existsSync(target) && !statSync(target).isDirectory()) {
    process.stderr.write(`kubespec init: ${target} is not a directory\n`);
    return 2;
  }
  const { written, conflicts } = scaffold(target);
  if (conflicts.length > 0) {
    process.stderr.write(`kubespec init: refusing to overwrite existing file${conflicts.length === 1 ? '' : 's'} in ${target}:\n` +
      conflicts.map((f) => `  ${f}\n`).join('') + 'Nothing was written. Move them away or run kubespec init in another directory.\n');
    return 1;
  }
  process.stdout.write(`kubespec init: created in ${target}:\n${written.map((f) => `  ${f}\n`).join('')}` +
    '\nnext:\n  npx kubespec run          run the specs, reports in reports/\n' +
    '  npx kubespec steps        the steps you can use\n  npx kubespec claims       the claims coverage of the last run\n');
  return 0;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}
