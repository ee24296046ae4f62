import { Given, Then } from '@cucumber/cucumber';
import type { SimWorld } from '../support/world';
import type { Probe } from '../support/world';
import type { ObjectName } from '../support/queries';
import { nfsServerRow, putStoredFile, storedFile } from '../sim/storage/files';

// Storage outside the Pods: the files an admin sees on an NFS server or on a node (hostPath).

const fileProbe = (row: string, path: string, present: boolean): Probe => (view) => {
  const v = storedFile(view, row, path);
  const found = v !== undefined;
  return { ok: found === present, actual: found ? `it is there${typeof v === 'string' ? ` (${JSON.stringify(v)})` : ' (a directory)'}` : 'there is no such file' };
};

Given('NFS server {string} has the file {string} containing {string}', function (this: SimWorld, server: string, path: string, text: string) {
  this.cluster = putStoredFile(this.cluster, nfsServerRow(server), path, `${text}\n`);
});

Then('NFS server {string} has the file {string}', function (this: SimWorld, server: string, path: string) {
  this.expect(fileProbe(nfsServerRow(server), path, true), `NFS server ${server} to have the file ${path}`);
});

Then('NFS server {string} has no file {string}', function (this: SimWorld, server: string, path: string) {
  this.expect(fileProbe(nfsServerRow(server), path, false), `NFS server ${server} to have no file ${path}`);
});

Then('node {string} has the file {string}', function (this: SimWorld, node: string, path: string) {
  this.expect(fileProbe(node, path, true), `node ${node} to have the file ${path}`);
});

Then('node {string} has no file {string}', function (this: SimWorld, node: string, path: string) {
  this.expect(fileProbe(node, path, false), `node ${node} to have no file ${path}`);
});

// Phases of claims and volumes (kubectl get pvc/pv STATUS), now, within a time, or throughout one.

const phaseProbe = (kind: 'PersistentVolume' | 'PersistentVolumeClaim', ref: ObjectName, want: string): Probe => (view) => {
  const obj = view.get(kind, kind === 'PersistentVolume' ? '' : ref.namespace ?? 'default', ref.name);
  if (obj === undefined) return { ok: false, actual: 'it does not exist' };
  const phase = obj.metadata.deletionTimestamp !== undefined ? 'Terminating' : String((obj.status as { phase?: string } | undefined)?.phase ?? '');
  return { ok: phase === want, actual: `it is ${phase}` };
};

Then('claim {name} is {word}', function (this: SimWorld, ref: ObjectName, phase: string) {
  this.expect(phaseProbe('PersistentVolumeClaim', ref, phase), `claim ${ref.name} to be ${phase}`);
});

Then('within {duration} claim {name} is {word}', function (this: SimWorld, ms: number, ref: ObjectName, phase: string) {
  this.advanceUntil(ms, phaseProbe('PersistentVolumeClaim', ref, phase), `claim ${ref.name} to be ${phase}`);
});

Then('for {duration} claim {name} stays {word}', function (this: SimWorld, ms: number, ref: ObjectName, phase: string) {
  this.expectThroughout(ms, phaseProbe('PersistentVolumeClaim', ref, phase), `claim ${ref.name} to stay ${phase}`);
});

Then('volume {name} is {word}', function (this: SimWorld, ref: ObjectName, phase: string) {
  this.expect(phaseProbe('PersistentVolume', ref, phase), `volume ${ref.name} to be ${phase}`);
});

Then('within {duration} volume {name} is {word}', function (this: SimWorld, ms: number, ref: ObjectName, phase: string) {
  this.advanceUntil(ms, phaseProbe('PersistentVolume', ref, phase), `volume ${ref.name} to be ${phase}`);
});

Then('for {duration} volume {name} stays {word}', function (this: SimWorld, ms: number, ref: ObjectName, phase: string) {
  this.expectThroughout(ms, phaseProbe('PersistentVolume', ref, phase), `volume ${ref.name} to stay ${phase}`);
});

Then('claim {name} is bound to volume {name}', function (this: SimWorld, claim: ObjectName, volume: ObjectName) {
  this.expect((view) => {
    const pvc = view.get('PersistentVolumeClaim', claim.namespace ?? 'default', claim.name);
    const bound = (pvc?.spec as { volumeName?: string } | undefined)?.volumeName;
    return { ok: bound === volume.name, actual: pvc === undefined ? 'the claim does not exist' : `its volumeName is "${bound ?? ''}"` };
  }, `claim ${claim.name} to be bound to volume ${volume.name}`);
});
