// The kubespec command line: `kubespec <command> [options]`. Each command lives in its own file and
// returns its exit status: 0 success, 1 a failure it found (scenarios, claims), 2 bad usage or input.

const USAGE = `usage: kubespec <command> [options]

commands:
  run      run features with kubespec's steps and write reports (junit, html, ndjson, conformance)
  steps    print the step catalog (--markdown, --json, --vscode for editor settings)
  claims   print the claims coverage of the last run (--strict fails on failed or uncovered claims)
  init     scaffold features/ with an example spec and a custom step in the current directory
  shell    a seeded, simulated cluster driven by kubectl, sleep, node and image lines on stdin

Run "kubespec <command> --help" for a command's options.
`;

type Command = (argv: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run')).runMain,
  steps: async () => (await import('./steps')).stepsMain,
  claims: async () => (await import('./claims')).claimsMain,
  init: async () => (await import('./init')).initMain,
  shell: async () => async (argv) => (await import('./shell')).shellMain(argv),
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (load === undefined) {
    process.stderr.write(`kubespec: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}
