/* bench-util.h — what the benchmark programs share
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every program takes the data folder that run-all prepares: demo.ismsgap
 * and synthetic-N/ (workspace.ismsgap and the catalog-2022.json it was made
 * with) for each size. It measures each workspace, takes the median of
 * repeated runs, and prints one table (and, with --tsv FILE, appends one
 * line per row to FILE for run-all to gather).
 */

#pragma once

#include "gap-core.h"

G_BEGIN_DECLS

typedef struct
{
  char       *label;          /* "demo", "synthetic-20000" */
  char       *path;           /* the workspace file */
  char       *catalog_path;   /* synthetic 2022 catalog, or NULL for the shipped one */
  guint       n_assessments;
  GapCatalog *catalog;        /* loaded on first use */
} BenchWorkspace;

typedef struct
{
  GPtrArray *workspaces;      /* BenchWorkspace */
  char      *tsv_path;        /* --tsv FILE: rows appended there too */
  guint      runs;            /* repetitions per figure (at least 3) */
  double     max_seconds;     /* stop repeating a figure after this long */
  GPtrArray *rows;
  double     last_cpu_ms;     /* median CPU time (this thread) of the last measure */
} Bench;

/* Parses --tsv FILE, --runs N, --max-seconds S and the data folder; exits with
 * a usage message on error. */
Bench          *bench_new              (int             *argc,
                                        char          ***argv,
                                        const char      *usage);
void            bench_free             (Bench           *bench);

/* Makes @ws's catalog the default one (loading it the first time). */
void            bench_use_catalog      (BenchWorkspace  *ws);
/* Opens @ws (its catalog in place first); aborts on error. */
GapWorkspace   *bench_open             (BenchWorkspace  *ws);

typedef void  (*BenchFunc)             (gpointer         data);

/* Runs @func until bench->runs samples are taken or bench->max_seconds have
 * passed (at least 3 samples), and returns the median in milliseconds.
 * @setup, if given, runs untimed before each sample. */
double          bench_median           (Bench           *bench,
                                        BenchFunc        setup,
                                        BenchFunc        func,
                                        gpointer         data);
/* Alternates @func and @baseline run by run, so that both see the same
 * machine (the disk of a shared machine is noisy). */
void            bench_pair             (Bench           *bench,
                                        BenchFunc        func,
                                        BenchFunc        baseline,
                                        gpointer         data,
                                        double          *func_ms,
                                        double          *baseline_ms);
double          bench_median_of        (GArray          *samples_ms);
double          bench_now_ms           (void);

/* One row of the table. @target_ms ≤ 0: no absolute target; @max_ratio ≤ 0:
 * no ratio target. */
void            bench_row              (Bench           *bench,
                                        const char      *area,
                                        BenchWorkspace  *ws,
                                        const char      *measure,
                                        double           median_ms,
                                        const char      *baseline,
                                        double           baseline_ms,
                                        double           target_ms,
                                        double           max_ratio);
/* A row with a value in another unit (peak RSS in MiB). */
void            bench_row_value        (Bench           *bench,
                                        const char      *area,
                                        BenchWorkspace  *ws,
                                        const char      *measure,
                                        double           value,
                                        const char      *unit,
                                        const char      *baseline,
                                        double           baseline_value,
                                        double           max_ratio);
/* Prints the table (and appends the TSV lines). Returns 0. */
int             bench_print            (Bench           *bench,
                                        const char      *title);

/* The shipped catalog files, from the core's resources. */
GBytes         *bench_shipped_file     (const char      *name);
/* Removes @path and its -wal/-shm companions. */
void            bench_remove_workspace (const char      *path);
/* Removes a copy made by bench_copy_workspace() and its folder. */
void            bench_remove_copy      (const char      *copy);
/* Removes @path and everything under it. */
void            bench_remove_tree      (const char      *path);
void            bench_dump_csv         (const char      *workspace,
                                        const char      *out);
/* A copy of @ws's file in a temporary folder, for benchmarks that write. */
char           *bench_copy_workspace   (BenchWorkspace  *ws);

G_END_DECLS
