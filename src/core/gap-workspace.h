/* gap-workspace.h — one assessment: scope, services, answers; kept in SQLite
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace is the only way to change anything: every setter writes
 * through to the store in its own transaction (autosave), then updates the
 * object, emits notify and records the change in the change log and the
 * undo stack. When the write fails the object keeps its old value and the
 * error is returned, so memory and file never disagree.
 *
 * Dates are ISO 8601 strings ("2026-11-29"); "" or NULL means unset.
 */

#pragma once

#include <gio/gio.h>

#include "gap-catalog.h"
#include "gap-types.h"

G_BEGIN_DECLS

typedef enum
{
  GAP_SCOPE_FIELD_ORGANIZATION,
  GAP_SCOPE_FIELD_STATEMENT,
  GAP_SCOPE_FIELD_ASSESSOR,
  GAP_SCOPE_FIELD_ASSESSMENT_DATE,
} GapScopeField;

typedef enum
{
  GAP_CERTIFICATE_FIELD_REFERENCE,
  GAP_CERTIFICATE_FIELD_ISSUER,
  GAP_CERTIFICATE_FIELD_LAST_AUDIT,
  GAP_CERTIFICATE_FIELD_EXPIRY,
  GAP_CERTIFICATE_FIELD_NOTES,
} GapCertificateField;

typedef enum
{
  GAP_FIELD_APPLICABILITY,   /* enum GapApplicability */
  GAP_FIELD_JUSTIFICATION,   /* string */
  GAP_FIELD_REASONS,         /* flags GapReasonFlags */
  GAP_FIELD_RESPONSIBILITY,  /* enum GapResponsibility */
  GAP_FIELD_SERVICES,        /* strv of service record IDs */
  GAP_FIELD_STATUS,          /* enum GapStatus */
  GAP_FIELD_OWNER,           /* string */
  GAP_FIELD_DUE_DATE,        /* string, ISO date */
  GAP_FIELD_PRIORITY,        /* enum GapPriority */
  GAP_FIELD_EVIDENCE,        /* string */
  GAP_FIELD_NOTES,           /* string */
  GAP_FIELD_NEEDS_REVIEW,    /* boolean, set by migration */
} GapAssessmentField;

#define GAP_N_ASSESSMENT_FIELDS 12

const char *gap_assessment_field_to_string (GapAssessmentField field);
const char *gap_assessment_field_get_label (GapAssessmentField field);

/* ---- scope items (sites, units, …; DESIGN.md "Scope") ---- */

#define GAP_TYPE_SCOPE_ITEM (gap_scope_item_get_type ())
G_DECLARE_FINAL_TYPE (GapScopeItem, gap_scope_item, GAP, SCOPE_ITEM, GObject)

gint64        gap_scope_item_get_id     (GapScopeItem *self);
GapScopeKind  gap_scope_item_get_kind   (GapScopeItem *self);
const char   *gap_scope_item_get_name   (GapScopeItem *self);
/* requirements of an interested party, reason of an exclusion, else a note */
const char   *gap_scope_item_get_detail (GapScopeItem *self);

/* ---- services in use and providers added by hand ---- */

#define GAP_TYPE_SERVICE_RECORD (gap_service_record_get_type ())
G_DECLARE_FINAL_TYPE (GapServiceRecord, gap_service_record, GAP, SERVICE_RECORD, GObject)

/* The catalog service ID, or "custom-N" for a provider added by hand. */
const char          *gap_service_record_get_id         (GapServiceRecord *self);
gboolean             gap_service_record_get_is_custom  (GapServiceRecord *self);
/* NULL for a custom provider. */
GapService          *gap_service_record_get_service    (GapServiceRecord *self);
const char          *gap_service_record_get_name       (GapServiceRecord *self,
                                                        const char       *lang);
GapServiceModelFlags gap_service_record_get_models     (GapServiceRecord *self);
gboolean             gap_service_record_get_in_use     (GapServiceRecord *self);
/* The certificate families (GapCertificate IDs) behind it. */
const char * const  *gap_service_record_get_family_ids (GapServiceRecord *self);

/* What the organization recorded of one certificate family. */
#define GAP_TYPE_CERTIFICATE (gap_certificate_get_type ())
G_DECLARE_FINAL_TYPE (GapCertificate, gap_certificate, GAP, CERTIFICATE, GObject)

const char          *gap_certificate_get_family_id (GapCertificate     *self);
/* NULL for a custom provider's certificate. */
GapCertFamily       *gap_certificate_get_family    (GapCertificate     *self);
const char          *gap_certificate_get_title     (GapCertificate     *self,
                                                    const char         *lang);
const char          *gap_certificate_get_field     (GapCertificate     *self,
                                                    GapCertificateField field);
/* Unverified without a last-audit date; stale when the last audit is older
 * than the audit cycle (12 months) on @today, or the expiry has passed. */
GapCertificateState  gap_certificate_get_state     (GapCertificate     *self,
                                                    const GDate        *today);

/* ---- assessments: one per clause requirement and Annex A control ---- */

#define GAP_TYPE_ASSESSMENT (gap_assessment_get_type ())
G_DECLARE_FINAL_TYPE (GapAssessment, gap_assessment, GAP, ASSESSMENT, GObject)

GapControl         *gap_assessment_get_control        (GapAssessment *self);
const char         *gap_assessment_get_control_id     (GapAssessment *self);
GapApplicability    gap_assessment_get_applicability  (GapAssessment *self);
const char         *gap_assessment_get_justification  (GapAssessment *self);
GapReasonFlags      gap_assessment_get_reasons        (GapAssessment *self);
GapResponsibility   gap_assessment_get_responsibility (GapAssessment *self);
/* Service record IDs that provide it; never NULL. */
const char * const *gap_assessment_get_services       (GapAssessment *self);
GapStatus           gap_assessment_get_status         (GapAssessment *self);
const char         *gap_assessment_get_owner          (GapAssessment *self);
const char         *gap_assessment_get_due_date       (GapAssessment *self);
GapPriority         gap_assessment_get_priority       (GapAssessment *self);
const char         *gap_assessment_get_evidence       (GapAssessment *self);
const char         *gap_assessment_get_notes          (GapAssessment *self);
gboolean            gap_assessment_get_needs_review   (GapAssessment *self);
/* ISO 8601 UTC timestamp of the last change; "" if never changed. */
const char         *gap_assessment_get_changed        (GapAssessment *self);

/* ---- the change log (clause 7.5 documented information) ---- */

typedef struct
{
  char *time;       /* ISO 8601 UTC */
  char *item;       /* "scope", a control ID, a service or certificate ID */
  char *field;
  char *old_value;
  char *new_value;
  char *author;     /* the account that made it; "" in files older than format 2 */
} GapChangeLogEntry;

void gap_change_log_entry_free (GapChangeLogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapChangeLogEntry, gap_change_log_entry_free)

/* ---- the workspace ---- */

#define GAP_TYPE_WORKSPACE (gap_workspace_get_type ())
G_DECLARE_FINAL_TYPE (GapWorkspace, gap_workspace, GAP, WORKSPACE, GObject)

/* Fails with G_IO_ERROR_EXISTS if @file exists. Created 0600. */
GapWorkspace     *gap_workspace_create                (GFile         *file,
                                                       GapEdition     edition,
                                                       const char    *organization,
                                                       GError       **error);
/* Refuses non-workspaces, corrupt and newer files without touching them;
 * opens read-only (see :read-only) when the file may not be written. */
GapWorkspace     *gap_workspace_open                  (GFile         *file,
                                                       GError       **error);
/* The same checks, but never writes to @file: for reading and reporting.
 * :read-only is TRUE, an older file format is upgraded in memory only, and
 * while another program has @file open for writing, what it has saved so
 * far is read (a snapshot) instead of refusing. */
GapWorkspace     *gap_workspace_open_read_only        (GFile         *file,
                                                       GError       **error);
/* Copies @source (a file the user picked) to @working_copy with the SQLite
 * backup API and opens the copy: DESIGN.md "Workspace store". */
GapWorkspace     *gap_workspace_open_copy             (GFile         *source,
                                                       GFile         *working_copy,
                                                       GError       **error);
/* A single-file copy (VACUUM INTO a temporary name, then rename). */
gboolean          gap_workspace_save_copy             (GapWorkspace  *self,
                                                       GFile         *dest,
                                                       GError       **error);
/* Closes the database; later setters fail. Also done on finalize. */
void              gap_workspace_close                 (GapWorkspace  *self);

GFile            *gap_workspace_get_file              (GapWorkspace  *self);
gboolean          gap_workspace_get_read_only         (GapWorkspace  *self);
GapEdition        gap_workspace_get_edition           (GapWorkspace  *self);
GapCatalog       *gap_workspace_get_catalog           (GapWorkspace  *self);
/* The workspace's identity (property "uuid"): a random UUID made when the
 * file was created or upgraded to file format 3; copies of the file (Save
 * a copy, Open) and lossless JSON keep it, a 2013 → 2022 migration makes a
 * new one. Lower case "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx". */
const char       *gap_workspace_get_uuid              (GapWorkspace  *self);

/* Scope: properties "organization", "scope-statement", "assessor",
 * "assessment-date". */
const char       *gap_workspace_get_scope_field       (GapWorkspace  *self,
                                                       GapScopeField  field);
gboolean          gap_workspace_set_scope_field       (GapWorkspace  *self,
                                                       GapScopeField  field,
                                                       const char    *value,
                                                       GError       **error);

/* GListModel of GapScopeItem of one kind, in the user's order. Adding,
 * editing, removing and moving an item are each one undo step; undoing a
 * removal puts the item back at its place with its ID. */
GListModel       *gap_workspace_get_scope_items       (GapWorkspace  *self,
                                                       GapScopeKind   kind);
GapScopeItem     *gap_workspace_add_scope_item        (GapWorkspace  *self,
                                                       GapScopeKind   kind,
                                                       const char    *name,
                                                       const char    *detail,
                                                       GError       **error);
gboolean          gap_workspace_update_scope_item     (GapWorkspace  *self,
                                                       GapScopeItem  *item,
                                                       const char    *name,
                                                       const char    *detail,
                                                       GError       **error);
gboolean          gap_workspace_remove_scope_item     (GapWorkspace  *self,
                                                       GapScopeItem  *item,
                                                       GError       **error);
gboolean          gap_workspace_move_scope_item       (GapWorkspace  *self,
                                                       GapScopeItem  *item,
                                                       guint          position,
                                                       GError       **error);

/* GListModel of GapServiceRecord: every catalog service, then custom ones. */
GListModel       *gap_workspace_get_services          (GapWorkspace  *self);
GapServiceRecord *gap_workspace_lookup_service        (GapWorkspace  *self,
                                                       const char    *id);
gboolean          gap_workspace_set_service_in_use    (GapWorkspace  *self,
                                                       GapServiceRecord *record,
                                                       gboolean       in_use,
                                                       GError       **error);
/* A provider the catalog does not know (another cloud, a colocation site):
 * in use, with a certificate record of its own. */
GapServiceRecord *gap_workspace_add_custom_provider   (GapWorkspace  *self,
                                                       const char    *name,
                                                       GapServiceModelFlags models,
                                                       GError       **error);
gboolean          gap_workspace_update_custom_provider (GapWorkspace *self,
                                                       GapServiceRecord *record,
                                                       const char    *name,
                                                       GapServiceModelFlags models,
                                                       GError       **error);
gboolean          gap_workspace_remove_custom_provider (GapWorkspace *self,
                                                       GapServiceRecord *record,
                                                       GError       **error);
/* The best state among the record's certificate families. */
GapCertificateState gap_workspace_get_service_state   (GapWorkspace  *self,
                                                       GapServiceRecord *record,
                                                       const GDate   *today);

/* GListModel of GapCertificate: catalog families, then custom providers'. */
GListModel       *gap_workspace_get_certificates      (GapWorkspace  *self);
GapCertificate   *gap_workspace_lookup_certificate    (GapWorkspace  *self,
                                                       const char    *family_id);
gboolean          gap_workspace_set_certificate_field (GapWorkspace  *self,
                                                       GapCertificate *certificate,
                                                       GapCertificateField field,
                                                       const char    *value,
                                                       GError       **error);

/* GListModel of GapAssessment in catalog order (clauses, then Annex A). */
GListModel       *gap_workspace_get_assessments       (GapWorkspace  *self);
GapAssessment    *gap_workspace_lookup_assessment     (GapWorkspace  *self,
                                                       const char    *control_id);
/* Clause requirements refuse not-applicable and any responsibility but
 * organization (GAP_ERROR_INVALID_INPUT). */
gboolean          gap_workspace_set_assessment_string (GapWorkspace  *self,
                                                       GapAssessment *assessment,
                                                       GapAssessmentField field,
                                                       const char    *value,
                                                       GError       **error);
gboolean          gap_workspace_set_assessment_enum   (GapWorkspace  *self,
                                                       GapAssessment *assessment,
                                                       GapAssessmentField field,
                                                       int            value,
                                                       GError       **error);
gboolean          gap_workspace_set_assessment_services (GapWorkspace *self,
                                                       GapAssessment *assessment,
                                                       const char * const *service_ids,
                                                       GError       **error);
/* The services @suggestion's reasons name and its responsibility, in one
 * transaction: one undo step reverts both. */
gboolean          gap_workspace_apply_suggestion      (GapWorkspace  *self,
                                                       GapAssessment *assessment,
                                                       GapSuggestion *suggestion,
                                                       GError       **error);

/* Many edits as one transaction (import, migration, demo): no undo entries;
 * on failure everything since begin is rolled back. */
gboolean          gap_workspace_begin_batch           (GapWorkspace  *self,
                                                       GError       **error);
gboolean          gap_workspace_end_batch             (GapWorkspace  *self,
                                                       gboolean       commit,
                                                       GError       **error);

/* Undo of the last edits (at least 50): fields, scope items, services in
 * use, certificates; not adding or removing custom providers, which drops
 * the entries that name them. Property "can-undo". */
gboolean          gap_workspace_get_can_undo          (GapWorkspace  *self);
/* Translated description of what undo would revert, or NULL. */
char             *gap_workspace_describe_undo         (GapWorkspace  *self);
gboolean          gap_workspace_undo                  (GapWorkspace  *self,
                                                       GError       **error);

/* The latest time in the change log, as "2026-11-29T08:15:00Z" (UTC), in
 * @time; NULL when the log holds no readable time. Without loading the log. */
gboolean          gap_workspace_get_last_change       (GapWorkspace  *self,
                                                       char         **time,
                                                       GError       **error);
/* Element type GapChangeLogEntry, oldest first. Transfer full. */
GPtrArray        *gap_workspace_get_change_log        (GapWorkspace  *self,
                                                       GError       **error);

/* Signals:
 *   "assessment-changed" (GapAssessment *assessment, GapAssessmentField field)
 *   "services-changed"   ()  — in-use, custom providers or certificates changed
 *   "scope-changed"      ()
 */

G_END_DECLS
