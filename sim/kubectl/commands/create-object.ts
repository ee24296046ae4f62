import { applyManifests } from '../../index';
import { Output, failure, type CommandContext, type KubectlResult } from '../context';
import type { KubeObject } from '../../api/types';
import { dryRunOf, dryRunSuffix, outputFormat, printsObject, PRINT_FLAG_FORMATS, templateErrorOf } from './common';
import { printObjects, printResponses } from './print-response';

// The create step of kubectl's generators (create deployment|namespace|secret|configmap, run,
// expose): print the manifest (--dry-run=client -o yaml|json) or send it through sim/api like any
// manifest, and say `<ref> created` (or `exposed`).

/**
 * A generator that wraps the API error as `fmt.Errorf("failed to create deployment: %v", err)`:
 * the error is then no StatusError for kubectl's CheckErr, which prints `error: ` and the
 * StatusError's own text (`deployments.apps "x" already exists`, `Deployment.apps "x" is invalid: ...`).
 */
export interface WrappedCreateError {
  readonly what: string;          // "deployment"
  readonly qualifiedKind: string; // "Deployment.apps", as StatusError names the kind in NewInvalid
}

/** The StatusError's Error() text from the line kubectl's CheckErr would print for it. */
export function statusErrorText(kubectlText: string, qualifiedKind: string): string {
  const server = /^Error from server \([A-Za-z]+\): ([\s\S]*)$/.exec(kubectlText);
  if (server !== null) return server[1];
  const invalid = /^The [A-Za-z]+ ("[^"]*") is invalid: ([\s\S]*)$/.exec(kubectlText);
  if (invalid === null) return kubectlText;
  // MultilineError's "\n* a\n* b" is errs.ToAggregate()'s "[a, b]" in the StatusError's text.
  const causes = invalid[2].startsWith('\n') ? `[${invalid[2].split('\n* ').slice(1).join(', ')}]` : invalid[2];
  return `${qualifiedKind} ${invalid[1]} is invalid: ${causes}`;
}

export function createObjectFromManifest(ctx: CommandContext, manifest: Record<string, unknown>, ref: string, verb: string, wrapped?: WrappedCreateError): KubectlResult {
  const o = new Output();
  const dry = dryRunOf(ctx.args);
  if ('error' in dry) return failure(ctx.cluster, dry.error);
  if (dry.warning) o.err(dry.warning);
  const format = outputFormat(ctx.args, PRINT_FLAG_FORMATS, (p) => ctx.io.readFile(p));
  if ('error' in format) return failure(ctx.cluster, format.error);
  const templateError = templateErrorOf(format);
  if (templateError !== undefined) return failure(ctx.cluster, templateError);
  if (dry.dryRun === 'client' && printsObject(format)) {
    printObjects(o, format, [manifest as unknown as KubeObject]);
    return o.result(ctx.cluster);
  }
  const result = applyManifests(ctx.cluster, JSON.stringify(manifest), { mode: 'create', source: 'STDIN', namespace: ctx.namespace, namespaceExplicit: ctx.namespaceExplicit });
  if (result.errors.length > 0) {
    for (const e of result.errors) {
      const text = e.replace(/error when creating "STDIN": /, '');
      o.fail(wrapped === undefined ? text : `error: failed to create ${wrapped.what}: ${statusErrorText(text, wrapped.qualifiedKind)}`);
    }
    return o.result(ctx.cluster);
  }
  if (printsObject(format)) printResponses(o, format, result.answer, result.refs ?? []);
  else o.out(format.t === 'name' ? ref : `${ref} ${verb}${dryRunSuffix(dry.dryRun)}`);
  return o.result(dry.dryRun === 'none' ? result.cluster : ctx.cluster);
}
