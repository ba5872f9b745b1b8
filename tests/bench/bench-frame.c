/* bench-frame.c — a start-up benchmark program ends at its first frame
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "bench-frame.h"

void
bench_mark (const char *phase)
{
  const char *t0 = g_getenv ("BENCH_T0");

  if (t0 == NULL)
    return;
  printf ("mark %s %.1f\n", phase,
          (g_get_monotonic_time () - g_ascii_strtoll (t0, NULL, 10)) / 1000.0);
}

static gboolean
is_ready (GtkWidget *window)
{
  BenchFrameReady ready = g_object_get_data (G_OBJECT (window), "bench-ready");

  return ready == NULL || ready (window);
}

/* The phases of the frame that counts, once each. */
static void
mark_phase (GtkWidget  *window,
            const char *phase)
{
  if (is_ready (window) && g_object_get_data (G_OBJECT (window), phase) == NULL)
    {
      g_object_set_data (G_OBJECT (window), phase, GINT_TO_POINTER (TRUE));
      bench_mark (phase);
    }
}

static void
map_cb (GtkWidget *window)
{
  mark_phase (window, "window mapped (sized, realized)");
}

static void
before_paint_cb (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  mark_phase (window, "frame starts");
}

/* Connected after the surface's own handlers, so these mark the ends. */
static void
layout_cb (GdkFrameClock *clock,
           GtkWidget     *window)
{
  mark_phase (window, "frame laid out (measure, allocate)");
}

static void
paint_cb (GdkFrameClock *clock,
          GtkWidget     *window)
{
  mark_phase (window, "frame painted (snapshot, render)");
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (!is_ready (window))
    return;
  bench_mark ("frame shown");
  printf ("frame\n");
  fflush (stdout);
  _exit (0);
}

static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), window);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), window);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

void
bench_exit_at_first_frame (GtkWidget       *window,
                           BenchFrameReady  ready)
{
  g_object_set_data (G_OBJECT (window), "bench-ready", ready);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
