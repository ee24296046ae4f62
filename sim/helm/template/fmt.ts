import { GoStruct, isMap, sortedKeys, typeName, type GoValue } from './values';

// Go's fmt for the values templates handle: Sprint (how {{ x }} prints), Sprintf with the verbs
// charts use (%s %v %d %q %t %f %e %g %x %X %o %b %c %T %%), flags, width and precision.

/** %v of a float64: strconv's shortest 'g' (1.5, 100000, 1e+06, 1e-05). */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return fmtG(f, -1);
}

/** %g with precision `prec` (-1: shortest). strconv's rule: %e when exp < -4 || exp >= eprec (6 when shortest). */
function fmtG(f: number, prec: number): string {
  const shortest = prec < 0;
  const exp = shortest ? f.toExponential() : f.toExponential(Math.max(prec, 1) - 1);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp)!;
  const digits = m[2] + (m[3] ?? '');
  const e = Number(m[4]);
  let eprec = shortest ? 6 : Math.max(prec, 1);
  if (!shortest && eprec > digits.length && digits.length >= e + 1) eprec = digits.length;
  const trimmed = shortest ? digits : digits.replace(/0+$/, '') || '0';
  if (e < -4 || e >= eprec) {
    const mant = trimmed.length > 1 ? `${trimmed[0]}.${trimmed.slice(1)}` : trimmed;
    return `${m[1]}${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  // fixed notation with the significant digits
  let s: string;
  if (e >= 0) {
    const intPart = trimmed.slice(0, e + 1).padEnd(e + 1, '0');
    const frac = trimmed.slice(e + 1);
    s = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  } else {
    s = `0.${'0'.repeat(-e - 1)}${trimmed}`;
  }
  return `${m[1]}${s}`;
}

/** fmt.Sprint of one value (%v). Nested nil prints as <nil>. */
export function sprintValue(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return formatFloat(v);
  if (Array.isArray(v)) return `[${v.map(sprintValue).join(' ')}]`;
  if (v instanceof GoStruct) return `{${Object.values(v.fields).filter((x) => typeof x !== 'function').map(sprintValue).join(' ')}}`;
  if (typeof v === 'function') return '0x0';
  return `map[${sortedKeys(v).map((k) => `${k}:${sprintValue(v[k])}`).join(' ')}]`;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprintValue(a);
  });
  return out;
}

/** fmt.Sprintln: always spaces, and a newline. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map(sprintValue).join(' ')}\n`;
}

/** strconv.Quote, close enough: JSON escaping with Go's \x for control bytes. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, (_, h: string) => `\\x${h}`);
}

interface Spec { minus: boolean; plus: boolean; zero: boolean; space: boolean; sharp: boolean; width?: number; prec?: number }

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argi = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') { out += ch; continue; }
    i++;
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length && '-+0 #'.includes(format[i]); i++) {
      const f = format[i];
      if (f === '-') spec.minus = true; else if (f === '+') spec.plus = true; else if (f === '0') spec.zero = true; else if (f === ' ') spec.space = true; else spec.sharp = true;
    }
    const num = (): number | undefined => {
      if (format[i] === '*') { i++; const a = args[argi++]; return typeof a === 'bigint' ? Number(a) : undefined; }
      let s = '';
      while (i < format.length && /\d/.test(format[i])) s += format[i++];
      return s === '' ? undefined : Number(s);
    };
    spec.width = num();
    if (format[i] === '.') { i++; spec.prec = num() ?? 0; }
    const verb = format[i];
    if (verb === undefined) { out += '%!(NOVERB)'; break; }
    if (verb === '%') { out += '%'; continue; }
    if (argi >= args.length) { out += `%!${verb}(MISSING)`; continue; }
    out += formatOne(verb, args[argi++], spec);
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => `${typeName(a)}=${sprintValue(a)}`).join(', ')})`;
  return out;
}

function bad(verb: string, v: GoValue): string {
  return v === null || v === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(v)}=${sprintValue(v)})`;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined || s.length >= spec.width) return s;
  if (spec.minus) return s.padEnd(spec.width, ' ');
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(spec.width - sign.length, '0');
  }
  return s.padStart(spec.width, ' ');
}

function signed(s: string, spec: Spec): string {
  if (s.startsWith('-')) return s;
  return spec.plus ? `+${s}` : spec.space ? ` ${s}` : s;
}

function formatOne(verb: string, v: GoValue, spec: Spec): string {
  switch (verb) {
    case 'v':
      if (typeof v === 'number' || typeof v === 'bigint') return pad(signed(sprintValue(v), spec), spec, true);
      return pad(v === null || v === undefined ? '<nil>' : sprintValue(v), spec, false);
    case 'T':
      return pad(typeName(v), spec, false);
    case 's': {
      if (typeof v === 'string') return pad(spec.prec !== undefined ? v.slice(0, spec.prec) : v, spec, false);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return pad(sprintValue(v), spec, false);
      if (isMap(v)) return pad(sprintValue(v), spec, false);
      return bad(verb, v);
    }
    case 'q':
      if (typeof v === 'string') return pad(goQuote(v), spec, false);
      if (typeof v === 'bigint') return pad(`'${String.fromCodePoint(Number(v))}'`, spec, false);
      return bad(verb, v);
    case 't':
      return typeof v === 'boolean' ? pad(String(v), spec, false) : bad(verb, v);
    case 'd':
      return typeof v === 'bigint' ? pad(signed(String(v), spec), spec, true) : bad(verb, v);
    case 'c':
      return typeof v === 'bigint' ? pad(String.fromCodePoint(Number(v)), spec, false) : bad(verb, v);
    case 'x': case 'X': case 'o': case 'b': {
      const radix = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
      let s: string;
      if (typeof v === 'bigint') s = v.toString(radix);
      else if (typeof v === 'string' && radix === 16) s = Buffer.from(v, 'utf8').toString('hex');
      else return bad(verb, v);
      if (verb === 'X') s = s.toUpperCase();
      if (spec.sharp && radix === 16) s = (s.startsWith('-') ? '-' : '') + (verb === 'X' ? '0X' : '0x') + s.replace(/^-/, '');
      return pad(signed(s, spec), spec, true);
    }
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
      const f = typeof v === 'number' ? v : undefined;
      if (f === undefined) return bad(verb, v);
      let s: string;
      if (verb === 'f' || verb === 'F') s = f.toFixed(spec.prec ?? 6);
      else if (verb === 'e' || verb === 'E') s = f.toExponential(spec.prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      else s = spec.prec === undefined ? formatFloat(f) : fmtG(f, spec.prec);
      if (verb === 'E' || verb === 'G') s = s.toUpperCase();
      return pad(signed(s, spec), spec, true);
    }
    default:
      return `%!${verb}(${typeName(v)}=${sprintValue(v)})`;
  }
}
