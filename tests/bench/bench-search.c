/* bench-search.c — filtering the controls list, keystroke by keystroke
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window shows each workspace's controls page; the program types
 * queries into its search field one character at a time, then deletes
 * them one at a time. Per keystroke it measures the filtering (from the
 * keystroke — a character inserted, or one deleted — with "search-changed"
 * emitted at once rather than after the entry's 150 ms typing pause, until
 * the filtered model is complete) and
 * the frame drawn after it (update, layout and paint). Baseline: GTK's own GtkStringFilter
 * over a GtkStringList of the same texts (ID, titles, owner, notes) typed
 * the same way, without widgets. Target: a keystroke within one frame
 * (16 ms), median and worst.
 *
 * Needs a display (run-all uses Xvfb).
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "bench-gui.h"

/* This thread's CPU time: on a loaded machine, the part of a keystroke
 * that is this program's work rather than waiting for a core. */
static double
cpu_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The CPU time of the frame's update, layout and paint: what
 * bench_gui_next_frame() times by the clock. */
typedef struct
{
  double started;
  double cpu;
} FrameCpu;

static void
frame_cpu_before_cb (GdkFrameClock *clock,
                     FrameCpu      *frame)
{
  frame->started = cpu_now_ms ();
}

static void
frame_cpu_after_cb (GdkFrameClock *clock,
                    FrameCpu      *frame)
{
  frame->cpu = cpu_now_ms () - frame->started;
}

static const char * const queries[] = { "backup", "control 8.1", "資訊" };

typedef struct
{
  GPtrArray *keystrokes;   /* the texts, in typing order */
} Typing;

static GPtrArray *
make_keystrokes (void)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      glong n = g_utf8_strlen (queries[q], -1);

      for (glong i = 1; i <= n; i++)
        g_ptr_array_add (texts, g_utf8_substring (queries[q], 0, i));
      for (glong i = n - 1; i >= 0; i--)
        g_ptr_array_add (texts, g_utf8_substring (queries[q], 0, i));
    }
  return texts;
}

/* One keystroke: a character typed at the end, or Backspace. Not
 * gtk_editable_set_text(): that empties the entry first, and an empty
 * search entry reports "search-changed" at once (a full refilter no
 * keystroke makes). */
static void
type_key (GtkEditable *editable,
          const char  *text)
{
  const char *old = gtk_editable_get_text (editable);
  int old_chars = g_utf8_strlen (old, -1);
  int chars = g_utf8_strlen (text, -1);

  if (chars == old_chars + 1 && g_str_has_prefix (text, old))
    {
      int position = old_chars;

      gtk_editable_insert_text (editable, text + strlen (old), -1, &position);
    }
  else if (chars == old_chars - 1 && g_str_has_prefix (old, text))
    gtk_editable_delete_text (editable, chars, old_chars);
  else
    g_error ("Not one keystroke from “%s” to “%s”", old, text);
  g_assert (g_str_equal (gtk_editable_get_text (editable), text));
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   gboolean       *changed)
{
  *changed = TRUE;
}

/* ---- the baseline: GtkStringFilter over the same texts ---- */

static double
baseline (Bench        *bench,
          GapWorkspace *workspace,
          GPtrArray    *keystrokes)
{
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  GtkStringFilter *filter;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) a = g_list_model_get_item (assessments, i);
      GapControl *c = gap_assessment_get_control (a);
      g_autofree char *text = g_strjoin ("\n", gap_control_get_id (c),
                                         gap_control_get_title (c, "en"),
                                         gap_control_get_title (c, "zh_TW"),
                                         gap_assessment_get_owner (a),
                                         gap_assessment_get_notes (a), NULL);

      gtk_string_list_take (strings, g_steal_pointer (&text));
    }
  filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                               "string"));
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (strings)),
                                        GTK_FILTER (filter));

  for (guint round = 0; round < 3; round++)
    for (guint k = 0; k < keystrokes->len; k++)
      {
        double t0 = bench_now_ms ();

        gtk_string_filter_set_search (filter, keystrokes->pdata[k]);
        g_assert (gtk_filter_list_model_get_pending (filtered) == 0);
        g_list_model_get_n_items (G_LIST_MODEL (filtered));
        g_array_append_val (samples, (double) { bench_now_ms () - t0 });
      }
  return bench_median_of (samples);
}

/* ---- the window ---- */

static void
run (Bench     *bench,
     GapWindow *window,
     gpointer   data)
{
  g_autoptr(GPtrArray) keystrokes = make_keystrokes ();

  for (guint i = 0; i < bench->workspaces->len; i++)
    {
      BenchWorkspace *ws = bench->workspaces->pdata[i];
      g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
      GtkWidget *page;
      GtkSearchEntry *entry;
      GListModel *filtered;
      double worst = 0, worst_cpu = 0, base;
      guint worst_key = 0, worst_round = 0, worst_cpu_key = 0, worst_cpu_round = 0;
      g_autofree char *worst_measure = NULL;
      g_autofree char *worst_cpu_measure = NULL;
      gulong handler, before, after;
      GdkFrameClock *clock;

      bench_gui_open (window, ws, ws->path);
      gap_window_show_page (window, "controls");
      bench_gui_flush ();
      bench_gui_next_frame (GTK_WIDGET (window));
      bench_gui_settle (GTK_WIDGET (window));
      page = bench_gui_find (GTK_WIDGET (window), g_type_from_name ("GapControlsPage"));
      g_assert (page != NULL);
      entry = GTK_SEARCH_ENTRY (bench_gui_find (page, GTK_TYPE_SEARCH_ENTRY));
      g_assert (entry != NULL);
      /* The pause is not work: the program emits "search-changed" itself. */
      gtk_search_entry_set_search_delay (entry, G_MAXINT);
      /* What the list shows, as the GUI tests read it. */
      filtered = G_LIST_MODEL (gtk_widget_get_template_child (page, G_OBJECT_TYPE (page),
                                                              "filter_model"));
      g_assert (filtered != NULL);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      for (guint round = 0; round < 3; round++)
        for (guint k = 0; k < keystrokes->len; k++)
          {
            gboolean changed = FALSE;
            FrameCpu frame_cpu = { 0 };
            double t0, t1, tset, frame, c0, c1, cpu;

            handler = g_signal_connect_after (entry, "search-changed",
                                              G_CALLBACK (search_changed_cb), &changed);
            c0 = cpu_now_ms ();
            t0 = bench_now_ms ();
            type_key (GTK_EDITABLE (entry), keystrokes->pdata[k]);
            tset = bench_now_ms ();
            g_signal_emit_by_name (entry, "search-changed");
            while (!changed)
              g_main_context_iteration (NULL, TRUE);
            t1 = bench_now_ms ();
            c1 = cpu_now_ms ();
            g_signal_handler_disconnect (entry, handler);
            before = g_signal_connect (clock, "before-paint", G_CALLBACK (frame_cpu_before_cb),
                                       &frame_cpu);
            after = g_signal_connect_after (clock, "after-paint", G_CALLBACK (frame_cpu_after_cb),
                                            &frame_cpu);
            frame = bench_gui_next_frame (GTK_WIDGET (window));
            g_signal_handler_disconnect (clock, before);
            g_signal_handler_disconnect (clock, after);
            /* The same spans as the clock's figure, in this thread's CPU
             * time: the work without the waits for a core. */
            cpu = c1 - c0 + frame_cpu.cpu;
            g_array_append_val (filter_ms, (double) { t1 - t0 });
            if (g_getenv ("GAP_BENCH_SAMPLES") != NULL)
              g_printerr ("“%s”: text %.2f ms, filter %.2f ms, frame %.2f ms, "
                          "CPU %.2f + %.2f ms, %u shown\n",
                          (char *) keystrokes->pdata[k], tset - t0, t1 - tset, frame,
                          c1 - c0, frame_cpu.cpu,
                          g_list_model_get_n_items (filtered));
            g_array_append_val (total_ms, (double) { t1 - t0 + frame });
            g_array_append_val (cpu_ms, cpu);
            if (cpu > worst_cpu)
              {
                worst_cpu = cpu;
                worst_cpu_key = k;
                worst_cpu_round = round;
              }
            if (t1 - t0 + frame > worst)
              {
                worst = t1 - t0 + frame;
                worst_key = k;
                worst_round = round;
              }
          }

      base = baseline (bench, gap_window_get_workspace (window), keystrokes);
      bench_row (bench, "search", ws, "filtering, per keystroke", bench_median_of (filter_ms),
                 "GtkStringFilter, same texts", base, 0, 0);
      bench_row (bench, "search", ws, "keystroke + frame, median", bench_median_of (total_ms),
                 NULL, 0, 16, 0);
      /* Which keystroke: the first search after opening, or the one back to
       * an empty search, are not like the others. */
      worst_measure = g_strdup_printf ("keystroke + frame, worst (to “%s”, round %u)",
                                       (char *) keystrokes->pdata[worst_key], worst_round + 1);
      bench_row (bench, "search", ws, worst_measure, worst, NULL, 0, 16, 0);
      /* On a shared machine the clock also counts waiting for a core. */
      bench_row (bench, "search", ws, "keystroke + frame, median CPU time",
                 bench_median_of (cpu_ms), NULL, 0, 16, 0);
      worst_cpu_measure = g_strdup_printf ("keystroke + frame, worst CPU time (to “%s”, round %u)",
                                           (char *) keystrokes->pdata[worst_cpu_key],
                                           worst_cpu_round + 1);
      bench_row (bench, "search", ws, worst_cpu_measure, worst_cpu, NULL, 0, 16, 0);
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      bench_gui_flush ();
    }
}

int
main (int   argc,
      char *argv[])
{
  Bench *bench = bench_new (&argc, &argv, "DATADIR");
  int status;

  status = bench_gui_run (bench, run, NULL);
  if (status == 0)
    bench_print (bench, "Search");
  bench_free (bench);
  return status;
}
