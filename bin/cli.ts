// The kubespec command line: `kubespec <command> [options]`. `shell` is here; `run`, `steps`,
// `claims` and `init` arrive with the reporting issue and say so until then (exit status 2).

const LATER = new Set(['run', 'steps', 'claims', 'init']);

const USAGE = `usage: kubespec <command> [options]

commands:
  shell    a seeded, simulated cluster driven by kubectl, sleep, node and image lines on stdin
  run      run the feature suite and write reports (not yet available)
  steps    print the step catalog (not yet available)
  claims   print the claims matrix (not yet available)
  init     scaffold a spec project (not yet available)
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'shell') {
    const { shellMain } = await import('./shell');
    return shellMain(rest);
  }
  if (LATER.has(command)) {
    process.stderr.write(`kubespec ${command}: not yet available in this version; available now: kubespec shell\n`);
    return 2;
  }
  process.stderr.write(`kubespec: unknown command "${command}"\n${USAGE}`);
  return 2;
}
