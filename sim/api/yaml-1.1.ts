import type { ScalarTag, Tags } from 'yaml';

// sigs.k8s.io/yaml reads YAML with go-yaml v2, a YAML 1.1 reader: `0644` is octal (420),
// yes/no/on/off/y/n are booleans and `<<` merges. Unlike the yaml package's 1.1 schema, go-yaml v2
// has no sexagesimal numbers (190:20:30), leaves timestamp-like scalars as strings when decoding
// into interface{} (decode.go), which is how kubectl and Helm decode, and reads integers with Go's
// strconv.ParseInt(s, 0, 64) once underscores are dropped (resolve.go), so 0o17, 0X1F and 0B11 are
// numbers too. Use with `{ version: '1.1', customTags: goYamlV2Tags }`.

/** Go's base prefixes the 1.1 schema lacks: 0o/0O (octal), 0X (hex), 0B (binary). */
const GO_PREFIXED_INT: ScalarTag = {
  identify: () => false, // for reading only: numbers are written in decimal
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'GO',
  test: /^[-+]?0(?:[oO][0-7_]+|X[0-9a-fA-F_]+|B[01_]+)$/,
  resolve: (text) => {
    const sign = text.startsWith('-') ? -1 : 1;
    const digits = text.replace(/^[-+]?0./, '').replace(/_/g, '');
    const base = /^[-+]?0[oO]/.test(text) ? 8 : /^[-+]?0X/.test(text) ? 16 : 2;
    return sign * parseInt(digits, base);
  },
};

export function goYamlV2Tags(tags: Tags): Tags {
  const kept = tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'));
  return [...kept, GO_PREFIXED_INT];
}
