/**
 * Templates + data rendered by real Jinja2 and by our renderer in the
 * differential test. Each case is a small template folder tree: `files` maps
 * a path (first segment = folder) to its text; `searchPath` lists the folders.
 */
export interface CorpusCase {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly searchPath: readonly string[];
  readonly data: Record<string, unknown>;
  /** @default 'cluster.sh' */
  readonly template?: string;
}

const cluster = {
  name: 'mongo',
  search_path: ['templates'],
  environment: { MONGODB_VERSION: '8.0', REPLICA_SET: 'rs0' },
  aws: {
    ami: 'ami-0123456789abcdef0',
    ami_name: 'docker:1.10',
    username: 'ec2-user',
    security_groups: 'sg-1,sg-2',
    terminate_protection: false,
    volumes: [
      { name: 'root', size: '30G' },
      { name: 'docker', size: '20G', block: '/dev/xvdz', file_system: 'lvm2', meta: { group: 'docker', volumes: [{ name: 'data', size: '19G' }, { name: 'metadata', size: '900M' }] } },
      { name: 'data', size: '10G', block: '/dev/xvdc', file_system: 'ext4', meta: { format: true, mount: '/data/mongodb' } },
    ],
    nodes: [
      { id: 0, ip: '10.0.10.10', subnet: 'subnet-a' },
      { id: 1, ip: '10.0.10.11', subnet: 'subnet-b' },
      { id: 2, ip: '10.0.10.12', subnet: 'subnet-c' },
    ],
    tags: { datadog: 'monitored', team: 'data' },
  },
  _node_id: 1,
  docker_compose: { yaml: 'services:\n  db:\n    image: mongo\n', override_yaml: 'services:\n  db:\n    hostname: mongo-1' },
  HOME: '/root',
};

const one = (name: string, template: string, data: Record<string, unknown> = cluster): CorpusCase => ({
  name,
  files: { 't/cluster.sh': template },
  searchPath: ['t'],
  data,
});

export const CORPUS: CorpusCase[] = [
  // Whitespace rules
  one('one trailing newline dropped', 'a\nb\n'),
  one('only one of two trailing newlines dropped', 'a\n\n'),
  one('CRLF line breaks', 'a\r\nb\r\n'),
  one('dash trims', 'x  \n  {%- if true -%}  \n  y  \n  {%- endif -%}  \n  z'),
  one('block tags keep their newline', 'a\n{% if true %}\nb\n{% endif %}\nc\n'),
  one('comments with dashes', 'a  {#- note -#}  b\n{# plain #}\nc'),
  one('raw block', '{% raw %}{{ not a var }} {% if %}${HOME}{% endraw %}'),
  one('output dashes', 'a   {{- name -}}   b'),
  // Values printed as Python prints them
  one('python values', '{{ aws.terminate_protection }} {{ true }} {{ True }} {{ none }} {{ None }} {{ aws.nodes[0].id }} {{ 1.5 }} {{ 0.1 + 0.2 }} {{ 3 / 2 }} {{ 7 // 2 }} {{ 2 ** 10 }} {{ -7 % 3 }}'),
  one('floats with a zero fraction', '{{ 4 / 2 }} {{ 1.0 }} {{ [2.0, 1] }} {{ 3 | float }} {{ "3" | float }} {{ 2.5 | round }} {{ 2.567 | round(1) }} {{ 1.0 + 1 }} {{ 2 * 1.5 }} {{ 4 / 2 == 2 }} {{ 4.0 | int }} {{ 1.0 is float }} {{ 1 is float }} {{ "%s %d %.1f" % (2.0, 2.0, 2) }} {{ 6.0 // 4 }} {{ 7 // 2 }} {{ 3.0 - 1 }} {{ 2.0 ** 2 }} {{ 2 ** -1 }} {{ -1.0 }} {{ -(2) }} {{ [1.0] | tojson }}'),
  one('python containers', '{{ aws.tags }} | {{ aws.volumes[1].meta }} | {{ [1, "a", none, true] }} | {{ ("a", 1) }} | {{ "it\'s" }} {{ ["it\'s", "q\\"d"] }}'),
  one('nested data', '{{ aws.volumes[1].meta.volumes[1].size }} {{ aws["tags"]["team"] }} {{ aws.nodes[-1].ip }} {{ docker_compose.yaml }}'),
  // Loops
  one('loop variables', '{% for n in aws.nodes %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {{ loop.cycle("odd", "even") }}\n{% endfor %}'),
  one('loop previtem nextitem', '{% for n in aws.nodes %}{% if loop.previtem is defined %}{{ loop.previtem.id }}{% endif %}<{{ n.id }}>{% if loop.nextitem is defined %}{{ loop.nextitem.id }}{% endif %};{% endfor %}'),
  one('for if filter', '{% for v in aws.volumes if v.block is defined %}{{ loop.index }}/{{ loop.length }}:{{ v.name }} {% endfor %}'),
  one('for if filter with else', '{% for v in aws.volumes if v.size == "1T" %}{{ v.name }}{% else %}none matched{% endfor %}'),
  one('for over dict items', '{% for key, value in aws.tags.items() %}{{ key }}={{ value }}\n{% endfor %}{% for k in aws.tags %}[{{ k }}]{% endfor %}{% for k in aws.tags.keys() %}{{ k }}{% endfor %}{% for v in aws.tags.values() %}{{ v }}{% endfor %}'),
  one('for over string and empty list', '{% for c in "abc" %}{{ c }}-{% endfor %}{% for x in [] %}x{% else %}empty{% endfor %}'),
  one('nested loops and loop scoping', '{% set found = false %}{% for n in aws.nodes %}{% set found = true %}{% for v in aws.volumes %}{{ loop.index }}{% endfor %}|{% endfor %} {{ found }}'),
  one('set and append', '{%- set members = [] -%}\n{%- for node in aws.nodes -%}\n{%- set _ = members.append(node.ip ~ ":27017") -%}\n{%- endfor %}\n{{ members | join(",") }} {{ members | length }}'),
  one('set block', '{% set header %}# {{ name }}{% endset %}{{ header }}!'),
  // Filters and tests
  one('default filter', '{{ aws.missing | default("d") }} {{ aws.username | default("x") }} {{ "" | default("empty", true) }} {{ "" | default("empty") }} {{ [] | d("no list", true) }} {{ aws.terminate_protection | default(true, true) }} {{ aws.volumes[0].meta | default({}) }}'),
  one('string filters', '{{ name | upper }} {{ "ABC" | lower }} {{ "a-b-a" | replace("a", "x") }} {{ "a-b-a" | replace("a", "x", 1) }} {{ "hello world" | title }} {{ "hELLO" | capitalize }} {{ "  pad  " | trim }} {{ true | upper }} {{ 5 | string }} {{ "42" | int + 1 }}'),
  one('join and length', '{{ aws.nodes | map(attribute="ip") | join(", ") }} {{ [1, 2, 3] | join }} {{ [true, none] | join("/") }} {{ aws.tags | length }} {{ name | length }} {{ aws.nodes | length }} {{ aws.tags | join(",") }}'),
  one('select filters', '{{ aws.volumes | selectattr("block", "defined") | map(attribute="name") | join(",") }} {{ aws.volumes | rejectattr("block", "defined") | map(attribute="name") | list }} {{ [0, 1, "", "a"] | select | list }}'),
  one('tests', '{{ aws is defined }} {{ nope is defined }} {{ nope is undefined }} {{ none is none }} {{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby(3) }} {{ name is string }} {{ aws is mapping }} {{ 2 is number }} {{ name is lower }}'),
  one('first last sort', '{{ aws.nodes | first }} {{ [3, 1, 2] | last }} {{ [3, 1, 2] | sort }} {{ ["b", "A", "c"] | sort }} {{ aws.nodes | sort(attribute="ip", reverse=true) | map(attribute="id") | list }}'),
  one('indent', '{{ "a\\nb\\n\\nc" | indent(2) }}|{{ "a\\nb" | indent(4, true) }}'),
  // Operators and expressions
  one('operators', '{{ "ab" ~ 1 ~ none }} {{ [1] + [2] }} {{ "-" * 5 }} {{ 1 == 1.0 }} {{ 1 == "1" }} {{ [1, 2] == [1, 2] }} {{ "a" in "cat" }} {{ "ami" in aws }} {{ 2 in [1, 2] }} {{ 1 < 2 < 3 }} {{ not [] }} {{ [] or "fallback" }} {{ "x" and "y" }} {{ 0 or none }}'),
  one('inline if', '{{ "yes" if aws.nodes else "no" }} {{ "one" if aws.nodes | length == 1 else "many" }} {{ name if true }} [{{ "x" if false }}]'),
  one('percent formatting', '{{ "%s-%s" % (name, _node_id) }} {{ "%05d|%-4s|%.2f|%x|%%" % (42, "ab", 3.14159, 255) }} {{ "%(a)s" % {"a": 1} }} {{ "%s" % aws.nodes[0].ip }} {{ "%r" % name }}'),
  one('truthiness', '{% if [] %}a{% endif %}{% if {} %}b{% endif %}{% if "" %}c{% endif %}{% if 0 %}d{% endif %}{% if "0" %}e{% endif %}{% if aws.volumes %}f{% endif %}{% if none %}g{% endif %}{% if aws.volumes[2].meta.format and not aws.volumes[2].snapshot is defined %}h{% endif %}'),
  one('elif chains', '{% for n in aws.nodes %}{% if n.id == 0 %}zero{% elif n.id == 1 %}one{% else %}other{% endif %} {% endfor %}'),
  one('slices', '{{ name[:3] }} {{ name[1:] }} {{ name[::-1] }} {{ aws.nodes[1:] | map(attribute="id") | list }} {{ aws.nodes[:-1] | length }}'),
  // Python methods on values
  one('string methods', '{{ "a,b,,c".split(",") }} {{ "  a  b \\n c ".split() }} {{ "a b c".split(" ", 1) }} {{ "a.b.c".rsplit(".", 1) }} {{ "xxaxx".strip("x") }} {{ "  hi ".lstrip() }}| {{ "a-b-a".replace("a", "o") }} {{ "Hello".startswith("He") }} {{ "Hello".endswith(("x", "lo")) }} {{ "hi".upper() }} {{ "HI".lower() }} {{ "hello world".title() }} {{ "hello".capitalize() }} {{ ",".join(["a", "b"]) }} {{ "banana".count("a") }} {{ "banana".find("n") }} {{ "a\\nb\\n".splitlines() }} {{ "123".isdigit() }} {{ "{} and {}".format(1, "x") }} {{ "7".zfill(3) }}'),
  one('str.format specs', '{{ "{:>6}|{:<4}|{:^7}|{:05d}|{:.2f}|{:+d}|{:,}|{:x}|{:#x}|{:08.3f}|{:*^9}|{:e}|{:.1%}|{:>6}|{}".format("ab", "c", "mid", 42, 3.14159, 7, 1234567, 255, 255, -3.5, "x", 12345.678, 0.256, 2.5, 2.0) }} {{ "{name}-{0}".format(1, name="n") }}'),
  one('printing views and ranges', '{{ aws.tags.keys() }} {{ aws.tags.values() }} {{ aws.tags.items() }} {{ range(3) }} {{ range(1, 9, 3) }} {{ range(3) | list }} {{ aws.tags.keys() | join(",") }}'),
  one('dict methods', '{{ aws.tags.get("team") }} {{ aws.tags.get("nope") }} {{ aws.tags.get("nope", "dflt") }} {{ aws.tags.keys() | list }} {{ aws.tags.values() | list }} {{ aws.tags.items() | list }}'),
  one('list methods', '{% set l = [3, 1] %}{{ l.append(2) }}{{ l }} {{ l.index(1) }} {{ l.count(3) }} {{ l.pop() }} {{ l }}'),
  one('string indexing', '{{ name[0] }}{{ name[-1] }} {{ aws.security_groups.split(",")[1] }}'),
  one('string escapes', '{{ "a\\tb" }}|{{ \'it\\\'s\' }}|{{ "q\\"q" }}|{{ "back\\\\slash" }}'),
  one('range and dictsort', '{% for i in range(3) %}{{ i }}{% endfor %} {% for i in range(1, 7, 2) %}{{ i }}{% endfor %} {% for k, v in aws.tags | dictsort %}{{ k }}={{ v }};{% endfor %}'),
  one('default with keyword', '{{ "" | default("kw", boolean=true) }} {{ none | default("nd") }} {{ aws.nope | default(none) }}'),
  one('set with expressions', '{% set total = aws.nodes | length * 2 %}{% set ips = aws.nodes | map(attribute="ip") | list %}{{ total }} {{ ips[0] }} {{ ips | last }}'),
  one('filter block', '{% filter upper %}shout {{ name }}{% endfilter %}'),
  one('more filters', '{{ "%s-%s" | format(name, _node_id) }} {{ aws.nodes | map(attribute="id") | max }} {{ [3, 1, 2] | min }} {{ 2.567 | round(2) }} {{ 2.45 | round(1, "floor") }} {{ aws.tags | dictsort }} {{ aws.tags | tojson }} {{ "a-b c(d x1y" | title }} {{ [3, 1] | reverse | list }} {{ [1, 2] | sum }}'),
  one('groupby', '{% for group in aws.volumes | groupby("size") %}{{ group.grouper }}:{{ group.list | map(attribute="name") | join(",") }};{% endfor %}'),
  one('with and namespace', '{% with first = aws.nodes[0], n = 2 %}{{ first.ip }}/{{ n }}{% set inner = 1 %}{% endwith %} {{ inner is defined }} {% set ns = namespace(count=0, seen=false) %}{% for v in aws.volumes %}{% set ns.count = ns.count + 1 %}{% endfor %}{{ ns.count }}'),
  one('loop changed and depth', '{% for v in aws.volumes %}{% if loop.changed(v.size) %}{{ v.size }} {% endif %}{{ loop.depth }}{{ loop.depth0 }} {% endfor %}'),
  one('tests with bare arguments', '{{ 9 is divisibleby 3 }} {{ aws.terminate_protection is sameas false }} {{ name is equalto "mongo" }} {{ 2 is in [1, 2] }} {{ name is not none }} {{ aws is defined and name is string }}'),
  // Includes
  {
    name: 'an include does not leak its sets into the including template',
    files: { 't/cluster.sh': '{% include "inner.sh" %}[{{ leaked is defined }}]', 't/inner.sh': '{% set leaked = 1 %}inner' },
    searchPath: ['t'],
    data: cluster,
  },
  {
    name: 'an include inside a loop sees the loop variable',
    files: { 't/cluster.sh': '{% for n in aws.nodes %}{% include "node.sh" %}\n{% endfor %}', 't/node.sh': '{{ n.id }}:{{ n.ip }}\n' },
    searchPath: ['t'],
    data: cluster,
  },
  {
    name: 'but not loop itself',
    files: { 't/cluster.sh': '{% for n in aws.nodes %}{% include "node.sh" %}\n{% endfor %}', 't/node.sh': '{{ loop.index }}\n' },
    searchPath: ['t'],
    data: cluster,
  },
  {
    name: 'includes share variables and resolve through the search path',
    files: {
      'a/cluster.sh': '#!/bin/bash\n{% set greeting = "hi" %}\n{% include "part.sh" %}\n{% include "sub/nested.sh" %}\nend\n',
      'b/part.sh': 'part {{ greeting }} {{ name }}\n',
      'b/sub/nested.sh': '{% for n in aws.nodes %}{% include "line.sh" %}{% endfor %}\n',
      'b/line.sh': 'node {{ n.id }}\n',
    },
    searchPath: ['a', 'b'],
    data: cluster,
  },
  {
    name: 'an earlier search-path folder overrides a partial',
    files: {
      'base/cluster.sh': '{% include "mounts.sh" %}\n{% include "compose.sh" %}\n',
      'base/mounts.sh': 'default mounts\n',
      'base/compose.sh': 'default compose\n',
      'override/mounts.sh': 'custom mounts for {{ name }}\n',
    },
    searchPath: ['override', 'base'],
    data: cluster,
  },
  {
    name: 'the first cluster.sh on the search path wins',
    files: { 'first/cluster.sh': 'first\n', 'second/cluster.sh': 'second\n' },
    searchPath: ['first', 'second'],
    data: cluster,
  },
  {
    name: 'macros',
    files: { 't/cluster.sh': '{% macro mount(v, opts="defaults") -%}\nmount {{ v.block }} {{ opts }}\n{%- endmacro %}{% for v in aws.volumes if v.block is defined %}{{ mount(v) }}\n{% endfor %}' },
    searchPath: ['t'],
    data: cluster,
  },
  {
    name: 'imported macros and call blocks',
    files: {
      't/cluster.sh': '{% import "macros.sh" as m %}{% from "macros.sh" import unit %}{{ m.line("a") }}|{{ unit("b") }}|{% call m.wrap() %}inside {{ name }}{% endcall %}',
      'lib/macros.sh': '{% macro line(x) %}line {{ x }}{% endmacro %}{% macro unit(x) -%}\n[{{ x }}]\n{%- endmacro %}{% macro wrap() %}<{{ caller() }}>{% endmacro %}',
    },
    searchPath: ['t', 'lib'],
    data: cluster,
  },
  // The volume setup partial the example projects shipped (docker-mongodb system.mounts.sh)
  one(
    'docker-mongodb system.mounts.sh',
    '# system.mounts.sh\n{%- for volume in aws.volumes %}\n\n{%- if volume.meta is defined and volume.meta.format is defined and volume.meta.format and volume.snapshot is not defined %}\nmkfs -t {{ volume.file_system }} {{ volume.block }}\n{%- endif %}\n\n{%- if volume.meta is defined and volume.meta.mount is defined %}\necho -e \'{{ volume.block }}\\t{{ volume.meta.mount }}\\t{{ volume.file_system }}\\t{{ volume.meta.options|default("defaults,noatime", true) }}\\t0\\t0\' >> /etc/fstab\nmkdir -p {{ volume.meta.mount }}\nmount {{ volume.meta.mount }}\n{%- endif %}\n\n{%- if volume.file_system is defined and volume.file_system == "lvm2" %}\npvcreate {{ volume.block }}\nvgcreate {{ volume.meta.group}}  {{ volume.block }}\n{%- for logical_volume in volume.meta.volumes %}\nlvcreate -L {{ logical_volume.size }} -n {{ logical_volume.name }} -Z n {{ volume.meta.group }}\n{%- endfor %}\n{%- endif %}\n\n{%- endfor %}\n',
  ),
  // Filters with attribute / keyword arguments (review sweep)
  one('sum with attribute and start', '{{ aws.nodes | sum(attribute="id") }} {{ [3, 1.5, -2] | sum }} {{ [1, 2] | sum(start=10) }} {{ aws.nodes | map(attribute="id") | sum }} {{ [0.5, 0.5] | sum }}'),
  one('truncate as Jinja2 (leeway 5)', '{{ name | truncate(3, True, "") }}|{{ name | truncate(3) }}|{{ "hello world foo bar baz" | truncate(9) }}|{{ "hello world foo" | truncate(9, true) }}|{{ "hello world" | truncate(9, false, "..", 0) }}|{{ "abcdefghijkl" | truncate(5, leeway=0) }}|{{ "ab cd ef gh ij kl" | truncate(6, end="~", leeway=1) }}|{{ "abcdefghijkl" | truncate(length=6, killwords=true, leeway=0) }}'),
  one('map selectattr rejectattr with arguments', '{{ aws.nodes | map(attribute="subnet") | list }} {{ aws.nodes | map(attribute="missing", default="x") | list }} {{ ["a", "b"] | map("upper") | list }} {{ aws.nodes | selectattr("id", "equalto", 1) | map(attribute="ip") | list }} {{ aws.nodes | rejectattr("id") | map(attribute="ip") | list }} {{ [1, 2, 3] | select(">", 1) | list }} {{ [1, 2, 3] | reject("gt", 1) | list }} {{ [1, 2, 3] | select("lessthan", 3) | list }} {{ ["a1", "b2"] | map("replace", "1", "!") | list }}'),
  one('groupby', '{% for g in aws.volumes | groupby("size") %}{{ g.grouper }}:{{ g.list | map(attribute="name") | list }};{% endfor %} {% for key, items in [{"z": "b", "i": 0}, {"z": "a", "i": 1}, {"z": "a", "i": 2}] | groupby("z") %}{{ key }}={{ items | map(attribute="i") | list }} {% endfor %}'),
  one('sort with keywords', '{{ ["b", "A", "a", "c", "B"] | sort }} {{ ["b", "A", "a", "c", "B"] | sort(reverse=true) }} {{ ["b", "A", "a", "c", "B"] | sort(case_sensitive=true) }} {{ [{"z": "b", "i": 0}, {"z": "a", "i": 2}, {"z": "a", "i": 1}] | sort(attribute="z,i") | map(attribute="i") | list }} {{ aws.nodes | sort(attribute="subnet", reverse=True) | map(attribute="id") | list }}'),
  one('unique min max with keywords', '{{ ["b", "A", "a", "c", "B"] | unique | list }} {{ ["b", "A", "a", "c", "B"] | unique(case_sensitive=true) | list }} {{ [{"z": "b", "i": 0}, {"z": "a", "i": 1}, {"z": "a", "i": 2}] | unique(attribute="z") | map(attribute="i") | list }} {{ [3, 1.5, -2] | min }} {{ [3, 1.5, -2] | max }} {{ ["b", "A", "c"] | min }} {{ ["b", "A", "c"] | max(case_sensitive=true) }} {{ aws.nodes | max(attribute="id") }} {{ aws.nodes | min(attribute="ip") }}'),
  one('join default with keywords', '{{ aws.nodes | join(", ", attribute="ip") }} {{ aws.nodes | join(attribute="id") }} {{ none | default("x") }} {{ false | default("x", true) }} {{ 0 | default(5, boolean=true) }}'),
  one('round int float with arguments', '{{ 2.5 | round }} {{ 3.5 | round }} {{ 2.567 | round(2) }} {{ 2.561 | round(1, "floor") }} {{ 2.511 | round(1, "ceil") }} {{ 2 | round }} {{ 2 | round(1, "floor") }} {{ -2.5 | round }} {{ 1.25 | round(1) }} {{ "42" | int }} {{ "x" | int }} {{ "x" | int(7) }} {{ "0x1A" | int(0, 16) }} {{ "ff" | int(base=16) }} {{ "12" | int(base=8) }} {{ 3.9 | int }} {{ "3.9" | int }} {{ "0b101" | int(0, 0) }} {{ "1_000" | int }} {{ "3.5" | float }} {{ "x" | float }} {{ "x" | float(1.5) }} {{ 3 | float }} {{ "1e3" | float }} {{ "x" | float(default=2) }}'),
  one('replace center indent wordcount', '{{ "aaaa" | replace("a", "b", 2) }} [{{ "ab" | center(7) }}] [{{ "abc" | center(8) }}] [{{ "ab" | center }}] {{ "a\nb\n\nc" | indent }}|{{ "a\nb\n\nc" | indent(2, true) }}|{{ "a\nb\n\nc" | indent(first=true, blank=true) }}|{{ "a\nb" | indent("> ") }}|{{ "a\nb\n" | indent(2) }} {{ "hello big world  " | wordcount }} {{ "a-b c_d e.f" | wordcount }}'),
  one('list dictsort batch slice', '{{ "abc" | list }} {{ aws.tags | list }} {{ aws.tags | dictsort }} {{ aws.tags | dictsort(reverse=true) }} {{ aws.tags | dictsort(by="value") }} {{ {"B": 1, "a": 2} | dictsort }} {{ {"B": 1, "a": 2} | dictsort(true) }} {{ [1,2,3,4,5] | batch(2) | list }} {{ [1,2,3,4,5] | batch(2, "x") | list }} {{ [1,2,3,4,5] | slice(2) | list }} {{ [1,2,3,4,5] | slice(3, 0) | list }} {{ [1,2,3,4,5,6,7] | slice(3, fill_with="-") | list }}'),
  one('title trim format string abs first last length reverse', '{{ "hello WORLD it\'s x-ray" | title }} {{ "--ab--" | trim("-") }} {{ "xxaxx" | trim("x") }} {{ "%s-%d" | format("a", 3) }} {{ "%5.1f|%-4s|%x" | format(3.14159, "ab", 255) }} {{ 3 | string }} {{ none | string }} {{ -3 | abs }} {{ -2.5 | abs }} {{ "abc" | first }} {{ "abc" | last }} {{ aws.tags | count }} {{ [1, 2] | reverse | list }} {{ "abc" | reverse }}'),
  one('tojson with indent', '{{ aws.tags | tojson }} {{ aws.nodes[0] | tojson(indent=2) }} {{ [1, [2, {}], []] | tojson(2) }} {{ "a\'<b>&" | tojson }}'),
  one('items of a dict sorted', '{{ aws.tags.items() | sort }} {{ aws.tags | dictsort | first }} {{ [(2, "a"), (1, "b"), (1, "a")] | sort }} {{ [[1, 2], [1]] | sort }}'),
  one('include ignore missing renders nothing', 'a{% include "optional.sh" ignore missing %}b'),
  { name: 'include a list: the first found', files: { 't/cluster.sh': '{% include ["nope.sh", "part.sh", "cluster.sh"] %}|{% include ["nope.sh"] ignore missing %}|', 't/part.sh': 'part {{ name }}\n' }, searchPath: ['t'], data: cluster },
  { name: 'include ./name', files: { 't/cluster.sh': '{% include "./part.sh" %}', 't/part.sh': 'part' }, searchPath: ['t'], data: cluster },
  one('truncate with length below the end: both fail', '{{ name | truncate(2) }}'),
  one('sum of a missing attribute: both fail', '{{ [1, 2] | sum(attribute="x") }}'),
  one('sum with a positional number is an attribute: both fail', '{{ [1, 2] | sum(10) }}'),
  one('unknown keyword argument of a filter: both fail', '{{ [1, 2] | sort(nope=1) }}'),
  one('center with a fill argument: both fail', '{{ "abc" | center(9, "*") }}'),
  one('include a list of missing names: both fail', '{% include ["a.sh", "b.sh"] %}'),
  one('number literals with exponent and underscores', '{{ 1.5e3 }} {{ 1e3 }} {{ 2.5E1 }} {{ 1_000 }} {{ [1.5e3, 2] }} {{ 1e2 + 1 }}'),
  one('escape striptags urlencode attr pprint', '{{ "<a href=\'x\'>T&amp;</a>" | escape }} {{ "<a>" | e }} {{ "<a>" | forceescape }} {{ "<p>Hello  <b>you</b></p>" | striptags }} {{ "a b&c/d" | urlencode }} {{ {"a": "b c", "d": 1} | urlencode }} {{ [("k", "v w")] | urlencode }} {{ aws.nodes[0] | attr("ip") }} {{ aws.tags | pprint }} {{ "a" | pprint }} {{ [1, (2,)] | pprint }}'),
  one('reverse first last of a dict, batch fill, wordcount of a number', '{{ aws.tags | reverse | list }} {{ aws.tags | first }} {{ aws.tags | last }} {{ ["b", "A", "a", "c", "B"] | batch(3, "") | list }} {{ [1, 2, 3] | batch(3, "-") | list }} {{ "Hello World" | wordcount }} {{ 42 | wordcount }}'),
  one('groupby case-insensitive, default and case_sensitive', '{{ ["b", "A", "a", "c", "B"] | groupby("0") }} {{ ["b", "A", "a"] | groupby("0", case_sensitive=true) }} {% for g in aws.volumes | groupby("block", default="-") %}{{ g.grouper }}={{ g.list | length }} {% endfor %}'),
  one('fixed-point ties round to even as Python', '{{ "%.1f|%.1f|%.2f|%.0f|%.0f|%05.1f" | format(2.25, -2.25, 0.125, 2.5, 3.5, 2.25) }} {{ "{:.1f} {:.0f} {:.1%}".format(2.25, 0.5, 0.00125) }}'),
  one('nunjucks-only filter dump: both fail', '{{ aws.tags | dump }}'),
  one('nunjucks-only filter nl2br: both fail', '{{ name | nl2br }}'),
  { name: 'extends and blocks', files: { 't/cluster.sh': '{% extends "base.sh" %}{% block body %}child {{ name }} {{ super() }}{% endblock %}', 't/base.sh': 'head\n{% block body %}base{% endblock %}\ntail\n' }, searchPath: ['t'], data: cluster },
  one('nunjucks-only tag asyncEach: both fail', '{% asyncEach x in [1, 2] %}{{ x }}{% endeach %}'),
  one('nunjucks-only tag elseif: both fail', '{% if false %}a{% elseif true %}b{% endif %}'),
  one('nunjucks-only tag ifAsync: both fail', '{% ifAsync true %}a{% endif %}'),
  { name: 'syntax error in an extended template: both fail', files: { 't/cluster.sh': '{% extends "base.sh" %}{% block b %}x{% endblock %}', 't/base.sh': '{% block b %}{% endblock %}{% if %}' }, searchPath: ['t'], data: cluster },
  one('widths count characters, not UTF-16 units', '{{ "😀ab" | length }} {{ "😀ab"[::-1] }} {{ "😀ab" | reverse }} {{ "😀ab" | list }} [{{ "😀ab" | center(7) }}] [{{ "😀ab".ljust(5) }}] [{{ "😀ab".rjust(5, "*") }}] {{ "😀abcdefgh" | truncate(3, true, "", 0) }}'),
  one('signed exponents and big ints', '{{ 1.0e-5 }} {{ 1e-5 }} {{ 2.5e+2 }} {{ 1E+3 }} {{ [1e-2, 3] }} {{ 1e3-1 }} {{ 5-1 }} {{ 1e20 | int }} {{ 10 ** 16 }} {{ 2 ** 60 }}'),
  one('indent edge cases', '{{ "" | indent(first=true) }}|{{ "a\n  \nb" | indent(2) }}|{{ "a\r\nb" | indent(2) }}|{{ "a\nb\n" | indent(2, blank=true) }}|{{ "x" | indent(2, true, true) }}'),
  one('str.format conversions', '{{ "{!r}".format("x") }} {{ "{!r:>6}".format("x") }} {{ "{0!s}".format(1.0) }} {{ "{0} {1} {0}".format("x", "y") }}'),
  one('str.format index out of range: both fail', '{{ "{} {}".format(1) }}'),
  one('percent formatting of one list or dict, negative zero', "{{ '%s' % aws.tags }} {{ '%s' % [1, 2] }} {{ '%s' % (aws.nodes | length) }} {{ '%-10s|' % 'x' }} {{ '%03d' % 7 }} {{ '%x %o %X' % (255, 8, 255) }} {{ '%s-%s' % ('a', 'b') }} {{ -0.0 }} {{ 0.0 * -1 }} {{ -1 * 0 }}"),
  one('percent formatting with too many arguments: both fail', "{{ '%s' % (1, 2) }}"),
  one('set unpacks as Python (nunjucks gave every name the whole value)', '{% set a, b = 1, 2 %}{{ a }}{{ b }} {% set t = 1, 2 %}{{ t }} {% set k, v = ("x", 3) %}{{ k }}={{ v }} {% set p, q = [5, 6] %}{{ p + q }} {% set key, value = aws.tags.items() | first %}{{ key }}:{{ value }} {% for i in range(2) %}{% set a, b = i, i * 2 %}{{ a }}{{ b }}{% endfor %}{{ a }}'),
  one('set unpacking with too many values: both fail', '{% set a, b = (1, 2, 3) %}'),
  one('set unpacking a number: both fail', '{% set a, b = 1 %}'),
  one('for unpacking', '{% for a, b in [[1, 2], (3, 4), "xy"] %}{{ a }}{{ b }} {% endfor %}{% for k, v in aws.tags.items() if v != "data" %}{{ k }}={{ v }}{% endfor %} {% for k, v in {"ab": 1} %}{{ k }}{{ v }}{% endfor %}'),
  one('for unpacking dict keys of another length: both fail', '{% for k, v in aws.tags %}{{ k }}{% endfor %}'),
  one('for unpacking a number: both fail', '{% for a, b in [1, 2] %}{% endfor %}'),
  one('nunjucks regex literal: both fail', '{{ r/ab/g }}'),
  one('nunjucks null: both fail (undefined name)', '{{ null }}'),
  one('nunjucks switch: both fail', '{% switch name %}{% case "mongo" %}m{% default %}d{% endswitch %}'),
  one('nunjucks verbatim: both fail', '{% verbatim %}x{% endverbatim %}'),
  one('nested inline if', '{{ 1 if 1 else 2 if 0 else 3 }} {{ 1 if 0 else 2 if 0 else 3 }} {{ "a" if false }}|{{ (1 if 0 else 2) + 1 }} {{ 1 if 0 else 2 if 1 }} {{ "a" ~ ("b" if true else "c") }} {{ "y" if name == "mongo" and true else "n" }}'),
  // Errors: both must fail
  one('undefined name', 'x\n{{ aws.usrname }}'),
  one('undefined in if', '{% if nope %}x{% endif %}'),
  one('undefined in for', '{% for x in nope %}{% endfor %}'),
  one('attribute of undefined', '{{ nope.inner }}'),
  one('undefined compared', '{% if aws.missing == "x" %}x{% endif %}'),
  one('undefined concatenated', '{{ "a" ~ nope }}'),
  one('undefined through a filter', '{{ nope | upper }}'),
  one('syntax error', '{% if %}'),
  one('unclosed block', '{% for x in aws.nodes %}'),
  one('missing include', '{% include "nope.sh" %}'),
];
