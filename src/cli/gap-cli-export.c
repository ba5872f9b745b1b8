/* gap-cli-export.c — isms-gap-cli export: a report or the SoA in any format
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gap_export_to_file() writes at a temporary name and renames when whole,
 * so a failed export leaves no file behind.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gap-cli-private.h"
#include "gap-core.h"
#include "gap-export.h"
#include "gap-workspace-private.h"

int
_gap_cli_export (int    argc,
                 char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *report_name = NULL;
  g_autofree char *lang_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, xlsx, csv, html, oscal or json"), N_("FORMAT") },
    { "report", 'r', 0, G_OPTION_ARG_STRING, &report_name,
      N_("gap (the gap analysis report, the default) or soa (the Statement of Applicability)"),
      N_("REPORT") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_name,
      N_("zh_TW, en or both (side by side); the default is the interface language"),
      N_("LANGUAGE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("OUT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Judge certificates as of this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GapAnalysis) analysis = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;
  GapExportFormat format;
  GapReportKind report = GAP_REPORT_GAP;
  GapExportLanguage lang;
  GDate day;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Export the gap analysis report or the Statement of "
                                           "Applicability of a workspace."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _gap_cli_gerror (error) + 1;

  if (argc != 2)
    return _gap_cli_error (_("Expected one workspace file. Run “isms-gap-cli export --help” "
                             "for help.")) + 1;
  if (format_name == NULL || !gap_export_format_from_string (format_name, &format))
    return _gap_cli_error (_("Unknown or missing --format: use pdf, xlsx, csv, html, oscal or "
                             "json")) + 1;
  if (report_name != NULL && !gap_report_kind_from_string (report_name, &report))
    return _gap_cli_error (_("Unknown report “%s”: use gap or soa"), report_name) + 1;
  if (lang_name == NULL)
    lang = g_str_equal (gap_current_language (), "zh_TW") ? GAP_EXPORT_LANGUAGE_ZH_TW
                                                           : GAP_EXPORT_LANGUAGE_EN;
  else if (!gap_export_language_from_string (lang_name, &lang))
    return _gap_cli_error (_("Unknown language “%s”: use zh_TW, en or both"), lang_name) + 1;
  if (output == NULL)
    return _gap_cli_error (_("Missing -o OUT: the file to write")) + 1;
  /* ISO 8601 only: g_date_set_parse() guesses by locale. */
  g_date_clear (&day, 1);
  if (date != NULL && !_gap_date_parse (date, &day))
    return _gap_cli_error (_("Not a date: “%s” (use YYYY-MM-DD)"), date) + 1;

  source = g_file_new_for_commandline_arg (argv[1]);
  dest = g_file_new_for_commandline_arg (output);
  if (g_file_equal (source, dest))
    return _gap_cli_error (_("The output would overwrite the workspace “%s”"), argv[1]) + 1;

  workspace = gap_workspace_open_read_only (source, &error);
  if (workspace == NULL)
    return _gap_cli_gerror (error);

  analysis = gap_analysis_new (workspace);
  if (date != NULL)
    gap_analysis_set_today (analysis, &day);

  if (!gap_export_to_file (analysis, format, report, lang, dest, NULL, &error))
    return _gap_cli_gerror (error);

  return 0;
}
