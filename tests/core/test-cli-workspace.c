/* test-cli-workspace.c — isms-gap-cli new, summary, import and migrate on real files
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "core-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs isms-gap-cli in @dir with the arguments after it (NULL-terminated). */
static void
run (Run        *r,
     const char *dir,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  run_clear (r);
  g_ptr_array_add (argv, (gpointer) g_getenv ("GAP_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &r->status, &error);
  g_assert_no_error (error);
}

static gboolean
succeeded (Run *r)
{
  return g_spawn_check_wait_status (r->status, NULL);
}

/* Failed, with exactly one line on stderr that says @part, and nothing on
 * stdout. */
static void
assert_failed (Run        *r,
               const char *part)
{
  if (succeeded (r))
    g_error ("succeeded: %s", r->out);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "isms-gap-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  if (strstr (r->err, part) == NULL)
    g_error ("“%s” does not say “%s”", r->err, part);
}

static void
assert_listing (const char *dir,
                const char *expected)
{
  g_autofree char *listing = core_list_dir (dir);
  g_assert_cmpstr (listing, ==, expected);
}

static void
test_new (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = g_build_filename (dir, "a.ismsgap", NULL);
  Run r = { 0 };

  run (&r, dir, "new", "a.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_cmpstr (r.err, ==, "");
  assert_listing (dir, "a.ismsgap");

  run (&r, dir, "new", "--edition", "2013", "--organization", "舊制公司", "b.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  run (&r, dir, "summary", "b.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_true (g_str_has_prefix (r.out, "舊制公司 — ISO/IEC 27001:2013\n"));
  g_assert_nonnull (strstr (r.out, "Coverage: 0.0 % (0 covered of 140 applicable)"));
  g_assert_nonnull (strstr (r.out, "  A.18 "));

  /* Never over an existing file. */
  g_file_get_contents (path, &before, NULL, NULL);
  run (&r, dir, "new", "--edition", "2013", "a.ismsgap", NULL);
  assert_failed (&r, "already exists");
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_true (memcmp (before, after, 16) == 0);

  run (&r, dir, "new", "--edition", "1999", "c.ismsgap", NULL);
  assert_failed (&r, "Unknown edition “1999”");
  g_assert_cmpint (WEXITSTATUS (r.status), ==, 2);
  run (&r, dir, "new", "--demo", "--edition", "2013", "c.ismsgap", NULL);
  assert_failed (&r, "--demo cannot be combined with --edition 2013");
  run (&r, dir, "new", "--demo", "--organization", "X", "c.ismsgap", NULL);
  assert_failed (&r, "--demo cannot be combined with --organization");
  run (&r, dir, "new", NULL);
  assert_failed (&r, "Expected FILE");
  run (&r, dir, "new", "--colour", "c.ismsgap", NULL);
  assert_failed (&r, "--colour");
  run (&r, dir, "new", "no-such-folder/c.ismsgap", NULL);
  assert_failed (&r, "");
  assert_listing (dir, "a.ismsgap b.ismsgap");

  run_clear (&r);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_demo_summary (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *verdicts;
  Run r = { 0 };

  run (&r, dir, "new", "--demo", "demo.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_cmpstr (r.out, ==, "");

  run (&r, dir, "summary", "demo.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "台灣範例精密股份有限公司 — ISO/IEC 27001:2022\n"));
  g_assert_nonnull (strstr (r.out, "\nCoverage: "));
  g_assert_nonnull (strstr (r.out, "\nVerdicts: Covered "));
  g_assert_nonnull (strstr (r.out, "\n   1. A.8.7    Protection against malware\n"));
  g_assert_nonnull (strstr (r.out, "\n  10. "));
  g_assert_null (strstr (r.out, "\n  11. "));
  g_assert_nonnull (strstr (r.out, "\nCertificate warnings:\n  Stale: Azure"));
  g_assert_nonnull (strstr (r.out, "  Unverified: 竹北範例數據共置機房（虛構）\n"));
  g_assert_nonnull (strstr (r.out, "\nNot applicable without a justification:\n  A.7.6    Working in secure areas\n"));

  run (&r, dir, "summary", "--lang", "zh_TW", "demo.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_nonnull (strstr (r.out, "A.8.7    防範惡意軟體"));
  /* Labels too, from the translations of the build (GAP_LOCALEDIR). */
  g_assert_nonnull (strstr (r.out, "\n判定結果：已涵蓋 "));
  g_assert_nonnull (strstr (r.out, "\n證書警示：\n"));
  g_assert_nonnull (strstr (r.out, "A.5    "));

  run (&r, dir, "summary", "--format", "json", "demo.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "edition"), ==, "2022");
  verdicts = json_object_get_object_member (json_object_get_object_member (root, "counts"), "verdicts");
  g_assert_cmpint (json_object_get_size (verdicts), ==, GAP_N_VERDICTS);
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    g_assert_cmpint (json_object_get_int_member (verdicts, gap_verdict_to_string (v)), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "top_gaps")), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "top_gaps"), 0), "control"), ==, "A.8.7");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "certificate_warnings")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "unjustified")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "groups")), ==, 11);

  run (&r, dir, "summary", "--format", "xml", "demo.ismsgap", NULL);
  assert_failed (&r, "Unknown format “xml”");
  run (&r, dir, "summary", "--lang", "fr", "demo.ismsgap", NULL);
  assert_failed (&r, "Unknown language “fr”");
  run (&r, dir, "summary", "missing.ismsgap", NULL);
  assert_failed (&r, "missing.ismsgap");
  assert_listing (dir, "demo.ismsgap");

  run_clear (&r);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_import (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autofree char *demo = g_build_filename (g_getenv ("GAP_SOURCE_ROOT"), "data", "demo", "demo.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *broken = NULL;
  char *at;
  Run r = { 0 };

  run (&r, dir, "import", demo, "imported.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_cmpstr (r.err, ==, "");
  run (&r, dir, "summary", "imported.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_true (g_str_has_prefix (r.out, "台灣範例精密股份有限公司 — ISO/IEC 27001:2022\n"));

  run (&r, dir, "import", demo, "imported.ismsgap", NULL);
  assert_failed (&r, "already exists");

  /* A bad value deep in the file: named, and nothing written. */
  g_file_get_contents (demo, &text, NULL, NULL);
  at = strstr (text, "\"status\": \"implemented\"");
  g_assert_nonnull (at);
  broken = g_strdup_printf ("%.*s\"status\": \"done\"%s", (int) (at - text), text,
                            at + strlen ("\"status\": \"implemented\""));
  g_file_set_contents (bad, broken, -1, NULL);
  run (&r, dir, "import", "bad.json", "bad.ismsgap", NULL);
  assert_failed (&r, "bad.json: assessments[0].status: unknown value “done”");

  g_file_set_contents (bad, "{\"format\":\"isms-gap-workspace\",", -1, NULL);
  run (&r, dir, "import", "bad.json", "bad.ismsgap", NULL);
  assert_failed (&r, "Not valid JSON");

  run (&r, dir, "import", "missing.json", "bad.ismsgap", NULL);
  assert_failed (&r, "missing.json");
  run (&r, dir, "import", "bad.json", NULL);
  assert_failed (&r, "Expected FILE.json OUTPUT.ismsgap");
  g_assert_cmpint (WEXITSTATUS (r.status), ==, 2);

  assert_listing (dir, "bad.json imported.ismsgap");

  run_clear (&r);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_migrate (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autofree char *legacy = g_test_build_filename (G_TEST_DIST, "core", "data", "legacy-2013.json", NULL);
  Run r = { 0 };

  run (&r, dir, "import", legacy, "legacy.ismsgap", NULL);
  g_assert_true (succeeded (&r));

  run (&r, dir, "migrate", "legacy.ismsgap", "modern.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "A.5.14 ← A.13.2.1, A.13.2.2, A.13.2.3: merged; the sources disagree on "));
  g_assert_true (g_str_has_suffix (r.out, "14 controls need review. 24 controls merge several 2013 "
                                          "controls. 12 controls are new in 2022 and start not assessed.\n"));

  run (&r, dir, "summary", "modern.ismsgap", NULL);
  g_assert_true (succeeded (&r));
  g_assert_true (g_str_has_prefix (r.out, "舊制範例股份有限公司 — ISO/IEC 27001:2022\n"));

  run (&r, dir, "migrate", "modern.ismsgap", "again.ismsgap", NULL);
  assert_failed (&r, "Only a workspace of ISO/IEC 27001:2013 can be migrated");
  run (&r, dir, "migrate", "legacy.ismsgap", "modern.ismsgap", NULL);
  assert_failed (&r, "already exists");
  run (&r, dir, "migrate", "legacy.ismsgap", NULL);
  assert_failed (&r, "Expected INPUT.ismsgap OUTPUT.ismsgap");

  assert_listing (dir, "legacy.ismsgap modern.ismsgap");

  run_clear (&r);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

/* A workspace is a local SQLite file: a remote destination is refused with
 * one clear line, before anything is made. */
static void
test_remote_destination (void)
{
  g_autofree char *dir = core_tmp_dir_new ();
  g_autofree char *demo = g_build_filename (g_getenv ("GAP_SOURCE_ROOT"), "data", "demo", "demo.json", NULL);
  g_autofree char *legacy = g_test_build_filename (G_TEST_DIST, "core", "data", "legacy-2013.json", NULL);
  Run r = { 0 };

  run (&r, dir, "import", legacy, "legacy.ismsgap", NULL);
  g_assert_true (succeeded (&r));

  run (&r, dir, "new", "sftp://host/x.ismsgap", NULL);
  assert_failed (&r, "“sftp://host/x.ismsgap” is not a local file");
  run (&r, dir, "new", "--demo", "sftp://host/x.ismsgap", NULL);
  assert_failed (&r, "“sftp://host/x.ismsgap” is not a local file");
  run (&r, dir, "import", demo, "sftp://host/x.ismsgap", NULL);
  assert_failed (&r, "“sftp://host/x.ismsgap” is not a local file");
  run (&r, dir, "migrate", "legacy.ismsgap", "sftp://host/x.ismsgap", NULL);
  assert_failed (&r, "“sftp://host/x.ismsgap” is not a local file");

  assert_listing (dir, "legacy.ismsgap");

  run_clear (&r);
  core_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/new", test_new);
  g_test_add_func ("/core/cli/demo-summary", test_demo_summary);
  g_test_add_func ("/core/cli/import", test_import);
  g_test_add_func ("/core/cli/migrate", test_migrate);
  g_test_add_func ("/core/cli/remote-destination", test_remote_destination);

  return g_test_run ();
}
