import type { Secret, ConfigMap } from '../../config/types';
import { age, type TableDef } from './columns';

// `kubectl get` columns of Secret and ConfigMap (pkg/printers/internalversion/printers.go printSecret, printConfigMap).

const secret: TableDef = {
  columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const s = obj as Secret;
    return [s.metadata.name, s.type ?? '', String(Object.keys(s.data ?? {}).length), age(s.metadata.creationTimestamp, opts.nowMs)];
  },
};

const configMap: TableDef = {
  columns: ['NAME', 'DATA', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const cm = obj as ConfigMap;
    return [cm.metadata.name, String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(cm.metadata.creationTimestamp, opts.nowMs)];
  },
};

export const CONFIG_TABLES: Readonly<Record<string, TableDef>> = { Secret: secret, ConfigMap: configMap };
