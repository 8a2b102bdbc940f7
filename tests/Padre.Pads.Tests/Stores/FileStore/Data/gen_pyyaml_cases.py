# Generates pyyaml-cases.jsonl: how PyYAML's safe_dump (as MLflow's write_yaml calls it) writes tricky strings.
# Run with the MLflow bundle's python:  ../../../../../../shared/mlflow-server/python gen_pyyaml_cases.py > pyyaml-cases.jsonl
import json, sys, yaml
schema = '{"mlflow_colspec": [{"type": "long", "name": "a", "required": true}, {"type": "double", "name": "b", "required": true}]}'
values = ["", "0", "123", "-7", "1.5", "1e5", "1e+5", "1.0e+5", ".5", "+1", "0x1F", "0o17", "012", "1_000", "12:30", "190:20:30",
          "2026-11-23", "2026-11-23 10:00:00", "2026-11-23T10:00:00Z", ".inf", "-.inf", ".nan", "nan", "inf",
          "true", "True", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "=", "<<",
          "-", "- a", "-a", "a: b", "a:b", "a:", ":a", "? x", "?x", "#x", "a #b", "a#b", "x#", "'q'", "it's", '"dq"', 'say "hi"',
          "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "[x", "{x", "x]", "x}", "a, b", "a,b", ", x",
          " lead", "trail ", " ", "  ", "multi\nline", "trailing newline\n", "\n", "a\n\nb", "a \nb", "a\n b", "tab\there", "\ttab",
          "ünïcødé", "emoji 😀", "nbsp\u00a0x", "ctrl\x01x", "nel\x85x", "bom\ufeffx", "ls\u2028x", "---", "--- x", "...", "... x", "a---",
          "http://example.com/a?b=c&d=e#frag", "file:///tmp/mlruns/0", "C:\\path\\x", "a\\b", "run-a", "mlflow.data.context",
          "654846195404567546", "a9ab38641d654a9f97e64e8447185f5f", "12345678901234567890123456789012", "0123456701234567",
          schema, '{"uri": "file:///data/toy.csv"}', '{"num_rows": 2, "num_elements": 4}',
          "word " * 40, "x" * 200, "- " + "long " * 30, "it's " * 30, ("a" * 70) + " " + ("b" * 70),
          ("ctrl\x01 " * 30), "line one\nline two " + "w " * 50, "w " * 39 + "\n" + "v " * 39, ("a" * 79) + " b",
          ("a" * 80) + " b", ("a" * 81) + " b c", " " + "x " * 50, "q'" * 60, "x  " * 40, "a" + " " * 100 + "b",
          "k" * 122, "k" * 123, "key " * 31, "key " * 40, "k" * 130 + "\n"]
for v in values:
    case = {"value": v,
            "top": yaml.safe_dump({"key": v}, default_flow_style=False, allow_unicode=True, sort_keys=True),
            "nested": yaml.safe_dump({"tags": {"k": v}}, default_flow_style=False, allow_unicode=True, sort_keys=True)}
    case["loaded"] = yaml.safe_load(case["top"])["key"]
    if v and len(v) < 300:
        case["as_key"] = yaml.safe_dump({v: "v"}, default_flow_style=False, allow_unicode=True, sort_keys=True)
    print(json.dumps(case, ensure_ascii=True))
