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
#include "gap-print-private.h"
#include "gap-report-layout.h"
#include "gap-window.h"
#include "gui-test-util.h"

static const char *tmp_dir;
static GapApplication *app;

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

/* The menu's "Print Report…" as the user sees it: greyed out or not. */
static gboolean
print_item_sensitive (GapWindow *window)
{
  GtkWidget *menu_button = gui_test_find (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Main Menu");
  GtkPopover *popover;
  GtkWidget *label;
  gboolean sensitive;

  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  gui_test_iterate ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  label = gui_test_find (GTK_WIDGET (popover), GTK_TYPE_LABEL, "_Print Report…");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  sensitive = gtk_widget_is_sensitive (label);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  gui_test_iterate ();

  return sensitive;
}

/* win.print (Ctrl+P, the menu): there only while a workspace is open; it
 * prints the gap analysis report in the language of the last export. */
static void
test_window_action (void)
{
  GapWindow *window = gap_window_new (app);
  g_autofree char *pdf = g_build_filename (tmp_dir, "window-print.pdf", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  _gap_print_set_export_file (pdf);
  g_settings_set_string (settings, "report-language", "en");
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();

  /* Nothing to print on the welcome page. */
  g_assert_false (print_item_sensitive (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  gui_test_iterate ();
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_true (gap_window_open_demo (window, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_true (print_item_sensitive (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  gui_test_iterate ();
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "台灣範例精密股份有限公司"));
  g_assert_nonnull (strstr (text, "Gap analysis report"));
  g_assert_null (strstr (text, "差距分析報告"));
  g_unlink (pdf);

  /* Closed again: greyed out, and Ctrl+P does nothing. */
  gap_window_close_workspace (window);
  gui_test_iterate ();
  g_assert_false (print_item_sensitive (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  gui_test_iterate ();
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  _gap_print_set_export_file (NULL);
  g_settings_reset (settings, "report-language");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = gui_test_init (&argc, &argv);
  /* The report's own language comes from the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  app = gui_test_application_new ();

  g_test_add_func ("/gui/print/export", test_print_export);
  g_test_add_func ("/gui/print/window-action", test_window_action);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
