/* gap-types.c
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-types-private.h"

typedef struct
{
  int         value;
  const char *nick;
  const char *label;   /* N_() marked, translated on use */
} GapEnumEntry;

static const char *
entry_to_string (const GapEnumEntry *entries,
                 guint               n_entries,
                 int                 value)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == value)
      return entries[i].nick;
  return NULL;
}

static const char *
entry_get_msgid (const GapEnumEntry *entries,
                 guint               n_entries,
                 int                 value)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].value == value)
      return entries[i].label;
  return NULL;
}

static const char *
entry_get_label (const GapEnumEntry *entries,
                 guint               n_entries,
                 int                 value)
{
  const char *msgid = entry_get_msgid (entries, n_entries, value);

  return msgid != NULL ? g_dgettext (GETTEXT_PACKAGE, msgid) : NULL;
}

static gboolean
entry_from_string (const GapEnumEntry *entries,
                   guint               n_entries,
                   const char         *str,
                   int                *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    if (strcmp (entries[i].nick, str) == 0)
      {
        *out = entries[i].value;
        return TRUE;
      }
  return FALSE;
}

/* One table per type, and four small functions generated around it. */
#define GAP_DEFINE_ENUM_STRINGS(prefix, Type, table)                               \
  const char *prefix##_to_string (Type value)                                      \
  {                                                                                \
    return entry_to_string (table, G_N_ELEMENTS (table), (int) value);             \
  }                                                                                \
  const char *prefix##_get_label (Type value)                                      \
  {                                                                                \
    return entry_get_label (table, G_N_ELEMENTS (table), (int) value);             \
  }                                                                                \
  const char *_##prefix##_get_msgid (Type value)                                   \
  {                                                                                \
    return entry_get_msgid (table, G_N_ELEMENTS (table), (int) value);             \
  }                                                                                \
  gboolean prefix##_from_string (const char *str, Type *out)                       \
  {                                                                                \
    int v;                                                                         \
    if (!entry_from_string (table, G_N_ELEMENTS (table), str, &v))                 \
      return FALSE;                                                                \
    if (out != NULL)                                                               \
      *out = (Type) v;                                                             \
    return TRUE;                                                                   \
  }

static const GapEnumEntry editions[] = {
  { GAP_EDITION_2013, "2013", N_("ISO/IEC 27001:2013") },
  { GAP_EDITION_2022, "2022", N_("ISO/IEC 27001:2022") },
};
GAP_DEFINE_ENUM_STRINGS (gap_edition, GapEdition, editions)

static const GapEnumEntry layers[] = {
  { GAP_LAYER_INFORMATION_DATA, "information-data", N_("Information and data") },
  { GAP_LAYER_ACCOUNTS_IDENTITIES, "accounts-identities", N_("Accounts and identities") },
  { GAP_LAYER_DEVICES, "devices", N_("Devices (mobile and PCs)") },
  { GAP_LAYER_IDENTITY_INFRASTRUCTURE, "identity-infrastructure", N_("Identity and directory infrastructure") },
  { GAP_LAYER_APPLICATIONS, "applications", N_("Applications") },
  { GAP_LAYER_NETWORK_CONTROLS, "network-controls", N_("Network controls") },
  { GAP_LAYER_OPERATING_SYSTEM, "operating-system", N_("Operating system") },
  { GAP_LAYER_PHYSICAL_HOSTS, "physical-hosts", N_("Physical hosts") },
  { GAP_LAYER_PHYSICAL_NETWORK, "physical-network", N_("Physical network") },
  { GAP_LAYER_PHYSICAL_DATACENTER, "physical-datacenter", N_("Physical datacenter") },
};
GAP_DEFINE_ENUM_STRINGS (gap_layer, GapLayerFlags, layers)

static const GapEnumEntry service_models[] = {
  { GAP_SERVICE_MODEL_SAAS, "saas", N_("Software as a service (SaaS)") },
  { GAP_SERVICE_MODEL_PAAS, "paas", N_("Platform as a service (PaaS)") },
  { GAP_SERVICE_MODEL_IAAS, "iaas", N_("Infrastructure as a service (IaaS)") },
  { GAP_SERVICE_MODEL_PROFESSIONAL, "professional", N_("Professional service") },
};
GAP_DEFINE_ENUM_STRINGS (gap_service_model, GapServiceModelFlags, service_models)

static const GapEnumEntry applicabilities[] = {
  { GAP_APPLICABILITY_APPLICABLE, "applicable", N_("Applicable") },
  { GAP_APPLICABILITY_NOT_APPLICABLE, "not-applicable", N_("Not applicable") },
};
GAP_DEFINE_ENUM_STRINGS (gap_applicability, GapApplicability, applicabilities)

static const GapEnumEntry statuses[] = {
  { GAP_STATUS_NOT_ASSESSED, "not-assessed", N_("Not assessed") },
  { GAP_STATUS_NOT_IMPLEMENTED, "not-implemented", N_("Not implemented") },
  { GAP_STATUS_PLANNED, "planned", N_("Planned") },
  { GAP_STATUS_PARTIAL, "partial", N_("Partially implemented") },
  { GAP_STATUS_IMPLEMENTED, "implemented", N_("Implemented") },
  { GAP_STATUS_ALTERNATIVE, "alternative", N_("Alternative control") },
};
GAP_DEFINE_ENUM_STRINGS (gap_status, GapStatus, statuses)

static const GapEnumEntry responsibilities[] = {
  { GAP_RESPONSIBILITY_ORGANIZATION, "organization", N_("Organization") },
  { GAP_RESPONSIBILITY_SHARED, "shared", N_("Shared") },
  { GAP_RESPONSIBILITY_INHERITED, "inherited", N_("Inherited") },
};
GAP_DEFINE_ENUM_STRINGS (gap_responsibility, GapResponsibility, responsibilities)

static const GapEnumEntry reasons[] = {
  { GAP_REASON_LEGAL, "legal", N_("Legal or regulatory requirement") },
  { GAP_REASON_CONTRACTUAL, "contractual", N_("Contractual requirement") },
  { GAP_REASON_BUSINESS, "business", N_("Business requirement") },
  { GAP_REASON_RISK, "risk", N_("Risk assessment result") },
  { GAP_REASON_BEST_PRACTICE, "best-practice", N_("Best practice") },
};
GAP_DEFINE_ENUM_STRINGS (gap_reason, GapReasonFlags, reasons)

static const GapEnumEntry priorities[] = {
  { GAP_PRIORITY_NONE, "none", N_("No priority") },
  { GAP_PRIORITY_LOW, "low", N_("Low") },
  { GAP_PRIORITY_MEDIUM, "medium", N_("Medium") },
  { GAP_PRIORITY_HIGH, "high", N_("High") },
  { GAP_PRIORITY_CRITICAL, "critical", N_("Critical") },
};
GAP_DEFINE_ENUM_STRINGS (gap_priority, GapPriority, priorities)

static const GapEnumEntry verdicts[] = {
  { GAP_VERDICT_EXCLUDED, "excluded", N_("Excluded") },
  { GAP_VERDICT_COVERED, "covered", N_("Covered") },
  { GAP_VERDICT_PARTIAL, "partial", N_("Partial") },
  { GAP_VERDICT_AT_RISK, "at-risk", N_("At risk") },
  { GAP_VERDICT_GAP, "gap", N_("Gap") },
};
GAP_DEFINE_ENUM_STRINGS (gap_verdict, GapVerdict, verdicts)

static const GapEnumEntry scope_kinds[] = {
  { GAP_SCOPE_KIND_SITE, "site", N_("Sites") },
  { GAP_SCOPE_KIND_UNIT, "unit", N_("Organizational units") },
  { GAP_SCOPE_KIND_PROCESS, "process", N_("Processes and services") },
  { GAP_SCOPE_KIND_ASSET_GROUP, "asset-group", N_("Information asset groups") },
  { GAP_SCOPE_KIND_INTERFACE, "interface", N_("Interfaces and dependencies") },
  { GAP_SCOPE_KIND_INTERESTED_PARTY, "interested-party", N_("Interested parties") },
  { GAP_SCOPE_KIND_EXCLUSION, "exclusion", N_("Exclusions") },
};
GAP_DEFINE_ENUM_STRINGS (gap_scope_kind, GapScopeKind, scope_kinds)

static const GapEnumEntry certificate_states[] = {
  { GAP_CERTIFICATE_STATE_CURRENT, "current", N_("Current") },
  { GAP_CERTIFICATE_STATE_UNVERIFIED, "unverified", N_("Unverified") },
  { GAP_CERTIFICATE_STATE_STALE, "stale", N_("Stale") },
};

const char *
gap_certificate_state_to_string (GapCertificateState value)
{
  return entry_to_string (certificate_states, G_N_ELEMENTS (certificate_states), (int) value);
}

const char *
gap_certificate_state_get_label (GapCertificateState value)
{
  return entry_get_label (certificate_states, G_N_ELEMENTS (certificate_states), (int) value);
}

const char *
_gap_certificate_state_get_msgid (GapCertificateState value)
{
  return entry_get_msgid (certificate_states, G_N_ELEMENTS (certificate_states), (int) value);
}

/* Microsoft's shared-responsibility table (DESIGN.md), one row per layer:
 * owner under SaaS, PaaS, IaaS. */
GapLayerOwner
gap_layer_get_owner (GapLayerFlags        layer,
                     GapServiceModelFlags model)
{
#define C GAP_LAYER_OWNER_CUSTOMER
#define S GAP_LAYER_OWNER_SHARED
#define P GAP_LAYER_OWNER_PROVIDER
  static const struct { GapLayerFlags layer; GapLayerOwner saas, paas, iaas; } table[] = {
    { GAP_LAYER_INFORMATION_DATA,        C, C, C },
    { GAP_LAYER_ACCOUNTS_IDENTITIES,     C, C, C },
    { GAP_LAYER_DEVICES,                 C, C, C },
    { GAP_LAYER_IDENTITY_INFRASTRUCTURE, S, S, C },
    { GAP_LAYER_APPLICATIONS,            P, S, C },
    { GAP_LAYER_NETWORK_CONTROLS,        P, S, C },
    { GAP_LAYER_OPERATING_SYSTEM,        P, P, C },
    { GAP_LAYER_PHYSICAL_HOSTS,          P, P, P },
    { GAP_LAYER_PHYSICAL_NETWORK,        P, P, P },
    { GAP_LAYER_PHYSICAL_DATACENTER,     P, P, P },
  };
#undef C
#undef S
#undef P

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (table[i].layer != layer)
        continue;
      switch ((int) model)
        {
        case GAP_SERVICE_MODEL_SAAS: return table[i].saas;
        case GAP_SERVICE_MODEL_PAAS: return table[i].paas;
        case GAP_SERVICE_MODEL_IAAS: return table[i].iaas;
        default: return GAP_LAYER_OWNER_CUSTOMER; /* professional services, on-premises */
        }
    }

  return GAP_LAYER_OWNER_CUSTOMER;
}

const char *
gap_current_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh_TW") || g_str_has_prefix (names[i], "zh_HK") ||
          g_str_has_prefix (names[i], "zh_Hant"))
        return "zh_TW";
      if (g_str_has_prefix (names[i], "en") || strcmp (names[i], "C") == 0)
        return "en";
    }

  return "en";
}
