import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import type { ServiceAccount } from '../../serviceaccount/types';
import { eventsFor } from '../events';
import { PrefixWriter, LEVEL_0, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// kubectl describe serviceaccount (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// describeServiceAccount): the three secret lists under fixed-width headers, in sorted order.

type Describer = (cluster: Cluster, obj: KubeObject, nowMs: number) => string;

const describeServiceAccount: Describer = (cluster, obj, nowMs) => {
  const sa = obj as ServiceAccount;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', sa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
  // Token Secrets are no longer generated (v1.24+), so "Tokens" lists none.
  const lists: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name)],
    ['Tokens:            ', []],
  ];
  for (const [header, names] of lists) {
    if (names.length === 0) { w.write(LEVEL_0, `${header}\t<none>\n`); continue; }
    names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? header : '                   '}\t${n}\n`));
  }
  describeEvents(w, eventsFor(cluster, sa.metadata.uid), nowMs);
  return w.toString();
};

export const SERVICE_ACCOUNT_DESCRIBERS: Readonly<Record<string, Describer>> = { ServiceAccount: describeServiceAccount };
