import type { Cluster } from '../sim/index';
import type { SimWorld } from './world';

// Assertions on what the last act did: its output, its errors, whether it changed anything.

function squash(text: string): string {
  return text.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n').trim();
}

/** `text` (whitespace runs folded, as kubectl's column padding varies) occurs in `output`. */
export function containsText(output: string, text: string): boolean {
  return squash(output).includes(squash(text));
}

export function lastOutput(world: SimWorld): string {
  if (world.lastCommand === undefined) throw new Error('no command has run yet: use When I run "kubectl ..." first');
  return world.lastCommand.stdout;
}

export function assertRejected(world: SimWorld, text: string): void {
  const errors = world.lastApply?.errors;
  if (world.lastApply === undefined) throw new Error('nothing was applied: use "When I apply:" first');
  if (errors!.length === 0) throw new Error(`Expected the apply to be rejected with "${text}", but it succeeded:\n  ${world.lastApply.lines.join('\n  ')}\n${world.replayHint()}`);
  if (!errors!.some((e) => containsText(e, text))) {
    throw new Error(`Expected the apply to be rejected with "${text}", but the errors were:\n  ${errors!.join('\n  ')}\n${world.replayHint()}`);
  }
  world.verifyFailure();
}

export function assertCommandFailed(world: SimWorld, text: string | undefined): void {
  const last = world.lastCommand;
  if (last === undefined) throw new Error('no command has run yet: use When I run "kubectl ..." first');
  if (last.exitCode === 0) throw new Error(`Expected "${last.line}" to fail${text ? ` with "${text}"` : ''}, but it succeeded:\n${last.stdout}\n${world.replayHint()}`);
  if (text !== undefined && !containsText(last.stderr, text)) {
    throw new Error(`Expected "${last.line}" to fail with:\n${text}\nbut its error output was:\n${last.stderr || '(empty)'}\n${world.replayHint()}`);
  }
  world.verifyFailure();
}

/**
 * The last command exited with `code` (kubectl diff's 1 means "differences found"). A non-zero code
 * checked here is no failure left to report, and output steps may read what the command printed.
 */
export function assertExitCode(world: SimWorld, code: number): void {
  const last = world.lastCommand;
  if (last === undefined) throw new Error('no command has run yet: use When I run "kubectl ..." first');
  if (last.exitCode !== code) throw new Error(`Expected "${last.line}" to exit with code ${code}, but it exited with ${last.exitCode}:\n${last.stderr || last.stdout || '(no output)'}\n${world.replayHint()}`);
  if (code !== 0) world.verifyFailure();
  world.lastCommand = { ...last, exitCodeChecked: true };
}

/** Output steps read a command that succeeded, or one whose exit code a step has checked. */
export function assertOutputReadable(world: SimWorld): void {
  if (world.lastCommand?.exitCodeChecked === true) return;
  assertCommandSucceeded(world);
}

export function assertCommandSucceeded(world: SimWorld): void {
  const last = world.lastCommand;
  if (last === undefined) throw new Error('no command has run yet: use When I run "kubectl ..." first');
  if (last.exitCode !== 0) throw new Error(`Expected "${last.line}" to succeed, but it exited with ${last.exitCode}:\n${last.stderr}\n${world.replayHint()}`);
}

/** No write reached the API since just before the last act: same objects, same resourceVersions. */
export function assertUnchanged(world: SimWorld): void {
  const before = world.beforeLastAct;
  if (before === undefined) throw new Error('nothing has been done yet, so there is nothing to compare: "the cluster is unchanged" follows an act');
  const after = world.cluster;
  if (after.store === before.store && after.nextResourceVersion === before.nextResourceVersion) return;
  const diff = storeDiff(before, after);
  if (diff.length === 0 && after.nextResourceVersion === before.nextResourceVersion) return;
  throw new Error(`Expected the cluster to be unchanged, but ${diff.length ? diff.slice(0, 10).join('; ') : `resourceVersion moved from ${before.nextResourceVersion} to ${after.nextResourceVersion}`}\n${world.replayHint()}`);
}

function storeDiff(before: Cluster, after: Cluster): string[] {
  const kinds = new Set<string>();
  const collect = (c: Cluster) => {
    const out = new Map<string, string>();
    for (const kind of ['Namespace', 'Node', 'Pod', 'Service', 'ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob']) {
      for (const o of c.store.list(kind)) { kinds.add(kind); out.set(`${kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`, o.metadata.resourceVersion); }
    }
    return out;
  };
  const a = collect(before);
  const b = collect(after);
  const out: string[] = [];
  for (const [k, rv] of b) if (!a.has(k)) out.push(`${k} was created`); else if (a.get(k) !== rv) out.push(`${k} changed (resourceVersion ${a.get(k)} -> ${rv})`);
  for (const k of a.keys()) if (!b.has(k)) out.push(`${k} was deleted`);
  return out;
}
