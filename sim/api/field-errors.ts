// apimachinery/pkg/util/validation/field: errors that name a field path, printed the API server's way.

export type FieldErrorType = 'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'TooMany';

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly value?: unknown;
  readonly detail?: string;
}

export const required = (field: string, detail?: string): FieldError => ({ type: 'Required', field, detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail });
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError =>
  ({ type: 'NotSupported', field, value, detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}` });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });

/** field.Error.Error(): `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function formatFieldError(e: FieldError): string {
  switch (e.type) {
    case 'Required': return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
    case 'Forbidden': return `${e.field}: Forbidden${e.detail ? `: ${e.detail}` : ''}`;
    case 'Duplicate': return `${e.field}: Duplicate value: ${goValue(e.value)}`;
    case 'NotSupported': return `${e.field}: Unsupported value: ${goValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'TooLong': return `${e.field}: Too long: ${e.detail ?? ''}`;
    case 'TooMany': return `${e.field}: Too many: ${e.detail ?? ''}`;
    case 'Invalid': return `${e.field}: Invalid value: ${goValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
  }
}

/**
 * StatusError message for an invalid object (apierrors.NewInvalid):
 * `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`;
 * kubectl prefixes "The ". Several errors are joined as `[a, b]`.
 */
export function formatInvalid(groupKind: string, name: string, errors: readonly FieldError[]): string {
  const parts = errors.map(formatFieldError);
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return `${groupKind} "${name}" is invalid: ${body}`;
}

/** How Go's %v / %q print a value in these messages. */
function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'object') {
    if (Array.isArray(v)) return `[]string{${v.map((x) => JSON.stringify(String(x))).join(', ')}}`;
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(String(x))}`);
    return `map[string]string{${entries.join(', ')}}`;
  }
  return String(v);
}
