import type { Container, KubeObject } from '../../api/types';
import type { Change } from '../../engine/types';
import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { CHANGE_CAUSE, RECORD_DEPRECATED, changeCause, dryRunOf, dryRunSuffix, outputFormat, PRINT_FLAG_FORMATS, PRINT_TEMPLATE_FLAGS, printsObject, templateErrorOf, type Answer } from './common';
import { printObjects } from './print-response';
import { updatePodSpec } from './pod-template';
import { targets, write } from './rollout-common';
import { setEnv } from './set-env';
import { setResources } from './set-resources';

// kubectl set image (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go): patches the image of the
// named containers ("*" = all) in the Pod spec (a Pod's own, a workload's template); `deployment.apps/nginx image updated`. An
// unchanged object is skipped silently, as the empty patch is.

const image: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: [F.filename, F.selector, F.all, F.dryRun, F.record, F.recursive, { name: 'local', kind: 'bool' }, { name: 'output', short: 'o', kind: 'string' }, ...PRINT_TEMPLATE_FLAGS],
  run: runSetImage,
};

export const set: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  flags: [],
  subcommands: { image, env: setEnv, resources: setResources },
  run: runSet,
};

/** A subcommand kubespec lacks gets an honest refusal; another word, cobra's RequireNoArguments error. */
function runSet(ctx: CommandContext): KubectlResult {
  const word = ctx.args.positional[0];
  if (word !== undefined && !['serviceaccount', 'sa', 'selector', 'subject'].includes(word)) {
    return failure(ctx.cluster, `error: unknown command "${ctx.args.positional.join(' ')}"\nSee 'kubectl set -h' for help and examples`);
  }
  return failure(ctx.cluster, `error: kubespec simulates "kubectl set env", "set image" and "set resources"${word === undefined ? '' : `, not "set ${word}"`}; e.g. kubectl set image deployment/nginx nginx=nginx:1.9.1`);
}

/** cmdutil.GetResourcesAndPairs: words with "=" are container=image pairs; the others name resources. */
function splitPairs(words: readonly string[]): { resources: string[]; pairs: Map<string, string> } | { error: string } {
  const resources: string[] = [];
  const pairs = new Map<string, string>();
  let seenPair = false;
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) {
      if (seenPair) return { error: 'error: all resources must be specified before image changes: ' + w };
      resources.push(w);
      continue;
    }
    seenPair = true;
    const name = w.slice(0, eq);
    const value = w.slice(eq + 1);
    if (name === '' || value === '') return { error: `error: invalid image format: ${w}` };
    pairs.set(name, value);
  }
  return { resources, pairs };
}

function runSetImage(ctx: CommandContext): KubectlResult {
  const o = new Output();
  if (bool(ctx.args, 'record')) o.err(RECORD_DEPRECATED);
  const split = splitPairs(ctx.args.positional);
  if ('error' in split) return failure(ctx.cluster, o.stderr + split.error);
  const problems: string[] = [];
  if (split.resources.length < 1 && list(ctx.args, 'filename').length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (split.pairs.size < 1) problems.push('at least one image update is required');
  else if (split.pairs.size > 1 && split.pairs.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (problems.length > 0) return failure(ctx.cluster, `${o.stderr}error: ${problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`}`);
  const dry = dryRunOf(ctx.args);
  if ('error' in dry) return failure(ctx.cluster, o.stderr + dry.error);
  const format = outputFormat(ctx.args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, o.stderr + format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, o.stderr + templateError);

  const found = targets({ ...ctx, args: { ...ctx.args, positional: split.resources } });
  if ('error' in found) return failure(ctx.cluster, o.stderr + found.error);
  for (const e of found.errors) o.fail(e);

  const changes: Change[] = [];
  const lines: { display: string; next: KubeObject }[] = [];
  for (const t of found.targets) {
    const updated = updatePodSpec(t.object, (podSpec) => {
      let spec = podSpec;
      for (const [name, img] of split.pairs) {
        const init = setImage(spec.initContainers, name, img);
        const main = setImage(spec.containers, name, img);
        if (!init.found && !main.found) { o.fail(`error: unable to find container named "${name}"`); continue; }
        spec = { ...spec, containers: main.containers ?? spec.containers, ...(init.containers ? { initContainers: init.containers } : {}) };
      }
      return spec;
    });
    if ('error' in updated) { o.fail(`error: ${t.type.plural}/${t.object.metadata.name} ${updated.error}`); continue; }
    const annotations = bool(ctx.args, 'record') ? { ...(t.object.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(ctx) } : t.object.metadata.annotations;
    const next: KubeObject = { ...updated.object, metadata: { ...t.object.metadata, ...(annotations ? { annotations } : {}) } };
    if (JSON.stringify(next) === JSON.stringify(t.object)) continue; // the empty patch: nothing printed
    changes.push({ verb: 'update', object: next });
    lines.push({ display: t.display, next });
  }
  let cluster = ctx.cluster;
  let answer: Answer | undefined;
  if (dry.dryRun === 'none') {
    const w = write(cluster, changes);
    if ('error' in w) { o.fail(`failed to patch image update to pod template: ${w.error}`); return o.result(ctx.cluster); }
    cluster = w.cluster;
    answer = w.answer;
  }
  // PrintObj of the server's response (the object as the patch stored it), or of the local object.
  for (const { display, next } of lines) {
    if (printsObject(format)) printObjects(o, format, [answer?.({ kind: next.kind, namespace: next.metadata.namespace ?? '', name: next.metadata.name }) ?? next]);
    else o.out(format.t === 'name' ? display : `${display} image updated${dryRunSuffix(dry.dryRun)}`);
  }
  return o.result(cluster);
}

/** setImage: every container named `name` (or all for "*") gets the image; containers undefined when none changed. */
function setImage(containers: readonly Container[] | undefined, name: string, img: string): { found: boolean; containers?: Container[] } {
  if (containers === undefined) return { found: false };
  let found = false;
  const next = containers.map((c) => {
    if (c.name !== name && name !== '*') return c;
    found = true;
    return c.image === img ? c : { ...c, image: img };
  });
  return { found, containers: found ? next : undefined };
}
