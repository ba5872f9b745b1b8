/* gap-catalog-private.h — how the catalog loader builds its objects
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-catalog.h"

G_BEGIN_DECLS

/* Benchmarks only: gap_catalog_get_default() returns @catalog from now on
 * (a synthetic catalog of thousands of controls, tests/bench). Call it
 * before any workspace is created or opened, and while no other thread
 * uses the core: only the first gap_catalog_get_default() is thread-safe
 * (g_once), a later swap is not. A swap drops the default's reference to
 * the catalog it replaces; keep your own for as long as anything uses it. */
void           _gap_catalog_set_default (GapCatalog          *catalog);

/* The title for @lang ("zh_TW", "en", NULL for the interface language). */
const char    *_gap_pick_language      (const char           *en,
                                        const char           *zh_tw,
                                        const char           *lang);

GapControl    *_gap_control_new        (GapEdition            edition,
                                        GapControlKind        kind,
                                        const char           *id,
                                        const char           *title_en,
                                        const char           *title_zh_tw,
                                        const char           *group_id,
                                        const char           *objective_id,
                                        GapLayerFlags         layers,
                                        gboolean              is_new,
                                        guint                 position);

GapGroup      *_gap_group_new          (GapControlKind        kind,
                                        const char           *id,
                                        const char           *title_en,
                                        const char           *title_zh_tw,
                                        const char           *parent_id);
void           _gap_group_add_control  (GapGroup             *self,
                                        GapControl           *control);

/* The constructors below take the string vectors they are given. */
GapCertFamily *_gap_cert_family_new    (const char           *id,
                                        const char           *title_en,
                                        const char           *title_zh_tw,
                                        const char           *reference,
                                        const char           *issuer,
                                        GStrv                 certificate_urls,
                                        GStrv                 audit_report_urls,
                                        GStrv                 soa_urls,
                                        guint                 audit_cycle_months);

GapService    *_gap_service_new        (const char           *id,
                                        const char           *name_en,
                                        const char           *name_zh_tw,
                                        GapServiceModelFlags  models,
                                        GStrv                 family_ids,
                                        const char           *url);

/* What a suggestion rests on, for gap_suggestion_describe(). */
typedef enum
{
  GAP_SUGGESTION_BASIS_CLAUSE,   /* clause requirements are the organization's own */
  GAP_SUGGESTION_BASIS_NO_LAYER, /* governance, people or process: no layer to share */
  GAP_SUGGESTION_BASIS_LAYERS,   /* the control's layers and the services in use */
} GapSuggestionBasis;

/* Takes @reasons (element type GapSuggestionReason, refs on their service and
 * family held by the array); SHARED when there is any, else ORGANIZATION. */
GapSuggestion *_gap_suggestion_new     (GapSuggestionBasis    basis,
                                        GArray               *reasons);

G_END_DECLS
