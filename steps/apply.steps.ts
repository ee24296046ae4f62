import { Given, When, Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import { assertRejected, assertUnchanged } from '../support/outcomes';

// Manifests: in a docstring, as a declared file, or one of the book's files from examples/.

When('I apply:', function (this: SimWorld, yaml: string) {
  this.apply(yaml);
});

Given('the file {string}:', function (this: SimWorld, path: string, text: string) {
  this.declareFile(path, text);
});

Given('the example file {string}', function (this: SimWorld, path: string) {
  this.useExample(path);
});

Given('the example file {string} as {string}', function (this: SimWorld, path: string, as: string) {
  this.useExample(path, as);
});

Then('the apply is rejected with {string}', function (this: SimWorld, text: string) {
  assertRejected(this, text);
});

Then('the apply is rejected with:', function (this: SimWorld, text: string) {
  assertRejected(this, text);
});

Then('the cluster is unchanged', function (this: SimWorld) {
  assertUnchanged(this);
});
