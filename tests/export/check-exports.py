#!/usr/bin/python3
# check-exports.py — reads the CSV, HTML and PDF exports back with
# independent readers: Python's csv module, html5lib, poppler-utils.
#
# Copyright 2026 The ISMS Gap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-exports.py demo DIR --organization … --open-gaps N --annex N
#                    --gap-title-zh … --gap-title-en …
#   check-exports.py hostile DIR
#
# DIR holds {gap,soa}-{zh_TW,en,both}.{csv,html,pdf} as test-export writes
# them.

import argparse
import csv
import io
import os
import re
import subprocess
import sys
import unicodedata

import html5lib

failures = []

LANGS = ("zh_TW", "en", "both")
REPORTS = ("gap", "soa")

# The column headers documented in docs/exports.md.
HEADERS = {
    "gap": [("優先順序", "Priority", True), ("編號", "ID", False),
            ("要求事項或控制措施", "Requirement or control", True), ("判定", "Verdict", True),
            ("狀態", "Status", True), ("責任歸屬", "Responsibility", True),
            ("負責人", "Owner", False), ("到期日", "Due date", False), ("備註", "Notes", False)],
    "soa": [("編號", "ID", False), ("控制措施", "Control", True), ("適用性", "Applicability", True),
            ("納入理由", "Reasons for inclusion", True), ("理由說明", "Justification", False),
            ("實作狀態", "Implementation status", True), ("責任歸屬", "Responsibility", True),
            ("提供之服務", "Providing services", True), ("佐證資料", "Evidence", False)],
}

TITLES = {
    "gap": {"zh_TW": ["差距分析報告", "摘要", "待改善差距", "各條文及主題之結果",
                      "繼承及共同分擔的控制措施", "證書狀態", "附錄：適用範圍"],
            "en": ["Gap analysis report", "Executive summary", "Open gaps",
                   "Results per clause and theme", "Inherited and shared controls",
                   "Certificate status", "Appendix: scope"]},
    "soa": {"zh_TW": ["適用性聲明", "附錄 A 控制措施", "第 4 至 10 條"],
            "en": ["Statement of Applicability", "Annex A controls", "Clauses 4 to 10"]},
}

PAGES = {"gap": (6, 30), "soa": (4, 20)}

FORMULA_START = set("=+-@\uff1d\uff0b\uff0d\uff20")


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def expected_header(report, lang):
    out = []
    for zh, en, localized in HEADERS[report]:
        if lang == "zh_TW":
            out.append(zh)
        elif lang == "en":
            out.append(en)
        elif localized:
            out += [zh, en]
        else:
            out.append(f"{zh} / {en}")
    return out


def languages(lang):
    return ["zh_TW", "en"] if lang == "both" else [lang]


# ---- CSV ----

def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    check(raw.startswith(b"\xef\xbb\xbf"), f"{path}: UTF-8 byte order mark")
    text = raw[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    # RFC 4180 with CRLF: writing the parsed rows again gives the same bytes.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    check(again.getvalue() == text, f"{path}: RFC 4180 quoting and CRLF line ends")
    widths = {len(r) for r in rows}
    check(len(widths) == 1, f"{path}: every row has as many cells as the header ({widths})")
    return rows


def first_visible(cell):
    for c in cell:
        if c.isspace() or unicodedata.category(c) == "Cf":
            continue
        return c
    return ""


def check_neutral(path, rows):
    for row in rows:
        for cell in row:
            dangerous = cell[:1] in ("\t", "\r") or first_visible(cell) in FORMULA_START
            check(not dangerous, f"{path}: cell {cell[:40]!r} could run as a formula")


# ---- HTML ----

def parse_html(path):
    with open(path, "rb") as f:
        raw = f.read()
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    doc = parser.parse(raw)
    check(doc.tag == "html", f"{path}: an html document")
    check(not doc.findall(".//script"), f"{path}: no script element")
    for tag in ("iframe", "object", "embed", "link", "img", "base", "form"):
        check(not doc.findall(f".//{tag}"), f"{path}: no {tag} element")
    for element in doc.iter():
        for name, value in element.attrib.items():
            if name.startswith("on"):
                check(False, f"{path}: event handler attribute {name}")
            if name in ("src", "href", "action", "xlink:href", "srcset"):
                check(value.startswith("#"), f"{path}: {name}={value!r} fetches or leaves the page")
    styles = " ".join(e.text or "" for e in doc.iter("style"))
    styles += " ".join(e.get("style", "") for e in doc.iter())
    check("url(" not in styles and "@import" not in styles, f"{path}: CSS loads nothing")
    check("@media print" in styles, f"{path}: a print stylesheet")
    check(b"http://" not in raw.replace(b'http://x', b'') and b"https://" not in raw,
          f"{path}: no URL at all")
    return doc


def text_of(element):
    return "".join(element.itertext())


def check_html_lang(path, doc, lang):
    expected = "en" if lang == "en" else "zh-Hant-TW"
    check(doc.get("lang") == expected, f"{path}: <html lang={expected!r}>, got {doc.get('lang')!r}")
    english = [e for e in doc.iter() if e.get("lang") == "en"]
    if lang == "both":
        check(len(english) > 50, f"{path}: English parts are marked lang=en")


def table_rows(doc, table_id):
    for table in doc.iter("table"):
        if table.get("id") == f"table-{table_id}":
            return table.findall("./tbody/tr")
    return None


# ---- PDF ----

def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def pdf_info(path):
    out = subprocess.run(["pdfinfo", "-enc", "UTF-8", path], capture_output=True,
                         check=True).stdout.decode("utf-8")
    info = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_fonts(path):
    out = subprocess.run(["pdffonts", path], capture_output=True, check=True).stdout.decode()
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type… encoding emb sub uni object ID
        fonts.append((parts[0], parts[-5], parts[-4]))
    return fonts


def squash(text):
    # pdftotext breaks lines inside table cells: compare without whitespace.
    return re.sub(r"\s+", "", text)


def check_pdf_common(path, report, pages_range=None):
    info = pdf_info(path)
    pages = int(info["Pages"])
    low, high = pages_range or PAGES[report]
    check(low <= pages <= high, f"{path}: {pages} pages, expected {low}–{high}")
    check(info.get("Page size", "").startswith("595.276 x 841.89"), f"{path}: A4 pages")
    fonts = pdf_fonts(path)
    check(fonts and all(emb == "yes" for _, emb, _ in fonts), f"{path}: every font embedded {fonts}")
    check(any("CJK" in name for name, _, _ in fonts), f"{path}: a CJK font is embedded {fonts}")
    return info, pages


# ---- the demo workspace ----

def check_demo(folder, args):
    for report in REPORTS:
        for lang in LANGS:
            base = os.path.join(folder, f"{report}-{lang}")
            n_rows = args.open_gaps if report == "gap" else args.annex

            rows = read_csv(base + ".csv")
            check(rows[0] == expected_header(report, lang),
                  f"{base}.csv: header {rows[0]} is {expected_header(report, lang)}")
            check(len(rows) - 1 == n_rows, f"{base}.csv: {len(rows) - 1} rows, expected {n_rows}")
            check_neutral(base + ".csv", rows)
            flat = "\n".join(",".join(r) for r in rows)
            if report == "gap":
                if "zh_TW" in languages(lang):
                    check(args.gap_title_zh in rows[1], f"{base}.csv: first gap in Chinese")
                if "en" in languages(lang):
                    check(args.gap_title_en in rows[1], f"{base}.csv: first gap in English")
            has_han = re.search(r"[\u4e00-\u9fff]", " ".join(rows[0])) is not None
            check(has_han == (lang != "en"), f"{base}.csv: header language")

            doc = parse_html(base + ".html")
            check_html_lang(base + ".html", doc, lang)
            body = text_of(doc)
            check(args.organization in body, f"{base}.html: organization")
            for language in languages(lang):
                for title in TITLES[report][language]:
                    check(title in body, f"{base}.html: section title {title!r}")
            trs = table_rows(doc, "open-gaps" if report == "gap" else "soa")
            check(trs is not None and len(trs) == n_rows, f"{base}.html: {n_rows} table rows")
            if report == "gap":
                check(doc.findall(".//{http://www.w3.org/2000/svg}svg"), f"{base}.html: the coverage chart")

            info, pages = check_pdf_common(base + ".pdf", report)
            text = pdf_text(base + ".pdf")
            flat_text = squash(text)
            check(args.organization in flat_text, f"{base}.pdf: organization")
            check(squash(TITLES[report]["en" if lang == "en" else "zh_TW"][0]) in squash(info["Title"])
                  and args.organization in info["Title"], f"{base}.pdf: title {info['Title']!r}")
            check(info.get("Author") == "林雅婷（資訊安全官）", f"{base}.pdf: author {info.get('Author')!r}")
            for language in languages(lang):
                for title in TITLES[report][language]:
                    check(squash(title) in flat_text, f"{base}.pdf: section title {title!r}")
            if report == "gap":
                for language, title in (("zh_TW", args.gap_title_zh), ("en", args.gap_title_en)):
                    if language in languages(lang):
                        check(squash(title) in flat_text, f"{base}.pdf: control title {title!r}")
            footer = f"第 {pages} 頁，共 {pages} 頁" if lang != "en" else f"Page {pages} of {pages}"
            check(squash(footer) in flat_text, f"{base}.pdf: page numbers ({footer})")
            check("\ufffd" not in text, f"{base}.pdf: no replacement characters")


# ---- hostile input ----

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "<script>alert(1)</script>",
    "+1 \"quoted\" 'single' & <b>bold</b>",
    "\u202e=cmd|' /C calc'!A0 \u202e reversed",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
]


def check_hostile(folder):
    for report in REPORTS:
        for lang in LANGS:
            base = os.path.join(folder, f"{report}-{lang}")

            rows = read_csv(base + ".csv")
            check_neutral(base + ".csv", rows)
            cells = {c for r in rows for c in r}
            # Neutralised, not lost: a quote in front, the text intact.
            for payload in HOSTILE:
                if payload.startswith("<"):
                    continue
                check(("'" + payload) in cells,
                      f"{base}.csv: {payload!r} kept behind a quote")
            if report == "gap":
                check("line one\nline two\r\nline three" in cells,
                      f"{base}.csv: newlines inside a cell survive")

            doc = parse_html(base + ".html")
            body = text_of(doc)
            check(HOSTILE[1] in body, f"{base}.html: <script> shown as text")
            check(HOSTILE[0] in text_of(doc.find(".//title")), f"{base}.html: title escaped")
            for element in doc.iter():
                for t in (element.text or "", element.tail or ""):
                    if "\u202e" in t and element.tag != "bdi":
                        check(False, f"{base}.html: U+202E outside <bdi> in <{element.tag}>")

            # Two notes of 200 lines each make many more pages.
            info, pages = check_pdf_common(base + ".pdf", report, (10, 80))
            text = pdf_text(base + ".pdf")
            flat_text = squash(text)
            check(HOSTILE[0] in info["Title"], f"{base}.pdf: title keeps {HOSTILE[0]!r}")
            check(squash(HOSTILE[1]) in flat_text, f"{base}.pdf: <script> printed literally")
            check(squash(HOSTILE[0]) in flat_text, f"{base}.pdf: formula printed literally")
            # A note taller than a page goes on over pages, whole: the open
            # gaps show it once, the SoA as evidence of a clause and a control.
            expected = 1 if report == "gap" else 2
            words = re.findall(r"L\d{3}", text)
            for n in range(200):
                found = words.count(f"L{n:03d}")
                check(found == expected,
                      f"{base}.pdf: line {n} of the long note shows {found} times, not {expected}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["demo", "hostile"])
    parser.add_argument("folder")
    parser.add_argument("--organization")
    parser.add_argument("--open-gaps", type=int)
    parser.add_argument("--annex", type=int)
    parser.add_argument("--gap-title-zh")
    parser.add_argument("--gap-title-en")
    args = parser.parse_args()

    if args.mode == "demo":
        check_demo(args.folder, args)
    else:
        check_hostile(args.folder)

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
