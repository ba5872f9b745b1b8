/* gap-json-private.h — a workspace as plain data, shared by JSON and migration
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GapDoc is everything docs/json-format.md holds, in C: what a workspace
 * exports, what an import validates before creating anything, and what the
 * migration rewrites from 2013 to 2022 controls. One path builds a
 * workspace from it, so import, demo and migration cannot drift apart.
 */

#pragma once

#include "gap-json.h"

G_BEGIN_DECLS

/* An import larger than this is refused unread. */
#define GAP_JSON_MAX_DOCUMENT_BYTES  (64 * 1024 * 1024)

#define GAP_DOC_N_SCOPE_FIELDS       4
#define GAP_DOC_N_CERTIFICATE_FIELDS 5

typedef struct
{
  GapScopeKind  kind;
  char         *name;
  char         *detail;
} GapDocScopeItem;

typedef struct
{
  char                 *id;       /* unique within the document */
  char                 *name;
  GapServiceModelFlags  models;
  gboolean              in_use;
} GapDocCustom;

typedef struct
{
  char *family;                   /* a catalog family or a GapDocCustom id */
  char *fields[GAP_DOC_N_CERTIFICATE_FIELDS];  /* by GapCertificateField; NULL unset */
} GapDocCertificate;

typedef struct
{
  GapControl        *control;     /* of the document's edition */
  GapApplicability   applicability;
  char              *justification;
  GapReasonFlags     reasons;
  GapResponsibility  responsibility;
  GStrv              services;    /* catalog service or GapDocCustom ids; never NULL */
  GapStatus          status;
  char              *owner;
  char              *due_date;
  GapPriority        priority;
  char              *evidence;
  char              *notes;
  gboolean           needs_review;
} GapDocAssessment;

typedef struct
{
  GapCatalog *catalog;
  GapEdition  edition;
  char       *uuid;               /* the workspace's; NULL gives the new file its own */
  char       *scope[GAP_DOC_N_SCOPE_FIELDS];  /* by GapScopeField; NULL unset */
  GPtrArray  *scope_items;        /* GapDocScopeItem, by kind then the user's order */
  GHashTable *in_use;             /* catalog service ID → GINT_TO_POINTER (in use) */
  GPtrArray  *customs;            /* GapDocCustom */
  GPtrArray  *certificates;       /* GapDocCertificate */
  GPtrArray  *assessments;        /* GapDocAssessment; controls left out stay as created */
} GapDoc;

GapDoc           *_gap_doc_new                   (GapCatalog    *catalog);
/* Custom providers become "custom-1", "custom-2", … in their order. */
GapDoc           *_gap_doc_new_from_workspace    (GapWorkspace  *workspace);
void              _gap_doc_free                  (GapDoc        *doc);
GapDocAssessment *_gap_doc_assessment_new        (GapControl    *control);
void              _gap_doc_assessment_free       (gpointer       assessment);
/* Builds @dest from @doc, whole or not at all (see gap-staging-private.h). */
GapWorkspace     *_gap_doc_create_workspace      (GapDoc        *doc,
                                                  GFile         *dest,
                                                  GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapDoc, _gap_doc_free)

/* What gap_workspace_write_json() writes. */
GBytes           *_gap_workspace_to_json_bytes   (GapWorkspace  *self);
/* Every check of gap_workspace_import_json(), creating nothing. */
gboolean          _gap_json_validate             (GBytes        *json,
                                                  GError       **error);
/* The demo with its dates moved so that its assessment date is @today. */
GapWorkspace     *_gap_workspace_create_demo_for (GFile         *dest,
                                                  const GDate   *today,
                                                  GError       **error);

G_END_DECLS
