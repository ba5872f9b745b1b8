/* gap-controls-page.h — the list of controls beside the editor of the one selected
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_CONTROLS_PAGE (gap_controls_page_get_type ())
G_DECLARE_FINAL_TYPE (GapControlsPage, gap_controls_page, GAP, CONTROLS_PAGE, GtkWidget)

GtkWidget     *gap_controls_page_new             (void);
GapAnalysis   *gap_controls_page_get_analysis    (GapControlsPage *self);
void           gap_controls_page_set_analysis    (GapControlsPage *self,
                                                  GapAnalysis     *analysis);
/* The assessment in the editor, or NULL. */
GapAssessment *gap_controls_page_get_selected    (GapControlsPage *self);
/* Selects @assessment, clearing the search and filters if they hide it,
 * and shows its editor (also when the page is folded). */
void           gap_controls_page_show_assessment (GapControlsPage *self,
                                                  GapAssessment   *assessment);
/* The same by control ID; FALSE if the workspace has no such control. */
gboolean       gap_controls_page_show_control    (GapControlsPage *self,
                                                  const char      *control_id);

G_END_DECLS
