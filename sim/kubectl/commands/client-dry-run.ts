import type { KubeObject } from '../../api/types';
import { withLastApplied, type WriteMode } from '../../api/apply';
import type { WriteResult } from '../../index';
import type { StoreView } from '../../store/store';

// What kubectl apply / create / replace -f --dry-run=client -o yaml|json prints: nothing is sent,
// so the object is the one kubectl holds in memory, never the server's defaulted answer.

/**
 * The object kubectl prints for each line of a client dry run:
 * - create, replace (create.go RunCreate, replace.go Run): info.Object as read from the file
 *   (namespace set by the builder), skipping the server call;
 * - apply (apply.go applyOneObject): for a new object, the local object with the
 *   last-applied-configuration annotation CreateApplyAnnotation adds; for an existing one,
 *   info.Get() has replaced info.Object with the live object, and a client dry run prints that.
 */
export function clientDryRunObjects(mode: WriteMode, result: WriteResult, live: StoreView, saveConfig: boolean): KubeObject[] {
  const refs = result.refs ?? [];
  const annotated = (o: KubeObject) => withLastApplied(o as unknown as Record<string, unknown>) as unknown as KubeObject;
  return (result.locals ?? []).map((local, i) => {
    // --save-config: CreateOrUpdateAnnotation runs before the dry-run check.
    if (mode !== 'apply') return saveConfig ? annotated(local) : local;
    const current = live.get(refs[i].kind, refs[i].namespace, refs[i].name);
    return current ?? annotated(local);
  });
}
