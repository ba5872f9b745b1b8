/* core-test-util.c — helpers shared by the core tests
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "core-test-util.h"

char *
core_tmp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gap-core-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

void
core_tmp_dir_free (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
core_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

GapWorkspace *
core_workspace_new (const char *dir,
                    const char *name,
                    GapEdition  edition)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GapWorkspace *workspace;

  workspace = gap_workspace_create (file, edition, "Test organization", &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

char *
core_date_offset (const GDate *today,
                  int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

void
core_date_set (GDate      *date,
               const char *iso)
{
  guint y, m, d;

  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

GBytes *
core_data_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
set_certificate (GapWorkspace        *workspace,
                 const char          *family,
                 GapCertificateField  field,
                 const char          *value)
{
  GapCertificate *certificate = gap_workspace_lookup_certificate (workspace, family);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (certificate);
  gap_workspace_set_certificate_field (workspace, certificate, field, value, &error);
  g_assert_no_error (error);
}

static void
set_in_use (GapWorkspace *workspace,
            const char   *id,
            gboolean      in_use)
{
  GapServiceRecord *record = gap_workspace_lookup_service (workspace, id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (record);
  gap_workspace_set_service_in_use (workspace, record, in_use, &error);
  g_assert_no_error (error);
}

void
core_setup_services (GapWorkspace *workspace,
                     const GDate  *today)
{
  g_autofree char *recent = core_date_offset (today, -30);
  g_autofree char *old = core_date_offset (today, -400);
  g_autofree char *yesterday = core_date_offset (today, -1);
  g_autofree char *later = core_date_offset (today, 400);

  set_in_use (workspace, CORE_CURRENT, TRUE);
  set_in_use (workspace, CORE_BEST_OF, TRUE);
  set_in_use (workspace, CORE_STALE, TRUE);
  set_in_use (workspace, CORE_UNVERIFIED, TRUE);
  set_in_use (workspace, CORE_EXPIRED, TRUE);
  set_in_use (workspace, CORE_NOT_IN_USE, FALSE);

  set_certificate (workspace, "office-365", GAP_CERTIFICATE_FIELD_LAST_AUDIT, recent);
  set_certificate (workspace, "office-365", GAP_CERTIFICATE_FIELD_EXPIRY, later);
  set_certificate (workspace, "azure", GAP_CERTIFICATE_FIELD_LAST_AUDIT, old);
  set_certificate (workspace, "mcio", GAP_CERTIFICATE_FIELD_LAST_AUDIT, recent);
  set_certificate (workspace, "azure-devops", GAP_CERTIFICATE_FIELD_LAST_AUDIT, recent);
  set_certificate (workspace, "azure-devops", GAP_CERTIFICATE_FIELD_EXPIRY, yesterday);
  set_certificate (workspace, "defender-atp", GAP_CERTIFICATE_FIELD_LAST_AUDIT, recent);

  g_assert_cmpint (gap_workspace_get_service_state (workspace,
                                                    gap_workspace_lookup_service (workspace, CORE_CURRENT),
                                                    today), ==, GAP_CERTIFICATE_STATE_CURRENT);
  g_assert_cmpint (gap_workspace_get_service_state (workspace,
                                                    gap_workspace_lookup_service (workspace, CORE_BEST_OF),
                                                    today), ==, GAP_CERTIFICATE_STATE_CURRENT);
  g_assert_cmpint (gap_workspace_get_service_state (workspace,
                                                    gap_workspace_lookup_service (workspace, CORE_STALE),
                                                    today), ==, GAP_CERTIFICATE_STATE_STALE);
  g_assert_cmpint (gap_workspace_get_service_state (workspace,
                                                    gap_workspace_lookup_service (workspace, CORE_UNVERIFIED),
                                                    today), ==, GAP_CERTIFICATE_STATE_UNVERIFIED);
  g_assert_cmpint (gap_workspace_get_service_state (workspace,
                                                    gap_workspace_lookup_service (workspace, CORE_EXPIRED),
                                                    today), ==, GAP_CERTIFICATE_STATE_STALE);
}

char *
core_workspace_dump (GapWorkspace *workspace)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *model;
  guint n;
  guint n_custom = 0;

  g_string_append_printf (out, "edition %s\n",
                          gap_edition_to_string (gap_workspace_get_edition (workspace)));
  g_string_append_printf (out, "uuid %s\n", gap_workspace_get_uuid (workspace));
  for (guint f = GAP_SCOPE_FIELD_ORGANIZATION; f <= GAP_SCOPE_FIELD_ASSESSMENT_DATE; f++)
    g_string_append_printf (out, "scope %u [%s]\n", f,
                            gap_workspace_get_scope_field (workspace, f) ?: "");

  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      model = gap_workspace_get_scope_items (workspace, kind);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GapScopeItem) item = g_list_model_get_item (model, i);
          g_string_append_printf (out, "item %s %u [%s] [%s]\n", gap_scope_kind_to_string (kind), i,
                                  gap_scope_item_get_name (item),
                                  gap_scope_item_get_detail (item) ?: "");
        }
    }

  model = gap_workspace_get_services (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (model, i);
      const char *id = gap_service_record_get_id (record);

      if (gap_service_record_get_is_custom (record))
        {
          char *name = g_strdup_printf ("custom#%u", ++n_custom);
          const char * const *families = gap_service_record_get_family_ids (record);

          g_string_append_printf (out, "custom %s [%s] models %u in-use %d\n", name,
                                  gap_service_record_get_name (record, NULL),
                                  gap_service_record_get_models (record),
                                  gap_service_record_get_in_use (record));
          /* The certificate may have the provider's ID: insert it first. */
          if (families != NULL && families[0] != NULL)
            g_hash_table_insert (custom, (gpointer) families[0], g_strdup (name));
          g_hash_table_insert (custom, (gpointer) id, name);
        }
      else
        {
          g_string_append_printf (out, "service %s in-use %d\n", id,
                                  gap_service_record_get_in_use (record));
        }
    }

  model = gap_workspace_get_certificates (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (model, i);
      const char *id = gap_certificate_get_family_id (certificate);
      const char *shown = g_hash_table_lookup (custom, id);

      g_string_append_printf (out, "certificate %s", shown ?: id);
      for (guint f = GAP_CERTIFICATE_FIELD_REFERENCE; f <= GAP_CERTIFICATE_FIELD_NOTES; f++)
        g_string_append_printf (out, " [%s]", gap_certificate_get_field (certificate, f) ?: "");
      g_string_append_c (out, '\n');
    }

  model = gap_workspace_get_assessments (workspace);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (model, i);
      const char * const *services = gap_assessment_get_services (a);

      g_string_append_printf (out, "assessment %s %s [%s] %u %s",
                              gap_assessment_get_control_id (a),
                              gap_applicability_to_string (gap_assessment_get_applicability (a)),
                              gap_assessment_get_justification (a) ?: "",
                              gap_assessment_get_reasons (a),
                              gap_responsibility_to_string (gap_assessment_get_responsibility (a)));
      for (guint k = 0; services[k] != NULL; k++)
        {
          const char *shown = g_hash_table_lookup (custom, services[k]);
          g_string_append_printf (out, " svc=%s", shown ?: services[k]);
        }
      g_string_append_printf (out, " %s [%s] [%s] %s [%s] [%s] review=%d\n",
                              gap_status_to_string (gap_assessment_get_status (a)),
                              gap_assessment_get_owner (a) ?: "",
                              gap_assessment_get_due_date (a) ?: "",
                              gap_priority_to_string (gap_assessment_get_priority (a)),
                              gap_assessment_get_evidence (a) ?: "",
                              gap_assessment_get_notes (a) ?: "",
                              gap_assessment_get_needs_review (a));
    }

  return g_string_free (out, FALSE);
}
