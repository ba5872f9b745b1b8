/* ws-test-util.c — helpers shared by the workspace tests and their helper
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ws-test-util.h"

static void
append_escaped (GString    *out,
                const char *value)
{
  g_autofree char *escaped = g_strescape (value != NULL ? value : "(null)", NULL);

  g_string_append_printf (out, "\"%s\"", escaped);
}

char *
ws_snapshot (GapWorkspace *workspace)
{
  GString *out = g_string_new (NULL);
  GListModel *model;
  guint n;

  g_string_append_printf (out, "edition %s\n",
                          gap_edition_to_string (gap_workspace_get_edition (workspace)));
  g_string_append_printf (out, "uuid %s\n", gap_workspace_get_uuid (workspace));
  for (guint f = GAP_SCOPE_FIELD_ORGANIZATION; f <= GAP_SCOPE_FIELD_ASSESSMENT_DATE; f++)
    {
      g_string_append_printf (out, "scope %u ", f);
      append_escaped (out, gap_workspace_get_scope_field (workspace, f));
      g_string_append_c (out, '\n');
    }

  for (guint k = 0; k < GAP_N_SCOPE_KINDS; k++)
    {
      model = gap_workspace_get_scope_items (workspace, k);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GapScopeItem) item = g_list_model_get_item (model, i);

          g_string_append_printf (out, "item %s %u %" G_GINT64_FORMAT " ",
                                  gap_scope_kind_to_string (k), i, gap_scope_item_get_id (item));
          append_escaped (out, gap_scope_item_get_name (item));
          g_string_append_c (out, ' ');
          append_escaped (out, gap_scope_item_get_detail (item));
          g_string_append_c (out, '\n');
        }
    }

  model = gap_workspace_get_services (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (out, "service %s custom=%d models=%u in-use=%d ",
                              gap_service_record_get_id (record),
                              gap_service_record_get_is_custom (record),
                              gap_service_record_get_models (record),
                              gap_service_record_get_in_use (record));
      append_escaped (out, gap_service_record_get_name (record, "en"));
      g_string_append_c (out, '\n');
    }

  model = gap_workspace_get_certificates (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (model, i);

      g_string_append_printf (out, "certificate %s", gap_certificate_get_family_id (certificate));
      for (guint f = GAP_CERTIFICATE_FIELD_REFERENCE; f <= GAP_CERTIFICATE_FIELD_NOTES; f++)
        {
          g_string_append_c (out, ' ');
          append_escaped (out, gap_certificate_get_field (certificate, f));
        }
      g_string_append_c (out, '\n');
    }

  model = gap_workspace_get_assessments (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (model, i);
      g_autofree char *services = g_strjoinv (",", (char **) gap_assessment_get_services (a));

      g_string_append_printf (out, "assessment %s app=%d reasons=%u resp=%d status=%d prio=%d "
                              "review=%d services=%s ",
                              gap_assessment_get_control_id (a),
                              gap_assessment_get_applicability (a),
                              gap_assessment_get_reasons (a),
                              gap_assessment_get_responsibility (a),
                              gap_assessment_get_status (a),
                              gap_assessment_get_priority (a),
                              gap_assessment_get_needs_review (a),
                              services);
      append_escaped (out, gap_assessment_get_justification (a));
      g_string_append_c (out, ' ');
      append_escaped (out, gap_assessment_get_owner (a));
      g_string_append_c (out, ' ');
      append_escaped (out, gap_assessment_get_due_date (a));
      g_string_append_c (out, ' ');
      append_escaped (out, gap_assessment_get_evidence (a));
      g_string_append_c (out, ' ');
      append_escaped (out, gap_assessment_get_notes (a));
      g_string_append_c (out, ' ');
      append_escaped (out, gap_assessment_get_changed (a));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
ws_snapshot_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) workspace = gap_workspace_open (file, &error);

  g_assert_no_error (error);
  return ws_snapshot (workspace);
}

char *
ws_tmp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gap-workspace-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

void
ws_tmp_dir_free (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
ws_list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

GBytes *
ws_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

GapAssessment *
ws_first_of_kind (GapWorkspace   *workspace,
                  GapControlKind  kind)
{
  GListModel *model = gap_workspace_get_assessments (workspace);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (model, i);

      if (gap_control_get_kind (gap_assessment_get_control (a)) == kind)
        return a;
    }
  g_assert_not_reached ();
  return NULL;
}

void
ws_sql (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open (path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

char *
ws_sql_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

gboolean
ws_run_cli (const char * const  *args,
            char               **out,
            char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  int status;

  g_assert_nonnull (g_getenv ("GAP_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("GAP_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out_text,
                &err_text, &status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&out_text);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);
  return g_spawn_check_wait_status (status, NULL);
}

GapWorkspace *
ws_open_read_only (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gap_workspace_open_read_only (file, error);
}
