/* gap-scope-page.h — the ISMS scope (clause 4.3) and who assesses it
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_SCOPE_PAGE (gap_scope_page_get_type ())
G_DECLARE_FINAL_TYPE (GapScopePage, gap_scope_page, GAP, SCOPE_PAGE, AdwBin)

GtkWidget    *gap_scope_page_new           (void);
GapWorkspace *gap_scope_page_get_workspace (GapScopePage *self);
void          gap_scope_page_set_workspace (GapScopePage *self,
                                            GapWorkspace *workspace);
/* Saves edits still in the entries and the scope statement. */
void          gap_scope_page_flush         (GapScopePage *self);

G_END_DECLS
