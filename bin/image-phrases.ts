import type { HttpRule, ImageBehaviour } from '../sim/runtime/images';
import { parseDuration } from '../sim/kubectl/duration';

// The shell's `image <ref> <behaviour>` line: plain-English phrases, joined by "and" or commas,
// that change an image's behaviour (sim/runtime/images.ts ImageBehaviour):
//
// | phrase                                   | behaviour                                   |
// |------------------------------------------|---------------------------------------------|
// | does not exist                           | kind missing (ErrImagePull, ImagePullBackOff) |
// | exits with code 1 after 10s              | exit { afterMs: 10000, code: 1 }           |
// | exits after 10s                          | exit { afterMs: 10000, code: 0 }           |
// | becomes ready after 30s / takes 30s to start | startupMs 30000 (listens only then)    |
// | answers 500 on /healthy [after 30s]      | http rule { path, status, fromMs }         |
// | answers 200                              | http rule for every path                   |
// | listens on 8080                          | ports [8080]                               |
// | pulls in 20s / takes 20s to pull         | pullMs 20000                               |
// | runs its command / is a shell            | kind shell (busybox-like: runs sh, exits)  |
// | is a server                              | kind server                                |

export type PhraseResult = { readonly behaviour: ImageBehaviour; readonly summary: string } | { readonly error: string };

const EXAMPLES = "e.g. 'image myapp:v2 exits with code 1 after 10s', 'image web:v2 answers 500 on /healthy', 'image slow:v1 becomes ready after 30s', 'image ghost:v1 does not exist'";

/** Applies the phrases in `text` to `base` (the image's current behaviour). */
export function parseImagePhrases(base: ImageBehaviour, text: string): PhraseResult {
  const phrases = text.split(/\s*(?:,|\band\b)\s*/).map((p) => p.trim()).filter(Boolean);
  if (phrases.length === 0) return { error: `missing behaviour (${EXAMPLES})` };
  let b: ImageBehaviour = base;
  const done: string[] = [];
  for (const phrase of phrases) {
    const p = phrase.toLowerCase();
    let m: RegExpMatchArray | null;
    const dur = (s: string) => parseDuration(s) ?? (/^\d+$/.test(s) ? Number(s) * 1000 : undefined);
    if (/^(does not|doesn't) exist$/.test(p) || p === 'is missing') {
      b = { ...b, kind: 'missing' };
    } else if ((m = p.match(/^(?:exits|crashes)(?: with (?:exit )?code (\d+))? after (\S+?)(?: seconds?)?$/))) {
      const afterMs = dur(m[2]);
      if (afterMs === undefined) return { error: `invalid duration "${m[2]}" in "${phrase}"` };
      b = { ...b, kind: b.kind === 'missing' ? 'server' : b.kind, exit: { afterMs, code: m[1] === undefined ? (p.startsWith('crashes') ? 1 : 0) : Number(m[1]) } };
    } else if ((m = p.match(/^(?:becomes ready|starts listening|listens) after (\S+?)(?: seconds?)?$/)) || (m = p.match(/^takes (\S+?)(?: seconds?)? to start$/))) {
      const startupMs = dur(m[1]);
      if (startupMs === undefined) return { error: `invalid duration "${m[1]}" in "${phrase}"` };
      b = { ...b, kind: 'server', startupMs };
    } else if ((m = phrase.match(/^(?:answers|returns|responds(?: with)?) (\d{3})(?: on (\S+))?(?: after (\S+?)(?: seconds?)?)?$/i))) {
      const fromMs = m[3] === undefined ? undefined : dur(m[3]);
      if (m[3] !== undefined && fromMs === undefined) return { error: `invalid duration "${m[3]}" in "${phrase}"` };
      const rule: HttpRule = { status: Number(m[1]), ...(m[2] !== undefined ? { path: m[2] } : {}), ...(fromMs !== undefined ? { fromMs } : {}) };
      b = { ...b, kind: 'server', http: [rule, ...(b.http ?? [])] };
    } else if ((m = p.match(/^listens on (?:port )?(\d+)$/))) {
      b = { ...b, kind: 'server', ports: [...new Set([...(b.ports ?? []), Number(m[1])])] };
    } else if ((m = p.match(/^pulls in (\S+?)(?: seconds?)?$/)) || (m = p.match(/^takes (\S+?)(?: seconds?)? to pull$/))) {
      const pullMs = dur(m[1]);
      if (pullMs === undefined) return { error: `invalid duration "${m[1]}" in "${phrase}"` };
      b = { ...b, pullMs };
    } else if (/^(runs its command|is a shell|runs once)$/.test(p)) {
      b = { ...b, kind: 'shell' };
    } else if (/^(is a server|runs forever)$/.test(p)) {
      b = { ...b, kind: 'server' };
    } else {
      return { error: `unknown image behaviour "${phrase}" (${EXAMPLES})` };
    }
    done.push(phrase);
  }
  return { behaviour: b, summary: done.join(' and ') };
}
