/* gap-verdict-private.h — pieces of the verdict rule the analysis also needs
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-workspace.h"

G_BEGIN_DECLS

/* Its verdict depends on services and certificates: an Annex A control,
 * shared or inherited, naming at least one service. */
gboolean _gap_assessment_leans_on_services (GapAssessment *assessment);

G_END_DECLS
