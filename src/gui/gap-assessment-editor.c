/* gap-assessment-editor.c — every field of one assessment, saved as it is edited
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: a choice is written through the workspace the
 * moment it is made, text after a pause in typing (or when the field loses
 * focus or Enter is pressed). The widgets then follow the workspace's
 * "assessment-changed" signal, so an undo, a failed write or a change made
 * elsewhere shows here too, and the editor never disagrees with the core.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gap-analysis-private.h"
#include "gap-assessment-editor.h"
#include "gap-control-row.h"
#include "gap-date-row.h"
#include "gap-util.h"

#define TEXT_SAVE_DELAY_MS 500

enum {
  TEXT_JUSTIFICATION,
  TEXT_OWNER,
  TEXT_EVIDENCE,
  TEXT_NOTES,
  N_TEXT_FIELDS
};

typedef struct
{
  GapAssessmentEditor *self;
  GapAssessmentField   field;
  GtkWidget           *widget;      /* a GtkTextView or an AdwEntryRow */
  guint                timeout_id;
} TextField;

struct _GapAssessmentEditor
{
  GtkWidget             parent_instance;

  GapAssessment        *assessment;
  GapAnalysis          *analysis;
  GapWorkspace         *workspace;   /* the analysis's */
  gulong                assessment_changed_id;
  gulong                services_changed_id;
  gulong                analysis_changed_id;
  guint                 updating;    /* > 0 while widgets are set from the core */

  TextField             text_fields[N_TEXT_FIELDS];
  GtkCheckButton       *reason_checks[GAP_N_REASONS];
  GapSuggestion        *suggestion;
  GPtrArray            *shown_services; /* GapServiceRecord, one per row of services_list */

  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkLabel             *kind_label;
  GtkWidget            *verdict_box;
  GtkLabel             *verdict_label;
  GtkLabel             *verdict_explanation;
  GtkWidget            *read_only_label;
  GtkWidget            *review_box;
  GtkWidget            *review_button;
  GtkWidget            *fields_box;
  AdwPreferencesGroup  *applicability_group;
  AdwComboRow          *applicability_row;
  GtkWidget            *justification_group;
  GtkTextView          *justification_view;
  AdwPreferencesGroup  *reasons_group;
  AdwComboRow          *responsibility_row;
  GtkWidget            *suggestion_group;
  GtkLabel             *suggestion_title;
  GtkLabel             *suggestion_text;
  GtkWidget            *apply_button;
  GtkWidget            *services_group;
  GtkListBox           *services_list;
  AdwComboRow          *status_row;
  AdwComboRow          *priority_row;
  AdwEntryRow          *owner_row;
  GapDateRow           *due_row;
  GtkTextView          *evidence_view;
  GtkTextView          *notes_view;
};

G_DEFINE_FINAL_TYPE (GapAssessmentEditor, gap_assessment_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_field (GapAssessmentEditor *self,
                        GapAssessmentField   field);

static gboolean
is_clause (GapAssessment *assessment)
{
  return gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_CLAUSE;
}

static const char *
assessment_get_string (GapAssessment      *assessment,
                       GapAssessmentField  field)
{
  const char *value = NULL;

  switch (field)
    {
    case GAP_FIELD_JUSTIFICATION: value = gap_assessment_get_justification (assessment); break;
    case GAP_FIELD_OWNER:         value = gap_assessment_get_owner (assessment); break;
    case GAP_FIELD_DUE_DATE:      value = gap_assessment_get_due_date (assessment); break;
    case GAP_FIELD_EVIDENCE:      value = gap_assessment_get_evidence (assessment); break;
    case GAP_FIELD_NOTES:         value = gap_assessment_get_notes (assessment); break;
    default:                      g_assert_not_reached ();
    }

  return value != NULL ? value : "";
}

static int
assessment_get_enum (GapAssessment      *assessment,
                     GapAssessmentField  field)
{
  switch (field)
    {
    case GAP_FIELD_APPLICABILITY:  return gap_assessment_get_applicability (assessment);
    case GAP_FIELD_REASONS:        return gap_assessment_get_reasons (assessment);
    case GAP_FIELD_RESPONSIBILITY: return gap_assessment_get_responsibility (assessment);
    case GAP_FIELD_STATUS:         return gap_assessment_get_status (assessment);
    case GAP_FIELD_PRIORITY:       return gap_assessment_get_priority (assessment);
    case GAP_FIELD_NEEDS_REVIEW:   return gap_assessment_get_needs_review (assessment);
    default:                       g_assert_not_reached ();
    }
}

/* ---- errors ---- */

/* The core kept its old value: show that value again. */
static void
report_failure (GapAssessmentEditor *self,
                GapAssessmentField   field,
                const GError        *error)
{
  gap_widget_show_error (GTK_WIDGET (self), _("The Change Could Not Be Saved"), error);
  sync_field (self, field);
}

static void
set_enum (GapAssessmentEditor *self,
          GapAssessmentField   field,
          int                  value)
{
  g_autoptr(GError) error = NULL;

  if (self->assessment == NULL || self->workspace == NULL)
    return;
  if (assessment_get_enum (self->assessment, field) == value)
    return;

  if (!gap_workspace_set_assessment_enum (self->workspace, self->assessment, field, value, &error))
    report_failure (self, field, error);
}

static void
set_string (GapAssessmentEditor *self,
            GapAssessmentField   field,
            const char          *value)
{
  g_autoptr(GError) error = NULL;

  if (self->assessment == NULL || self->workspace == NULL)
    return;
  if (g_strcmp0 (assessment_get_string (self->assessment, field), value) == 0)
    return;

  if (!gap_workspace_set_assessment_string (self->workspace, self->assessment, field, value, &error))
    report_failure (self, field, error);
}

/* ---- text fields ---- */

static char *
text_field_get_text (TextField *tf)
{
  if (GTK_IS_TEXT_VIEW (tf->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (tf->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (tf->widget)));
}

static void
text_field_sync (TextField *tf)
{
  GapAssessmentEditor *self = tf->self;
  g_autofree char *current = text_field_get_text (tf);
  const char *value = "";

  /* The core's value wins over a pause in typing that has not been saved:
   * this runs after undo or a failed write. */
  g_clear_handle_id (&tf->timeout_id, g_source_remove);

  if (self->assessment != NULL)
    value = assessment_get_string (self->assessment, tf->field);

  /* Setting equal text would move the cursor of someone typing. */
  if (g_strcmp0 (current, value) == 0)
    return;

  self->updating++;
  if (GTK_IS_TEXT_VIEW (tf->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tf->widget)), value, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (tf->widget), value);
  self->updating--;
}

static void
text_field_save (TextField *tf)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&tf->timeout_id, g_source_remove);

  if (tf->self->assessment == NULL)
    return;

  text = text_field_get_text (tf);
  set_string (tf->self, tf->field, text);
}

static gboolean
text_field_timeout_cb (gpointer user_data)
{
  TextField *tf = user_data;

  tf->timeout_id = 0;
  text_field_save (tf);

  return G_SOURCE_REMOVE;
}

static void
text_field_changed_cb (TextField *tf)
{
  if (tf->self->updating > 0 || tf->self->assessment == NULL)
    return;

  g_clear_handle_id (&tf->timeout_id, g_source_remove);
  tf->timeout_id = g_timeout_add (TEXT_SAVE_DELAY_MS, text_field_timeout_cb, tf);
}

static void
text_field_leave_cb (GtkEventControllerFocus *controller,
                     TextField               *tf)
{
  if (tf->timeout_id != 0)
    text_field_save (tf);
}

static void
text_field_activate_cb (TextField *tf)
{
  text_field_save (tf);
}

static void
text_field_init (GapAssessmentEditor *self,
                 guint                index,
                 GapAssessmentField   field,
                 GtkWidget           *widget)
{
  TextField *tf = &self->text_fields[index];
  GtkEventController *focus = gtk_event_controller_focus_new ();

  tf->self = self;
  tf->field = field;
  tf->widget = widget;

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                              G_CALLBACK (text_field_changed_cb), tf);
  else
    {
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (text_field_changed_cb), tf);
      g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (text_field_activate_cb), tf);
    }

  g_signal_connect (focus, "leave", G_CALLBACK (text_field_leave_cb), tf);
  gtk_widget_add_controller (widget, focus);
}

void
gap_assessment_editor_flush (GapAssessmentEditor *self)
{
  g_return_if_fail (GAP_IS_ASSESSMENT_EDITOR (self));

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (self->text_fields[i].timeout_id != 0)
      text_field_save (&self->text_fields[i]);
}

/* ---- verdict ---- */

static const char *
explain_verdict (GapAssessment *assessment,
                 GapVerdict     verdict)
{
  GapStatus status = gap_assessment_get_status (assessment);
  GapResponsibility responsibility = gap_assessment_get_responsibility (assessment);

  switch (verdict)
    {
    case GAP_VERDICT_EXCLUDED:
      return _("Not applicable, with a justification: left out of the coverage.");

    case GAP_VERDICT_COVERED:
      if (status == GAP_STATUS_IMPLEMENTED)
        return _("Implemented.");
      if (status == GAP_STATUS_ALTERNATIVE)
        return _("An alternative control is in place.");
      return _("Inherited from services in use whose certificates are current.");

    case GAP_VERDICT_PARTIAL:
      return _("Planned or partially implemented: not covered yet.");

    case GAP_VERDICT_AT_RISK:
      return _("It relies on a service that is not in use, or on a certificate that is unverified or stale.");

    case GAP_VERDICT_GAP:
    default:
      if (gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_NOT_APPLICABLE)
        return _("Marked not applicable without a justification: it counts as a gap until one is given.");
      if (responsibility == GAP_RESPONSIBILITY_INHERITED &&
          gap_assessment_get_services (assessment)[0] == NULL)
        return _("Inherited, but no service that provides it is selected.");
      if (responsibility == GAP_RESPONSIBILITY_SHARED)
        return _("Shared: the organization’s part is not implemented yet.");
      if (status == GAP_STATUS_NOT_ASSESSED)
        return _("Not assessed yet.");
      return _("Not implemented.");
    }
}

static const char *service_problem (GapAssessmentEditor *self,
                                    GapServiceRecord    *record);

/* At risk: which of the chosen services, and what is wrong with each. NULL
 * if none is (the verdict is about to be recomputed). */
static char *
explain_risk (GapAssessmentEditor *self)
{
  const char * const *ids = gap_assessment_get_services (self->assessment);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GapServiceRecord *record = gap_workspace_lookup_service (self->workspace, ids[i]);
      const char *problem = record != NULL ? service_problem (self, record) : NULL;

      if (problem == NULL)
        continue;
      if (list->len > 0)
        /* Translators: separates the services of "It relies on A (…); B (…)." */
        g_string_append (list, C_("service problems", "; "));
      /* Translators: a service and what is wrong with it, "Intune (Certificate stale: …)" */
      g_string_append_printf (list, C_("service problem", "%s (%s)"),
                              gap_service_record_get_name (record, NULL), problem);
    }

  if (list->len == 0)
    return NULL;
  /* Translators: %s lists services and their problems */
  return g_strdup_printf (_("It relies on %s."), list->str);
}

static void
update_verdict (GapAssessmentEditor *self)
{
  GtkWidget *badge = GTK_WIDGET (self->verdict_label);
  g_autofree char *risk = NULL;
  GapVerdict verdict;

  if (self->assessment == NULL || self->analysis == NULL)
    {
      gtk_widget_set_visible (self->verdict_box, FALSE);
      return;
    }

  verdict = gap_analysis_get_verdict (self->analysis, self->assessment);
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    gtk_widget_remove_css_class (badge, gap_gui_verdict_style_class (v));
  gtk_widget_add_css_class (badge, gap_gui_verdict_style_class (verdict));
  gtk_label_set_label (self->verdict_label, gap_verdict_get_label (verdict));
  if (verdict == GAP_VERDICT_AT_RISK)
    risk = explain_risk (self);
  gtk_label_set_label (self->verdict_explanation,
                       risk != NULL ? risk : explain_verdict (self->assessment, verdict));
  gtk_widget_set_visible (self->verdict_box, TRUE);
}

/* ---- suggestion ---- */

/* The in-use services as a NULL-terminated array. */
static GPtrArray *
in_use_service_ids (GapWorkspace *workspace)
{
  GListModel *services = gap_workspace_get_services (workspace);
  GPtrArray *ids = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (services);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);

      if (gap_service_record_get_in_use (record))
        g_ptr_array_add (ids, (gpointer) gap_service_record_get_id (record));
    }
  g_ptr_array_add (ids, NULL);

  return ids;
}

static gboolean
same_id_set (const char * const *a,
             const char * const *b)
{
  if (g_strv_length ((char **) a) != g_strv_length ((char **) b))
    return FALSE;

  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;

  return TRUE;
}

static gboolean
suggestion_is_applied (GapAssessmentEditor *self)
{
  g_auto(GStrv) ids = NULL;

  if (self->suggestion == NULL || self->assessment == NULL)
    return TRUE;

  ids = gap_suggestion_dup_service_ids (self->suggestion);

  return gap_suggestion_get_responsibility (self->suggestion) ==
           gap_assessment_get_responsibility (self->assessment) &&
         same_id_set ((const char * const *) ids, gap_assessment_get_services (self->assessment));
}

static void
update_suggestion (GapAssessmentEditor *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GapResponsibility responsibility;

  g_clear_object (&self->suggestion);

  if (self->assessment == NULL || self->workspace == NULL || is_clause (self->assessment))
    {
      gtk_widget_set_visible (self->suggestion_group, FALSE);
      return;
    }

  ids = in_use_service_ids (self->workspace);
  self->suggestion = gap_catalog_suggest (gap_workspace_get_catalog (self->workspace),
                                          gap_assessment_get_control (self->assessment),
                                          (const char * const *) ids->pdata);
  if (self->suggestion == NULL)
    {
      gtk_widget_set_visible (self->suggestion_group, FALSE);
      return;
    }

  responsibility = gap_suggestion_get_responsibility (self->suggestion);
  /* Translators: %s is "Organization" or "Shared" */
  title = g_strdup_printf (_("Suggested responsibility: %s"),
                           gap_responsibility_get_label (responsibility));
  text = gap_suggestion_describe (self->suggestion, NULL);
  if (text == NULL || text[0] == '\0')
    {
      g_free (text);
      text = g_strdup (_("No service in use runs a layer this control touches, so it stays with the organization."));
    }

  gtk_label_set_label (self->suggestion_title, title);
  gtk_label_set_label (self->suggestion_text, text);
  gtk_widget_set_sensitive (self->apply_button, !suggestion_is_applied (self));
  gtk_widget_set_visible (self->suggestion_group, TRUE);
}

static void
apply_button_clicked_cb (GapAssessmentEditor *self)
{
  g_autoptr(GapSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;

  if (self->suggestion == NULL || self->assessment == NULL)
    return;

  /* The change signals rebuild self->suggestion. */
  suggestion = g_object_ref (self->suggestion);
  if (!gap_workspace_apply_suggestion (self->workspace, self->assessment, suggestion, &error))
    {
      report_failure (self, GAP_FIELD_SERVICES, error);
      sync_field (self, GAP_FIELD_RESPONSIBILITY);
    }
}

/* ---- services ---- */

static GPtrArray *
wanted_services (GapAssessmentEditor *self)
{
  GPtrArray *wanted = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *selected;
  GListModel *services;
  guint n;

  if (self->assessment == NULL || self->workspace == NULL || is_clause (self->assessment))
    return wanted;

  /* A service that was chosen and has since been switched off stays
   * listed, so it can be unticked: it is what makes the verdict at risk. */
  selected = gap_assessment_get_services (self->assessment);
  services = gap_workspace_get_services (self->workspace);
  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);

      if (gap_service_record_get_in_use (record) ||
          g_strv_contains (selected, gap_service_record_get_id (record)))
        g_ptr_array_add (wanted, g_steal_pointer (&record));
    }

  return wanted;
}

static void
service_check_toggled_cb (GtkCheckButton      *check,
                          GapAssessmentEditor *self)
{
  GapServiceRecord *record = g_object_get_data (G_OBJECT (check), "gap-service-record");
  const char *id = gap_service_record_get_id (record);
  const char * const *current;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating > 0 || self->assessment == NULL)
    return;

  current = gap_assessment_get_services (self->assessment);
  if (active == g_strv_contains (current, id))
    return;

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], id))
      g_ptr_array_add (ids, (gpointer) current[i]);
  if (active)
    g_ptr_array_add (ids, (gpointer) id);
  g_ptr_array_add (ids, NULL);

  if (!gap_workspace_set_assessment_services (self->workspace, self->assessment,
                                              (const char * const *) ids->pdata, &error))
    report_failure (self, GAP_FIELD_SERVICES, error);
}

static const char *
service_problem (GapAssessmentEditor *self,
                 GapServiceRecord    *record)
{
  GDate today;

  if (!gap_service_record_get_in_use (record))
    return _("Not in use: this makes the control at risk");

  /* The day the verdict shown above was computed for. */
  _gap_analysis_get_today (self->analysis, &today);
  switch (gap_workspace_get_service_state (self->workspace, record, &today))
    {
    case GAP_CERTIFICATE_STATE_UNVERIFIED:
      return _("Certificate unverified: no audit date recorded");
    case GAP_CERTIFICATE_STATE_STALE:
      return _("Certificate stale: the last audit is too old or it has expired");
    case GAP_CERTIFICATE_STATE_CURRENT:
    default:
      return NULL;
    }
}

static GtkWidget *
create_service_row (GapAssessmentEditor *self,
                    GapServiceRecord    *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gap_service_record_get_name (record, NULL));
  g_object_set_data_full (G_OBJECT (check), "gap-service-record",
                          g_object_ref (record), g_object_unref);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (service_check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "gap-check", check);

  return row;
}

static void
sync_services (GapAssessmentEditor *self)
{
  g_autoptr(GPtrArray) wanted = wanted_services (self);
  const char * const *selected = NULL;
  gboolean same = wanted->len == self->shown_services->len;

  for (guint i = 0; same && i < wanted->len; i++)
    same = g_ptr_array_index (wanted, i) == g_ptr_array_index (self->shown_services, i);

  /* Rebuilding only when the list itself changes keeps the focus on a check
   * button that was just toggled. */
  if (!same)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->services_list))) != NULL &&
             GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->services_list, child);

      g_ptr_array_set_size (self->shown_services, 0);
      for (guint i = 0; i < wanted->len; i++)
        {
          GapServiceRecord *record = g_ptr_array_index (wanted, i);

          gtk_list_box_append (self->services_list, create_service_row (self, record));
          g_ptr_array_add (self->shown_services, g_object_ref (record));
        }
    }

  if (self->assessment != NULL)
    selected = gap_assessment_get_services (self->assessment);

  self->updating++;
  for (guint i = 0; i < self->shown_services->len; i++)
    {
      GapServiceRecord *record = g_ptr_array_index (self->shown_services, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->services_list, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "gap-check");
      const char *problem = service_problem (self, record);

      gtk_check_button_set_active (check, selected != NULL &&
                                   g_strv_contains (selected, gap_service_record_get_id (record)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem != NULL ? problem : "");
    }
  self->updating--;

  gtk_widget_set_visible (self->services_group,
                          self->assessment != NULL && !is_clause (self->assessment));
}

/* ---- due date ---- */

static void
due_date_picked_cb (GapAssessmentEditor *self,
                    const char          *date)
{
  set_string (self, GAP_FIELD_DUE_DATE, date);
}

/* ---- review ---- */

static void
review_button_clicked_cb (GapAssessmentEditor *self)
{
  set_enum (self, GAP_FIELD_NEEDS_REVIEW, FALSE);
}

/* ---- enums ---- */

static void
reason_toggled_cb (GtkCheckButton      *check,
                   GapAssessmentEditor *self)
{
  GapReasonFlags reasons = GAP_REASON_NONE;

  if (self->updating > 0 || self->assessment == NULL)
    return;

  for (guint i = 0; i < GAP_N_REASONS; i++)
    if (gtk_check_button_get_active (self->reason_checks[i]))
      reasons |= 1u << i;

  set_enum (self, GAP_FIELD_REASONS, reasons);
}

static void
combo_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   GapAssessmentEditor *self)
{
  GapAssessmentField field;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating > 0 || self->assessment == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->applicability_row)
    field = GAP_FIELD_APPLICABILITY;
  else if (row == self->responsibility_row)
    field = GAP_FIELD_RESPONSIBILITY;
  else if (row == self->status_row)
    field = GAP_FIELD_STATUS;
  else if (row == self->priority_row)
    field = GAP_FIELD_PRIORITY;
  else
    g_assert_not_reached ();

  /* The rows list the enums in their declared order. */
  set_enum (self, field, (int) selected);
}

static void
combo_sync (GapAssessmentEditor *self,
            AdwComboRow         *row,
            GapAssessmentField   field)
{
  guint value = self->assessment != NULL ? (guint) assessment_get_enum (self->assessment, field) : 0;

  if (adw_combo_row_get_selected (row) == value)
    return;

  self->updating++;
  adw_combo_row_set_selected (row, value);
  self->updating--;
}

static void
fill_combo (AdwComboRow        *row,
            GapAssessmentField  field)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  switch (field)
    {
    case GAP_FIELD_APPLICABILITY:
      for (int i = GAP_APPLICABILITY_APPLICABLE; i <= GAP_APPLICABILITY_NOT_APPLICABLE; i++)
        gtk_string_list_append (model, gap_applicability_get_label (i));
      break;

    case GAP_FIELD_RESPONSIBILITY:
      for (int i = GAP_RESPONSIBILITY_ORGANIZATION; i <= GAP_RESPONSIBILITY_INHERITED; i++)
        gtk_string_list_append (model, gap_responsibility_get_label (i));
      break;

    case GAP_FIELD_STATUS:
      for (int i = GAP_STATUS_NOT_ASSESSED; i <= GAP_STATUS_ALTERNATIVE; i++)
        gtk_string_list_append (model, gap_status_get_label (i));
      break;

    case GAP_FIELD_PRIORITY:
      for (int i = GAP_PRIORITY_NONE; i <= GAP_PRIORITY_CRITICAL; i++)
        gtk_string_list_append (model, gap_priority_get_label (i));
      break;

    default:
      g_assert_not_reached ();
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* ---- following the core ---- */

static void
sync_field (GapAssessmentEditor *self,
            GapAssessmentField   field)
{
  GapAssessment *a = self->assessment;

  switch (field)
    {
    case GAP_FIELD_APPLICABILITY:
      combo_sync (self, self->applicability_row, field);
      break;

    case GAP_FIELD_JUSTIFICATION:
      text_field_sync (&self->text_fields[TEXT_JUSTIFICATION]);
      break;

    case GAP_FIELD_REASONS:
      {
        GapReasonFlags reasons = a != NULL ? gap_assessment_get_reasons (a) : 0;

        self->updating++;
        for (guint i = 0; i < GAP_N_REASONS; i++)
          gtk_check_button_set_active (self->reason_checks[i], (reasons & (1u << i)) != 0);
        self->updating--;
      }
      break;

    case GAP_FIELD_RESPONSIBILITY:
      combo_sync (self, self->responsibility_row, field);
      gtk_widget_set_sensitive (self->apply_button, !suggestion_is_applied (self));
      break;

    case GAP_FIELD_SERVICES:
      sync_services (self);
      gtk_widget_set_sensitive (self->apply_button, !suggestion_is_applied (self));
      break;

    case GAP_FIELD_STATUS:
      combo_sync (self, self->status_row, field);
      break;

    case GAP_FIELD_OWNER:
      text_field_sync (&self->text_fields[TEXT_OWNER]);
      break;

    case GAP_FIELD_DUE_DATE:
      gap_date_row_set_date (self->due_row, a != NULL ? assessment_get_string (a, field) : "");
      break;

    case GAP_FIELD_PRIORITY:
      combo_sync (self, self->priority_row, field);
      break;

    case GAP_FIELD_EVIDENCE:
      text_field_sync (&self->text_fields[TEXT_EVIDENCE]);
      break;

    case GAP_FIELD_NOTES:
      text_field_sync (&self->text_fields[TEXT_NOTES]);
      break;

    case GAP_FIELD_NEEDS_REVIEW:
      gtk_widget_set_visible (self->review_box, a != NULL && gap_assessment_get_needs_review (a));
      break;

    default:
      break;
    }

  update_verdict (self);
}

static void
sync_kind (GapAssessmentEditor *self)
{
  GapAssessment *a = self->assessment;
  GapControl *control;
  g_autofree char *title = NULL;
  gboolean clause;

  if (a == NULL)
    return;

  control = gap_assessment_get_control (a);
  clause = is_clause (a);

  /* Translators: a control's ID and title, "5.1 Policies for information security" */
  title = g_strdup_printf (C_("control heading", "%s %s"),
                           gap_control_get_id (control), gap_control_get_title (control, NULL));
  gtk_label_set_label (self->title_label, title);

  if (clause)
    gtk_label_set_label (self->kind_label,
                         _("Clause requirement: mandatory, always applicable and always the organization’s own."));
  else
    {
      GapCatalog *catalog = gap_workspace_get_catalog (self->workspace);
      GapGroup *group = gap_gui_find_group (catalog, gap_control_get_edition (control),
                                            GAP_CONTROL_KIND_ANNEX, gap_control_get_group_id (control));
      g_autofree char *heading = group != NULL ? gap_gui_group_heading (group, gap_control_get_edition (control))
                                               : g_strdup (gap_control_get_group_id (control));

      if (gap_control_get_is_new (control))
        {
          /* Translators: %s is the theme heading of a control new in the 2022 edition */
          g_autofree char *with_new = g_strdup_printf (_("%s · new in 2022"), heading);

          gtk_label_set_label (self->kind_label, with_new);
        }
      else
        gtk_label_set_label (self->kind_label, heading);
    }

  /* Clause requirements cannot be excluded or handed over: the core refuses
   * it, and the rows say why instead of failing. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->applicability_row), !clause);
  gtk_widget_set_sensitive (GTK_WIDGET (self->responsibility_row), !clause);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->applicability_row),
                               clause ? _("Clause requirements are always applicable.") : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->responsibility_row),
                               clause ? _("Clause requirements are always the organization’s own.") : "");
  adw_preferences_group_set_title (self->applicability_group,
                                   clause ? _("Applicability") : _("Statement of Applicability"));
  gtk_widget_set_visible (self->justification_group, !clause);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), !clause);
}

static void
sync_all (GapAssessmentEditor *self)
{
  gboolean read_only;

  if (self->assessment == NULL)
    return;

  read_only = self->workspace == NULL || gap_workspace_get_read_only (self->workspace);
  gtk_widget_set_visible (self->read_only_label, read_only);
  gtk_widget_set_sensitive (self->fields_box, !read_only);
  gtk_widget_set_sensitive (self->review_button, !read_only);

  sync_kind (self);
  for (guint field = 0; field < GAP_N_ASSESSMENT_FIELDS; field++)
    sync_field (self, field);
  update_suggestion (self);
}

static void
assessment_changed_cb (GapAssessmentEditor *self,
                       GapAssessment       *assessment,
                       GapAssessmentField   field,
                       GapWorkspace        *workspace)
{
  if (assessment != self->assessment)
    return;

  sync_field (self, field);
}

static void
services_changed_cb (GapAssessmentEditor *self)
{
  sync_services (self);
  update_suggestion (self);
  update_verdict (self);
}

static void
analysis_changed_cb (GapAssessmentEditor *self)
{
  update_verdict (self);
}

/* ---- properties ---- */

GapAnalysis *
gap_assessment_editor_get_analysis (GapAssessmentEditor *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT_EDITOR (self), NULL);

  return self->analysis;
}

void
gap_assessment_editor_set_analysis (GapAssessmentEditor *self,
                                    GapAnalysis         *analysis)
{
  g_return_if_fail (GAP_IS_ASSESSMENT_EDITOR (self));
  g_return_if_fail (analysis == NULL || GAP_IS_ANALYSIS (analysis));

  if (self->analysis == analysis)
    return;

  gap_assessment_editor_flush (self);

  /* An assessment belongs to one workspace: it goes with the old analysis. */
  if (self->assessment != NULL)
    {
      g_clear_object (&self->assessment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
    }

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->assessment_changed_id, self->workspace);
      g_clear_signal_handler (&self->services_changed_id, self->workspace);
      g_clear_object (&self->workspace);
    }
  if (self->analysis != NULL)
    {
      g_clear_signal_handler (&self->analysis_changed_id, self->analysis);
      g_clear_object (&self->analysis);
    }

  if (analysis != NULL)
    {
      self->analysis = g_object_ref (analysis);
      self->workspace = g_object_ref (gap_analysis_get_workspace (analysis));
      self->assessment_changed_id =
        g_signal_connect_swapped (self->workspace, "assessment-changed",
                                  G_CALLBACK (assessment_changed_cb), self);
      self->services_changed_id =
        g_signal_connect_swapped (self->workspace, "services-changed",
                                  G_CALLBACK (services_changed_cb), self);
      self->analysis_changed_id =
        g_signal_connect_swapped (self->analysis, "changed",
                                  G_CALLBACK (analysis_changed_cb), self);
    }

  sync_services (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

GapAssessment *
gap_assessment_editor_get_assessment (GapAssessmentEditor *self)
{
  g_return_val_if_fail (GAP_IS_ASSESSMENT_EDITOR (self), NULL);

  return self->assessment;
}

void
gap_assessment_editor_set_assessment (GapAssessmentEditor *self,
                                      GapAssessment       *assessment)
{
  g_return_if_fail (GAP_IS_ASSESSMENT_EDITOR (self));
  g_return_if_fail (assessment == NULL || GAP_IS_ASSESSMENT (assessment));
  g_return_if_fail (assessment == NULL || self->workspace != NULL);

  if (self->assessment == assessment)
    return;

  gap_assessment_editor_flush (self);
  g_set_object (&self->assessment, assessment);

  if (assessment != NULL)
    {
      GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

      sync_all (self);
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
    }
  else
    {
      sync_services (self);
      update_verdict (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

static void
gap_assessment_editor_dispose (GObject *object)
{
  GapAssessmentEditor *self = GAP_ASSESSMENT_EDITOR (object);
  GtkWidget *child;

  /* Whatever was typed last is saved, not lost with the window. */
  if (self->assessment != NULL)
    gap_assessment_editor_flush (self);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    g_clear_handle_id (&self->text_fields[i].timeout_id, g_source_remove);

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->assessment_changed_id, self->workspace);
      g_clear_signal_handler (&self->services_changed_id, self->workspace);
    }
  if (self->analysis != NULL)
    g_clear_signal_handler (&self->analysis_changed_id, self->analysis);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_ASSESSMENT_EDITOR);
  /* dispose_template() leaves the children it has no field for. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->assessment);
  g_clear_object (&self->analysis);
  g_clear_object (&self->workspace);
  g_clear_object (&self->suggestion);
  g_clear_pointer (&self->shown_services, g_ptr_array_unref);

  G_OBJECT_CLASS (gap_assessment_editor_parent_class)->dispose (object);
}

static void
gap_assessment_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GapAssessmentEditor *self = GAP_ASSESSMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;

    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_assessment_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GapAssessmentEditor *self = GAP_ASSESSMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      gap_assessment_editor_set_assessment (self, g_value_get_object (value));
      break;

    case PROP_ANALYSIS:
      gap_assessment_editor_set_analysis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_assessment_editor_class_init (GapAssessmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_assessment_editor_dispose;
  object_class->get_property = gap_assessment_editor_get_property;
  object_class->set_property = gap_assessment_editor_set_property;

  /* The analysis first: an assessment needs its workspace. */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         GAP_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         GAP_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GAP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-assessment-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gapassessmenteditor");

  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, verdict_explanation);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, review_box);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, review_button);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, applicability_group);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, applicability_row);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, justification_group);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, justification_view);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, responsibility_row);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, suggestion_group);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, suggestion_title);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, suggestion_text);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, services_group);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, services_list);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, GapAssessmentEditor, notes_view);

  gtk_widget_class_bind_template_callback (widget_class, review_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_date_picked_cb);
}

static void
gap_assessment_editor_init (GapAssessmentEditor *self)
{
  gap_gui_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_services = g_ptr_array_new_with_free_func (g_object_unref);

  fill_combo (self->applicability_row, GAP_FIELD_APPLICABILITY);
  fill_combo (self->responsibility_row, GAP_FIELD_RESPONSIBILITY);
  fill_combo (self->status_row, GAP_FIELD_STATUS);
  fill_combo (self->priority_row, GAP_FIELD_PRIORITY);
  g_signal_connect (self->applicability_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->responsibility_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect (self->priority_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);

  for (guint i = 0; i < GAP_N_REASONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gap_reason_get_label (1u << i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (reason_toggled_cb), self);
      adw_preferences_group_add (self->reasons_group, row);
      self->reason_checks[i] = GTK_CHECK_BUTTON (check);
    }

  text_field_init (self, TEXT_JUSTIFICATION, GAP_FIELD_JUSTIFICATION, GTK_WIDGET (self->justification_view));
  text_field_init (self, TEXT_OWNER, GAP_FIELD_OWNER, GTK_WIDGET (self->owner_row));
  text_field_init (self, TEXT_EVIDENCE, GAP_FIELD_EVIDENCE, GTK_WIDGET (self->evidence_view));
  text_field_init (self, TEXT_NOTES, GAP_FIELD_NOTES, GTK_WIDGET (self->notes_view));

  update_verdict (self);
  gtk_widget_set_visible (self->suggestion_group, FALSE);
  gtk_widget_set_visible (self->services_group, FALSE);
}

GtkWidget *
gap_assessment_editor_new (void)
{
  return g_object_new (GAP_TYPE_ASSESSMENT_EDITOR, NULL);
}
