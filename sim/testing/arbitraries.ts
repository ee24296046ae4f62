import fc from 'fast-check';

// Small named arbitraries for workload property tests. Each validates what it is given.

export const WORKLOAD_NAMES = ['web', 'api', 'db'] as const;
export const IMAGES = ['nginx:1.7.9', 'nginx:1.9.1', 'httpd'] as const;

/** A replica count for a scale step: 0..max (max <= 10 keeps runs fast). */
export function arbReplicas(max = 6): fc.Arbitrary<number> {
  if (!Number.isInteger(max) || max < 0 || max > 10) throw new Error(`arbReplicas: max must be an integer 0..10, got ${max}`);
  return fc.integer({ min: 0, max });
}

export const arbName = (): fc.Arbitrary<string> => fc.constantFrom(...WORKLOAD_NAMES);
export const arbImage = (): fc.Arbitrary<string> => fc.constantFrom(...IMAGES);

/** Time passing in a step: from a second to past the 5-minute eviction of Pods on a lost node. */
export function arbSeconds(): fc.Arbitrary<number> {
  return fc.constantFrom(1, 5, 10, 30, 60, 400);
}
