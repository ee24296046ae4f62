// `kubespec steps [--markdown|--json] [--require glob]`: the step catalog of kubespec's steps plus the
// project's own (features/**/*.ts), with examples and the claims whose scenarios use each step.
import { UsageError, parseArgs } from './args';
import { renderStepsJson, renderStepsMarkdown, renderStepsText, stepCatalog } from '../support/step-catalog';

export const STEPS_USAGE = `usage: kubespec steps [--markdown | --json] [--require <glob>]

Prints every step definition (kubespec's and this project's features/**/*.ts) with its parameter
types, an example and the claims whose scenarios use it. --markdown is docs/steps.md's format.
`;

export async function stepsMain(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { flags: ['markdown', 'json', 'help'], values: ['require'] });
    if (args.flags.has('markdown') && args.flags.has('json')) throw new UsageError('choose one of --markdown and --json');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`kubespec steps: ${e.message}\n${STEPS_USAGE}`);
    return 2;
  }
  if (args.flags.has('help')) {
    process.stdout.write(STEPS_USAGE);
    return 0;
  }
  const catalog = await stepCatalog({ extraRequires: args.values.get('require') ?? [] });
  const render = args.flags.has('markdown') ? renderStepsMarkdown : args.flags.has('json') ? renderStepsJson : renderStepsText;
  process.stdout.write(render(catalog));
  return 0;
}
