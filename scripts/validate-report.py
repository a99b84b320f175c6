#!/usr/bin/env python3
"""Validates a dossiercheck report against its format's published schema, with real validators.

    validate-report.py sarif SCHEMA.json REPORT.sarif   # JSON Schema draft-04 (PyPI jsonschema)
    validate-report.py junit SCHEMA.xsd REPORT.xml      # XML Schema (PyPI xmlschema)
    validate-report.py dossier SCHEMA.json DOSSIER.json # a `dossiercheck schema` (draft 2020-12, itself
                                                        # checked against its metaschema) and a dossier as JSON
    validate-report.py openapi DOCUMENT.yaml            # an OpenAPI 3.x document (PyPI openapi-spec-validator)
    validate-report.py versions                         # the validators' versions

Prints one line per violation; exits 0 when the report is valid, 1 when not, 2 on misuse.
scripts/test.sh installs the validators into .venv-tools/ (see requirements-tools.txt).
"""
import json
import sys
from importlib.metadata import version


def main(argv):
    if argv[1:] == ["versions"]:
        print(f"jsonschema {version('jsonschema')}, xmlschema {version('xmlschema')}, "
              f"openapi-spec-validator {version('openapi-spec-validator')}")
        return 0
    if len(argv) == 3 and argv[1] == "openapi":
        from openapi_spec_validator import OpenAPIV31SpecValidator
        from openapi_spec_validator.readers import read_from_filename

        document, _ = read_from_filename(argv[2])
        errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in OpenAPIV31SpecValidator(document).iter_errors()]
        for error in errors:
            print(error)
        return 1 if errors else 0
    if len(argv) != 4 or argv[1] not in ("sarif", "junit", "dossier"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, schema_path, report_path = argv[1:]
    if kind == "sarif":
        import jsonschema

        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        validator = jsonschema.Draft4Validator(schema)
        errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(report)]
    elif kind == "dossier":
        import jsonschema

        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        with open(report_path, encoding="utf-8") as f:
            dossier = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            print(f"the schema itself is invalid: {error.message}")
            return 1
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(dossier)]
    else:
        import xmlschema

        schema = xmlschema.XMLSchema(schema_path)
        errors = [f"{e.path}: {e.reason}" for e in schema.iter_errors(report_path)]
    for error in errors:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
