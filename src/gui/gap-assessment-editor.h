/* gap-assessment-editor.h — every field of one assessment, saved as it is edited
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_ASSESSMENT_EDITOR (gap_assessment_editor_get_type ())
G_DECLARE_FINAL_TYPE (GapAssessmentEditor, gap_assessment_editor, GAP, ASSESSMENT_EDITOR, GtkWidget)

GtkWidget     *gap_assessment_editor_new            (void);
GapAnalysis   *gap_assessment_editor_get_analysis   (GapAssessmentEditor *self);
void           gap_assessment_editor_set_analysis   (GapAssessmentEditor *self,
                                                     GapAnalysis         *analysis);
GapAssessment *gap_assessment_editor_get_assessment (GapAssessmentEditor *self);
/* Saves a text field still being typed in for the previous assessment first. */
void           gap_assessment_editor_set_assessment (GapAssessmentEditor *self,
                                                     GapAssessment       *assessment);
/* Saves the text fields now instead of after the typing pause. */
void           gap_assessment_editor_flush          (GapAssessmentEditor *self);

G_END_DECLS
