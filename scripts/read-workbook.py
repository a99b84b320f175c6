#!/usr/bin/env python3
"""Reads an .xlsx workbook with openpyxl (a real reader, from PyPI) and prints what it found as
JSON, for the Swift tests to judge:

  read-workbook.py WORKBOOK.xlsx

{"warnings": [...], "sheets": [{"title", "freeze", "filter", "dimensions",
  "rows": [[{"value", "type", "format"} or null, ...], ...]}]}

`type` is openpyxl's data type: "s" text, "n" number, "b" boolean, "d" date, "f" formula, "e" error.
Exit status 0 when the workbook could be read, 1 when openpyxl refused it.
"""
import json
import sys
import warnings


def main(path):
    import openpyxl

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            workbook = openpyxl.load_workbook(path)  # not read-only: panes and filters are read too
        except Exception as error:
            print(f"openpyxl cannot read {path}: {error}", file=sys.stderr)
            return 1
    sheets = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                if cell.value is None:
                    cells.append(None)
                    continue
                value = cell.value
                if not isinstance(value, (str, int, float, bool)):
                    value = str(value)
                cells.append({"value": value, "type": cell.data_type, "format": cell.number_format})
            rows.append(cells)
        sheets.append({
            "title": sheet.title,
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "dimensions": sheet.dimensions,
            "rows": rows,
        })
    json.dump({"warnings": [str(w.message) for w in caught], "sheets": sheets}, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
