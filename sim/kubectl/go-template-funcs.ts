import { base64ErrorOffset } from '../config/base64';
import { ArgTypeError, FuncError, isMap, type GoValue } from '../helm/template/values';
import type { FuncMap } from '../helm/template/exec';

// The functions kubectl's GoTemplatePrinter adds to text/template's builtins
// (k8s.io/cli-runtime/pkg/printers/template.go NewGoTemplatePrinter): exists and base64decode.

/**
 * printers.exists: true if `index item indices...` would find a non-nil value. A slice or string
 * takes an integer index in range, a map a string key; anything else, or nil on the way, is false.
 *
 *   exists .metadata "labels"          -> true when the Pod has labels
 *   exists .spec.containers 0 "ports"  -> true when the first container lists ports
 *   exists .spec.containers 1.0        -> false (a float is no index)
 */
export function exists(item: GoValue, ...indices: GoValue[]): boolean {
  let v: GoValue = item;
  for (const index of indices) {
    if (v === null || v === undefined) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof index !== 'bigint') return false;
      const length = typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
      if (index < 0n || index >= BigInt(length)) return false;
      v = typeof v === 'string' ? BigInt(Buffer.from(v, 'utf8')[Number(index)]) : v[Number(index)];
    } else if (isMap(v)) {
      const key = index === null || index === undefined ? '' : index;
      if (typeof key !== 'string') return false;
      v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : null;
    } else {
      return false;
    }
  }
  return v !== null && v !== undefined;
}

/** printers.base64decode: base64.StdEncoding.DecodeString, worded as kubectl wraps its error. */
export function base64decode(v: GoValue): string {
  if (v === undefined) throw new ArgTypeError('invalid value; expected string');
  if (typeof v !== 'string') throw new ArgTypeError(`wrong type for value; expected string; got ${v === null ? 'interface {}' : goTypeName(v)}`);
  const at = base64ErrorOffset(v);
  if (at !== undefined) throw new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  return Buffer.from(v, 'base64').toString('utf8');
}

/** The Go type of a value decoded from an object's JSON (apimachinery's json.Unmarshal: int64 or float64). */
function goTypeName(v: GoValue): string {
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

export const kubectlTemplateFuncs = (): FuncMap => ({ exists, base64decode });
