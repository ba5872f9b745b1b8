/* gap-control-row.c — one assessment in a list: ID, title, verdict badge, responsibility
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled by GtkListView: bind() points a row at another
 * assessment, and the page calls update() on the rows it has bound when the
 * core says something changed, so a row never outlives its data.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gap-control-row.h"
#include "gap-util.h"

struct _GapControlRow
{
  GtkWidget      parent_instance;

  GapAssessment *assessment;
  GapAnalysis   *analysis;
  GapVerdict     verdict;
  gboolean       show_details;

  GtkLabel       *heading_label;
  GtkLabel       *id_label;
  GtkLabel       *title_label;
  GtkImage       *responsibility_image;
  GtkLabel       *verdict_label;
  GtkLabel       *details_label;
};

G_DEFINE_FINAL_TYPE (GapControlRow, gap_control_row, GTK_TYPE_WIDGET)

const char *
gap_gui_verdict_style_class (GapVerdict verdict)
{
  switch (verdict)
    {
    case GAP_VERDICT_EXCLUDED: return "verdict-excluded";
    case GAP_VERDICT_COVERED:  return "verdict-covered";
    case GAP_VERDICT_PARTIAL:  return "verdict-partial";
    case GAP_VERDICT_AT_RISK:  return "verdict-at-risk";
    case GAP_VERDICT_GAP:      return "verdict-gap";
    default:                   g_return_val_if_reached ("verdict-gap");
    }
}

const char *
gap_gui_responsibility_icon_name (GapResponsibility responsibility)
{
  switch (responsibility)
    {
    case GAP_RESPONSIBILITY_ORGANIZATION: return "avatar-default-symbolic";
    case GAP_RESPONSIBILITY_SHARED:       return "emblem-shared-symbolic";
    case GAP_RESPONSIBILITY_INHERITED:    return "network-server-symbolic";
    default:                              g_return_val_if_reached ("avatar-default-symbolic");
    }
}

void
gap_gui_ensure_style (void)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/ui/gap-pages.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded_for = display;
}

char *
gap_gui_group_heading (GapGroup   *group,
                       GapEdition  edition)
{
  const char *id = gap_group_get_id (group);
  const char *title = gap_group_get_title (group, NULL);

  g_return_val_if_fail (GAP_IS_GROUP (group), NULL);

  if (gap_group_get_kind (group) == GAP_CONTROL_KIND_CLAUSE)
    /* Translators: a clause heading, "Clause 4 · Context of the organization" */
    return g_strdup_printf (_("Clause %s · %s"), id, title);

  /* Translators: an Annex A theme or domain heading, "Annex A.5 · Organizational controls" */
  return g_strdup_printf (_("Annex %s · %s"), id, title);
}

GapGroup *
gap_gui_find_group (GapCatalog     *catalog,
                    GapEdition      edition,
                    GapControlKind  kind,
                    const char     *group_id)
{
  GListModel *groups;
  guint n;

  g_return_val_if_fail (GAP_IS_CATALOG (catalog), NULL);

  if (group_id == NULL)
    return NULL;

  groups = gap_catalog_get_groups (catalog, edition);
  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);

      if (gap_group_get_kind (group) == kind && g_strcmp0 (gap_group_get_id (group), group_id) == 0)
        return group;
    }

  return NULL;
}

static void
set_verdict (GapControlRow *self,
             GapVerdict     verdict)
{
  GtkWidget *badge = GTK_WIDGET (self->verdict_label);

  gtk_widget_remove_css_class (badge, gap_gui_verdict_style_class (self->verdict));
  self->verdict = verdict;
  gtk_widget_add_css_class (badge, gap_gui_verdict_style_class (verdict));
  gtk_label_set_label (self->verdict_label, gap_verdict_get_label (verdict));
}

static char *
format_details (GapAssessment *assessment)
{
  GString *str = g_string_new (NULL);
  GapPriority priority = gap_assessment_get_priority (assessment);
  const char *due = gap_assessment_get_due_date (assessment);
  const char *owner = gap_assessment_get_owner (assessment);
  /* Translators: separates the parts of a row's second line */
  const char *sep = _(" · ");

  if (priority != GAP_PRIORITY_NONE)
    /* Translators: %s is a priority label such as "High" */
    g_string_append_printf (str, _("Priority: %s"), gap_priority_get_label (priority));
  if (due != NULL && due[0] != '\0')
    {
      if (str->len > 0)
        g_string_append (str, sep);
      /* Translators: %s is an ISO date such as 2026-05-31 */
      g_string_append_printf (str, _("Due %s"), due);
    }
  if (owner != NULL && owner[0] != '\0')
    {
      if (str->len > 0)
        g_string_append (str, sep);
      /* Translators: %s is the name of the person responsible */
      g_string_append_printf (str, _("Owner: %s"), owner);
    }

  return g_string_free (str, FALSE);
}

void
gap_control_row_update (GapControlRow *self)
{
  GapResponsibility responsibility;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (GAP_IS_CONTROL_ROW (self));

  if (self->assessment == NULL)
    return;

  if (self->analysis != NULL)
    set_verdict (self, gap_analysis_get_verdict (self->analysis, self->assessment));

  responsibility = gap_assessment_get_responsibility (self->assessment);
  gtk_image_set_from_icon_name (self->responsibility_image,
                                gap_gui_responsibility_icon_name (responsibility));
  /* Translators: tooltip of a row's icon; %s is "Organization", "Shared" or "Inherited" */
  tooltip = g_strdup_printf (_("Responsibility: %s"), gap_responsibility_get_label (responsibility));
  /* Setting a tooltip makes GTK look for the pointer again (on X11 a round
   * trip to the server): only when it changes, not at every bind of a
   * recycled row while the list is scrolled or filtered. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->responsibility_image)),
                 tooltip) != 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->responsibility_image), tooltip);
      gap_widget_fix_tooltips (GTK_WIDGET (self->responsibility_image));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->responsibility_image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
    }

  if (self->show_details)
    {
      g_autofree char *details = format_details (self->assessment);

      gtk_label_set_label (self->details_label, details);
      gtk_widget_set_visible (GTK_WIDGET (self->details_label), details[0] != '\0');
    }
}

void
gap_control_row_bind (GapControlRow *self,
                      GapAssessment *assessment,
                      GapAnalysis   *analysis)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));
  g_return_if_fail (assessment == NULL || GAP_IS_ASSESSMENT (assessment));
  g_return_if_fail (analysis == NULL || GAP_IS_ANALYSIS (analysis));

  g_set_object (&self->assessment, assessment);
  g_set_object (&self->analysis, analysis);

  if (assessment == NULL)
    return;

  gtk_label_set_label (self->id_label, gap_assessment_get_control_id (assessment));
  gtk_label_set_label (self->title_label,
                            gap_control_get_title (gap_assessment_get_control (assessment), NULL));
  gap_control_row_update (self);
}

GapAssessment *
gap_control_row_get_assessment (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), NULL);

  return self->assessment;
}

void
gap_control_row_set_heading (GapControlRow *self,
                             const char    *heading)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));

  if (heading != NULL)
    gtk_label_set_label (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);
}

gboolean
gap_control_row_get_heading_visible (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->heading_label));
}

void
gap_control_row_set_show_details (GapControlRow *self,
                                  gboolean       show_details)
{
  g_return_if_fail (GAP_IS_CONTROL_ROW (self));

  self->show_details = !!show_details;
  if (!self->show_details)
    gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gap_control_row_update (self);
}

const char *
gap_control_row_get_verdict_text (GapControlRow *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_ROW (self), NULL);

  return gtk_label_get_label (self->verdict_label);
}

void
gap_control_row_bind_list_item (GtkListItem *list_item,
                                GapAnalysis *analysis,
                                GHashTable  *bound_rows)
{
  GapControlRow *row = GAP_CONTROL_ROW (gtk_list_item_get_child (list_item));

  gap_control_row_bind (row, gtk_list_item_get_item (list_item), analysis);
  g_hash_table_add (bound_rows, row);
}

void
gap_control_row_unbind_list_item (GtkListItem *list_item,
                                  GHashTable  *bound_rows)
{
  GapControlRow *row = GAP_CONTROL_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (bound_rows, row);
  gap_control_row_bind (row, NULL, NULL);
}

void
gap_control_row_teardown_list_item (GtkListItem *list_item,
                                    GHashTable  *bound_rows)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_hash_table_remove (bound_rows, row);
}

void
gap_control_row_update_all (GHashTable *bound_rows)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    gap_control_row_update (row);
}

static void
gap_control_row_dispose (GObject *object)
{
  GapControlRow *self = GAP_CONTROL_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_CONTROL_ROW);
  /* dispose_template() leaves the children it has no field for. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->assessment);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (gap_control_row_parent_class)->dispose (object);
}

static void
gap_control_row_class_init (GapControlRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_control_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-control-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gapcontrolrow");
  gtk_widget_class_bind_template_child (widget_class, GapControlRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GapControlRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, GapControlRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GapControlRow, responsibility_image);
  gtk_widget_class_bind_template_child (widget_class, GapControlRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GapControlRow, details_label);
}

static void
gap_control_row_init (GapControlRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->verdict = GAP_VERDICT_GAP;
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label),
                            gap_gui_verdict_style_class (self->verdict));
}

GtkWidget *
gap_control_row_new (void)
{
  return g_object_new (GAP_TYPE_CONTROL_ROW, NULL);
}
