/* gap-service-record.c — a catalog service or a provider added by hand, and
 * whether the scope uses it
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-workspace-private.h"

struct _GapServiceRecord
{
  GObject               parent_instance;
  char                 *id;
  GapService           *service;     /* NULL for a custom provider */
  char                 *name;        /* custom providers only */
  GapServiceModelFlags  models;      /* custom providers only */
  char                **family_ids;  /* custom providers only: { id } */
  gboolean              in_use;
};

G_DEFINE_FINAL_TYPE (GapServiceRecord, gap_service_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_IS_CUSTOM,
  PROP_SERVICE,
  PROP_NAME,
  PROP_MODELS,
  PROP_IN_USE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gap_service_record_finalize (GObject *object)
{
  GapServiceRecord *self = (GapServiceRecord *) object;

  g_free (self->id);
  g_clear_object (&self->service);
  g_free (self->name);
  g_strfreev (self->family_ids);

  G_OBJECT_CLASS (gap_service_record_parent_class)->finalize (object);
}

static void
gap_service_record_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GapServiceRecord *self = GAP_SERVICE_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_IS_CUSTOM:
      g_value_set_boolean (value, self->service == NULL);
      break;
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_NAME:
      g_value_set_string (value, gap_service_record_get_name (self, NULL));
      break;
    case PROP_MODELS:
      g_value_set_uint (value, gap_service_record_get_models (self));
      break;
    case PROP_IN_USE:
      g_value_set_boolean (value, self->in_use);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_service_record_class_init (GapServiceRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gap_service_record_finalize;
  object_class->get_property = gap_service_record_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CUSTOM] =
    g_param_spec_boolean ("is-custom", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, GAP_TYPE_SERVICE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* In the interface language; only a custom provider's changes. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODELS] =
    g_param_spec_uint ("models", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_USE] =
    g_param_spec_boolean ("in-use", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gap_service_record_init (GapServiceRecord *self)
{
}

GapServiceRecord *
_gap_service_record_new (GapService *service)
{
  GapServiceRecord *self = g_object_new (GAP_TYPE_SERVICE_RECORD, NULL);

  self->id = g_strdup (gap_service_get_id (service));
  self->service = g_object_ref (service);
  return self;
}

GapServiceRecord *
_gap_service_record_new_custom (const char           *id,
                                const char           *name,
                                GapServiceModelFlags  models)
{
  GapServiceRecord *self = g_object_new (GAP_TYPE_SERVICE_RECORD, NULL);
  const char *family_ids[] = { id, NULL };

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->models = models;
  /* A custom provider's certificate record has the provider's ID. */
  self->family_ids = g_strdupv ((char **) family_ids);
  self->in_use = TRUE;
  return self;
}

void
_gap_service_record_set_in_use (GapServiceRecord *self,
                                gboolean          in_use)
{
  in_use = !!in_use;
  if (self->in_use == in_use)
    return;
  self->in_use = in_use;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_USE]);
}

void
_gap_service_record_set_name (GapServiceRecord *self,
                              const char       *name)
{
  g_assert (self->service == NULL);
  if (_gap_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_gap_service_record_set_models (GapServiceRecord     *self,
                                GapServiceModelFlags  models)
{
  g_assert (self->service == NULL);
  if (self->models == models)
    return;
  self->models = models;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODELS]);
}

const char *
gap_service_record_get_id (GapServiceRecord *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), NULL);
  return self->id;
}

gboolean
gap_service_record_get_is_custom (GapServiceRecord *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), FALSE);
  return self->service == NULL;
}

GapService *
gap_service_record_get_service (GapServiceRecord *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), NULL);
  return self->service;
}

const char *
gap_service_record_get_name (GapServiceRecord *self,
                             const char       *lang)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), NULL);
  if (self->service != NULL)
    return gap_service_get_name (self->service, lang);
  /* What the user typed: one name in every language. */
  return self->name;
}

GapServiceModelFlags
gap_service_record_get_models (GapServiceRecord *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), 0);
  if (self->service != NULL)
    return gap_service_get_models (self->service);
  return self->models;
}

gboolean
gap_service_record_get_in_use (GapServiceRecord *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), FALSE);
  return self->in_use;
}

const char * const *
gap_service_record_get_family_ids (GapServiceRecord *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE_RECORD (self), NULL);
  if (self->service != NULL)
    return gap_service_get_family_ids (self->service);
  return (const char * const *) self->family_ids;
}
