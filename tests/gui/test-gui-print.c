/* test-gui-print.c — printing shares the PDF export's page layout
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkPrintOperation's export action goes through begin-print and
 * draw-page without a dialog: the printed pages are read back with
 * poppler and compared with the layout the PDF export uses.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gap-print.h"
#include "gap-report-layout.h"
#include "gui-test-util.h"

static const char *tmp_dir;

/* pdftotext to stdout ("-"), or pdfinfo. */
static char *
run_tool (const char *tool,
          const char *path)
{
  gboolean text = g_str_equal (tool, "pdftotext");
  const char *argv[] = { tool, "-enc", "UTF-8", path, text ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print_export (void)
{
  g_autofree char *workspace_path = g_build_filename (tmp_dir, "print-demo.ismsgap", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (workspace_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) workspace = gap_workspace_create_demo (file, &error);
  g_autoptr(GapAnalysis) analysis = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GapReport) report = NULL;
  g_autoptr(GapReportLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  analysis = gap_analysis_new (workspace);
  operation = gap_print_operation_new (analysis, GAP_REPORT_SOA, GAP_EXPORT_LANGUAGE_ZH_TW);
  gtk_print_operation_set_export_filename (operation, pdf);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The same pages as the layout on A4. */
  report = gap_report_new (analysis, GAP_REPORT_SOA, GAP_EXPORT_LANGUAGE_ZH_TW);
  layout = gap_report_layout_new (report, GAP_REPORT_A4_WIDTH, GAP_REPORT_A4_HEIGHT);
  info = run_tool ("pdfinfo", pdf);
  pages = g_strdup_printf ("Pages:           %u\n", gap_report_layout_get_n_pages (layout));
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "595.276 x 841.89"));

  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "台灣範例精密股份有限公司"));
  g_assert_nonnull (strstr (text, "適用性聲明"));
  g_assert_nonnull (strstr (text, "資訊安全政策"));
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  tmp_dir = gui_test_init (&argc, &argv);
  /* The report's own language comes from the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/gui/print/export", test_print_export);

  return g_test_run ();
}
