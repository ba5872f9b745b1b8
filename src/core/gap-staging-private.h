/* gap-staging-private.h — build a workspace whole, or leave nothing
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-workspace.h"

G_BEGIN_DECLS

typedef gboolean (*GapStagingFill) (GapWorkspace  *workspace,
                                    gpointer       user_data,
                                    GError       **error);

/* Creates the workspace at a hidden temporary name in @dest's folder, runs
 * @fill inside one batch, closes it and renames it to @dest, then opens
 * @dest. On any error the temporary files are removed and @dest is never
 * created. Fails with G_IO_ERROR_EXISTS if @dest exists. */
GapWorkspace *_gap_workspace_create_staged (GFile          *dest,
                                            GapEdition      edition,
                                            const char     *organization,
                                            GapStagingFill  fill,
                                            gpointer        user_data,
                                            GError        **error);

G_END_DECLS
