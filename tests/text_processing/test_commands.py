import json
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from text_processing.commands import register

EVIDENCE = Path(sys.executable).parent / "evidence"
GOLD = Path(__file__).resolve().parents[2] / "text_processing" / "gold" / "dev_sentences.jsonl"


def _app():
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps typer's sub-command mode
    return app


def _run(args, stdin="", cwd=None):
    return subprocess.run(
        [str(EVIDENCE), *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_tag_reads_json_lines_and_writes_mentions(tmp_path):
    lines = "\n".join(
        [
            json.dumps({"id": 1, "text": "She denies chest pain."}),
            "{not json",
            json.dumps({"id": 3}),
            json.dumps({"id": 4, "text": "Hip pain.", "targets": [{"start": 0, "end": 99}]}),
            json.dumps({"id": 5, "text": "Weight loss was marked."}),
        ]
    )
    res = _run(["tag"], stdin=lines, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 5]
    m = out[0]["mentions"][0]
    assert (m["start"], m["end"], m["hpo_id"], m["negated"]) == (11, 21, "HP:0100749", True)
    assert set(m) >= {"text", "label", "uncertain", "experiencer", "section"}
    assert "stdin:2" in res.stderr and "stdin:3" in res.stderr and "stdin:4" in res.stderr


def test_tag_targets_gives_one_mention_per_target(tmp_path):
    line = json.dumps(
        {
            "id": "t",
            "text": "No fever or blue moods.",
            "targets": [{"start": 3, "end": 8}, {"start": 12, "end": 22}],
        }
    )
    res = CliRunner().invoke(_app(), ["tag", "--config", str(tmp_path / "none.toml")], input=line)
    assert res.exit_code == 2  # a named config that does not exist is an error
    res = CliRunner().invoke(_app(), ["tag"], input=line)
    [out] = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(m["hpo_id"], m["negated"]) for m in out["mentions"]] == [
        ("HP:0001945", True),
        (None, True),
    ]


def test_tag_nested_option(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "n", "text": "pain in the hip joint"}) + "\n")
    plain = CliRunner().invoke(_app(), ["tag", "--input", str(src)])
    nested = CliRunner().invoke(_app(), ["tag", "--input", str(src), "--nested"])
    assert len(json.loads(nested.stdout)["mentions"]) > len(json.loads(plain.stdout)["mentions"])


def test_eval_prints_scores_as_json():
    res = CliRunner().invoke(_app(), ["eval", str(GOLD), "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.stdout)
    assert scores["documents"] >= 200
    assert scores["mention_exact"]["f1"] > 0.9
    assert scores["negation_total"] > 50


def test_eval_reports_a_broken_gold_line(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "a",
                "text": "Fever.",
                "annotations": [{"start": 0, "end": 5, "hpo_id": "HP:0001945"}],
            }
        )
        + "\n{broken\n"
    )
    res = CliRunner().invoke(_app(), ["eval", str(gold), "--json"])
    assert "g.jsonl:2" in res.stderr
    assert json.loads(res.stdout)["mention_exact"]["f1"] == 1.0


def test_eval_of_a_file_with_no_gold_document_fails(tmp_path):
    gold = tmp_path / "notes.md"
    gold.write_text("# not gold\n\nsome text\n")
    res = CliRunner().invoke(_app(), ["eval", str(gold)])
    assert res.exit_code == 2
    assert "no gold documents to score" in res.stderr
    assert "F1" not in res.stdout
