/* test-migration.c — 2013 to 2022 on a known workspace (data/legacy-2013.json)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-util.h"

typedef struct
{
  char               *dir;
  GapWorkspace       *legacy;
  GapWorkspace       *migrated;
  GapMigrationReport *report;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) json = core_data_bytes ("legacy-2013.json");
  g_autofree char *legacy_path = NULL;
  g_autofree char *migrated_path = NULL;
  g_autoptr(GFile) legacy_file = NULL;
  g_autoptr(GFile) migrated_file = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = core_tmp_dir_new ();
  legacy_path = g_build_filename (f->dir, "legacy.ismsgap", NULL);
  migrated_path = g_build_filename (f->dir, "migrated.ismsgap", NULL);
  legacy_file = g_file_new_for_path (legacy_path);
  migrated_file = g_file_new_for_path (migrated_path);

  f->legacy = gap_workspace_import_json (json, legacy_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gap_workspace_get_edition (f->legacy), ==, GAP_EDITION_2013);

  f->migrated = gap_migrate_workspace (f->legacy, migrated_file, &f->report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->migrated);
  g_assert_nonnull (f->report);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->report, gap_migration_report_free);
  gap_workspace_close (f->migrated);
  gap_workspace_close (f->legacy);
  g_clear_object (&f->migrated);
  g_clear_object (&f->legacy);
  core_tmp_dir_free (f->dir);
}

static GapAssessment *
get (Fixture    *f,
     const char *id)
{
  GapAssessment *a = gap_workspace_lookup_assessment (f->migrated, id);

  g_assert_nonnull (a);
  return a;
}

static guint
entry (Fixture    *f,
       const char *id)
{
  guint index;

  g_assert_true (gap_migration_report_lookup (f->report, id, &index));
  g_assert_cmpstr (gap_migration_report_get_control_id (f->report, index), ==, id);
  return index;
}

static char *
joined_sources (Fixture    *f,
                const char *id)
{
  return g_strjoinv (" ", (char **) gap_migration_report_get_sources (f->report, entry (f, id)));
}

#define FIELD(x) (1u << GAP_FIELD_##x)

static void
assert_default (GapAssessment *a)
{
  g_assert_cmpint (gap_assessment_get_applicability (a), ==, GAP_APPLICABILITY_APPLICABLE);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_NOT_ASSESSED);
  g_assert_cmpint (gap_assessment_get_responsibility (a), ==, GAP_RESPONSIBILITY_ORGANIZATION);
  g_assert_cmpint (gap_assessment_get_priority (a), ==, GAP_PRIORITY_NONE);
  g_assert_cmpuint (gap_assessment_get_reasons (a), ==, 0);
  g_assert_cmpstr (gap_assessment_get_owner (a) ?: "", ==, "");
  g_assert_cmpstr (gap_assessment_get_evidence (a) ?: "", ==, "");
  g_assert_null (gap_assessment_get_services (a)[0]);
  g_assert_false (gap_assessment_get_needs_review (a));
}

/* Three sources that disagree on nearly everything: 5.14 (Annex B maps
 * A.13.2.1, A.13.2.2 and A.13.2.3 to it). */
static void
test_many_to_one (Fixture       *f,
                  gconstpointer  data)
{
  GapAssessment *a = get (f, "A.5.14");
  const char * const *services = gap_assessment_get_services (a);
  guint i = entry (f, "A.5.14");
  g_autofree char *sources = joined_sources (f, "A.5.14");

  g_assert_cmpstr (sources, ==, "A.13.2.1 A.13.2.2 A.13.2.3");
  g_assert_true (gap_migration_report_get_merged (f->report, i));
  g_assert_true (gap_migration_report_get_needs_review (f->report, i));
  g_assert_cmpuint (gap_migration_report_get_conflicts (f->report, i), ==,
                    FIELD (STATUS) | FIELD (RESPONSIBILITY) | FIELD (SERVICES) | FIELD (OWNER) |
                    FIELD (DUE_DATE) | FIELD (PRIORITY) | FIELD (REASONS));

  /* implemented, partial, planned: the least favourable */
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_PLANNED);
  /* shared, inherited, organization: they disagree, so shared */
  g_assert_cmpint (gap_assessment_get_responsibility (a), ==, GAP_RESPONSIBILITY_SHARED);
  g_assert_cmpstr (services[0], ==, "office-365");
  g_assert_cmpstr (services[1], ==, "azure");
  g_assert_null (services[2]);
  g_assert_cmpstr (gap_assessment_get_owner (a), ==, "IT 陳; IT 李");
  g_assert_cmpstr (gap_assessment_get_due_date (a), ==, "2026-04-15");
  g_assert_cmpint (gap_assessment_get_priority (a), ==, GAP_PRIORITY_HIGH);
  g_assert_cmpuint (gap_assessment_get_reasons (a), ==,
                    GAP_REASON_CONTRACTUAL | GAP_REASON_LEGAL | GAP_REASON_RISK);
  g_assert_cmpstr (gap_assessment_get_justification (a), ==, "A.13.2.1: 客戶合約");
  g_assert_cmpstr (gap_assessment_get_evidence (a), ==, "A.13.2.1: 加密設定\nA.13.2.2: 協議範本");
  g_assert_cmpstr (gap_assessment_get_notes (a), ==, "A.13.2.1: n1\nA.13.2.3: n3");
  g_assert_true (gap_assessment_get_needs_review (a));
  g_assert_cmpint (gap_assessment_get_applicability (a), ==, GAP_APPLICABILITY_APPLICABLE);

  /* Two sources, same owner: no owner conflict, status still the lower. */
  a = get (f, "A.5.1");
  i = entry (f, "A.5.1");
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_PARTIAL);
  g_assert_cmpstr (gap_assessment_get_owner (a), ==, "資安官 林");
  g_assert_cmpuint (gap_migration_report_get_conflicts (f->report, i), ==, FIELD (STATUS));
  g_assert_cmpstr (gap_assessment_get_evidence (a), ==, "A.5.1.1: 政策 v1\nA.5.1.2: 審查紀錄");

  /* All inherited from the same service: kept as it is, no conflict. */
  a = get (f, "A.8.15");
  i = entry (f, "A.8.15");
  g_assert_cmpint (gap_assessment_get_responsibility (a), ==, GAP_RESPONSIBILITY_INHERITED);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpstr (gap_assessment_get_services (a)[0], ==, "azure");
  g_assert_cmpuint (gap_migration_report_get_conflicts (f->report, i), ==, 0);
  g_assert_true (gap_assessment_get_needs_review (a));
}

/* Applicability: applicable if any source is; status then only from the
 * applicable ones; all excluded stays excluded with the reasons joined. */
static void
test_applicability (Fixture       *f,
                    gconstpointer  data)
{
  GapAssessment *a = get (f, "A.7.10");
  guint i = entry (f, "A.7.10");

  /* A.8.3.1 excluded; A.8.3.2 implemented, A.8.3.3 partial, A.11.2.5 implemented */
  g_assert_cmpint (gap_assessment_get_applicability (a), ==, GAP_APPLICABILITY_APPLICABLE);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_PARTIAL);
  g_assert_cmpstr (gap_assessment_get_justification (a), ==, "A.8.3.1: 無可攜式媒體");
  g_assert_cmpuint (gap_migration_report_get_conflicts (f->report, i), ==,
                    FIELD (APPLICABILITY) | FIELD (STATUS));

  a = get (f, "A.5.18");
  g_assert_cmpint (gap_assessment_get_applicability (a), ==, GAP_APPLICABILITY_NOT_APPLICABLE);
  g_assert_cmpstr (gap_assessment_get_justification (a), ==, "A.9.2.2: 不適用原因甲\nA.9.2.5: 原因乙");
  g_assert_true (gap_assessment_get_needs_review (a));
}

/* One source: copied exactly, without prefixes. One 2013 control that
 * maps to two 2022 ones gives its answer to both. */
static void
test_copies (Fixture       *f,
             gconstpointer  data)
{
  GapAssessment *a = get (f, "A.5.3");
  guint i = entry (f, "A.5.3");
  g_autofree char *sources = joined_sources (f, "A.5.3");
  GapServiceRecord *record;

  g_assert_cmpstr (sources, ==, "A.6.1.2");
  g_assert_false (gap_migration_report_get_merged (f->report, i));
  g_assert_true (gap_migration_report_get_needs_review (f->report, i));
  g_assert_cmpuint (gap_migration_report_get_conflicts (f->report, i), ==, 0);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpstr (gap_assessment_get_justification (a), ==, "職務區隔已實施");
  g_assert_cmpstr (gap_assessment_get_owner (a), ==, "人資 王");
  g_assert_cmpstr (gap_assessment_get_due_date (a), ==, "2026-03-01");
  g_assert_cmpint (gap_assessment_get_priority (a), ==, GAP_PRIORITY_HIGH);
  g_assert_cmpuint (gap_assessment_get_reasons (a), ==, GAP_REASON_LEGAL | GAP_REASON_RISK);
  g_assert_cmpstr (gap_assessment_get_evidence (a), ==, "分工表");
  g_assert_cmpstr (gap_assessment_get_notes (a), ==, "每年檢討");
  g_assert_true (gap_assessment_get_needs_review (a));

  /* A.18.2.3 (partial) goes to 5.36 and to 8.8. */
  g_assert_cmpint (gap_assessment_get_status (get (f, "A.5.36")), ==, GAP_STATUS_PARTIAL);
  /* 8.8 also takes A.12.6.1, never assessed: not assessed is least favourable. */
  g_assert_cmpint (gap_assessment_get_status (get (f, "A.8.8")), ==, GAP_STATUS_NOT_ASSESSED);
  g_assert_true (gap_assessment_get_needs_review (get (f, "A.8.8")));
  g_assert_cmpstr (gap_assessment_get_owner (get (f, "A.8.8")), ==, "IT 陳");

  /* A custom provider's control follows the provider to its new record. */
  a = get (f, "A.7.1");
  record = gap_workspace_lookup_service (f->migrated, gap_assessment_get_services (a)[0]);
  g_assert_nonnull (record);
  g_assert_true (gap_service_record_get_is_custom (record));
  g_assert_cmpstr (gap_service_record_get_name (record, NULL), ==, "桃園共置機房");
  g_assert_cmpint (gap_assessment_get_responsibility (a), ==, GAP_RESPONSIBILITY_SHARED);
}

/* The 2022 workspace is another assessment: it has an identity of its own
 * (its OSCAL UUIDs must not be the 2013 plan's), and the source keeps its. */
static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  const char *legacy = gap_workspace_get_uuid (f->legacy);
  const char *migrated = gap_workspace_get_uuid (f->migrated);

  g_assert_true (g_uuid_string_is_valid (legacy));
  g_assert_true (g_uuid_string_is_valid (migrated));
  g_assert_cmpstr (legacy, !=, migrated);
}

/* Clauses: same numbers, 10.1 and 10.2 swapped, 9.2 and 9.3 split; 6.3 new. */
static void
test_clauses (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *s101 = joined_sources (f, "10.1");
  g_autofree char *s921 = joined_sources (f, "9.2.1");
  g_autofree char *s63 = joined_sources (f, "6.3");

  g_assert_cmpstr (s101, ==, "10.2");
  g_assert_cmpint (gap_assessment_get_status (get (f, "10.1")), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpint (gap_assessment_get_status (get (f, "10.2")), ==, GAP_STATUS_PARTIAL);
  g_assert_cmpstr (gap_assessment_get_notes (get (f, "10.2")), ==, "矯正措施追蹤表");
  g_assert_cmpstr (s921, ==, "9.2");
  g_assert_cmpint (gap_assessment_get_status (get (f, "9.2.1")), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpint (gap_assessment_get_status (get (f, "9.2.2")), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpint (gap_assessment_get_status (get (f, "6.1.2")), ==, GAP_STATUS_PLANNED);
  g_assert_cmpstr (s63, ==, "");
  assert_default (get (f, "6.3"));
  /* Never touched in 2013: nothing to review. */
  g_assert_false (gap_assessment_get_needs_review (get (f, "9.3.1")));
}

/* Controls new in 2022 start not assessed; untouched sources give nothing
 * and ask no review. */
static void
test_new_and_untouched (Fixture       *f,
                        gconstpointer  data)
{
  GapCatalog *catalog = gap_workspace_get_catalog (f->migrated);
  GListModel *controls = gap_catalog_get_controls (catalog, GAP_EDITION_2022);
  guint n_new = 0;
  guint n_review = 0;
  guint i;

  g_assert_cmpuint (gap_migration_report_get_n_controls (f->report), ==,
                    g_list_model_get_n_items (controls));

  for (guint k = 0; k < g_list_model_get_n_items (controls); k++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, k);
      GapAssessment *a = get (f, gap_control_get_id (control));

      g_assert_cmpstr (gap_migration_report_get_control_id (f->report, k), ==,
                       gap_control_get_id (control));
      if (gap_control_get_is_new (control))
        {
          n_new++;
          g_assert_null (gap_migration_report_get_sources (f->report, k)[0]);
          g_assert_false (gap_migration_report_get_needs_review (f->report, k));
          assert_default (a);
        }
      g_assert_cmpint (gap_assessment_get_needs_review (a), ==,
                       gap_migration_report_get_needs_review (f->report, k));
      n_review += gap_assessment_get_needs_review (a);
    }

  g_assert_cmpuint (n_new, ==, 11);
  g_assert_cmpuint (gap_migration_report_get_n_review (f->report), ==, n_review);
  g_assert_cmpuint (n_review, ==, 14);

  /* A.17.1.1–3 were never assessed: merged, but nothing carried over. */
  i = entry (f, "A.5.29");
  g_assert_true (gap_migration_report_get_merged (f->report, i));
  g_assert_false (gap_migration_report_get_needs_review (f->report, i));
  assert_default (get (f, "A.5.29"));
}

/* Scope, services, custom providers and certificates come over unchanged. */
static void
test_carried_over (Fixture       *f,
                   gconstpointer  data)
{
  GapCertificate *certificate;
  GListModel *services = gap_workspace_get_services (f->migrated);
  g_autoptr(GPtrArray) customs = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpint (gap_workspace_get_edition (f->migrated), ==, GAP_EDITION_2022);
  for (GapScopeField field = GAP_SCOPE_FIELD_ORGANIZATION; field <= GAP_SCOPE_FIELD_ASSESSMENT_DATE;
       field++)
    g_assert_cmpstr (gap_workspace_get_scope_field (f->migrated, field), ==,
                     gap_workspace_get_scope_field (f->legacy, field));
  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      GListModel *a = gap_workspace_get_scope_items (f->legacy, kind);
      GListModel *b = gap_workspace_get_scope_items (f->migrated, kind);

      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
      for (guint i = 0; i < g_list_model_get_n_items (a); i++)
        {
          g_autoptr(GapScopeItem) x = g_list_model_get_item (a, i);
          g_autoptr(GapScopeItem) y = g_list_model_get_item (b, i);

          g_assert_cmpstr (gap_scope_item_get_name (x), ==, gap_scope_item_get_name (y));
          g_assert_cmpstr (gap_scope_item_get_detail (x), ==, gap_scope_item_get_detail (y));
        }
    }

  g_assert_true (gap_service_record_get_in_use (gap_workspace_lookup_service (f->migrated, "office-365")));
  g_assert_true (gap_service_record_get_in_use (gap_workspace_lookup_service (f->migrated, "azure")));
  g_assert_false (gap_service_record_get_in_use (gap_workspace_lookup_service (f->migrated, "intune")));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
      if (gap_service_record_get_is_custom (record))
        g_ptr_array_add (customs, g_object_ref (record));
    }
  g_assert_cmpuint (customs->len, ==, 2);
  g_assert_cmpstr (gap_service_record_get_name (customs->pdata[0], NULL), ==, "已不使用之舊機房");
  g_assert_false (gap_service_record_get_in_use (customs->pdata[0]));
  g_assert_cmpuint (gap_service_record_get_models (customs->pdata[1]), ==,
                    GAP_SERVICE_MODEL_IAAS | GAP_SERVICE_MODEL_PROFESSIONAL);
  g_assert_true (gap_service_record_get_in_use (customs->pdata[1]));

  certificate = gap_workspace_lookup_certificate (f->migrated,
                                                  gap_service_record_get_family_ids (customs->pdata[1])[0]);
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_REFERENCE), ==, "COLO-1");
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT), ==,
                   "2025-03-03");
  certificate = gap_workspace_lookup_certificate (f->migrated, "office-365");
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_ISSUER), ==, "BSI");
  g_assert_cmpstr (gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_EXPIRY), ==, "2027-01-09");
}

static void
test_report_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = gap_migration_report_to_text (f->report);

  g_assert_nonnull (strstr (text, "A.5.14 ← A.13.2.1, A.13.2.2, A.13.2.3: merged; the sources disagree on "));
  g_assert_nonnull (strstr (text, "A.5.3 ← A.6.1.2: copied; review\n"));
  g_assert_nonnull (strstr (text, "A.5.29 ← A.17.1.1, A.17.1.2, A.17.1.3: merged; nothing was assessed\n"));
  g_assert_nonnull (strstr (text, "14 controls need review."));
  g_assert_nonnull (strstr (text, "12 controls are new in 2022 and start not assessed."));
  g_assert_null (strstr (text, "A.5.7 "));
}

/* A 2022 workspace is refused; an existing destination is never touched;
 * a failure leaves nothing. */
static void
test_refusals (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(GapWorkspace) modern = core_workspace_new (dir, "modern.ismsgap", GAP_EDITION_2022);
  g_autoptr(GapWorkspace) legacy = core_workspace_new (dir, "legacy.ismsgap", GAP_EDITION_2013);
  g_autofree char *dest_path = g_build_filename (dir, "out.ismsgap", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(GFile) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  GapMigrationReport *report = NULL;
  g_autofree char *existing_path = g_build_filename (dir, "legacy.ismsgap", NULL);

  g_assert_null (gap_migrate_workspace (modern, dest, &report, &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_WRONG_EDITION);
  g_assert_null (report);
  g_clear_error (&error);

  gap_workspace_close (legacy);
  gap_workspace_close (modern);
  g_clear_object (&legacy);
  listing = core_list_dir (dir);
  g_assert_cmpstr (listing, ==, "legacy.ismsgap modern.ismsgap");

  existing = g_file_new_for_path (existing_path);
  legacy = gap_workspace_open (existing, &error);
  g_assert_no_error (error);
  g_file_get_contents (existing_path, &before, NULL, NULL);
  g_assert_null (gap_migrate_workspace (legacy, existing, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  gap_workspace_close (legacy);
  g_file_get_contents (existing_path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&listing, g_free);
  listing = core_list_dir (dir);
  g_assert_cmpstr (listing, ==, "legacy.ismsgap modern.ismsgap");

  core_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/migration/many-to-one", test_many_to_one);
  ADD ("/core/migration/applicability", test_applicability);
  ADD ("/core/migration/copies", test_copies);
  ADD ("/core/migration/identity", test_identity);
  ADD ("/core/migration/clauses", test_clauses);
  ADD ("/core/migration/new-and-untouched", test_new_and_untouched);
  ADD ("/core/migration/carried-over", test_carried_over);
  ADD ("/core/migration/report-text", test_report_text);
#undef ADD
  g_test_add_func ("/core/migration/refusals", test_refusals);

  return g_test_run ();
}
