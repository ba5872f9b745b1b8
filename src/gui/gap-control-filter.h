/* gap-control-filter.h — the controls page's list: the workspace's assessments, filtered
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_CONTROL_FILTER (gap_control_filter_get_type ())
G_DECLARE_FINAL_TYPE (GapControlFilter, gap_control_filter, GAP, CONTROL_FILTER, GObject)

/* @text NFKC-normalized and case-folded, as the search keys are; NULL as "". */
char          *gap_control_filter_fold               (const char         *text);

void           gap_control_filter_set_model          (GapControlFilter   *self,
                                                      GListModel         *model);
void           gap_control_filter_set_analysis       (GapControlFilter   *self,
                                                      GapAnalysis        *analysis);
/* The analysis's verdicts changed: they are read again when next filtered by. */
void           gap_control_filter_verdicts_changed   (GapControlFilter   *self);
/* The core changed @assessment: its key and values are read again. */
void           gap_control_filter_assessment_changed (GapControlFilter   *self,
                                                      GapAssessment      *assessment,
                                                      GapAssessmentField  field);

/* What to show: set these, then call refilter(). @folded is the search
 * as gap_control_filter_fold() makes it, stripped; "" shows all. */
void           gap_control_filter_set_query          (GapControlFilter   *self,
                                                      const char         *folded);
gboolean       gap_control_filter_has_query          (GapControlFilter   *self);
/* The values the dropdowns want, -1 for any (the enums' values otherwise). */
void           gap_control_filter_set_attributes     (GapControlFilter   *self,
                                                      int                 verdict,
                                                      int                 responsibility,
                                                      int                 status,
                                                      int                 applicability);
gboolean       gap_control_filter_get_attributes_active (GapControlFilter *self);
/* Shown whatever it matches; NULL for none. Transfer none. */
GapAssessment *gap_control_filter_get_pinned         (GapControlFilter   *self);
void           gap_control_filter_set_pinned         (GapControlFilter   *self,
                                                      GapAssessment      *pinned);
/* @change says which entries can change (see GtkFilterChange). */
void           gap_control_filter_refilter           (GapControlFilter   *self,
                                                      GtkFilterChange     change);

/* The assessment shown at @position, or NULL; transfer none. */
GapAssessment *gap_control_filter_peek               (GapControlFilter   *self,
                                                      guint               position);
/* Where @assessment is shown, or GTK_INVALID_LIST_POSITION. */
guint          gap_control_filter_find               (GapControlFilter   *self,
                                                      GapAssessment      *assessment);
/* How many assessments there are, shown or not. */
guint          gap_control_filter_get_total          (GapControlFilter   *self);

G_END_DECLS
