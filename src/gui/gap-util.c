/* gap-util.c — small helpers shared by the windows and pages
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gap-util.h"

#define MAX_NAME_CHARS 48

GFile *
gap_working_copies_dir (GError **error)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "isms-gap", "workspaces",
                                            NULL);

  /* The files describe the organization's weaknesses: private folder. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  return g_file_new_for_path (path);
}

char *
gap_sanitize_file_name (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n_chars = 0;
  gboolean dash = FALSE;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    {
      for (const char *p = name; *p != '\0' && n_chars < MAX_NAME_CHARS; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          /* Letters of any script stay (a Chinese name is a fine file name);
           * everything a file system or a shell might mind becomes "-". */
          if (g_unichar_isalnum (c))
            {
              if (dash && out->len > 0)
                {
                  g_string_append_c (out, '-');
                  n_chars++;
                }
              dash = FALSE;
              g_string_append_unichar (out, c);
              n_chars++;
            }
          else
            dash = TRUE;
        }
    }

  if (out->len == 0)
    g_string_append (out, "workspace");

  return g_string_free (out, FALSE);
}

GFile *
gap_working_copy_new_file (const char  *name,
                           GError     **error)
{
  g_autoptr(GFile) dir = gap_working_copies_dir (error);
  g_autofree char *stem = NULL;
  g_autofree char *today = NULL;

  if (dir == NULL)
    return NULL;

  stem = gap_sanitize_file_name (name);
  today = gap_today_iso ();

  for (guint i = 1; i < 1000; i++)
    {
      g_autofree char *basename = NULL;
      g_autoptr(GFile) file = NULL;

      if (i == 1)
        basename = g_strdup_printf ("%s-%s.ismsgap", stem, today);
      else
        basename = g_strdup_printf ("%s-%s-%u.ismsgap", stem, today, i);

      file = g_file_get_child (dir, basename);
      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&file);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Too many workspaces named “%s” were created today"), stem);
  return NULL;
}

char *
gap_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

GDate *
gap_date_from_iso (const char *iso)
{
  unsigned int year, month, day;
  char tail;

  if (iso == NULL || strlen (iso) != 10)
    return NULL;
  if (sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return NULL;
  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

static AdwMessageDialog *
message_dialog_new (GtkWidget  *widget,
                    const char *heading,
                    const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL,
                                                     heading, body));
}

void
gap_widget_show_error (GtkWidget    *widget,
                       const char   *heading,
                       const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  dialog = message_dialog_new (widget, heading, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
gap_choice_dialog_new (GtkWidget             *widget,
                       const char            *heading,
                       const char            *body,
                       const char            *response,
                       const char            *label,
                       AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (response != NULL && label != NULL, NULL);

  dialog = message_dialog_new (widget, heading, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  /* Enter must not destroy anything. */
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE
                                                   ? "cancel" : response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

typedef struct
{
  GtkWidget     *widget;         /* weak */
  GObject       *object;
  GapRemoveFunc  remove;
  char          *error_heading;
} Removal;

static void
removal_free (gpointer data,
              GClosure *closure)
{
  Removal *removal = data;

  g_clear_weak_pointer (&removal->widget);
  g_clear_object (&removal->object);
  g_free (removal->error_heading);
  g_free (removal);
}

static void
removal_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Removal          *removal)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || removal->widget == NULL)
    return;

  if (!removal->remove (removal->widget, removal->object, &error))
    gap_widget_show_error (removal->widget, removal->error_heading, error);
}

void
gap_confirm_removal (GtkWidget     *widget,
                     const char    *heading,
                     const char    *body,
                     gpointer       object,
                     GapRemoveFunc  remove,
                     const char    *error_heading)
{
  AdwMessageDialog *dialog;
  Removal *removal;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (remove != NULL);

  dialog = gap_choice_dialog_new (widget, heading, body, "remove", _("_Remove"),
                                  ADW_RESPONSE_DESTRUCTIVE);
  removal = g_new0 (Removal, 1);
  g_set_weak_pointer (&removal->widget, widget);
  removal->object = g_object_ref (object);
  removal->remove = remove;
  removal->error_heading = g_strdup (error_heading);
  g_signal_connect_data (dialog, "response", G_CALLBACK (removal_response_cb), removal,
                         removal_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwToast *
gap_toast_new (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

void
gap_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
gap_widget_add_undo_toast (GtkWidget  *widget,
                           const char *title)
{
  AdwToast *toast = gap_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  gap_widget_add_toast (widget, toast);
}

GtkWidget *
gap_add_button_new (const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gap_widget_set_tooltip (button, tooltip);

  return button;
}

GtkListBox *
gap_boxed_list_new (gboolean placeholder)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");

  if (placeholder)
    {
      GtkWidget *label = gtk_label_new (_("None yet"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "placeholder-label");
      gtk_list_box_set_placeholder (list, label);
    }

  return list;
}

/* ---- tooltips ---- */

#define TOOLTIP_FIXED_KEY "gap-tooltip-fixed"
#define TOOLTIP_TEXT_KEY "gap-tooltip-text"
#define TOOLTIP_WRAP_CHARS 40

void
gap_tooltip_set_text (GtkTooltip *tooltip,
                      const char *text)
{
  GtkWidget *label;

  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));
  g_return_if_fail (text != NULL);

  label = gtk_label_new (text);
  /* Short tips stay on one line; long ones wrap at a sensible width, which
   * width-chars makes the label ask for. */
  if (g_utf8_strlen (text, -1) > TOOLTIP_WRAP_CHARS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), TOOLTIP_WRAP_CHARS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_WRAP_CHARS);
    }
  gtk_tooltip_set_custom (tooltip, label);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  g_autofree char *text = g_strdup (gap_widget_get_tooltip (widget));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gap_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
gap_widget_set_tooltip (GtkWidget  *widget,
                        const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_FIXED_KEY) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), TOOLTIP_FIXED_KEY, GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_TEXT_KEY, g_strdup (text), g_free);
  /* What gtk_widget_set_tooltip_text() does, but its pointer query. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  gtk_widget_set_has_tooltip (widget, text != NULL && text[0] != '\0');
}

void
gap_widget_set_wrap_min_chars (GtkWidget *root,
                               int        n_chars)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) && gtk_label_get_wrap (GTK_LABEL (root)) &&
      gtk_label_get_width_chars (GTK_LABEL (root)) < n_chars)
    gtk_label_set_width_chars (GTK_LABEL (root), n_chars);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gap_widget_set_wrap_min_chars (child, n_chars);
}

const char *
gap_widget_get_tooltip (GtkWidget *widget)
{
  const char *own;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  own = g_object_get_data (G_OBJECT (widget), TOOLTIP_TEXT_KEY);
  return own != NULL ? own : gtk_widget_get_tooltip_text (widget);
}

void
gap_widget_fix_tooltips (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_widget_get_tooltip_text (root) != NULL &&
      g_object_get_data (G_OBJECT (root), TOOLTIP_FIXED_KEY) == NULL)
    {
      /* Runs before GtkWidget's own handler, which TRUE then skips. */
      g_signal_connect (root, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (root), TOOLTIP_FIXED_KEY, GINT_TO_POINTER (TRUE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gap_widget_fix_tooltips (child);
}

/* ---- committing entry rows ---- */

typedef struct
{
  GapEntryCommitFunc func;
  gpointer           user_data;
  char              *synced;
} EntryCommit;

#define ENTRY_COMMIT_KEY "gap-entry-commit"

static void
entry_commit_free (gpointer data)
{
  EntryCommit *commit = data;

  g_free (commit->synced);
  g_free (commit);
}

void
gap_entry_row_flush (AdwEntryRow *row)
{
  EntryCommit *commit;
  g_autofree char *text = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  commit = g_object_get_data (G_OBJECT (row), ENTRY_COMMIT_KEY);
  if (commit == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (g_strcmp0 (text, commit->synced) == 0)
    return;

  /* Counted as synced first: a failing commit resyncs to the model value,
   * and a second flush (focus leaving after Enter) must not repeat it. */
  g_free (commit->synced);
  commit->synced = g_strdup (text);
  commit->func (row, text, commit->user_data);
}

static void
entry_row_activated_cb (AdwEntryRow *row)
{
  gap_entry_row_flush (row);
}

static void
entry_row_focus_leave_cb (GtkEventControllerFocus *controller,
                          AdwEntryRow             *row)
{
  gap_entry_row_flush (row);
}

void
gap_entry_row_connect_commit (AdwEntryRow       *row,
                              GapEntryCommitFunc func,
                              gpointer           user_data)
{
  EntryCommit *commit;
  GtkEventController *focus;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (func != NULL);

  commit = g_new0 (EntryCommit, 1);
  commit->func = func;
  commit->user_data = user_data;
  commit->synced = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_object_set_data_full (G_OBJECT (row), ENTRY_COMMIT_KEY, commit, entry_commit_free);

  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_row_activated_cb), NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (entry_row_focus_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

void
gap_entry_row_sync (AdwEntryRow *row,
                    const char  *value)
{
  EntryCommit *commit;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (value == NULL)
    value = "";

  commit = g_object_get_data (G_OBJECT (row), ENTRY_COMMIT_KEY);
  if (commit != NULL)
    {
      g_free (commit->synced);
      commit->synced = g_strdup (value);
    }

  /* Setting equal text would move the cursor to the end. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}
