/* workspace-helper.c — a second process for the workspace fault tests
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   workspace-helper hold FILE        open FILE, print "ready", wait for EOF on stdin
 *   workspace-helper edit FILE START  edit on from number START, printing each edit
 *                                     once committed, until killed
 *   workspace-helper fill FILE LIMIT  edit under RLIMIT_FSIZE = LIMIT bytes until a
 *                                     write fails, then print the error and the state
 *   workspace-helper fill-batch FILE LIMIT
 *                                     the same inside one batch, then try to commit it
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "ws-test-util.h"

static GapWorkspace *
open_workspace (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GapWorkspace *workspace = gap_workspace_open (file, &error);

  if (workspace == NULL)
    {
      printf ("open-error %d %s\n", error->code, error->message);
      fflush (stdout);
      exit (3);
    }
  return workspace;
}

static int
hold (const char *path)
{
  g_autoptr(GapWorkspace) workspace = open_workspace (path);
  char buffer[64];

  printf ("ready\n");
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;
  return 0;
}

/* Edit i sets the notes of assessment i % 20 to "v<i>", and every fifth
 * edit also adds a scope item "item<i>"; each is printed after it is
 * committed, so the parent knows what must survive a kill. */
static int
edit (const char *path,
      guint       start)
{
  g_autoptr(GapWorkspace) workspace = open_workspace (path);
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  g_autoptr(GError) error = NULL;

  printf ("ready\n");
  fflush (stdout);
  for (guint i = start; i < start + 100000; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, i % 20);
      g_autofree char *value = g_strdup_printf ("v%u", i);
      g_autofree char *name = g_strdup_printf ("item%u", i);

      if (!gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_NOTES, value, &error))
        {
          printf ("error %s\n", error->message);
          return 1;
        }
      printf ("notes %s %u\n", gap_assessment_get_control_id (a), i);
      fflush (stdout);

      if (i % 5 == 0)
        {
          if (gap_workspace_add_scope_item (workspace, GAP_SCOPE_KIND_ASSET_GROUP, name, NULL,
                                            &error) == NULL)
            {
              printf ("error %s\n", error->message);
              return 1;
            }
          printf ("item %s\n", name);
          fflush (stdout);
        }
    }
  return 0;
}

static void limit_file_size (guint64 limit);

static int
fill (const char *path,
      guint64     limit)
{
  g_autoptr(GapWorkspace) workspace = open_workspace (path);
  GapAssessment *a = g_list_model_get_item (gap_workspace_get_assessments (workspace), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *last_ok = g_strdup (gap_assessment_get_evidence (a));
  g_autofree char *snapshot_before = NULL;
  g_autofree char *snapshot_after = NULL;
  g_autofree char *checksum = NULL;
  GString *big = g_string_new (NULL);

  g_object_unref (a);  /* the list keeps it */
  limit_file_size (limit);

  for (guint i = 0; i < 10000; i++)
    {
      g_string_truncate (big, 0);
      for (guint j = 0; j < 2000; j++)
        g_string_append_printf (big, "%u-%u ", i, j);

      snapshot_before = ws_snapshot (workspace);
      if (!gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_EVIDENCE, big->str, &error))
        break;
      g_free (last_ok);
      last_ok = g_strdup (big->str);
      g_clear_pointer (&snapshot_before, g_free);
    }
  if (error == NULL)
    {
      printf ("no-error\n");
      return 1;
    }

  /* The failed edit changed nothing in memory. */
  snapshot_after = ws_snapshot (workspace);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, snapshot_after, -1);
  printf ("error %s %d\n", g_quark_to_string (error->domain), error->code);
  printf ("unchanged %d\n", g_strcmp0 (snapshot_before, snapshot_after) == 0 &&
                            g_strcmp0 (gap_assessment_get_evidence (a), last_ok) == 0);
  printf ("snapshot %s\n", checksum);
  fflush (stdout);
  g_string_free (big, TRUE);
  return 0;
}

static void
limit_file_size (guint64 limit)
{
  struct rlimit rl = { limit, limit };

  /* Past the limit write() fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
    {
      perror ("setrlimit");
      exit (2);
    }
}

static void
print_error (const char   *what,
             const GError *error)
{
  if (error == NULL)
    printf ("%s none\n", what);
  else
    printf ("%s %s %d\n", what, g_quark_to_string (error->domain), error->code);
}

/* A batch that outgrows the disk: everything since begin is rolled back,
 * in the file and in memory. */
static int
fill_batch (const char *path,
            guint64     limit)
{
  g_autoptr(GapWorkspace) workspace = open_workspace (path);
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  g_autoptr(GError) edit_error = NULL;
  g_autoptr(GError) end_error = NULL;
  g_autofree char *before = ws_snapshot (workspace);
  g_autofree char *after = NULL;
  g_autofree char *checksum = NULL;
  GString *big = g_string_new (NULL);
  gboolean committed;

  limit_file_size (limit);
  if (!gap_workspace_begin_batch (workspace, &edit_error))
    {
      print_error ("begin-error", edit_error);
      return 1;
    }
  for (guint i = 0; i < 2000 && edit_error == NULL; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, i % 50);

      g_string_truncate (big, 0);
      for (guint j = 0; j < 2000; j++)
        g_string_append_printf (big, "%u-%u ", i, j);
      gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_EVIDENCE, big->str, &edit_error);
    }
  committed = gap_workspace_end_batch (workspace, TRUE, &end_error);

  after = ws_snapshot (workspace);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, after, -1);
  print_error ("edit-error", edit_error);
  print_error ("end-error", end_error);
  printf ("committed %d\n", committed);
  printf ("restored %d\n", g_strcmp0 (before, after) == 0);
  printf ("snapshot %s\n", checksum);
  fflush (stdout);
  g_string_free (big, TRUE);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "hold") == 0)
    return hold (argv[2]);
  if (argc == 4 && strcmp (argv[1], "edit") == 0)
    return edit (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && strcmp (argv[1], "fill") == 0)
    return fill (argv[2], g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && strcmp (argv[1], "fill-batch") == 0)
    return fill_batch (argv[2], g_ascii_strtoull (argv[3], NULL, 10));

  fprintf (stderr, "usage: workspace-helper hold|edit|fill FILE [N]\n");
  return 2;
}
