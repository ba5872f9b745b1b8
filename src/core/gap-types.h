/* gap-types.h — the vocabulary shared by the core, exporters and widgets
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every enum has a stable string form (its "nick"), used in the store, in
 * JSON and in exports, and a translated label for people.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GAP_EDITION_2013,
  GAP_EDITION_2022,
} GapEdition;

typedef enum
{
  GAP_CONTROL_KIND_CLAUSE,   /* a clause 4–10 requirement: mandatory, the organization's own */
  GAP_CONTROL_KIND_ANNEX,    /* an Annex A control */
} GapControlKind;

/* The rows of Microsoft's shared-responsibility table (DESIGN.md). */
typedef enum /*< flags >*/
{
  GAP_LAYER_NONE                    = 0,
  GAP_LAYER_INFORMATION_DATA        = 1 << 0,
  GAP_LAYER_ACCOUNTS_IDENTITIES     = 1 << 1,
  GAP_LAYER_DEVICES                 = 1 << 2,
  GAP_LAYER_IDENTITY_INFRASTRUCTURE = 1 << 3,
  GAP_LAYER_APPLICATIONS            = 1 << 4,
  GAP_LAYER_NETWORK_CONTROLS        = 1 << 5,
  GAP_LAYER_OPERATING_SYSTEM        = 1 << 6,
  GAP_LAYER_PHYSICAL_HOSTS          = 1 << 7,
  GAP_LAYER_PHYSICAL_NETWORK        = 1 << 8,
  GAP_LAYER_PHYSICAL_DATACENTER     = 1 << 9,
} GapLayerFlags;

#define GAP_N_LAYERS 10

typedef enum /*< flags >*/
{
  GAP_SERVICE_MODEL_NONE         = 0,
  GAP_SERVICE_MODEL_SAAS         = 1 << 0,
  GAP_SERVICE_MODEL_PAAS         = 1 << 1,
  GAP_SERVICE_MODEL_IAAS         = 1 << 2,
  GAP_SERVICE_MODEL_PROFESSIONAL = 1 << 3, /* people, not a platform: carries no layer */
} GapServiceModelFlags;

/* Who runs a layer under a service model. */
typedef enum
{
  GAP_LAYER_OWNER_CUSTOMER,
  GAP_LAYER_OWNER_SHARED,
  GAP_LAYER_OWNER_PROVIDER,
} GapLayerOwner;

typedef enum
{
  GAP_APPLICABILITY_APPLICABLE,
  GAP_APPLICABILITY_NOT_APPLICABLE,
} GapApplicability;

typedef enum
{
  GAP_STATUS_NOT_ASSESSED,
  GAP_STATUS_NOT_IMPLEMENTED,
  GAP_STATUS_PLANNED,
  GAP_STATUS_PARTIAL,
  GAP_STATUS_IMPLEMENTED,
  GAP_STATUS_ALTERNATIVE,
} GapStatus;

typedef enum
{
  GAP_RESPONSIBILITY_ORGANIZATION,
  GAP_RESPONSIBILITY_SHARED,
  GAP_RESPONSIBILITY_INHERITED,
} GapResponsibility;

/* Reasons for inclusion of an Annex A control in the SoA. */
typedef enum /*< flags >*/
{
  GAP_REASON_NONE          = 0,
  GAP_REASON_LEGAL         = 1 << 0, /* legal or regulatory requirement */
  GAP_REASON_CONTRACTUAL   = 1 << 1,
  GAP_REASON_BUSINESS      = 1 << 2,
  GAP_REASON_RISK          = 1 << 3, /* risk assessment result */
  GAP_REASON_BEST_PRACTICE = 1 << 4,
} GapReasonFlags;

#define GAP_N_REASONS 5

typedef enum
{
  GAP_PRIORITY_NONE,
  GAP_PRIORITY_LOW,
  GAP_PRIORITY_MEDIUM,
  GAP_PRIORITY_HIGH,
  GAP_PRIORITY_CRITICAL,
} GapPriority;

/* Computed, never stored (DESIGN.md "Vocabulary"). */
typedef enum
{
  GAP_VERDICT_EXCLUDED,
  GAP_VERDICT_COVERED,
  GAP_VERDICT_PARTIAL,
  GAP_VERDICT_AT_RISK,
  GAP_VERDICT_GAP,
} GapVerdict;

#define GAP_N_VERDICTS 5

typedef enum
{
  GAP_CERTIFICATE_STATE_CURRENT,
  GAP_CERTIFICATE_STATE_UNVERIFIED, /* no last-audit date (or no dates at all) */
  GAP_CERTIFICATE_STATE_STALE,      /* last audit older than the audit cycle, or expired */
} GapCertificateState;

typedef enum
{
  GAP_SCOPE_KIND_SITE,
  GAP_SCOPE_KIND_UNIT,
  GAP_SCOPE_KIND_PROCESS,
  GAP_SCOPE_KIND_ASSET_GROUP,
  GAP_SCOPE_KIND_INTERFACE,
  GAP_SCOPE_KIND_INTERESTED_PARTY, /* detail: its requirements (4.2) */
  GAP_SCOPE_KIND_EXCLUSION,        /* detail: the reason */
} GapScopeKind;

#define GAP_N_SCOPE_KINDS 7

/* Stable strings ("2022", "not-applicable", "physical-datacenter", …) and
 * translated labels. from_string() returns FALSE on an unknown string. */
const char *gap_edition_to_string          (GapEdition edition);
gboolean    gap_edition_from_string        (const char *str, GapEdition *out);
const char *gap_edition_get_label          (GapEdition edition);

const char *gap_layer_to_string            (GapLayerFlags layer);
gboolean    gap_layer_from_string          (const char *str, GapLayerFlags *out);
const char *gap_layer_get_label            (GapLayerFlags layer);
GapLayerOwner gap_layer_get_owner          (GapLayerFlags layer, GapServiceModelFlags model);

const char *gap_service_model_to_string    (GapServiceModelFlags model);
gboolean    gap_service_model_from_string  (const char *str, GapServiceModelFlags *out);
const char *gap_service_model_get_label    (GapServiceModelFlags model);

const char *gap_applicability_to_string    (GapApplicability value);
gboolean    gap_applicability_from_string  (const char *str, GapApplicability *out);
const char *gap_applicability_get_label    (GapApplicability value);

const char *gap_status_to_string           (GapStatus value);
gboolean    gap_status_from_string         (const char *str, GapStatus *out);
const char *gap_status_get_label           (GapStatus value);

const char *gap_responsibility_to_string   (GapResponsibility value);
gboolean    gap_responsibility_from_string (const char *str, GapResponsibility *out);
const char *gap_responsibility_get_label   (GapResponsibility value);

const char *gap_reason_to_string           (GapReasonFlags reason);
gboolean    gap_reason_from_string         (const char *str, GapReasonFlags *out);
const char *gap_reason_get_label           (GapReasonFlags reason);

const char *gap_priority_to_string         (GapPriority value);
gboolean    gap_priority_from_string       (const char *str, GapPriority *out);
const char *gap_priority_get_label         (GapPriority value);

const char *gap_verdict_to_string          (GapVerdict value);
gboolean    gap_verdict_from_string        (const char *str, GapVerdict *out);
const char *gap_verdict_get_label          (GapVerdict value);

const char *gap_certificate_state_to_string (GapCertificateState value);
const char *gap_certificate_state_get_label (GapCertificateState value);

const char *gap_scope_kind_to_string       (GapScopeKind value);
gboolean    gap_scope_kind_from_string     (const char *str, GapScopeKind *out);
const char *gap_scope_kind_get_label       (GapScopeKind value);

/* "zh_TW" or "en": the interface language from the current locale. Titles
 * and exports take a language code; NULL means this one. */
const char *gap_current_language           (void);

G_END_DECLS
