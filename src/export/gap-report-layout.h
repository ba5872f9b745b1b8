/* gap-report-layout.h — a GapReport laid out on pages, drawn with cairo
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One layout engine for the PDF export and for printing from the GUI
 * (GtkPrintOperation's draw-page handler calls draw_page() with the print
 * context's cairo_t): no GTK here. Coordinates are points (1/72 inch),
 * origin at the top left of the page; the engine keeps its own margins, so
 * printing uses the full page with points as the unit.
 *
 * Pages carry a running header and "Page N of M"; table headers repeat on
 * every page a table continues on; a table row moves whole to the next page
 * and is only split (between text lines) when it is taller than a page.
 */

#pragma once

#include <cairo.h>

#include "gap-report.h"

G_BEGIN_DECLS

#define GAP_REPORT_A4_WIDTH  595.2756   /* 210 mm in points */
#define GAP_REPORT_A4_HEIGHT 841.8898   /* 297 mm in points */

typedef struct _GapReportLayout GapReportLayout;

/* One entry per section, for the PDF outline. */
typedef struct
{
  const GapReportSection *section;
  char                   *title;  /* both languages joined in a bilingual report */
  guint                   page;   /* from 0 */
  double                  y;
} GapReportOutlineEntry;

/* Lays @report out on pages of @page_width × @page_height points at once;
 * the layout keeps a reference to @report. */
GapReportLayout             *gap_report_layout_new            (GapReport       *report,
                                                               double           page_width,
                                                               double           page_height);
void                         gap_report_layout_free           (GapReportLayout *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapReportLayout, gap_report_layout_free)

guint                        gap_report_layout_get_n_pages    (GapReportLayout *self);
/* Draws page @page (from 0) onto @cr, whose user space is the page in
 * points. Leaves @cr's state as it found it. */
void                         gap_report_layout_draw_page      (GapReportLayout *self,
                                                               cairo_t         *cr,
                                                               guint            page);
guint                        gap_report_layout_get_n_outline_entries (GapReportLayout *self);
const GapReportOutlineEntry *gap_report_layout_get_outline_entry     (GapReportLayout *self,
                                                                      guint            index);

G_END_DECLS
