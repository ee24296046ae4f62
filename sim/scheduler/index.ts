import type { Controller } from '../engine/types';
import { scheduler } from './scheduler';

export { schedulePod, type ScheduleResult } from './schedule-one';
export { SCHEDULER_NAME } from './scheduler';

export const controllers: readonly Controller[] = [scheduler];
