// The container shell: parse, run (resumable, virtual time), commands.
export { parseSh, ShSyntaxError } from './parse';
export { startSh, startNode, runSh, runSync, expandWord, STEP_BUDGET, type ShProcess, type ShIo, type Env, type NetCommand } from './interp';
export { runCommand, busyboxDate, isKnownCommand, READ_ONLY_COMMANDS, type CommandResult } from './commands';
export type { Node, Word, Part, Redir } from './ast';
export { literalCommand } from './ast';
