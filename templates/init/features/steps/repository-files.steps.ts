// This project's own steps. kubespec loads every features/**/*.ts file with its own steps, so a
// step defined here can be used by any feature (check with "npx kubespec steps").
//
// A step is a Cucumber expression plus a function. `this` is kubespec's World: the simulated
// cluster and what the scenario did so far. Keep steps thin: parse, call one World method, stop.
// Its methods include: apply(yaml), run("kubectl ..."), advance(ms), declareFile(path, text),
// get(kind, { name, namespace? }), expect(probe, what), failNode(name).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Given } from '@cucumber/cucumber';
import type { SimWorld } from 'kubespec/support/world';

// example: Given the repository file "k8s/web.yml"
// Makes a file of this repository (path relative to where kubespec runs) visible to the scenario's
// kubectl under the same path, so `When I run "kubectl apply -f k8s/web.yml"` applies it.
Given('the repository file {string}', function (this: SimWorld, path: string) {
  let text: string;
  try {
    text = readFileSync(resolve(process.cwd(), path), 'utf8');
  } catch (e) {
    throw new Error(`cannot read the repository file "${path}" (from ${process.cwd()}): ${(e as Error).message}`);
  }
  this.declareFile(path, text);
});
