// One shared instance per distinct text: every Pod of an image gets "Pulling image "nginx:1.27"",
// "Created container: web"...; 150,000 copies of each would cost tens of MB. A bounded memo of the
// identity function (cleared when full), so it never changes what anyone sees.

const MAX_ENTRIES = 65_536;
const texts = new Map<string, string>();

/** The shared instance of `text` (equal to it). */
export function intern(text: string): string {
  const shared = texts.get(text);
  if (shared !== undefined) return shared;
  if (texts.size >= MAX_ENTRIES) texts.clear();
  texts.set(text, text);
  return text;
}
