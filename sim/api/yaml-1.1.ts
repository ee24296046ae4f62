import type { Tags } from 'yaml';

// sigs.k8s.io/yaml reads YAML with go-yaml v2, a YAML 1.1 reader: `0644` is octal (420),
// yes/no/on/off/y/n are booleans and `<<` merges. Unlike the yaml package's 1.1 schema, go-yaml v2
// has no sexagesimal numbers (190:20:30), and leaves timestamp-like scalars as strings when
// decoding into interface{} (decode.go), which is how kubectl and Helm decode. Use with
// `{ version: '1.1', customTags: goYamlV2Tags }`.

export function goYamlV2Tags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'));
}
