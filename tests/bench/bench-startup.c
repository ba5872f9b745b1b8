/* bench-startup.c — isms-gap to its first frame, against a minimal window
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts bench-app-gap on a copy of the demo workspace (the application
 * makes its working copy, loads the catalog, opens the workspace, builds
 * the window and draws it) and bench-app-minimal (an AdwApplicationWindow
 * of the same size), in turn, and times each from the spawn to its first
 * drawn frame; peak RSS from wait4(). Target: within 1.5× of the minimal
 * window. Needs a display (run-all uses Xvfb).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench-util.h"

typedef struct
{
  char   *program;
  char   *argument;      /* the workspace, or NULL */
  GArray *times;
  GArray *rss_mib;
} App;

static void
start_once (App *app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("gap-bench-start-XXXXXX", &error);
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { app->program, app->argument, NULL };
  struct rusage usage;
  char line[64] = "";
  double t0, t1;
  int out_fd, status = 0;
  GPid pid;
  FILE *out;

  g_assert_no_error (error);
  /* A fresh data folder each time: the working copy is part of starting. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", home, TRUE);

  t0 = bench_now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  out = fdopen (out_fd, "r");
  if (fgets (line, sizeof line, out) == NULL || !g_str_equal (line, "frame\n"))
    g_error ("%s did not draw a frame", app->program);
  t1 = bench_now_ms ();
  fclose (out);
  while (wait4 (pid, &status, 0, &usage) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);

  g_array_append_val (app->times, (double) { t1 - t0 });
  g_array_append_val (app->rss_mib, (double) { usage.ru_maxrss / 1024.0 });

  bench_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  Bench *bench = bench_new (&argc, &argv, "DATADIR");
  g_autofree char *dir = g_path_get_dirname (argv[0]);
  BenchWorkspace *demo = bench->workspaces->pdata[0];
  App gap = { g_build_filename (dir, "bench-app-gap", NULL), demo->path,
              g_array_new (FALSE, FALSE, sizeof (double)),
              g_array_new (FALSE, FALSE, sizeof (double)) };
  App minimal = { g_build_filename (dir, "bench-app-minimal", NULL), NULL,
                  g_array_new (FALSE, FALSE, sizeof (double)),
                  g_array_new (FALSE, FALSE, sizeof (double)) };

  g_assert (demo->catalog_path == NULL);
  /* One of each untimed: the first start reads the libraries from disk. */
  start_once (&minimal);
  start_once (&gap);
  g_array_set_size (minimal.times, 0);
  g_array_set_size (minimal.rss_mib, 0);
  g_array_set_size (gap.times, 0);
  g_array_set_size (gap.rss_mib, 0);

  for (guint i = 0; i < bench->runs; i++)
    {
      start_once (&minimal);
      start_once (&gap);
    }

  bench_row (bench, "start-up", demo, "isms-gap to the first frame",
             bench_median_of (gap.times), "minimal libadwaita window",
             bench_median_of (minimal.times), 0, 1.5);
  bench_row_value (bench, "start-up", demo, "peak RSS", bench_median_of (gap.rss_mib), "MiB",
                   "minimal libadwaita window", bench_median_of (minimal.rss_mib), 0);
  bench_print (bench, "Start-up");
  bench_free (bench);
  return 0;
}
