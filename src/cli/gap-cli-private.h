/* gap-cli-private.h — the subcommands of isms-gap-cli
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each subcommand parses its own arguments (argv[0] is its name) and
 * returns the process exit status. Errors are one translated line on
 * stderr, printed with _gap_cli_error().
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef int (*GapCliCommand) (int argc, char **argv);

/* Prints "isms-gap-cli: <message>" on stderr; returns the exit status 1. */
int  _gap_cli_error          (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* The same for a GError; returns 1. */
int  _gap_cli_gerror         (const GError *error);
/* Prints the builder's document, pretty, on the standard output. */
void _gap_cli_print_json     (JsonBuilder  *builder);
/* Flushes the standard output: 0, or 1 after an error line when any write
 * to it failed. */
int  _gap_cli_flush_output   (void);

int  _gap_cli_catalog        (int argc, char **argv);
int  _gap_cli_new            (int argc, char **argv);
int  _gap_cli_summary        (int argc, char **argv);
int  _gap_cli_export         (int argc, char **argv);
int  _gap_cli_import         (int argc, char **argv);
int  _gap_cli_migrate        (int argc, char **argv);
int  _gap_cli_log            (int argc, char **argv);

G_END_DECLS
