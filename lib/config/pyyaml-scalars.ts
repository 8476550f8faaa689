/**
 * YAML 1.1 scalar typing exactly as PyYAML (the original's parser) does it.
 *
 * The `yaml` package's 1.1 schema is broader than PyYAML's resolver in a few
 * places that matter for existing files: it reads `y`/`n` as booleans, `.` as
 * NaN (a common `search_path` entry!), `1e5` as a number and `09` as 9, where
 * PyYAML keeps all four as strings. Each bool/int/float tag is narrowed to the
 * plain scalars PyYAML's resolver (resolver.py) also types that way.
 */
import { ScalarTag, Tags } from 'yaml';

const PYYAML_IMPLICIT: Record<string, string> = {
  'tag:yaml.org,2002:bool': 'yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF',
  'tag:yaml.org,2002:int': '[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+',
  'tag:yaml.org,2002:float':
    '[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
};

/** `customTags` for parseDocument: the 1.1 tags with PyYAML's implicit-typing rules. */
export function pyyamlScalarTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || !('test' in tag) || !(tag.test instanceof RegExp)) return tag;
    const pyyaml = PYYAML_IMPLICIT[tag.tag];
    if (!pyyaml) return tag;
    // Matches only where both PyYAML's pattern and the tag's own pattern match.
    const narrowed: ScalarTag = { ...(tag as ScalarTag), test: new RegExp(`^(?=(?:${pyyaml})$)(?:${tag.test.source})`) };
    return narrowed;
  });
}
