#!/usr/bin/python3
# check-xlsx.py — the XLSX export read back by an independent reader
#
# Copyright 2026 The ISMS Gap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Exports the demo workspace through isms-gap-cli in each language and reads
# the workbook with openpyxl (Debian's python3-openpyxl): the sheets, frozen
# headers, autofilters, real dates, numbers and percentages, row counts
# equal to the analysis, verdict fills, column widths, document properties,
# and hostile text that must stay text.

import datetime
import gettext
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import openpyxl

CLI = os.environ["GAP_CLI"]
LOCALEDIR = os.environ["GAP_LOCALEDIR"]
INJECTION = ('=HYPERLINK("http://x","y") <script>alert(1)</script> "quoted" \'q\'\n'
             "second line \u202eevil")

# msgid, short English form for bilingual names that would be too long
SHEETS = [
    ("Summary", None),
    ("Gaps", None),
    ("Statement of Applicability", "SoA"),
    ("Clauses 4 to 10", None),
    ("Services and certificates", None),
    ("Scope", None),
]
TABLE_SHEETS = SHEETS[1:]

VERDICT_FILLS = {
    "excluded": "FFD9D9D9",
    "covered": "FFC6EFCE",
    "partial": "FFFFEB9C",
    "at-risk": "FFFCD5B4",
    "gap": "FFFFC7CE",
}
VERDICT_MSGIDS = {
    "excluded": "Excluded",
    "covered": "Covered",
    "partial": "Partial",
    "at-risk": "At risk",
    "gap": "Gap",
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


zh = gettext.translation("isms-gap", localedir=LOCALEDIR, languages=["zh_TW"], fallback=True)


def words(lang, msgid):
    """The msgid as the export writes it in one language."""
    return zh.gettext(msgid) if lang == "zh_TW" else msgid


def sheet_name(lang, msgid, short):
    if lang != "both":
        return words(lang, msgid)
    chinese = words("zh_TW", msgid)
    name = f"{chinese} {msgid}"
    if len(name) > 31 and short:
        name = f"{chinese} {short}"
    if len(name) > 31:
        name = chinese
    return name


def run(*args, env=None):
    result = subprocess.run([CLI, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{CLI} {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def display_width(text):
    widest = 0
    for line in text.split("\n"):
        width = 0
        for c in line:
            if unicodedata.combining(c) or unicodedata.category(c) == "Cf":
                continue
            width += 2 if unicodedata.east_asian_width(c) in "WF" else 1
        widest = max(widest, width)
    return widest


def header_columns(ws):
    """Header text → column letters (a bilingual split column appears twice)."""
    columns = {}
    for cell in ws[1]:
        if cell.value is not None:
            for line in str(cell.value).split("\n"):
                columns.setdefault(line, []).append(cell.column_letter)
    return columns


def data_rows(ws):
    """Rows of the first table: from row 2 to the first empty row."""
    rows = []
    for row in ws.iter_rows(min_row=2):
        if all(c.value is None for c in row):
            break
        rows.append(row)
    return rows


def check_no_formulas(wb, label):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                check(cell.data_type != "f",
                      f"{label}: {ws.title}!{cell.coordinate} is a formula: {cell.value!r}")


def check_workbook(path, lang, report, expect):
    label = f"{lang}/{report}"
    wb = openpyxl.load_workbook(path)

    names = [sheet_name(lang, msgid, short) for msgid, short in SHEETS]
    check(wb.sheetnames == names, f"{label}: sheets {wb.sheetnames}, expected {names}")
    if lang == "zh_TW" and zh.gettext("Summary") != "Summary":
        check(wb.sheetnames[0] != "Summary", f"{label}: sheet names are not in Chinese")
    active = names[1] if report == "gap" else names[2]
    check(wb.active.title == active, f"{label}: opens on {wb.active.title}, expected {active}")

    for msgid, short in TABLE_SHEETS:
        name = sheet_name(lang, msgid, short)
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        check(ws.freeze_panes == "A2", f"{label}: {name}: header not frozen ({ws.freeze_panes})")
        ref = ws.auto_filter.ref
        check(ref is not None and ref.startswith("A1:"), f"{label}: {name}: no autofilter ({ref})")
        # Every column in use has a width that fits its content (capped).
        for cell in ws[1]:
            letter = cell.column_letter
            width = ws.column_dimensions[letter].width
            check(width is not None and width >= 6, f"{label}: {name}!{letter}: width {width}")
        for row in data_rows(ws)[:30]:
            for cell in row:
                if isinstance(cell.value, str):
                    need = min(60, display_width(cell.value) + 2)
                    width = ws.column_dimensions[cell.column_letter].width or 0
                    check(width + 0.01 >= need,
                          f"{label}: {name}!{cell.coordinate}: width {width} < {need} "
                          f"for {cell.value[:20]!r}")

    # Row counts against the analysis.
    gaps = wb[names[1]]
    check(len(data_rows(gaps)) == expect["open_gaps"],
          f"{label}: {len(data_rows(gaps))} gap rows, expected {expect['open_gaps']}")
    soa = wb[names[2]]
    check(len(data_rows(soa)) == expect["annex"],
          f"{label}: {len(data_rows(soa))} SoA rows, expected {expect['annex']}")
    clauses = wb[names[3]]
    check(len(data_rows(clauses)) == expect["clauses"],
          f"{label}: {len(data_rows(clauses))} clause rows, expected {expect['clauses']}")
    scope = wb[names[5]]
    check(len(data_rows(scope)) == expect["scope_items"],
          f"{label}: {len(data_rows(scope))} scope rows, expected {expect['scope_items']}")

    # Dates are dates, with a date format.
    due_word = words("en" if lang == "en" else "zh_TW", "Due date")
    due_columns = header_columns(gaps).get(due_word, [])
    check(len(due_columns) == 1, f"{label}: no due date column ({due_word})")
    n_dates = 0
    for letter in due_columns:
        for row in data_rows(gaps):
            cell = gaps[f"{letter}{row[0].row}"]
            if cell.value is None:
                continue
            check(isinstance(cell.value, datetime.datetime),
                  f"{label}: due date {cell.coordinate} is {cell.value!r}")
            check("yy" in cell.number_format, f"{label}: due date format {cell.number_format}")
            n_dates += 1
    check(n_dates > 0, f"{label}: no due dates at all")

    # Verdicts carry their fill, counts are numbers, coverage a percentage.
    verdict_word = words("en" if lang == "en" else "zh_TW", "Verdict")
    verdict_columns = header_columns(gaps).get(verdict_word, [])
    check(verdict_columns, f"{label}: no verdict column")
    labels = {}
    for nick, msgid in VERDICT_MSGIDS.items():
        for slot_lang in (["zh_TW", "en"] if lang == "both" else [lang]):
            labels[words(slot_lang, msgid)] = nick
    seen = set()
    for letter in verdict_columns:
        for row in data_rows(gaps):
            cell = gaps[f"{letter}{row[0].row}"]
            nick = labels.get(cell.value)
            if check(nick is not None, f"{label}: verdict {cell.value!r} unknown"):
                seen.add(nick)
                check(cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == VERDICT_FILLS[nick],
                      f"{label}: {cell.coordinate} {nick} fill {cell.fill.fgColor.rgb}")
    check(len(seen) >= 3, f"{label}: only verdicts {seen} in the gaps sheet")

    summary = wb[names[0]]
    # The cover's dates and the summary's counts are typed too.
    first_lang = "en" if lang == "en" else "zh_TW"
    labels_found = {}
    for row in summary.iter_rows(max_col=2):
        if isinstance(row[0].value, str):
            labels_found[row[0].value.split(" / ")[0]] = row[1].value
    for msgid in ("Assessment date", "Report date"):
        value = labels_found.get(words(first_lang, msgid))
        check(isinstance(value, datetime.datetime), f"{label}: {msgid} is {value!r}")
    value = labels_found.get(words(first_lang, "Open gaps"))
    check(value == expect["open_gaps"], f"{label}: open gaps field is {value!r}")
    numbers = percents = 0
    for row in summary.iter_rows():
        for cell in row:
            if cell.number_format == "0.0%":
                percents += 1
                check(isinstance(cell.value, (int, float)) and 0 <= cell.value <= 1,
                      f"{label}: percentage {cell.coordinate} is {cell.value!r}")
            elif isinstance(cell.value, (int, float)):
                numbers += 1
    check(percents >= 10 and numbers >= 20, f"{label}: {percents} percentages, {numbers} numbers")
    # Excluded items are not applicable: their share is blank, as in the
    # other formats, not 0%.
    excluded = words(first_lang, "Excluded")
    share_column = 3 if lang == "both" else 2
    rows = [row for row in summary.iter_rows() if row[0].value == excluded]
    check(len(rows) == 1, f"{label}: {len(rows)} rows for the excluded verdict")
    for row in rows:
        check(isinstance(row[share_column - 1].value, int),
              f"{label}: excluded count is {row[share_column - 1].value!r}")
        check(row[share_column].value is None,
              f"{label}: excluded share is {row[share_column].value!r}, expected blank")

    # Document properties.
    check(wb.properties.creator == expect["assessor"], f"{label}: author {wb.properties.creator!r}")
    check(wb.properties.title, f"{label}: no title")
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    check(f"<Company>{expect['organization_xml']}</Company>" in app, f"{label}: company not set")
    # Coverage per clause and per theme or domain, charted from the summary.
    check(len(charts) == 2, f"{label}: {len(charts)} charts, expected 2")
    for chart in charts:
        check(f"<c:f>'{names[0]}'!$" in chart or f"<c:f>{names[0]}!$" in chart,
              f"{label}: a chart does not read the summary sheet")

    check_no_formulas(wb, label)
    return wb


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    with tempfile.TemporaryDirectory(prefix="gap-xlsx-") as tmp:
        env = dict(os.environ)
        # The writer's temporary workbook must not outlive the export.
        private_tmp = os.path.join(tmp, "tmp")
        os.mkdir(private_tmp)
        env["TMPDIR"] = private_tmp

        demo = os.path.join(tmp, "demo.ismsgap")
        run("new", "--demo", demo, env=env)
        summary = json.loads(run("summary", "--format", "json", demo, env=env))
        today = summary["today"]
        workspace_json = os.path.join(tmp, "demo.json")
        run("export", "--format", "json", "--output", workspace_json, demo, env=env)
        with open(workspace_json, encoding="utf-8") as f:
            workspace = json.load(f)

        verdicts = summary["counts"]["verdicts"]
        annex = sum(1 for a in workspace["assessments"] if a["control"].startswith("A."))
        expect = {
            "open_gaps": verdicts["gap"] + verdicts["at-risk"] + verdicts["partial"],
            "annex": annex,
            "clauses": len(workspace["assessments"]) - annex,
            "scope_items": sum(len(v) for v in workspace["scope"]["items"].values()),
            "assessor": workspace["scope"]["assessor"],
            "organization_xml": xml_escape(workspace["scope"]["organization"]),
        }

        for lang in ("zh_TW", "en", "both"):
            for report in ("gap", "soa"):
                out = os.path.join(tmp, f"demo-{lang}-{report}.xlsx")
                run("export", "--format", "xlsx", "--report", report, "--lang", lang,
                    "--date", today, "--output", out, demo, env=env)
                check_workbook(out, lang, report, expect)

        # Hostile text stays text.
        workspace["scope"]["organization"] = INJECTION
        workspace["scope"]["assessor"] = INJECTION
        for item in workspace["scope"]["items"].get("site", []):
            item["name"] = INJECTION
        for a in workspace["assessments"]:
            a["notes"] = INJECTION
            a["evidence"] = INJECTION
        hostile_json = os.path.join(tmp, "hostile.json")
        with open(hostile_json, "w", encoding="utf-8") as f:
            json.dump(workspace, f, ensure_ascii=False)
        hostile = os.path.join(tmp, "hostile.ismsgap")
        run("import", hostile_json, hostile, env=env)
        out = os.path.join(tmp, "hostile.xlsx")
        run("export", "--format", "xlsx", "--lang", "both", "--date", today, "--output", out,
            hostile, env=env)
        expect_hostile = dict(expect, assessor=INJECTION, organization_xml=xml_escape(INJECTION))
        wb = check_workbook(out, "both", "gap", expect_hostile)
        found = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and "HYPERLINK" in cell.value:
                        found += 1
                        check(cell.data_type == "s", f"hostile: {cell.coordinate} not a string")
                        check(INJECTION in cell.value,
                              f"hostile: {ws.title}!{cell.coordinate} changed: {cell.value!r}")
        check(found >= 100, f"hostile: the text appears in only {found} cells")

        leftovers = os.listdir(private_tmp)
        check(not leftovers, f"temporary files left behind: {leftovers}")

    for failure in failures[:50]:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
