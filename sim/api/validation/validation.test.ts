import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { KubeObject } from '../types';
import { formatFieldError } from '../field-errors';
import { kindInfo } from '../kinds';
import '../kinds/index';
import { Store } from '../../store/store';

// Each kind's validation, run as the API server runs it: on the defaulted object. Messages are
// compared whole, as `field: Type: value: detail` (field.Error.Error()).

const view = Store.empty();

function check(yamlText: string, old?: string): string[] {
  const raw = parse(yamlText) as Record<string, any>;
  const info = kindInfo(raw.kind)!;
  const prep = (r: Record<string, any>) => info.defaults({ ...r, metadata: { namespace: info.namespaced ? 'default' : undefined, ...r.metadata } } as KubeObject);
  const prev = old === undefined ? undefined : prep(parse(old));
  return info.validate(prep(raw), prev, view).map(formatFieldError);
}

const deployment = (spec: string, name = 'nginx') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
${spec.split('\n').map((l) => `  ${l}`).join('\n')}`;

const GOOD_SPEC = `replicas: 3
selector: {matchLabels: {app: nginx}}
template:
  metadata: {labels: {app: nginx}}
  spec:
    containers:
    - {name: nginx, image: "nginx:1.7.9", ports: [{containerPort: 80}]}`;

test('a good Deployment has no errors', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC)), []);
});

test('metadata.name must be a DNS-1123 subdomain', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC, 'Nginx_1')), [
    "metadata.name: Invalid value: \"Nginx_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
});

test('negative replicas', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('replicas: 3', 'replicas: -1'))), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
});

test('missing selector: Required, and the nil selector matches no labels', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('selector: {matchLabels: {app: nginx}}\n', ''))), [
    'spec.selector: Required value',
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
  ]);
});

test('selector not matching the template labels', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('{matchLabels: {app: nginx}}', '{matchLabels: {app: web, tier: fe}}'))), [
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
  ]);
});

test('empty selector', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('{matchLabels: {app: nginx}}', '{}'))), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
  ]);
});

test('containers: required, image required, names, duplicates, ports', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC.replace(/containers:\n.*/, 'containers: []'))), ['spec.template.spec.containers: Required value']);
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('image: "nginx:1.7.9", ', ''))), ['spec.template.spec.containers[0].image: Required value']);
  const two = GOOD_SPEC.replace(/(    - \{name: nginx.*)/, '$1\n$1');
  assert.deepEqual(check(deployment(two)), ['spec.template.spec.containers[1].name: Duplicate value: "nginx"']);
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('name: nginx,', 'name: Web,'))), [
    "spec.template.spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  ]);
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('containerPort: 80', 'containerPort: 70000'))), ['spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']);
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('containerPort: 80', 'containerPort: 80, protocol: HTTP'))), ['spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']);
});

test('templates of controllers only allow restartPolicy Always', () => {
  assert.deepEqual(check(deployment(`${GOOD_SPEC}\n    restartPolicy: Never`)), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  assert.deepEqual(check(deployment(`${GOOD_SPEC}\n    restartPolicy: Sometimes`)), [
    'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always"',
  ]);
});

test('rolling update parameters', () => {
  const strategy = (ru: string) => check(deployment(`${GOOD_SPEC}\nstrategy: {rollingUpdate: ${ru}}`));
  assert.deepEqual(strategy('{maxSurge: 0, maxUnavailable: 0}'), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']);
  assert.deepEqual(strategy('{maxSurge: "0%", maxUnavailable: "0%"}'), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0']);
  assert.deepEqual(strategy('{maxUnavailable: "110%"}'), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%']);
  assert.deepEqual(strategy('{maxSurge: "25"}'), ["spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]);
  assert.deepEqual(strategy('{maxSurge: -1}'), ['spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0']);
  assert.deepEqual(check(deployment(`${GOOD_SPEC}\nstrategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}`)), ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]);
  assert.deepEqual(check(deployment(`${GOOD_SPEC}\nprogressDeadlineSeconds: 10\nminReadySeconds: 10`)), ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds']);
});

test('probes: a handler is required, successThreshold must be 1 for liveness, numbers non-negative', () => {
  const probe = (p: string) => check(deployment(GOOD_SPEC.replace('ports: [{containerPort: 80}]', `livenessProbe: ${p}`)));
  assert.deepEqual(probe('{httpGet: {port: 80}}'), []);
  assert.deepEqual(probe('{periodSeconds: 5}'), ['spec.template.spec.containers[0].livenessProbe: Required value: must specify a handler type']);
  assert.deepEqual(probe('{tcpSocket: {port: 80}, successThreshold: 2}'), ['spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']);
  assert.deepEqual(probe('{exec: {command: [true]}, httpGet: {port: 80}}'), ['spec.template.spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type']);
  assert.deepEqual(probe('{tcpSocket: {port: 80}, periodSeconds: -1}'), ['spec.template.spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0']);
  assert.deepEqual(probe('{httpGet: {port: "8080"}}'), ['spec.template.spec.containers[0].livenessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)']);
  const readiness = check(deployment(GOOD_SPEC.replace('ports: [{containerPort: 80}]', 'readinessProbe: {exec: {command: [cat]}, successThreshold: 2}')));
  assert.deepEqual(readiness, [], 'readiness probes may need several successes');
});

test('selector is immutable on update', () => {
  const old = deployment(GOOD_SPEC);
  const changed = deployment(GOOD_SPEC.replace('{matchLabels: {app: nginx}}', '{matchLabels: {app: nginx, tier: web}}').replace('{labels: {app: nginx}}', '{labels: {app: nginx, tier: web}}'));
  assert.deepEqual(check(changed, old), ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx", "tier":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
  assert.deepEqual(check(deployment(GOOD_SPEC.replace('replicas: 3', 'replicas: 5')), old), [], 'scaling is fine');
});

test('labels: keys and values', () => {
  assert.deepEqual(check(deployment(GOOD_SPEC).replace('metadata: {name: nginx}', 'metadata: {name: nginx, labels: {"app/x/y": ok, tier: "bad value"}}')), [
    "metadata.labels: Invalid value: \"app/x/y\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ]);
});

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: "httpd:2.4"
    ports: [{containerPort: 80}]`;

test('Pods: restartPolicy Never is fine, volume mounts must name a volume, requests above limits', () => {
  assert.deepEqual(check(`${POD}\n  restartPolicy: Never`), []);
  assert.deepEqual(check(`${POD}\n    volumeMounts: [{name: data, mountPath: /data}]`), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']);
  assert.deepEqual(check(`${POD}\n    volumeMounts: [{name: data, mountPath: /data}]\n  volumes: [{name: data, emptyDir: {}}]`), []);
  assert.deepEqual(check(`${POD}\n    resources: {requests: {cpu: "2"}, limits: {cpu: "1"}}`), ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']);
  assert.deepEqual(check(`${POD}\n  tolerations: [{key: k, operator: Exists, value: v}]`), [
    'spec.tolerations[0].operator: Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
  ]);
});

test('Pod updates: image, added tolerations and activeDeadlineSeconds may change; nothing else', () => {
  assert.deepEqual(check(POD.replace('httpd:2.4', 'httpd:2.4.2'), POD), []);
  assert.deepEqual(check(`${POD}\n  tolerations: [{key: k, operator: Exists, effect: NoSchedule}]`, POD), []);
  assert.deepEqual(check(`${POD}\n  activeDeadlineSeconds: 60`, POD), []);
  assert.deepEqual(check(POD.replace('containerPort: 80', 'containerPort: 8080'), POD), [
    'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  ]);
});

test('Services: DNS-1035 names, ports, types, node ports', () => {
  const svc = (spec: string, name = 'httpd-svc') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: ${spec}`;
  assert.deepEqual(check(svc('{selector: {app: httpd}, ports: [{port: 8080, targetPort: 80}]}')), []);
  assert.equal(check(svc('{ports: [{port: 80}]}', '1svc'))[0].startsWith('metadata.name: Invalid value: "1svc": a DNS-1035 label must consist of'), true);
  assert.deepEqual(check(svc('{selector: {app: httpd}}')), ['spec.ports: Required value']);
  assert.deepEqual(check(svc('{clusterIP: None, selector: {app: httpd}}')), [], 'headless Services need no ports');
  assert.deepEqual(check(svc('{ports: [{port: 80}, {port: 443}]}')), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']);
  assert.deepEqual(check(svc('{type: Cluster, ports: [{port: 80}]}')), ['spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
  assert.deepEqual(check(svc('{ports: [{port: 80, nodePort: 30080}]}')), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  assert.deepEqual(check(svc('{type: NodePort, ports: [{port: 80, nodePort: 8080}]}')), ['spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767']);
});

test('Namespaces: DNS-1123 label names', () => {
  assert.deepEqual(check('apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}'), []);
  assert.deepEqual(check('apiVersion: v1\nkind: Namespace\nmetadata: {name: team.a}'), ['metadata.name: Invalid value: "team.a": must not contain dots']);
});

test('DaemonSets and StatefulSets', () => {
  const tpl = `template:\n  metadata: {labels: {app: a}}\n  spec:\n    containers: [{name: c, image: busybox}]`;
  const ds = (spec: string) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}`;
  assert.deepEqual(check(ds(`selector: {matchLabels: {app: a}}\n${tpl}`)), []);
  assert.deepEqual(check(ds(`selector: {matchLabels: {app: a}}\nupdateStrategy: {rollingUpdate: {maxUnavailable: 0}}\n${tpl}`)), ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']);
  assert.deepEqual(check(ds(`selector: {matchLabels: {app: a}}\nupdateStrategy: {rollingUpdate: {maxSurge: 1}}\n${tpl}`)), ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero']);
  const sts = (spec: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}`;
  const stsSpec = `serviceName: web\nselector: {matchLabels: {app: a}}\nvolumeClaimTemplates: [{metadata: {name: www}}]\n${tpl.replace('image: busybox}', 'image: busybox, volumeMounts: [{name: www, mountPath: /www}]}')}`;
  assert.deepEqual(check(sts(stsSpec)), [], 'claim templates count as volumes');
  assert.deepEqual(check(sts(stsSpec.replace('{matchLabels: {app: a}}', '{}'))), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
  ]);
  assert.deepEqual(check(sts(stsSpec.replace('serviceName: web', 'serviceName: other')), sts(stsSpec)), [
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  ]);
  assert.deepEqual(check(sts(`replicas: 5\n${stsSpec}`), sts(stsSpec)), []);
});
