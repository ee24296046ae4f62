import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { list, str } from '../flags';
import { dryRunOf, outputFormat, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, templateErrorOf } from './common';
import { createObjectFromManifest } from './create-object';
import { encodeBase64 } from '../../config/base64';
import { configKeyErrors } from '../../config/kinds';

// kubectl create secret generic / create configmap (staging/src/k8s.io/kubectl/pkg/cmd/create
// create_secret.go, create_configmap.go): --from-literal, --from-file=[key=]path, --from-env-file,
// built into the manifest kubectl would send, then created through sim/api like any manifest.

type Kind = 'Secret' | 'ConfigMap';

/**
 * How each generator adds a key (create_secret.go addKeyFromLiteralToSecret, create_configmap.go
 * validateNewConfigMap): the key must be a valid config key and new, each with its own wording.
 */
function keyError(kind: Kind, name: string, data: Readonly<Record<string, string>>, key: string): string | undefined {
  const errs = configKeyErrors(key);
  if (kind === 'Secret') {
    if (errs.length > 0) return `error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`;
    if (Object.prototype.hasOwnProperty.call(data, key)) return `error: cannot add key ${key}, another key by that name already exists`;
    return undefined;
  }
  if (errs.length > 0) return `error: ${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
  if (Object.prototype.hasOwnProperty.call(data, key)) return `error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`;
  return undefined;
}

/**
 * The key/value pairs from the flags, in the generator's order (createSecret: literals, files, env
 * files; createConfigMap: files, literals, env files). --from-env-file goes alone.
 */
function collect(ctx: CommandContext, kind: Kind, name: string): { data: Record<string, string> } | { error: string } {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): string | undefined => {
    const e = keyError(kind, name, data, key);
    if (e === undefined) data[key] = value;
    return e;
  };
  const files = list(ctx.args, 'from-file');
  const literals = list(ctx.args, 'from-literal');
  const envFiles = list(ctx.args, 'from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) return { error: 'error: from-env-file cannot be combined with from-file or from-literal' };
  const fromLiterals = (): string | undefined => {
    for (const spec of literals) {
      // util.ParseLiteralSource: key=value, the key not empty.
      const eq = spec.indexOf('=');
      if (eq <= 0) return `error: invalid literal source ${spec}, expected key=value`;
      const e = add(spec.slice(0, eq), spec.slice(eq + 1));
      if (e) return e;
    }
    return undefined;
  };
  const fromFiles = (): string | undefined => {
    for (const spec of files) {
      // util.ParseFileSource: [key=]path.
      const eq = spec.indexOf('=');
      const separators = spec.split('=').length - 1;
      if (separators > 1) return "error: key names or file paths cannot contain '='";
      if (separators === 1 && eq === 0) return `error: key name for file path ${spec.slice(1)} missing`;
      if (separators === 1 && eq === spec.length - 1) return `error: file path for key name ${spec.slice(0, -1)} missing`;
      const path = eq === -1 ? spec : spec.slice(eq + 1);
      const entries = ctx.io.listDir?.(path);
      if (entries !== undefined) {
        // A directory: every regular file in it, named after itself.
        if (eq !== -1) return 'error: cannot give a key name for a directory path';
        for (const f of entries) {
          const e = add(f, ctx.io.readFile(`${path.replace(/\/+$/, '')}/${f}`) ?? '');
          if (e) return e;
        }
        continue;
      }
      const key = eq === -1 ? path.split('/').filter(Boolean).pop() ?? path : spec.slice(0, eq);
      const text = ctx.io.readFile(path);
      if (text === undefined) return `error: error reading ${path}: no such file or directory`;
      const e = add(key, text);
      if (e) return e;
    }
    return undefined;
  };
  const first = kind === 'Secret' ? fromLiterals() ?? fromFiles() : fromFiles() ?? fromLiterals();
  if (first !== undefined) return { error: first };
  for (const path of envFiles) {
    if (ctx.io.listDir?.(path) !== undefined) return { error: `error: env ${kind === 'Secret' ? 'secret' : 'config'} file cannot be a directory` };
    const text = ctx.io.readFile(path);
    if (text === undefined) return { error: `error: error reading ${path}: no such file or directory` };
    // kubectl's env file: KEY=VALUE per line; blank lines and # comments skipped; the value is taken literally.
    for (const raw of text.split('\n')) {
      const line = raw.replace(/^\s+/, '').replace(/\r$/, '');
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      if (eq === -1) continue; // KEY alone takes the value from kubectl's own environment: none here
      const e = add(line.slice(0, eq), line.slice(eq + 1));
      if (e) return { error: e };
    }
  }
  return { data };
}

function createConfig(ctx: CommandContext, kind: Kind, usage: string): KubectlResult {
  const [name, ...extra] = ctx.args.positional;
  if (name === undefined || extra.length > 0) return failure(ctx.cluster, `error: exactly one NAME is required, got ${ctx.args.positional.length}\nSee '${usage} -h' for help and examples`);
  // Flag errors come before errors in the data sources, as in kubectl.
  const dry = dryRunOf(ctx.args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  const format = outputFormat(ctx.args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, templateError);
  const collected = collect(ctx, kind, name);
  if ('error' in collected) return failure(ctx.cluster, collected.error);
  const pairs = collected.data;
  const type = str(ctx.args, 'type');
  const manifest: Record<string, unknown> = kind === 'Secret'
    ? { apiVersion: 'v1', kind, metadata: { creationTimestamp: null, name }, ...(Object.keys(pairs).length > 0 ? { data: Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, encodeBase64(v)])) } : {}), ...(type ? { type } : {}) }
    : { apiVersion: 'v1', kind, metadata: { creationTimestamp: null, name }, ...(Object.keys(pairs).length > 0 ? { data: pairs } : {}) };
  return createObjectFromManifest(ctx, manifest, `${kind.toLowerCase()}/${name}`, 'created', { what: kind.toLowerCase(), qualifiedKind: kind });
}

const SOURCE_FLAGS = [
  F.dryRun, F.output, ...PRINT_TEMPLATE_FLAGS,
  { name: 'from-literal', kind: 'stringArray' as const },
  { name: 'from-file', kind: 'stringArray' as const },
  { name: 'from-env-file', kind: 'stringArray' as const },
  { name: 'validate', kind: 'string' as const, default: 'strict', noOptDefVal: 'strict' },
];

// The kubectl registry resolves one subcommand level, so `create secret` reads its own `generic` word.
export const createSecret: Command = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  flags: [...SOURCE_FLAGS, { name: 'type', kind: 'string' }],
  run: (ctx) => {
    const [sub, ...rest] = ctx.args.positional;
    if (sub !== 'generic') return failure(ctx.cluster, "error: kubespec: only `kubectl create secret generic` is simulated\nSee 'kubectl create secret -h' for help and examples");
    return createConfig({ ...ctx, args: { ...ctx.args, positional: rest } }, 'Secret', 'kubectl create secret generic');
  },
};

export const createConfigMap: Command = {
  name: 'configmap',
  short: 'Create a config map from a local file, directory, or literal value',
  flags: SOURCE_FLAGS,
  run: (ctx) => createConfig(ctx, 'ConfigMap', 'kubectl create configmap'),
};

/** The create subcommands this file adds (sim/kubectl/index.ts merges them into `create`). */
export const CONFIG_CREATE_SUBCOMMANDS: Readonly<Record<string, Command>> = { secret: createSecret, configmap: createConfigMap, cm: createConfigMap };
