/* bench-app-minimal.c — the smallest libadwaita window, the start-up baseline
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication with one AdwApplicationWindow (a header bar and a
 * status page) of ISMS Gap's size; prints "frame" and exits at its first
 * drawn frame, as bench-app-gap does.
 */

#include "config.h"

#include <adwaita.h>

#include "bench-frame.h"

static void
startup_cb (GApplication *application)
{
  bench_mark ("toolkit started (GTK, libadwaita, display)");
}

static void
activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Minimal window");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  bench_mark ("window built");
  bench_exit_at_first_frame (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ismsgap.BenchMinimal",
                                                       G_APPLICATION_NON_UNIQUE);

  bench_mark ("main() entered (libraries loaded)");
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
