// The syntax tree of the small POSIX sh the simulated containers run (busybox ash's subset the
// book's examples and typical probes use).

/** A piece of a word: literal text, a parameter ($X, ${X:-d}, $?), or a command substitution. */
export type Part =
  | { readonly k: 'lit'; readonly s: string; readonly q: boolean }
  | { readonly k: 'var'; readonly name: string; readonly q: boolean; readonly def?: Word; /** ${X-d}: the default only when X is unset (not when empty). */ readonly unsetOnly?: boolean }
  | { readonly k: 'sub'; readonly prog: Node; readonly q: boolean };

export type Word = readonly Part[];

export type Redir =
  | { readonly fd: number; readonly op: '>' | '>>' | '<'; readonly target: Word }
  | { readonly fd: number; readonly op: '>&'; readonly toFd: number };

export type Node =
  | { readonly t: 'cmd'; readonly assigns: readonly (readonly [string, Word])[]; readonly words: readonly Word[]; readonly redirs: readonly Redir[] }
  | { readonly t: 'pipe'; readonly cmds: readonly Node[] }
  | { readonly t: 'and'; readonly left: Node; readonly right: Node }
  | { readonly t: 'or'; readonly left: Node; readonly right: Node }
  | { readonly t: 'not'; readonly body: Node }
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'while'; readonly cond: Node; readonly body: Node; readonly until: boolean }
  | { readonly t: 'for'; readonly name: string; readonly words: readonly Word[] | undefined; readonly body: Node }
  | { readonly t: 'if'; readonly cond: Node; readonly then: Node; readonly else?: Node }
  | { readonly t: 'group'; readonly body: Node; readonly subshell: boolean };

/** A command of literal words (for argv given as a list, e.g. a container's command without sh). */
export function literalCommand(argv: readonly string[]): Node {
  return { t: 'cmd', assigns: [], words: argv.map((s) => [{ k: 'lit', s, q: true }]), redirs: [] };
}

// An exec probe's argv is part of the immutable Pod spec and runs at every tick: its node is made once.
const literalByArgv = new WeakMap<readonly string[], Node>();

/** literalCommand(argv), the same node for the same argv array (argv must never be mutated). */
export function literalCommandOf(argv: readonly string[]): Node {
  let node = literalByArgv.get(argv);
  if (node === undefined) literalByArgv.set(argv, (node = literalCommand(argv)));
  return node;
}
