import type { Lease } from '../../coordination/types';
import { age, type TableDef } from './columns';

// `kubectl get leases` (pkg/printers/internalversion/printers.go printLease): HOLDER is spec.holderIdentity.

const lease: TableDef = {
  columns: ['NAME', 'HOLDER', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const l = obj as Lease;
    return [l.metadata.name, l.spec?.holderIdentity ?? '', age(l.metadata.creationTimestamp, opts.nowMs)];
  },
};

export const COORDINATION_TABLES: Readonly<Record<string, TableDef>> = { Lease: lease };
