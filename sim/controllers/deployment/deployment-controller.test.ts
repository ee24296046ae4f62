import { applyDefaults } from '../../api/kinds/index';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster, Controller } from '../../engine/types';
import { ctxAt, deployment, describeChanges, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { replicaSetController } from '../replicaset/replica-set';
import { deploymentController, reconcileDeployment } from './deployment-controller';
import { computeHash } from '../../api/naming';

/** The Pod template as the API server stores it: defaulted, as every write is. */
function storedTemplate(d: Deployment, template: Deployment['spec']['template']): Deployment['spec']['template'] {
  return applyDefaults<Deployment>({ ...d, spec: { ...d.spec, template } }).spec.template;
}

test('a new Deployment gets ReplicaSet <name>-<pod-template-hash> with the hash label, revision and replica annotations', () => {
  const d = deployment('nginx-deployment', 3);
  const r = reconcileDeployment(viewWith([d]), 'default/nginx-deployment', ctxAt(0));
  const create = r.changes.find((c) => c.verb === 'create');
  assert.ok(create?.verb === 'create');
  const rs = create.object as ReplicaSet;
  assert.match(rs.metadata.name, /^nginx-deployment-[4-9bcdf]{1,10}$/);
  const hash = rs.metadata.name.slice('nginx-deployment-'.length);
  assert.deepEqual(rs.metadata.labels, { app: 'nginx-deployment', 'pod-template-hash': hash });
  assert.deepEqual(rs.spec.selector.matchLabels, { app: 'nginx-deployment', 'pod-template-hash': hash });
  assert.deepEqual(rs.spec.template.metadata.labels, { app: 'nginx-deployment', 'pod-template-hash': hash });
  assert.equal(rs.spec.replicas, 3);
  assert.deepEqual(rs.metadata.annotations, {
    'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4',
  });
  assert.equal(rs.metadata.ownerReferences?.[0].uid, d.metadata.uid);
  const lines = describeChanges(r.changes);
  assert.ok(lines.includes(`event ScalingReplicaSet Scaled up replica set ${rs.metadata.name} from 0 to 3`));
  const write = r.changes.find((c) => c.verb === 'update' && c.object.kind === 'Deployment');
  assert.ok(write?.verb === 'update');
  const written = write.object as Deployment;
  assert.equal(written.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  const progressing = written.status.conditions?.find((c) => c.type === 'Progressing');
  assert.equal(progressing?.reason, 'NewReplicaSetCreated');
  assert.equal(progressing?.message, `Created new replica set "${rs.metadata.name}"`);
  assert.equal(written.status.conditions?.find((c) => c.type === 'Available')?.reason, 'MinimumReplicasUnavailable');
});

const CONTROLLERS: Controller[] = [deploymentController, replicaSetController, standInKubelet({ readyAfterMs: 1000 })];

function getD(c: Cluster, name = 'web'): Deployment { return c.store.get<Deployment>('Deployment', 'default', name)!; }
function rsOf(c: Cluster): ReplicaSet[] { return [...c.store.list<ReplicaSet>('ReplicaSet', 'default')]; }
function livePods(c: Cluster): Pod[] { return c.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.deletionTimestamp === undefined); }

test('through the engine: a Deployment becomes available and complete with Kubernetes conditions', () => {
  let c = submit(emptyCluster({ seed: 5 }), [{ verb: 'create', object: deployment('web', 3) }], CONTROLLERS).cluster;
  assert.equal(livePods(c).length, 3);
  c = advance(c, 1000, CONTROLLERS);
  const d = getD(c);
  const rs = rsOf(c)[0];
  assert.deepEqual(
    { r: d.status.replicas, u: d.status.updatedReplicas, ready: d.status.readyReplicas, a: d.status.availableReplicas, un: d.status.unavailableReplicas ?? 0, g: d.status.observedGeneration },
    { r: 3, u: 3, ready: 3, a: 3, un: 0, g: 1 },
  );
  const available = d.status.conditions?.find((x) => x.type === 'Available');
  assert.deepEqual([available?.status, available?.reason, available?.message], ['True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.']);
  const progressing = d.status.conditions?.find((x) => x.type === 'Progressing');
  assert.deepEqual([progressing?.status, progressing?.reason, progressing?.message], ['True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`]);
  const events = c.events.slice().filter((e) => e.source === 'deployment-controller').map((e) => e.message);
  assert.deepEqual(events, [`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
});

test('through the engine: scaling a Deployment scales its ReplicaSet (one event each way)', () => {
  let c = submit(emptyCluster({ seed: 6 }), [{ verb: 'create', object: deployment('web', 3) }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  const d = getD(c);
  c = submit(c, [{ verb: 'update', object: { ...d, spec: { ...d.spec, replicas: 5 } } }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  assert.equal(livePods(c).length, 5);
  assert.equal(getD(c).status.availableReplicas, 5);
  const rs = rsOf(c)[0];
  assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'], '5');
  const last = c.events.slice().filter((e) => e.source === 'deployment-controller').map((e) => e.message).pop();
  assert.equal(last, `Scaled up replica set ${rs.metadata.name} from 3 to 5`);
});

test('through the engine: a rolling update stays within maxSurge and maxUnavailable and ends on the new ReplicaSet', () => {
  const replicas = 4; // 25%/25%: surge 1, unavailable 1
  let c = submit(emptyCluster({ seed: 7 }), [{ verb: 'create', object: deployment('web', replicas) }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  const d = getD(c);
  const t = d.spec.template;
  const v2 = { ...d, spec: { ...d.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:1.9.1' }] } } } };
  c = submit(c, [{ verb: 'update', object: v2 }], CONTROLLERS).cluster;
  for (let i = 0; i < 20; i++) {
    const pods = livePods(c);
    assert.ok(pods.length <= replicas + 1, `at t=${c.nowMs}ms ${pods.length} pods exist, more than replicas + maxSurge`);
    const ready = pods.filter((p) => p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
    assert.ok(ready >= replicas - 1, `at t=${c.nowMs}ms only ${ready} ready pods`);
    c = advance(c, 500, CONTROLLERS);
  }
  const all = rsOf(c);
  assert.equal(all.length, 2);
  const [oldRS, newRS] = [...all].sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']));
  assert.equal(oldRS.spec.replicas, 0);
  assert.equal(newRS.spec.replicas, replicas);
  assert.equal(newRS.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  assert.equal(getD(c).metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  assert.equal(getD(c).status.updatedReplicas, replicas);
  assert.ok(livePods(c).every((p) => p.spec.containers[0].image === 'nginx:1.9.1'));
  assert.equal(getD(c).status.conditions?.find((x) => x.type === 'Progressing')?.reason, 'NewReplicaSetAvailable');
});

test('through the engine: Recreate scales the old ReplicaSet to 0 before the new one comes up', () => {
  let c = submit(emptyCluster({ seed: 8 }), [{ verb: 'create', object: deployment('web', 3, { strategy: { type: 'Recreate' } }) }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  const d = getD(c);
  const t = d.spec.template;
  const v2 = { ...d, spec: { ...d.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:1.9.1' }] } } } };
  c = submit(c, [{ verb: 'update', object: v2 }], CONTROLLERS).cluster;
  const images = new Set(livePods(c).map((p) => p.spec.containers[0].image));
  assert.ok(!(images.has('nginx:1.7.9') && images.has('nginx:1.9.1')), 'old and new Pods never run together');
  c = advance(c, 2000, CONTROLLERS);
  assert.deepEqual(livePods(c).map((p) => p.spec.containers[0].image), ['nginx:1.9.1', 'nginx:1.9.1', 'nginx:1.9.1']);
  assert.equal(getD(c).status.availableReplicas, 3);
});

test('a quiet, complete Deployment returns no changes', () => {
  let c = submit(emptyCluster({ seed: 9 }), [{ verb: 'create', object: deployment('web', 2) }], CONTROLLERS).cluster;
  c = advance(c, 5000, CONTROLLERS);
  const view = viewWith([...c.store.list('Deployment', 'default'), ...c.store.list('ReplicaSet', 'default'), ...c.store.list('Pod', 'default')], c.nowMs);
  assert.deepEqual(reconcileDeployment(view, 'default/web', ctxAt(c.nowMs)).changes, []);
});

test('through the engine: a stuck rollout (10 replicas, maxSurge 3, maxUnavailable 2) scaled to 15 grows old and new proportionally, 3 and 2', () => {
  const strategy = { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
  const base = deployment('web', 10, { strategy });
  const t = base.spec.template;
  const broken = { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:does-not-exist' }] } };
  const newRSName = `web-${computeHash(storedTemplate(base, broken))}`; // the API server stores the template defaulted
  const ctl: Controller[] = [deploymentController, replicaSetController, standInKubelet({ readyAfterMs: 1000, neverReady: new RegExp(`^${newRSName}-`) })];
  let c = submit(emptyCluster({ seed: 11 }), [{ verb: 'create', object: base }], ctl).cluster;
  c = advance(c, 1000, ctl);
  const d = getD(c);
  c = submit(c, [{ verb: 'update', object: { ...d, spec: { ...d.spec, template: broken } } }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  const sizes = (): Record<string, number> => Object.fromEntries(rsOf(c).map((rs) => [rs.metadata.name === newRSName ? 'new' : 'old', rs.spec.replicas]));
  assert.deepEqual(sizes(), { old: 8, new: 5 });
  const d2 = getD(c);
  c = submit(c, [{ verb: 'update', object: { ...d2, spec: { ...d2.spec, replicas: 15 } } }], ctl).cluster;
  assert.deepEqual(sizes(), { old: 11, new: 7 });
  for (const rs of rsOf(c)) {
    assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'], '15');
    assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'], '18');
  }
});

test('through the engine: a rollout that makes no progress times out with ProgressDeadlineExceeded', () => {
  const base = deployment('web', 2);
  const spec = { ...base.spec, progressDeadlineSeconds: 30 };
  const t = base.spec.template;
  const broken = { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:broken' }] } };
  const newRSName = `web-${computeHash(storedTemplate(base, broken))}`; // the API server stores the template defaulted
  const ctl: Controller[] = [deploymentController, replicaSetController, standInKubelet({ readyAfterMs: 1000, neverReady: new RegExp(`^${newRSName}-`) })];
  let c = submit(emptyCluster({ seed: 12 }), [{ verb: 'create', object: { ...base, spec } }], ctl).cluster;
  c = advance(c, 1000, ctl);
  const d = getD(c);
  c = submit(c, [{ verb: 'update', object: { ...d, spec: { ...d.spec, template: broken } } }], ctl).cluster;
  c = advance(c, 30_000, ctl);
  assert.equal(getD(c).status.conditions?.find((x) => x.type === 'Progressing')?.reason, 'ReplicaSetUpdated');
  c = advance(c, 2_000, ctl);
  const p = getD(c).status.conditions?.find((x) => x.type === 'Progressing');
  assert.deepEqual([p?.status, p?.reason, p?.message], ['False', 'ProgressDeadlineExceeded', `ReplicaSet "${newRSName}" has timed out progressing.`]);
});

function withImage(d: Deployment, image: string): Deployment {
  const t = d.spec.template;
  return { ...d, spec: { ...d.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image }] } } } };
}

test('through the engine: rolling back to an old template reuses its ReplicaSet with a new, highest revision', () => {
  let c = submit(emptyCluster({ seed: 13 }), [{ verb: 'create', object: deployment('web', 2) }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  const firstRS = rsOf(c)[0].metadata.name;
  c = submit(c, [{ verb: 'update', object: withImage(getD(c), 'nginx:1.9.1') }], CONTROLLERS).cluster;
  c = advance(c, 10_000, CONTROLLERS);
  c = submit(c, [{ verb: 'update', object: withImage(getD(c), 'nginx:1.7.9') }], CONTROLLERS).cluster;
  c = advance(c, 10_000, CONTROLLERS);
  assert.equal(rsOf(c).length, 2, 'no third ReplicaSet: the first one is the new one again');
  const rs = c.store.get<ReplicaSet>('ReplicaSet', 'default', firstRS)!;
  assert.equal(rs.spec.replicas, 2);
  assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
  assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(getD(c).metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
});

test('through the engine: a paused Deployment does not roll out and says so; resuming rolls out', () => {
  let c = submit(emptyCluster({ seed: 14 }), [{ verb: 'create', object: deployment('web', 2) }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  const paused = { ...getD(c), spec: { ...getD(c).spec, paused: true } };
  c = submit(c, [{ verb: 'update', object: paused }], CONTROLLERS).cluster;
  const p = getD(c).status.conditions?.find((x) => x.type === 'Progressing');
  assert.deepEqual([p?.status, p?.reason, p?.message], ['Unknown', 'DeploymentPaused', 'Deployment is paused']);
  c = submit(c, [{ verb: 'update', object: withImage(getD(c), 'nginx:1.9.1') }], CONTROLLERS).cluster;
  c = advance(c, 5000, CONTROLLERS);
  assert.equal(rsOf(c).length, 1, 'no new ReplicaSet while paused');
  c = submit(c, [{ verb: 'update', object: { ...getD(c), spec: { ...getD(c).spec, paused: false } } }], CONTROLLERS).cluster;
  c = advance(c, 10_000, CONTROLLERS);
  assert.equal(rsOf(c).length, 2);
  assert.ok(livePods(c).every((x) => x.spec.containers[0].image === 'nginx:1.9.1'));
});

test('through the engine: revisionHistoryLimit deletes the oldest scaled-down ReplicaSets once the rollout completes', () => {
  const base = deployment('web', 1);
  let c = submit(emptyCluster({ seed: 15 }), [{ verb: 'create', object: { ...base, spec: { ...base.spec, revisionHistoryLimit: 1 } } }], CONTROLLERS).cluster;
  c = advance(c, 1000, CONTROLLERS);
  for (const image of ['nginx:2', 'nginx:3']) {
    c = submit(c, [{ verb: 'update', object: withImage(getD(c), image) }], CONTROLLERS).cluster;
    c = advance(c, 10_000, CONTROLLERS);
  }
  const revisions = rsOf(c).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
  assert.deepEqual(revisions, ['2', '3']);
});
