import { defineParameterType } from '@cucumber/cucumber';
import { parseQuantity } from '../sim/api/quantity';
import { DURATION_PATTERNS, parseDuration } from './durations';
import { kindOf, type ObjectName } from './queries';
import type { SimWorld } from './world';

// The step vocabulary's parameter types; every regex of the step files lives here.

defineParameterType({
  name: 'duration',
  regexp: [...DURATION_PATTERNS],
  transformer: (text: string) => parseDuration(text),
});

/** A Kubernetes quantity (100m, 1.5, 128Mi, 2Gi) -> { text, value } (value in base units: cores, bytes). */
defineParameterType({
  name: 'quantity',
  regexp: /\d+(?:\.\d+)?(?:m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?/,
  transformer: (text: string) => {
    const value = parseQuantity(text);
    if (value === undefined) throw new Error(`"${text}" is not a Kubernetes quantity (e.g. 500m, 2, 128Mi)`);
    return { text, value };
  },
});

/** An object name in quotes: "web" (namespace default) or "kube-system/coredns"; "$POD" is a name picked earlier. */
defineParameterType({
  name: 'name',
  regexp: /"[^"\s/]+(?:\/[^"\s/]+)?"/,
  transformer(this: SimWorld, quoted: string): ObjectName {
    const text = this.resolve(quoted.slice(1, -1));
    const slash = text.indexOf('/');
    return slash < 0 ? { name: text } : { namespace: text.slice(0, slash), name: text.slice(slash + 1) };
  },
});

/** A kind as kubectl spells resources: deployment(s), replicaset(s), daemonset(s), controllerrevision(s), pod(s), node(s), pvc, pv... */
defineParameterType({
  name: 'kind',
  regexp: /deployments?|replicasets?|daemonsets?|statefulsets?|controllerrevisions?|pods?|nodes?|serviceaccounts?|services?|namespaces?|cronjobs?|jobs?|configmaps?|secrets?|persistentvolumeclaims?|persistentvolumes?|pvc|pv|storageclasses?/,
  transformer: (word: string) => kindOf(word),
});

/** Labels or a selector of equalities: app=nginx,tier=web -> { app: 'nginx', tier: 'web' }. */
defineParameterType({
  name: 'selector',
  regexp: /[A-Za-z0-9][\w./-]*=[\w.-]*(?:,[A-Za-z0-9][\w./-]*=[\w.-]*)*/,
  transformer: (text: string) => Object.fromEntries(text.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  })),
});
