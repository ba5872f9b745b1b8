/* test-gui-window.c — the main window comes up, shows its dialogs, closes
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-application.h"
#include "gap-window.h"
#include "gui-test-util.h"

static GapApplication *app;

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_window_welcome (void)
{
  GapWindow *window = gap_window_new (app);
  GtkWidget *welcome;
  GtkWidget *new_button;
  GtkWindow *about;
  GtkWindow *shortcuts;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();

  /* No workspace: the welcome page, with its actions. */
  g_assert_null (gap_window_get_workspace (window));
  g_assert_null (gap_window_get_analysis (window));
  welcome = gui_test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "ISMS Gap");
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));
  new_button = gui_test_find (welcome, GTK_TYPE_BUTTON, "_New Workspace…");
  g_assert_nonnull (new_button);
  g_assert_true (gtk_widget_get_mapped (new_button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (new_button)), ==,
                   "win.new-workspace");
  /* The page switcher is for an open workspace only. */
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (
    ADW_VIEW_SWITCHER_TITLE (gui_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE,
                                            NULL))));
  g_assert_false (adw_view_switcher_bar_get_reveal (
    ADW_VIEW_SWITCHER_BAR (gui_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR,
                                          NULL))));

  /* About. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  gui_test_iterate ();
  about = gui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "ISMS Gap");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_close (about);
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  /* Keyboard shortcuts: GtkApplication loaded gtk/help-overlay.ui. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gui_test_iterate ();
  shortcuts = gui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL));
  gtk_window_close (shortcuts);
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  /* Without a workspace there is nothing to save, undo or migrate. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.migrate", NULL);
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (gap_window_get_workspace (window));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (is_null, &weak, 2000));
}

static void
test_window_new_workspace_dialog (void)
{
  GapWindow *window = gap_window_new (app);
  GtkWindow *dialog;
  GtkWidget *organization;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-workspace", NULL));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  /* Nothing to create without an organization. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  organization = gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Organization");
  g_assert_nonnull (organization);
  gtk_editable_set_text (GTK_EDITABLE (organization), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (GTK_EDITABLE (organization), "Contoso");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  /* Cancel creates nothing. */
  gui_test_click_response (dialog, "_Cancel");
  g_assert_null (gap_window_get_workspace (window));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (is_null, &weak, 2000));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gui_test_init (&argc, &argv);

  app = gap_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/gui/window/welcome", test_window_welcome);
  g_test_add_func ("/gui/window/new-workspace-dialog", test_window_new_workspace_dialog);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
