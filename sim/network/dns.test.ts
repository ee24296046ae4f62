import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupA, lookupPTR, lookupSRV, resolve, podDnsName } from './dns';
import { candidateNames, formatResolvConf, podResolvConf } from './resolv-conf';
import { nslookup } from './nslookup';
import { baseCluster, networkPolicy, pod, service, viewWith, withEndpoints } from './fixtures';

const objects = withEndpoints([
  ...baseCluster(),
  service('httpd-svc', { clusterIP: '10.99.229.179', selector: { run: 'httpd' }, ports: [{ name: 'http', port: 8080, targetPort: 80 }] }),
  pod('httpd-1', { labels: { run: 'httpd' }, ip: '10.244.1.2', image: 'httpd' }),
  service('db', { ns: 'prod', clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] }),
  pod('db-0', { ns: 'prod', labels: { app: 'db' }, ip: '10.244.2.5', hostname: 'db-0', subdomain: 'db', ports: [{ name: 'pg', containerPort: 5432 }] }),
  pod('db-1', { ns: 'prod', labels: { app: 'db' }, ip: '10.244.2.6', hostname: 'db-1', subdomain: 'db', ready: false }),
  service('ext', { type: 'ExternalName', externalName: 'db.prod.svc.cluster.local' }),
  pod('busybox', { ip: '10.244.2.9' }),
  pod('other', { ns: 'prod', ip: '10.244.2.10' }),
]);
const view = viewWith(objects);
const busybox = view.get('Pod', 'default', 'busybox') as ReturnType<typeof pod>;
const other = view.get('Pod', 'prod', 'other') as ReturnType<typeof pod>;

test('A records: ClusterIP, headless ready endpoints only, hostnames, pod names, ExternalName CNAME', () => {
  assert.deepEqual(lookupA(view, 'httpd-svc.default.svc.cluster.local'), { ips: ['10.99.229.179'] });
  assert.deepEqual(lookupA(view, 'HTTPD-SVC.default.svc.cluster.local.'), { ips: ['10.99.229.179'] });
  assert.deepEqual(lookupA(view, 'db.prod.svc.cluster.local'), { ips: ['10.244.2.5'] });
  assert.deepEqual(lookupA(view, 'db-0.db.prod.svc.cluster.local'), { ips: ['10.244.2.5'] });
  assert.equal(lookupA(view, 'db-1.db.prod.svc.cluster.local'), undefined);
  assert.deepEqual(lookupA(view, '10-244-2-9.default.pod.cluster.local'), { ips: ['10.244.2.9'] });
  assert.deepEqual(lookupA(view, 'ext.default.svc.cluster.local'), { cname: 'db.prod.svc.cluster.local', ips: ['10.244.2.5'] });
  assert.equal(lookupA(view, 'nosuch.default.svc.cluster.local'), undefined);
  assert.equal(podDnsName(busybox), '10-244-2-9.default.pod.cluster.local');
});

test('SRV for named ports, PTR for ClusterIPs and headless endpoints', () => {
  assert.deepEqual(lookupSRV(view, '_http._tcp.httpd-svc.default.svc.cluster.local'), [{ priority: 0, weight: 100, port: 8080, target: 'httpd-svc.default.svc.cluster.local' }]);
  assert.deepEqual(lookupSRV(view, '_pg._tcp.db.prod.svc.cluster.local'), [{ priority: 0, weight: 100, port: 5432, target: 'db-0.db.prod.svc.cluster.local' }]);
  assert.equal(lookupSRV(view, '_http._udp.httpd-svc.default.svc.cluster.local'), undefined);
  assert.equal(lookupPTR(view, '10.96.0.10'), 'kube-dns.kube-system.svc.cluster.local');
  assert.equal(lookupPTR(view, '10.244.2.5'), 'db-0.db.prod.svc.cluster.local');
  assert.equal(lookupPTR(view, '10.244.2.9'), undefined);
});

test('resolv.conf per dnsPolicy', () => {
  assert.equal(formatResolvConf(podResolvConf(busybox)), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  assert.equal(formatResolvConf(podResolvConf(pod('h', { dnsPolicy: 'Default' }))), 'nameserver 10.0.2.3\n');
  assert.equal(formatResolvConf(podResolvConf(pod('h', { hostNetwork: true }))), 'nameserver 10.0.2.3\n');
  assert.match(formatResolvConf(podResolvConf(pod('h', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }))), /nameserver 10.96.0.10/);
  const none = pod('n', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
  assert.equal(formatResolvConf(podResolvConf(none)), 'search ns1.svc.cluster-domain.example\nnameserver 1.2.3.4\noptions ndots:2 edns0\n');
  const merged = pod('m', { dnsConfig: { options: [{ name: 'ndots', value: '1' }] } });
  assert.deepEqual(podResolvConf(merged).options, ['ndots:1']);
});

test('the resolver walks the search list with ndots', () => {
  const conf = podResolvConf(busybox);
  assert.deepEqual(candidateNames('web', conf).slice(0, 2), ['web.default.svc.cluster.local', 'web.svc.cluster.local']);
  assert.equal(candidateNames('a.b.c.d.e', conf)[0], 'a.b.c.d.e.default.svc.cluster.local');
  assert.equal(candidateNames('a.b.c.d.e.f', conf)[0], 'a.b.c.d.e.f');
  assert.deepEqual(candidateNames('web.', conf), ['web']);
  const r = resolve(view, busybox, 'httpd-svc');
  assert.equal(r.result === 'ok' && r.fqdn, 'httpd-svc.default.svc.cluster.local');
  assert.equal(resolve(view, other, 'httpd-svc').result, 'nxdomain');
  const cross = resolve(view, other, 'httpd-svc.default');
  assert.equal(cross.result === 'ok' && cross.ips[0], '10.99.229.179');
  assert.equal(resolve(view, other, 'httpd-svc.default.svc').result, 'ok');
  assert.equal(resolve(view, pod('d', { dnsPolicy: 'Default', ip: '10.244.1.50' }), 'httpd-svc').result, 'nxdomain');
});

test('DNS needs a ready CoreDNS the Pod may reach (egress to 53/UDP under an enforcing plugin)', () => {
  const noDns = viewWith(objects.filter((o) => !(o.kind === 'Pod' && o.metadata.namespace === 'kube-system')).filter((o) => o.kind !== 'Endpoints' || o.metadata.name !== 'kube-dns'));
  assert.equal(resolve(noDns, busybox, 'httpd-svc').result, 'timeout');
  const denyEgress = networkPolicy('deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
  assert.equal(resolve(viewWith([...objects, denyEgress], { network: 'calico' }), busybox, 'httpd-svc').result, 'timeout');
  assert.equal(resolve(viewWith([...objects, denyEgress], { network: 'flannel' }), busybox, 'httpd-svc').result, 'ok');
  const allowDns = networkPolicy('allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] });
  assert.equal(resolve(viewWith([...objects, denyEgress, allowDns], { network: 'calico' }), busybox, 'httpd-svc').result, 'ok');
});

test('nslookup prints like the book\'s busybox', () => {
  const out = nslookup(view, busybox, 'httpd-svc');
  assert.equal(out.stdout, 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      httpd-svc\nAddress 1: 10.99.229.179 httpd-svc.default.svc.cluster.local\n');
  assert.equal(out.exitCode, 0);
  const miss = nslookup(view, busybox, 'nosuch');
  assert.equal(miss.stderr, "nslookup: can't resolve 'nosuch'\n");
  assert.equal(miss.exitCode, 1);
  assert.match(nslookup(view, busybox, 'db.prod').stdout, /Address 1: 10.244.2.5 db-0.db.prod.svc.cluster.local\n$/);
});
