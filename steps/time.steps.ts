import { When } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';

// Virtual time: nothing sleeps; the engine jumps from one due timer to the next.

When('{duration} pass(es)', function (this: SimWorld, ms: number) {
  this.advance(ms);
});
