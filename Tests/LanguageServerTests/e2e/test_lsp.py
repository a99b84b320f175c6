"""`dossiercheck lsp` driven by a real client: diagnostics as `check` gives them, fixes that
clear them, hover, completion, outline and organisation references, and hostile documents."""
import json
import subprocess

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import (BINARY, apply_edits, check_json, diagnostics_of, example, expected_diagnostics, open_text, position_of,
                      replace_all, seen, uri_of)

INVALID = [
    "reseau-dossier/invalid-typo-statutes.yaml",
    "reseau-dossier/invalid-duplicate-key.yaml",
    "reseau-dossier/invalid-term3-rate-too-high.yaml",
    "reseau-dossier/invalid-region-codes.yaml",
    "pole-project/invalid-aid-above-eligible.yaml",
    "pole-cahier-des-charges/invalid-missing-positioning.yaml",
    "tki-project/invalid-unknown-topsector.yaml",
    "spitzencluster-strategy/invalid-measure-year-unquoted.yaml",
    "spitzencluster-concept/invalid-typo-market-position.yaml",
    "zim-nemo/invalid-services-as-text.yaml",
    "mixed/valid-two-dossiers.yaml",
]


@pytest.mark.parametrize("name", INVALID)
async def test_an_opened_dossier_gets_exactly_the_findings_of_check(client: LanguageClient, name: str):
    path = example(name)
    text = path.read_text(encoding="utf-8")
    diagnostics = await open_text(client, uri_of(path), text)
    assert seen(diagnostics) == expected_diagnostics(text)
    for diagnostic in diagnostics:
        assert diagnostic.source == "dossiercheck"
        assert diagnostic.code_description.href.endswith("/rules/" + diagnostic.code)


async def test_a_duplicate_key_points_at_the_first_one(client: LanguageClient):
    path = example("reseau-dossier/invalid-duplicate-key.yaml")
    diagnostics = await open_text(client, uri_of(path), path.read_text(encoding="utf-8"))
    related = [d for d in diagnostics if d.related_information]
    assert related, "no diagnostic names the related place"
    assert related[0].code == "HDR-004"
    assert related[0].related_information[0].location.range.start.line < related[0].range.start.line


async def test_an_unknown_key_is_faded_and_names_what_it_hides(client: LanguageClient):
    path = example("reseau-dossier/invalid-typo-statutes.yaml")
    text = path.read_text(encoding="utf-8")
    diagnostics = await open_text(client, uri_of(path), text)
    unknown = next(d for d in diagnostics if d.code == "HDR-003")
    assert list(unknown.tags) == [types.DiagnosticTag.Unnecessary]
    missing = next(d for d in diagnostics if d.code == "RES-001")
    assert [r.location.range.start.line for r in missing.related_information] == [unknown.range.start.line]


async def test_an_incremental_edit_that_fixes_the_breach_clears_it(client: LanguageClient):
    path = example("reseau-dossier/invalid-term3-rate-too-high.yaml")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    before = await open_text(client, uri, text)
    breach = next(d for d in before if d.code == "RES-004")
    # Replace the requested amount by the allowed one, typed over the old value (incremental sync).
    line = text.split("\n")[breach.range.start.line]
    figure = "1000"  # well under any year's allowed subsidy
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=breach.range, text=figure)]))
    after = await diagnostics_of(client, uri)
    assert not [d for d in after if d.code == "RES-004" and d.range.start.line == breach.range.start.line], (line, figure)
    fixed = text.split("\n")
    fixed[breach.range.start.line] = line[: breach.range.start.character] + figure + line[breach.range.end.character:]
    assert seen(after) == expected_diagnostics("\n".join(fixed))


FIXABLE = [
    ("reseau-dossier/invalid-typo-statutes.yaml", "HDR-003", "Renommer `statuts` en `statutes`"),
    ("reseau-dossier/invalid-typo-statutes.yaml", "RES-001", "Insérer la section `statutes` du modèle"),
    ("reseau-dossier/invalid-term3-rate-too-high.yaml", "RES-004", None),
    ("reseau-dossier/invalid-extra-subsidy-over-cap.yaml", "RES-006", None),
    ("reseau-dossier/invalid-no-synergies.yaml", "RES-007", None),
    ("spitzencluster-concept/invalid-typo-market-position.yaml", "HDR-003", None),
    ("tki-project/invalid-unknown-topsector.yaml", "TKI-002", None),
]


@pytest.mark.parametrize("name, rule, title", FIXABLE)
async def test_each_code_action_applied_gives_a_text_that_passes_check_for_its_rule(
        client: LanguageClient, name: str, rule: str, title: str | None):
    path = example(name)
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    diagnostics = await open_text(client, uri, text)
    diagnostic = next(d for d in diagnostics if d.code == rule)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    mine = [a for a in actions if a.diagnostics and a.diagnostics[0].code == rule]
    assert any("dossiercheck-disable" in a.edit.changes[uri][0].new_text for a in mine)
    if title:
        assert title in [a.title for a in mine]
    before = [f for f in check_json(text) if f["rule"] == rule]
    for action in mine:
        fixed = apply_edits(text, action.edit.changes[uri])
        after = [f for f in check_json(fixed) if f["rule"] == rule]
        if rule in ("HDR-002", "HDR-003"):
            # The builtin rules judge every place: the one finding is gone, the others stay.
            assert len(after) < len(before), (action.title, after)
        else:
            assert after == [], (action.title, after)


async def test_an_off_value_is_replaced_by_the_complying_figure(client: LanguageClient):
    path = example("reseau-dossier/invalid-extra-subsidy-over-cap.yaml")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    diagnostics = await open_text(client, uri, text)
    diagnostic = next(d for d in diagnostics if d.code == "RES-006")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    titles = [a.title for a in actions]
    assert any(t.startswith("Set extra_subsidy_eur to") and "24" in t for t in titles) or \
        any(t.startswith("Mettre extra_subsidy_eur à") and "24" in t for t in titles), titles


HOVERS = [
    # kind, file, text to hover, what the hover says (from the rule sets, in the dossier's language)
    ("reseau-dossier/valid-biosources-term2-boundaries.yaml", "recognition_term:", "RES-005"),
    ("pole-project/valid-biowin-liquid-biopsy.yaml", "category:", "enterprise"),
    ("tki-project/valid-htsm-inline-metrologie.yaml", "topsector:", "TKI-002"),
]


@pytest.mark.parametrize("name, needle, said", HOVERS)
async def test_hover_on_a_key_documents_the_field(client: LanguageClient, name: str, needle: str, said: str):
    path = example(name)
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    await open_text(client, uri, text)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, needle, 1)))
    assert hover is not None
    assert said in hover.contents.value
    assert hover.contents.value.startswith("**" + needle.rstrip(":") + "**")


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient):
    path = example("reseau-dossier/invalid-term3-rate-too-high.yaml")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    diagnostics = await open_text(client, uri, text)
    breach = next(d for d in diagnostics if d.code == "RES-004")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=breach.range.start))
    assert "**RES-004**" in hover.contents.value
    assert "§7.4.2" in hover.contents.value


async def complete(client: LanguageClient, uri: str, text: str, version: int, needle: str, offset: int):
    await replace_all(client, uri, text, version)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, needle, offset)))
    return [item.label for item in (result.items if hasattr(result, "items") else result)]


COMPLETIONS = [
    # file, line replaced, what is typed instead, labels offered
    ("pole-project/valid-biowin-liquid-biopsy.yaml", "pole:", "pole: ", ["BIOWIN", "GREENWIN"]),
    ("tki-project/valid-htsm-inline-metrologie.yaml", "topsector:", "topsector: ", ["water", "high-tech"]),
    ("reseau-dossier/valid-biosources-term2-boundaries.yaml", "    category:", "    category: ", ["enterprise", "university"]),
    ("reseau-dossier/valid-biosources-term2-boundaries.yaml", "    country:", "    country: ", ["BE", "DE", "NL"]),
]


@pytest.mark.parametrize("name, line_start, typed, labels", COMPLETIONS)
async def test_completion_offers_the_values_the_rules_accept(client: LanguageClient, name, line_start, typed, labels):
    path = example(name)
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    await open_text(client, uri, text)
    lines = text.split("\n")
    index = next(i for i, l in enumerate(lines) if l.startswith(line_start))
    lines[index] = typed
    edited = "\n".join(lines)
    offered = await complete(client, uri, edited, 2, typed + "\n", len(typed))
    for label in labels:
        assert label in offered


@pytest.mark.parametrize("name, removed, key", [
    ("reseau-dossier/valid-biosources-term2-boundaries.yaml", "synergies:", "synergies"),
    ("pole-project/valid-biowin-liquid-biopsy.yaml", "pole:", "pole"),
    ("tki-project/valid-htsm-inline-metrologie.yaml", "tki:", "tki"),
])
async def test_completion_offers_the_keys_the_structure_allows_with_their_docs(client: LanguageClient, name, removed, key):
    path = example(name)
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    await open_text(client, uri, text)
    lines = text.split("\n")
    index = next(i for i, l in enumerate(lines) if l.startswith(removed))
    # The section's lines removed, an empty line to type on left in their place.
    end = index + 1
    while end < len(lines) and (lines[end].startswith(" ") or lines[end].startswith("-")):
        end += 1
    edited = "\n".join(lines[:index] + ["sy" if key == "synergies" else ""] + lines[end:])
    await replace_all(client, uri, edited, 2)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=index, character=2 if key == "synergies" else 0)))
    items = {item.label: item for item in result.items}
    assert key in items
    assert items[key].documentation.value.startswith("**" + key + "**")
    assert "dossier" not in items  # present already


async def test_completion_offers_the_organisations_where_a_reference_is_expected(client: LanguageClient):
    path = example("pole-project/valid-mecatech-additive-line.yaml")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    await open_text(client, uri, text)
    lines = text.split("\n")
    index = next(i for i, l in enumerate(lines) if "partner:" in l)
    prefix = lines[index][: lines[index].index("partner:") + len("partner: ")]
    lines[index] = prefix
    edited = "\n".join(lines)
    await replace_all(client, uri, edited, 2)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=index, character=len(prefix))))
    labels = [item.label for item in result.items]
    ids = [l.split("id:")[1].strip() for l in text.split("\n") if l.strip().startswith("- id:")]
    assert ids and set(ids) <= set(labels)


async def test_go_to_definition_and_references_on_a_partner(client: LanguageClient):
    path = example("pole-project/valid-biowin-liquid-biopsy.yaml")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    await open_text(client, uri, text)
    lines = text.split("\n")
    index = next(i for i, l in enumerate(lines) if "partner:" in l)
    partner = lines[index].split("partner:")[1].split(",")[0].split("}")[0].strip()
    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=index, character=lines[index].index("partner:") + len("partner: ") + 1)))
    location = definition[0] if isinstance(definition, list) else definition
    target = lines[location.range.start.line]
    assert target.strip().startswith("- id:") and target.split("id:")[1].strip() == partner
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=location.range.start,
        context=types.ReferenceContext(include_declaration=False)))
    assert index in [r.range.start.line for r in references]
    assert all(partner in lines[r.range.start.line] for r in references)


async def test_the_outline_lists_sections_and_organisations(client: LanguageClient):
    path = example("reseau-dossier/valid-biosources-term2-boundaries.yaml")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    await open_text(client, uri, text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    names = [s.name for s in symbols]
    assert "members" in names and "financial_plan" in names
    members = next(s for s in symbols if s.name == "members")
    ids = [l.split("id:")[1].strip() for l in text.split("\n") if l.strip().startswith("- id:")]
    assert [c.name for c in members.children] == ids


HOSTILE = {
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)),
    "deep nesting": "dossier: 1\nkind: reseau-dossier\nx: " + "[" * 5000 + "]" * 5000 + "\n",
    "many documents": "---\na: 1\n" * 10_001,
    "tab indentation": "dossier: 1\nkind: reseau-dossier\nmembers:\n\t- id: a\n",
    "unclosed quote": "dossier: 1\nkind: reseau-dossier\ntitle: \"never closed\n",
    "not a mapping": "- just\n- a list\n",
    "control characters": "dossier: 1\nkind: \u0001\u0002\n",
    "huge scalar": "dossier: 1\nkind: reseau-dossier\ntitle: " + "x" * 2_000_000 + "\n",
}


async def test_hostile_documents_pasted_as_edits_get_hdr_004_and_the_server_keeps_serving(client: LanguageClient):
    path = example("reseau-dossier/valid-biosources-term2-boundaries.yaml")
    valid = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    assert [d for d in await open_text(client, uri, valid) if d.code] == []
    version = 1
    for name, text in HOSTILE.items():
        version += 1
        diagnostics = await replace_all(client, uri, text, version)
        if name in ("huge scalar",):
            assert seen(diagnostics) == expected_diagnostics(text), name
            continue
        assert "HDR-004" in [d.code for d in diagnostics], (name, [(d.code, d.message) for d in diagnostics])
        assert seen(diagnostics) == expected_diagnostics(text), name
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
        symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        assert symbols is not None, name
    version += 1
    assert [d for d in await replace_all(client, uri, valid, version) if d.code] == []


async def test_the_projects_configuration_and_waivers_apply_as_in_check(client: LanguageClient, tmp_path):
    source = example("reseau-dossier/invalid-term3-rate-too-high.yaml").read_text(encoding="utf-8")
    dossier = tmp_path / "dossiers" / "d.yaml"
    dossier.parent.mkdir()
    dossier.write_text(source, encoding="utf-8")
    uri = uri_of(dossier)
    breach = next(f for f in check_json(source) if f["rule"] == "RES-004")
    # Found from the dossier's folder upwards: RES-004 waived for this dossier and node.
    (tmp_path / "waivers.yaml").write_text(
        "waivers:\n  - rule: RES-004\n    dossier: RES-2026-206\n    path: " + breach["path"]
        + "\n    reason: granted by the jury\n    expires: 2999-01-01\n", encoding="utf-8")
    (tmp_path / ".dossiercheck.yaml").write_text("version: 1\nwaivers: waivers.yaml\n", encoding="utf-8")
    diagnostics = await open_text(client, uri, source)
    run = subprocess.run([BINARY, "check", "--format", "json", "dossiers/d.yaml"], cwd=tmp_path, capture_output=True, text=True)
    report = json.loads(run.stdout)
    expected = [f for file in report["files"] for d in file["documents"] for f in d["findings"] if "suppression" not in f]
    assert "RES-004" not in [d.code for d in diagnostics]
    assert sorted((d.code, d.message) for d in diagnostics if d.code) == sorted((f["rule"], f["message"]) for f in expected)
