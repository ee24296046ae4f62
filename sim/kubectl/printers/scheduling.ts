import type { PriorityClass } from '../../scheduling/types';
import { age, type TableDef } from './columns';

// `kubectl get priorityclasses` (pkg/printers/internalversion/printers.go printPriorityClass):
// PREEMPTIONPOLICY is printed by default (no Priority 1), after AGE.

const priorityClass: TableDef = {
  columns: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
  wideColumns: [],
  row: (obj, opts) => {
    const pc = obj as PriorityClass;
    return [pc.metadata.name, String(pc.value ?? 0), String(pc.globalDefault === true), age(pc.metadata.creationTimestamp, opts.nowMs), pc.preemptionPolicy ?? ''];
  },
};

export const SCHEDULING_TABLES: Readonly<Record<string, TableDef>> = { PriorityClass: priorityClass };
