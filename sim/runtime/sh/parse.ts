import type { Node, Part, Redir, Word } from './ast';

// Tokenizer and recursive-descent parser for the sh subset: lists (`;` `&` newline), `&&` `||`,
// pipelines, `!`, while/until/for/if, `{ }` and `( )`, redirections (`>` `>>` `<` `N>&M`),
// quotes, $VAR ${VAR} ${VAR:-x} $? and $(...) / backticks. Errors read like ash's.

type Token =
  | { readonly t: 'word'; readonly parts: Part[]; readonly bare: string | undefined }
  | { readonly t: 'op'; readonly v: string }
  | { readonly t: 'redir'; readonly fd: number; readonly op: '>' | '>>' | '<' | '>&'; readonly toFd?: number };

export class ShSyntaxError extends Error {}

const OPS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < n && src[i] !== '\n') i++; continue; }
    // IO number: digits directly followed by > or <
    const io = /^(\d*)(>>|>&|>|<&|<)/.exec(src.slice(i, i + 6));
    if (io) {
      const fd = io[1] === '' ? (io[2].startsWith('<') ? 0 : 1) : Number(io[1]);
      i += io[0].length;
      if (io[2] === '>&' || io[2] === '<&') {
        const m = /^\s*(\d+)/.exec(src.slice(i));
        if (!m) throw new ShSyntaxError(`syntax error: bad fd number`);
        i += m[0].length;
        out.push({ t: 'redir', fd, op: '>&', toFd: Number(m[1]) });
      } else {
        out.push({ t: 'redir', fd, op: io[2] as '>' | '>>' | '<' });
      }
      continue;
    }
    if (c === '&' && src[i + 1] === '>') { // bash &> file: both streams
      i += 2;
      out.push({ t: 'redir', fd: 1, op: '>' });
      const w = readWord(src, i);
      i = w.end;
      out.push(w.token, { t: 'redir', fd: 2, op: '>&', toFd: 1 });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op !== undefined) { out.push({ t: 'op', v: op }); i += op.length; continue; }
    const w = readWord(src, i);
    i = w.end;
    out.push(w.token);
  }
  return out;
}

function isWordEnd(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';
}

function readWord(src: string, start: number): { token: Token; end: number } {
  const parts: Part[] = [];
  let lit = '';
  let bare = true;
  const flush = (q: boolean) => { if (lit !== '') { parts.push({ k: 'lit', s: lit, q }); lit = ''; } };
  let i = start;
  while (i < src.length && !isWordEnd(src[i])) {
    const c = src[i];
    if (c === "'") {
      flush(false); bare = false;
      const j = src.indexOf("'", i + 1);
      if (j < 0) throw new ShSyntaxError('syntax error: unterminated quoted string');
      parts.push({ k: 'lit', s: src.slice(i + 1, j), q: true });
      i = j + 1;
    } else if (c === '"') {
      flush(false); bare = false;
      i = readDouble(src, i + 1, parts);
    } else if (c === '\\') {
      bare = false;
      flush(false);
      if (i + 1 < src.length) parts.push({ k: 'lit', s: src[i + 1], q: true });
      i += 2;
    } else if (c === '$' || c === '`') {
      const r = readDollar(src, i, false);
      if (r === undefined) { lit += c; i++; continue; }
      flush(false); bare = false;
      parts.push(r.part);
      i = r.end;
    } else {
      lit += c; i++;
    }
  }
  const bareText = bare ? lit : undefined;
  flush(false);
  if (i === start) throw new ShSyntaxError(`syntax error: unexpected "${src[i]}"`);
  return { token: { t: 'word', parts, bare: bareText }, end: i };
}

function readDouble(src: string, i: number, parts: Part[]): number {
  let lit = '';
  const flush = () => { parts.push({ k: 'lit', s: lit, q: true }); lit = ''; };
  for (;;) {
    if (i >= src.length) throw new ShSyntaxError('syntax error: unterminated quoted string');
    const c = src[i];
    if (c === '"') { flush(); return i + 1; }
    if (c === '\\' && '"\\$`\n'.includes(src[i + 1] ?? '')) { if (src[i + 1] !== '\n') lit += src[i + 1]; i += 2; continue; }
    if (c === '$' || c === '`') {
      const r = readDollar(src, i, true);
      if (r === undefined) { lit += c; i++; continue; }
      if (lit !== '') flush();
      parts.push(r.part);
      i = r.end;
      continue;
    }
    lit += c; i++;
  }
}

function readDollar(src: string, i: number, q: boolean): { part: Part; end: number } | undefined {
  if (src[i] === '`') {
    const j = src.indexOf('`', i + 1);
    if (j < 0) throw new ShSyntaxError('syntax error: unterminated backquote');
    return { part: { k: 'sub', prog: parseSh(src.slice(i + 1, j)), q }, end: j + 1 };
  }
  const next = src[i + 1];
  if (next === '(') {
    const j = matchParen(src, i + 2);
    return { part: { k: 'sub', prog: parseSh(src.slice(i + 2, j)), q }, end: j + 1 };
  }
  if (next === '{') {
    const j = src.indexOf('}', i + 2);
    if (j < 0) throw new ShSyntaxError('syntax error: missing }');
    const body = src.slice(i + 2, j);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9@*])(?:(:?)[-=](.*))?$/s.exec(body);
    if (!m) throw new ShSyntaxError(`\${${body}}: bad substitution`);
    const def = m[3] !== undefined ? defaultWord(m[3]) : undefined;
    return { part: { k: 'var', name: m[1], q, ...(def ? { def, ...(m[2] === '' ? { unsetOnly: true } : {}) } : {}) }, end: j + 1 };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9@*!])/.exec(src.slice(i + 1));
  if (!m) return undefined;
  return { part: { k: 'var', name: m[1], q }, end: i + 1 + m[1].length };
}

function defaultWord(text: string): Word {
  if (text === '') return [{ k: 'lit', s: '', q: true }];
  const tokens = lex(text);
  const first = tokens[0];
  return first !== undefined && first.t === 'word' ? first.parts : [{ k: 'lit', s: text, q: true }];
}

function matchParen(src: string, i: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (; i < src.length; i++) {
    const c = src[i];
    if (quote !== undefined) { if (c === quote) quote = undefined; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new ShSyntaxError('syntax error: unterminated $(');
}

// ---------------------------------------------------------------- parser

const RESERVED_END = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', '}', 'esac']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  program(): Node {
    this.skipNewlines();
    if (this.i >= this.toks.length) return { t: 'seq', items: [] };
    const node = this.list(new Set());
    this.skipNewlines();
    const t = this.toks[this.i];
    if (t !== undefined) throw new ShSyntaxError(`syntax error: unexpected ${describe(t)}`);
    return node;
  }

  private peekWord(): string | undefined {
    const t = this.toks[this.i];
    return t?.t === 'word' ? t.bare : undefined;
  }
  private peekOp(): string | undefined {
    const t = this.toks[this.i];
    return t?.t === 'op' ? t.v : undefined;
  }
  private skipNewlines(): void { while (this.peekOp() === '\n') this.i++; }
  private expectWord(w: string): void {
    this.skipNewlines();
    if (this.peekWord() !== w) {
      const t = this.toks[this.i];
      throw new ShSyntaxError(`syntax error: unexpected ${t === undefined ? 'end of file' : describe(t)} (expecting "${w}")`);
    }
    this.i++;
  }

  private list(stop: Set<string>): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.toks[this.i];
      if (t === undefined) break;
      if (t.t === 'word' && t.bare !== undefined && (RESERVED_END.has(t.bare) || stop.has(t.bare))) break;
      if (t.t === 'op' && (t.v === ')' || t.v === ';;')) break;
      items.push(this.andOr());
      const op = this.peekOp();
      if (op === ';' || op === '&' || op === '\n') { this.i++; continue; }
      break;
    }
    if (items.length === 0) {
      const t = this.toks[this.i];
      throw new ShSyntaxError(`syntax error: unexpected ${t === undefined ? 'end of file' : describe(t)}`);
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  private andOr(): Node {
    let left = this.pipeline();
    for (;;) {
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') return left;
      this.i++;
      this.skipNewlines();
      const right = this.pipeline();
      left = op === '&&' ? { t: 'and', left, right } : { t: 'or', left, right };
    }
  }

  private pipeline(): Node {
    let negate = false;
    if (this.peekWord() === '!') { negate = true; this.i++; }
    const cmds = [this.command()];
    while (this.peekOp() === '|') { this.i++; this.skipNewlines(); cmds.push(this.command()); }
    const node: Node = cmds.length === 1 ? cmds[0] : { t: 'pipe', cmds };
    return negate ? { t: 'not', body: node } : node;
  }

  private command(): Node {
    const w = this.peekWord();
    if (w === 'while' || w === 'until') {
      this.i++;
      const cond = this.list(new Set(['do']));
      this.expectWord('do');
      const body = this.list(new Set());
      this.expectWord('done');
      return { t: 'while', cond, body, until: w === 'until' };
    }
    if (w === 'for') {
      this.i++;
      const nameTok = this.toks[this.i++];
      if (nameTok?.t !== 'word' || nameTok.bare === undefined) throw new ShSyntaxError('syntax error: bad for loop variable');
      let words: Word[] | undefined;
      this.skipNewlines();
      if (this.peekWord() === 'in') {
        this.i++;
        words = [];
        while (this.toks[this.i]?.t === 'word') words.push((this.toks[this.i++] as { parts: Part[] }).parts);
      }
      if (this.peekOp() === ';') this.i++;
      this.expectWord('do');
      const body = this.list(new Set());
      this.expectWord('done');
      return { t: 'for', name: nameTok.bare, words, body };
    }
    if (w === 'if') {
      this.i++;
      return this.ifRest();
    }
    if (w === '{') {
      this.i++;
      const body = this.list(new Set());
      this.expectWord('}');
      return { t: 'group', body, subshell: false };
    }
    if (this.peekOp() === '(') {
      this.i++;
      const body = this.list(new Set());
      this.skipNewlines();
      if (this.peekOp() !== ')') throw new ShSyntaxError('syntax error: missing )');
      this.i++;
      return { t: 'group', body, subshell: true };
    }
    return this.simple();
  }

  private ifRest(): Node {
    const cond = this.list(new Set(['then']));
    this.expectWord('then');
    const then = this.list(new Set());
    this.skipNewlines();
    const w = this.peekWord();
    if (w === 'elif') { this.i++; return { t: 'if', cond, then, else: this.ifRest() }; }
    if (w === 'else') {
      this.i++;
      const els = this.list(new Set());
      this.expectWord('fi');
      return { t: 'if', cond, then, else: els };
    }
    this.expectWord('fi');
    return { t: 'if', cond, then };
  }

  private simple(): Node {
    const assigns: (readonly [string, Word])[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.toks[this.i];
      if (t === undefined || t.t === 'op') break;
      if (t.t === 'redir') {
        this.i++;
        if (t.op === '>&') { redirs.push({ fd: t.fd, op: '>&', toFd: t.toFd! }); continue; }
        const target = this.toks[this.i++];
        if (target?.t !== 'word') throw new ShSyntaxError('syntax error: unexpected redirection without a file name');
        redirs.push({ fd: t.fd, op: t.op, target: target.parts });
        continue;
      }
      if (words.length === 0 && t.bare !== undefined && RESERVED_END.has(t.bare)) break;
      const first = t.parts[0];
      if (words.length === 0 && first?.k === 'lit' && !first.q) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s);
        if (m) {
          const rest: Part[] = first.s.length > m[0].length ? [{ k: 'lit', s: first.s.slice(m[0].length), q: false }, ...t.parts.slice(1)] : t.parts.slice(1);
          assigns.push([m[1], rest]);
          this.i++;
          continue;
        }
      }
      words.push(t.parts);
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) {
      const t = this.toks[this.i];
      throw new ShSyntaxError(`syntax error: unexpected ${t === undefined ? 'end of file' : describe(t)}`);
    }
    return { t: 'cmd', assigns, words, redirs };
  }
}

function describe(t: Token): string {
  if (t.t === 'op') return t.v === '\n' ? 'newline' : `"${t.v}"`;
  if (t.t === 'redir') return 'redirection';
  return `"${t.bare ?? 'word'}"`;
}

const cache = new Map<string, Node | ShSyntaxError>();

/** Parses a script; memoised (probe commands are parsed once, not every period). Throws ShSyntaxError. */
export function parseSh(src: string): Node {
  const hit = cache.get(src);
  if (hit instanceof ShSyntaxError) throw hit;
  if (hit !== undefined) return hit;
  try {
    const node = new Parser(lex(src)).program();
    if (cache.size > 10_000) cache.clear();
    cache.set(src, node);
    return node;
  } catch (e) {
    if (e instanceof ShSyntaxError) cache.set(src, e);
    throw e;
  }
}
