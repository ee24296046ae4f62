import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import { resolve } from './dns';
import { baseCluster, pod, service, viewWith, withEndpoints } from './fixtures';
import type { Service } from '../api/types';

// DNS (reference §5): every Service resolves by FQDN (and by <svc>.<ns>) from every namespace, and
// by its short name only from its own namespace.

const NAMESPACES = ['default', 'prod', 'dev', 'kube-system'];
const arbServices = fc.uniqueArray(
  fc.record({ name: fc.constantFrom('web', 'db', 'cache', 'api', 'httpd-svc'), ns: fc.constantFrom(...NAMESPACES) }),
  { selector: (s) => `${s.ns}/${s.name}`, minLength: 1, maxLength: 8 },
);

test('every Service resolves by FQDN from every namespace and by short name only from its own', (t) => {
  checkProperty(t, fc.property(arbServices, (specs) => {
    const services: Service[] = specs.map((s, i) => service(s.name, { ns: s.ns, clusterIP: `10.100.0.${i + 1}` }));
    const clients = NAMESPACES.map((ns, i) => pod(`client-${ns}`, { ns, ip: `10.244.3.${i + 2}` }));
    const view = viewWith(withEndpoints([...baseCluster(), ...services, ...clients]));
    for (const client of clients) {
      const here = client.metadata.namespace!;
      for (const svc of services) {
        const ns = svc.metadata.namespace!;
        const ip = svc.spec.clusterIP;
        for (const name of [`${svc.metadata.name}.${ns}.svc.cluster.local`, `${svc.metadata.name}.${ns}`, `${svc.metadata.name}.${ns}.svc`]) {
          const r = resolve(view, client, name);
          assert.equal(r.result === 'ok' && r.ips[0], ip, `${name} from ${here}`);
        }
      }
      for (const name of new Set(services.map((s) => s.metadata.name))) {
        const own = services.find((s) => s.metadata.name === name && s.metadata.namespace === here);
        const r = resolve(view, client, name);
        if (own !== undefined) assert.equal(r.result === 'ok' && r.ips[0], own.spec.clusterIP, `${name} from ${here}`);
        else assert.equal(r.result, 'nxdomain', `${name} from ${here} must not resolve`);
      }
    }
  }), { claims: ['dns.service-records', 'dns.same-namespace-short-name', 'dns.other-namespace-qualified'], env: process.env, replay: 'node scripts/unit.js dns.prop' });
});
