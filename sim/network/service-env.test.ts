import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../api/types';
import { envVariableName, serviceEnvVars, serviceVariables } from './service-env';
import { baseCluster, pod, service, viewWith } from './fixtures';

// pkg/kubelet/envvars/envvars_test.go TestFromServices, and getServiceEnvVarMap's choice of Services.

const at = (svc: Service, iso: string): Service => ({ ...svc, metadata: { ...svc.metadata, creationTimestamp: iso } });

test('envvars.FromServices: host, first port, named ports, then the Docker link variables of every port', () => {
  const svc = service('httpd-svc', { clusterIP: '10.104.115.108', ports: [{ port: 8080, targetPort: 80 }] });
  assert.deepEqual(serviceVariables(svc), [
    ['HTTPD_SVC_SERVICE_HOST', '10.104.115.108'],
    ['HTTPD_SVC_SERVICE_PORT', '8080'],
    ['HTTPD_SVC_PORT', 'tcp://10.104.115.108:8080'],
    ['HTTPD_SVC_PORT_8080_TCP', 'tcp://10.104.115.108:8080'],
    ['HTTPD_SVC_PORT_8080_TCP_PROTO', 'tcp'],
    ['HTTPD_SVC_PORT_8080_TCP_PORT', '8080'],
    ['HTTPD_SVC_PORT_8080_TCP_ADDR', '10.104.115.108'],
  ]);
  const dns = service('kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }] });
  const env = Object.fromEntries(serviceVariables(dns));
  assert.equal(env.KUBE_DNS_SERVICE_PORT, '53');
  assert.equal(env.KUBE_DNS_SERVICE_PORT_DNS, '53');
  assert.equal(env.KUBE_DNS_SERVICE_PORT_DNS_TCP, '53');
  assert.equal(env.KUBE_DNS_PORT, 'udp://10.96.0.10:53');
  assert.equal(env.KUBE_DNS_PORT_53_UDP_PROTO, 'udp');
  assert.equal(env.KUBE_DNS_PORT_53_TCP, 'tcp://10.96.0.10:53');
  assert.equal(envVariableName('my-web-svc'), 'MY_WEB_SVC');
});

test('headless and ExternalName Services give no variables (IsServiceIPSet)', () => {
  assert.deepEqual(serviceVariables(service('db', { clusterIP: 'None', ports: [{ port: 5432 }] })), []);
  assert.deepEqual(serviceVariables(service('ext', { type: 'ExternalName', externalName: 'example.com' })), []);
});

test('getServiceEnvVarMap: the namespace\'s Services known when the container started, and default/kubernetes always', () => {
  const objects = [
    ...baseCluster(),
    at(service('early', { clusterIP: '10.96.5.5', ports: [{ port: 80 }] }), '2025-01-01T00:00:10Z'),
    at(service('late', { clusterIP: '10.96.6.6', ports: [{ port: 80 }] }), '2025-01-01T00:01:00Z'),
    service('elsewhere', { ns: 'prod', clusterIP: '10.96.7.7', ports: [{ port: 80 }] }),
    pod('client', { ip: '10.244.1.9' }),
  ];
  const view = viewWith(objects, { epochMs: Date.parse('2025-01-01T00:00:00Z') });
  const client = view.get('Pod', 'default', 'client') as ReturnType<typeof pod>;
  const env = serviceEnvVars(view, client, 30_000);
  assert.equal(env.KUBERNETES_SERVICE_HOST, '10.96.0.1');
  assert.equal(env.KUBERNETES_SERVICE_PORT_HTTPS, '443');
  assert.equal(env.EARLY_SERVICE_HOST, '10.96.5.5');
  assert.equal(env.LATE_SERVICE_HOST, undefined, 'a Service made after the container started is not in its environment');
  assert.equal(env.ELSEWHERE_SERVICE_HOST, undefined, 'other namespaces\' Services are not linked');
  assert.equal(env.KUBE_DNS_SERVICE_HOST, undefined);
  assert.equal(serviceEnvVars(view, client, 120_000).LATE_SERVICE_HOST, '10.96.6.6');
  const noLinks = { ...client, spec: { ...client.spec, enableServiceLinks: false } };
  assert.deepEqual(Object.keys(serviceEnvVars(view, noLinks, 120_000)).filter((k) => !k.startsWith('KUBERNETES_')), []);
  const prodPod = pod('p', { ns: 'prod', ip: '10.244.1.10' });
  const prodEnv = serviceEnvVars(view, prodPod, 120_000);
  assert.equal(prodEnv.ELSEWHERE_SERVICE_HOST, '10.96.7.7');
  assert.equal(prodEnv.KUBERNETES_SERVICE_HOST, '10.96.0.1', 'default/kubernetes is in every namespace');
});
