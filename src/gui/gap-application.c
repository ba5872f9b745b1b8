/* gap-application.c — the ISMS Gap application
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-application.h"
#include "gap-util.h"
#include "gap-window.h"

struct _GapApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GapApplication, gap_application, ADW_TYPE_APPLICATION)

static void
gap_application_about (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The ISMS Gap authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("ISMS Gap"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The ISMS Gap authors"),
                        "developers", developers,
                        "copyright", _("© 2026 The ISMS Gap authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/ismsgap/isms-gap",
                        "issue-url", "https://github.com/ismsgap/isms-gap/issues",
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("How far is your ISMS from ISO/IEC 27001, once you count "
                                      "what your Microsoft cloud services already cover?"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
gap_application_quit (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing lets each window save its state and finish pending edits. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (GAP_IS_WINDOW (l->data))
      gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (app));
}

static const GActionEntry app_actions[] = {
  { "about", gap_application_about },
  { "quit", gap_application_quit },
};

static GapWindow *
gap_application_get_empty_window (GapApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GAP_IS_WINDOW (active) && gap_window_get_workspace (GAP_WINDOW (active)) == NULL)
    return GAP_WINDOW (active);

  return gap_window_new (self);
}

static void
gap_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (gap_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  /* GtkApplication's own gtk/help-overlay.ui would set it; the window builds it on use. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         help_overlay_accels);
}

static void
gap_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* The workspace before the window shows, so that its first frame draws
   * the workspace rather than fading in from the welcome page. */
  window = GTK_WINDOW (gap_window_new (GAP_APPLICATION (application)));
  gap_window_restore_session (GAP_WINDOW (window));
  gtk_window_present (window);
}

static void
gap_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GapApplication *self = GAP_APPLICATION (application);

  /* One window per workspace; a double-clicked file is opened as a copy so
   * the original is never written behind the user's back. */
  for (int i = 0; i < n_files; i++)
    {
      GapWindow *window = gap_application_get_empty_window (self);
      g_autoptr(GError) error = NULL;
      gboolean opened;

      /* Opened first, as in activate(); an error shows over the window. */
      opened = gap_window_open_copy (window, files[i], &error);
      gtk_window_present (GTK_WINDOW (window));
      if (!opened)
        gap_widget_show_error (GTK_WIDGET (window), _("Could not open the workspace"), error);
    }
}

static void
gap_application_class_init (GapApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = gap_application_startup;
  app_class->activate = gap_application_activate;
  app_class->open = gap_application_open;
}

static void
gap_application_init (GapApplication *self)
{
}

GapApplication *
gap_application_new (void)
{
  return g_object_new (GAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
