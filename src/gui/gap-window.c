/* gap-window.c — the main window: one workspace at a time, four pages
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-analysis-page.h"
#include "gap-controls-page.h"
#include "gap-export-dialog.h"
#include "gap-new-workspace-dialog.h"
#include "gap-print.h"
#include "gap-scope-page.h"
#include "gap-services-page.h"
#include "gap-util.h"
#include "gap-window.h"

#define MAX_RECENT 10

struct _GapWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GapWorkspace         *workspace;
  GapAnalysis          *analysis;
  GBinding             *subtitle_binding;
  gulong                can_undo_handler;
  GtkNativeDialog      *chooser;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkWidget            *primary_menu_button;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  /* The pages, NULL until first shown; each in its slot of the stack. */
  AdwBin               *slots[4];
  GtkWidget            *pages[4];

  /* While TRUE, showing a page does not fill it (the workspace is about to
   * change). */
  guint                 switching : 1;
};

G_DEFINE_FINAL_TYPE (GapWindow, gap_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_ANALYSIS,
  N_PROPS
};

enum {
  SHOW_CONTROL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const page_names[] = { "scope", "services", "controls", "analysis" };

/* ---- recent workspaces ---- */

static void
gap_window_add_recent (GapWindow *self,
                       GFile     *file)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (path == NULL)
    return;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0 || !g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) updated);
}

static GtkWidget *
create_recent_row (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *icon;

  if (g_str_has_suffix (basename, ".ismsgap"))
    basename[strlen (basename) - strlen (".ismsgap")] = '\0';

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL)
    {
      g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
      g_autoptr(GDateTime) local = modified ? g_date_time_to_local (modified) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

      if (when != NULL)
        /* Translators: %s is a date and time, "2026-11-29 14:05" */
        subtitle = g_strdup_printf (_("Last changed %s"), when);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "gap-path", g_strdup (path), g_free);

  return row;
}

static void
gap_window_update_recent (GapWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  /* Working copies deleted meanwhile are left out. */
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      gtk_list_box_append (self->recent_list, create_recent_row (recent[i]));
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}

static void
recent_row_activated_cb (GapWindow     *self,
                         GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "gap-path");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (path != NULL);

  file = g_file_new_for_path (path);
  if (!gap_window_open_file (self, file, &error))
    gap_widget_show_error (GTK_WIDGET (self), _("Could not open the workspace"), error);
}

/* ---- building and filling the pages ---- */

/* A page is built and given the workspace only once it is shown: building
 * and filling all four was most of the time to the first frame
 * (tests/bench/notes.md). A page keeps its workspace once filled; a new
 * workspace resets the hidden ones. */

static GtkWidget *
create_page (guint index)
{
  GtkWidget *page;

  switch (index)
    {
    case 0:
      return gap_scope_page_new ();
    case 1:
      return gap_services_page_new ();
    case 2:
      page = gap_controls_page_new ();
      break;
    case 3:
      page = gap_analysis_page_new ();
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_hexpand (page, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  return page;
}

static void
gap_window_set_page_workspace (GapWindow *self,
                               guint      index,
                               gboolean   fill)
{
  GapWorkspace *workspace = fill ? self->workspace : NULL;
  GapAnalysis *analysis = fill ? self->analysis : NULL;
  GtkWidget *page = self->pages[index];

  if (page == NULL)
    {
      /* Nothing to reset; nothing to show before a workspace is open. */
      if (workspace == NULL)
        return;
      page = self->pages[index] = create_page (index);
      /* As for every widget of the window's own template. */
      gap_widget_fix_tooltips (page);
      adw_bin_set_child (self->slots[index], page);
    }

  switch (index)
    {
    case 0:
      gap_scope_page_set_workspace (GAP_SCOPE_PAGE (page), workspace);
      break;
    case 1:
      gap_services_page_set_workspace (GAP_SERVICES_PAGE (page), workspace);
      break;
    case 2:
      gap_controls_page_set_analysis (GAP_CONTROLS_PAGE (page), analysis);
      break;
    case 3:
      gap_analysis_page_set_analysis (GAP_ANALYSIS_PAGE (page), analysis);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* G_MAXUINT while the stack is being built or torn down. */
static guint
visible_page_index (GapWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < G_N_ELEMENTS (self->slots); i++)
    if (visible != NULL && visible == GTK_WIDGET (self->slots[i]))
      return i;

  return G_MAXUINT;
}

static void
gap_window_sync_pages (GapWindow *self)
{
  guint visible = visible_page_index (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    gap_window_set_page_workspace (self, i, i == visible);
}

static void
visible_page_changed_cb (GapWindow *self)
{
  guint visible;

  if (self->switching)
    return;

  visible = visible_page_index (self);
  if (visible != G_MAXUINT)
    gap_window_set_page_workspace (self, visible, TRUE);
}

/* ---- state ---- */

static void
update_switcher_bar (GapWindow *self)
{
  gboolean open = self->workspace != NULL;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    open && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
gap_window_update_actions (GapWindow *self)
{
  gboolean open = self->workspace != NULL;
  gboolean writable = open && !gap_workspace_get_read_only (self->workspace);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-workspace", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.migrate",
                                 open && gap_workspace_get_edition (self->workspace) == GAP_EDITION_2013);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && gap_workspace_get_can_undo (self->workspace));
}

static void
gap_window_set_workspace (GapWindow    *self,
                          GapWorkspace *workspace)
{
  g_autoptr(GapWorkspace) old = NULL;

  g_assert (GAP_IS_WINDOW (self));
  g_assert (!workspace || GAP_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->can_undo_handler, self->workspace);
  old = g_steal_pointer (&self->workspace);
  g_clear_object (&self->analysis);

  if (workspace != NULL)
    {
      GFile *file = gap_workspace_get_file (workspace);

      self->workspace = g_object_ref (workspace);
      self->analysis = gap_analysis_new (workspace);
      self->subtitle_binding = g_object_bind_property (workspace, "organization",
                                                       self->switcher_title, "subtitle",
                                                       G_BINDING_SYNC_CREATE);
      self->can_undo_handler = g_signal_connect_object (workspace, "notify::can-undo",
                                                        G_CALLBACK (gap_window_update_actions),
                                                        self, G_CONNECT_SWAPPED);
      if (file != NULL)
        gap_window_add_recent (self, file);
    }
  else
    adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);

  /* The pages finish pending edits on the old workspace when they see the
   * new one, so it is closed only after they have. */
  gap_window_sync_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);

  if (old != NULL)
    gap_workspace_close (old);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, workspace != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, workspace != NULL ? "workspace" : "welcome");
  if (workspace == NULL)
    gap_window_update_recent (self);
  update_switcher_bar (self);
  gap_window_update_actions (self);
}

/* Opens @workspace on @page, or on the page last shown when NULL. */
static void
gap_window_take_workspace (GapWindow    *self,
                           GapWorkspace *workspace,
                           const char   *page)
{
  g_autofree char *last_page = NULL;

  if (page == NULL)
    page = last_page = g_settings_get_string (self->settings, "last-page");

  /* The page first, so that only that one is filled. */
  self->switching = TRUE;
  gap_window_show_page (self, page);
  self->switching = FALSE;
  gap_window_set_workspace (self, workspace);
  g_object_unref (workspace);

  /* Every edit would fail: say so once, up front. */
  if (gap_workspace_get_read_only (self->workspace))
    gap_widget_add_toast (GTK_WIDGET (self),
                          gap_toast_new (_("This workspace is open read-only: changes cannot be "
                                           "saved")));
}

/* ---- opening and saving ---- */

gboolean
gap_window_create_workspace (GapWindow   *self,
                             const char  *organization,
                             GapEdition   edition,
                             GError     **error)
{
  g_autoptr(GFile) file = NULL;
  GapWorkspace *workspace;

  g_return_val_if_fail (GAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (organization != NULL, FALSE);

  file = gap_working_copy_new_file (organization, error);
  if (file == NULL)
    return FALSE;

  workspace = gap_workspace_create (file, edition, organization, error);
  if (workspace == NULL)
    return FALSE;

  gap_window_take_workspace (self, workspace, "scope");
  return TRUE;
}

gboolean
gap_window_open_file (GapWindow  *self,
                      GFile      *file,
                      GError    **error)
{
  GapWorkspace *workspace;

  g_return_val_if_fail (GAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->workspace != NULL && g_file_equal (file, gap_workspace_get_file (self->workspace)))
    return TRUE;

  workspace = gap_workspace_open (file, error);
  if (workspace == NULL)
    return FALSE;

  gap_window_take_workspace (self, workspace, NULL);
  return TRUE;
}

gboolean
gap_window_open_copy (GapWindow  *self,
                      GFile      *source,
                      GError    **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFile) copy = NULL;
  GapWorkspace *workspace;

  g_return_val_if_fail (GAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (source), FALSE);

  basename = g_file_get_basename (source);
  if (basename != NULL && g_str_has_suffix (basename, ".ismsgap"))
    basename[strlen (basename) - strlen (".ismsgap")] = '\0';

  copy = gap_working_copy_new_file (basename, error);
  if (copy == NULL)
    return FALSE;

  workspace = gap_workspace_open_copy (source, copy, error);
  if (workspace == NULL)
    {
      /* The name was free before; whatever is there now is a leftover. */
      g_file_delete (copy, NULL, NULL);
      return FALSE;
    }

  gap_window_take_workspace (self, workspace, NULL);
  return TRUE;
}

gboolean
gap_window_open_demo (GapWindow  *self,
                      GError    **error)
{
  g_autoptr(GFile) file = NULL;
  GapWorkspace *workspace;

  g_return_val_if_fail (GAP_IS_WINDOW (self), FALSE);

  /* Translators: file name of a working copy of the demo workspace */
  file = gap_working_copy_new_file (_("Demo"), error);
  if (file == NULL)
    return FALSE;

  workspace = gap_workspace_create_demo (file, error);
  if (workspace == NULL)
    {
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  gap_window_take_workspace (self, workspace, NULL);
  return TRUE;
}

gboolean
gap_window_save_copy (GapWindow  *self,
                      GFile      *dest,
                      GError    **error)
{
  g_return_val_if_fail (GAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  return gap_workspace_save_copy (self->workspace, dest, error);
}

static void
migration_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GapWindow        *self)
{
  if (g_strcmp0 (response, "review") == 0)
    gap_window_show_page (self, "controls");
}

gboolean
gap_window_migrate (GapWindow  *self,
                    GError    **error)
{
  g_autoptr(GapMigrationReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  GapWorkspace *migrated;
  AdwMessageDialog *dialog;
  GtkWidget *scroller;
  GtkWidget *label;
  guint n_review;

  g_return_val_if_fail (GAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  name = g_strdup_printf ("%s-2022",
                          gap_workspace_get_scope_field (self->workspace,
                                                         GAP_SCOPE_FIELD_ORGANIZATION));
  file = gap_working_copy_new_file (name, error);
  if (file == NULL)
    return FALSE;

  migrated = gap_migrate_workspace (self->workspace, file, &report, error);
  if (migrated == NULL)
    return FALSE;

  n_review = gap_migration_report_get_n_review (report);
  text = gap_migration_report_to_text (report);
  gap_window_take_workspace (self, migrated, "controls");

  if (n_review == 0)
    body = g_strdup (_("A new ISO/IEC 27001:2022 workspace was created; the 2013 workspace is "
                       "unchanged. No answers were carried over, so nothing needs review."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A new ISO/IEC 27001:2022 workspace was created; the "
                                         "2013 workspace is unchanged. %u control needs review: "
                                         "its answers were carried over from 2013.",
                                         "A new ISO/IEC 27001:2022 workspace was created; the "
                                         "2013 workspace is unchanged. %u controls need review: "
                                         "their answers were carried over from 2013.",
                                         n_review),
                            n_review);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Migrated to ISO/IEC 27001:2022"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "review", _("_Review Controls"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "review", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "review");
  adw_message_dialog_set_close_response (dialog, "close");

  if (text != NULL && text[0] != '\0')
    {
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      adw_message_dialog_set_extra_child (dialog, scroller);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (migration_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
gap_window_close_workspace (GapWindow *self)
{
  g_return_if_fail (GAP_IS_WINDOW (self));

  gap_window_set_workspace (self, NULL);
}

void
gap_window_restore_session (GapWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GAP_IS_WINDOW (self));

  path = g_settings_get_string (self->settings, "last-workspace");
  if (path[0] == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  file = g_file_new_for_path (path);
  if (!gap_window_open_file (self, file, &error))
    {
      /* Say why, but start on the welcome page rather than nag each time;
       * over the window, which may not be shown yet. */
      g_settings_set_string (self->settings, "last-workspace", "");
      gtk_window_present (GTK_WINDOW (self));
      gap_widget_show_error (GTK_WIDGET (self), _("Could not reopen the last workspace"), error);
    }
}

void
gap_window_show_page (GapWindow  *self,
                      const char *name)
{
  g_return_if_fail (GAP_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (!g_strv_contains (page_names, name))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
gap_window_show_control (GapWindow  *self,
                         const char *control_id)
{
  g_return_if_fail (GAP_IS_WINDOW (self));
  g_return_if_fail (control_id != NULL);

  gap_window_show_page (self, "controls");
  g_signal_emit (self, signals[SHOW_CONTROL], 0, control_id);
}

GapWorkspace *
gap_window_get_workspace (GapWindow *self)
{
  g_return_val_if_fail (GAP_IS_WINDOW (self), NULL);

  return self->workspace;
}

GapAnalysis *
gap_window_get_analysis (GapWindow *self)
{
  g_return_val_if_fail (GAP_IS_WINDOW (self), NULL);

  return self->analysis;
}

/* ---- actions ---- */

static void
new_workspace_response_cb (GapNewWorkspaceDialog *dialog,
                           const char            *response,
                           GapWindow             *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  organization = g_strstrip (g_strdup (gap_new_workspace_dialog_get_organization (dialog)));
  if (!gap_window_create_workspace (self, organization,
                                    gap_new_workspace_dialog_get_edition (dialog), &error))
    gap_widget_show_error (GTK_WIDGET (self), _("Could not create the workspace"), error);
}

static void
gap_window_new_workspace_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  GapWindow *self = GAP_WINDOW (widget);
  GtkWidget *dialog = gap_new_workspace_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_workspace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
create_workspace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("ISMS Gap Workspaces"));
  gtk_file_filter_add_mime_type (filter, "application/x-isms-gap-workspace");
  gtk_file_filter_add_suffix (filter, "ismsgap");
  return filter;
}

static void
open_copy_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       GapWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !gap_window_open_copy (self, file, &error))
        gap_widget_show_error (GTK_WIDGET (self), _("Could not open the workspace"), error);
    }

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
gap_window_open_copy_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  GapWindow *self = GAP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_workspace_filter ();

  chooser = gtk_file_chooser_native_new (_("Open a Copy of a Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_copy_response_cb), self);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save_copy_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       GapWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file == NULL)
        ;
      else if (!gap_window_save_copy (self, file, &error))
        gap_widget_show_error (GTK_WIDGET (self), _("Could not save a copy"), error);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *title = NULL;

          /* Translators: %s is a file name */
          title = g_strdup_printf (_("Saved a copy as “%s”"), name);
          gap_widget_add_toast (GTK_WIDGET (self), gap_toast_new (title));
        }
    }

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
gap_window_save_copy_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  GapWindow *self = GAP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_workspace_filter ();
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->workspace == NULL)
    return;

  stem = gap_sanitize_file_name (gap_workspace_get_scope_field (self->workspace,
                                                                GAP_SCOPE_FIELD_ORGANIZATION));
  name = g_strdup_printf ("%s.ismsgap", stem);

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_copy_response_cb), self);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
gap_window_open_demo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!gap_window_open_demo (GAP_WINDOW (widget), &error))
    gap_widget_show_error (widget, _("Could not open the demo workspace"), error);
}

static void
gap_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GapWindow *self = GAP_WINDOW (widget);

  if (self->analysis != NULL)
    gap_export_dialog_present (GTK_WINDOW (self), self->analysis);
}

/* The gap analysis report, in the language last chosen for exports. */
static void
gap_window_print_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  GapWindow *self = GAP_WINDOW (widget);
  g_autofree char *name = NULL;
  GapExportLanguage lang = GAP_EXPORT_LANGUAGE_BOTH;

  if (self->analysis == NULL)
    return;

  name = g_settings_get_string (self->settings, "report-language");
  gap_export_language_from_string (name, &lang);
  gap_print_report (GTK_WINDOW (self), self->analysis, GAP_REPORT_GAP, lang);
}

static void
gap_window_close_workspace_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  gap_window_close_workspace (GAP_WINDOW (widget));
}

static void
gap_window_migrate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!gap_window_migrate (GAP_WINDOW (widget), &error))
    gap_widget_show_error (widget, _("Could not migrate the workspace"), error);
}

/* Built on first use: GtkApplication would build it from gtk/help-overlay.ui for every
 * window before its first frame, a few milliseconds of start-up for a window seldom
 * opened. The window keeps it (gtk_application_window_set_help_overlay()). */
static void
gap_window_show_help_overlay_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/ismsgap/IsmsGap/ui/gap-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
gap_window_undo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GapWindow *self = GAP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;

  if (self->workspace == NULL)
    return;

  what = gap_workspace_describe_undo (self->workspace);
  if (!gap_workspace_undo (self->workspace, &error))
    {
      gap_widget_show_error (widget, _("Could not undo"), error);
      return;
    }

  if (what != NULL)
    {
      /* Translators: %s says what was undone, e.g. "Organization changed" */
      g_autofree char *title = g_strdup_printf (_("Undone: %s"), what);
      gap_widget_add_toast (widget, gap_toast_new (title));
    }
}

static void
gap_window_show_page_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  gap_window_show_page (GAP_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* ---- GObject ---- */

static gboolean
gap_window_close_request (GtkWindow *window)
{
  GapWindow *self = GAP_WINDOW (window);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autofree char *path = NULL;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (self->workspace != NULL)
    {
      GFile *file = gap_workspace_get_file (self->workspace);

      path = file ? g_file_get_path (file) : NULL;
      if (page != NULL && g_strv_contains (page_names, page))
        g_settings_set_string (self->settings, "last-page", page);
    }
  g_settings_set_string (self->settings, "last-workspace", path ? path : "");
  g_settings_apply (self->settings);

  /* Pending edits are committed before the workspace closes. */
  gap_window_set_workspace (self, NULL);

  return GTK_WINDOW_CLASS (gap_window_parent_class)->close_request (window);
}

static void
gap_window_dispose (GObject *object)
{
  GapWindow *self = (GapWindow *)object;

  /* Destroyed without a close request: pages still commit their edits. */
  if (self->workspace != NULL)
    gap_window_set_workspace (self, NULL);

  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->can_undo_handler, self->workspace);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  /* libadwaita 1.2 trips over switchers that outlive their stack. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_WINDOW);
  memset (self->pages, 0, sizeof self->pages);

  g_clear_object (&self->analysis);
  if (self->workspace != NULL)
    gap_workspace_close (self->workspace);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gap_window_parent_class)->dispose (object);
}

static void
gap_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GapWindow *self = GAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_window_class_init (GapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gap_window_dispose;
  object_class->get_property = gap_window_get_property;

  window_class->close_request = gap_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, GAP_TYPE_WORKSPACE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, GAP_TYPE_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The controls page selects @control_id when this is emitted. */
  signals[SHOW_CONTROL] =
    g_signal_new ("show-control", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (GAP_TYPE_SCOPE_PAGE);
  g_type_ensure (GAP_TYPE_SERVICES_PAGE);
  g_type_ensure (GAP_TYPE_CONTROLS_PAGE);
  g_type_ensure (GAP_TYPE_ANALYSIS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/gap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, GapWindow, recent_list);
  gtk_widget_class_bind_template_child_full (widget_class, "scope_slot", FALSE,
                                             G_STRUCT_OFFSET (GapWindow, slots[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "services_slot", FALSE,
                                             G_STRUCT_OFFSET (GapWindow, slots[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "controls_slot", FALSE,
                                             G_STRUCT_OFFSET (GapWindow, slots[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "analysis_slot", FALSE,
                                             G_STRUCT_OFFSET (GapWindow, slots[3]));
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL,
                                   gap_window_new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-copy", NULL,
                                   gap_window_open_copy_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL,
                                   gap_window_save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL,
                                   gap_window_open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.close-workspace", NULL,
                                   gap_window_close_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, gap_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, gap_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.migrate", NULL,
                                   gap_window_migrate_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, gap_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   gap_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   gap_window_show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-workspace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close-workspace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
gap_window_init (GapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gap_widget_set_tooltip (self->primary_menu_button, _("Main Menu"));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (gap_window_update_recent), self, G_CONNECT_SWAPPED);

  gap_window_update_recent (self);
  gap_window_update_actions (self);
  update_switcher_bar (self);
}

GapWindow *
gap_window_new (GapApplication *application)
{
  g_return_val_if_fail (GAP_IS_APPLICATION (application), NULL);

  return g_object_new (GAP_TYPE_WINDOW, "application", application, NULL);
}
