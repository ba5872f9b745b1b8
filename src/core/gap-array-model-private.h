/* gap-array-model-private.h — a read-only list model over a pointer array
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GAP_TYPE_ARRAY_MODEL (gap_array_model_get_type ())
G_DECLARE_FINAL_TYPE (GapArrayModel, gap_array_model, GAP, ARRAY_MODEL, GObject)

/* A GListModel of the GObjects of @items (all of @item_type), holding a
 * reference on @items. Whoever fills @items finishes before handing the
 * model out and never changes it afterwards: the model never emits
 * items-changed. It keeps no state while reading, so any number of threads
 * may read it at once (GListStore caches the last position it was asked
 * for, and two threads reading one store get each other's items). */
GListModel *_gap_array_model_new (GType      item_type,
                                  GPtrArray *items);

G_END_DECLS
