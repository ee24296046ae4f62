import { F, Output, failure, type Command, type CommandContext, type KubectlResult } from '../context';
import { list } from '../flags';
import { selectObjects } from '../resources';
import { outputFormat, printStructured } from './common';

// kubectl edit with no editor to open: it shows the object as kubectl hands it to the editor
// (header comment, then YAML with spec and status), and, the file coming back unchanged, reports
// a cancelled edit (editoptions.go). The book uses it to look at an object's config and status.

/** The comment kubectl edit puts above the object (editoptions.go). */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export const edit: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  flags: [
    F.filename, F.output, F.recursive,
  ],
  run: runEdit,
};

function runEdit(ctx: CommandContext): KubectlResult {
  const format = outputFormat(ctx.args, ['yaml', 'json']);
  if ('error' in format) return failure(ctx.cluster, format.error);
  const sel = selectObjects(ctx.cluster, ctx.args.positional, { namespace: ctx.namespace, allNamespaces: false }, {
    filenames: list(ctx.args, 'filename'), readFile: (p) => ctx.io.readFile(p),
  });
  if (typeof sel === 'string') return failure(ctx.cluster, sel);
  const o = new Output();
  for (const e of sel.errors) o.fail(e);
  const objects = sel.found.flatMap((f) => f.objects);
  if (objects.length === 0) return o.result(ctx.cluster);
  const printed = printStructured(format.t === 'json' ? format : { t: 'yaml' }, objects, sel.single);
  if ('error' in printed) return failure(ctx.cluster, printed.error);
  o.write('stdout', EDIT_HEADER + printed.text);
  o.err('Edit cancelled, no changes made.');
  return o.result(ctx.cluster);
}
