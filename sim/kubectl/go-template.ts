import { ExecError, TemplateSet } from '../helm/template/exec';
import { ParseError } from '../helm/template/parse';
import { sprintValue } from '../helm/template/fmt';
import type { GoMap, GoValue } from '../helm/template/values';
import { sortKeys } from './jsonpath';
import { kubectlTemplateFuncs } from './go-template-funcs';

// kubectl's -o go-template printer (k8s.io/cli-runtime/pkg/printers/template.go GoTemplatePrinter):
// Go's text/template named "output" with exists and base64decode, run over the object's JSON as
// apimachinery's json.Unmarshal decodes it (integers int64, other numbers float64), with
// missingkey=default (a missing key prints <no value>) or =error (--allow-missing-template-keys=false).

export interface GoTemplatePrinter {
  readonly raw: string;
  readonly set: TemplateSet;
}

/** GoTemplatePrintFlags.ToPrinter: the parsed template, or kubectl's `error parsing template` text. */
export function parseGoTemplate(raw: string, allowMissingKeys: boolean): GoTemplatePrinter | { error: string } {
  const set = new TemplateSet(kubectlTemplateFuncs(), allowMissingKeys ? 'default' : 'error');
  try {
    set.addFile('output', raw);
  } catch (e) {
    if (e instanceof ParseError) return { error: `error parsing template ${raw}, ${e.message}` };
    throw e;
  }
  return { raw, set };
}

/**
 * GoTemplatePrinter.PrintObj: the template's output; on an execution error, what it wrote so far
 * and kubectl's debugging text (both on stdout), and the error kubectl returns.
 */
export function executeGoTemplate(p: GoTemplatePrinter, obj: unknown): { text: string } | { text: string; error: string } {
  const data = decodeJson(JSON.parse(JSON.stringify(obj)));
  try {
    return { text: p.set.execute('output', data) };
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    const debug = `Error executing template: ${e.message}. Printing more information for debugging the template:\n`
      + `\ttemplate was:\n\t\t${p.raw}\n`
      + `\traw data was:\n\t\t${goJson(obj)}\n`
      + `\tobject given to template engine was:\n\t\t${sprintValue(data)}\n\n`;
    return { text: e.partial + debug, error: `error executing template ${JSON.stringify(p.raw)}: ${e.message}` };
  }
}

/**
 * apimachinery json.Unmarshal into map[string]interface{} (convertNumber): a number whose JSON
 * text is an integer in int64's range is an int64 (bigint), any other a float64.
 *
 *   2 -> 2n     0.5 -> 0.5     1e21 (JSON "1e+21") -> 1e21     2^63 -> 9223372036854775808 (float64)
 */
export function decodeJson(v: unknown): GoValue {
  if (Array.isArray(v)) return v.map(decodeJson);
  if (typeof v === 'object' && v !== null) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = decodeJson(x);
    return out;
  }
  if (typeof v === 'number') {
    const text = JSON.stringify(v);
    if (/^-?\d+$/.test(text)) {
      const n = BigInt(text);
      if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
    }
    return v;
  }
  return v as GoValue;
}

/** json.Marshal of the object: keys sorted, compact, <, > and & escaped as Go escapes them. */
function goJson(obj: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(obj))))
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
