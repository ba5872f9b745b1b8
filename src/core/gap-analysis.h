/* gap-analysis.h — the live gap analysis of a workspace
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-workspace.h"

G_BEGIN_DECLS

/* The verdict rule of DESIGN.md "Vocabulary", written once. @today decides
 * whether a certificate is stale; NULL means today. */
GapVerdict gap_verdict_compute (GapWorkspace  *workspace,
                                GapAssessment *assessment,
                                const GDate   *today);

typedef struct
{
  guint total;
  guint applicable;                        /* total minus excluded */
  guint by_verdict[GAP_N_VERDICTS];
  guint by_responsibility[3];              /* applicable items only */
} GapCounts;

/* covered ÷ applicable, in [0, 1]; 0 when nothing is applicable. */
double gap_counts_get_coverage (const GapCounts *counts);

#define GAP_TYPE_ANALYSIS (gap_analysis_get_type ())
G_DECLARE_FINAL_TYPE (GapAnalysis, gap_analysis, GAP, ANALYSIS, GObject)

/* Follows the workspace's signals and updates incrementally; emits
 * "changed" after each update. */
GapAnalysis     *gap_analysis_new                (GapWorkspace  *workspace);
GapWorkspace    *gap_analysis_get_workspace      (GapAnalysis   *self);
/* For reproducible reports and tests; NULL goes back to the real today. */
void             gap_analysis_set_today          (GapAnalysis   *self,
                                                  const GDate   *today);
GapVerdict       gap_analysis_get_verdict        (GapAnalysis   *self,
                                                  GapAssessment *assessment);
const GapCounts *gap_analysis_get_counts         (GapAnalysis   *self);
/* A clause ("4"), 2022 theme ("A.5") or 2013 domain ("A.5"); NULL if unknown. */
const GapCounts *gap_analysis_get_group_counts   (GapAnalysis   *self,
                                                  const char    *group_id);
/* GListModels of GapAssessment:
 * open gaps (verdict gap, at-risk or partial), highest priority first, then
 * earliest due date (unset last), then catalog order; */
GListModel      *gap_analysis_get_open_gaps      (GapAnalysis   *self);
/* items that lean on a service not in use or an unverified/stale certificate; */
GListModel      *gap_analysis_get_at_risk        (GapAnalysis   *self);
/* not applicable without a justification. */
GListModel      *gap_analysis_get_unjustified    (GapAnalysis   *self);
/* GListModel of GapCertificate behind services in use that are not current. */
GListModel      *gap_analysis_get_certificate_warnings (GapAnalysis *self);

G_END_DECLS
