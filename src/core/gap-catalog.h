/* gap-catalog.h — the shipped, read-only control catalog
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded once from the GResource (the JSON files of data/catalog/) and
 * shared. IDs and short titles only: never ISO's control text.
 */

#pragma once

#include <gio/gio.h>

#include "gap-types.h"

G_BEGIN_DECLS

/* A clause requirement ("4.1", "9.2.1") or an Annex A control ("A.5.1" in
 * 2022, "A.5.1.1" in 2013). 2022 Annex A IDs carry the "A." prefix, as
 * Statements of Applicability write them, so that no Annex A ID is also a
 * clause number (clause 5.1 is not Annex A 5.1). IDs are unique within an
 * edition. (The data files may write the bare "5.1" of ISO/IEC 27002.) */
#define GAP_TYPE_CONTROL (gap_control_get_type ())
G_DECLARE_FINAL_TYPE (GapControl, gap_control, GAP, CONTROL, GObject)

const char     *gap_control_get_id          (GapControl *self);
GapEdition      gap_control_get_edition     (GapControl *self);
GapControlKind  gap_control_get_kind        (GapControl *self);
/* lang: "zh_TW", "en" or NULL for the interface language. */
const char     *gap_control_get_title       (GapControl *self,
                                             const char *lang);
/* The clause ("4"), 2022 theme ("A.5") or 2013 domain ("A.5") it belongs to. */
const char     *gap_control_get_group_id    (GapControl *self);
/* 2013 Annex A only: its control objective ("A.5.1"); NULL otherwise. */
const char     *gap_control_get_objective_id (GapControl *self);
GapLayerFlags   gap_control_get_layers      (GapControl *self);
/* 2022 only: one of the 11 controls new in that edition. */
gboolean        gap_control_get_is_new      (GapControl *self);
/* Position in catalog order within its edition, from 0. */
guint           gap_control_get_position    (GapControl *self);

/* A clause (4–10), a 2022 theme (A.5–A.8), a 2013 domain (A.5–A.18) or a
 * 2013 control objective (A.5.1; its parent is the domain). */
#define GAP_TYPE_GROUP (gap_group_get_type ())
G_DECLARE_FINAL_TYPE (GapGroup, gap_group, GAP, GROUP, GObject)

const char     *gap_group_get_id            (GapGroup   *self);
const char     *gap_group_get_title         (GapGroup   *self,
                                             const char *lang);
GapControlKind  gap_group_get_kind          (GapGroup   *self);
/* NULL for a top-level group. */
const char     *gap_group_get_parent_id     (GapGroup   *self);
/* The GapControls directly or indirectly under it, in catalog order. */
GListModel     *gap_group_get_controls      (GapGroup   *self);

/* A certificate family of the source document: the certificate, audit
 * reports and SoA that cover a set of services. */
#define GAP_TYPE_CERT_FAMILY (gap_cert_family_get_type ())
G_DECLARE_FINAL_TYPE (GapCertFamily, gap_cert_family, GAP, CERT_FAMILY, GObject)

const char         *gap_cert_family_get_id                (GapCertFamily *self);
const char         *gap_cert_family_get_title             (GapCertFamily *self,
                                                           const char    *lang);
/* e.g. "IS 619017"; NULL where the document names none. */
const char         *gap_cert_family_get_reference         (GapCertFamily *self);
const char         *gap_cert_family_get_issuer            (GapCertFamily *self);
const char * const *gap_cert_family_get_certificate_urls  (GapCertFamily *self);
const char * const *gap_cert_family_get_audit_report_urls (GapCertFamily *self);
const char * const *gap_cert_family_get_soa_urls          (GapCertFamily *self);
guint               gap_cert_family_get_audit_cycle_months (GapCertFamily *self);

#define GAP_TYPE_SERVICE (gap_service_get_type ())
G_DECLARE_FINAL_TYPE (GapService, gap_service, GAP, SERVICE, GObject)

const char          *gap_service_get_id          (GapService *self);
const char          *gap_service_get_name        (GapService *self,
                                                  const char *lang);
GapServiceModelFlags gap_service_get_models      (GapService *self);
/* IDs of the certificate families that cover it (at least one). */
const char * const  *gap_service_get_family_ids  (GapService *self);
/* Its web page in the source document, or NULL. */
const char          *gap_service_get_url         (GapService *self);

/* Why a responsibility is suggested: one layer of the control that a service
 * in use runs in whole or in part, and the certificate behind it. */
typedef struct
{
  GapLayerFlags         layer;
  GapLayerOwner         owner;   /* SHARED or PROVIDER */
  GapServiceModelFlags  model;   /* the service model that gives that owner */
  GapService           *service;
  GapCertFamily        *family;
} GapSuggestionReason;

#define GAP_TYPE_SUGGESTION (gap_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (GapSuggestion, gap_suggestion, GAP, SUGGESTION, GObject)

/* ORGANIZATION or SHARED, never INHERITED (DESIGN.md). */
GapResponsibility          gap_suggestion_get_responsibility (GapSuggestion *self);
guint                      gap_suggestion_get_n_reasons      (GapSuggestion *self);
const GapSuggestionReason *gap_suggestion_get_reason         (GapSuggestion *self,
                                                              guint          index);
/* The IDs of the services the reasons name, each once, in the reasons'
 * order. Free with g_strfreev(). */
char                     **gap_suggestion_dup_service_ids    (GapSuggestion *self);
/* One translated sentence per reason, for the editor and the reports. */
char                      *gap_suggestion_describe           (GapSuggestion *self,
                                                              const char    *lang);

#define GAP_TYPE_CATALOG (gap_catalog_get_type ())
G_DECLARE_FINAL_TYPE (GapCatalog, gap_catalog, GAP, CATALOG, GObject)

/* The shipped catalog, loaded on first use; NULL and @error if a shipped
 * file is broken (a bug, but reported, not crashed on). Not thread-safe on
 * first use. Transfer none. */
GapCatalog    *gap_catalog_get_default          (GError     **error);
/* For tests and fuzzing: build a catalog from the four JSON documents. */
GapCatalog    *gap_catalog_new_from_data        (GBytes      *edition_2013,
                                                 GBytes      *edition_2022,
                                                 GBytes      *mapping,
                                                 GBytes      *services,
                                                 GError     **error);

/* GListModel of GapGroup: top-level groups, clauses first. */
GListModel    *gap_catalog_get_groups           (GapCatalog  *self,
                                                 GapEdition   edition);
/* GListModel of GapGroup: 2013 control objectives (empty for 2022). */
GListModel    *gap_catalog_get_objectives       (GapCatalog  *self,
                                                 GapEdition   edition);
/* GListModel of GapControl: clause requirements then Annex A, in order. */
GListModel    *gap_catalog_get_controls         (GapCatalog  *self,
                                                 GapEdition   edition);
GapControl    *gap_catalog_lookup_control       (GapCatalog  *self,
                                                 GapEdition   edition,
                                                 const char  *id);
GapGroup      *gap_catalog_lookup_group         (GapCatalog  *self,
                                                 GapEdition   edition,
                                                 const char  *id);

/* Annex B correspondence. Element type GapControl; empty, never NULL.
 * Transfer container. */
GPtrArray     *gap_catalog_map_to_2022          (GapCatalog  *self,
                                                 const char  *id_2013);
GPtrArray     *gap_catalog_map_to_2013          (GapCatalog  *self,
                                                 const char  *id_2022);
/* Every pair, in 2013 order: element type GapControl, alternately 2013 then
 * 2022. Transfer container. */
GPtrArray     *gap_catalog_get_mapping_pairs    (GapCatalog  *self);

/* GListModel of GapService / GapCertFamily in the document's order. */
GListModel    *gap_catalog_get_services         (GapCatalog  *self);
GListModel    *gap_catalog_get_cert_families    (GapCatalog  *self);
GapService    *gap_catalog_lookup_service       (GapCatalog  *self,
                                                 const char  *id);
GapCertFamily *gap_catalog_lookup_cert_family   (GapCatalog  *self,
                                                 const char  *id);

/* @service_ids: NULL-terminated IDs of the services in use (unknown IDs are
 * ignored). Transfer full. */
GapSuggestion *gap_catalog_suggest              (GapCatalog         *self,
                                                 GapControl         *control,
                                                 const char * const *service_ids);

G_END_DECLS
