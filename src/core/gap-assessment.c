/* gap-assessment.c — the organization's answer for one clause requirement
 * or Annex A control
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-workspace-private.h"

struct _GapAssessment
{
  GObject     parent_instance;
  GapControl *control;
  int         ints[GAP_N_ASSESSMENT_FIELDS];     /* enum, flags, boolean fields */
  char       *strings[GAP_N_ASSESSMENT_FIELDS];  /* string fields */
  char      **services;
  char       *changed;
};

G_DEFINE_FINAL_TYPE (GapAssessment, gap_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTROL,
  PROP_CONTROL_ID,
  PROP_CHANGED,
  /* then one per GapAssessmentField, in its order */
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + GAP_N_ASSESSMENT_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *nick;
  const char *label;
} field_names[GAP_N_ASSESSMENT_FIELDS] = {
  [GAP_FIELD_APPLICABILITY] = { "applicability", N_("Applicability") },
  [GAP_FIELD_JUSTIFICATION] = { "justification", N_("Justification") },
  [GAP_FIELD_REASONS] = { "reasons", N_("Reasons for inclusion") },
  [GAP_FIELD_RESPONSIBILITY] = { "responsibility", N_("Responsibility") },
  [GAP_FIELD_SERVICES] = { "services", N_("Services") },
  [GAP_FIELD_STATUS] = { "status", N_("Status") },
  [GAP_FIELD_OWNER] = { "owner", N_("Owner") },
  [GAP_FIELD_DUE_DATE] = { "due-date", N_("Due date") },
  [GAP_FIELD_PRIORITY] = { "priority", N_("Priority") },
  [GAP_FIELD_EVIDENCE] = { "evidence", N_("Evidence") },
  [GAP_FIELD_NOTES] = { "notes", N_("Notes") },
  [GAP_FIELD_NEEDS_REVIEW] = { "needs-review", N_("Needs review") },
};

const char *
gap_assessment_field_to_string (GapAssessmentField field)
{
  g_return_val_if_fail (field < GAP_N_ASSESSMENT_FIELDS, NULL);
  return field_names[field].nick;
}

const char *
gap_assessment_field_get_label (GapAssessmentField field)
{
  g_return_val_if_fail (field < GAP_N_ASSESSMENT_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, field_names[field].label);
}

gboolean
_gap_assessment_field_is_string (GapAssessmentField field)
{
  switch (field)
    {
    case GAP_FIELD_JUSTIFICATION:
    case GAP_FIELD_OWNER:
    case GAP_FIELD_DUE_DATE:
    case GAP_FIELD_EVIDENCE:
    case GAP_FIELD_NOTES:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
gap_assessment_finalize (GObject *object)
{
  GapAssessment *self = (GapAssessment *) object;

  g_clear_object (&self->control);
  for (guint i = 0; i < GAP_N_ASSESSMENT_FIELDS; i++)
    g_free (self->strings[i]);
  g_strfreev (self->services);
  g_free (self->changed);

  G_OBJECT_CLASS (gap_assessment_parent_class)->finalize (object);
}

static void
gap_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GapAssessment *self = GAP_ASSESSMENT (object);
  GapAssessmentField field;

  switch (prop_id)
    {
    case PROP_CONTROL:
      g_value_set_object (value, self->control);
      return;
    case PROP_CONTROL_ID:
      g_value_set_string (value, gap_control_get_id (self->control));
      return;
    case PROP_CHANGED:
      g_value_set_string (value, self->changed);
      return;
    default:
      break;
    }

  if (prop_id < PROP_FIRST_FIELD || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = prop_id - PROP_FIRST_FIELD;
  if (field == GAP_FIELD_SERVICES)
    g_value_set_boxed (value, self->services);
  else if (field == GAP_FIELD_NEEDS_REVIEW)
    g_value_set_boolean (value, self->ints[field]);
  else if (field == GAP_FIELD_REASONS)
    g_value_set_uint (value, self->ints[field]);
  else if (_gap_assessment_field_is_string (field))
    g_value_set_string (value, self->strings[field]);
  else
    g_value_set_int (value, self->ints[field]);
}

static void
gap_assessment_class_init (GapAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gap_assessment_finalize;
  object_class->get_property = gap_assessment_get_property;

  properties[PROP_CONTROL] =
    g_param_spec_object ("control", NULL, NULL, GAP_TYPE_CONTROL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTROL_ID] =
    g_param_spec_string ("control-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED] = g_param_spec_string ("changed", NULL, NULL, "", flags);

  /* Property names are the fields' stable strings ("due-date", …). Enums
   * are plain ints: the vocabulary has no registered GTypes. */
#define FIELD_PROP(f) properties[PROP_FIRST_FIELD + (f)]
  FIELD_PROP (GAP_FIELD_APPLICABILITY) =
    g_param_spec_int ("applicability", NULL, NULL, GAP_APPLICABILITY_APPLICABLE,
                      GAP_APPLICABILITY_NOT_APPLICABLE, GAP_APPLICABILITY_APPLICABLE, flags);
  FIELD_PROP (GAP_FIELD_JUSTIFICATION) =
    g_param_spec_string ("justification", NULL, NULL, "", flags);
  FIELD_PROP (GAP_FIELD_REASONS) =
    g_param_spec_uint ("reasons", NULL, NULL, 0, (1 << GAP_N_REASONS) - 1, 0, flags);
  FIELD_PROP (GAP_FIELD_RESPONSIBILITY) =
    g_param_spec_int ("responsibility", NULL, NULL, GAP_RESPONSIBILITY_ORGANIZATION,
                      GAP_RESPONSIBILITY_INHERITED, GAP_RESPONSIBILITY_ORGANIZATION, flags);
  FIELD_PROP (GAP_FIELD_SERVICES) =
    g_param_spec_boxed ("services", NULL, NULL, G_TYPE_STRV, flags);
  FIELD_PROP (GAP_FIELD_STATUS) =
    g_param_spec_int ("status", NULL, NULL, GAP_STATUS_NOT_ASSESSED, GAP_STATUS_ALTERNATIVE,
                      GAP_STATUS_NOT_ASSESSED, flags);
  FIELD_PROP (GAP_FIELD_OWNER) = g_param_spec_string ("owner", NULL, NULL, "", flags);
  FIELD_PROP (GAP_FIELD_DUE_DATE) = g_param_spec_string ("due-date", NULL, NULL, "", flags);
  FIELD_PROP (GAP_FIELD_PRIORITY) =
    g_param_spec_int ("priority", NULL, NULL, GAP_PRIORITY_NONE, GAP_PRIORITY_CRITICAL,
                      GAP_PRIORITY_NONE, flags);
  FIELD_PROP (GAP_FIELD_EVIDENCE) = g_param_spec_string ("evidence", NULL, NULL, "", flags);
  FIELD_PROP (GAP_FIELD_NOTES) = g_param_spec_string ("notes", NULL, NULL, "", flags);
  FIELD_PROP (GAP_FIELD_NEEDS_REVIEW) =
    g_param_spec_boolean ("needs-review", NULL, NULL, FALSE, flags);
#undef FIELD_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gap_assessment_init (GapAssessment *self)
{
  for (guint i = 0; i < GAP_N_ASSESSMENT_FIELDS; i++)
    if (_gap_assessment_field_is_string (i))
      self->strings[i] = g_strdup ("");
  self->services = g_new0 (char *, 1);
  self->changed = g_strdup ("");
}

/* Defaults: applicable, organization, not assessed, no priority. */
GapAssessment *
_gap_assessment_new (GapControl *control)
{
  GapAssessment *self = g_object_new (GAP_TYPE_ASSESSMENT, NULL);

  self->control = g_object_ref (control);
  return self;
}

int
_gap_assessment_get_int (GapAssessment      *self,
                         GapAssessmentField  field)
{
  g_assert (field < GAP_N_ASSESSMENT_FIELDS && !_gap_assessment_field_is_string (field) &&
            field != GAP_FIELD_SERVICES);
  return self->ints[field];
}

void
_gap_assessment_set_int (GapAssessment      *self,
                         GapAssessmentField  field,
                         int                 value)
{
  g_assert (field < GAP_N_ASSESSMENT_FIELDS && !_gap_assessment_field_is_string (field) &&
            field != GAP_FIELD_SERVICES);
  if (field == GAP_FIELD_NEEDS_REVIEW)
    value = !!value;
  if (self->ints[field] == value)
    return;
  self->ints[field] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

const char *
_gap_assessment_get_string (GapAssessment      *self,
                            GapAssessmentField  field)
{
  g_assert (field < GAP_N_ASSESSMENT_FIELDS && _gap_assessment_field_is_string (field));
  return self->strings[field];
}

void
_gap_assessment_set_string (GapAssessment      *self,
                            GapAssessmentField  field,
                            const char         *value)
{
  g_assert (field < GAP_N_ASSESSMENT_FIELDS && _gap_assessment_field_is_string (field));
  if (_gap_set_str (&self->strings[field], value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

void
_gap_assessment_set_services (GapAssessment      *self,
                              const char * const *service_ids)
{
  static const char * const empty[] = { NULL };

  if (service_ids == NULL)
    service_ids = empty;
  if (g_strv_equal ((const char * const *) self->services, service_ids))
    return;
  g_strfreev (self->services);
  self->services = g_strdupv ((char **) service_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + GAP_FIELD_SERVICES]);
}

void
_gap_assessment_set_changed (GapAssessment *self,
                             const char    *changed)
{
  if (_gap_set_str (&self->changed, changed != NULL ? changed : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);
}

GapControl *
gap_assessment_get_control (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->control;
}

const char *
gap_assessment_get_control_id (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return gap_control_get_id (self->control);
}

GapApplicability
gap_assessment_get_applicability (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), 0);
  return self->ints[GAP_FIELD_APPLICABILITY];
}

const char *
gap_assessment_get_justification (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->strings[GAP_FIELD_JUSTIFICATION];
}

GapReasonFlags
gap_assessment_get_reasons (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), 0);
  return self->ints[GAP_FIELD_REASONS];
}

GapResponsibility
gap_assessment_get_responsibility (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), 0);
  return self->ints[GAP_FIELD_RESPONSIBILITY];
}

const char * const *
gap_assessment_get_services (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return (const char * const *) self->services;
}

GapStatus
gap_assessment_get_status (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), 0);
  return self->ints[GAP_FIELD_STATUS];
}

const char *
gap_assessment_get_owner (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->strings[GAP_FIELD_OWNER];
}

const char *
gap_assessment_get_due_date (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->strings[GAP_FIELD_DUE_DATE];
}

GapPriority
gap_assessment_get_priority (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), 0);
  return self->ints[GAP_FIELD_PRIORITY];
}

const char *
gap_assessment_get_evidence (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->strings[GAP_FIELD_EVIDENCE];
}

const char *
gap_assessment_get_notes (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->strings[GAP_FIELD_NOTES];
}

gboolean
gap_assessment_get_needs_review (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), FALSE);
  return self->ints[GAP_FIELD_NEEDS_REVIEW];
}

const char *
gap_assessment_get_changed (GapAssessment *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT (self), NULL);
  return self->changed;
}
