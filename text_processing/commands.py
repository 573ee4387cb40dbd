"""`evidence tag` and `evidence eval`: the tagger on its own, over JSON lines.

Both use the pipeline's tagger, so what is scored here is what the pipeline ships.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import typer

from evidence.config import ConfigError, TaggingSettings, load_settings
from evidence.records import Mention
from text_processing.sections import classify
from text_processing.sentences import split_sentences


class BadLine(ValueError):
    """An input line that cannot be tagged; the message says why."""


def _tagging_settings(config: Path | None) -> TaggingSettings:
    """Settings from the config when there is one; the tagger also works without any."""
    path = config or Path("config.toml")
    if config is None and not path.exists():
        return TaggingSettings()
    try:
        return load_settings(path).tagging
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def parse_line(line: str) -> tuple[object, str, list[tuple[int, int]] | None]:
    """(id, text, targets or None) from one input line; BadLine says what is wrong."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise BadLine("expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise BadLine('no "text" string')
    targets = None
    if "targets" in obj:
        raw = obj["targets"]
        if not isinstance(raw, list):
            raise BadLine('"targets" must be a list of {"start", "end"}')
        targets = []
        for k, t in enumerate(raw):
            s = t.get("start") if isinstance(t, dict) else None
            e = t.get("end") if isinstance(t, dict) else None
            if not isinstance(s, int) or not isinstance(e, int) or isinstance(s, bool):
                raise BadLine(f"target {k}: needs integer start and end")
            if not 0 <= s < e <= len(text):
                raise BadLine(f"target {k}: offsets {s}-{e} outside the text (length {len(text)})")
            targets.append((s, e))
    return obj.get("id"), text, targets


def mention_json(m: Mention, text: str, sentences: list[tuple[int, int]]) -> dict:
    sentence = next((text[s:e] for s, e in sentences if s <= m.start < e), text)
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "hpo_id": m.hpo_id or None,
        "label": m.label or None,
        "negated": m.negated,
        "uncertain": m.uncertain,
        "hypothetical": m.hypothetical,
        "historical": m.historical,
        "experiencer": m.experiencer,
        "section": classify(sentence),
    }


def _lines(stream: TextIO) -> Iterator[tuple[int, str]]:
    for lineno, line in enumerate(stream, start=1):
        if line.strip():
            yield lineno, line


def tag_stream(tagger, src: TextIO, out: TextIO, err: TextIO, nested: bool, name: str) -> int:
    """Tag every good line in order; report bad ones on `err`. Returns the bad-line count."""
    bad = 0
    for lineno, line in _lines(src):
        try:
            doc_id, text, targets = parse_line(line)
        except BadLine as exc:
            bad += 1
            err.write(f"{name}:{lineno}: skipped: {exc}\n")
            continue
        if targets is None:
            mentions = tagger.tag(text, nested=nested)
        else:
            mentions = tagger.tag_targets(text, targets)
        sentences = split_sentences(text)
        record = {"id": doc_id, "mentions": [mention_json(m, text, sentences) for m in mentions]}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return bad


def register(app: typer.Typer) -> None:
    @app.command("tag")
    def tag_command(
        input: Path = typer.Option(None, "--input", "-i", help="JSON lines file (default stdin)."),  # noqa: B008
        nested: bool = typer.Option(False, "--nested", help="Also report nested concepts."),
        config: Path = typer.Option(None, "--config", "-c", help="Configuration file."),  # noqa: B008
    ) -> None:
        """Tag HPO symptoms in JSON lines {"id", "text"[, "targets"]}; JSON lines out."""
        from text_processing.tagger import load_tagger

        tagger = load_tagger(_tagging_settings(config))
        if input is None:
            bad = tag_stream(tagger, sys.stdin, sys.stdout, sys.stderr, nested, "stdin")
        else:
            try:
                fh = open(input, encoding="utf-8")
            except OSError as exc:
                typer.echo(f"error: {input}: {exc.strerror}", err=True)
                raise typer.Exit(2) from None
            with fh:
                bad = tag_stream(tagger, fh, sys.stdout, sys.stderr, nested, str(input))
        if bad:
            typer.echo(f"{bad} malformed line(s) skipped", err=True)

    @app.command("eval")
    def eval_command(
        gold: Path = typer.Argument(..., help="Gold JSON lines: {id, text, annotations}."),  # noqa: B008
        nested: bool = typer.Option(False, "--nested", help="Tag nested concepts too."),
        as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
        baseline: bool = typer.Option(
            False, "--baseline", help="Score the exact-regex / six-word-window baseline instead."
        ),
        errors: int = typer.Option(0, "--errors", help="Also list this many FP/FN mentions."),
        config: Path = typer.Option(None, "--config", "-c", help="Configuration file."),  # noqa: B008
    ) -> None:
        """Precision, recall and F1 (mention and document level) and negation accuracy."""
        from text_processing.baseline import RegexBaseline
        from text_processing.evaluation import GoldError, errors_report, evaluate, read_gold
        from text_processing.tagger import load_tagger

        problems: list[str] = []
        try:
            docs = read_gold(gold, problems)
        except OSError as exc:
            typer.echo(f"error: {gold}: {exc.strerror}", err=True)
            raise typer.Exit(2) from None
        except GoldError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        for p in problems:
            typer.echo(f"{p} (skipped)", err=True)
        if not docs:
            typer.echo(f"error: {gold}: no gold documents to score", err=True)
            raise typer.Exit(2)
        tagger = load_tagger(_tagging_settings(config))
        system = RegexBaseline(tagger.vocab) if baseline else tagger
        scores = evaluate(
            docs,
            lambda t: system.tag(t, nested=nested),
            lambda t, s: system.tag_targets(t, s),
            canonical=tagger.vocab.current_id,
        )
        scores.skipped_lines = len(problems)
        if as_json:
            typer.echo(json.dumps(scores.as_dict()))
        else:
            typer.echo(_render(scores, gold, "baseline" if baseline else "tagger", nested))
        if errors:
            tag_fn = lambda t: system.tag(t, nested=nested)  # noqa: E731
            for line in errors_report(docs, tag_fn, errors, tagger.vocab.current_id):
                typer.echo(line)


def _render(scores, gold: Path, system: str, nested: bool) -> str:
    rows = [
        f"{gold} ({scores.documents} documents, {system}{', nested' if nested else ''})",
        f"{'level':<18}{'P':>8}{'R':>8}{'F1':>8}{'pred':>7}{'gold':>7}",
    ]
    for name, prf in (
        ("mention exact", scores.mention_exact),
        ("mention overlap", scores.mention_overlap),
        ("document", scores.document),
    ):
        rows.append(
            f"{name:<18}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}"
            f"{prf.n_pred:>7}{prf.n_gold:>7}"
        )
    if scores.negation_total:
        n = scores.negated_class
        rows.append(
            f"negation: accuracy {scores.negation_accuracy:.3f} over {scores.negation_total}; "
            f"negated class P {n.precision:.3f} R {n.recall:.3f} F1 {n.f1:.3f}"
        )
    return "\n".join(rows)
