import type { KubeObject } from './types';
import type { FieldError } from './field-errors';
import type { StoreView } from '../store/store';
import type { Rng } from '../engine/rng';

// What the API server knows about each kind: where it is served, whether it is namespaced, its
// resource names (kubectl's `get deploy`, `get deployments.apps`), and its defaulting and validation.

export interface KindInfo {
  readonly kind: string;
  /** group/version strings accepted in manifests; the first is the one objects are stored as. */
  readonly apiVersions: readonly string[];
  readonly group: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  /** SetDefaults_<Kind>, applied to a manifest before validation. Pure; returns a new object. */
  readonly defaults: (obj: KubeObject) => KubeObject;
  /**
   * The decoder's verdict on a raw manifest before defaulting (strict field validation: unknown or
   * duplicate fields, wrong types, unparsable quantities), as the text after "cannot be handled as a
   * <Kind>: ". Undefined when it decodes.
   */
  readonly decode?: (raw: Readonly<Record<string, unknown>>) => string | undefined;
  /** The registry strategy's PrepareForUpdate: fixes a defaulted update before validation (optional). */
  readonly prepareForUpdate?: (obj: KubeObject, old: KubeObject) => KubeObject;
  /**
   * The registry's allocation step after validation (a Service's cluster IP and node ports): the
   * object to store, or field errors. `rng` is deterministic for the object and the store.
   */
  readonly allocate?: (obj: KubeObject, old: KubeObject | undefined, view: StoreView, rng: Rng) =>
    { readonly obj: KubeObject; readonly errors?: undefined } | { readonly obj?: undefined; readonly errors: readonly FieldError[] };
  /**
   * Mutating admission on create (ServiceAccount for Pods): the object to store, or the Forbidden
   * message ("pods \"x\" is forbidden: ..."). Idempotent: an admitted object comes back unchanged.
   */
  readonly admit?: (obj: KubeObject, view: StoreView) => { readonly obj: KubeObject; readonly forbidden?: undefined } | { readonly obj?: undefined; readonly forbidden: string };
  /**
   * Validating admission on update (the Priority plugin's one-default rule): the Forbidden
   * message ("priorityclasses.scheduling.k8s.io \"x\" is forbidden: ..."), or undefined.
   */
  readonly admitUpdate?: (obj: KubeObject, old: KubeObject, view: StoreView) => string | undefined;
  /** Validate<Kind> (create, and update with `old`). Empty when valid. */
  readonly validate: (obj: KubeObject, old: KubeObject | undefined, view: StoreView) => readonly FieldError[];
}

const registry = new Map<string, KindInfo>();

export function registerKind(info: KindInfo): void {
  registry.set(info.kind, info);
}

export function kindInfo(kind: string): KindInfo | undefined {
  return registry.get(kind);
}

export function allKinds(): readonly KindInfo[] {
  return [...registry.values()];
}

/** `Deployment.apps`, `Pod`: the group-qualified kind the API server names in errors. */
export function groupKind(info: KindInfo): string {
  return info.group === '' ? info.kind : `${info.kind}.${info.group}`;
}

/** `deployment.apps/nginx`, `pod/nginx-abc`: how kubectl names an object in its output. */
export function resourceRef(info: KindInfo, name: string): string {
  return `${info.singular}${info.group === '' ? '' : `.${info.group}`}/${name}`;
}

/** Resolves a kubectl resource word (pods, po, pod, deploy, deployments.apps) to a kind. */
export function resolveResource(word: string): KindInfo | undefined {
  const lower = word.toLowerCase();
  for (const info of registry.values()) {
    const names = [info.plural, info.singular, ...info.shortNames, info.kind.toLowerCase()];
    if (names.includes(lower)) return info;
    if (info.group !== '' && names.some((n) => `${n}.${info.group}` === lower)) return info;
  }
  return undefined;
}
