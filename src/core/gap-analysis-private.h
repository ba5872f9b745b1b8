/* gap-analysis-private.h — the analysis's internals, for tests and the core
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-analysis.h"

G_BEGIN_DECLS

/* Everything from scratch, as gap_analysis_new() does; the lists change
 * only where they differ. Tests compare it with the incremental updates. */
void _gap_analysis_recompute (GapAnalysis *self);
/* The day the verdicts were computed for. */
void _gap_analysis_get_today (GapAnalysis *self,
                              GDate       *today);

G_END_DECLS
