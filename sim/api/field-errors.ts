// apimachinery/pkg/util/validation/field: errors that name a field path, printed the API server's way.

export type FieldErrorType = 'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'TooMany' | 'NotFound';

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly value?: unknown;
  readonly detail?: string;
  /**
   * The bad value exactly as Go prints it, when goValue cannot tell from the JS value: an
   * IntOrString prints through its String() (`25%`, unquoted), a LabelSelector as
   * `v1.LabelSelector{MatchLabels:...}`. Overrides `value` in messages.
   */
  readonly printed?: string;
}

export const required = (field: string, detail?: string): FieldError => ({ type: 'Required', field, detail });
export const invalid = (field: string, value: unknown, detail: string, printed?: string): FieldError =>
  (printed === undefined ? { type: 'Invalid', field, value, detail } : { type: 'Invalid', field, value, detail, printed });
export const notSupported = (field: string, value: unknown, supported: readonly string[], printed?: string): FieldError =>
  ({ type: 'NotSupported', field, value, detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`, ...(printed !== undefined ? { printed } : {}) });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'NotFound', field, value });
export const tooLong = (field: string, maxLength: number): FieldError => ({ type: 'TooLong', field, detail: `must have at most ${maxLength} bytes` });

/** field.Error.Error(): `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** field.Error.ErrorBody(): the message without the field path (a StatusCause's message). */
export function errorBody(e: FieldError): string {
  const value = e.printed ?? goValue(e.value);
  const withDetail = (s: string) => (e.detail ? `${s}: ${e.detail}` : s);
  switch (e.type) {
    case 'Required': return withDetail('Required value');
    case 'Forbidden': return withDetail('Forbidden');
    case 'TooLong': return withDetail('Too long');
    case 'TooMany': return withDetail(`Too many: ${value}`);
    case 'Duplicate': return withDetail(`Duplicate value: ${value}`);
    case 'NotSupported': return withDetail(`Unsupported value: ${value}`);
    case 'NotFound': return withDetail(`Not found: ${value}`);
    case 'Invalid': return withDetail(`Invalid value: ${value}`);
  }
}

/** ErrorList.ToAggregate drops repeated messages, keeping the first. */
export function dedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const m = formatFieldError(e);
    if (seen.has(m)) return false;
    seen.add(m);
    return true;
  });
}

/**
 * StatusError message for an invalid object (apierrors.NewInvalid):
 * `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
 * Several errors are joined as `[a, b]`.
 */
export function formatInvalid(groupKind: string, name: string, errors: readonly FieldError[]): string {
  const parts = dedupe(errors).map(formatFieldError);
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return `${groupKind} "${name}" is invalid: ${body}`;
}

/**
 * What kubectl prints for that error (cmdutil.checkErr, IsInvalid branch, with MultilineError):
 * `The Deployment "web" is invalid: spec.replicas: Invalid value: -1: ...`, or for several errors
 * `The Deployment "web" is invalid: ` followed by one `* field: message` line each.
 */
export function formatKubectlInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const parts = dedupe(errors).map(formatFieldError);
  const prefix = `The ${kind} "${name}" is invalid: `;
  return parts.length === 1 ? prefix + parts[0] : `${prefix}\n${parts.map((p) => `* ${p}`).join('\n')}`;
}

/** How Go's %v / %#v print a bad value in these messages (field.Error.ErrorBody). */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'object') {
    if (Array.isArray(v)) return `[]string{${v.map((x) => goQuote(String(x))).join(', ')}}`;
    return goStringMap(v as Record<string, unknown>);
  }
  return String(v);
}

/** %#v of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(m: Readonly<Record<string, unknown>> | undefined): string {
  if (m === undefined) return 'map[string]string(nil)';
  const entries = Object.keys(m).sort().map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** strconv.Quote for the printable-ASCII cases manifests use. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
