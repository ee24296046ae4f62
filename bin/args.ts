// A small argv parser for kubespec's commands: `--flag`, `--opt value`, `--opt=value`, positionals.
// Unknown options are errors, so a typo never silently changes what runs.

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
}

export interface ArgSpec {
  readonly values?: readonly string[];   // options that take a value (repeatable)
  readonly flags?: readonly string[];    // options without a value
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const takesValue = new Set(spec.values ?? []);
  const isFlag = new Set(spec.flags ?? []);
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (isFlag.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (takesValue.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      const known = [...takesValue, ...isFlag].map((x) => `--${x}`).join(', ');
      throw new UsageError(`unknown option "--${name}"${known ? ` (known: ${known})` : ''}`);
    }
  }
  return { positionals, values, flags };
}

/** The last value given for an option, or undefined. */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  const all = args.values.get(name);
  return all === undefined ? undefined : all[all.length - 1];
}

/** A non-negative integer option, or a UsageError naming it. */
export function intValue(args: ParsedArgs, name: string): number | undefined {
  const text = lastValue(args, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  return Number(text.trim());
}
