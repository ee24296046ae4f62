// A rollout property's counterexample as a ready-to-paste Gherkin scenario, in kubespec's own step
// vocabulary (docs/steps.md), so a failure found by fast-check becomes a feature-file regression.
// Used by sim/controllers/deployment/rollout.prop.ts as checkProperty's `explain`.

export interface RolloutCase {
  readonly replicas: number;
  /** As the manifest writes them: 1 or "25%". */
  readonly maxSurge: number | string;
  readonly maxUnavailable: number | string;
  /** How long the new image takes to become ready, or never (it answers 500 on the readiness path). */
  readonly newPodsReadyAfterMs: number | 'never';
  /** maxSurge and maxUnavailable resolved against replicas (ResolveFenceposts). */
  readonly surge: number;
  readonly unavailable: number;
  /** The simulated cluster's seed, for the replay line. */
  readonly clusterSeed?: number;
  /** Worker nodes of the simulated cluster (default 3). */
  readonly workers?: number;
  /** Claim ids the property checks: the scenario's @claim: tags. */
  readonly claims?: readonly string[];
}

const DEPLOYMENT = 'web';

// The property bounds Σ spec.replicas of the ReplicaSets; the step "at most N pods exist" counts Pod
// objects, which the ReplicaSet controller may briefly create before it deletes the old ones, so it
// would fail where the property holds. Until a step checks the sum, the bound is a comment.
const SURGE_NOTE = (max: number): string[] => [
  `  # The property also requires that the ReplicaSets never total more than ${max} replicas (replicas + maxSurge);`,
  '  # no step checks that sum over a rollout yet ("at most N pods exist" counts Pods, which may briefly outnumber it).',
];

/** The scenario, indented to sit under a `Feature:` line. */
export function rolloutScenario(c: RolloutCase): string {
  const never = c.newPodsReadyAfterMs === 'never';
  const ready = never ? 'new Pods never ready' : `new Pods ready after ${words(c.newPodsReadyAfterMs as number)}`;
  const lines: string[] = [
    `# Counterexample of the rollout property as a scenario: paste it under a Feature in features/rollout/${c.clusterSeed !== undefined ? ` and run it with SIM_SEED=${c.clusterSeed}` : ''}.`,
    ...(c.claims !== undefined && c.claims.length > 0 ? [c.claims.map((id) => `@claim:${id}`).join(' ')] : []),
    `Scenario: A rolling update of ${c.replicas} replicas with maxSurge ${c.maxSurge} and maxUnavailable ${c.maxUnavailable}, ${ready}`,
    `  Of ${c.replicas} replicas, maxSurge resolves to ${c.surge} and maxUnavailable to ${c.unavailable}.`,
    `  Given a cluster with ${(c.workers ?? 3) + 1} nodes`,
    `  And image "web:v1" takes 0 seconds to start`,
    never ? `  And image "web:v2" answers 500 on "/"` : `  And image "web:v2" takes ${words(c.newPodsReadyAfterMs as number)} to start`,
    '  And I apply:',
    '    """',
    ...manifest(c).split('\n').map((l) => `    ${l}`.trimEnd()),
    '    """',
    `  And the rollout of deployment "${DEPLOYMENT}" completes within 5 minutes`,
    `  When I run "kubectl set image deployment/${DEPLOYMENT} web=web:v2"`,
  ];
  if (never) {
    const newSize = Math.min(c.replicas, c.unavailable + c.surge);
    lines.push(
      '  And 30 minutes pass',
      `  Then for 1 minute at least ${c.replicas - c.unavailable} replicas of deployment "${DEPLOYMENT}" are available throughout`,
      `  And deployment "${DEPLOYMENT}" has "status.updatedReplicas" equal to "${newSize}"`,
      `  And deployment "${DEPLOYMENT}" has "status.replicas" equal to "${c.replicas - c.unavailable + newSize}"`,
    );
  } else {
    lines.push(
      `  Then the rollout of deployment "${DEPLOYMENT}" completes within 30 minutes`,
      `  And at all times during the rollout of deployment "${DEPLOYMENT}" at least ${c.replicas - c.unavailable} replicas are available`,
    );
  }
  lines.push(...SURGE_NOTE(c.replicas + c.surge));
  return lines.map((l) => `  ${l}`).join('\n');
}

/** The property's Deployment (rollout.prop.ts), v1. */
function manifest(c: RolloutCase): string {
  const q = (v: number | string): string => (typeof v === 'string' ? `"${v}"` : String(v));
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${DEPLOYMENT}
spec:
  replicas: ${c.replicas}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: ${q(c.maxSurge)}
      maxUnavailable: ${q(c.maxUnavailable)}
  selector:
    matchLabels: {app: ${DEPLOYMENT}}
  template:
    metadata:
      labels: {app: ${DEPLOYMENT}}
    spec:
      containers:
      - name: web
        image: web:v1
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}`;
}

/** 12000 -> "12 seconds", 1000 -> "1 second", 1500 -> "1500 milliseconds" (the {duration} words). */
function words(ms: number): string {
  if (ms % 1000 !== 0) return `${ms} milliseconds`;
  const s = ms / 1000;
  return `${s} second${s === 1 ? '' : 's'}`;
}
