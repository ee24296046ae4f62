// Step definitions no feature uses yet, on purpose: generic vocabulary kept for users' own specs
// (most are documented in features/README.md). The unused-steps check (support/step-catalog.test.ts)
// accepts these expressions and fails on any other unused one, and on an entry here that no longer
// names a step definition.
export const ALLOW_UNUSED: readonly string[] = [
  // arrange
  'a cluster with {int} worker nodes',
  'a cluster with {int} nodes using {word}',
  'image {string} exits with code {int} after {duration}',
  'image {string} takes {duration} to start',
  'image {string} answers {int} on {string}',
  // act
  'I scale {kind} {name} to {int} replica(s)',
  'node {string} joins the cluster labelled {selector}',
  // assert: the non-temporal and temporal forms of documented assertions
  '{kind} {name} has {int} ready replica(s)',
  'within {duration} {kind} {name} has {string} equal to {string}',
  'pod {name} is {word}',
  'node {string} is {word}',
  'there is/are {int} {kind} labelled {selector}',
  'there is/are {int} {kind} labelled {selector} in namespace {string}',
  'there is an event {string} for {kind} {name}',
  'the command succeeds',
];
