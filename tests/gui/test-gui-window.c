/* test-gui-window.c — the main window comes up, shows its dialogs, closes
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gap-analysis-page.h"
#include "gap-application.h"
#include "gap-controls-page.h"
#include "gap-scope-page.h"
#include "gap-services-page.h"
#include "gap-window.h"
#include "gui-test-util.h"

static GapApplication *app;

/* Every entry shows a key: an accelerator of its own, or the application's
 * accelerator for its action. */
static void
assert_shortcuts_have_keys (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action, "title", &title,
                    NULL);
      if (action != NULL)
        accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);
      if ((accelerator == NULL || accelerator[0] == '\0') && (accels == NULL || accels[0] == NULL))
        g_error ("The shortcut “%s” shows no key", title);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_shortcuts_have_keys (child);
}

static void
test_window_welcome (void)
{
  GapWindow *window = gap_window_new (app);
  GtkWidget *welcome;
  GtkWidget *new_button;
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_auto(GStrv) accels = NULL;
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

  /* Keyboard shortcuts: built on first use, on Ctrl+? as GtkApplication would. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gui_test_iterate ();
  shortcuts = gui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL));
  assert_shortcuts_have_keys (GTK_WIDGET (shortcuts));
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
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
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
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
}

static void
test_window_remembers (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *page = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *recent_group;
  GapWindow *window = gap_window_new (app);
  gpointer weak = window;
  int width, height;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  g_assert_true (gap_window_create_workspace (window, "Northwind", GAP_EDITION_2022, &error));
  g_assert_no_error (error);
  path = g_file_get_path (gap_workspace_get_file (gap_window_get_workspace (window)));
  gap_window_show_page (window, "services");
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gui_test_iterate ();

  /* Closing stores size, page and workspace, and lists it as recent. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (page, ==, "services");
  last = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last, ==, path);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  g_assert_cmpstr (recent[0], ==, path);

  /* The next window starts that way and reopens the workspace. */
  window = gap_window_new (app);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  gtk_window_present (GTK_WINDOW (window));
  gap_window_restore_session (window);
  gui_test_iterate ();
  g_assert_nonnull (gap_window_get_workspace (window));
  {
    g_autofree char *reopened =
      g_file_get_path (gap_workspace_get_file (gap_window_get_workspace (window)));
    GtkWidget *stack = gui_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);

    g_assert_cmpstr (reopened, ==, path);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==,
                     "services");
  }

  /* Listed while it exists; a working copy deleted meanwhile is dropped. */
  gap_window_close_workspace (window);
  gui_test_iterate ();
  recent_group = gui_test_find (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_GROUP,
                                "Recent Workspaces");
  g_assert_nonnull (recent_group);
  g_assert_true (gtk_widget_get_visible (recent_group));
  g_assert_nonnull (gui_test_find (recent_group, ADW_TYPE_ACTION_ROW, NULL));
  file = g_file_new_for_path (path);
  g_assert_true (gap_window_open_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  gap_window_close_workspace (window);
  gui_test_iterate ();
  g_assert_null (gui_test_find (recent_group, ADW_TYPE_ACTION_ROW, NULL));
  g_assert_false (gtk_widget_get_visible (recent_group));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
}

static GapWindow *
find_window_with_workspace (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (GAP_IS_WINDOW (l->data) && gap_window_get_workspace (l->data) != NULL)
      return l->data;

  return NULL;
}

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    {
      gtk_window_destroy (windows->data);
      gui_test_iterate ();
    }
}

static void
test_application_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("isms-gap-open-XXXXXX", NULL);
  g_autofree char *source_path = g_build_filename (dir, "Tailspin.ismsgap", NULL);
  g_autofree char *junk_path = g_build_filename (dir, "junk.ismsgap", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) junk = g_file_new_for_path (junk_path);
  g_autoptr(GapWorkspace) original = NULL;
  g_autoptr(GError) error = NULL;
  GapWindow *window;
  GtkWindow *dialog;

  original = gap_workspace_create (source, GAP_EDITION_2022, "Tailspin Toys", &error);
  g_assert_no_error (error);
  gap_workspace_close (original);

  /* A double-clicked file opens as a working copy; the original is left. */
  g_application_open (G_APPLICATION (app), &source, 1, "");
  gui_test_iterate ();
  window = find_window_with_workspace ();
  g_assert_nonnull (window);
  /* Opened before the window showed: it does not fade in from the welcome
   * page, its first frame is the workspace's. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_false (gtk_stack_get_transition_running (
                    gui_test_template_child (window, GAP_TYPE_WINDOW, "main_stack")));
  g_assert_cmpstr (gap_workspace_get_scope_field (gap_window_get_workspace (window),
                                                  GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "Tailspin Toys");
  g_assert_false (g_file_equal (gap_workspace_get_file (gap_window_get_workspace (window)),
                                source));
  close_all_windows ();

  /* A file that is not a workspace: the error is shown, nothing opens. */
  g_assert_true (g_file_set_contents (junk_path, "SQLite format 3? no.", -1, NULL));
  g_application_open (G_APPLICATION (app), &junk, 1, "");
  gui_test_iterate ();
  g_assert_null (find_window_with_workspace ());
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could not open the workspace");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  gui_test_click_response (dialog, "_Close");
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  close_all_windows ();

  g_unlink (source_path);
  g_unlink (junk_path);
  g_rmdir (dir);
}

static GtkWidget *
find_page (GapWindow *window,
           GType      type)
{
  return gui_test_find (GTK_WIDGET (window), type, NULL);
}

static GFile *
create_file (const char *basename,
             const char *organization)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), basename, NULL);
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_new_for_path (path);
  GapWorkspace *created;

  g_file_delete (file, NULL, NULL);
  created = gap_workspace_create (file, GAP_EDITION_2022, organization, &error);
  g_assert_no_error (error);
  g_object_unref (created);
  return file;
}

/* A page is built and filled when first shown; a new workspace resets the
 * hidden ones, after they save what was being typed. */
static void
test_window_lazy_pages (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file_a = create_file ("lazy-a.ismsgap", "Contoso");
  g_autoptr(GFile) file_b = create_file ("lazy-b.ismsgap", "Fabrikam");
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) reopened = NULL;
  GapWindow *window;
  GapWorkspace *workspace_a;
  GapWorkspace *workspace_b;
  GtkWidget *scope;
  GtkWidget *services;
  GtkWidget *analysis;
  GtkWidget *controls;
  GtkWidget *organization;
  gpointer weak;

  g_settings_set_string (settings, "last-page", "scope");
  window = gap_window_new (app);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();

  /* The welcome page builds none of them. */
  g_assert_null (find_page (window, GAP_TYPE_SCOPE_PAGE));

  /* Opened on the last page: only that one is there. */
  g_assert_true (gap_window_open_file (window, file_a, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  workspace_a = gap_window_get_workspace (window);
  scope = find_page (window, GAP_TYPE_SCOPE_PAGE);
  g_assert_nonnull (scope);
  g_assert_true (gtk_widget_get_mapped (scope));
  g_assert_true (gap_scope_page_get_workspace (GAP_SCOPE_PAGE (scope)) == workspace_a);
  g_assert_null (find_page (window, GAP_TYPE_SERVICES_PAGE));
  g_assert_null (find_page (window, GAP_TYPE_CONTROLS_PAGE));
  g_assert_null (find_page (window, GAP_TYPE_ANALYSIS_PAGE));

  /* Typed but not yet committed when the page is left. */
  organization = gui_test_find (scope, ADW_TYPE_ENTRY_ROW, "Organization");
  g_assert_nonnull (organization);
  gtk_editable_set_text (GTK_EDITABLE (organization), "Contoso Ltd");

  /* Ctrl+2: the services page is made and filled when shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "services"));
  gui_test_iterate ();
  services = find_page (window, GAP_TYPE_SERVICES_PAGE);
  g_assert_nonnull (services);
  g_assert_true (gtk_widget_get_mapped (services));
  g_assert_true (gap_services_page_get_workspace (GAP_SERVICES_PAGE (services)) == workspace_a);
  /* The scope page, hidden, keeps its workspace. */
  g_assert_true (gap_scope_page_get_workspace (GAP_SCOPE_PAGE (scope)) == workspace_a);

  /* Another workspace opens on the last page (the scope page) with its
   * data; the one hidden lets go of the old workspace, and the edit in
   * progress was saved there. */
  g_assert_true (gap_window_open_file (window, file_b, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  workspace_b = gap_window_get_workspace (window);
  g_assert_true (workspace_b != workspace_a);
  g_assert_true (gtk_widget_get_mapped (scope));
  g_assert_true (gap_scope_page_get_workspace (GAP_SCOPE_PAGE (scope)) == workspace_b);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organization)), ==, "Fabrikam");
  g_assert_null (gap_services_page_get_workspace (GAP_SERVICES_PAGE (services)));
  reopened = gap_workspace_open (file_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gap_workspace_get_scope_field (reopened, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "Contoso Ltd");
  gap_workspace_close (reopened);

  /* Shown again, the services page shows the new workspace. */
  gap_window_show_page (window, "services");
  gui_test_iterate ();
  g_assert_true (gap_services_page_get_workspace (GAP_SERVICES_PAGE (services)) == workspace_b);
  g_assert_true (gap_scope_page_get_workspace (GAP_SCOPE_PAGE (scope)) == workspace_b);

  /* The analysis page, then a control from it: the controls page, never
   * shown before, is made, filled and shows that control. */
  gap_window_show_page (window, "analysis");
  gui_test_iterate ();
  analysis = find_page (window, GAP_TYPE_ANALYSIS_PAGE);
  g_assert_nonnull (analysis);
  g_assert_true (gap_analysis_page_get_analysis (GAP_ANALYSIS_PAGE (analysis)) ==
                 gap_window_get_analysis (window));
  g_assert_null (find_page (window, GAP_TYPE_CONTROLS_PAGE));
  gap_window_show_control (window, "5.1");
  gui_test_iterate ();
  controls = find_page (window, GAP_TYPE_CONTROLS_PAGE);
  g_assert_nonnull (controls);
  g_assert_true (gtk_widget_get_mapped (controls));
  g_assert_true (gap_controls_page_get_analysis (GAP_CONTROLS_PAGE (controls)) ==
                 gap_window_get_analysis (window));
  g_assert_nonnull (gap_controls_page_get_selected (GAP_CONTROLS_PAGE (controls)));
  g_assert_cmpstr (gap_assessment_get_control_id (
                     gap_controls_page_get_selected (GAP_CONTROLS_PAGE (controls))), ==, "5.1");

  /* Closing the workspace resets them all. */
  gap_window_close_workspace (window);
  gui_test_iterate ();
  g_assert_null (gap_controls_page_get_analysis (GAP_CONTROLS_PAGE (controls)));
  g_assert_null (gap_scope_page_get_workspace (GAP_SCOPE_PAGE (scope)));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
  g_file_delete (file_a, NULL, NULL);
  g_file_delete (file_b, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gui_test_init (&argc, &argv);

  app = gui_test_application_new ();

  g_test_add_func ("/gui/window/welcome", test_window_welcome);
  g_test_add_func ("/gui/window/new-workspace-dialog", test_window_new_workspace_dialog);
  g_test_add_func ("/gui/window/remembers", test_window_remembers);
  g_test_add_func ("/gui/window/lazy-pages", test_window_lazy_pages);
  g_test_add_func ("/gui/application/open", test_application_open);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
