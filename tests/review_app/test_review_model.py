"""Decisions, publishing policy, change log, passwords and the CLI, on real warehouse files."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from review_app import commands, queue
from review_app.auth import check_credentials, hash_password, verify_password
from review_app.changelog import history, record_publication
from review_app.decisions import Change, DecisionError, decide, undo_last
from review_app.page_data import build_page
from warehouse.schema import connect

DISEASE = "Whipple disease"


@pytest.fixture
def conn(sample):
    c = connect(sample.path)
    yield c
    c.close()


def test_passwords_are_salted_scrypt_hashes(conn):
    stored = conn.execute("SELECT password_hash FROM editors WHERE name = 'ada'").fetchone()[0]
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert hash_password("same password") != hash_password("same password")
    assert verify_password("correct horse battery", stored)
    assert not verify_password("correct horse batterY", stored)
    assert check_credentials(conn, "ada", "correct horse battery") == "ada"


def test_queue_holds_only_positive_canonical_excerpts_newest_first(conn, sample):
    items = queue.fetch(conn, queue.QueueFilter())
    ids = [i.excerpt_id for i in items]
    assert sample.ids["fever_negated"] not in ids  # "no fever" is never reviewable evidence
    assert sample.ids["weight_loss_dup"] not in ids  # merged into its cluster's canonical
    merged = next(i for i in items if i.excerpt_id == sample.ids["weight_loss"])
    assert [m.excerpt_id for m in merged.members] == [sample.ids["weight_loss_dup"]]
    assert {c.domain for c in merged.citations} >= {"gut-health.example", "clinic-notes.example"}
    assert items[0].newest >= items[-1].newest
    assert queue.count(conn, queue.QueueFilter(run_id="run-old")) == 4
    assert queue.count(conn, queue.QueueFilter(min_relevance=0.7, disease=DISEASE)) == 6


def test_trim_may_only_cut_and_is_published(conn, sample):
    target = sample.ids["fatigue"]
    with pytest.raises(DecisionError, match="only cut"):
        decide(conn, "ada", [target], Change("trim", text="Fatigue was rare in Whipple disease."))
    decide(conn, "ada", [target], Change("trim", text="Fatigue was common in Whipple disease"))
    page = build_page(conn, DISEASE, True, 3)
    assert page.shown()[target].text == "Fatigue was common in Whipple disease"
    assert page.shown()[target].status == "unreviewed"  # a trim is not an approval


def test_not_about_disease_and_policy_decide_what_is_published(conn, sample):
    decide(conn, "ada", [sample.ids["weight_loss"]], Change("approve"))
    decide(conn, "ada", [sample.ids["fatigue"]], Change("not_about"))
    everything = build_page(conn, DISEASE, True, 3).shown()
    assert sample.ids["fatigue"] not in everything
    assert everything[sample.ids["weight_loss"]].status == "approved"
    assert len(everything) == 6
    approved_only = build_page(conn, DISEASE, False, 3)
    assert list(approved_only.shown()) == [sample.ids["weight_loss"]]
    assert approved_only.symptoms[0].reason.startswith("3 independent sources")


def test_change_log_records_added_removed_retagged_once(conn, sample):
    assert record_publication(conn, build_page(conn, DISEASE, True, 3)) is not None
    assert record_publication(conn, build_page(conn, DISEASE, True, 3)) is None  # no change
    decide(conn, "ada", [sample.ids["diarrhea"]], Change("reject", reason="duplicate claim"))
    decide(conn, "ada", [sample.ids["xss"]], Change("retag", hpo_id="HP:0001824"))
    record_publication(conn, build_page(conn, DISEASE, True, 3))
    latest, first = history(conn, DISEASE)
    assert len(first.changes) == 7 and {c.change for c in first.changes} == {"added"}
    assert sorted((c.change, c.symptom, c.old_symptom) for c in latest.changes) == [
        ("removed", "Diarrhea", None),
        ("retagged", "Weight loss", "Abdominal pain"),
    ]


def test_undo_restores_the_previous_decision_not_just_deletes(conn, sample):
    target = sample.ids["fatigue"]
    decide(conn, "ada", [target], Change("retag", hpo_id="HP:0002027"))
    decide(conn, "ada", [target], Change("approve"))
    assert undo_last(conn, "ada") == [target]
    assert conn.execute("SELECT status, hpo_id FROM decisions").fetchall() == [
        ("unreviewed", "HP:0002027")
    ]
    assert undo_last(conn, "ada") == [target]
    assert conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0
    assert undo_last(conn, "ada") == []
    actions = [
        r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY audit_id").fetchall()
    ]
    assert actions == ["retag", "approve", "undo", "undo"]


def _cli() -> typer.Typer:
    app = typer.Typer()
    commands.register(app)
    return app


def test_cli_editors_publish_export(sample, tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text(
        f'[warehouse]\npath = "{sample.path}"\n\n[review]\nexcerpts_per_symptom = 2\n\n'
        f'[[diseases]]\nname = "{DISEASE}"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(
        _cli(),
        ["editors", "add", "grace", "--password-stdin", "--config", str(config)],
        input="a long password\n",
    )
    assert result.exit_code == 0, result.output
    short = runner.invoke(
        _cli(),
        ["editors", "add", "bob", "--password-stdin", "--config", str(config)],
        input="short\n",
    )
    assert short.exit_code == 1 and "at least 8" in short.output

    out = tmp_path / "site"
    result = runner.invoke(_cli(), ["publish", "--out", str(out), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {
        "index.html",
        "index.json",
        "whipple-disease.html",
        "whipple-disease.json",
        "tropical-sprue.html",
        "tropical-sprue.json",
    }
    page = json.loads((out / "whipple-disease.json").read_text())
    assert max(len(s["excerpts"]) for s in page["symptoms"]) <= 2
    assert page["hpo_ids"][0] == "HP:0001824" and page["umls_cui"] == "C0043037"
    html = (out / "whipple-disease.html").read_text()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html and "<script>" not in html

    exports = tmp_path / "parquet"
    result = runner.invoke(_cli(), ["export", "--parquet", str(exports), "--config", str(config)])
    assert result.exit_code == 0, result.output
    names = {p.stem for p in exports.glob("*.parquet")}
    assert {"documents", "excerpts", "citations", "evidence_list", "audit_log"} <= names
    assert "editors" not in names and "editor_sessions" not in names
    counted = duckdb.sql(f"SELECT count(*) FROM read_parquet('{exports / 'excerpts.parquet'}')")
    assert counted.fetchone()[0] == 11


@pytest.mark.parametrize(
    "args",
    [["publish", "--out", "site"], ["export", "--parquet", "pq"], ["search-index"], ["review"]],
)
def test_cli_refuses_a_missing_warehouse_instead_of_creating_one(tmp_path, monkeypatch, args):
    monkeypatch.delenv("EVIDENCE_WAREHOUSE", raising=False)
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nowhere" / "warehouse.duckdb"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[warehouse]\npath = "{missing}"\n\n[[diseases]]\nname = "{DISEASE}"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(_cli(), [*args, "--config", str(config)])
    assert result.exit_code == 2
    assert f"error: {missing}: no warehouse here yet" in result.output
    assert not missing.exists() and not (tmp_path / "site").exists()


def test_cli_unwritable_output_is_an_error_not_a_traceback(sample, tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text(
        f'[warehouse]\npath = "{sample.path}"\n\n[[diseases]]\nname = "{DISEASE}"\n',
        encoding="utf-8",
    )
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for args, what in (
        (["export", "--parquet", str(blocker / "pq")], "cannot write the Parquet files"),
        (["publish", "--out", str(blocker / "site")], "cannot write the pages"),
    ):
        result = CliRunner().invoke(_cli(), [*args, "--config", str(config)])
        assert result.exit_code == 1, result.output
        assert f"error: {blocker / args[2].rsplit('/', 1)[-1]}: {what}" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_unheld_warehouse_lets_another_process_write_between_requests(sample):
    import subprocess
    import sys

    from review_app.db import Warehouse

    wh = Warehouse(sample.path, hold=False)
    with wh.write() as c:
        decide(c, "ada", [sample.ids["fatigue"]], Change("approve"))
    other = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
        "c.execute(\"UPDATE decisions SET reason = 'from the pipeline'\"); c.close()"
    )
    subprocess.run([sys.executable, "-c", other, str(sample.path)], check=True, timeout=60)
    with wh.read() as c:
        assert c.execute("SELECT reason FROM decisions").fetchone() == ("from the pipeline",)


def test_a_sentence_with_two_symptoms_is_listed_once_in_a_section(tmp_path):
    from evidence.config import Disease
    from warehouse.load import load_batch, sync_reference_data

    from .sample_warehouse import _doc, _ex

    c = connect(tmp_path / "wh.duckdb")
    sync_reference_data(c, [Disease(name=DISEASE)], {}, {})
    doc = _doc("url:https://a.example/workup", "web")
    text = "Biopsy in Whipple disease is done when weight loss and diarrhea persist."
    excerpts = [
        _ex(doc, DISEASE, "HP:0001824", text, "weight loss", section="workup"),
        _ex(doc, DISEASE, "HP:0002014", text, "diarrhea", section="workup"),
    ]
    load_batch(c, [doc], excerpts, "run-1")
    page = build_page(c, DISEASE, publish_unreviewed=True, per_symptom=3)
    c.close()
    assert [e.text for e in page.sections["workup"]] == [text]
