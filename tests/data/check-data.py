#!/usr/bin/python3
# check-data.py — checks of the desktop integration files beyond what the
# stock validators (desktop-file-validate, appstreamcli, glib-compile-schemas)
# look at
#
# Copyright 2026 The ISMS Gap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   check-data.py mime MIME-XML
#     Parses the shared-mime-info package, builds a private MIME database from
#     it with update-mime-database and asks GIO (`gio info`) which type a
#     workspace file gets: a glob the database ignores would pass a parse alone.
#   check-data.py translations DESKTOP METAINFO
#     The merged (built) files carry zh_TW for every translatable field.
#   check-data.py gsettings SCHEMA-DIR
#     The compiled schema has the keys, defaults and choices the GUI relies on.
#   check-data.py icons SCALABLE-SVG SYMBOLIC-SVG
#     Both icons load through gdk-pixbuf/librsvg at their nominal size; the
#     symbolic one uses only the recolourable #2e3436.

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
TYPE = 'application/x-isms-gap-workspace'


def fail(msg):
    print('FAIL:', msg, file=sys.stderr)
    sys.exit(1)


# --- mime ---------------------------------------------------------------

def check_package(path):
    root = ET.parse(path).getroot()
    if root.tag != NS + 'mime-info':
        fail(f'root element is {root.tag}, not mime-info in the shared-mime-info namespace')
    types = [t for t in root.findall(NS + 'mime-type') if t.get('type') == TYPE]
    if len(types) != 1:
        fail(f'{TYPE} declared {len(types)} times')
    mt = types[0]
    globs = [g.get('pattern') for g in mt.findall(NS + 'glob')]
    if globs != ['*.ismsgap']:
        fail(f'globs are {globs}, expected exactly *.ismsgap')
    # Any SQLite file would match the SQLite header magic: glob only.
    if mt.find(NS + 'magic') is not None:
        fail('a <magic> rule is declared; the type must be matched by its glob only')
    parents = [p.get('type') for p in mt.findall(NS + 'sub-class-of')]
    if parents != ['application/vnd.sqlite3']:
        fail(f'parent types are {parents}; a workspace is an SQLite database')
    comments = {c.get(XML_LANG): c.text for c in mt.findall(NS + 'comment')}
    if not comments.get(None) or not comments.get('zh_TW'):
        fail(f'need an English and a zh_TW comment, found {sorted(map(str, comments))}')


def gio_content_type(env, path):
    out = subprocess.run(['gio', 'info', '--attributes=standard::content-type', path],
                         env=env, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith('standard::content-type:'):
            return line.split(':', 3)[-1].strip()
    fail(f'gio info gave no content type for {path}:\n{out}')


def check_database(path):
    with tempfile.TemporaryDirectory() as tmp:
        pkgdir = os.path.join(tmp, 'mime', 'packages')
        os.makedirs(pkgdir)
        shutil.copy(path, os.path.join(pkgdir, 'io.github.ismsgap.IsmsGap.xml'))
        # The system packages define application/vnd.sqlite3, our parent type.
        system = '/usr/share/mime/packages/freedesktop.org.xml'
        if os.path.exists(system):
            shutil.copy(system, pkgdir)
        env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_DATA_DIRS=tmp)
        # update-mime-database reports a bad package on stderr but still exits 0.
        res = subprocess.run(['update-mime-database', os.path.join(tmp, 'mime')],
                             env=env, capture_output=True, text=True)
        if res.returncode != 0 or res.stderr.strip():
            fail(f'update-mime-database rejected the package:\n{res.stderr}')

        with open(os.path.join(tmp, 'mime', 'globs2'), encoding='utf-8') as f:
            if f'{TYPE}:*.ismsgap' not in f.read():
                fail('globs2 of the built database lacks the *.ismsgap glob')
        desc = os.path.join(tmp, 'mime', 'application', 'x-isms-gap-workspace.xml')
        if not os.path.exists(desc):
            fail(f'the built database has no {desc}')

        # A real workspace is an SQLite database; GIO must name it by the glob.
        ws = os.path.join(tmp, 'assessment.ismsgap')
        db = sqlite3.connect(ws)
        db.execute('CREATE TABLE t (x)')
        db.commit()
        db.close()
        got = gio_content_type(env, ws)
        if got != TYPE:
            fail(f'gio says {ws} is {got}, expected {TYPE}')
        # The same bytes under another name stay a plain SQLite database.
        other = os.path.join(tmp, 'assessment.db')
        shutil.copy(ws, other)
        got = gio_content_type(env, other)
        if got == TYPE:
            fail(f'an SQLite file without the .ismsgap extension was claimed as {TYPE}')


def check_package_and_database(path):
    check_package(path)
    check_database(path)


# --- translations ---------------------------------------------------------

DESKTOP_TRANSLATED = ['Name', 'GenericName', 'Comment', 'Keywords']


def has_cjk(text):
    return any('\u4e00' <= ch <= '\u9fff' for ch in text)


def check_translations(desktop, metainfo):
    entries = {}
    group = None
    with open(desktop, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('['):
                group = line
            elif group == '[Desktop Entry]' and '=' in line and not line.startswith('#'):
                key, value = line.split('=', 1)
                entries[key.strip()] = value.strip()
    for key in DESKTOP_TRANSLATED:
        if key not in entries:
            fail(f'{desktop}: no {key}')
        local = entries.get(f'{key}[zh_TW]')
        if not local:
            fail(f'{desktop}: no {key}[zh_TW]; is the translation in po/zh_TW.po?')
        # The application's name stays "ISMS Gap" in every language.
        if key != 'Name' and not has_cjk(local):
            fail(f'{desktop}: {key}[zh_TW]={local!r} is not Chinese')

    root = ET.parse(metainfo).getroot()
    checked = 0
    for parent in root.iter():
        children = list(parent)
        for tag in ('name', 'summary', 'caption', 'p', 'li'):
            plain = [c for c in children if c.tag == tag and c.get(XML_LANG) is None
                     and c.get('translate') != 'no']
            local = [c for c in children if c.tag == tag and c.get(XML_LANG) == 'zh_TW']
            if not plain:
                continue
            # A <description> holds its zh_TW paragraphs beside the English ones.
            if len(local) != len(plain):
                fail(f'{metainfo}: <{parent.tag}> has {len(plain)} <{tag}> but '
                     f'{len(local)} in zh_TW')
            for c in local:
                text = ''.join(c.itertext())
                if tag != 'name' and not has_cjk(text):
                    fail(f'{metainfo}: zh_TW <{tag}> {text!r} is not Chinese')
            checked += len(plain)
    if checked < 3:
        fail(f'{metainfo}: only {checked} translatable elements found')


# --- gsettings ------------------------------------------------------------

SCHEMA = 'io.github.ismsgap.IsmsGap'
DEFAULTS = {
    'window-width': '1100',
    'window-height': '760',
    'window-maximized': 'false',
    'last-page': "'scope'",
    'last-workspace': "''",
    'recent-workspaces': '@as []',
    'report-language': "'both'",
}
CHOICES = {
    'last-page': ['scope', 'services', 'controls', 'analysis'],
    'report-language': ['zh_TW', 'en', 'both'],
}


def gsettings(schemadir, *args, check=True):
    env = dict(os.environ, GSETTINGS_BACKEND='memory')
    res = subprocess.run(['gsettings', '--schemadir', schemadir, *args],
                         env=env, capture_output=True, text=True)
    if check and res.returncode != 0:
        fail(f'gsettings {" ".join(args)} failed: {res.stderr.strip()}')
    return res


def check_gsettings(schemadir):
    if not os.path.exists(os.path.join(schemadir, 'gschemas.compiled')):
        fail(f'no gschemas.compiled in {schemadir}')
    keys = sorted(gsettings(schemadir, 'list-keys', SCHEMA).stdout.split())
    if keys != sorted(DEFAULTS):
        fail(f'keys are {keys}, expected {sorted(DEFAULTS)}')
    for key, want in DEFAULTS.items():
        got = gsettings(schemadir, 'get', SCHEMA, key).stdout.strip()
        if got != want:
            fail(f'{key} defaults to {got}, expected {want}')
    for key, want in CHOICES.items():
        lines = gsettings(schemadir, 'range', SCHEMA, key).stdout.split()
        if lines[0] != 'enum' or [v.strip("'") for v in lines[1:]] != want:
            fail(f'{key} range is {lines}, expected enum {want}')
        gsettings(schemadir, 'set', SCHEMA, key, want[-1])
        if gsettings(schemadir, 'set', SCHEMA, key, 'klingon', check=False).returncode == 0:
            fail(f'{key} accepted a value outside its choices')


# --- icons ----------------------------------------------------------------

SVG = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOUR = '#2e3436'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        fail(f'{path} is not a PNG')
    return int.from_bytes(head[16:20], 'big'), int.from_bytes(head[20:24], 'big')


def check_icon(path, size):
    root = ET.parse(path).getroot()
    if root.tag != SVG + 'svg':
        fail(f'{path}: root is {root.tag}, not an SVG')
    if (root.get('width'), root.get('height'), root.get('viewBox')) != \
       (str(size), str(size), f'0 0 {size} {size}'):
        fail(f'{path}: canvas is not {size}×{size}')
    for el in root.iter():
        if el.tag in (SVG + 'image', SVG + 'text', SVG + 'style'):
            fail(f'{path}: <{el.tag}> does not belong in an icon')
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, 'icon.png')
        res = subprocess.run(['gdk-pixbuf-thumbnailer', '-s', str(size), path, png],
                             capture_output=True, text=True)
        if res.returncode != 0 or not os.path.exists(png):
            fail(f'{path} does not render: {res.stderr.strip()}')
        if png_size(png) != (size, size):
            fail(f'{path} rendered at {png_size(png)}, expected {size}×{size}')
    return root


def check_icons(scalable, symbolic):
    check_icon(scalable, 128)
    root = check_icon(symbolic, 16)
    painted = 0
    for el in root.iter():
        for attr in ('fill', 'stroke', 'style', 'stop-color', 'color'):
            value = el.get(attr)
            if value is None:
                continue
            if attr == 'style' or value not in (SYMBOLIC_COLOUR, 'none'):
                fail(f'{symbolic}: {attr}="{value}"; symbolic icons use only {SYMBOLIC_COLOUR}')
            painted += value == SYMBOLIC_COLOUR
        if el.tag == SVG + 'path' and el.get('fill') is None:
            fail(f'{symbolic}: a path without an explicit fill="{SYMBOLIC_COLOUR}"')
    if painted == 0:
        fail(f'{symbolic}: nothing is painted')


def main():
    checks = {
        'mime': (check_package_and_database, 1),
        'translations': (check_translations, 2),
        'gsettings': (check_gsettings, 1),
        'icons': (check_icons, 2),
    }
    if len(sys.argv) < 2 or sys.argv[1] not in checks \
       or len(sys.argv) - 2 != checks[sys.argv[1]][1]:
        fail('usage: check-data.py {mime|translations|gsettings|icons} FILE…')
    func, _ = checks[sys.argv[1]]
    func(*sys.argv[2:])
    print('ok')


if __name__ == '__main__':
    main()
