/* test-gui-pages.c — a workspace edited through the real scope and services
 * pages, checked through the core and in the file
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gap-application.h"
#include "gap-date-row.h"
#include "gap-scope-item-row.h"
#include "gap-scope-page.h"
#include "gap-services-page.h"
#include "gap-util.h"
#include "gap-window.h"
#include "gui-test-util.h"

static GapApplication *app;
static const char *data_home;

typedef struct
{
  GapWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gap_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer weak = f->window;

  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (gui_test_wait_until (gui_test_is_null, &weak, 2000));
}

/* Creates "Acme" through the New Workspace dialog, as a user would. */
static GapWorkspace *
create_through_dialog (GapWindow  *window,
                       const char *organization,
                       guint       edition_position)
{
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *edition;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-workspace", NULL));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  row = gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Organization");
  gtk_editable_set_text (GTK_EDITABLE (row), organization);
  edition = gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Edition");
  g_assert_nonnull (edition);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (edition)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (edition), edition_position);
  gui_test_click_response (dialog, "C_reate");
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (gap_window_get_workspace (window));
  return gap_window_get_workspace (window);
}

static GtkWidget *
find_page (GapWindow *window,
           GType      type)
{
  GtkWidget *page = gui_test_find (GTK_WIDGET (window), type, NULL);

  g_assert_nonnull (page);
  return page;
}

static GapScopeItemRow *
item_row_at (GtkWidget *group,
             guint      index)
{
  GtkWidget *first = gui_test_find (group, GAP_TYPE_SCOPE_ITEM_ROW, NULL);
  GtkListBoxRow *row;

  g_assert_nonnull (first);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (first)), index);

  g_assert_true (GAP_IS_SCOPE_ITEM_ROW (row));
  /* Its editors are built when it is first expanded, as a user does. */
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_assert_null (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON, "_Remove"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON, "_Remove"));
  return GAP_SCOPE_ITEM_ROW (row);
}

static const char *
item_name (GListModel *model,
           guint       index)
{
  g_autoptr(GapScopeItem) item = g_list_model_get_item (model, index);

  /* The workspace keeps the item alive. */
  return gap_scope_item_get_name (item);
}

static void
add_item_through_dialog (GtkWidget  *group,
                         const char *add_tooltip,
                         const char *name,
                         const char *detail_title,
                         const char *detail)
{
  GtkWidget *add = gui_test_find (group, GTK_TYPE_BUTTON, add_tooltip);
  GtkWindow *dialog;

  g_assert_nonnull (add);
  g_assert_nonnull (gui_test_find (add, ADW_TYPE_BUTTON_CONTENT, "_Add"));
  gui_test_click (add);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                      "Name")),
                         name);
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                      detail_title)),
                         detail);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gui_test_click_response (dialog, "_Add");
}

static void
pick_date (GapDateRow *row,
           GDateTime  *date)
{
  GtkWidget *menu_button = gui_test_find (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *calendar;

  /* The calendar is built when first opened. */
  if (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)) == NULL)
    g_assert_null (gui_test_find (menu_button, GTK_TYPE_CALENDAR, NULL));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  gui_test_iterate ();
  calendar = gui_test_find (menu_button, GTK_TYPE_CALENDAR, NULL);
  g_assert_nonnull (calendar);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  /* What a click on a day emits. */
  g_signal_emit_by_name (calendar, "day-selected");
  gui_test_iterate ();
}

static gboolean
statement_saved (gpointer data)
{
  return g_strcmp0 (gap_workspace_get_scope_field (data, GAP_SCOPE_FIELD_STATEMENT),
                    "All information systems\nof the head office") == 0;
}

static void
test_scope_page (Fixture       *f,
                 gconstpointer  data)
{
  GapWorkspace *workspace = create_through_dialog (f->window, "Acme & Sons", 0);
  g_autoptr(GFile) file = g_object_ref (gap_workspace_get_file (workspace));
  g_autofree char *dir = g_build_filename (data_home, "isms-gap", "workspaces", NULL);
  g_autofree char *path = g_file_get_path (file);
  GtkWidget *page = find_page (f->window, GAP_TYPE_SCOPE_PAGE);
  GtkWidget *organization;
  GtkWidget *assessor;
  GtkWidget *statement;
  GtkWidget *sites;
  GtkWidget *parties;
  GListModel *site_items;
  GapScopeItemRow *row;
  GtkWidget *date_row;
  GtkWidget *title;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 14, 0, 0, 0);
  GStatBuf st;

  /* A working copy in the private data folder, named after the organization. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_str_has_suffix (path, ".ismsgap"));
  g_assert_nonnull (strstr (path, "Acme-Sons-"));
  g_assert_cmpint (gap_workspace_get_edition (workspace), ==, GAP_EDITION_2022);
  g_assert_true (gtk_widget_get_mapped (page));
  title = gui_test_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==,
                   "Acme & Sons");

  /* Migration is for 2013 workspaces only: the action does nothing here. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.migrate", NULL);
  gui_test_iterate ();
  g_assert_true (gap_window_get_workspace (f->window) == workspace);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Entry rows commit on Enter … */
  organization = gui_test_find (page, ADW_TYPE_ENTRY_ROW, "Organization");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organization)), ==, "Acme & Sons");
  gui_test_enter_text (organization, "Acme Ltd");
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "Acme Ltd");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==,
                   "Acme Ltd");

  /* … and when the focus leaves them. */
  assessor = gui_test_find (page, ADW_TYPE_ENTRY_ROW, "Assessor");
  gtk_widget_grab_focus (assessor);
  gtk_editable_set_text (GTK_EDITABLE (assessor), "Mei-Ling Chen");
  gui_test_iterate ();
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSOR), ==, "");
  gtk_widget_grab_focus (organization);
  gui_test_iterate ();
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSOR), ==,
                   "Mei-Ling Chen");

  /* The scope statement is saved once typing pauses. */
  statement = gui_test_find (page, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (statement)),
                            "All information systems\nof the head office", -1);
  g_assert_true (gui_test_wait_until (statement_saved, workspace, 3000));

  /* The assessment date through its calendar, then cleared. */
  date_row = gui_test_find (page, GAP_TYPE_DATE_ROW, "Assessment Date");
  pick_date (GAP_DATE_ROW (date_row), day);
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSMENT_DATE), ==,
                   "2026-03-14");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date_row)), ==, "2026-03-14");

  /* Scope items: add two sites, move the second up, remove one, undo. */
  sites = gui_test_find (page, ADW_TYPE_PREFERENCES_GROUP, "Sites");
  g_assert_nonnull (sites);
  site_items = gap_workspace_get_scope_items (workspace, GAP_SCOPE_KIND_SITE);
  add_item_through_dialog (sites, "Add a Site", "Taipei office", "Note", "Floors 3–5");
  add_item_through_dialog (sites, "Add a Site", "Kaohsiung data room", "Note", "");
  g_assert_cmpuint (g_list_model_get_n_items (site_items), ==, 2);
  g_assert_cmpstr (item_name (site_items, 0), ==, "Taipei office");

  row = item_row_at (sites, 1);
  gui_test_click (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON, "Move Up"));
  g_assert_cmpstr (item_name (site_items, 0), ==, "Kaohsiung data room");
  g_assert_cmpstr (item_name (site_items, 1), ==, "Taipei office");
  /* The first row cannot move up any more. */
  row = item_row_at (sites, 0);
  g_assert_false (gtk_widget_get_sensitive (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON,
                                                           "Move Up")));
  g_assert_true (gtk_widget_get_sensitive (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON,
                                                          "Move Down")));

  /* Rename through the row's own entry. */
  row = item_row_at (sites, 1);
  gui_test_enter_text (gui_test_find (GTK_WIDGET (row), ADW_TYPE_ENTRY_ROW, "Name"),
                       "Taipei head office");
  g_assert_cmpstr (item_name (site_items, 1), ==, "Taipei head office");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item_row_at (sites, 1))),
                   ==, "Taipei head office");

  /* Removing asks nothing: a toast offers Undo, which puts the item back
   * at its place. */
  row = item_row_at (sites, 0);
  gui_test_click (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON, "_Remove"));
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (site_items), ==, 1);
  g_assert_nonnull (gui_test_find (GTK_WIDGET (f->window), GTK_TYPE_LABEL,
                                   "“Kaohsiung data room” removed"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (site_items), ==, 2);
  g_assert_cmpstr (item_name (site_items, 0), ==, "Kaohsiung data room");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item_row_at (sites, 0))),
                   ==, "Kaohsiung data room");
  row = item_row_at (sites, 0);
  gui_test_click (gui_test_find (GTK_WIDGET (row), GTK_TYPE_BUTTON, "_Remove"));
  gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (site_items), ==, 1);
  g_assert_cmpstr (item_name (site_items, 0), ==, "Taipei head office");
  g_assert_true (gap_scope_item_row_get_item (item_row_at (sites, 0)) ==
                 g_list_model_get_item (site_items, 0));
  g_object_unref (gap_scope_item_row_get_item (item_row_at (sites, 0)));
  add_item_through_dialog (sites, "Add a Site", "Kaohsiung data room", "Note", "");

  /* Interested parties have requirements. */
  parties = gui_test_find (page, ADW_TYPE_PREFERENCES_GROUP, "Interested parties");
  add_item_through_dialog (parties, "Add an Interested Party", "Customers", "Requirements", "Contractual confidentiality");
  {
    g_autoptr(GapScopeItem) party =
      g_list_model_get_item (gap_workspace_get_scope_items (workspace,
                                                            GAP_SCOPE_KIND_INTERESTED_PARTY), 0);

    g_assert_cmpstr (gap_scope_item_get_detail (party), ==, "Contractual confidentiality");
  }

  /* Undo of a field shows in the widget. */
  gui_test_enter_text (organization, "Acme Holdings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_iterate ();
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "Acme Ltd");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organization)), ==, "Acme Ltd");

  /* Everything is in the file: close, then reopen from the recent list. */
  gap_window_close_workspace (f->window);
  gui_test_iterate ();
  g_assert_null (gap_window_get_workspace (f->window));
  {
    g_autofree char *basename = g_file_get_basename (file);
    GtkWidget *recent;

    basename[strlen (basename) - strlen (".ismsgap")] = '\0';
    recent = gui_test_find (GTK_WIDGET (f->window), ADW_TYPE_ACTION_ROW, basename);
    g_assert_nonnull (recent);
    g_assert_true (gtk_widget_get_mapped (recent));
    g_signal_emit_by_name (recent, "activate");
    gui_test_iterate ();
  }
  workspace = gap_window_get_workspace (f->window);
  g_assert_nonnull (workspace);
  g_assert_true (g_file_equal (gap_workspace_get_file (workspace), file));
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "Acme Ltd");
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSOR), ==,
                   "Mei-Ling Chen");
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_STATEMENT), ==,
                   "All information systems\nof the head office");
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSMENT_DATE), ==,
                   "2026-03-14");
  g_assert_cmpuint (g_list_model_get_n_items (gap_workspace_get_scope_items (
                      workspace, GAP_SCOPE_KIND_SITE)), ==, 2);
  g_assert_cmpstr (item_name (gap_workspace_get_scope_items (workspace, GAP_SCOPE_KIND_SITE), 0),
                   ==, "Taipei head office");
  /* The page shows the reopened workspace. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organization)), ==, "Acme Ltd");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (assessor)), ==, "Mei-Ling Chen");

  /* Clearing the date. */
  gui_test_click (gui_test_find (date_row, GTK_TYPE_BUTTON, "Clear the Date"));
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSMENT_DATE), ==,
                   "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date_row)), ==, "Not set");
}

static void
test_services_page (Fixture       *f,
                    gconstpointer  data)
{
  GapWorkspace *workspace = create_through_dialog (f->window, "Contoso", 0);
  GtkWidget *page;
  g_autoptr(GapServiceRecord) record = NULL;
  g_autoptr(GapCertificate) certificate = NULL;
  const char *family_id;
  GtkWidget *group;
  GtkWidget *service_row;
  GtkWidget *toggle;
  GtkWidget *badge;
  GtkWidget *last_audit;
  GtkWidget *bar;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_years (now, -2);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *heading;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                             "services"));
  gui_test_iterate ();
  page = find_page (f->window, GAP_TYPE_SERVICES_PAGE);
  g_assert_true (gtk_widget_get_mapped (page));

  /* The first catalog service, under its first certificate family. */
  record = g_list_model_get_item (gap_workspace_get_services (workspace), 0);
  g_assert_false (gap_service_record_get_is_custom (record));
  g_assert_false (gap_service_record_get_in_use (record));
  family_id = gap_service_record_get_family_ids (record)[0];
  certificate = g_object_ref (gap_workspace_lookup_certificate (workspace, family_id));
  /* The family's heading, a wrapping label, and its group. */
  heading = gui_test_find (page, GTK_TYPE_LABEL, gap_certificate_get_title (certificate, "en"));
  g_assert_nonnull (heading);
  group = gtk_widget_get_ancestor (heading, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  service_row = gui_test_find (group, ADW_TYPE_ACTION_ROW, gap_service_record_get_name (record,
                                                                                        "en"));
  g_assert_nonnull (service_row);
  toggle = gui_test_find (service_row, GTK_TYPE_SWITCH, NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* The switch writes through to the workspace. */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  gui_test_iterate ();
  g_assert_true (gap_service_record_get_in_use (record));

  /* Unverified until a last audit date is recorded; current when recent;
   * stale when older than the audit cycle. */
  badge = gui_test_find_with_class (group, GTK_TYPE_LABEL, "certificate-badge");
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "Unverified");
  g_assert_true (gtk_widget_has_css_class (badge, "unverified"));

  last_audit = gui_test_find (group, GAP_TYPE_DATE_ROW, "Last Audit");
  g_assert_nonnull (last_audit);
  pick_date (GAP_DATE_ROW (last_audit), now);
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT), ==,
                   today);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "Current");
  g_assert_true (gtk_widget_has_css_class (badge, "current"));
  g_assert_false (gtk_widget_has_css_class (badge, "unverified"));

  pick_date (GAP_DATE_ROW (last_audit), long_ago);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "Stale");

  /* Undo restores the previous date, and the badge follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_iterate ();
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT), ==,
                   today);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, "Current");
  g_assert_cmpstr (gap_date_row_get_date (GAP_DATE_ROW (last_audit)), ==, today);

  /* Certificate reference through its entry row. */
  gui_test_enter_text (gui_test_find (group, ADW_TYPE_ENTRY_ROW, "Certificate Reference"),
                       "IS 123456");
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_REFERENCE), ==,
                   "IS 123456");

  /* Undo of the switch. */
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  gui_test_iterate ();
  g_assert_false (gap_service_record_get_in_use (record));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_iterate ();
  g_assert_true (gap_service_record_get_in_use (record));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* At 360 px the page switcher moves to the bottom bar. */
  bar = gui_test_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gui_test_iterate ();
  {
    gboolean revealed = FALSE;

    for (guint i = 0; i < 100 && !revealed; i++)
      {
        gui_test_iterate ();
        revealed = adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
      }
    g_assert_true (revealed);
  }
  /* Nothing on the page asks for more than a phone's width. */
  {
    int min_width;

    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                        NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  }
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

static void
test_open_copy_errors (Fixture       *f,
                       gconstpointer  data)
{
  GapWorkspace *workspace = create_through_dialog (f->window, "Fabrikam", 0);
  g_autofree char *junk_path = g_build_filename (data_home, "junk.ismsgap", NULL);
  g_autoptr(GFile) junk = g_file_new_for_path (junk_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (data_home, "isms-gap", "workspaces", NULL);
  g_autoptr(GDir) before_dir = NULL;
  guint before = 0, after = 0;
  g_autoptr(GDir) after_dir = NULL;
  g_autofree char *copy_path = g_build_filename (data_home, "fabrikam-copy.ismsgap", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  GtkWindow *chooser;

  g_assert_true (g_file_set_contents (junk_path, "not a workspace at all", -1, NULL));
  before_dir = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (before_dir))
    before++;

  /* A file that is not a workspace: an error, and the open one stays. */
  g_assert_false (gap_window_open_copy (f->window, junk, &error));
  g_assert_nonnull (error);
  g_assert_true (gap_window_get_workspace (f->window) == workspace);
  after_dir = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (after_dir))
    after++;
  g_assert_cmpuint (after, ==, before);
  g_clear_error (&error);

  /* Save a copy, open it again as a copy: a new working copy. */
  g_assert_true (gap_window_save_copy (f->window, copy, &error));
  g_assert_no_error (error);
  g_assert_true (gap_window_open_copy (f->window, copy, &error));
  g_assert_no_error (error);
  g_assert_false (gap_window_get_workspace (f->window) == workspace);
  g_assert_cmpstr (gap_workspace_get_scope_field (gap_window_get_workspace (f->window),
                                                  GAP_SCOPE_FIELD_ORGANIZATION), ==, "Fabrikam");
  g_assert_false (g_file_equal (gap_workspace_get_file (gap_window_get_workspace (f->window)),
                                copy));

  /* Through the file chooser (GTK's own dialog: no portal here). */
  workspace = gap_window_get_workspace (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-copy", NULL));
  gui_test_iterate ();
  chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), copy, NULL));
  /* The folder loads, then the file is selected. */
  g_assert_true (gui_test_wait_until (chooser_has_file, chooser, 5000));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  gui_test_iterate ();
  g_assert_false (gap_window_get_workspace (f->window) == workspace);
  g_assert_cmpstr (gap_workspace_get_scope_field (gap_window_get_workspace (f->window),
                                                  GAP_SCOPE_FIELD_ORGANIZATION), ==, "Fabrikam");
}

static const char *
visible_page (GapWindow *window)
{
  GtkWidget *stack = gui_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* The widgets of @type below @widget (included), depth first. */
static void
test_demo_and_migration (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *demo_button;
  GapWorkspace *workspace;
  g_autoptr(GFile) legacy_file = NULL;
  GtkWindow *dialog;
  g_autofree char *legacy_path = NULL;

  /* The welcome page's demo button: a working copy with the demo data. */
  demo_button = gui_test_find (GTK_WIDGET (f->window), GTK_TYPE_BUTTON,
                               "Open the _Demo Workspace");
  g_assert_nonnull (demo_button);
  gui_test_click (demo_button);
  workspace = gap_window_get_workspace (f->window);
  g_assert_nonnull (workspace);
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ORGANIZATION), !=,
                   "");
  g_assert_nonnull (gap_window_get_analysis (f->window));
  g_assert_true (gap_analysis_get_workspace (gap_window_get_analysis (f->window)) == workspace);
  legacy_path = g_file_get_path (gap_workspace_get_file (workspace));
  g_assert_true (g_str_has_prefix (legacy_path, data_home));

  /* The scope page's wrapping labels (row titles and subtitles, group
   * descriptions) are never measured narrower than a few characters, and
   * that keeps the page within the narrowest window. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint n_wrapping = 0;
    GtkWidget *scope;
    int min_width;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                               "scope"));
    gui_test_iterate ();
    scope = find_page (f->window, GAP_TYPE_SCOPE_PAGE);
    gui_test_collect (scope, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_label_get_wrap (g_ptr_array_index (labels, i)))
        {
          g_assert_cmpint (gtk_label_get_width_chars (g_ptr_array_index (labels, i)), >=,
                           GAP_WRAP_MIN_CHARS);
          n_wrapping++;
        }
    /* Row titles and subtitles, group descriptions. */
    g_assert_cmpuint (n_wrapping, >=, 19 * 2);
    gtk_widget_measure (scope, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_test_message ("scope page minimum width %d", min_width);
    g_assert_cmpint (min_width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
    g_assert_cmpint (min_width, <, 360);
  }

  /* A 2013 workspace migrates into a new 2022 working copy; the 2013 one
   * stays as it was. */
  workspace = create_through_dialog (f->window, "Legacy Corp", 1);
  g_assert_cmpint (gap_workspace_get_edition (workspace), ==, GAP_EDITION_2013);
  legacy_file = g_object_ref (gap_workspace_get_file (workspace));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.migrate", NULL));
  gui_test_iterate ();

  workspace = gap_window_get_workspace (f->window);
  g_assert_cmpint (gap_workspace_get_edition (workspace), ==, GAP_EDITION_2022);
  g_assert_cmpstr (gap_workspace_get_scope_field (workspace, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "Legacy Corp");
  g_assert_false (g_file_equal (gap_workspace_get_file (workspace), legacy_file));
  g_assert_true (g_file_query_exists (legacy_file, NULL));

  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Migrated to ISO/IEC 27001:2022");
  /* Nothing was assessed in 2013, so nothing was carried over. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "nothing needs review"));
  gui_test_click_response (dialog, "_Review Controls");
  g_assert_cmpstr (visible_page (f->window), ==, "controls");

  /* A 2022 workspace cannot be migrated again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.migrate", NULL);
  gui_test_iterate ();
  g_assert_true (gap_window_get_workspace (f->window) == workspace);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Ctrl+1…4 and the show-control hook. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                             "analysis"));
  g_assert_cmpstr (visible_page (f->window), ==, "analysis");
  gap_window_show_control (f->window, "5.1");
  g_assert_cmpstr (visible_page (f->window), ==, "controls");
}

static gboolean
all_visible (gpointer data)
{
  GPtrArray *groups = data;

  for (guint i = 0; i < groups->len; i++)
    if (!gtk_widget_get_visible (g_ptr_array_index (groups, i)))
      return FALSE;
  return TRUE;
}

/* At start-up the scope page leaves the kind groups that cannot be on
 * screen out of the first frame and shows them in the next: each of them
 * must then lie below what the window showed, and every group must have
 * all its items. */
static void
test_scope_first_frame (gconstpointer data)
{
  const int *size = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) deferred = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  GapWindow *window;
  GapWorkspace *workspace;
  GtkWidget *scope;
  GtkWidget *scrolled;
  int monitor_height = 0;
  guint n_rows = 0;

  g_settings_set_string (settings, "last-page", "scope");
  window = gap_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), size[0], size[1]);
  g_assert_true (gap_window_open_demo (window, &error));
  g_assert_no_error (error);
  workspace = gap_window_get_workspace (window);
  scope = find_page (window, GAP_TYPE_SCOPE_PAGE);
  gui_test_collect (scope, ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 2 + GAP_N_SCOPE_KINDS);
  for (guint i = 0; i < groups->len; i++)
    if (!gtk_widget_get_visible (g_ptr_array_index (groups, i)))
      g_ptr_array_add (deferred, g_ptr_array_index (groups, i));

  /* The demo is taller than any screen up to 1080 px. */
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      monitor_height = MAX (monitor_height, geometry.height);
    }
  if (monitor_height <= 1080)
    g_assert_cmpuint (deferred->len, >, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_until (all_visible, groups, 2000));
  gui_test_iterate ();

  scrolled = gui_test_find (scope, GTK_TYPE_SCROLLED_WINDOW, NULL);
  g_assert_cmpint (gtk_widget_get_height (scrolled), >, 0);
  for (guint i = 0; i < deferred->len; i++)
    {
      graphene_point_t top;

      g_assert_true (gtk_widget_compute_point (g_ptr_array_index (deferred, i), scrolled,
                                               &GRAPHENE_POINT_INIT (0, 0), &top));
      g_test_message ("%s starts at %.0f px, %d px shown",
                      adw_preferences_group_get_title (g_ptr_array_index (deferred, i)), top.y,
                      gtk_widget_get_height (scrolled));
      g_assert_cmpfloat (top.y, >=, gtk_widget_get_height (scrolled));
    }

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    n_rows += g_list_model_get_n_items (gap_workspace_get_scope_items (workspace, k));
  gui_test_collect (scope, GAP_TYPE_SCOPE_ITEM_ROW, rows);
  g_assert_cmpuint (rows->len, ==, n_rows);

  gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = gui_test_init (&argc, &argv);

  app = gui_test_application_new ();

  g_test_add ("/gui/pages/scope", Fixture, NULL, fixture_set_up, test_scope_page,
              fixture_tear_down);
  g_test_add ("/gui/pages/services", Fixture, NULL, fixture_set_up, test_services_page,
              fixture_tear_down);
  g_test_add ("/gui/window/demo-and-migration", Fixture, NULL, fixture_set_up,
              test_demo_and_migration, fixture_tear_down);
  g_test_add ("/gui/window/open-copy", Fixture, NULL, fixture_set_up, test_open_copy_errors,
              fixture_tear_down);
  g_test_add_data_func ("/gui/pages/scope-first-frame/1280x800", (int[]) { 1280, 800 },
                        test_scope_first_frame);
  g_test_add_data_func ("/gui/pages/scope-first-frame/360x720", (int[]) { 360, 720 },
                        test_scope_first_frame);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
