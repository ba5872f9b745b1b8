/* bench-gui.h — running the real window for the benchmarks
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bench-util.h"
#include "gap-window.h"

G_BEGIN_DECLS

typedef void (*BenchGuiFunc) (Bench     *bench,
                              GapWindow *window,
                              gpointer   data);

/* Runs the ISMS Gap application (not unique, no session restored into a
 * real data folder) and calls @func with its window once the window has
 * drawn its first frame; quits when @func returns. */
int        bench_gui_run           (Bench        *bench,
                                    BenchGuiFunc  func,
                                    gpointer      data);
/* Opens @ws in @window in place and waits until it has been drawn and
 * its transitions are over. */
void       bench_gui_open          (GapWindow    *window,
                                    BenchWorkspace *ws,
                                    const char   *path);
/* Runs the main loop until @widget's window has painted a frame (one is
 * requested), and returns how long that frame's update, layout and paint
 * took, in milliseconds. */
double     bench_gui_next_frame    (GtkWidget    *widget);
/* Runs the main loop until no stack or leaflet under @widget is in a
 * transition (the frames of one paint both its children). */
void       bench_gui_settle        (GtkWidget    *widget);
/* Runs pending events and idles without blocking. */
void       bench_gui_flush         (void);
/* The first descendant of @root of type @type, depth first, or NULL. */
GtkWidget *bench_gui_find          (GtkWidget    *root,
                                    GType         type);

G_END_DECLS
