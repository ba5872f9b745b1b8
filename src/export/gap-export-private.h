/* gap-export-private.h — the writers behind gap_export_to_file()
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer interface. A report format is one function that renders a
 * GapReport (built once by gap_export_to_file(), see gap-report.h) into a
 * stream: it neither opens nor closes the stream, and it must not reach
 * into the workspace. gap_export_to_file() owns the file: it gives the
 * writer a stream on a temporary file beside the destination and renames
 * it only after the writer returned TRUE and the stream closed cleanly;
 * otherwise it deletes the temporary file. A writer checks @cancellable
 * between rows or pages and returns FALSE with G_IO_ERROR_CANCELLED.
 *
 * Formats that are not one stream of one report (JSON reads the workspace,
 * OSCAL writes three files) get the analysis and, for OSCAL, the
 * destination; they build their files with GapExportFile below, which
 * gives the same all-or-nothing guarantee.
 */

#pragma once

#include "gap-export.h"
#include "gap-i18n-private.h"
#include "gap-report.h"

G_BEGIN_DECLS

typedef gboolean (*GapReportWriter) (GapReport      *report,
                                     GOutputStream  *stream,
                                     GCancellable   *cancellable,
                                     GError        **error);

/* Report writers (gap-export-csv.c, -html.c, -pdf.c, -xlsx.c). */
gboolean _gap_export_write_csv   (GapReport      *report,
                                  GOutputStream  *stream,
                                  GCancellable   *cancellable,
                                  GError        **error);
gboolean _gap_export_write_html  (GapReport      *report,
                                  GOutputStream  *stream,
                                  GCancellable   *cancellable,
                                  GError        **error);
gboolean _gap_export_write_pdf   (GapReport      *report,
                                  GOutputStream  *stream,
                                  GCancellable   *cancellable,
                                  GError        **error);
/* XLSX is one workbook of both reports (gap-export-xlsx.c): @report is the
 * one asked for (its sheet opens first), @companion the other kind, built
 * from the same analysis in the same language. */
gboolean _gap_export_write_xlsx  (GapReport      *report,
                                  GapReport      *companion,
                                  GOutputStream  *stream,
                                  GCancellable   *cancellable,
                                  GError        **error);

/* OSCAL (gap-export-oscal.c): the SSP at @dest and its catalog and profile
 * as "<name>-catalog.json" and "<name>-profile.json" beside it, each through
 * a GapExportFile; all three are closed before any is committed, so a
 * failure leaves none of them (but for one that replaced a file of an
 * earlier set). @report is the SoA in @lang, for titles. */
gboolean _gap_export_write_oscal (GapAnalysis       *analysis,
                                  GapReport         *report,
                                  GFile             *dest,
                                  GCancellable      *cancellable,
                                  GError           **error);

/* ---- an output file that appears whole or not at all ---- */

typedef struct _GapExportFile GapExportFile;

/* Creates a temporary file (mode 0600: reports describe the organization's
 * weaknesses) in @dest's folder. Errors name @dest and are translated. */
GapExportFile *_gap_export_file_new        (GFile          *dest,
                                            GCancellable   *cancellable,
                                            GError        **error);
GOutputStream *_gap_export_file_get_stream (GapExportFile  *self);
/* Starts writing to the disk what the stream has written so far, without
 * waiting (Linux; elsewhere nothing): the fsync() of the commit then
 * waits for less. Errors show there. */
void           _gap_export_file_start_writeback (GapExportFile *self);
/* Flushes and closes the stream (the last place a full disk shows). */
gboolean       _gap_export_file_close      (GapExportFile  *self,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* Closes if needed, then renames the temporary file over @dest. */
gboolean       _gap_export_file_commit     (GapExportFile  *self,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* Deletes the temporary file unless committed. */
void           _gap_export_file_free       (GapExportFile  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapExportFile, _gap_export_file_free)

/* The msgid of an enum value's label (the same words as gap-types.c), for
 * the enum value types of GapReportValueType; NULL otherwise. */
const char *_gap_report_enum_msgid (GapReportValueType type,
                                    int                value);
/* A report with its languages, dates and titles but no sections, for a
 * writer that reads only those (OSCAL): building every table costs. */
GapReport  *_gap_report_new_header (GapAnalysis       *analysis,
                                    GapReportKind      kind,
                                    GapExportLanguage  lang);

G_END_DECLS
