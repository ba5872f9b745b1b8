/* gap-export-dialog.c — choose a report, a format and a language; export
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gap-analysis-private.h"
#include "gap-export-dialog.h"
#include "gap-util.h"

struct _GapExportDialog
{
  AdwWindow        parent_instance;

  GapAnalysis     *analysis;
  GtkWindow       *parent;        /* weak: shows the toast */
  GSettings       *settings;
  GCancellable    *cancellable;   /* of the running export; NULL when idle */
  gboolean         closed;        /* closed while a worker still holds it */
  GtkNativeDialog *chooser;

  GtkStack        *stack;
  AdwComboRow     *report_row;
  AdwComboRow     *format_row;
  AdwComboRow     *language_row;
  GtkStringList   *formats;
  AdwStatusPage   *progress_page;
  GtkSpinner      *spinner;
};

G_DEFINE_FINAL_TYPE (GapExportDialog, gap_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_FORMAT,
  PROP_REPORT,
  PROP_LANGUAGE,
  PROP_BUSY,
  N_PROPS
};

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The combo rows list the enums in their order. */
#define N_FORMATS (GAP_EXPORT_FORMAT_OSCAL + 1)

/* ---- the export, in a worker thread ---- */

typedef struct
{
  GapExportFormat    format;
  GapReportKind      report;
  GapExportLanguage  lang;
  GDate              today;
  char              *snapshot_dir;  /* private (0700), removed afterwards */
  GFile             *snapshot;
  GFile             *dest;
} Job;

static void
remove_snapshot (Job *job)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (job->snapshot_dir == NULL)
    return;
  /* The copy and whatever SQLite left beside it (-wal, -shm). */
  dir = g_dir_open (job->snapshot_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (job->snapshot_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (job->snapshot_dir);
  g_clear_pointer (&job->snapshot_dir, g_free);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  remove_snapshot (job);
  g_clear_object (&job->snapshot);
  g_clear_object (&job->dest);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GapAnalysis) analysis = NULL;
  GError *error = NULL;
  gboolean ok;

  /* Objects of this thread only: the snapshot, opened here. */
  workspace = gap_workspace_open (job->snapshot, &error);
  if (workspace == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  analysis = gap_analysis_new (workspace);
  /* The day the window's analysis judged certificates on. */
  gap_analysis_set_today (analysis, &job->today);

  ok = gap_export_to_file (analysis, job->format, job->report, job->lang, job->dest, cancellable,
                           &error);
  g_clear_object (&analysis);
  gap_workspace_close (workspace);
  g_clear_object (&workspace);
  remove_snapshot (job);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- options ---- */

GapExportFormat
gap_export_dialog_get_format (GapExportDialog *self)
{
  g_return_val_if_fail (GAP_IS_EXPORT_DIALOG (self), GAP_EXPORT_FORMAT_PDF);

  return (GapExportFormat) adw_combo_row_get_selected (self->format_row);
}

void
gap_export_dialog_set_format (GapExportDialog *self,
                              GapExportFormat  format)
{
  g_return_if_fail (GAP_IS_EXPORT_DIALOG (self));
  g_return_if_fail ((guint) format < N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

GapReportKind
gap_export_dialog_get_report (GapExportDialog *self)
{
  g_return_val_if_fail (GAP_IS_EXPORT_DIALOG (self), GAP_REPORT_GAP);

  return (GapReportKind) adw_combo_row_get_selected (self->report_row);
}

void
gap_export_dialog_set_report (GapExportDialog *self,
                              GapReportKind    report)
{
  g_return_if_fail (GAP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (report == GAP_REPORT_GAP || report == GAP_REPORT_SOA);

  adw_combo_row_set_selected (self->report_row, report);
}

GapExportLanguage
gap_export_dialog_get_language (GapExportDialog *self)
{
  g_return_val_if_fail (GAP_IS_EXPORT_DIALOG (self), GAP_EXPORT_LANGUAGE_BOTH);

  return (GapExportLanguage) adw_combo_row_get_selected (self->language_row);
}

void
gap_export_dialog_set_language (GapExportDialog   *self,
                                GapExportLanguage  lang)
{
  g_return_if_fail (GAP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (lang <= GAP_EXPORT_LANGUAGE_BOTH);

  adw_combo_row_set_selected (self->language_row, lang);
}

gboolean
gap_export_dialog_get_busy (GapExportDialog *self)
{
  g_return_val_if_fail (GAP_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* What each format holds, under the format row. */
static const char *
format_description (GapExportFormat format)
{
  switch (format)
    {
    case GAP_EXPORT_FORMAT_PDF:
      return _("A document to print or to send");
    case GAP_EXPORT_FORMAT_XLSX:
      return _("Both reports in one workbook, a sheet per table");
    case GAP_EXPORT_FORMAT_CSV:
      return _("The report’s main table, for other tools");
    case GAP_EXPORT_FORMAT_HTML:
      return _("A web page to share or archive");
    case GAP_EXPORT_FORMAT_JSON:
      return _("The whole workspace, losslessly; it can be imported again");
    case GAP_EXPORT_FORMAT_OSCAL:
      return _("A system security plan with the catalog and profile it imports: three files");
    default:
      return NULL;
    }
}

static void
update_rows (GapExportDialog *self)
{
  GapExportFormat format = gap_export_dialog_get_format (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format_description (format));
  /* The workspace JSON is neither report, in no language; OSCAL is the
   * Statement of Applicability's content. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_row),
                            format != GAP_EXPORT_FORMAT_JSON && format != GAP_EXPORT_FORMAT_OSCAL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), format != GAP_EXPORT_FORMAT_JSON);
}

static void
options_changed_cb (GapExportDialog *self,
                    GParamSpec      *pspec,
                    AdwComboRow     *row)
{
  if (row == self->format_row)
    {
      update_rows (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
    }
  else if (row == self->report_row)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  else if (row == self->language_row)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
set_busy (GapExportDialog *self,
          GFile           *dest)
{
  gboolean busy = dest != NULL;

  if (busy)
    {
      g_autofree char *name = g_file_get_basename (dest);

      adw_status_page_set_description (self->progress_page, name);
    }
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "options");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- finishing ---- */

static void
launch_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gap_widget_show_error (widget, _("Could not open the exported file"), error);
}

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (toast), "gap-export-window");
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  if (widget != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                gtk_widget_get_display (widget)));
  /* In a sandbox GIO goes through the OpenURI portal. */
  g_app_info_launch_default_for_uri_async (uri, context, NULL, launch_done_cb,
                                           widget != NULL ? g_object_ref (widget) : NULL);
}

static AdwToast *
exported_toast_new (GtkWidget *window,
                    GFile     *dest)
{
  g_autofree char *name = g_file_get_basename (dest);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = gap_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  if (window != NULL)
    g_object_set_data_full (G_OBJECT (toast), "gap-export-window", g_object_ref (window),
                            g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                         g_object_ref (dest), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  return toast;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) dest = g_object_ref (job->dest);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->cancellable);

  /* Closed meanwhile (or its parent was): the export was cancelled and
   * there is nothing left to show. */
  if (self->closed)
    {
      if (ok)
        g_signal_emit (self, signals[EXPORTED], 0, dest, NULL);
      else
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  set_busy (self, NULL);

  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gap_widget_show_error (GTK_WIDGET (self), _("Could not export"), error);
      g_signal_emit (self, signals[FAILED], 0, error);
    }
  else
    {
      GtkWindow *parent = self->parent;
      g_autoptr(AdwToast) toast = exported_toast_new (GTK_WIDGET (parent), dest);

      /* The parent shows the toast: this dialog is done. */
      if (parent != NULL)
        gap_widget_add_toast (GTK_WIDGET (parent), g_object_ref (toast));
      g_signal_emit (self, signals[EXPORTED], 0, dest, toast);
      self->closed = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

void
gap_export_dialog_export_to (GapExportDialog *self,
                             GFile           *dest)
{
  GapWorkspace *workspace;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot_path = NULL;
  Job *job;

  g_return_if_fail (GAP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (dest));
  g_return_if_fail (self->cancellable == NULL);

  workspace = gap_analysis_get_workspace (self->analysis);
  job = g_new0 (Job, 1);
  job->format = gap_export_dialog_get_format (self);
  job->report = gap_export_dialog_get_report (self);
  job->lang = gap_export_dialog_get_language (self);
  job->dest = g_object_ref (dest);
  _gap_analysis_get_today (self->analysis, &job->today);
  if (!g_date_valid (&job->today))
    g_date_set_time_t (&job->today, time (NULL));

  g_settings_set_string (self->settings, "report-language",
                         gap_export_language_to_string (job->lang));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, gap_export_dialog_export_to);
  g_task_set_task_data (task, job, job_free);

  /* Workspace objects belong to this thread: the worker gets a copy of
   * the file, taken here at once (SQLite's VACUUM INTO), and opens it. */
  job->snapshot_dir = g_dir_make_tmp ("isms-gap-export-XXXXXX", &error);
  if (job->snapshot_dir != NULL)
    {
      snapshot_path = g_build_filename (job->snapshot_dir, "snapshot.ismsgap", NULL);
      job->snapshot = g_file_new_for_path (snapshot_path);
    }
  if (job->snapshot == NULL || !gap_workspace_save_copy (workspace, job->snapshot, &error))
    {
      set_busy (self, dest);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_busy (self, dest);
  g_task_run_in_thread (task, export_thread);
}

void
gap_export_dialog_cancel (GapExportDialog *self)
{
  g_return_if_fail (GAP_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ---- the file chooser ---- */

/* "<organization>-<report>-<date>.<ext>", safe as a file name. */
static char *
suggested_name (GapExportDialog *self)
{
  GapWorkspace *workspace = gap_analysis_get_workspace (self->analysis);
  GapExportFormat format = gap_export_dialog_get_format (self);
  const char *organization = gap_workspace_get_scope_field (workspace,
                                                            GAP_SCOPE_FIELD_ORGANIZATION);
  g_autofree char *today = gap_today_iso ();
  g_autofree char *stem = NULL;
  g_autofree char *safe = NULL;
  const char *what;

  if (format == GAP_EXPORT_FORMAT_JSON)
    what = _("workspace");
  else if (format == GAP_EXPORT_FORMAT_OSCAL)
    what = "SSP";
  else if (gap_export_dialog_get_report (self) == GAP_REPORT_SOA)
    what = _("Statement of Applicability");
  else
    what = _("Gap analysis");

  stem = g_strjoin (" ", organization != NULL ? organization : "", what, today, NULL);
  safe = gap_sanitize_file_name (stem);
  return g_strconcat (safe, ".", gap_export_format_get_extension (format), NULL);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GapExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->cancellable == NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gap_export_dialog_export_to (self, file);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (widget);
  GapExportFormat format = gap_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  GtkFileChooserNative *chooser;

  if (self->cancellable != NULL)
    return;

  gtk_file_filter_set_name (filter, gap_export_format_get_label (format));
  gtk_file_filter_add_suffix (filter, gap_export_format_get_extension (format));

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (widget);

  /* Cancelling a running export comes back to the options. */
  if (self->cancellable != NULL)
    gap_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Closing stops the export: nothing half-written stays behind. The
 * worker's task keeps the object alive until it ends (GTK 4 disposes a
 * window only with its last reference). */
static void
close_dialog (GapExportDialog *self)
{
  self->closed = TRUE;
  gap_export_dialog_cancel (self);
}

static gboolean
gap_export_dialog_close_request (GtkWindow *window)
{
  close_dialog (GAP_EXPORT_DIALOG (window));
  return GTK_WINDOW_CLASS (gap_export_dialog_parent_class)->close_request (window);
}

/* ---- GObject ---- */

static void
parent_destroyed_cb (GapExportDialog *self)
{
  /* Goes with its parent. Let go of it now: a running export keeps this
   * window alive past the parent's end. */
  close_dialog (self);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gap_export_dialog_constructed (GObject *object)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (object);
  g_autofree char *lang = NULL;
  GapExportLanguage language = GAP_EXPORT_LANGUAGE_BOTH;

  G_OBJECT_CLASS (gap_export_dialog_parent_class)->constructed (object);

  g_assert (GAP_IS_ANALYSIS (self->analysis));

  self->parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (self->parent != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
      g_signal_connect_object (self->parent, "destroy", G_CALLBACK (parent_destroyed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  lang = g_settings_get_string (self->settings, "report-language");
  gap_export_language_from_string (lang, &language);
  gap_export_dialog_set_language (self, language);
  update_rows (self);
}

static void
gap_export_dialog_dispose (GObject *object)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (object);

  /* Destroyed with its parent while a worker runs: the worker's callback
   * comes later and must not touch the template children cleared here. */
  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAP_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gap_export_dialog_parent_class)->dispose (object);
}

static void
gap_export_dialog_finalize (GObject *object)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (object);

  g_clear_object (&self->analysis);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gap_export_dialog_parent_class)->finalize (object);
}

static void
gap_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_FORMAT:
      g_value_set_uint (value, gap_export_dialog_get_format (self));
      break;
    case PROP_REPORT:
      g_value_set_uint (value, gap_export_dialog_get_report (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_uint (value, gap_export_dialog_get_language (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, gap_export_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GapExportDialog *self = GAP_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      self->analysis = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      gap_export_dialog_set_format (self, g_value_get_uint (value));
      break;
    case PROP_REPORT:
      gap_export_dialog_set_report (self, g_value_get_uint (value));
      break;
    case PROP_LANGUAGE:
      gap_export_dialog_set_language (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_export_dialog_class_init (GapExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gap_export_dialog_constructed;
  object_class->dispose = gap_export_dialog_dispose;
  object_class->finalize = gap_export_dialog_finalize;
  object_class->get_property = gap_export_dialog_get_property;
  object_class->set_property = gap_export_dialog_set_property;
  window_class->close_request = gap_export_dialog_close_request;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, GAP_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* GapExportFormat, GapReportKind and GapExportLanguage values. */
  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, 0, N_FORMATS - 1, GAP_EXPORT_FORMAT_PDF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_uint ("report", NULL, NULL, 0, GAP_REPORT_SOA, GAP_REPORT_GAP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_uint ("language", NULL, NULL, 0, GAP_EXPORT_LANGUAGE_BOTH,
                       GAP_EXPORT_LANGUAGE_BOTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_FILE, ADW_TYPE_TOAST);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, formats);
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, GapExportDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
gap_export_dialog_init (GapExportDialog *self)
{
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The formats' labels, in the enum's order. */
  for (guint format = 0; format < N_FORMATS; format++)
    gtk_string_list_append (self->formats, gap_export_format_get_label (format));
}

GapExportDialog *
gap_export_dialog_new (GtkWindow   *parent,
                       GapAnalysis *analysis)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GAP_IS_ANALYSIS (analysis), NULL);

  return g_object_new (GAP_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "analysis", analysis,
                       NULL);
}

GapExportDialog *
gap_export_dialog_present (GtkWindow   *parent,
                           GapAnalysis *analysis)
{
  GapExportDialog *self = gap_export_dialog_new (parent, analysis);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}
