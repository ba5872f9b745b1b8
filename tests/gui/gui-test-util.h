/* gui-test-util.h — driving real widgets under Xvfb
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gap-application.h"
#include "gap-control-row.h"
#include "gap-window.h"

G_BEGIN_DECLS

/* Points GSettings at the build's compiled schema and the user data folder
 * at a fresh temporary one, then initializes GTest and GTK. Exits 77
 * (skipped) without a display. Returns the temporary folder. */
const char *gui_test_init           (int          *argc,
                                     char       ***argv);
/* The real application, registered (its startup loaded the style sheet),
 * non-unique so tests may run side by side. */
GapApplication *gui_test_application_new (void);
/* For gui_test_wait_until() on a weak pointer: TRUE once it is NULL. */
gboolean    gui_test_is_null        (gpointer      weak_pointer_location);
/* Runs the main loop until nothing is pending, then a few frames more. */
void        gui_test_iterate        (void);
/* Runs the main loop until @cond holds or @timeout_ms passed. */
gboolean    gui_test_wait_until     (gboolean    (*cond) (gpointer data),
                                     gpointer      data,
                                     guint         timeout_ms);
/* Depth-first search below @root (included) for a widget of @type whose
 * title (preferences rows, groups, status pages), label (buttons, labels),
 * tooltip (buttons without a label) or name equals @text; any such widget when @text is NULL. */
GtkWidget  *gui_test_find           (GtkWidget    *root,
                                     GType         type,
                                     const char   *text);
/* Appends @root and its descendants of @type to @found, depth first. */
void        gui_test_collect        (GtkWidget    *root,
                                     GType         type,
                                     GPtrArray    *found);
/* The same, for a widget of @type carrying the CSS class @css_class. */
GtkWidget  *gui_test_find_with_class (GtkWidget  *root,
                                      GType       type,
                                      const char *css_class);
/* The first visible toplevel of @type. */
GtkWindow  *gui_test_find_toplevel  (GType         type);
/* Clicks @button (sensitive) and runs the main loop. */
void        gui_test_click          (GtkWidget    *button);
/* Clicks the response button labelled @label of a message dialog. */
void        gui_test_click_response (GtkWindow    *dialog,
                                     const char   *label);
/* Types @text into @editable and presses Enter in it. */
void        gui_test_enter_text     (GtkWidget    *editable,
                                     const char   *text);

/* gtk_widget_get_template_child(); a test error when there is no @name. */
gpointer    gui_test_template_child (gpointer      widget,
                                     GType         type,
                                     const char   *name);
/* A 1280×800 window with a new ISO/IEC 27001:2022 workspace of "Test Org"
 * open, the file @basename in the user data folder; sets *@file to it. */
GapWindow  *gui_test_window_new_on_workspace (GapApplication *app,
                                              const char     *basename,
                                              GFile         **file);
/* Destroys @window and the message dialogs left over, and checks that
 * nothing kept the window alive. */
void        gui_test_destroy_window (GtkWindow    *window);
/* The control row below @root bound to @assessment, or NULL. */
GapControlRow *gui_test_find_control_row (GtkWidget     *root,
                                          GapAssessment *assessment);

G_END_DECLS
