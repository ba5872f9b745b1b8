/* gap-workspace-private.h — setters the workspace uses after a successful write
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only GapWorkspace calls these, and only once the store has the new value,
 * so an object never shows what the file does not hold. Each one notifies
 * only on a real change.
 */

#pragma once

#include "gap-workspace.h"

G_BEGIN_DECLS

/* g_set_str() is GLib 2.76: the same for our 2.74 floor. */
static inline gboolean
_gap_set_str (char       **str_pointer,
              const char  *new_str)
{
  char *copy;

  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* Gives a workspace being built (an import) the identity its document
 * carries. Not an edit: no change-log line, no undo entry. */
gboolean          _gap_workspace_set_uuid          (GapWorkspace         *self,
                                                    const char           *uuid,
                                                    GError              **error);

/* "2026-11-29": TRUE and @out set for a valid ISO 8601 calendar date. */
gboolean          _gap_date_parse                  (const char           *str,
                                                    GDate                *out);

GapScopeItem     *_gap_scope_item_new              (gint64                id,
                                                    GapScopeKind          kind,
                                                    const char           *name,
                                                    const char           *detail);
void              _gap_scope_item_set_name         (GapScopeItem         *self,
                                                    const char           *name);
void              _gap_scope_item_set_detail       (GapScopeItem         *self,
                                                    const char           *detail);

GapServiceRecord *_gap_service_record_new          (GapService           *service);
GapServiceRecord *_gap_service_record_new_custom   (const char           *id,
                                                    const char           *name,
                                                    GapServiceModelFlags  models);
void              _gap_service_record_set_in_use   (GapServiceRecord     *self,
                                                    gboolean              in_use);
/* Custom providers only. */
void              _gap_service_record_set_name     (GapServiceRecord     *self,
                                                    const char           *name);
void              _gap_service_record_set_models   (GapServiceRecord     *self,
                                                    GapServiceModelFlags  models);

/* @family for a catalog family, @provider for a custom provider's record. */
GapCertificate   *_gap_certificate_new             (const char           *family_id,
                                                    GapCertFamily        *family,
                                                    GapServiceRecord     *provider);
void              _gap_certificate_set_field       (GapCertificate       *self,
                                                    GapCertificateField   field,
                                                    const char           *value);

GapAssessment    *_gap_assessment_new              (GapControl           *control);
/* The enum, flags and boolean fields, as int. */
int               _gap_assessment_get_int          (GapAssessment        *self,
                                                    GapAssessmentField    field);
void              _gap_assessment_set_int          (GapAssessment        *self,
                                                    GapAssessmentField    field,
                                                    int                   value);
/* The string fields. */
const char       *_gap_assessment_get_string       (GapAssessment        *self,
                                                    GapAssessmentField    field);
void              _gap_assessment_set_string       (GapAssessment        *self,
                                                    GapAssessmentField    field,
                                                    const char           *value);
void              _gap_assessment_set_services     (GapAssessment        *self,
                                                    const char * const   *service_ids);
void              _gap_assessment_set_changed      (GapAssessment        *self,
                                                    const char           *changed);
/* TRUE for the fields set through set_assessment_string(). */
gboolean          _gap_assessment_field_is_string  (GapAssessmentField    field);

G_END_DECLS
