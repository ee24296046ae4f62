import type { ImageBehaviour } from '../sim/runtime/images';

// The image behaviours scenarios declare, built as sim/runtime/images.ts's ImageBehaviour.

/** "exits with code N after D": a process that ends by itself. */
export function exitsWith(code: number, afterMs: number): ImageBehaviour {
  return { kind: 'server', exit: { afterMs, code } };
}

/** "takes D to start": a server that listens only after D. */
export function slowStart(startupMs: number): ImageBehaviour {
  return { kind: 'server', startupMs };
}

/** "does not exist": pulling it fails (ErrImagePull, then ImagePullBackOff). */
export function missingImage(): ImageBehaviour {
  return { kind: 'missing' };
}

/** "answers N on PATH": an HTTP server whose answer on that path is N (200 elsewhere). */
export function answers(status: number, path: string): ImageBehaviour {
  return { kind: 'server', http: [{ path, status }] };
}
