import type { Labels } from '../api/types';
import { isLabelKey, isLabelValue } from '../api/validation/names';

// The label query language of `kubectl get -l` as the API server reads it: apimachinery's
// labels.Parse (pkg/labels/selector.go), lexer, recursive-descent parser and NewRequirement's
// validation, with its error texts. Unlike a LabelSelector it has `gt`/`lt` (`x>1`, `x<5`).

export type QueryOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

export interface Requirement {
  readonly key: string;
  readonly operator: QueryOperator;
  readonly values: readonly string[];
}

/** selection.Operator spellings of the binary operators, in binaryOperators' order. */
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

type Token = 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const KEYWORDS: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', ')'], [',', ','], ['!', '!'], ['==', '=='], ['=', '='], ['>', '>'], ['in', 'in'], ['<', '<'], ['!=', '!='], ['notin', 'notin'], ['(', '('],
]);

interface Scanned { readonly tok: Token; readonly lit: string }

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch);

/** Lexer.Lex over the whole text, ending with the end-of-string token. */
function scan(text: string): Scanned[] {
  const out: Scanned[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && isWhitespace(text[pos])) pos++;
    if (pos >= text.length) { out.push({ tok: 'end', lit: '' }); return out; }
    if (isSpecial(text[pos])) {
      // scanSpecialSymbol: the longest run of symbols that is still a token.
      let buffer = '';
      let last: Scanned | undefined;
      while (pos < text.length && isSpecial(text[pos])) {
        buffer += text[pos];
        const tok = KEYWORDS.get(buffer);
        if (tok !== undefined) last = { tok, lit: buffer };
        else if (last !== undefined) break;
        pos++;
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      const start = pos;
      while (pos < text.length && !isSpecial(text[pos]) && !isWhitespace(text[pos])) pos++;
      const word = text.slice(start, pos);
      out.push({ tok: KEYWORDS.get(word) ?? 'id', lit: word });
    }
  }
}

class ParseError extends Error {}

/** Parser: `in`/`notin` read as identifiers where a value is expected (ParserContext Values). */
class Parser {
  private position = 0;
  constructor(private readonly items: readonly Scanned[]) {}

  lookahead(values: boolean): Scanned { return asValue(this.items[this.position], values); }
  consume(values: boolean): Scanned { return asValue(this.items[this.position++], values); }
}

function asValue(item: Scanned, values: boolean): Scanned {
  return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'id', lit: item.lit } : item;
}

/** labels.Parse: the requirements sorted by key, or the API server's error text. */
export function parseLabelQuery(text: string): { readonly requirements: readonly Requirement[] } | { readonly error: string } {
  const p = new Parser(scan(text));
  const requirements: Requirement[] = [];
  try {
    for (;;) {
      const { tok, lit } = p.lookahead(true);
      if (tok === 'end') break;
      if (tok !== 'id' && tok !== '!') throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(parseRequirement(p));
      } catch (e) {
        if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const next = p.consume(true);
      if (next.tok === 'end') break;
      if (next.tok !== ',') throw new ParseError(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = p.lookahead(true);
      if (after.tok !== 'id' && after.tok !== '!') throw new ParseError(`found '${after.lit}', expected: identifier after ','`);
    }
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
  // sort.Sort(ByKey(items)): not a stable sort in Go, but requirements with equal keys all must hold.
  return { requirements: requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
}

function parseRequirement(p: Parser): Requirement {
  let operator: QueryOperator | undefined;
  // parseKeyAndInferOperator
  let { tok, lit } = p.consume(true);
  if (tok === '!') {
    operator = '!';
    ({ tok, lit } = p.consume(true));
  }
  if (tok !== 'id') throw new ParseError(`found '${lit}', expected: identifier`);
  const keyErrors = isLabelKey(lit);
  if (keyErrors.length > 0) throw new ParseError(`<nil>: Invalid value: ${JSON.stringify(lit)}: ${keyErrors.join('; ')}`);
  const key = lit;
  const ahead = p.lookahead(true).tok;
  if (ahead === 'end' || ahead === ',') return newRequirement(key, operator ?? 'exists', []);
  if (operator === '!') return newRequirement(key, '!', []);
  // parseOperator
  const op = p.consume(false);
  const binary: Partial<Record<Token, QueryOperator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
  operator = binary[op.tok];
  if (operator === undefined) throw new ParseError(`found '${op.lit}', expected: ${BINARY_OPERATORS}`);
  const values = operator === 'in' || operator === 'notin' ? parseValues(p) : parseExactValue(p);
  return newRequirement(key, operator, values);
}

/** parseValues: `(a,b,c)`; `()` is the one empty value. Values come out as a sorted set. */
function parseValues(p: Parser): string[] {
  const open = p.consume(true);
  if (open.tok !== '(') throw new ParseError(`found '${open.lit}' expected: '('`);
  const first = p.lookahead(true);
  if (first.tok === ')') { p.consume(true); return ['']; }
  if (first.tok !== 'id' && first.tok !== ',') throw new ParseError(`found '${first.lit}', expected: ',', ')' or identifier`);
  const set = new Set<string>();
  // parseIdentifiersList
  for (;;) {
    const { tok, lit } = p.consume(true);
    if (tok === 'id') {
      set.add(lit);
      const next = p.lookahead(true);
      if (next.tok === ',') continue;
      if (next.tok === ')') break;
      throw new ParseError(`found '${next.lit}', expected: ',' or ')'`);
    } else if (tok === ',') {
      if (set.size === 0) set.add(''); // "(,"
      const next = p.lookahead(true).tok;
      if (next === ')') { set.add(''); break; } // ",)"
      if (next === ',') set.add(''); // ",,"
    } else {
      throw new ParseError(`found '${lit}', expected: ',', or identifier`);
    }
  }
  if (p.consume(true).tok !== ')') throw new ParseError(`found '${first.lit}', expected: ')'`);
  return [...set].sort();
}

function parseExactValue(p: Parser): string[] {
  const ahead = p.lookahead(true).tok;
  if (ahead === 'end' || ahead === ',') return [''];
  const { tok, lit } = p.consume(true);
  if (tok === 'id') return [lit];
  throw new ParseError(`found '${lit}', expected: identifier`);
}

/** NewRequirement's checks that the grammar leaves open: values that are no label value, gt/lt integers. */
function newRequirement(key: string, operator: QueryOperator, values: string[]): Requirement {
  const errs: string[] = [];
  if (operator === 'gt' || operator === 'lt') {
    values.forEach((v, i) => { if (!/^[+-]?\d+$/.test(v)) errs.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`); });
  }
  values.forEach((v, i) => {
    const bad = isLabelValue(v);
    if (bad.length > 0) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${bad.join('; ')}`);
  });
  // field.ErrorList.ToAggregate: one error prints alone, several as a bracketed list.
  if (errs.length === 1) throw new ParseError(errs[0]);
  if (errs.length > 1) throw new ParseError(`[${errs.join(', ')}]`);
  return { key, operator, values };
}

/** Requirement.Matches for every requirement (internalSelector.Matches). */
export function matchesQuery(labels: Labels | undefined, requirements: readonly Requirement[]): boolean {
  for (const r of requirements) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = has ? labels![r.key] : '';
    switch (r.operator) {
      case 'in': case '=': case '==': if (!has || !r.values.includes(value)) return false; break;
      case 'notin': case '!=': if (has && r.values.includes(value)) return false; break;
      case 'exists': if (!has) return false; break;
      case '!': if (has) return false; break;
      case 'gt': case 'lt': {
        if (!has || !/^[+-]?\d+$/.test(value)) return false;
        const [a, b] = [BigInt(value), BigInt(r.values[0])];
        if (r.operator === 'gt' ? !(a > b) : !(a < b)) return false;
        break;
      }
    }
  }
  return true;
}

/** The exact `key=value` pairs a query requires: enough for the store's label index to narrow by. */
export function exactPairs(requirements: readonly Requirement[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of requirements) {
    if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) out[r.key] = r.values[0];
  }
  return out;
}
