/* bench-gui.c — running the real window for the benchmarks
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bench-gui.h"
#include "gap-application.h"

typedef struct
{
  Bench        *bench;
  BenchGuiFunc  func;
  gpointer      data;
} Run;

typedef struct
{
  double   started;
  double   finished;
  gboolean painted;
} Frame;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  if (frame->started == 0)
    frame->started = bench_now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->started != 0 && !frame->painted)
    {
      frame->finished = bench_now_ms ();
      frame->painted = TRUE;
    }
}

double
bench_gui_next_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Frame frame = { 0 };
  gulong before, after;

  g_assert (clock != NULL);
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frame);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  return frame.finished - frame.started;
}

static gboolean
transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;
  return FALSE;
}

void
bench_gui_settle (GtkWidget *widget)
{
  double deadline = bench_now_ms () + 5000;

  while (transition_running (widget))
    {
      if (bench_now_ms () > deadline)
        g_error ("A transition is still running after 5 s");
      g_main_context_iteration (NULL, TRUE);
    }
  bench_gui_flush ();
}

void
bench_gui_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
bench_gui_find (GtkWidget *root,
                GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_gui_find (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
bench_gui_open (GapWindow      *window,
                BenchWorkspace *ws,
                const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  bench_use_catalog (ws);
  if (!gap_window_open_file (window, file, &error))
    g_error ("%s: %s", path, error->message);
  bench_gui_flush ();
  bench_gui_next_frame (GTK_WIDGET (window));
  /* The welcome page crossfades into the workspace: its frames paint both
   * pages and are not what the benchmarks measure. */
  bench_gui_settle (GTK_WIDGET (window));
}

static void
activate_cb (GApplication *application,
             Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_assert (GAP_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1280, 800);
  bench_gui_next_frame (GTK_WIDGET (window));
  run->func (run->bench, GAP_WINDOW (window), run->data);
  g_application_quit (application);
}

int
bench_gui_run (Bench        *bench,
               BenchGuiFunc  func,
               gpointer      data)
{
  g_autoptr(GapApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("gap-bench-home-XXXXXX", &error);
  Run run = { bench, func, data };
  char *argv[] = { (char *) "isms-gap", NULL };
  int status;

  /* Working copies and recent files go to a throwaway folder. */
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  if (g_getenv ("GSETTINGS_BACKEND") == NULL)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  app = gap_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  /* After the application's own handler: its window exists then. */
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &run);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  bench_remove_tree (home);
  return status;
}
