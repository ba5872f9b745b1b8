/* gap-slot-model.c — the places of a list, which stay while what fills them changes
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-slot-model.h"

/* GTK 4.8's list view does not reuse a row for another item: a keystroke
 * that changed which controls are shown built the rows on screen again
 * (some 30 of them, with their style, text layout and accessibility
 * objects), a few times a frame's time. Between the filter and the list
 * sits a model of "slots": slot i stands for whatever the filter shows at
 * position i, so only a change in how many are shown reaches the list
 * (at the end); the rows already on screen are bound again in place. */

struct _GapControlSlot
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GapControlSlot, gap_control_slot, G_TYPE_OBJECT)

static void gap_control_slot_class_init (GapControlSlotClass *klass) { }
static void gap_control_slot_init (GapControlSlot *self) { }

struct _GapSlotModel
{
  GObject              parent_instance;

  GListModel          *model;      /* the filter */
  GPtrArray           *slots;      /* GapControlSlot*: the first n_items are shown, the
                                    * others kept for when more are (20,000 new objects
                                    * when a search is emptied cost a few ms) */
  guint                n_items;
  GapSlotsChangedFunc  changed;
  gpointer             changed_data;
};

static GType
gap_slot_model_get_item_type (GListModel *list)
{
  return GAP_TYPE_CONTROL_SLOT;
}

static guint
gap_slot_model_get_n_items (GListModel *list)
{
  return GAP_SLOT_MODEL (list)->n_items;
}

static gpointer
gap_slot_model_get_item (GListModel *list,
                         guint       position)
{
  GapSlotModel *self = GAP_SLOT_MODEL (list);

  return position < self->n_items ? g_object_ref (self->slots->pdata[position]) : NULL;
}

static void
gap_slot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gap_slot_model_get_item_type;
  iface->get_n_items = gap_slot_model_get_n_items;
  iface->get_item = gap_slot_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GapSlotModel, gap_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gap_slot_model_list_model_init))

static void
slot_model_items_changed_cb (GapSlotModel *self,
                             guint         position,
                             guint         removed,
                             guint         added)
{
  guint old_n = self->n_items;
  guint new_n = old_n - removed + added;
  guint common = MIN (old_n, new_n);

  if (self->changed != NULL)
    self->changed (FALSE, position, 0, self->changed_data);
  while (self->slots->len < new_n)
    g_ptr_array_add (self->slots, g_object_new (GAP_TYPE_CONTROL_SLOT, NULL));
  self->n_items = new_n;
  if (new_n != old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);

  if (self->changed != NULL)
    self->changed (TRUE, position, position < common ? common - position : 0, self->changed_data);
}

static void
gap_slot_model_dispose (GObject *object)
{
  GapSlotModel *self = GAP_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (gap_slot_model_parent_class)->dispose (object);
}

static void
gap_slot_model_finalize (GObject *object)
{
  GapSlotModel *self = GAP_SLOT_MODEL (object);

  g_ptr_array_unref (self->slots);

  G_OBJECT_CLASS (gap_slot_model_parent_class)->finalize (object);
}

static void
gap_slot_model_class_init (GapSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gap_slot_model_dispose;
  object_class->finalize = gap_slot_model_finalize;
}

static void
gap_slot_model_init (GapSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

GapSlotModel *
gap_slot_model_new (GListModel          *model,
                    GapSlotsChangedFunc  changed,
                    gpointer             changed_data)
{
  GapSlotModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (GAP_TYPE_SLOT_MODEL, NULL);
  n = g_list_model_get_n_items (model);

  self->model = g_object_ref (model);
  self->changed = changed;
  self->changed_data = changed_data;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->slots, g_object_new (GAP_TYPE_CONTROL_SLOT, NULL));
  self->n_items = n;
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (slot_model_items_changed_cb), self);
  return self;
}

void
gap_slot_model_set_changed_func (GapSlotModel        *self,
                                 GapSlotsChangedFunc  changed,
                                 gpointer             changed_data)
{
  g_return_if_fail (GAP_IS_SLOT_MODEL (self));

  self->changed = changed;
  self->changed_data = changed_data;
}
