/* gap-certificate.c — what the organization recorded of one certificate
 * family: reference, issuer, last audit, expiry, notes
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gap-workspace-private.h"

#define N_FIELDS 5
#define DEFAULT_AUDIT_CYCLE_MONTHS 12

struct _GapCertificate
{
  GObject           parent_instance;
  char             *family_id;
  GapCertFamily    *family;      /* NULL for a custom provider */
  GapServiceRecord *provider;    /* the custom provider, else NULL */
  char             *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (GapCertificate, gap_certificate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FAMILY_ID,
  PROP_FAMILY,
  PROP_PROVIDER,
  /* in GapCertificateField order */
  PROP_REFERENCE,
  PROP_ISSUER,
  PROP_LAST_AUDIT,
  PROP_EXPIRY,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_gap_date_parse (const char *str,
                 GDate      *out)
{
  unsigned year, month, day;

  /* Exactly YYYY-MM-DD. */
  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;
  /* By hand, not sscanf(): exports check the dates of every control. */
  year = (str[0] - '0') * 1000 + (str[1] - '0') * 100 + (str[2] - '0') * 10 + (str[3] - '0');
  month = (str[5] - '0') * 10 + (str[6] - '0');
  day = (str[8] - '0') * 10 + (str[9] - '0');
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static void
gap_certificate_finalize (GObject *object)
{
  GapCertificate *self = (GapCertificate *) object;

  g_free (self->family_id);
  g_clear_object (&self->family);
  g_clear_object (&self->provider);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (gap_certificate_parent_class)->finalize (object);
}

static void
gap_certificate_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GapCertificate *self = GAP_CERTIFICATE (object);

  switch (prop_id)
    {
    case PROP_FAMILY_ID:
      g_value_set_string (value, self->family_id);
      break;
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;
    case PROP_PROVIDER:
      g_value_set_object (value, self->provider);
      break;
    case PROP_REFERENCE:
    case PROP_ISSUER:
    case PROP_LAST_AUDIT:
    case PROP_EXPIRY:
    case PROP_NOTES:
      g_value_set_string (value, self->fields[prop_id - PROP_REFERENCE]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_certificate_class_init (GapCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags field_flags =
    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gap_certificate_finalize;
  object_class->get_property = gap_certificate_get_property;

  properties[PROP_FAMILY_ID] =
    g_param_spec_string ("family-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL, GAP_TYPE_CERT_FAMILY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER] =
    g_param_spec_object ("provider", NULL, NULL, GAP_TYPE_SERVICE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, "", field_flags);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, "", field_flags);
  properties[PROP_LAST_AUDIT] = g_param_spec_string ("last-audit", NULL, NULL, "", field_flags);
  properties[PROP_EXPIRY] = g_param_spec_string ("expiry", NULL, NULL, "", field_flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", field_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gap_certificate_init (GapCertificate *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
}

GapCertificate *
_gap_certificate_new (const char       *family_id,
                      GapCertFamily    *family,
                      GapServiceRecord *provider)
{
  GapCertificate *self = g_object_new (GAP_TYPE_CERTIFICATE, NULL);

  self->family_id = g_strdup (family_id);
  self->family = family != NULL ? g_object_ref (family) : NULL;
  self->provider = provider != NULL ? g_object_ref (provider) : NULL;
  return self;
}

void
_gap_certificate_set_field (GapCertificate      *self,
                            GapCertificateField  field,
                            const char          *value)
{
  g_assert (field < N_FIELDS);
  if (_gap_set_str (&self->fields[field], value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE + field]);
}

const char *
gap_certificate_get_family_id (GapCertificate *self)
{
  g_return_val_if_fail (GAP_IS_CERTIFICATE (self), NULL);
  return self->family_id;
}

GapCertFamily *
gap_certificate_get_family (GapCertificate *self)
{
  g_return_val_if_fail (GAP_IS_CERTIFICATE (self), NULL);
  return self->family;
}

const char *
gap_certificate_get_title (GapCertificate *self,
                           const char     *lang)
{
  g_return_val_if_fail (GAP_IS_CERTIFICATE (self), NULL);
  if (self->family != NULL)
    return gap_cert_family_get_title (self->family, lang);
  if (self->provider != NULL)
    return gap_service_record_get_name (self->provider, lang);
  return self->family_id;
}

const char *
gap_certificate_get_field (GapCertificate      *self,
                           GapCertificateField  field)
{
  g_return_val_if_fail (GAP_IS_CERTIFICATE (self), NULL);
  g_return_val_if_fail (field < N_FIELDS, NULL);
  return self->fields[field];
}

GapCertificateState
gap_certificate_get_state (GapCertificate *self,
                           const GDate    *today)
{
  GDate last_audit;
  GDate expiry;
  guint cycle = 0;

  g_return_val_if_fail (GAP_IS_CERTIFICATE (self), GAP_CERTIFICATE_STATE_UNVERIFIED);
  g_return_val_if_fail (today != NULL && g_date_valid (today), GAP_CERTIFICATE_STATE_UNVERIFIED);

  if (!_gap_date_parse (self->fields[GAP_CERTIFICATE_FIELD_LAST_AUDIT], &last_audit))
    return GAP_CERTIFICATE_STATE_UNVERIFIED;

  if (_gap_date_parse (self->fields[GAP_CERTIFICATE_FIELD_EXPIRY], &expiry) &&
      g_date_compare (&expiry, today) < 0)
    return GAP_CERTIFICATE_STATE_STALE;

  if (self->family != NULL)
    cycle = gap_cert_family_get_audit_cycle_months (self->family);
  if (cycle == 0)
    cycle = DEFAULT_AUDIT_CYCLE_MONTHS;

  /* Audited on 2025-03-31 with a 12-month cycle: current through 2026-03-31. */
  g_date_add_months (&last_audit, cycle);
  if (g_date_compare (&last_audit, today) < 0)
    return GAP_CERTIFICATE_STATE_STALE;

  return GAP_CERTIFICATE_STATE_CURRENT;
}
