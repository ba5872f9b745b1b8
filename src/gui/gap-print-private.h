/* gap-print-private.h — what the tests change in printing
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* While @path is set, gap_print_report() writes the pages to that PDF
 * (GtkPrintOperation's export) instead of showing the print dialog, which
 * a test cannot drive. NULL shows the dialog again. */
void _gap_print_set_export_file (const char *path);

G_END_DECLS
