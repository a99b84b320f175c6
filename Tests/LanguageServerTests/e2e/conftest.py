"""End-to-end tests of `dossiercheck lsp` with a real LSP client (pytest-lsp, over stdio).

Run by Tests/LanguageServerTests/EndToEndTests.swift (`swift test`), or by hand:
    DOSSIERCHECK=.build/debug/dossiercheck .venv-tools/bin/python -m pytest Tests/LanguageServerTests/e2e
"""
import json
import os
import pathlib
import subprocess
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[3]
BINARY = str(pathlib.Path(os.environ.get("DOSSIERCHECK", ROOT / ".build" / "debug" / "dossiercheck")).resolve())


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp", "--debounce-ms", "0"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


def example(relative: str) -> pathlib.Path:
    return ROOT / "examples" / relative


def uri_of(path: pathlib.Path) -> str:
    return path.resolve().as_uri()


def check_json(text: str, name: str = "dossier.yaml") -> list[dict]:
    """The open findings `dossiercheck check --format json` reports for `text`, in a folder of its own."""
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / name
        path.write_text(text, encoding="utf-8")
        run = subprocess.run([BINARY, "check", "--format", "json", name], cwd=folder, capture_output=True, text=True)
        assert run.returncode in (0, 1), run.stderr
        report = json.loads(run.stdout)
    return [f for file in report["files"] for d in file["documents"] for f in d["findings"] if "suppression" not in f]


def utf16_column(line: str, column: int) -> int:
    """The LSP character offset of a 1-based column counted in Unicode scalars."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


def expected_diagnostics(text: str) -> list[tuple]:
    lines = text.splitlines()
    return sorted(
        (f["rule"], f["line"] - 1, utf16_column(lines[f["line"] - 1] if f["line"] <= len(lines) else "", f["column"]),
         SEVERITY[f["severity"]], f["message"])
        for f in check_json(text))


def seen(diagnostics) -> list[tuple]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.severity, d.message)
                  for d in diagnostics if d.code)


async def open_text(client: LanguageClient, uri: str, text: str, version: int = 1):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)))
    return await diagnostics_of(client, uri)


async def diagnostics_of(client: LanguageClient, uri: str):
    """The next diagnostics published for `uri`."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return params.diagnostics


async def replace_all(client: LanguageClient, uri: str, text: str, version: int):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await diagnostics_of(client, uri)


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of the first `needle` in `text`, `offset` characters into it."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return types.Position(line=line, character=len(text[start:index].encode("utf-16-le")) // 2)


def apply_edits(text: str, edits) -> str:
    """The text with LSP edits applied (positions in UTF-16), last first."""
    lines = text.split("\n")

    def offset(position):
        before = sum(len(l) + 1 for l in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units, chars = 0, 0
        while chars < len(line) and units < position.character:
            units += len(line[chars].encode("utf-16-le")) // 2
            chars += 1
        return before + chars

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
        lines = text.split("\n")
    return text
