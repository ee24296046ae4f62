import type { Cluster } from '../engine/types';
import { execInPod } from '../runtime/exec';
import type { Attachment, KubectlResult } from './context';
import { endAttachSession } from './commands/run-attach';

// The lines typed after `kubectl run -it`, `kubectl attach -it` or `kubectl exec -it POD -- sh`:
// each runs in the container's shell (through exec, against its file system and network), until
// `exit [N]` or the end of the input ends the session (endAttachSession says what kubectl prints).

export interface Session {
  readonly attach: Attachment;
  /** The status of the last command: a plain `exit` ends the shell with it. */
  readonly lastStatus: number;
}

export function openSession(attach: Attachment): Session {
  return { attach, lastStatus: 0 };
}

/** One typed line: its output, and the session that goes on (undefined once `exit` ended it). */
export function typeLine(cluster: Cluster, session: Session, text: string): { result: KubectlResult; session?: Session } {
  const line = text.trim();
  if (line === '' || line.startsWith('#')) return { result: { cluster, stdout: '', stderr: '', exitCode: 0 }, session };
  const exit = /^exit(?:\s+(\d+))?$/.exec(line);
  if (exit !== null) return { result: closeSession(cluster, session, exit[1] !== undefined ? Number(exit[1]) % 256 : session.lastStatus) };
  const a = session.attach;
  // A shell prints no "command terminated" note for its commands: that is kubectl exec's, at the end.
  const r = execInPod(cluster, a.namespace, a.pod, a.container, ['sh', '-c', line], { terminationNote: false });
  return { result: r, session: { attach: a, lastStatus: r.exitCode } };
}

/** stdin closes (`exit`, or the end of the input). */
export function closeSession(cluster: Cluster, session: Session, status = session.lastStatus): KubectlResult {
  return endAttachSession(cluster, session.attach, status);
}
