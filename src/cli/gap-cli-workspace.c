/* gap-cli-workspace.c — isms-gap-cli new, summary, import and migrate
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command that writes a workspace builds it at a temporary name and
 * renames it when whole (gap-staging-private.h): a failed command leaves no
 * file behind.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gap-cli-private.h"
#include "gap-analysis-private.h"
#include "gap-core.h"
#include "gap-json-private.h"
#include "gap-staging-private.h"

#define TOP_GAPS 10

/* Parses the options of one command; prints the error and returns FALSE
 * on a bad command line. @n_args: how many positional arguments it takes. */
static gboolean
parse_command (const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int            n_args,
               int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = _gap_cli_error ("%s", error->message) + 1;
      return FALSE;
    }

  if (*argc != n_args + 1)
    {
      *status = _gap_cli_error (_("Expected %s. Run “isms-gap-cli %s --help” for help."),
                                parameters, (*argv)[0]) + 1;
      return FALSE;
    }

  return TRUE;
}

/* --lang: the language of labels and titles. Through LANGUAGE, which
 * gettext and g_get_language_names() both read on every call. */
static gboolean
set_language (const char  *lang,
              int         *status)
{
  if (lang == NULL)
    return TRUE;

  if (strcmp (lang, "zh_TW") != 0 && strcmp (lang, "en") != 0)
    {
      *status = _gap_cli_error (_("Unknown language “%s”: use zh_TW or en"), lang) + 1;
      return FALSE;
    }

  g_setenv ("LANGUAGE", lang, TRUE);
  return TRUE;
}

/* ---- new ---- */

int
_gap_cli_new (int    argc,
              char **argv)
{
  g_autofree char *edition_name = NULL;
  g_autofree char *organization = NULL;
  gboolean demo = FALSE;
  GOptionEntry entries[] = {
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition_name,
      N_("The edition: 2022 (the default) or 2013"), N_("EDITION") },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization,
      N_("The organization’s name"), N_("NAME") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Fill it with the demo organization"), NULL },
    { NULL }
  };
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GapEdition edition = GAP_EDITION_2022;
  int status = 0;

  if (!parse_command (_("FILE"), _("Create a workspace."), entries, &argc, &argv, 1, &status))
    return status;

  if (edition_name != NULL && !gap_edition_from_string (edition_name, &edition))
    return _gap_cli_error (_("Unknown edition “%s”: use 2022 or 2013"), edition_name) + 1;

  file = g_file_new_for_commandline_arg (argv[1]);

  if (demo)
    {
      if (edition != GAP_EDITION_2022)
        return _gap_cli_error (_("The demo is an ISO/IEC 27001:2022 workspace; "
                                 "--demo cannot be combined with --edition 2013")) + 1;
      if (organization != NULL)
        return _gap_cli_error (_("The demo has its own organization; "
                                 "--demo cannot be combined with --organization")) + 1;
      workspace = gap_workspace_create_demo (file, &error);
    }
  else
    {
      workspace = _gap_workspace_create_staged (file, edition, organization, NULL, NULL, &error);
    }

  if (workspace == NULL)
    return _gap_cli_gerror (error);

  gap_workspace_close (workspace);
  return 0;
}

/* ---- summary ---- */

typedef struct
{
  GapWorkspace *workspace;
  GapAnalysis  *analysis;
  const char   *lang;       /* titles: "zh_TW", "en" or NULL for the interface's */
  GDate         today;
} Summary;

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
}

static void
print_verdict_counts (const GapCounts *counts)
{
  static const GapVerdict order[] = {
    GAP_VERDICT_COVERED, GAP_VERDICT_PARTIAL, GAP_VERDICT_AT_RISK, GAP_VERDICT_GAP,
    GAP_VERDICT_EXCLUDED,
  };
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_string_append_printf (list, "%s%s %u", i == 0 ? "" : _(", "),
                            gap_verdict_get_label (order[i]), counts->by_verdict[order[i]]);
  /* Translators: the number of controls per verdict, "Covered 21, Partial 17, …" */
  printf (_("Verdicts: %s"), list->str);
  printf ("\n");
}

static void
print_assessment_line (Summary       *summary,
                       GapAssessment *assessment)
{
  GapControl *control = gap_assessment_get_control (assessment);

  printf ("  %-8s %s\n", gap_control_get_id (control), gap_control_get_title (control, summary->lang));
}

static void
print_text (Summary *summary)
{
  const GapCounts *counts = gap_analysis_get_counts (summary->analysis);
  GapCatalog *catalog = gap_workspace_get_catalog (summary->workspace);
  GapEdition edition = gap_workspace_get_edition (summary->workspace);
  GListModel *groups = gap_catalog_get_groups (catalog, edition);
  GListModel *open = gap_analysis_get_open_gaps (summary->analysis);
  GListModel *warnings = gap_analysis_get_certificate_warnings (summary->analysis);
  GListModel *unjustified = gap_analysis_get_unjustified (summary->analysis);
  g_autofree char *today = format_date (&summary->today);
  guint n;

  printf ("%s — %s\n",
          or_dash (gap_workspace_get_scope_field (summary->workspace, GAP_SCOPE_FIELD_ORGANIZATION)),
          gap_edition_get_label (edition));
  printf (_("Assessment date: %s; certificates judged on %s"),
          or_dash (gap_workspace_get_scope_field (summary->workspace,
                                                  GAP_SCOPE_FIELD_ASSESSMENT_DATE)),
          today);
  printf ("\n");
  printf (_("Coverage: %.1f %% (%u covered of %u applicable)"),
          100.0 * gap_counts_get_coverage (counts), counts->by_verdict[GAP_VERDICT_COVERED],
          counts->applicable);
  printf ("\n");
  print_verdict_counts (counts);
  printf (_("Responsibility of the applicable ones: %s %u, %s %u, %s %u"),
          gap_responsibility_get_label (GAP_RESPONSIBILITY_ORGANIZATION),
          counts->by_responsibility[GAP_RESPONSIBILITY_ORGANIZATION],
          gap_responsibility_get_label (GAP_RESPONSIBILITY_SHARED),
          counts->by_responsibility[GAP_RESPONSIBILITY_SHARED],
          gap_responsibility_get_label (GAP_RESPONSIBILITY_INHERITED),
          counts->by_responsibility[GAP_RESPONSIBILITY_INHERITED]);
  printf ("\n\n%s\n", _("Coverage per group:"));

  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      const GapCounts *group_counts = gap_analysis_get_group_counts (summary->analysis,
                                                                     gap_group_get_id (group));

      if (group_counts == NULL)
        continue;
      printf ("  %-5s %5.1f %%  (%u/%u)  %s\n", gap_group_get_id (group),
              100.0 * gap_counts_get_coverage (group_counts),
              group_counts->by_verdict[GAP_VERDICT_COVERED], group_counts->applicable,
              gap_group_get_title (group, summary->lang));
    }

  n = g_list_model_get_n_items (open);
  printf ("\n");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u open gap; the first ones:",
                       "%u open gaps; the first ones:", n), n);
  printf ("\n");
  for (guint i = 0; i < MIN (n, TOP_GAPS); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (open, i);
      GapControl *control = gap_assessment_get_control (assessment);

      printf ("  %2u. %-8s %s\n", i + 1, gap_control_get_id (control),
              gap_control_get_title (control, summary->lang));
      printf ("      ");
      /* Translators: verdict, priority, due date and owner of an open gap */
      printf (_("%s · priority: %s · due: %s · owner: %s"),
              gap_verdict_get_label (gap_analysis_get_verdict (summary->analysis, assessment)),
              gap_priority_get_label (gap_assessment_get_priority (assessment)),
              or_dash (gap_assessment_get_due_date (assessment)),
              or_dash (gap_assessment_get_owner (assessment)));
      printf ("\n");
    }

  n = g_list_model_get_n_items (warnings);
  printf ("\n%s\n", _("Certificate warnings:"));
  if (n == 0)
    printf ("  %s\n", _("None: every certificate behind a service in use is current."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (warnings, i);

      printf ("  %s: %s\n",
              gap_certificate_state_get_label (gap_certificate_get_state (certificate,
                                                                          &summary->today)),
              gap_certificate_get_title (certificate, summary->lang));
    }

  n = g_list_model_get_n_items (unjustified);
  printf ("\n%s\n", _("Not applicable without a justification:"));
  if (n == 0)
    printf ("  %s\n", _("None."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (unjustified, i);
      print_assessment_line (summary, assessment);
    }
}

static void
add_counts (JsonBuilder     *builder,
            const GapCounts *counts)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, counts->total);
  json_builder_set_member_name (builder, "applicable");
  json_builder_add_int_value (builder, counts->applicable);
  json_builder_set_member_name (builder, "coverage");
  json_builder_add_double_value (builder, gap_counts_get_coverage (counts));
  json_builder_set_member_name (builder, "verdicts");
  json_builder_begin_object (builder);
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    {
      json_builder_set_member_name (builder, gap_verdict_to_string (v));
      json_builder_add_int_value (builder, counts->by_verdict[v]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "responsibility");
  json_builder_begin_object (builder);
  for (guint r = 0; r < G_N_ELEMENTS (counts->by_responsibility); r++)
    {
      json_builder_set_member_name (builder, gap_responsibility_to_string (r));
      json_builder_add_int_value (builder, counts->by_responsibility[r]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_assessments (JsonBuilder *builder,
                 Summary     *summary,
                 const char  *member,
                 GListModel  *model,
                 guint        limit)
{
  guint n = MIN (g_list_model_get_n_items (model), limit);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (model, i);
      GapControl *control = gap_assessment_get_control (assessment);
      const char *due = gap_assessment_get_due_date (assessment);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "control");
      json_builder_add_string_value (builder, gap_control_get_id (control));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gap_control_get_title (control, summary->lang));
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder,
                                     gap_verdict_to_string (gap_analysis_get_verdict (summary->analysis,
                                                                                      assessment)));
      json_builder_set_member_name (builder, "priority");
      json_builder_add_string_value (builder,
                                     gap_priority_to_string (gap_assessment_get_priority (assessment)));
      json_builder_set_member_name (builder, "due_date");
      if (due != NULL && due[0] != '\0')
        json_builder_add_string_value (builder, due);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "owner");
      json_builder_add_string_value (builder, nonnull (gap_assessment_get_owner (assessment)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (Summary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GapCatalog *catalog = gap_workspace_get_catalog (summary->workspace);
  GapEdition edition = gap_workspace_get_edition (summary->workspace);
  GListModel *groups = gap_catalog_get_groups (catalog, edition);
  GListModel *open = gap_analysis_get_open_gaps (summary->analysis);
  GListModel *warnings = gap_analysis_get_certificate_warnings (summary->analysis);
  g_autofree char *today = format_date (&summary->today);
  guint n;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "organization");
  json_builder_add_string_value (builder, nonnull (gap_workspace_get_scope_field (summary->workspace,
                                                                         GAP_SCOPE_FIELD_ORGANIZATION)));
  json_builder_set_member_name (builder, "edition");
  json_builder_add_string_value (builder, gap_edition_to_string (edition));
  json_builder_set_member_name (builder, "assessment_date");
  json_builder_add_string_value (builder, nonnull (gap_workspace_get_scope_field (summary->workspace,
                                                                         GAP_SCOPE_FIELD_ASSESSMENT_DATE)));
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, today);
  json_builder_set_member_name (builder, "counts");
  add_counts (builder, gap_analysis_get_counts (summary->analysis));

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      const GapCounts *counts = gap_analysis_get_group_counts (summary->analysis,
                                                               gap_group_get_id (group));

      if (counts == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gap_group_get_id (group));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gap_group_get_title (group, summary->lang));
      json_builder_set_member_name (builder, "counts");
      add_counts (builder, counts);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "open_gaps_total");
  json_builder_add_int_value (builder, g_list_model_get_n_items (open));
  add_assessments (builder, summary, "top_gaps", open, TOP_GAPS);
  add_assessments (builder, summary, "at_risk", gap_analysis_get_at_risk (summary->analysis),
                   G_MAXUINT);
  add_assessments (builder, summary, "unjustified",
                   gap_analysis_get_unjustified (summary->analysis), G_MAXUINT);

  json_builder_set_member_name (builder, "certificate_warnings");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (warnings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "family");
      json_builder_add_string_value (builder, gap_certificate_get_family_id (certificate));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gap_certificate_get_title (certificate, summary->lang));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder,
                                     gap_certificate_state_to_string (
                                       gap_certificate_get_state (certificate, &summary->today)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  _gap_cli_print_json (builder);
}

int
_gap_cli_summary (int    argc,
                  char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of titles and labels: zh_TW or en"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GapAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  Summary summary = { 0 };
  int status = 0;

  if (!parse_command (_("FILE"), _("Print the gap analysis of a workspace."), entries,
                      &argc, &argv, 1, &status) ||
      !set_language (lang, &status))
    return status;

  if (format != NULL && strcmp (format, "json") == 0)
    json = TRUE;
  else if (format != NULL && strcmp (format, "text") != 0)
    return _gap_cli_error (_("Unknown format “%s”: use text or json"), format) + 1;

  file = g_file_new_for_commandline_arg (argv[1]);
  workspace = gap_workspace_open_read_only (file, &error);
  if (workspace == NULL)
    return _gap_cli_gerror (error);

  analysis = gap_analysis_new (workspace);
  summary.workspace = workspace;
  summary.analysis = analysis;
  summary.lang = lang;
  _gap_analysis_get_today (analysis, &summary.today);

  if (json)
    print_json (&summary);
  else
    print_text (&summary);

  gap_workspace_close (workspace);
  return _gap_cli_flush_output ();
}

/* ---- import ---- */

int
_gap_cli_import (int    argc,
                 char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!parse_command (_("FILE.json OUTPUT.ismsgap"),
                      _("Create a workspace from its JSON form (as “export --format json” writes it)."),
                      entries, &argc, &argv, 2, &status))
    return status;

  input = g_file_new_for_commandline_arg (argv[1]);
  output = g_file_new_for_commandline_arg (argv[2]);

  /* Refuse a huge file before reading it into memory. */
  info = g_file_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    return _gap_cli_gerror (error);
  if (g_file_info_get_size (info) > GAP_JSON_MAX_DOCUMENT_BYTES)
    return _gap_cli_error (_("“%s” is larger than 64 MiB: not a workspace"), argv[1]);

  bytes = g_file_load_bytes (input, NULL, NULL, &error);
  if (bytes == NULL)
    return _gap_cli_gerror (error);

  workspace = gap_workspace_import_json (bytes, output, &error);
  if (workspace == NULL && (g_error_matches (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT) ||
                            g_error_matches (error, GAP_ERROR, GAP_ERROR_TOO_NEW)))
    /* What is wrong is in the input: name it before the place in it. */
    return _gap_cli_error (_("%s: %s"), argv[1], error->message);
  if (workspace == NULL)
    return _gap_cli_gerror (error);

  gap_workspace_close (workspace);
  return 0;
}

/* ---- migrate ---- */

int
_gap_cli_migrate (int    argc,
                  char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GapWorkspace) source = NULL;
  g_autoptr(GapWorkspace) migrated = NULL;
  g_autoptr(GapMigrationReport) report = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status = 0;

  if (!parse_command (_("INPUT.ismsgap OUTPUT.ismsgap"),
                      _("Migrate an ISO/IEC 27001:2013 workspace to 2022 and print what needs review."),
                      entries, &argc, &argv, 2, &status))
    return status;

  input = g_file_new_for_commandline_arg (argv[1]);
  output = g_file_new_for_commandline_arg (argv[2]);

  source = gap_workspace_open (input, &error);
  if (source == NULL)
    return _gap_cli_gerror (error);

  migrated = gap_migrate_workspace (source, output, &report, &error);
  if (migrated == NULL)
    return _gap_cli_gerror (error);

  text = gap_migration_report_to_text (report);
  fputs (text, stdout);

  gap_workspace_close (migrated);
  gap_workspace_close (source);
  return _gap_cli_flush_output ();
}
