/* gap-export-dialog.h — choose a report, a format and a language; export
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export runs in a worker thread on a snapshot of the workspace (a
 * single-file copy opened by the worker), since workspace objects belong
 * to the main thread; the dialog shows a spinner and can cancel. When the
 * file is written the dialog closes and the parent window shows a toast
 * with an "Open" button.
 */

#pragma once

#include <adwaita.h>

#include "gap-core.h"
#include "gap-export.h"

G_BEGIN_DECLS

#define GAP_TYPE_EXPORT_DIALOG (gap_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GapExportDialog, gap_export_dialog, GAP, EXPORT_DIALOG, AdwWindow)

GapExportDialog   *gap_export_dialog_new          (GtkWindow         *parent,
                                                   GapAnalysis       *analysis);
/* Creates the dialog over @parent and shows it. Transfer none. */
GapExportDialog   *gap_export_dialog_present      (GtkWindow         *parent,
                                                   GapAnalysis       *analysis);

GapExportFormat    gap_export_dialog_get_format   (GapExportDialog   *self);
void               gap_export_dialog_set_format   (GapExportDialog   *self,
                                                   GapExportFormat    format);
GapReportKind      gap_export_dialog_get_report   (GapExportDialog   *self);
void               gap_export_dialog_set_report   (GapExportDialog   *self,
                                                   GapReportKind      report);
GapExportLanguage  gap_export_dialog_get_language (GapExportDialog   *self);
void               gap_export_dialog_set_language (GapExportDialog   *self,
                                                   GapExportLanguage  lang);
/* TRUE while an export runs (property "busy"). */
gboolean           gap_export_dialog_get_busy     (GapExportDialog   *self);

/* Exports to @dest with the chosen options, as the file chooser's answer
 * does; tests call it directly. Signals when done:
 *   "exported" (GFile *dest, AdwToast *toast) — the file is there; the
 *              toast was added to the parent window (NULL when the
 *              dialog was closed meanwhile)
 *   "failed"   (GError *error) — nothing was written (cancelled too) */
void               gap_export_dialog_export_to    (GapExportDialog   *self,
                                                   GFile             *dest);
/* Cancels the running export, if any. */
void               gap_export_dialog_cancel       (GapExportDialog   *self);

G_END_DECLS
