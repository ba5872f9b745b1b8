/* gui-test-util.c — driving real widgets under Xvfb
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gap-util.h"
#include "gui-test-util.h"

static char *tmp_dir;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
cleanup_tmp_dir (void)
{
  g_autoptr(GFile) dir = NULL;

  if (tmp_dir == NULL)
    return;

  dir = g_file_new_for_path (tmp_dir);
  remove_tree (dir);
  g_clear_pointer (&tmp_dir, g_free);
}

const char *
gui_test_init (int    *argc,
               char ***argv)
{
  const char *build_root = g_getenv ("GAP_BUILD_ROOT");
  g_autofree char *schema_dir = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (build_root);
  schema_dir = g_build_filename (build_root, "data", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  tmp_dir = g_dir_make_tmp ("isms-gap-gui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  atexit (cleanup_tmp_dir);

  /* Xvfb has no GPU: GL through llvmpipe costs most of a test's time. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: the GUI tests run under Xvfb (build-aux/dev test)\n");
      exit (77);
    }
  adw_init ();

  return tmp_dir;
}

GapApplication *
gui_test_application_new (void)
{
  GapApplication *app = gap_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

gboolean
gui_test_is_null (gpointer weak_pointer_location)
{
  return *(gpointer *) weak_pointer_location == NULL;
}

void
gui_test_iterate (void)
{
  gint64 until;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* Layout and drawing happen on frame clock ticks, which are timers. */
  until = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gboolean
gui_test_wait_until (gboolean (*cond) (gpointer data),
                     gpointer   data,
                     guint      timeout_ms)
{
  gint64 until = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static const char *
widget_text (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        return gtk_button_get_label (GTK_BUTTON (widget));
      return gap_widget_get_tooltip (widget);
    }
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_BUTTON_CONTENT (widget))
    return adw_button_content_get_label (ADW_BUTTON_CONTENT (widget));

  return gtk_widget_get_name (widget);
}

GtkWidget *
gui_test_find (GtkWidget  *root,
               GType       type,
               const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (text == NULL || g_strcmp0 (widget_text (root), text) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
gui_test_collect (GtkWidget *root,
                  GType      type,
                  GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gui_test_collect (child, type, found);
}

GtkWidget *
gui_test_find_with_class (GtkWidget  *root,
                          GType       type,
                          const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

void
gui_test_enter_text (GtkWidget  *editable,
                     const char *text)
{
  GtkEditable *delegate;

  g_assert_true (GTK_IS_EDITABLE (editable));

  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);

  /* Enter is GtkText::activate of the inner text (its key binding). */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));
  while (delegate != NULL && gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);
  g_assert_true (GTK_IS_TEXT (delegate));
  g_signal_emit_by_name (delegate, "activate");

  gui_test_iterate ();
}

void
gui_test_click_response (GtkWindow  *dialog,
                         const char *label)
{
  GtkWidget *button = gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  gui_test_click (button);
}

void
gui_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* gtk_widget_activate() would only emit it after a 250 ms animation. */
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
}

gpointer
gui_test_template_child (gpointer    widget,
                         GType       type,
                         const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (object == NULL)
    g_error ("no template child “%s”", name);
  return object;
}

GapWindow *
gui_test_window_new_on_workspace (GapApplication  *app,
                                  const char      *basename,
                                  GFile          **file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), basename, NULL);
  GapWorkspace *created;
  GapWindow *window;

  *file = g_file_new_for_path (path);
  g_file_delete (*file, NULL, NULL);
  created = gap_workspace_create (*file, GAP_EDITION_2022, "Test Org", &error);
  g_assert_no_error (error);
  g_object_unref (created);

  window = gap_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gap_window_open_file (window, *file, &error));
  g_assert_no_error (error);

  return window;
}

void
gui_test_destroy_window (GtkWindow *window)
{
  GtkWindow *dialog;
  gpointer weak = window;

  while ((dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  gui_test_iterate ();
  g_assert_null (weak);
}

GapControlRow *
gui_test_find_control_row (GtkWidget     *root,
                           GapAssessment *assessment)
{
  if (GAP_IS_CONTROL_ROW (root) &&
      gap_control_row_get_assessment (GAP_CONTROL_ROW (root)) == assessment)
    return GAP_CONTROL_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GapControlRow *row = gui_test_find_control_row (child, assessment);

      if (row != NULL)
        return row;
    }

  return NULL;
}
