#!/usr/bin/python3
# check-manifest.py — checks the Flatpak manifest's sandbox and recipe
#
# Copyright 2026 The ISMS Gap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-manifest.py --json MANIFEST      reads it with Python's json module
#   check-manifest.py --builder MANIFEST   reads it as flatpak-builder does
#                                          (--show-manifest); exit 77 when
#                                          flatpak-builder is not installed
#
# The application reaches files only through the file chooser portal and
# never the network, so the sandbox gets exactly these four permissions.

import json
import os
import re
import shutil
import subprocess
import sys

APP_ID = "io.github.ismsgap.IsmsGap"
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
SKIP = 77

problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


def check_manifest(man):
    app_id = man.get("id", man.get("app-id"))
    check(app_id == APP_ID, f"app id is {app_id!r}, want {APP_ID!r}")
    check(man.get("command") == "isms-gap", f"command is {man.get('command')!r}, want 'isms-gap'")
    check(man.get("runtime") == "org.gnome.Platform" and man.get("sdk") == "org.gnome.Sdk",
          f"runtime/sdk are {man.get('runtime')!r}/{man.get('sdk')!r}, want org.gnome.Platform/Sdk")

    finish = man.get("finish-args", [])
    check(len(finish) == len(set(finish)), f"finish-args repeat an entry: {finish}")
    extra = sorted(set(finish) - set(FINISH_ARGS))
    missing = sorted(set(FINISH_ARGS) - set(finish))
    check(not extra, f"finish-args grant more than the four: {extra}")
    check(not missing, f"finish-args lack {missing}")

    modules = man.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    check(names[-1:] == ["isms-gap"], f"the last module must be isms-gap, modules are {names}")
    for m in modules:
        if not isinstance(m, dict):
            check(False, f"module {m!r} is in another file; keep the manifest in one file")
            continue
        for s in m.get("sources", []):
            if "url" in s:
                check(s.get("url", "").startswith("https://"), f"{m['name']}: {s['url']} is not https")
                check(re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")) is not None,
                      f"{m['name']}: {s.get('url')} has no sha256")
    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    check(app.get("buildsystem") == "meson", "the isms-gap module must use buildsystem meson")
    check(app.get("run-tests") is True, "the isms-gap module must have run-tests: true")
    check({"type": "dir", "path": ".."}.items() <= (app.get("sources") or [{}])[0].items(),
          "the isms-gap module's source must be the checkout (type dir, path '..')")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("--json", "--builder"):
        print("usage: check-manifest.py --json|--builder MANIFEST", file=sys.stderr)
        return 2
    mode, path = sys.argv[1], sys.argv[2]

    if mode == "--json":
        with open(path, encoding="utf-8") as f:
            man = json.load(f)
    else:
        builder = shutil.which("flatpak-builder")
        if builder is None:
            print("SKIP: flatpak-builder is not installed")
            return SKIP
        env = dict(os.environ)
        env.pop("G_DEBUG", None)  # its own warnings are reported below, not aborted on
        r = subprocess.run([builder, "--show-manifest", path], capture_output=True, text=True,
                           env=env, timeout=60)
        if r.returncode != 0:
            print(f"flatpak-builder --show-manifest failed ({r.returncode}):\n{r.stderr}")
            return 1
        # Unknown or misspelled properties are only warnings to flatpak-builder.
        check(r.stderr.strip() == "", f"flatpak-builder complained:\n{r.stderr.strip()}")
        man = json.loads(r.stdout)

    check_manifest(man)
    for p in problems:
        print(f"FAIL: {p}")
    if not problems:
        print(f"OK: {path}: {APP_ID}, finish-args {' '.join(FINISH_ARGS)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
