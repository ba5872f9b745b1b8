/* gap-export-types.c — names of formats, reports and languages
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-export.h"

static const struct
{
  GapExportFormat format;
  const char *nick;
  const char *extension;
  const char *label;
} formats[] = {
  { GAP_EXPORT_FORMAT_PDF, "pdf", "pdf", N_("PDF document") },
  { GAP_EXPORT_FORMAT_XLSX, "xlsx", "xlsx", N_("Excel workbook (XLSX)") },
  { GAP_EXPORT_FORMAT_CSV, "csv", "csv", N_("CSV table") },
  { GAP_EXPORT_FORMAT_HTML, "html", "html", N_("Web page (HTML)") },
  { GAP_EXPORT_FORMAT_JSON, "json", "json", N_("ISMS Gap workspace (JSON)") },
  { GAP_EXPORT_FORMAT_OSCAL, "oscal", "json", N_("OSCAL system security plan (JSON)") },
};

const char *
gap_export_format_to_string (GapExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].nick;
  return NULL;
}

gboolean
gap_export_format_from_string (const char      *str,
                               GapExportFormat *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    if (strcmp (formats[i].nick, str) == 0)
      {
        if (out != NULL)
          *out = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
gap_export_format_get_label (GapExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return g_dgettext (GETTEXT_PACKAGE, formats[i].label);
  return NULL;
}

const char *
gap_export_format_get_extension (GapExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  return NULL;
}

static const char * const languages[] = {
  [GAP_EXPORT_LANGUAGE_ZH_TW] = "zh_TW",
  [GAP_EXPORT_LANGUAGE_EN] = "en",
  [GAP_EXPORT_LANGUAGE_BOTH] = "both",
};

const char *
gap_export_language_to_string (GapExportLanguage lang)
{
  if ((guint) lang >= G_N_ELEMENTS (languages))
    return NULL;
  return languages[lang];
}

gboolean
gap_export_language_from_string (const char        *str,
                                 GapExportLanguage *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (languages); i++)
    if (strcmp (languages[i], str) == 0)
      {
        if (out != NULL)
          *out = (GapExportLanguage) i;
        return TRUE;
      }
  return FALSE;
}

static const char * const report_kinds[] = {
  [GAP_REPORT_GAP] = "gap",
  [GAP_REPORT_SOA] = "soa",
};

const char *
gap_report_kind_to_string (GapReportKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (report_kinds))
    return NULL;
  return report_kinds[kind];
}

gboolean
gap_report_kind_from_string (const char    *str,
                             GapReportKind *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (report_kinds); i++)
    if (strcmp (report_kinds[i], str) == 0)
      {
        if (out != NULL)
          *out = (GapReportKind) i;
        return TRUE;
      }
  return FALSE;
}
