/* gap-control-row.h — one assessment in a list: ID, title, verdict badge, responsibility
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_CONTROL_ROW (gap_control_row_get_type ())
G_DECLARE_FINAL_TYPE (GapControlRow, gap_control_row, GAP, CONTROL_ROW, GtkWidget)

GtkWidget     *gap_control_row_new             (void);
/* Shows @assessment with the verdict @analysis gives it; NULL unbinds. */
void           gap_control_row_bind            (GapControlRow *self,
                                                GapAssessment *assessment,
                                                GapAnalysis   *analysis);
GapAssessment *gap_control_row_get_assessment  (GapControlRow *self);
/* Re-reads the verdict, responsibility and details from the core. */
void           gap_control_row_update          (GapControlRow *self);
/* The group heading shown above the row (the first row of a group); NULL hides it. */
void           gap_control_row_set_heading     (GapControlRow *self,
                                                const char    *heading);
gboolean       gap_control_row_get_heading_visible (GapControlRow *self);
/* A second line with priority, due date and owner (the dashboard's lists). */
void           gap_control_row_set_show_details (GapControlRow *self,
                                                 gboolean       show_details);
/* The verdict badge's text and style class, for tests. */
const char    *gap_control_row_get_verdict_text (GapControlRow *self);
/* The title shown, and the responsibility icon's tooltip (asked for
 * through query-tooltip), for tests. */
const char    *gap_control_row_get_title_text   (GapControlRow *self);
char          *gap_control_row_dup_tooltip_text (GapControlRow *self);

/* For list views of control rows: @bound_rows (a set of GapControlRow*)
 * holds the rows bound now, so that they can all be re-read at once when
 * the analysis changes. Call these from the factory's bind, unbind and
 * teardown. */
void           gap_control_row_bind_list_item   (GtkListItem   *list_item,
                                                 GapAnalysis   *analysis,
                                                 GHashTable    *bound_rows);
void           gap_control_row_unbind_list_item (GtkListItem   *list_item,
                                                 GHashTable    *bound_rows);
/* gap_control_row_update() on every row of @bound_rows. */
void           gap_control_row_update_all       (GHashTable    *bound_rows);

/* Shared by the pages: the CSS class of a verdict badge ("verdict-gap", …),
 * the icon of a responsibility, and the pages' style sheet (loaded once). */
const char    *gap_gui_verdict_style_class        (GapVerdict        verdict);
const char    *gap_gui_responsibility_icon_name   (GapResponsibility responsibility);
void           gap_gui_ensure_style               (void);
/* "Clause 4 · Context of the organization", "Annex A.5 · Organizational controls". */
char          *gap_gui_group_heading              (GapGroup         *group,
                                                   GapEdition        edition);
/* The top-level group of @kind called @group_id: in 2022 "5" names both a
 * clause and a theme, so the ID alone is not enough. Transfer none. */
GapGroup      *gap_gui_find_group                 (GapCatalog       *catalog,
                                                   GapEdition        edition,
                                                   GapControlKind    kind,
                                                   const char       *group_id);

G_END_DECLS
