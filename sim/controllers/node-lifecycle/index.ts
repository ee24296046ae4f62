import type { Controller } from '../../engine/types';
import { nodeLifecycle } from './node-lifecycle';
import { taintEviction } from './taint-eviction';
import { podGC } from './podgc';

export { NODE_LIFECYCLE } from './node-lifecycle';
export { TAINT_EVICTION } from './taint-eviction';
export { POD_GC } from './podgc';

export const controllers: readonly Controller[] = [nodeLifecycle, taintEviction, podGC];
