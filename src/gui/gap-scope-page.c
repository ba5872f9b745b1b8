/* gap-scope-page.c — the ISMS scope (clause 4.3) and who assesses it
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-date-row.h"
#include "gap-scope-item-row.h"
#include "gap-scope-page.h"
#include "gap-util.h"

/* Typing in the scope statement is saved once it pauses this long. */
#define STATEMENT_COMMIT_DELAY_MS 500

/* Lower bounds of the heights on the page, in pixels that text scaling does
 * not change (libadwaita 1.2's style sheet): the page's groups start 24 px
 * down and are 24 px apart, a group's header takes 6 px of spacing and 6 of
 * margin besides its text, and a row is at least 50 px high. */
#define PAGE_TOP_MIN      24
#define GROUP_SPACING_MIN 24
#define GROUP_HEADER_MIN  12
#define ROW_HEIGHT_MIN    50

typedef struct
{
  GapScopePage        *self;
  GapScopeKind         kind;
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GListModel          *model;
  gulong               items_changed_handler;
  /* Hidden, its items not bound, until the page's first frame is drawn. */
  guint                deferred : 1;
} KindGroup;

struct _GapScopePage
{
  AdwBin               parent_instance;

  GapWorkspace        *workspace;
  gulong               notify_handler;
  gulong               scope_changed_handler;
  guint                statement_timeout;
  guint                syncing : 1;
  guint                mapped_once : 1;

  /* Kind groups below what the window can show in its first frame are
   * shown after it: sizing the window measured their rows, a large part
   * of the time to the first frame, for nothing on screen
   * (tests/bench/notes.md). */
  GdkFrameClock       *reveal_clock;
  gulong               reveal_handler;

  KindGroup            groups[GAP_N_SCOPE_KINDS];

  AdwPreferencesPage  *page;
  AdwEntryRow         *organization_row;
  AdwEntryRow         *assessor_row;
  GapDateRow          *date_row;
  GtkTextView         *statement_view;
};

G_DEFINE_FINAL_TYPE (GapScopePage, gap_scope_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Per kind of scope item: what the group is for and how to add one. */
static const struct
{
  GapScopeKind kind;
  const char  *description;
  const char  *add_heading;
} kind_texts[] = {
  { GAP_SCOPE_KIND_SITE,
    N_("Locations whose information the ISMS protects: offices, computer rooms, plants."),
    N_("Add a Site") },
  { GAP_SCOPE_KIND_UNIT,
    N_("Departments and teams inside the scope."),
    N_("Add an Organizational Unit") },
  { GAP_SCOPE_KIND_PROCESS,
    N_("Business processes and the services the organization delivers."),
    N_("Add a Process or Service") },
  { GAP_SCOPE_KIND_ASSET_GROUP,
    N_("Groups of information assets, such as customer data or source code."),
    N_("Add an Information Asset Group") },
  { GAP_SCOPE_KIND_INTERFACE,
    N_("Where the scope meets others: outsourced activities, networks, other organizations."),
    N_("Add an Interface or Dependency") },
  { GAP_SCOPE_KIND_INTERESTED_PARTY,
    N_("Who has a stake in information security, and what they require (clause 4.2)."),
    N_("Add an Interested Party") },
  { GAP_SCOPE_KIND_EXCLUSION,
    N_("What is left out of the scope, and why."),
    N_("Add an Exclusion") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_texts) == GAP_N_SCOPE_KINDS);

/* ---- scope fields ---- */

static char *
statement_get_text (GapScopePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->statement_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
statement_set_text (GapScopePage *self,
                    const char   *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->statement_view);
  g_autofree char *current = statement_get_text (self);
  GtkTextIter iter;
  int offset;

  if (g_strcmp0 (current, text) == 0)
    return;

  /* Keep the cursor where it was, as far as the new text allows. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&iter);

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->syncing = FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static const char *
scope_field (GapScopePage  *self,
             GapScopeField  field)
{
  const char *value;

  if (self->workspace == NULL)
    return "";

  value = gap_workspace_get_scope_field (self->workspace, field);
  return value ? value : "";
}

static void
gap_scope_page_sync_fields (GapScopePage *self)
{
  gap_entry_row_sync (self->organization_row, scope_field (self, GAP_SCOPE_FIELD_ORGANIZATION));
  gap_entry_row_sync (self->assessor_row, scope_field (self, GAP_SCOPE_FIELD_ASSESSOR));
  gap_date_row_set_date (self->date_row, scope_field (self, GAP_SCOPE_FIELD_ASSESSMENT_DATE));

  /* While the user is typing, their text wins; it is saved shortly. */
  if (self->statement_timeout == 0)
    statement_set_text (self, scope_field (self, GAP_SCOPE_FIELD_STATEMENT));
}

/* TRUE when @value was saved (or was already the value). */
static gboolean
set_scope_field (GapScopePage  *self,
                 GapScopeField  field,
                 const char    *value)
{
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return FALSE;

  if (g_strcmp0 (value, scope_field (self, field)) == 0)
    return TRUE;

  if (!gap_workspace_set_scope_field (self->workspace, field, value, &error))
    {
      gap_widget_show_error (GTK_WIDGET (self), _("Could not save the change"), error);
      gap_scope_page_sync_fields (self);
      return FALSE;
    }

  return TRUE;
}

#define FIELD_KEY "gap-scope-field"

static void
field_commit_cb (AdwEntryRow *row,
                 const char  *text,
                 gpointer     user_data)
{
  GapScopeField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), FIELD_KEY));
  g_autofree char *value = g_strstrip (g_strdup (text));

  set_scope_field (user_data, field, value);
  gap_scope_page_sync_fields (user_data);
}

static void
date_picked_cb (GapScopePage *self,
                const char   *date)
{
  gboolean cleared = date[0] == '\0' &&
                     scope_field (self, GAP_SCOPE_FIELD_ASSESSMENT_DATE)[0] != '\0';

  if (set_scope_field (self, GAP_SCOPE_FIELD_ASSESSMENT_DATE, date) && cleared)
    gap_widget_add_undo_toast (GTK_WIDGET (self), _("Assessment date cleared"));
  gap_scope_page_sync_fields (self);
}

static void
statement_commit (GapScopePage *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->statement_timeout, g_source_remove);

  if (self->workspace == NULL)
    return;

  text = statement_get_text (self);
  set_scope_field (self, GAP_SCOPE_FIELD_STATEMENT, text);
}

static gboolean
statement_timeout_cb (gpointer user_data)
{
  GapScopePage *self = user_data;

  self->statement_timeout = 0;
  statement_commit (self);
  return G_SOURCE_REMOVE;
}

static void
statement_changed_cb (GapScopePage *self)
{
  if (self->syncing || self->workspace == NULL)
    return;

  g_clear_handle_id (&self->statement_timeout, g_source_remove);
  self->statement_timeout = g_timeout_add (STATEMENT_COMMIT_DELAY_MS, statement_timeout_cb, self);
}

/* ---- scope items ---- */

static guint
find_item (GListModel   *model,
           GapScopeItem *item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapScopeItem) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return G_MAXUINT;
}

static void
update_move_buttons (KindGroup *group)
{
  guint n = group->model ? g_list_model_get_n_items (group->model) : 0;

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (group->list, i);

      if (GAP_IS_SCOPE_ITEM_ROW (row))
        gap_scope_item_row_set_can_move (GAP_SCOPE_ITEM_ROW (row), i > 0, i + 1 < n);
    }
}

static void
item_row_move_cb (GapScopeItemRow *row,
                  int              delta,
                  KindGroup       *group)
{
  GapScopePage *self = group->self;
  g_autoptr(GapScopeItem) item = g_object_ref (gap_scope_item_row_get_item (row));
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (group->model);
  guint position = find_item (group->model, item);
  guint target;
  GtkListBoxRow *moved;

  if (self->workspace == NULL || position == G_MAXUINT)
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  target = delta < 0 ? position - 1 : position + 1;
  if (!gap_workspace_move_scope_item (self->workspace, item, target, &error))
    {
      gap_widget_show_error (GTK_WIDGET (self), _("Could not move the item"), error);
      return;
    }

  /* The list re-created the row; give back the expansion and the focus. */
  moved = gtk_list_box_get_row_at_index (group->list, find_item (group->model, item));
  if (GAP_IS_SCOPE_ITEM_ROW (moved))
    gap_scope_item_row_focus_move (GAP_SCOPE_ITEM_ROW (moved), delta);
}

static void
item_row_remove_cb (GapScopeItemRow *row,
                    KindGroup       *group)
{
  GapScopePage *self = group->self;
  g_autoptr(GapScopeItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->workspace == NULL)
    return;

  /* Removing is one undo step: no question first, Undo in the toast. */
  item = g_object_ref (gap_scope_item_row_get_item (row));
  if (!gap_workspace_remove_scope_item (self->workspace, item, &error))
    {
      gap_widget_show_error (GTK_WIDGET (self), _("Could not remove the item"), error);
      return;
    }
  /* Translators: %s is the name of a scope item, e.g. a site */
  title = g_strdup_printf (_("“%s” removed"), gap_scope_item_get_name (item));
  gap_widget_add_undo_toast (GTK_WIDGET (self), title);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  KindGroup *group = user_data;
  GtkWidget *row = gap_scope_item_row_new (group->self->workspace, item);

  g_signal_connect (row, "move", G_CALLBACK (item_row_move_cb), group);
  g_signal_connect (row, "remove", G_CALLBACK (item_row_remove_cb), group);

  return row;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  KindGroup  *group)
{
  update_move_buttons (group);
}

static void
sync_item_rows (GapScopePage *self)
{
  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->groups[k].list));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GAP_IS_SCOPE_ITEM_ROW (child))
        gap_scope_item_row_sync (GAP_SCOPE_ITEM_ROW (child));
}

typedef struct
{
  GapScopePage *self;
  GapScopeKind  kind;
  AdwEntryRow  *name_row;
  AdwEntryRow  *detail_row;
} AddItem;

static void
add_item_free (gpointer  data,
               GClosure *closure)
{
  AddItem *add = data;

  g_clear_object (&add->self);
  g_free (add);
}

static void
add_name_changed_cb (AdwEntryRow      *row,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddItem          *add)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  GapScopeItem *item;

  if (g_strcmp0 (response, "add") != 0 || add->self->workspace == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (add->name_row))));
  detail = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (add->detail_row))));
  if (name[0] == '\0')
    return;

  item = gap_workspace_add_scope_item (add->self->workspace, add->kind, name, detail, &error);
  if (item == NULL)
    gap_widget_show_error (GTK_WIDGET (add->self), _("Could not add the item"), error);
}

static void
add_clicked_cb (GtkButton *button,
                KindGroup *group)
{
  GapScopePage *self = group->self;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  AddItem *add;

  if (self->workspace == NULL)
    return;

  dialog = gap_choice_dialog_new (GTK_WIDGET (self), _(kind_texts[group->kind].add_heading), NULL,
                                  "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);

  add = g_new0 (AddItem, 1);
  add->self = g_object_ref (self);
  add->kind = group->kind;
  add->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->name_row), _("Name"));
  adw_entry_row_set_activates_default (add->name_row, TRUE);
  add->detail_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->detail_row),
                                 gap_scope_item_row_detail_title (group->kind));

  list = GTK_WIDGET (gap_boxed_list_new (FALSE));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (add->name_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (add->detail_row));
  adw_message_dialog_set_extra_child (dialog, list);

  g_signal_connect (add->name_row, "changed", G_CALLBACK (add_name_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response_cb), add,
                         add_item_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (add->name_row));
}

static void
create_kind_groups (GapScopePage *self)
{
  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    {
      KindGroup *group = &self->groups[k];
      GtkWidget *button;

      g_assert (kind_texts[k].kind == (GapScopeKind) k);

      group->self = self;
      group->kind = k;
      group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group->group, gap_scope_kind_get_label (k));
      adw_preferences_group_set_description (group->group, _(kind_texts[k].description));

      button = gap_add_button_new (_(kind_texts[k].add_heading));
      g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), group);
      adw_preferences_group_set_header_suffix (group->group, button);

      group->list = gap_boxed_list_new (TRUE);
      adw_preferences_group_add (group->group, GTK_WIDGET (group->list));

      adw_preferences_page_add (self->page, group->group);
    }
}

static void
bind_kind_group (GapScopePage *self,
                 KindGroup    *group)
{
  if (group->model != NULL)
    g_clear_signal_handler (&group->items_changed_handler, group->model);
  g_clear_object (&group->model);

  if (self->workspace != NULL && !group->deferred)
    group->model = g_object_ref (gap_workspace_get_scope_items (self->workspace, group->kind));

  gtk_list_box_bind_model (group->list, group->model,
                           group->model ? create_item_row : NULL, group, NULL);

  if (group->model != NULL)
    {
      /* Connected after the list box's own handler: the rows exist. */
      group->items_changed_handler = g_signal_connect (group->model, "items-changed",
                                                       G_CALLBACK (items_changed_cb), group);
      update_move_buttons (group);
    }

  gtk_widget_set_visible (GTK_WIDGET (group->group), !group->deferred);
}

/* The most the window can show of the page in its first frame, or 0 when
 * that is not known or the page has been on screen (it then shows
 * everything at once). The window may open as tall as a monitor
 * (maximized, or made to fit by the window manager), so the tallest one
 * counts. */
static int
first_frame_height (GapScopePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *monitors;
  int width, height;
  int monitor_height = 0;

  if (self->mapped_once || !GTK_IS_WINDOW (root))
    return 0;

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (root)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      monitor_height = MAX (monitor_height, geometry.height);
    }
  if (monitor_height <= 0)
    return 0;

  /* (GTK 4.8 takes no NULL for the width.) */
  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  return MAX (MAX (height, monitor_height), gtk_widget_get_height (GTK_WIDGET (root)));
}

static void
reveal_groups (GapScopePage *self)
{
  if (self->reveal_handler != 0)
    g_clear_signal_handler (&self->reveal_handler, self->reveal_clock);
  g_clear_object (&self->reveal_clock);

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    if (self->groups[k].deferred)
      {
        self->groups[k].deferred = FALSE;
        bind_kind_group (self, &self->groups[k]);
      }
}

static void
bind_kind_groups (GapScopePage *self)
{
  int fold = self->workspace != NULL ? first_frame_height (self) : 0;
  int statement_height;
  int top;

  /* Where each group starts at the least: below the assessment group's
   * three rows and the scope statement. */
  gtk_widget_get_size_request (GTK_WIDGET (self->statement_view), NULL, &statement_height);
  top = PAGE_TOP_MIN + GROUP_HEADER_MIN + 3 * ROW_HEIGHT_MIN + GROUP_SPACING_MIN +
        GROUP_HEADER_MIN + MAX (statement_height, 0) + GROUP_SPACING_MIN;

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    {
      KindGroup *group = &self->groups[k];

      group->deferred = fold > 0 && top >= fold;
      bind_kind_group (self, group);
      if (self->workspace != NULL)
        top += GROUP_HEADER_MIN + GROUP_SPACING_MIN +
               (int) g_list_model_get_n_items (gap_workspace_get_scope_items (self->workspace, k)) *
               ROW_HEIGHT_MIN;
    }
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      GapScopePage  *self)
{
  reveal_groups (self);
}

static void
gap_scope_page_map (GtkWidget *widget)
{
  GapScopePage *self = GAP_SCOPE_PAGE (widget);
  gboolean deferred = FALSE;

  GTK_WIDGET_CLASS (gap_scope_page_parent_class)->map (widget);
  self->mapped_once = TRUE;

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    deferred |= self->groups[k].deferred;

  /* Once the frame that shows the page is drawn, the rest follows in the
   * next one. */
  if (deferred && self->reveal_handler == 0)
    {
      self->reveal_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->reveal_handler = g_signal_connect (self->reveal_clock, "after-paint",
                                               G_CALLBACK (after_first_paint_cb), self);
    }
}

/* ---- page ---- */

void
gap_scope_page_flush (GapScopePage *self)
{
  g_return_if_fail (GAP_IS_SCOPE_PAGE (self));

  if (self->workspace == NULL)
    return;

  gap_entry_row_flush (self->organization_row);
  gap_entry_row_flush (self->assessor_row);
  if (self->statement_timeout != 0)
    statement_commit (self);

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->groups[k].list));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GAP_IS_SCOPE_ITEM_ROW (child))
        gap_scope_item_row_flush (GAP_SCOPE_ITEM_ROW (child));
}

GapWorkspace *
gap_scope_page_get_workspace (GapScopePage *self)
{
  g_return_val_if_fail (GAP_IS_SCOPE_PAGE (self), NULL);

  return self->workspace;
}

void
gap_scope_page_set_workspace (GapScopePage *self,
                              GapWorkspace *workspace)
{
  g_return_if_fail (GAP_IS_SCOPE_PAGE (self));
  g_return_if_fail (!workspace || GAP_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  /* Edits in progress belong to the workspace they were made in. */
  gap_scope_page_flush (self);

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->notify_handler, self->workspace);
      g_clear_signal_handler (&self->scope_changed_handler, self->workspace);
    }
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->notify_handler = g_signal_connect_object (workspace, "notify",
                                                      G_CALLBACK (gap_scope_page_sync_fields),
                                                      self, G_CONNECT_SWAPPED);
      self->scope_changed_handler = g_signal_connect_object (workspace, "scope-changed",
                                                             G_CALLBACK (sync_item_rows),
                                                             self, G_CONNECT_SWAPPED);
    }

  bind_kind_groups (self);
  gap_scope_page_sync_fields (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
gap_scope_page_dispose (GObject *object)
{
  GapScopePage *self = (GapScopePage *)object;

  g_clear_handle_id (&self->statement_timeout, g_source_remove);
  if (self->reveal_handler != 0)
    g_clear_signal_handler (&self->reveal_handler, self->reveal_clock);
  g_clear_object (&self->reveal_clock);
  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->notify_handler, self->workspace);
      g_clear_signal_handler (&self->scope_changed_handler, self->workspace);
    }
  g_clear_object (&self->workspace);

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    {
      KindGroup *group = &self->groups[k];

      if (group->model != NULL)
        g_clear_signal_handler (&group->items_changed_handler, group->model);
      if (group->list != NULL)
        gtk_list_box_bind_model (group->list, NULL, NULL, NULL, NULL);
      g_clear_object (&group->model);
    }

  /* AdwBin 1.2 unparents its child itself and would do it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_SCOPE_PAGE);

  G_OBJECT_CLASS (gap_scope_page_parent_class)->dispose (object);
}

static void
gap_scope_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GapScopePage *self = GAP_SCOPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_scope_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GapScopePage *self = GAP_SCOPE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      gap_scope_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_scope_page_class_init (GapScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_scope_page_dispose;
  object_class->get_property = gap_scope_page_get_property;
  object_class->set_property = gap_scope_page_set_property;
  widget_class->map = gap_scope_page_map;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, GAP_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GAP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GapScopePage, page);
  gtk_widget_class_bind_template_child (widget_class, GapScopePage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, GapScopePage, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, GapScopePage, date_row);
  gtk_widget_class_bind_template_child (widget_class, GapScopePage, statement_view);
  gtk_widget_class_bind_template_callback (widget_class, date_picked_cb);
}

static void
gap_scope_page_init (GapScopePage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->organization_row), FIELD_KEY,
                     GINT_TO_POINTER (GAP_SCOPE_FIELD_ORGANIZATION));
  g_object_set_data (G_OBJECT (self->assessor_row), FIELD_KEY,
                     GINT_TO_POINTER (GAP_SCOPE_FIELD_ASSESSOR));
  gap_entry_row_connect_commit (self->organization_row, field_commit_cb, self);
  gap_entry_row_connect_commit (self->assessor_row, field_commit_cb, self);

  g_signal_connect_object (gtk_text_view_get_buffer (self->statement_view), "changed",
                           G_CALLBACK (statement_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (statement_commit), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->statement_view), focus);

  create_kind_groups (self);
  gap_widget_set_wrap_min_chars (GTK_WIDGET (self), GAP_WRAP_MIN_CHARS);
}

GtkWidget *
gap_scope_page_new (void)
{
  return g_object_new (GAP_TYPE_SCOPE_PAGE, NULL);
}
