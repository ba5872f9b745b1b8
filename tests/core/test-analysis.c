/* test-analysis.c — the live analysis against a recomputation from scratch
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A seeded random sequence of edits of every kind (assessment fields,
 * services in use, certificate dates, custom providers); after each one the
 * incrementally updated analysis must equal a new analysis of the same
 * workspace: verdicts, counts, group counts and the four lists, in order.
 */

#include "config.h"

#include "core-test-util.h"
#include "gap-analysis-private.h"

#define N_EDITS 1200
#define SEED    20261129

typedef struct
{
  char         *dir;
  GapWorkspace *workspace;
  GapAnalysis  *analysis;
  GDate         today;
  guint         n_changed;
} Fixture;

static void
on_changed (GapAnalysis *analysis,
            Fixture     *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GapEdition edition = GPOINTER_TO_INT (data);

  f->dir = core_tmp_dir_new ();
  f->workspace = core_workspace_new (f->dir, "analysis.ismsgap", edition);
  core_date_set (&f->today, "2026-06-15");
  core_setup_services (f->workspace, &f->today);
  f->analysis = gap_analysis_new (f->workspace);
  gap_analysis_set_today (f->analysis, &f->today);
  g_signal_connect (f->analysis, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->analysis);
  gap_workspace_close (f->workspace);
  g_clear_object (&f->workspace);
  core_tmp_dir_free (f->dir);
}

static void
assert_same_list (GListModel *a,
                  GListModel *b,
                  const char *what,
                  guint       step)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    g_error ("step %u: %s has %u items, recomputed %u", step, what, n, g_list_model_get_n_items (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      if (x != y)
        g_error ("step %u: %s differs at %u", step, what, i);
    }
}

static void
assert_same_counts (const GapCounts *a,
                    const GapCounts *b,
                    const char      *what,
                    guint            step)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  if (memcmp (a, b, sizeof *a) != 0)
    g_error ("step %u: counts of %s differ (covered %u/%u, applicable %u/%u)", step, what,
             a->by_verdict[GAP_VERDICT_COVERED], b->by_verdict[GAP_VERDICT_COVERED],
             a->applicable, b->applicable);
}

/* The incremental analysis equals one computed from scratch. */
static void
assert_like_fresh (Fixture *f,
                   guint    step)
{
  g_autoptr(GapAnalysis) fresh = gap_analysis_new (f->workspace);
  GListModel *assessments = gap_workspace_get_assessments (f->workspace);
  GapCatalog *catalog = gap_workspace_get_catalog (f->workspace);
  GListModel *groups = gap_catalog_get_groups (catalog, gap_workspace_get_edition (f->workspace));
  guint n = g_list_model_get_n_items (assessments);
  GapCounts sum = { 0 };

  gap_analysis_set_today (fresh, &f->today);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, i);
      GapVerdict v = gap_analysis_get_verdict (f->analysis, a);

      if (v != gap_analysis_get_verdict (fresh, a))
        g_error ("step %u: %s is %s, recomputed %s", step, gap_assessment_get_control_id (a),
                 gap_verdict_to_string (v), gap_verdict_to_string (gap_analysis_get_verdict (fresh, a)));
      g_assert_cmpint (v, ==, gap_verdict_compute (f->workspace, a, &f->today));
    }

  assert_same_counts (gap_analysis_get_counts (f->analysis), gap_analysis_get_counts (fresh),
                      "the workspace", step);

  /* The groups partition the controls: their counts add up to the total. */
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      const GapCounts *c = gap_analysis_get_group_counts (f->analysis, gap_group_get_id (group));

      assert_same_counts (c, gap_analysis_get_group_counts (fresh, gap_group_get_id (group)),
                          gap_group_get_id (group), step);
      sum.total += c->total;
      sum.applicable += c->applicable;
      for (guint v = 0; v < GAP_N_VERDICTS; v++)
        sum.by_verdict[v] += c->by_verdict[v];
      for (guint r = 0; r < 3; r++)
        sum.by_responsibility[r] += c->by_responsibility[r];
    }
  assert_same_counts (&sum, gap_analysis_get_counts (fresh), "all groups together", step);
  g_assert_cmpuint (sum.total, ==, n);

  assert_same_list (gap_analysis_get_open_gaps (f->analysis), gap_analysis_get_open_gaps (fresh),
                    "open gaps", step);
  assert_same_list (gap_analysis_get_at_risk (f->analysis), gap_analysis_get_at_risk (fresh),
                    "at risk", step);
  assert_same_list (gap_analysis_get_unjustified (f->analysis),
                    gap_analysis_get_unjustified (fresh), "unjustified", step);
  assert_same_list (gap_analysis_get_certificate_warnings (f->analysis),
                    gap_analysis_get_certificate_warnings (fresh), "certificate warnings", step);
}

static const char * const catalog_pool[] = {
  CORE_CURRENT, CORE_BEST_OF, CORE_STALE, CORE_UNVERIFIED, CORE_EXPIRED, CORE_NOT_IN_USE,
  "stream", "power-bi",
};

/* The catalog pool plus the custom providers there are now. */
static GPtrArray *
service_pool (GapWorkspace *workspace)
{
  GPtrArray *pool = g_ptr_array_new ();
  GListModel *services = gap_workspace_get_services (workspace);

  for (guint i = 0; i < G_N_ELEMENTS (catalog_pool); i++)
    g_ptr_array_add (pool, (gpointer) catalog_pool[i]);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);

      if (gap_service_record_get_is_custom (record))
        g_ptr_array_add (pool, (gpointer) gap_service_record_get_id (record));
    }

  return pool;
}

static GPtrArray *
custom_providers (GapWorkspace *workspace)
{
  GPtrArray *customs = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *services = gap_workspace_get_services (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);

      if (gap_service_record_get_is_custom (record))
        g_ptr_array_add (customs, g_object_ref (record));
    }

  return customs;
}

static char *
random_date (GRand       *rand,
             const GDate *today)
{
  if (g_rand_int_range (rand, 0, 5) == 0)
    return g_strdup ("");
  return core_date_offset (today, g_rand_int_range (rand, -500, 400));
}

static void
edit_assessment (Fixture *f,
                 GRand   *rand)
{
  GListModel *assessments = gap_workspace_get_assessments (f->workspace);
  guint n = g_list_model_get_n_items (assessments);
  /* Mostly a few controls around the clause/Annex A border, so that edits
   * pile up on the same ones (shared, with services, not applicable…);
   * sometimes any control. */
  guint index = g_rand_int_range (rand, 0, 5) == 0 ? (guint) g_rand_int_range (rand, 0, n)
                                                   : (guint) g_rand_int_range (rand, 26, 50);
  g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, index);
  gboolean clause = gap_control_get_kind (gap_assessment_get_control (a)) == GAP_CONTROL_KIND_CLAUSE;
  static const char * const texts[] = { NULL, "", " \u3000", "Reason", "Another reason" };
  g_autoptr(GError) error = NULL;
  /* The fields that move verdicts, twice as often as the others. */
  static const GapAssessmentField weighted[] = {
    GAP_FIELD_APPLICABILITY, GAP_FIELD_JUSTIFICATION, GAP_FIELD_RESPONSIBILITY,
    GAP_FIELD_SERVICES, GAP_FIELD_STATUS, GAP_FIELD_PRIORITY, GAP_FIELD_DUE_DATE,
  };
  GapAssessmentField field = g_rand_boolean (rand)
                             ? weighted[g_rand_int_range (rand, 0, G_N_ELEMENTS (weighted))]
                             : (GapAssessmentField) g_rand_int_range (rand, 0, GAP_N_ASSESSMENT_FIELDS);

  /* Clause requirements take no exclusion, inheritance or services. */
  if (clause && (field == GAP_FIELD_APPLICABILITY || field == GAP_FIELD_RESPONSIBILITY ||
                 field == GAP_FIELD_SERVICES))
    field = GAP_FIELD_STATUS;

  switch (field)
    {
    case GAP_FIELD_APPLICABILITY:
      gap_workspace_set_assessment_enum (f->workspace, a, field, g_rand_int_range (rand, 0, 2), &error);
      break;
    case GAP_FIELD_RESPONSIBILITY:
      gap_workspace_set_assessment_enum (f->workspace, a, field, g_rand_int_range (rand, 0, 3), &error);
      break;
    case GAP_FIELD_STATUS:
      gap_workspace_set_assessment_enum (f->workspace, a, field, g_rand_int_range (rand, 0, 6), &error);
      break;
    case GAP_FIELD_PRIORITY:
      gap_workspace_set_assessment_enum (f->workspace, a, field, g_rand_int_range (rand, 0, 5), &error);
      break;
    case GAP_FIELD_REASONS:
      gap_workspace_set_assessment_enum (f->workspace, a, field, g_rand_int_range (rand, 0, 32), &error);
      break;
    case GAP_FIELD_NEEDS_REVIEW:
      gap_workspace_set_assessment_enum (f->workspace, a, field, g_rand_int_range (rand, 0, 2), &error);
      break;
    case GAP_FIELD_DUE_DATE:
      {
        g_autofree char *date = random_date (rand, &f->today);
        gap_workspace_set_assessment_string (f->workspace, a, field, date, &error);
      }
      break;
    case GAP_FIELD_SERVICES:
      {
        g_autoptr(GPtrArray) pool = service_pool (f->workspace);
        g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
        guint k = g_rand_int_range (rand, 0, 4);

        for (guint i = 0; i < k; i++)
          {
            const char *id = g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len));
            if (!g_ptr_array_find_with_equal_func (chosen, id, g_str_equal, NULL))
              g_ptr_array_add (chosen, (gpointer) id);
          }
        g_ptr_array_add (chosen, NULL);
        gap_workspace_set_assessment_services (f->workspace, a, (const char * const *) chosen->pdata,
                                               &error);
      }
      break;
    case GAP_FIELD_JUSTIFICATION:
    case GAP_FIELD_OWNER:
    case GAP_FIELD_EVIDENCE:
    case GAP_FIELD_NOTES:
    default:
      gap_workspace_set_assessment_string (f->workspace, a, field,
                                           texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
                                           &error);
      break;
    }

  g_assert_no_error (error);
}

static void
edit_services (Fixture *f,
               GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customs = custom_providers (f->workspace);
  int kind = g_rand_int_range (rand, 0, 10);

  if (kind < 4)
    {
      g_autoptr(GPtrArray) pool = service_pool (f->workspace);
      GapServiceRecord *record =
        gap_workspace_lookup_service (f->workspace,
                                      g_ptr_array_index (pool, g_rand_int_range (rand, 0, pool->len)));

      gap_workspace_set_service_in_use (f->workspace, record,
                                        !gap_service_record_get_in_use (record), &error);
    }
  else if (kind < 7)
    {
      GListModel *certificates = gap_workspace_get_certificates (f->workspace);
      g_autoptr(GapCertificate) certificate =
        g_list_model_get_item (certificates,
                               g_rand_int_range (rand, 0, g_list_model_get_n_items (certificates)));
      g_autofree char *date = random_date (rand, &f->today);

      gap_workspace_set_certificate_field (f->workspace, certificate,
                                           g_rand_boolean (rand) ? GAP_CERTIFICATE_FIELD_LAST_AUDIT
                                                                 : GAP_CERTIFICATE_FIELD_EXPIRY,
                                           date, &error);
    }
  else if (kind < 8 || customs->len == 0)
    {
      if (customs->len < 4)
        gap_workspace_add_custom_provider (f->workspace, "Colocation",
                                           g_rand_int_range (rand, 0, 16), &error);
    }
  else if (kind < 9)
    {
      gap_workspace_remove_custom_provider (f->workspace,
                                            g_ptr_array_index (customs,
                                                               g_rand_int_range (rand, 0, customs->len)),
                                            &error);
    }
  else
    {
      gap_workspace_update_custom_provider (f->workspace,
                                            g_ptr_array_index (customs,
                                                               g_rand_int_range (rand, 0, customs->len)),
                                            "Renamed", g_rand_int_range (rand, 0, 16), &error);
    }

  g_assert_no_error (error);
}

static void
test_random_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  guint verdicts_seen[GAP_N_VERDICTS] = { 0 };

  assert_like_fresh (f, 0);

  for (guint step = 1; step <= N_EDITS; step++)
    {
      int what = g_rand_int_range (rand, 0, 100);

      if (what < 70)
        {
          edit_assessment (f, rand);
        }
      else if (what < 98)
        {
          edit_services (f, rand);
        }
      else
        {
          /* Another day: certificates age. */
          g_date_add_days (&f->today, g_rand_int_range (rand, 1, 120));
          gap_analysis_set_today (f->analysis, &f->today);
        }

      assert_like_fresh (f, step);

      for (guint v = 0; v < GAP_N_VERDICTS; v++)
        verdicts_seen[v] += gap_analysis_get_counts (f->analysis)->by_verdict[v] > 0;
    }

  /* The sequence went through every verdict. */
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    g_assert_cmpuint (verdicts_seen[v], >, 0);

  /* And the test recomputation agrees with itself. */
  _gap_analysis_recompute (f->analysis);
  assert_like_fresh (f, N_EDITS + 1);
}

typedef struct
{
  guint removed;
  guint added;
  guint signals;
} ListChanges;

static void
on_items_changed (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  ListChanges *changes)
{
  changes->removed += removed;
  changes->added += added;
  changes->signals++;
}

/* A list changes where it must and nowhere else. */
static void
test_precise_lists (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *open = gap_analysis_get_open_gaps (f->analysis);
  GListModel *at_risk = gap_analysis_get_at_risk (f->analysis);
  ListChanges open_changes = { 0 };
  ListChanges risk_changes = { 0 };
  g_autoptr(GError) error = NULL;
  GapAssessment *a = gap_workspace_lookup_assessment (f->workspace, "A.5.9");
  GapAssessment *b = gap_workspace_lookup_assessment (f->workspace, "A.8.1");
  const char *stale[] = { CORE_STALE, NULL };
  guint before;

  g_signal_connect (open, "items-changed", G_CALLBACK (on_items_changed), &open_changes);
  g_signal_connect (at_risk, "items-changed", G_CALLBACK (on_items_changed), &risk_changes);

  /* Nothing assessed: every control is an open gap, in catalog order. */
  g_assert_cmpuint (g_list_model_get_n_items (open), ==,
                    g_list_model_get_n_items (gap_workspace_get_assessments (f->workspace)));

  /* Every update is announced. */
  before = f->n_changed;
  gap_workspace_set_assessment_string (f->workspace, b, GAP_FIELD_OWNER, "someone", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, before + 1);

  /* Notes change no verdict and no sort key. */
  gap_workspace_set_assessment_string (f->workspace, a, GAP_FIELD_NOTES, "a note", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_changes.signals, ==, 0);

  /* Priority moves one item: one out, one in. */
  gap_workspace_set_assessment_enum (f->workspace, a, GAP_FIELD_PRIORITY, GAP_PRIORITY_HIGH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_changes.removed, ==, 1);
  g_assert_cmpuint (open_changes.added, ==, 1);
  {
    g_autoptr(GapAssessment) first = g_list_model_get_item (open, 0);
    g_assert_true (first == a);
  }

  /* A second high priority with a due date goes before it; one without
   * stays after it. */
  gap_workspace_set_assessment_string (f->workspace, b, GAP_FIELD_DUE_DATE, "2026-07-01", &error);
  g_assert_no_error (error);
  gap_workspace_set_assessment_enum (f->workspace, b, GAP_FIELD_PRIORITY, GAP_PRIORITY_HIGH, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GapAssessment) first = g_list_model_get_item (open, 0);
    g_autoptr(GapAssessment) second = g_list_model_get_item (open, 1);
    g_assert_true (first == b);
    g_assert_true (second == a);
  }

  /* Covered: it leaves the open gaps, and only that happens. */
  before = open_changes.signals;
  gap_workspace_set_assessment_enum (f->workspace, a, GAP_FIELD_STATUS, GAP_STATUS_IMPLEMENTED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_changes.signals, ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (at_risk), ==, 0);

  /* Leaning on a stale certificate puts it at risk and back in the gaps. */
  gap_workspace_set_assessment_enum (f->workspace, a, GAP_FIELD_RESPONSIBILITY,
                                     GAP_RESPONSIBILITY_SHARED, &error);
  g_assert_no_error (error);
  gap_workspace_set_assessment_services (f->workspace, a, stale, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (at_risk), ==, 1);
  g_assert_cmpuint (risk_changes.added, ==, 1);
  g_assert_cmpint (gap_analysis_get_verdict (f->analysis, a), ==, GAP_VERDICT_AT_RISK);

  /* A newer audit of that certificate: covered again, through
   * "services-changed" alone. */
  {
    g_autofree char *recent = core_date_offset (&f->today, -5);
    gap_workspace_set_certificate_field (f->workspace,
                                         gap_workspace_lookup_certificate (f->workspace, "azure"),
                                         GAP_CERTIFICATE_FIELD_LAST_AUDIT, recent, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (gap_analysis_get_verdict (f->analysis, a), ==, GAP_VERDICT_COVERED);
  g_assert_cmpuint (g_list_model_get_n_items (at_risk), ==, 0);
  g_assert_cmpuint (risk_changes.removed, ==, 1);

  assert_like_fresh (f, 0);

  g_signal_handlers_disconnect_by_data (open, &open_changes);
  g_signal_handlers_disconnect_by_data (at_risk, &risk_changes);
}

/* Clause 5 and theme A.5 are different groups in 2022. */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  const GapCounts *clause5 = gap_analysis_get_group_counts (f->analysis, "5");
  const GapCounts *theme5 = gap_analysis_get_group_counts (f->analysis, "A.5");
  const GapCounts *all = gap_analysis_get_counts (f->analysis);

  g_assert_nonnull (clause5);
  g_assert_nonnull (theme5);
  g_assert_cmpuint (clause5->total, ==, 3);
  g_assert_cmpuint (theme5->total, ==, 37);
  g_assert_cmpuint (gap_analysis_get_group_counts (f->analysis, "A.8")->total, ==, 34);
  g_assert_cmpuint (all->total, ==, 123);
  g_assert_null (gap_analysis_get_group_counts (f->analysis, "A.99"));
  g_assert_true (gap_analysis_get_workspace (f->analysis) == f->workspace);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/analysis/random-edits/2022", Fixture, GINT_TO_POINTER (GAP_EDITION_2022),
              fixture_set_up, test_random_edits, fixture_tear_down);
  g_test_add ("/core/analysis/random-edits/2013", Fixture, GINT_TO_POINTER (GAP_EDITION_2013),
              fixture_set_up, test_random_edits, fixture_tear_down);
  g_test_add ("/core/analysis/precise-lists", Fixture, GINT_TO_POINTER (GAP_EDITION_2022),
              fixture_set_up, test_precise_lists, fixture_tear_down);
  g_test_add ("/core/analysis/groups", Fixture, GINT_TO_POINTER (GAP_EDITION_2022),
              fixture_set_up, test_groups, fixture_tear_down);

  return g_test_run ();
}
