// Small translations from the step vocabulary's words to simulator values.

const PLUGINS = ['flannel', 'calico', 'canal', 'none'] as const;

export function networkPlugin(word: string): (typeof PLUGINS)[number] {
  const w = word.toLowerCase();
  if (!(PLUGINS as readonly string[]).includes(w)) throw new Error(`"${word}" is not a pod network kubespec installs (one of ${PLUGINS.join(', ')})`);
  return w as (typeof PLUGINS)[number];
}

/** `Running`, `Pending`... as kubectl prints them; also accepted lower-case. */
export function statusWord(word: string): string {
  return word.length > 0 ? word[0].toUpperCase() + word.slice(1) : word;
}
