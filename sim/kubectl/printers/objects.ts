import { stringify } from 'yaml';
import type { KubeObject } from '../../api/types';
import { sortKeys } from '../jsonpath';

// -o yaml / -o json / -o name, as kubectl prints them. kubectl marshals the object as JSON (map
// keys sorted), and yaml through sigs.k8s.io/yaml (go-yaml v2: YAML 1.1 quoting, lists not
// indented under their key, no line folding).

/** A v1 List, as kubectl wraps several objects (and any TYPE query without names). */
export function asList(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export function toYaml(value: unknown): string {
  return stringify(sortKeys(value), { indentSeq: false, schema: 'yaml-1.1', lineWidth: 0, minContentWidth: 0 });
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 4)}\n`;
}

/** `deployment.apps/nginx`, `pod/nginx-abc`. */
export function nameLine(kindPrefix: string, obj: KubeObject): string {
  return `${kindPrefix}/${obj.metadata.name}`;
}
