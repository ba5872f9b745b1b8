/* gap-coverage-chart.h — verdict counts drawn as a ring or a bar
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"

G_BEGIN_DECLS

typedef enum
{
  GAP_COVERAGE_CHART_RING, /* a donut of every verdict, the coverage in the middle */
  GAP_COVERAGE_CHART_BAR,  /* one horizontal bar of the applicable items */
} GapCoverageChartShape;

#define GAP_TYPE_COVERAGE_CHART_SHAPE (gap_coverage_chart_shape_get_type ())
GType gap_coverage_chart_shape_get_type (void);

#define GAP_TYPE_COVERAGE_CHART (gap_coverage_chart_get_type ())
G_DECLARE_FINAL_TYPE (GapCoverageChart, gap_coverage_chart, GAP, COVERAGE_CHART, GtkWidget)

GtkWidget             *gap_coverage_chart_new         (GapCoverageChartShape shape);
GapCoverageChartShape  gap_coverage_chart_get_shape   (GapCoverageChart     *self);
void                   gap_coverage_chart_set_shape   (GapCoverageChart     *self,
                                                       GapCoverageChartShape shape);
/* Copies @counts; NULL shows an empty chart. */
void                   gap_coverage_chart_set_counts  (GapCoverageChart     *self,
                                                       const GapCounts      *counts);
/* What is drawn, in words; also the chart's accessible label. Prefixed
 * with :label ("Clause 4 · Context …") when set. */
char                  *gap_coverage_chart_describe    (GapCoverageChart     *self);
const char            *gap_coverage_chart_get_label   (GapCoverageChart     *self);
void                   gap_coverage_chart_set_label   (GapCoverageChart     *self,
                                                       const char           *label);

G_END_DECLS
