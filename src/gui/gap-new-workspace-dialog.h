/* gap-new-workspace-dialog.h — asks for the organization and the edition
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Responses: "cancel" and "create" (enabled once an organization is typed).
 */

#pragma once

#include <adwaita.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_NEW_WORKSPACE_DIALOG (gap_new_workspace_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GapNewWorkspaceDialog, gap_new_workspace_dialog, GAP, NEW_WORKSPACE_DIALOG,
                      AdwMessageDialog)

GtkWidget  *gap_new_workspace_dialog_new              (GtkWindow             *parent);
const char *gap_new_workspace_dialog_get_organization (GapNewWorkspaceDialog *self);
GapEdition  gap_new_workspace_dialog_get_edition      (GapNewWorkspaceDialog *self);

G_END_DECLS
