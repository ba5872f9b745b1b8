/* test-fault-hostile.c — content meant to break things
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1 MiB notes (the most a field takes) through every exporter and back
 * through JSON; control IDs that do not exist, in an import and in a
 * workspace file; invalid UTF-8 in an import and in a workspace file; JSON
 * nested 100,000 levels deep; an import larger than the 64 MiB limit.
 * Each is either handled whole or refused with one clear line, creating
 * nothing; never a crash.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fault-util.h"
#include "gap-export.h"

#define ONE_MIB (1024 * 1024)

static void
assert_refused (FaultRun   *run,
                const char *words)
{
  g_test_message ("%s", run->err);
  g_assert_false (run->signaled);
  g_assert_cmpint (run->status, !=, 0);
  fault_assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, words));
}

static GapWorkspace *
open_path (const char *path,
           GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gap_workspace_open (file, error);
}

/* Notes of exactly @bytes bytes, in both scripts, line after line. */
static char *
long_text (gsize bytes)
{
  GString *text = g_string_sized_new (bytes + 64);
  guint line = 0;

  while (text->len < bytes)
    g_string_append_printf (text, "第 %u 行：存取控制 access review <b>&amp;</b> \"quoted\"\n",
                            ++line);
  /* Cut back to whole characters, then pad with ASCII to the exact size. */
  g_string_truncate (text, bytes);
  while (!g_utf8_validate (text->str, text->len, NULL))
    g_string_truncate (text, text->len - 1);
  while (text->len < bytes)
    g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static GBytes *
json_of (GapWorkspace *ws)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gap_workspace_write_json (ws, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
test_huge_notes (void)
{
  static const GapExportFormat formats[] = {
    GAP_EXPORT_FORMAT_CSV, GAP_EXPORT_FORMAT_HTML, GAP_EXPORT_FORMAT_JSON,
    GAP_EXPORT_FORMAT_XLSX, GAP_EXPORT_FORMAT_OSCAL, GAP_EXPORT_FORMAT_PDF,
  };
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "huge.ismsgap", NULL);
  g_autofree char *json_path = g_build_filename (dir, "soa-json.json", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.ismsgap", NULL);
  g_autofree char *notes = long_text (ONE_MIB);
  g_autofree char *too_long = long_text (ONE_MIB + 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GapWorkspace) copy = NULL;
  g_autoptr(GapAnalysis) analysis = NULL;
  GapAssessment *annex;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) copy_json = NULL;

  ws = gap_workspace_create (file, GAP_EDITION_2022, "Hostile Ltd", &error);
  g_assert_no_error (error);
  annex = ws_first_of_kind (ws, GAP_CONTROL_KIND_ANNEX);

  /* The most a field takes, in a clause and an Annex A control. */
  g_assert_true (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_NOTES, notes, &error));
  g_assert_no_error (error);
  {
    GapAssessment *clause = ws_first_of_kind (ws, GAP_CONTROL_KIND_CLAUSE);

    g_assert_true (gap_workspace_set_assessment_string (ws, clause, GAP_FIELD_EVIDENCE, notes,
                                                        &error));
    g_assert_no_error (error);
  }
  g_assert_true (gap_workspace_set_scope_field (ws, GAP_SCOPE_FIELD_STATEMENT, notes, &error));
  g_assert_no_error (error);

  /* One byte more is refused, and the old value stays. */
  g_assert_false (gap_workspace_set_assessment_string (ws, annex, GAP_FIELD_NOTES, too_long,
                                                       &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (g_str_equal (gap_assessment_get_notes (annex), notes));

  /* Every exporter copes, with both reports (PDF wraps it over pages). */
  analysis = gap_analysis_new (ws);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (GapReportKind kind = GAP_REPORT_GAP; kind <= GAP_REPORT_SOA; kind++)
      {
        const char *extension = gap_export_format_get_extension (formats[i]);
        g_autofree char *name = g_strdup_printf ("%s-%s.%s", gap_report_kind_to_string (kind),
                                                 gap_export_format_to_string (formats[i]),
                                                 extension);
        g_autofree char *dest_path = g_build_filename (dir, name, NULL);
        g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
        GStatBuf st;

        g_assert_true (gap_export_to_file (analysis, formats[i], kind, GAP_EXPORT_LANGUAGE_BOTH,
                                           dest, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpint (g_stat (dest_path, &st), ==, 0);
        /* The lossless form holds all three whole. */
        if (formats[i] == GAP_EXPORT_FORMAT_JSON)
          g_assert_cmpint (st.st_size, >, 3 * ONE_MIB);
      }

  /* And back: the JSON form imports to the same workspace. */
  json = ws_read_file (json_path);
  {
    g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);

    copy = gap_workspace_import_json (json, copy_file, &error);
    g_assert_no_error (error);
  }
  /* (The snapshots differ in the file's UUID and the change times, which
   * the JSON form leaves out.) Compared as bytes: no 1 MiB diff printed. */
  copy_json = json_of (copy);
  g_assert_true (g_bytes_equal (copy_json, json));

  gap_workspace_close (ws);
  gap_workspace_close (copy);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_unknown_controls (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *workspace = NULL;
  g_autofree char *json = g_build_filename (dir, "unknown.json", NULL);
  g_autofree char *dest = g_build_filename (dir, "imported.ismsgap", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  FaultRun run = { 0 };
  guint n;

  fault_give (dir);

  /* In an import: refused, naming the control; nothing created. */
  g_assert_true (g_file_set_contents (json,
    "{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2022\",\"assessments\":"
    "[{\"control\":\"A.5.1\"},{\"control\":\"A.9.99\",\"status\":\"implemented\"}]}", -1, NULL));
  fault_give (json);
  fault_cli (&run, NULL, (const char *[]) { "import", json, dest, NULL });
  assert_refused (&run, "A.9.99");
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  /* A 2013 ID in a 2022 import is as unknown. */
  g_assert_true (g_file_set_contents (json,
    "{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2022\",\"assessments\":"
    "[{\"control\":\"A.5.1.1\"}]}", -1, NULL));
  fault_cli (&run, NULL, (const char *[]) { "import", json, dest, NULL });
  assert_refused (&run, "A.5.1.1");
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  fault_assert_dir (dir, "unknown.json");

  /* In a workspace file (another program wrote it, or a newer catalog):
   * the row stays in the file, unseen; everything else works. */
  workspace = fault_make_demo (dir, "demo.ismsgap");
  ws_sql (workspace, "INSERT INTO assessment (control_id, status, notes) "
                     "VALUES ('A.9.99', 'implemented', 'from elsewhere')");
  ws = open_path (workspace, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (gap_workspace_get_assessments (ws));
  g_assert_null (gap_workspace_lookup_assessment (ws, "A.9.99"));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (gap_catalog_get_controls (
    gap_workspace_get_catalog (ws), GAP_EDITION_2022)));
  g_clear_object (&ws);

  fault_cli (&run, NULL, (const char *[]) { "summary", workspace, NULL });
  g_assert_cmpint (run.status, ==, 0);
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "json", "--output", exported,
                                            workspace, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "A.9.99"));
  fault_cli (&run, NULL, (const char *[]) { "import", exported, dest, NULL });
  g_assert_cmpint (run.status, ==, 0);
  fault_assert_intact (workspace);

  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *json = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *dest = g_build_filename (dir, "imported.ismsgap", NULL);
  g_autofree char *workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  static const char bad[] =
    "{\"format\":\"isms-gap-workspace\",\"version\":1,\"edition\":\"2022\","
    "\"scope\":{\"organization\":\"Caf\xc3\x28 \xff\xfe Ltd\"}}";
  FaultRun run = { 0 };

  fault_give (dir);

  /* An import: refused with the byte at fault, nothing created. */
  g_assert_true (g_file_set_contents (json, bad, sizeof bad - 1, NULL));
  fault_give (json);
  fault_cli (&run, NULL, (const char *[]) { "import", json, dest, NULL });
  assert_refused (&run, "UTF-8");
  fault_assert_dir (dir, "bad.json");

  /* A workspace file another program wrote bad text into: damaged, said so. */
  workspace = fault_make_demo (dir, "demo.ismsgap");
  ws_sql (workspace, "UPDATE assessment SET notes = CAST(X'4f4bff' AS TEXT) "
                     "WHERE control_id = 'A.5.1'");
  ws = open_path (workspace, &error);
  g_assert_null (ws);
  g_assert_error (error, GAP_ERROR, GAP_ERROR_CORRUPT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
  fault_cli (&run, NULL, (const char *[]) { "summary", workspace, NULL });
  assert_refused (&run, "damaged");
  g_assert_true (g_utf8_validate (run.err, -1, NULL));

  /* A date that is not one, the same. */
  ws_sql (workspace, "UPDATE assessment SET notes = '', due_date = '2026-02-30' "
                     "WHERE control_id = 'A.5.1'");
  fault_cli (&run, NULL, (const char *[]) { "summary", workspace, NULL });
  assert_refused (&run, "2026-02-30");

  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_deep_json (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *json = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *dest = g_build_filename (dir, "imported.ismsgap", NULL);
  GString *deep = g_string_new ("{\"format\":\"isms-gap-workspace\",\"version\":1,"
                                "\"edition\":\"2022\",\"scope\":");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) dest_file = g_file_new_for_path (dest);
  g_autoptr(GError) error = NULL;
  FaultRun run = { 0 };

  fault_give (dir);
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, i % 2 ? "[" : "{\"a\":");
  for (guint i = 100000; i > 0; i--)
    g_string_append (deep, (i - 1) % 2 ? "]" : "}");
  g_string_append (deep, "}");
  g_assert_true (g_file_set_contents (json, deep->str, deep->len, NULL));
  fault_give (json);

  /* In this process: json-glib's parser recurses, and must never see it. */
  bytes = g_string_free_to_bytes (deep);
  g_assert_null (gap_workspace_import_json (bytes, dest_file, &error));
  g_assert_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  fault_cli (&run, NULL, (const char *[]) { "import", json, dest, NULL });
  assert_refused (&run, "Nested deeper");
  fault_assert_dir (dir, "deep.json");

  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_oversized_import (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *json = g_build_filename (dir, "big.json", NULL);
  g_autofree char *dest = g_build_filename (dir, "imported.ismsgap", NULL);
  FaultRun run = { 0 };
  FILE *f;

  fault_give (dir);
  /* Sparse: 65 MiB that take no disk space. */
  f = fopen (json, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 65 * ONE_MIB), ==, 0);
  fclose (f);
  fault_give (json);

  fault_cli (&run, NULL, (const char *[]) { "import", json, dest, NULL });
  assert_refused (&run, "64 MiB");
  fault_assert_dir (dir, "big.json");

  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fault_init ();

  g_test_add_func ("/fault/hostile/huge-notes", test_huge_notes);
  g_test_add_func ("/fault/hostile/unknown-controls", test_unknown_controls);
  g_test_add_func ("/fault/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/fault/hostile/deep-json", test_deep_json);
  g_test_add_func ("/fault/hostile/oversized-import", test_oversized_import);
  return g_test_run ();
}
