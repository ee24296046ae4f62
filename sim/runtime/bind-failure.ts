import { parseImageRef } from './image-behaviours';

// What a server prints when its port is already taken in the Pod's network namespace (EADDRINUSE).

export function bindFailureLog(image: string, port: number): string[] {
  const name = parseImageRef(image).repo.split('/').pop();
  if (name === 'httpd') {
    return [
      `(98)Address in use: AH00072: make_sock: could not bind to address [::]:${port}`,
      `(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`,
      'no listening sockets available, shutting down',
      'AH00015: Unable to open logs',
    ];
  }
  if (name === 'nginx') return [`nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address in use)`];
  return [`listen tcp :${port}: bind: address already in use`];
}
