import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { bool, list, str } from '../flags';
import { selectObjects } from '../resources';
import { describerFor } from '../describe/describers';

// kubectl describe (staging/src/k8s.io/kubectl/pkg/cmd/describe): TYPE NAME describes the object,
// or every object whose name starts with NAME; TYPE alone (or -l) describes them all.
// Several descriptions are separated by a blank line.

export const describe: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: [F.filename, F.selector, F.allNamespaces, F.recursive, { name: 'show-events', kind: 'bool', default: true }, { name: 'chunk-size', kind: 'int', default: 500 }],
  run: runDescribe,
};

function runDescribe(ctx: CommandContext): KubectlResult {
  const { args, cluster } = ctx;
  const allNamespaces = bool(args, 'all-namespaces');
  const sel = selectObjects(cluster, args.positional, { namespace: ctx.namespace, allNamespaces }, {
    selector: str(args, 'selector'), filenames: list(args, 'filename'), readFile: (p) => ctx.io.readFile(p), prefixMatch: true,
  });
  if (typeof sel === 'string') return failure(cluster, sel);
  const o = new Output();
  for (const w of sel.warnings) o.err(w);
  const texts: string[] = [];
  for (const f of sel.found) {
    for (const obj of f.objects) {
      let text = describerFor(f.type.kind)(cluster, obj, ctx.nowMs);
      if (!bool(args, 'show-events')) text = text.replace(/\nEvents:[\s\S]*$/, '\n');
      texts.push(text);
    }
  }
  o.write('stdout', texts.join('\n\n'));
  for (const e of sel.errors) o.fail(e);
  if (texts.length === 0 && sel.errors.length === 0) {
    const namespaced = sel.found.some((f) => f.type.namespaced);
    o.err(allNamespaces || !namespaced ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`);
  }
  return o.result(cluster);
}
