/* gap-util.h — small helpers shared by the windows and pages
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Working copies live in <user data dir>/isms-gap/workspaces (mode 0700):
 * DESIGN.md "Workspace store". */
GFile *gap_working_copies_dir      (GError     **error);
/* A file name there that does not exist yet, from @name (sanitized) and
 * today's date, e.g. "Acme-2026-11-29.ismsgap". */
GFile *gap_working_copy_new_file   (const char  *name,
                                    GError     **error);
char  *gap_sanitize_file_name      (const char  *name);

/* Today as an ISO 8601 date ("2026-11-29"). */
char  *gap_today_iso               (void);
/* Parses "YYYY-MM-DD"; NULL for "" or anything malformed. */
GDate *gap_date_from_iso           (const char  *iso);

/* An AdwMessageDialog over @widget's window: @heading, then the
 * (translated) message of @error. */
void   gap_widget_show_error       (GtkWidget    *widget,
                                    const char   *heading,
                                    const GError *error);
/* A message dialog over @widget's window with two responses, "cancel" and
 * @response (labelled @label, looking @appearance); a destructive response
 * is not the default. Not yet presented. */
AdwMessageDialog *gap_choice_dialog_new (GtkWidget             *widget,
                                         const char            *heading,
                                         const char            *body,
                                         const char            *response,
                                         const char            *label,
                                         AdwResponseAppearance  appearance);
/* Removes @object from what @widget shows, e.g. from its workspace. */
typedef gboolean (*GapRemoveFunc) (GtkWidget  *widget,
                                   gpointer    object,
                                   GError    **error);
/* Removals cannot be undone: asks first (@heading, @body, "Remove"), then
 * calls @remove while @widget is still there; its error is shown under
 * @error_heading. */
void   gap_confirm_removal         (GtkWidget     *widget,
                                    const char    *heading,
                                    const char    *body,
                                    gpointer       object,
                                    GapRemoveFunc  remove,
                                    const char    *error_heading);
/* A toast showing @title as plain text (toast titles are markup in
 * libadwaita 1.2, and names typed by the user may hold "&" or "<"). */
AdwToast *gap_toast_new         (const char   *title);
/* Shows @toast in the nearest AdwToastOverlay above @widget; takes it. */
void   gap_widget_add_toast        (GtkWidget    *widget,
                                    AdwToast     *toast);
/* A toast whose button undoes the edit just made (win.undo). */
void   gap_widget_add_undo_toast   (GtkWidget    *widget,
                                    const char   *title);

/* A flat "Add" button for a group's header, @tooltip saying what it adds. */
GtkWidget *gap_add_button_new   (const char   *tooltip);
/* A boxed list without selection; with a "None yet" placeholder if asked. */
GtkListBox *gap_boxed_list_new  (gboolean      placeholder);

/* GTK 4.8's GtkBox finds the width of a box of wrapping labels for a given
 * height by laying the labels out at widths doubling from their narrowest,
 * one character, then halving: a libadwaita row or group header laid them
 * out some 35 times to size the window. This makes the wrapping labels of
 * @root and its descendants at least @n_chars characters wide, where the
 * search then starts; the layout only differs where a label would get less
 * than that. */
void   gap_widget_set_wrap_min_chars (GtkWidget *root,
                                      int        n_chars);
/* The narrowest such a label of a row or group header need be: the window
 * is never narrower than 360 px, which gives them more. */
#define GAP_WRAP_MIN_CHARS 10

/* GTK 4.8 sizes a tooltip of Chinese text one character wide; this shows
 * the tooltip-text of @root and its descendants in a label of our own. Call
 * it again for widgets added later. */
void   gap_widget_fix_tooltips     (GtkWidget    *root);
/* Gives @widget a tooltip shown as gap_widget_fix_tooltips() shows them,
 * without gtk_widget_set_tooltip_text()'s round trip to the X server to
 * find the pointer (a cost at start-up and in long lists). */
void   gap_widget_set_tooltip      (GtkWidget    *widget,
                                    const char   *text);
/* The tooltip given either way. */
const char *gap_widget_get_tooltip (GtkWidget    *widget);
/* Shows @text in @tooltip as the two above do, for a query-tooltip handler
 * of its own. */
void   gap_tooltip_set_text        (GtkTooltip   *tooltip,
                                    const char   *text);

/* Commit an AdwEntryRow when Enter is pressed or the focus leaves it, and
 * only when the text differs from the value last synced from the model. */
typedef void (*GapEntryCommitFunc) (AdwEntryRow *row,
                                    const char  *text,
                                    gpointer     user_data);

void   gap_entry_row_connect_commit (AdwEntryRow       *row,
                                     GapEntryCommitFunc func,
                                     gpointer           user_data);
/* Shows @value (from the model) unless it is already shown; "" for NULL. */
void   gap_entry_row_sync          (AdwEntryRow  *row,
                                    const char   *value);
/* Commits now if the text differs from the synced value. */
void   gap_entry_row_flush         (AdwEntryRow  *row);

G_END_DECLS
