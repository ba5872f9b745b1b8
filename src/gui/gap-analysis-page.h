/* gap-analysis-page.h — the live gap analysis dashboard
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_ANALYSIS_PAGE (gap_analysis_page_get_type ())
G_DECLARE_FINAL_TYPE (GapAnalysisPage, gap_analysis_page, GAP, ANALYSIS_PAGE, GtkWidget)

GtkWidget   *gap_analysis_page_new          (void);
GapAnalysis *gap_analysis_page_get_analysis (GapAnalysisPage *self);
void         gap_analysis_page_set_analysis (GapAnalysisPage *self,
                                             GapAnalysis     *analysis);

/* Signals:
 *   "control-activated" (GapAssessment *assessment) — an open gap or an
 *   unjustified item was chosen; inside a GapWindow the page also calls
 *   gap_window_show_control().
 */

G_END_DECLS
