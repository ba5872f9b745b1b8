/* gap-window.h — the main window: one workspace at a time, four pages
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns one GapWorkspace and its GapAnalysis (properties
 * "workspace" and "analysis", NULL while the welcome page shows); the pages
 * bind to them. Every function that opens a workspace keeps the current one
 * open when it fails.
 */

#pragma once

#include <adwaita.h>

#include "gap-application.h"
#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_WINDOW (gap_window_get_type ())
G_DECLARE_FINAL_TYPE (GapWindow, gap_window, GAP, WINDOW, AdwApplicationWindow)

GapWindow    *gap_window_new                  (GapApplication *application);

GapWorkspace *gap_window_get_workspace        (GapWindow      *self);
GapAnalysis  *gap_window_get_analysis         (GapWindow      *self);

/* A new working copy named after @organization and today's date. */
gboolean      gap_window_create_workspace     (GapWindow      *self,
                                               const char     *organization,
                                               GapEdition      edition,
                                               GError        **error);
/* Opens a working copy in place (recent workspaces, last session). */
gboolean      gap_window_open_file            (GapWindow      *self,
                                               GFile          *file,
                                               GError        **error);
/* Copies a file the user picked into the working copies and opens that. */
gboolean      gap_window_open_copy            (GapWindow      *self,
                                               GFile          *source,
                                               GError        **error);
gboolean      gap_window_open_demo            (GapWindow      *self,
                                               GError        **error);
gboolean      gap_window_save_copy            (GapWindow      *self,
                                               GFile          *dest,
                                               GError        **error);
/* Migrates the open 2013 workspace into a new 2022 working copy, opens it
 * and says how many controls need review. */
gboolean      gap_window_migrate              (GapWindow      *self,
                                               GError        **error);
/* Back to the welcome page. */
void          gap_window_close_workspace      (GapWindow      *self);
/* Reopens the last session's workspace if it still exists. */
void          gap_window_restore_session      (GapWindow      *self);

/* "scope", "services", "controls" or "analysis". */
void          gap_window_show_page            (GapWindow      *self,
                                               const char     *name);
/* Shows the controls page and emits "show-control" for it to select
 * @control_id. */
void          gap_window_show_control         (GapWindow      *self,
                                               const char     *control_id);

G_END_DECLS
