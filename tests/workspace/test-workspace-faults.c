/* test-workspace-faults.c — a second process, a full disk, a crash
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs workspace-helper (built beside this test) as the other
 * process: it holds a workspace open, edits under a file size limit, or
 * edits until it is killed.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ws-test-util.h"

typedef struct
{
  GPid  pid;
  int   in_fd;
  FILE *out;
} Helper;

static void
helper_start (Helper     *helper,
              const char *mode,
              const char *path,
              const char *arg)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "workspace", "workspace-helper",
                                                    NULL);
  const char *argv[] = { program, mode, path, arg, NULL };
  g_autoptr(GError) error = NULL;
  int out_fd;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &helper->pid, &helper->in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  helper->out = fdopen (out_fd, "r");
  g_assert_nonnull (helper->out);
}

/* One line of the helper's output without the newline, or NULL at EOF. */
static char *
helper_read_line (Helper *helper)
{
  char buffer[4096];

  if (fgets (buffer, sizeof buffer, helper->out) == NULL)
    return NULL;
  return g_strchomp (g_strdup (buffer));
}

static int
helper_wait (Helper *helper)
{
  int status = 0;

  while (waitpid (helper->pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (helper->in_fd >= 0)
    close (helper->in_fd);
  fclose (helper->out);
  g_spawn_close_pid (helper->pid);
  return status;
}

static char *
create_workspace (const char *dir)
{
  char *path = g_build_filename (dir, "shared.ismsgap", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) ws = gap_workspace_create (file, GAP_EDITION_2022, "Example", &error);

  g_assert_no_error (error);
  return path;
}

static GapWorkspace *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gap_workspace_open (file, error);
}

/* ---- two processes ---- */

static void
test_in_use (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = create_workspace (dir);
  g_autofree char *line = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  Helper helper;
  int status;

  helper_start (&helper, "hold", path, NULL);
  line = helper_read_line (&helper);
  g_assert_cmpstr (line, ==, "ready");

  /* While the other process has it: a clear refusal, nothing changed. */
  ws = open_path (path, &error);
  g_assert_null (ws);
  g_assert_error (error, GAP_ERROR, GAP_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "shared.ismsgap"));
  g_clear_error (&error);

  /* Read-only opens wait their turn too: the other may be writing. */
  g_chmod (path, 0400);
  ws = open_path (path, &error);
  g_assert_null (ws);
  g_assert_error (error, GAP_ERROR, GAP_ERROR_IN_USE);
  g_clear_error (&error);
  g_chmod (path, 0600);

  /* And the other process, in turn, cannot open ours. */
  close (helper.in_fd);
  helper.in_fd = -1;
  status = helper_wait (&helper);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  ws = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);

  helper_start (&helper, "hold", path, NULL);
  g_clear_pointer (&line, g_free);
  line = helper_read_line (&helper);
  g_assert_true (g_str_has_prefix (line, "open-error 6 "));  /* GAP_ERROR_IN_USE */
  status = helper_wait (&helper);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 3);

  /* Two read-only viewers may share it. */
  g_clear_object (&ws);
  g_chmod (path, 0400);
  {
    g_autoptr(GapWorkspace) first = open_path (path, &error);
    g_autoptr(GapWorkspace) second = NULL;

    g_assert_no_error (error);
    second = open_path (path, &error);
    g_assert_no_error (error);
    g_assert_true (gap_workspace_get_read_only (first));
    g_assert_true (gap_workspace_get_read_only (second));
  }

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- reading while another process writes ---- */

/* What a reader sees of the helper's edits from @start on is one moment:
 * every edit up to the last one it shows, and nothing after; at least up to
 * edit @committed, reported committed before the read began. */
static void
check_snapshot (GapWorkspace *ws,
                guint         start,
                guint         committed)
{
  GListModel *assessments = gap_workspace_get_assessments (ws);
  GListModel *groups = gap_workspace_get_scope_items (ws, GAP_SCOPE_KIND_ASSET_GROUP);
  guint seen[20];
  guint last = 0;
  guint n_items = 0;
  guint n_groups = g_list_model_get_n_items (groups);

  for (guint j = 0; j < 20; j++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, j);
      const char *notes = gap_assessment_get_notes (a);

      seen[j] = notes[0] == 'v' ? (guint) g_ascii_strtoull (notes + 1, NULL, 10) : 0;
      last = MAX (last, seen[j]);
    }
  g_assert_cmpuint (last, >=, committed);
  for (guint j = 0; j < 20; j++)
    {
      guint expected = 0;

      for (guint i = start; i <= last; i++)
        if (i % 20 == j)
          expected = i;
      g_assert_cmpuint (seen[j], ==, expected);
    }
  for (guint i = start; i <= last; i++)
    n_items += i % 5 == 0;
  g_test_message ("a snapshot after edit %u, with %u scope items", last, n_groups);
  /* The item of the last edit comes in a transaction of its own. */
  if (last % 5 == 0 && last >= start)
    g_assert_true (n_groups == n_items || n_groups == n_items - 1);
  else
    g_assert_cmpuint (n_groups, ==, n_items);
}

/* A report need not wait for the program that has the workspace open: it
 * reads what that program saved, never blocking or changing it. */
static void
test_read_while_writing (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = create_workspace (dir);
  g_autofree char *line = NULL;
  const guint start = 1000;
  guint committed = 0;
  g_autofree char *start_text = g_strdup_printf ("%u", start);
  Helper helper;
  int status;

  /* Held open for writing, not written. */
  helper_start (&helper, "hold", path, NULL);
  line = helper_read_line (&helper);
  g_assert_cmpstr (line, ==, "ready");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GapWorkspace) ws = ws_open_read_only (path, &error);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char * const summary[] = { "summary", path, NULL };

    g_assert_no_error (error);
    g_assert_true (gap_workspace_get_read_only (ws));
    g_assert_cmpstr (gap_workspace_get_scope_field (ws, GAP_SCOPE_FIELD_ORGANIZATION), ==,
                     "Example");
    if (!ws_run_cli (summary, &out, &err))
      g_error ("summary failed: %s", err);
    g_assert_true (g_str_has_prefix (out, "Example — "));
  }
  close (helper.in_fd);
  helper.in_fd = -1;
  status = helper_wait (&helper);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* Written all the while: every read is one consistent moment. */
  helper_start (&helper, "edit", path, start_text);
  g_clear_pointer (&line, g_free);
  line = helper_read_line (&helper);
  g_assert_cmpstr (line, ==, "ready");
  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GapWorkspace) ws = NULL;

      /* Let it get on between reads. */
      for (guint n = 0; n < 5; n++)
        {
          g_clear_pointer (&line, g_free);
          line = helper_read_line (&helper);
          g_assert_nonnull (line);
          g_assert_false (g_str_has_prefix (line, "error"));
          if (g_str_has_prefix (line, "notes "))
            committed = (guint) g_ascii_strtoull (strrchr (line, ' ') + 1, NULL, 10);
        }
      ws = ws_open_read_only (path, &error);
      g_assert_no_error (error);
      check_snapshot (ws, start, committed);
    }
  kill (helper.pid, SIGKILL);
  helper_wait (&helper);

  g_clear_pointer (&line, g_free);
  line = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (line, ==, "ok");
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- a full disk ---- */

static void
test_disk_full (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = create_workspace (dir);
  g_autofree char *limit = NULL;
  g_autofree char *error_line = NULL;
  g_autofree char *unchanged_line = NULL;
  g_autofree char *snapshot_line = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *integrity = NULL;
  GStatBuf st;
  Helper helper;
  int status;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* Room for a few edits in the -wal, then no more. */
  limit = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size + 200 * 1024);

  helper_start (&helper, "fill", path, limit);
  error_line = helper_read_line (&helper);
  unchanged_line = helper_read_line (&helper);
  snapshot_line = helper_read_line (&helper);
  status = helper_wait (&helper);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  g_test_message ("helper: %s", error_line);
  g_assert_nonnull (error_line);
  /* Disk full, or at worst an I/O error, never anything else. */
  g_assert_true (g_strcmp0 (error_line, "error gap-error-quark 7") == 0 ||
                 g_strcmp0 (error_line, "error gap-error-quark 8") == 0);
  g_assert_cmpstr (unchanged_line, ==, "unchanged 1");
  g_assert_nonnull (snapshot_line);

  /* What memory showed after the failure is what the file holds. */
  disk = ws_snapshot_file (path);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, disk, -1);
  expected = g_strconcat ("snapshot ", checksum, NULL);
  g_assert_cmpstr (snapshot_line, ==, expected);

  integrity = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  ws_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_disk_full_batch (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = create_workspace (dir);
  g_autofree char *limit = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  char *line;
  GStatBuf st;
  Helper helper;
  int status;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  limit = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size + 300 * 1024);

  helper_start (&helper, "fill-batch", path, limit);
  while ((line = helper_read_line (&helper)) != NULL)
    g_ptr_array_add (lines, line);
  status = helper_wait (&helper);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpuint (lines->len, ==, 5);
  g_test_message ("helper: %s; %s", (char *) lines->pdata[0], (char *) lines->pdata[1]);

  /* The batch could not be committed, and said so... */
  g_assert_true (g_str_has_prefix (lines->pdata[1], "end-error gap-error-quark "));
  g_assert_cmpstr (lines->pdata[2], ==, "committed 0");
  /* ...and everything since begin is gone, from memory and file alike. */
  g_assert_cmpstr (lines->pdata[3], ==, "restored 1");
  disk = ws_snapshot_file (path);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, disk, -1);
  expected = g_strconcat ("snapshot ", checksum, NULL);
  g_assert_cmpstr (lines->pdata[4], ==, expected);

  integrity = ws_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- a crash ---- */

static void
record_line (const char *line,
             GHashTable *reported,
             GHashTable *items,
             guint      *last)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", 3);

  if (g_strcmp0 (parts[0], "notes") == 0 && parts[1] != NULL && parts[2] != NULL)
    {
      *last = (guint) g_ascii_strtoull (parts[2], NULL, 10);
      g_hash_table_insert (reported, g_strdup (parts[1]), GUINT_TO_POINTER (*last));
    }
  else if (g_strcmp0 (parts[0], "item") == 0 && parts[1] != NULL)
    g_hash_table_add (items, g_strdup (parts[1]));
  else
    g_error ("helper: %s", line);
}

static void
test_crash (void)
{
  g_autofree char *dir = ws_tmp_dir_new ();
  g_autofree char *path = create_workspace (dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  /* control ID → number of the last edit of it reported as committed */
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint rounds = 20;
  guint total = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GapWorkspace) ws = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      g_autofree char *integrity = NULL;
      g_autofree char *start = g_strdup_printf ("%u", (round + 1) * 100000);
      guint kill_after = g_rand_int_range (rand, 1, 60);
      guint last = 0;
      Helper helper;
      int status;

      /* Numbers grow from round to round: a value names one edit. */
      helper_start (&helper, "edit", path, start);
      line = helper_read_line (&helper);
      g_assert_cmpstr (line, ==, "ready");

      for (guint n = 0; n < kill_after; n++)
        {
          g_clear_pointer (&line, g_free);
          line = helper_read_line (&helper);
          g_assert_nonnull (line);
          record_line (line, reported, items, &last);
        }

      /* Somewhere in the middle of the next edits. */
      g_usleep (g_rand_int_range (rand, 0, 5000));
      kill (helper.pid, SIGKILL);
      /* What it printed before it died was committed too. */
      for (;;)
        {
          g_clear_pointer (&line, g_free);
          line = helper_read_line (&helper);
          if (line == NULL)
            break;
          record_line (line, reported, items, &last);
        }
      status = helper_wait (&helper);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      total += last - (round + 1) * 100000 + 1;

      integrity = ws_sql_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");
      ws = open_path (path, &error);
      g_assert_no_error (error);

      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, reported);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            GapAssessment *a = gap_workspace_lookup_assessment (ws, key);
            const char *notes = gap_assessment_get_notes (a);
            guint found;

            g_assert_true (notes[0] == 'v');
            found = (guint) g_ascii_strtoull (notes + 1, NULL, 10);
            /* The last reported edit, or the one after the last report
             * when it committed just before the kill. */
            if (found != GPOINTER_TO_UINT (value))
              {
                g_assert_cmpuint (found, ==, last + 1);
                g_hash_table_insert (reported, g_strdup (key), GUINT_TO_POINTER (found));
              }
          }
      }

      {
        GListModel *groups = gap_workspace_get_scope_items (ws, GAP_SCOPE_KIND_ASSET_GROUP);
        g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
        GHashTableIter iter;
        gpointer key;
        guint n = g_list_model_get_n_items (groups);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(GapScopeItem) item = g_list_model_get_item (groups, i);

            g_hash_table_add (names, (gpointer) gap_scope_item_get_name (item));
          }
        g_hash_table_iter_init (&iter, items);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_assert_true (g_hash_table_contains (names, key));
        /* At most one more: the one being added when it was killed. */
        g_assert_cmpuint (n, <=, g_hash_table_size (items) + 1);
        if (n > g_hash_table_size (items))
          {
            g_autoptr(GapScopeItem) extra = g_list_model_get_item (groups, n - 1);

            g_hash_table_add (items, g_strdup (gap_scope_item_get_name (extra)));
          }
      }
      g_clear_object (&ws);
    }

  g_test_message ("%u rounds, %u edits committed", rounds, total);
  ws_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/faults/in-use", test_in_use);
  g_test_add_func ("/workspace/faults/read-while-writing", test_read_while_writing);
  g_test_add_func ("/workspace/faults/disk-full", test_disk_full);
  g_test_add_func ("/workspace/faults/disk-full-batch", test_disk_full_batch);
  g_test_add_func ("/workspace/faults/crash", test_crash);

  return g_test_run ();
}
