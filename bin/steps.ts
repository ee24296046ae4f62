// `kubespec steps [--markdown|--json] [--require glob]`: the step catalog of kubespec's steps plus the
// project's own (features/**/*.ts), with examples and the claims whose scenarios use each step.
import { UsageError, parseArgs } from './args';
import { relative } from 'node:path';
import { KUBESPEC_ROOT, loadCustomParameterTypes, renderStepsJson, renderStepsMarkdown, renderStepsText, stepCatalog, vscodeSettings } from '../support/step-catalog';

export const STEPS_USAGE = `usage: kubespec steps [--markdown | --json | --vscode] [--require <glob>]

Prints every step definition (kubespec's and this project's features/**/*.ts) with its parameter
types, an example and the claims whose scenarios use it. --markdown is docs/steps.md's format.
--vscode prints .vscode/settings.json entries for the Cucumber extension (see docs/editors.md).
`;

export async function stepsMain(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { flags: ['markdown', 'json', 'vscode', 'help'], values: ['require'] });
    if (['markdown', 'json', 'vscode'].filter((f) => args!.flags.has(f)).length > 1) throw new UsageError('choose one of --markdown, --json and --vscode');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`kubespec steps: ${e.message}\n${STEPS_USAGE}`);
    return 2;
  }
  if (args.flags.has('help')) {
    process.stdout.write(STEPS_USAGE);
    return 0;
  }
  if (args.flags.has('vscode')) {
    const types = await loadCustomParameterTypes(process.cwd(), args.values.get('require') ?? []);
    const dir = relative(process.cwd(), KUBESPEC_ROOT).split('\\').join('/') || '.';
    process.stdout.write(`${JSON.stringify(vscodeSettings(types, dir), null, 2)}\n`);
    return 0;
  }
  const catalog = await stepCatalog({ extraRequires: args.values.get('require') ?? [] });
  const render = args.flags.has('markdown') ? renderStepsMarkdown : args.flags.has('json') ? renderStepsJson : renderStepsText;
  process.stdout.write(render(catalog));
  return 0;
}
