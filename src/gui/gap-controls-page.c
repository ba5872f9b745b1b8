/* gap-controls-page.c — the list of controls beside the editor of the one selected
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the workspace's assessments in catalog order, through a filter
 * of the page's own (GapControlFilter) and a model of slots that keeps the
 * rows through a refilter (GapSlotModel). GTK 4.8 has no list sections, so
 * the first row of each clause, theme or domain shows the group's heading;
 * which row is first depends on the filter, so the headings of the bound
 * rows are worked out again whenever the filtered model changes.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gap-assessment-editor.h"
#include "gap-control-filter.h"
#include "gap-control-row.h"
#include "gap-controls-page.h"
#include "gap-slot-model.h"

/* The filter dropdowns list "any" first, then the enum values in order. */
#define ANY 0
/* Rows kept for reuse. GTK 4.8's list view holds at most 200 list items
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS, plus two above and below), so this keeps
 * every row it ever held: a search never disposes a row only to make it
 * again when the search is cleared, and disposing one costs more than its
 * memory (a row is a dozen widgets with their controllers). */
#define MAX_SPARE_ROWS 208

struct _GapControlsPage
{
  GtkWidget           parent_instance;

  GapAnalysis        *analysis;
  GapWorkspace       *workspace;
  gulong              assessment_changed_id;
  gulong              analysis_changed_id;
  GtkRoot            *root;
  gulong              show_control_id;

  GHashTable         *headings;    /* "kind:group" → heading */
  GHashTable         *bound_rows;  /* GapControlRow* set */
  GPtrArray          *spare_rows;  /* rows no list item holds now; NULL once disposed */
  char               *query_text;  /* folded, for incremental filtering */
  GapSlotModel       *slots;       /* between the filter and the selection */
  gboolean            refiltering; /* the selection follows once it is done */
  guint               scroll_tick_id;
  guint               scroll_ticks;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *editor_pane;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkDropDown        *verdict_dropdown;
  GtkDropDown        *responsibility_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *applicability_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GapControlFilter   *filter_model;
  GtkLabel           *editor_heading;
  GtkStack           *editor_stack;
  GapAssessmentEditor *editor;
};

G_DEFINE_FINAL_TYPE (GapControlsPage, gap_controls_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The assessment the filter shows at @position; transfer none. */
static GapAssessment *
shown_at (GapControlsPage *self,
          guint            position)
{
  return gap_control_filter_peek (self->filter_model, position);
}

static guint
shown_position (GapControlsPage *self,
                GapAssessment   *assessment)
{
  if (assessment == NULL)
    return GTK_INVALID_LIST_POSITION;

  return gap_control_filter_find (self->filter_model, assessment);
}

/* ---- filtering ---- */

static int
dropdown_value (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == ANY)
    return -1;

  return (int) selected - 1;
}

/* Read once per change, not once per control filtered. */
static void
read_attributes (GapControlsPage *self)
{
  gap_control_filter_set_attributes (self->filter_model,
                                     dropdown_value (self->verdict_dropdown),
                                     dropdown_value (self->responsibility_dropdown),
                                     dropdown_value (self->status_dropdown),
                                     dropdown_value (self->applicability_dropdown));
}

/* The user changed the search or a filter: nothing is pinned any more. */
static gboolean
unpin (GapControlsPage *self)
{
  if (gap_control_filter_get_pinned (self->filter_model) == NULL)
    return FALSE;

  gap_control_filter_set_pinned (self->filter_model, NULL);
  return TRUE;
}

/* A new search or filter shows its results from the top: the list keeps
 * its places through a refilter (the slots), which would leave it where
 * the old results had scrolled to. */
static void
scroll_to_top (GapControlsPage *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
search_changed_cb (GapControlsPage *self)
{
  g_autofree char *folded =
    gap_control_filter_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *old = g_steal_pointer (&self->query_text);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  gboolean was_pinned = unpin (self);

  g_strstrip (folded);
  gap_control_filter_set_query (self->filter_model, folded);

  /* Typing on narrows what is shown, deleting widens it: the filter then
   * looks only at the entries that can change. */
  if (!was_pinned && old != NULL)
    {
      if (g_str_has_prefix (folded, old))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (g_str_has_prefix (old, folded))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  self->query_text = g_steal_pointer (&folded);
  gap_control_filter_refilter (self->filter_model, change);
  scroll_to_top (self);
}

static void
stop_search_cb (GapControlsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
update_filter_button (GapControlsPage *self)
{
  if (gap_control_filter_get_attributes_active (self->filter_model))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
filter_dropdown_changed_cb (GapControlsPage *self)
{
  read_attributes (self);
  unpin (self);
  update_filter_button (self);
  gap_control_filter_refilter (self->filter_model, GTK_FILTER_CHANGE_DIFFERENT);
  scroll_to_top (self);
}

static void
clear_filters (GapControlsPage *self)
{
  GtkDropDown *dropdowns[] = {
    self->verdict_dropdown, self->responsibility_dropdown,
    self->status_dropdown, self->applicability_dropdown,
  };

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    gtk_drop_down_set_selected (dropdowns[i], ANY);
}

static void
clear_filters_clicked_cb (GapControlsPage *self)
{
  clear_filters (self);
}

static void
clear_all_clicked_cb (GapControlsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Not after the entry's search delay: the list should come back now. */
  search_changed_cb (self);
  clear_filters (self);
}

/* Data changed under an active search or filter: filter again, but keep
 * the assessment being edited where it is rather than pull it away from
 * under the user's hands. */
static void
refilter_live (GapControlsPage *self,
               gboolean         search,
               gboolean         attributes)
{
  search = search && gap_control_filter_has_query (self->filter_model);
  attributes = attributes && gap_control_filter_get_attributes_active (self->filter_model);
  if (!search && !attributes)
    return;

  gap_control_filter_set_pinned (self->filter_model, gap_controls_page_get_selected (self));
  gap_control_filter_refilter (self->filter_model, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *any,
               guint        n_values,
               const char *(*label) (guint))
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, any);
  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (model, label (i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, ANY);
}

static const char *verdict_label (guint i)        { return gap_verdict_get_label (i); }
static const char *responsibility_label (guint i) { return gap_responsibility_get_label (i); }
static const char *status_label (guint i)         { return gap_status_get_label (i); }
static const char *applicability_label (guint i)  { return gap_applicability_get_label (i); }

/* ---- rows and headings ---- */

static char *
group_key (GapAssessment *assessment)
{
  GapControl *control = gap_assessment_get_control (assessment);

  return g_strdup_printf ("%d:%s", gap_control_get_kind (control), gap_control_get_group_id (control));
}

static const char *
group_heading (GapControlsPage *self,
               GapAssessment   *assessment)
{
  g_autofree char *key = group_key (assessment);
  const char *heading = g_hash_table_lookup (self->headings, key);

  if (heading == NULL)
    {
      GapControl *control = gap_assessment_get_control (assessment);
      GapGroup *group = gap_gui_find_group (gap_workspace_get_catalog (self->workspace),
                                            gap_control_get_edition (control),
                                            gap_control_get_kind (control),
                                            gap_control_get_group_id (control));
      char *text = group != NULL ? gap_gui_group_heading (group, gap_control_get_edition (control))
                                 : g_strdup (gap_control_get_group_id (control));

      g_hash_table_insert (self->headings, g_steal_pointer (&key), text);
      heading = text;
    }

  return heading;
}

static void
update_heading (GapControlsPage *self,
                GtkListItem     *list_item)
{
  GapControlRow *row = GAP_CONTROL_ROW (gtk_list_item_get_child (list_item));
  guint position = gtk_list_item_get_position (list_item);
  GapAssessment *assessment = shown_at (self, position);
  gboolean first = TRUE;

  if (assessment == NULL || self->workspace == NULL)
    return;

  if (position > 0)
    {
      GapAssessment *previous = shown_at (self, position - 1);
      g_autofree char *a = group_key (assessment);
      g_autofree char *b = previous != NULL ? group_key (previous) : NULL;

      first = g_strcmp0 (a, b) != 0;
    }

  gap_control_row_set_heading (row, first ? group_heading (self, assessment) : NULL);
}

static void
list_item_position_cb (GtkListItem     *list_item,
                       GParamSpec      *pspec,
                       GapControlsPage *self)
{
  update_heading (self, list_item);
}

static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 gpointer         user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GapControlsPage *self = GAP_CONTROLS_PAGE (gtk_widget_get_ancestor (row, GAP_TYPE_CONTROLS_PAGE));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "gap-list-item");
  guint position;

  /* A click in the folded page opens the editor; Enter does it through
   * GtkListView::activate. */
  if (self == NULL || list_item == NULL || !adw_leaflet_get_folded (self->leaflet))
    return;
  position = gtk_list_item_get_position (list_item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
factory_setup_cb (GapControlsPage *self,
                  GtkListItem     *list_item)
{
  GtkWidget *row;

  /* GTK 4.8 makes a list item for each place that comes into view and
   * drops it when the place goes (a search that shows fewer, then more):
   * its row is kept for the next one rather than made again. */
  if (self->spare_rows != NULL && self->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
  else
    {
      GtkGesture *click = gtk_gesture_click_new ();

      row = g_object_ref_sink (gap_control_row_new ());
      g_signal_connect (click, "released", G_CALLBACK (row_released_cb), NULL);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
    }
  gtk_list_item_set_child (list_item, row);
  /* GTK 4.8 takes the child away before it emits ::teardown: the list item
   * keeps this reference for factory_teardown_cb. */
  g_object_set_data_full (G_OBJECT (list_item), "gap-row", row, g_object_unref);
  g_signal_connect_object (list_item, "notify::position", G_CALLBACK (list_item_position_cb), self, 0);
}

/* The list's items are slots: a row shows what the filter shows at the
 * slot's position. */
static void
bind_row (GapControlsPage *self,
          GtkListItem     *list_item)
{
  GapControlRow *row = GAP_CONTROL_ROW (gtk_list_item_get_child (list_item));

  gap_control_row_bind (row, shown_at (self, gtk_list_item_get_position (list_item)), self->analysis);
  update_heading (self, list_item);
}

static void
factory_bind_cb (GapControlsPage *self,
                 GtkListItem     *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  g_hash_table_add (self->bound_rows, row);
  g_object_set_data (G_OBJECT (row), "gap-list-item", list_item);
  bind_row (self, list_item);
}

static void
factory_unbind_cb (GapControlsPage *self,
                   GtkListItem     *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->bound_rows, row);
  g_object_set_data (G_OBJECT (row), "gap-list-item", NULL);
  gap_control_row_bind (GAP_CONTROL_ROW (row), NULL, NULL);
}

static void
factory_teardown_cb (GapControlsPage *self,
                     GtkListItem     *list_item)
{
  GtkWidget *row = g_object_steal_data (G_OBJECT (list_item), "gap-row");

  if (row == NULL)
    return;
  g_hash_table_remove (self->bound_rows, row);
  if (gtk_list_item_get_child (list_item) == row)
    gtk_list_item_set_child (list_item, NULL);
  if (self->spare_rows != NULL && self->spare_rows->len < MAX_SPARE_ROWS)
    g_ptr_array_add (self->spare_rows, row);
  else
    g_object_unref (row);
}

static void
update_count (GapControlsPage *self)
{
  guint total = gap_control_filter_get_total (self->filter_model);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u control", "%u controls", total), total);
  else
    /* Translators: "12 of 123 controls" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u control", "%u of %u controls", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "empty");
}

static void selected_item_changed_cb (GapControlsPage *self);

/* The filter changed: the list has added or dropped slots at its end; the
 * rows of the slots from @position on, @in_place of them, now show other
 * assessments. */
static void
slots_changed_cb (gboolean  done,
                  guint     position,
                  guint     in_place,
                  gpointer  user_data)
{
  GapControlsPage *self = user_data;
  GapAssessment *selected;
  GHashTableIter iter;
  gpointer row;

  if (!done)
    {
      self->refiltering = TRUE;
      return;
    }
  self->refiltering = FALSE;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      GtkListItem *list_item = g_object_get_data (row, "gap-list-item");
      guint at;

      if (list_item == NULL)
        continue;
      at = gtk_list_item_get_position (list_item);
      if (at >= position && at - position < in_place)
        bind_row (self, list_item);
      else
        /* A row whose position did not move can still have a new neighbour. */
        update_heading (self, list_item);
    }

  update_count (self);

  /* The assessment being edited stays selected where it is shown now.
   * Filtered out, it stays in the editor and the list selects nothing, as
   * in other GNOME list and detail views; switching the editor to another
   * control made the frame after a keystroke lay out both panes. */
  selected = gap_assessment_editor_get_assessment (self->editor);
  if (selected != NULL)
    {
      guint now = shown_position (self, selected);

      if (now != gtk_single_selection_get_selected (self->selection))
        gtk_single_selection_set_selected (self->selection, now);
    }
  else if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    /* Nothing edited yet: the first control, as a new workspace opens. */
    gtk_single_selection_set_selected (self->selection, 0);
  selected_item_changed_cb (self);
}

/* ---- selection and navigation ---- */

static void
selected_item_changed_cb (GapControlsPage *self)
{
  GapAssessment *assessment;

  /* A slot stands for another assessment while the filter changes. */
  if (self->refiltering)
    return;

  assessment = shown_at (self, gtk_single_selection_get_selected (self->selection));
  /* Nothing selected in the list: the editor keeps what it shows. */
  if (assessment == NULL && gap_assessment_editor_get_assessment (self->editor) != NULL)
    return;

  gap_assessment_editor_set_assessment (self->editor, assessment);
  gtk_stack_set_visible_child_name (self->editor_stack, assessment != NULL ? "editor" : "empty");

  if (assessment != NULL)
    {
      GapControl *control = gap_assessment_get_control (assessment);
      g_autofree char *heading = g_strdup_printf (C_("control heading", "%s %s"),
                                                  gap_control_get_id (control),
                                                  gap_control_get_title (control, NULL));

      gtk_label_set_label (self->editor_heading, heading);
    }
  else
    {
      gtk_label_set_label (self->editor_heading, "");
      /* Nothing to edit: the folded page goes back to the list. */
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
    }
}

static void
list_view_activate_cb (GapControlsPage *self,
                       guint            position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

static void
back_clicked_cb (GapControlsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GapControlsPage *self = user_data;
  guint position;

  /* The first frame lays the list out; scroll on the next. */
  if (++self->scroll_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return G_SOURCE_REMOVE;
}

/* GtkListView scrolls by its current layout, which a list not shown yet
 * (another page of the window, or folded away) does not have: then the
 * scroll waits for the list's frames. */
static void
scroll_to_selected (GapControlsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  self->scroll_ticks = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                         scroll_tick_cb, self, NULL);
}

GapAssessment *
gap_controls_page_get_selected (GapControlsPage *self)
{
  g_return_val_if_fail (GAP_IS_CONTROLS_PAGE (self), NULL);

  return shown_at (self, gtk_single_selection_get_selected (self->selection));
}

void
gap_controls_page_show_assessment (GapControlsPage *self,
                                   GapAssessment   *assessment)
{
  guint position;

  g_return_if_fail (GAP_IS_CONTROLS_PAGE (self));
  g_return_if_fail (GAP_IS_ASSESSMENT (assessment));

  position = shown_position (self, assessment);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      clear_all_clicked_cb (self);
      position = shown_position (self, assessment);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  scroll_to_selected (self);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

gboolean
gap_controls_page_show_control (GapControlsPage *self,
                                const char      *control_id)
{
  GapAssessment *assessment;

  g_return_val_if_fail (GAP_IS_CONTROLS_PAGE (self), FALSE);
  g_return_val_if_fail (control_id != NULL, FALSE);

  if (self->workspace == NULL)
    return FALSE;

  assessment = gap_workspace_lookup_assessment (self->workspace, control_id);
  if (assessment == NULL)
    return FALSE;

  gap_controls_page_show_assessment (self, assessment);
  return TRUE;
}

static void
window_show_control_cb (GapControlsPage *self,
                        const char      *control_id)
{
  gap_controls_page_show_control (self, control_id);
}

/* ---- following the core ---- */

static void
assessment_changed_cb (GapControlsPage    *self,
                       GapAssessment      *assessment,
                       GapAssessmentField  field)
{
  gboolean text = field == GAP_FIELD_OWNER || field == GAP_FIELD_NOTES;

  gap_control_filter_assessment_changed (self->filter_model, assessment, field);

  /* The analysis may have seen this change before or after us: verdicts
   * are filtered again on its "changed" too. */
  refilter_live (self, text, !text);
}

static void
analysis_changed_cb (GapControlsPage *self)
{
  gap_control_filter_verdicts_changed (self->filter_model);
  gap_control_row_update_all (self->bound_rows);
  refilter_live (self, FALSE, TRUE);
}

GapAnalysis *
gap_controls_page_get_analysis (GapControlsPage *self)
{
  g_return_val_if_fail (GAP_IS_CONTROLS_PAGE (self), NULL);

  return self->analysis;
}

void
gap_controls_page_set_analysis (GapControlsPage *self,
                                GapAnalysis     *analysis)
{
  g_return_if_fail (GAP_IS_CONTROLS_PAGE (self));
  g_return_if_fail (analysis == NULL || GAP_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  /* Text still being typed belongs to the old workspace. */
  gap_assessment_editor_flush (self->editor);

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->assessment_changed_id, self->workspace);
      g_clear_object (&self->workspace);
    }
  if (self->analysis != NULL)
    {
      g_clear_signal_handler (&self->analysis_changed_id, self->analysis);
      g_clear_object (&self->analysis);
    }
  gap_control_filter_set_pinned (self->filter_model, NULL);
  g_hash_table_remove_all (self->headings);

  if (analysis != NULL)
    {
      self->analysis = g_object_ref (analysis);
      self->workspace = g_object_ref (gap_analysis_get_workspace (analysis));
      self->assessment_changed_id =
        g_signal_connect_swapped (self->workspace, "assessment-changed",
                                  G_CALLBACK (assessment_changed_cb), self);
      self->analysis_changed_id =
        g_signal_connect_swapped (self->analysis, "changed",
                                  G_CALLBACK (analysis_changed_cb), self);
    }

  /* The editor first: the new model's selection goes to it. */
  gap_assessment_editor_set_analysis (self->editor, analysis);
  gap_control_filter_set_analysis (self->filter_model, analysis);
  gap_control_filter_set_model (self->filter_model,
                                self->workspace != NULL
                                  ? gap_workspace_get_assessments (self->workspace)
                                  : NULL);
  selected_item_changed_cb (self);
  update_count (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

/* ---- widget ---- */

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (widget);

  /* The shortcut is window-wide; it only means this page while shown. */
  if (!gtk_widget_get_mapped (widget) || self->analysis == NULL)
    return FALSE;

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
gap_controls_page_root (GtkWidget *widget)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (gap_controls_page_parent_class)->root (widget);

  /* The main window asks for a control by ID (gap_window_show_control()). */
  root = gtk_widget_get_root (widget);
  if (g_signal_lookup ("show-control", G_OBJECT_TYPE (root)) != 0)
    {
      self->root = root;
      self->show_control_id = g_signal_connect_swapped (root, "show-control",
                                                        G_CALLBACK (window_show_control_cb), self);
    }
}

static void
gap_controls_page_unroot (GtkWidget *widget)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (widget);

  if (self->root != NULL)
    {
      g_clear_signal_handler (&self->show_control_id, self->root);
      self->root = NULL;
    }

  GTK_WIDGET_CLASS (gap_controls_page_parent_class)->unroot (widget);
}

static void
gap_controls_page_dispose (GObject *object)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (object);
  GtkWidget *child;

  if (self->editor != NULL)
    gap_assessment_editor_flush (self->editor);
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->assessment_changed_id, self->workspace);
  if (self->analysis != NULL)
    g_clear_signal_handler (&self->analysis_changed_id, self->analysis);
  if (self->slots != NULL)
    gap_slot_model_set_changed_func (self->slots, NULL, NULL);

  /* The rows go with the list view, not to the spares. */
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  if (self->bound_rows != NULL)
    g_hash_table_remove_all (self->bound_rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_CONTROLS_PAGE);
  /* dispose_template() leaves the children it has no field for. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->analysis);
  g_clear_object (&self->workspace);
  g_clear_object (&self->slots);

  G_OBJECT_CLASS (gap_controls_page_parent_class)->dispose (object);
}

static void
gap_controls_page_finalize (GObject *object)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (object);

  g_clear_pointer (&self->headings, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->query_text, g_free);

  G_OBJECT_CLASS (gap_controls_page_parent_class)->finalize (object);
}

static void
gap_controls_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_controls_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GapControlsPage *self = GAP_CONTROLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      gap_controls_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_controls_page_class_init (GapControlsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_controls_page_dispose;
  object_class->finalize = gap_controls_page_finalize;
  object_class->get_property = gap_controls_page_get_property;
  object_class->set_property = gap_controls_page_set_property;

  widget_class->root = gap_controls_page_root;
  widget_class->unroot = gap_controls_page_unroot;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         GAP_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GAP_TYPE_ASSESSMENT_EDITOR);
  g_type_ensure (GAP_TYPE_CONTROL_FILTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-controls-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gapcontrolspage");

  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, verdict_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, responsibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, applicability_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, editor_heading);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, GapControlsPage, editor);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_teardown_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
gap_controls_page_init (GapControlsPage *self)
{
  GtkEventController *shortcuts;

  gap_gui_ensure_style ();

  self->headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots = gap_slot_model_new (G_LIST_MODEL (self->filter_model), slots_changed_cb, self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->slots));

  fill_dropdown (self->verdict_dropdown, _("Any verdict"), GAP_N_VERDICTS, verdict_label);
  fill_dropdown (self->responsibility_dropdown, _("Any responsibility"), 3, responsibility_label);
  fill_dropdown (self->status_dropdown, _("Any status"), 6, status_label);
  fill_dropdown (self->applicability_dropdown, _("Any applicability"), 2, applicability_label);
  read_attributes (self);

  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);

  /* Ctrl+F from anywhere in the window while the page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_count (self);
}

GtkWidget *
gap_controls_page_new (void)
{
  return g_object_new (GAP_TYPE_CONTROLS_PAGE, NULL);
}
