import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, namespace } from '../test-fixtures';

// create_job.go / create_cronjob.go: the manifests kubectl builds and the errors it prints.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const empty = () => clusterWith([namespace('default')], 0);

test('create job --image: one container named after the Job, restartPolicy Never, the command after --', () => {
  const r = kubectl(empty(), 'create job pi --image=busybox --dry-run=client -o yaml -- echo hi');
  assert.equal(r.stdout, [
    'apiVersion: batch/v1', 'kind: Job', 'metadata:', '  creationTimestamp: null', '  name: pi', 'spec:', '  template:', '    metadata:',
    '      creationTimestamp: null', '    spec:', '      containers:', '      - command:', '        - echo', '        - hi', '        image: busybox',
    '        name: pi', '        resources: {}', '      restartPolicy: Never', 'status: {}', '',
  ].join('\n'));
  assert.equal(kubectl(empty(), 'create job pi --image=busybox').stdout, 'job.batch/pi created\n');
});

test('create job: Validate and NameFromCommandArgs refusals', () => {
  const c = empty();
  assert.equal(kubectl(c, 'create job pi').stderr, 'error: either --image or --from must be specified\n');
  assert.equal(kubectl(c, 'create job pi --image=busybox --from=cronjob/x').stderr, 'error: either --image or --from must be specified\n');
  assert.equal(kubectl(c, 'create job pi --from=cronjob/x -- date').stderr, 'error: cannot specify --from and command\n');
  assert.equal(kubectl(c, 'create job --image=busybox').stderr, "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n");
  assert.equal(kubectl(c, 'create job pi --from=cronjob/x').stderr, 'Error from server (NotFound): cronjobs.batch "x" not found\n');
});

test('create cronjob: required --image and --schedule first; restart policy OnFailure; job template named after it', () => {
  const c = empty();
  assert.equal(kubectl(c, 'create cronjob').stderr, 'error: required flag(s) "image", "schedule" not set\n');
  const r = kubectl(c, 'create cronjob hello --image=busybox --schedule=@hourly -- date');
  assert.equal(r.stdout, 'cronjob.batch/hello created\n');
  const cj = r.cluster.store.get('CronJob', 'default', 'hello')! as unknown as { spec: { schedule: string; jobTemplate: { metadata: { name: string }; spec: { template: { spec: { restartPolicy: string; containers: { name: string; command: string[] }[] } } } } } };
  assert.equal(cj.spec.schedule, '@hourly');
  assert.equal(cj.spec.jobTemplate.metadata.name, 'hello');
  assert.equal(cj.spec.jobTemplate.spec.template.spec.restartPolicy, 'OnFailure');
  assert.deepEqual(cj.spec.jobTemplate.spec.template.spec.containers.map((x) => [x.name, x.command]), [['hello', ['date']]]);
  // create job --from copies the template, marked manual and owned (controller, no blockOwnerDeletion) by the CronJob.
  const j = kubectl(r.cluster, 'create job hello-now --from=cronjob/hello');
  assert.equal(j.stdout, 'job.batch/hello-now created\n');
  const job = j.cluster.store.get('Job', 'default', 'hello-now')!;
  assert.equal(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.deepEqual(job.metadata.ownerReferences?.map((o) => [o.kind, o.name, o.controller, o.blockOwnerDeletion]), [['CronJob', 'hello', true, undefined]]);
  assert.equal(kubectl(j.cluster, 'create job hello-now --from=cronjob/hello').stderr, 'error: failed to create job: jobs.batch "hello-now" already exists\n');
});
