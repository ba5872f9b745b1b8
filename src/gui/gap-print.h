/* gap-print.h — printing a report from the GUI
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"
#include "gap-export.h"

G_BEGIN_DECLS

/* A print operation that lays the report out with the PDF export's engine
 * (gap-report-layout.h) on the paper the user picks; A4 by default. */
GtkPrintOperation *gap_print_operation_new (GapAnalysis       *analysis,
                                            GapReportKind      kind,
                                            GapExportLanguage  lang);
/* Shows the print dialog over @parent and prints; errors are shown in a
 * dialog. Returns at once. */
void               gap_print_report        (GtkWindow         *parent,
                                            GapAnalysis       *analysis,
                                            GapReportKind      kind,
                                            GapExportLanguage  lang);

G_END_DECLS
