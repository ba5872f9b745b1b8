/* bench-edit.c — one field change, committed and reflected in the analysis
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured: gap_workspace_set_assessment_enum() of a status that changes
 * the verdict — it returns once the change is committed to the file (its
 * own transaction, WAL, synchronous=FULL: an fsync), logged, on the undo
 * stack, and the analysis (which follows the workspace's signals) has
 * updated its counts; the program checks the counts moved. Baseline: the
 * same UPDATE committed with SQLite alone, with the store's pragmas, on a
 * copy of the same file, run by run in turn with the measured edit (the
 * disk of a shared machine is noisy, and an fsync is most of the cost).
 * Also the CPU time alone. Target: one frame (16 ms). Both on copies.
 */

#include "config.h"

#include <sqlite3.h>

#include "bench-util.h"

typedef struct
{
  GapWorkspace  *workspace;
  GapAnalysis   *analysis;
  GapAssessment *assessment;
  gboolean       implemented;
  gboolean       sqlite_implemented;
  sqlite3       *db;
  sqlite3_stmt  *update;
  const char    *control_id;
} Edit;

static void
edit_workspace (gpointer data)
{
  Edit *edit = data;
  g_autoptr(GError) error = NULL;
  guint covered = gap_analysis_get_counts (edit->analysis)->by_verdict[GAP_VERDICT_COVERED];
  GapStatus status = edit->implemented ? GAP_STATUS_NOT_IMPLEMENTED : GAP_STATUS_IMPLEMENTED;

  if (!gap_workspace_set_assessment_enum (edit->workspace, edit->assessment, GAP_FIELD_STATUS,
                                          status, &error))
    g_error ("%s", error->message);
  edit->implemented = !edit->implemented;
  g_assert (gap_analysis_get_counts (edit->analysis)->by_verdict[GAP_VERDICT_COVERED] ==
            (edit->implemented ? covered + 1 : covered - 1));
}

static void
edit_sqlite (gpointer data)
{
  Edit *edit = data;

  edit->sqlite_implemented = !edit->sqlite_implemented;
  sqlite3_bind_text (edit->update, 1, edit->sqlite_implemented ? "implemented" : "not-implemented", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (edit->update, 2, edit->control_id, -1, SQLITE_STATIC);
  if (sqlite3_exec (edit->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_step (edit->update) != SQLITE_DONE ||
      sqlite3_exec (edit->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (edit->db));
  sqlite3_reset (edit->update);
}

/* An applicable Annex A control in the middle of the list, organization's
 * own, so that implemented ↔ not-implemented is covered ↔ gap. */
static GapAssessment *
pick (GapWorkspace *workspace)
{
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  guint n = g_list_model_get_n_items (assessments);

  for (guint i = n / 2; i < n; i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, i);

      if (gap_assessment_get_applicability (a) == GAP_APPLICABILITY_APPLICABLE &&
          gap_assessment_get_responsibility (a) == GAP_RESPONSIBILITY_ORGANIZATION)
        return g_steal_pointer (&a);
    }
  g_error ("No assessment to edit");
}

int
main (int   argc,
      char *argv[])
{
  Bench *bench = bench_new (&argc, &argv, "DATADIR");

  for (guint i = 0; i < bench->workspaces->len; i++)
    {
      BenchWorkspace *ws = bench->workspaces->pdata[i];
      g_autofree char *copy = bench_copy_workspace (ws);
      g_autofree char *plain = bench_copy_workspace (ws);
      g_autoptr(GFile) file = g_file_new_for_path (copy);
      g_autoptr(GError) error = NULL;
      g_autoptr(GapWorkspace) workspace = NULL;
      g_autoptr(GapAnalysis) analysis = NULL;
      g_autoptr(GapAssessment) assessment = NULL;
      Edit edit = { 0 };
      double edit_ms, sqlite_ms, cpu_ms;

      bench_use_catalog (ws);
      workspace = gap_workspace_open (file, &error);
      g_assert_no_error (error);
      analysis = gap_analysis_new (workspace);
      assessment = pick (workspace);
      edit.workspace = workspace;
      edit.analysis = analysis;
      edit.assessment = assessment;
      /* From a known verdict: gap. */
      if (!gap_workspace_set_assessment_enum (workspace, assessment, GAP_FIELD_STATUS,
                                              GAP_STATUS_NOT_IMPLEMENTED, &error))
        g_error ("%s", error->message);
      g_assert (gap_analysis_get_verdict (analysis, assessment) == GAP_VERDICT_GAP);
      edit.implemented = FALSE;

      if (sqlite3_open (plain, &edit.db) != SQLITE_OK ||
          sqlite3_exec (edit.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (edit.db, "UPDATE assessment SET status = ?1 WHERE control_id = ?2",
                              -1, &edit.update, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (edit.db));
      edit.control_id = gap_assessment_get_control_id (assessment);
      bench_pair (bench, edit_workspace, edit_sqlite, &edit, &edit_ms, &sqlite_ms);
      cpu_ms = bench->last_cpu_ms;
      sqlite3_finalize (edit.update);
      sqlite3_close (edit.db);

      bench_row (bench, "edit", ws, "status change, committed + analysis", edit_ms,
                 "SQLite UPDATE, committed", sqlite_ms, 16, 0);
      bench_row (bench, "edit", ws, "the same, CPU time", cpu_ms, NULL, 0, 16, 0);

      gap_workspace_close (workspace);
      bench_remove_copy (copy);
      bench_remove_copy (plain);
    }
  bench_print (bench, "Edit");
  bench_free (bench);
  return 0;
}
