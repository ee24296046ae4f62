import type { KubeObject, DaemonSet } from '../types';
import { defaultPodTemplate } from './pod-spec';
import { objOr, unset, orDefault, omitEmpty } from './util';

// pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet, the Pod template defaults, and the zero counts a
// new DaemonSet's status starts with.

/** SetDefaults_DaemonSet: RollingUpdate maxUnavailable 1 maxSurge 0, revisionHistoryLimit 10. */
export function defaultDaemonSet(obj: KubeObject): DaemonSet {
  const spec = objOr(obj.spec);
  const strategy = objOr(spec.updateStrategy);
  const type = unset(strategy.type) ? 'RollingUpdate' : strategy.type;
  let nextStrategy: Record<string, unknown> = { ...strategy, type };
  if (type === 'RollingUpdate') {
    const ru = objOr(strategy.rollingUpdate);
    nextStrategy = { ...nextStrategy, rollingUpdate: { ...ru, maxUnavailable: orDefault(ru.maxUnavailable, 1), maxSurge: orDefault(ru.maxSurge, 0) } };
  }
  const status = objOr(obj.status);
  return {
    ...obj,
    // DaemonSetSpec.minReadySeconds is an omitempty int32: 0 is not stored.
    spec: omitEmpty({
      ...spec,
      template: defaultPodTemplate(spec.template), // a struct in Go: defaulted even when absent
      updateStrategy: nextStrategy,
      revisionHistoryLimit: orDefault(spec.revisionHistoryLimit, 10),
    }, ['minReadySeconds']),
    status: {
      ...status,
      currentNumberScheduled: orDefault(status.currentNumberScheduled, 0),
      numberMisscheduled: orDefault(status.numberMisscheduled, 0),
      desiredNumberScheduled: orDefault(status.desiredNumberScheduled, 0),
      numberReady: orDefault(status.numberReady, 0),
    },
  } as unknown as DaemonSet;
}

/** appsv1.DeprecatedTemplateGeneration: where apps/v1 keeps the internal spec.templateGeneration. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** The DaemonSet's template generation, as the controller's util.GetTemplateGeneration reads it (1 if unset). */
export function templateGenerationOf(ds: KubeObject): number {
  const n = Number(ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * pkg/registry/apps/daemonset/strategy.go PrepareForCreate / PrepareForUpdate, seen through the
 * apps/v1 conversion (Convert_apps_DaemonSet_To_v1_DaemonSet): a new DaemonSet gets template
 * generation 1 (or the one it was given), an update keeps the stored one and adds 1 when
 * spec.template changed. Whatever a client writes to the annotation on update is replaced.
 *
 * | old annotation | template changed | stored annotation |
 * |----------------|------------------|-------------------|
 * | - (create)     | -                | "1"               |
 * | "1"            | no               | "1"               |
 * | "1"            | yes              | "2"               |
 */
export function withTemplateGeneration(obj: KubeObject, old: KubeObject | undefined, templateChanged: boolean): KubeObject {
  const generation = old === undefined ? templateGenerationOf(obj) : templateGenerationOf(old) + (templateChanged ? 1 : 0);
  const value = String(generation);
  if (obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] === value) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: value } } };
}
