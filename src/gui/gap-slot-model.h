/* gap-slot-model.h — the places of a list, which stay while what fills them changes
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An item of a GapSlotModel: it stands for whatever its position shows. */
#define GAP_TYPE_CONTROL_SLOT (gap_control_slot_get_type ())
G_DECLARE_FINAL_TYPE (GapControlSlot, gap_control_slot, GAP, CONTROL_SLOT, GObject)

#define GAP_TYPE_SLOT_MODEL (gap_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (GapSlotModel, gap_slot_model, GAP, SLOT_MODEL, GObject)

/* Called with @done FALSE before a change of the model reaches the list,
 * and with @done TRUE after: the @in_place slots from @position on stayed
 * and now stand for other items. */
typedef void (*GapSlotsChangedFunc) (gboolean done,
                                     guint    position,
                                     guint    in_place,
                                     gpointer user_data);

/* One slot per item of @model ("model" property): only a change in how
 * many it has reaches the slot model's list, at its end. */
GapSlotModel *gap_slot_model_new              (GListModel          *model,
                                               GapSlotsChangedFunc  changed,
                                               gpointer             changed_data);
/* NULL @changed stops the calls (the page's dispose). */
void          gap_slot_model_set_changed_func (GapSlotModel        *self,
                                               GapSlotsChangedFunc  changed,
                                               gpointer             changed_data);

G_END_DECLS
