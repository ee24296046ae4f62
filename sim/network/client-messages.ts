import type { ConnectResult } from './connect';

// What busybox wget and curl print when a connection does not work out, for the sh interpreter's
// `wget`/`curl` built-ins. (Exit codes: busybox wget 1; curl 6 resolve, 7 connect, 28 timeout.)

export interface ClientFailure { readonly stderr: string; readonly exitCode: number }

/** busybox wget's message for a failed connection to `host` (the name or address as typed). */
export function wgetFailure(r: Exclude<ConnectResult, { result: 'ok' }>, host: string, ip?: string): ClientFailure {
  switch (r.result) {
    case 'nxdomain': return { stderr: `wget: bad address '${host}'\n`, exitCode: 1 };
    case 'refused': return { stderr: `wget: can't connect to remote host (${ip ?? host}): Connection refused\n`, exitCode: 1 };
    case 'timeout': return { stderr: 'wget: download timed out\n', exitCode: 1 };
    case 'error': return { stderr: `wget: ${r.reason}\n`, exitCode: 1 };
  }
}

/** curl's message (without -s) for a failed connection. */
export function curlFailure(r: Exclude<ConnectResult, { result: 'ok' }>, host: string, port: number, timeoutMs = 130_000): ClientFailure {
  switch (r.result) {
    case 'nxdomain': return { stderr: `curl: (6) Could not resolve host: ${host}\n`, exitCode: 6 };
    case 'refused': return { stderr: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`, exitCode: 7 };
    case 'timeout': return { stderr: `curl: (28) Failed to connect to ${host} port ${port} after ${timeoutMs} ms: Timeout was reached\n`, exitCode: 28 };
    case 'error': return { stderr: `curl: ${r.reason}\n`, exitCode: 2 };
  }
}
