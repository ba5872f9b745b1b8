/* gap-scope-item.c — one site, unit, process, asset group, interface,
 * interested party or exclusion of the ISMS scope
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-workspace-private.h"

struct _GapScopeItem
{
  GObject       parent_instance;
  gint64        id;
  GapScopeKind  kind;
  char         *name;
  char         *detail;
};

G_DEFINE_FINAL_TYPE (GapScopeItem, gap_scope_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gap_scope_item_finalize (GObject *object)
{
  GapScopeItem *self = (GapScopeItem *) object;

  g_free (self->name);
  g_free (self->detail);

  G_OBJECT_CLASS (gap_scope_item_parent_class)->finalize (object);
}

static void
gap_scope_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GapScopeItem *self = GAP_SCOPE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_scope_item_class_init (GapScopeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gap_scope_item_finalize;
  object_class->get_property = gap_scope_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, GAP_N_SCOPE_KINDS - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gap_scope_item_init (GapScopeItem *self)
{
}

GapScopeItem *
_gap_scope_item_new (gint64        id,
                     GapScopeKind  kind,
                     const char   *name,
                     const char   *detail)
{
  GapScopeItem *self = g_object_new (GAP_TYPE_SCOPE_ITEM, NULL);

  self->id = id;
  self->kind = kind;
  self->name = g_strdup (name != NULL ? name : "");
  self->detail = g_strdup (detail != NULL ? detail : "");
  return self;
}

void
_gap_scope_item_set_name (GapScopeItem *self,
                          const char   *name)
{
  if (_gap_set_str (&self->name, name != NULL ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_gap_scope_item_set_detail (GapScopeItem *self,
                            const char   *detail)
{
  if (_gap_set_str (&self->detail, detail != NULL ? detail : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

gint64
gap_scope_item_get_id (GapScopeItem *self)
{
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (self), 0);
  return self->id;
}

GapScopeKind
gap_scope_item_get_kind (GapScopeItem *self)
{
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (self), 0);
  return self->kind;
}

const char *
gap_scope_item_get_name (GapScopeItem *self)
{
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (self), NULL);
  return self->name;
}

const char *
gap_scope_item_get_detail (GapScopeItem *self)
{
  g_return_val_if_fail (GAP_IS_SCOPE_ITEM (self), NULL);
  return self->detail;
}
