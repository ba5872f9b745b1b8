/* gap-date-row.h — a row showing an optional date with a calendar picker
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAP_TYPE_DATE_ROW (gap_date_row_get_type ())
G_DECLARE_FINAL_TYPE (GapDateRow, gap_date_row, GAP, DATE_ROW, AdwActionRow)

GtkWidget  *gap_date_row_new      (void);
/* ISO 8601 ("2026-11-29") or "" when unset. Setting it does not emit
 * "date-picked": that signal is for the user's choices only. */
const char *gap_date_row_get_date (GapDateRow *self);
void        gap_date_row_set_date (GapDateRow *self,
                                   const char *date);

G_END_DECLS
