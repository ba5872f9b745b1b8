/* bench-app-gap.c — isms-gap, reporting its first drawn frame
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/main.c, plus one hook: when the window has drawn its first frame
 * showing a workspace, print "frame" and exit at once, so that the
 * benchmark's parent can time the start and read the peak memory; and the
 * phases of the start marked on the way (bench_mark()). Run as
 * "bench-app-gap FILE.ismsgap": the application opens a working copy of
 * the file, as when a user double-clicks it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bench-frame.h"
#include "gap-application.h"
#include "gap-window.h"

/* The first frame with the workspace in it, not the welcome page. */
static gboolean
shows_workspace (GtkWidget *window)
{
  return gap_window_get_workspace (GAP_WINDOW (window)) != NULL;
}

static void
workspace_changed_cb (GtkWidget *window)
{
  if (shows_workspace (window))
    bench_mark ("workspace open, its page built and filled");
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  if (GAP_IS_WINDOW (window))
    {
      bench_mark ("window built");
      g_signal_connect (window, "notify::workspace", G_CALLBACK (workspace_changed_cb), NULL);
      bench_exit_at_first_frame (GTK_WIDGET (window), shows_workspace);
    }
}

static void
startup_cb (GApplication *application)
{
  bench_mark ("toolkit started (GTK, libadwaita, display)");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GapApplication) app = NULL;
  const char *localedir;

  bench_mark ("main() entered (libraries loaded)");
  setlocale (LC_ALL, "");
  localedir = g_getenv ("GAP_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("ISMS Gap"));

  app = gap_application_new ();
  /* Each run is its own process: no hand-over to a running instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
