#!/usr/bin/env python3
"""Writes engine/validation/schema/gateway_api_v1.6.1.json from the Gateway API CRDs.

The product must know the CRDs' structural schemas and CEL rules without reading ../shared at
run time, so this developer tool folds the standard and experimental CRDs into one compact bundle:
every served or listed version of every kind, each description cut to its first paragraph (the
studio's tooltips and completion show it; the rest is reference text, and keeping it would
triple the bundle), and each property, enum value and CEL rule that only the experimental
channel has marked with "x-torii-experimental". Run it
again when the CRDs change:  python3 tools/gen_schema_bundle.py ../shared/crds
"""
import json
import os
import sys

import yaml

KEEP = {
    "type", "format", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minProperties",
    "maxProperties", "required", "default", "nullable", "x-kubernetes-list-type",
    "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-int-or-string",
    "x-kubernetes-preserve-unknown-fields",
}


def load_crds(folder):
    crds = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(folder, name)) as f:
            for doc in yaml.safe_load_all(f):
                if doc and doc.get("kind") == "CustomResourceDefinition":
                    crds[doc["spec"]["names"]["kind"]] = doc
    return crds


def first_paragraph(text):
    """The description's first paragraph on one line (the CRDs wrap their text at ~80 columns)."""
    paragraph = text.strip().split("\n\n")[0]
    return " ".join(line.strip() for line in paragraph.splitlines() if line.strip())


def slim(schema):
    """The schema with short descriptions, keeping structure and validation keywords."""
    out = {}
    for key, value in schema.items():
        if key in KEEP:
            out[key] = value
        elif key == "description" and isinstance(value, str) and value.strip():
            out["description"] = first_paragraph(value)
        elif key == "properties":
            out["properties"] = {k: slim(v) for k, v in value.items()}
        elif key == "items":
            out["items"] = slim(value)
        elif key == "additionalProperties":
            out["additionalProperties"] = slim(value) if isinstance(value, dict) else value
        elif key in ("oneOf", "anyOf", "allOf"):
            out[key] = [slim(v) for v in value]
        elif key == "not":
            out["not"] = slim(value)
        elif key == "x-kubernetes-validations":
            out["rules"] = [{"rule": r["rule"], "message": r.get("message", "")} for r in value]
    return out


def mark_experimental(exp, std):
    """Marks what `exp` has that `std` lacks. `std` is None when the whole node is new."""
    if std is None:
        exp["x-torii-experimental"] = True
        return
    for name, sub in exp.get("properties", {}).items():
        mark_experimental(sub, std.get("properties", {}).get(name))
    if "items" in exp:
        mark_experimental(exp["items"], std.get("items"))
    if isinstance(exp.get("additionalProperties"), dict):
        mark_experimental(exp["additionalProperties"], std.get("additionalProperties")
                          if isinstance(std.get("additionalProperties"), dict) else None)
    if "enum" in exp and "enum" in std:
        extra = [v for v in exp["enum"] if v not in std["enum"]]
        if extra:
            exp["x-torii-experimental-enum"] = extra
    std_rules = {(r["rule"], r["message"]) for r in std.get("rules", [])}
    exp_rules = {(r["rule"], r["message"]) for r in exp.get("rules", [])}
    for rule in exp.get("rules", []):
        if (rule["rule"], rule["message"]) not in std_rules:
            rule["experimental"] = True
    # Rules the experimental channel rewrote (e.g. parentRefs rules that also read `port`): the
    # standard channel's own text is kept so that each channel reports its own message.
    for rule in std.get("rules", []):
        if (rule["rule"], rule["message"]) not in exp_rules:
            exp.setdefault("rules", []).append(dict(rule, standardOnly=True))
    if "maxItems" in std and exp.get("maxItems") != std.get("maxItems"):
        exp["x-torii-standard-maxItems"] = std["maxItems"]


def main():
    crd_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "crds")
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine",
                            "validation", "schema", "gateway_api_v1.6.1.json")
    std = load_crds(os.path.join(crd_dir, "standard"))
    exp = load_crds(os.path.join(crd_dir, "experimental"))
    bundle = {"gatewayApiVersion": "v1.6.1", "kinds": {}}
    for kind, crd in sorted(exp.items()):
        std_crd = std.get(kind)
        std_versions = {v["name"]: v for v in std_crd["spec"]["versions"]} if std_crd else {}
        entry = {
            "group": crd["spec"]["group"],
            "plural": crd["spec"]["names"]["plural"],
            "scope": crd["spec"]["scope"],
            "standard": std_crd is not None,
            "versions": {},
        }
        for version in crd["spec"]["versions"]:
            schema = slim(version["schema"]["openAPIV3Schema"])
            std_version = std_versions.get(version["name"])
            if std_version is not None:
                mark_experimental(schema, slim(std_version["schema"]["openAPIV3Schema"]))
            entry["versions"][version["name"]] = {
                "servedStandard": bool(std_version and std_version["served"]),
                "servedExperimental": bool(version["served"]),
                "storage": bool(version["storage"]),
                "schema": schema,
            }
        bundle["kinds"][kind] = entry
    with open(out_path, "w") as f:
        json.dump(bundle, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print(f"wrote {out_path} ({os.path.getsize(out_path)} bytes, {len(bundle['kinds'])} kinds)")


if __name__ == "__main__":
    main()
