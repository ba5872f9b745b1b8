/* gap-export-pdf.c — the report as an A4 PDF, through cairo and pango
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages come from GapReportLayout, the same code that prints from the
 * GUI. cairo embeds subsets of the fonts pango picked (Noto Sans CJK TC for
 * Chinese), and we add the title, author and an outline per section.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "gap-export-private.h"
#include "gap-report-layout.h"

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;   /* the first write error; later writes are refused */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                  &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_surface_t  *surface,
              Sink             *sink,
              GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED, _("Could not draw the PDF document: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
_gap_export_write_pdf (GapReport      *report,
                       GOutputStream  *stream,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GapReportLayout) layout = gap_report_layout_new (report, GAP_REPORT_A4_WIDTH,
                                                             GAP_REPORT_A4_HEIGHT);
  Sink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *title = gap_report_text_join (&report->title, " / ");
  g_autofree char *full_title = NULL;
  gboolean ok = TRUE;

  surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, GAP_REPORT_A4_WIDTH,
                                                 GAP_REPORT_A4_HEIGHT);
  cr = cairo_create (surface);

  full_title = *report->organization != '\0'
               ? g_strconcat (title, " — ", report->organization, NULL)
               : g_strdup (title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, full_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  *report->assessor != '\0' ? report->assessor
                                                            : report->organization);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  gap_report_text_get (&report->edition_label, 0));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ISMS Gap " PACKAGE_VERSION);

  for (guint page = 0; page < gap_report_layout_get_n_pages (layout); page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      gap_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
      if (!check_status (surface, &sink, error))
        {
          ok = FALSE;
          break;
        }
    }

  /* The outline links to pages, so it goes in only once every page is.
   * cairo 1.16 reads a linked page's height unchecked: after a cancel or
   * a write error before the first page, it finds none and crashes in
   * cairo_surface_finish() (issue #7). */
  for (guint i = 0; ok && i < gap_report_layout_get_n_outline_entries (layout); i++)
    {
      const GapReportOutlineEntry *entry = gap_report_layout_get_outline_entry (layout, i);
      /* Integers only: cairo parses these attributes itself. */
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %d]", entry->page + 1,
                                               (int) entry->y);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry->title, link, 0);
    }

  cairo_destroy (cr);
  /* Most of the file is written here: fonts, cross references. */
  cairo_surface_finish (surface);
  if (ok)
    ok = check_status (surface, &sink, error);
  cairo_surface_destroy (surface);
  g_clear_error (&sink.error);

  return ok;
}
