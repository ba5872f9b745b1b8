/* ws-test-util.h — helpers shared by the workspace tests and their helper
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-core.h"

G_BEGIN_DECLS

/* Every field of every object, as text: two workspaces hold the same data
 * when their snapshots are equal. */
char         *ws_snapshot             (GapWorkspace *workspace);
/* The same, of the file, read through a fresh open. */
char         *ws_snapshot_file        (const char   *path);
/* A new temporary folder; removed (recursively) by ws_tmp_dir_free(). */
char         *ws_tmp_dir_new          (void);
void          ws_tmp_dir_free         (char         *dir);
/* The names in @dir, sorted and joined by spaces. */
char         *ws_list_dir             (const char   *dir);
GBytes       *ws_read_file            (const char   *path);
/* The first clause requirement / Annex A control of the workspace. */
GapAssessment *ws_first_of_kind       (GapWorkspace *workspace,
                                       GapControlKind kind);
/* A simple SQL statement on a file, outside the workspace code. */
void          ws_sql                  (const char   *path,
                                       const char   *sql);
char         *ws_sql_text             (const char   *path,
                                       const char   *sql);
/* gap_workspace_open_read_only() of @path. */
GapWorkspace *ws_open_read_only       (const char   *path,
                                       GError      **error);
/* Runs isms-gap-cli (GAP_CLI) with @args; TRUE if it exited 0. Its output
 * in @out and @err, either may be NULL. */
gboolean      ws_run_cli              (const char * const *args,
                                       char        **out,
                                       char        **err);

G_END_DECLS
