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

