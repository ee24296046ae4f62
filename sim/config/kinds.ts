import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { forbidden, invalid, tooLong, type FieldError } from '../api/field-errors';
import { decoderFor } from '../api/schema/decode';
import { omitEmpty, type Json } from '../api/defaults/util';
import { validateObjectMeta } from '../api/validation/meta';
import { nameIsDNSSubdomain } from '../api/validation/names';
import { decodedLength, encodeBase64, secretDataDecodeError } from './base64';
import type { ConfigMap, Secret } from './types';

// The core/v1 Secret (secrets) and ConfigMap (configmaps, cm) kinds for the API registry
// (sim/api/kinds/index.ts registers them): decoding, defaulting and validation
// (pkg/apis/core/validation ValidateSecret, ValidateSecretUpdate, ValidateConfigMap, ValidateConfigMapUpdate).

/** corev1.MaxSecretSize: 1 MiB, for a Secret's data and for a ConfigMap's data + binaryData. */
export const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE = 'field is immutable when `immutable` is set';
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
/** validation.IsConfigMapKey's messages. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Convert_v1_Secret_To_core_Secret: stringData merged into data (stringData wins), never stored; type Opaque by default (SetDefaults_Secret). */
export function defaultSecret(obj: KubeObject): KubeObject {
  const s = obj as Secret;
  const { stringData, ...rest } = s;
  const data: Record<string, string> = { ...(s.data ?? {}) };
  for (const [k, v] of Object.entries(stringData ?? {})) data[k] = encodeBase64(v);
  // Secret.data is an omitempty map: an empty one is not stored.
  const out: Record<string, unknown> = { ...rest, data, type: s.type === undefined || s.type === '' ? 'Opaque' : s.type };
  if (Object.keys(data).length === 0) delete out.data;
  return out as unknown as KubeObject;
}

/** ConfigMap's data and binaryData are omitempty maps: empty ones are not stored. */
export function defaultConfigMap(obj: KubeObject): KubeObject {
  return omitEmpty(obj as unknown as Json, ['data', 'binaryData']) as unknown as KubeObject;
}

/** ValidateSecret (+ ValidateSecretUpdate with `old`). Values are never echoed: only keys and sizes. */
export function validateSecret(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const s = obj as Secret;
  const errs: FieldError[] = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : [];
  let total = 0;
  for (const [k, v] of Object.entries(s.data ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(invalid(`data[${k}]`, k, msg));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  if (old !== undefined) {
    const o = old as Secret;
    if ((s.type ?? '') !== (o.type ?? '')) errs.push(invalid('type', s.type, 'field is immutable'));
    if (o.immutable === true) {
      if (s.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE));
      if (!sameMap(s.data, o.data)) errs.push(forbidden('data', IMMUTABLE));
    }
  }
  return errs;
}

/** ValidateConfigMap (+ ValidateConfigMapUpdate with `old`). */
export function validateConfigMap(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const cm = obj as ConfigMap;
  const errs: FieldError[] = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : [];
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(invalid(`data[${k}]`, k, msg));
    total += Buffer.byteLength(v, 'utf8');
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(invalid(`binaryData[${k}]`, k, msg));
    if (cm.data?.[k] !== undefined) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  if (old !== undefined) {
    const o = old as ConfigMap;
    if (o.immutable === true) {
      if (cm.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE));
      if (!sameMap(cm.data, o.data)) errs.push(forbidden('data', IMMUTABLE));
      if (!sameMap(cm.binaryData, o.binaryData)) errs.push(forbidden('binaryData', IMMUTABLE));
    }
  }
  return errs;
}

function sameMap(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => b?.[k] === a?.[k]);
}

const strictSecret = decoderFor('Secret');
const strictConfigMap = decoderFor('ConfigMap');

export const configKinds: readonly KindInfo[] = [
  {
    kind: 'Secret', group: '', apiVersions: ['v1'], plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true,
    defaults: defaultSecret, validate: validateSecret,
    // []byte fields decode from base64 before anything else is looked at.
    decode: (raw) => strictSecret?.(raw) ?? secretDataDecodeError(raw.data),
  },
  {
    kind: 'ConfigMap', group: '', apiVersions: ['v1'], plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true,
    defaults: defaultConfigMap, validate: validateConfigMap,
    decode: (raw) => strictConfigMap?.(raw) ?? secretDataDecodeError(raw.binaryData),
  },
];
