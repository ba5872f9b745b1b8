/* bench-open.c — opening a workspace, against reading its rows with SQLite
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured: gap_workspace_open() and gap_analysis_new() — everything the
 * window needs before it can draw (the file checks, the load, the
 * verdicts); then closing. Baseline: the same file opened with SQLite
 * alone and every row of every table read (the cost of only reading the
 * data). Warm cache: the file is read once before the runs.
 */

#include "config.h"

#include <sqlite3.h>

#include "bench-util.h"

static void
open_workspace (gpointer data)
{
  BenchWorkspace *ws = data;
  g_autoptr(GapWorkspace) workspace = bench_open (ws);
  g_autoptr(GapAnalysis) analysis = gap_analysis_new (workspace);

  g_assert (gap_analysis_get_counts (analysis)->total == ws->n_assessments);
  gap_workspace_close (workspace);
}

static void
read_rows (gpointer data)
{
  static const char * const tables[] = {
    "meta", "scope", "scope_item", "service", "certificate", "assessment",
    "assessment_service", "change_log",
  };
  BenchWorkspace *ws = data;
  sqlite3 *db = NULL;
  guint rows = 0;

  if (sqlite3_open_v2 (ws->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[t]);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            sqlite3_column_text (stmt, c);
          rows++;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  g_assert (rows >= ws->n_assessments);
}

int
main (int   argc,
      char *argv[])
{
  Bench *bench = bench_new (&argc, &argv, "DATADIR");

  for (guint i = 0; i < bench->workspaces->len; i++)
    {
      BenchWorkspace *ws = bench->workspaces->pdata[i];
      double open_ms, read_ms;

      read_rows (ws);
      read_ms = bench_median (bench, NULL, read_rows, ws);
      open_ms = bench_median (bench, NULL, open_workspace, ws);
      bench_row (bench, "open", ws, "open + analysis", open_ms, "SQLite reads every row",
                 read_ms, 0, 0);
    }
  bench_print (bench, "Open");
  bench_free (bench);
  return 0;
}
