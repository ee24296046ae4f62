import type { IntOrString } from '../types';
import { invalid, type FieldError } from '../field-errors';
import { IS_NEGATIVE_ERROR_MSG } from './meta';
import { isValidPercent, isValidPortName, isValidPortNum } from './names';

// pkg/apis/apps/validation: ValidatePositiveIntOrPercent, IsNotMoreThan100Percent, getIntOrPercentValue;
// core ValidatePortNumOrName. An IntOrString prints through its String(): `25%`, `0` (unquoted).

/** intstr.IntOrString.String(). */
/**
 * How field errors print an IntOrString: it reaches field.Invalid as a value whose String() has a
 * pointer receiver, so Go formats it with %#v: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}`.
 */
export const intOrStringText = (v: IntOrString): string => (typeof v === 'number'
  ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`
  : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`);

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, field: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(field, v, msg, intOrStringText(v)));
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, IS_NEGATIVE_ERROR_MSG)] : [];
  return [invalid(field, v, "must be an integer or percentage (e.g '5%%')")];
}

/** getPercentValue: the number before '%' when the string is a valid percent. */
export function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

/** getIntOrPercentValue: the percent number, else IntValue() (a non-numeric string is 0, as strconv.Atoi fails). */
export function intOrPercentValue(v: IntOrString | undefined): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) return Number.parseInt(v, 10);
  return 0;
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: IntOrString | undefined, field: string): FieldError[] {
  const p = percentValue(v);
  return p === undefined || p <= 100 ? [] : [invalid(field, v, 'must not be greater than 100%', intOrStringText(v!))];
}

/** ValidatePortNumOrName: a number in 1-65535 or an IANA service name. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalid(field, port, msg));
  if (typeof port === 'string') return isValidPortName(port).map((msg) => invalid(field, port, msg));
  return [];
}
