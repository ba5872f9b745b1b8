/* gap-control.c — catalog controls and the groups they belong to
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-array-model-private.h"
#include "gap-catalog-private.h"

struct _GapControl
{
  GObject         parent_instance;

  char           *id;
  char           *title_en;
  char           *title_zh_tw;
  char           *group_id;
  char           *objective_id;
  GapEdition      edition;
  GapControlKind  kind;
  GapLayerFlags   layers;
  guint           position;
  gboolean        is_new;
};

G_DEFINE_FINAL_TYPE (GapControl, gap_control, G_TYPE_OBJECT)

struct _GapGroup
{
  GObject         parent_instance;

  char           *id;
  char           *title_en;
  char           *title_zh_tw;
  char           *parent_id;
  GapControlKind  kind;
  GPtrArray      *controls;        /* filled while the catalog loads, then fixed */
  GListModel     *controls_model;  /* read-only, safe for concurrent readers */
};

G_DEFINE_FINAL_TYPE (GapGroup, gap_group, G_TYPE_OBJECT)

const char *
_gap_pick_language (const char *en,
                    const char *zh_tw,
                    const char *lang)
{
  if (lang == NULL)
    lang = gap_current_language ();

  /* "zh_TW", and the spellings a caller may hand over from a locale name */
  if (g_str_has_prefix (lang, "zh"))
    return zh_tw;

  return en;
}

static void
gap_control_finalize (GObject *object)
{
  GapControl *self = GAP_CONTROL (object);

  g_free (self->id);
  g_free (self->title_en);
  g_free (self->title_zh_tw);
  g_free (self->group_id);
  g_free (self->objective_id);

  G_OBJECT_CLASS (gap_control_parent_class)->finalize (object);
}

static void
gap_control_class_init (GapControlClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_control_finalize;
}

static void
gap_control_init (GapControl *self)
{
}

GapControl *
_gap_control_new (GapEdition      edition,
                  GapControlKind  kind,
                  const char     *id,
                  const char     *title_en,
                  const char     *title_zh_tw,
                  const char     *group_id,
                  const char     *objective_id,
                  GapLayerFlags   layers,
                  gboolean        is_new,
                  guint           position)
{
  GapControl *self = g_object_new (GAP_TYPE_CONTROL, NULL);

  self->edition = edition;
  self->kind = kind;
  self->id = g_strdup (id);
  self->title_en = g_strdup (title_en);
  self->title_zh_tw = g_strdup (title_zh_tw);
  self->group_id = g_strdup (group_id);
  self->objective_id = g_strdup (objective_id);
  self->layers = layers;
  self->is_new = !!is_new;
  self->position = position;

  return self;
}

const char *
gap_control_get_id (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), NULL);

  return self->id;
}

GapEdition
gap_control_get_edition (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), GAP_EDITION_2022);

  return self->edition;
}

GapControlKind
gap_control_get_kind (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), GAP_CONTROL_KIND_CLAUSE);

  return self->kind;
}

const char *
gap_control_get_title (GapControl *self,
                       const char *lang)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), NULL);

  return _gap_pick_language (self->title_en, self->title_zh_tw, lang);
}

const char *
gap_control_get_group_id (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), NULL);

  return self->group_id;
}

const char *
gap_control_get_objective_id (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), NULL);

  return self->objective_id;
}

GapLayerFlags
gap_control_get_layers (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), GAP_LAYER_NONE);

  return self->layers;
}

gboolean
gap_control_get_is_new (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), FALSE);

  return self->is_new;
}

guint
gap_control_get_position (GapControl *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL (self), 0);

  return self->position;
}

static void
gap_group_finalize (GObject *object)
{
  GapGroup *self = GAP_GROUP (object);

  g_free (self->id);
  g_free (self->title_en);
  g_free (self->title_zh_tw);
  g_free (self->parent_id);
  g_clear_object (&self->controls_model);
  g_clear_pointer (&self->controls, g_ptr_array_unref);

  G_OBJECT_CLASS (gap_group_parent_class)->finalize (object);
}

static void
gap_group_class_init (GapGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_group_finalize;
}

static void
gap_group_init (GapGroup *self)
{
  self->controls = g_ptr_array_new_with_free_func (g_object_unref);
  self->controls_model = _gap_array_model_new (GAP_TYPE_CONTROL, self->controls);
}

GapGroup *
_gap_group_new (GapControlKind  kind,
                const char     *id,
                const char     *title_en,
                const char     *title_zh_tw,
                const char     *parent_id)
{
  GapGroup *self = g_object_new (GAP_TYPE_GROUP, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->title_en = g_strdup (title_en);
  self->title_zh_tw = g_strdup (title_zh_tw);
  self->parent_id = g_strdup (parent_id);

  return self;
}

void
_gap_group_add_control (GapGroup   *self,
                        GapControl *control)
{
  g_ptr_array_add (self->controls, g_object_ref (control));
}

const char *
gap_group_get_id (GapGroup *self)
{
  g_return_val_if_fail (GAP_IS_GROUP (self), NULL);

  return self->id;
}

const char *
gap_group_get_title (GapGroup   *self,
                     const char *lang)
{
  g_return_val_if_fail (GAP_IS_GROUP (self), NULL);

  return _gap_pick_language (self->title_en, self->title_zh_tw, lang);
}

GapControlKind
gap_group_get_kind (GapGroup *self)
{
  g_return_val_if_fail (GAP_IS_GROUP (self), GAP_CONTROL_KIND_CLAUSE);

  return self->kind;
}

const char *
gap_group_get_parent_id (GapGroup *self)
{
  g_return_val_if_fail (GAP_IS_GROUP (self), NULL);

  return self->parent_id;
}

GListModel *
gap_group_get_controls (GapGroup *self)
{
  g_return_val_if_fail (GAP_IS_GROUP (self), NULL);

  return self->controls_model;
}
