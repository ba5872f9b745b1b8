#!/usr/bin/python3
# check-cli.py — isms-gap-cli export end to end, on real files
#
# Copyright 2026 The ISMS Gap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every format through the command line on a demo workspace: exit 0 and a
# file that its reader accepts; bad arguments and unwritable destinations:
# exit non-zero, one line on stderr, no file.

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

CLI = os.environ["GAP_CLI"]
failures = []


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def main():
    tmp = tempfile.mkdtemp(prefix="gap-export-cli-")
    try:
        workspace = os.path.join(tmp, "demo.ismsgap")
        result = run("new", "--demo", workspace)
        if result.returncode != 0:
            print(result.stderr)
            return 1

        out = os.path.join(tmp, "out")
        os.mkdir(out)
        help_text = run("export", "--help").stdout
        check("--format" in help_text and "--lang" in help_text, "export --help lists its options")

        formats = ["pdf", "csv", "html", "json", "xlsx", "oscal"]
        for fmt in formats:
            for report in ("gap", "soa"):
                for lang in ("zh_TW", "en", "both"):
                    dest = os.path.join(out, f"{report}-{lang}.{fmt}" if fmt != "oscal"
                                        else f"{report}-{lang}-ssp.json")
                    result = run("export", "--format", fmt, "--report", report, "--lang", lang,
                                 "--date", "2026-11-29", "-o", dest, workspace)
                    check(result.returncode == 0,
                          f"export {fmt} {report} {lang}: exit {result.returncode} {result.stderr}")
                    check(result.stderr == "", f"export {fmt} {report} {lang} is silent")
                    if result.returncode != 0:
                        continue
                    with open(dest, "rb") as f:
                        data = f.read()
                    if fmt == "pdf":
                        check(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:],
                              f"{dest} is a whole PDF")
                    elif fmt == "csv":
                        check(data.startswith(b"\xef\xbb\xbf"), f"{dest} starts with a BOM")
                        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
                        check(len(rows) > 1, f"{dest} has rows")
                    elif fmt == "html":
                        check(data.startswith(b"<!DOCTYPE html>"), f"{dest} is HTML")
                    elif fmt in ("json", "oscal"):
                        json.loads(data.decode("utf-8"))
                    elif fmt == "xlsx":
                        check(zipfile.is_zipfile(dest), f"{dest} is a workbook")

        # Nothing but the outputs: no temporary file was left.
        leftovers = [n for n in os.listdir(out) if n.startswith(".")]
        check(leftovers == [], f"no temporary files left: {leftovers}")

        # Bad arguments: one line on stderr, non-zero, no file.
        bad = [
            (["export", "--format", "docx", "-o", os.path.join(out, "x.docx"), workspace], "x.docx"),
            (["export", "--format", "csv", "--report", "risk", "-o", os.path.join(out, "x.csv"),
              workspace], "x.csv"),
            (["export", "--format", "csv", "--lang", "fr", "-o", os.path.join(out, "y.csv"),
              workspace], "y.csv"),
            (["export", "--format", "csv", "--date", "29/11/2026", "-o",
              os.path.join(out, "z.csv"), workspace], "z.csv"),
            (["export", "--format", "csv", workspace], None),
            (["export", "--format", "csv", "-o", os.path.join(out, "w.csv"),
              os.path.join(tmp, "missing.ismsgap")], "w.csv"),
            (["export", "--format", "pdf", "-o", os.path.join(tmp, "no-such-dir", "r.pdf"),
              workspace], None),
            (["export", "--format", "csv", "-o", workspace, workspace], None),
        ]
        not_a_workspace = os.path.join(tmp, "text.ismsgap")
        with open(not_a_workspace, "w") as f:
            f.write("not a workspace\n")
        bad.append((["export", "--format", "html", "-o", os.path.join(out, "v.html"),
                     not_a_workspace], "v.html"))
        for args, name in bad:
            result = run(*args)
            check(result.returncode != 0, f"{args} fails")
            lines = result.stderr.splitlines()
            check(len(lines) == 1 and lines[0].startswith("isms-gap-cli: "),
                  f"{args}: one line on stderr, got {result.stderr!r}")
            if name is not None:
                check(not os.path.exists(os.path.join(out, name)), f"{args} leaves no {name}")
        check(not os.path.exists(os.path.join(tmp, "no-such-dir")), "no folder is created")

        # --date is YYYY-MM-DD exactly, checked with the other arguments: a
        # usage error (exit 2) before the workspace is read.
        for date in ("2026-1-5", " 2026-11-29", "+2026-11-29", "2026-02-30"):
            result = run("export", "--format", "csv", "--date", date, "-o",
                         os.path.join(out, "d.csv"), os.path.join(tmp, "missing.ismsgap"))
            check(result.returncode == 2 and "YYYY-MM-DD" in result.stderr,
                  f"--date {date!r} is a usage error: {result.returncode} {result.stderr!r}")
            check(not os.path.exists(os.path.join(out, "d.csv")), f"--date {date!r} leaves no file")

        # The workspace is untouched by exporting over it being refused.
        check(run("summary", workspace).returncode == 0, "the workspace still opens")

        # Errors in the interface language.
        env = dict(os.environ, LANGUAGE="zh_TW", LANG="zh_TW.UTF-8", LC_ALL="zh_TW.UTF-8")
        result = subprocess.run([CLI, "export", "--format", "csv", "--report", "risk", "-o",
                                 os.path.join(out, "x.csv"), workspace],
                                capture_output=True, text=True, env=env)
        check(result.returncode != 0 and "risk" in result.stderr and "gap" in result.stderr,
              f"zh_TW error names the report: {result.stderr!r}")
        check(any("\u4e00" <= c <= "\u9fff" for c in result.stderr),
              f"the error is translated: {result.stderr!r}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("all CLI export checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
