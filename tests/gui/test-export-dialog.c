/* test-export-dialog.c — the export dialog: options, export, cancel, errors
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file chooser is a portal or a native dialog, which a test cannot
 * drive: gap_export_dialog_export_to() takes the place of its answer.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gap-application.h"
#include "gap-export-dialog.h"
#include "gap-window.h"
#include "gui-test-util.h"

static GapApplication *app;
static const char *tmp_dir;

typedef struct
{
  GtkWindow    *parent;
  GapWorkspace *workspace;
  GapAnalysis  *analysis;
  char         *dir;
  /* What the dialog reported. */
  gboolean      done;
  GFile        *exported;
  AdwToast     *toast;
  GError       *error;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_build_filename (tmp_dir, "export-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->dir));
  path = g_build_filename (fixture->dir, "demo.ismsgap", NULL);
  file = g_file_new_for_path (path);
  fixture->workspace = gap_workspace_create_demo (file, &error);
  g_assert_no_error (error);
  fixture->analysis = gap_analysis_new (fixture->workspace);

  /* A parent with a toast overlay, as the main window has. */
  fixture->parent = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (fixture->parent), adw_toast_overlay_new ());
  gtk_window_present (fixture->parent);
  gui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->parent);
  gui_test_iterate ();
  g_clear_object (&fixture->exported);
  g_clear_object (&fixture->toast);
  g_clear_error (&fixture->error);
  g_clear_object (&fixture->analysis);
  gap_workspace_close (fixture->workspace);
  g_clear_object (&fixture->workspace);
  g_free (fixture->dir);
}

static void
exported_cb (GapExportDialog *dialog,
             GFile           *file,
             AdwToast        *toast,
             Fixture         *fixture)
{
  fixture->done = TRUE;
  fixture->exported = g_object_ref (file);
  fixture->toast = g_object_ref (toast);
}

static void
failed_cb (GapExportDialog *dialog,
           const GError    *error,
           Fixture         *fixture)
{
  fixture->done = TRUE;
  fixture->error = g_error_copy (error);
}

static gboolean
is_done (gpointer data)
{
  return ((Fixture *) data)->done;
}

static GapExportDialog *
open_dialog (Fixture *fixture)
{
  GapExportDialog *dialog = gap_export_dialog_present (fixture->parent, fixture->analysis);

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), fixture);
  g_signal_connect (dialog, "failed", G_CALLBACK (failed_cb), fixture);
  gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->parent);
  return dialog;
}

static guint
count_snapshots (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "isms-gap-export-"))
      n++;
  return n;
}

static void
test_options (Fixture       *fixture,
              gconstpointer  data)
{
  GapExportDialog *dialog = open_dialog (fixture);
  GtkWidget *report_row = gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Report");
  GtkWidget *format_row = gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Format");
  GtkWidget *language_row = gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Language");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_nonnull (report_row);
  g_assert_nonnull (format_row);
  g_assert_nonnull (language_row);

  /* Six formats, labelled; the language comes from the settings. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (format_row))),
                    ==, 6);
  g_assert_cmpint (gap_export_dialog_get_language (dialog), ==, GAP_EXPORT_LANGUAGE_BOTH);
  g_assert_false (gap_export_dialog_get_busy (dialog));

  /* The rows follow the format: JSON is neither report in no language,
   * OSCAL has no report to choose. */
  gap_export_dialog_set_format (dialog, GAP_EXPORT_FORMAT_JSON);
  g_assert_false (gtk_widget_get_sensitive (report_row));
  g_assert_false (gtk_widget_get_sensitive (language_row));
  gap_export_dialog_set_format (dialog, GAP_EXPORT_FORMAT_OSCAL);
  g_assert_false (gtk_widget_get_sensitive (report_row));
  g_assert_true (gtk_widget_get_sensitive (language_row));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (format_row)));
  gap_export_dialog_set_format (dialog, GAP_EXPORT_FORMAT_XLSX);
  g_assert_true (gtk_widget_get_sensitive (report_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (format_row)), ==,
                    GAP_EXPORT_FORMAT_XLSX);

  /* Choosing a language in the row is what the dialog reports. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), GAP_EXPORT_LANGUAGE_EN);
  g_assert_cmpint (gap_export_dialog_get_language (dialog), ==, GAP_EXPORT_LANGUAGE_EN);

  /* Escape (export.cancel) closes an idle dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  gui_test_iterate ();
  g_assert_null (weak);

  /* A new dialog starts from the settings again. */
  g_settings_set_string (settings, "report-language", "zh_TW");
  dialog = open_dialog (fixture);
  g_assert_cmpint (gap_export_dialog_get_language (dialog), ==, GAP_EXPORT_LANGUAGE_ZH_TW);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "report-language");
}

static void
check_export (Fixture           *fixture,
              GapExportFormat    format,
              GapExportLanguage  lang,
              const char        *name)
{
  GapExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *setting = NULL;
  GtkStack *stack = GTK_STACK (gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL));
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  fixture->done = FALSE;
  g_clear_object (&fixture->exported);
  g_clear_object (&fixture->toast);

  gap_export_dialog_set_format (dialog, format);
  gap_export_dialog_set_report (dialog, GAP_REPORT_SOA);
  gap_export_dialog_set_language (dialog, lang);
  gap_export_dialog_export_to (dialog, dest);

  /* Busy: the spinner shows and a second export cannot start. */
  g_assert_true (gap_export_dialog_get_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "progress");
  g_assert_false (gtk_widget_is_sensitive (gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                          "_Export…")));

  g_assert_true (gui_test_wait_until (is_done, fixture, 60000));
  g_assert_no_error (fixture->error);
  g_assert_true (g_file_equal (fixture->exported, dest));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (format == GAP_EXPORT_FORMAT_OSCAL)
    {
      g_autofree char *catalog = g_build_filename (fixture->dir, "plan-catalog.json", NULL);

      g_assert_true (g_file_test (catalog, G_FILE_TEST_IS_REGULAR));
    }

  /* The toast names the file and offers to open it; the dialog is gone. */
  g_assert_nonnull (strstr (adw_toast_get_title (fixture->toast), name));
  g_assert_cmpstr (adw_toast_get_button_label (fixture->toast), ==, "_Open");
  gui_test_iterate ();
  g_assert_null (weak);

  /* The language chosen is remembered; the snapshot is gone. */
  setting = g_settings_get_string (settings, "report-language");
  g_assert_cmpstr (setting, ==, gap_export_language_to_string (lang));
  g_assert_cmpuint (count_snapshots (), ==, 0);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  check_export (fixture, GAP_EXPORT_FORMAT_XLSX, GAP_EXPORT_LANGUAGE_ZH_TW, "soa.xlsx");
  check_export (fixture, GAP_EXPORT_FORMAT_OSCAL, GAP_EXPORT_LANGUAGE_EN, "plan.json");
  check_export (fixture, GAP_EXPORT_FORMAT_CSV, GAP_EXPORT_LANGUAGE_BOTH, "soa.csv");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  GapExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gap_export_dialog_set_format (dialog, GAP_EXPORT_FORMAT_PDF);
  gap_export_dialog_export_to (dialog, dest);
  /* Cancel (the header button's action) stops the export at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));

  g_assert_true (gui_test_wait_until (is_done, fixture, 60000));
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (dest, NULL));
  /* Nothing half-written either, and the dialog is back to its options. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "demo.ismsgap"));
  g_assert_false (gap_export_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_snapshots (), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
no_snapshots (gpointer data)
{
  return count_snapshots () == 0;
}

/* Closing the dialog (or its parent) during an export stops it cleanly. */
static void
test_destroy_while_busy (Fixture       *fixture,
                         gconstpointer  data)
{
  GapExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "closed.pdf", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);

  gap_export_dialog_set_format (dialog, GAP_EXPORT_FORMAT_PDF);
  gap_export_dialog_export_to (dialog, dest);
  g_assert_true (gap_export_dialog_get_busy (dialog));
  gtk_window_destroy (fixture->parent);
  fixture->parent = GTK_WINDOW (adw_window_new ());

  /* The worker ends, its snapshot goes, and nothing was written. */
  g_assert_true (gui_test_wait_until (no_snapshots, NULL, 60000));
  gui_test_iterate ();
  g_assert_false (g_file_query_exists (dest, NULL));
  g_assert_null (gui_test_find_toplevel (GAP_TYPE_EXPORT_DIALOG));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  GapExportDialog *dialog = open_dialog (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.html", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  GtkWindow *message;

  gap_export_dialog_set_format (dialog, GAP_EXPORT_FORMAT_HTML);
  gap_export_dialog_export_to (dialog, dest);
  g_assert_true (gui_test_wait_until (is_done, fixture, 60000));
  g_assert_nonnull (fixture->error);
  g_assert_false (g_error_matches (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

  /* The error is shown over the dialog, which stays for another try. */
  gui_test_iterate ();
  message = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (message) == GTK_WINDOW (dialog));
  gtk_window_destroy (message);
  g_assert_false (gap_export_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_snapshots (), ==, 0);
}

static gboolean
has_export_dialog (gpointer data)
{
  return gui_test_find_toplevel (GAP_TYPE_EXPORT_DIALOG) != NULL;
}

/* The window's win.export (Ctrl+E, the menu) opens the dialog over it. */
static void
test_window_action (void)
{
  GapWindow *window = gap_window_new (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  /* Nothing to export without a workspace. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  gui_test_iterate ();
  g_assert_false (has_export_dialog (NULL));

  g_assert_true (gap_window_open_demo (window, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (gui_test_wait_until (has_export_dialog, NULL, 5000));
  dialog = gui_test_find_toplevel (GAP_TYPE_EXPORT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = gui_test_init (&argc, &argv);
  app = gui_test_application_new ();

  g_test_add ("/gui/export-dialog/options", Fixture, NULL, fixture_set_up, test_options,
              fixture_tear_down);
  g_test_add ("/gui/export-dialog/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/gui/export-dialog/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/gui/export-dialog/failure", Fixture, NULL, fixture_set_up, test_failure,
              fixture_tear_down);
  g_test_add ("/gui/export-dialog/destroy-while-busy", Fixture, NULL, fixture_set_up,
              test_destroy_while_busy, fixture_tear_down);
  g_test_add_func ("/gui/export-dialog/window-action", test_window_action);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
