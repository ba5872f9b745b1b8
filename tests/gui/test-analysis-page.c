/* test-analysis-page.c — the gap analysis dashboard, live, in the real window
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gap-analysis-page.h"
#include "gap-application.h"
#include "gap-control-row.h"
#include "gap-controls-page.h"
#include "gap-coverage-chart.h"
#include "gap-window.h"
#include "gui-test-util.h"

static GapApplication *app;

typedef struct
{
  GapWindow       *window;
  GFile           *file;
  GapWorkspace    *workspace;
  GapAnalysis     *analysis;
  GapAnalysisPage *page;
} Fixture;

static gpointer
page_child (Fixture    *f,
            const char *name)
{
  return gui_test_template_child (f->page, GAP_TYPE_ANALYSIS_PAGE, name);
}

static void
set_enum (Fixture            *f,
          const char         *id,
          GapAssessmentField  field,
          int                 value)
{
  g_autoptr(GError) error = NULL;
  GapAssessment *a = gap_workspace_lookup_assessment (f->workspace, id);

  g_assert_nonnull (a);
  g_assert_true (gap_workspace_set_assessment_enum (f->workspace, a, field, value, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gui_test_window_new_on_workspace (app, "analysis-test.ismsgap", &f->file);
  f->workspace = gap_window_get_workspace (f->window);
  f->analysis = gap_window_get_analysis (f->window);

  /* A few answers before the page is shown. */
  set_enum (f, "A.5.1", GAP_FIELD_STATUS, GAP_STATUS_IMPLEMENTED);
  set_enum (f, "A.5.2", GAP_FIELD_STATUS, GAP_STATUS_PLANNED);
  set_enum (f, "A.5.2", GAP_FIELD_PRIORITY, GAP_PRIORITY_CRITICAL);
  set_enum (f, "4.1", GAP_FIELD_STATUS, GAP_STATUS_IMPLEMENTED);

  gap_window_show_page (f->window, "analysis");
  gui_test_iterate ();

  f->page = GAP_ANALYSIS_PAGE (gui_test_find (GTK_WIDGET (f->window), GAP_TYPE_ANALYSIS_PAGE, NULL));
  g_assert_nonnull (f->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_true (gap_analysis_page_get_analysis (f->page) == f->analysis);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_destroy_window (GTK_WINDOW (f->window));
  g_file_delete (f->file, NULL, NULL);
  g_clear_object (&f->file);
}

static char *
expected_description (const GapCounts *c)
{
  /* The numbers a screen reader hears, in the chart's own order. */
  return g_strdup_printf ("coverage %d%% of %u applicable items; Covered: %u, Partial: %u, "
                          "At risk: %u, Gap: %u, Excluded: %u",
                          (int) (gap_counts_get_coverage (c) * 100.0 + 1e-9), c->applicable,
                          c->by_verdict[GAP_VERDICT_COVERED], c->by_verdict[GAP_VERDICT_PARTIAL],
                          c->by_verdict[GAP_VERDICT_AT_RISK], c->by_verdict[GAP_VERDICT_GAP],
                          c->by_verdict[GAP_VERDICT_EXCLUDED]);
}

static void
assert_summary (Fixture *f)
{
  const GapCounts *counts = gap_analysis_get_counts (f->analysis);
  g_autofree char *expected = expected_description (counts);
  g_autofree char *described = gap_coverage_chart_describe (page_child (f, "coverage_chart"));
  g_autofree char *open = g_strdup_printf ("%u", g_list_model_get_n_items (gap_analysis_get_open_gaps (f->analysis)));
  g_autofree char *covered = g_strdup_printf ("%u", counts->by_verdict[GAP_VERDICT_COVERED]);
  GtkWidget *verdicts = page_child (f, "verdict_list");
  GtkWidget *covered_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (verdicts), 0));

  g_assert_cmpstr (described, ==, expected);
  g_assert_cmpstr (gtk_label_get_label (page_child (f, "open_count_label")), ==, open);
  /* The first verdict row is "Covered" with its count. */
  g_assert_nonnull (gui_test_find (covered_row, GTK_TYPE_LABEL, gap_verdict_get_label (GAP_VERDICT_COVERED)));
  g_assert_nonnull (gui_test_find (covered_row, GTK_TYPE_LABEL, covered));
}

static void
test_summary_live (Fixture       *f,
                   gconstpointer  data)
{
  const GapCounts *counts = gap_analysis_get_counts (f->analysis);
  GtkWidget *clauses = page_child (f, "clause_list");
  GtkWidget *annex = page_child (f, "annex_list");
  GListModel *groups = gap_catalog_get_groups (gap_workspace_get_catalog (f->workspace), GAP_EDITION_2022);
  guint n_clause_groups = 0;
  guint n_annex_groups = 0;
  guint n_rows;
  GapCoverageChart *theme_bar;
  g_autofree char *theme_text = NULL;

  g_assert_cmpuint (counts->by_verdict[GAP_VERDICT_COVERED], ==, 2);
  assert_summary (f);

  /* One bar per clause and per theme, labelled for screen readers. */
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);

      if (gap_group_get_kind (group) == GAP_CONTROL_KIND_CLAUSE)
        n_clause_groups++;
      else
        n_annex_groups++;
    }
  for (n_rows = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (clauses), n_rows) != NULL; n_rows++)
    ;
  g_assert_cmpuint (n_rows, ==, n_clause_groups);
  for (n_rows = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (annex), n_rows) != NULL; n_rows++)
    ;
  g_assert_cmpuint (n_rows, ==, n_annex_groups);
  g_assert_cmpuint (n_annex_groups, ==, 4);
  theme_bar = GAP_COVERAGE_CHART (gui_test_find (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (annex), 0)),
                                                 GAP_TYPE_COVERAGE_CHART, NULL));
  theme_text = gap_coverage_chart_describe (theme_bar);
  g_assert_true (g_str_has_prefix (theme_text, "Annex A.5 · "));
  g_assert_nonnull (strstr (theme_text, "Covered: 1,"));

  /* A change in the core shows without a reload. */
  set_enum (f, "A.8.1", GAP_FIELD_STATUS, GAP_STATUS_ALTERNATIVE);
  gui_test_iterate ();
  g_assert_cmpuint (counts->by_verdict[GAP_VERDICT_COVERED], ==, 3);
  assert_summary (f);
  set_enum (f, "A.5.9", GAP_FIELD_APPLICABILITY, GAP_APPLICABILITY_NOT_APPLICABLE);
  gui_test_iterate ();
  assert_summary (f);
}

static void
test_open_gaps (Fixture       *f,
                gconstpointer  data)
{
  GListModel *open = gap_analysis_get_open_gaps (f->analysis);
  GtkWidget *list = page_child (f, "open_list");
  g_autoptr(GapAssessment) first = g_list_model_get_item (open, 0);
  GapControlRow *row;
  GapControlsPage *controls;
  AdwViewStack *stack;
  g_autoptr(GError) error = NULL;

  /* Priority first: the critical, planned A.5.2 leads. */
  g_assert_cmpstr (gap_assessment_get_control_id (first), ==, "A.5.2");
  g_assert_true (gtk_list_view_get_model (GTK_LIST_VIEW (list)) != NULL);
  g_assert_true (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))) ==
                 g_list_model_get_n_items (open));
  row = GAP_CONTROL_ROW (gui_test_find (list, GAP_TYPE_CONTROL_ROW, NULL));
  g_assert_nonnull (row);
  g_assert_true (gap_control_row_get_assessment (row) == first);
  g_assert_cmpstr (gap_control_row_get_verdict_text (row), ==, gap_verdict_get_label (GAP_VERDICT_PARTIAL));

  /* Its details line follows a change of due date in the core. */
  g_assert_true (gap_workspace_set_assessment_string (f->workspace, first, GAP_FIELD_DUE_DATE,
                                                      "2027-06-30", &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_nonnull (gui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL,
                                   "Priority: Critical · Due 2027-06-30"));

  /* Choosing it opens the controls page on it. */
  g_signal_emit_by_name (list, "activate", 0);
  gui_test_iterate ();
  stack = ADW_VIEW_STACK (gui_test_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "controls");
  controls = GAP_CONTROLS_PAGE (gui_test_find (GTK_WIDGET (f->window), GAP_TYPE_CONTROLS_PAGE, NULL));
  g_assert_true (gap_controls_page_get_selected (controls) == first);
  /* … scrolled to it: its row is among the few the list has made. */
  gui_test_iterate ();
  row = gui_test_find_control_row (GTK_WIDGET (controls), first);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

  /* Covering it takes it off the list. */
  set_enum (f, "A.5.2", GAP_FIELD_STATUS, GAP_STATUS_IMPLEMENTED);
  gui_test_iterate ();
  g_clear_object (&first);
  first = g_list_model_get_item (open, 0);
  g_assert_cmpstr (gap_assessment_get_control_id (first), !=, "A.5.2");
}

static void
test_warnings_and_unjustified (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *certificates = page_child (f, "certificate_list");
  GtkWidget *unjustified = page_child (f, "unjustified_list");
  GapServiceRecord *azure = gap_workspace_lookup_service (f->workspace, "azure");
  GapAssessment *a = gap_workspace_lookup_assessment (f->workspace, "A.7.4");
  guint n_warnings;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Nothing in use: no warnings, the placeholder says so. */
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (certificates), 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "unjustified_stack")), ==, "empty");

  /* A service in use with no audit dates recorded: unverified. */
  g_assert_true (gap_workspace_set_service_in_use (f->workspace, azure, TRUE, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  n_warnings = g_list_model_get_n_items (gap_analysis_get_certificate_warnings (f->analysis));
  g_assert_cmpuint (n_warnings, >, 0);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (certificates), n_warnings - 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (certificates), n_warnings));
  g_assert_nonnull (gui_test_find (certificates, ADW_TYPE_ACTION_ROW, NULL));

  /* Recording a recent audit for each clears them. */
  today = g_date_time_format (now, "%Y-%m-%d");
  while (g_list_model_get_n_items (gap_analysis_get_certificate_warnings (f->analysis)) > 0)
    {
      g_autoptr(GapCertificate) certificate =
        g_list_model_get_item (gap_analysis_get_certificate_warnings (f->analysis), 0);

      g_assert_true (gap_workspace_set_certificate_field (f->workspace, certificate,
                                                          GAP_CERTIFICATE_FIELD_LAST_AUDIT, today, &error));
      g_assert_no_error (error);
    }
  gui_test_iterate ();
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (certificates), 0));

  /* Not applicable without a reason: listed until the reason is given. */
  set_enum (f, "A.7.4", GAP_FIELD_APPLICABILITY, GAP_APPLICABILITY_NOT_APPLICABLE);
  gui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "unjustified_stack")), ==, "list");
  g_assert_cmpstr (gtk_label_get_label (page_child (f, "unjustified_count_label")), ==, "1");
  g_assert_true (gap_control_row_get_assessment (
    GAP_CONTROL_ROW (gui_test_find (unjustified, GAP_TYPE_CONTROL_ROW, NULL))) == a);
  g_assert_true (gap_workspace_set_assessment_string (f->workspace, a, GAP_FIELD_JUSTIFICATION,
                                                      "No premises of our own", &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "unjustified_stack")), ==, "empty");
  assert_summary (f);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gui_test_init (&argc, &argv);
  app = gui_test_application_new ();

#define ADD(path, func) \
  g_test_add ("/gui/analysis/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("summary-live", test_summary_live);
  ADD ("open-gaps", test_open_gaps);
  ADD ("warnings-and-unjustified", test_warnings_and_unjustified);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
