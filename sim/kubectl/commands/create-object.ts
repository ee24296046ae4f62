import { applyManifests } from '../../index';
import { Output, failure, type CommandContext, type KubectlResult } from '../context';
import { toJson, toYaml } from '../printers/objects';
import { dryRunOf, dryRunSuffix, outputFormat } from './common';

// The create step of kubectl's generators (create deployment|namespace|secret|configmap, run,
// expose): print the manifest (--dry-run=client -o yaml|json) or send it through sim/api like any
// manifest, and say `<ref> created` (or `exposed`).

export function createObjectFromManifest(ctx: CommandContext, manifest: Record<string, unknown>, ref: string, verb: string): KubectlResult {
  const o = new Output();
  const dry = dryRunOf(ctx.args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  if (dry.warning) o.err(dry.warning);
  const format = outputFormat(ctx.args, ['yaml', 'json', 'name']);
  if ('error' in format) return failure(ctx.cluster, format.error);
  if (dry.dryRun === 'client' && (format.t === 'yaml' || format.t === 'json')) {
    o.stdout += format.t === 'yaml' ? toYaml(manifest) : toJson(manifest);
    return o.result(ctx.cluster);
  }
  const result = applyManifests(ctx.cluster, JSON.stringify(manifest), { mode: 'create', source: 'STDIN', namespace: ctx.namespace, namespaceExplicit: ctx.namespaceExplicit });
  if (result.errors.length > 0) {
    for (const e of result.errors) o.fail(e.replace(/error when creating "STDIN": /, ''));
    return o.result(ctx.cluster);
  }
  o.out(format.t === 'name' ? ref : `${ref} ${verb}${dryRunSuffix(dry.dryRun)}`);
  return o.result(dry.dryRun === 'none' ? result.cluster : ctx.cluster);
}
