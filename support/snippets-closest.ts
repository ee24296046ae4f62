// For an undefined step: the existing step expressions closest to its text. Distance is a word-level
// edit distance after both sides are normalised (quoted text, numbers and parameters become
// placeholders), with a character-level distance to break ties, so `deployment "web" has 3 redy
// replicas` finds `{kind} {name} has {int} ready replica(s)` before anything about nodes.

const QUOTED = '"…"';
const NUMBER = '#';
const ANY = '*';

/** Placeholder words for a Cucumber expression's parameters; unknown custom types match anything. */
const PARAM_WORDS: Record<string, string> = {
  string: QUOTED, name: QUOTED, int: NUMBER, float: NUMBER, duration: NUMBER, quantity: NUMBER,
};

/** The words of an expression: parameters as placeholders, optional text dropped, first alternative kept. */
export function expressionWords(expression: string): string[] {
  const text = expression
    .replace(/(?<!\\)\{([^}]*)\}/g, (_m, name: string) => ` ${PARAM_WORDS[name] ?? ANY} `)
    .replace(/(?<!\\)\([^)]*\)/g, '')
    .replace(/\\(.)/g, '$1');
  return words(text).map((w) => (w.includes('/') && w !== QUOTED ? w.split('/')[0]! : w));
}

/** The words of a step's text: quoted strings and numbers as placeholders. */
export function stepWords(text: string): string[] {
  return words(text.replace(/"[^"]*"/g, ` ${QUOTED} `).replace(/(?<![\w.-])\d+(?:\.\d+)?(?:[a-zA-Z]+)?(?![\w.-])/g, ` ${NUMBER} `));
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w !== '').map((w) => w.replace(/[:.,]+$/, '') || w);
}

/** Levenshtein over arbitrary tokens; `same` decides equality (placeholders match loosely). */
export function editDistance<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const sameWord = (expr: string, step: string): boolean => expr === step || expr === ANY;

export interface Suggestion {
  readonly expression: string;
  readonly distance: number;
}

/** The `count` expressions closest to `text`, closest first (ties: character distance, then the expression). */
export function closestSteps(text: string, expressions: readonly string[], count = 3): Suggestion[] {
  const target = stepWords(text);
  const flat = target.join(' ');
  const scored = [...new Set(expressions)].map((expression) => {
    const ew = expressionWords(expression);
    return { expression, distance: editDistance(ew, target, sameWord), tie: editDistance([...ew.join(' ')], [...flat]) };
  });
  scored.sort((a, b) => a.distance - b.distance || a.tie - b.tie || a.expression.localeCompare(b.expression));
  return scored.slice(0, count).map(({ expression, distance }) => ({ expression, distance }));
}

/** The text kubespec prints for an undefined step. */
export function describeSuggestions(text: string, suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return `"${text}" is not a kubespec step, and there are no steps to compare it with.`;
  return `"${text}" is not a defined step. Closest existing steps:\n` +
    suggestions.map((s) => `  ${s.expression}`).join('\n') +
    '\n(all steps: npx kubespec steps; or define it in features/steps/*.ts with the snippet cucumber prints)';
}
