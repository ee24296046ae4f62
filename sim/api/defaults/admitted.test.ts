import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAdmittedFrom, isDefaultedVolume } from './admitted';
import { defaultVolume } from './pod-spec';
import { defaultPod } from './pod';
import type { Json } from './util';

const base = defaultPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: { containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'data', emptyDir: {} }] } }).spec as unknown as Json;
const [container] = base.containers as Json[];
const volumes = base.volumes as Json[];
const mount = { name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
const token = { name: 'kube-api-access-abcde', projected: { defaultMode: 420, sources: [] } };
const admitted: Json = { ...base, containers: [{ ...container, volumeMounts: [mount] }], volumes: [...volumes, token] };

test('isAdmittedFrom: what admission and binding add keeps a defaulted spec defaulted', () => {
  assert.equal(isAdmittedFrom(base, base), true);
  assert.equal(isAdmittedFrom({ ...base, nodeName: 'n1' }, base), true, 'base plus nodeName');
  assert.equal(isAdmittedFrom(admitted, base), true, 'containers copied with a volumeMount more, a token volume');
  assert.equal(isAdmittedFrom({ ...admitted, nodeName: 'n1', imagePullSecrets: [{ name: 'r' }] }, base), true, 'and image pull secrets');
});

test('isAdmittedFrom: anything defaulting would change is not', () => {
  assert.equal(isAdmittedFrom({ ...admitted, volumes: [...volumes, { name: 'x' }] }, base), false, 'a volume without a source (would get emptyDir)');
  assert.equal(isAdmittedFrom({ ...admitted, volumes: [...volumes, { name: 'x', secret: { secretName: 's' } }] }, base), false, 'a secret volume without defaultMode');
  assert.equal(isAdmittedFrom({ ...admitted, volumes: [token] }, base), false, "the base's volumes dropped");
  assert.equal(isAdmittedFrom({ ...admitted, containers: [{ ...container, image: 'nginx' }] }, base), false, 'a container with another image');
  assert.equal(isAdmittedFrom({ ...admitted, containers: [{ ...container, imagePullPolicy: undefined }] }, base), false, 'a container field unset');
  assert.equal(isAdmittedFrom({ ...admitted, containers: [...(admitted.containers as Json[]), container] }, base), false, 'a container more');
  assert.equal(isAdmittedFrom({ ...admitted, dnsPolicy: '' }, base), false, 'another field changed');
  const { schedulerName: _dropped, ...without } = admitted;
  assert.equal(isAdmittedFrom(without, base), false, 'a field dropped');
  assert.equal(isAdmittedFrom({ ...admitted, hostNetwork: true }, base), false, 'a field added');
});

test('isDefaultedVolume answers as "defaultVolume changes nothing" does, without the copy', () => {
  const samples: Json[] = [
    { name: 'a' }, { name: 'a', emptyDir: {} }, { name: 'a', emptyDir: null },
    { name: 'a', secret: { secretName: 's' } }, { name: 'a', secret: { secretName: 's', defaultMode: 420 } }, { name: 'a', secret: { defaultMode: '' } },
    { name: 'a', configMap: { name: 'c' } }, { name: 'a', configMap: { name: 'c', defaultMode: 256 } },
    { name: 'a', downwardAPI: { items: [] } }, { name: 'a', downwardAPI: { items: [], defaultMode: 420 } },
    { name: 'a', projected: { sources: [] } }, { name: 'a', projected: { sources: [], defaultMode: 420 } },
    { name: 'a', hostPath: { path: '/x' } }, { name: 'a', hostPath: { path: '/x', type: '' } }, { name: 'a', hostPath: { path: '/x', type: 'Directory' } },
    { name: 'a', emptyDir: { medium: '' } }, { name: 'a', emptyDir: { medium: 'Memory' } },
    { name: 'a', persistentVolumeClaim: { claimName: 'c' } }, { name: 'a', nfs: { server: 's', path: '/' } },
    { name: 'a', emptyDir: {}, secret: { secretName: 's' } }, { name: 'a', secret: { secretName: 's', defaultMode: 420 }, hostPath: { path: '/x' } },
  ];
  for (const v of samples) {
    const d = defaultVolume(v);
    const unchanged = Object.keys(d).every((k) => d[k] === v[k]);
    assert.equal(isDefaultedVolume(v), unchanged, JSON.stringify(v));
  }
  assert.equal(isDefaultedVolume(null), false);
});
