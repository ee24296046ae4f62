import type { LabelSelector, Labels } from '../api/types';

/** apimachinery labels.SelectorFromSet: every key=value of the set must be present. */
export function matchesLabels(labels: Labels | undefined, wanted: Labels | undefined): boolean {
  if (wanted === undefined) return true;
  for (const key in wanted) {
    if (labels === undefined || labels[key] !== wanted[key]) return false;
  }
  return true;
}

/** metav1.LabelSelectorAsSelector: matchLabels AND every matchExpression. An empty selector matches all. */
export function matchesSelector(labels: Labels | undefined, selector: LabelSelector | undefined): boolean {
  if (selector === undefined) return true;
  if (!matchesLabels(labels, selector.matchLabels)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = has ? labels![req.key] : undefined;
    switch (req.operator) {
      case 'In': if (!has || !(req.values ?? []).includes(value!)) return false; break;
      case 'NotIn': if (has && (req.values ?? []).includes(value!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
    }
  }
  return true;
}

/** An apps/v1 selector with neither matchLabels nor matchExpressions selects nothing for controllers. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return selector === undefined
    || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** `app=nginx,tier=web`, the way kubectl prints a selector. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (selector === undefined) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    switch (req.operator) {
      case 'In': parts.push(`${req.key} in (${(req.values ?? []).join(',')})`); break;
      case 'NotIn': parts.push(`${req.key} notin (${(req.values ?? []).join(',')})`); break;
      case 'Exists': parts.push(req.key); break;
      case 'DoesNotExist': parts.push(`!${req.key}`); break;
    }
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

/** Parses kubectl's -l syntax (`a=b,c!=d,e in (x,y),!f`) into a LabelSelector, or an error message. */
export function parseSelector(text: string): LabelSelector | string {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[] = [];
  const terms = splitTerms(text);
  for (const raw of terms) {
    const term = raw.trim();
    if (term === '') continue;
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      matchExpressions.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3].split(',').map((v) => v.trim()) });
    } else if ((m = term.match(/^([\w./-]+)\s*!=\s*([\w.-]*)$/))) {
      matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    } else if ((m = term.match(/^([\w./-]+)\s*==?\s*([\w.-]*)$/))) {
      matchLabels[m[1]] = m[2];
    } else if ((m = term.match(/^!([\w./-]+)$/))) {
      matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    } else if ((m = term.match(/^([\w./-]+)$/))) {
      matchExpressions.push({ key: m[1], operator: 'Exists' });
    } else {
      return `unable to parse requirement: found '${term}', expected: key=value, key!=value, key in (v1,v2), key or !key`;
    }
  }
  return matchExpressions.length > 0 ? { matchLabels, matchExpressions } : { matchLabels };
}

function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(current); current = ''; continue; }
    current += ch;
  }
  out.push(current);
  return out;
}
