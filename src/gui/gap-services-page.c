/* gap-services-page.c — cloud services in use and what backs them
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-date-row.h"
#include "gap-services-page.h"
#include "gap-util.h"

/* The widgets that edit one certificate record. */
typedef struct
{
  GapServicesPage *self;
  GapCertificate  *certificate;
  GapServiceRecord *record;   /* the provider, for a custom provider's certificate */
  GtkLabel        *badge;
  AdwExpanderRow  *details_row;
  AdwEntryRow     *reference_row;
  AdwEntryRow     *issuer_row;
  AdwEntryRow     *notes_row;
  GapDateRow      *last_audit_row;
  GapDateRow      *expiry_row;
} CertEditor;

/* One "in use" switch; a service under two families has two. */
typedef struct
{
  GapServicesPage  *self;
  GapServiceRecord *record;
  AdwPreferencesRow *row;
  GtkSwitch        *toggle;
} ServiceSwitch;

struct _GapServicesPage
{
  AdwBin               parent_instance;

  GapWorkspace        *workspace;
  GListModel          *services;
  gulong               services_changed_handler;
  gulong               items_changed_handler;
  guint                syncing : 1;

  GPtrArray           *groups;       /* AdwPreferencesGroup added to the page */
  GPtrArray           *editors;      /* CertEditor */
  GPtrArray           *switches;     /* ServiceSwitch */
  GPtrArray           *custom_rows;  /* widgets in other_list */
  AdwPreferencesGroup *other_group;
  GtkListBox          *other_list;

  AdwPreferencesPage  *page;
};

G_DEFINE_FINAL_TYPE (GapServicesPage, gap_services_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gap_services_page_rebuild_custom (GapServicesPage *self);

static void
cert_editor_free (CertEditor *editor)
{
  g_clear_object (&editor->certificate);
  g_clear_object (&editor->record);
  g_free (editor);
}

static void
service_switch_free (ServiceSwitch *sw)
{
  g_clear_object (&sw->record);
  g_free (sw);
}

static GDate *
today_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/* "SaaS, PaaS": the service models in their short, untranslated form. */
static char *
models_to_text (GapServiceModelFlags models)
{
  GString *str = g_string_new (NULL);

  if (models & GAP_SERVICE_MODEL_SAAS)
    g_string_append (str, "SaaS");
  if (models & GAP_SERVICE_MODEL_PAAS)
    g_string_append_printf (str, "%sPaaS", str->len ? ", " : "");
  if (models & GAP_SERVICE_MODEL_IAAS)
    g_string_append_printf (str, "%sIaaS", str->len ? ", " : "");
  if (models & GAP_SERVICE_MODEL_PROFESSIONAL)
    g_string_append_printf (str, "%s%s", str->len ? ", " : "", _("Professional service"));

  return g_string_free (str, FALSE);
}

/* ---- certificates ---- */

static const char *
cert_field (CertEditor          *editor,
            GapCertificateField  field)
{
  const char *value = gap_certificate_get_field (editor->certificate, field);

  return value ? value : "";
}

static void
cert_editor_sync (CertEditor  *editor,
                  const GDate *today)
{
  GapCertificateState state = gap_certificate_get_state (editor->certificate, today);
  const char *explanation = NULL;

  gap_entry_row_sync (editor->reference_row, cert_field (editor, GAP_CERTIFICATE_FIELD_REFERENCE));
  gap_entry_row_sync (editor->issuer_row, cert_field (editor, GAP_CERTIFICATE_FIELD_ISSUER));
  gap_entry_row_sync (editor->notes_row, cert_field (editor, GAP_CERTIFICATE_FIELD_NOTES));
  gap_date_row_set_date (editor->last_audit_row,
                         cert_field (editor, GAP_CERTIFICATE_FIELD_LAST_AUDIT));
  gap_date_row_set_date (editor->expiry_row, cert_field (editor, GAP_CERTIFICATE_FIELD_EXPIRY));

  gtk_label_set_label (editor->badge, gap_certificate_state_get_label (state));
  gtk_widget_remove_css_class (GTK_WIDGET (editor->badge), "current");
  gtk_widget_remove_css_class (GTK_WIDGET (editor->badge), "unverified");
  gtk_widget_remove_css_class (GTK_WIDGET (editor->badge), "stale");
  gtk_widget_add_css_class (GTK_WIDGET (editor->badge), gap_certificate_state_to_string (state));

  switch (state)
    {
    case GAP_CERTIFICATE_STATE_CURRENT:
      explanation = _("Current: audited within the last 12 months");
      break;
    case GAP_CERTIFICATE_STATE_UNVERIFIED:
      explanation = _("Unverified: no last audit date recorded");
      break;
    case GAP_CERTIFICATE_STATE_STALE:
      explanation = _("Stale: last audited more than 12 months ago, or expired");
      break;
    default:
      g_assert_not_reached ();
    }

  gap_widget_set_tooltip (GTK_WIDGET (editor->badge), explanation);

  if (editor->record != NULL)
    {
      g_autofree char *models = models_to_text (gap_service_record_get_models (editor->record));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->details_row),
                                     gap_service_record_get_name (editor->record,
                                                                  gap_current_language ()));
      adw_expander_row_set_subtitle (editor->details_row, models);
    }
  else
    adw_expander_row_set_subtitle (editor->details_row, explanation);
}

/* TRUE when @value was saved (or was already the value). */
static gboolean
set_certificate_field (CertEditor          *editor,
                       GapCertificateField  field,
                       const char          *value)
{
  GapServicesPage *self = editor->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  gboolean saved = TRUE;

  if (self->workspace == NULL)
    return FALSE;

  if (g_strcmp0 (value, cert_field (editor, field)) != 0 &&
      !gap_workspace_set_certificate_field (self->workspace, editor->certificate, field, value,
                                            &error))
    {
      gap_widget_show_error (GTK_WIDGET (self), _("Could not save the change"), error);
      saved = FALSE;
    }

  today = today_new ();
  cert_editor_sync (editor, today);
  return saved;
}

#define FIELD_KEY "gap-certificate-field"

static void
cert_entry_commit_cb (AdwEntryRow *row,
                      const char  *text,
                      gpointer     user_data)
{
  g_autofree char *value = g_strstrip (g_strdup (text));

  set_certificate_field (user_data,
                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), FIELD_KEY)),
                         value);
}

static void
cert_date_picked_cb (GapDateRow *row,
                     const char *date,
                     CertEditor *editor)
{
  GapCertificateField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), FIELD_KEY));
  gboolean cleared = date[0] == '\0' && cert_field (editor, field)[0] != '\0';

  /* A cleared audit date can turn a certificate unverified: offer a way back. */
  if (set_certificate_field (editor, field, date) && cleared)
    gap_widget_add_undo_toast (GTK_WIDGET (editor->self), _("Date cleared"));
}

static AdwEntryRow *
create_cert_entry (CertEditor          *editor,
                   const char          *title,
                   GapCertificateField  field)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), FIELD_KEY, GINT_TO_POINTER (field));
  gap_entry_row_connect_commit (row, cert_entry_commit_cb, editor);
  adw_expander_row_add_row (editor->details_row, GTK_WIDGET (row));

  return row;
}

static GapDateRow *
create_cert_date (CertEditor          *editor,
                  const char          *title,
                  GapCertificateField  field)
{
  GapDateRow *row = GAP_DATE_ROW (gap_date_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), FIELD_KEY, GINT_TO_POINTER (field));
  g_signal_connect (row, "date-picked", G_CALLBACK (cert_date_picked_cb), editor);
  adw_expander_row_add_row (editor->details_row, GTK_WIDGET (row));

  return row;
}

static void
link_row_activated_cb (AdwActionRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "gap-uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  /* In a sandbox this goes through the OpenURI portal by itself. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
add_link_rows (CertEditor         *editor,
               const char         *title,
               const char * const *uris)
{
  guint n = uris ? g_strv_length ((char **) uris) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *numbered = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("web-browser-symbolic");

      /* Translators: "Audit Report 2", the second of several links */
      numbered = n > 1 ? g_strdup_printf (_("%s %u"), title, i + 1) : g_strdup (title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), numbered);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), uris[i]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gap_widget_set_tooltip (row, uris[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data_full (G_OBJECT (row), "gap-uri", g_strdup (uris[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (link_row_activated_cb), NULL);
      adw_expander_row_add_row (editor->details_row, row);
    }
}

static CertEditor *
create_cert_editor (GapServicesPage *self,
                    GapCertificate  *certificate,
                    const char      *details_title)
{
  CertEditor *editor = g_new0 (CertEditor, 1);
  GapCertFamily *family = gap_certificate_get_family (certificate);

  editor->self = self;
  editor->certificate = g_object_ref (certificate);

  editor->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (editor->badge), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (editor->badge), "certificate-badge");

  editor->details_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (editor->details_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->details_row), details_title);

  editor->reference_row = create_cert_entry (editor, _("Certificate Reference"),
                                             GAP_CERTIFICATE_FIELD_REFERENCE);
  editor->issuer_row = create_cert_entry (editor, _("Certification Body"),
                                          GAP_CERTIFICATE_FIELD_ISSUER);
  editor->last_audit_row = create_cert_date (editor, _("Last Audit"),
                                             GAP_CERTIFICATE_FIELD_LAST_AUDIT);
  editor->expiry_row = create_cert_date (editor, _("Expiry"), GAP_CERTIFICATE_FIELD_EXPIRY);
  editor->notes_row = create_cert_entry (editor, _("Notes"), GAP_CERTIFICATE_FIELD_NOTES);

  if (family != NULL)
    {
      add_link_rows (editor, _("Certificate"), gap_cert_family_get_certificate_urls (family));
      add_link_rows (editor, _("Audit Report"), gap_cert_family_get_audit_report_urls (family));
      add_link_rows (editor, _("Statement of Applicability"),
                     gap_cert_family_get_soa_urls (family));
    }

  g_ptr_array_add (self->editors, editor);
  return editor;
}

/* ---- services ---- */

static void
service_switch_sync (ServiceSwitch *sw)
{
  sw->self->syncing = TRUE;
  gtk_switch_set_active (sw->toggle, gap_service_record_get_in_use (sw->record));
  sw->self->syncing = FALSE;
}

static void
switch_active_cb (GtkSwitch     *toggle,
                  GParamSpec    *pspec,
                  ServiceSwitch *sw)
{
  GapServicesPage *self = sw->self;
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (self->syncing || self->workspace == NULL)
    return;
  if (active == gap_service_record_get_in_use (sw->record))
    return;

  if (!gap_workspace_set_service_in_use (self->workspace, sw->record, active, &error))
    {
      gap_widget_show_error (GTK_WIDGET (self), _("Could not save the change"), error);
      service_switch_sync (sw);
      return;
    }

  /* Controls that counted on it turn at risk: offer a way back. */
  if (!active)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the name of a cloud service */
      title = g_strdup_printf (_("“%s” is no longer in use"),
                               gap_service_record_get_name (sw->record, gap_current_language ()));
      gap_widget_add_undo_toast (GTK_WIDGET (self), title);
    }
}

static GtkWidget *
create_service_row (GapServicesPage  *self,
                    GapServiceRecord *record)
{
  ServiceSwitch *sw = g_new0 (ServiceSwitch, 1);
  const char *name = gap_service_record_get_name (record, gap_current_language ());
  g_autofree char *models = models_to_text (gap_service_record_get_models (record));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), models);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* Translators: tooltip of the switch beside a cloud service */
  gap_widget_set_tooltip (toggle, _("In use in the scope"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

  sw->self = self;
  sw->record = g_object_ref (record);
  sw->row = ADW_PREFERENCES_ROW (row);
  sw->toggle = GTK_SWITCH (toggle);
  service_switch_sync (sw);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_active_cb), sw);
  g_ptr_array_add (self->switches, sw);

  return row;
}

static gboolean
record_has_family (GapServiceRecord *record,
                   const char       *family_id)
{
  const char * const *ids = gap_service_record_get_family_ids (record);

  return ids != NULL && g_strv_contains (ids, family_id);
}

static char *
family_description (GapCertFamily *family)
{
  const char *reference = gap_cert_family_get_reference (family);
  const char *issuer = gap_cert_family_get_issuer (family);
  gboolean has_reference = reference != NULL && reference[0] != '\0';
  gboolean has_issuer = issuer != NULL && issuer[0] != '\0';

  if (has_reference && has_issuer)
    /* Translators: "IS 619017", then a certification body such as "BSI" */
    return g_strdup_printf (_("Microsoft's document names certificate %s, issued by %s."),
                            reference, issuer);
  if (has_reference)
    /* Translators: %s is a certificate number such as "IS 619017" */
    return g_strdup_printf (_("Microsoft's document names certificate %s."), reference);
  if (has_issuer)
    /* Translators: %s is a certification body */
    return g_strdup_printf (_("Issued by %s."), issuer);

  return NULL;
}

static void
add_group (GapServicesPage     *self,
           AdwPreferencesGroup *group)
{
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
}

static void
create_family_group (GapServicesPage *self,
                     GapCertificate  *certificate)
{
  GapCertFamily *family = gap_certificate_get_family (certificate);
  const char *family_id = gap_certificate_get_family_id (certificate);
  g_autofree char *description = family_description (family);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  CertEditor *editor;
  GtkWidget *header;
  GtkWidget *heading;
  GtkWidget *title;
  GtkWidget *list;
  guint n = g_list_model_get_n_items (self->services);

  /* The families' titles run to a hundred characters: a group title would
   * cut them to one line, so the header is built to wrap. */
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_bottom (header, 6);
  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title = gtk_label_new (gap_certificate_get_title (certificate, gap_current_language ()));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (header), heading);
  if (description != NULL)
    {
      GtkWidget *label = gtk_label_new (description);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (header), label);
    }
  adw_preferences_group_add (group, header);

  list = GTK_WIDGET (gap_boxed_list_new (FALSE));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (self->services, i);

      if (!gap_service_record_get_is_custom (record) && record_has_family (record, family_id))
        gtk_list_box_append (GTK_LIST_BOX (list), create_service_row (self, record));
    }

  editor = create_cert_editor (self, certificate, _("Certificate Details"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (editor->details_row));
  gtk_widget_set_valign (GTK_WIDGET (editor->badge), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (editor->badge));
  adw_preferences_group_add (group, list);
  gap_widget_fix_tooltips (GTK_WIDGET (group));

  add_group (self, group);
}

/* ---- other providers ---- */

typedef struct
{
  GapServicesPage  *self;
  GapServiceRecord *record;   /* NULL when adding */
  AdwEntryRow      *name_row;
  GtkCheckButton   *model_checks[4];
} ProviderDialog;

static const GapServiceModelFlags provider_models[] = {
  GAP_SERVICE_MODEL_SAAS,
  GAP_SERVICE_MODEL_PAAS,
  GAP_SERVICE_MODEL_IAAS,
  GAP_SERVICE_MODEL_PROFESSIONAL,
};

static void
provider_dialog_free (gpointer  data,
                      GClosure *closure)
{
  ProviderDialog *pd = data;

  g_clear_object (&pd->self);
  g_clear_object (&pd->record);
  g_free (pd);
}

static GapServiceModelFlags
provider_dialog_get_models (ProviderDialog *pd)
{
  GapServiceModelFlags models = GAP_SERVICE_MODEL_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (provider_models); i++)
    if (gtk_check_button_get_active (pd->model_checks[i]))
      models |= provider_models[i];

  return models;
}

static void
provider_dialog_update (AdwMessageDialog *dialog)
{
  ProviderDialog *pd = g_object_get_data (G_OBJECT (dialog), "gap-provider-dialog");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->name_row))));

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           name[0] != '\0' &&
                                           provider_dialog_get_models (pd) != GAP_SERVICE_MODEL_NONE);
}

static void
provider_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ProviderDialog   *pd)
{
  GapServicesPage *self = pd->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GapServiceModelFlags models;

  if (g_strcmp0 (response, "save") != 0 || self->workspace == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pd->name_row))));
  models = provider_dialog_get_models (pd);
  if (name[0] == '\0' || models == GAP_SERVICE_MODEL_NONE)
    return;

  if (pd->record == NULL)
    {
      if (gap_workspace_add_custom_provider (self->workspace, name, models, &error) == NULL)
        gap_widget_show_error (GTK_WIDGET (self), _("Could not add the provider"), error);
    }
  else if (!gap_workspace_update_custom_provider (self->workspace, pd->record, name, models,
                                                  &error))
    gap_widget_show_error (GTK_WIDGET (self), _("Could not save the change"), error);
}

static void
show_provider_dialog (GapServicesPage  *self,
                      GapServiceRecord *record)
{
  AdwMessageDialog *dialog;
  ProviderDialog *pd;
  GtkWidget *list;
  GapServiceModelFlags models = record ? gap_service_record_get_models (record)
                                       : GAP_SERVICE_MODEL_NONE;

  dialog = gap_choice_dialog_new (GTK_WIDGET (self),
                                  record ? _("Edit Provider") : _("Add a Provider"),
                                  _("For a colocation site, choose IaaS: the provider runs the "
                                    "physical layers."),
                                  "save", record ? _("_Save") : _("_Add"),
                                  ADW_RESPONSE_SUGGESTED);

  pd = g_new0 (ProviderDialog, 1);
  pd->self = g_object_ref (self);
  pd->record = record ? g_object_ref (record) : NULL;
  g_object_set_data (G_OBJECT (dialog), "gap-provider-dialog", pd);

  list = GTK_WIDGET (gap_boxed_list_new (FALSE));

  pd->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pd->name_row), _("Name"));
  adw_entry_row_set_activates_default (pd->name_row, TRUE);
  if (record != NULL)
    gtk_editable_set_text (GTK_EDITABLE (pd->name_row),
                           gap_service_record_get_name (record, gap_current_language ()));
  g_signal_connect_object (pd->name_row, "changed", G_CALLBACK (provider_dialog_update), dialog,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (pd->name_row));

  for (guint i = 0; i < G_N_ELEMENTS (provider_models); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gap_service_model_get_label (provider_models[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (models & provider_models[i]) != 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (provider_dialog_update), dialog,
                               G_CONNECT_SWAPPED);
      pd->model_checks[i] = GTK_CHECK_BUTTON (check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  adw_message_dialog_set_extra_child (dialog, list);
  provider_dialog_update (dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (provider_response_cb), pd,
                         provider_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_provider_clicked_cb (GapServicesPage *self)
{
  if (self->workspace != NULL)
    show_provider_dialog (self, NULL);
}

static void
edit_provider_clicked_cb (GtkButton       *button,
                          GapServicesPage *self)
{
  GapServiceRecord *record = g_object_get_data (G_OBJECT (button), "gap-record");

  show_provider_dialog (self, record);
}

static gboolean
remove_provider (GtkWidget  *widget,
                 gpointer    record,
                 GError    **error)
{
  GapServicesPage *self = GAP_SERVICES_PAGE (widget);

  return self->workspace == NULL ||
         gap_workspace_remove_custom_provider (self->workspace, record, error);
}

static void
remove_provider_clicked_cb (GtkButton       *button,
                            GapServicesPage *self)
{
  GapServiceRecord *record = g_object_get_data (G_OBJECT (button), "gap-record");
  g_autofree char *heading = NULL;

  if (self->workspace == NULL)
    return;

  /* Translators: %s is the name of a provider added by hand */
  heading = g_strdup_printf (_("Remove “%s”?"),
                             gap_service_record_get_name (record, gap_current_language ()));
  gap_confirm_removal (GTK_WIDGET (self), heading,
                       _("Its certificate record goes with it, and controls no longer count on "
                         "it. This cannot be undone."),
                       record, remove_provider, _("Could not remove the provider"));
}

static GtkWidget *
create_provider_buttons (GapServicesPage  *self,
                         GapServiceRecord *record)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button_row = gtk_list_box_row_new ();
  GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));

  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);

  g_object_set_data_full (G_OBJECT (edit), "gap-record", g_object_ref (record), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_provider_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), edit);

  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data_full (G_OBJECT (remove), "gap-record", g_object_ref (record), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_provider_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), remove);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (button_row), FALSE);
  gtk_widget_set_focusable (button_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (button_row), buttons);

  return button_row;
}

static GtkWidget *
create_custom_row (GapServicesPage  *self,
                   GapServiceRecord *record)
{
  const char * const *family_ids = gap_service_record_get_family_ids (record);
  GapCertificate *certificate = NULL;
  const char *name = gap_service_record_get_name (record, gap_current_language ());
  g_autofree char *models = models_to_text (gap_service_record_get_models (record));
  AdwExpanderRow *row;

  if (family_ids != NULL && family_ids[0] != NULL)
    certificate = gap_workspace_lookup_certificate (self->workspace, family_ids[0]);

  if (certificate != NULL)
    {
      CertEditor *editor = create_cert_editor (self, certificate, name);

      editor->record = g_object_ref (record);
      adw_expander_row_add_prefix (editor->details_row, GTK_WIDGET (editor->badge));
      row = editor->details_row;
    }
  else
    {
      /* No certificate record to edit: the provider can still be changed. */
      row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
    }

  adw_expander_row_set_subtitle (row, models);
  adw_expander_row_add_row (row, create_provider_buttons (self, record));
  gap_widget_fix_tooltips (GTK_WIDGET (row));

  return GTK_WIDGET (row);
}

static void
gap_services_page_rebuild_custom (GapServicesPage *self)
{
  guint n;

  /* Rows first: an entry losing the focus may still commit through its
   * editor. Then the editors of those rows. */
  for (guint i = 0; i < self->custom_rows->len; i++)
    gtk_list_box_remove (self->other_list, g_ptr_array_index (self->custom_rows, i));
  g_ptr_array_set_size (self->custom_rows, 0);

  for (guint i = self->editors->len; i > 0; i--)
    {
      CertEditor *editor = g_ptr_array_index (self->editors, i - 1);

      if (editor->record != NULL)
        g_ptr_array_remove_index (self->editors, i - 1);
    }

  if (self->workspace == NULL)
    return;

  n = g_list_model_get_n_items (self->services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (self->services, i);
      GtkWidget *row;

      if (!gap_service_record_get_is_custom (record))
        continue;

      row = create_custom_row (self, record);
      gtk_list_box_append (self->other_list, row);
      g_ptr_array_add (self->custom_rows, row);
    }
}

static void
create_other_group (GapServicesPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *button = gap_add_button_new (_("Add a Provider"));

  adw_preferences_group_set_title (group, _("Other Providers"));
  adw_preferences_group_set_description (group, _("Another cloud, a colocation site or any "
                                                  "provider the list above does not name."));

  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_provider_clicked_cb), self);
  adw_preferences_group_set_header_suffix (group, button);

  self->other_list = gap_boxed_list_new (TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->other_list));

  self->other_group = group;
  add_group (self, group);
}

/* ---- page ---- */

static void
gap_services_page_sync (GapServicesPage *self)
{
  g_autoptr(GDate) today = today_new ();

  for (guint i = 0; i < self->switches->len; i++)
    service_switch_sync (g_ptr_array_index (self->switches, i));
  for (guint i = 0; i < self->editors->len; i++)
    cert_editor_sync (g_ptr_array_index (self->editors, i), today);
}

static void
services_items_changed_cb (GapServicesPage *self)
{
  gap_services_page_rebuild_custom (self);
  gap_services_page_sync (self);
}

static void
gap_services_page_rebuild (GapServicesPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->editors, 0);
  g_ptr_array_set_size (self->switches, 0);
  g_ptr_array_set_size (self->custom_rows, 0);
  self->other_group = NULL;
  self->other_list = NULL;

  if (self->workspace == NULL)
    return;

  {
    GListModel *certificates = gap_workspace_get_certificates (self->workspace);
    guint n = g_list_model_get_n_items (certificates);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GapCertificate) certificate = g_list_model_get_item (certificates, i);

        if (gap_certificate_get_family (certificate) != NULL)
          create_family_group (self, certificate);
      }
  }

  create_other_group (self);
  gap_services_page_rebuild_custom (self);
  gap_services_page_sync (self);
}

void
gap_services_page_flush (GapServicesPage *self)
{
  g_return_if_fail (GAP_IS_SERVICES_PAGE (self));

  if (self->workspace == NULL)
    return;

  for (guint i = 0; i < self->editors->len; i++)
    {
      CertEditor *editor = g_ptr_array_index (self->editors, i);

      gap_entry_row_flush (editor->reference_row);
      gap_entry_row_flush (editor->issuer_row);
      gap_entry_row_flush (editor->notes_row);
    }
}

GapWorkspace *
gap_services_page_get_workspace (GapServicesPage *self)
{
  g_return_val_if_fail (GAP_IS_SERVICES_PAGE (self), NULL);

  return self->workspace;
}

static void
gap_services_page_disconnect (GapServicesPage *self)
{
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->services_changed_handler, self->workspace);
  if (self->services != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->services);
  g_clear_object (&self->services);
}

void
gap_services_page_set_workspace (GapServicesPage *self,
                                 GapWorkspace    *workspace)
{
  g_return_if_fail (GAP_IS_SERVICES_PAGE (self));
  g_return_if_fail (!workspace || GAP_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  gap_services_page_flush (self);
  gap_services_page_disconnect (self);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      self->services = g_object_ref (gap_workspace_get_services (workspace));
      self->services_changed_handler =
        g_signal_connect_object (workspace, "services-changed",
                                 G_CALLBACK (gap_services_page_sync), self, G_CONNECT_SWAPPED);
      self->items_changed_handler =
        g_signal_connect_object (self->services, "items-changed",
                                 G_CALLBACK (services_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gap_services_page_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
gap_services_page_dispose (GObject *object)
{
  GapServicesPage *self = (GapServicesPage *)object;

  gap_services_page_disconnect (self);
  g_clear_object (&self->workspace);

  /* AdwBin 1.2 unparents its child itself and would do it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_SERVICES_PAGE);

  g_clear_pointer (&self->switches, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->custom_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (gap_services_page_parent_class)->dispose (object);
}

static void
gap_services_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GapServicesPage *self = GAP_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_services_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GapServicesPage *self = GAP_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      gap_services_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_services_page_class_init (GapServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_services_page_dispose;
  object_class->get_property = gap_services_page_get_property;
  object_class->set_property = gap_services_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, GAP_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GapServicesPage, page);
}

static void
gap_services_page_init (GapServicesPage *self)
{
  self->groups = g_ptr_array_new ();
  self->editors = g_ptr_array_new_with_free_func ((GDestroyNotify) cert_editor_free);
  self->switches = g_ptr_array_new_with_free_func ((GDestroyNotify) service_switch_free);
  self->custom_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gap_services_page_new (void)
{
  return g_object_new (GAP_TYPE_SERVICES_PAGE, NULL);
}
