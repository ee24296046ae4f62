// Helm 3 over the simulator: the Go-template engine (template/), charts, values, releases stored as
// Secrets, and the helm command line (runHelm).

export { runHelm, type HelmResult } from './cli';
export type { HelmIo, HelmWrite } from './io';
export { history, latestReleases } from './actions';
export { releaseOf, secretName, RELEASE_SECRET_TYPE, type Release } from './release';
