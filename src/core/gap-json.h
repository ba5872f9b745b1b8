/* gap-json.h — the lossless, versioned JSON form of a workspace
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented in docs/json-format.md. Output is stable: the
 * same workspace always gives the same bytes.
 */

#pragma once

#include "gap-workspace.h"

G_BEGIN_DECLS

gboolean      gap_workspace_write_json  (GapWorkspace  *self,
                                         GOutputStream *stream,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Validates all of @json first (types, edition, control IDs, sizes, depth);
 * on any error names the place and creates nothing. */
GapWorkspace *gap_workspace_import_json (GBytes        *json,
                                         GFile         *dest,
                                         GError       **error);
/* The demo organization (data/demo/demo.json in the GResource). */
GapWorkspace *gap_workspace_create_demo (GFile         *dest,
                                         GError       **error);

G_END_DECLS
