import type { Pod } from '../api/types';
import type { ClusterView } from '../engine/types';
import { lookupPTR, resolve, type DnsOptions } from './dns';
import { podResolvConf } from './resolv-conf';

// `nslookup <name>` inside a container, printed the way the book's busybox (1.28) prints it:
//
//   Server:    10.96.0.10
//   Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
//
//   Name:      httpd-svc
//   Address 1: 10.99.229.179 httpd-svc.default.svc.cluster.local

export interface CommandOutput { readonly stdout: string; readonly stderr: string; readonly exitCode: number }

function addressLine(view: ClusterView, i: number, ip: string, opts: DnsOptions): string {
  const ptr = lookupPTR(view, ip, opts);
  return `Address ${i}: ${ip}${ptr ? ` ${ptr}` : ''}`;
}

export function nslookup(view: ClusterView, fromPod: Pod, name: string, opts: DnsOptions = {}): CommandOutput {
  const conf = podResolvConf(fromPod, opts.settings);
  const r = resolve(view, fromPod, name, opts);
  const server = r.server || conf.nameservers[0] || '';
  const header = `Server:    ${server}\n${addressLine(view, 1, server, opts)}\n\n`;
  if (r.result === 'timeout') {
    return { stdout: `Server:    ${server}\nAddress 1: ${server}\n\n`, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  }
  if (r.result === 'nxdomain' || r.ips.length === 0) {
    return { stdout: header, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1 };
  }
  const lines = r.ips.map((ip, i) => addressLine(view, i + 1, ip, opts));
  return { stdout: `${header}Name:      ${name}\n${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
}
