/* test-workspace-store.c — the SQLite file: round trip, migration, files
 * refused untouched, modes, read-only files, copies
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "ws-test-util.h"

static GapWorkspace *
create_in (const char  *dir,
           const char  *name,
           char       **path_out)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GapWorkspace *workspace = gap_workspace_create (file, GAP_EDITION_2022, "Example", &error);

  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return workspace;
}

static GapWorkspace *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gap_workspace_open (file, error);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Sets every field of every kind of object to something not default. */
static void
fill_everything (GapWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GListModel *services = gap_workspace_get_services (ws);
  g_autoptr(GapServiceRecord) s0 = g_list_model_get_item (services, 0);
  g_autoptr(GapServiceRecord) s1 = g_list_model_get_item (services, 1);
  GapServiceRecord *custom;
  GapAssessment *annex = ws_first_of_kind (ws, GAP_CONTROL_KIND_ANNEX);
  GapAssessment *clause = ws_first_of_kind (ws, GAP_CONTROL_KIND_CLAUSE);
  const char *texts[] = { "資訊安全政策，已核准。", "Line 1\nLine 2\t\"quoted\" 'single' \\ %s",
                          "emoji 🔒", "; DROP TABLE assessment; --" };

  g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_ORGANIZATION, texts[0], &error));
  g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_STATEMENT, texts[1], &error));
  g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_ASSESSOR, texts[2], &error));
  g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_ASSESSMENT_DATE, "2026-11-29",
                                                &error));
  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *name = g_strdup_printf ("%s %u", gap_scope_kind_to_string (k), i);

        g_assert_nonnull (gap_workspace_add_scope_item (ws, k, name, texts[(k + i) % 4], &error));
      }

  g_assert_true (gap_workspace_set_service_in_use (ws, s0, TRUE, &error));
  g_assert_true (gap_workspace_set_service_in_use (ws, s1, TRUE, &error));
  custom = gap_workspace_add_custom_provider (ws, "中華電信 IDC",
                                              GAP_SERVICE_MODEL_IAAS | GAP_SERVICE_MODEL_PROFESSIONAL,
                                              &error);
  g_assert_no_error (error);

  {
    GapCertificate *certs[] = {
      gap_workspace_lookup_certificate (ws, gap_service_record_get_family_ids (s0)[0]),
      gap_workspace_lookup_certificate (ws, gap_service_record_get_id (custom)),
    };

    for (guint c = 0; c < G_N_ELEMENTS (certs); c++)
      {
        g_assert_nonnull (certs[c]);
        g_assert_true (gap_workspace_set_certificate_field (ws, certs[c], GAP_CERTIFICATE_FIELD_REFERENCE,
                                                            "IS 619017", &error));
        g_assert_true (gap_workspace_set_certificate_field (ws, certs[c], GAP_CERTIFICATE_FIELD_ISSUER,
                                                            "BSI", &error));
        g_assert_true (gap_workspace_set_certificate_field (ws, certs[c],
                                                            GAP_CERTIFICATE_FIELD_LAST_AUDIT,
                                                            "2026-02-28", &error));
        g_assert_true (gap_workspace_set_certificate_field (ws, certs[c], GAP_CERTIFICATE_FIELD_EXPIRY,
                                                            "2028-02-27", &error));
        g_assert_true (gap_workspace_set_certificate_field (ws, certs[c], GAP_CERTIFICATE_FIELD_NOTES,
                                                            texts[c + 1], &error));
      }
  }

  {
    const char *ids[] = { gap_service_record_get_id (s1), gap_service_record_get_id (custom),
                          gap_service_record_get_id (s0), NULL };

    g_assert_true (gap_workspace_set_assessment_enum (ws, annex, GAP_FIELD_APPLICABILITY,
                                                      GAP_APPLICABILITY_NOT_APPLICABLE, &error));
    g_assert_true (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_JUSTIFICATION, texts[0],
                                                        &error));
    g_assert_true (gap_workspace_set_assessment_enum (ws, annex, GAP_FIELD_REASONS,
                                                      GAP_REASON_LEGAL | GAP_REASON_CONTRACTUAL |
                                                      GAP_REASON_BEST_PRACTICE, &error));
    g_assert_true (gap_workspace_set_assessment_enum (ws, annex, GAP_FIELD_RESPONSIBILITY,
                                                      GAP_RESPONSIBILITY_INHERITED, &error));
    g_assert_true (gap_workspace_set_assessment_services (ws, annex, ids, &error));
    g_assert_true (gap_workspace_set_assessment_enum (ws, annex, GAP_FIELD_STATUS,
                                                      GAP_STATUS_ALTERNATIVE, &error));
    g_assert_true (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_OWNER, "資安長", &error));
    g_assert_true (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_DUE_DATE, "2027-06-30",
                                                        &error));
    g_assert_true (gap_workspace_set_assessment_enum (ws, annex, GAP_FIELD_PRIORITY,
                                                      GAP_PRIORITY_CRITICAL, &error));
    g_assert_true (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_EVIDENCE, texts[1],
                                                        &error));
    g_assert_true (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_NOTES, texts[3], &error));
    g_assert_true (gap_workspace_set_assessment_enum (ws, annex, GAP_FIELD_NEEDS_REVIEW, TRUE,
                                                      &error));
    g_assert_true (g_strv_equal (gap_assessment_get_services (annex), ids));
  }

  g_assert_true (gap_workspace_set_assessment_enum (ws, clause, GAP_FIELD_STATUS,
                                                    GAP_STATUS_PARTIAL, &error));
  g_assert_true (gap_workspace_set_assessment_string (ws, clause, GAP_FIELD_OWNER, "Top management",
                                                      &error));
  g_assert_true (gap_workspace_set_assessment_string (ws, clause, GAP_FIELD_DUE_DATE, "2026-12-31",
                                                      &error));
  g_assert_true (gap_workspace_set_assessment_string (ws, clause, GAP_FIELD_EVIDENCE, texts[2],
                                                      &error));
  g_assert_true (gap_workspace_set_assessment_string (ws, clause, GAP_FIELD_NOTES, texts[0], &error));
  g_assert_true (gap_workspace_set_assessment_enum (ws, clause, GAP_FIELD_PRIORITY,
                                                    GAP_PRIORITY_LOW, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autoptr(GapWorkspace) ws = create_in (dir, "round.ismsgap", &path);
  g_autoptr(GError) error = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *defaults = ws_snapshot (ws);
  g_autofree char *value = NULL;
  g_autofree char *uuid = NULL;

  fill_everything (ws);
  memory = ws_snapshot (ws);
  g_assert_cmpstr (memory, !=, defaults);
  uuid = g_strdup (gap_workspace_get_uuid (ws));
  g_clear_object (&ws);

  disk = ws_snapshot_file (path);
  g_assert_cmpstr (memory, ==, disk);

  /* A few values read back by hand, in case the snapshot missed one. */
  ws = open_path (path, &error);
  g_assert_no_error (error);
  {
    GapAssessment *annex = ws_first_of_kind (ws, GAP_CONTROL_KIND_ANNEX);

    g_assert_cmpint (gap_assessment_get_applicability (annex), ==, GAP_APPLICABILITY_NOT_APPLICABLE);
    g_assert_cmpint (gap_assessment_get_reasons (annex), ==,
                     GAP_REASON_LEGAL | GAP_REASON_CONTRACTUAL | GAP_REASON_BEST_PRACTICE);
    g_assert_cmpint (gap_assessment_get_responsibility (annex), ==, GAP_RESPONSIBILITY_INHERITED);
    g_assert_cmpint (gap_assessment_get_status (annex), ==, GAP_STATUS_ALTERNATIVE);
    g_assert_cmpint (gap_assessment_get_priority (annex), ==, GAP_PRIORITY_CRITICAL);
    g_assert_true (gap_assessment_get_needs_review (annex));
    g_assert_cmpstr (gap_assessment_get_owner (annex), ==, "資安長");
    g_assert_cmpstr (gap_assessment_get_notes (annex), ==, "; DROP TABLE assessment; --");
    g_assert_cmpuint (g_strv_length ((char **) gap_assessment_get_services (annex)), ==, 3);
    g_assert_true (g_str_has_suffix (gap_assessment_get_changed (annex), "Z"));
    g_assert_cmpstr (gap_workspace_get_scope_field (ws, GAP_SCOPE_FIELD_STATEMENT), ==,
                     "Line 1\nLine 2\t\"quoted\" 'single' \\ %s");
  }
  g_clear_object (&ws);

  /* The file's own settings. */
  value = ws_sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (value, ==, "3");
  g_free (value);
  value = ws_sql_text (path, "SELECT value FROM meta WHERE key = 'uuid'");
  g_assert_true (g_uuid_string_is_valid (value));
  g_assert_cmpstr (value, ==, uuid);
  g_free (value);
  value = ws_sql_text (path, "PRAGMA application_id");
  g_assert_cmpstr (value, ==, "1230196039");
  g_free (value);
  value = ws_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (value, ==, "wal");
  g_free (value);
  value = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (value, ==, "ok");
  g_free (value);
  value = ws_sql_text (path, "SELECT count(*) FROM pragma_foreign_key_check");
  g_assert_cmpstr (value, ==, "0");

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* A file as an older version wrote it, from tests/workspace/schema-N.sql. */
static char *
make_schema (const char *dir,
             guint       version)
{
  g_autofree char *name = g_strdup_printf ("schema-%u.sql", version);
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "workspace", name, NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, "old.ismsgap", NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  ws_sql (path, sql);
  g_chmod (path, 0600);
  return path;
}

static char *
make_schema_1 (const char *dir)
{
  return make_schema (dir, 1);
}

static void
test_migration (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = make_schema_1 (dir);
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *disk = NULL;
  GapAssessment *a;
  GapServiceRecord *colo;
  GapChangeLogEntry *entry;

  value = ws_sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);

  ws = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_false (gap_workspace_get_read_only (ws));

  /* What the old file held is all there. */
  g_assert_cmpstr (gap_workspace_get_scope_field (ws, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "範例股份有限公司");
  g_assert_cmpstr (gap_workspace_get_scope_field (ws, GAP_SCOPE_FIELD_ASSESSMENT_DATE), ==,
                   "2025-12-01");
  a = gap_workspace_lookup_assessment (ws, "5.1");
  g_assert_nonnull (a);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_IMPLEMENTED);
  g_assert_cmpstr (gap_assessment_get_owner (a), ==, "CISO");
  g_assert_cmpstr (gap_assessment_get_changed (a), ==, "2025-12-01T08:00:00Z");
  a = gap_workspace_lookup_assessment (ws, "A.8.24");
  g_assert_cmpstr (gap_assessment_get_services (a)[0], ==, "custom-1");
  colo = gap_workspace_lookup_service (ws, "custom-1");
  g_assert_nonnull (colo);
  g_assert_cmpstr (gap_service_record_get_name (colo, NULL), ==, "Colo");
  g_assert_cmpstr (gap_certificate_get_field (gap_workspace_lookup_certificate (ws, "custom-1"),
                                              GAP_CERTIFICATE_FIELD_LAST_AUDIT), ==, "2025-06-30");
  g_assert_cmpuint (g_list_model_get_n_items (gap_workspace_get_scope_items (ws,
                                              GAP_SCOPE_KIND_INTERESTED_PARTY)), ==, 1);
  /* Rows for the rest of the catalog were added, with defaults. */
  g_assert_cmpuint (g_list_model_get_n_items (gap_workspace_get_assessments (ws)), >, 90);

  log = gap_workspace_get_change_log (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  entry = log->pdata[0];
  g_assert_cmpstr (entry->item, ==, "5.1");
  g_assert_cmpstr (entry->author, ==, "");

  /* New edits go to the new column, and the next custom ID is 2. */
  g_assert_true (gap_workspace_set_assessment_string (ws, a, GAP_FIELD_OWNER, "IT", &error));
  g_assert_cmpstr (gap_service_record_get_id (gap_workspace_add_custom_provider (ws, "X", 0, &error)),
                   ==, "custom-2");
  g_assert_no_error (error);
  memory = ws_snapshot (ws);
  g_clear_object (&ws);

  value = ws_sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (value, ==, "3");
  g_clear_pointer (&value, g_free);
  /* Both steps ran: it has an identity too. */
  value = ws_sql_text (path, "SELECT value FROM meta WHERE key = 'uuid'");
  g_assert_true (g_uuid_string_is_valid (value));
  g_clear_pointer (&value, g_free);
  value = ws_sql_text (path, "SELECT author FROM change_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (value, ==, g_get_user_name ());
  g_clear_pointer (&value, g_free);
  value = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (value, ==, "ok");

  disk = ws_snapshot_file (path);
  g_assert_cmpstr (memory, ==, disk);

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* A file at format 2 gets its identity in the upgrade, loses nothing, and
 * keeps that identity from then on. */
static void
test_migration_2 (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *other_dir = ws_tmp_dir_new ();
  g_autofree char *path = make_schema (dir, 2);
  g_autofree char *other_path = make_schema (other_dir, 2);
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GapWorkspace) other = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *value = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *disk = NULL;

  value = ws_sql_text (path, "SELECT count(*) FROM meta WHERE key = 'uuid'");
  g_assert_cmpstr (value, ==, "0");
  g_clear_pointer (&value, g_free);

  ws = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_false (gap_workspace_get_read_only (ws));
  uuid = g_strdup (gap_workspace_get_uuid (ws));
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (gap_workspace_get_scope_field (ws, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "範例股份有限公司");
  g_assert_cmpstr (gap_assessment_get_services (gap_workspace_lookup_assessment (ws, "A.8.24"))[0],
                   ==, "custom-1");
  log = gap_workspace_get_change_log (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((GapChangeLogEntry *) log->pdata[0])->author, ==, "mei");
  memory = ws_snapshot (ws);
  g_clear_object (&ws);

  value = ws_sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (value, ==, "3");
  g_clear_pointer (&value, g_free);
  value = ws_sql_text (path, "SELECT value FROM meta WHERE key = 'uuid'");
  g_assert_cmpstr (value, ==, uuid);
  g_clear_pointer (&value, g_free);
  value = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (value, ==, "ok");

  /* Reopened, it is the same workspace (the snapshot holds the uuid). */
  ws = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gap_workspace_get_uuid (ws), ==, uuid);
  g_clear_object (&ws);
  disk = ws_snapshot_file (path);
  g_assert_cmpstr (memory, ==, disk);

  /* Another file, even with the same content, is another workspace. */
  other = open_path (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (gap_workspace_get_uuid (other)));
  g_assert_cmpstr (gap_workspace_get_uuid (other), !=, uuid);
  g_clear_object (&other);

  ws_tmp_dir_free (g_steal_pointer (&other_dir));
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* Every new workspace is another: a random (version 4) UUID of its own. */
static void
test_identity (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autoptr(GapWorkspace) one = create_in (dir, "one.ismsgap", NULL);
  g_autoptr(GapWorkspace) two = create_in (dir, "two.ismsgap", NULL);
  g_autofree char *notified = NULL;
  const char *uuid = gap_workspace_get_uuid (one);

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (uuid[14], ==, '4');
  g_assert_true (strchr ("89ab", uuid[19]) != NULL);
  g_assert_cmpstr (uuid, !=, gap_workspace_get_uuid (two));
  /* Lower case, as RFC 4122 writes it. */
  for (const char *p = uuid; *p != '\0'; p++)
    g_assert_false (g_ascii_isupper (*p));
  g_object_get (one, "uuid", &notified, NULL);
  g_assert_cmpstr (notified, ==, uuid);

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* An old file that may not be written is upgraded in memory only. */
static void
test_migration_read_only (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = make_schema_1 (dir);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;

  g_chmod (path, 0400);
  before = ws_read_file (path);
  listing = ws_list_dir (dir);

  ws = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (gap_workspace_get_read_only (ws));
  g_assert_cmpint (gap_assessment_get_status (gap_workspace_lookup_assessment (ws, "5.1")), ==,
                   GAP_STATUS_IMPLEMENTED);
  /* A copy of it is at the current format. */
  {
    g_autofree char *other_dir = ws_tmp_dir_new ();
    g_autofree char *copy_path = g_build_filename (other_dir, "copy.ismsgap", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autofree char *version = NULL;
    g_autofree char *memory = ws_snapshot (ws);
    g_autofree char *copied = NULL;

    g_assert_true (gap_workspace_save_copy (ws, copy, &error));
    g_assert_no_error (error);
    version = ws_sql_text (copy_path, "PRAGMA user_version");
    g_assert_cmpstr (version, ==, "3");
    copied = ws_snapshot_file (copy_path);
    g_assert_cmpstr (copied, ==, memory);
    ws_tmp_dir_free (g_steal_pointer (&other_dir));
  }
  g_clear_object (&ws);

  after = ws_read_file (path);
  listing_after = ws_list_dir (dir);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (listing, ==, listing_after);

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- files that are refused, untouched ---- */

static void
assert_refused (const char *dir,
                const char *path,
                GQuark      domain,
                int         code)
{
  g_autoptr(GBytes) before = ws_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = ws_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  ws = open_path (path, &error);
  g_assert_null (ws);
  g_assert_error (error, domain, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, name));

  after = ws_read_file (path);
  listing_after = ws_list_dir (dir);
  g_assert_true (g_bytes_equal (before, after));
  /* No -wal, -shm or -journal beside it. */
  g_assert_cmpstr (listing, ==, listing_after);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autoptr(GapWorkspace) ws = create_in (dir, "newer.ismsgap", &path);

  g_clear_object (&ws);
  ws_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999");
  assert_refused (dir, path, GAP_ERROR, GAP_ERROR_TOO_NEW);

  /* The same with the file left in WAL mode, as a newer version would. */
  ws_sql (path, "PRAGMA journal_mode = WAL");
  assert_refused (dir, path, GAP_ERROR, GAP_ERROR_TOO_NEW);

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* A filled workspace named @name in @dir, with random bytes written over
 * [@from, @to) (@to 0: to the end). Returns its path. */
static char *
make_damaged (const char *dir,
              const char *name,
              gsize       from,
              gsize       to,
              GRand      *rand)
{
  g_autofree char *path = NULL;
  g_autoptr(GapWorkspace) ws = create_in (dir, name, &path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fill_everything (ws);
  g_clear_object (&ws);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3 * 4096);
  for (gsize i = from; i < (to != 0 ? to : length); i++)
    contents[i] = g_rand_int_range (rand, 0, 256);
  g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);
  g_autofree char *every_page = NULL;
  g_autofree char *one_page = NULL;

  /* Random bytes over every page but the first (the header stays ours). */
  every_page = make_damaged (dir, "corrupt.ismsgap", 4096, 0, rand);
  assert_refused (dir, every_page, GAP_ERROR, GAP_ERROR_CORRUPT);

  /* Damage inside one table page only. */
  one_page = make_damaged (dir, "corrupt2.ismsgap", 2 * 4096 + 8, 2 * 4096 + 200, rand);
  assert_refused (dir, one_page, GAP_ERROR, GAP_ERROR_CORRUPT);

  /* At format 3 every file has an identity: without one, or with one that
   * is not a UUID, it was altered elsewhere. */
  {
    g_autofree char *no_uuid = NULL;
    g_autofree char *bad_uuid = NULL;
    g_autoptr(GapWorkspace) a = create_in (dir, "no-uuid.ismsgap", &no_uuid);
    g_autoptr(GapWorkspace) b = create_in (dir, "bad-uuid.ismsgap", &bad_uuid);

    g_clear_object (&a);
    g_clear_object (&b);
    ws_sql (no_uuid, "PRAGMA journal_mode = DELETE; DELETE FROM meta WHERE key = 'uuid'");
    assert_refused (dir, no_uuid, GAP_ERROR, GAP_ERROR_CORRUPT);
    ws_sql (bad_uuid, "PRAGMA journal_mode = DELETE; "
                      "UPDATE meta SET value = 'not-a-uuid' WHERE key = 'uuid'");
    assert_refused (dir, bad_uuid, GAP_ERROR, GAP_ERROR_CORRUPT);
  }

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *text = g_build_filename (dir, "notes.ismsgap", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.ismsgap", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.ismsgap", NULL);
  g_autofree char *foreign_wal = g_build_filename (dir, "foreign-wal.ismsgap", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "This is not a workspace.\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (dir, text, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE);

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (dir, empty, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE);

  ws_sql (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA user_version = 1");
  assert_refused (dir, foreign, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE);

  /* Foreign, and in WAL mode: a careless read-only open would add -wal. */
  ws_sql (foreign_wal, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); PRAGMA application_id = 7");
  assert_refused (dir, foreign_wal, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE);

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_missing (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "missing.ismsgap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) ws = open_path (path, &error);
  g_autofree char *listing = NULL;

  g_assert_null (ws);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.ismsgap"));
  listing = ws_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- modes and read-only files ---- */

static void
test_mode (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  /* Even with umask 0 nobody else may read it. */
  ws = create_in (dir, "private.ismsgap", &path);
  umask (old_umask);
  g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_ASSESSOR, "Mei", &error));
  g_assert_no_error (error);

  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  /* Closing checkpoints and removes them. */
  g_clear_object (&ws);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (path), ==, 0600);

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
check_read_only (const char *dir,
                 const char *path)
{
  g_autoptr(GBytes) before = ws_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing = ws_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autofree char *snapshot = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  GapAssessment *a;

  ws = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (gap_workspace_get_read_only (ws));
  snapshot = ws_snapshot (ws);
  a = ws_first_of_kind (ws, GAP_CONTROL_KIND_ANNEX);
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_ALTERNATIVE);

  g_assert_false (gap_workspace_set_assessment_enum (ws, a, GAP_FIELD_STATUS,
                                                     GAP_STATUS_PLANNED, &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_ASSESSOR, "x", &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (gap_workspace_add_scope_item (ws, GAP_SCOPE_KIND_SITE, "x", NULL, &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (gap_workspace_add_custom_provider (ws, "x", 0, &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gap_workspace_begin_batch (ws, &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
  g_clear_error (&error);

  {
    g_autofree char *now = ws_snapshot (ws);
    g_autoptr(GPtrArray) log = gap_workspace_get_change_log (ws, &error);

    g_assert_cmpstr (now, ==, snapshot);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, >, 10);
  }

  /* What may not be changed may still be saved as a copy elsewhere. */
  {
    g_autofree char *other_dir = ws_tmp_dir_new ();
    g_autofree char *copy_path = g_build_filename (other_dir, "copy.ismsgap", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autofree char *copied = NULL;

    g_assert_true (gap_workspace_save_copy (ws, copy, &error));
    g_assert_no_error (error);
    copied = ws_snapshot_file (copy_path);
    g_assert_cmpstr (copied, ==, snapshot);
    ws_tmp_dir_free (g_steal_pointer (&other_dir));
  }
  g_clear_object (&ws);

  after = ws_read_file (path);
  listing_after = ws_list_dir (dir);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (listing, ==, listing_after);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autoptr(GapWorkspace) ws = create_in (dir, "ro.ismsgap", &path);

  fill_everything (ws);
  g_clear_object (&ws);
  g_chmod (path, 0400);
  check_read_only (dir, path);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autoptr(GapWorkspace) ws = create_in (dir, "ro.ismsgap", &path);

  fill_everything (ws);
  g_clear_object (&ws);
  g_chmod (dir, 0500);
  check_read_only (dir, path);
  g_chmod (dir, 0700);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* A second open in the same process is refused, and leaves the first
 * one working: its descriptor for the lock must not drop SQLite's. */
static void
test_open_twice (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = NULL;
  g_autoptr(GapWorkspace) ws = create_in (dir, "twice.ismsgap", &path);
  g_autoptr(GapWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *integrity = NULL;

  fill_everything (ws);
  for (guint i = 0; i < 3; i++)
    {
      again = open_path (path, &error);
      g_assert_null (again);
      g_assert_error (error, GAP_ERROR, GAP_ERROR_IN_USE);
      g_clear_error (&error);
      g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_ASSESSOR,
                                                    i % 2 ? "A" : "B", &error));
      g_assert_no_error (error);
    }
  memory = ws_snapshot (ws);
  g_clear_object (&ws);
  disk = ws_snapshot_file (path);
  g_assert_cmpstr (memory, ==, disk);
  integrity = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- reading only ---- */

/* An old file opened to read is upgraded in memory, not on disk, even
 * though it may be written; the lock is shared, as for a read-only file. */
static void
test_open_read_only (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = make_schema_1 (dir);
  g_autofree char *listing = ws_list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GBytes) before = ws_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GapWorkspace) second = NULL;
  g_autoptr(GapWorkspace) writer = NULL;
  g_autoptr(GError) error = NULL;
  GapAssessment *a;

  ws = ws_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (gap_workspace_get_read_only (ws));
  g_assert_cmpstr (gap_workspace_get_scope_field (ws, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                   "範例股份有限公司");
  a = gap_workspace_lookup_assessment (ws, "5.1");
  g_assert_cmpint (gap_assessment_get_status (a), ==, GAP_STATUS_IMPLEMENTED);
  /* Rows for the rest of the catalog, in memory. */
  g_assert_cmpuint (g_list_model_get_n_items (gap_workspace_get_assessments (ws)), >, 90);
  g_assert_false (gap_workspace_set_assessment_string (ws, a, GAP_FIELD_OWNER, "IT", &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Readers share it; a writer waits for them. */
  second = ws_open_read_only (path, &error);
  g_assert_no_error (error);
  writer = open_path (path, &error);
  g_assert_null (writer);
  g_assert_error (error, GAP_ERROR, GAP_ERROR_IN_USE);
  g_clear_error (&error);

  g_clear_object (&second);
  g_clear_object (&ws);
  after = ws_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  listing_after = ws_list_dir (dir);
  g_assert_cmpstr (listing_after, ==, listing);
  version = ws_sql_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* Reports from the command line never write to the workspace: an old file
 * stays byte for byte as it was, with nothing new beside it. */
static void
test_cli_read_only (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *out_dir = ws_tmp_dir_new ();
  g_autofree char *path = make_schema_1 (dir);
  g_autofree char *csv = g_build_filename (out_dir, "report.csv", NULL);
  g_autofree char *json = g_build_filename (out_dir, "workspace.json", NULL);
  g_autofree char *listing = ws_list_dir (dir);
  g_autoptr(GBytes) before = ws_read_file (path);
  const char * const commands[][8] = {
    { "summary", path, NULL },
    { "summary", "--format", "json", path, NULL },
    { "log", path, NULL },
    { "export", "--format", "csv", "-o", csv, path, NULL },
    { "export", "--format", "json", "-o", json, path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *listing_after = NULL;
      g_autoptr(GBytes) after = NULL;

      if (!ws_run_cli (commands[i], &out, &err))
        g_error ("%s failed: %s", commands[i][0], err);
      g_assert_cmpstr (err, ==, "");
      after = ws_read_file (path);
      if (!g_bytes_equal (before, after))
        g_error ("%s %s changed the workspace", commands[i][0], commands[i][1]);
      listing_after = ws_list_dir (dir);
      g_assert_cmpstr (listing_after, ==, listing);
      if (i == 0)
        g_assert_true (g_str_has_prefix (out, "範例股份有限公司 — "));
    }
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));

  ws_tmp_dir_free (g_steal_pointer (&out_dir));
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- copies ---- */

static void
test_copies (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *out_dir = g_build_filename (dir, "portal", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *path = NULL;
  g_autofree char *copy_path = g_build_filename (out_dir, "Saved copy.ismsgap", NULL);
  g_autofree char *working_path = g_build_filename (data_dir, "working.ismsgap", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) working = g_file_new_for_path (working_path);
  g_autoptr(GapWorkspace) ws = create_in (dir, "original.ismsgap", &path);
  g_autoptr(GapWorkspace) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *value = NULL;

  g_mkdir (out_dir, 0700);
  g_mkdir (data_dir, 0700);
  fill_everything (ws);
  original = ws_snapshot (ws);

  /* While open and with changes in its -wal: the copy has them all. */
  g_assert_true (gap_workspace_save_copy (ws, copy, &error));
  g_assert_no_error (error);
  listing = ws_list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "Saved copy.ismsgap");
  g_assert_cmpuint (file_mode (copy_path), ==, 0600);
  /* A single file: not in WAL mode, so readers need no -wal beside it. */
  value = ws_sql_text (copy_path, "PRAGMA journal_mode");
  g_assert_cmpstr (value, ==, "delete");
  g_clear_pointer (&value, g_free);

  /* Saving again replaces it. */
  g_assert_true (gap_workspace_set_assessment_string (ws, ws_first_of_kind (ws, GAP_CONTROL_KIND_ANNEX),
                                                      GAP_FIELD_OWNER, "Replaced", &error));
  g_clear_pointer (&original, g_free);
  original = ws_snapshot (ws);
  g_assert_true (gap_workspace_save_copy (ws, copy, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listing, g_free);
  listing = ws_list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "Saved copy.ismsgap");

  /* Not over itself. */
  {
    g_autoptr(GFile) self = g_file_new_for_path (path);

    g_assert_false (gap_workspace_save_copy (ws, self, &error));
    g_assert_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  reopened = gap_workspace_open_copy (copy, working, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_assert_false (gap_workspace_get_read_only (reopened));
  copied = ws_snapshot (reopened);
  g_assert_cmpstr (original, ==, copied);
  /* A copy of the file is the same workspace (its OSCAL UUIDs too). */
  g_assert_cmpstr (gap_workspace_get_uuid (reopened), ==, gap_workspace_get_uuid (ws));
  g_assert_cmpuint (file_mode (working_path), ==, 0600);
  /* The source was only read. */
  g_clear_pointer (&listing, g_free);
  listing = ws_list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "Saved copy.ismsgap");

  /* The working copy exists now: no second copy over it. */
  {
    g_autoptr(GapWorkspace) again = gap_workspace_open_copy (copy, working, &error);

    g_assert_null (again);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_clear_error (&error);
  }
  g_clear_object (&reopened);

  /* A source that is not a workspace: refused, and no working copy made. */
  {
    g_autofree char *text = g_build_filename (out_dir, "text.ismsgap", NULL);
    g_autofree char *working2_path = g_build_filename (data_dir, "working2.ismsgap", NULL);
    g_autoptr(GFile) source = g_file_new_for_path (text);
    g_autoptr(GFile) working2 = g_file_new_for_path (working2_path);
    g_autoptr(GapWorkspace) bad = NULL;

    g_file_set_contents (text, "hello", -1, &error);
    g_assert_no_error (error);
    bad = gap_workspace_open_copy (source, working2, &error);
    g_assert_null (bad);
    g_assert_error (error, GAP_ERROR, GAP_ERROR_NOT_A_WORKSPACE);
    g_assert_false (g_file_test (working2_path, G_FILE_TEST_EXISTS));
  }

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/store/round-trip", test_round_trip);
  g_test_add_func ("/workspace/store/migration", test_migration);
  g_test_add_func ("/workspace/store/migration-2", test_migration_2);
  g_test_add_func ("/workspace/store/migration-read-only", test_migration_read_only);
  g_test_add_func ("/workspace/store/identity", test_identity);
  g_test_add_func ("/workspace/store/refuse-newer", test_refuse_newer);
  g_test_add_func ("/workspace/store/refuse-corrupt", test_refuse_corrupt);
  g_test_add_func ("/workspace/store/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/workspace/store/missing", test_missing);
  g_test_add_func ("/workspace/store/mode", test_mode);
  g_test_add_func ("/workspace/store/read-only-file", test_read_only_file);
  g_test_add_func ("/workspace/store/read-only-folder", test_read_only_folder);
  g_test_add_func ("/workspace/store/open-twice", test_open_twice);
  g_test_add_func ("/workspace/store/open-read-only", test_open_read_only);
  g_test_add_func ("/workspace/store/cli-read-only", test_cli_read_only);
  g_test_add_func ("/workspace/store/copies", test_copies);

  return g_test_run ();
}
