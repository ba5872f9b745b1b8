/* gap-migration.h — a 2013 workspace to 2022 through Annex B
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-workspace.h"

G_BEGIN_DECLS

typedef struct _GapMigrationReport GapMigrationReport;

/* Creates @dest as a 2022 workspace: scope and services unchanged; each 2022
 * control takes the answers of the 2013 controls that map to it (the least
 * favourable status, justifications and evidence joined, flagged for
 * review); controls new in 2022 start not assessed. */
GapWorkspace *gap_migrate_workspace             (GapWorkspace        *source,
                                                 GFile               *dest,
                                                 GapMigrationReport **report,
                                                 GError             **error);

/* Translated, one line per 2022 control that was merged or needs review. */
char         *gap_migration_report_to_text      (GapMigrationReport  *report);
guint         gap_migration_report_get_n_review (GapMigrationReport  *report);
void          gap_migration_report_free         (GapMigrationReport  *report);

/* One entry per 2022 control, in catalog order: the 2013 controls it took
 * its answers from (none for a control new in 2022), whether there were
 * several, the fields (bits 1 << GapAssessmentField) on which those
 * disagreed, and whether it was flagged for review. */
guint               gap_migration_report_get_n_controls   (GapMigrationReport *report);
const char         *gap_migration_report_get_control_id   (GapMigrationReport *report,
                                                           guint               index);
const char * const *gap_migration_report_get_sources      (GapMigrationReport *report,
                                                           guint               index);
gboolean            gap_migration_report_get_merged       (GapMigrationReport *report,
                                                           guint               index);
guint               gap_migration_report_get_conflicts    (GapMigrationReport *report,
                                                           guint               index);
gboolean            gap_migration_report_get_needs_review (GapMigrationReport *report,
                                                           guint               index);
gboolean            gap_migration_report_lookup           (GapMigrationReport *report,
                                                           const char         *control_id,
                                                           guint              *index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapMigrationReport, gap_migration_report_free)

G_END_DECLS
