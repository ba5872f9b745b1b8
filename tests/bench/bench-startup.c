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
 * window. Both programs also mark the end of each phase of their start
 * (bench_mark()), and a second table gives the median of each, to show
 * where the time goes. Needs a display (run-all uses Xvfb).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench-util.h"

typedef struct
{
  char       *program;
  char       *argument;      /* the workspace, or NULL */
  GArray     *times;
  GArray     *rss_mib;
  GHashTable *marks;         /* phase → GArray of ms from the spawn (bench_mark()) */
} App;

/* Every phase either program marked, in the order first seen. */
static GPtrArray *phases;

static void
add_mark (App        *app,
          const char *line)
{
  g_autofree char *phase = NULL;
  const char *last_space = strrchr (line, ' ');
  GArray *samples;
  double ms;

  g_assert (last_space != NULL);
  phase = g_strndup (line + strlen ("mark "), last_space - line - strlen ("mark "));
  ms = g_ascii_strtod (last_space + 1, NULL);

  samples = g_hash_table_lookup (app->marks, phase);
  if (samples == NULL)
    {
      samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (app->marks, g_strdup (phase), samples);
    }
  g_array_append_val (samples, ms);
  if (!g_ptr_array_find_with_equal_func (phases, phase, g_str_equal, NULL))
    g_ptr_array_add (phases, g_steal_pointer (&phase));
}

static void
start_once (App *app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("gap-bench-start-XXXXXX", &error);
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { app->program, app->argument, NULL };
  struct rusage usage;
  char line[256] = "";
  g_autofree char *t0_us = NULL;
  double t0, t1;
  int out_fd, status = 0;
  GPid pid;
  FILE *out;

  g_assert_no_error (error);
  /* A fresh data folder each time: the working copy is part of starting. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", home, TRUE);

  /* The child times its phases from here (bench_mark()). */
  t0_us = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  envp = g_environ_setenv (envp, "BENCH_T0", t0_us, TRUE);
  t0 = g_ascii_strtoll (t0_us, NULL, 10) / 1000.0;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL && g_str_has_prefix (line, "mark "))
    {
      g_strchomp (line);
      add_mark (app, line);
    }
  if (!g_str_equal (line, "frame\n"))
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

static double
mark_median (App        *app,
             const char *phase)
{
  GArray *samples = g_hash_table_lookup (app->marks, phase);

  return samples != NULL ? bench_median_of (samples) : -1;
}

static int
compare_phases (gconstpointer a,
                gconstpointer b,
                gpointer      app)
{
  double ma = mark_median (app, *(const char * const *) a);
  double mb = mark_median (app, *(const char * const *) b);

  return (ma > mb) - (ma < mb);
}

/* Where the time goes: the median time from the spawn to each phase's end,
 * in isms-gap's order. */
static void
print_phases (App *gap,
              App *minimal)
{
  g_ptr_array_sort_with_data (phases, compare_phases, gap);

  printf ("Start-up phases: the median time from the spawn to the end of each (ms)\n\n");
  printf ("| Phase ends | isms-gap | minimal window |\n|---|--:|--:|\n");
  for (guint i = 0; i < phases->len; i++)
    {
      const char *phase = phases->pdata[i];
      double a = mark_median (gap, phase);
      double b = mark_median (minimal, phase);
      g_autofree char *a_text = a < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f", a);
      g_autofree char *b_text = b < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f", b);

      printf ("| %s | %s | %s |\n", phase, a_text, b_text);
    }
  printf ("\n");
}

static void
clear_samples (App *app)
{
  g_array_set_size (app->times, 0);
  g_array_set_size (app->rss_mib, 0);
  g_hash_table_remove_all (app->marks);
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
              g_array_new (FALSE, FALSE, sizeof (double)),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_array_unref) };
  App minimal = { g_build_filename (dir, "bench-app-minimal", NULL), NULL,
                  g_array_new (FALSE, FALSE, sizeof (double)),
                  g_array_new (FALSE, FALSE, sizeof (double)),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref) };

  phases = g_ptr_array_new_with_free_func (g_free);

  g_assert (demo->catalog_path == NULL);
  /* One of each untimed: the first start reads the libraries from disk. */
  start_once (&minimal);
  start_once (&gap);
  clear_samples (&minimal);
  clear_samples (&gap);

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
  print_phases (&gap, &minimal);
  bench_free (bench);
  return 0;
}
