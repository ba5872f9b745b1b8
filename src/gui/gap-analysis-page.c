/* gap-analysis-page.c — the live gap analysis dashboard
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is read from the GapAnalysis: the counts on its "changed"
 * signal, the lists straight from its GListModels (which it keeps sorted and
 * changes item by item), so the page never computes a verdict itself.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gap-analysis-page.h"
#include "gap-analysis-private.h"
#include "gap-control-row.h"
#include "gap-coverage-chart.h"
#include "gap-window.h"

typedef struct
{
  char             *group_id;
  GapCoverageChart *chart;
  GtkLabel         *percent_label;
  GtkLabel         *detail_label;
} GroupRow;

struct _GapAnalysisPage
{
  GtkWidget          parent_instance;

  GapAnalysis       *analysis;
  gulong             changed_id;
  GHashTable        *bound_rows;   /* GapControlRow* set */
  GPtrArray         *group_rows;   /* GroupRow */
  GtkLabel          *verdict_counts[GAP_N_VERDICTS];
  GtkLabel          *responsibility_counts[3];

  GapCoverageChart  *coverage_chart;
  GtkLabel          *coverage_label;
  GtkListBox        *verdict_list;
  GtkListBox        *responsibility_list;
  GtkLabel          *open_count_label;
  GtkStack          *open_stack;
  GtkListView       *open_list;
  GtkNoSelection    *open_selection;
  GtkListBox        *certificate_list;
  GtkLabel          *unjustified_count_label;
  GtkStack          *unjustified_stack;
  GtkListView       *unjustified_list;
  GtkNoSelection    *unjustified_selection;
  AdwPreferencesGroup *annex_group;
  GtkListBox        *clause_list;
  GtkListBox        *annex_list;
};

G_DEFINE_FINAL_TYPE (GapAnalysisPage, gap_analysis_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

enum {
  CONTROL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
group_row_free (gpointer data)
{
  GroupRow *row = data;

  g_free (row->group_id);
  g_free (row);
}

static char *
format_percent (const GapCounts *counts)
{
  /* Rounded down, as in the chart: never "100%" while a gap is open. */
  int percent = (int) (gap_counts_get_coverage (counts) * 100.0 + 1e-9);

  if (counts->applicable == 0)
    return g_strdup ("–");

  /* Translators: a coverage percentage, "62%" */
  return g_strdup_printf (_("%d%%"), percent);
}

static char *
format_covered (const GapCounts *counts)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: "12 of 20 applicable covered" */
                                       "%u of %u applicable covered",
                                       "%u of %u applicable covered",
                                       counts->applicable),
                          counts->by_verdict[GAP_VERDICT_COVERED], counts->applicable);
}

/* ---- the lists of assessments ---- */

static void
factory_setup_cb (GapAnalysisPage *self,
                  GtkListItem     *list_item)
{
  GtkWidget *row = gap_control_row_new ();

  gap_control_row_set_show_details (GAP_CONTROL_ROW (row), TRUE);
  gtk_list_item_set_child (list_item, row);
}

static void
factory_bind_cb (GapAnalysisPage *self,
                 GtkListItem     *list_item)
{
  gap_control_row_bind_list_item (list_item, self->analysis, self->bound_rows);
}

static void
factory_unbind_cb (GapAnalysisPage *self,
                   GtkListItem     *list_item)
{
  gap_control_row_unbind_list_item (list_item, self->bound_rows);
}

static void
activate_assessment (GapAnalysisPage *self,
                     GapAssessment   *assessment)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_signal_emit (self, signals[CONTROL_ACTIVATED], 0, assessment);

  if (GAP_IS_WINDOW (root))
    gap_window_show_control (GAP_WINDOW (root), gap_assessment_get_control_id (assessment));
}

static void
activate_position (GapAnalysisPage *self,
                   GtkListView     *list_view,
                   guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GapAssessment) assessment = g_list_model_get_item (model, position);

  if (assessment != NULL)
    activate_assessment (self, assessment);
}

static void
open_list_activate_cb (GapAnalysisPage *self,
                       guint            position)
{
  activate_position (self, self->open_list, position);
}

static void
unjustified_list_activate_cb (GapAnalysisPage *self,
                              guint            position)
{
  activate_position (self, self->unjustified_list, position);
}

/* ---- certificate warnings ---- */

static GtkWidget *
create_certificate_row (gpointer item,
                        gpointer user_data)
{
  GapCertificate *certificate = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  const char *last_audit = gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT);
  g_autofree char *subtitle = NULL;
  GapAnalysisPage *self = user_data;
  GDate today;

  /* The day the analysis listed the certificate for. */
  _gap_analysis_get_today (self->analysis, &today);
  switch (gap_certificate_get_state (certificate, &today))
    {
    case GAP_CERTIFICATE_STATE_UNVERIFIED:
      subtitle = g_strdup (_("Unverified: no last audit date is recorded."));
      break;

    case GAP_CERTIFICATE_STATE_STALE:
      if (last_audit != NULL && last_audit[0] != '\0')
        /* Translators: %s is an ISO date */
        subtitle = g_strdup_printf (_("Stale: last audited on %s, more than an audit cycle ago, or expired."),
                                    last_audit);
      else
        subtitle = g_strdup (_("Stale: the certificate has expired."));
      break;

    case GAP_CERTIFICATE_STATE_CURRENT:
    default:
      /* The analysis may judge on a fixed day (reports, tests). */
      subtitle = g_strdup (_("Not current on the day of the analysis."));
      break;
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gap_certificate_get_title (certificate, NULL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* ---- summary ---- */

/* A non-activatable boxed-list row holding @box with the list's padding. */
static GtkWidget *
padded_row_new (GtkWidget *box)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* A wrapping title and a bold figure beside it. */
static void
style_title_and_figure (GtkWidget *title,
                        GtkWidget *figure)
{
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (figure, "numeric");
  gtk_widget_add_css_class (figure, "heading");
}

static GtkWidget *
count_row_new (GtkWidget  *prefix,
               const char *label,
               GtkLabel  **count_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
  style_title_and_figure (title, count);
  gtk_box_append (GTK_BOX (box), prefix);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);

  *count_out = GTK_LABEL (count);
  return padded_row_new (box);
}

static void
build_count_rows (GapAnalysisPage *self)
{
  static const GapVerdict order[] = {
    GAP_VERDICT_COVERED, GAP_VERDICT_PARTIAL, GAP_VERDICT_AT_RISK,
    GAP_VERDICT_GAP, GAP_VERDICT_EXCLUDED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (swatch, "gap-legend-swatch");
      gtk_widget_add_css_class (swatch, gap_gui_verdict_style_class (order[i]));
      gtk_list_box_append (self->verdict_list,
                           count_row_new (swatch, gap_verdict_get_label (order[i]),
                                          &self->verdict_counts[order[i]]));
    }

  for (guint r = GAP_RESPONSIBILITY_ORGANIZATION; r <= GAP_RESPONSIBILITY_INHERITED; r++)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (gap_gui_responsibility_icon_name (r));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gap_responsibility_get_label (r),
                                      -1);
      gtk_list_box_append (self->responsibility_list,
                           count_row_new (icon, gap_responsibility_get_label (r),
                                          &self->responsibility_counts[r]));
    }
}

/* ---- coverage per group ---- */

static GtkWidget *
group_row_new (GapAnalysisPage *self,
               GapGroup        *group,
               GapEdition       edition)
{
  GroupRow *data = g_new0 (GroupRow, 1);
  g_autofree char *heading = gap_gui_group_heading (group, edition);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *percent = gtk_label_new (NULL);
  GtkWidget *chart = gap_coverage_chart_new (GAP_COVERAGE_CHART_BAR);
  GtkWidget *detail = gtk_label_new (NULL);

  style_title_and_figure (title, percent);
  gtk_widget_set_valign (percent, GTK_ALIGN_START);
  gap_coverage_chart_set_label (GAP_COVERAGE_CHART (chart), heading);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), percent);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box), detail);

  data->group_id = g_strdup (gap_group_get_id (group));
  data->chart = GAP_COVERAGE_CHART (chart);
  data->percent_label = GTK_LABEL (percent);
  data->detail_label = GTK_LABEL (detail);
  g_ptr_array_add (self->group_rows, data);

  return padded_row_new (box);
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
build_group_rows (GapAnalysisPage *self)
{
  GapWorkspace *workspace;
  GapEdition edition;
  GListModel *groups;
  guint n;

  remove_rows (self->clause_list);
  remove_rows (self->annex_list);
  g_ptr_array_set_size (self->group_rows, 0);

  if (self->analysis == NULL)
    return;

  workspace = gap_analysis_get_workspace (self->analysis);
  edition = gap_workspace_get_edition (workspace);
  groups = gap_catalog_get_groups (gap_workspace_get_catalog (workspace), edition);
  n = g_list_model_get_n_items (groups);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      GtkListBox *list = gap_group_get_kind (group) == GAP_CONTROL_KIND_CLAUSE
                           ? self->clause_list : self->annex_list;

      gtk_list_box_append (list, group_row_new (self, group, edition));
    }

  adw_preferences_group_set_title (self->annex_group,
                                   edition == GAP_EDITION_2022 ? _("Coverage by Annex A Theme")
                                                               : _("Coverage by Annex A Domain"));
}

/* ---- updates ---- */

static void
update_group_rows (GapAnalysisPage *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GroupRow *row = g_ptr_array_index (self->group_rows, i);
      const GapCounts *counts = gap_analysis_get_group_counts (self->analysis, row->group_id);
      g_autofree char *percent = NULL;
      g_autofree char *covered = NULL;

      gap_coverage_chart_set_counts (row->chart, counts);
      if (counts == NULL)
        continue;

      percent = format_percent (counts);
      covered = format_covered (counts);
      gtk_label_set_label (row->percent_label, percent);
      gtk_label_set_label (row->detail_label, covered);
    }
}

/* A GtkListView does not report the height of all its rows (GTK 4.8), so a
 * list inside the scrolling page gets room for up to seven rows and
 * scrolls past that. */
static void
fit_list_height (GtkListView *list,
                 guint        n_items)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  int height = (int) MIN (n_items, 7) * 58;

  /* Lowering the minimum first keeps max >= min at every step. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), -1);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), height);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), height);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_all (GapAnalysisPage *self)
{
  const GapCounts *counts;
  g_autofree char *coverage = NULL;
  guint n_open;
  guint n_unjustified;

  if (self->analysis == NULL)
    {
      gap_coverage_chart_set_counts (self->coverage_chart, NULL);
      return;
    }

  counts = gap_analysis_get_counts (self->analysis);
  gap_coverage_chart_set_counts (self->coverage_chart, counts);
  coverage = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: "62 of 100 applicable requirements and controls are covered" */
                                           "%u of %u applicable requirement or control is covered",
                                           "%u of %u applicable requirements and controls are covered",
                                           counts->applicable),
                              counts->by_verdict[GAP_VERDICT_COVERED], counts->applicable);
  gtk_label_set_label (self->coverage_label, coverage);

  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    set_count (self->verdict_counts[v], counts->by_verdict[v]);
  for (guint r = 0; r < G_N_ELEMENTS (self->responsibility_counts); r++)
    set_count (self->responsibility_counts[r], counts->by_responsibility[r]);

  update_group_rows (self);

  n_open = g_list_model_get_n_items (gap_analysis_get_open_gaps (self->analysis));
  set_count (self->open_count_label, n_open);
  gtk_stack_set_visible_child_name (self->open_stack, n_open > 0 ? "list" : "empty");
  fit_list_height (self->open_list, n_open);

  n_unjustified = g_list_model_get_n_items (gap_analysis_get_unjustified (self->analysis));
  set_count (self->unjustified_count_label, n_unjustified);
  gtk_stack_set_visible_child_name (self->unjustified_stack, n_unjustified > 0 ? "list" : "empty");
  fit_list_height (self->unjustified_list, n_unjustified);

  /* Priority, due date and owner show on the rows and can change in place. */
  gap_control_row_update_all (self->bound_rows);
}

GapAnalysis *
gap_analysis_page_get_analysis (GapAnalysisPage *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS_PAGE (self), NULL);

  return self->analysis;
}

void
gap_analysis_page_set_analysis (GapAnalysisPage *self,
                                GapAnalysis     *analysis)
{
  g_return_if_fail (GAP_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (analysis == NULL || GAP_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  if (self->analysis != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->analysis);
      g_clear_object (&self->analysis);
    }

  if (analysis != NULL)
    {
      self->analysis = g_object_ref (analysis);
      self->changed_id = g_signal_connect_swapped (analysis, "changed", G_CALLBACK (update_all), self);
    }

  gtk_no_selection_set_model (self->open_selection,
                              analysis != NULL ? gap_analysis_get_open_gaps (analysis) : NULL);
  gtk_no_selection_set_model (self->unjustified_selection,
                              analysis != NULL ? gap_analysis_get_unjustified (analysis) : NULL);
  gtk_list_box_bind_model (self->certificate_list,
                           analysis != NULL ? gap_analysis_get_certificate_warnings (analysis) : NULL,
                           create_certificate_row, self, NULL);
  build_group_rows (self);
  update_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
gap_analysis_page_dispose (GObject *object)
{
  GapAnalysisPage *self = GAP_ANALYSIS_PAGE (object);
  GtkWidget *child;

  if (self->analysis != NULL)
    g_clear_signal_handler (&self->changed_id, self->analysis);
  if (self->bound_rows != NULL)
    g_hash_table_remove_all (self->bound_rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_ANALYSIS_PAGE);
  /* dispose_template() leaves the children it has no field for. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->analysis);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gap_analysis_page_parent_class)->dispose (object);
}

static void
gap_analysis_page_finalize (GObject *object)
{
  GapAnalysisPage *self = GAP_ANALYSIS_PAGE (object);

  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (gap_analysis_page_parent_class)->finalize (object);
}

static void
gap_analysis_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GapAnalysisPage *self = GAP_ANALYSIS_PAGE (object);

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
gap_analysis_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GapAnalysisPage *self = GAP_ANALYSIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      gap_analysis_page_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_analysis_page_class_init (GapAnalysisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_analysis_page_dispose;
  object_class->finalize = gap_analysis_page_finalize;
  object_class->get_property = gap_analysis_page_get_property;
  object_class->set_property = gap_analysis_page_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         GAP_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CONTROL_ACTIVATED] =
    g_signal_new ("control-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GAP_TYPE_ASSESSMENT);

  g_type_ensure (GAP_TYPE_COVERAGE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-analysis-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gapanalysispage");

  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, coverage_chart);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, verdict_list);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, responsibility_list);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, open_count_label);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, open_stack);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, open_selection);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, certificate_list);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, unjustified_count_label);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, unjustified_stack);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, unjustified_list);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, unjustified_selection);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, annex_group);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, clause_list);
  gtk_widget_class_bind_template_child (widget_class, GapAnalysisPage, annex_list);

  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, unjustified_list_activate_cb);
}

static void
gap_analysis_page_init (GapAnalysisPage *self)
{
  gap_gui_ensure_style ();

  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->group_rows = g_ptr_array_new_with_free_func (group_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  build_count_rows (self);
  update_all (self);
}

GtkWidget *
gap_analysis_page_new (void)
{
  return g_object_new (GAP_TYPE_ANALYSIS_PAGE, NULL);
}
