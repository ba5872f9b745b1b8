/* gap-export.c — gap_export_to_file(): one report, one format, one file
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-export-private.h"

/* Formats that render a GapReport into one stream. */
static const struct
{
  GapExportFormat format;
  GapReportWriter write;
} report_writers[] = {
  { GAP_EXPORT_FORMAT_CSV, _gap_export_write_csv },
  { GAP_EXPORT_FORMAT_HTML, _gap_export_write_html },
  { GAP_EXPORT_FORMAT_PDF, _gap_export_write_pdf },
};

/* Formats that write files of their own (see gap-export-private.h). */
typedef gboolean (*GapFileWriter) (GapAnalysis   *analysis,
                                   GapReport     *report,
                                   GFile         *dest,
                                   GCancellable  *cancellable,
                                   GError       **error);

static gboolean
write_json (GapAnalysis   *analysis,
            GapReport     *report,
            GFile         *dest,
            GCancellable  *cancellable,
            GError       **error)
{
  /* The lossless workspace, not a report. */
  g_autoptr(GapExportFile) file = _gap_export_file_new (dest, cancellable, error);

  if (file == NULL)
    return FALSE;
  if (!gap_workspace_write_json (gap_analysis_get_workspace (analysis),
                                 _gap_export_file_get_stream (file), cancellable, error))
    return FALSE;
  return _gap_export_file_commit (file, cancellable, error);
}

static gboolean
write_xlsx (GapAnalysis   *analysis,
            GapReport     *report,
            GFile         *dest,
            GCancellable  *cancellable,
            GError       **error)
{
  /* One workbook holds both reports (gap-export-xlsx.c). */
  g_autoptr(GapReport) companion = gap_report_new (analysis,
                                                   report->kind == GAP_REPORT_GAP
                                                   ? GAP_REPORT_SOA : GAP_REPORT_GAP,
                                                   report->language);
  g_autoptr(GapExportFile) file = _gap_export_file_new (dest, cancellable, error);

  if (file == NULL ||
      !_gap_export_write_xlsx (report, companion, _gap_export_file_get_stream (file),
                               cancellable, error))
    return FALSE;
  return _gap_export_file_commit (file, cancellable, error);
}

static const struct
{
  GapExportFormat format;
  GapFileWriter   write;
} file_writers[] = {
  { GAP_EXPORT_FORMAT_JSON, write_json },
  { GAP_EXPORT_FORMAT_XLSX, write_xlsx },
  { GAP_EXPORT_FORMAT_OSCAL, _gap_export_write_oscal },
};

static gboolean
write_report (GapReport       *report,
              GapReportWriter  writer,
              GFile           *dest,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GapExportFile) file = _gap_export_file_new (dest, cancellable, error);

  /* Dropping @file without committing deletes the temporary file. */
  if (file == NULL ||
      !writer (report, _gap_export_file_get_stream (file), cancellable, error))
    return FALSE;
  return _gap_export_file_commit (file, cancellable, error);
}

gboolean
gap_export_to_file (GapAnalysis        *analysis,
                    GapExportFormat     format,
                    GapReportKind       report_kind,
                    GapExportLanguage   lang,
                    GFile              *dest,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GapReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (GAP_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Built here, on the caller's thread, from the live workspace. The
   * lossless JSON form is the workspace itself and needs no report (a
   * sixth of its time at 20,000 controls, tests/bench). */
  if (format == GAP_EXPORT_FORMAT_OSCAL)
    /* OSCAL reads the workspace and only the report's header. */
    report = _gap_report_new_header (analysis, report_kind, lang);
  else if (format != GAP_EXPORT_FORMAT_JSON)
    report = gap_report_new (analysis, report_kind, lang);

  for (guint i = 0; i < G_N_ELEMENTS (report_writers); i++)
    if (report_writers[i].format == format)
      ok = write_report (report, report_writers[i].write, dest, cancellable, &local_error);

  for (guint i = 0; i < G_N_ELEMENTS (file_writers); i++)
    if (file_writers[i].format == format)
      ok = file_writers[i].write (analysis, report, dest, cancellable, &local_error);

  if (ok)
    return TRUE;

  if (local_error == NULL)
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Export to %s is not supported by this build."),
                 gap_export_format_get_label (format));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      /* A write that ran out of space: say so plainly, as opening and
       * closing the file do (gap-export-file.c). */
      g_clear_error (&local_error);
      g_set_error (&local_error, GAP_ERROR, GAP_ERROR_NO_SPACE,
                   _("Could not write “%s”: the disk is full."), name);
    }
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      /* Stream errors say what failed, not where: name the file, unless
       * the message already does. */
      if (strstr (local_error->message, name) == NULL)
        g_prefix_error (&local_error, _("Could not write “%s”: "), name);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
