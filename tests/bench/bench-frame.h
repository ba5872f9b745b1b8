/* bench-frame.h — a start-up benchmark program ends at its first frame
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*BenchFrameReady) (GtkWidget *window);

/* When @window has drawn a frame and @ready (if given) says it shows what
 * it should, prints "frame" and exits at once: bench-startup times the
 * start to that line and reads the peak memory from wait4(). */
void bench_exit_at_first_frame (GtkWidget       *window,
                                BenchFrameReady  ready);

/* Prints "mark @phase MS", the time since bench-startup spawned this
 * process (its BENCH_T0, in µs of the monotonic clock), when it is set.
 * bench_exit_at_first_frame() marks the first frame's layout, paint and
 * end. */
void bench_mark                (const char      *phase);

G_END_DECLS
