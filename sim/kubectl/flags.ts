// A command-line parser with spf13/pflag's rules and messages, as kubectl's cobra commands use it:
// flags and arguments may be interspersed, `--` ends flags, `--name=value` or `--name value`,
// `-n value`, `-nvalue`, grouped booleans `-it`, and bools that take no value (`--all`).

export type FlagKind = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** Value when the flag is absent. */
  readonly default?: string | number | boolean | readonly string[];
  /** Value when the flag is given without `=value` (pflag NoOptDefVal); bools default to "true". */
  readonly noOptDefVal?: string;
}

export type FlagValue = string | number | boolean | readonly string[];

export interface ParsedArgs {
  readonly positional: readonly string[];
  /** How many positional arguments came before `--` (cobra's ArgsLenAtDash), -1 if none. */
  readonly argsLenAtDash: number;
  readonly values: ReadonlyMap<string, FlagValue>;
  /** Flags the user set, in order, with the text value given (for --record's change-cause). */
  readonly given: readonly { readonly name: string; readonly value: string }[];
}

export class FlagError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short!, s]));
  const values = new Map<string, FlagValue>();
  const given: { name: string; value: string }[] = [];
  const positional: string[] = [];
  let argsLenAtDash = -1;

  const set = (spec: FlagSpec, raw: string, display: string): void => {
    given.push({ name: spec.name, value: raw });
    switch (spec.kind) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        values.set(spec.name, b);
        return;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        values.set(spec.name, Number(raw));
        return;
      }
      case 'string': values.set(spec.name, raw); return;
      case 'stringArray': values.set(spec.name, [...((values.get(spec.name) as string[] | undefined) ?? []), raw]); return;
    }
  };
  const display = (spec: FlagSpec) => (spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`);
  const takesNoValue = (spec: FlagSpec) => spec.kind === 'bool' || spec.noOptDefVal !== undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      argsLenAtDash = positional.length;
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (spec === undefined) throw new FlagError(`unknown flag: --${name}`);
      if (eq !== -1) set(spec, arg.slice(eq + 1), display(spec));
      else if (takesNoValue(spec)) set(spec, spec.noOptDefVal ?? 'true', display(spec));
      else if (i + 1 < argv.length) set(spec, argv[++i], display(spec));
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && arg !== '-') {
      // pflag parseShortArg: each letter is a flag until one takes the rest as its value.
      let rest = arg.slice(1);
      while (rest.length > 0) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (spec === undefined) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
        const after = rest.slice(1);
        if (after.startsWith('=')) { set(spec, after.slice(1), display(spec)); rest = ''; break; }
        if (takesNoValue(spec)) { set(spec, spec.noOptDefVal ?? 'true', display(spec)); rest = after; continue; }
        if (after.length > 0) { set(spec, after, display(spec)); rest = ''; break; }
        if (i + 1 < argv.length) { set(spec, argv[++i], display(spec)); rest = ''; break; }
        throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
      }
      continue;
    }
    positional.push(arg);
  }
  for (const spec of specs) {
    if (!values.has(spec.name) && spec.default !== undefined) values.set(spec.name, spec.default);
  }
  return { positional, argsLenAtDash, values, given };
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

// Typed accessors used by the commands.
export const str = (a: ParsedArgs, name: string): string | undefined => a.values.get(name) as string | undefined;
export const bool = (a: ParsedArgs, name: string): boolean => a.values.get(name) === true;
export const int = (a: ParsedArgs, name: string): number | undefined => a.values.get(name) as number | undefined;
export const list = (a: ParsedArgs, name: string): readonly string[] => (a.values.get(name) as readonly string[] | undefined) ?? [];
export const isSet = (a: ParsedArgs, name: string): boolean => a.given.some((g) => g.name === name);

/**
 * Shell-like word splitting for a command line: whitespace separates words, single quotes keep
 * everything literal, double quotes allow \" \\ \$ escapes, a backslash escapes the next character.
 * Returns an error message for an unterminated quote.
 */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { error: 'unterminated single quote' };
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++;
        current += line[j];
      }
      if (j >= line.length) return { error: 'unterminated double quote' };
      i = j;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) { words.push(current); current = ''; inWord = false; }
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}
