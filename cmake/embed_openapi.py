"""Converts docs/openapi.yaml to JSON and writes it as a C++ source file.

The server serves the document at /api/v1/openapi.json; embedding it keeps the binary
self-contained and fails the build when the YAML is not valid."""
import json
import sys

import yaml

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    document = yaml.safe_load(f)
text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
delimiter = "OPENAPI"
assert ")" + delimiter + '"' not in text
with open(target, "w", encoding="utf-8") as f:
    f.write('#include <string_view>\n\nnamespace oppenvard::app {\n')
    f.write("std::string_view openapi_json() {\n")
    f.write('  static constexpr std::string_view kJson = R"' + delimiter + "(" + text + ")" + delimiter + '";\n')
    f.write("  return kJson;\n}\n}  // namespace oppenvard::app\n")
