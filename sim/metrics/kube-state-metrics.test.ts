import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../api/kinds/index';
import type { KubeObject } from '../api/types';
import { formatValue, renderKubeStateMetrics, scrapeKubeStateMetrics } from './kube-state-metrics';
import { node, pod, viewAt } from './testing';
import { meta } from '../kubectl/test-fixtures';

test('values print as Go strconv.FormatFloat(v, \'g\', -1, 64)', () => {
  for (const [v, text] of [[3, '3'], [0, '0'], [0.5, '0.5'], [200000, '200000'], [1e6, '1e+06'], [1.5e9, '1.5e+09'], [4022673408, '4.022673408e+09'], [0.0001, '0.0001'], [0.00001, '1e-05']] as const) {
    assert.equal(formatValue(v), text, String(v));
  }
});

const deployment: KubeObject = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('nginx', 'default', 0, { generation: 1 }),
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, observedGeneration: 1 },
};

test('a family is HELP, TYPE, then one line per object with the default labels first', () => {
  const text = renderKubeStateMetrics(viewAt([deployment], {})(0));
  assert.ok(text.includes([
    '# HELP kube_deployment_status_replicas_available [STABLE] The number of available replicas per deployment.',
    '# TYPE kube_deployment_status_replicas_available gauge',
    'kube_deployment_status_replicas_available{namespace="default",deployment="nginx"} 3',
    '# HELP kube_deployment_status_replicas_unavailable [STABLE] The number of unavailable replicas per deployment.',
    '# TYPE kube_deployment_status_replicas_unavailable gauge',
    'kube_deployment_status_replicas_unavailable{namespace="default",deployment="nginx"} 0',
  ].join('\n')), text);
  assert.match(text, /^kube_deployment_spec_replicas\{namespace="default",deployment="nginx"\} 3$/m);
});

test('kube_pod_status_phase has one sample per phase, 1 for the Pod\'s; node conditions are true/false/unknown', () => {
  const view = viewAt([node('n1', true), pod('web', 'default', 'n1', [{ name: 'web', image: 'nginx' }])], {})(0);
  const uid = view.get('Pod', 'default', 'web')!.metadata.uid;
  const text = renderKubeStateMetrics(view);
  const phases = text.split('\n').filter((l) => l.startsWith('kube_pod_status_phase{'));
  assert.deepEqual(phases, ['Pending', 'Succeeded', 'Failed', 'Unknown', 'Running'].map((p) => `kube_pod_status_phase{namespace="default",pod="web",uid="${uid}",phase="${p}"} ${p === 'Running' ? 1 : 0}`));
  assert.match(text, /^kube_node_status_condition\{node="n1",condition="Ready",status="true"\} 1\nkube_node_status_condition\{node="n1",condition="Ready",status="false"\} 0\nkube_node_status_condition\{node="n1",condition="Ready",status="unknown"\} 0$/m);
  assert.match(text, new RegExp(`^kube_pod_status_ready\\{namespace="default",pod="web",uid="${uid}",condition="true"\\} 1$`, 'm'));
});

test('scraping needs a ready kube-state-metrics Pod behind the Service', () => {
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: meta('kube-state-metrics', 'kube-system', 0), spec: { type: 'ClusterIP', clusterIP: 'None', selector: { 'app.kubernetes.io/name': 'kube-state-metrics' }, ports: [{ port: 8080, protocol: 'TCP' }] } };
  const ksm = (ready: boolean) => pod('ksm', 'kube-system', 'n1', [{ name: 'kube-state-metrics', image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.17.0' }], { ready, labels: { 'app.kubernetes.io/name': 'kube-state-metrics' } });
  assert.match((scrapeKubeStateMetrics(viewAt([node('n1', true)], {})(0)) as { error: string }).error, /services "kube-state-metrics" not found/);
  assert.match((scrapeKubeStateMetrics(viewAt([node('n1', true), svc, ksm(false)], {})(0)) as { error: string }).error, /no ready kube-state-metrics endpoint/);
  assert.match((scrapeKubeStateMetrics(viewAt([node('n1', true), svc, ksm(true)], {})(0)) as { body: string }).body, /^kube_pod_status_phase\{namespace="kube-system",pod="ksm"/m);
});
