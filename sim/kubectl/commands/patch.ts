import type { KubeObject } from '../../api/types';
import { answerOf, submit } from '../../index';
import { F, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { kindPrefix, selectObjects } from '../resources';
import { CHANGE_CAUSE, changeCause, dryRunSuffix, printsObject, visitErrorLines, writePrelude, type VisitError, PRINT_TEMPLATE_FLAGS } from './common';
import { printObjects } from './print-response';
import { patchObject, patchToJson, type PatchType } from './patch-apply';
import { patchScale, scaleOf } from './patch-scale';

// kubectl patch (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go, PatchOptions.Validate and
// RunPatch): the patch text (JSON or YAML) goes to the API server as a strategic merge patch (the
// default), a JSON merge patch or a JSON patch, object by object (ContinueOnError); each prints
// `deployment.apps/web patched`, or `patched (no change)` when the server wrote nothing;
// --subresource=scale patches the object's Scale (patch-scale.ts).

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

export const patch: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: [
    F.filename, F.recursive, F.output, ...PRINT_TEMPLATE_FLAGS, F.dryRun, F.record,
    { name: 'patch', short: 'p', kind: 'string' },
    { name: 'patch-file', kind: 'string' },
    { name: 'type', kind: 'string', default: 'strategic' },
    { name: 'local', kind: 'bool' },
    { name: 'field-manager', kind: 'string', default: 'kubectl-patch' },
    { name: 'subresource', kind: 'string' },
    { name: 'kustomize', short: 'k', kind: 'string' },
  ],
  run: runPatch,
};

function runPatch(ctx: CommandContext): KubectlResult {
  const { args } = ctx;
  const prelude = writePrelude(ctx);
  if ('exitCode' in prelude) return prelude;
  const { o, dry, format } = prelude;

  // PatchOptions.Validate.
  const patchText = str(args, 'patch') ?? '';
  const patchFile = str(args, 'patch-file') ?? '';
  const local = bool(args, 'local');
  const typeText = str(args, 'type') ?? 'strategic';
  const subresource = str(args, 'subresource') ?? '';
  const refuse = (message: string) => failure(ctx.cluster, `${o.stderr}error: ${message}`);
  if (patchText !== '' && patchFile !== '') return refuse('cannot specify --patch and --patch-file together');
  if (patchText === '' && patchFile === '') return refuse('must specify --patch or --patch-file containing the contents of the patch');
  if (local && args.positional.length !== 0) return refuse('cannot specify --local and server resources');
  if (local && dry.dryRun === 'server') return refuse('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const type = PATCH_TYPES.find((t) => t === typeText.toLowerCase());
  if (typeText !== '' && type === undefined) return refuse(`--type must be one of [${PATCH_TYPES.join(' ')}], not "${typeText}"`);
  if (subresource !== '' && subresource !== 'status' && subresource !== 'scale') return refuse(`invalid subresource value: "${subresource}". Must be one of [status scale]`);
  if (subresource === 'status' || local || str(args, 'kustomize') !== undefined) {
    return refuse(`kubespec does not simulate kubectl patch ${subresource !== '' ? '--subresource=status' : local ? '--local' : '-k'} yet`);
  }

  // RunPatch: the patch file, then yaml.ToJSON (the error quotes --patch, empty with --patch-file).
  let text = patchText;
  if (patchFile !== '') {
    const content = ctx.io.readFile(patchFile);
    if (content === undefined) return refuse(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = content;
  }
  const parsed = patchToJson(text);
  if ('error' in parsed) return refuse(`unable to parse ${JSON.stringify(patchText)}: ${parsed.error}`);

  const sel = selectObjects(ctx.cluster, args.positional, { namespace: ctx.namespace, allNamespaces: false }, {
    filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, o.stderr + sel);
  if (args.positional.length === 1 && !args.positional[0].includes('/') && list(args, 'filename').length === 0) {
    return failure(ctx.cluster, `${o.stderr}error: resource(s) were provided, but no name was specified`);
  }

  const errors: VisitError[] = [];
  let cluster = ctx.cluster;
  let count = 0;
  for (const f of sel.found) {
    for (const live of f.objects) {
      count++;
      const patched = subresource === 'scale'
        ? patchScale(cluster.store, live, type ?? 'strategic', parsed.value)
        : patchObject(cluster.store, live, type ?? 'strategic', parsed.value);
      if ('error' in patched) { errors.push({ parts: [patched.error], standard: true }); continue; }
      if ('warnings' in patched) for (const w of patched.warnings) o.err(w);
      let object: KubeObject = patched.object;
      if (bool(args, 'record') && patched.changed) {
        object = { ...object, metadata: { ...object.metadata, annotations: { ...(object.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(ctx) } } };
      }
      if (patched.changed && dry.dryRun === 'none') {
        const written = submit(cluster, [{ verb: 'update', object }], 'kubectl');
        if (written.errors.length > 0) { errors.push({ parts: written.errors.map((e) => `Error from server${e.includes(' is forbidden: ') ? ' (Forbidden)' : ''}: ${e}`), standard: true }); continue; }
        cluster = written.cluster;
        // The server's response: the object as the patch stored it, before any controller reacts.
        object = answerOf(written)({ kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name }) ?? object;
      }
      // The printer names what the server returned: the Scale for --subresource=scale.
      const display = `${subresource === 'scale' ? 'scale.autoscaling' : kindPrefix(f.type)}/${live.metadata.name}`;
      if ('scale' in patched) object = scaleOf(object);
      if (format.t === 'name') o.out(display);
      // YAMLPrinter separates each later object with '---'.
      else if (printsObject(format)) printObjects(o, format, [object]);
      else o.out(`${display} ${patched.changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(dry.dryRun)}`);
    }
  }
  for (const e of sel.errors) errors.push({ parts: [e], standard: true });
  if (errors.length === 0 && count === 0) errors.push({ parts: ['error: no objects passed to patch'] });
  for (const line of visitErrorLines(errors)) o.fail(line);
  return o.result(cluster);
}
