/* gap-export.h — reports and the Statement of Applicability, in any format
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK here: exporters read a GapWorkspace and its GapAnalysis and write
 * a stream. The GUI and the CLI both call gap_export_to_file().
 */

#pragma once

#include "gap-core.h"

G_BEGIN_DECLS

typedef enum
{
  GAP_EXPORT_FORMAT_PDF,
  GAP_EXPORT_FORMAT_XLSX,
  GAP_EXPORT_FORMAT_CSV,
  GAP_EXPORT_FORMAT_HTML,
  GAP_EXPORT_FORMAT_JSON,   /* the lossless workspace format */
  GAP_EXPORT_FORMAT_OSCAL,  /* SSP + the catalog and profile it imports */
} GapExportFormat;

typedef enum
{
  GAP_REPORT_GAP,
  GAP_REPORT_SOA,
} GapReportKind;

typedef enum
{
  GAP_EXPORT_LANGUAGE_ZH_TW,
  GAP_EXPORT_LANGUAGE_EN,
  GAP_EXPORT_LANGUAGE_BOTH,  /* side by side, as the source document is */
} GapExportLanguage;

const char *gap_export_format_to_string   (GapExportFormat    format);
gboolean    gap_export_format_from_string (const char        *str,
                                           GapExportFormat   *out);
const char *gap_export_format_get_label   (GapExportFormat    format);
/* "pdf", "xlsx", … */
const char *gap_export_format_get_extension (GapExportFormat  format);
const char *gap_export_language_to_string (GapExportLanguage  lang);
gboolean    gap_export_language_from_string (const char      *str,
                                           GapExportLanguage *out);
const char *gap_report_kind_to_string     (GapReportKind      kind);
gboolean    gap_report_kind_from_string   (const char        *str,
                                           GapReportKind     *out);

/* Writes to a temporary name beside @dest and renames it only when
 * complete: on error or cancellation nothing is left behind. OSCAL writes
 * @dest (the SSP) and two siblings, "<name>-catalog.json" and
 * "<name>-profile.json". */
gboolean    gap_export_to_file            (GapAnalysis       *analysis,
                                           GapExportFormat    format,
                                           GapReportKind      report,
                                           GapExportLanguage  lang,
                                           GFile             *dest,
                                           GCancellable      *cancellable,
                                           GError           **error);

G_END_DECLS
