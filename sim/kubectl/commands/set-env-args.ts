import type { Container } from '../../api/types';
import { isEnvVarName } from '../../api/validation/names';

// kubectl set env's argument handling and list arithmetic (staging/src/k8s.io/kubectl/pkg/cmd/set/
// env/env_parse.go, env_resolve.go, and set/helper.go updateEnv): pure, so tested on their own.

export type EnvVar = NonNullable<Container['env']>[number];

/** env.IsEnvironmentArgument: `(?ms)^(.+)\=(.*)$`, an "=" after at least one character. */
export function isEnvironmentArgument(s: string): boolean {
  return s.lastIndexOf('=') >= 1;
}

/**
 * env.SplitEnvironmentFromResources: resources first, then KEY=VALUE or KEY- words; a resource
 * after an environment word is an error (ok false).
 *
 * | args                          | resources        | env            |
 * |-------------------------------|------------------|----------------|
 * | deploy/web A=1 B-             | deploy/web       | A=1 B-         |
 * | deployment web A=1            | deployment web   | A=1            |
 * | A=1 deploy/web                | (not ok)         |                |
 */
export function splitEnvironmentFromResources(args: readonly string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = isEnvironmentArgument(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, envArgs };
}

/**
 * env.ParseEnv: KEY=VALUE words set (an empty VALUE omits `value`, as the JSON encoder does), KEY-
 * words remove; "-" (read stdin) is refused here: the shell has no stdin for kubectl.
 */
export function parseEnv(spec: readonly string[]): { env: EnvVar[]; remove: string[] } | { error: string } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const s of spec) {
    if (s === '-') return { error: "when '-' is used, STDIN must be open" };
    const eq = s.indexOf('=');
    if (eq >= 0) {
      const name = s.slice(0, eq);
      const errs = isEnvVarName(name);
      if (errs.length > 0) return { error: `"${name}" is not a valid key name: ${errs.join(';')}` };
      const value = s.slice(eq + 1);
      env.push(value === '' ? { name } : { name, value });
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      return { error: `unknown environment variable: ${s}` };
    }
  }
  if (remove.some((r) => env.some((e) => e.name === r))) return { error: 'can not both modify and remove the same environment variable in the same command' };
  return { env, remove };
}

/**
 * updateEnv: existing variables keep their place (replaced by a newer one of the same name, dropped
 * when removed), then the new ones follow, each name once.
 */
export function updateEnv(existing: readonly EnvVar[], env: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer !== undefined) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** keyToEnvName: a ConfigMap or Secret key as a variable name ("special.how" -> "SPECIAL_HOW"). */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

interface EnvVarSource {
  readonly configMapKeyRef?: { readonly name?: string; readonly key: string };
  readonly secretKeyRef?: { readonly name?: string; readonly key: string };
  readonly fieldRef?: { readonly fieldPath: string };
  readonly resourceFieldRef?: { readonly containerName?: string; readonly resource: string };
}

/** env.GetEnvVarRefString: how --list shows a variable set from a reference. */
export function envVarRefString(from: unknown): string {
  const f = (from ?? {}) as EnvVarSource;
  if (f.configMapKeyRef) return `configmap ${f.configMapKeyRef.name ?? ''}, key ${f.configMapKeyRef.key}`;
  if (f.secretKeyRef) return `secret ${f.secretKeyRef.name ?? ''}, key ${f.secretKeyRef.key}`;
  if (f.fieldRef) return `field path ${f.fieldRef.fieldPath}`;
  if (f.resourceFieldRef) return `resource field ${f.resourceFieldRef.containerName ? `${f.resourceFieldRef.containerName}/` : ''}${f.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

export function refSource(from: unknown): EnvVarSource {
  return (from ?? {}) as EnvVarSource;
}
