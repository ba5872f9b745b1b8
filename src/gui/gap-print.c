/* gap-print.c — printing a report through GtkPrintOperation
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is built when printing is asked for (what the user sees is
 * what prints); it is laid out in begin-print, once the paper is known,
 * and each page is drawn by the same code as the PDF export.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "gap-print.h"
#include "gap-print-private.h"
#include "gap-report-layout.h"
#include "gap-util.h"

/* The least paper the layout's margins leave room on (about A6). */
#define MIN_WIDTH  280.0
#define MIN_HEIGHT 400.0

static char *export_file;

typedef struct
{
  GapReport       *report;
  GapReportLayout *layout;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  g_clear_pointer (&print->layout, gap_report_layout_free);
  g_clear_pointer (&print->report, gap_report_unref);
  g_free (print);
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintData         *print)
{
  /* Full page, in points: the layout keeps its own margins. */
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  if (width < MIN_WIDTH || height < MIN_HEIGHT)
    {
      /* Paper too small for any page: print nothing rather than garbage. */
      gtk_print_operation_cancel (operation);
      return;
    }

  g_clear_pointer (&print->layout, gap_report_layout_free);
  print->layout = gap_report_layout_new (print->report, width, height);
  gtk_print_operation_set_n_pages (operation, gap_report_layout_get_n_pages (print->layout));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           PrintData         *print)
{
  gap_report_layout_draw_page (print->layout, gtk_print_context_get_cairo_context (context),
                               (guint) page);
}

GtkPrintOperation *
gap_print_operation_new (GapAnalysis       *analysis,
                         GapReportKind      kind,
                         GapExportLanguage  lang)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintData *print;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GAP_IS_ANALYSIS (analysis), NULL);

  print = g_new0 (PrintData, 1);
  print->report = gap_report_new (analysis, kind, lang);
  title = gap_report_text_join (&print->report->title, " / ");

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title);

  g_object_set_data_full (G_OBJECT (operation), "gap-print-data", print, print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), print);
  return operation;
}

typedef struct
{
  GtkWindow *parent;   /* where errors show; may be NULL */
  gboolean   done;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_clear_object (&run->parent);
  g_free (run);
}

static void
show_error (Run          *run,
            const GError *error)
{
  if (run->parent != NULL && error != NULL)
    gap_widget_show_error (GTK_WIDGET (run->parent), _("Could not print the report"), error);
}

/* The end of every run that got going, errors included; the operation was
 * kept alive for it. */
static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            Run                     *run)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (run, error);
    }
  run->done = TRUE;
  g_object_unref (operation);
}

void
_gap_print_set_export_file (const char *path)
{
  g_free (export_file);
  export_file = g_strdup (path);
}

void
gap_print_report (GtkWindow         *parent,
                  GapAnalysis       *analysis,
                  GapReportKind      kind,
                  GapExportLanguage  lang)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;
  Run *run;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (GAP_IS_ANALYSIS (analysis));

  operation = gap_print_operation_new (analysis, kind, lang);
  gtk_print_operation_set_allow_async (operation, TRUE);
  run = g_new0 (Run, 1);
  run->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_object_set_data_full (G_OBJECT (operation), "gap-print-run", run, run_free);
  g_signal_connect (operation, "done", G_CALLBACK (print_done), run);

  /* Our own reference for the time of the call: "done" may come (and drop
   * the operation's) before run() returns. */
  g_object_ref (operation);
  if (export_file != NULL)
    gtk_print_operation_set_export_filename (operation, export_file);
  result = gtk_print_operation_run (operation,
                                    export_file != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  /* A run that failed before it started has no "done" to clean up. */
  if (!run->done && result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        show_error (run, error);
      run->done = TRUE;
      g_object_unref (operation);
    }
  g_object_unref (operation);
}
