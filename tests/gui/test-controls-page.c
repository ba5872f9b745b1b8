/* test-controls-page.c — the controls page and its editor, driven in the real window
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gap-application.h"
#include "gap-assessment-editor.h"
#include "gap-control-row.h"
#include "gap-controls-page.h"
#include "gap-date-row.h"
#include "gap-json.h"
#include "gap-window.h"
#include "gap-workspace-private.h"
#include "gui-test-util.h"

static GapApplication *app;

typedef struct
{
  GapWindow          *window;
  GFile              *file;
  GapWorkspace       *workspace;
  GapAnalysis        *analysis;
  GapControlsPage    *page;
  GtkEditable        *search_entry;
  GListModel         *filter_model;
  GtkListView        *list_view;
  GtkStack           *list_stack;
  GtkDropDown        *verdict_dropdown;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *editor_pane;
  GapAssessmentEditor *editor;
} Fixture;

static gpointer
page_child (Fixture    *f,
            const char *name)
{
  return gui_test_template_child (f->page, GAP_TYPE_CONTROLS_PAGE, name);
}

static gpointer
editor_child (Fixture    *f,
              const char *name)
{
  return gui_test_template_child (f->editor, GAP_TYPE_ASSESSMENT_EDITOR, name);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gui_test_window_new_on_workspace (app, "controls-test.ismsgap", &f->file);
  gap_window_show_page (f->window, "controls");
  gui_test_iterate ();

  f->workspace = gap_window_get_workspace (f->window);
  f->analysis = gap_window_get_analysis (f->window);
  f->page = GAP_CONTROLS_PAGE (gui_test_find (GTK_WIDGET (f->window), GAP_TYPE_CONTROLS_PAGE, NULL));
  g_assert_nonnull (f->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_true (gap_controls_page_get_analysis (f->page) == f->analysis);

  f->search_entry = page_child (f, "search_entry");
  f->filter_model = page_child (f, "filter_model");
  f->list_view = page_child (f, "list_view");
  f->list_stack = page_child (f, "list_stack");
  f->verdict_dropdown = page_child (f, "verdict_dropdown");
  f->leaflet = page_child (f, "leaflet");
  f->list_pane = page_child (f, "list_pane");
  f->editor_pane = page_child (f, "editor_pane");
  f->editor = page_child (f, "editor");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_destroy_window (GTK_WINDOW (f->window));
  g_file_delete (f->file, NULL, NULL);
  g_clear_object (&f->file);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->filter_model));
}

typedef struct
{
  Fixture *f;
  guint    n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;

  return n_shown (w->f) == w->n;
}

/* Types @text as a search and waits for the entry's search delay. */
static void
search (Fixture    *f,
        const char *text,
        guint       expected)
{
  CountWait w = { f, expected };

  gtk_editable_set_text (f->search_entry, text);
  if (!gui_test_wait_until (count_is, &w, 3000))
    g_error ("search “%s”: %u shown, %u expected", text, n_shown (f), expected);
  gui_test_iterate ();
}

static GapAssessment *
shown_item (Fixture *f,
            guint    position)
{
  g_autoptr(GapAssessment) item = g_list_model_get_item (G_LIST_MODEL (f->filter_model), position);

  g_assert_nonnull (item);
  return item; /* the workspace holds it */
}

static guint
count_rows (GtkWidget *root)
{
  guint n = GAP_IS_CONTROL_ROW (root) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);

  return n;
}

static GtkWidget *
row_badge (GapControlRow *row)
{
  return gui_test_find_with_class (GTK_WIDGET (row), GTK_TYPE_LABEL, "verdict-badge");
}

typedef struct
{
  Fixture    *f;
  const char *id;
  guint       position;
} FindWait;

static gboolean
shown_exactly (gpointer data)
{
  FindWait *w = data;
  guint n = n_shown (w->f);
  guint found = 0;

  /* The search is done when only matches of the ID remain. */
  for (guint i = 0; i < n; i++)
    {
      const char *id = gap_assessment_get_control_id (shown_item (w->f, i));

      if (strstr (id, w->id) == NULL)
        return FALSE;
      if (g_str_equal (id, w->id))
        {
          w->position = i;
          found++;
        }
    }

  return found == 1;
}

/* Selects @control_id the way a user does: search, then activate the row. */
static GapAssessment *
select_control (Fixture    *f,
                const char *control_id)
{
  FindWait w = { f, control_id, 0 };
  GapAssessment *assessment;

  gtk_editable_set_text (f->search_entry, control_id);
  if (!gui_test_wait_until (shown_exactly, &w, 3000))
    g_error ("search “%s” did not settle", control_id);
  gui_test_iterate ();
  assessment = shown_item (f, w.position);
  g_signal_emit_by_name (f->list_view, "activate", w.position);
  gui_test_iterate ();
  g_assert_true (gap_controls_page_get_selected (f->page) == assessment);
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == assessment);

  return assessment;
}

static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *all = gap_workspace_get_assessments (f->workspace);
  guint total = g_list_model_get_n_items (all);
  guint expected_zh = 0;
  GapAssessment *first;
  GapControlRow *row;
  const char *count_text;

  /* Clauses 4–10 and the 93 controls of Annex A, in catalog order, with
   * the first row of each group carrying its heading. */
  g_assert_cmpuint (total, >, 93);
  g_assert_cmpuint (n_shown (f), ==, total);
  first = shown_item (f, 0);
  {
    g_autoptr(GapAssessment) catalog_first = g_list_model_get_item (all, 0);

    g_assert_true (first == catalog_first);
  }
  row = gui_test_find_control_row (GTK_WIDGET (f->list_view), first);
  g_assert_nonnull (row);
  g_assert_true (gap_control_row_get_heading_visible (row));
  row = gui_test_find_control_row (GTK_WIDGET (f->list_view), shown_item (f, 1));
  g_assert_nonnull (row);
  g_assert_false (gap_control_row_get_heading_visible (row));

  /* By ID, case- and width-insensitive: full-width input is what a
   * Chinese input method types. */
  search (f, "A.8.12", 1);
  g_assert_cmpstr (gap_assessment_get_control_id (shown_item (f, 0)), ==, "A.8.12");
  row = gui_test_find_control_row (GTK_WIDGET (f->list_view), shown_item (f, 0));
  g_assert_nonnull (row);
  g_assert_true (gap_control_row_get_heading_visible (row));
  count_text = gtk_label_get_label (page_child (f, "count_label"));
  g_assert_nonnull (strstr (count_text, "1 of"));
  search (f, "", total);
  search (f, "ａ．８．１２", 1);
  g_assert_cmpstr (gap_assessment_get_control_id (shown_item (f, 0)), ==, "A.8.12");

  /* By a Chinese title word: as many as the catalog's titles hold it. */
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (all, i);

      if (strstr (gap_control_get_title (gap_assessment_get_control (a), "zh_TW"), "雲端") != NULL)
        expected_zh++;
    }
  g_assert_cmpuint (expected_zh, >, 0);
  search (f, "雲端", expected_zh);
  for (guint i = 0; i < expected_zh; i++)
    g_assert_nonnull (strstr (gap_control_get_title (gap_assessment_get_control (shown_item (f, i)),
                                                     "zh_TW"), "雲端"));

  /* By an English title word in any case, and two words at once. */
  search (f, "CLOUD SERVICES", expected_zh);
  search (f, "cloud 5.23", 1);
  search (f, "no such control at all", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->list_stack), ==, "empty");
  /* The control being edited (the first, selected when the page opened)
   * stays in the editor while the search hides it; the list selects it
   * again when it shows it. */
  g_assert_null (gap_controls_page_get_selected (f->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "editor_stack")), ==, "editor");
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == first);
  search (f, "", total);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->list_stack), ==, "list");
  g_assert_true (gap_controls_page_get_selected (f->page) == first);

  /* By verdict: a new workspace has nothing covered and everything a gap. */
  gtk_drop_down_set_selected (f->verdict_dropdown, 1 + GAP_VERDICT_COVERED);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_drop_down_set_selected (f->verdict_dropdown, 1 + GAP_VERDICT_GAP);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, gap_analysis_get_counts (f->analysis)->by_verdict[GAP_VERDICT_GAP]);
  g_assert_cmpuint (n_shown (f), ==, total);

  /* By status and responsibility together with a search. */
  gtk_drop_down_set_selected (f->verdict_dropdown, 0);
  gtk_drop_down_set_selected (page_child (f, "status_dropdown"), 1 + GAP_STATUS_IMPLEMENTED);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_drop_down_set_selected (page_child (f, "status_dropdown"), 1 + GAP_STATUS_NOT_ASSESSED);
  gtk_drop_down_set_selected (page_child (f, "responsibility_dropdown"), 1 + GAP_RESPONSIBILITY_ORGANIZATION);
  search (f, "A.8.12", 1);
  gui_test_click (gui_test_find (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "_Clear Filters"));
  search (f, "", total);
}

static void
test_edit_through_editor (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GapAssessment *assessment;
  GapControlRow *row;
  GtkTextBuffer *notes;

  assessment = select_control (f, "A.8.12");
  row = gui_test_find_control_row (GTK_WIDGET (f->list_view), assessment);
  g_assert_nonnull (row);
  g_assert_cmpstr (gap_control_row_get_verdict_text (row), ==, gap_verdict_get_label (GAP_VERDICT_GAP));
  g_assert_true (gtk_widget_has_css_class (row_badge (row), "verdict-gap"));

  /* Status through the editor's combo row: saved at once, badge and counts follow. */
  adw_combo_row_set_selected (editor_child (f, "status_row"), GAP_STATUS_IMPLEMENTED);
  gui_test_iterate ();
  g_assert_cmpint (gap_assessment_get_status (assessment), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpuint (gap_analysis_get_counts (f->analysis)->by_verdict[GAP_VERDICT_COVERED], ==, 1);
  g_assert_cmpstr (gap_control_row_get_verdict_text (row), ==, gap_verdict_get_label (GAP_VERDICT_COVERED));
  g_assert_true (gtk_widget_has_css_class (row_badge (row), "verdict-covered"));
  g_assert_false (gtk_widget_has_css_class (row_badge (row), "verdict-gap"));
  g_assert_cmpstr (gtk_label_get_label (editor_child (f, "verdict_label")), ==,
                   gap_verdict_get_label (GAP_VERDICT_COVERED));

  /* The covered filter now finds it, and keeps the edited item in place
   * when a live change would filter it out. */
  search (f, "", g_list_model_get_n_items (gap_workspace_get_assessments (f->workspace)));
  gtk_drop_down_set_selected (f->verdict_dropdown, 1 + GAP_VERDICT_COVERED);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (gap_controls_page_get_selected (f->page) == assessment);
  adw_combo_row_set_selected (editor_child (f, "status_row"), GAP_STATUS_PLANNED);
  gui_test_iterate ();
  g_assert_cmpint (gap_assessment_get_status (assessment), ==, GAP_STATUS_PLANNED);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == assessment);
  gtk_drop_down_set_selected (f->verdict_dropdown, 1 + GAP_VERDICT_PARTIAL);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_drop_down_set_selected (f->verdict_dropdown, 0);
  gui_test_iterate ();

  /* Text is saved after a pause in typing, not per keystroke. */
  assessment = select_control (f, "A.8.12");
  notes = gtk_text_view_get_buffer (editor_child (f, "notes_view"));
  gtk_text_buffer_set_text (notes, "DLP rollout with 資訊部", -1);
  gui_test_iterate ();
  g_assert_cmpstr (gap_assessment_get_notes (assessment), ==, "");
  g_usleep (600 * G_TIME_SPAN_MILLISECOND);
  gui_test_iterate ();
  g_assert_cmpstr (gap_assessment_get_notes (assessment), ==, "DLP rollout with 資訊部");
  /* … and found by the search at once. */
  search (f, "rollout", 1);
  search (f, "資訊部", 1);

  /* Owner: Enter saves; due date: the row's choice saves. */
  gui_test_enter_text (editor_child (f, "owner_row"), "Alice Chen");
  g_assert_cmpstr (gap_assessment_get_owner (assessment), ==, "Alice Chen");
  g_signal_emit_by_name (editor_child (f, "due_row"), "date-picked", "2027-03-31");
  gui_test_iterate ();
  g_assert_cmpstr (gap_assessment_get_due_date (assessment), ==, "2027-03-31");
  g_assert_cmpstr (gap_date_row_get_date (editor_child (f, "due_row")), ==, "2027-03-31");

  /* Undo in the core shows in the editor. */
  g_assert_true (gap_workspace_undo (f->workspace, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_cmpstr (gap_assessment_get_due_date (assessment), ==, "");
  g_assert_cmpstr (gap_date_row_get_date (editor_child (f, "due_row")), ==, "");

  /* A pending text edit is saved when another control is selected. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor_child (f, "evidence_view")), "DLP policy v2", -1);
  select_control (f, "A.8.11");
  g_assert_cmpstr (gap_assessment_get_evidence (assessment), ==, "DLP policy v2");

  /* Clause requirements: applicability and responsibility are fixed. */
  select_control (f, "4.1");
  g_assert_false (gtk_widget_get_sensitive (editor_child (f, "applicability_row")));
  g_assert_false (gtk_widget_get_sensitive (editor_child (f, "responsibility_row")));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "reasons_group")));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "suggestion_group")));

  /* Reasons for inclusion through their check buttons. */
  assessment = select_control (f, "A.5.1");
  g_assert_true (gtk_widget_get_visible (editor_child (f, "reasons_group")));
  gtk_widget_activate (gui_test_find (editor_child (f, "reasons_group"), ADW_TYPE_ACTION_ROW,
                                      gap_reason_get_label (GAP_REASON_LEGAL)));
  gui_test_iterate ();
  g_assert_cmpint (gap_assessment_get_reasons (assessment), ==, GAP_REASON_LEGAL);
}

static void
test_suggestion_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GapSuggestion) expected = NULL;
  GapServiceRecord *azure = gap_workspace_lookup_service (f->workspace, "azure");
  const char *in_use[] = { "azure", NULL };
  GapAssessment *assessment;
  GtkWidget *apply;
  GtkWidget *services;

  assessment = select_control (f, "A.7.1");
  services = editor_child (f, "services_list");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (services), 0));

  /* No service in use: the suggestion is the organization, already applied. */
  apply = editor_child (f, "apply_button");
  g_assert_false (gtk_widget_get_sensitive (apply));

  /* Switching Azure on in the core offers a shared responsibility. */
  g_assert_nonnull (azure);
  g_assert_true (gap_workspace_set_service_in_use (f->workspace, azure, TRUE, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  expected = gap_catalog_suggest (gap_workspace_get_catalog (f->workspace),
                                  gap_assessment_get_control (assessment), in_use);
  g_assert_cmpint (gap_suggestion_get_responsibility (expected), ==, GAP_RESPONSIBILITY_SHARED);
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (services), 0));
  g_assert_nonnull (strstr (gtk_label_get_label (editor_child (f, "suggestion_title")),
                            gap_responsibility_get_label (GAP_RESPONSIBILITY_SHARED)));

  gui_test_click (apply);
  g_assert_cmpint (gap_assessment_get_responsibility (assessment), ==, GAP_RESPONSIBILITY_SHARED);
  g_assert_cmpuint (g_strv_length ((char **) gap_assessment_get_services (assessment)), ==, 1);
  g_assert_cmpstr (gap_assessment_get_services (assessment)[0], ==, "azure");
  g_assert_false (gtk_widget_get_sensitive (apply));
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (f, "responsibility_row")), ==,
                    GAP_RESPONSIBILITY_SHARED);
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (gui_test_find (services, GTK_TYPE_CHECK_BUTTON, NULL))));

  /* One undo takes back both, responsibility and services, in the editor;
   * Azure stays in use (the step before). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  gui_test_iterate ();
  g_assert_cmpint (gap_assessment_get_responsibility (assessment), ==, GAP_RESPONSIBILITY_ORGANIZATION);
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (f, "responsibility_row")), ==,
                    GAP_RESPONSIBILITY_ORGANIZATION);
  g_assert_null (gap_assessment_get_services (assessment)[0]);
  g_assert_true (gap_service_record_get_in_use (azure));
  g_assert_false (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (gui_test_find (services, GTK_TYPE_CHECK_BUTTON, NULL))));
  g_assert_true (gtk_widget_get_sensitive (apply));

  /* Ticking the service by hand saves it. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (services), 0)));
  gui_test_iterate ();
  g_assert_cmpstr (gap_assessment_get_services (assessment)[0], ==, "azure");

  /* Inherited from Azure, whose certificate has no audit date: at risk, and
   * the editor says which service and why; then why again, once Azure is off. */
  g_assert_true (gap_workspace_set_assessment_enum (f->workspace, assessment,
                                                    GAP_FIELD_RESPONSIBILITY,
                                                    GAP_RESPONSIBILITY_INHERITED, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_cmpint (gap_analysis_get_verdict (f->analysis, assessment), ==, GAP_VERDICT_AT_RISK);
  g_assert_cmpstr (gtk_label_get_label (editor_child (f, "verdict_explanation")), ==,
                   "It relies on Azure, Azure Government, and Azure Germany (Certificate "
                   "unverified: no audit date recorded).");
  g_assert_true (gap_workspace_set_service_in_use (f->workspace, azure, FALSE, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_cmpstr (gtk_label_get_label (editor_child (f, "verdict_explanation")), ==,
                   "It relies on Azure, Azure Government, and Azure Germany (Not in use: this "
                   "makes the control at risk).");
}

static GtkWidget *
back_button (Fixture *f)
{
  GtkWidget *button = gui_test_find (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "Back to the list");

  g_assert_nonnull (button);
  return button;
}

static gboolean
editor_hidden (gpointer data)
{
  Fixture *f = data;

  return !gtk_widget_get_child_visible (f->editor_pane);
}

static void
test_folded_navigation (Fixture       *f,
                        gconstpointer  data)
{
  GapAssessment *assessment;

  g_assert_false (adw_leaflet_get_folded (f->leaflet));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gui_test_iterate ();
  gui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  g_assert_true (adw_leaflet_get_folded (f->leaflet));
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->list_pane);
  /* Once the fold's animation is over, only the list is shown. */
  g_assert_true (gui_test_wait_until (editor_hidden, f, 3000));

  /* Activating a row opens its editor, the back button returns. */
  assessment = select_control (f, "A.5.7");
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->editor_pane);
  g_assert_true (gtk_widget_is_visible (back_button (f)));
  g_assert_nonnull (strstr (gtk_label_get_label (page_child (f, "editor_heading")), "A.5.7"));
  gui_test_click (back_button (f));
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->list_pane);
  g_assert_true (gap_controls_page_get_selected (f->page) == assessment);

  /* A click on a row opens its editor, also on a row the list gave up
   * when a search showed nothing and then had back for another control. */
  {
    guint total = g_list_model_get_n_items (gap_workspace_get_assessments (f->workspace));
    GapControlRow *row;
    g_autoptr(GListModel) controllers = NULL;
    GtkGestureClick *click = NULL;

    search (f, "no such control at all", 0);
    search (f, "", total);
    assessment = shown_item (f, 2);
    row = gui_test_find_control_row (GTK_WIDGET (f->list_view), assessment);
    g_assert_nonnull (row);
    controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          click = GTK_GESTURE_CLICK (controller);
      }
    g_assert_nonnull (click);
    g_signal_emit_by_name (click, "released", 1, 10.0, 10.0);
    gui_test_iterate ();
    g_assert_true (gap_controls_page_get_selected (f->page) == assessment);
    g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->editor_pane);
    gui_test_click (back_button (f));
  }

  /* gap_window_show_control() clears the search and opens the editor. */
  search (f, "no such control at all", 0);
  gap_window_show_control (f->window, "A.8.1");
  gui_test_iterate ();
  g_assert_cmpstr (gap_assessment_get_control_id (gap_controls_page_get_selected (f->page)), ==, "A.8.1");
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->editor_pane);
  g_assert_cmpstr (gtk_editable_get_text (f->search_entry), ==, "");

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gui_test_iterate ();
  gui_test_iterate ();
  g_assert_false (adw_leaflet_get_folded (f->leaflet));
}

static void
test_error_keeps_core_state (Fixture       *f,
                             gconstpointer  data)
{
  GapAssessment *assessment = select_control (f, "A.5.2");
  GtkWindow *dialog;

  /* A closed store refuses every write: the editor says so and shows the
   * value the core kept. */
  gap_workspace_close (f->workspace);
  adw_combo_row_set_selected (editor_child (f, "status_row"), GAP_STATUS_PARTIAL);
  gui_test_iterate ();
  g_assert_cmpint (gap_assessment_get_status (assessment), ==, GAP_STATUS_NOT_ASSESSED);
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (f, "status_row")), ==,
                    GAP_STATUS_NOT_ASSESSED);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Change Could Not Be Saved");
  gtk_window_destroy (dialog);
}

static void
test_saved_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GapWorkspace) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GapAssessment *a;

  select_control (f, "A.5.10");
  adw_combo_row_set_selected (editor_child (f, "status_row"), GAP_STATUS_PARTIAL);
  adw_combo_row_set_selected (editor_child (f, "priority_row"), GAP_PRIORITY_HIGH);
  adw_combo_row_set_selected (editor_child (f, "applicability_row"), GAP_APPLICABILITY_NOT_APPLICABLE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor_child (f, "justification_view")),
                            "No such assets in scope", -1);
  /* Closing the workspace saves what is still being typed. */
  gap_window_close_workspace (f->window);
  gui_test_iterate ();
  g_assert_null (gap_controls_page_get_analysis (f->page));

  reopened = gap_workspace_open (f->file, &error);
  g_assert_no_error (error);
  a = gap_workspace_lookup_assessment (reopened, "A.5.10");
  g_assert_nonnull (a);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_PARTIAL);
  g_assert_cmpint (gap_assessment_get_priority (a), ==, GAP_PRIORITY_HIGH);
  g_assert_cmpint (gap_assessment_get_applicability (a), ==, GAP_APPLICABILITY_NOT_APPLICABLE);
  g_assert_cmpstr (gap_assessment_get_justification (a), ==, "No such assets in scope");
  gap_workspace_close (reopened);
}

/* Types @text as a search and lets the entry's "search-changed" run. */
static void
type_search (Fixture    *f,
             const char *text)
{
  gtk_editable_set_text (f->search_entry, text);
  g_signal_emit_by_name (f->search_entry, "search-changed");
}

/* The real catalog: every query narrows the list to what matches it, and
 * clearing brings everything back. How fast that is, is measured by the
 * search benchmark in tests/bench, not here. */
static void
test_search_queries (Fixture       *f,
                     gconstpointer  data)
{
  guint all = n_shown (f);
  const char *queries[] = { "a", "a.", "a.8", "a.8.1", "雲", "雲端", "security" };
  guint previous = all;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint shown;

      type_search (f, queries[i]);
      gui_test_iterate ();
      shown = n_shown (f);
      g_assert_cmpuint (shown, >, 0);
      g_assert_cmpuint (shown, <=, all);
      /* The first four queries extend each other: never more matches. */
      if (i > 0 && i < 4)
        g_assert_cmpuint (shown, <=, previous);
      previous = shown;
    }

  type_search (f, "");
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, all);

  /* Nothing is assessed yet: no control is covered. */
  gtk_drop_down_set_selected (f->verdict_dropdown, 1 + GAP_VERDICT_COVERED);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_drop_down_set_selected (f->verdict_dropdown, 0);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, all);
}

/* 20,000 items: rows are recycled and scrolling stays smooth. */
static void
test_large_list (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *all = gap_workspace_get_assessments (f->workspace);
  g_autoptr(GListStore) big = g_list_store_new (GAP_TYPE_ASSESSMENT);
  guint n = g_list_model_get_n_items (all);
  GtkAdjustment *vadj;
  g_autoptr(GapAssessment) last = NULL;
  guint expected = 0;

  /* Distinct assessments of the catalog's controls (a list view wants
   * every item once), made with the core's own constructor. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (all, i % n);
      g_autoptr(GapAssessment) copy = _gap_assessment_new (gap_assessment_get_control (a));

      g_list_store_append (big, copy);
      if (strstr (gap_control_get_title (gap_assessment_get_control (a), "zh_TW"), "雲端") != NULL)
        expected++;
    }

  g_object_set (f->filter_model, "model", big, NULL);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 20000);

  type_search (f, "雲端");
  g_assert_cmpuint (n_shown (f), ==, expected);
  gui_test_iterate ();
  type_search (f, "security");
  g_assert_cmpuint (n_shown (f), >, 0);
  gui_test_iterate ();
  type_search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 20000);
  gui_test_iterate ();

  gtk_drop_down_set_selected (f->verdict_dropdown, 1 + GAP_VERDICT_COVERED);
  gui_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_drop_down_set_selected (f->verdict_dropdown, 0);
  gui_test_iterate ();

  /* Scrolling through to the end creates no row per item. */
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->list_view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, 100 * gtk_adjustment_get_page_size (vadj));
  for (int step = 1; step <= 20; step++)
    {
      gtk_adjustment_set_value (vadj, (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj))
                                        * step / 20);
      gui_test_iterate ();
    }
  g_assert_cmpuint (count_rows (GTK_WIDGET (f->list_view)), <, 300);
  /* The last step reached the end of the list. */
  last = g_list_model_get_item (G_LIST_MODEL (big), 19999);
  g_assert_nonnull (gui_test_find_control_row (GTK_WIDGET (f->list_view), last));
}

static void
test_needs_review (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "controls-2013.ismsgap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GapWorkspace) legacy = NULL;
  GapAssessment *a;
  GListModel *all;
  GtkWindow *dialog;
  GtkWidget *review_box;

  /* A 2013 answer, carried over to 2022 by migration, needs review. */
  g_file_delete (file, NULL, NULL);
  legacy = gap_workspace_create (file, GAP_EDITION_2013, "Legacy Org", &error);
  g_assert_no_error (error);
  g_assert_true (gap_workspace_set_assessment_enum (legacy, gap_workspace_lookup_assessment (legacy, "A.12.2.1"),
                                                    GAP_FIELD_STATUS, GAP_STATUS_IMPLEMENTED, &error));
  g_assert_no_error (error);
  gap_workspace_close (legacy);
  g_assert_true (gap_window_open_file (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gap_window_migrate (f->window, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  while ((dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);

  f->workspace = gap_window_get_workspace (f->window);
  g_assert_cmpint (gap_workspace_get_edition (f->workspace), ==, GAP_EDITION_2022);
  all = gap_workspace_get_assessments (f->workspace);
  a = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (all) && a == NULL; i++)
    {
      g_autoptr(GapAssessment) item = g_list_model_get_item (all, i);

      if (gap_assessment_get_needs_review (item))
        a = item;
    }
  g_assert_nonnull (a);

  gap_controls_page_show_assessment (f->page, a);
  gui_test_iterate ();
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == a);
  review_box = editor_child (f, "review_box");
  g_assert_true (gtk_widget_get_visible (review_box));
  gui_test_click (editor_child (f, "review_button"));
  g_assert_false (gap_assessment_get_needs_review (a));
  g_assert_false (gtk_widget_get_visible (review_box));

  /* Undo brings the flag, and the notice, back. */
  g_assert_true (gap_workspace_undo (f->workspace, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_assert_true (gap_assessment_get_needs_review (a));
  g_assert_true (gtk_widget_get_visible (review_box));

  g_file_delete (file, NULL, NULL);
}

static guint
filter_position (Fixture       *f,
                 GapAssessment *assessment)
{
  for (guint i = 0; i < n_shown (f); i++)
    if (shown_item (f, i) == assessment)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
same_group (GapAssessment *a,
            GapAssessment *b)
{
  GapControl *x = gap_assessment_get_control (a);
  GapControl *y = gap_assessment_get_control (b);

  return gap_control_get_kind (x) == gap_control_get_kind (y) &&
         g_strcmp0 (gap_control_get_group_id (x), gap_control_get_group_id (y)) == 0;
}

typedef struct
{
  Fixture    *f;
  GHashTable *seen;   /* GapAssessment* shown by a row */
  guint       rows;
} RowCheck;

/* Every row the list shows stands for what the filter shows at its place:
 * its ID, title, verdict, responsibility tooltip and group heading. */
static void
check_rows (RowCheck  *check,
            GtkWidget *root)
{
  Fixture *f = check->f;

  if (GAP_IS_CONTROL_ROW (root) && gtk_widget_get_mapped (root))
    {
      GapControlRow *row = GAP_CONTROL_ROW (root);
      GapAssessment *a = gap_control_row_get_assessment (row);
      GapControl *control;
      GtkWidget *id_label, *image;
      guint position;
      g_autofree char *tooltip = NULL;
      g_autofree char *expected_tooltip = NULL;

      g_assert_nonnull (a);
      position = filter_position (f, a);
      g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
      g_assert_false (g_hash_table_contains (check->seen, a));
      g_hash_table_add (check->seen, a);
      check->rows++;

      control = gap_assessment_get_control (a);
      id_label = gui_test_find_with_class (root, GTK_TYPE_LABEL, "gap-row-id");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (id_label)), ==, gap_control_get_id (control));
      g_assert_cmpstr (gap_control_row_get_title_text (row), ==, gap_control_get_title (control, NULL));
      g_assert_cmpstr (gap_control_row_get_verdict_text (row), ==,
                       gap_verdict_get_label (gap_analysis_get_verdict (f->analysis, a)));
      g_assert_cmpuint (gap_control_row_get_heading_visible (row), ==,
                        position == 0 || !same_group (shown_item (f, position - 1), a));

      /* The tooltip is given when asked for, not set at each bind (which
       * makes GTK query the pointer). */
      image = gui_test_find (root, GTK_TYPE_IMAGE, NULL);
      g_assert_nonnull (image);
      g_assert_true (gtk_widget_get_has_tooltip (image));
      g_assert_null (gtk_widget_get_tooltip_text (image));
      tooltip = gap_control_row_dup_tooltip_text (row);
      expected_tooltip = g_strdup_printf ("Responsibility: %s",
                                          gap_responsibility_get_label (gap_assessment_get_responsibility (a)));
      g_assert_cmpstr (tooltip, ==, expected_tooltip);
      return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_rows (check, c);
}

static void
check_list (Fixture *f)
{
  RowCheck check = { f, g_hash_table_new (NULL, NULL), 0 };
  GListModel *list_model = G_LIST_MODEL (gtk_list_view_get_model (f->list_view));

  gui_test_iterate ();
  /* As many places in the list as the filter shows. */
  g_assert_cmpuint (g_list_model_get_n_items (list_model), ==, n_shown (f));
  check_rows (&check, GTK_WIDGET (f->list_view));
  g_assert_cmpuint (check.rows, ==, MIN (n_shown (f), check.rows));
  if (n_shown (f) > 0)
    {
      g_assert_cmpuint (check.rows, >, 0);
      g_assert_nonnull (gui_test_find_control_row (GTK_WIDGET (f->list_view), shown_item (f, 0)));
    }
  g_hash_table_unref (check.seen);

  /* The selection, the editor and the page agree: the list selects the
   * control in the editor where it shows it, and nothing where not. */
  if (filter_position (f, gap_assessment_editor_get_assessment (f->editor)) != GTK_INVALID_LIST_POSITION)
    g_assert_true (gap_controls_page_get_selected (f->page) ==
                   gap_assessment_editor_get_assessment (f->editor));
  else
    g_assert_null (gap_controls_page_get_selected (f->page));
}

/* How many controls hold @text (one word, folded) in their ID, titles,
 * owner or notes: what the search should show. */
static guint
count_matching (Fixture    *f,
                const char *text)
{
  GListModel *all = gap_workspace_get_assessments (f->workspace);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  guint n = 0;

  for (guint j = 0; j < g_list_model_get_n_items (all); j++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (all, j);
      GapControl *c = gap_assessment_get_control (a);
      g_autofree char *key = g_strjoin ("\n", gap_control_get_id (c),
                                        gap_control_get_title (c, "en"),
                                        gap_control_get_title (c, "zh_TW"),
                                        gap_assessment_get_owner (a),
                                        gap_assessment_get_notes (a), NULL);
      g_autofree char *folded_key = g_utf8_casefold (key, -1);

      if (strstr (folded_key, folded) != NULL)
        n++;
    }

  return n;
}

/* GTK 4.8 makes new rows when the filter changes which controls are
 * shown; the page keeps its rows and binds them again in place. Typing on,
 * deleting and searching anew must still show exactly the filter's
 * controls, and keep the control being edited selected where it is. */
static void
test_rows_follow_filter (Fixture       *f,
                         gconstpointer  data)
{
  guint total = n_shown (f);
  const char *typed[] = { "a", "a.", "a.8", "a.8.1", "a.8.", "a.", "", "雲", "雲端", "",
                          "5.2", "8.1", "", "b" };
  GapAssessment *edited;
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->list_view));

  check_list (f);
  /* From the end of the list: a search shows its results from the top. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  gui_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, gtk_adjustment_get_lower (vadjustment));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      search (f, typed[i], count_matching (f, typed[i]));
      check_list (f);
      g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==,
                         gtk_adjustment_get_lower (vadjustment));
    }
  search (f, "", total);

  /* The control being edited stays selected while the list around it
   * changes, and the one gone from it gives way to one shown. */
  edited = select_control (f, "A.8.7");
  search (f, "A.8", count_matching (f, "a.8"));
  check_list (f);
  g_assert_true (gap_controls_page_get_selected (f->page) == edited);
  search (f, "", total);
  check_list (f);
  g_assert_true (gap_controls_page_get_selected (f->page) == edited);
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == edited);
  search (f, "A.5.1", count_matching (f, "a.5.1"));
  check_list (f);
  g_assert_null (gap_controls_page_get_selected (f->page));
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == edited);
}

static void
row_finalized_cb (gpointer  data,
                  GObject  *row)
{
  (*(guint *) data)++;
}

/* A search that shows fewer controls gives the list's rows back to the
 * page, and clearing it takes the same rows again: none is disposed and
 * made anew. (GTK 4.8 takes a list item's child away before ::teardown,
 * which once made every row of a narrowing search be disposed.) */
static void
test_rows_kept (Fixture       *f,
                gconstpointer  data)
{
  guint total = n_shown (f);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  guint finalized = 0;

  gui_test_collect (GTK_WIDGET (f->list_view), GAP_TYPE_CONTROL_ROW, before);
  g_assert_cmpuint (before->len, >, 20);
  for (guint i = 0; i < before->len; i++)
    g_object_weak_ref (before->pdata[i], row_finalized_cb, &finalized);

  search (f, "A.8.1", count_matching (f, "a.8.1"));
  check_list (f);
  g_assert_cmpuint (finalized, ==, 0);
  search (f, "", total);
  check_list (f);
  g_assert_cmpuint (finalized, ==, 0);

  gui_test_collect (GTK_WIDGET (f->list_view), GAP_TYPE_CONTROL_ROW, after);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, after->pdata[i], NULL));
  for (guint i = 0; i < before->len; i++)
    g_object_weak_unref (before->pdata[i], row_finalized_cb, &finalized);
}

/* How many controls a search for @word in the Chinese titles finds. */
static guint
n_shown_for (Fixture    *f,
             const char *word)
{
  GListModel *all = gap_workspace_get_assessments (f->workspace);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (all, i);

      if (strstr (gap_control_get_title (gap_assessment_get_control (a), "zh_TW"), word) != NULL)
        n++;
    }
  return n;
}

/* A search that hides the control being edited leaves it in the editor,
 * which still edits that control; the list selects nothing until a row is
 * chosen or the control is shown again. Folded, the back button still
 * returns to the list. */
static void
test_editor_keeps_filtered_out (Fixture       *f,
                                gconstpointer  data)
{
  GapAssessment *kept, *other;

  kept = select_control (f, "A.8.12");
  search (f, "雲端", n_shown_for (f, "雲端"));
  g_assert_cmpuint (n_shown (f), >, 0);
  g_assert_null (gap_controls_page_get_selected (f->page));
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == kept);
  g_assert_nonnull (strstr (gtk_label_get_label (page_child (f, "editor_heading")), "A.8.12"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "editor_stack")), ==, "editor");

  /* An edit goes to the control in the editor, which stays hidden. */
  adw_combo_row_set_selected (editor_child (f, "status_row"), GAP_STATUS_PLANNED);
  gui_test_iterate ();
  g_assert_cmpint (gap_assessment_get_status (kept), ==, GAP_STATUS_PLANNED);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_assert_true (shown_item (f, i) != kept);
      g_assert_cmpint (gap_assessment_get_status (shown_item (f, i)), ==, GAP_STATUS_NOT_ASSESSED);
    }
  g_assert_null (gap_controls_page_get_selected (f->page));

  /* Choosing a shown control edits that one. */
  other = shown_item (f, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (f->list_view)), 0);
  gui_test_iterate ();
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == other);
  g_assert_true (gap_controls_page_get_selected (f->page) == other);

  /* Folded: the editor opened, a search run from the list hides its
   * control, and the editor and its back button still work. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gui_test_iterate ();
  gui_test_iterate ();
  g_assert_true (adw_leaflet_get_folded (f->leaflet));
  kept = select_control (f, "A.5.7");
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->editor_pane);
  gui_test_click (back_button (f));
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->list_pane);
  search (f, "A.8.12", 1);
  g_assert_null (gap_controls_page_get_selected (f->page));
  g_assert_true (gap_assessment_editor_get_assessment (f->editor) == kept);
  g_assert_true (adw_leaflet_get_visible_child (f->leaflet) == f->list_pane);
  search (f, "", g_list_model_get_n_items (gap_workspace_get_assessments (f->workspace)));
  g_assert_true (gap_controls_page_get_selected (f->page) == kept);
}

/* ---- the filter against a plain recomputation ---- */

static char *
fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized, -1);
}

/* What the page should show: every assessment, in the workspace's order,
 * whose ID, titles, owner and notes hold every word of @query and whose
 * values are those of @wanted (-1 for any). */
static GPtrArray *
expected_shown (Fixture    *f,
                const char *query,
                const int   wanted[4])
{
  GListModel *all = gap_workspace_get_assessments (f->workspace);
  g_autofree char *folded = fold_text (query);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (all, i);
      GapControl *c = gap_assessment_get_control (a);
      g_autofree char *text = g_strjoin ("\n", gap_control_get_id (c),
                                         gap_control_get_title (c, "en"),
                                         gap_control_get_title (c, "zh_TW"),
                                         gap_assessment_get_owner (a),
                                         gap_assessment_get_notes (a), NULL);
      g_autofree char *key = fold_text (text);
      int values[4] = {
        gap_analysis_get_verdict (f->analysis, a),
        gap_assessment_get_responsibility (a),
        gap_assessment_get_status (a),
        gap_assessment_get_applicability (a),
      };
      gboolean match = TRUE;

      for (guint w = 0; words[w] != NULL && match; w++)
        match = strstr (key, words[w]) != NULL;
      for (guint v = 0; v < 4 && match; v++)
        match = wanted[v] < 0 || values[v] == wanted[v];
      if (match)
        g_ptr_array_add (shown, a);   /* the workspace holds it */
    }

  return shown;
}

static void
assert_shown (Fixture    *f,
              const char *query,
              const int   wanted[4])
{
  g_autoptr(GPtrArray) expected = expected_shown (f, query, wanted);
  GListModel *list_model = G_LIST_MODEL (gtk_list_view_get_model (f->list_view));

  if (n_shown (f) != expected->len)
    g_error ("“%s” (%d %d %d %d): %u shown, %u expected", query,
             wanted[0], wanted[1], wanted[2], wanted[3], n_shown (f), expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (shown_item (f, i) == expected->pdata[i]);
  g_assert_cmpuint (g_list_model_get_n_items (list_model), ==, expected->len);
}

/* A piece of one of @a's texts, a character to four long, sometimes in
 * capitals. */
static char *
random_word (GapAssessment *a)
{
  GapControl *c = gap_assessment_get_control (a);
  const char *texts[] = {
    gap_control_get_id (c), gap_control_get_title (c, "en"), gap_control_get_title (c, "zh_TW"),
    gap_assessment_get_owner (a), gap_assessment_get_notes (a),
  };
  const char *text = texts[g_test_rand_int_range (0, G_N_ELEMENTS (texts))];
  glong n = text != NULL ? g_utf8_strlen (text, -1) : 0;
  glong start, length;
  g_autofree char *word = NULL;

  if (n == 0)
    return g_strdup ("zq");
  start = g_test_rand_int_range (0, n);
  /* Drawn before MIN(), which would evaluate it twice. */
  length = g_test_rand_int_range (1, 5);
  length = MIN (n - start, length);
  word = g_utf8_substring (text, start, start + length);
  g_strstrip (word);
  if (g_test_rand_bit ())
    return g_utf8_strup (word, -1);
  return g_steal_pointer (&word);
}

static gboolean
page_has_analysis (gpointer data)
{
  Fixture *f = data;

  return gap_controls_page_get_analysis (f->page) == f->analysis;
}

/* Random searches typed a key at a time, and deleted again, under random
 * dropdown values, with edits in between: after every keystroke the page
 * shows exactly what a plain recomputation over the workspace finds. The
 * demo workspace has owners, notes and every verdict. */
static void
test_filter_recomputation (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "controls-demo.ismsgap", NULL);
  g_autoptr(GFile) demo = g_file_new_for_path (path);
  GtkDropDown *dropdowns[4] = {
    f->verdict_dropdown, page_child (f, "responsibility_dropdown"),
    page_child (f, "status_dropdown"), page_child (f, "applicability_dropdown"),
  };
  GListModel *all;
  guint n_all;

  g_file_delete (demo, NULL, NULL);
  g_object_unref (gap_workspace_create_demo (demo, &error));
  g_assert_no_error (error);
  g_assert_true (gap_window_open_file (f->window, demo, &error));
  g_assert_no_error (error);
  gap_window_show_page (f->window, "controls");
  f->workspace = gap_window_get_workspace (f->window);
  f->analysis = gap_window_get_analysis (f->window);
  if (!gui_test_wait_until (page_has_analysis, f, 3000))
    g_error ("the page did not take the demo's analysis");
  gui_test_iterate ();
  all = gap_workspace_get_assessments (f->workspace);
  n_all = g_list_model_get_n_items (all);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (all, g_test_rand_int_range (0, n_all));
      g_autofree char *first = random_word (a);
      g_autofree char *query = NULL;
      int wanted[4];
      glong n;

      /* Mostly any: four random values together rarely match anything. */
      for (guint v = 0; v < 4; v++)
        {
          guint n_values = g_list_model_get_n_items (gtk_drop_down_get_model (dropdowns[v]));

          wanted[v] = g_test_rand_int_range (0, 3) == 0 ? g_test_rand_int_range (0, n_values - 1) : -1;
          gtk_drop_down_set_selected (dropdowns[v], wanted[v] + 1);
        }

      if (g_test_rand_bit ())
        {
          g_autoptr(GapAssessment) b = g_list_model_get_item (all, g_test_rand_int_range (0, n_all));
          g_autofree char *second = random_word (b);

          query = g_strconcat (first, " ", second, NULL);
        }
      else
        query = g_strdup (first);

      n = g_utf8_strlen (query, -1);
      for (glong i = 0; i <= n; i++)
        {
          g_autofree char *typed = g_utf8_substring (query, 0, i);

          type_search (f, typed);
          assert_shown (f, typed, wanted);
        }
      for (glong i = n - 1; i >= 0; i--)
        {
          g_autofree char *typed = g_utf8_substring (query, 0, i);

          type_search (f, typed);
          assert_shown (f, typed, wanted);
        }

      /* An edit the filter has to see at the next search. */
      if (round % 4 == 3)
        {
          g_autoptr(GapAssessment) edited = g_list_model_get_item (all, g_test_rand_int_range (0, n_all));

          if (gap_control_get_kind (gap_assessment_get_control (edited)) != GAP_CONTROL_KIND_CLAUSE)
            {
              gap_workspace_set_assessment_enum (f->workspace, edited, GAP_FIELD_STATUS,
                                                 g_test_rand_int_range (0, 6), &error);
              g_assert_no_error (error);
            }
          gap_workspace_set_assessment_string (f->workspace, edited, GAP_FIELD_OWNER, first, &error);
          g_assert_no_error (error);
          gui_test_iterate ();
        }
    }

  gui_test_click (gui_test_find (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "_Clear Filters"));
  type_search (f, "");
  g_assert_cmpuint (n_shown (f), ==, n_all);
  g_file_delete (demo, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gui_test_init (&argc, &argv);
  app = gui_test_application_new ();

#define ADD(path, func) \
  g_test_add ("/gui/controls/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("search-and-filter", test_search_and_filter);
  ADD ("edit", test_edit_through_editor);
  ADD ("suggestion-and-undo", test_suggestion_and_undo);
  ADD ("folded", test_folded_navigation);
  ADD ("error", test_error_keeps_core_state);
  ADD ("needs-review", test_needs_review);
  ADD ("saved-file", test_saved_file);
  ADD ("search-queries", test_search_queries);
  ADD ("large-list", test_large_list);
  ADD ("rows-follow-filter", test_rows_follow_filter);
  ADD ("rows-kept", test_rows_kept);
  ADD ("filter-recomputation", test_filter_recomputation);
  ADD ("editor-keeps-filtered-out", test_editor_keeps_filtered_out);
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
