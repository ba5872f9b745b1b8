/* test-fault-access.c — read-only files and folders, and a second process
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Through isms-gap-cli, as a user would meet them: a workspace that may
 * not be written is still read and exported (opened read-only); a folder
 * that may not be written refuses new files with one clear line; a
 * workspace another process holds is still read, never written, and two
 * processes racing for the same file never damage it. As root the CLI runs
 * as nobody, so that permissions are real (fault-util.c).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fault-util.h"

static void
assert_ok (FaultRun *run)
{
  if (run->signaled || run->status != 0)
    g_test_message ("%s", run->err);
  g_assert_false (run->signaled);
  g_assert_cmpint (run->status, ==, 0);
}

static void
assert_refused (FaultRun   *run,
                const char *words)
{
  g_test_message ("%s", run->err);
  g_assert_false (run->signaled);
  g_assert_cmpint (run->status, !=, 0);
  fault_assert_one_line (run->err);
  if (words != NULL)
    g_assert_nonnull (strstr (run->err, words));
  /* The user's file is named, never a hidden temporary beside it. */
  g_assert_null (strstr (run->err, "/."));
}

/* ---- read-only ---- */

static void
test_read_only_file (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = fault_demo_dir (&workspace, &before);
  g_autofree char *csv = NULL;
  FaultRun run = { 0 };

  g_assert_cmpint (g_chmod (workspace, 0400), ==, 0);

  /* Read, exported, its log printed: everything that only reads. */
  fault_cli (&run, NULL, (const char *[]) { "summary", workspace, NULL });
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "ISO/IEC 27001:2022"));
  fault_cli (&run, NULL, (const char *[]) { "log", workspace, NULL });
  assert_ok (&run);
  csv = g_build_filename (dir, "soa.csv", NULL);
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "csv", "--report", "soa",
                                            "--output", csv, workspace, NULL });
  assert_ok (&run);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_chmod (workspace, 0600), ==, 0);
  fault_assert_unchanged (workspace, before);
  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *json = NULL;
  g_autofree char *listing = NULL;
  FaultRun run = { 0 };
  const char *formats[] = { "csv", "xlsx", "pdf", "oscal" };

  if (!fault_permissions_hold ())
    {
      g_test_skip ("Running as root and nobody may not run the CLI here: "
                   "a read-only folder does not stop root");
      return;
    }

  dir = ws_tmp_dir_new ();
  locked = g_build_filename (dir, "locked", NULL);
  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  fault_give (dir);
  fault_give (locked);
  workspace = fault_make_demo (locked, "demo.ismsgap");
  before = ws_snapshot_file (workspace);
  json = g_build_filename (dir, "demo.json", NULL);
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "json", "--output", json,
                                            workspace, NULL });
  assert_ok (&run);
  g_assert_cmpint (g_chmod (locked, 0500), ==, 0);
  listing = ws_list_dir (locked);

  /* Opened read-only: read and exported elsewhere. */
  fault_cli (&run, NULL, (const char *[]) { "summary", workspace, NULL });
  assert_ok (&run);
  outside = g_build_filename (dir, "out.html", NULL);
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "html", "--output", outside,
                                            workspace, NULL });
  assert_ok (&run);

  /* Nothing new in the folder: one clear line each, and no trace. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", formats[i]);
      g_autofree char *dest = g_build_filename (locked, name, NULL);

      fault_cli (&run, NULL, (const char *[]) { "export", "--format", formats[i], "--output",
                                                dest, workspace, NULL });
      assert_refused (&run, name);
      fault_assert_dir (locked, listing);
    }
  {
    g_autofree char *created = g_build_filename (locked, "new.ismsgap", NULL);

    fault_cli (&run, NULL, (const char *[]) { "new", created, NULL });
    assert_refused (&run, "new.ismsgap");
    fault_assert_dir (locked, listing);
    fault_cli (&run, NULL, (const char *[]) { "new", "--demo", created, NULL });
    assert_refused (&run, "new.ismsgap");
    fault_assert_dir (locked, listing);
    fault_cli (&run, NULL, (const char *[]) { "import", json, created, NULL });
    assert_refused (&run, "new.ismsgap");
    fault_assert_dir (locked, listing);
  }

  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
  fault_assert_unchanged (workspace, before);
  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- a second process ---- */

typedef struct
{
  GPid  pid;
  int   in_fd;
  FILE *out;
} Holder;

static void
holder_start (Holder     *holder,
              const char *path)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "fault", "fault-holder", NULL);
  const char *argv[] = { program, path, NULL };
  g_autoptr(GError) error = NULL;
  char line[512];
  int out_fd;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &holder->pid, &holder->in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  holder->out = fdopen (out_fd, "r");
  g_assert_nonnull (fgets (line, sizeof line, holder->out));
  g_assert_cmpstr (line, ==, "ready\n");
}

static void
holder_stop (Holder *holder)
{
  FaultRun run = { 0 };

  close (holder->in_fd);
  fault_wait (holder->pid, &run);
  fclose (holder->out);
  g_assert_false (run.signaled);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_in_use (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = fault_demo_dir (&workspace, &before);
  g_autofree char *dest = NULL;
  g_autofree char *listing = NULL;
  FaultRun run = { 0 };
  Holder holder;

  dest = g_build_filename (dir, "out.pdf", NULL);

  holder_start (&holder, workspace);
  listing = ws_list_dir (dir);

  /* While the other process has it open, what only reads still works, on
   * what that process saved, and writes nothing beside the workspace. */
  fault_cli (&run, NULL, (const char *[]) { "summary", workspace, NULL });
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "ISO/IEC 27001:2022"));
  fault_cli (&run, NULL, (const char *[]) { "log", workspace, NULL });
  assert_ok (&run);
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "pdf", "--output", dest,
                                            workspace, NULL });
  assert_ok (&run);
  g_assert_cmpint (g_unlink (dest), ==, 0);
  fault_assert_dir (dir, listing);

  holder_stop (&holder);

  /* Once it is closed, everything works again on an intact file. */
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "pdf", "--output", dest,
                                            workspace, NULL });
  assert_ok (&run);
  fault_assert_unchanged (workspace, before);
  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* Two exports started together: each one either completes or says the
 * workspace is in use; neither is killed, nothing is half-written. */
static void
test_racing_exports (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = fault_demo_dir (&workspace, &before);
  guint completed = 0, refused = 0;


  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *a = g_strdup_printf ("%s/a-%u.xlsx", dir, round);
      g_autofree char *b = g_strdup_printf ("%s/b-%u.xlsx", dir, round);
      const char *argv_a[] = { "export", "--format", "xlsx", "--output", a, workspace, NULL };
      const char *argv_b[] = { "export", "--format", "xlsx", "--output", b, workspace, NULL };
      const char *dests[] = { a, b };
      GPid pids[2];

      pids[0] = fault_cli_start (argv_a);
      pids[1] = fault_cli_start (argv_b);
      for (guint i = 0; i < 2; i++)
        {
          FaultRun run = { 0 };

          fault_wait (pids[i], &run);
          g_assert_false (run.signaled);
          if (run.status == 0)
            {
              g_autoptr(GBytes) contents = ws_read_file (dests[i]);

              g_assert_cmpuint (g_bytes_get_size (contents), >, 4);
              g_assert_cmpmem (g_bytes_get_data (contents, NULL), 2, "PK", 2);
              completed++;
            }
          else
            {
              g_assert_false (g_file_test (dests[i], G_FILE_TEST_EXISTS));
              refused++;
            }
        }
    }

  g_test_message ("%u exports completed, %u refused as in use", completed, refused);
  g_assert_cmpuint (completed, >, 0);
  fault_assert_unchanged (workspace, before);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* Two imports to the same new file: exactly one makes it, whole. */
static void
test_racing_imports (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *workspace = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GBytes) expected = NULL;
  FaultRun run = { 0 };

  fault_give (dir);
  workspace = fault_make_demo (dir, "demo.ismsgap");
  json = g_build_filename (dir, "demo.json", NULL);
  again = g_build_filename (dir, "again.json", NULL);
  fault_cli (&run, NULL, (const char *[]) { "export", "--format", "json", "--output", json,
                                            workspace, NULL });
  assert_ok (&run);
  expected = ws_read_file (json);

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *dest = g_strdup_printf ("%s/imported-%u.ismsgap", dir, round);
      g_autoptr(GBytes) contents = NULL;
      const char *argv[] = { "import", json, dest, NULL };
      GPid pids[2];
      guint made = 0;

      pids[0] = fault_cli_start (argv);
      pids[1] = fault_cli_start (argv);
      for (guint i = 0; i < 2; i++)
        {
          fault_wait (pids[i], &run);
          g_assert_false (run.signaled);
          made += run.status == 0;
        }
      g_assert_cmpuint (made, ==, 1);
      fault_assert_intact (dest);
      /* Whole: its JSON form is the one imported. */
      fault_cli (&run, NULL, (const char *[]) { "export", "--format", "json", "--output", again,
                                                dest, NULL });
      assert_ok (&run);
      contents = ws_read_file (again);
      g_assert_true (g_bytes_equal (contents, expected));
    }

  /* No staging file of the loser is left. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (name[0] == '.');
  }
  fault_run_clear (&run);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fault_init ();

  g_test_add_func ("/fault/access/read-only-file", test_read_only_file);
  g_test_add_func ("/fault/access/read-only-folder", test_read_only_folder);
  g_test_add_func ("/fault/access/in-use", test_in_use);
  g_test_add_func ("/fault/access/racing-exports", test_racing_exports);
  g_test_add_func ("/fault/access/racing-imports", test_racing_imports);
  return g_test_run ();
}
