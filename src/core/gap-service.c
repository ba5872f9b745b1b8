/* gap-service.c — Microsoft cloud services and their certificate families
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-catalog-private.h"

struct _GapCertFamily
{
  GObject  parent_instance;

  char    *id;
  char    *title_en;
  char    *title_zh_tw;
  char    *reference;
  char    *issuer;
  GStrv    certificate_urls;
  GStrv    audit_report_urls;
  GStrv    soa_urls;
  guint    audit_cycle_months;
};

G_DEFINE_FINAL_TYPE (GapCertFamily, gap_cert_family, G_TYPE_OBJECT)

struct _GapService
{
  GObject               parent_instance;

  char                 *id;
  char                 *name_en;
  char                 *name_zh_tw;
  char                 *url;
  GStrv                 family_ids;
  GapServiceModelFlags  models;
};

G_DEFINE_FINAL_TYPE (GapService, gap_service, G_TYPE_OBJECT)

static void
gap_cert_family_finalize (GObject *object)
{
  GapCertFamily *self = GAP_CERT_FAMILY (object);

  g_free (self->id);
  g_free (self->title_en);
  g_free (self->title_zh_tw);
  g_free (self->reference);
  g_free (self->issuer);
  g_strfreev (self->certificate_urls);
  g_strfreev (self->audit_report_urls);
  g_strfreev (self->soa_urls);

  G_OBJECT_CLASS (gap_cert_family_parent_class)->finalize (object);
}

static void
gap_cert_family_class_init (GapCertFamilyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_cert_family_finalize;
}

static void
gap_cert_family_init (GapCertFamily *self)
{
}

/* An absent list is an empty one, so callers can always iterate. */
static GStrv
strv_or_empty (GStrv strv)
{
  return strv != NULL ? strv : g_new0 (char *, 1);
}

GapCertFamily *
_gap_cert_family_new (const char *id,
                      const char *title_en,
                      const char *title_zh_tw,
                      const char *reference,
                      const char *issuer,
                      GStrv       certificate_urls,
                      GStrv       audit_report_urls,
                      GStrv       soa_urls,
                      guint       audit_cycle_months)
{
  GapCertFamily *self = g_object_new (GAP_TYPE_CERT_FAMILY, NULL);

  self->id = g_strdup (id);
  self->title_en = g_strdup (title_en);
  self->title_zh_tw = g_strdup (title_zh_tw);
  self->reference = g_strdup (reference);
  self->issuer = g_strdup (issuer);
  self->certificate_urls = strv_or_empty (certificate_urls);
  self->audit_report_urls = strv_or_empty (audit_report_urls);
  self->soa_urls = strv_or_empty (soa_urls);
  self->audit_cycle_months = audit_cycle_months;

  return self;
}

const char *
gap_cert_family_get_id (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return self->id;
}

const char *
gap_cert_family_get_title (GapCertFamily *self,
                           const char    *lang)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return _gap_pick_language (self->title_en, self->title_zh_tw, lang);
}

const char *
gap_cert_family_get_reference (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return self->reference;
}

const char *
gap_cert_family_get_issuer (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return self->issuer;
}

const char * const *
gap_cert_family_get_certificate_urls (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return (const char * const *) self->certificate_urls;
}

const char * const *
gap_cert_family_get_audit_report_urls (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return (const char * const *) self->audit_report_urls;
}

const char * const *
gap_cert_family_get_soa_urls (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), NULL);

  return (const char * const *) self->soa_urls;
}

guint
gap_cert_family_get_audit_cycle_months (GapCertFamily *self)
{
  g_return_val_if_fail (GAP_IS_CERT_FAMILY (self), 0);

  return self->audit_cycle_months;
}

static void
gap_service_finalize (GObject *object)
{
  GapService *self = GAP_SERVICE (object);

  g_free (self->id);
  g_free (self->name_en);
  g_free (self->name_zh_tw);
  g_free (self->url);
  g_strfreev (self->family_ids);

  G_OBJECT_CLASS (gap_service_parent_class)->finalize (object);
}

static void
gap_service_class_init (GapServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_service_finalize;
}

static void
gap_service_init (GapService *self)
{
}

GapService *
_gap_service_new (const char           *id,
                  const char           *name_en,
                  const char           *name_zh_tw,
                  GapServiceModelFlags  models,
                  GStrv                 family_ids,
                  const char           *url)
{
  GapService *self = g_object_new (GAP_TYPE_SERVICE, NULL);

  self->id = g_strdup (id);
  self->name_en = g_strdup (name_en);
  self->name_zh_tw = g_strdup (name_zh_tw);
  self->models = models;
  self->family_ids = strv_or_empty (family_ids);
  self->url = g_strdup (url);

  return self;
}

const char *
gap_service_get_url (GapService *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE (self), NULL);

  return self->url;
}

const char *
gap_service_get_id (GapService *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE (self), NULL);

  return self->id;
}

const char *
gap_service_get_name (GapService *self,
                      const char *lang)
{
  g_return_val_if_fail (GAP_IS_SERVICE (self), NULL);

  return _gap_pick_language (self->name_en, self->name_zh_tw, lang);
}

GapServiceModelFlags
gap_service_get_models (GapService *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE (self), GAP_SERVICE_MODEL_NONE);

  return self->models;
}

const char * const *
gap_service_get_family_ids (GapService *self)
{
  g_return_val_if_fail (GAP_IS_SERVICE (self), NULL);

  return (const char * const *) self->family_ids;
}
