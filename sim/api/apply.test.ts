import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitObject, planManifests, type PlanOptions } from './apply';
import { applyManifests, submit, emptyCluster, type Cluster } from '../index';
import type { Deployment, KubeObject } from './types';

// The write path as kubectl drives it: every bad input gives one clear message naming the file,
// line or field, and plans nothing; good input is created, configured or left unchanged.

const APPLY: PlanOptions = { mode: 'apply', source: 'nginx.yml' };

function clusterWithDefaultNamespace(): Cluster {
  const { cluster, errors } = applyManifests(emptyCluster({ seed: 1 }), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n', { mode: 'create', source: 'ns.yml' });
  assert.deepEqual(errors, []);
  return cluster;
}

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.7.9
        ports:
        - containerPort: 80
`;

/** Plans `text` against a cluster holding the default namespace; asserts exactly one error and no changes. */
function rejected(text: string, opts: PlanOptions = APPLY, cluster = clusterWithDefaultNamespace()): string {
  const plan = planManifests(cluster.store, text, opts);
  assert.deepEqual(plan.changes, [], 'nothing may be planned');
  assert.deepEqual(plan.lines, []);
  assert.equal(plan.errors.length, 1, `one error expected, got: ${JSON.stringify(plan.errors)}`);
  return plan.errors[0];
}

test('malformed YAML names the file and the line', () => {
  const error = rejected('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: [\n');
  assert.match(error, /^error: error parsing nginx\.yml: error converting YAML to JSON: yaml: line \d+: /);
  const line = Number(/line (\d+)/.exec(error)![1]);
  assert.ok(line >= 4 && line <= 6, `line ${line} should point at the broken indentation`);
});

test('a repeated key names the key and its line', () => {
  assert.equal(rejected('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  name: y\n'),
    'error: error parsing nginx.yml: error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map');
});

test('an alias to a missing anchor is a parse error, not an exception', () => {
  assert.equal(rejected('apiVersion: v1\nkind: Pod\nmetadata:\n  name: *web\n'),
    "error: error parsing nginx.yml: error converting YAML to JSON: yaml: line 1: unknown anchor 'web' referenced");
});

test('a document without apiVersion or kind', () => {
  assert.equal(rejected('metadata:\n  name: web\n'),
    'error: error validating "nginx.yml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false');
  assert.equal(rejected('apiVersion: v1\nmetadata:\n  name: web\n'),
    'error: error validating "nginx.yml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false');
});

test('an unknown kind is a resource mapping error', () => {
  assert.equal(rejected('apiVersion: v1\nkind: Deploymnet\nmetadata:\n  name: web\n'),
    'error: resource mapping not found for name: "web" namespace: "" from "nginx.yml": no matches for kind "Deploymnet" in version "v1"\nensure CRDs are installed first');
  assert.match(rejected(NGINX.replace('apps/v1', 'extensions/v1beta1')), /no matches for kind "Deployment" in version "extensions\/v1beta1"/);
});

test('a missing name: kubectl apply cannot look the object up; create is refused by the API server', () => {
  const noName = NGINX.replace('  name: nginx-deployment\n', '  labels: {app: nginx}\n');
  assert.equal(rejected(noName),
    'error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "", Namespace: "default"\nfrom server for: "nginx.yml": resource name may not be empty');
  assert.equal(rejected(noName, { mode: 'create', source: 'nginx.yml' }), 'The Deployment "" is invalid: metadata.name: Required value: name or generateName is required');
});

test('a missing image names the container', () => {
  assert.equal(rejected(NGINX.replace('        image: nginx:1.7.9\n', '')),
    'The Deployment "nginx-deployment" is invalid: spec.template.spec.containers[0].image: Required value');
});

test('negative replicas', () => {
  assert.equal(rejected(NGINX.replace('replicas: 2', 'replicas: -1')),
    'The Deployment "nginx-deployment" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
});

test('a selector that does not match the template labels', () => {
  assert.equal(rejected(NGINX.replace('      app: nginx\n  template', '      app: web\n  template')),
    'The Deployment "nginx-deployment" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`');
});

test('names that are not DNS-1123 subdomains (workloads) or DNS-1035 labels (Services)', () => {
  assert.equal(rejected(NGINX.replace('name: nginx-deployment', 'name: Nginx_Deployment')),
    "The Deployment \"Nginx_Deployment\" is invalid: metadata.name: Invalid value: \"Nginx_Deployment\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  assert.equal(rejected('apiVersion: v1\nkind: Service\nmetadata:\n  name: 8080-svc\nspec:\n  ports:\n  - port: 80\n'),
    "The Service \"8080-svc\" is invalid: metadata.name: Invalid value: \"8080-svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
});

test('kubectl create of an object that exists', () => {
  const { cluster } = applyManifests(clusterWithDefaultNamespace(), NGINX, APPLY);
  assert.equal(rejected(NGINX, { mode: 'create', source: 'nginx.yml' }, cluster),
    'Error from server (AlreadyExists): error when creating "nginx.yml": deployments.apps "nginx-deployment" already exists');
});

test('restartPolicy Never in a Deployment', () => {
  assert.equal(rejected(NGINX.replace('      containers:', '      restartPolicy: Never\n      containers:')),
    'The Deployment "nginx-deployment" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
});

test('an unknown field (strict field validation, kubectl\'s default)', () => {
  assert.equal(rejected(NGINX.replace('replicas: 2', 'replica: 2')),
    'Error from server (BadRequest): error when creating "nginx.yml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
  assert.equal(rejected(NGINX.replace('replicas: 2', 'replicas: two')),
    'Error from server (BadRequest): error when creating "nginx.yml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
});

test('a namespace that does not exist', () => {
  assert.equal(rejected(NGINX.replace('  name: nginx-deployment', '  name: nginx-deployment\n  namespace: prod')),
    'Error from server (NotFound): error when creating "nginx.yml": namespaces "prod" not found');
});

test('one bad document in a file stops the whole file', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  selector: {app: nginx}\n  ports:\n  - port: 80\n';
  const error = rejected(`${svc}---\n${NGINX.replace('replicas: 2', 'replicas: -2')}`);
  assert.match(error, /spec\.replicas: Invalid value: -2/);
});

test('apply creates, then an unchanged apply is a no-op', () => {
  const first = applyManifests(clusterWithDefaultNamespace(), NGINX, APPLY);
  assert.deepEqual(first.errors, []);
  assert.deepEqual(first.lines, ['deployment.apps/nginx-deployment created']);
  const plan = planManifests(first.cluster.store, NGINX, APPLY);
  const { locals, ...rest } = plan;
  assert.deepEqual(rest, { changes: [], lines: ['deployment.apps/nginx-deployment unchanged'], errors: [], refs: [{ kind: 'Deployment', namespace: 'default', name: 'nginx-deployment' }] });
  // The object as kubectl read it, namespace set by the builder: what --dry-run=client prints.
  assert.deepEqual(locals?.[0].metadata, { name: 'nginx-deployment', namespace: 'default' });
  const again = applyManifests(first.cluster, NGINX, APPLY);
  assert.deepEqual(again.lines, ['deployment.apps/nginx-deployment unchanged']);
  const before = first.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
  const after = again.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
  assert.equal(after.metadata.resourceVersion, before.metadata.resourceVersion);
});

test('apply of a changed spec is "configured": generation +1, resourceVersion moves', () => {
  const first = applyManifests(clusterWithDefaultNamespace(), NGINX, APPLY);
  const before = first.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
  assert.equal(before.metadata.generation, 1);
  const next = applyManifests(first.cluster, NGINX.replace('nginx:1.7.9', 'nginx:1.9.1'), APPLY);
  assert.deepEqual(next.errors, []);
  assert.deepEqual(next.lines, ['deployment.apps/nginx-deployment configured']);
  const after = next.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
  assert.equal(after.metadata.generation, 2);
  assert.ok(Number(after.metadata.resourceVersion) > Number(before.metadata.resourceVersion));
  assert.equal(after.metadata.uid, before.metadata.uid);
  assert.equal(after.spec.template.spec.containers[0].image, 'nginx:1.9.1');
  assert.equal(after.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent', 'the merged object is defaulted again');
});

test('three-way merge: replicas set by someone else survive an apply whose manifest omits replicas', () => {
  const noReplicas = NGINX.replace('  replicas: 2\n', '');
  const first = applyManifests(clusterWithDefaultNamespace(), noReplicas, APPLY);
  assert.equal(first.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!.spec.replicas, 1, 'defaulted to 1');
  // `kubectl scale --replicas=5`: an update that does not touch last-applied-configuration.
  const live = first.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
  const scaled = submit(first.cluster, [{ verb: 'update', object: { ...live, spec: { ...live.spec, replicas: 5 } } as KubeObject }]);
  assert.deepEqual(scaled.errors, []);
  const reapplied = applyManifests(scaled.cluster, noReplicas.replace('nginx:1.7.9', 'nginx:1.9.1'), APPLY);
  assert.deepEqual(reapplied.lines, ['deployment.apps/nginx-deployment configured']);
  const after = reapplied.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!;
  assert.equal(after.spec.replicas, 5);
  assert.equal(after.spec.template.spec.containers[0].image, 'nginx:1.9.1');
  // ...while a field the previous apply set and this one drops is removed (and defaulted again).
  const withSurge = applyManifests(clusterWithDefaultNamespace(), NGINX.replace('  replicas: 2\n', '  replicas: 2\n  revisionHistoryLimit: 3\n'), APPLY);
  const dropped = applyManifests(withSurge.cluster, NGINX, APPLY);
  assert.equal(dropped.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment')!.spec.revisionHistoryLimit, 10);
});

test('applying a Pod twice is unchanged even though admission added tolerations and a service account', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: httpd\n  tolerations:\n  - {key: dedicated, operator: Exists, effect: NoSchedule}\n';
  const first = applyManifests(clusterWithDefaultNamespace(), pod, APPLY);
  assert.deepEqual(first.errors, []);
  const again = planManifests(first.cluster.store, pod, APPLY);
  assert.deepEqual(again.lines, ['pod/web unchanged']);
  const changed = planManifests(first.cluster.store, pod.replace('image: httpd', 'image: httpd\n    ports: [{containerPort: 80}]'), APPLY);
  assert.equal(changed.errors.length, 1);
  assert.match(changed.errors[0], /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
});

test('a NodePort Service can be turned back into a ClusterIP one (dropTypeDependentFields)', () => {
  const np = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n';
  const first = applyManifests(clusterWithDefaultNamespace(), np, APPLY);
  const live = first.cluster.store.get<KubeObject>('Service', 'default', 'web')!;
  // The service registry allocates a node port (sim/network's job); write one as it would.
  const spec = live.spec as { ports: { port: number }[] };
  const allocated = submit(first.cluster, [{ verb: 'update', object: { ...live, spec: { ...spec, ports: [{ ...spec.ports[0], nodePort: 30080 }] } } as KubeObject }]);
  assert.deepEqual(allocated.errors, []);
  const back = applyManifests(allocated.cluster, np.replace('type: NodePort', 'type: ClusterIP'), APPLY);
  assert.deepEqual(back.errors, []);
  const ports = (back.cluster.store.get<KubeObject>('Service', 'default', 'web')!.spec as { ports: Record<string, unknown>[] }).ports;
  assert.equal(ports[0].nodePort, undefined);
  const again = applyManifests(allocated.cluster, np, APPLY);
  assert.equal((again.cluster.store.get<KubeObject>('Service', 'default', 'web')!.spec as { ports: Record<string, unknown>[] }).ports[0].nodePort, 30080, 'the allocated node port survives a re-apply');
});

test('last-applied-configuration is the manifest as kubectl stores it (sorted keys, empty annotations kept)', () => {
  const { cluster } = applyManifests(clusterWithDefaultNamespace(), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: web\n    image: httpd\n', APPLY);
  const pod = cluster.store.get<KubeObject>('Pod', 'default', 'web')!;
  assert.equal(pod.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"httpd","name":"web"}]}}\n');
});

test('Services get a cluster IP (and node ports) when created, distinct within one file, kept on re-apply', () => {
  const svc = (n: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${n}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n`;
  const { cluster, errors } = applyManifests(clusterWithDefaultNamespace(), `${svc('a')}---\n${svc('b')}`, APPLY);
  assert.deepEqual(errors, []);
  type Spec = { clusterIP: string; ports: { nodePort: number }[] };
  const a = cluster.store.get<KubeObject>('Service', 'default', 'a')!.spec as Spec;
  const b = cluster.store.get<KubeObject>('Service', 'default', 'b')!.spec as Spec;
  assert.match(a.clusterIP, /^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/);
  assert.notEqual(a.clusterIP, b.clusterIP);
  assert.notEqual(a.ports[0].nodePort, b.ports[0].nodePort);
  assert.ok(a.ports[0].nodePort >= 30000 && a.ports[0].nodePort <= 32767);
  assert.deepEqual(planManifests(cluster.store, svc('a'), APPLY).lines, ['service/a unchanged']);
});

test('admitObject runs defaults, validation and allocation for objects built in code', () => {
  const view = clusterWithDefaultNamespace().store;
  const meta = { name: 'web', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' };
  const ok = admitObject(view, { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  assert.equal(ok.error, undefined);
  assert.equal((ok.object!.spec as { type: string }).type, 'ClusterIP');
  assert.match((ok.object!.spec as { clusterIP: string }).clusterIP, /^10\./);
  const bad = admitObject(view, { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [{ name: 'web' }] } });
  assert.equal(bad.error, 'The Pod "web" is invalid: spec.containers[0].image: Required value');
});

test('apply on an object created without last-applied-configuration warns (apply.go warningNoLastAppliedConfigAnnotation) and patches it in', () => {
  const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - {name: nginx, image: nginx}\n';
  const created = applyManifests(clusterWithDefaultNamespace(), manifest, { mode: 'create', source: 'web.yml' });
  assert.deepEqual(created.errors, []);
  assert.equal(created.cluster.store.get('Deployment', 'default', 'web')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'], undefined);
  const applied = applyManifests(created.cluster, manifest, { mode: 'apply', source: 'web.yml' });
  assert.deepEqual(applied.lines, ['deployment.apps/web configured']);
  assert.deepEqual(applied.warnings, ['Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.']);
  assert.notEqual(applied.cluster.store.get('Deployment', 'default', 'web')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'], undefined);
  assert.deepEqual(applyManifests(applied.cluster, manifest, { mode: 'apply', source: 'web.yml' }).warnings ?? [], []);
  const saved = applyManifests(clusterWithDefaultNamespace(), manifest, { mode: 'create', source: 'web.yml', saveConfig: true });
  assert.notEqual(saved.cluster.store.get('Deployment', 'default', 'web')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'], undefined);
  assert.deepEqual(applyManifests(saved.cluster, manifest, { mode: 'apply', source: 'web.yml' }).warnings ?? [], []);
});
