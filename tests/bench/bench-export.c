/* bench-export.c — every export format, against sqlite3 -csv dumping the rows
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured: gap_export_to_file() from an open workspace and its analysis,
 * as the window exports (opening is in the Open table), in both languages
 * side by side (the heaviest form). Baseline: a "sqlite3 -csv" process dumping
 * the rows every export reads (scope, scope items, services,
 * certificates, assessments and their services) from the same file into
 * a file: the cost of only reading the data. Run by run in turn. Target:
 * within 5× of it, PDF excepted (it lays out and draws every page).
 */

#include "config.h"

#include "bench-util.h"
#include "gap-export.h"

typedef struct
{
  BenchWorkspace  *ws;
  GapAnalysis     *analysis;
  GapExportFormat  format;
  GapReportKind    report;
  char            *dir;
  char            *dest;
  char            *dump;
} Export;

static void
export_once (gpointer data)
{
  Export *export = data;
  g_autoptr(GFile) dest = g_file_new_for_path (export->dest);
  g_autoptr(GError) error = NULL;

  if (!gap_export_to_file (export->analysis, export->format, export->report, GAP_EXPORT_LANGUAGE_BOTH,
                           dest, NULL, &error))
    g_error ("%s", error->message);
}

static void
dump_once (gpointer data)
{
  Export *export = data;

  bench_dump_csv (export->ws->path, export->dump);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { GapExportFormat format; GapReportKind report; } runs[] = {
    { GAP_EXPORT_FORMAT_CSV, GAP_REPORT_SOA },
    { GAP_EXPORT_FORMAT_CSV, GAP_REPORT_GAP },
    { GAP_EXPORT_FORMAT_HTML, GAP_REPORT_SOA },
    { GAP_EXPORT_FORMAT_HTML, GAP_REPORT_GAP },
    { GAP_EXPORT_FORMAT_XLSX, GAP_REPORT_SOA },
    { GAP_EXPORT_FORMAT_XLSX, GAP_REPORT_GAP },
    { GAP_EXPORT_FORMAT_JSON, GAP_REPORT_SOA },
    { GAP_EXPORT_FORMAT_OSCAL, GAP_REPORT_SOA },
    { GAP_EXPORT_FORMAT_PDF, GAP_REPORT_SOA },
    { GAP_EXPORT_FORMAT_PDF, GAP_REPORT_GAP },
  };
  Bench *bench = bench_new (&argc, &argv, "DATADIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gap-bench-export-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < bench->workspaces->len; i++)
    {
      BenchWorkspace *ws = bench->workspaces->pdata[i];
      g_autoptr(GapWorkspace) workspace = bench_open (ws);
      g_autoptr(GapAnalysis) analysis = gap_analysis_new (workspace);

      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autofree char *name = g_strdup_printf ("out.%s",
                                                   gap_export_format_get_extension (runs[r].format));
          g_autofree char *measure = NULL;
          g_autofree char *dest = g_build_filename (dir, name, NULL);
          g_autofree char *dump = g_build_filename (dir, "dump.csv", NULL);
          Export export = { ws, analysis, runs[r].format, runs[r].report, dir, dest, dump };
          gboolean pdf = runs[r].format == GAP_EXPORT_FORMAT_PDF;
          gboolean one_report = runs[r].format == GAP_EXPORT_FORMAT_JSON ||
                                runs[r].format == GAP_EXPORT_FORMAT_OSCAL;
          double export_ms, dump_ms;
          const char *only = g_getenv ("GAP_BENCH_FORMAT");

          /* For profiling one writer: GAP_BENCH_FORMAT=xlsx. */
          if (only != NULL && !g_str_equal (only, gap_export_format_to_string (runs[r].format)))
            continue;

          bench_pair (bench, export_once, dump_once, &export, &export_ms, &dump_ms);
          measure = one_report ? g_strdup (gap_export_format_to_string (runs[r].format))
                               : g_strdup_printf ("%s, %s", gap_export_format_to_string (runs[r].format),
                                                  runs[r].report == GAP_REPORT_SOA ? "SoA" : "gap report");
          bench_row (bench, "export", ws, measure, export_ms, "sqlite3 -csv dump", dump_ms, 0,
                     pdf ? 0 : 5);
        }
    }

  bench_remove_tree (dir);

  bench_print (bench, "Export");
  bench_free (bench);
  return 0;
}
