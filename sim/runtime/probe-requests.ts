import type { Container, Node, Pod, Probe } from '../api/types';
import type { Cluster } from '../engine/types';
import type { PodRt } from '../kubelet/types';
import { probeTiming } from '../kubelet/prober/worker';
import { resolvePort } from '../kubelet/prober/probe';
import type { AccessEntry } from './access-log';
import { podCidrAddress } from './bridge-address';
import { behaviourOf } from './image-behaviours';
import { containerVfs, httpAnswer, listensOn, type ServingContainer } from './process';
import type { Tree } from './fs';

// The kubelet's httpGet probes, as the probed server sees them: one GET per tick, derived when the
// log is read rather than recorded (a settled probe does not even wake the simulated kubelet).
// Ticks sit on each worker's ticker (worker.go run: started at the Pod's first sync, the grid kept in
// the worker's nextMs); the first counted one is after the container's start and past
// initialDelaySeconds (doProbe). Manual readiness triggers off the grid are not derived here.
// The startup probe runs until its first success; liveness and readiness from
// the tick after it (or from the start when there is none), until the instance ended. The
// kubelet dials the Pod IP from the node, so the server sees the node's cni0 address; its
// User-Agent is kube-probe/<major>.<minor> (pkg/probe/http: ProbeUserAgent).

export interface ProbedInstance {
  readonly index: number;
  readonly id: number;
  readonly startedMs: number;
  /** When the instance stopped being probed: its end, or now while it runs. */
  readonly untilMs: number;
}

export function probeRequests(cluster: Cluster, pod: Pod, rt: PodRt, spec: Container, inst: ProbedInstance): AccessEntry[] {
  const probes = [spec.startupProbe, spec.livenessProbe, spec.readinessProbe];
  if (probes.every((p) => p?.httpGet === undefined)) return [];
  const node = cluster.store.get<Node>('Node', '', rt.node);
  const hostFiles = cluster.tables.nodes.get(rt.node)?.hostFiles as Tree | undefined;
  const rootfs = rt.containers[inst.index]?.rootfs;
  const s: ServingContainer = {
    running: true, startedMs: inst.startedMs, isShell: false, behaviour: behaviourOf(cluster.tables.images, spec.image), container: spec,
    read: (path) => (rootfs === undefined ? undefined : containerVfs(pod, spec, rootfs, rt.volumes, hostFiles).read(path)),
  };
  const client = (pod.spec.hostNetwork ? rt.hostIP : podCidrAddress(node, 1)) ?? rt.hostIP;
  const version = /^v?(\d+)\.(\d+)/.exec(node?.status?.nodeInfo?.kubeletVersion ?? '');
  const userAgent = version === null ? 'kube-probe' : `kube-probe/${version[1]}.${version[2]}`;
  const out: AccessEntry[] = [];
  const ask = (p: Probe, t: number): 'success' | 'failure' | 'refused' => {
    const port = resolvePort(spec, p.httpGet!.port);
    const raw = p.httpGet!.path ?? '/';
    const path = raw.startsWith('/') ? raw : `/${raw}`;
    if (port === undefined || !listensOn(s, port, t)) return 'refused';
    const a = httpAnswer(s, port, path, t);
    if ('refused' in a) return 'refused';
    out.push({ tMs: t, container: inst.index, instance: inst.id, client, method: 'GET', path, status: a.status, bytes: a.body.length, userAgent });
    return a.status >= 200 && a.status < 400 ? 'success' : 'failure';
  };
  // The startup probe: until it succeeds (a probe that fails for good ends the instance).
  let startedMs = inst.startedMs;
  const startup = spec.startupProbe;
  if (startup !== undefined) {
    startedMs = Infinity;
    for (let t = firstTick(rt, inst, 'startup', startup, inst.startedMs); t <= inst.untilMs; t += probeTiming(startup).periodMs) {
      if (startup.httpGet === undefined) break;
      if (ask(startup, t) === 'success') { startedMs = t; break; }
    }
    // An exec or tcpSocket startup probe: its success time is not derived here; count from the start.
    if (startup.httpGet === undefined) startedMs = inst.startedMs;
  }
  for (const [kind, p] of [['liveness', spec.livenessProbe], ['readiness', spec.readinessProbe]] as const) {
    if (p?.httpGet === undefined || !Number.isFinite(startedMs)) continue;
    for (let t = firstTick(rt, inst, kind, p, startup === undefined ? inst.startedMs : startedMs + 1); t <= inst.untilMs; t += probeTiming(p).periodMs) ask(p, t);
  }
  return out.sort((a, b) => a.tMs - b.tMs);
}

/** The first tick of the container's `kind` worker at or after `atLeastMs` that doProbe runs: after the start, past initialDelaySeconds. */
function firstTick(rt: PodRt, inst: ProbedInstance, kind: 'startup' | 'liveness' | 'readiness', p: Probe, atLeastMs: number): number {
  const { periodMs } = probeTiming(p);
  const gridMs = rt.containers[inst.index]?.[kind]?.nextMs ?? inst.startedMs;
  const from = Math.max(atLeastMs, inst.startedMs + 1, inst.startedMs + (p.initialDelaySeconds ?? 0) * 1000);
  return gridMs + Math.ceil((from - gridMs) / periodMs) * periodMs;
}
