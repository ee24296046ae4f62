import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import type { ConfigMap, Secret } from '../../config/types';
import { decodedLength } from '../../config/base64';
import { eventsFor } from '../events';
import { PrefixWriter, LEVEL_0, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// kubectl describe secret / configmap (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// describeSecret, describeConfigMap). A Secret's values are never printed: only each key's size.

type Describer = (cluster: Cluster, obj: KubeObject, nowMs: number) => string;

/** describeSecret. */
const describeSecret: Describer = (_cluster, obj) => {
  const s = obj as Secret;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) w.write(LEVEL_0, `${k}:\t${decodedLength(s.data![k])} bytes\n`);
  return w.toString();
};

/** describeConfigMap. */
const describeConfigMap: Describer = (cluster, obj, nowMs) => {
  const cm = obj as ConfigMap;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData![k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, eventsFor(cluster, cm.metadata.uid), nowMs);
  return w.toString();
};

export const CONFIG_DESCRIBERS: Readonly<Record<string, Describer>> = { Secret: describeSecret, ConfigMap: describeConfigMap };
