/* bench-util.c — what the benchmark programs share
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"
#include "gap-catalog-private.h"
#include "gap-core-resources.h"

typedef struct
{
  char   *area;
  char   *workspace;
  guint   n_assessments;
  char   *measure;
  double  value;
  char   *unit;
  char   *baseline;
  double  baseline_value;
  double  target;        /* absolute, in @unit; ≤ 0: none */
  double  max_ratio;     /* ≤ 0: none */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->area);
  g_free (row->workspace);
  g_free (row->measure);
  g_free (row->unit);
  g_free (row->baseline);
  g_free (row);
}

static void
workspace_free (gpointer data)
{
  BenchWorkspace *ws = data;

  g_free (ws->label);
  g_free (ws->path);
  g_free (ws->catalog_path);
  g_clear_object (&ws->catalog);
  g_free (ws);
}

static int
compare_workspaces (gconstpointer a,
                    gconstpointer b)
{
  const BenchWorkspace *wa = *(BenchWorkspace * const *) a;
  const BenchWorkspace *wb = *(BenchWorkspace * const *) b;

  /* The demo first, then the synthetic ones by size. */
  if ((wa->catalog_path == NULL) != (wb->catalog_path == NULL))
    return wa->catalog_path == NULL ? -1 : 1;
  return (wa->n_assessments > wb->n_assessments) - (wa->n_assessments < wb->n_assessments);
}

static guint
count_assessments (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) ws = gap_workspace_open (file, &error);

  if (ws == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      exit (1);
    }
  return g_list_model_get_n_items (gap_workspace_get_assessments (ws));
}

static void
find_workspaces (Bench      *bench,
                 const char *folder,
                 const char *only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  const char *name;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      BenchWorkspace *ws;

      if (only != NULL && !g_str_equal (only, name) &&
          !(g_str_equal (only, "demo") && g_str_equal (name, "demo.ismsgap")))
        continue;

      if (g_str_equal (name, "demo.ismsgap"))
        {
          ws = g_new0 (BenchWorkspace, 1);
          ws->label = g_strdup ("demo");
          ws->path = g_build_filename (folder, name, NULL);
        }
      else if (g_str_has_prefix (name, "synthetic-"))
        {
          ws = g_new0 (BenchWorkspace, 1);
          ws->label = g_strdup (name);
          ws->path = g_build_filename (folder, name, "workspace.ismsgap", NULL);
          ws->catalog_path = g_build_filename (folder, name, "catalog-2022.json", NULL);
          if (!g_file_test (ws->path, G_FILE_TEST_EXISTS))
            {
              workspace_free (ws);
              continue;
            }
        }
      else
        continue;
      g_ptr_array_add (bench->workspaces, ws);
    }

  for (guint i = 0; i < bench->workspaces->len; i++)
    {
      BenchWorkspace *ws = bench->workspaces->pdata[i];

      bench_use_catalog (ws);
      ws->n_assessments = count_assessments (ws->path);
    }
  g_ptr_array_sort (bench->workspaces, compare_workspaces);

  if (bench->workspaces->len == 0)
    {
      g_printerr ("No workspace in %s (run tests/bench/run-all to make them).\n", folder);
      exit (1);
    }
}

Bench *
bench_new (int          *argc,
           char       ***argv,
           const char   *usage)
{
  Bench *bench = g_new0 (Bench, 1);
  g_autofree char *tsv = NULL;
  int runs = 7;
  double max_seconds = 20;
  g_autofree char *only = NULL;
  GOptionEntry entries[] = {
    { "tsv", 0, 0, G_OPTION_ARG_FILENAME, &tsv,
      "Also append one tab-separated line per row to FILE (for run-all)", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions per figure (default 7)", "N" },
    { "max-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &max_seconds,
      "Stop repeating a figure after S seconds, with at least 3 runs (default 20)", "S" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only this workspace (demo, synthetic-N)",
      "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error) || *argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : g_option_context_get_help (context, TRUE, NULL));
      exit (2);
    }

  bench->tsv_path = g_steal_pointer (&tsv);
  bench->runs = MAX (3, runs);
  bench->max_seconds = max_seconds;
  bench->workspaces = g_ptr_array_new_with_free_func (workspace_free);
  bench->rows = g_ptr_array_new_with_free_func (row_free);
  find_workspaces (bench, (*argv)[1], only);
  return bench;
}

void
bench_free (Bench *bench)
{
  g_ptr_array_unref (bench->workspaces);
  g_ptr_array_unref (bench->rows);
  g_free (bench->tsv_path);
  g_free (bench);
}

GBytes *
bench_shipped_file (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE "/catalog/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (gap_core_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL)
    g_error ("%s", error->message);
  return bytes;
}

void
bench_use_catalog (BenchWorkspace *ws)
{
  static GapCatalog *shipped;
  g_autoptr(GError) error = NULL;

  if (shipped == NULL)
    shipped = g_object_ref (gap_catalog_get_default (&error));
  g_assert_no_error (error);

  if (ws->catalog == NULL && ws->catalog_path == NULL)
    ws->catalog = g_object_ref (shipped);
  else if (ws->catalog == NULL)
    {
      g_autoptr(GBytes) e2013 = bench_shipped_file ("iso27001-2013.json");
      g_autoptr(GBytes) mapping = bench_shipped_file ("mapping-2013-2022.json");
      g_autoptr(GBytes) services = bench_shipped_file ("services.json");
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (ws->catalog_path, FALSE, &error);
      g_autoptr(GBytes) e2022 = NULL;

      if (mapped == NULL)
        g_error ("%s", error->message);
      e2022 = g_mapped_file_get_bytes (mapped);
      ws->catalog = gap_catalog_new_from_data (e2013, e2022, mapping, services, &error);
      if (ws->catalog == NULL)
        g_error ("%s: %s", ws->catalog_path, error->message);
    }
  _gap_catalog_set_default (ws->catalog);
}

GapWorkspace *
bench_open (BenchWorkspace *ws)
{
  g_autoptr(GFile) file = g_file_new_for_path (ws->path);
  g_autoptr(GError) error = NULL;
  GapWorkspace *workspace;

  bench_use_catalog (ws);
  workspace = gap_workspace_open (file, &error);
  if (workspace == NULL)
    g_error ("%s: %s", ws->path, error->message);
  return workspace;
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

double
bench_median_of (GArray *samples)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);
  guint n = sorted->len;

  g_assert (n > 0);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Samples;

static void
sample (Samples   *samples,
        BenchFunc  setup,
        BenchFunc  func,
        gpointer   data)
{
  double t0, t1, c0, c1;

  if (setup != NULL)
    setup (data);
  c0 = thread_cpu_ms ();
  t0 = bench_now_ms ();
  func (data);
  t1 = bench_now_ms ();
  c1 = thread_cpu_ms ();
  g_array_append_val (samples->wall, (double) { t1 - t0 });
  g_array_append_val (samples->cpu, (double) { c1 - c0 });
  if (g_getenv ("GAP_BENCH_SAMPLES") != NULL)
    g_printerr ("sample %u: %.3f ms (CPU %.3f ms)\n", samples->wall->len, t1 - t0, c1 - c0);
}

static void
samples_init (Samples *samples)
{
  samples->wall = g_array_new (FALSE, FALSE, sizeof (double));
  samples->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_finish (Samples *samples,
                double  *wall_ms,
                double  *cpu_ms)
{
  *wall_ms = bench_median_of (samples->wall);
  if (cpu_ms != NULL)
    *cpu_ms = bench_median_of (samples->cpu);
  g_array_unref (samples->wall);
  g_array_unref (samples->cpu);
}

static gboolean
enough (Bench  *bench,
        guint   n,
        double  started)
{
  return n >= bench->runs || (n >= 3 && bench_now_ms () - started > bench->max_seconds * 1000);
}

double
bench_median (Bench     *bench,
              BenchFunc  setup,
              BenchFunc  func,
              gpointer   data)
{
  double started = bench_now_ms ();
  Samples samples;
  double wall;

  samples_init (&samples);
  while (!enough (bench, samples.wall->len, started))
    sample (&samples, setup, func, data);
  samples_finish (&samples, &wall, &bench->last_cpu_ms);
  return wall;
}

void
bench_pair (Bench     *bench,
            BenchFunc  func,
            BenchFunc  baseline,
            gpointer   data,
            double    *func_ms,
            double    *baseline_ms)
{
  double started = bench_now_ms ();
  Samples a, b;

  samples_init (&a);
  samples_init (&b);
  while (!enough (bench, a.wall->len, started))
    {
      sample (&a, NULL, func, data);
      sample (&b, NULL, baseline, data);
    }
  samples_finish (&b, baseline_ms, NULL);
  samples_finish (&a, func_ms, &bench->last_cpu_ms);
}

static void
add_row (Bench          *bench,
         const char     *area,
         BenchWorkspace *ws,
         const char     *measure,
         double          value,
         const char     *unit,
         const char     *baseline,
         double          baseline_value,
         double          target,
         double          max_ratio)
{
  Row *row = g_new0 (Row, 1);

  row->area = g_strdup (area);
  row->workspace = g_strdup (ws != NULL ? ws->label : "");
  row->n_assessments = ws != NULL ? ws->n_assessments : 0;
  row->measure = g_strdup (measure);
  row->value = value;
  row->unit = g_strdup (unit);
  row->baseline = g_strdup (baseline != NULL ? baseline : "");
  row->baseline_value = baseline_value;
  row->target = target;
  row->max_ratio = max_ratio;
  g_ptr_array_add (bench->rows, row);
}

void
bench_row (Bench          *bench,
           const char     *area,
           BenchWorkspace *ws,
           const char     *measure,
           double          median_ms,
           const char     *baseline,
           double          baseline_ms,
           double          target_ms,
           double          max_ratio)
{
  add_row (bench, area, ws, measure, median_ms, "ms", baseline, baseline_ms, target_ms,
           max_ratio);
}

void
bench_row_value (Bench          *bench,
                 const char     *area,
                 BenchWorkspace *ws,
                 const char     *measure,
                 double          value,
                 const char     *unit,
                 const char     *baseline,
                 double          baseline_value,
                 double          max_ratio)
{
  add_row (bench, area, ws, measure, value, unit, baseline, baseline_value, 0, max_ratio);
}

static const char *
verdict (const Row *row)
{
  gboolean has_target = row->target > 0 || row->max_ratio > 0;

  if (!has_target)
    return "";
  if (row->target > 0 && row->value > row->target)
    return "missed";
  if (row->max_ratio > 0 && row->baseline_value > 0 &&
      row->value / row->baseline_value > row->max_ratio)
    return "missed";
  return "met";
}

static char *
format_value (double      value,
              const char *unit)
{
  if (value <= 0)
    return g_strdup ("–");
  if (g_str_equal (unit, "ms") && value < 10)
    return g_strdup_printf ("%.2f ms", value);
  return g_strdup_printf ("%.1f %s", value, unit);
}

static char *
format_target (const Row *row)
{
  if (row->target > 0 && row->max_ratio > 0)
    return g_strdup_printf ("≤ %g %s and ≤ %g×", row->target, row->unit, row->max_ratio);
  if (row->target > 0)
    return g_strdup_printf ("≤ %g %s", row->target, row->unit);
  if (row->max_ratio > 0)
    return g_strdup_printf ("≤ %g×", row->max_ratio);
  return g_strdup ("");
}

int
bench_print (Bench      *bench,
             const char *title)
{
  if (bench->tsv_path != NULL)
    {
      FILE *tsv = fopen (bench->tsv_path, "a");

      if (tsv == NULL)
        g_error ("Could not open %s", bench->tsv_path);
      for (guint i = 0; i < bench->rows->len; i++)
        {
          Row *row = bench->rows->pdata[i];

          fprintf (tsv, "%s\t%s\t%u\t%s\t%.4f\t%s\t%s\t%.4f\t%.4f\t%.4f\t%s\n", row->area,
                   row->workspace, row->n_assessments, row->measure, row->value, row->unit,
                   row->baseline, row->baseline_value, row->target, row->max_ratio,
                   verdict (row));
        }
      fclose (tsv);
    }

  printf ("### %s\n\n", title);
  printf ("| Workspace | Assessments | Measure | Median | Baseline | Baseline median | Ratio | Target | |\n");
  printf ("|---|--:|---|--:|---|--:|--:|---|---|\n");
  for (guint i = 0; i < bench->rows->len; i++)
    {
      Row *row = bench->rows->pdata[i];
      g_autofree char *value = format_value (row->value, row->unit);
      g_autofree char *baseline = format_value (row->baseline_value, row->unit);
      g_autofree char *target = format_target (row);
      g_autofree char *ratio = row->baseline_value > 0 ? g_strdup_printf ("%.2f×", row->value / row->baseline_value) : g_strdup ("");

      printf ("| %s | %u | %s | %s | %s | %s | %s | %s | %s |\n", row->workspace,
              row->n_assessments, row->measure, value, row->baseline,
              row->baseline_value > 0 ? baseline : "", ratio, target, verdict (row));
    }
  printf ("\n");
  fflush (stdout);
  return 0;
}

void
bench_remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_unlink (side);
    }
}

char *
bench_copy_workspace (BenchWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gap-bench-XXXXXX", &error);
  g_autofree char *contents = NULL;
  char *copy;
  gsize length;

  if (dir == NULL || !g_file_get_contents (ws->path, &contents, &length, &error))
    g_error ("%s", error->message);
  copy = g_build_filename (dir, "copy.ismsgap", NULL);
  if (!g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    g_error ("%s", error->message);
  return copy;
}

void
bench_remove_copy (const char *copy)
{
  g_autofree char *dir = g_path_get_dirname (copy);

  bench_remove_tree (dir);
}

void
bench_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          bench_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The export benchmarks' baseline: a "sqlite3 -csv" process dumping the
 * rows every export reads into @out. */
void
bench_dump_csv (const char *workspace,
                const char *out)
{
  static const char sql[] = "SELECT * FROM scope; SELECT * FROM scope_item; "
                            "SELECT * FROM service; SELECT * FROM certificate; "
                            "SELECT * FROM assessment; SELECT * FROM assessment_service;";
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  process = g_subprocess_launcher_spawn (launcher, &error, "sqlite3", "-readonly", "-csv",
                                         workspace, sql, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    g_error ("sqlite3: %s", error->message);
}
