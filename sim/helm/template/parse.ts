// text/template's lexer and parser (Go's text/template/parse), for the subset charts use:
// text, actions with {{- -}} trimming, comments, pipelines, variables (:= and =), if/else if/else,
// range (with $i, $v, break, continue), with/else with, define, template, block, and parenthesised
// pipelines with field chains. Positions are byte offsets into the source, for Go's error locations.

export interface Tree {
  readonly name: string;
  /** The file the template text came from (Go's ParseName): defines keep their file's name. */
  readonly parseName: string;
  readonly text: string;
  readonly root: ListNode;
}

export type Node = TextNode | ActionNode | IfNode | RangeNode | WithNode | TemplateNode | BreakNode | ContinueNode;
export interface ListNode { readonly nodes: Node[] }
export interface TextNode { readonly type: 'text'; readonly pos: number; text: string }
export interface ActionNode { readonly type: 'action'; readonly pos: number; readonly pipe: PipeNode }
export interface BranchNode { readonly pos: number; readonly pipe: PipeNode; readonly list: ListNode; readonly elseList?: ListNode }
export interface IfNode extends BranchNode { readonly type: 'if' }
export interface RangeNode extends BranchNode { readonly type: 'range' }
export interface WithNode extends BranchNode { readonly type: 'with' }
export interface TemplateNode { readonly type: 'template'; readonly pos: number; readonly name: string; readonly pipe?: PipeNode }
export interface BreakNode { readonly type: 'break'; readonly pos: number }
export interface ContinueNode { readonly type: 'continue'; readonly pos: number }
export interface PipeNode { readonly pos: number; readonly isAssign: boolean; readonly decl: string[]; readonly cmds: CommandNode[] }
export interface CommandNode { readonly pos: number; readonly args: ArgNode[] }
export type ArgNode =
  | { readonly type: 'field'; readonly pos: number; readonly ident: string[] }
  | { readonly type: 'variable'; readonly pos: number; readonly ident: string[] }
  | { readonly type: 'dot'; readonly pos: number }
  | { readonly type: 'nil'; readonly pos: number }
  | { readonly type: 'bool'; readonly pos: number; readonly value: boolean }
  | { readonly type: 'number'; readonly pos: number; readonly text: string; readonly value: number | bigint }
  | { readonly type: 'string'; readonly pos: number; readonly quoted: string; readonly value: string }
  | { readonly type: 'identifier'; readonly pos: number; readonly name: string }
  | { readonly type: 'pipe'; readonly pos: number; readonly pipe: PipeNode }
  | { readonly type: 'chain'; readonly pos: number; readonly node: ArgNode; readonly field: string[] };

/** A parse error, worded as Go words it: `template: name:line: message`. */
export class ParseError extends Error {
  constructor(readonly templateName: string, readonly line: number, readonly detail: string) {
    super(`template: ${templateName}:${line}: ${detail}`);
  }
}

// ------------------------------------------------------------------ lexer

type ItemType = 'text' | 'left' | 'right' | 'space' | 'field' | 'variable' | 'identifier' | 'string' | 'rawString' | 'char' | 'number'
  | 'bool' | 'nil' | 'dot' | 'pipe' | 'leftParen' | 'rightParen' | 'declare' | 'assign' | 'comma' | 'keyword' | 'comment' | 'eof';
interface Item { readonly type: ItemType; readonly val: string; readonly pos: number; readonly line: number }

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'nil', 'template', 'with']);

function lex(name: string, text: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  const newlines: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) newlines.push(i);
  /** 1 + the newlines before p (binary search: templates can be long). */
  const lineAt = (p: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (newlines[mid] < p) lo = mid + 1; else hi = mid; }
    return lo + 1;
  };
  const fail = (p: number, msg: string): never => { throw new ParseError(name, lineAt(p), msg); };
  let trimNext = false;
  while (pos < text.length) {
    const open = text.indexOf('{{', pos);
    const end = open === -1 ? text.length : open;
    let chunk = text.slice(pos, end);
    let chunkStart = pos;
    const trimLeftHere = open !== -1 && /^\{\{-[ \t\r\n]/.test(text.slice(open, open + 4));
    if (trimNext) {
      const kept = chunk.replace(/^[ \t\r\n]+/, '');
      chunkStart += chunk.length - kept.length;
      chunk = kept;
    }
    if (trimLeftHere) chunk = chunk.replace(/[ \t\r\n]+$/, '');
    if (chunk.length > 0) items.push({ type: 'text', val: chunk, pos: chunkStart, line: lineAt(chunkStart) });
    trimNext = false;
    if (open === -1) break;
    let p = open + 2;
    if (trimLeftHere) p += 2;
    items.push({ type: 'left', val: '{{', pos: open, line: lineAt(open) });
    // comment
    if (text.startsWith('/*', p)) {
      const close = text.indexOf('*/', p + 2);
      if (close === -1) fail(p, 'unclosed comment');
      let q = close + 2;
      if (text.startsWith(' -}}', q)) { trimNext = true; q += 4; } else if (text.startsWith('}}', q)) q += 2;
      else fail(q, 'comment ends before closing delimiter');
      items.pop();
      pos = q;
      continue;
    }
    let parenDepth = 0;
    for (;;) {
      if (p >= text.length) fail(p, 'unclosed action');
      const c = text[p];
      if (/[ \t\r\n]/.test(c)) {
        const s = p;
        while (p < text.length && /[ \t\r\n]/.test(text[p])) p++;
        if (text.startsWith('-}}', p) && p > s) { items.push({ type: 'right', val: '}}', pos: p, line: lineAt(p) }); trimNext = true; p += 3; break; }
        items.push({ type: 'space', val: ' ', pos: s, line: lineAt(s) });
        continue;
      }
      if (text.startsWith('}}', p)) {
        if (parenDepth > 0) fail(p, 'unclosed left paren');
        items.push({ type: 'right', val: '}}', pos: p, line: lineAt(p) }); p += 2; break;
      }
      const start = p;
      const push = (type: ItemType, val: string): void => { items.push({ type, val, pos: start, line: lineAt(start) }); };
      if (c === '|') { push('pipe', '|'); p++; continue; }
      if (c === '(') { push('leftParen', '('); parenDepth++; p++; continue; }
      if (c === ')') { if (parenDepth === 0) fail(p, 'unexpected right paren'); push('rightParen', ')'); parenDepth--; p++; continue; }
      if (c === ',') { push('comma', ','); p++; continue; }
      if (c === ':') { if (text[p + 1] !== '=') fail(p, 'expected :='); push('declare', ':='); p += 2; continue; }
      if (c === '=') { push('assign', '='); p++; continue; }
      if (c === '"') {
        p++;
        while (p < text.length && text[p] !== '"') { if (text[p] === '\\') p++; if (text[p] === '\n') fail(p, 'unterminated quoted string'); p++; }
        if (p >= text.length) fail(start, 'unterminated quoted string');
        p++; push('string', text.slice(start, p)); continue;
      }
      if (c === '`') {
        const close = text.indexOf('`', p + 1);
        if (close === -1) fail(start, 'unterminated raw quoted string');
        p = close + 1; push('rawString', text.slice(start, p)); continue;
      }
      if (c === "'") {
        p++;
        while (p < text.length && text[p] !== "'") { if (text[p] === '\\') p++; p++; }
        p++; push('char', text.slice(start, p)); continue;
      }
      if (c === '$') {
        p++;
        while (p < text.length && /[\p{L}\p{N}_]/u.test(text[p])) p++;
        push('variable', text.slice(start, p)); continue;
      }
      if (c === '.') {
        if (/[\p{L}_]/u.test(text[p + 1] ?? '')) {
          p++;
          while (p < text.length && /[\p{L}\p{N}_]/u.test(text[p])) p++;
          push('field', text.slice(start, p)); continue;
        }
        if (!/\d/.test(text[p + 1] ?? '')) { push('dot', '.'); p++; continue; }
      }
      if (/[\d.+-]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(text.slice(p));
        if (m === null || m[0] === '' || m[0] === '+' || m[0] === '-') fail(p, `bad number syntax: "${text.slice(p, p + 2)}"`);
        p += m![0].length;
        if (/[\p{L}\p{N}_.]/u.test(text[p] ?? '')) fail(start, `bad number syntax: "${text.slice(start, p + 1)}"`);
        push('number', text.slice(start, p)); continue;
      }
      if (/[\p{L}_]/u.test(c)) {
        while (p < text.length && /[\p{L}\p{N}_]/u.test(text[p])) p++;
        const word = text.slice(start, p);
        if (word === 'true' || word === 'false') push('bool', word);
        else if (word === 'nil') push('nil', word);
        else if (KEYWORDS.has(word)) push('keyword', word);
        else push('identifier', word);
        continue;
      }
      // Go's lexer emits a printable ASCII character as itemChar, which the parser's command() rejects
      if (c >= ' ' && c <= '~') fail(p, `unexpected ${JSON.stringify(c)} in operand`);
      const code = text.codePointAt(p)!;
      const printable = /\P{C}/u.test(String.fromCodePoint(code));
      fail(p, `unrecognized character in action: U+${code.toString(16).toUpperCase().padStart(4, '0')}${printable ? ` '${String.fromCodePoint(code)}'` : ''}`);
    }
    pos = p;
  }
  items.push({ type: 'eof', val: '', pos: text.length, line: lineAt(text.length) });
  return items;
}

// ------------------------------------------------------------------ parser

/** Parses `text` (the file `name`) into its main tree and the trees it defines. */
export function parse(name: string, text: string, isFunc: (name: string) => boolean): Map<string, Tree> {
  const items = lex(name, text);
  let i = 0;
  const trees = new Map<string, Tree>();
  const vars: string[][] = [['$']];
  const peek = (): Item => items[i];
  const next = (): Item => items[i++];
  const nextNonSpace = (): Item => { let it = next(); while (it.type === 'space') it = next(); return it; };
  const peekNonSpace = (): Item => { const save = i; const it = nextNonSpace(); i = save; return it; };
  const fail = (it: Item, msg: string): never => { throw new ParseError(name, it.line, msg); };
  const unexpected = (it: Item, context: string): never => fail(it, `unexpected ${describe(it)} in ${context}`);

  function itemList(context: string): { list: ListNode; end: Item; endKind: string } {
    const nodes: Node[] = [];
    for (;;) {
      const it = peek();
      if (it.type === 'eof') {
        if (context === 'top') return { list: { nodes }, end: it, endKind: 'eof' };
        fail(it, `unexpected EOF`);
      }
      if (it.type === 'text') { next(); nodes.push({ type: 'text', pos: it.pos, text: it.val }); continue; }
      if (it.type !== 'left') unexpected(it, context);
      next();
      const kw = peekNonSpace();
      if (kw.type === 'keyword' && (kw.val === 'end' || kw.val === 'else')) {
        if (context === 'top') fail(kw, `unexpected {{${kw.val}}}`);
        nextNonSpace();
        return { list: { nodes }, end: kw, endKind: kw.val };
      }
      const n = action();
      if (n !== undefined) nodes.push(n);
    }
  }

  function expectRight(context: string): void {
    const it = nextNonSpace();
    if (it.type !== 'right') unexpected(it, context);
  }

  function action(): Node | undefined {
    const it = peekNonSpace();
    if (it.type === 'keyword') {
      nextNonSpace();
      switch (it.val) {
        case 'if': return branch('if', it);
        case 'range': return branch('range', it);
        case 'with': return branch('with', it);
        case 'define': defineOrBlock(it, false); return undefined;
        case 'block': return defineOrBlock(it, true);
        case 'template': return templateControl(it);
        case 'break': expectRight('{{break}}'); return { type: 'break', pos: it.pos };
        case 'continue': expectRight('{{continue}}'); return { type: 'continue', pos: it.pos };
        default: fail(it, `unexpected ${describe(it)} in command`);
      }
    }
    const pipe = pipeline('command', 'right');
    return { type: 'action', pos: it.pos, pipe };
  }

  function branch(kind: 'if' | 'range' | 'with', kw: Item): Node {
    vars.push([]);
    const pipe = pipeline(kind, 'right');
    const { list, endKind } = itemList(kind);
    let elseList: ListNode | undefined;
    if (endKind === 'else') {
      const after = peekNonSpace();
      if ((kind === 'if' && after.type === 'keyword' && after.val === 'if') || (kind === 'with' && after.type === 'keyword' && after.val === 'with')) {
        // {{else if ...}} / {{else with ...}}: an else list holding one nested branch that ends at the same {{end}}
        nextNonSpace();
        vars.pop();
        const nested = branch(kind, after);
        return { type: kind, pos: kw.pos, pipe, list, elseList: { nodes: [nested] } } as Node;
      }
      expectRight('else');
      const rest = itemList(kind);
      if (rest.endKind !== 'end') fail(rest.end, `expected end; found {{else}}`);
      expectRight('end');
      elseList = rest.list;
    } else {
      expectRight('end');
    }
    vars.pop();
    return { type: kind, pos: kw.pos, pipe, list, elseList } as Node;
  }

  function stringArg(context: string): string {
    const it = nextNonSpace();
    if (it.type === 'string' || it.type === 'rawString') return unquote(it, fail);
    return unexpected(it, context);
  }

  function templateControl(kw: Item): Node {
    const tname = stringArg('template clause');
    const it = peekNonSpace();
    let pipe: PipeNode | undefined;
    if (it.type !== 'right') pipe = pipeline('template clause', 'right');
    else nextNonSpace();
    return { type: 'template', pos: kw.pos, name: tname, pipe };
  }

  function defineOrBlock(kw: Item, isBlock: boolean): Node | undefined {
    const tname = stringArg(isBlock ? 'block clause' : 'define clause');
    let pipe: PipeNode | undefined;
    if (isBlock) pipe = pipeline('block clause', 'right');
    else expectRight('define clause');
    const saved = vars.splice(0);
    vars.push(['$']);
    const { list, endKind, end } = itemList('define');
    if (endKind !== 'end') fail(end, `unexpected {{${endKind}}} in define`);
    expectRight('end');
    vars.splice(0, vars.length, ...saved);
    trees.set(tname, { name: tname, parseName: name, text, root: list });
    return isBlock ? { type: 'template', pos: kw.pos, name: tname, pipe } : undefined;
  }

  function pipeline(context: string, end: 'right' | 'rightParen'): PipeNode {
    const start = peekNonSpace();
    const decl: string[] = [];
    let isAssign = false;
    // declarations: $x := / $x = / $i, $v :=
    const save = i;
    const v = nextNonSpace();
    if (v.type === 'variable') {
      const after = nextNonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        decl.push(v.val);
        isAssign = after.type === 'assign';
        if (!isAssign) vars[vars.length - 1].push(v.val);
        else if (!knownVar(v.val)) fail(v, `undefined variable "${v.val}"`);
      } else if (after.type === 'comma' && context === 'range') {
        const v2 = nextNonSpace();
        const op = nextNonSpace();
        if (v2.type !== 'variable' || (op.type !== 'declare' && op.type !== 'assign')) fail(v2, 'range can only initialize variables');
        decl.push(v.val, v2.val);
        isAssign = op.type === 'assign';
        if (!isAssign) vars[vars.length - 1].push(v.val, v2.val);
      } else i = save;
    } else i = save;
    const cmds: CommandNode[] = [];
    for (;;) {
      const it = peekNonSpace();
      if ((end === 'right' && it.type === 'right') || (end === 'rightParen' && it.type === 'rightParen')) {
        nextNonSpace();
        if (cmds.length === 0) fail(it, `missing value for ${context}`);
        return { pos: start.pos, isAssign, decl, cmds };
      }
      if (it.type === 'pipe') { if (cmds.length === 0) unexpected(it, 'command'); nextNonSpace(); continue; }
      cmds.push(command(end));
    }
  }

  function knownVar(name: string): boolean {
    return vars.some((scope) => scope.includes(name));
  }

  function command(end: 'right' | 'rightParen'): CommandNode {
    const args: ArgNode[] = [];
    const start = peekNonSpace();
    for (;;) {
      const it = peekNonSpace();
      if (it.type === 'pipe' || it.type === 'right' || (it.type === 'rightParen')) break;
      if (it.type === 'eof') fail(it, 'unclosed action');
      args.push(operand());
      const after = peek();
      if (after.type !== 'space' && after.type !== 'pipe' && after.type !== 'right' && after.type !== 'rightParen') {
        unexpected(after, 'operand');
      }
    }
    if (args.length === 0) fail(start, 'empty command');
    void end;
    return { pos: start.pos, args };
  }

  function operand(): ArgNode {
    let node = term();
    if (peek().type === 'field') {
      // Go's operand(): the chain (and so the merged field/variable node) is positioned at the first added field
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().type === 'field') fields.push(next().val.slice(1));
      if (node.type === 'field') node = { ...node, pos: chainPos, ident: [...node.ident, ...fields] };
      else if (node.type === 'variable') node = { ...node, pos: chainPos, ident: [...node.ident, ...fields] };
      else if (node.type === 'bool' || node.type === 'string' || node.type === 'number' || node.type === 'nil' || node.type === 'dot') fail(items[i - 1], `unexpected . after term ${JSON.stringify(argString(node))}`);
      else node = { type: 'chain', pos: chainPos, node, field: fields };
    }
    return node;
  }

  function term(): ArgNode {
    const it = nextNonSpace();
    switch (it.type) {
      case 'identifier':
        if (!isFunc(it.val)) fail(it, `function "${it.val}" not defined`);
        return { type: 'identifier', pos: it.pos, name: it.val };
      case 'dot': return { type: 'dot', pos: it.pos };
      case 'nil': return { type: 'nil', pos: it.pos };
      case 'variable':
        if (!knownVar(it.val)) fail(it, `undefined variable "${it.val}"`);
        return { type: 'variable', pos: it.pos, ident: [it.val] };
      case 'field': return { type: 'field', pos: it.pos, ident: [it.val.slice(1)] };
      case 'bool': return { type: 'bool', pos: it.pos, value: it.val === 'true' };
      case 'number': return numberNode(it);
      case 'char': {
        const s = unquote({ ...it, val: `"${it.val.slice(1, -1).replace(/"/g, '\\"')}"` }, fail);
        return { type: 'number', pos: it.pos, text: it.val, value: BigInt(s.codePointAt(0) ?? 0) };
      }
      case 'string': case 'rawString': return { type: 'string', pos: it.pos, quoted: it.val, value: unquote(it, fail) };
      case 'leftParen': {
        const pipe = pipeline('parenthesized pipeline', 'rightParen');
        return { type: 'pipe', pos: it.pos, pipe };
      }
      default: return unexpected(it, 'operand');
    }
  }

  function numberNode(it: Item): ArgNode {
    const t = it.val.replace(/_/g, '');
    if (/^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|\d+)$/.test(t)) {
      const neg = t.startsWith('-');
      const body = t.replace(/^[+-]/, '');
      const v = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body.replace(/^0[oO]/, '0o'));
      return { type: 'number', pos: it.pos, text: it.val, value: neg ? -v : v };
    }
    const f = Number(t);
    if (Number.isNaN(f)) fail(it, `illegal number syntax: "${it.val}"`);
    return { type: 'number', pos: it.pos, text: it.val, value: f };
  }

  const { list } = itemList('top');
  trees.set(name, { name, parseName: name, text, root: list });
  return trees;
}

function unquote(it: Item, fail: (it: Item, msg: string) => never): string {
  if (it.val.startsWith('`')) return it.val.slice(1, -1);
  try {
    const body = it.val.slice(1, -1).replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'").replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return fail(it, `invalid syntax: ${it.val}`);
  }
}

function describe(it: Item): string {
  if (it.type === 'eof') return 'EOF';
  if (it.type === 'right') return '"}}"';
  if (it.type === 'keyword') return `<${it.val}>`;
  if (it.type === 'space') return 'space';
  return `${JSON.stringify(it.val)}`;
}

/** Go's Node.String() for the operands, for "at <...>" in execution errors. */
export function argString(n: ArgNode): string {
  switch (n.type) {
    case 'field': return `.${n.ident.join('.')}`;
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return String(n.value);
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'identifier': return n.name;
    case 'pipe': return `(${pipeString(n.pipe)})`;
    case 'chain': return `${argString(n.node)}.${n.field.join('.')}`;
  }
}

export function commandString(c: CommandNode): string {
  return c.args.map(argString).join(' ');
}

export function pipeString(p: PipeNode): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(commandString).join(' | ');
}
