/* gap-array-model.c — a read-only list model over a pointer array
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-array-model-private.h"

struct _GapArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void gap_array_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GapArrayModel, gap_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gap_array_model_list_model_init))

static GType
gap_array_model_get_item_type (GListModel *model)
{
  return GAP_ARRAY_MODEL (model)->item_type;
}

static guint
gap_array_model_get_n_items (GListModel *model)
{
  return GAP_ARRAY_MODEL (model)->items->len;
}

static gpointer
gap_array_model_get_item (GListModel *model,
                          guint       position)
{
  GapArrayModel *self = GAP_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
gap_array_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gap_array_model_get_item_type;
  iface->get_n_items = gap_array_model_get_n_items;
  iface->get_item = gap_array_model_get_item;
}

static void
gap_array_model_finalize (GObject *object)
{
  GapArrayModel *self = GAP_ARRAY_MODEL (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (gap_array_model_parent_class)->finalize (object);
}

static void
gap_array_model_class_init (GapArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_array_model_finalize;
}

static void
gap_array_model_init (GapArrayModel *self)
{
}

GListModel *
_gap_array_model_new (GType      item_type,
                      GPtrArray *items)
{
  GapArrayModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (GAP_TYPE_ARRAY_MODEL, NULL);
  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);

  return G_LIST_MODEL (self);
}
