import type { Controller } from '../../engine/types';

export const controllers: readonly Controller[] = [];
