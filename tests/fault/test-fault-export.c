/* test-fault-export.c — an export killed, or out of disk space
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * isms-gap-cli export is killed with SIGKILL at points spread over its run,
 * and run where the disk fills up. Whatever happens, the output folder
 * holds the complete file or nothing (no partial file, no hidden
 * temporary), and the workspace it read is intact and unchanged.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "fault-util.h"

static const char * const formats[] = { "csv", "html", "json", "xlsx", "oscal", "pdf" };

/* The names an export of @format to "out.<ext>" leaves when it completes. */
static char *
complete_listing (const char *format)
{
  if (g_str_equal (format, "oscal"))
    return g_strdup ("out.oscal out.oscal-catalog.json out.oscal-profile.json");
  return g_strdup_printf ("out.%s", format);
}

static void
export_args (const char  *format,
             const char  *workspace,
             const char  *dest,
             const char **argv)
{
  argv[0] = "export";
  argv[1] = "--format";
  argv[2] = format;
  argv[3] = "--lang";
  argv[4] = "both";
  argv[5] = "--date";
  argv[6] = "2026-11-29";
  argv[7] = "--output";
  argv[8] = dest;
  argv[9] = workspace;
  argv[10] = NULL;
}

static void
empty_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* Name → contents of every file in @dir. */
static GHashTable *
read_all (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_hash_table_insert (files, g_strdup (name), ws_read_file (path));
    }
  return files;
}

/* Every file named in @names (joined by spaces) is the same as in a
 * complete export; a PDF carries its creation time, so there only its
 * size must match. */
static void
assert_complete (const char *dir,
                 const char *names,
                 GHashTable *references)
{
  g_auto(GStrv) list = g_strsplit (names, " ", -1);

  for (guint i = 0; list[i] != NULL && list[i][0] != '\0'; i++)
    {
      g_autofree char *path = g_build_filename (dir, list[i], NULL);
      g_autoptr(GBytes) contents = ws_read_file (path);
      GBytes *reference = g_hash_table_lookup (references, list[i]);

      if (reference == NULL)
        g_error ("unexpected file after the kill: %s (in “%s”)", list[i], names);
      if (g_str_has_suffix (list[i], ".pdf"))
        g_assert_cmpuint (g_bytes_get_size (contents), ==, g_bytes_get_size (reference));
      else
        g_assert_true (g_bytes_equal (contents, reference));
    }
}

/* Nothing with data in it may be left in the temporary folder. The one
 * exception is libxlsxwriter's: it creates "tmp.XXXXXXXXXX" (0600) and
 * unlinks it at once, before writing a byte, so a kill in between leaves an
 * empty file. Returns how many of those there were, and removes them. */
static guint
assert_no_data (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint strays = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      if (!g_str_has_prefix (name, "tmp.") || !S_ISREG (st.st_mode) || st.st_size != 0)
        g_error ("Left in the temporary folder: %s (%ld bytes)", name, (long) st.st_size);
      g_assert_cmpint (st.st_mode & 0077, ==, 0);
      g_unlink (path);
      strays++;
    }
  return strays;
}

static void
test_kill (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = fault_demo_dir (&workspace, &before);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *tmp_dir = g_build_filename (dir, "tmp", NULL);
  guint killed = 0, completed = 0, strays = 0;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  fault_give (out_dir);
  /* Nothing may be left in the temporary folder either (the XLSX writer
   * works through one). */
  g_assert_cmpint (g_mkdir (tmp_dir, 0700), ==, 0);
  fault_give (tmp_dir);
  fault_set_tmpdir (tmp_dir);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", formats[f]);
      g_autofree char *dest = g_build_filename (out_dir, name, NULL);
      g_autofree char *listing = complete_listing (formats[f]);
      g_autoptr(GHashTable) references = NULL;
      const char *argv[11];
      FaultRun run = { 0 };
      gint64 start, duration;

      /* A whole run first: what a complete export looks like, and how long
       * it takes, to spread the kills over it. */
      export_args (formats[f], workspace, dest, argv);
      start = g_get_monotonic_time ();
      fault_cli (&run, NULL, argv);
      duration = g_get_monotonic_time () - start;
      g_assert_cmpint (run.status, ==, 0);
      fault_assert_dir (out_dir, listing);
      references = read_all (out_dir);
      empty_dir (out_dir);

      for (guint i = 0; i < 12; i++)
        {
          GPid pid = fault_cli_start (argv);
          g_autofree char *names = NULL;

          g_usleep (duration * i / 10);
          kill (pid, SIGKILL);
          fault_wait (pid, &run);
          strays += assert_no_data (tmp_dir);

          if (run.signaled)
            g_assert_cmpint (run.status, ==, SIGKILL);
          else
            g_assert_cmpint (run.status, ==, 0);

          /* Killed before the rename: nothing at all. Killed after it, or
           * not killed: the complete export. OSCAL renames its three files
           * one by one, the SSP (@dest) last: a kill in between may leave
           * the first ones, complete, never an SSP without them. */
          names = ws_list_dir (out_dir);
          if (!g_file_test (dest, G_FILE_TEST_EXISTS))
            {
              g_assert_true (run.signaled);
              assert_complete (out_dir, names, references);
              empty_dir (out_dir);
              killed++;
              continue;
            }
          g_assert_cmpstr (names, ==, listing);
          assert_complete (out_dir, names, references);
          empty_dir (out_dir);
          completed++;
        }
      fault_run_clear (&run);
    }

  fault_set_tmpdir (NULL);
  g_test_message ("%u exports killed before their output appeared, %u complete; %u empty "
                  "stray names of libxlsxwriter", killed, completed, strays);
  g_assert_cmpuint (killed, >, 0);

  /* The workspace the exports read: intact, nothing changed. */
  fault_assert_unchanged (workspace, before);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* A file size limit (ulimit -f): writes past it fail with EFBIG. */
static void
test_file_size_limit (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = fault_demo_dir (&workspace, &before);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  /* Above what opening a workspace writes (its -shm is 32 KiB), below
   * these outputs. */
  const FaultLimits limits = { 64 * 1024 };
  const char * const big[] = { "pdf", "oscal" };

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  fault_give (out_dir);

  for (guint f = 0; f < G_N_ELEMENTS (big); f++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", big[f]);
      g_autofree char *dest = g_build_filename (out_dir, name, NULL);
      const char *argv[11];
      FaultRun run = { 0 };

      export_args (big[f], workspace, dest, argv);
      fault_cli (&run, &limits, argv);
      g_test_message ("%s: %s", big[f], run.err);
      g_assert_false (run.signaled);
      g_assert_cmpint (run.status, !=, 0);
      fault_assert_one_line (run.err);
      g_assert_nonnull (strstr (run.err, name));
      /* EFBIG: GLib says "File too large", with no code of its own. */
      g_assert_true (strstr (run.err, "too large") != NULL || strstr (run.err, "disk is full") != NULL);
      fault_assert_dir (out_dir, "");
      fault_run_clear (&run);
    }

  fault_assert_unchanged (workspace, before);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* A really full disk: the output folder is an 8 KiB tmpfs, mounted in a
 * private mount namespace (root only) so that nothing outlives the test. */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *before = NULL;
  const char *cli = g_getenv ("GAP_CLI");
  g_autofree char *unshare = g_find_program_in_path ("unshare");

  if (geteuid () != 0 || unshare == NULL)
    {
      g_test_skip ("Mounting a small tmpfs needs root and unshare(1); "
                   "the file size limit test covers a full disk otherwise");
      return;
    }

  dir = ws_tmp_dir_new ();
  out_dir = g_build_filename (dir, "out", NULL);
  fault_give (dir);
  workspace = fault_make_demo (dir, "demo.ismsgap");
  before = ws_snapshot_file (workspace);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      /* $1 the folder, $2 the CLI, $3 the format, $4 the workspace. It
       * prints what the folder holds before the namespace (and the tmpfs)
       * goes away. */
      const char *script =
        "mount -t tmpfs -o size=8k,mode=0700 gap-fault \"$1\" || exit 77\n"
        "\"$2\" export --format \"$3\" --lang both --output \"$1/out.$3\" \"$4\" 2>\"$1/../err\"\n"
        "rc=$?\n"
        "ls -A \"$1\" | tr '\\n' ' '\n"
        "exit $rc\n";
      const char *argv[] = { unshare, "--mount", "--propagation", "private", "sh", "-c", script,
                             "sh", out_dir, cli, formats[f], workspace, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err_path = g_build_filename (dir, "err", NULL);
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                    NULL, &wait_status, &error);
      g_assert_no_error (error);
      if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 77)
        {
          g_test_skip ("This machine does not let root mount a tmpfs");
          return;
        }
      if (!g_file_get_contents (err_path, &err, NULL, NULL))
        {
          /* unshare itself was refused (a build sandbox): the script never ran. */
          g_test_skip ("This machine does not let root make a private mount namespace");
          return;
        }
      g_test_message ("%s: %s", formats[f], err);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), !=, 0);
      fault_assert_one_line (err);
      g_assert_nonnull (strstr (err, "disk is full"));
      /* Nothing half-written on the full disk. */
      g_assert_cmpstr (out, ==, "");
      g_unlink (err_path);
    }

  fault_assert_unchanged (workspace, before);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fault_init ();

  g_test_add_func ("/fault/export/kill", test_kill);
  g_test_add_func ("/fault/export/file-size-limit", test_file_size_limit);
  g_test_add_func ("/fault/export/disk-full", test_disk_full);
  return g_test_run ();
}
