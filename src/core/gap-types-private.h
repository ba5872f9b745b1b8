/* gap-types-private.h — the untranslated labels of the vocabulary
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gap_*_get_label() answers in the interface language only. A bilingual
 * report, or a suggestion described in the other language, translates the
 * same msgid with _gap_gettext_for() (gap-i18n-private.h): one table of
 * words, in gap-types.c, for both.
 */

#pragma once

#include "gap-types.h"

G_BEGIN_DECLS

/* The msgid of the value's label; NULL for an unknown value. Flags take
 * one flag. */
const char *_gap_edition_get_msgid           (GapEdition           value);
const char *_gap_layer_get_msgid             (GapLayerFlags        value);
const char *_gap_service_model_get_msgid     (GapServiceModelFlags value);
const char *_gap_applicability_get_msgid     (GapApplicability     value);
const char *_gap_status_get_msgid            (GapStatus            value);
const char *_gap_responsibility_get_msgid    (GapResponsibility    value);
const char *_gap_reason_get_msgid            (GapReasonFlags       value);
const char *_gap_priority_get_msgid          (GapPriority          value);
const char *_gap_verdict_get_msgid           (GapVerdict           value);
const char *_gap_scope_kind_get_msgid        (GapScopeKind         value);
const char *_gap_certificate_state_get_msgid (GapCertificateState  value);

G_END_DECLS
