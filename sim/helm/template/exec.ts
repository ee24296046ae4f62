import { argString, commandString, parse, type ArgNode, type CommandNode, type ListNode, type Node, type PipeNode, type Tree } from './parse';
import { GoStruct, isMap, sortedKeys, truth, typeName as typeNameOf, type GoValue } from './values';
import { sprintValue } from './fmt';
import { builtinFuncs } from './builtins';

// text/template's executor (Go's text/template/exec.go), over GoValues. Helm's engine options:
// missingkey=zero, so a missing map key is nil, printed as "<no value>" (Helm then blanks those).
// kubectl's printer runs with missingkey=default (or error): a missing key is Go's invalid
// reflect.Value, here `undefined`; a JSON null is a nil interface{}, here `null`.

import { ArgTypeError, FuncError } from './values';
export { FuncError } from './values';

/** An execution error with Go's full text: `template: file:line:col: executing "name" at <node>: message`. */
export class ExecError extends Error {
  /** What the template wrote before it failed (Go's Execute has already written it). */
  partial = '';
}

/** A function callable from templates. `lazy` functions (and, or) get thunks instead of values. */
export type TemplateFunc = (...args: GoValue[]) => GoValue;
export type FuncMap = Readonly<Record<string, TemplateFunc>>;

/** Go's Template.Option("missingkey=..."): zero (Helm), default (invalid value), error. */
export type MissingKey = 'zero' | 'default' | 'error';

const MISSING: unique symbol = Symbol('missing');
type Final = GoValue | typeof MISSING;

class BreakSignal {}
class ContinueSignal {}

/** Go's maxExecDepth. */
const MAX_EXEC_DEPTH = 100000;

export class TemplateSet {
  private readonly trees = new Map<string, Tree>();
  private readonly funcs: Record<string, TemplateFunc>;

  constructor(funcs: FuncMap, readonly missingKey: MissingKey = 'zero') {
    this.funcs = { ...funcs };
  }

  /** Adds functions that need the set itself (include, tpl). */
  addFuncs(more: FuncMap): void { Object.assign(this.funcs, more); }

  /** Parses a file; its defines join the set (a later definition replaces an earlier one). Throws ParseError. */
  addFile(name: string, text: string): void {
    const trees = parse(name, text, (f) => f in this.funcs || BUILTINS.has(f));
    for (const [n, t] of trees) {
      // Go: an empty redefinition does not replace a non-empty one
      if (n !== name && this.trees.has(n) && t.root.nodes.every((x) => x.type === 'text' && x.text.trim() === '')) continue;
      this.trees.set(n, t);
    }
  }

  /** A copy sharing the functions: tpl parses into a clone so its text cannot change the chart's set. */
  clone(): TemplateSet {
    const c = new TemplateSet(this.funcs, this.missingKey);
    for (const [n, t] of this.trees) c.trees.set(n, t);
    return c;
  }

  has(name: string): boolean { return this.trees.has(name); }
  names(): string[] { return [...this.trees.keys()]; }

  /** Executes template `name` with `data`; throws ExecError with Go's message. */
  execute(name: string, data: GoValue, depth = 0): string {
    const tree = this.trees.get(name);
    if (tree === undefined) throw new ExecError(`template: no template ${JSON.stringify(name)} associated with template "gotpl"`);
    const st = new State(this, tree, data, depth);
    try {
      st.walk(data, tree.root);
    } catch (e) {
      if (e instanceof ExecError && depth === 0) e.partial = st.out;
      throw e;
    }
    return st.out;
  }

  tree(name: string): Tree | undefined { return this.trees.get(name); }
  func(name: string): TemplateFunc | undefined { return this.funcs[name]; }
}

const BUILTINS = new Set(['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'slice', 'call']);

interface Variable { readonly name: string; value: GoValue }

class State {
  out = '';
  private node: { pos: number; str: string } | undefined;
  private vars: Variable[];
  constructor(private readonly set: TemplateSet, private tmpl: Tree, data: GoValue, private depth: number) {
    this.vars = [{ name: '$', value: data }];
  }

  // ------------------------------------------------------------ errors

  private at(pos: number, str: string): void { this.node = { pos, str }; }

  private errorf(msg: string): never {
    if (this.node === undefined) throw new ExecError(`template: ${this.tmpl.name}: ${msg}`);
    const before = this.tmpl.text.slice(0, this.node.pos);
    const nl = before.lastIndexOf('\n');
    const col = nl === -1 ? this.node.pos : this.node.pos - (nl + 1);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    throw new ExecError(`template: ${this.tmpl.parseName}:${line}:${col}: executing ${JSON.stringify(this.tmpl.name)} at <${this.node.str}>: ${msg}`);
  }

  // ------------------------------------------------------------ walking

  walk(dot: GoValue, list: ListNode): void {
    for (const node of list.nodes) this.walkNode(dot, node);
  }

  private walkNode(dot: GoValue, node: Node): void {
    switch (node.type) {
      case 'text': this.out += node.text; return;
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node.pos, node.pipe, v);
        return;
      }
      case 'if': case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        if (truth(v)) this.walk(node.type === 'with' ? v : dot, node.list);
        else if (node.elseList !== undefined) this.walk(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range': return this.walkRange(dot, node);
      case 'template': return this.walkTemplate(dot, node);
      case 'break': throw new BreakSignal();
      case 'continue': throw new ContinueSignal();
    }
  }

  private printValue(pos: number, pipe: PipeNode, v: GoValue): void {
    this.at(pos, pipeString(pipe));
    if (typeof v === 'function') this.errorf(`can't print ${pipeString(pipe)} of type func`);
    this.out += v === null || v === undefined ? '<no value>' : sprintValue(v);
  }

  private walkRange(dot: GoValue, node: Extract<Node, { type: 'range' }>): void {
    this.at(node.pos, 'range');
    const mark = this.vars.length;
    const val = this.evalPipelineNoDecl(dot, node.pipe);
    const decl = node.pipe.decl;
    const one = (key: GoValue, elem: GoValue): boolean => {
      if (decl.length === 1) this.setOrPush(decl[0], elem, node.pipe.isAssign);
      if (decl.length === 2) { this.setOrPush(decl[0], key, node.pipe.isAssign); this.setOrPush(decl[1], elem, node.pipe.isAssign); }
      try {
        this.walk(elem, node.list);
      } catch (e) {
        if (e instanceof BreakSignal) { this.vars.length = mark; return false; }
        if (!(e instanceof ContinueSignal)) throw e;
      }
      this.vars.length = mark; // the body's variables (and this iteration's) end with it
      return true;
    };
    let ran = false;
    if (Array.isArray(val)) {
      for (let i = 0; i < val.length; i++) { ran = true; if (!one(BigInt(i), val[i])) break; }
    } else if (isMap(val)) {
      for (const k of sortedKeys(val)) { ran = true; if (!one(k, val[k])) break; }
    } else if (typeof val === 'bigint') {
      if (decl.length > 1) this.errorf(`can't use ${val} to iterate over more than one variable`);
      for (let i = 0n; i < val; i++) { ran = true; if (!one(i, i)) break; }
    } else if (val === null || val === undefined) {
      // nil: nothing to iterate
    } else {
      this.errorf(`range can't iterate over ${sprintValue(val)}`);
    }
    this.vars.length = mark;
    if (!ran && node.elseList !== undefined) this.walk(dot, node.elseList);
  }

  private setOrPush(name: string, value: GoValue, assign: boolean): void {
    if (assign) this.setVar(name, value);
    else this.vars.push({ name, value });
  }

  private walkTemplate(dot: GoValue, node: Extract<Node, { type: 'template' }>): void {
    this.at(node.pos, `template ${JSON.stringify(node.name)}`);
    const tree = this.set.tree(node.name);
    if (tree === undefined) this.errorf(`template ${JSON.stringify(node.name)} not defined`);
    const arg = node.pipe === undefined ? null : this.evalPipeline(dot, node.pipe);
    if (this.depth + 1 >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const inner = new State(this.set, tree!, arg, this.depth + 1);
    try {
      inner.walk(arg, tree!.root);
    } catch (e) {
      // JavaScript's stack ends before Go's maxExecDepth; the error is the same
      if (e instanceof RangeError) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
      throw e;
    }
    this.out += inner.out;
  }

  // ------------------------------------------------------------ pipelines

  private evalPipelineNoDecl(dot: GoValue, pipe: PipeNode): GoValue {
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    if (value === MISSING) return null;
    // Go digs a nil interface{} out to an invalid value at the end of a pipeline
    return value === null && this.set.missingKey !== 'zero' ? undefined : value;
  }

  evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    const value = this.evalPipelineNoDecl(dot, pipe);
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, value);
      else this.vars.push({ name, value });
    }
    return value;
  }

  private setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) { this.vars[i].value = value; return; }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field': return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        const recv = this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, recv, first, first.field, cmd.args, final);
      }
      case 'identifier': return this.evalFunction(dot, first.name, cmd, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first.pipe);
      case 'variable': {
        const v = this.varValue(first.ident[0]);
        if (first.ident.length === 1) { this.notAFunction(cmd.args, final); return v; }
        return this.evalFieldChain(dot, v, first, first.ident.slice(1), cmd.args, final);
      }
      default:
        break;
    }
    this.at(first.pos, argString(first));
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool': return first.value;
      case 'dot': return dot;
      case 'nil': return this.errorf('nil is not a command');
      case 'number': return first.value;
      case 'string': return first.value;
    }
    return this.errorf(`can't evaluate command ${JSON.stringify(argString(first))}`);
  }

  private notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${argString(args[0])}`);
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, node: ArgNode, ident: readonly string[], args: readonly ArgNode[], final: Final): GoValue {
    this.at(node.pos, argString(node));
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(dot, ident[i], node, [], MISSING, r);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, r);
  }

  private evalField(dot: GoValue, fieldName: string, node: ArgNode, args: readonly ArgNode[], final: Final, receiver: GoValue): GoValue {
    this.at(node.pos, argString(node));
    const hasArgs = args.length > 1 || final !== MISSING;
    if (receiver === undefined && this.set.missingKey !== 'zero') {
      // an invalid receiver (a missing key before): the zero value, unless missingkey=error
      if (this.set.missingKey === 'error') this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return undefined;
    }
    if (receiver === null || receiver === undefined) return this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    if (receiver instanceof GoStruct) {
      if (!(fieldName in receiver.fields)) return this.errorf(`can't evaluate field ${fieldName} in type ${receiver.typeName}`);
      const f = receiver.fields[fieldName];
      if (typeof f === 'function') {
        const argv = args.slice(1).map((a) => this.evalArg(dot, a));
        if (final !== MISSING) argv.push(final);
        return this.call(fieldName, f as TemplateFunc, argv, node.pos, argString(node));
      }
      if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      return f;
    }
    if (isMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (Object.prototype.hasOwnProperty.call(receiver, fieldName)) return receiver[fieldName];
      if (this.set.missingKey === 'error') this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
      return this.set.missingKey === 'zero' ? null : undefined;
    }
    return this.errorf(`can't evaluate field ${fieldName} in type interface {}`);
  }

  private evalFunction(dot: GoValue, name: string, cmd: CommandNode, final: Final): GoValue {
    this.at(cmd.args[0].pos, name);
    const args = cmd.args.slice(1);
    if (name === 'and' || name === 'or') {
      // Go 1.18+: short-circuit; the result is the first false (and) / true (or) argument, or the last
      if (args.length === 0 && final === MISSING) this.errorf(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: GoValue = null;
      const all: Array<() => GoValue> = args.map((a) => () => this.evalArg(dot, a));
      if (final !== MISSING) all.push(() => final);
      for (const thunk of all) {
        v = thunk();
        if (name === 'and' ? !truth(v) : truth(v)) return v;
      }
      return v;
    }
    const fn = this.set.func(name) ?? BUILTIN_FUNCS[name];
    if (fn === undefined) return this.errorf(`${JSON.stringify(name)} is not a defined function`);
    const argv = args.map((a) => this.evalArg(dot, a));
    if (final !== MISSING) argv.push(final);
    return this.call(name, fn, argv, cmd.pos, commandString(cmd), { nodes: args, identPos: cmd.args[0].pos });
  }

  /**
   * Calls a function. A wrong argument type is reported as Go's validateType reports it: at the
   * argument (or at the function's name for the piped-in value), without "error calling".
   */
  private call(name: string, fn: TemplateFunc, argv: GoValue[], pos: number, str: string, where?: { nodes: readonly ArgNode[]; identPos: number }): GoValue {
    try {
      return fn(...argv);
    } catch (e) {
      if (e instanceof ArgTypeError) {
        const got = /got (.*)$/.exec(e.message)?.[1];
        const invalid = e.message.startsWith('invalid value;'); // validateType of an invalid value
        const bad = argv.findIndex((v) => (invalid ? v === undefined : got === 'interface {}' ? v === null || v === undefined : typeNameOf(v) === got));
        if (where !== undefined && bad !== -1 && bad < where.nodes.length) this.at(where.nodes[bad].pos, argString(where.nodes[bad]));
        else if (where !== undefined) this.at(where.identPos, name);
        else this.at(pos, str);
        this.errorf(e.message);
      }
      if (e instanceof FuncError || e instanceof ExecError) {
        this.at(pos, str);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  private evalArg(dot: GoValue, arg: ArgNode): GoValue {
    this.at(arg.pos, argString(arg));
    switch (arg.type) {
      case 'dot': return dot;
      case 'nil': return null;
      case 'bool': return arg.value;
      case 'number': return arg.value;
      case 'string': return arg.value;
      case 'field': return this.evalFieldChain(dot, dot, arg, arg.ident, [arg], MISSING);
      case 'variable': {
        const v = this.varValue(arg.ident[0]);
        return arg.ident.length === 1 ? v : this.evalFieldChain(dot, v, arg, arg.ident.slice(1), [arg], MISSING);
      }
      case 'pipe': return this.evalPipeline(dot, arg.pipe);
      case 'chain': return this.evalFieldChain(dot, this.evalArg(dot, arg.node), arg, arg.field, [arg], MISSING);
      case 'identifier': {
        const fn = this.set.func(arg.name) ?? BUILTIN_FUNCS[arg.name];
        if (arg.name === 'and' || arg.name === 'or' || fn === undefined) return this.errorf(`wrong number of args for ${arg.name}: want at least 1 got 0`);
        return this.call(arg.name, fn, [], arg.pos, arg.name);
      }
    }
  }
}

function pipeString(p: PipeNode): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(commandString).join(' | ');
}

const BUILTIN_FUNCS: FuncMap = builtinFuncs();
