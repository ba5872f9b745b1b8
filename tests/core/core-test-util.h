/* core-test-util.h — helpers shared by the core tests
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-core.h"

G_BEGIN_DECLS

/* A new temporary folder; core_tmp_dir_free() removes it and all in it. */
char         *core_tmp_dir_new        (void);
void          core_tmp_dir_free       (char         *dir);
/* The names in @dir, sorted, joined by spaces ("" when empty). */
char         *core_list_dir           (const char   *dir);
/* A new workspace "<dir>/<name>". */
GapWorkspace *core_workspace_new      (const char   *dir,
                                       const char   *name,
                                       GapEdition    edition);
/* "YYYY-MM-DD" of @today moved by @days. */
char         *core_date_offset        (const GDate  *today,
                                       int           days);
void          core_date_set           (GDate        *date,
                                       const char   *iso);
/* tests/core/data/<name>, as bytes. */
GBytes       *core_data_bytes         (const char   *name);
/* Every field of @workspace as text, one line each, custom providers
 * named by their position: two workspaces with the same data give the
 * same text. */
char         *core_workspace_dump     (GapWorkspace *workspace);

/* The services every verdict test uses, set up on @today:
 *   office-365   in use, certificate audited 30 days ago: current
 *   azure        in use, families "azure" (stale: audited 400 days ago) and
 *                "mcio" (current): current, the best of the two
 *   intune       in use, family "azure" only: stale
 *   dynamics-365 in use, certificates without dates: unverified
 *   azure-devops in use, audited recently but expired yesterday: stale
 *   defender-atp not in use, certificate current
 */
#define CORE_CURRENT    "office-365"
#define CORE_BEST_OF    "azure"
#define CORE_STALE      "intune"
#define CORE_UNVERIFIED "dynamics-365"
#define CORE_EXPIRED    "azure-devops"
#define CORE_NOT_IN_USE "defender-atp"
void          core_setup_services     (GapWorkspace *workspace,
                                       const GDate  *today);

G_END_DECLS
