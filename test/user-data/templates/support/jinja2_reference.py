"""Reference renderer for the differential tests: real Jinja2, configured as the
original cloud-compose cluster plugin configured it (FileSystemLoader over the
search path, StrictUndefined, default whitespace rules).

stdin: JSON list of {"searchPath": [...], "template": "cluster.sh", "data": {...}}
stdout: JSON list of {"output": "..."} or {"error": "..."}
"""
import json
import sys

import jinja2


def render(case):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(case["searchPath"]), undefined=jinja2.StrictUndefined)
    try:
        return {"output": env.get_template(case["template"]).render(case["data"])}
    except Exception as error:  # the test compares error kinds, not texts
        return {"error": type(error).__name__ + ": " + str(error)}


print(json.dumps([render(case) for case in json.load(sys.stdin)]))
