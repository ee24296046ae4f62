import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { decoderFor, QUANTITY_FORMAT_ERROR } from './decode';

// Strict decoding as the API server does it for kubectl's default --validate=strict.

const decode = (kind: string, text: string) => decoderFor(kind)!(parse(text));

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: "25%"}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80, name: http}]
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 1}}
        livenessProbe: {httpGet: {path: /, port: http}, initialDelaySeconds: 5}
      volumes: [{name: data, emptyDir: {}}]
status: {replicas: 2}
`;

test('a well-formed manifest decodes', () => {
  assert.equal(decode('Deployment', DEPLOYMENT), undefined);
});

test('unknown fields are listed with their paths, list indices included', () => {
  assert.equal(decode('Deployment', DEPLOYMENT.replace('replicas: 2', 'replica: 2')), 'strict decoding error: unknown field "spec.replica"');
  assert.equal(decode('Deployment', DEPLOYMENT.replace('image: nginx', 'image: nginx\n        imagePullPolice: Always').replace('replicas: 2', 'replicas: 2\n  paused2: true')),
    'strict decoding error: unknown field "spec.paused2", unknown field "spec.template.spec.containers[0].imagePullPolice"');
  assert.equal(decode('Pod', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspecs: {}'), 'strict decoding error: unknown field "specs"');
});

test('wrong types are encoding/json errors naming the Go struct field', () => {
  assert.equal(decode('Deployment', DEPLOYMENT.replace('replicas: 2', 'replicas: "2"')),
    'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
  assert.equal(decode('Deployment', DEPLOYMENT.replace('metadata: {name: web, labels: {app: web}}', 'metadata: {name: web, labels: {version: 1}}')),
    'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
  assert.equal(decode('Deployment', DEPLOYMENT.replace('containerPort: 80', 'containerPort: 80.5')),
    'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32');
  assert.equal(decode('Deployment', DEPLOYMENT.replace('      containers:', '      containers: {}\n      initContainers:')),
    'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container');
  assert.equal(decode('Deployment', DEPLOYMENT.replace('replicas: 2', 'replicas: 2\n  replica: 3').replace('image: nginx', 'image: 7')),
    'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string', 'a type error wins over unknown fields');
});

test('quantities must parse', () => {
  assert.equal(decode('Deployment', DEPLOYMENT.replace('memory: 128Mi', 'memory: 128MB')), QUANTITY_FORMAT_ERROR);
  assert.equal(decode('Deployment', DEPLOYMENT.replace('cpu: 100m', 'cpu: 0.5')), undefined);
});

test('subtrees the simulator does not model accept anything', () => {
  assert.equal(decode('Pod', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  affinity: {nodeAffinity: {whatever: [1, 2]}}\n  containers: [{name: c, image: i, securityContext: {capabilities: {add: [NET_ADMIN]}}}]'), undefined);
});
