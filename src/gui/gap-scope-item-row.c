/* gap-scope-item-row.c — one editable scope item (a site, a party, …)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-scope-item-row.h"
#include "gap-util.h"

struct _GapScopeItemRow
{
  AdwExpanderRow  parent_instance;

  GapWorkspace   *workspace;
  GapScopeItem   *item;
  guint           can_move_up : 1;
  guint           can_move_down : 1;

  /* Built when the row is first expanded (NULL until then): a collapsed
   * row's editors would still be built and measured for every item. */
  AdwEntryRow    *name_row;
  AdwEntryRow    *detail_row;
  GtkButton      *up_button;
  GtkButton      *down_button;
};

G_DEFINE_FINAL_TYPE (GapScopeItemRow, gap_scope_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void ensure_editors (GapScopeItemRow *self);

const char *
gap_scope_item_row_detail_title (GapScopeKind kind)
{
  switch (kind)
    {
    case GAP_SCOPE_KIND_INTERESTED_PARTY:
      return _("Requirements");
    case GAP_SCOPE_KIND_EXCLUSION:
      return _("Reason");
    case GAP_SCOPE_KIND_SITE:
    case GAP_SCOPE_KIND_UNIT:
    case GAP_SCOPE_KIND_PROCESS:
    case GAP_SCOPE_KIND_ASSET_GROUP:
    case GAP_SCOPE_KIND_INTERFACE:
    default:
      return _("Note");
    }
}

void
gap_scope_item_row_sync (GapScopeItemRow *self)
{
  const char *name;
  const char *detail;

  g_return_if_fail (GAP_IS_SCOPE_ITEM_ROW (self));

  name = gap_scope_item_get_name (self->item);
  detail = gap_scope_item_get_detail (self->item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name ? name : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), detail ? detail : "");
  if (self->name_row != NULL)
    {
      gap_entry_row_sync (self->name_row, name);
      gap_entry_row_sync (self->detail_row, detail);
    }
}

static void
commit_cb (AdwEntryRow *row,
           const char  *text,
           gpointer     user_data)
{
  GapScopeItemRow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;

  if (self->workspace == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  detail = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->detail_row))));

  /* An item needs a name: an emptied name goes back to the saved one. */
  if (name[0] == '\0')
    {
      gap_scope_item_row_sync (self);
      return;
    }

  if (!gap_workspace_update_scope_item (self->workspace, self->item, name, detail, &error))
    gap_widget_show_error (GTK_WIDGET (self), _("Could not save the change"), error);

  gap_scope_item_row_sync (self);
}

void
gap_scope_item_row_flush (GapScopeItemRow *self)
{
  g_return_if_fail (GAP_IS_SCOPE_ITEM_ROW (self));

  if (self->name_row != NULL)
    {
      gap_entry_row_flush (self->name_row);
      gap_entry_row_flush (self->detail_row);
    }
}

static void
update_move_buttons (GapScopeItemRow *self)
{
  if (self->up_button == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), self->can_move_up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), self->can_move_down);
}

void
gap_scope_item_row_set_can_move (GapScopeItemRow *self,
                                 gboolean         up,
                                 gboolean         down)
{
  g_return_if_fail (GAP_IS_SCOPE_ITEM_ROW (self));

  self->can_move_up = !!up;
  self->can_move_down = !!down;
  update_move_buttons (self);
}

void
gap_scope_item_row_focus_move (GapScopeItemRow *self,
                               int              delta)
{
  GtkWidget *button;

  g_return_if_fail (GAP_IS_SCOPE_ITEM_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  ensure_editors (self);
  button = GTK_WIDGET (delta < 0 ? self->up_button : self->down_button);
  if (!gtk_widget_get_sensitive (button))
    button = GTK_WIDGET (delta < 0 ? self->down_button : self->up_button);
  gtk_widget_grab_focus (button);
}

static void
up_clicked_cb (GapScopeItemRow *self)
{
  gap_scope_item_row_flush (self);
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (GapScopeItemRow *self)
{
  gap_scope_item_row_flush (self);
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
remove_clicked_cb (GapScopeItemRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
gap_scope_item_row_dispose (GObject *object)
{
  GapScopeItemRow *self = (GapScopeItemRow *)object;

  /* Focus leaving during teardown must not write any more. */
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_SCOPE_ITEM_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gap_scope_item_row_parent_class)->dispose (object);
}

static void
gap_scope_item_row_class_init (GapScopeItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_scope_item_row_dispose;

  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-scope-item-row.ui");
}

static GtkButton *
create_move_button (GapScopeItemRow *self,
                    const char      *icon_name,
                    const char      *label,
                    GCallback        clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gap_widget_set_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", clicked, self);
  return GTK_BUTTON (button);
}

/* The name and detail editors and the move and remove buttons. */
static void
ensure_editors (GapScopeItemRow *self)
{
  GtkWidget *buttons;
  GtkWidget *remove_button;
  GtkWidget *row;

  if (self->name_row != NULL)
    return;

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  self->detail_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->detail_row),
                                 gap_scope_item_row_detail_title (gap_scope_item_get_kind (self->item)));
  gap_entry_row_connect_commit (self->name_row, commit_cb, self);
  gap_entry_row_connect_commit (self->detail_row, commit_cb, self);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  self->up_button = create_move_button (self, "go-up-symbolic", _("Move Up"),
                                        G_CALLBACK (up_clicked_cb));
  self->down_button = create_move_button (self, "go-down-symbolic", _("Move Down"),
                                          G_CALLBACK (down_clicked_cb));
  remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_hexpand (remove_button, TRUE);
  gtk_widget_set_halign (remove_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (remove_button, "destructive-action");
  g_signal_connect_swapped (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->up_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->down_button));
  gtk_box_append (GTK_BOX (buttons), remove_button);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), buttons);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->name_row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->detail_row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  update_move_buttons (self);
  gap_scope_item_row_sync (self);
}

static void
expanded_changed_cb (GapScopeItemRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    ensure_editors (self);
}

static void
gap_scope_item_row_init (GapScopeItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its title and subtitle wrap (libadwaita's labels). */
  gap_widget_set_wrap_min_chars (GTK_WIDGET (self), GAP_WRAP_MIN_CHARS);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_changed_cb), NULL);
}

GtkWidget *
gap_scope_item_row_new (GapWorkspace *workspace,
                        GapScopeItem *item)
{
  GapScopeItemRow *self;

  g_return_val_if_fail (GAP_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (item), NULL);

  self = g_object_new (GAP_TYPE_SCOPE_ITEM_ROW, NULL);
  self->workspace = g_object_ref (workspace);
  self->item = g_object_ref (item);

  g_signal_connect_object (item, "notify", G_CALLBACK (gap_scope_item_row_sync), self,
                           G_CONNECT_SWAPPED);
  gap_scope_item_row_sync (self);

  return GTK_WIDGET (self);
}

GapScopeItem *
gap_scope_item_row_get_item (GapScopeItemRow *self)
{
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM_ROW (self), NULL);

  return self->item;
}
