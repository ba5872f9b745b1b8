/* gap-scope-item-row.h — one editable scope item (a site, a party, …)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name and detail are saved through the workspace when Enter is pressed or
 * the focus leaves them. Moving and removing need the list, so the row asks
 * its page with the "move" (delta) and "remove" signals.
 */

#pragma once

#include <adwaita.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_SCOPE_ITEM_ROW (gap_scope_item_row_get_type ())
G_DECLARE_FINAL_TYPE (GapScopeItemRow, gap_scope_item_row, GAP, SCOPE_ITEM_ROW, AdwExpanderRow)

GtkWidget    *gap_scope_item_row_new          (GapWorkspace    *workspace,
                                               GapScopeItem    *item);
GapScopeItem *gap_scope_item_row_get_item     (GapScopeItemRow *self);
/* The title of the detail field for @kind: "Requirements", "Reason", "Note". */
const char   *gap_scope_item_row_detail_title (GapScopeKind    kind);
/* Shows the item's current values (after an undo, say). */
void          gap_scope_item_row_sync         (GapScopeItemRow *self);
/* Saves an edit still in the entries. */
void          gap_scope_item_row_flush        (GapScopeItemRow *self);
void          gap_scope_item_row_set_can_move (GapScopeItemRow *self,
                                               gboolean         up,
                                               gboolean         down);
/* After a move re-created the row: focus the button that was used. */
void          gap_scope_item_row_focus_move   (GapScopeItemRow *self,
                                               int              delta);

G_END_DECLS
