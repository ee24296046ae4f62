import { Given } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import { answers, exitsWith, missingImage, slowStart } from '../support/images';

// What a container image does when it runs (there are no real containers).

Given('image {string} exits with code {int} after {duration}', function (this: SimWorld, image: string, code: number, ms: number) {
  this.declareImage(image, exitsWith(code, ms));
});

Given('image {string} takes {duration} to start', function (this: SimWorld, image: string, ms: number) {
  this.declareImage(image, slowStart(ms));
});

Given('image {string} does not exist', function (this: SimWorld, image: string) {
  this.declareImage(image, missingImage());
});

Given('image {string} answers {int} on {string}', function (this: SimWorld, image: string, status: number, path: string) {
  this.declareImage(image, answers(status, path));
});
