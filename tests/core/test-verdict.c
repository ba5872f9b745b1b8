/* test-verdict.c — every row of the verdict rule (gap-verdict.c)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-util.h"

#define NA  GAP_APPLICABILITY_NOT_APPLICABLE
#define APP GAP_APPLICABILITY_APPLICABLE
#define ORG GAP_RESPONSIBILITY_ORGANIZATION
#define SHR GAP_RESPONSIBILITY_SHARED
#define INH GAP_RESPONSIBILITY_INHERITED

typedef struct
{
  const char       *row;            /* the row of the table in gap-verdict.c */
  gboolean          clause;
  GapApplicability  applicability;
  const char       *justification;
  GapResponsibility responsibility;
  const char       *services[3];
  GapStatus         status;
  GapVerdict        expected;
} Case;

static const Case cases[] = {
  /* a1: not applicable and justified, whatever else is set */
  { "a1", FALSE, NA, "Not used here", ORG, { NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_EXCLUDED },
  { "a1", FALSE, NA, "Outsourced", SHR, { CORE_STALE, NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_EXCLUDED },
  { "a1", FALSE, NA, "x", INH, { CORE_NOT_IN_USE, NULL }, GAP_STATUS_NOT_IMPLEMENTED, GAP_VERDICT_EXCLUDED },
  /* a2: not applicable without a justification */
  { "a2", FALSE, NA, NULL, ORG, { NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_GAP },
  { "a2", FALSE, NA, " \t\n", ORG, { NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_GAP },
  { "a2", FALSE, NA, "\u3000", INH, { CORE_CURRENT, NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_GAP },
  { "a2", FALSE, NA, NULL, SHR, { CORE_STALE, NULL }, GAP_STATUS_PARTIAL, GAP_VERDICT_GAP },
  /* b: shared or inherited, leaning on a service not in use or not current */
  { "b", FALSE, APP, NULL, SHR, { CORE_CURRENT, CORE_STALE }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_AT_RISK },
  { "b", FALSE, APP, NULL, SHR, { CORE_NOT_IN_USE, NULL }, GAP_STATUS_ALTERNATIVE, GAP_VERDICT_AT_RISK },
  { "b", FALSE, APP, NULL, SHR, { CORE_UNVERIFIED, NULL }, GAP_STATUS_PLANNED, GAP_VERDICT_AT_RISK },
  { "b", FALSE, APP, NULL, SHR, { CORE_EXPIRED, NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_AT_RISK },
  { "b", FALSE, APP, NULL, INH, { CORE_STALE, NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_AT_RISK },
  { "b", FALSE, APP, NULL, INH, { CORE_CURRENT, CORE_NOT_IN_USE }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_AT_RISK },
  { "b", FALSE, APP, NULL, INH, { CORE_UNVERIFIED, NULL }, GAP_STATUS_PARTIAL, GAP_VERDICT_AT_RISK },
  /* c: implemented or alternative */
  { "c", FALSE, APP, NULL, ORG, { NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_COVERED },
  { "c", FALSE, APP, NULL, ORG, { NULL }, GAP_STATUS_ALTERNATIVE, GAP_VERDICT_COVERED },
  { "c", FALSE, APP, NULL, SHR, { CORE_CURRENT, CORE_BEST_OF }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_COVERED },
  { "c", FALSE, APP, NULL, SHR, { NULL }, GAP_STATUS_ALTERNATIVE, GAP_VERDICT_COVERED },
  { "c", FALSE, APP, NULL, INH, { NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_COVERED },
  /* the organization's own control does not lean on services it names */
  { "c", FALSE, APP, NULL, ORG, { CORE_STALE, NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_COVERED },
  { "c", FALSE, APP, "kept from an earlier exclusion", ORG, { NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_COVERED },
  /* d: inherited from services that are all in use and current */
  { "d", FALSE, APP, NULL, INH, { CORE_CURRENT, NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_COVERED },
  { "d", FALSE, APP, NULL, INH, { CORE_CURRENT, CORE_BEST_OF }, GAP_STATUS_NOT_IMPLEMENTED, GAP_VERDICT_COVERED },
  { "d", FALSE, APP, NULL, INH, { CORE_BEST_OF, NULL }, GAP_STATUS_PLANNED, GAP_VERDICT_COVERED },
  /* e: planned or partial */
  { "e", FALSE, APP, NULL, ORG, { NULL }, GAP_STATUS_PLANNED, GAP_VERDICT_PARTIAL },
  { "e", FALSE, APP, NULL, ORG, { NULL }, GAP_STATUS_PARTIAL, GAP_VERDICT_PARTIAL },
  { "e", FALSE, APP, NULL, SHR, { CORE_CURRENT, NULL }, GAP_STATUS_PARTIAL, GAP_VERDICT_PARTIAL },
  { "e", FALSE, APP, NULL, INH, { NULL }, GAP_STATUS_PLANNED, GAP_VERDICT_PARTIAL },
  /* f: everything else */
  { "f", FALSE, APP, NULL, ORG, { NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_GAP },
  { "f", FALSE, APP, NULL, ORG, { NULL }, GAP_STATUS_NOT_IMPLEMENTED, GAP_VERDICT_GAP },
  { "f", FALSE, APP, NULL, SHR, { CORE_CURRENT, NULL }, GAP_STATUS_NOT_IMPLEMENTED, GAP_VERDICT_GAP },
  { "f", FALSE, APP, NULL, SHR, { NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_GAP },
  { "f", FALSE, APP, NULL, INH, { NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_GAP },
  { "f", FALSE, APP, NULL, INH, { NULL }, GAP_STATUS_NOT_IMPLEMENTED, GAP_VERDICT_GAP },
  /* clause requirements: always applicable and the organization's */
  { "c", TRUE, APP, NULL, ORG, { NULL }, GAP_STATUS_IMPLEMENTED, GAP_VERDICT_COVERED },
  { "c", TRUE, APP, NULL, ORG, { NULL }, GAP_STATUS_ALTERNATIVE, GAP_VERDICT_COVERED },
  { "e", TRUE, APP, NULL, ORG, { NULL }, GAP_STATUS_PLANNED, GAP_VERDICT_PARTIAL },
  { "e", TRUE, APP, NULL, ORG, { NULL }, GAP_STATUS_PARTIAL, GAP_VERDICT_PARTIAL },
  { "f", TRUE, APP, NULL, ORG, { NULL }, GAP_STATUS_NOT_ASSESSED, GAP_VERDICT_GAP },
  { "f", TRUE, APP, NULL, ORG, { NULL }, GAP_STATUS_NOT_IMPLEMENTED, GAP_VERDICT_GAP },
};

typedef struct
{
  char         *dir;
  GapWorkspace *workspace;
  GDate         today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = core_tmp_dir_new ();
  f->workspace = core_workspace_new (f->dir, "verdict.ismsgap", GAP_EDITION_2022);
  core_date_set (&f->today, "2026-06-15");
  core_setup_services (f->workspace, &f->today);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gap_workspace_close (f->workspace);
  g_clear_object (&f->workspace);
  core_tmp_dir_free (f->dir);
}

/* The next control of a kind that no case has used yet. */
static GapAssessment *
next_assessment (GapWorkspace   *workspace,
                 GapControlKind  kind,
                 guint          *cursor)
{
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  guint n = g_list_model_get_n_items (assessments);

  for (; *cursor < n; (*cursor)++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, *cursor);

      if (gap_control_get_kind (gap_assessment_get_control (a)) == kind)
        {
          (*cursor)++;
          return a;
        }
    }

  g_assert_not_reached ();
}

static void
apply_case (GapWorkspace  *workspace,
            GapAssessment *a,
            const Case    *c)
{
  g_autoptr(GError) error = NULL;

  if (!c->clause)
    {
      gap_workspace_set_assessment_enum (workspace, a, GAP_FIELD_APPLICABILITY, c->applicability, &error);
      g_assert_no_error (error);
      gap_workspace_set_assessment_enum (workspace, a, GAP_FIELD_RESPONSIBILITY, c->responsibility, &error);
      g_assert_no_error (error);
      gap_workspace_set_assessment_services (workspace, a, c->services, &error);
      g_assert_no_error (error);
    }
  gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_JUSTIFICATION, c->justification, &error);
  g_assert_no_error (error);
  gap_workspace_set_assessment_enum (workspace, a, GAP_FIELD_STATUS, c->status, &error);
  g_assert_no_error (error);
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  guint annex_cursor = 0;
  guint clause_cursor = 0;
  gboolean rows_seen[7] = { FALSE };
  const char *rows[] = { "a1", "a2", "b", "c", "d", "e", "f" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      GapAssessment *a = next_assessment (f->workspace,
                                          c->clause ? GAP_CONTROL_KIND_CLAUSE : GAP_CONTROL_KIND_ANNEX,
                                          c->clause ? &clause_cursor : &annex_cursor);
      GapVerdict verdict;

      apply_case (f->workspace, a, c);
      verdict = gap_verdict_compute (f->workspace, a, &f->today);
      if (verdict != c->expected)
        g_error ("case %u (row %s, %s): expected %s, got %s", i, c->row,
                 gap_assessment_get_control_id (a), gap_verdict_to_string (c->expected),
                 gap_verdict_to_string (verdict));

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        if (g_str_equal (rows[r], c->row))
          rows_seen[r] = TRUE;
    }

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    g_assert_true (rows_seen[r]);
}

/* The same assessment changes verdict with the day the certificates are
 * judged on, and with the certificate record of a custom provider. */
static void
test_today_and_custom (Fixture       *f,
                       gconstpointer  data)
{
  GapAssessment *a = gap_workspace_lookup_assessment (f->workspace, "A.7.8");
  g_autoptr(GError) error = NULL;
  GapServiceRecord *custom;
  GapCertificate *certificate;
  GDate earlier;
  GDate real_today;
  const char *ids[2] = { NULL, NULL };
  g_autofree char *recent = core_date_offset (&f->today, -10);

  g_assert_nonnull (a);
  g_date_clear (&real_today, 1);
  gap_workspace_set_assessment_enum (f->workspace, a, GAP_FIELD_RESPONSIBILITY, INH, &error);
  g_assert_no_error (error);
  ids[0] = CORE_STALE;
  gap_workspace_set_assessment_services (f->workspace, a, ids, &error);
  g_assert_no_error (error);

  g_assert_cmpint (gap_verdict_compute (f->workspace, a, &f->today), ==, GAP_VERDICT_AT_RISK);
  /* 200 days earlier the "azure" certificate was 200 days old: current. */
  earlier = f->today;
  g_date_subtract_days (&earlier, 200);
  g_assert_cmpint (gap_verdict_compute (f->workspace, a, &earlier), ==, GAP_VERDICT_COVERED);
  /* NULL is the real today. */
  g_date_set_time_t (&real_today, time (NULL));
  g_assert_cmpint (gap_verdict_compute (f->workspace, a, NULL), ==,
                   gap_verdict_compute (f->workspace, a, &real_today));

  custom = gap_workspace_add_custom_provider (f->workspace, "Colocation", GAP_SERVICE_MODEL_IAAS,
                                              &error);
  g_assert_no_error (error);
  ids[0] = gap_service_record_get_id (custom);
  gap_workspace_set_assessment_services (f->workspace, a, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gap_verdict_compute (f->workspace, a, &f->today), ==, GAP_VERDICT_AT_RISK);

  certificate = gap_workspace_lookup_certificate (f->workspace,
                                                  gap_service_record_get_family_ids (custom)[0]);
  gap_workspace_set_certificate_field (f->workspace, certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT,
                                       recent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gap_verdict_compute (f->workspace, a, &f->today), ==, GAP_VERDICT_COVERED);

  gap_workspace_set_service_in_use (f->workspace, custom, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gap_verdict_compute (f->workspace, a, &f->today), ==, GAP_VERDICT_AT_RISK);
}

static void
test_coverage (void)
{
  GapCounts counts = { 0 };

  g_assert_cmpfloat (gap_counts_get_coverage (&counts), ==, 0.0);
  counts.applicable = 8;
  counts.by_verdict[GAP_VERDICT_COVERED] = 2;
  g_assert_cmpfloat_with_epsilon (gap_counts_get_coverage (&counts), 0.25, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/verdict/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/core/verdict/today-and-custom", Fixture, NULL, fixture_set_up,
              test_today_and_custom, fixture_tear_down);
  g_test_add_func ("/core/verdict/coverage", test_coverage);

  return g_test_run ();
}
