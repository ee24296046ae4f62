import type { ServiceAccount } from '../../serviceaccount/types';
import { age, type TableDef } from './columns';

// `kubectl get serviceaccounts` (pkg/printers/internalversion/printers.go printServiceAccount):
// SECRETS counts the account's secrets list, 0 since token Secrets stopped being generated (v1.24).

const serviceAccount: TableDef = {
  columns: ['NAME', 'SECRETS', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const sa = obj as ServiceAccount;
    return [sa.metadata.name, String((sa.secrets ?? []).length), age(sa.metadata.creationTimestamp, opts.nowMs)];
  },
};

export const SERVICE_ACCOUNT_TABLES: Readonly<Record<string, TableDef>> = { ServiceAccount: serviceAccount };
