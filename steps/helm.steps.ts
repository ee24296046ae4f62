import { Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';

// What helm wrote to the scenario's files (helm create, helm package, helm repo index).

Then('the file {string} contains:', function (this: SimWorld, path: string, text: string) {
  const actual = this.files.read(path);
  if (actual === undefined) throw new Error(`Expected the file "${path}" to exist, but it does not; files: ${this.files.names().join(', ')}`);
  if (!actual.includes(text)) throw new Error(`Expected the file "${path}" to contain:\n${text}\nbut it is:\n${actual}`);
});
