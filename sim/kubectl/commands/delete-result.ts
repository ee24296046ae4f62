import type { KubeObject } from '../../api/types';
import type { Change, Cluster } from '../../engine/types';
import { submit } from '../../index';
import type { ResourceType, Visit } from '../resources';

// delete.go DeleteResult over a ContinueOnError builder: every object is deleted on its own
// request, a refusal or a NotFound is kept and the visit goes on; kubectl prints a line for each
// object deleted and, at the end, the errors (cmdutil.CheckErr), exit code 1.

export interface DeleteTarget {
  readonly type: ResourceType;
  readonly obj: KubeObject;
  readonly source?: string;
}

export type DeleteOutcome = { readonly target: DeleteTarget } | { readonly error: string };

/**
 * Sends the deletes in visit order. One submit when all succeed (the common case, cheap for
 * `delete pods --all`); after a refusal, one submit per object, so that the others still go.
 * An error is StandardErrorMessage'd (`Error from server (NotFound): ...`), with
 * AddSourceToErr("deleting", file) when the object came from -f.
 */
export function deleteEach(cluster: Cluster, visits: readonly Visit[], changeOf: (obj: KubeObject) => Change, send: boolean): { cluster: Cluster; outcomes: DeleteOutcome[] } {
  const targets = visits.filter((v): v is DeleteTarget => 'obj' in v);
  if (send && targets.length > 0) {
    const all = submit(cluster, targets.map((t) => changeOf(t.obj)), 'kubectl');
    if (all.errors.length === 0) cluster = all.cluster;
    else return deleteOneByOne(cluster, visits, changeOf);
  }
  return { cluster, outcomes: visits.map((v) => ('obj' in v ? { target: v } : { error: withSource(v.error, v.source) })) };
}

function deleteOneByOne(cluster: Cluster, visits: readonly Visit[], changeOf: (obj: KubeObject) => Change): { cluster: Cluster; outcomes: DeleteOutcome[] } {
  const outcomes: DeleteOutcome[] = [];
  for (const v of visits) {
    if (!('obj' in v)) { outcomes.push({ error: withSource(v.error, v.source) }); continue; }
    const one = submit(cluster, [changeOf(v.obj)], 'kubectl');
    if (one.errors.length === 0) { cluster = one.cluster; outcomes.push({ target: v }); continue; }
    for (const e of one.errors) outcomes.push({ error: withSource(`Error from server (${e.includes(' is forbidden: ') ? 'Forbidden' : 'NotFound'}): ${e}`, v.source) });
  }
  return { cluster, outcomes };
}

/** cmdutil.AddSourceToErr("deleting", source, err): the status message gains `error when deleting "<file>": `. */
function withSource(error: string, source: string | undefined): string {
  if (source === undefined) return error;
  const m = /^(Error from server \([A-Za-z]+\): )(.*)$/s.exec(error);
  return m === null ? `error when deleting "${source}": ${error}` : `${m[1]}error when deleting "${source}": ${m[2]}`;
}
