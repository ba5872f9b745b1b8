/* bench-frame.c — a start-up benchmark program ends at its first frame
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "bench-frame.h"

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  BenchFrameReady ready = g_object_get_data (G_OBJECT (window), "bench-ready");

  if (ready != NULL && !ready (window))
    return;
  printf ("frame\n");
  fflush (stdout);
  _exit (0);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

void
bench_exit_at_first_frame (GtkWidget       *window,
                           BenchFrameReady  ready)
{
  g_object_set_data (G_OBJECT (window), "bench-ready", ready);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
