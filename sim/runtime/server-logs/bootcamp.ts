import type { AccessEntry } from '../access-log';
import type { ServerLog, ServerLogContext } from './types';

// The book's first app, jocatalin/kubernetes-bootcamp (the Kubernetes Basics tutorial's server.js
// on Node.js): on listening it logs
//   console.log("Kubernetes Bootcamp App Started At:", startTime, "| Running On: ", host, "\n")
// and on every request
//   console.log("Running On:", host, "| Total Requests:", ++requests, "| App Uptime:", (new Date() - startTime)/1000, "seconds", "| Log Time:", new Date())
// console.log joins its arguments with spaces and prints a Date as toISOString() does; host is $HOSTNAME.

const iso = (epochMs: number) => new Date(epochMs).toISOString();

export const bootcampLog: ServerLog = {
  start(ctx: ServerLogContext) {
    if (ctx.command !== undefined && ctx.command.length > 0) return [];
    return [`Kubernetes Bootcamp App Started At: ${iso(ctx.epochMs + ctx.startedMs)} | Running On:  ${ctx.hostname} `, ''];
  },
  access(e: AccessEntry, ctx: ServerLogContext, n: number) {
    const uptime = (e.tMs - ctx.startedMs) / 1000;
    return `Running On: ${ctx.hostname} | Total Requests: ${n} | App Uptime: ${uptime} seconds | Log Time: ${iso(ctx.epochMs + e.tMs)}`;
  },
};
